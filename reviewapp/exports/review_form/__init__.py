"""The offline review form workbook: its layout, writer and reader."""

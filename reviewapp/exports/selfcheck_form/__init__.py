"""The self-check form (个人自查表 / 部门核查表) as an Excel workbook: layout, writing, reading."""

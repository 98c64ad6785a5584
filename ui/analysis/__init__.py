"""Analysis windows and dialogs (分析研判)."""

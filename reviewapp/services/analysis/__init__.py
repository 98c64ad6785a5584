"""Analysis (分析研判): statistics of review results, periods, click-through (stats.py says what is counted)."""

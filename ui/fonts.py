"""Make sure Chinese renders in the UI: use a system CJK family, else load the font shipped with the app."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

PREFERRED = (
    "Microsoft YaHei",
    "微软雅黑",
    "SimSun",
    "宋体",
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
    "AR PL UMing CN",
)


def ensure_cjk_font(app: QApplication) -> str | None:
    """Return the family used for Chinese text, loading the shipped font when the system has none."""
    families = set(QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese))
    chosen = next((f for f in PREFERRED if f in families), None)
    if chosen is None and families:
        chosen = sorted(families)[0]
    if chosen is None:
        try:
            from reviewapp.font_files import shipped_font_files

            files = shipped_font_files()
        except Exception:  # the font package is optional for the UI; Qt falls back to what it has
            files = []
        for path in files:
            font_id = QFontDatabase.addApplicationFont(str(path))
            loaded = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
            if loaded:
                chosen = loaded[0]
                break
    if chosen:
        font = QFont(app.font())
        font.setFamilies([app.font().family(), chosen])
        app.setFont(font)
    return chosen

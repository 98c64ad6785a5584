"""The Help menu: About names the version, the database and its schema version and the licences of what ships;
the user guide opens in the app, in the UI language, with its screenshots and working links."""

from __future__ import annotations

import re

from PySide6.QtCore import QUrl
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reviewapp import __version__
from reviewapp.services.workbench import Workbench
from reviewapp.storage.database import head_revision
from ui.help.about import FONTS, LIBRARIES, AboutDialog
from ui.help.guide import GUIDE_DIR, GuideWindow, guide_path
from ui.i18n import install_translators
from ui.main_window import MainWindow


def test_about_tells_version_database_schema_and_licences(qtbot: QtBot, wb: Workbench) -> None:
    window = MainWindow(wb)
    qtbot.addWidget(window)
    assert window.help.about_action in window.help_menu.actions()
    dialog = window.help.show_about()
    qtbot.addWidget(dialog)
    assert isinstance(dialog, AboutDialog) and dialog.isVisible() and dialog.windowTitle() == "关于评查工作台"
    text = dialog.text.toPlainText()
    assert __version__ in text
    if wb.db.sqlite_path is not None:
        assert str(wb.db.sqlite_path) in text  # where the data is
    else:  # a server: its URL, with the password masked
        from sqlalchemy.engine import make_url

        url = make_url(wb.db.url)
        assert f"{url.username}:***@{url.host}:{url.port}/{url.database}" in text
        assert f"{url.username}:{url.password}@" not in text
    assert f"数据库结构版本\t{head_revision()}" in text or head_revision() in text
    for bundled in (*FONTS, *LIBRARIES):
        assert bundled.name in text and bundled.licence in text
    assert "Arphic Public License" in text and "LGPL-3.0" in text
    dialog.close()


def test_the_guide_opens_in_chinese_with_its_screenshots(qtbot: QtBot, wb: Workbench) -> None:
    window = MainWindow(wb)
    qtbot.addWidget(window)
    guide = window.help.show_guide()
    qtbot.addWidget(guide)
    assert isinstance(guide, GuideWindow) and guide.isVisible()
    assert guide.path == GUIDE_DIR / "guide_zh.md"
    text = guide.browser.toPlainText()
    assert text.startswith("评查工作台 用户指南")
    for heading in ("管理员的第一个小时", "评查员的第一个小时", "快捷键速查"):
        assert heading in text
    # Every picture the guide names exists and is loaded by the browser (not a broken image).
    source = guide.path.read_text(encoding="utf-8")
    images = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", source)
    assert len(images) >= 8
    for name in images:
        assert (GUIDE_DIR / name).is_file(), name
        resource = guide.browser.document().resource(
            QTextDocument.ResourceType.ImageResource, guide.browser.source().resolved(QUrl(name))
        )
        assert resource is not None and not resource.isNull(), name
    # A link of the contents goes to its section, inside the app.
    guide._follow(QUrl("#五常见问题"))  # GitHub's anchor of "五、常见问题", as the contents write it
    assert guide.browser.textCursor().block().text() == "五、常见问题"
    assert guide.go_to_heading("一安装与第一次启动") and not guide.go_to_heading("no-such-heading")
    guide.close()


def test_the_guide_follows_the_ui_language(qtbot: QtBot) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    try:
        install_translators(app, "en")
        english = guide_path()
        assert english.name == ("guide_en.md" if (GUIDE_DIR / "guide_en.md").exists() else "guide_zh.md")
        window = GuideWindow()
        qtbot.addWidget(window)
        assert window.windowTitle() == "User guide"
    finally:
        install_translators(app, "zh_CN")
    assert guide_path().name == "guide_zh.md"


def test_status_tips_read_without_mnemonic_markers(qtbot: QtBot, wb: Workbench) -> None:
    """The status bar repeats an action's text when it has no tip of its own: never with its "(&P)"."""
    from PySide6.QtGui import QAction

    from ui.i18n import install_translators

    app = QApplication.instance()
    for language in ("en", "zh_CN"):  # the session's language (tests/ui/conftest.py) last
        install_translators(app, language)
        window = MainWindow(wb)
        qtbot.addWidget(window)
        tips = {a.text(): a.statusTip() for a in window.findChildren(QAction) if a.statusTip()}
        assert tips and not [t for t in tips.values() if "&" in t.replace("&&", "")], tips
        window.close()

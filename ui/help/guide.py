"""The user guide (docs/guide/guide_zh.md, guide_en.md), shown in the app as Markdown with its screenshots."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QTextCursor, QTextDocument
from PySide6.QtWidgets import QHBoxLayout, QMainWindow, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from reviewapp.i18n import SOURCE_LANGUAGE, current_language

# In a source checkout and in the bundled build alike the guide sits beside the ui package: <root>/docs/guide.
GUIDE_DIR = Path(__file__).resolve().parents[2] / "docs" / "guide"
GUIDES = {"zh_CN": "guide_zh.md", "en": "guide_en.md"}


def guide_path(language: str | None = None) -> Path:
    """The guide in the UI language (the Chinese one when there is none in that language)."""
    language = language or current_language()
    wanted = GUIDE_DIR / GUIDES.get(language, GUIDES["zh_CN"])
    return wanted if wanted.exists() else GUIDE_DIR / GUIDES["zh_CN"]


class GuideWindow(QMainWindow):
    def __init__(self, parent: QWidget | None = None, language: str | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guideWindow")
        self.setWindowTitle(self.tr("User guide"))
        self.resize(980, 820)
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("guideBrowser")
        self.browser.setOpenLinks(False)  # the guide's own pages open here, everything else outside (_follow)
        self.browser.anchorClicked.connect(self._follow)
        self.back_button = QPushButton(self.tr("Back"), self)
        self.back_button.clicked.connect(self.browser.backward)
        self.home_button = QPushButton(self.tr("Contents"), self)
        self.home_button.clicked.connect(self.browser.home)
        self.browser.backwardAvailable.connect(self.back_button.setEnabled)
        self.back_button.setEnabled(False)
        bar = QHBoxLayout()
        bar.addWidget(self.back_button)
        bar.addWidget(self.home_button)
        bar.addStretch(1)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.addLayout(bar)
        layout.addWidget(self.browser)
        self.setCentralWidget(central)
        self.path = guide_path(language)
        self.browser.setSearchPaths([str(self.path.parent)])
        self.browser.setSource(QUrl.fromLocalFile(str(self.path)), QTextDocument.ResourceType.MarkdownResource)

    def go_to_heading(self, anchor: str) -> bool:
        """Scroll to the heading a Markdown link names as GitHub does ("#五常见问题" for "五、常见问题"): Qt's
        Markdown reader gives headings no anchors of their own."""
        block = self.browser.document().begin()
        while block.isValid():
            if block.blockFormat().headingLevel() and heading_anchor(block.text()) == anchor:
                cursor = QTextCursor(block)
                self.browser.setTextCursor(cursor)
                bar = self.browser.verticalScrollBar()
                bar.setValue(
                    min(bar.maximum(), int(self.browser.document().documentLayout().blockBoundingRect(block).top()))
                )
                return True
            block = block.next()
        self.browser.scrollToAnchor(anchor)
        return False

    def _follow(self, url: QUrl) -> None:
        """A link to a heading or another page of the guide opens here; a web page or file opens outside."""
        target = self.browser.source().resolved(url)
        if not url.scheme() and not url.path() and url.hasFragment():
            self.go_to_heading(url.fragment())
        elif target.isLocalFile() and target.toLocalFile().endswith(".md"):
            self.browser.setSource(target, QTextDocument.ResourceType.MarkdownResource)
            if target.hasFragment():
                self.go_to_heading(target.fragment())
        else:
            QDesktopServices.openUrl(target)


def heading_anchor(text: str) -> str:
    """GitHub's anchor of a heading: lower case, punctuation dropped, spaces as hyphens."""
    kept = "".join(ch for ch in text.strip().lower() if ch.isalnum() or ch in " -_")
    return kept.replace(" ", "-")


def english_guide_exists() -> bool:
    return (GUIDE_DIR / GUIDES[SOURCE_LANGUAGE]).exists()

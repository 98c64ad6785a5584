"""About: the version, where the data is (database and its schema version, data and log folders) and the
licences of the fonts and libraries the app ships with."""

from __future__ import annotations

import html
import platform
import sys
from dataclasses import dataclass
from importlib import metadata

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import qVersion
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from reviewapp import __version__
from reviewapp.cli.auth import masked
from reviewapp.i18n import QT_TRANSLATE_NOOP, translate
from reviewapp.paths import data_dir, log_dir
from reviewapp.services.workbench import Workbench
from reviewapp.storage.database import current_revision, head_revision


@dataclass(frozen=True)
class Bundled:
    name: str
    distribution: str  # the installed package whose version is shown ("" for files in resources/)
    licence: str
    use: str  # what the app uses it for (translated when shown)
    version: str = ""  # of files shipped in resources/ (resources/fonts/README.md)


# Fonts in resources/fonts (their licence files are next to them) and the libraries of pyproject.toml.
FONTS = (
    Bundled(
        "AR PL UMing CN (uming.ttc)",
        "",
        "Arphic Public License",
        QT_TRANSLATE_NOOP("About", "Body text of official PDFs"),
        "0.2.20080216.2",
    ),
    Bundled(
        "WenQuanYi Micro Hei (wqy-microhei.ttc)",
        "",
        "Apache-2.0 or GPL-3.0+ with font exception",
        QT_TRANSLATE_NOOP("About", "Headings"),
        "0.2.0-beta",
    ),
)
LIBRARIES = (
    Bundled("Qt / PySide6", "PySide6-Essentials", "LGPL-3.0", QT_TRANSLATE_NOOP("About", "The windows")),
    Bundled("SQLAlchemy", "SQLAlchemy", "MIT", QT_TRANSLATE_NOOP("About", "The database")),
    Bundled("Alembic", "alembic", "MIT", QT_TRANSLATE_NOOP("About", "Database upgrades")),
    Bundled("psycopg", "psycopg", "LGPL-3.0", QT_TRANSLATE_NOOP("About", "A shared PostgreSQL database")),
    Bundled("openpyxl", "openpyxl", "MIT", QT_TRANSLATE_NOOP("About", "Excel files")),
    Bundled("python-calamine", "python-calamine", "MIT", QT_TRANSLATE_NOOP("About", "Reading case exports")),
    Bundled("ReportLab", "reportlab", "BSD-3-Clause", QT_TRANSLATE_NOOP("About", "Official PDFs")),
    Bundled("python-docx", "python-docx", "MIT", QT_TRANSLATE_NOOP("About", "Word notices")),
    Bundled(
        "pypdfium2 / PDFium",
        "pypdfium2",
        "Apache-2.0 or BSD-3-Clause",
        QT_TRANSLATE_NOOP("About", "Showing dossier PDFs"),
    ),
    Bundled(
        "RapidOCR", "rapidocr_onnxruntime", "Apache-2.0", QT_TRANSLATE_NOOP("About", "Reading scanned pages (OCR)")
    ),
    Bundled("ONNX Runtime", "onnxruntime", "MIT", QT_TRANSLATE_NOOP("About", "Reading scanned pages (OCR)")),
    Bundled("Pillow", "pillow", "MIT-CMU", QT_TRANSLATE_NOOP("About", "Reading scanned pages (OCR)")),
    Bundled("NumPy", "numpy", "BSD-3-Clause", QT_TRANSLATE_NOOP("About", "Reading scanned pages (OCR)")),
    Bundled("argon2-cffi", "argon2-cffi", "MIT", QT_TRANSLATE_NOOP("About", "Password hashes")),
    Bundled("chinese-calendar", "chinesecalendar", "MIT", QT_TRANSLATE_NOOP("About", "Working days and holidays")),
    Bundled("PyYAML", "PyYAML", "MIT", QT_TRANSLATE_NOOP("About", "Review standards")),
    Bundled("platformdirs", "platformdirs", "MIT", QT_TRANSLATE_NOOP("About", "Data folders")),
)


def version_of(distribution: str) -> str:
    if not distribution:
        return ""
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return translate("About", "not installed")


def about_html(wb: Workbench) -> str:
    """The About text as HTML (read by the dialog and by tests)."""
    current = current_revision(wb.db) or "—"
    head = head_revision()
    schema = (
        current
        if current == head
        else translate("About", "{current} (this version expects {head})").format(current=current, head=head)
    )
    rows = [
        (translate("About", "Version"), __version__),
        (translate("About", "Database"), masked(wb.db.url)),
        (translate("About", "Schema version"), schema),
        (translate("About", "Data folder"), str(data_dir())),
        (translate("About", "Log folder"), str(log_dir())),
        (translate("About", "Python / Qt / PySide6"), f"{platform.python_version()} / {qVersion()} / {pyside_version}"),
        (translate("About", "System"), f"{platform.system()} {platform.release()} ({sys.platform})"),
    ]
    out = [f"<h2>{html.escape(translate('About', 'Case-Quality Review Workbench'))}</h2>"]
    out.append(f"<p>{html.escape(translate('About', 'Case-quality review for procuratorates; works offline.'))}</p>")
    out.append("<table cellspacing='4'>")
    out += [f"<tr><td><b>{html.escape(k)}</b></td><td>{html.escape(v)}</td></tr>" for k, v in rows]
    out.append("</table>")
    for heading, items in ((translate("About", "Bundled fonts"), FONTS), (translate("About", "Libraries"), LIBRARIES)):
        out.append(f"<h3>{html.escape(heading)}</h3><table cellspacing='4'>")
        out.append(
            "<tr>"
            + "".join(
                f"<th align='left'>{html.escape(h)}</th>"
                for h in (
                    translate("About", "Name"),
                    translate("About", "Version"),
                    translate("About", "Licence"),
                    translate("About", "Used for"),
                )
            )
            + "</tr>"
        )
        for b in items:
            cells = (b.name, b.version or version_of(b.distribution), b.licence, translate("About", b.use))
            out.append("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in cells) + "</tr>")
        out.append("</table>")
    note = translate("About", "The licence texts of the fonts are in resources/fonts next to the fonts.")
    out.append(f"<p>{html.escape(note)}</p>")
    return "\n".join(out)


class AboutDialog(QDialog):
    def __init__(self, wb: Workbench, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("About the workbench"))
        self.resize(720, 620)
        self.text = QTextBrowser(self)
        self.text.setObjectName("aboutText")
        self.text.setOpenExternalLinks(False)
        self.text.setHtml(about_html(wb))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)

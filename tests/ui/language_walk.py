"""Read every text a window shows (novelWriter's pattern of walking the widgets) and find the untranslated ones.

What is read: window titles, labels, buttons, group boxes, tabs, placeholders, tooltips, combo-box entries,
the column headers of every item view, actions (their text and tooltip) and menu titles — and the rows of the
keyboard-shortcut lists. What is not: cells of item views (they hold the user's data) and the data itself
wherever it appears in a text (case names, people, units, document titles … read from the database and removed
from a text before it is judged).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from PySide6.QtCore import QAbstractItemModel, QAbstractListModel, QModelIndex, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTabWidget,
    QTextEdit,
    QWidget,
)
from sqlalchemy import String, select

from reviewapp.services.workbench import Workbench

# Chinese characters and the full-width punctuation that goes with them (an English page has neither).
CHINESE = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")
ENGLISH_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+")
# Proper names and codes a Chinese page keeps: keys, file formats, products, units of size.
KEYS = "Ctrl Shift Alt Meta Del Delete Enter Return Esc Tab Home End PgUp PgDown Space Backspace Ins"
FORMATS = "PDF pdf Excel Word xlsx xls xlsm ods csv docx png jpg jpeg tif tiff md OCR KB MB GB ID URL UTF"
PRODUCTS = "SQLite PostgreSQL Qt PySide Python Linux Windows Markdown WPS LibreOffice"
STATISTICIANS = "Cohen Fleiss Krippendorff Kappa"  # κ and α are named after them in Chinese texts too
ALLOWED_WORDS = {*KEYS.split(), *FORMATS.split(), *PRODUCTS.split(), *STATISTICIANS.split()}
HTML_TAG = re.compile(r"<[^>]+>")
PATH = re.compile(r"[^\s<>\"']*[\\/][^\s<>\"']*")  # file paths and URLs shown as they are
# File names shown as they are (映射 other-system.xlsx 的各列).
FILE_NAME = re.compile(r"[^\s<>\"'“”]+\.(?:xlsx|xlsm|xls|ods|csv|pdf|docx|md|png|jpe?g|tiff?|sqlite3|log)\b")
# Official document numbers (××检案管整改〔2026〕1号) are the same in either language.
OFFICIAL_NUMBER = re.compile(r"\S*〔\d{4}〕\d+号")
# An English text may gloss a Chinese legal term in parentheses ("Data quality (数据校验)"), so that a reader
# can match it with the forms and rules they know; the English words must come first.
GLOSS = re.compile(r"(?<=[A-Za-z.…]) \([\u4e00-\u9fff、/ ]+\)")
# An example of what to type where the app stores Chinese words ("one word=severity per line (e.g.
# 错误=一般司法错误)"): the user types it in Chinese in either language.
EXAMPLE = re.compile(r"\(e\.g\. [^()]*\)")
MNEMONIC = re.compile(r"\s*[(（]&[^)）][)）]|&(?=[^&])")


def _clean(text: str) -> str:
    return MNEMONIC.sub("", HTML_TAG.sub(" ", text)).replace("&amp;", "&").replace("&nbsp;", " ")


def _model_headers(model: QAbstractItemModel | None) -> list[str]:
    if model is None or isinstance(model, QAbstractListModel):  # a list has no header
        return []
    out = []
    for section in range(model.columnCount(QModelIndex())):
        value = model.headerData(section, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        if isinstance(value, str):
            out.append(value)
    return out


def own_widgets(root: QWidget) -> list[QWidget]:
    """``root`` and its descendants, without the other windows it owns (they are read on their own)."""
    out = [root]
    stack = [c for c in root.children() if isinstance(c, QWidget)]
    while stack:
        w = stack.pop()
        if w.isWindow() and not isinstance(w, QMenu):
            continue
        out.append(w)
        stack.extend(c for c in w.children() if isinstance(c, QWidget))
    return out


def own_actions(root: QWidget) -> list[QAction]:
    mine = {id(w) for w in own_widgets(root)}
    out = []
    for action in root.findChildren(QAction):
        owner = action.parent()
        while owner is not None and not isinstance(owner, QWidget):
            owner = owner.parent()
        if owner is None or id(owner) in mine:
            out.append(action)
    return out


def widget_texts(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) for every text ``root`` and its children show."""
    out: list[tuple[str, str]] = []

    def add(where: QWidget | QAction | QMenu, text: object) -> None:
        if isinstance(text, str) and text.strip():
            name = where.objectName() or type(where).__name__
            out.append((name, _clean(text)))

    add(root, root.windowTitle())
    for w in own_widgets(root):
        add(w, w.toolTip())
        if isinstance(w, QLabel | QAbstractButton):
            add(w, w.text())
        elif isinstance(w, QGroupBox):
            add(w, w.title())
        elif isinstance(w, QLineEdit | QPlainTextEdit | QTextEdit):
            add(w, w.placeholderText())
        elif isinstance(w, QComboBox):
            for i in range(w.count()):
                add(w, w.itemText(i))
        elif isinstance(w, QTabWidget):
            for i in range(w.count()):
                add(w, w.tabText(i))
                add(w, w.tabToolTip(i))
        elif isinstance(w, QMenu):
            add(w, w.title())
        if isinstance(w, QAbstractItemView):
            for header in _model_headers(w.model()):
                add(w, header)
    for action in own_actions(root):
        add(action, action.text())
        if action.toolTip() != action.text().replace("&", ""):
            add(action, action.toolTip())
        add(action, action.statusTip())
    rows = getattr(getattr(root, "model", None), "rows", None)
    if type(root).__name__ == "ShortcutsHelp" and isinstance(rows, list):
        for keys, what in rows:
            add(root, what)
            add(root, keys)
    return out


def data_values(wb: Workbench) -> list[str]:
    """Every text stored in the case, people and dossier tables: data, shown as it is in either language."""
    from reviewapp.storage import models

    values: set[str] = set()
    with wb.db.session() as s:
        for name in ("Case", "Suspect", "Person", "Unit", "Department", "DossierDocument", "Plan"):
            model = getattr(models, name, None)
            if model is None:
                continue
            columns = [c for c in model.__table__.columns if isinstance(c.type, String)]
            for row in s.execute(select(*columns)):
                values.update(v for v in row if isinstance(v, str) and len(v.strip()) > 1)
        values.update(n for n in s.scalars(select(models.Account.login)) if len(n) > 1)
        values.update(v for v in s.scalars(select(models.Setting.value)) if isinstance(v, str) and len(v) > 1)
        for extra in s.scalars(select(models.Case.extra)):
            for k, v in (extra or {}).items():
                values.update(x for x in (k, v) if isinstance(x, str) and len(x) > 1)
    from reviewapp.domain import case_card
    from reviewapp.standards import load_shipped_standards

    # Sheet names of the user's exports (案件, 嫌疑人 …) are named in reports as the file has them.
    values.update(case_card.CASE_SHEET_NAMES + case_card.SUSPECT_SHEET_NAMES + case_card.DOCUMENT_SHEET_NAMES)

    from reviewapp.services.results.setting_specs import SETTINGS

    # Setting keys are codes (the command line's "settings set KEY"); the lines a list setting ships with
    # (优质=5 …) are values the user edits, in the words the app stores.
    values.update(SETTINGS)
    for spec in SETTINGS.values():
        if spec.kind is list:
            values.update(str(line) for line in spec.default or () if len(str(line)) > 1)
    for standard in load_shipped_standards():  # the common phrases are the reviewer's words, not the app's
        values.update(p for item in standard.items for p in item.phrases)
    return sorted(values, key=len, reverse=True)


def without_data(text: str, data: Iterable[str]) -> str:
    """``text`` without paths, file names, official numbers (first, whole) and then the data values in it."""
    text = OFFICIAL_NUMBER.sub(" ", FILE_NAME.sub(" ", PATH.sub(" ", text)))
    for value in data:
        if value in text:
            text = text.replace(value, " ")
    return text


def untranslated(texts: Iterable[tuple[str, str]], language: str, data: list[str], allowed: set[str]) -> list[str]:
    """The texts that are not in ``language``: Chinese on an English page, English words on a Chinese one."""
    bad = []
    for where, text in texts:
        rest = without_data(text, data)
        for word in sorted(allowed, key=len, reverse=True):
            rest = rest.replace(word, " ")
        if language == "en":
            wrong = CHINESE.findall(GLOSS.sub(" ", EXAMPLE.sub(" ", rest)))
        else:
            wrong = [w for w in ENGLISH_WORD.findall(rest) if w not in ALLOWED_WORDS]
        if wrong:
            bad.append(f"{where}: {text!r}")
    return sorted(set(bad))

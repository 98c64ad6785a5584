"""Extract translatable strings and keep the .ts catalogs in step with the code.

    python scripts/i18n.py update   # add new strings (unfinished), drop vanished ones, keep translations
    python scripts/i18n.py check    # exit 1 listing every zh_CN entry that is missing or unfinished

Recognised calls (first arguments must be string literals):
    translate("Ctx", "text"), QCoreApplication.translate("Ctx", "text"), QT_TRANSLATE_NOOP("Ctx", "text"),
    self.tr("text") inside class Ctx (PySide6 uses the class name as the context).
Counts: translate_n("Ctx", "%n case(s)", n) and self.tr("%n case(s)", "", n) are numerus messages (Qt's %n):
zh_CN gives one form; English, the source language, gives its two (singular, plural) in
resources/translations/en/<dotted.module>.ts, a file holding only that module's numerus messages.
Each source module gets its own file: resources/translations/zh_CN/<dotted.module>.ts.
"""

from __future__ import annotations

import ast
import sys
import xml.etree.ElementTree as ET
from collections import defaultdict
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ("reviewapp", "ui", "main.py")
TARGET_LANGUAGES = ("zh_CN", "en")  # en: the plural forms of numerus messages only
TRANSLATE_NAMES = {"translate", "QT_TRANSLATE_NOOP", "QT_TRANSLATE_NOOP3", "translate_n"}
NUMERUS = "\x00n"  # marks a numerus message in the extracted (context, source) pairs
PLURAL_FORMS = {"zh_CN": 1, "en": 2}
TERMS_FILE = "terms.ts"  # en/terms.ts: English renderings of domain data, kept by hand (not from the code)


def _literal(node: ast.AST) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


class _Extractor(ast.NodeVisitor):
    def __init__(self) -> None:
        self.classes: list[str] = []
        self.found: list[tuple[str, str]] = []

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self.classes.append(node.name)
        self.generic_visit(node)
        self.classes.pop()

    def visit_Call(self, node: ast.Call) -> None:
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
        if name in TRANSLATE_NAMES and len(node.args) >= 2:
            ctx, text = _literal(node.args[0]), _literal(node.args[1])
            if ctx is not None and text is not None:
                # translate_n("Ctx", text, n), or QCoreApplication.translate("Ctx", text, disambiguation, n)
                numerus = name == "translate_n" or (name == "translate" and len(node.args) >= 4)
                self.found.append((ctx, text + NUMERUS if numerus else text))
        elif name == "tr" and isinstance(func, ast.Attribute) and node.args and self.classes:
            text = _literal(node.args[0])
            if text is not None:
                numerus = len(node.args) >= 3 or any(k.arg == "n" for k in node.keywords)
                self.found.append((self.classes[-1], text + NUMERUS if numerus else text))
        self.generic_visit(node)


def module_name(path: Path) -> str:
    rel = path.relative_to(ROOT).with_suffix("")
    return ".".join(rel.parts)


def extract() -> dict[str, list[tuple[str, str]]]:
    """module → ordered unique (context, source) pairs."""
    result: dict[str, list[tuple[str, str]]] = {}
    files: list[Path] = []
    for src in SOURCES:
        p = ROOT / src
        files.extend(sorted(p.rglob("*.py")) if p.is_dir() else [p] if p.exists() else [])
    for f in files:
        ex = _Extractor()
        ex.visit(ast.parse(f.read_text(encoding="utf-8"), filename=str(f)))
        seen: dict[tuple[str, str], None] = dict.fromkeys(ex.found)
        if seen:
            result[module_name(f)] = list(seen)
    return result


def _read_existing(path: Path) -> dict[tuple[str, str], tuple[list[str], bool]]:
    """(context, source) → (the translation's forms — one unless numerus —, finished)."""
    out: dict[tuple[str, str], tuple[list[str], bool]] = {}
    if not path.exists():
        return out
    for ctx in ET.parse(path).getroot().iter("context"):
        name = ctx.findtext("name", default="")
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            forms = [f.text or "" for f in tr.iter("numerusform")] if tr is not None else []
            if not forms:
                forms = [(tr.text or "") if tr is not None else ""]
            finished = tr is not None and tr.get("type") is None and all(forms)
            out[(name, msg.findtext("source", default=""))] = (forms, finished)
    return out


def write_ts(path: Path, language: str, entries: list[tuple[str, str]], existing: dict) -> None:
    by_ctx: dict[str, list[str]] = defaultdict(list)
    for ctx, src in entries:
        by_ctx[ctx].append(src)
    lines = ['<?xml version="1.0" encoding="utf-8"?>', "<!DOCTYPE TS>", f'<TS version="2.1" language="{language}">']
    for ctx in sorted(by_ctx):
        lines += ["<context>", f"    <name>{escape(ctx)}</name>"]
        for marked in by_ctx[ctx]:
            src = marked.removesuffix(NUMERUS)
            forms, finished = existing.get((ctx, src), ([""], False))
            attr = "" if finished else ' type="unfinished"'
            if marked.endswith(NUMERUS):
                wanted = PLURAL_FORMS.get(language, 1)
                forms = (forms + [""] * wanted)[:wanted]
                finished = finished and all(forms)
                attr = "" if finished else ' type="unfinished"'
                lines += ['    <message numerus="yes">', f"        <source>{escape(src)}</source>"]
                lines.append(f"        <translation{attr}>")
                lines += [f"            <numerusform>{escape(f)}</numerusform>" for f in forms]
                lines += ["        </translation>", "    </message>"]
                continue
            lines += [
                "    <message>",
                f"        <source>{escape(src)}</source>",
                f"        <translation{attr}>{escape(forms[0])}</translation>",
                "    </message>",
            ]
        lines.append("</context>")
    lines.append("</TS>")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _wanted(lang: str, found: dict[str, list[tuple[str, str]]]) -> dict[str, list[tuple[str, str]]]:
    """The entries each language's files hold: all of them for zh_CN, the numerus ones for English."""
    if lang != "en":
        return found
    numerus = {mod: [e for e in entries if e[1].endswith(NUMERUS)] for mod, entries in found.items()}
    return {mod: entries for mod, entries in numerus.items() if entries}


def update() -> int:
    found = extract()
    for lang in TARGET_LANGUAGES:
        folder = ROOT / "resources" / "translations" / lang
        entries_of = _wanted(lang, found)
        wanted = {f"{mod}.ts" for mod in entries_of} | {TERMS_FILE}
        for stale in folder.glob("*.ts") if folder.exists() else []:
            if stale.name not in wanted:
                stale.unlink()
        for mod, entries in entries_of.items():
            path = folder / f"{mod}.ts"
            write_ts(path, lang, entries, _read_existing(path))
    return 0


def problems() -> list[str]:
    """Every missing or unfinished translation (zh_CN; English plural forms), as readable lines."""
    out: list[str] = []
    found = extract()
    for lang in TARGET_LANGUAGES:
        folder = ROOT / "resources" / "translations" / lang
        for mod, entries in _wanted(lang, found).items():
            existing = _read_existing(folder / f"{mod}.ts")
            for ctx, marked in entries:
                src = marked.removesuffix(NUMERUS)
                forms, finished = existing.get((ctx, src), ([""], False))
                if marked.endswith(NUMERUS) and len(forms) != PLURAL_FORMS[lang]:
                    finished = False
                if not finished:
                    state = "unfinished" if (ctx, src) in existing else "missing"
                    out.append(f"{lang} {mod}: [{ctx}] {src!r} is {state}")
    return out


def main(argv: list[str]) -> int:
    cmd = argv[1] if len(argv) > 1 else "check"
    if cmd == "update":
        return update()
    bad = problems()
    for line in bad:
        print(line)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

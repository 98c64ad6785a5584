"""Extract translatable strings and keep the .ts catalogs in step with the code.

    python scripts/i18n.py update   # add new strings (unfinished), drop vanished ones, keep translations
    python scripts/i18n.py check    # exit 1 listing every zh_CN entry that is missing or unfinished

Recognised calls (first arguments must be string literals):
    translate("Ctx", "text"), QCoreApplication.translate("Ctx", "text"), QT_TRANSLATE_NOOP("Ctx", "text"),
    self.tr("text") inside class Ctx (PySide6 uses the class name as the context).
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
TARGET_LANGUAGES = ("zh_CN",)
TRANSLATE_NAMES = {"translate", "QT_TRANSLATE_NOOP", "QT_TRANSLATE_NOOP3"}


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
                self.found.append((ctx, text))
        elif name == "tr" and isinstance(func, ast.Attribute) and node.args and self.classes:
            text = _literal(node.args[0])
            if text is not None:
                self.found.append((self.classes[-1], text))
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


def _read_existing(path: Path) -> dict[tuple[str, str], tuple[str, bool]]:
    out: dict[tuple[str, str], tuple[str, bool]] = {}
    if not path.exists():
        return out
    for ctx in ET.parse(path).getroot().iter("context"):
        name = ctx.findtext("name", default="")
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            text = (tr.text or "") if tr is not None else ""
            finished = tr is not None and tr.get("type") is None and bool(text)
            out[(name, msg.findtext("source", default=""))] = (text, finished)
    return out


def write_ts(path: Path, language: str, entries: list[tuple[str, str]], existing: dict) -> None:
    by_ctx: dict[str, list[str]] = defaultdict(list)
    for ctx, src in entries:
        by_ctx[ctx].append(src)
    lines = ['<?xml version="1.0" encoding="utf-8"?>', "<!DOCTYPE TS>", f'<TS version="2.1" language="{language}">']
    for ctx in sorted(by_ctx):
        lines += ["<context>", f"    <name>{escape(ctx)}</name>"]
        for src in by_ctx[ctx]:
            text, finished = existing.get((ctx, src), ("", False))
            attr = "" if finished else ' type="unfinished"'
            lines += [
                "    <message>",
                f"        <source>{escape(src)}</source>",
                f"        <translation{attr}>{escape(text)}</translation>",
                "    </message>",
            ]
        lines.append("</context>")
    lines.append("</TS>")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def update() -> int:
    found = extract()
    for lang in TARGET_LANGUAGES:
        folder = ROOT / "resources" / "translations" / lang
        wanted = {f"{mod}.ts" for mod in found}
        for stale in folder.glob("*.ts") if folder.exists() else []:
            if stale.name not in wanted:
                stale.unlink()
        for mod, entries in found.items():
            path = folder / f"{mod}.ts"
            write_ts(path, lang, entries, _read_existing(path))
    return 0


def problems() -> list[str]:
    """Every missing or unfinished translation, as readable lines."""
    out: list[str] = []
    found = extract()
    for lang in TARGET_LANGUAGES:
        folder = ROOT / "resources" / "translations" / lang
        for mod, entries in found.items():
            existing = _read_existing(folder / f"{mod}.ts")
            for ctx, src in entries:
                _text, finished = existing.get((ctx, src), ("", False))
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

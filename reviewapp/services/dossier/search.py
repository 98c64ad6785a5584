"""Full-text search over dossier page text: results by case, document and page, with a snippet.

    search_dossiers(wb, text, limit=50) -> list[DossierHit]

SQLite: the FTS5 table dossier_pages_fts with the trigram tokenizer (migration 0012). Character trigrams
were chosen over a word segmenter (jieba and the like): nothing to ship or keep up to date, no dictionary
that misses names and charges, and any substring of three or more characters is found exactly; measured in
benchmarks/bench_dossier_text.py. A query of one or two characters has no trigram, so it is answered by a
scan of the page text with LIMIT — common words (the only short queries worth typing: 罪名 words, surnames)
fill the limit after a few thousand pages; the worst case (a rare pair) reads every page and is in the
benchmark too. PostgreSQL: the same LIKE over a pg_trgm GIN index, which takes the same two paths.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import text as sql

from reviewapp.services.workbench import Workbench

SNIPPET_CHARS = 24
TRIGRAM = 3


@dataclass(frozen=True)
class DossierHit:
    case_id: int
    dept_case_no: str
    case_name: str
    document_id: int
    document_title: str
    page: int
    start: int  # offsets of the first match in the page text
    end: int
    snippet: str


def _like(needle: str) -> str:
    return "%" + needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


_SELECT = """SELECT c.id, c.dept_case_no, c.name, d.id, d.title, p.page, p.text
 FROM dossier_pages p JOIN dossier_documents d ON d.id = p.document_id JOIN cases c ON c.id = d.case_id"""


def search_dossiers(wb: Workbench, text: str, limit: int = 50) -> list[DossierHit]:
    """Pages whose text holds ``text`` (whitespace ignored), at most ``limit``, in dossier order."""
    needle = "".join(text.split())
    if not needle:
        return []
    with wb.db.session() as s:
        if wb.db.is_sqlite and len(needle) >= TRIGRAM:
            phrase = '"' + needle.replace('"', '""') + '"'
            rows = s.execute(
                sql(
                    _SELECT + " JOIN (SELECT rowid AS id FROM dossier_pages_fts WHERE dossier_pages_fts MATCH :q"
                    " LIMIT :n) f ON f.id = p.id ORDER BY p.id"
                ),
                {"q": phrase, "n": limit},
            ).all()
        else:
            rows = s.execute(
                sql(_SELECT + " WHERE p.text LIKE :q ESCAPE '\\' ORDER BY p.id LIMIT :n"),
                {"q": _like(needle), "n": limit},
            ).all()
    out = []
    for case_id, number, name, doc_id, title, page, page_text in rows:
        pos = page_text.find(needle)
        if pos < 0:
            continue
        a, b = max(0, pos - SNIPPET_CHARS), min(len(page_text), pos + len(needle) + SNIPPET_CHARS)
        snippet = ("…" if a else "") + page_text[a:b] + ("…" if b < len(page_text) else "")
        out.append(DossierHit(case_id, number, name, doc_id, title, page, pos, pos + len(needle), snippet))
    return out

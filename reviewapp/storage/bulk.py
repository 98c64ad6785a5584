"""Inserting many rows at once (imports of 100 000 cases).

SQLAlchemy's executemany processes every parameter of every row in Python (measured: ~5 s of a 100 000-case
import). On SQLite the values are converted here, once per column kind, and handed straight to the driver's
executemany; the stored text is exactly what SQLAlchemy itself writes for these types (tests/core/test_storage_bulk.py
reads both back and compares). On PostgreSQL the rows go through ``COPY … FROM STDIN`` on the session's own
connection (psycopg), in the same transaction; values are adapted by psycopg's own dumpers, JSON written as
SQLAlchemy writes it (tests/core/test_pg_bulk.py reads both back and compares). Other backends keep the plain
Core executemany.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Date, DateTime, Table, insert
from sqlalchemy.orm import Session

Converter = Callable[[Any], Any]


def _date(v: Any) -> Any:
    return v.isoformat() if type(v) is date else v


def _datetime(v: Any) -> Any:
    # SQLAlchemy's SQLite DATETIME storage format, microseconds always written.
    return f"{v:%Y-%m-%d %H:%M:%S.%f}" if isinstance(v, datetime) else v


def _bool(v: Any) -> Any:
    return None if v is None else int(bool(v))


def _json(v: Any) -> Any:
    if v is None:
        return "null"  # SQLAlchemy's JSON type stores None as JSON null unless none_as_null is set
    if not v and isinstance(v, dict | list):
        return "{}" if isinstance(v, dict) else "[]"
    return json.dumps(v)


def _converter(column: Any) -> Converter | None:
    kind = column.type
    if isinstance(kind, JSON):
        return _json
    if isinstance(kind, DateTime):
        return _datetime
    if isinstance(kind, Date):
        return _date
    if isinstance(kind, Boolean):
        return _bool
    return None


def _row_function(
    names: Sequence[str], converters: Sequence[Converter | None], fixed: tuple[Any, ...], by_position: bool = False
) -> Callable[[Any], tuple[Any, ...]]:
    """One compiled expression per table that turns a row dict into the driver's tuple.

    A generic per-column loop cost ~1.5 s for 100 000 cases; the generated lambda does the same work inline.
    None stays NULL, except in JSON columns where SQLAlchemy stores it as the JSON text null. Column names come
    from the table definition and are embedded with repr(), never from input data.
    """
    scope: dict[str, Any] = {"_fixed": fixed}
    parts = []
    for i, (name, convert) in enumerate(zip(names, converters, strict=True)):
        key = str(i) if by_position else repr(name)
        if convert is None:
            parts.append(f"r[{key}]")
        elif convert is _json:
            scope[f"_c{i}"] = convert
            parts.append(f"_c{i}(r[{key}])")
        else:
            scope[f"_c{i}"] = convert
            parts.append(f"(None if (v{i} := r[{key}]) is None else _c{i}(v{i}))")
    fn: Callable[[Any], tuple[Any, ...]] = eval(f"lambda r: ({', '.join(parts)},) + _fixed", scope)
    return fn


def _batch_defaults(table: Table, names: Sequence[str]) -> dict[str, Any]:
    """One value per defaulted column the rows lack, for the whole batch (the rows go in together, in one
    transaction)."""
    defaults: dict[str, Any] = {}
    for column in table.columns:
        if column.name in names or column.default is None or column.primary_key:
            continue
        arg = getattr(column.default, "arg", None)
        defaults[column.name] = arg(None) if callable(arg) else arg
    return defaults


def _copy_postgres(
    conn: Any, table: Table, rows: Sequence[Any], names: list[str] | None = None, same: dict[str, Any] | None = None
) -> None:
    by_position = names is not None
    names = names if names is not None else list(rows[0])
    same = same or {}
    defaults = {**same, **_batch_defaults(table, names + list(same))}
    all_names = names + list(defaults)
    # Only JSON needs converting: psycopg adapts dates, datetimes, booleans and numbers itself.
    converters: list[Converter | None] = [_json if isinstance(table.c[n].type, JSON) else None for n in all_names]
    fixed = tuple(c(v) if c else v for c, v in zip(converters[len(names) :], defaults.values(), strict=True))
    values = _row_function(names, converters[: len(names)], fixed, by_position)
    raw = conn.connection.driver_connection
    columns = ", ".join(f'"{name}"' for name in all_names)
    with raw.cursor() as cur, cur.copy(f'COPY "{table.name}" ({columns}) FROM STDIN'.encode()) as copy:
        for row in rows:
            copy.write_row(values(row))


def bulk_insert(session: Session, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """INSERT every row (all rows carry the same keys); column defaults fill the keys they lack."""
    if rows:
        _insert(session, table, rows, None)


def bulk_insert_tuples(
    session: Session,
    table: Table,
    names: Sequence[str],
    rows: Sequence[tuple[Any, ...]],
    same: dict[str, Any] | None = None,
) -> None:
    """:func:`bulk_insert` for rows given as tuples of the ``names`` columns' values (no dict per row: the
    import stores the tuples its reader sent), plus ``same``: columns with one value for every row (converted
    once). Dates must be ISO text (``YYYY-MM-DD``), exactly what SQLite stores; PostgreSQL parses it."""
    if rows:
        _insert(session, table, rows, list(names), same or {})


def _insert(
    session: Session, table: Table, rows: Sequence[Any], given: list[str] | None, same: dict[str, Any] | None = None
) -> None:
    same = same or {}
    conn = session.connection()
    if conn.dialect.name == "postgresql" and conn.dialect.driver == "psycopg":
        _copy_postgres(conn, table, rows, given, same)
        return
    if conn.dialect.name != "sqlite":
        as_dicts = rows if given is None else [dict(zip(given, row, strict=True), **same) for row in rows]
        session.execute(insert(table), list(as_dicts))
        return
    names = given if given is not None else list(rows[0])
    defaults = {**same, **_batch_defaults(table, names + list(same))}
    all_names = names + list(defaults)
    converters = [_converter(table.c[name]) for name in all_names]
    if given is not None:  # dates arrive as ISO text: nothing to convert per row
        converters = [None if c is _date else c for c in converters[: len(names)]] + converters[len(names) :]
    fixed = [defaults[name] for name in defaults]
    fixed_converted = [c(v) if c else v for c, v in zip(converters[len(names) :], fixed, strict=True)]
    row_converters = converters[: len(names)]
    values = _row_function(names, row_converters, tuple(fixed_converted), given is not None)
    columns = ", ".join(f'"{name}"' for name in all_names)
    marks = ", ".join("?" for _ in all_names)
    sql = f'INSERT INTO "{table.name}" ({columns}) VALUES ({marks})'
    conn.exec_driver_sql(sql, [values(row) for row in rows])

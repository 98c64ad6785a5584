"""Parsed resources kept in compiled form, keyed by a hash of their content and of the code that parses them.

Reading the shipped standards from YAML took ~0.2 s at every start (PyYAML's pure-Python loader plus schema
validation); the cached form loads in well under a millisecond. A changed file, or a changed parser, has
another key, so a stale copy is never used; an unreadable or missing cache entry is simply parsed again.
Entries live in the user's cache folder (platformdirs), never beside the program.

- :func:`cached_yaml` keeps plain YAML data as ``marshal`` (lists, dicts, strings, numbers) — loading it runs
  no code; data marshal cannot hold (dates) is parsed each time.
- :func:`cached_object` keeps a parsed object as ``pickle``; only for objects the app itself parsed from its
  own shipped files, in the user's own cache folder.
- :func:`cached_files` keeps plain data parsed from several files (the translation catalog: 185 Qt Linguist
  files, ~26 ms of XML parsing at every start, ~7 ms from the cache) as ``marshal``.
"""

from __future__ import annotations

import hashlib
import logging
import marshal
import os
import pickle
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")
ENV = "REVIEWAPP_CACHE_DIR"
_log = logging.getLogger("reviewapp")


def cache_dir() -> Path:
    override = os.environ.get(ENV)
    if override:
        return Path(override)
    from reviewapp.paths import DATA_ENV_VAR

    data_override = os.environ.get(DATA_ENV_VAR)
    if data_override:  # a separate data folder (tests, portable installs) keeps its cache beside it
        return Path(data_override) / "cache" / "parsed"
    from platformdirs import user_cache_dir

    from reviewapp import APP_NAME, ORG_NAME

    return Path(user_cache_dir(APP_NAME, ORG_NAME)) / "parsed"


def _key(kind: str, data: bytes, code: Sequence[Path]) -> str:
    h = hashlib.sha256(kind.encode())
    h.update(data)
    for path in code:  # the parser's own source: a new version of it parses again
        h.update(path.read_bytes())
    return h.hexdigest()[:40]


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None


def _write(path: Path, payload: bytes) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        with os.fdopen(fd, "wb") as out:
            out.write(payload)
        os.replace(tmp, path)
    except OSError as exc:  # a read-only or full cache folder: the resource is parsed each time instead
        _log.info("parsed-resource cache not written: %s", exc)


def _cached(
    source: Path,
    kind: str,
    parse: Callable[[bytes], T],
    code: Sequence[Path],
    dump: Callable[[T], bytes],
    load: Callable[[bytes], T],
) -> T:
    data = source.read_bytes()
    return _cached_key(data, kind, lambda: parse(data), code, dump, load, source.name)


def _cached_key(
    content: bytes,
    kind: str,
    parse: Callable[[], T],
    code: Sequence[Path],
    dump: Callable[[T], bytes],
    load: Callable[[bytes], T],
    name: str,
) -> T:
    entry = cache_dir() / f"{kind}-{_key(kind, content, code)}"
    stored = _read(entry)
    if stored is not None:
        try:
            return load(stored)
        except Exception as exc:
            _log.info("parsed-resource cache entry %s unreadable: %s", entry.name, exc)
    value = parse()
    try:
        payload = dump(value)
    except (ValueError, TypeError, pickle.PicklingError) as exc:
        _log.info("parsed-resource %s not cacheable: %s", name, exc)
        return value
    _write(entry, payload)
    return value


def cached_yaml(source: Path) -> Any:
    """``yaml.safe_load`` of the file, from the cache when its content was parsed before."""

    def parse(data: bytes) -> Any:
        import yaml

        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        return yaml.load(data.decode("utf-8"), Loader=loader)

    return _cached(source, "yaml", parse, (), marshal.dumps, marshal.loads)


def cached_object(source: Path, kind: str, parse: Callable[[bytes], T], code: Sequence[Path]) -> T:
    """``parse(content)`` of the file, from the cache when this content was parsed by this code before."""
    return _cached(source, kind, parse, code, pickle.dumps, pickle.loads)


def cached_files(sources: Sequence[Path], kind: str, parse: Callable[[], T], code: Sequence[Path]) -> T:
    """``parse()`` — plain data read from ``sources`` — from the cache when these files' names and contents were
    parsed by this code before."""
    h = hashlib.sha256()
    for path in sources:
        h.update(path.name.encode() + b"\0")
        h.update(path.read_bytes())
    return _cached_key(h.digest(), kind, parse, code, marshal.dumps, marshal.loads, kind)

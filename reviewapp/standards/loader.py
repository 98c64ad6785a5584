"""Load review standards from YAML files; the shipped ones live in resources/standards/."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import yaml

from reviewapp.i18n import translate
from reviewapp.standards.errors import StandardError
from reviewapp.standards.model import Standard
from reviewapp.standards.schema import parse_standard

SHIPPED_DIR = Path(__file__).resolve().parent.parent.parent / "resources" / "standards"


def load_standard(path: str | Path) -> Standard:
    """Read and validate one standard file; raises :class:`StandardError` naming the file."""
    source = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise StandardError(
            source, "", translate("Standards", "cannot read the file: {error}").format(error=exc)
        ) from exc
    try:
        data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as exc:
        raise StandardError(source, "", translate("Standards", "not valid YAML: {error}").format(error=exc)) from exc
    return parse_standard(data, source=source)


def load_shipped_standards(folder: Path = SHIPPED_DIR) -> list[Standard]:
    """Every ``*.yaml`` standard in ``folder``, sorted by code then version; each parsed once per content and
    parser version, then read from the parsed-resource cache (reviewapp/resource_cache.py)."""
    found = [_load_cached(p) for p in sorted(folder.glob("*.yaml"))]
    return sorted(found, key=lambda s: (s.code, s.version))


# The parser is this package: a change to any of its modules parses the shipped standards again.
_PARSER = tuple(sorted(Path(__file__).parent.glob("*.py")))


def _load_cached(path: Path) -> Standard:
    from reviewapp.resource_cache import cached_object

    return cached_object(path, "standard", lambda _data: load_standard(path), _PARSER)


def standard_for_case_type(case_type: str, standards: Sequence[Standard] | None = None) -> Standard | None:
    """The newest standard covering ``case_type`` (None if no standard does, e.g. for 其他)."""
    pool = load_shipped_standards() if standards is None else standards
    matching = [s for s in pool if case_type in s.case_types]
    return max(matching, key=lambda s: s.version) if matching else None

"""Schema validation of a standard's plain form, shared by the YAML loader, the Excel importer and
pinned JSON copies. Hand-written rather than JSON Schema so each error names the entry (``item E5``,
``rule R-VETO``) and says the problem in the user's language."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from reviewapp.i18n import translate
from reviewapp.standards.errors import StandardError, raise_all
from reviewapp.standards.model import (
    CONDITION_KEYS,
    SEVERITIES,
    SEVERITY_ALIASES,
    ChecklistItem,
    Criterion,
    Dimension,
    GradeRule,
    GradeScheme,
    PracticeRules,
    RuleCondition,
    Standard,
)

Path = tuple[str | int, ...]

TOP_KEYS = {
    "code",
    "name",
    "version",
    "case_types",
    "scheme",
    "schemes",
    "practice",
    "score_base",
    "dimensions",
    "items",
    "criteria",
    "rules",
}
ITEM_KEYS = {"code", "dimension", "text", "case_types", "severities", "deduction", "veto", "phrases", "check", "basis"}
REQUIRED_KEYS = (
    "code",
    "name",
    "version",
    "case_types",
    "scheme",
    "schemes",
    "dimensions",
    "items",
    "criteria",
    "rules",
)
PRACTICE_KEYS = {
    "require_record",
    "require_finding_reason",
    "require_override_reason",
    "justification_required_for",
}


class _Checker:
    """Reads values out of the plain form, recording every problem with the file, the entry and the
    position, and going on with a neutral value so one run finds all problems of a source."""

    def __init__(
        self, source: str, aliases: dict[str, str] | None = None, advice: Callable[[str], str] | None = None
    ) -> None:
        self.source = source
        self.errors: list[StandardError] = []
        self.aliases = {**SEVERITY_ALIASES, **(aliases or {})}
        self.advice = advice

    def fail(self, path: Path, item: str, problem: str, allowed: Iterable[str] = ()) -> None:
        self.errors.append(StandardError(self.source, item, problem, path=path, allowed=tuple(allowed)))

    def mapping(self, value: Any, path: Path, item: str, allowed: set[str]) -> dict[str, Any]:
        if not isinstance(value, dict):
            self.fail(path, item, translate("Standards", "expected a mapping of fields"))
            return {}
        for field in sorted(str(k) for k in value if k not in allowed):
            self.fail(path, item, translate("Standards", "unknown field {field}").format(field=field), sorted(allowed))
        return {k: v for k, v in value.items() if k in allowed}

    def text(self, data: dict[str, Any], key: str, path: Path, item: str, *, required: bool = True) -> str:
        value = data.get(key)
        if value is None and not required:
            return ""
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(value)  # YAML reads a scheme id like 2026 as a number
        if not isinstance(value, str) or (required and not value.strip()):
            self.fail(
                (*path, key),
                item,
                translate("Standards", "{field} must be non-empty text").format(field=key),
            )
            return ""
        return value.strip()

    def number(self, data: dict[str, Any], key: str, path: Path, item: str, default: float | None) -> float | None:
        value = data.get(key, default)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
            self.fail((*path, key), item, translate("Standards", "{field} must be a number ≥ 0").format(field=key))
            return default
        return float(value)

    def flag(self, data: dict[str, Any], key: str, path: Path, item: str, default: bool) -> bool:
        value = data.get(key, default)
        if not isinstance(value, bool):
            self.fail((*path, key), item, translate("Standards", "{field} must be true or false").format(field=key))
            return default
        return value

    def texts(self, data: dict[str, Any], key: str, path: Path, item: str, *, required: bool = True) -> tuple[str, ...]:
        value = data.get(key)
        if value is None and not required:
            return ()
        if not isinstance(value, list) or (required and not value):
            self.fail(
                (*path, key),
                item,
                translate("Standards", "{field} must be a non-empty list").format(field=key),
            )
            return ()
        out: list[str] = []
        for v in value:
            if isinstance(v, int) and not isinstance(v, bool):
                v = str(v)
            if not isinstance(v, str) or not v.strip():
                self.fail(
                    (*path, key),
                    item,
                    translate("Standards", "{field} holds an empty or non-text entry").format(field=key),
                )
                continue
            if v.strip() in out:
                self.fail(
                    (*path, key),
                    item,
                    translate("Standards", "{field} lists {value} twice").format(field=key, value=v),
                )
                continue
            out.append(v.strip())
        return tuple(out)

    def severities(self, data: dict[str, Any], key: str, path: Path, item: str) -> tuple[str, ...]:
        out: list[str] = []
        for raw in self.texts(data, key, path, item):
            sev = self.aliases.get(raw, raw)
            if sev not in SEVERITIES:
                self.fail(
                    (*path, key),
                    item,
                    self.advice(raw)
                    if self.advice is not None
                    else translate("Standards", "unknown severity {severity}").format(severity=raw),
                    [*SEVERITIES, *self.aliases],
                )
                continue
            if sev in out:
                self.fail(
                    (*path, key),
                    item,
                    translate("Standards", "{field} lists {value} twice").format(field=key, value=sev),
                )
                continue
            out.append(sev)
        # Keep the canonical order (瑕 → 错 → 严) so equal content compares equal.
        return tuple(s for s in SEVERITIES if s in out)

    def entries(self, data: dict[str, Any], key: str) -> list[Any]:
        value = data.get(key)
        if not isinstance(value, list):
            if key in data:  # a missing section is reported once, as missing
                self.fail((key,), "", translate("Standards", "{field} must be a list").format(field=key))
            return []
        return value

    def unique(self, seen: set[str], code: str, path: Path, item: str) -> None:
        if code and code in seen:
            self.fail(path, item, translate("Standards", "duplicate code {code}").format(code=code))
        seen.add(code)


def parse_standard(
    data: Any,
    *,
    source: str,
    severity_aliases: dict[str, str] | None = None,
    severity_advice: Callable[[str], str] | None = None,
) -> Standard:
    """Validate the plain form and build a :class:`Standard`; raises :class:`StandardError` — with every
    problem of the source (StandardErrors) when there are several. ``severity_aliases`` adds synonyms
    (e.g. 错误 → 一般司法错误) to the built-in 瑕 / 错 / 严; ``severity_advice`` says what an unknown severity
    word is and how to teach it (the workbook import names the setting)."""
    c = _Checker(source, severity_aliases, severity_advice)
    top = c.mapping(data, (), "", TOP_KEYS)
    for key in REQUIRED_KEYS:
        if key not in top and isinstance(data, dict):
            c.fail((key,), "", translate("Standards", "missing field {field}").format(field=key))
    version = top.get("version", 1)
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        c.fail(("version",), "", translate("Standards", "version must be a whole number ≥ 1"))
        version = 1
    case_types = c.texts(top, "case_types", (), "") if "case_types" in top else ()
    score_base = c.number(top, "score_base", (), "", None)
    schemes = _parse_schemes(c, top)
    default_id = c.text(top, "scheme", (), "") if "scheme" in top else ""
    by_id = {s.id: s for s in schemes}
    grades: tuple[str, ...] | None = None  # None: unknown, so grade references are not checked
    if default_id in by_id:
        grades = by_id[default_id].grades
    elif default_id:
        c.fail(
            ("scheme",),
            "",
            translate("Standards", "unknown grade scheme {scheme}").format(scheme=default_id),
            sorted(by_id),
        )
    dimensions = _parse_dimensions(c, top)
    items = _parse_items(c, top, case_types, {d.code for d in dimensions})
    criteria = _parse_criteria(c, top, grades)
    rules = _parse_rules(c, top, grades, score_base)
    practice = _parse_practice(c, top, grades)
    code = c.text(top, "code", (), "") if "code" in top else ""
    name = c.text(top, "name", (), "") if "name" in top else ""
    raise_all(c.errors)
    return Standard(
        code=code,
        name=name,
        version=version,
        case_types=case_types,
        scheme=default_id,
        schemes=schemes,
        dimensions=dimensions,
        items=items,
        criteria=criteria,
        rules=rules,
        practice=practice,
        score_base=score_base,
    )


def _each(
    c: _Checker, top: dict[str, Any], key: str, allowed: set[str], label: Callable[[Any], str]
) -> Iterator[tuple[int, Path, str, dict[str, Any]]]:
    """(index, path, label, fields) for every entry of a list section."""
    for i, raw in enumerate(c.entries(top, key)):
        code = raw.get("code", raw.get("id")) if isinstance(raw, dict) else None
        name = label(code if code is not None else f"#{i + 1}")
        if not isinstance(raw, dict):
            c.mapping(raw, (key, i), name, allowed)  # records the problem
            continue
        yield i, (key, i), name, c.mapping(raw, (key, i), name, allowed)


def _parse_schemes(c: _Checker, top: dict[str, Any]) -> tuple[GradeScheme, ...]:
    out: list[GradeScheme] = []
    seen: set[str] = set()
    raw_maps: list[tuple[Path, str, dict[str, Any]]] = []
    label = translate("Standards", "grade scheme {code}").format
    for _, path, name, f in _each(
        c, top, "schemes", {"id", "name", "grades", "maps_to", "mapping"}, lambda x: label(code=x)
    ):
        sid = c.text(f, "id", path, name)
        c.unique(seen, sid, (*path, "id"), name)
        maps_to = c.text(f, "maps_to", path, name, required=False) or None
        mapping = f.get("mapping") or {}
        if not isinstance(mapping, dict):
            c.fail((*path, "mapping"), name, translate("Standards", "mapping must map each grade to a grade"))
            mapping = {}
        raw_maps.append((path, name, mapping))
        grades = c.texts(f, "grades", path, name)
        pairs = tuple((str(k), str(v)) for k, v in mapping.items())
        out.append(GradeScheme(sid, c.text(f, "name", path, name), grades, maps_to, pairs))
    if not out and "schemes" in top:
        c.fail(("schemes",), "", translate("Standards", "at least one grade scheme is needed"))
    by_id = {s.id: s for s in out}
    for s, (path, name, _) in zip(out, raw_maps, strict=True):
        if s.maps_to is None:
            if s.mapping:
                c.fail((*path, "mapping"), name, translate("Standards", "a mapping needs maps_to"))
            continue
        target = by_id.get(s.maps_to)
        if target is None or target.id == s.id:
            c.fail(
                (*path, "maps_to"),
                name,
                translate("Standards", "unknown grade scheme {scheme}").format(scheme=s.maps_to),
                sorted(k for k in by_id if k != s.id),
            )
            continue
        # Cross-period statistics need a one-to-one mapping (瑕疵 ↔ 基本合格), stated explicitly.
        src, dst = [a for a, _ in s.mapping], [b for _, b in s.mapping]
        if sorted(src) != sorted(s.grades) or sorted(dst) != sorted(target.grades):
            c.fail(
                (*path, "mapping"),
                name,
                translate("Standards", "mapping must pair every grade with exactly one grade of {scheme}").format(
                    scheme=target.id
                ),
            )
    return tuple(out)


def _parse_dimensions(c: _Checker, top: dict[str, Any]) -> tuple[Dimension, ...]:
    out: list[Dimension] = []
    seen: set[str] = set()
    label = translate("Standards", "dimension {code}").format
    for _, path, name, f in _each(c, top, "dimensions", {"code", "name"}, lambda x: label(code=x)):
        code = c.text(f, "code", path, name)
        c.unique(seen, code, (*path, "code"), name)
        out.append(Dimension(code, c.text(f, "name", path, name)))
    return tuple(out)


def _parse_items(
    c: _Checker, top: dict[str, Any], case_types: tuple[str, ...], dims: set[str]
) -> tuple[ChecklistItem, ...]:
    out: list[ChecklistItem] = []
    seen: set[str] = set()
    label = translate("Standards", "item {code}").format
    for _, path, name, f in _each(c, top, "items", ITEM_KEYS, lambda x: label(code=x)):
        code = c.text(f, "code", path, name)
        c.unique(seen, code, (*path, "code"), name)
        dim = c.text(f, "dimension", path, name)
        if dim and dim not in dims:
            c.fail(
                (*path, "dimension"),
                name,
                translate("Standards", "unknown dimension {code}").format(code=dim),
                sorted(dims),
            )
        types = c.texts(f, "case_types", path, name, required=False) or case_types
        for t in types:
            if t not in case_types:
                c.fail(
                    (*path, "case_types"),
                    name,
                    translate("Standards", "case type {case_type} is not one of the standard's").format(case_type=t),
                    case_types,
                )
        phrases = c.texts(f, "phrases", path, name, required=False)
        check = c.text(f, "check", path, name, required=False) or None
        deduction = c.number(f, "deduction", path, name, 0.0) or 0.0
        veto = c.flag(f, "veto", path, name, False)
        sev = c.severities(f, "severities", path, name)
        text = c.text(f, "text", path, name)
        basis = c.text(f, "basis", path, name, required=False)
        out.append(ChecklistItem(code, dim, text, types, sev, deduction, veto, phrases, check, basis))
    return tuple(out)


def _parse_criteria(c: _Checker, top: dict[str, Any], grades: tuple[str, ...] | None) -> tuple[Criterion, ...]:
    out: list[Criterion] = []
    seen: set[str] = set()
    label = translate("Standards", "criterion {code}").format
    for _, path, name, f in _each(c, top, "criteria", {"code", "text", "grades"}, lambda x: label(code=x)):
        code = c.text(f, "code", path, name)
        c.unique(seen, code, (*path, "code"), name)
        crit_grades = c.texts(f, "grades", path, name)
        for g in crit_grades:
            if grades is not None and g not in grades:
                c.fail((*path, "grades"), name, translate("Standards", "unknown grade {grade}").format(grade=g), grades)
        out.append(Criterion(code, c.text(f, "text", path, name), crit_grades))
    return tuple(out)


def _parse_rules(
    c: _Checker, top: dict[str, Any], grades: tuple[str, ...] | None, score_base: float | None
) -> tuple[GradeRule, ...]:
    out: list[GradeRule] = []
    seen: set[str] = set()
    label = translate("Standards", "rule {code}").format
    for _, path, name, f in _each(c, top, "rules", {"id", "name", "enabled", "when", "grade"}, lambda x: label(code=x)):
        rid = c.text(f, "id", path, name)
        c.unique(seen, rid, (*path, "id"), name)
        grade = c.text(f, "grade", path, name)
        if grades is not None and grade and grade not in grades:
            c.fail((*path, "grade"), name, translate("Standards", "unknown grade {grade}").format(grade=grade), grades)
        when = _parse_condition(c, f.get("when"), (*path, "when"), name, score_base)
        enabled = c.flag(f, "enabled", path, name, True)
        out.append(GradeRule(rid, c.text(f, "name", path, name, required=False), when, grade, enabled))
    if "rules" in top and not any(r.enabled for r in out):
        c.fail(("rules",), "", translate("Standards", "at least one enabled grade rule is needed"))
    return tuple(out)


def _parse_condition(c: _Checker, raw: Any, path: Path, name: str, score_base: float | None) -> RuleCondition:
    if not isinstance(raw, dict) or not raw:
        if isinstance(raw, dict) or raw is None:
            c.fail(path, name, translate("Standards", "the condition is empty"))
        else:
            c.mapping(raw, path, name, set(CONDITION_KEYS))
        return RuleCondition(veto=True)  # a stand-in; the standard is refused anyway
    before = len(c.errors)
    f = c.mapping(raw, path, name, set(CONDITION_KEYS))
    has_sev = "severity_any" in f or "severity_only" in f
    cond = RuleCondition(
        veto=c.flag(f, "veto", path, name, False),
        severity_any=c.severities(f, "severity_any", path, name) if "severity_any" in f else (),
        severity_only=c.severities(f, "severity_only", path, name) if "severity_only" in f else (),
        no_findings=c.flag(f, "no_findings", path, name, False),
        score_below=c.number(f, "score_below", path, name, None),
        score_at_least=c.number(f, "score_at_least", path, name, None),
        criteria_all_ticked=c.flag(f, "criteria_all_ticked", path, name, False),
        justification=c.flag(f, "justification", path, name, False),
    )
    if cond.no_findings and (has_sev or cond.veto):
        c.fail(path, name, translate("Standards", "no_findings contradicts a clause about findings"))
    if (cond.score_below is not None or cond.score_at_least is not None) and score_base is None:
        c.fail(path, name, translate("Standards", "a score clause needs score_base in the standard"))
    if cond == RuleCondition() and f and len(c.errors) == before:  # not when its clauses were refused
        # Every clause set to false: the rule would fire on anything, which is never what was meant.
        c.fail(path, name, translate("Standards", "the condition is empty"))
    return cond


def _parse_practice(c: _Checker, top: dict[str, Any], grades: tuple[str, ...] | None) -> PracticeRules:
    path: Path = ("practice",)
    name = translate("Standards", "practice rules")
    f = c.mapping(top.get("practice") or {}, path, name, PRACTICE_KEYS)
    needs = c.texts(f, "justification_required_for", path, name, required=False)
    for g in needs:
        if grades is not None and g not in grades:
            c.fail(
                (*path, "justification_required_for"),
                name,
                translate("Standards", "unknown grade {grade}").format(grade=g),
                grades,
            )
    return PracticeRules(
        require_record=c.flag(f, "require_record", path, name, False),
        require_finding_reason=c.flag(f, "require_finding_reason", path, name, True),
        require_override_reason=c.flag(f, "require_override_reason", path, name, True),
        justification_required_for=needs,
    )

"""Check thresholds (resources/checks/thresholds.yaml): loading, per-procuratorate overrides, validation."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from reviewapp.domain.case_card import CASE_FIELDS, CASE_TYPES
from reviewapp.errors import KnownError
from reviewapp.i18n import QT_TRANSLATE_NOOP, translate

THRESHOLDS_FILE = Path(__file__).resolve().parent.parent.parent / "resources" / "checks" / "thresholds.yaml"

# section → key → attribute of CheckConfig. Every key is a whole number ≥ 0.
_NUMBERS: dict[str, dict[str, str]] = {
    "arrest_review": {
        "detained_days": "arrest_detained_days",
        "not_detained_days": "arrest_not_detained_days",
        "not_detained_major_days": "arrest_not_detained_major_days",
        "supervisory_days": "arrest_supervisory_days",
        "supervisory_extension_days": "arrest_supervisory_extension_days",
    },
    "prosecution": {"months": "prosecution_months", "extension_days": "prosecution_extension_days"},
    "fast_track": {"days": "fast_track_days", "over_one_year_days": "fast_track_over_one_year_days"},
    "returns": {"max_count": "max_returns", "max_months": "return_months"},
    "notices": {"days": "notice_days"},
    "measures": {"bail_months": "bail_months", "surveillance_months": "surveillance_months"},
}
# Keys added after offices wrote their own thresholds files: absent, the CheckConfig default applies.
_OPTIONAL = frozenset({("arrest_review", "supervisory_days"), ("arrest_review", "supervisory_extension_days")})
_WARNING_KEYS = ("prosecution", "fast_track", "arrest_review", "returns", "measures")
_LISTS = ("suspects_required", "property_charges", "charge_change_columns", "victimless_charges")
_CASE_ATTRS = frozenset(spec.attr for spec in CASE_FIELDS)


class ConfigError(KnownError, ValueError):
    """The thresholds file is invalid; the message says where and why (translated)."""


@dataclass(frozen=True)
class CheckConfig:
    arrest_detained_days: int
    arrest_not_detained_days: int
    arrest_not_detained_major_days: int
    prosecution_months: int
    prosecution_extension_days: int
    fast_track_days: int
    fast_track_over_one_year_days: int
    max_returns: int
    return_months: int
    notice_days: int
    bail_months: int
    surveillance_months: int
    warning_days: dict[str, int]
    required_fields: dict[str, tuple[str, ...]]
    suspects_required: tuple[str, ...]
    property_charges: tuple[str, ...]
    charge_change_columns: tuple[str, ...]
    # Charges with no individual victim (substrings): the victim's rights notice does not apply to a case whose
    # every charge is one of them (CPL art. 46 concerns victims).
    victimless_charges: tuple[str, ...] = ()
    # CPL art. 170: a case a supervisory commission transfers with the suspect under 留置 — the arrest (or bail)
    # decision within 10 days of the 先行拘留, extendable by 1–4 days.
    arrest_supervisory_days: int = 10
    arrest_supervisory_extension_days: int = 4


def _error(text: str, **params: object) -> ConfigError:
    # `text` is marked with QT_TRANSLATE_NOOP at each call site.
    return ConfigError(translate("CheckConfig", text).format(**params))


def _merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = {**merged[key], **value}
        else:
            merged[key] = value
    return merged


def _number(value: object, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise _error(
            QT_TRANSLATE_NOOP("CheckConfig", "{where}: expected a whole number of 0 or more, got {value!r}"),
            where=where,
            value=value,
        )
    return value


def _strings(value: object, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise _error(QT_TRANSLATE_NOOP("CheckConfig", "{where}: expected a list of texts"), where=where)
    return tuple(v.strip() for v in value)


def config_from_mapping(data: dict[str, Any], *, source: str = "thresholds") -> CheckConfig:
    """Validate a parsed thresholds mapping (without the `procuratorates` section) into a CheckConfig."""
    known = set(_NUMBERS) | {"warning_days", "required_fields", *_LISTS, "procuratorates"}
    for key in data:
        if key not in known:
            raise _error(QT_TRANSLATE_NOOP("CheckConfig", "{source}: unknown section '{key}'"), source=source, key=key)
    values: dict[str, Any] = {}
    for section, keys in _NUMBERS.items():
        block = data.get(section)
        if not isinstance(block, dict):
            raise _error(
                QT_TRANSLATE_NOOP("CheckConfig", "{source}: section '{section}' is missing"),
                source=source,
                section=section,
            )
        for key in block:
            if key not in keys:
                raise _error(
                    QT_TRANSLATE_NOOP("CheckConfig", "{source}: unknown key '{section}.{key}'"),
                    source=source,
                    section=section,
                    key=key,
                )
        for key, attr in keys.items():
            if key not in block and (section, key) in _OPTIONAL:
                continue
            if key not in block:
                raise _error(
                    QT_TRANSLATE_NOOP("CheckConfig", "{source}: '{section}.{key}' is missing"),
                    source=source,
                    section=section,
                    key=key,
                )
            values[attr] = _number(block[key], f"{source}: {section}.{key}")
    warnings = data.get("warning_days")
    if not isinstance(warnings, dict) or set(warnings) != set(_WARNING_KEYS):
        raise _error(
            QT_TRANSLATE_NOOP("CheckConfig", "{source}: 'warning_days' must give exactly: {keys}"),
            source=source,
            keys=", ".join(_WARNING_KEYS),
        )
    values["warning_days"] = {k: _number(v, f"{source}: warning_days.{k}") for k, v in warnings.items()}
    required = data.get("required_fields")
    if not isinstance(required, dict):
        raise _error(
            QT_TRANSLATE_NOOP("CheckConfig", "{source}: section '{section}' is missing"),
            source=source,
            section="required_fields",
        )
    req: dict[str, tuple[str, ...]] = {}
    for case_type, attrs in required.items():
        if case_type not in CASE_TYPES:
            raise _error(
                QT_TRANSLATE_NOOP("CheckConfig", "{source}: unknown case type '{value}'"),
                source=source,
                value=case_type,
            )
        fields = _strings(attrs, f"{source}: required_fields.{case_type}")
        for attr in fields:
            if attr not in _CASE_ATTRS:
                raise _error(
                    QT_TRANSLATE_NOOP("CheckConfig", "{source}: '{value}' is not a case-card field"),
                    source=source,
                    value=attr,
                )
        req[case_type] = fields
    values["required_fields"] = req
    for key in _LISTS:
        values[key] = _strings(data.get(key, []), f"{source}: {key}")
    for case_type in values["suspects_required"]:
        if case_type not in CASE_TYPES:
            raise _error(
                QT_TRANSLATE_NOOP("CheckConfig", "{source}: unknown case type '{value}'"),
                source=source,
                value=case_type,
            )
    return CheckConfig(**values)


def load_config(path: Path = THRESHOLDS_FILE, procuratorate: str | None = None) -> CheckConfig:
    """Thresholds from ``path``; with ``procuratorate``, its section under `procuratorates` applied on top."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise _error(
            QT_TRANSLATE_NOOP("CheckConfig", "{source}: cannot be read ({reason})"), source=path, reason=exc.strerror
        ) from exc
    except yaml.YAMLError as exc:
        raise _error(
            QT_TRANSLATE_NOOP("CheckConfig", "{source}: not valid YAML ({reason})"), source=path, reason=exc
        ) from exc
    if not isinstance(data, dict):
        raise _error(QT_TRANSLATE_NOOP("CheckConfig", "{source}: expected a mapping of sections"), source=path)
    local = data.get("procuratorates") or {}
    if not isinstance(local, dict):
        raise _error(
            QT_TRANSLATE_NOOP("CheckConfig", "{source}: 'procuratorates' must map names to changes"), source=path
        )
    if procuratorate is not None:
        if procuratorate not in local:
            raise _error(
                QT_TRANSLATE_NOOP("CheckConfig", "{source}: no thresholds for procuratorate '{value}'"),
                source=path,
                value=procuratorate,
            )
        if not isinstance(local[procuratorate], dict) or "procuratorates" in local[procuratorate]:
            raise _error(
                QT_TRANSLATE_NOOP("CheckConfig", "{source}: 'procuratorates' must map names to changes"), source=path
            )
        data = _merge(data, local[procuratorate])
    # Validate every procuratorate's changes up front, so a typo fails at load time, not at use.
    for name, changes in local.items():
        if not isinstance(changes, dict):
            raise _error(
                QT_TRANSLATE_NOOP("CheckConfig", "{source}: 'procuratorates' must map names to changes"), source=path
            )
        config_from_mapping(_merge(data, changes), source=f"{path} [{name}]")
    return config_from_mapping(data, source=str(path))


@lru_cache(maxsize=1)
def default_config() -> CheckConfig:
    return load_config()


def with_changes(config: CheckConfig, **changes: Any) -> CheckConfig:
    """A copy with some thresholds changed (tests, what-if)."""
    return dataclasses.replace(config, **changes)

"""Shared settings: one value per key in the database (Setting rows), the same for every workstation.

    load_notice_config(wb) -> NoticeConfig             the notice issuer settings (a read)
    save_notice_config(wb, config) -> NoticeConfig     "settings.notice", EDIT_SETTINGS
    get_setting(wb, key) -> value                      the stored value or its default (a read)
    set_setting(wb, key, value) -> SettingRow          "settings.set", EDIT_SETTINGS; text values are parsed
    set_settings(wb, {key: value}) -> [SettingRow]     "settings.set_many", EDIT_SETTINGS; all or none stored
    list_settings(wb) -> list[SettingRow]              every known key with its value and default
    ensure_settings(wb) -> bool                        imports an earlier per-workstation notice_config.json once

Before this lived in the database, each workstation kept its own ``notice_config.json`` beside the database
file: the first start after the upgrade imports it (when the database has no notice settings yet), and until
then its values are what load_notice_config returns.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from reviewapp.domain.roles import Action
from reviewapp.i18n import translate
from reviewapp.paths import data_dir
from reviewapp.services.changes import Kind
from reviewapp.services.results.notice_config import (
    DEFAULT_DEADLINE_DAYS,
    PLACEHOLDER,
    NoticeConfig,
    NoticeConfigError,
    reply_deadline,
)
from reviewapp.services.results.setting_specs import (
    BY_FIELD,
    SETTINGS,
    SettingError,
    SettingSpec,
    config_from,
    config_value,
    parse_value,
    setting_in,
    spec_for,
)
from reviewapp.services.workbench import Workbench
from reviewapp.services.write_path import Op, mutation
from reviewapp.storage.models import Account, Person, Setting

__all__ = [
    "DEFAULT_DEADLINE_DAYS",
    "PLACEHOLDER",
    "SETTINGS",
    "NoticeConfig",
    "NoticeConfigError",
    "SettingError",
    "SettingRow",
    "config_path",
    "ensure_settings",
    "get_setting",
    "list_settings",
    "load_notice_config",
    "read_config_file",
    "reply_deadline",
    "require_issuer_set",
    "save_notice_config",
    "set_setting",
    "set_settings",
]

CONFIG_FILE_NAME = "notice_config.json"  # the per-workstation file of earlier versions
NOTICE_PREFIX = "notice."


@dataclass(frozen=True)
class SettingRow:
    key: str
    value: Any
    default: Any
    description: str  # translated
    stored: bool  # False: the default is in force
    updated_at: datetime | None
    updated_by: str  # name of the person whose account changed it last


# --- the file of earlier versions ------------------------------------------------------------------------


def config_path(wb: Workbench | None = None) -> Path:
    """Where an earlier version kept the notice settings: beside the SQLite file, else in the data folder."""
    db_file = wb.db.sqlite_path if wb is not None else None
    folder = db_file.parent if db_file is not None else data_dir()
    return folder / CONFIG_FILE_NAME


def read_config_file(path: Path) -> NoticeConfig | None:
    """The settings in an earlier version's JSON file; None when there is none."""
    if not path.exists():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise NoticeConfigError(
            translate("NoticeConfig", "Cannot read the notice settings {path}: {error}").format(path=path, error=exc)
        ) from exc
    return NoticeConfig.from_json(data, source=str(path))


# --- reads ---------------------------------------------------------------------------------------------


def _stored(s: Session, prefix: str = "") -> dict[str, Setting]:
    rows = s.scalars(select(Setting).where(Setting.key.startswith(prefix)) if prefix else select(Setting))
    return {r.key: r for r in rows}


def _notice_config_in(s: Session, wb: Workbench) -> NoticeConfig:
    stored = _stored(s, NOTICE_PREFIX)
    if not stored:  # nothing shared yet: an earlier version's file, else the defaults
        return read_config_file(config_path(wb)) or NoticeConfig()
    return config_from({k: r.value for k, r in stored.items()}, translate("Settings", "the shared settings"))


def notice_config_in(s: Session, wb: Workbench) -> NoticeConfig:
    """The shared notice settings read in the caller's session (inside an operation)."""
    return _notice_config_in(s, wb)


def load_notice_config(wb: Workbench) -> NoticeConfig:
    """The notice issuer settings shared by every workstation (defaults for keys never set)."""
    with wb.db.session() as s:
        return _notice_config_in(s, wb)


def get_setting(wb: Workbench, key: str) -> Any:
    """The value in force for ``key`` (the stored one, else the default)."""
    spec = spec_for(key)
    if spec.field is not None:
        return config_value(spec, load_notice_config(wb))
    with wb.db.session() as s:
        return setting_in(s, spec.key)


def list_settings(wb: Workbench) -> list[SettingRow]:
    """Every known setting, in a fixed order, with the value in force and who set it."""
    config = load_notice_config(wb)
    with wb.db.session() as s:
        stored = _stored(s)
        names: dict[int, str] = {
            i: n for i, n in s.execute(select(Account.id, Person.name).join(Person, Person.id == Account.person_id))
        }
    out = []
    for key, spec in SETTINGS.items():
        row = stored.get(key)
        value = config_value(spec, config) if spec.field else (row.value if row is not None else spec.default)
        out.append(
            SettingRow(
                key,
                value,
                spec.default,
                translate("Settings", spec.description),
                row is not None,
                row.updated_at if row is not None else None,
                names.get(row.updated_by_id, "") if row is not None and row.updated_by_id else "",
            )
        )
    return out


def require_issuer_set(config: NoticeConfig) -> None:
    """Refuse to issue while an issuer setting is still the shipped placeholder ××."""
    left = config.placeholders()
    if left:
        keys = "、".join(BY_FIELD[name].key for name in left)
        raise NoticeConfigError(
            translate(
                "Settings",
                "Notices cannot be issued yet: the issuer settings {keys} still hold the placeholder ××. "
                "Set the real names first (Documents → Notice settings, or: settings set KEY VALUE).",
            ).format(keys=keys)
        )


# --- writes --------------------------------------------------------------------------------------------


def _write(o: Op, key: str, value: Any, existing: dict[str, Setting]) -> tuple[Any, Any] | None:
    """Store one value; the (before, after) pair when it changed."""
    row = existing.get(key)
    before = row.value if row is not None else None
    if row is not None and row.value == value:
        return None
    if row is None:
        row = Setting(key=key, value=value)
        o.session.add(row)
        existing[key] = row
    else:
        row.value = value
    o.stamp(row)
    return before, value


def _write_config(o: Op, config: NoticeConfig) -> dict[str, list[Any]]:
    existing = _stored(o.session, NOTICE_PREFIX)
    changes: dict[str, list[Any]] = {}
    for spec in BY_FIELD.values():
        pair = _write(o, spec.key, config_value(spec, config), existing)
        if pair is not None:
            changes[spec.key] = list(pair)
    return changes


@mutation("settings.notice", Action.EDIT_SETTINGS)
def save_notice_config(o: Op, config: NoticeConfig) -> NoticeConfig:
    """Store the notice issuer settings for every workstation."""
    o.require(Action.EDIT_SETTINGS)
    o.touch(Kind.SETTING)
    o.audit("setting", changes=_write_config(o, config))
    return config


def _set(o: Op, spec: SettingSpec, parsed: Any, changes: dict[str, list[Any]]) -> SettingRow:
    """Store one parsed value (a notice key validated with the rest of the notice settings)."""
    s = o.session
    if spec.field is not None:
        if not _stored(s, NOTICE_PREFIX):  # the first shared notice setting: keep the rest as in force
            changes.update(_write_config(o, _notice_config_in(s, o.wb)))
        # Validates the whole configuration as it will be read back.
        current = {k: r.value for k, r in _stored(s, NOTICE_PREFIX).items()}
        config_from({**current, spec.key: parsed}, translate("Settings", "the shared settings"))
    pair = _write(o, spec.key, parsed, _stored(s))
    if pair is not None:
        changes[spec.key] = list(pair)
    row = s.get(Setting, spec.key)
    return SettingRow(
        spec.key,
        parsed,
        spec.default,
        translate("Settings", spec.description),
        True,
        row.updated_at if row is not None else None,
        o.user.name,
    )


@mutation("settings.set", Action.EDIT_SETTINGS)
def set_setting(o: Op, key: str, value: Any) -> SettingRow:
    """Set one shared setting; text (from the command line) is parsed for the key's kind."""
    o.require(Action.EDIT_SETTINGS)
    spec = spec_for(key)
    parsed = parse_value(spec, value)
    changes: dict[str, list[Any]] = {}
    row = _set(o, spec, parsed, changes)
    o.touch(Kind.SETTING)
    o.audit("setting", changes=changes, key=spec.key)
    return row


@mutation("settings.set_many", Action.EDIT_SETTINGS)
def set_settings(o: Op, values: Mapping[str, Any]) -> list[SettingRow]:
    """Set several shared settings at once (the settings dialog): every value is checked first and every
    refusal named together; one refused value stores none of them."""
    o.require(Action.EDIT_SETTINGS)
    parsed: dict[str, tuple[SettingSpec, Any]] = {}
    refused: list[str] = []
    for key, value in values.items():
        try:
            spec = spec_for(key)
            parsed[key] = (spec, parse_value(spec, value))
        except SettingError as exc:
            refused.append(str(exc))
    if refused:
        raise SettingError("\n".join(refused))
    changes: dict[str, list[Any]] = {}
    rows = [_set(o, spec, value, changes) for spec, value in parsed.values()]
    o.touch(Kind.SETTING)
    o.audit("setting", changes=changes, keys=sorted(parsed))
    return rows


def ensure_settings(wb: Workbench) -> bool:
    """Import an earlier version's notice_config.json once, when the database has no notice settings yet
    (the app calls this on start, logged in or not). True when it imported."""
    with wb.db.session() as s:
        if _stored(s, NOTICE_PREFIX) or not config_path(wb).exists():
            return False
    return _import_file(wb)


# The file is this workstation's earlier copy of the shared value: storing it needs no role (first start).
@mutation("settings.import", None)
def _import_file(o: Op) -> bool:
    if _stored(o.session, NOTICE_PREFIX):
        return False
    path = config_path(o.wb)
    config = read_config_file(path)
    if config is None:
        return False
    o.touch(Kind.SETTING)
    o.audit("setting", changes=_write_config(o, config), file=str(path))
    return True

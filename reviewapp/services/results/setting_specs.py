"""The shared settings there are: key, kind, default and description, and how a typed or text value
becomes the stored one (with a plain message when it cannot)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from reviewapp.i18n import QT_TRANSLATE_NOOP, translate
from reviewapp.services.results.notice_config import NoticeConfig, NoticeConfigError
from reviewapp.services.write_path import jsonable
from reviewapp.storage.models import Setting


class SettingError(NoticeConfigError):
    """A setting key or value the user typed is not accepted (message for the user)."""


@dataclass(frozen=True)
class SettingSpec:
    key: str
    kind: type  # str, int, bool or list (of str)
    description: str  # English; translated when shown
    field: str | None = None  # the NoticeConfig field it sets
    minimum: int = 1
    maximum: int = 100_000
    default: Any = None


def _notice(key: str, field: str, kind: type, description: str, **kw: Any) -> SettingSpec:
    value = getattr(NoticeConfig(), field)
    return SettingSpec(key, kind, description, field, default=list(value) if kind is list else value, **kw)


# review-rules.md §1 workflow step 3 (分配): a reviewer scores the cases a plan assigned to them.
ASSIGNMENT_REQUIRED = "reviews.assignment_required"
# Severity words of checklists from other systems (standards/vocabulary.py), one "word=severity" a line.
SEVERITY_SYNONYMS = "standards.severity_synonyms"
# review-rules.md §1 step 8 (听取意见): the handling prosecutor answers within this many working days.
FEEDBACK_DAYS = "feedback.days"
# 回头看: a problem of an item already noticed to the prosecutor within this many months is flagged again.
LOOKBACK_MONTHS = "rectification.lookback_months"
# Results into appraisal (结果运用) and the 案卡 data-quality bulletin (数据质量通报).
APPRAISAL_POINTS = "appraisal.points"
APPRAISAL_BASE = "appraisal.base"
APPRAISAL_MAXIMUM = "appraisal.maximum"
BULLETIN_REPEAT_PERIODS = "bulletin.repeat_periods"
# One province's scheme: 优质 +5/+3, 瑕疵 (基本合格) −5/−3, 不合格 −8/−6 in a 40-point component; the
# first figure for key and special reviews, the second for routine random checks (常规抽查).
DEFAULT_APPRAISAL_POINTS = (
    "优质=5",
    "合格=0",
    "基本合格=-5",
    "瑕疵=-5",
    "不合格=-8",
    "优质@常规抽查=3",
    "基本合格@常规抽查=-3",
    "瑕疵@常规抽查=-3",
    "不合格@常规抽查=-6",
)

SETTINGS: dict[str, SettingSpec] = {
    s.key: s
    for s in (
        _notice(
            "notice.issuer_name",
            "procuratorate",
            str,
            QT_TRANSLATE_NOOP("Settings", "Issuing procuratorate (机关名称)"),
        ),
        _notice(
            "notice.issuer_code", "issuer_code", str, QT_TRANSLATE_NOOP("Settings", "Notice number code (机关代字)")
        ),
        _notice(
            "notice.review_code",
            "review_code",
            str,
            QT_TRANSLATE_NOOP("Settings", "Review number code (评查受案号代字)"),
        ),
        _notice("notice.department", "issuer", str, QT_TRANSLATE_NOOP("Settings", "Issuing department (案件管理部门)")),
        _notice(
            "notice.cc",
            "cc",
            list,
            QT_TRANSLATE_NOOP("Settings", "Copies to (抄送), one per line; {department} is the addressed department"),
        ),
        _notice(
            "notice.reply_days",
            "deadline_days",
            int,
            QT_TRANSLATE_NOOP("Settings", "Reply within this many days"),
            maximum=365,
        ),
        _notice(
            "notice.working_days",
            "working_days",
            bool,
            QT_TRANSLATE_NOOP("Settings", "Count the reply period in working days"),
        ),
        _notice(
            "notice.common_threshold",
            "common_threshold",
            int,
            QT_TRANSLATE_NOOP("Settings", "A problem is recurring (共性) from this many cases"),
        ),
        _notice(
            "notice.requirements",
            "requirements",
            list,
            QT_TRANSLATE_NOOP("Settings", "Rectification requirements, one per line"),
        ),
        _notice(
            "notice.red_letterhead",
            "red_letterhead",
            bool,
            QT_TRANSLATE_NOOP(
                "Settings",
                "Print the red letterhead (发文机关标志 and red separator line) on rectification notices",
            ),
        ),
        _notice("notice.how_to_reply", "how_to_reply", str, QT_TRANSLATE_NOOP("Settings", "How to reply")),
        _notice("notice.how_to_object", "how_to_object", str, QT_TRANSLATE_NOOP("Settings", "How to object")),
        SettingSpec(
            ASSIGNMENT_REQUIRED,
            bool,
            QT_TRANSLATE_NOOP(
                "Settings",
                "Reviews only on an assignment of an open review plan (off: any reviewer whose role reaches the "
                "case's unit may review a case that is in no open plan)",
            ),
            default=True,
        ),
        SettingSpec(
            "selfcheck.items",
            list,
            QT_TRANSLATE_NOOP(
                "Settings",
                "Checklist items every self-check form asks besides those with an automatic check, one code per line",
            ),
            default=[],
        ),
        SettingSpec(
            SEVERITY_SYNONYMS,
            list,
            QT_TRANSLATE_NOOP(
                "Settings",
                "Severity words of standard workbooks from other systems, one word=severity per line "
                "(e.g. 错误=一般司法错误)",
            ),
            default=[],
        ),
        SettingSpec(
            FEEDBACK_DAYS,
            int,
            QT_TRANSLATE_NOOP(
                "Settings", "Working days the handling prosecutor has to answer the review opinion (听取意见)"
            ),
            maximum=365,
            default=5,
        ),
        SettingSpec(
            LOOKBACK_MONTHS,
            int,
            QT_TRANSLATE_NOOP(
                "Settings",
                "Months within which a problem already noticed to the same prosecutor is flagged again (回头看)",
            ),
            maximum=120,
            default=12,
        ),
        SettingSpec(
            "accounts.lockout_minutes",
            int,
            QT_TRANSLATE_NOOP("Settings", "Minutes an account stays locked after five wrong passwords"),
            default=15,
        ),
        # Results into appraisal (结果运用): points per grade, "grade=points" or "grade@review type=points".
        SettingSpec(
            APPRAISAL_POINTS,
            list,
            QT_TRANSLATE_NOOP(
                "Settings",
                "Appraisal points per determined grade, one grade=points per line; grade@review type=points "
                "overrides it for one review type (e.g. 优质@常规抽查=3)",
            ),
            default=list(DEFAULT_APPRAISAL_POINTS),
        ),
        SettingSpec(
            APPRAISAL_BASE,
            int,
            QT_TRANSLATE_NOOP("Settings", "Appraisal: the case-quality component starts at this score"),
            minimum=0,
            maximum=1000,
            default=30,
        ),
        SettingSpec(
            APPRAISAL_MAXIMUM,
            int,
            QT_TRANSLATE_NOOP("Settings", "Appraisal: the case-quality component is worth at most this score"),
            maximum=1000,
            default=40,
        ),
        SettingSpec(
            BULLETIN_REPEAT_PERIODS,
            int,
            QT_TRANSLATE_NOOP(
                "Settings",
                "Data-quality bulletin: a prosecutor flagged in this many consecutive periods is a repeat offender "
                "(屡错屡犯)",
            ),
            minimum=2,
            maximum=24,
            default=3,
        ),
    )
}
BY_FIELD = {s.field: s for s in SETTINGS.values() if s.field}


def setting_in(s: Session, key: str) -> Any:
    """The stored value of a (non-notice) setting in the caller's session, else its default."""
    row = s.get(Setting, key)
    return SETTINGS[key].default if row is None else row.value


# --- values --------------------------------------------------------------------------------------------


def spec_for(key: str) -> SettingSpec:
    spec = SETTINGS.get(key.strip())
    if spec is None:
        known = "、".join(SETTINGS)
        raise SettingError(
            translate("Settings", "There is no setting {key}. Known settings: {known}").format(key=key, known=known)
        )
    return spec


def _wrong(spec: SettingSpec, value: Any, why: str) -> SettingError:
    return SettingError(
        translate("Settings", "{key} cannot be {value}: {why}").format(key=spec.key, value=value, why=why)
    )


def parse_value(spec: SettingSpec, value: Any) -> Any:
    """The stored form of ``value`` (typed, or text from the command line), or a plain SettingError."""
    if spec.kind is bool:
        if isinstance(value, bool):
            return value
        word = str(value).strip().lower()
        if word in ("true", "yes", "1", "on", "是"):
            return True
        if word in ("false", "no", "0", "off", "否"):
            return False
        raise _wrong(spec, value, translate("Settings", "write yes or no"))
    if spec.kind is int:
        try:
            number = value if isinstance(value, int) and not isinstance(value, bool) else int(str(value).strip())
        except ValueError:
            raise _wrong(spec, value, translate("Settings", "a whole number is needed")) from None
        if not spec.minimum <= number <= spec.maximum:
            raise _wrong(
                spec,
                value,
                translate("Settings", "it must lie between {low} and {high}").format(
                    low=spec.minimum, high=spec.maximum
                ),
            )
        return number
    if spec.kind is list:
        lines = value if isinstance(value, list | tuple) else _lines(str(value))
        out = [str(line).strip() for line in lines if str(line).strip()]
        if not out and spec.key not in ("notice.cc", "selfcheck.items", SEVERITY_SYNONYMS):
            raise _wrong(spec, value, translate("Settings", "at least one line is needed"))
        if spec.key == SEVERITY_SYNONYMS:
            from reviewapp.standards.vocabulary import SynonymError, parse_severity_synonyms

            try:
                parse_severity_synonyms(out)
            except SynonymError as exc:
                raise SettingError(str(exc)) from None
        return out
    text = str(value).strip()
    if not text:
        raise _wrong(spec, value, translate("Settings", "it may not be empty"))
    return text


def _lines(text: str) -> list[str]:
    stripped = text.strip()
    if stripped.startswith("["):
        try:
            data = json.loads(stripped)
        except json.JSONDecodeError:
            data = None
        if isinstance(data, list):
            return [str(v) for v in data]
    for separator in ("\n", "；", ";"):
        if separator in text:
            return text.split(separator)
    return [text]


def config_value(spec: SettingSpec, config: NoticeConfig) -> Any:
    assert spec.field is not None
    return jsonable(getattr(config, spec.field))


def config_from(values: dict[str, Any], source: str) -> NoticeConfig:
    """A NoticeConfig from stored values by key (the defaults for keys not stored)."""
    data = NoticeConfig().to_json()
    for key, value in values.items():
        spec = SETTINGS.get(key)
        if spec is not None and spec.field is not None:
            data[spec.field] = parse_value(spec, value)
    return NoticeConfig.from_json(data, source=source)

"""The settings of the rectification notices and the ledger as one value: issuer, numbering, reply deadline,
共性 threshold, and the reply deadline they give.

They are stored in the database as shared settings (services/results/settings.py). The notice wording
(requirements, how to reply, how to object, 抄送) is official Chinese document text, so it is configured as
Chinese data, not translated.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from datetime import date, timedelta
from typing import Any

from reviewapp.domain.working_days import add_working_days
from reviewapp.errors import KnownError
from reviewapp.i18n import translate
from reviewapp.legal import CalendarUnknownError, LegalCalendar, default_calendar
from reviewapp.legal.periods import period_end

# 规则 665: a written reply within 10 days.
DEFAULT_DEADLINE_DAYS = 10
PLACEHOLDER = "××"
ISSUER_FIELDS = ("procuratorate", "issuer_code", "review_code", "issuer")


class NoticeConfigError(KnownError, ValueError):
    """A notice setting is unreadable, wrong, or still a placeholder (message for the user)."""


@dataclass(frozen=True)
class NoticeConfig:
    procuratorate: str = "××人民检察院"
    # 机关代字 of "<机关代字>〔<year>〕<n>号" (review-rules §6), e.g. 京朝检案管整改.
    issuer_code: str = "××检案管整改"
    # 机关代字 of the 评查受案号 printed on notices and reports; the review id is its serial.
    review_code: str = "××检案管评"
    issuer: str = "××人民检察院案件管理部"  # the issuing department (案件管理部门)
    deadline_days: int = DEFAULT_DEADLINE_DAYS
    working_days: bool = False  # count the reply period in working days (weekends, holidays, 调休)
    common_threshold: int = 2  # a checklist item found in at least this many cases is 共性
    requirements: tuple[str, ...] = (
        "对通知书列明的问题逐项分析原因，明确整改措施和责任人",
        "能够补正的问题及时补正，不能补正的作出书面说明",
        "举一反三，对同类案件开展自查，防止类似问题再次发生",
    )
    how_to_reply: str = "整改报告经部门负责人审核后报送本院案件管理部门，并在统一业务应用系统中上传"
    how_to_object: str = (
        "对评查结论或所列问题有异议的，可在收到本通知书之日起五个工作日内向本院案件管理部门书面提出，并附相关材料"
    )
    # 抄送 lines; "{department}" becomes the addressed department.
    cc: tuple[str, ...] = ("{department}负责人", "检务督察部门")
    # GB/T 9704 §7.2: offices issuing the notice as a 公文 print the red 发文机关标志 and separator line.
    red_letterhead: bool = False

    def placeholders(self) -> list[str]:
        """The issuer fields still holding the shipped placeholder ×× (notices cannot go out with them)."""
        out = [name for name in ISSUER_FIELDS if PLACEHOLDER in str(getattr(self, name))]
        if any(PLACEHOLDER in line for line in self.cc):
            out.append("cc")
        return out

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["requirements"] = list(self.requirements)
        data["cc"] = list(self.cc)
        return data

    @classmethod
    def from_json(cls, data: Any, *, source: str = "<config>") -> NoticeConfig:
        if not isinstance(data, dict):
            raise NoticeConfigError(
                translate("NoticeConfig", "{source}: expected a JSON object of settings").format(source=source)
            )
        known = {f.name: f for f in fields(cls)}
        values: dict[str, Any] = {}
        for key, value in data.items():
            if key not in known:
                raise NoticeConfigError(
                    translate("NoticeConfig", "{source}: unknown setting {key}").format(source=source, key=key)
                )
            values[key] = _checked(key, value, getattr(cls(), key), source)
        config = cls(**values)
        if config.deadline_days < 1 or config.common_threshold < 1:
            raise NoticeConfigError(
                translate("NoticeConfig", "{source}: deadline_days and common_threshold must be at least 1").format(
                    source=source
                )
            )
        return config


def _checked(key: str, value: Any, default: Any, source: str) -> Any:
    if isinstance(default, tuple):
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            return tuple(value)
    elif isinstance(default, bool):
        if isinstance(value, bool):
            return value
    elif isinstance(default, int):
        if isinstance(value, int) and not isinstance(value, bool):
            return value
    elif isinstance(value, str) and value.strip():
        return value.strip()
    raise NoticeConfigError(
        translate("NoticeConfig", "{source}: setting {key} has a wrong value: {value!r}").format(
            source=source, key=key, value=value
        )
    )


def reply_deadline(issued_on: date, config: NoticeConfig, calendar: LegalCalendar | None = None) -> date:
    """The reply deadline: ``deadline_days`` after the issue day (规则 665: 10 days), the issue day not
    counted (CPL art. 105); in working days when configured, skipping weekends and holidays but counting
    调休 working Saturdays/Sundays."""
    if not config.working_days:
        # CPL art. 105: a period whose last day is a 节假日 ends on the next working day (a 调休 Saturday or
        # Sunday is one). In a year the holiday calendar does not know yet only the weekend is certain.
        try:
            cal = calendar or default_calendar()
            return period_end(issued_on, days=config.deadline_days, in_custody=False, calendar=cal).end
        except CalendarUnknownError:
            nominal = issued_on + timedelta(days=config.deadline_days)
            return nominal + timedelta(days={5: 2, 6: 1}.get(nominal.weekday(), 0))  # Saturday, Sunday → Monday
    try:
        return add_working_days(issued_on, config.deadline_days, calendar or default_calendar())
    except CalendarUnknownError as exc:
        raise NoticeConfigError(
            translate(
                "NoticeConfig",
                "The reply deadline cannot be counted in working days: the holiday calendar does not know {day}. "
                "Add the year to the calendar override file or count in calendar days.",
            ).format(day=exc.day.isoformat())
        ) from exc

"""Plain input records of the official PDFs (review-rules §6), filled by the services from the database.

They carry finished text: the writers format and lay out, they never look anything up.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


def cn_date(d: date) -> str:
    """GB/T 9704 §7.3.5: Arabic numerals, no zero padding — 2026年3月5日."""
    return f"{d.year}年{d.month}月{d.day}日"


_DIGITS = "零一二三四五六七八九"
_SENTENCE_END = "。！？；：…）」”"


def cn_numeral(n: int) -> str:
    """Chinese numeral for heading numbers 一、 / （一）: 1 → 一, 10 → 十, 21 → 二十一 (1–99)."""
    if not 0 < n < 100:
        return str(n)
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else _DIGITS[tens] + "十")
    return head + (_DIGITS[ones] if ones else "")


def sentence(text: str) -> str:
    """``text`` ending with a full stop, so that joined fields read as sentences (no doubled 。)."""
    text = text.strip()
    if not text or text[-1] in _SENTENCE_END:
        return text
    return text.rstrip("，,.;；") + "。"


@dataclass(frozen=True)
class NoticeProblem:
    dimension: str  # 证据采信, 事实认定 … (checklist dimension, in checklist order)
    item_code: str  # E8
    item_text: str  # 非法证据未排除
    severity: str  # 司法瑕疵 / 一般司法错误 / 严重司法错误
    reason: str = ""  # the reviewer's finding
    citation: str = ""  # where in the dossier, e.g. "起诉书 第3页"


@dataclass(frozen=True)
class NoticeCase:
    case_name: str  # 案件名称
    dept_case_no: str  # 部门受案号
    review_type: str  # 常规抽查 / 重点评查 / 专项评查
    review_no: str  # 评查受案号
    grade: str  # 不合格 …
    determined_on: date | None  # determination (审定) date
    problems: list[NoticeProblem] = field(default_factory=list)


@dataclass(frozen=True)
class NoticeData:
    """案件质量问题整改通知书: one per case or per prosecutor/department listing several cases."""

    procuratorate: str  # ××人民检察院
    doc_number: str  # ××检案管整改〔2026〕N号 (numbered by the lead's service)
    addressee: str  # 主送: department or prosecutor
    cases: list[NoticeCase]
    requirements: list[str]  # rectification requirements, one paragraph each
    reply_deadline: date  # default 10 days (规则 665), computed by the caller
    how_to_reply: str
    how_to_object: str
    issuer: str  # 案件管理部门
    issued_on: date
    cc: list[str] = field(default_factory=list)  # 抄送
    audit_mark: str = ""  # the audit chain head when issued, printed small at each page's foot
    letterhead: bool = False  # the red 发文机关标志 and separator line (GB/T 9704 §7.2)


@dataclass(frozen=True)
class ReportDimension:
    """Part 三: one checklist dimension; no findings prints "未发现问题"."""

    name: str
    findings: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class ReportData:
    """个案评查报告 / 评查意见书 in the six parts of review-rules §6."""

    procuratorate: str
    review_no: str  # 评查受案号
    case_name: str
    handling_unit: str  # 承办单位
    handling_department: str
    prosecutor: str  # 承办人
    review_type: str  # 评查类别
    basic_facts: list[str]  # 一、被评查案件基本情况
    review_work: list[str]  # 二、评查工作开展情况
    dimensions: list[ReportDimension]  # 三、评查发现的问题, every dimension in checklist order
    joint_meeting: list[str]  # 四、评查小组联席会议情况
    grade_proposal: str  # 五、等次建议 (e.g. 不合格)
    grade_basis: list[str]  # 五、评定依据
    other: list[str]  # 六、其他
    reviewer: str
    signed_on: date
    title: str = "案件质量评查报告"
    audit_mark: str = ""  # the audit chain head when issued, printed small at each page's foot
    # Under the signature: who determined the opinion (审定) and when, and the SHA-256 of its content.
    determination: list[str] = field(default_factory=list)


def audit_mark(seq: int, digest: str) -> str:
    """The chain head as printed: "审计链 #123 · 3f9a…c2" (the full hash is stored with the notice)."""
    return f"审计链 #{seq} · {digest[:4]}…{digest[-2:]}"

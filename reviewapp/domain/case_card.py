"""The case card (案卡): plain records of one case, its suspects and its documents.

Field specs map each attribute to the canonical Chinese column of the unified case system export and its
accepted aliases (shared/design/import-format.md). The intake, the storage layer and the UI labels all read
these specs, so a field is declared once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import Enum


class FieldKind(Enum):
    TEXT = "text"
    DATE = "date"
    BOOL = "bool"
    INT = "int"
    DECIMAL = "decimal"
    PATHS = "paths"  # ';'-separated relative paths


@dataclass(frozen=True)
class FieldSpec:
    attr: str
    column: str  # canonical Chinese column name
    aliases: tuple[str, ...] = ()
    kind: FieldKind = FieldKind.TEXT
    required: bool = False


# Case types (案件类别) accepted on the card.
CASE_TYPES = ("审查逮捕", "审查起诉", "民事诉讼监督", "行政诉讼监督", "公益诉讼", "其他")
BUSINESS_LINES = ("侦监", "公诉", "未检", "民事", "行政", "控申", "审监", "执检", "公益诉讼")
PLEA_WITNESSES = ("辩护人", "值班律师", "无")
SENTENCING_RECOMMENDATIONS = ("确定刑", "幅度刑", "无")
PROCEDURES = ("速裁", "简易", "普通")
COERCIVE_MEASURES = ("拘留", "逮捕", "取保候审", "监视居住")

K = FieldKind

CASE_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("dept_case_no", "部门受案号", ("受案号", "案件编号", "案号"), K.TEXT, True),
    FieldSpec("unified_case_no", "统一受案号"),
    FieldSpec("name", "案件名称", ("案名",), K.TEXT, True),
    FieldSpec("case_type", "案件类别", ("案件类型",), K.TEXT, True),
    FieldSpec("business_line", "业务条线", ("条线",)),
    FieldSpec("unit", "承办单位", ("承办院", "办案单位"), K.TEXT, True),
    FieldSpec("department", "承办部门", ("办案部门",), K.TEXT, True),
    FieldSpec("prosecutor", "承办检察官", ("承办人",), K.TEXT, True),
    FieldSpec("prosecutor_staff_no", "承办人工号", ("工号",)),
    FieldSpec("transferring_agency", "移送单位", ("侦查机关",)),
    FieldSpec("transferred_charge", "移送案由", ("案由", "移送罪名")),
    FieldSpec("found_charge", "认定罪名", ("审查认定罪名",)),
    FieldSpec("accepted_on", "受理日期", ("受理时间", "收案日期"), K.DATE, True),
    # A case without 办结日期 is not closed: importable, not reviewable.
    FieldSpec("closed_on", "办结日期", ("审结日期", "结案日期"), K.DATE),
    FieldSpec("disposition", "审结处理结果", ("处理结果", "审结情况")),
    FieldSpec("reconsideration_outcome", "复议复核结果", ("复议结果", "复核结果", "复议复核情况")),
    FieldSpec("state_compensation", "国家赔偿", ("是否国家赔偿", "是否引发国家赔偿"), K.BOOL),
    FieldSpec("detained", "是否羁押", ("羁押状态",), K.BOOL),
    FieldSpec("plea", "认罪认罚", ("是否认罪认罚",), K.BOOL),
    FieldSpec("plea_signed_on", "具结书签署日期", ("具结日期",), K.DATE),
    FieldSpec("plea_witness", "具结在场人员", ("具结见证人",)),
    FieldSpec("sentencing_recommendation", "量刑建议类型"),
    FieldSpec("procedure", "适用程序", ("建议适用程序",)),
    FieldSpec("extension_approved", "延长审查期限", ("重大复杂延长", "是否延长审查期限"), K.BOOL),
    FieldSpec(
        "extension_approved_on",
        "延长审查期限批准日期",
        ("延长审查起诉期限批准日期", "延期批准日期", "延长批准日期"),
        K.DATE,
    ),
    FieldSpec("returns_count", "退回补充侦查次数", ("退查次数",), K.INT),
    FieldSpec("return1_on", "第一次退查日期", ("第一次退补日期", "第一次退回补充侦查日期", "一退日期"), K.DATE),
    FieldSpec(
        "resubmit1_on",
        "第一次重新移送日期",
        ("第一次退补重新移送日期", "第一次补查重报日期", "第一次重新移送审查起诉日期", "一退重报日期"),
        K.DATE,
    ),
    FieldSpec("return2_on", "第二次退查日期", ("第二次退补日期", "第二次退回补充侦查日期", "二退日期"), K.DATE),
    FieldSpec(
        "resubmit2_on",
        "第二次重新移送日期",
        ("第二次退补重新移送日期", "第二次补查重报日期", "第二次重新移送审查起诉日期", "二退重报日期"),
        K.DATE,
    ),
    FieldSpec("suspect_notified_on", "告知犯罪嫌疑人权利日期", ("告知嫌疑人日期",), K.DATE),
    FieldSpec("victim_notified_on", "告知被害人权利日期", ("告知被害人日期",), K.DATE),
    # Whether the case has an individual victim (CPL art. 46: the victim's rights notice applies only then).
    FieldSpec("has_victim", "有无被害人", ("是否有被害人", "有被害人"), K.BOOL),
    FieldSpec("amount", "涉案金额", ("涉案金额（元）", "涉案金额(元)"), K.DECIMAL),
    FieldSpec("summary", "案情摘要", ("简要案情",)),
    FieldSpec("dossier_paths", "电子卷宗", ("卷宗路径",), K.PATHS),
)

SUSPECT_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("dept_case_no", "部门受案号", ("受案号", "案件编号", "案号"), K.TEXT, True),
    FieldSpec("name", "姓名", ("嫌疑人姓名", "犯罪嫌疑人姓名"), K.TEXT, True),
    FieldSpec("gender", "性别"),
    FieldSpec("birth_date", "出生日期", (), K.DATE),
    FieldSpec("age_at_offence", "作案时年龄", (), K.INT),
    FieldSpec("detained", "是否羁押", ("羁押状态",), K.BOOL),
    FieldSpec("measure", "强制措施"),
    FieldSpec("measure_started_on", "强制措施开始日期", ("强制措施日期", "采取强制措施日期"), K.DATE),
    # Each coercive measure with its own date (CPL arts. 66–100): a suspect detained, arrested and later
    # released on bail has three; the single 强制措施 column above holds the current one.
    FieldSpec("detained_on", "拘留日期", ("刑事拘留日期",), K.DATE),
    FieldSpec("arrested_on", "逮捕日期", ("执行逮捕日期",), K.DATE),
    FieldSpec("bail_on", "取保候审日期", ("取保候审开始日期",), K.DATE),
    FieldSpec("surveillance_on", "监视居住日期", ("监视居住开始日期",), K.DATE),
    FieldSpec("measure_ended_on", "强制措施解除日期", ("解除强制措施日期", "强制措施变更日期"), K.DATE),
    FieldSpec("plea", "认罪认罚", ("是否认罪认罚",), K.BOOL),
    FieldSpec("transferred_charge", "移送罪名"),
    FieldSpec("found_charge", "认定罪名"),
    FieldSpec("prosecuted_charge", "起诉罪名"),
    FieldSpec("judged_charge", "判决罪名"),
    FieldSpec("sentence", "判决刑期", ("宣告刑", "判处刑罚")),
    FieldSpec("judged_on", "判决日期", ("一审判决日期", "宣判日期"), K.DATE),
    FieldSpec("recommended_sentence", "量刑建议", ("建议刑期", "量刑建议刑期")),
)

DOCUMENT_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("dept_case_no", "部门受案号", ("受案号", "案件编号", "案号"), K.TEXT, True),
    FieldSpec("title", "文书名称", ("文书", "名称"), K.TEXT, True),
    FieldSpec("path", "文件路径", ("路径",), K.TEXT, True),
)

# Sheet names, in order of preference. The cases sheet falls back to the first sheet.
CASE_SHEET_NAMES = ("案件", "案件信息")
SUSPECT_SHEET_NAMES = ("嫌疑人", "犯罪嫌疑人", "嫌疑人信息", "犯罪嫌疑人信息")
DOCUMENT_SHEET_NAMES = ("文书", "卷宗")


@dataclass
class SuspectRecord:
    dept_case_no: str
    name: str
    gender: str | None = None
    birth_date: date | None = None
    age_at_offence: int | None = None
    detained: bool | None = None
    measure: str | None = None
    measure_started_on: date | None = None
    detained_on: date | None = None
    arrested_on: date | None = None
    bail_on: date | None = None
    surveillance_on: date | None = None
    measure_ended_on: date | None = None
    plea: bool | None = None
    transferred_charge: str | None = None
    found_charge: str | None = None
    prosecuted_charge: str | None = None
    judged_charge: str | None = None
    sentence: str | None = None
    recommended_sentence: str | None = None
    judged_on: date | None = None
    # Unknown columns of the suspects sheet, kept verbatim (column name → text) like CaseCard.extra.
    extra: dict[str, str] = field(default_factory=dict)


@dataclass
class DocumentRecord:
    dept_case_no: str
    title: str
    path: str
    # Unknown columns of the documents sheet, kept verbatim (column name → text) like CaseCard.extra.
    extra: dict[str, str] = field(default_factory=dict)


@dataclass
class CaseCard:
    """One case as exported on the card. Optional fields are None when the export left them empty."""

    dept_case_no: str
    name: str
    case_type: str
    unit: str
    department: str
    prosecutor: str
    accepted_on: date
    unified_case_no: str | None = None
    business_line: str | None = None
    prosecutor_staff_no: str | None = None
    transferring_agency: str | None = None
    transferred_charge: str | None = None
    found_charge: str | None = None
    closed_on: date | None = None
    disposition: str | None = None
    reconsideration_outcome: str | None = None
    state_compensation: bool | None = None
    detained: bool | None = None
    plea: bool | None = None
    plea_signed_on: date | None = None
    plea_witness: str | None = None
    sentencing_recommendation: str | None = None
    procedure: str | None = None
    extension_approved: bool | None = None
    extension_approved_on: date | None = None
    returns_count: int | None = None
    return1_on: date | None = None
    resubmit1_on: date | None = None
    return2_on: date | None = None
    resubmit2_on: date | None = None
    suspect_notified_on: date | None = None
    victim_notified_on: date | None = None
    has_victim: bool | None = None
    amount: Decimal | None = None
    summary: str | None = None
    dossier_paths: list[str] = field(default_factory=list)
    # Unknown export columns, kept verbatim (column name → text) and shown read-only.
    extra: dict[str, str] = field(default_factory=dict)
    suspects: list[SuspectRecord] = field(default_factory=list)
    documents: list[DocumentRecord] = field(default_factory=list)

    @property
    def is_closed(self) -> bool:
        return self.closed_on is not None


def spec_by_attr(specs: tuple[FieldSpec, ...]) -> dict[str, FieldSpec]:
    return {s.attr: s for s in specs}

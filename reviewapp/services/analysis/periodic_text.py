"""The words of the periodic report: the narrative written from the figures and their comparisons.

    doc = report_document(report)            # Chinese (the official document)
    doc = report_document(report, "en")      # the English form

"本季度共评查案件N件，占同期办结案件的x%，同比上升y个百分点…": shares are printed with one decimal, changes of a
share in percentage points, changes of a count in cases. The report is an official Chinese document, so its
Chinese wording is template text here (like the notices); the English form is for English-speaking readers
of the same figures.
"""

from __future__ import annotations

from reviewapp.domain.rounding import fixed, percent
from reviewapp.exports.documents import cn_date, cn_numeral, sentence
from reviewapp.exports.periodic_report.model import Chart, Heading, Item, Paragraph, PeriodicDocument, Table
from reviewapp.services.analysis.periodic import PeriodicReport
from reviewapp.services.analysis.periods import Period, PeriodKind
from reviewapp.services.analysis.stats import Change

APPENDIX_HEADERS = ("序号", "办案单位", "案件名称", "承办人", "评查员", "评查单位", "评查结论", "评查发现问题")
APPENDIX_HEADERS_EN = (
    "No.",
    "Handling unit",
    "Case",
    "Prosecutor",
    "Reviewer",
    "Reviewing unit",
    "Conclusion",
    "Problems found",
)
APPENDIX_WIDTHS = (1.2, 2.6, 3.0, 1.6, 1.6, 2.6, 1.7, 5.3)
GRADE_EN = {"优质": "excellent", "合格": "qualified", "基本合格": "basically qualified", "不合格": "unqualified"}
_CN_QUARTER = ("一", "二", "三", "四")


def period_words(period: Period, lang: str = "zh") -> tuple[str, str]:
    """(the period named, "this period"): ("2026年第一季度", "本季度") / ("Q1 2026", "this quarter")."""
    y, i, k = period.year, period.index, period.kind
    if lang == "en":
        if k is PeriodKind.YEAR:
            return f"{y}", "this year"
        if k is PeriodKind.HALF:
            return f"{'first' if i == 1 else 'second'} half of {y}", "this half-year"
        if k is PeriodKind.QUARTER:
            return f"Q{i} {y}", "this quarter"
        return f"{period.start:%B} {y}", "this month"
    if k is PeriodKind.YEAR:
        return f"{y}年度", "本年度"
    if k is PeriodKind.HALF:
        return f"{y}年{'上' if i == 1 else '下'}半年", "本半年"
    if k is PeriodKind.QUARTER:
        return f"{y}年第{_CN_QUARTER[i - 1]}季度", "本季度"
    return f"{y}年{i}月", "本月"


def pct(value: float | None) -> str:
    return percent(value)


def change_words(c: Change, lang: str = "zh") -> str:
    """上升3.5个百分点 / 增加2件 / 持平 / 无可比数据 (and the English)."""
    if c.delta is None:
        return "no comparable figure" if lang == "en" else "无可比数据"
    if abs(c.delta) < 0.05:
        return "unchanged" if lang == "en" else "持平"
    up = c.delta > 0
    if c.points:
        d = fixed(abs(c.delta), 1)
        return (
            f"{'up' if up else 'down'} {d} percentage points"
            if lang == "en"
            else f"{'上升' if up else '下降'}{d}个百分点"
        )
    d = f"{abs(c.delta):g}"
    return f"{'up' if up else 'down'} by {d}" if lang == "en" else f"{'增加' if up else '减少'}{d}件"


def _title(r: PeriodicReport, lang: str) -> str:
    name, _ = period_words(r.period, lang)
    if lang == "en":
        return f"Special review report: {r.plan_name}" if r.is_plan else f"Case-quality review report, {name}"
    return f"{r.plan_name}专项评查报告" if r.is_plan else f"{name}案件质量评查情况报告"


def _overview(r: PeriodicReport, lang: str) -> list[Item]:
    c = r.comparison
    cur = c.current
    _, this = period_words(r.period, lang)
    if lang == "en":
        who = "This special review" if r.is_plan else this.capitalize()
        text = f"{who} reviewed {cur.reviewed} cases"
        text += (
            f", {pct(cur.ratio)} of the {cur.closed} cases closed in the same period "
            f"(year on year {change_words(c.yoy('ratio'), lang)}, on the previous period "
            f"{change_words(c.pop('ratio'), lang)})."
            if cur.closed
            else "; no case was closed in the same period."
        )
        text += (
            f" Cases reviewed: year on year {change_words(c.yoy('reviewed'), lang)}, on the previous period "
            f"{change_words(c.pop('reviewed'), lang)}."
        )
    else:
        who = "本次专项评查" if r.is_plan else this
        text = f"{who}共评查案件{cur.reviewed}件"
        text += (
            f"，占同期办结案件（{cur.closed}件）的{pct(cur.ratio)}，同比{change_words(c.yoy('ratio'))}，"
            f"环比{change_words(c.pop('ratio'))}。"
            if cur.closed
            else "，同期无办结案件。"
        )
        text += f"评查案件数同比{change_words(c.yoy('reviewed'))}，环比{change_words(c.pop('reviewed'))}。"
    items: list[Item] = [Paragraph(text)]
    grades = [(g, n) for g, n in cur.grades.items() if g]
    if cur.reviewed and grades:
        if lang == "en":
            parts = ", ".join(f"{n} {GRADE_EN.get(g, g)} ({pct(cur.grade_share(g))})" for g, n in grades)
            text = f"The determined or proposed grades were: {parts}."
            if "不合格" in cur.grades:
                text += f" The unqualified share is year on year {change_words(c.yoy('share:不合格'), lang)}."
        else:
            counts = "、".join(f"{g}案件{n}件" for g, n in grades)
            shares = "、".join(pct(cur.grade_share(g)) for g, _ in grades)
            text = f"经评查，评定{counts}，分别占评查案件的{shares}。"
            if "不合格" in cur.grades:
                text += f"不合格案件占比同比{change_words(c.yoy('share:不合格'))}。"
        items.append(Paragraph(text))
    if r.by_unit.rows:
        cap = "Figure 1 Grades by handling unit" if lang == "en" else "图1　各办案单位评查案件等次分布"
        items.append(
            Chart(
                cap,
                tuple(row.label for row in r.by_unit.rows),
                tuple(
                    (
                        GRADE_EN.get(g, g) if lang == "en" else g,
                        tuple(float(row.grades.get(g, 0)) for row in r.by_unit.rows),
                    )
                    for g in r.by_unit.grades
                    if g
                ),
                stacked=True,
            )
        )
    return items


def _problems(r: PeriodicReport, lang: str) -> list[Item]:
    c = r.comparison
    cur = c.current
    per_case = fixed(cur.findings / cur.reviewed, 2) if cur.reviewed else "0"
    if lang == "en":
        text = (
            f"Problems were found in {cur.with_problems} of the {cur.reviewed} cases reviewed "
            f"({pct(cur.problem_share)}, year on year {change_words(c.yoy('problem_share'), lang)}): "
            f"{cur.findings} problems, {per_case} per case."
        )
    else:
        text = (
            f"{cur.reviewed}件评查案件中，发现问题的案件{cur.with_problems}件，占{pct(cur.problem_share)}，"
            f"同比{change_words(c.yoy('problem_share'))}；共发现问题{cur.findings}个，平均每件{per_case}个。"
        )
    dims = sorted((d for d in r.problems.dimensions if d.findings), key=lambda d: -d.findings)
    if dims:
        if lang == "en":
            text += " By dimension: " + ", ".join(f"{d.name} {d.findings}" for d in dims) + "."
        else:
            text += "从评查维度看，" + "、".join(f"{d.name}方面{d.findings}个" for d in dims) + "。"
    items: list[Item] = [Paragraph(text)]
    if dims:
        cap = "Figure 2 Problems by review dimension" if lang == "en" else "图2　各评查维度发现问题数"
        cases = "cases" if lang == "en" else "涉及案件数"
        found = "problems" if lang == "en" else "问题数"
        items.append(
            Chart(
                cap,
                tuple(d.name for d in dims),
                ((found, tuple(float(d.findings) for d in dims)), (cases, tuple(float(d.cases) for d in dims))),
            )
        )
    items.append(Heading("(1) Recurring problems" if lang == "en" else "（一）共性问题", 2))
    if not r.typical:
        n = r.problems.threshold
        items.append(
            Paragraph(
                f"No problem was found in {n} or more cases."
                if lang == "en"
                else f"未发现在{n}件以上案件中重复出现的共性问题。"
            )
        )
    for i, t in enumerate(r.typical, start=1):
        p = t.rank
        if lang == "en":
            text = f"{i}. {p.item_code} {p.item_text}: found in {p.cases} cases, {p.findings} problems."
            if t.examples:
                text += " For example: " + "; ".join(t.examples) + "."
        else:
            text = f"{i}．{p.item_code} {p.item_text}：涉及{p.cases}件案件，发现问题{p.findings}个。"
            if t.examples:
                text += "如" + "；".join(t.examples).rstrip("。") + "。"
        items.append(Paragraph(text))
    return items


def _excellent(r: PeriodicReport, lang: str) -> list[Item]:
    if not r.excellent:
        return [Paragraph("No case was graded excellent." if lang == "en" else "本期未评定优质案件。")]
    if lang == "en":
        return [
            Paragraph(f"{i}. {c.case_name} ({c.review_no}), handled by {c.prosecutor} of {c.unit}.")
            for i, c in enumerate(r.excellent, start=1)
        ]
    return [
        Paragraph(f"{i}．{c.unit}{c.prosecutor}承办的{c.case_name}（{c.review_no}）。")
        for i, c in enumerate(r.excellent, start=1)
    ]


def report_document(r: PeriodicReport, lang: str = "zh") -> PeriodicDocument:
    en = lang == "en"
    sections: list[tuple[str, list[Item]]] = [
        ("Overview" if en else "基本情况", _overview(r, lang)),
        ("Main problems found" if en else "评查发现的主要问题", _problems(r, lang)),
        ("Excellent cases" if en else "优质案件", _excellent(r, lang)),
    ]
    items: list[Item] = []
    for n, (heading, body) in enumerate(sections, start=1):
        items.append(Heading(f"{n}. {heading}" if en else f"{cn_numeral(n)}、{heading}"))
        items.extend(body)
    mapped = r.comparison.current.mapped
    note = ""
    if mapped:
        if en:
            note = (
                "Note: "
                + "; ".join(
                    f"{m.count} cases graded {m.source} under the scheme before 1 February 2026 "
                    f"are counted as {m.target}"
                    for m in mapped
                )
                + "."
            )
        else:
            note = sentence(
                "注："
                + "；".join(f"2026年2月1日前按原等次评定的{m.source}案件{m.count}件计入{m.target}案件" for m in mapped)
            )
    appendix = Table(
        "Annex: cases with problems found" if en else "附件：评查发现问题案件列表",
        APPENDIX_HEADERS_EN if en else APPENDIX_HEADERS,
        tuple(
            (str(a.seq), a.unit, a.case_name, a.prosecutor, a.reviewer, a.reviewer_unit, a.conclusion, a.problems)
            for a in r.appendix
        ),
        APPENDIX_WIDTHS,
        empty="No case with problems." if en else "本期评查未发现问题案件。",
    )
    return PeriodicDocument(
        procuratorate=r.procuratorate,
        title=_title(r, lang),
        items=tuple(items),
        issuer=r.issuer,
        date_text=f"{r.issued_on:%d %B %Y}" if en else cn_date(r.issued_on),
        appendix=appendix,
        subject=_title(r, lang),
        note=note,
    )

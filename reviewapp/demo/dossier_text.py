"""The text of the demo dossier documents, drawn from the card so that card and documents agree."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from reviewapp.demo import dossier_plants as plants
from reviewapp.demo.staff import masked
from reviewapp.demo.vocabulary import yuan
from reviewapp.domain.case_card import CaseCard

# Evidence list lines (刑事诉讼法 art. 50 kinds of evidence); cycled to give a document its length.
_EVIDENCE = (
    "受案登记表、立案决定书、到案经过",
    "犯罪嫌疑人的供述和辩解",
    "被害人陈述及报案材料",
    "证人证言",
    "扣押决定书、扣押清单及照片",
    "鉴定意见、价格认定结论书",
    "现场勘验检查笔录及照片",
    "调取的银行交易明细、聊天记录等电子数据",
    "监控视频等视听资料及情况说明",
    "户籍证明、前科查询情况",
)


@dataclass(frozen=True)
class Para:
    kind: str  # "heading" | "body" | "right" (date and issuer lines, right-aligned)
    text: str


def fmt_date(day: date | None) -> str:
    return f"{day.year}年{day.month}月{day.day}日" if day else "（未填写）"


def document_titles(card: CaseCard) -> list[str]:
    """Two or three documents, as the dossier of such a case holds them."""
    d = card.disposition or ""
    if card.case_type == "审查起诉":
        titles = ["起诉意见书", "审查报告"]
        if card.closed_on is None:
            return ["起诉意见书", "权利义务告知书"]
        if d == "起诉":
            titles.append("起诉书")
            if plants.judged(card):
                titles.append("判决书")
        elif "附条件" in d:
            titles.append("附条件不起诉决定书")
        elif "不起诉" in d:
            titles.append("不起诉决定书")
        return titles
    if card.case_type == "审查逮捕":
        if card.closed_on is None:
            return ["提请批准逮捕书", "权利义务告知书"]
        return ["提请批准逮捕书", "审查逮捕意见书", "不批准逮捕决定书" if "不批准" in d else "批准逮捕决定书"]
    first = "线索评估报告" if card.case_type == "公益诉讼" else "监督申请书"
    titles = [first, "审查终结报告"]
    if "检察建议" in d:
        titles.append("检察建议书")
    return titles


def _name(card: CaseCard, index: int) -> str:
    """A suspect's name as the documents write it (misspelt in every document when that is the plant)."""
    name = card.suspects[index].name
    return plants.renamed(name) if index == 0 and plants.plan_for(card) == plants.CARD_NAME else name


def _people(card: CaseCard, role: str) -> list[Para]:
    out = []
    for i, s in enumerate(card.suspects):
        bits = [f"{role}{_name(card, i)}"]
        if s.gender:
            bits.append(s.gender)
        if s.birth_date:
            bits.append(f"{fmt_date(s.birth_date)}出生")
        if s.age_at_offence is not None:
            bits.append(f"作案时{s.age_at_offence}周岁")
        if s.measure:
            bits.append(f"{fmt_date(s.measure_started_on)}被{s.measure}")
        out.append(Para("body", "，".join(bits) + "。"))
    return out


def _names(card: CaseCard) -> str:
    return "、".join(_name(card, i) for i in range(len(card.suspects))) or masked(card.name[:3])


def evidence_item(i: int) -> Para:
    """The ``i``-th (0-based) line of an evidence list; the same in every document."""
    return Para("body", f"{i + 1}. {_EVIDENCE[i % len(_EVIDENCE)]}，见卷宗第{i // 4 + 1}卷第{3 + 7 * i}页。")


def _evidence(count: int) -> list[Para]:
    return [evidence_item(i) for i in range(count)]


def _accepted(card: CaseCard) -> date:
    """The acceptance date the documents state (a day early when that is the plant)."""
    shift = timedelta(days=1) if plants.plan_for(card) == plants.CARD_DATE else timedelta(0)
    return card.accepted_on - shift


def _summary(card: CaseCard) -> str:
    text = card.summary or "（案情摘要未填写）"
    if plants.plan_for(card) == plants.CARD_AMOUNT and card.amount is not None:
        text = text.replace(yuan(card.amount), yuan(card.amount * 10))
    return text


def _process(card: CaseCard) -> list[Para]:
    if card.transferring_agency:
        lines = [f"本案由{card.transferring_agency}于{fmt_date(_accepted(card))}移送本院，本院于同日受理。"]
    else:
        lines = [f"本院于{fmt_date(_accepted(card))}受理本案。"]
    if card.suspect_notified_on:
        lines.append(f"本院于{fmt_date(card.suspect_notified_on)}告知犯罪嫌疑人有权委托辩护人。")
    if card.victim_notified_on:
        lines.append(f"本院于{fmt_date(card.victim_notified_on)}告知被害人有权委托诉讼代理人。")
    for i in (1, 2):
        back, again = getattr(card, f"return{i}_on"), getattr(card, f"resubmit{i}_on")
        if back:
            lines.append(
                f"本院于{fmt_date(back)}第{'一二'[i - 1]}次退回补充侦查，侦查机关于{fmt_date(again)}重新移送。"
            )
    if card.plea and card.plea_signed_on:
        # The documents say what the card says, gaps included (scenario cards carry deliberate ones).
        present = f"在{card.plea_witness}在场的情况下" if card.plea_witness not in (None, "", "无") else ""
        advice = card.sentencing_recommendation
        lines.append(
            f"犯罪嫌疑人{_names(card)}自愿认罪认罚，于{fmt_date(card.plea_signed_on)}{present}签署认罪认罚具结书"
            + (f"，本院提出{advice}量刑建议。" if advice not in (None, "", "无") else "。")
        )
    return [Para("body", line) for line in lines]


def document_paragraphs(card: CaseCard, title: str, evidence_lines: int) -> list[Para]:
    """Body of one document (the title and case number are drawn by the page layout)."""
    charge = card.found_charge or card.transferred_charge or ""
    facts = Para("body", f"经依法审查查明：{_summary(card)}")
    plant = plants.plan_for(card)
    if title == "判决书":
        from reviewapp.demo.dossier_judgment import judgment_paragraphs

        return judgment_paragraphs(
            card, _people(card, "被告人"), _names(card), _summary(card), _evidence(evidence_lines)
        )
    court = f"{card.unit.replace('人民检察院', '人民法院')}"
    dated = Para("right", fmt_date(card.closed_on or card.accepted_on))
    if title in ("起诉意见书", "提请批准逮捕书"):
        ask = "移送审查起诉" if title == "起诉意见书" else "提请批准逮捕"
        transferred = card.transferred_charge or ""
        if plant == plants.CARD_CHARGE and title == "起诉意见书":
            transferred = plants.other_charge(transferred)
        return [
            Para("right", card.transferring_agency or ""),
            *_people(card, "犯罪嫌疑人"),
            Para("body", f"犯罪嫌疑人{_names(card)}涉嫌{transferred}一案，现已侦查终结。"),
            facts,
            Para("heading", "认定上述事实的证据如下："),
            *_evidence(evidence_lines),
            Para("body", f"综上所述，犯罪嫌疑人{_names(card)}的行为涉嫌{transferred}，现依法{ask}。"),
            Para("body", f"此致\n{card.unit}"),
            Para("right", fmt_date(card.accepted_on)),
        ]
    if title in ("审查报告", "审查逮捕意见书", "审查终结报告", "线索评估报告", "监督申请书"):
        return [
            Para("heading", f"一、{card.name}基本情况"),
            Para("body", f"承办单位：{card.unit}{card.department}；承办检察官：{card.prosecutor}。"),
            *_people(card, "犯罪嫌疑人"),
            Para("heading", "二、受理和审查过程"),
            *_process(card),
            Para("heading", "三、审查认定的事实"),
            facts,
            *([Para("body", f"证人{_name(card, 0)}证实了上述事实。")] if plant == plants.ROLE else []),
            Para("heading", "四、证据"),
            *_evidence(evidence_lines),
            Para("heading", "五、处理意见"),
            Para("body", f"承办人意见：{card.disposition or '审查中'}。" + (f"认定罪名：{charge}。" if charge else "")),
            Para("right", f"承办检察官：{card.prosecutor}"),
            dated,
        ]
    if title == "权利义务告知书":
        return [
            Para("body", f"犯罪嫌疑人{_names(card)}：本院已于{fmt_date(_accepted(card))}受理{card.name}。"),
            Para("body", "根据《中华人民共和国刑事诉讼法》的规定，你有权委托辩护人，经济困难的可以申请法律援助。"),
            *_process(card),
            Para("heading", "附：案卷材料目录"),
            *_evidence(evidence_lines),
            Para("right", card.unit),
            Para("right", fmt_date(card.suspect_notified_on or card.accepted_on)),
        ]
    # Decisions: 起诉书, (附条件)不起诉决定书, (不)批准逮捕决定书, 检察建议书.
    role = "被告人" if title == "起诉书" else "被不起诉人" if "不起诉" in title else "犯罪嫌疑人"
    addressee = court if title == "起诉书" else card.transferring_agency or "有关单位"
    return [
        *_people(card, role),
        *_process(card),
        facts,
        Para("heading", "认定上述事实的证据如下："),
        *_evidence(evidence_lines),
        Para(
            "body",
            f"本院认为，{_names(card)}的行为触犯《中华人民共和国刑法》{plants.article_of(charge, plant)}，"
            f"构成{charge}。"
            f"本院决定：{card.disposition}。{_indictment_tail(card, title, court)}"
            if charge
            else f"本院审查认为：{card.disposition}。",
        ),
        Para("body", f"此致\n{addressee}"),
        Para("right", card.unit),
        dated,
    ]


def _indictment_tail(card: CaseCard, title: str, court: str) -> str:
    """What an indictment adds: the prosecution itself and, in a plea case, the recommendation (规则 274)."""
    if title != "起诉书":
        return ""
    text = f"本院于{fmt_date(card.closed_on)}向{court}提起公诉。"
    advice = next((s.recommended_sentence for s in card.suspects if s.recommended_sentence), None)
    if card.plea and advice:
        text += f"被告人{_names(card)}认罪认罚，建议判处{advice}。"
    return text

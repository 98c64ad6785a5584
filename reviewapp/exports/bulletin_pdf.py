"""The 案卡 data-quality bulletin (数据质量通报) as a PDF in the notices' official layout (GB/T 9704-2012).

An official Chinese document whatever the UI language, so its wording is template text. Each unit,
department and prosecutor is one numbered paragraph (kept whole on a page, like a table row).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from reviewapp.domain.rounding import percent
from reviewapp.exports.documents import cn_date, cn_numeral
from reviewapp.exports.fonts import RegisteredFonts, register_fonts
from reviewapp.exports.layout import HEADING1, SIGNATURE, TITLE, Block, PageBreak, Style, render_pdf

if TYPE_CHECKING:
    from reviewapp.services.analysis.bulletin import Bulletin, BulletinRow

ITEM = Style(keep_together=True)
SPACED_TITLE = Style(role="title", size=22.0, align="center", first_indent=0, space_before=1)
SIGNED = Style(align="right", first_indent=0, right_indent=4, keep_with_next=True, space_before=2)
BULLETIN_TITLE = "案卡数据质量通报"


def delta_text(change: int) -> str:
    if change > 0:
        return f"增加{change}个"
    return f"减少{-change}个" if change < 0 else "持平"


def change_text(change: int) -> str:
    return "较上期" + delta_text(change) if change else "与上期持平"


def _row(n: int, r: BulletinRow) -> str:
    return (
        f"{n}．{r.name}：迟填{r.late}个、错填{r.wrong}个、漏填{r.missing}个，共{r.total}个，"
        f"涉及案件{r.cases}件，{change_text(r.change)}。"
    )


def _section(blocks: list[Block | PageBreak], heading: str, rows: Sequence[BulletinRow]) -> None:
    blocks.append(Block(heading, HEADING1))
    if not rows:
        blocks.append(Block("本期及上期均未发现案卡数据质量问题。"))
    for n, r in enumerate(rows, start=1):
        blocks.append(Block(_row(n, r), ITEM))


def bulletin_blocks(b: Bulletin, procuratorate: str, issuer: str, issued_on: date) -> list[Block | PageBreak]:
    from reviewapp.services.analysis.periodic_text import period_words

    name, this = period_words(b.period)
    prev_name, _ = period_words(b.previous_period)
    t = b.totals
    share = percent(b.cases_flagged / b.cases if b.cases else None)
    blocks: list[Block | PageBreak] = [
        Block(procuratorate, TITLE),
        Block(f"{name}{BULLETIN_TITLE}", SPACED_TITLE),
        Block("一、总体情况", Style(role="heading", keep_with_next=True, space_before=1)),
        Block(
            f"{this}共有案件{b.cases}件（以办结日期计，未办结的以受理日期计）。经案卡自动校验，发现数据质量问题"
            f"{b.total}个，其中迟填{t['迟填']}个、错填{t['错填']}个、漏填{t['漏填']}个，涉及案件{b.cases_flagged}件，"
            f"占{share}。与上期（{prev_name}）的{b.previous_total}个相比，{delta_text(b.total - b.previous_total)}。"
        ),
        Block(
            "说明：迟填指案卡记载的日期超过法定期限，错填指案卡项目之间或与案件类别相互矛盾，"
            "漏填指应填项目未填或因缺项无法校验。"
        ),
    ]
    _section(blocks, "二、各单位情况", b.by_unit)
    _section(blocks, "三、各部门情况", b.by_department)
    _section(blocks, "四、承办人情况", b.by_prosecutor)
    n = len(b.repeat_window)
    blocks.append(Block(f"{cn_numeral(5)}、屡错屡犯人员", HEADING1))
    window = "、".join(period_words(p)[0] for p in b.repeat_window)
    if not b.repeat_offenders:
        blocks.append(Block(f"连续{n}个统计期间（{window}）均被发现案卡问题的承办人：无。"))
    else:
        blocks.append(Block(f"以下承办人连续{n}个统计期间（{window}）均被发现案卡问题，请所在部门督促整改："))
        for i, o in enumerate(b.repeat_offenders, start=1):
            counts = "、".join(str(c) for c in o.counts)
            blocks.append(Block(f"{i}．{o.unit}{o.department}{o.prosecutor}：各期问题数分别为{counts}个。", ITEM))
    blocks.append(Block(f"{cn_numeral(6)}、主要问题类型", HEADING1))
    if not b.by_rule:
        blocks.append(Block("无。"))
    for i, rule in enumerate(b.by_rule, start=1):
        blocks.append(Block(f"{i}．{rule.title}（{rule.category}）：{rule.problems}个，涉及案件{rule.cases}件。", ITEM))
    blocks.append(Block(issuer, SIGNED))
    blocks.append(Block(cn_date(issued_on), SIGNATURE))
    return blocks


def write_bulletin_pdf(
    path: Path,
    b: Bulletin,
    procuratorate: str,
    issuer: str,
    issued_on: date | None = None,
    fonts: RegisteredFonts | None = None,
) -> int:
    """Write the bulletin; returns its page count."""
    return render_pdf(
        Path(path),
        [bulletin_blocks(b, procuratorate, issuer, issued_on or date.today())],
        fonts or register_fonts(),
        title=f"{procuratorate}{BULLETIN_TITLE}（{b.period.code()}）",
        author=issuer,
        subject=BULLETIN_TITLE,
    )[0]


__all__ = ["BULLETIN_TITLE", "bulletin_blocks", "write_bulletin_pdf"]

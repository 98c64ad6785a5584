"""The case review report (个案评查报告) PDF: six parts, every dimension, signature."""

from __future__ import annotations

from datetime import date

from pypdf import PdfReader

from reviewapp.exports import ReportData, ReportDimension, register_fonts, report_pdf_bytes, write_report_pdf
from tests.core.pdf_probe import non_embedded_fonts, page_sizes, page_texts, squash

DIMENSIONS = (
    "证据采信",
    "事实认定",
    "法律适用",
    "办案程序",
    "文书制作和使用",
    "释法说理",
    "办案效果",
    "落实司法责任制",
    "统一业务系统规范使用",
)
PARTS = (
    "一、被评查案件基本情况",
    "二、评查工作开展情况",
    "三、评查发现的问题",
    "四、评查小组联席会议情况",
    "五、等次建议及评定依据",
    "六、其他",
)


def sample_report(findings_per_dimension: int = 1) -> ReportData:
    dims = [
        ReportDimension(
            name,
            [f"{name}存在问题{k}：卷宗第{k + 2}页记载不一致" for k in range(findings_per_dimension)]
            if i in (0, 3)
            else [],
        )
        for i, name in enumerate(DIMENSIONS)
    ]
    return ReportData(
        procuratorate="北京市城区人民检察院",
        review_no="城检评〔2026〕7号",
        case_name="张某某盗窃案",
        handling_unit="北京市城区人民检察院",
        handling_department="第一检察部",
        prosecutor="李某",
        review_type="重点评查",
        basic_facts=["犯罪嫌疑人张某某涉嫌盗窃罪，于2025年10月8日移送审查起诉，2025年11月6日提起公诉"],
        review_work=["评查员审阅了电子卷宗全部材料，并听取了承办检察官的意见"],
        dimensions=dims,
        joint_meeting=["2026年2月20日评查小组召开联席会议，一致同意评查意见"],
        grade_proposal="不合格",
        grade_basis=["存在一般司法错误（E8），依评查标准建议评定为不合格"],
        other=[],
        reviewer="王某",
        signed_on=date(2026, 2, 25),
    )


def test_report_has_six_parts_in_order_and_every_dimension(tmp_path):
    data = sample_report()
    path = tmp_path / "r.pdf"
    write_report_pdf(data, path, register_fonts(system_dirs=[]))
    text = squash("".join(page_texts(path)))
    positions = [text.index(part) for part in PARTS]
    assert positions == sorted(positions)
    for name in DIMENSIONS:
        assert name in text
    assert text.count("未发现问题") == len(DIMENSIONS) - 2
    for field in ("城检评〔2026〕7号", "张某某盗窃案", "第一检察部李某", "重点评查", "等次建议：不合格。"):
        assert field in text
    assert text.rstrip().endswith("评查员：王某2026年2月25日—1—") or "评查员：王某2026年2月25日" in text
    assert "六、其他无。" in text


def test_report_pdf_is_a4_embedded_with_metadata(tmp_path):
    data = sample_report(findings_per_dimension=12)
    path = tmp_path / "r.pdf"
    pages = write_report_pdf(data, path, register_fonts(system_dirs=[]))
    assert pages >= 2
    assert non_embedded_fonts(path) == []
    assert all(abs(w - 595.28) < 0.5 and abs(h - 841.89) < 0.5 for w, h in page_sizes(path))
    meta = PdfReader(path).metadata
    assert meta is not None and meta.author == "王某"
    texts = page_texts(path)
    for n, t in enumerate(texts, start=1):
        assert f"— {n} —" in t


def test_report_bytes_variant():
    data = report_pdf_bytes(sample_report(), register_fonts(system_dirs=[]))
    assert data.startswith(b"%PDF-")

"""Dossier folders: sub-folders named by 部门受案号 with '/' written as '_', matched back without guessing."""

from __future__ import annotations

from pathlib import Path

from reviewapp.intake.dossier import folder_name, scan_dossier_folder


def _touch(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"%PDF-1.4\n")
    return path


def test_folders_mapped_back_to_case_numbers(tmp_path: Path) -> None:
    a = _touch(tmp_path / "朝检_2025_3" / "起诉书.pdf")
    b = _touch(tmp_path / "朝检_2025_3" / "证据" / "照片.jpg")
    c = _touch(tmp_path / "朝检刑诉受[2025]1号" / "审查报告.docx")
    _touch(tmp_path / "朝检刑诉受[2025]1号" / "~$审查报告.docx")  # Office lock file
    _touch(tmp_path / "朝检刑诉受[2025]1号" / "Thumbs.db")
    scan = scan_dossier_folder(tmp_path, ["朝检/2025/3", "朝检刑诉受[2025]1号", "朝检刑诉受[2025]2号"])
    assert scan.files == {"朝检/2025/3": sorted([a, b]), "朝检刑诉受[2025]1号": [c]}
    assert scan.unmatched == [] and scan.ambiguous == {} and scan.loose_files == []


def test_unknown_folder_is_reported_not_guessed(tmp_path: Path) -> None:
    _touch(tmp_path / "朝检_2025_9" / "a.pdf")
    loose = _touch(tmp_path / "说明.pdf")
    scan = scan_dossier_folder(tmp_path, ["朝检/2025/3"])
    assert scan.files == {}
    assert scan.unmatched == ["朝检_2025_9"]
    assert scan.loose_files == [loose]


def test_ambiguous_folder_is_reported(tmp_path: Path) -> None:
    _touch(tmp_path / "A_1" / "a.pdf")
    scan = scan_dossier_folder(tmp_path, ["A/1", "A_1"])
    assert scan.files == {}
    assert scan.ambiguous == {"A_1": ["A/1", "A_1"]}


def test_full_width_folder_names_match(tmp_path: Path) -> None:
    f = _touch(tmp_path / "朝检刑诉受［２０２５］１号" / "a.pdf")
    scan = scan_dossier_folder(tmp_path, ["朝检刑诉受[2025]1号"])
    assert scan.files == {"朝检刑诉受[2025]1号": [f]}


def test_folder_name() -> None:
    assert folder_name("朝检/2025/3") == "朝检_2025_3"

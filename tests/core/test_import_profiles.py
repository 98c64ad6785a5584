"""Import profiles: an export in another system's layout, mapped once, saved, and read with the saved
profile again (headless), with everything left out listed in the summary."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from reviewapp.cli.main import main
from reviewapp.intake.profiles import IGNORE, Profile, ProfileError, ReadOptions, header_key
from reviewapp.services.cases.intake import import_cases
from reviewapp.services.cases.profiles import (
    delete_profile,
    guess_sheet,
    list_profiles,
    mapping_needed,
    profile_from_choices,
    read_layout,
    save_profile,
)
from reviewapp.services.workbench import Workbench
from reviewapp.storage.models import Case, Suspect
from tests.accounts_fixtures import PASSWORD
from tests.core.other_system_export import (
    CASE_HEADERS,
    CASES_SHEET,
    NOTES_SHEET,
    SUSPECTS_SHEET,
    case_number,
    write_other_system_export,
)
from tests.core.services_fixtures import open_workbench
from tests.db_target import database_at


@pytest.fixture
def wb(tmp_path: Path) -> Workbench:
    bench = open_workbench(tmp_path)
    yield bench  # type: ignore[misc]
    bench.close()


def _guessed_profile(wb: Workbench, path: Path, name: str = "省院新系统") -> Profile:
    need = mapping_needed(wb, path)
    assert need is not None, "an unknown layout asks for a mapping"
    sheets = {s.role: s.name for s in need.layout.sheets if s.role}
    choices = {
        s.role: {g.header: g.attr or IGNORE for g in guess_sheet(s, s.role, need.units)}
        for s in need.layout.sheets
        if s.role
    }
    return profile_from_choices(name, need.layout, sheets, choices)


def test_the_layout_is_read_and_every_column_gets_a_sensible_guess(wb: Workbench, tmp_path: Path) -> None:
    export = write_other_system_export(tmp_path / "other.xlsx")
    layout = read_layout(export.path)
    roles = {s.name: s.role for s in layout.sheets}
    assert roles == {NOTES_SHEET: "", CASES_SHEET: "cases", SUSPECTS_SHEET: "suspects"}
    cases = layout.sheet("cases")
    assert cases is not None and cases.header_index == 1 and cases.headers == CASE_HEADERS
    guesses = {g.header: g.attr for g in guess_sheet(cases, "cases")}
    assert guesses["案件编码"] == "dept_case_no"
    assert guesses["案件类别名称"] == "case_type"
    assert guesses["收案时间"] == "accepted_on"
    assert guesses["审结时间"] == "closed_on"
    assert guesses["退回补充侦查日期1"] == "return1_on"
    assert guesses["重新移送日期1"] == "resubmit1_on"
    assert guesses["延期批准日期"] == "extension_approved_on"
    assert guesses["内部流水号"] is None and guesses["备注说明"] is None
    suspects = layout.sheet("suspects")
    assert suspects is not None
    people = {g.header: g.attr for g in guess_sheet(suspects, "suspects")}
    assert people["当事人姓名"] == "name" and people["现强制措施"] == "measure"
    assert people["刑事拘留日期"] == "detained_on" and people["逮捕日期"] == "arrested_on"


def test_without_a_profile_nothing_imports_and_nothing_is_silently_dropped(wb: Workbench, tmp_path: Path) -> None:
    export = write_other_system_export(tmp_path / "other.xlsx")
    from reviewapp.intake.errors import IntakeFileError

    with pytest.raises(IntakeFileError):  # no sheet has a known key column: one plain message
        import_cases(wb, export.path)


def test_a_saved_profile_reads_the_whole_export_and_applies_itself_next_time(wb: Workbench, tmp_path: Path) -> None:
    export = write_other_system_export(tmp_path / "other.xlsx")
    profile = _guessed_profile(wb, export.path)
    assert profile.header_key == header_key(CASE_HEADERS)
    save_profile(wb, profile)
    assert mapping_needed(wb, export.path) is None, "the saved profile fits the layout"
    summary = import_cases(wb, export.path)  # not named: it applies itself by the header set
    assert summary.profile == "省院新系统"
    assert summary.imported == len(export.numbers) and summary.rejected == 0, summary.rejects
    assert [s for s, _ in summary.skipped_sheets] == [NOTES_SHEET]
    assert summary.extra_columns == {CASES_SHEET: ["内部流水号", "备注说明"]}
    assert summary.duplicates == [(CASES_SHEET, export.duplicate_row)]
    data = summary.to_json()
    assert data["skipped_sheets"][0]["sheet"] == NOTES_SHEET and data["duplicate_rows"][0]["sheet"] == CASES_SHEET
    with wb.db.session() as s:
        cases = {c.dept_case_no: c for c in s.scalars(select(Case))}
        assert set(cases) == set(export.numbers)
        second = cases[case_number(2)]
        assert second.case_type == "审查起诉" and second.disposition == "起诉"  # suffix and synonym mapped
        assert str(second.return1_on) == "2025-03-10" and str(second.resubmit1_on) == "2025-03-30"
        assert second.has_victim is True and second.extra["内部流水号"] == "LS-0002"
        assert cases[case_number(3)].case_type == "审查逮捕"
        people = {p.name: p for p in s.scalars(select(Suspect))}
        assert people["赵某3"].measure == "拘留" and str(people["赵某3"].detained_on) == "2025-02-27"


def test_profiles_go_through_the_write_path_and_to_and_from_files(wb: Workbench, tmp_path: Path) -> None:
    export = write_other_system_export(tmp_path / "other.xlsx")
    profile = _guessed_profile(wb, export.path, "甲")
    save_profile(wb, profile)
    with pytest.raises(ProfileError):
        save_profile(wb, profile)  # the name is taken
    target = tmp_path / "甲.json"
    profile.write(target)
    again = Profile.read(target)
    assert again.to_json() == profile.to_json()
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({**profile.to_json(), "columns": {"cases": {"x": "no_such_field"}}}), encoding="utf-8")
    with pytest.raises(ProfileError, match="no_such_field"):
        Profile.read(bad)
    delete_profile(wb, "甲")
    assert list_profiles(wb) == []


def test_headless_profile_commands_and_import_with_a_named_profile(
    wb: Workbench,
    tmp_path: Path,
    monkeypatch,
    capsys,  # type: ignore[no-untyped-def]
) -> None:
    export = write_other_system_export(tmp_path / "other.xlsx")
    profile = _guessed_profile(wb, export.path, "乙")
    profile.header_key = ""  # never applies by itself: only when named
    file = tmp_path / "乙.json"
    profile.write(file)
    login = wb.user.login
    wb.close()
    monkeypatch.setenv("REVIEWAPP_PASSWORD", PASSWORD)
    user = ["--db", str(database_at(tmp_path)), "--user", login]
    assert main(["profile", "import", str(file), *user]) == 0
    capsys.readouterr()
    assert main(["profile", "list", "--json", *user]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [p["name"] for p in listed] == ["乙"]
    assert main(["import", str(export.path), "--profile", "乙", "--no-checks", "--json", *user]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["imported"] == len(export.numbers) and result["rejected"] == 0
    assert result["profile"] == "乙"
    assert [s["sheet"] for s in result["skipped_sheets"]] == [NOTES_SHEET]
    assert result["extra_columns"][CASES_SHEET] == ["内部流水号", "备注说明"]
    assert result["duplicate_rows"] == [{"sheet": CASES_SHEET, "row": export.duplicate_row}]
    out = tmp_path / "out.json"
    assert main(["profile", "export", "乙", "--out", str(out), *user]) == 0
    assert Profile.read(out).columns == profile.columns


def test_a_known_layout_needs_no_mapping_and_a_broken_file_is_refused_plainly(wb: Workbench, tmp_path: Path) -> None:
    from reviewapp.intake.errors import FileProblem, IntakeFileError
    from tests.core.intake_fixtures import case_row, write_simple_xlsx

    assert mapping_needed(wb, write_simple_xlsx(tmp_path / "known.xlsx", [case_row(1)])) is None
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a workbook")
    with pytest.raises(IntakeFileError) as caught:  # read in the guarded child: a plain error, never a crash
        read_layout(broken)
    assert caught.value.problem in (FileProblem.DAMAGED, FileProblem.NOT_A_WORKBOOK, FileProblem.READER_FAILED)


def test_a_known_column_the_profile_leaves_unmapped_is_kept_as_an_extra(tmp_path: Path) -> None:
    from reviewapp.intake.parse import read_export_here
    from tests.core.intake_fixtures import case_row, write_simple_xlsx

    path = write_simple_xlsx(tmp_path / "a.xlsx", [case_row(1, 案由="盗窃")])
    profile = Profile("留作附加列", columns={"cases": {"案由": IGNORE}})
    parsed = read_export_here(path, options=ReadOptions((profile.to_json(),), True))
    [card] = parsed.cases
    assert card.transferred_charge is None and card.extra == {"案由（未映射）": "盗窃"}

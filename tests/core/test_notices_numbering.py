"""Document numbers of rectification notices: no gaps, no duplicates (two processes at once), cancelled
batches consume nothing, re-issuing makes a new version and keeps the old one."""

from __future__ import annotations

import hashlib
import multiprocessing
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from reviewapp.services.results.notices import (
    NoticeBatchCancelled,
    NoticeError,
    format_number,
    issue_notices,
)
from reviewapp.services.workbench import Workbench
from reviewapp.storage.database import DatabaseBusy
from reviewapp.storage.models import AuditEntry, AuditHead, DocumentSerial, Finding, Notice, NoticeCase, Review
from tests.core.review_fixtures import dept_case_no, issue_in_process, seed_reviewed_cases
from tests.core.services_fixtures import open_workbench, set_issuer
from tests.db_target import WriteLockHolder

ISSUED = date(2026, 3, 20)
CODE = "京朝检案管整改"


@pytest.fixture
def wb(tmp_path: Path) -> Iterator[Workbench]:
    bench = open_workbench(tmp_path)
    set_issuer(bench)
    yield bench
    bench.close()


def _serials(wb: Workbench) -> list[int]:
    with wb.db.session() as s:
        return sorted(s.scalars(select(Notice.serial)))


def _last_serial(wb: Workbench) -> int:
    with wb.db.session() as s:
        return s.scalar(select(DocumentSerial.last_serial).where(DocumentSerial.year == 2026)) or 0


def test_number_format_has_no_leading_zeros_and_no_di() -> None:
    assert format_number("京朝检案管整改", 2026, 7) == "京朝检案管整改〔2026〕7号"


def test_two_processes_issue_200_distinct_consecutive_numbers(tmp_path: Path) -> None:
    bench = open_workbench(tmp_path)
    set_issuer(bench)
    ids = seed_reviewed_cases(bench, 200)
    db = bench.db.url
    bench.close()
    out = tmp_path / "out"
    ctx = multiprocessing.get_context("spawn")
    # Small batches so the two processes' transactions interleave rather than run one after the other.
    with ctx.Pool(2) as pool:
        jobs = [pool.apply_async(issue_in_process, (db, part, str(out), 4, ISSUED)) for part in (ids[:100], ids[100:])]
        results = [job.get(timeout=280) for job in jobs]
    numbers = [r[0] for r in results]
    assert len(numbers[0]) == len(numbers[1]) == 100
    every = numbers[0] + numbers[1]
    assert sorted(every) == sorted(format_number(CODE, 2026, n) for n in range(1, 201))
    bench = open_workbench(tmp_path)
    try:
        assert _serials(bench) == list(range(1, 201))
        assert _last_serial(bench) == 200
        with bench.db.session() as s:
            rows = list(s.scalars(select(Notice)))
            covered = sorted(s.scalars(select(NoticeCase.case_id)))
        assert covered == sorted(ids)
        for row in rows:  # every recorded notice has its file, and the hash is the file's
            assert hashlib.sha256(Path(row.file_path).read_bytes()).hexdigest() == row.file_sha256
        assert sorted(p.name for p in out.iterdir()) == sorted(f"{n}.pdf" for n in every)
    finally:
        bench.close()
    # The two processes were issuing at the same time (whether their batches interleave is up to SQLite's
    # busy handler, which need not be fair; the numbering must be right either way).
    (_, start_a, end_a), (_, start_b, end_b) = results
    assert start_a < end_b and start_b < end_a


def test_cancelled_batch_consumes_no_number_and_leaves_no_file(wb: Workbench, tmp_path: Path) -> None:
    ids = seed_reviewed_cases(wb, 5)
    issue_notices(wb, ids[:1], out_dir=tmp_path / "first", issued_on=ISSUED)
    out = tmp_path / "batch"
    seen: list[int] = []
    with pytest.raises(NoticeBatchCancelled):
        issue_notices(
            wb,
            ids[1:],
            out_dir=out,
            issued_on=ISSUED,
            progress=lambda done, total: seen.append(done),
            cancel=lambda: len(seen) >= 3,
        )
    assert seen == [1, 2, 3]  # three notices were rendered before the cancel
    assert list(out.iterdir()) == []  # no PDF, no temporary file
    assert _serials(wb) == [1]
    assert _last_serial(wb) == 1
    issued = issue_notices(wb, ids[1:], out_dir=out, issued_on=ISSUED)
    assert [n.number for n in issued] == [format_number(CODE, 2026, k) for k in (2, 3, 4, 5)]


def test_cancel_at_the_last_moment_still_rolls_back(wb: Workbench, tmp_path: Path) -> None:
    ids = seed_reviewed_cases(wb, 2)
    calls = iter([False, False, True])  # before notice 1, before notice 2, before the commit
    with pytest.raises(NoticeBatchCancelled):
        issue_notices(wb, ids, out_dir=tmp_path / "o", issued_on=ISSUED, cancel=lambda: next(calls))
    assert list((tmp_path / "o").iterdir()) == []
    assert _last_serial(wb) == 0


def test_a_failing_batch_records_nothing(wb: Workbench, tmp_path: Path) -> None:
    ids = seed_reviewed_cases(wb, 3)

    def boom(done: int, total: int) -> None:
        if done == 2:
            raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        issue_notices(wb, ids, out_dir=tmp_path / "o", issued_on=ISSUED, progress=boom)
    assert list((tmp_path / "o").iterdir()) == []
    assert _serials(wb) == []


def test_cases_without_submitted_review_are_refused(wb: Workbench, tmp_path: Path) -> None:
    ids = seed_reviewed_cases(wb, 2)
    drafts = seed_reviewed_cases(wb, 1, first=3, submitted=False)
    with pytest.raises(NoticeError) as err:
        issue_notices(wb, ids + drafts, out_dir=tmp_path / "o", issued_on=ISSUED)
    assert dept_case_no(3) in str(err.value)
    assert dept_case_no(1) not in str(err.value)
    assert _last_serial(wb) == 0
    assert not (tmp_path / "o").exists() or list((tmp_path / "o").iterdir()) == []


def test_reissue_makes_version_2_and_keeps_version_1(wb: Workbench, tmp_path: Path) -> None:
    ids = seed_reviewed_cases(wb, 2)  # case 1 has one finding
    first = issue_notices(wb, ids[:1], out_dir=tmp_path, issued_on=ISSUED)[0]
    old_bytes = first.path.read_bytes()
    with wb.db.unchecked_session() as s:  # the review is reopened and corrected, then submitted again
        review_id = s.scalars(select(Review.id).where(Review.case_id == ids[0], Review.kind == "opinion")).one()
        s.scalars(select(Finding).where(Finding.review_id == review_id)).one().reason = "受理后第六日方告知"
    second = issue_notices(wb, ids[:1], out_dir=tmp_path, issued_on=date(2026, 3, 25))[0]
    assert (second.number, second.version) == (first.number, 2)
    assert second.superseded_id == first.notice_id
    assert second.path != first.path and second.path.name.endswith("-v2.pdf")
    assert first.path.read_bytes() == old_bytes  # the old file is kept unchanged
    assert second.sha256 != first.sha256
    with wb.db.session() as s:
        old = s.get(Notice, first.notice_id)
        new = s.get(Notice, second.notice_id)
        assert old is not None and new is not None
        assert old.superseded_by_id == new.id and new.superseded_by_id is None
        assert (new.serial, new.version, new.issued_on) == (old.serial, 2, date(2026, 3, 25))
    assert _last_serial(wb) == 1  # a new version consumes no new number
    # A different case set is a different notice with a new number.
    other = issue_notices(wb, ids, group_by="department", out_dir=tmp_path, issued_on=ISSUED)
    assert {n.version for n in other} == {1}
    assert _last_serial(wb) == 1 + len(other)


def test_recorded_notice_rows_match_files_and_are_logged(wb: Workbench, tmp_path: Path) -> None:
    ids = seed_reviewed_cases(wb, 3)
    issued = issue_notices(wb, ids, out_dir=tmp_path, issued_on=ISSUED)
    with wb.db.session() as s:
        for n in issued:
            row = s.get(Notice, n.notice_id)
            assert row is not None
            assert (row.number, row.issued_on, row.reply_deadline) == (n.number, ISSUED, date(2026, 3, 30))
            assert row.addressee_kind == "case" and row.addressee == n.addressee
            assert row.created_by_id == wb.user.account_id is not None
            assert Path(row.file_path) == n.path.resolve()
            assert hashlib.sha256(n.path.read_bytes()).hexdigest() == row.file_sha256 == n.sha256
            cases = list(s.scalars(select(NoticeCase.case_id).where(NoticeCase.notice_id == row.id)))
            assert tuple(cases) == n.case_ids
        logged = list(s.scalars(select(AuditEntry).where(AuditEntry.action == "notice.issue")))
        head = s.get(AuditHead, 1)
        assert head is not None and head.seq == logged[0].seq  # the issue was the last operation
        rows = [s.get(Notice, n.notice_id) for n in issued]
    # One operation, one audit entry, by the acting user, naming every notice.
    assert [(e.user_id, [n["number"] for n in e.detail["notices"]]) for e in logged] == [
        (wb.user.account_id, [n.number for n in issued])
    ]
    # The chain head stored with the notices is the one before the issue's own entry.
    assert {(r.audit_seq, r.audit_hash) for r in rows if r is not None} == {(logged[0].seq - 1, logged[0].prev_hash)}


def test_grouping_by_prosecutor_and_department(wb: Workbench, tmp_path: Path) -> None:
    ids = seed_reviewed_cases(wb, 6)  # case n: prosecutor n % 3 (张明, 李华, 王芳), departments alternate
    by_prosecutor = issue_notices(wb, ids, group_by="prosecutor", out_dir=tmp_path / "p", issued_on=ISSUED)
    assert [(n.addressee, len(n.case_ids)) for n in by_prosecutor] == [("李华", 2), ("王芳", 2), ("张明", 2)]
    by_department = issue_notices(wb, ids, group_by="department", out_dir=tmp_path / "d", issued_on=ISSUED)
    assert sorted(n.addressee for n in by_department) == ["第一检察部", "第二检察部"]
    assert sum(len(n.case_ids) for n in by_department) == 6
    with pytest.raises(NoticeError):
        issue_notices(wb, ids, group_by="unit", out_dir=tmp_path / "x", issued_on=ISSUED)  # type: ignore[arg-type]


def test_a_batch_waiting_for_the_lock_is_cancelled_or_busy_never_half_done(wb: Workbench, tmp_path: Path) -> None:
    ids = seed_reviewed_cases(wb, 2)
    other = WriteLockHolder(wb.db.url).acquire()  # another workstation holds the write lock
    try:
        calls = {"n": 0}

        def cancel() -> bool:
            calls["n"] += 1
            return calls["n"] > 3  # two notices rendered, then the user gives up while it waits

        with pytest.raises(NoticeBatchCancelled):
            issue_notices(wb, ids, out_dir=tmp_path / "o", issued_on=ISSUED, cancel=cancel)
        wb.db.lock_wait = 0.3
        with pytest.raises(DatabaseBusy):
            issue_notices(wb, ids, out_dir=tmp_path / "o", issued_on=ISSUED)
    finally:
        other.release()
    assert list((tmp_path / "o").iterdir()) == []
    assert _serials(wb) == []
    assert [n.number for n in issue_notices(wb, ids, out_dir=tmp_path / "o", issued_on=ISSUED)] == [
        format_number(CODE, 2026, k) for k in (1, 2)
    ]


def test_another_write_while_rendering_does_not_render_again_under_the_lock(
    wb: Workbench, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Under load some other workstation writes between planning and recording nearly every time; only a change
    of the notices themselves (a number taken meanwhile) may cost another rendering."""
    from reviewapp.services.results import notices as notices_module
    from reviewapp.services.results.settings import set_setting

    ids = seed_reviewed_cases(wb, 2)
    real_render = notices_module._render
    calls: list[int] = []

    def render_then_someone_writes(*args, **kwargs):  # type: ignore[no-untyped-def]
        out = real_render(*args, **kwargs)
        calls.append(len(out))
        if len(calls) == 1:
            set_setting(wb, "feedback.days", 6)  # an unrelated write moves the audit chain head on
        return out

    monkeypatch.setattr(notices_module, "_render", render_then_someone_writes)
    with wb.db.session() as s:
        head = s.get(AuditHead, 1)
        assert head is not None
        planned = (head.seq, head.hash)
    issued = issue_notices(wb, ids, out_dir=tmp_path, issued_on=ISSUED)
    assert calls == [2]  # rendered once, outside the lock
    with wb.db.session() as s:
        rows = [s.get(Notice, n.notice_id) for n in issued]
        logged = s.scalars(select(AuditEntry).where(AuditEntry.action == "notice.issue")).one()
    # The stored head is the one read when planning: an entry of the chain before the issue's own (and before
    # the setting change), and the files are exactly what the rows say.
    assert {(r.audit_seq, r.audit_hash) for r in rows if r is not None} == {planned}
    assert planned[0] < logged.seq - 1
    assert all(hashlib.sha256(n.path.read_bytes()).hexdigest() == n.sha256 for n in issued)


def test_a_number_taken_meanwhile_renders_again_with_the_next_number(
    wb: Workbench, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reviewapp.services.results import notices as notices_module

    ids = seed_reviewed_cases(wb, 2)
    real_render = notices_module._render
    numbers: list[list[str]] = []

    def render_then_another_issue(plan, *args, **kwargs):  # type: ignore[no-untyped-def]
        numbers.append([p.data.doc_number for p in plan.notices])
        out = real_render(plan, *args, **kwargs)
        if len(numbers) == 1:
            monkeypatch.setattr(notices_module, "_render", real_render)
            issue_notices(wb, ids[1:], out_dir=tmp_path / "other", issued_on=ISSUED)  # takes number 1
        return out

    monkeypatch.setattr(notices_module, "_render", render_then_another_issue)
    issued = issue_notices(wb, ids[:1], out_dir=tmp_path, issued_on=ISSUED)
    assert numbers == [[format_number(CODE, 2026, 1)]]
    assert [n.number for n in issued] == [format_number(CODE, 2026, 2)]
    assert _serials(wb) == [1, 2]

"""Headless reviewer calibration and gold-case training, wired into cli/main.py:

    python main.py calibration [--plan NAME|ID] [--period 2026Q3|2026-11|2026] [--json]
    python main.py training list                                  gold cases (and your attempts)
    python main.py training mark-gold CASE [--note TEXT]          the case's formed opinion becomes the reference
    python main.py training unmark-gold CASE --reason TEXT
    python main.py training start CASE                            start (or resume) your attempt
    python main.py training record CASE ITEM --severity 瑕|错|严 [--reason TEXT]
    python main.py training remove CASE ITEM
    python main.py training submit CASE                           submit, then shows the comparison
    python main.py training compare CASE [--review ID]            your latest submitted attempt, or attempt ID
    python main.py training attempts [CASE]                       attempts you may read

Calibration figures: services/analysis/calibration.py (method in its docstring and the README). A training
attempt is compared with the reference item by item and never counts anywhere else. Exit codes: cli/common.py.
"""

from __future__ import annotations

import argparse
from typing import Any

from reviewapp.cli.common import Emit, changes_json, refused, with_changes
from reviewapp.cli.lookup import find_case
from reviewapp.domain.rounding import percent
from reviewapp.i18n import translate
from reviewapp.services.workbench import Workbench

COMMANDS = ("calibration", "training")


def add_parsers(subparsers: Any, common_parent: argparse.ArgumentParser) -> None:
    common = [common_parent]
    p = subparsers.add_parser(
        "calibration",
        parents=common,
        help=translate("CliCalibration", "agreement between panel members and each reviewer's leniency"),
    )
    p.add_argument(
        "--plan", default=None, help=translate("CliCalibration", "only review files of this plan (name or id)")
    )
    p.add_argument(
        "--period", default=None, help=translate("CliCalibration", "2026Q3 (quarter), 2026-11 (month) or 2026 (year)")
    )
    t = subparsers.add_parser(
        "training",
        parents=common,
        help=translate("CliCalibration", "gold cases: practise and compare with the reference"),
    )
    actions = t.add_subparsers(dest="action", required=True)
    case_help = translate("CliCalibration", "部门受案号 of the case")
    actions.add_parser("list", parents=common, help=translate("CliCalibration", "the gold cases"))
    a = actions.add_parser(
        "mark-gold", parents=common, help=translate("CliCalibration", "make a reviewed case a gold case")
    )
    a.add_argument("case", help=case_help)
    a.add_argument("--note", default="", help=translate("CliCalibration", "what the case trains"))
    a = actions.add_parser("unmark-gold", parents=common, help=translate("CliCalibration", "a gold case no longer"))
    a.add_argument("case", help=case_help)
    a.add_argument("--reason", required=True, help=translate("CliCalibration", "why"))
    a = actions.add_parser("start", parents=common, help=translate("CliCalibration", "start or resume your attempt"))
    a.add_argument("case", help=case_help)
    a = actions.add_parser(
        "record", parents=common, help=translate("CliCalibration", "record a finding in your attempt")
    )
    a.add_argument("case", help=case_help)
    a.add_argument("item", help=translate("CliCalibration", "checklist item code, e.g. E1"))
    a.add_argument("--severity", required=True, help=translate("CliCalibration", "瑕, 错 or 严"))
    a.add_argument("--reason", default="", help=translate("CliCalibration", "why"))
    a = actions.add_parser(
        "remove", parents=common, help=translate("CliCalibration", "remove a finding from your attempt")
    )
    a.add_argument("case", help=case_help)
    a.add_argument("item", help=translate("CliCalibration", "checklist item code, e.g. E1"))
    a = actions.add_parser(
        "submit", parents=common, help=translate("CliCalibration", "submit your attempt and compare")
    )
    a.add_argument("case", help=case_help)
    a = actions.add_parser(
        "compare", parents=common, help=translate("CliCalibration", "an attempt against the reference, item by item")
    )
    a.add_argument("case", help=case_help)
    a.add_argument(
        "--review", type=int, default=None, help=translate("CliCalibration", "the attempt's id (default: your latest)")
    )
    a = actions.add_parser(
        "attempts", parents=common, help=translate("CliCalibration", "training attempts you may read")
    )
    a.add_argument("case", nargs="?", default=None, help=case_help)


def dispatch(wb: Workbench, args: argparse.Namespace, emit: Emit) -> int:
    if args.command == "calibration":
        return refused(lambda: _calibration(wb, args, emit))
    return refused(lambda: _training(wb, args, emit))


def _num(value: float | None, pct: bool = False) -> str:
    if value is None:
        return "—"
    return percent(value) if pct else f"{value:.3f}"


def _calibration(wb: Workbench, args: argparse.Namespace, emit: Emit) -> int:
    from reviewapp.services.analysis.calibration import calibration
    from reviewapp.services.analysis.periods import parse_period
    from reviewapp.services.plans.commands import plan_by_name_or_id

    plan_id = plan_by_name_or_id(wb, args.plan) if args.plan else None
    period = parse_period(args.period) if args.period else None
    report = calibration(wb, plan_id=plan_id, period=period)
    emit(args, report.to_json(), calibration_text(report))
    return 0


def calibration_text(r: Any) -> str:
    o, f = r.overall, r.overall_flagged
    lines = [
        translate(
            "CliCalibration", "Panels: {files} review files, {units} rated items ({flagged} with a finding)."
        ).format(files=o.files, units=o.units, flagged=o.flagged),
        translate(
            "CliCalibration",
            "Overall: α ordinal {ao}, α nominal {an}, Fleiss' κ {fk}, pairwise agreement {pa}.",
        ).format(
            ao=_num(o.alpha_ordinal), an=_num(o.alpha_nominal), fk=_num(o.fleiss_kappa), pa=_num(o.agreement, True)
        ),
        translate("CliCalibration", "Items with a finding only: α ordinal {ao}, agreement {pa}.").format(
            ao=_num(f.alpha_ordinal), pa=_num(f.agreement, True)
        ),
    ]
    if r.items:
        lines.append(translate("CliCalibration", "Per item (review files, found by anyone, α ordinal, agreement):"))
        for i in r.items:
            lines.append(
                f"  {i.item_code} {i.item_text[:24]}  {i.files}  {i.flagged}  "
                f"{_num(i.alpha_ordinal)}  {_num(i.agreement, True)}"
            )
    if r.pairs:
        lines.append(translate("CliCalibration", "Pairs (review files, agreement, Cohen's κ, linear weighted κ):"))
        for p in r.pairs:
            lines.append(
                f"  {p.reviewer_a}–{p.reviewer_b}  {p.files}  {_num(p.agreement, True)}  "
                f"{_num(p.kappa)}  {_num(p.kappa_linear)}"
            )
    if r.reviewers:
        lines.append(
            translate(
                "CliCalibration",
                "Leniency against the panel opinion (items compared, stricter, same, more lenient, mean difference):",
            )
        )
        for v in r.reviewers:
            mean = "—" if v.mean_difference is None else f"{v.mean_difference:+.2f}"
            lines.append(f"  {v.reviewer}  {v.compared}  {v.stricter}  {v.same}  {v.lenient}  {mean}")
    if not o.files:
        lines.append(translate("CliCalibration", "No formed review file of a panel of two or more in this selection."))
    return "\n".join(lines)


def _own_attempt(wb: Workbench, case_id: int, *, submitted: bool) -> int:
    from reviewapp.services.analysis.training import TrainingError
    from reviewapp.services.analysis.training_compare import training_reviews

    mine = [
        r
        for r in training_reviews(wb, case_id)
        if r.reviewer_id == wb.user.person_id and (r.status == "submitted") == submitted
    ]
    if not mine:
        message = (
            translate("CliCalibration", "You have no submitted attempt on this case.")
            if submitted
            else translate("CliCalibration", "You have no attempt in progress on this case; run training start first.")
        )
        raise TrainingError(message)
    return mine[-1].review_id


def _training(wb: Workbench, args: argparse.Namespace, emit: Emit) -> int:
    from reviewapp.services.analysis import training as t
    from reviewapp.services.analysis.training_compare import compare_training, gold_cases, training_reviews

    if args.action == "list":
        rows = gold_cases(wb)
        text = "\n".join(
            f"{r.case_no}  {r.case_name}  {r.reference_grade or '—'}  {r.note}  "
            + translate("CliCalibration", "your attempts: {n}").format(n=r.my_attempts)
            for r in rows
        ) or translate("CliCalibration", "No gold cases.")
        emit(args, [vars(r) for r in rows], text)
        return 0
    if args.action == "attempts":
        case_id = find_case(wb, args.case) if args.case else None
        attempts = training_reviews(wb, case_id)
        text = "\n".join(f"{a.review_id}  {a.case_no}  {a.reviewer}  #{a.attempt}  {a.status}" for a in attempts)
        emit(args, [vars(a) for a in attempts], text or translate("CliCalibration", "No training attempts."))
        return 0
    case_id = find_case(wb, args.case)
    if args.action == "compare":
        review_id = args.review or _own_attempt(wb, case_id, submitted=True)
        c = compare_training(wb, review_id)
        emit(args, c.to_json(), comparison_text(c))
        return 0
    if args.action == "mark-gold":
        gold_id, record = with_changes(wb, t.mark_gold, case_id, args.note)
        emit(
            args,
            {"gold_id": gold_id, "changes": changes_json(record)},
            translate("CliCalibration", "Marked as a gold case."),
        )
        return 0
    if args.action == "unmark-gold":
        _, record = with_changes(wb, t.unmark_gold, case_id, args.reason)
        emit(args, {"changes": changes_json(record)}, translate("CliCalibration", "No longer a gold case."))
        return 0
    if args.action == "start":
        review_id, record = with_changes(wb, t.start_training, case_id)
        emit(
            args,
            {"review_id": review_id, "changes": changes_json(record)},
            translate("CliCalibration", "Training attempt {id} open.").format(id=review_id),
        )
        return 0
    review_id = _own_attempt(wb, case_id, submitted=False)
    if args.action == "record":
        _, record = with_changes(wb, t.record_training_finding, review_id, args.item, args.severity, args.reason)
        emit(args, {"review_id": review_id, "changes": changes_json(record)}, translate("CliCalibration", "Recorded."))
        return 0
    if args.action == "remove":
        _, record = with_changes(wb, t.remove_training_finding, review_id, args.item)
        emit(args, {"review_id": review_id, "changes": changes_json(record)}, translate("CliCalibration", "Removed."))
        return 0
    _, record = with_changes(wb, t.submit_training, review_id)
    c = compare_training(wb, review_id)
    emit(args, {**c.to_json(), "changes": changes_json(record)}, comparison_text(c))
    return 0


def comparison_text(c: Any) -> str:
    from reviewapp.services.analysis.training_compare import Verdict

    words = {
        Verdict.SAME: translate("CliCalibration", "same"),
        Verdict.MISSED: translate("CliCalibration", "missed"),
        Verdict.EXTRA: translate("CliCalibration", "not in the reference"),
        Verdict.STRICTER: translate("CliCalibration", "stricter"),
        Verdict.LENIENT: translate("CliCalibration", "more lenient"),
    }
    none = translate("CliCalibration", "no problem")
    lines = [
        translate("CliCalibration", "Case {case}, {reviewer}, attempt {n}: grade {mine} (reference {ref}).").format(
            case=c.case_no, reviewer=c.reviewer, n=c.attempt, mine=c.trainee_grade or "—", ref=c.reference_grade or "—"
        ),
        translate(
            "CliCalibration", "{same} of {rows} items as the reference; weighted κ over all {all} items: {k}."
        ).format(same=c.same, rows=len(c.rows), all=c.items_rated, k=_num(c.kappa_linear)),
    ]
    for r in c.rows:
        lines.append(
            f"  {r.item_code} {r.item_text[:24]}: {r.trainee_severity or none} / {r.reference_severity or none}"
            f"  [{words[r.verdict]}]"
        )
        if r.reference_reason:
            lines.append(
                "      " + translate("CliCalibration", "reference: {reason}").format(reason=r.reference_reason)
            )
    return "\n".join(lines)

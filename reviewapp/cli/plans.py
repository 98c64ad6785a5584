"""Headless review plans, wired into cli/main.py by ``add_parsers`` and ``dispatch``:

    python main.py plan create NAME --type 常规抽查|重点评查|专项评查 --mode 本院|交叉评查|提级评查
                   --standard CODE --version N [--unit U]… [--line L]… [--case-type T]… [--closed-from D]
                   [--closed-to D] [--due D] [--reviewers N] [--blind] [--percent P] [--all]
    python main.py plan list | show PLAN | open PLAN | close PLAN | reopen PLAN
    python main.py plan select PLAN [--seed N] [--preview]
    python main.py plan add|remove PLAN CASE --reason TEXT
    python main.py plan assign PLAN [--seed N] [--preview]
    python main.py plan reassign PLAN CASE --from WHO --to WHO --reason TEXT
    python main.py plan progress PLAN [--json]
    python main.py plan leader NAME (院领导|部门负责人|none) [--unit U]
    python main.py plan supervisor DEPARTMENT (DEPUTY|none) [--unit U]
    python main.py conflict declare CASE --reason TEXT | conflict dismiss ID --reason TEXT | conflict list
    python main.py queue [--json]

PLAN is the plan's id or name. Exit 0 on success; 1 for a known refusal (unknown plan, closed plan …).
"""

from __future__ import annotations

import argparse
import datetime as dt
from typing import Any

from reviewapp.cli.common import Emit, changes_json, refused, with_changes
from reviewapp.domain.plans import Method, PlanMode, PlanType, method_label
from reviewapp.i18n import translate
from reviewapp.services.workbench import Workbench

COMMANDS = ("plan", "conflict", "queue")
EXIT_OK = 0


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            translate("CliPlans", "not a date (YYYY-MM-DD): {text}").format(text=text)
        ) from None


def add_parsers(subparsers: Any, common: argparse.ArgumentParser) -> None:
    plan = subparsers.add_parser("plan", parents=[common], help=translate("CliPlans", "review plans (评查方案)"))
    sub = plan.add_subparsers(dest="plan_command", required=True)
    c = sub.add_parser("create", parents=[common], help=translate("CliPlans", "create a draft plan"))
    c.add_argument("name", help=translate("CliPlans", "the plan name"))
    c.add_argument(
        "--type",
        required=True,
        choices=[t.value for t in PlanType],
        dest="plan_type",
        help=translate("CliPlans", "the kind of review"),
    )
    c.add_argument(
        "--mode",
        default=PlanMode.OWN_UNIT.value,
        choices=[m.value for m in PlanMode],
        help=translate("CliPlans", "who reviews whose cases"),
    )
    c.add_argument("--standard", required=True, help=translate("CliPlans", "the standard's code"))
    c.add_argument("--version", required=True, type=int, help=translate("CliPlans", "the standard version, pinned"))
    c.add_argument("--unit", action="append", default=[], help=translate("CliPlans", "a unit in scope (repeatable)"))
    c.add_argument("--line", action="append", default=[], help=translate("CliPlans", "a business line in scope"))
    c.add_argument("--case-type", action="append", default=[], help=translate("CliPlans", "a case type in scope"))
    c.add_argument(
        "--closed-from", type=_date, help=translate("CliPlans", "cases closed on or after this day (YYYY-MM-DD)")
    )
    c.add_argument(
        "--closed-to", type=_date, help=translate("CliPlans", "cases closed on or before this day (YYYY-MM-DD)")
    )
    c.add_argument("--due", type=_date, help=translate("CliPlans", "the day reviews are due (YYYY-MM-DD)"))
    c.add_argument("--reviewers", type=int, default=1, help=translate("CliPlans", "reviewers per case"))
    c.add_argument(
        "--blind", action="store_true", help=translate("CliPlans", "reviewers do not see what the others found")
    )
    c.add_argument("--percent", help=translate("CliPlans", "sampling quota per prosecutor, in percent (default 5)"))
    c.add_argument("--all", action="store_true", help=translate("CliPlans", "select every closed case in scope"))
    sub.add_parser("list", parents=[common], help=translate("CliPlans", "list the plans"))
    for word, text in (
        ("show", translate("CliPlans", "show a plan and its cases")),
        ("open", translate("CliPlans", "open a plan (its reviewers may start)")),
        ("close", translate("CliPlans", "close a plan")),
        ("reopen", translate("CliPlans", "reopen a closed plan")),
        ("progress", translate("CliPlans", "progress per reviewer and unit")),
    ):
        sub.add_parser(word, parents=[common], help=text).add_argument(
            "plan", help=translate("CliPlans", "the plan name or number")
        )
    for word, text in (
        ("select", translate("CliPlans", "select the plan's cases")),
        ("assign", translate("CliPlans", "assign reviewers to the plan's cases")),
    ):
        s = sub.add_parser(word, parents=[common], help=text)
        s.add_argument("plan", help=translate("CliPlans", "the plan name or number"))
        s.add_argument("--seed", type=int, help=translate("CliPlans", "random seed, to repeat a draw"))
        s.add_argument("--preview", action="store_true", help=translate("CliPlans", "show, do not store"))
    for word, text in (
        ("add", translate("CliPlans", "add a case by hand")),
        ("remove", translate("CliPlans", "remove a case")),
    ):
        s = sub.add_parser(word, parents=[common], help=text)
        s.add_argument("plan", help=translate("CliPlans", "the plan name or number"))
        s.add_argument("case", help=translate("CliPlans", "部门受案号 of the case"))
        s.add_argument("--reason", required=True, help=translate("CliPlans", "why (kept in the audit trail)"))
    r = sub.add_parser("reassign", parents=[common], help=translate("CliPlans", "replace a case's reviewer"))
    r.add_argument("plan", help=translate("CliPlans", "the plan name or number"))
    r.add_argument("case", help=translate("CliPlans", "部门受案号 of the case"))
    r.add_argument("--from", dest="old", required=True, help=translate("CliPlans", "the reviewer now assigned"))
    r.add_argument("--to", dest="new", required=True, help=translate("CliPlans", "the reviewer taking over"))
    r.add_argument("--reason", required=True, help=translate("CliPlans", "why (kept in the audit trail)"))
    ld = sub.add_parser("leader", parents=[common], help=translate("CliPlans", "mark a person as a leader"))
    ld.add_argument("name", help=translate("CliPlans", "name of the person in the roster"))
    ld.add_argument(
        "title", choices=["院领导", "部门负责人", "none"], help=translate("CliPlans", "the leader title, or none")
    )
    ld.add_argument("--unit", help=translate("CliPlans", "unit of the person, when the name is not unique"))
    sv = sub.add_parser(
        "supervisor", parents=[common], help=translate("CliPlans", "name the deputy chief in charge of a department")
    )
    sv.add_argument("department", help=translate("CliPlans", "name of the department"))
    sv.add_argument("deputy", help=translate("CliPlans", "name of the deputy chief in charge (分管副检察长), or none"))
    sv.add_argument("--unit", help=translate("CliPlans", "unit of the department, when the name is not unique"))

    conflict = subparsers.add_parser("conflict", parents=[common], help=translate("CliPlans", "conflicts (回避)"))
    csub = conflict.add_subparsers(dest="conflict_command", required=True)
    d = csub.add_parser("declare", parents=[common], help=translate("CliPlans", "declare your conflict with a case"))
    d.add_argument("case", help=translate("CliPlans", "部门受案号 of the case"))
    d.add_argument("--reason", required=True, help=translate("CliPlans", "why (kept in the audit trail)"))
    x = csub.add_parser("dismiss", parents=[common], help=translate("CliPlans", "dismiss a declared conflict"))
    x.add_argument("id", type=int, help=translate("CliPlans", "number of the conflict (conflict list)"))
    x.add_argument("--reason", required=True, help=translate("CliPlans", "why (kept in the audit trail)"))
    csub.add_parser("list", parents=[common], help=translate("CliPlans", "list declared conflicts"))

    subparsers.add_parser("queue", parents=[common], help=translate("CliPlans", "my review tasks (我的评查任务)"))


def dispatch(wb: Workbench, args: argparse.Namespace, emit: Emit) -> int:
    if args.command == "queue":
        return refused(lambda: _queue(wb, args, emit))
    if args.command == "conflict":
        return refused(lambda: _conflict(wb, args, emit))
    return refused(lambda: _plan(wb, args, emit))


def _queue(wb: Workbench, args: argparse.Namespace, emit: Emit) -> int:
    from reviewapp.services.plans.queue import bucket_label, my_queue

    rows = my_queue(wb)
    overdue = translate("CliPlans", "overdue")
    lines = [
        "\t".join(
            [r.plan, r.due_on.isoformat() if r.due_on else "—", r.dept_case_no, r.case_name, bucket_label(r.status)]
            + ([r.grade] if r.grade else [])
            + ([overdue] if r.overdue else [])
        )
        for r in rows
    ]
    lines.append(translate("CliPlans", "{n} assigned cases").format(n=len(rows)))
    emit(args, [r.to_json() for r in rows], "\n".join(lines))
    return EXIT_OK


def _conflict(wb: Workbench, args: argparse.Namespace, emit: Emit) -> int:
    from reviewapp.services.plans import assignment as a

    if args.conflict_command == "list":
        rows = a.list_conflicts(wb)
        emit(
            args,
            [r.__dict__ for r in rows],
            "\n".join(f"{r.id}\t{r.case}\t{r.reviewer}\t{r.reason}\t{r.dismissed_reason or '—'}" for r in rows)
            or translate("CliPlans", "No conflicts declared."),
        )
        return EXIT_OK
    if args.conflict_command == "declare":
        value, record = with_changes(wb, a.declare_conflict, args.case, args.reason)
        text = translate("CliPlans", "Conflict {id} declared.").format(id=value)
    else:
        value, record = with_changes(wb, a.dismiss_conflict, args.id, args.reason)
        text = translate("CliPlans", "Conflict {id} dismissed.").format(id=value)
    emit(args, {"id": value, "changes": changes_json(record)}, text)
    return EXIT_OK


def _spec(wb: Workbench, args: argparse.Namespace) -> Any:
    from reviewapp.services.plans.commands import PlanError, PlanSpec
    from reviewapp.services.reviews.standards_store import list_standard_versions

    found = [v.id for v in list_standard_versions(wb) if v.code == args.standard and v.version == args.version]
    if not found:
        raise PlanError(
            translate("CliPlans", "No stored standard {code} version {version}.").format(
                code=args.standard, version=args.version
            )
        )
    rule: dict[str, Any] = {}
    if args.percent:
        rule["percent"] = args.percent
    if args.all:
        rule["method"] = "all"
    return PlanSpec(
        name=args.name,
        plan_type=PlanType(args.plan_type),
        mode=PlanMode(args.mode),
        standard_id=found[0],
        units=tuple(args.unit),
        business_lines=tuple(args.line),
        case_types=tuple(args.case_type),
        closed_from=args.closed_from,
        closed_to=args.closed_to,
        due_on=args.due,
        reviewers_per_case=args.reviewers,
        blind=args.blind,
        rule=rule,
    )


def _describe(row: Any) -> str:
    lines = [
        f"{row.id}\t{row.name}\t{row.plan_type}\t{row.mode}\t{row.state}",
        translate("CliPlans", "standard: {standard}; reviewers per case: {n}; due: {due}").format(
            standard=row.standard, n=row.reviewers_per_case, due=row.due_on or "—"
        ),
        translate("CliPlans", "cases: {cases}, assigned: {assigned}, seed: {seed}").format(
            cases=row.cases, assigned=row.assigned, seed=row.seed if row.seed is not None else "—"
        ),
    ]
    return "\n".join(lines)


def _plan(wb: Workbench, args: argparse.Namespace, emit: Emit) -> int:
    from reviewapp.services.plans import assignment as a
    from reviewapp.services.plans import commands as c
    from reviewapp.services.plans import queue as q
    from reviewapp.services.plans import selection as sel
    from reviewapp.services.plans.roster import set_leader

    cmd = args.plan_command
    if cmd == "list":
        rows = c.list_plans(wb)
        emit(
            args,
            [r.to_json() for r in rows],
            "\n".join(f"{r.id}\t{r.name}\t{r.plan_type}\t{r.mode}\t{r.state}\t{r.cases}" for r in rows)
            or translate("CliPlans", "No plans."),
        )
        return EXIT_OK
    if cmd == "create":
        row, record = with_changes(wb, c.create_plan, _spec(wb, args))
        emit(args, {"plan": row.to_json(), "changes": changes_json(record)}, _describe(row))
        return EXIT_OK
    if cmd == "supervisor":
        from reviewapp.services.panel.supervision import set_department_supervisor

        deputy = None if args.deputy == "none" else args.deputy
        value, record = with_changes(wb, set_department_supervisor, args.department, deputy, unit=args.unit)
        emit(args, {"department": value, "changes": changes_json(record)}, translate("CliPlans", "Roster updated."))
        return EXIT_OK
    if cmd == "leader":
        title = None if args.title == "none" else args.title
        value, record = with_changes(wb, set_leader, args.name, title, unit=args.unit)
        emit(args, {"person": value, "changes": changes_json(record)}, translate("CliPlans", "Roster updated."))
        return EXIT_OK
    plan_id = c.plan_by_name_or_id(wb, args.plan)
    if cmd == "show":
        row = c.get_plan(wb, plan_id)
        cases = q.plan_case_rows(wb, plan_id)
        lines = [_describe(row)]
        lines += [
            f"{x.dept_case_no}\t{method_label(Method(x.method))}\t{x.reason}\t{'、'.join(x.reviewers) or '—'}"
            for x in cases
        ]
        data = {**row.to_json(), "case_list": [x.__dict__ for x in cases]}
        emit(args, data, "\n".join(lines))
    elif cmd in ("open", "close", "reopen"):
        fn = {"open": c.open_plan, "close": c.close_plan, "reopen": c.reopen_plan}[cmd]
        row, record = with_changes(wb, fn, plan_id)
        emit(args, {"plan": row.to_json(), "changes": changes_json(record)}, _describe(row))
    elif cmd == "select":
        if args.preview:
            result, record = sel.preview_selection(wb, plan_id, args.seed), None
        else:
            result, record = with_changes(wb, sel.commit_selection, plan_id, args.seed)
        lines = [f"{p.dept_case_no}\t{p.prosecutor}\t{method_label(p.method)}\t{p.reason}" for p in result.picks]
        lines += [
            translate("CliPlans", "{case}\t{trigger}: not checkable — {why}").format(
                case=u.dept_case_no, trigger=u.trigger, why=u.why
            )
            for u in result.not_checkable
        ]
        lines.append(
            (translate("CliPlans", "Preview: ") if args.preview else "")
            + translate("CliPlans", "{n} of {scope} closed cases in scope selected (seed {seed}).").format(
                n=len(result.picks), scope=result.in_scope, seed=result.seed if result.seed is not None else "—"
            )
        )
        emit(args, {**result.to_json(), "changes": changes_json(record)}, "\n".join(lines))
    elif cmd == "assign":
        if args.preview:
            done, record = a.preview_assignment(wb, plan_id, args.seed), None
        else:
            done, record = with_changes(wb, a.assign_plan, plan_id, args.seed)
        data = done.to_json()
        lines = [f"{x['case']}\t{'、'.join(x['reviewers'])}" for x in data["assigned"]]
        lines += [
            translate("CliPlans", "{case}\tnot assigned: {why}").format(case=c_, why=w) for c_, w in done.unassignable
        ]
        lines += [
            translate("CliPlans", "{case}\thandled by a 院领导: 提级评查").format(case=n) for n in done.needs_higher
        ]
        lines.append(
            translate("CliPlans", "{n} cases assigned, {m} without an eligible reviewer (seed {seed}).").format(
                n=len(done.assigned), m=len(done.unassignable), seed=done.seed
            )
        )
        emit(args, {**data, "changes": changes_json(record)}, "\n".join(lines))
    elif cmd in ("add", "remove"):
        change = sel.add_case if cmd == "add" else sel.remove_case
        value, record = with_changes(wb, change, plan_id, args.case, args.reason)
        emit(args, {"plan_case": value, "changes": changes_json(record)}, translate("CliPlans", "Plan updated."))
    elif cmd == "reassign":
        value, record = with_changes(wb, a.reassign, plan_id, args.case, args.old, args.new, args.reason)
        emit(args, {"assignment": value, "changes": changes_json(record)}, translate("CliPlans", "Reassigned."))
    elif cmd == "progress":
        p = q.plan_progress(wb, plan_id)
        head = translate("CliPlans", "reviewer/unit\tassigned\tin review\tsubmitted\toverdue")
        table = [("", translate("CliPlans", "total"), p.total)]
        table += [(translate("CliPlans", "reviewer"), k, v) for k, v in sorted(p.by_reviewer.items())]
        table += [(translate("CliPlans", "unit"), k, v) for k, v in sorted(p.by_unit.items())]
        lines = [
            f"{p.plan}: "
            + translate("CliPlans", "{cases} cases, {n} unassigned").format(cases=p.cases, n=p.unassigned),
            head,
        ]
        lines += [
            f"{kind} {name}\t{v.assigned}\t{v.in_review}\t{v.submitted}\t{v.overdue}".strip() for kind, name, v in table
        ]
        emit(args, p.to_json(), "\n".join(lines))
    return EXIT_OK

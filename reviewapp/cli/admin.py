"""Headless shared settings and audit trail commands:

    python main.py settings show                       every setting, its value and who set it
    python main.py settings set KEY VALUE              e.g. settings set notice.issuer_name 北京市朝阳区人民检察院
    python main.py audit verify                        exit 0 when the hash chain is intact, else names the entry
    python main.py audit log [--case N] [--by LOGIN] [--review ID] [--limit N]

In ``audit log``, ``--user L`` after the word ``log`` filters by L when the acting user was given before the
command word or in REVIEWAPP_USER; otherwise it is the acting user, like everywhere else.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from reviewapp.cli.common import EXIT_KNOWN, EXIT_OK, Emit, changes_json, with_changes
from reviewapp.i18n import translate, translate_n
from reviewapp.legal.local_time import iso_stamp
from reviewapp.services.workbench import Workbench

COMMANDS = ("settings", "audit")


def add_parsers(subparsers: Any, common_parent: argparse.ArgumentParser) -> None:
    from reviewapp.cli.main import login_free_parent

    common = [common_parent]
    settings = subparsers.add_parser("settings", parents=common, help=translate("CliAdmin", "shared settings"))
    actions = settings.add_subparsers(dest="action", required=True, metavar="ACTION")
    actions.add_parser("show", parents=common, help=translate("CliAdmin", "show every setting"))
    p = actions.add_parser("set", parents=common, help=translate("CliAdmin", "change one setting"))
    p.add_argument("key", help=translate("CliAdmin", "name of the setting (settings show)"))
    p.add_argument("value", help=translate("CliAdmin", "the new value (lists: one line each, or separated by ;)"))

    audit = subparsers.add_parser("audit", parents=common, help=translate("CliAdmin", "the tamper-evident audit trail"))
    actions = audit.add_subparsers(dest="action", required=True, metavar="ACTION")
    actions.add_parser("verify", parents=common, help=translate("CliAdmin", "check the hash chain"))
    p = actions.add_parser("log", parents=[login_free_parent()], help=translate("CliAdmin", "list audit entries"))
    p.add_argument("--case", help=translate("CliAdmin", "only entries of this case"))
    p.add_argument("--by", help=translate("CliAdmin", "only entries of this login"))
    p.add_argument("--user", dest="log_user", default=None, help=translate("CliAdmin", "the same as --by (see above)"))
    p.add_argument("--review", type=int, help=translate("CliAdmin", "only entries of this review (its id)"))
    p.add_argument("--limit", type=int, help=translate("CliAdmin", "only the newest N entries"))


def resolve_login(args: argparse.Namespace, acting: str | None) -> None:
    """``audit log --user L``: a filter when someone acts already, else the acting user (see module doc)."""
    log_user = getattr(args, "log_user", None)
    if args.command != "audit" or not log_user:
        return
    if acting is None:
        args.user, args.log_user = log_user, None
    elif not args.by:
        args.by = log_user


def dispatch(wb: Workbench, args: argparse.Namespace, emit: Emit) -> int:
    if args.command == "settings":
        return _settings(wb, args, emit)
    if args.action == "verify":
        return _verify(wb, args, emit)
    return _log(wb, args, emit)


def _value_text(value: Any) -> str:
    if isinstance(value, bool):
        return translate("CliAdmin", "yes") if value else translate("CliAdmin", "no")
    if isinstance(value, list):
        return "；".join(str(v) for v in value)
    return str(value)


def _settings(wb: Workbench, args: argparse.Namespace, emit: Emit) -> int:
    from reviewapp.services.results.settings import list_settings, set_setting

    if args.action == "show":
        rows = list_settings(wb)
        data = [
            {
                "key": r.key,
                "value": r.value,
                "default": r.default,
                "description": r.description,
                "stored": r.stored,
                "updated_at": iso_stamp(r.updated_at),
                "updated_by": r.updated_by or None,
            }
            for r in rows
        ]
        lines = []
        for r in rows:
            mark = "" if r.stored else translate("CliAdmin", " (default)")
            lines.append(f"{r.key} = {_value_text(r.value)}{mark}\n    {r.description}")
        emit(args, data, "\n".join(lines))
        return EXIT_OK
    row, record = with_changes(wb, set_setting, args.key, args.value)
    emit(
        args,
        {"key": row.key, "value": row.value, "changes": changes_json(record)},
        translate("CliAdmin", "{key} = {value}").format(key=row.key, value=_value_text(row.value)),
    )
    return EXIT_OK


def _verify(wb: Workbench, args: argparse.Namespace, emit: Emit) -> int:
    from reviewapp.services.accounts.audit import audit_count, break_message, chain_head, verify_audit

    found = verify_audit(wb)
    count = audit_count(wb)
    head_seq, head_hash = chain_head(wb)
    if found is None:
        emit(
            args,
            {"intact": True, "entries": count, "head": {"seq": head_seq, "hash": head_hash}},
            translate_n("CliAdmin", "Audit chain intact (%n entry/entries)", count)
            + "\n"
            + translate("CliAdmin", "head: entry {seq}, {hash}").format(seq=head_seq, hash=head_hash[:16]),
        )
        return EXIT_OK
    message = break_message(wb, found)
    emit(
        args,
        {
            "intact": False,
            "entries": count,
            "break": {"seq": found.seq, "kind": found.kind, "detail": found.detail},
            "message": message,
        },
        message,
    )
    return EXIT_KNOWN


def _log(wb: Workbench, args: argparse.Namespace, emit: Emit) -> int:
    from reviewapp.cli.lookup import find_case
    from reviewapp.services.accounts.audit import audit_log

    case_id = find_case(wb, args.case) if args.case else None
    rows = audit_log(wb, case_id=case_id, login=args.by, review_id=args.review, limit=args.limit)
    lines = []
    for r in rows:
        who = r.user_name or r.login or "-"
        target = f"{r.entity}#{r.entity_id}" if r.entity_id is not None else r.entity
        extra = " ".join(json.dumps(part, ensure_ascii=False, default=str) for part in (r.changes, r.detail) if part)
        lines.append(
            "\t".join(
                (str(r.seq), r.at.isoformat(sep=" ", timespec="seconds"), who, r.action, target, r.case_no or "", extra)
            )
        )
    lines.append(translate_n("CliAdmin", "%n entry/entries", len(rows)))
    emit(args, [r.to_json() for r in rows], "\n".join(lines))
    return EXIT_OK

"""Headless accounts and roster commands (review-rules.md §1, roles):

    python main.py people add NAME --login L --role ROLE [--role …] [--scope unit|unit_tree|province]
                              [--unit U] [--department D] [--staff-no N]
    python main.py people list
    python main.py people edit LOGIN [--name …] [--unit …] [--department …] [--staff-no …] [--new-login …]
    python main.py people disable LOGIN | people enable LOGIN
    python main.py people role add LOGIN ROLE [--scope …] [--unit …]
    python main.py people role remove LOGIN ROLE
    python main.py passwd [LOGIN]

On a database without accounts, ``people add`` creates the first 系统管理员 without logging in. New passwords
come from REVIEWAPP_NEW_PASSWORD or a hidden prompt (typed twice). A role is named in Chinese (评查员) or by
its English key (reviewer).
"""

from __future__ import annotations

import argparse
from typing import Any

from reviewapp.cli.common import Emit, changes_json, read_new_password, read_password, with_changes
from reviewapp.domain.roles import Role, Scope
from reviewapp.errors import KnownError
from reviewapp.i18n import translate, translate_n
from reviewapp.legal.local_time import iso_stamp
from reviewapp.services.accounts import users
from reviewapp.services.accounts.users import AccountRow, RoleSpec
from reviewapp.services.workbench import Workbench

COMMANDS = ("people", "passwd")

SCOPE_NAMES = {Scope.UNIT: "本院", Scope.UNIT_TREE: "本院及下级院", Scope.PROVINCE: "全省"}


class RoleNotKnown(KnownError):
    pass


def parse_role(text: str) -> Role:
    """A role by its Chinese name (系统管理员) or English key (system_admin, system-admin, SYSTEM_ADMIN)."""
    word = text.strip()
    for role in Role:
        if word == role.value or word.replace("-", "_").upper() == role.name:
            return role
    raise RoleNotKnown(
        translate("CliPeople", "There is no role {role}. Roles: {roles}.").format(
            role=text, roles="、".join(f"{r.value} ({r.name.lower()})" for r in Role)
        )
    )


def parse_scope(text: str) -> Scope:
    word = text.strip()
    for scope in Scope:
        if word in (scope.value, SCOPE_NAMES[scope]):
            return scope
    raise RoleNotKnown(
        translate("CliPeople", "There is no scope {scope}: write unit, unit_tree or province.").format(scope=text)
    )


def add_parsers(subparsers: Any, common_parent: argparse.ArgumentParser) -> None:
    common = [common_parent]
    people = subparsers.add_parser("people", parents=common, help=translate("CliPeople", "accounts and their roles"))
    actions = people.add_subparsers(dest="action", required=True, metavar="ACTION")
    p = actions.add_parser(
        "add",
        parents=common,
        help=translate("CliPeople", "give a person an account (the first one: the 系统管理员, without --user)"),
    )
    p.add_argument("name", help=translate("CliPeople", "the person's name"))
    p.add_argument("--login", required=True, help=translate("CliPeople", "login name"))
    p.add_argument("--role", action="append", required=True, help=translate("CliPeople", "a role (repeat for several)"))
    _scope_options(p)
    p.add_argument("--department", default="", help=translate("CliPeople", "department (部门)"))
    p.add_argument("--staff-no", default="", help=translate("CliPeople", "staff number (工号)"))
    actions.add_parser("list", parents=common, help=translate("CliPeople", "list accounts"))
    p = actions.add_parser("edit", parents=common, help=translate("CliPeople", "change an account's person details"))
    p.add_argument("login", help=translate("CliPeople", "login name of the account"))
    p.add_argument("--name", help=translate("CliPeople", "new name"))
    p.add_argument("--unit", help=translate("CliPeople", "new unit (院)"))
    p.add_argument("--department", help=translate("CliPeople", "new department (部门)"))
    p.add_argument("--staff-no", help=translate("CliPeople", "new staff number (工号)"))
    p.add_argument("--new-login", help=translate("CliPeople", "a new login name"))
    for word, text in (("disable", "stop an account from logging in"), ("enable", "let an account log in again")):
        p = actions.add_parser(word, parents=common, help=translate("CliPeople", text))
        p.add_argument("login", help=translate("CliPeople", "login name of the account"))
    role = actions.add_parser("role", parents=common, help=translate("CliPeople", "grant or withdraw a role"))
    role_actions = role.add_subparsers(dest="role_action", required=True, metavar="ACTION")
    p = role_actions.add_parser("add", parents=common, help=translate("CliPeople", "grant a role"))
    p.add_argument("login", help=translate("CliPeople", "login name of the account"))
    p.add_argument("role", help=translate("CliPeople", "the role, e.g. 评查员"))
    _scope_options(p)
    p = role_actions.add_parser("remove", parents=common, help=translate("CliPeople", "withdraw a role"))
    p.add_argument("login", help=translate("CliPeople", "login name of the account"))
    p.add_argument("role", help=translate("CliPeople", "the role, e.g. 评查员"))
    p = subparsers.add_parser(
        "passwd",
        parents=common,
        help=translate("CliPeople", "change your password, or (administrator) set someone else's"),
    )
    p.add_argument("login", nargs="?", help=translate("CliPeople", "whose password (default: your own)"))


def _scope_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--scope",
        default=None,
        help=translate("CliPeople", "unit (本院, the default), unit_tree (本院及下级院) or province (全省)"),
    )
    p.add_argument("--unit", default="", help=translate("CliPeople", "unit (院); also the anchor of the scope"))


def role_text(row: AccountRow) -> str:
    parts = []
    names = {s.value: n for s, n in SCOPE_NAMES.items()}
    for role, scope, unit in row.roles:
        where = names.get(scope, scope)
        parts.append(f"{role}（{where}{'·' + unit if unit and scope != Scope.PROVINCE else ''}）")
    return "、".join(parts)


def account_json(row: AccountRow) -> dict[str, Any]:
    return {
        "login": row.login,
        "name": row.name,
        "staff_no": row.staff_no,
        "unit": row.unit,
        "department": row.department,
        "active": row.active,
        "locked_until": iso_stamp(row.locked_until),
        "roles": [{"role": r, "scope": s, "unit": u} for r, s, u in row.roles],
    }


def dispatch(wb: Workbench, args: argparse.Namespace, emit: Emit) -> int:
    if args.command == "passwd":
        return _passwd(wb, args, emit)
    if args.action == "add":
        return _add(wb, args, emit)
    if args.action == "list":
        rows = users.list_accounts(wb)
        lines = [
            "\t".join(
                (
                    r.login,
                    r.name,
                    r.unit or "",
                    r.department or "",
                    translate("CliPeople", "active") if r.active else translate("CliPeople", "disabled"),
                    role_text(r),
                )
            )
            for r in rows
        ]
        lines.append(translate_n("CliPeople", "%n account(s)", len(rows)))
        emit(args, [account_json(r) for r in rows], "\n".join(lines))
        return 0
    if args.action == "edit":
        row, record = with_changes(
            wb,
            users.edit_account,
            args.login,
            name=args.name,
            staff_no=args.staff_no,
            unit=args.unit,
            department=args.department,
            new_login=args.new_login,
        )
        text = translate("CliPeople", "Account {login} ({name}) changed.").format(login=row.login, name=row.name)
        return _done(args, emit, row, record, text)
    if args.action in ("disable", "enable"):
        row, record = with_changes(wb, users.set_account_active, args.login, args.action == "enable")
        text = (
            translate("CliPeople", "Account {login} ({name}) may log in again.")
            if row.active
            else translate("CliPeople", "Account {login} ({name}) is disabled.")
        ).format(login=row.login, name=row.name)
        return _done(args, emit, row, record, text)
    role = parse_role(args.role)
    if args.role_action == "add":
        spec = RoleSpec(role, parse_scope(args.scope) if args.scope else None, args.unit)
        row, record = with_changes(wb, users.add_role, args.login, spec)
        text = translate("CliPeople", "{login} now holds: {roles}").format(login=row.login, roles=role_text(row))
    else:
        row, record = with_changes(wb, users.remove_role, args.login, role)
        text = translate("CliPeople", "{login} now holds: {roles}").format(
            login=row.login, roles=role_text(row) or translate("CliPeople", "no role")
        )
    return _done(args, emit, row, record, text)


def _done(args: argparse.Namespace, emit: Emit, row: AccountRow, record: Any, text: str) -> int:
    emit(args, {"account": account_json(row), "changes": changes_json(record)}, text)
    return 0


def _add(wb: Workbench, args: argparse.Namespace, emit: Emit) -> int:
    roles = [parse_role(r) for r in args.role]
    scope = parse_scope(args.scope) if args.scope else None
    specs = [RoleSpec(r, scope, args.unit) for r in dict.fromkeys(roles)]
    first = not users.has_accounts(wb)
    if first and Role.SYSTEM_ADMIN not in roles:
        raise RoleNotKnown(
            translate(
                "CliPeople",
                "This database has no accounts yet: the first account is the 系统管理员. Add --role 系统管理员.",
            )
        )
    password = read_new_password(
        translate("CliPeople", "New password for {login}: ").format(login=args.login),
        translate("CliPeople", "Type it again: "),
    )
    kwargs = {"unit": args.unit, "department": args.department, "staff_no": args.staff_no}
    if first:
        others = [s for s in specs if s.role is not Role.SYSTEM_ADMIN]
        row, record = with_changes(
            wb, users.add_first_administrator, args.name, args.login, password, roles=others, **kwargs
        )
        text = translate("CliPeople", "First administrator {login} ({name}) created: {roles}").format(
            login=row.login, name=row.name, roles=role_text(row)
        )
    else:
        row, record = with_changes(wb, users.add_account, args.name, args.login, password, specs, **kwargs)
        text = translate("CliPeople", "Account {login} ({name}) created: {roles}").format(
            login=row.login, name=row.name, roles=role_text(row)
        )
    return _done(args, emit, row, record, text)


def _passwd(wb: Workbench, args: argparse.Namespace, emit: Emit) -> int:
    own = args.login is None or args.login.strip() == wb.user.login
    login = wb.user.login if own else args.login.strip()
    new = read_new_password(
        translate("CliPeople", "New password for {login}: ").format(login=login),
        translate("CliPeople", "Type it again: "),
    )
    if own:
        old = getattr(args, "password_used", None) or read_password(
            "REVIEWAPP_PASSWORD", translate("CliPeople", "Current password: ")
        )
        _value, record = with_changes(wb, users.change_own_password, old, new)
        text = translate("CliPeople", "Your password was changed.")
    else:
        _value, record = with_changes(wb, users.reset_password, login, new)
        text = translate("CliPeople", "The password of {login} was set; tell them in person.").format(login=login)
    emit(args, {"login": login, "changes": changes_json(record)}, text)
    return 0

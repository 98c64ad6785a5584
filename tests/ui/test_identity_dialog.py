"""Who is working: add yourself, or pick from the roster; the choice is remembered."""

from __future__ import annotations

from reviewapp.context import Actor
from reviewapp.services.cases.people import add_person, list_people
from reviewapp.services.workbench import Workbench
from tests.ui.typing import type_text
from ui.identity_dialog import IdentityDialog


def test_add_yourself_then_choose_from_roster(qtbot, wb: Workbench) -> None:  # type: ignore[no-untyped-def]
    dialog = IdentityDialog.ask(wb)
    qtbot.addWidget(dialog)
    assert dialog.tabs.currentIndex() == 1  # empty roster: "add yourself" first
    type_text(qtbot, dialog.name, "王评查")
    type_text(qtbot, dialog.unit, "上海市浦东新区人民检察院")
    type_text(qtbot, dialog.department, "案件管理部")
    with qtbot.waitSignal(dialog.chosen) as got:
        dialog._accept_choice()
    actor = got.args[0]
    assert isinstance(actor, Actor) and actor.name == "王评查" and actor.person_id is not None
    assert [p.name for p in list_people(wb, reviewers_only=True)] == ["王评查"]

    add_person(wb, "李评查", unit="上海市浦东新区人民检察院")
    again = IdentityDialog.ask(wb)
    qtbot.addWidget(again)
    assert again.tabs.currentIndex() == 0
    current = again.model.payload(again.list.currentIndex().row())
    assert current is not None and current.name == "王评查"  # the last choice is preselected
    with qtbot.waitSignal(again.chosen) as got:
        again._accept_choice()
    assert got.args[0].person_id == actor.person_id


def test_a_name_is_required(qtbot, wb: Workbench) -> None:  # type: ignore[no-untyped-def]
    dialog = IdentityDialog.ask(wb)
    qtbot.addWidget(dialog)
    dialog._accept_choice()
    assert dialog.error.text() == "必须填写姓名。"
    assert dialog.isVisible()

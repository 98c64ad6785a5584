"""Print the README's permission table from reviewapp.domain.roles.GRANTS (the one source of truth).

    .venv/bin/python scripts/permissions_table.py
A test checks that the README holds exactly this table.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reviewapp.domain.roles import GRANTS, Action, Role

LABELS = {
    Action.MANAGE_ACCOUNTS: "accounts, roles, others' passwords (账户管理)",
    Action.MANAGE_ROSTER: "roster: add people (人员名册)",
    Action.IMPORT_CASES: "import case exports and dossiers (导入)",
    Action.MANAGE_STANDARDS: "import / store review standards (评查标准)",
    Action.EDIT_SETTINGS: "shared settings, e.g. notice issuer (设置)",
    Action.RUN_CHECKS: "run the pre-screening (自动校验)",
    Action.SCORE: "score own review, accept/dismiss suggestions (评查打分)",
    Action.ASSIGN_REVIEWS: "start a review for another reviewer (分配)",
    Action.REOPEN_REVIEW: "reopen a submitted review (退回重评)",
    Action.ISSUE_NOTICES: "issue rectification notices (整改通知书)",
    Action.EXPORT_RESULTS: "export ledger, report, problem list (台账/报告)",
    Action.READ_REVIEWS: "read other reviewers' reviews (查看评查)",
    Action.READ_AUDIT: "read and verify the audit trail (审计)",
    Action.OWN_ACCOUNT: "change own password (修改密码)",
    Action.RECONCILE: "reconcile the panel opinion, joint meeting (联席会议)",
    Action.ANSWER_FEEDBACK: "answer the opinion on one's own case (听取意见)",
    Action.RECORD_REPLIES: "enter answers and rectification reports from paper (登记反馈)",
    Action.RULE_OBJECTIONS: "rule on objections (异议处理)",
    Action.DETERMINE_QUALIFIED: "determine a proposed 合格 (审定)",
    Action.DETERMINE: "determine 优质 / 基本合格 / 不合格 (审定)",
    Action.REOPEN_DETERMINED: "reopen a determined review (撤销审定)",
    Action.RECHECK: "re-check a rectification (整改复查)",
    Action.PROCESS_DUE: "record what fell due (到期处理)",
}


def table() -> str:
    roles = list(Role)
    lines = ["| action | " + " | ".join(r.value for r in roles) + " |", "|---|" + "---|" * len(roles)]
    for action in Action:
        cells = ["✓" if action in GRANTS[r] else "" for r in roles]
        lines.append(f"| {LABELS[action]} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


if __name__ == "__main__":
    print(table())

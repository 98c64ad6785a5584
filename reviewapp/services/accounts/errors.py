"""Errors of the account services (messages for the user)."""

from __future__ import annotations

from reviewapp.errors import KnownError


class AccountError(KnownError):
    """An account request that cannot be carried out (message for the user)."""


class LoginFailed(AccountError):
    pass

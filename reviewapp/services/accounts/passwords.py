"""Password hashing with Argon2id (argon2-cffi's defaults, RFC 9106's second recommended profile)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

_hasher = PasswordHasher()
MIN_LENGTH = 8


# Inside one_hash_per_password(): password → its hash, and (hash, password) → verified.
_reuse: ContextVar[dict[object, object] | None] = ContextVar("password_reuse", default=None)


@contextmanager
def one_hash_per_password() -> Iterator[None]:
    """Within this block each password is hashed once and that hash is given to every account set to it, and
    a hash is checked against a password once: for the demo accounts, which all share the documented demo
    password (eight hashes and four logins were ~2 s of loading the demo). Every stored hash is an ordinary
    Argon2id hash with the default parameters and verifies like any other; those accounts share its salt."""
    token = _reuse.set({})
    try:
        yield
    finally:
        _reuse.reset(token)


def hash_password(password: str) -> str:
    reuse = _reuse.get()
    if reuse is None:
        return _hasher.hash(password)
    if password not in reuse:
        reuse[password] = _hasher.hash(password)
    return str(reuse[password])


def verify_password(stored_hash: str, password: str) -> bool:
    reuse = _reuse.get()
    key = (stored_hash, password)
    if reuse is not None and key in reuse:
        return bool(reuse[key])
    try:
        matches: bool = _hasher.verify(stored_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        matches = False
    if reuse is not None:
        reuse[key] = matches
    return matches


def needs_rehash(stored_hash: str) -> bool:
    try:
        return _hasher.check_needs_rehash(stored_hash)
    except InvalidHashError:
        return True

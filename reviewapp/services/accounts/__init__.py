"""Accounts, roles and permissions, login, and the audit trail."""

"""Use cases after scoring: the reviewed-cases read model, notices, reports, the ledger, issuer settings."""

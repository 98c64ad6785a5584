"""Headless commands: one parser, one case lookup, one output style, a module per area."""

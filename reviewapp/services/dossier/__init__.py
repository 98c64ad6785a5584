"""Dossier intelligence services: page text (scan), reads, search and the comparison rules' results."""

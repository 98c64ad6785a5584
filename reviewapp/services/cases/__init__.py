"""Use cases on case data: intake of exports and dossiers, the case index and queries, the roster."""

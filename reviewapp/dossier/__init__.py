"""Dossier intelligence (智能比对校验): the text of every dossier page, the documents it holds, the facts they
state, and comparison rules over card and documents. Pure functions and file readers; no database, no Qt."""

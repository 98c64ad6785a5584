"""Use cases of the automatic pre-screening: runs, the worker, stored results, suggestions."""

"""Hostile and broken input (issue 7): a corpus with exact outcomes, property-based tests,
interrupted writes, output escaping and CI hardening. A package, so that its conftest.py does
not shadow tests/conftest.py as the module `conftest`."""

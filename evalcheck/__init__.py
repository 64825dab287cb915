"""evalcheck: keep evaluation records and management responses true, in Git."""

__version__ = "0.1.0"

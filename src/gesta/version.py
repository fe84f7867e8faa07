"""gesta's version, used in event ids and records."""

__version__ = "0.1.0"

"""Regie: an offline-first, encrypted personal health record."""

__version__ = "0.1.0"

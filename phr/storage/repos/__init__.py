"""Repositories: the only code that reads and writes the record's tables."""

"""The ground every service stands on: entries and their provenance, errors, validation, partial dates,
links between entries, the clock and the fixed vocabularies. No Qt, no SQL."""

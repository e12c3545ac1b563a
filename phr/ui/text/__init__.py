"""How things read in the app's language: dates, provenance, messages for errors, Qt's own button texts."""

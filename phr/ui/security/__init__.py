"""Passphrases, recovery codes, carers, auto-lock and the clipboard guard."""

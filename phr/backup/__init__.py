"""Backups of a whole record, made by hand or automatically, and restoring one."""

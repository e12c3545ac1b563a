"""The measurements page, its tabs and dialogs, and quick entry (Ctrl+M)."""

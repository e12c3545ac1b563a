"""Rows streamed from the record a chunk at a time, for imports and exports of any size (issue 20)."""

"""The one-to-two page brief for the next visit."""

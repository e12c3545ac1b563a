"""The emergency wallet card and the emergency letter."""

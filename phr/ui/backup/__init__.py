"""Back up now, restore a backup, and the automatic backup after an unlock."""

"""What a desktop app is expected to have: its icon, Help and About, printing, section keys, text size, window size."""

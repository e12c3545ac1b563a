"""Reading device exports (LibreView, Dexcom Clarity, OMRON connect, any CSV with a mapping)."""

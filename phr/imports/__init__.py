"""Device files read into the record: LibreView, Dexcom Clarity, OMRON connect and any CSV with a mapping."""

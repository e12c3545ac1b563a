"""The device import's steps, the layouts of the files it reads, and their shared helpers (the order: see phr.imports)."""

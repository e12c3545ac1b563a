"""Look-ups in published terminologies that ship with Regie: Orphanet disease names and HPO terms, offline."""

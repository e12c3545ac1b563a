"""Key slots: the key derivation, the slot formats, the key files and changing or rotating the data key."""

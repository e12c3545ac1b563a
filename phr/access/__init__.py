"""Opening a record: making and unlocking it, the session, passphrases, recovery codes, carers and
the key changes they need, and hardening the process that holds the key."""

"""The start window: the records this computer knows, unlocking one, making a new one."""

"""The device import wizard."""

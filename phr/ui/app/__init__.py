"""The app's frame: start-up, the controller between start window and record, the main window and its
navigation, settings, translations and background work."""

"""The native JSON format (docs/json-format.md): written and read back without loss."""

"""Forms for entering and changing entries: fields, and a dialog that validates as you type."""

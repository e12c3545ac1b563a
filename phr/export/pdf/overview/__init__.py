"""The overview of the whole care process."""

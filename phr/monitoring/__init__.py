"""Self-monitoring: readings, the measures catalogue and own measures, targets and measuring plans,
statistics, and the saved column mappings of device files."""

"""The person's medical history beside the care record: vaccinations, and operations and other procedures."""

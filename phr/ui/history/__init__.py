"""Pages of the person's medical history: vaccinations, operations and procedures, and lab results."""

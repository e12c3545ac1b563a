"""One module per kind of FHIR resource, each reading it as what it says for the record (registry.py)."""

"""Reading FHIR bundles from other systems into the record."""

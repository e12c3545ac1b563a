"""Writing the record as an HL7 FHIR R4 International Patient Summary document bundle."""

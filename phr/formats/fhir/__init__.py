"""HL7 FHIR: the International Patient Summary written out, and patient summaries from other systems read in."""

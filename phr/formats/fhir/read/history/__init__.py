"""The person's history in a FHIR file: Immunization -> vaccinations, Procedure -> procedures, Observation ->
readings of a catalogue measure or lab results (resources/ holds the readers of the care record)."""

"""Reading data into a record: Regie's own JSON, later device files and FHIR."""

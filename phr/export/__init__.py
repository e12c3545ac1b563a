"""Writing the record out: Regie's own JSON (lossless), later PDF, FHIR and CSV."""

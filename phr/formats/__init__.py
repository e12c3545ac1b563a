"""File formats that carry a whole record: the native JSON (lossless) and HL7 FHIR, each with its reader
and writer side by side."""

"""Documents for people: the PDFs (overview, visit brief, emergency card and letter, recovery sheet) and
readings as CSV. The native JSON and FHIR live in phr.formats."""

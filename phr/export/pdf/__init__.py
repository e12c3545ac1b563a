"""The PDF documents for the care team and the patient (reportlab): overview, visit brief, emergency card
and letter, recovery sheet.

Each document is one straight line, one step per module: record (the services) -> facts (`facts.py`
and `*_facts.py`: frozen dataclasses of what the document says, computed from the services, no
reportlab) -> flowables (the layout modules: reportlab, facts in, never the services) -> bytes
(`pages.render`). `documents.build_pdf` runs the line of the kind asked for."""

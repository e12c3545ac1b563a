"""The PDF documents for the care team and the patient (reportlab): overview, visit brief, emergency card
and letter, recovery sheet."""

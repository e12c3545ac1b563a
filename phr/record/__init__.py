"""The care record: the person, diagnoses, care plan, care team, medicines, appointments, documents,
diary, timeline, search and the overview; `services.RecordServices` gathers them for one open record."""

"""The recovery sheet: the recovery code on paper, with where the record is and what to do."""

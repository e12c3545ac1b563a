"""The recovery sheet: the code, where the record is and what to do, in Dutch or English."""

import io
from datetime import datetime
from pathlib import Path

from pypdf import PdfReader

from phr.export.pdf.recovery.sheet import build_recovery_sheet

CODE = "9XPZ-B6X9-3WAR-UGVQ-BKCF-UGZE-JENQ"
NOW = datetime(2026, 11, 22, 12, 0)


def text_of(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) == 1
    return reader.pages[0].extract_text()


def test_the_sheet_holds_the_code_the_folder_and_the_steps_in_dutch():
    text = text_of(build_recovery_sheet(CODE, Path("/home/zoë/Documenten/Regie/dossier.regie"), "Zoë Ünal", "nl", NOW))
    assert CODE in text  # on one line
    assert "geboortedatum" not in text and "geboren" not in text
    assert "/home/zoë/Documenten/Regie/dossier.regie" in text and "Zoë Ünal" in text
    assert "Herstelblad" in text and "Wachtwoord vergeten?" in text and "22 november 2026" in text
    assert "Pagina 1 van 1" in text


def test_the_sheet_in_english():
    text = text_of(build_recovery_sheet(CODE, Path("/tmp/r.regie"), "Sanne de Vries", "en", NOW))
    assert CODE in text and "Recovery sheet" in text and "Forgot your passphrase?" in text
    assert "Herstel" not in text

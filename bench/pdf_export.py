"""The overview PDF of the sample record: the issue's target is under 3 s.

Measured: build_pdf(kind=overview) on the sample record (queries, statistics, charts,
layout, embedded fonts), in memory.
Baseline: the same text — taken back out of the measured PDF, one paragraph per line —
typeset with a bare reportlab SimpleDocTemplate in a built-in font. The ratio tells what our
gathering, charts and layout cost on top of setting that much text at all.
"""

import io
import tempfile
from datetime import datetime
from pathlib import Path
from xml.sax.saxutils import escape

from pypdf import PdfReader
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import Paragraph, SimpleDocTemplate

from bench.common import Result, median_seconds
from phr.demo import sample_record as demo
from phr.export.options import ExportOptions
from phr.export.pdf import documents as pdf
from phr.record.services import RecordServices
from phr.storage.keys import kdf

LIMIT = 6.0
TARGET_SECONDS = 3.0


def _plain_pdf(lines: list[str]) -> bytes:
    buffer = io.BytesIO()
    style = getSampleStyleSheet()["BodyText"]
    SimpleDocTemplate(buffer).build([Paragraph(escape(line), style) for line in lines])
    return buffer.getvalue()


def run() -> Result:
    with tempfile.TemporaryDirectory() as tmp:
        session = demo.create_sample_record(Path(tmp) / "sample.regie", argon2=kdf.MINIMUM)
        try:
            services = RecordServices(session)
            options = ExportOptions(kind="overview", language="nl", now=datetime.now().replace(microsecond=0))
            made = pdf.build_pdf(services, options)
            reader = PdfReader(io.BytesIO(made))
            lines = [line for page in reader.pages for line in page.extract_text().splitlines() if line.strip()]
            measured = median_seconds(lambda: pdf.build_pdf(services, options))
            baseline = median_seconds(lambda: _plain_pdf(lines))
        finally:
            session.lock()
    notes = [f"overview of the sample record: {len(reader.pages)} pages, {len(made) // 1024} KiB, "
             f"{measured:.2f} s (target under {TARGET_SECONDS:.0f} s)"]
    return Result("overview PDF", measured, baseline, LIMIT, notes, absolute_limit=TARGET_SECONDS)

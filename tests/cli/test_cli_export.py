"""`phr export` in every format and `phr import --format fhir`, as scripts use them."""

import json
import os
import stat
import subprocess
import sys

import pytest
from conftest import PASSPHRASE
from pypdf import PdfReader
from test_cli import assert_one_clear_line

PDF_PASSWORD = "zonnebloem-42"


def phr(*args, **extra_env):
    env = {k: v for k, v in os.environ.items() if not k.startswith("PHR_")}
    env.update(PHR_PASSPHRASE=PASSPHRASE, **extra_env)
    return subprocess.run([sys.executable, "-m", "phr", *map(str, args)], env=env, stdin=subprocess.DEVNULL,
                          capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    folder = tmp_path_factory.mktemp("cli-export") / "sample.regie"
    assert phr("demo", folder).returncode == 0
    return folder


def test_a_pdf_from_the_file_name_in_the_chosen_language_says_it_is_not_encrypted(sample, tmp_path):
    out = tmp_path / "brief.pdf"
    result = phr("export", sample, out, "--kind", "visit", "--lang", "en")
    assert result.returncode == 0, result.stderr
    assert "NOT encrypted" in result.stderr
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o600
    text = PdfReader(out).pages[0].extract_text()
    assert "Page 1 of" in text and "Sanne de Vries" in text


def test_a_password_from_the_environment_locks_the_pdf_with_aes_256(sample, tmp_path):
    out = tmp_path / "noodkaart.pdf"
    result = phr("export", sample, out, "--kind", "emergency", "--pdf-password-env", "MY_PDF_PW",
                 MY_PDF_PW=PDF_PASSWORD)
    assert result.returncode == 0, result.stderr
    assert "NOT encrypted" not in result.stderr + result.stdout
    reader = PdfReader(out)
    assert reader.is_encrypted
    assert reader.decrypt("wrong password") == 0
    reader = PdfReader(out)
    assert reader.decrypt(PDF_PASSWORD) != 0
    encryption = reader.trailer["/Encrypt"]
    assert (encryption["/V"], encryption["/R"]) == (5, 6)  # AES-256 (PDF 2.0 security handler)
    assert "Sanne de Vries" in reader.pages[0].extract_text()


@pytest.mark.parametrize("args, extra", [
    (("--pdf-password-env", "UNSET_VARIABLE"), {}),
    (("--pdf-password-env", "SHORT_PW"), {"SHORT_PW": "abc"}),
    (("--since", "2026-02-30"), {}),
    (("--since", "2026-06-01", "--until", "2026-01-01"), {}),
])
def test_a_request_that_cannot_be_met_is_one_line_and_writes_nothing(sample, tmp_path, args, extra):
    out = tmp_path / "x.pdf"
    result = phr("export", sample, out, *args, **extra)
    assert result.returncode == 1
    assert_one_clear_line(result)
    assert not out.exists()


def test_fhir_and_csv_exports_and_a_fhir_import_into_a_new_record(sample, tmp_path):
    bundle = tmp_path / "ips.json"
    assert phr("export", sample, bundle, "--format", "fhir").returncode == 0
    assert json.loads(bundle.read_text(encoding="utf-8"))["resourceType"] == "Bundle"
    readings = tmp_path / "readings.csv"
    assert phr("export", sample, readings, "--since", "2026-11-01").returncode == 0
    rows = readings.read_text(encoding="utf-8").splitlines()
    assert rows[0].startswith("reading,measure,component") and len(rows) > 10
    assert all(row.split(",")[4] >= "2026-11-01" for row in rows[1:])
    fresh = tmp_path / "fresh.regie"
    assert phr("init", fresh, "--name", "Sanne de Vries").returncode == 0
    first = phr("import", fresh, bundle)  # auto: recognised as a FHIR bundle
    assert first.returncode == 0, first.stderr
    assert "diagnoses: 4 added" in first.stdout
    again = phr("import", fresh, bundle, "--format", "fhir")
    assert "Imported 0 entries." in again.stdout


def test_fhir_follows_lang_and_refuses_a_period_it_cannot_apply(sample, tmp_path):
    bundle = tmp_path / "ips.json"
    assert phr("export", sample, bundle, "--format", "fhir", "--lang", "en").returncode == 0
    sections = json.loads(bundle.read_text(encoding="utf-8"))["entry"][0]["resource"]["section"]
    assert sections[0]["title"] == "Problems and diagnoses"
    refused = phr("export", sample, tmp_path / "x.json", "--format", "fhir", "--since", "2026-01-01")
    assert refused.returncode == 1 and "do not apply" in refused.stderr
    assert not (tmp_path / "x.json").exists()


def test_the_default_language_follows_a_record_language_written_as_a_word(services, monkeypatch):
    from types import SimpleNamespace

    from phr.cli import export as cli_export
    from phr.record.person import PersonDetails

    args = SimpleNamespace(lang=None)
    for spoken, expected in (("English", "en"), ("Nederlands", "nl"), (" engels ", "en"), ("Turks", "nl"), ("", "nl")):
        services.person.update(PersonDetails(name="Zoë Ünal", language=spoken))
        assert cli_export.export_language(args, services) == expected
    assert cli_export.export_language(SimpleNamespace(lang="en"), services) == "en"


def test_a_fault_while_making_the_pdf_is_one_line_without_the_record_text(new_record, monkeypatch, capsys, tmp_path):
    from phr.cli import main as cli
    from phr.export.pdf import documents as pdf

    folder, _ = new_record
    monkeypatch.setenv("PHR_PASSPHRASE", PASSPHRASE)
    monkeypatch.setattr(pdf, "build_pdf", lambda *a: (_ for _ in ()).throw(RuntimeError("GEHEIM noodinjectie")))
    code = cli.main(["export", str(folder), str(tmp_path / "out.pdf")])
    err = capsys.readouterr().err
    assert code == 1 and "GEHEIM" not in err and "RuntimeError" in err
    assert len(err.strip().splitlines()) == 1
    assert not (tmp_path / "out.pdf").exists()

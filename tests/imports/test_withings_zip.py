"""Withings Health Mate's data export in one go: the zip of CSV files, recognised by its members'
names; bp.csv and weight.csv read as they are on their own, their skipped rows naming their member;
the other members counted as left out; a member that is not Withings', a damaged zip and a cancelled
import change nothing."""

import io
import zipfile
from zoneinfo import ZoneInfo

import pytest
from locations import DATA

from phr.imports import device_import
from phr.imports.device_import import NotADeviceFile
from phr.imports.devices import pipeline
from phr.imports.devices.sources import withings_zip
from phr.monitoring.readings import ImportCancelled

DEVICES = DATA / "devices"
BP, WEIGHT = (DEVICES / "withings_bp_utf8.csv").read_bytes(), (DEVICES / "withings_weight_utf8.csv").read_bytes()
SLEEP = b"from,to,light (s),deep (s)\n2023-05-13T23:00:00+02:00,2023-05-14T07:00:00+02:00,14400,7200\n" * 1
STEPS = b"start,duration,value\n" + b'2023-05-14T07:00:00+02:00,"[60,60]","[12,30]"\n' * 40


def withings(folder: str = "", **members: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in (members or {"bp.csv": BP, "weight.csv": WEIGHT, "sleep.csv": SLEEP,
                                       "raw_tracker_steps.csv": STEPS}).items():
            archive.writestr(folder + name, data)
    return out.getvalue()


def _stored(services, measure):
    return sorted((r.taken_at.isoformat(), r.value, r.value2, r.value3, r.note)
                  for r in services.readings.page(measure, 0, 100))


def test_a_withings_export_is_recognised_by_its_members_names(tmp_path):
    for data in (withings(), withings("data_anna_1700000000/"), withings(**{"weight.csv": WEIGHT}),
                 withings(**{"activities.csv": b"a\n", "raw_hr_hr.csv": b"b\n"})):
        path = tmp_path / "download.zip"
        path.write_bytes(data)
        assert device_import.is_device_source(path) and device_import.is_streamed(path)
    other = withings(**{"readings.csv": BP, "raw_notes.csv": b"x\n"})
    assert not device_import.is_device_source(other)


@pytest.mark.parametrize("folder", ["", "data_anna_1700000000/"])
def test_the_zip_gives_what_its_files_give_one_by_one(services, folder):
    amsterdam = ZoneInfo("Europe/Amsterdam")
    apart = {name: pipeline.read_file(data, "withings", zone=amsterdam) for name, data in (("bp.csv", BP),
                                                                                          ("weight.csv", WEIGHT))}
    summary = device_import.import_file(services, withings(folder), "withings.zip", zone=amsterdam)
    expected = [reading for part in apart.values() for reading in part.readings]
    assert (summary.format, summary.added, summary.already_present, len(expected)) == ("withings", 5, 0, 5)
    assert services.readings.count() == 5
    assert sorted(_stored(services, "bp") + _stored(services, "weight")) == sorted(
        (r.taken_at.isoformat(), r.value, r.value2, r.value3, r.note) for r in expected)
    assert sorted((row.member, row.line, row.reason) for row in summary.skipped) == sorted(
        (folder + name, row.line, row.reason) for name, part in apart.items() for row in part.skipped)
    assert device_import.import_file(services, withings(folder), "withings.zip", zone=amsterdam).added == 0


def test_the_other_members_are_counted_as_left_out():
    found = withings_zip.read(withings(), "withings.zip", ZoneInfo("Europe/Amsterdam"))
    assert sum(1 for _ in found.readings) == 5
    assert found.left_out == {"sleep.csv": 1, "raw_tracker_steps.csv": 40}


def test_a_member_that_is_not_withings_refuses_the_zip(services):
    data = withings(**{"bp.csv": BP, "weight.csv": WEIGHT.replace(b"Weight (kg)", b"Mass")})
    with pytest.raises(NotADeviceFile, match="weight.csv in this zip is not a Withings"):
        device_import.import_file(services, data, "withings.zip")
    assert services.readings.count() == 0


def test_a_damaged_zip_changes_nothing(services, tmp_path):
    data = withings(**{"bp.csv": BP * 200, "weight.csv": WEIGHT})
    path = tmp_path / "withings.zip"
    path.write_bytes(data[:len(data) // 2])
    with pytest.raises(NotADeviceFile, match="damaged or incomplete"):
        device_import.import_file(services, path, path.name)
    assert services.readings.count() == 0


def test_a_cancelled_import_changes_nothing(services):
    rows = "".join(f'"2023-0{1 + i % 9}-{1 + i % 28:02d} {i % 24:02d}:{i % 60:02d}:00",{60 + i % 40},{110 + i % 50},'
                   f'{70 + i % 20},\n' for i in range(20_000))
    data = withings(**{"bp.csv": BP.split(b"\n")[0] + b"\n" + rows.encode(), "weight.csv": WEIGHT})
    seen: list[float] = []
    with pytest.raises(ImportCancelled):
        device_import.import_file(services, data, "withings.zip", progress=lambda f: seen.append(f) or f < 0.3)
    assert services.readings.count() == 0 and 0.3 <= seen[-1] < 1


def test_a_member_that_would_unpack_beyond_the_limit_is_refused_unread(monkeypatch, services, tmp_path):
    from phr.imports.devices.sources import archive

    monkeypatch.setattr(archive, "MEMBER_LIMIT", 1000)  # a zip bomb's member, in small
    path = tmp_path / "withings.zip"
    path.write_bytes(withings(**{"bp.csv": BP + b"\n" * 5000}))
    with pytest.raises(NotADeviceFile, match="more than 0 MB"):
        device_import.import_file(services, path, "withings.zip")
    assert services.readings.count() == 0

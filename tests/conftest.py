"""Shared fixtures. Each test gets its own temporary record and settings (as Vorta does).

The record is a copy of one made per test run (see template_record): creating one per test took most
of the suite's time.
"""

import functools
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator  # noqa: E402

from phr.ui.app.qt_refcount_guard import protect_singletons  # noqa: E402

protect_singletons()  # as the app does at start-up: PySide6 6.12 on Python 3.11 (see the module)

from template_record import TemplateRecord  # noqa: E402

from phr.access import records  # noqa: E402
from phr.access.session import RecordSession  # noqa: E402
from phr.storage.keys import kdf  # noqa: E402

# A passphrase that passes the strength rules; tests use the minimum Argon2id cost we allow
# (64 MiB, 3 passes) instead of the timed one, to keep the suite fast.
PASSPHRASE = "blue kettle under the old bridge"
FAST = kdf.MINIMUM


# The app's language when the run starts: every test begins in it (see app_language_restored).
_START_LOCALE = QLocale()


@pytest.fixture(autouse=True)
def app_language_restored() -> Iterator[None]:
    """The app's language back to the run's after every test. A test that switches to Dutch
    (i18n.install_translators sets the default locale and installs translators parented to the
    application) and forgets to switch back would leave the next test on its worker reading Dutch,
    which fails only in some orders."""
    yield
    app = QCoreApplication.instance()
    if app is not None:
        for translator in app.findChildren(QTranslator):
            app.removeTranslator(translator)
    QLocale.setDefault(_START_LOCALE)


@pytest.fixture(autouse=True)
def private_tempdir(tmp_path_factory, monkeypatch):
    """Every test gets its own temp directory, so tests can prove nothing was written there."""
    folder = tmp_path_factory.mktemp("tmpdir")
    monkeypatch.setenv("TMPDIR", str(folder))
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    # Automatic backups go to the user's data folder by default: in tests, a folder of their own.
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path_factory.mktemp("data")))
    for name in ("PHR_PASSPHRASE", "PHR_NEW_PASSPHRASE", "PHR_RECOVERY_CODE", "PHR_CARER_PASSPHRASE"):
        monkeypatch.delenv(name, raising=False)
    return folder


@pytest.fixture
def create_fast():
    return functools.partial(records.create_record, argon2=FAST)


@pytest.fixture
def record_dir(tmp_path) -> Path:
    return tmp_path / "record.regie"


@pytest.fixture(scope="session")
def template_record(tmp_path_factory: pytest.TempPathFactory) -> TemplateRecord:
    """The one record this test run (this xdist worker) really creates for the fixtures below."""
    folder = tmp_path_factory.mktemp("template") / "record.regie"
    return TemplateRecord.create(folder, "Zoë Ünal", PASSPHRASE, FAST)


@pytest.fixture
def new_record(record_dir: Path, template_record: TemplateRecord) -> tuple[Path, str]:
    """A fresh record, locked; returns (folder, recovery code).

    A copy of the template: tests that need a record of their own (another record id, other keys or
    recovery code) create it with create_fast.
    """
    template_record.copy_to(record_dir)
    return record_dir, template_record.recovery_code


@pytest.fixture
def session(new_record: tuple[Path, str], template_record: TemplateRecord) -> Iterator[RecordSession]:
    """An open session on a fresh record, as the owner's passphrase opens it; locked again after the test."""
    folder, _ = new_record
    opened = template_record.open_copy(folder)
    yield opened
    opened.lock()


@pytest.fixture
def services(session):
    from phr.record.services import RecordServices

    return RecordServices(session)


@pytest.fixture
def dialogs(monkeypatch):
    """Drive modal entry dialogs: append a function that fills the dialog; `exec` runs it, then Save.

    The dialog stays inspectable afterwards through `dialogs.last`.
    """
    from phr.ui.forms.entry_dialog import EntryDialog

    class Driver(list):
        last = None

    driver = Driver()

    def fake_exec(dialog):
        driver.last = dialog
        driver.pop(0)(dialog)
        dialog.try_save()
        return dialog.result()

    monkeypatch.setattr(EntryDialog, "exec", fake_exec)
    return driver


@pytest.fixture
def events(qtbot):
    from phr.ui.app.events import RecordEvents

    return RecordEvents()


SAMPLE_TODAY = __import__("datetime").date(2026, 11, 22)  # fixed, so exported text is the same every run


@pytest.fixture(scope="session")
def sample_services(tmp_path_factory):
    """One sample record for read-only tests across modules (exports); its today is SAMPLE_TODAY.

    Tests must not change it: a test that writes makes its own record.
    """
    from phr.demo import sample_record as demo
    from phr.record.services import RecordServices

    session = demo.create_sample_record(tmp_path_factory.mktemp("sample") / "sample.regie", argon2=FAST,
                                        today=SAMPLE_TODAY)
    yield RecordServices(session)
    session.lock()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The long kill tests (marked slow) first: with a worker per core they then run beside the short
    tests, instead of ending the run alone on one core while the other waits."""
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)

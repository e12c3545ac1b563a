"""Where the tests find the project and their data, wherever a test file sits under tests/."""

from pathlib import Path

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
PACKAGE = ROOT / "phr"
FIXTURES = TESTS / "fixtures"
DATA = TESTS / "data"
REAL_WORLD = ROOT.parent / "shared" / "real-world"

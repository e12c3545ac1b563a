"""The sample record of an invented person (`phr demo`, the screenshots, the tests)."""

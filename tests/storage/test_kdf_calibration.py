"""Argon2id calibration: aims at the middle of 0.5-1 s, grows memory first, respects every limit."""

import pytest

from phr.storage.keys import kdf


def machine(seconds_per_gib: float):
    """A simulated machine on which Argon2id time is linear in memory and passes."""
    def time_once(params, clock):
        return seconds_per_gib * params.memory_kib / (1024 * 1024) * params.iterations / 3
    return time_once


@pytest.mark.parametrize("seconds_per_gib", [0.8, 2.0, 4.0, 8.0])
def test_an_ordinary_machine_gets_about_the_target_time(monkeypatch, seconds_per_gib):
    monkeypatch.setattr(kdf, "_time_once", machine(seconds_per_gib))
    params = kdf.calibrate()
    took = machine(seconds_per_gib)(params, None)
    assert 0.5 <= took <= kdf.TARGET_SECONDS + 0.05
    assert params.iterations == 3 and params.within_limits()
    assert params.memory_kib % kdf.STEP_KIB == 0


def test_a_slow_machine_keeps_the_floor(monkeypatch):
    monkeypatch.setattr(kdf, "_time_once", machine(40.0))  # 64 MiB alone takes 2.5 s
    assert kdf.calibrate() == kdf.MINIMUM


def test_a_very_fast_machine_adds_passes_within_the_cost_cap(monkeypatch):
    monkeypatch.setattr(kdf, "_time_once", machine(0.1))
    params = kdf.calibrate()
    assert params.memory_kib == kdf.MAX_CALIBRATED_MEMORY_KIB
    assert params.iterations > 3
    assert params.memory_kib * params.iterations <= kdf.MAX_COST_KIB_PASSES
    assert params.within_limits()


def test_the_real_calibration_on_this_machine_meets_the_floor():
    params = kdf.calibrate()
    assert params.memory_kib >= kdf.MIN_MEMORY_KIB and params.iterations >= 3

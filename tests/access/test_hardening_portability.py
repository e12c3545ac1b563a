"""Start-up hardening where the platform has no POSIX resource limits (Windows): Regie still starts."""

from phr.access import hardening


def test_without_the_resource_module_start_up_goes_on(monkeypatch):
    calls = []
    monkeypatch.setattr(hardening, "resource", None)
    monkeypatch.setattr(hardening.sys, "platform", "win32")
    monkeypatch.setattr(hardening.ctypes, "CDLL", lambda *args, **kwargs: calls.append(args))
    hardening.disable_core_dumps()  # no AttributeError on None, no prctl outside Linux
    assert calls == []

"""Which zone a device's clock was in: an IANA zone by its name, the computer's own zone, and the clocks of a
file that names the zone per row (OMRON's 'Timezone' column). The wall-clock arithmetic is in times.py."""

import os
from typing import Iterable
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from phr.imports.devices.times import LocalClock


def zone_named(name: str) -> ZoneInfo:
    """The IANA zone called `name` ('Europe/Amsterdam'; case is forgiven: 'europe/amsterdam');
    ValueError naming it when there is no such zone."""
    text = name.strip()
    try:
        return ZoneInfo(text)
    except (ValueError, OSError, ZoneInfoNotFoundError):  # '../x', a folder such as 'Europe', unknown
        pass
    key = _zone_keys().get(text.casefold())
    if key is None:
        raise ValueError(f"unknown time zone {name!r} (a name such as Europe/Amsterdam or America/New_York)")
    return ZoneInfo(key)


def _zone_keys() -> dict[str, str]:
    return {key.casefold(): key for key in available_timezones()}


def computer_zone() -> ZoneInfo:
    """The computer's own zone, from the standard library only: TZ when it names a zone, else the
    zone /etc/localtime links to (Linux, macOS); UTC when neither says (Windows keeps its zone
    elsewhere: the app asks Qt, which knows it there too)."""
    for name in (os.environ.get("TZ", "").lstrip(":"), _linked_zone()):
        if name:
            try:
                return zone_named(name)
            except ValueError:
                continue
    return ZoneInfo("UTC")


def _linked_zone() -> str:
    """'Europe/Amsterdam' from /etc/localtime -> /usr/share/zoneinfo/Europe/Amsterdam."""
    try:
        target = os.path.realpath("/etc/localtime")
    except OSError:
        return ""
    marker = "/zoneinfo/"
    return target.split(marker, 1)[1] if marker in target else ""


class ZoneClocks:
    """The clocks of a file that names the zone per row (a 'Timezone' column): one LocalClock per
    zone, all with the file's date order, sharing one list of repeated lines. A row with an empty
    zone cell is in `default` (the person's choice). A layout calls clocks(text, zone_text, line)
    as it would call a LocalClock, hands `clocks.default` to its Collector, and after the rows sets
    ParsedRows.line_zones = clocks.line_zones (the repeated lines of the other zones)."""

    def __init__(self, order: str, default: ZoneInfo, samples: Iterable[str] = ()):
        self.default = LocalClock(order, default, samples)
        self.line_zones: dict[int, ZoneInfo] = {}
        self._clocks: dict[str, LocalClock] = {"": self.default}
        self._order, self._separator = self.default.order, self.default.separator

    def clock(self, zone_text: str) -> LocalClock:
        """The clock of the zone named in a row; ValueError for a zone that is not known."""
        found = self._clocks.get(zone_text)
        if found is None:
            zone = zone_named(zone_text)
            found = self._clocks[zone_text] = LocalClock(self._order, zone)
            found.separator, found.repeated_lines = self._separator, self.default.repeated_lines
        return found

    def __call__(self, text: str, zone_text: str, line: int = 0) -> tuple[int, int] | None:
        clock = self.clock(zone_text.strip())
        repeated = len(clock.repeated_lines)
        moment = clock(text, line)
        if clock is not self.default and len(clock.repeated_lines) > repeated:
            self.line_zones[line] = clock.zone
        return moment

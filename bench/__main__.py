"""Run every benchmark (or the ones named: `python -m bench lookup statistics`) and exit non-zero if a ratio is over
its limit."""

import sys

from bench import (
    backup,
    care_record,
    chart,
    device_import,
    frozen_start,
    lifetime,
    lifetime_io,
    lookup,
    pdf_export,
    reading_storage,
    start,
    statistics,
    unlock,
)

CHECKS = (unlock, device_import, chart, pdf_export, statistics, lookup, lifetime_io, care_record, start,
          reading_storage, backup)
# Only when named (`python -m bench frozen_start`): it needs the bundle `make package` builds.
ON_REQUEST = (frozen_start, lifetime)  # lifetime: issue 20's table, running the others again


def main(names: list[str]) -> int:
    known = {check.__name__.removeprefix("bench."): check for check in CHECKS + ON_REQUEST}
    unknown = [name for name in names if name not in known]
    if unknown:
        print(f"No benchmark called {', '.join(unknown)}; there are: {', '.join(known)}", file=sys.stderr)
        return 2
    failed = 0
    for check in [known[name] for name in names] or CHECKS:
        result = check.run()
        verdict = "ok" if result.passed else "TOO SLOW"
        print(f"{result.name}: {result.measured:.3f} s vs baseline {result.baseline:.3f} s "
              f"-> ratio {result.ratio:.2f} (limit {result.limit}) {verdict}")
        for line in result.notes:
            print(f"  {line}")
        failed += not result.passed
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

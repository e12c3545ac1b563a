"""Run every benchmark and exit non-zero if a ratio is over its limit."""

import sys

from bench import chart, device_import, lookup, pdf_export, statistics, unlock

CHECKS = (unlock, device_import, chart, pdf_export, statistics, lookup)


def main() -> int:
    failed = 0
    for check in CHECKS:
        result = check.run()
        verdict = "ok" if result.passed else "TOO SLOW"
        print(f"{result.name}: {result.measured:.3f} s vs baseline {result.baseline:.3f} s "
              f"-> ratio {result.ratio:.2f} (limit {result.limit}) {verdict}")
        for line in result.notes:
            print(f"  {line}")
        failed += not result.passed
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

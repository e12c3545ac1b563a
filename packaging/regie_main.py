"""The frozen app's entry point (PyInstaller needs a script): the same `main` as the `phr` console script."""

import sys

from phr.cli.main import main

if __name__ == "__main__":
    sys.exit(main())

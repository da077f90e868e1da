"""`python -m rundun_desktop`, and the entry point of the PyInstaller bundle (build.spec)."""

import sys

from rundun_desktop.app import main

if __name__ == "__main__":
    sys.exit(main())

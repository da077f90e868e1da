"""Extract the desktop's words into every catalog (resources/i18n/rundun_<tag>.ts) with pyside6-lupdate: new
words come in untranslated (Qt Linguist or any XLIFF-minded editor fills them), vanished ones go. Run it after
changing a word in the app; tests/desktop/test_i18n.py fails until the catalogs are current and complete."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from rundun_desktop.i18n import lupdate_options, source_files


def main() -> None:
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    catalogs = sorted((ROOT / "resources" / "i18n").glob("rundun_*.ts"))
    for catalog in catalogs:
        files = [str(p) for p in source_files(ROOT)]
        subprocess.run(
            [
                str(lupdate),
                "-silent",
                *lupdate_options(catalog.stem.removeprefix("rundun_")),
                *files,
                "-ts",
                str(catalog),
            ],
            check=True,
        )
        print(catalog.relative_to(ROOT))


if __name__ == "__main__":
    main()

"""The library's texts for a translator (SPEC §12, §15): every translatable text of each library template by its
key, as `resources/library/translations/<tag>/<slug>.json` holds its translation.

    .venv/bin/python scripts/library_texts.py [slug ...]            # {slug: {key: English text}} as JSON
    .venv/bin/python scripts/library_texts.py --missing de [slug ...]  # only the keys `de` has no text for yet
    .venv/bin/python scripts/library_texts.py --check de [slug ...]    # what `de`'s files lack or get wrong
"""

from __future__ import annotations

import argparse
import json
import sys

from server.services.library import library_dir, load_library
from server.tdl.languages import template_texts, text_problem


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("slugs", nargs="*", help="library templates (default: all)")
    parser.add_argument("--missing", metavar="TAG", help="only the texts with no translation in TAG yet")
    parser.add_argument(
        "--check", metavar="TAG", help="list what TAG's files lack or get wrong; exit 1 if anything"
    )
    args = parser.parse_args()
    if args.check:
        problems = check(args.check, args.slugs)
        print("\n".join(problems) or f"{args.check}: every text of every template translated")
        return 1 if problems else 0
    out: dict[str, dict[str, str]] = {}
    for entry in load_library(translated=False):
        if args.slugs and entry.slug not in args.slugs:
            continue
        texts = {key: text.source for key, text in template_texts(entry.template).items()}
        if args.missing:
            done_path = library_dir() / "translations" / args.missing / f"{entry.slug}.json"
            done = json.loads(done_path.read_text(encoding="utf-8")) if done_path.exists() else {}
            texts = {key: source for key, source in texts.items() if not done.get(key)}
        if texts:
            out[entry.slug] = texts
    json.dump(out, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")
    return 0


def check(tag: str, slugs: list[str]) -> list[str]:
    """Each template's file for `tag`: a text for every key, no key that names nothing, each within its limits."""
    problems = []
    for entry in load_library(translated=False):
        if slugs and entry.slug not in slugs:
            continue
        path = library_dir() / "translations" / tag / f"{entry.slug}.json"
        if not path.exists():
            problems.append(f"{entry.slug}: no file {path}")
            continue
        done = json.loads(path.read_text(encoding="utf-8"))
        texts = template_texts(entry.template)
        problems += [
            f"{entry.slug}: {key}: names nothing in the template" for key in done if key not in texts
        ]
        for key, text in texts.items():
            problem = text_problem(text, done[key]) if key in done else "missing"
            if problem:
                problems.append(f"{entry.slug}: {key}: {problem}")
    return problems


if __name__ == "__main__":
    raise SystemExit(main())

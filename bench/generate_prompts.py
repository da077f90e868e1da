"""The offline generator on natural prompts: which library template each starts from, how many of the
steps expected are there (coverage), how many steps it made, and how long it took.

    .venv/bin/python bench/generate_prompts.py [--repeat 7]

Prompts and expectations: tests/server/generate/natural_prompts.py (the tests check the same). Target
(issue 18): ≤ 200 ms per prompt offline. The baseline, in the same run and the same process, is what
every generated template pays anyway: `validate_template` + `normalize_template` of the result; the ratio
column says how many of those one generation costs. The first call pays the library's loading (51
files validated once per process): reported apart as "cold".
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from server.services.generate import offline_template
from server.services.generate.offline import build_offline
from server.tdl import normalize_template, validate_template
from tests.server.generate.coverage import coverage, main_steps
from tests.server.generate.natural_prompts import PROMPTS

TARGET_MS = 200.0


def timed(fn, repeat: int) -> float:
    """Median wall time of `fn()` in ms."""
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        runs.append((time.perf_counter() - start) * 1000)
    return statistics.median(runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    start = time.perf_counter()
    offline_template("Weekly forklift safety inspection")
    cold = (time.perf_counter() - start) * 1000
    print(f"cold first call (loads and validates the library): {cold:.0f} ms\n")
    print("| # | kind | prompt | library template | expected found | missing | steps | ms | × validate |")
    print("|---|---|---|---|---|---|---|---|---|")
    times, shares, ratios = [], [], []
    for n, case in enumerate(PROMPTS, 1):
        template = offline_template(case.prompt)
        built = build_offline(case.prompt)
        share, missing = coverage(template, case.expect)
        found = len(case.expect) - len(missing)
        ms = timed(lambda prompt=case.prompt: offline_template(prompt), args.repeat)
        base = timed(lambda made=template: normalize_template(validate_template(made)), args.repeat)
        times.append(ms)
        shares.append(share)
        ratios.append(ms / base)
        prompt = case.prompt.replace("\n", " / ").replace("|", "/")
        prompt = prompt if len(prompt) <= 70 else prompt[:67] + "…"
        library = built.library.slug if built.library else "— (no match)"
        if (built.library.slug if built.library else None) != case.library:
            library += f" ≠ {case.library}"
        print(
            f"| {n} | {case.kind} | {prompt} | {library} | {found}/{len(case.expect)} ({share:.0%}) | "
            f"{', '.join(missing) or '—'} | {len(main_steps(template))} | {ms:.1f} | {ms / base:.1f} |"
        )
    slowest = max(times)
    print(
        f"\n{len(PROMPTS)} prompts: coverage {statistics.mean(shares):.0%} (all {min(shares):.0%}+), "
        f"median {statistics.median(times):.1f} ms, slowest {slowest:.1f} ms "
        f"({'meets' if slowest <= TARGET_MS else 'misses'} the {TARGET_MS:.0f} ms target), "
        f"median {statistics.median(ratios):.1f}× a validate+normalize of the result"
    )


if __name__ == "__main__":
    main()

"""What a request body's pieces cost to make, with glibc's malloc as it comes and as the server tunes it
(`server.allocator.keep_freed_pages`, issue 16).

    .venv/bin/python bench/body_pieces.py [--mb 100] [--rounds 5]

Each side runs in a process of its own (the tuning is process-wide): `--mb` MB made as 256 KiB `bytes`, each
copied once more and freed, as uvicorn's parser and the tus path do with a body. Prints each side's median
and the ratio, measured in the same run.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PIECE = 256 * 1024


def make_pieces(mb: int) -> float:
    """Seconds to make `mb` MB of pieces, each copied once and freed as the next arrives."""
    source = bytearray(os.urandom(PIECE))
    started = time.perf_counter()
    for _ in range(mb * (1 << 20) // PIECE):
        piece = bytes(source)  # the parser's `bytes` of what the socket gave
        kept = piece[1:] + b"."  # a copy, as a write buffer or a join makes
        del piece, kept
    return time.perf_counter() - started


def child(tuned: bool, mb: int, rounds: int) -> None:
    if tuned:
        sys.path.insert(0, str(ROOT))
        from server.allocator import keep_freed_pages

        assert keep_freed_pages(), "mallopt is not available here"
    print(" ".join(f"{make_pieces(mb):.5f}" for _ in range(rounds)))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mb", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--child", choices=["plain", "tuned"])
    args = parser.parse_args()
    if args.child:
        return child(args.child == "tuned", args.mb, args.rounds)
    results: dict[str, list[float]] = {"plain": [], "tuned": []}
    for _ in range(args.rounds):  # interleaved: a burst of load on the machine hits both
        for side, times in results.items():
            out = subprocess.run(
                [sys.executable, __file__, "--child", side, "--mb", str(args.mb), "--rounds", "1"],
                check=True,
                capture_output=True,
                text=True,
            ).stdout
            times.append(float(out))
    plain, tuned = (statistics.median(results[side]) for side in ("plain", "tuned"))
    print(f"{args.mb} MB of 256 KiB body pieces, each copied once; medians of {args.rounds} rounds")
    print(f"  malloc as it comes      {plain * 1000:7.1f} ms")
    print(f"  keep_freed_pages()       {tuned * 1000:7.1f} ms   ratio {tuned / plain:.2f}")


if __name__ == "__main__":
    main()

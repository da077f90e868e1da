"""Seed a data dir as a fleet company after a year of Rundun: ~300 templates (a few with dozens of versions),
~30,000 runs spread over 365 days (pending, in progress, completed, cancelled, expired; answers, a few
photos, hundreds of executors), 20 API keys and webhooks whose deliveries failed.

Everything goes through the public API of the real server (the embedded one, in this process), never SQL.
To spread the runs over a year the server's clock is moved: `time.time` and `server.clock`'s datetime
helpers read a settable offset (bench code only; the server's own code is unchanged).

    .venv/bin/python bench/fleet_seed.py DATA_DIR [RUNS] [TEMPLATES]

Prints the API key of the seeded org (also written to DATA_DIR/../fleet-key.txt). About 30 minutes for the
defaults on the shared 2-core machine (a data dir in /dev/shm spares the fsyncs). What the moved clock does
not reach: the plan's usage counts every run in the real month (`current_month` reads the system clock), and
the hourly pruning never runs during the seeding (events older than 90 days are pruned at the next start).
"""

from __future__ import annotations

import time
from datetime import UTC, datetime

_real_time = time.time
_offset = [0.0]


def _fake_time() -> float:
    return _real_time() + _offset[0]


time.time = _fake_time  # before the server's modules read it

from server import clock


def _utcnow() -> datetime:
    return datetime.fromtimestamp(int(_fake_time()), UTC)


def _now_stamp() -> str:
    return datetime.fromtimestamp(_fake_time(), UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


clock.utcnow = _utcnow  # type: ignore[assignment]
clock.now_stamp = _now_stamp  # type: ignore[assignment]

import asyncio
import base64
import json
import random
import sys
import uuid
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from rundun_desktop.embedded import EmbeddedServer, bootstrap

PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)
DAY = 86400
HOOK_DAYS = 20  # runs of the last days name a webhook receiver that is down
SLOT = 8  # runs dispatched in the same second
UNREACHABLE_HOOK = "http://127.0.0.1:9/fleet-hook"  # refused: every delivery fails and is retried


def set_clock(epoch: float) -> None:
    _offset[0] = epoch - _real_time()


def stamp(epoch: float) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(epoch))


def library_bodies() -> list[dict]:
    bodies = []
    for path in sorted((ROOT / "resources" / "library").glob("*.json")):
        body = json.loads(path.read_text())
        body.setdefault("execution", {})["identity_required"] = "none"
        body["execution"]["scope"] = "any"
        bodies.append(body)
    return bodies


def problem_values(steps: list[dict]) -> dict:
    """step id -> the answer that asks for details (a follow-up step shown when the step equals it)."""
    found = {}
    for step in steps:
        when = (step.get("condition") or {}).get("when") or {}
        if when.get("op") == "eq" and "step" in when:
            found[when["step"]] = when.get("value")
    return found


def value_for(step: dict, rng: random.Random, problem=None):
    kind, config = step["type"], step.get("config") or {}
    if kind == "text":
        return rng.choice(["OK", "Scratch on the rear bumper", "All fine", "Needs cleaning"])
    if kind == "choice":
        options = [o["id"] for o in config["options"]]
        fine = [o for o in options if o != problem] if rng.random() < 0.95 else options
        return rng.choice(fine or options)
    if kind == "multi_choice":
        return [rng.choice(config["options"])["id"]]
    if kind == "number":
        low, high = config.get("min"), config.get("max")
        low = 0 if low is None else low
        high = low + 1000 if high is None else high
        return rng.randint(int(low), int(high)) if int(high) > int(low) else low
    if kind == "boolean":
        good = rng.random() < 0.85 if problem is None else not problem
        return good if rng.random() < 0.95 else not good
    if kind == "rating":
        return rng.randint(1, int(config.get("max") or 5))
    if kind == "date":
        return f"2026-03-{rng.randint(1, 28):02d}"
    if kind == "time":
        return f"{rng.randint(6, 20):02d}:{rng.choice([0, 15, 30, 45]):02d}"
    return None  # photo steps: bytes, sent apart


class Fleet:
    def __init__(self, url: str, key: str, runs: int, templates: int, seed: int = 11):
        self.url, self.runs, self.template_count = url, runs, templates
        self.api = httpx.AsyncClient(base_url=url, headers={"Authorization": f"Bearer {key}"}, timeout=60)
        self.anon = httpx.AsyncClient(base_url=url, timeout=60)
        self.rng = random.Random(seed)
        self.templates: list[dict] = []  # {"id", "body"}
        self.weights: list[float] = []
        self.counts = {
            "completed": 0,
            "in_progress": 0,
            "pending": 0,
            "cancelled": 0,
            "photos": 0,
            "hooks": 0,
        }

    async def make_templates(self, start: float) -> None:
        set_clock(start)
        bodies = library_bodies()
        depots = ["North", "South", "East", "West", "Airport", "Harbour"]
        for i in range(self.template_count):
            body = json.loads(json.dumps(bodies[i % len(bodies)]))
            body["name"] = (
                f"{body['name']} – {depots[(i // len(bodies)) % len(depots)]} {i // (6 * len(bodies)) or ''}".strip()
            )
            r = await self.api.post("/v1/templates", json=body)
            r.raise_for_status()
            self.templates.append({"id": r.json()["id"], "body": r.json()})
        # a few templates carry most runs (Zipf-like)
        self.weights = [1 / (rank + 1) ** 0.9 for rank in range(len(self.templates))]

    async def new_version(self, template: dict, n: int) -> None:
        description = f"Revision {n}: wording reviewed by the fleet manager."
        r = await self.api.patch(f"/v1/templates/{template['id']}", json={"description": description})
        r.raise_for_status()
        template["body"] = r.json()

    async def key_and_hooks(self) -> None:
        for i in range(20):
            r = await self.api.post("/v1/api-keys", json={"name": f"Depot integration {i + 1}"})
            r.raise_for_status()

    async def dispatch(self, template: dict, executor: str) -> dict:
        when = _fake_time()
        body: dict = {"template_id": template["id"], "executor_ref": executor}
        if when > _real_time() - HOOK_DAYS * DAY and self.rng.random() < 0.2:
            body["webhook"] = {"url": UNREACHABLE_HOOK}
            self.counts["hooks"] += 1
        r = await self.api.post("/v1/runs", json=body)
        r.raise_for_status()
        return {"id": r.json()["run_id"], "template": template["body"], "at": when, "executor": executor}

    async def open(self, run: dict) -> None:
        """The morning: most runs are opened (some never are, a few are revoked)."""
        rng = run["rng"] = random.Random(run["id"])
        run["fate"] = fate = rng.random()
        if fate < 0.12:  # never opened: pending, later expired
            self.counts["pending"] += 1
            return
        if fate < 0.15:
            r = await self.api.post(f"/v1/runs/{run['id']}/cancel")
            self.counts["cancelled"] += r.status_code == 200
            return
        body = {"name": run["executor"], "email": "d@fleet.example"}
        r = await self.anon.post(f"/v1/runs/{run['id']}/open", json=body)
        if r.status_code == 200:
            run["token"], run["opened"] = r.json()["executor_token"], _fake_time()

    async def finish(self, run: dict) -> None:
        """The evening: answers synced, most runs completed (answers timed since the opening)."""
        if "token" not in run:
            return
        rng, fate = run["rng"], run["fate"]
        ex = {"Authorization": f"Bearer {run['token']}"}
        steps = [s for section in run["template"]["sections"] for s in section["steps"]]
        problems = problem_values(steps)
        at = run["opened"] + rng.randint(60, 3600)
        ops = []
        for n, step in enumerate(steps):
            value = value_for(step, rng, problems.get(step["id"]))
            if value is not None:
                ops.append(
                    {
                        "op_id": str(uuid.uuid4()),
                        "step_id": step["id"],
                        "value": value,
                        "at": stamp(at + 20 * n),
                    }
                )
        if fate < 0.25:
            ops = ops[: len(ops) // 2]  # left half-done
        await self.anon.post(f"/v1/runs/{run['id']}/sync", json={"ops": ops}, headers=ex)
        if fate < 0.25:
            self.counts["in_progress"] += 1
            return
        if (run["template"].get("settings") or {}).get("signature_on_complete"):
            await self.anon.put(
                f"/v1/runs/{run['id']}/signature", content=PNG, headers={**ex, "Content-Type": "image/png"}
            )
        done = {"at": stamp(min(at + 20 * len(steps) + 60, _fake_time()))}
        r = await self.anon.post(f"/v1/runs/{run['id']}/complete", json=done, headers=ex)
        if r.status_code == 422 and rng.random() < 0.8:  # photos asked for: taken, then completed
            for detail in r.json().get("details", []):
                step_id = detail["path"].removeprefix("answers.")
                if "photo" in detail["message"]:
                    for index in range(2 if "2 photos" in detail["message"] else 1):
                        r = await self.anon.put(
                            f"/v1/runs/{run['id']}/answers/{step_id}/photos/{index}",
                            content=PNG,
                            headers={**ex, "Content-Type": "image/png"},
                        )
                        self.counts["photos"] += r.status_code == 200
            r = await self.anon.post(f"/v1/runs/{run['id']}/complete", json=done, headers=ex)
        self.counts["completed" if r.status_code == 200 else "in_progress"] += 1

    async def year(self) -> None:
        end = _real_time() - 3600
        start = end - 365 * DAY
        await self.make_templates(start - DAY)
        await self.key_and_hooks()
        executors = [f"driver-{n:04d}" for n in range(600)] + [f"van-{n:04d}" for n in range(200)]
        per_day = self.runs / 365
        versioned = self.templates[:8]  # the busiest templates change every fortnight or so
        sem = asyncio.Semaphore(16)

        async def worked(step, run: dict) -> None:
            async with sem:
                await step(run)

        made, began = 0, _real_time()
        for day in range(365):
            day_start = start + day * DAY
            if day % 12 == 5:
                set_clock(day_start + 6 * 3600)
                for template in versioned:
                    await self.new_version(template, day // 12)
            target = round(per_day * (day + 1)) - made
            batch = []
            for slot in range(0, target, SLOT):  # a slot's runs go out together, in one second of its clock
                when = day_start + 7 * 3600 + slot * (11 * 3600 / max(target, 1)) + self.rng.randint(0, 59)
                picks = [
                    (self.rng.choices(self.templates, self.weights)[0], self.rng.choice(executors))
                    for _ in range(min(SLOT, target - slot))
                ]
                set_clock(when)
                batch += await asyncio.gather(*(self.dispatch(template, who) for template, who in picks))
            made += target
            set_clock(day_start + 17 * 3600)  # opened in the afternoon, finished in the evening
            await asyncio.gather(*(worked(self.open, run) for run in batch))
            set_clock(day_start + 19 * 3600)
            await asyncio.gather(*(worked(self.finish, run) for run in batch))
            if day % 30 == 29:
                print(
                    f"day {day + 1} after {_real_time() - began:.0f} s: {made} runs, {self.counts}",
                    file=sys.stderr,
                    flush=True,
                )
        set_clock(_real_time())


async def seed(data_dir: Path, runs: int, templates: int) -> str:
    key = bootstrap(data_dir, "Fleet Co").api_key
    assert key, "the data dir was seeded already"
    server = EmbeddedServer(data_dir, rate_limit=10_000_000)
    server.start()
    try:
        (data_dir.parent / "fleet-key.txt").write_text(key)
        print(f"serving {server.url} with key {key} while seeding", file=sys.stderr, flush=True)
        fleet = Fleet(server.url, key, runs, templates)
        started = _real_time()
        await fleet.year()
        print(
            f"seeded {runs} runs, {templates} templates in {_real_time() - started:.0f} s: {fleet.counts}",
            file=sys.stderr,
        )
    finally:
        server.stop()
    return key


if __name__ == "__main__":
    target = Path(sys.argv[1])
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 30_000
    template_count = int(sys.argv[3]) if len(sys.argv) > 3 else 300
    target.mkdir(parents=True, exist_ok=True)
    api_key = asyncio.run(seed(target, count, template_count))
    (target.parent / "fleet-key.txt").write_text(api_key)
    print(api_key)

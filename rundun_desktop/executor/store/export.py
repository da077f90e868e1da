"""Export: a run as `run.json` (snapshot, answers, photo list, unsent changes) with its photo files."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from rundun_desktop.executor.store.base import not_here_words
from rundun_desktop.executor.store.rows import StoreError, now_iso
from rundun_desktop.executor.store.runs import RunRows


class Exporter(RunRows):
    def export(self, run_id: str, folder: Path) -> Path:
        """Write `run.json` (snapshot, answers, photo list, unsent changes) and the photo files into `folder`."""
        run = self.run(run_id)
        if run is None:
            raise StoreError(not_here_words())
        folder = Path(folder)
        (folder / "photos").mkdir(parents=True, exist_ok=True)
        answers = self.answers(run_id)
        for entry in answers.values():
            for photo in entry["photos"]:
                if photo["path"]:
                    name = f"{photo['step_id']}-{photo['photo_index']}{Path(photo['path']).suffix}"
                    shutil.copyfile(photo["path"], folder / "photos" / name)
                    photo["file"] = f"photos/{name}"
                photo.pop("path", None)
        doc = {
            "run_id": run_id,
            "server": run["base_url"],
            "template": run["snapshot"],
            "status": {
                "local": run["local_state"],
                "server": run["server_status"],
                "refusal": run["refusal"],
            },
            "opened_at": run["opened_at"],
            "exported_at": now_iso(),
            "answers": answers,
            "unsent": [
                {"kind": op.kind, "body": op.body, "state": op.state, "error": op.error}
                for op in self.ops(run_id)
            ],
        }
        # Written last and whole (a temporary file renamed over it): a `run.json` in the folder is always a
        # complete export, never one cut short by a full disk or a quit, nor one another program reads half-written.
        path = folder / "run.json"
        partial = folder / "run.json.partial"
        try:
            partial.write_text(json.dumps(doc, indent=2, ensure_ascii=False), encoding="utf-8")
            os.replace(partial, path)
        finally:
            partial.unlink(missing_ok=True)
        return path


def export_failure_words(exc: Exception) -> str:
    """Why an export failed, in words: for a file error its system reason and the file ("Permission denied:
    /media/usb/…"), not Python's "[Errno 13] …"."""
    if isinstance(exc, OSError) and exc.strerror:
        return f"{exc.strerror}: {exc.filename}" if exc.filename else exc.strerror
    return str(exc)

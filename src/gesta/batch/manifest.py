"""The manifest of finished partitions (``DIR/manifest.jsonl``) and the run plan (``DIR/plan.json``).

Only the driver writes the manifest: one JSON line per finished partition, appended and
fsynced after the partition's files were renamed into place. A torn last line (a crash while
appending) is ignored, so that partition is simply redone.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
from dataclasses import asdict
from pathlib import Path
from typing import Any

from gesta.batch.worker import PartitionResult
from gesta.errors import UsageError

log = logging.getLogger(__name__)


class Manifest:
    """Which partitions of an output directory are finished."""

    def __init__(self, out_dir: Path) -> None:
        self.out_dir = out_dir
        self.path = out_dir / "manifest.jsonl"
        self.entries: dict[str, dict[str, Any]] = self._read()

    def _read(self) -> dict[str, dict[str, Any]]:
        entries: dict[str, dict[str, Any]] = {}
        if not self.path.is_file():
            return entries
        for line in self.path.read_text(encoding="utf-8").splitlines():
            try:
                entry = json.loads(line)
                entries[str(entry["partition"])] = entry
            except (json.JSONDecodeError, KeyError, TypeError):
                log.warning("%s: ignoring a torn or bad line", self.path)
        return entries

    def finished(self, partition_id: str) -> bool:
        """Recorded and its events file is there."""
        done = (self.out_dir / "events" / f"part-{partition_id}.parquet").is_file()
        return partition_id in self.entries and done

    def record(self, result: PartitionResult) -> None:
        entry = {**asdict(result), "finished": dt.datetime.now(dt.UTC).isoformat()}
        torn = _ends_torn(self.path)
        with self.path.open("a", encoding="utf-8") as handle:
            handle.write(("\n" if torn else "") + json.dumps(entry) + "\n")
            handle.flush()
            os.fsync(handle.fileno())
        self.entries[result.partition] = entry


def _ends_torn(path: Path) -> bool:
    """True when the file's last line has no newline (a crash while appending)."""
    if not path.is_file() or path.stat().st_size == 0:
        return False
    with path.open("rb") as handle:
        handle.seek(-1, os.SEEK_END)
        return handle.read(1) != b"\n"


def check_plan(out_dir: Path, partition_size: int, inputs: list[str]) -> None:
    """Write ``plan.json`` on the first run; refuse a resume with another partition size."""
    path = out_dir / "plan.json"
    if path.is_file():
        plan = json.loads(path.read_text(encoding="utf-8"))
        if plan.get("partition_size") != partition_size:
            raise UsageError(
                f"{out_dir} was written with --partition-size {plan.get('partition_size')}; "
                "use the same size to resume, or another --out"
            )
        return
    out_dir.mkdir(parents=True, exist_ok=True)
    plan = {"partition_size": partition_size, "inputs": [str(Path(i).resolve()) for i in inputs]}
    path.write_text(json.dumps(plan, indent=2) + "\n", encoding="utf-8")


def remove_temporaries(out_dir: Path) -> int:
    """Delete temporary files left by killed attempts (call when no task is running)."""
    removed = 0
    for sub in ("events", "articles", "rejects"):
        for tmp in (out_dir / sub).glob(".part-*.tmp"):
            tmp.unlink(missing_ok=True)
            removed += 1
    return removed

"""Readers keep reading while builds publish: no errors, every answer from one whole build."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

from support import (
    FIXTURE_PAGES,
    SOURCE_PAGES,
    run_build,
    run_cli,
    served_file,
)

READER = Path(__file__).parent / "fixtures" / "reader_process.py"


def start_reader(warehouse: Path, mode: str, out: Path, stop: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, str(READER), str(warehouse), mode, str(out), str(stop)]
    )


def answers(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text().splitlines()]


def test_readers_during_two_builds_see_no_error_and_whole_builds(tmp_path, published_build):
    project = published_build.copy(tmp_path / "project")  # build 1, 3 roles: the committed seeds
    served = served_file(project)

    stop = tmp_path / "stop"
    logs = {mode: tmp_path / f"{mode}.jsonl" for mode in ("hold", "reconnect")}
    readers = [start_reader(served, mode, log, stop) for mode, log in logs.items()]
    try:
        time.sleep(1.0)
        # Build 2: the invented pages only (4 roles). Build 3: those and the source pages.
        ingest = run_cli(
            "ingest", "--replace", str(FIXTURE_PAGES), "--seeds", str(project / "seeds")
        )
        assert ingest.returncode == 0, ingest.stderr
        second = run_build(project)
        assert second.returncode == 0, second.stderr + second.stdout[-2000:]
        time.sleep(0.5)
        pages = [str(FIXTURE_PAGES)]
        if SOURCE_PAGES.is_dir():
            pages.append(str(SOURCE_PAGES))
        ingest = run_cli("ingest", *pages, "--seeds", str(project / "seeds"))
        assert ingest.returncode == 0, ingest.stderr
        third = run_build(project)
        assert third.returncode == 0, third.stderr + third.stdout[-2000:]
        time.sleep(1.0)
    finally:
        stop.touch()
        for reader in readers:
            reader.wait(timeout=30)

    expected_last = 7 if SOURCE_PAGES.is_dir() else 4
    for mode, log in logs.items():
        seen = answers(log)
        assert len(seen) > 20, mode
        errors = [a for a in seen if "error" in a]
        print(f"reader {mode}: {len(seen)} answers, {len(errors)} errors")
        assert errors == [], (mode, errors[:3])
        for answer in seen:
            n = answer["roles"]
            assert answer["pairs"] == n * (n - 1) // 2, (mode, answer)
            assert answer["comparisons"] == n * (n - 1), (mode, answer)
    held = {a["roles"] for a in answers(logs["hold"])}
    assert held == {3}, "a connection opened before the builds keeps its view of build 1"
    sequence = [a["roles"] for a in answers(logs["reconnect"])]
    builds_seen = [n for i, n in enumerate(sequence) if i == 0 or n != sequence[i - 1]]
    assert builds_seen == [3, 4, expected_last], builds_seen
    assert sorted(p.name for p in served.parent.iterdir() if p.name.startswith(".building")) == []

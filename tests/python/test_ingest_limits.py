"""Limits checked at ingest: runaway names and lines are refused at once, in linear time."""

from __future__ import annotations

import subprocess
import sys

from page_edits import (
    PIPE_REAL,
    RUN_TOGETHER_REAL,
    assert_refused,
    edited,
    line_of,
    renamed,
    snapshot,
)
from support import REPO, run_cli


def test_role_name_of_3000_characters_is_refused_at_ingest_not_by_site(tmp_path):
    long_name = "Customer Service Specialist " + "x" * 2972
    page = tmp_path / "long-name.txt"
    page.write_text(edited(PIPE_REAL, "Customer Service Specialist |", f"{long_name} |", 4))
    result = run_cli("ingest", str(page), "--seeds", str(tmp_path / "seeds"))
    message = assert_refused(
        result, page, line_of(PIPE_REAL, "| Lead Customer"), "role-name-length"
    )
    assert "3,000 characters" in message and "at most 120" in message
    assert len(message) < 300
    assert not (tmp_path / "seeds").exists()


def test_role_name_of_120_characters_is_accepted(tmp_path):
    name = "Customer Service Specialist " + "y" * 92
    assert len(name) == 120
    page = tmp_path / "name-120.txt"
    page.write_text(renamed(PIPE_REAL, "Customer Service Specialist", name))
    result = run_cli("ingest", str(page), "--seeds", str(tmp_path / "seeds"))
    assert result.returncode == 0, result.stderr


def test_line_over_10000_characters_is_refused_naming_the_line(tmp_path, loaded):
    seeds, before = loaded
    page = tmp_path / "long-line.txt"
    page.write_text(edited(RUN_TOGETHER_REAL, "Post job", "Post job " + "ab" * 20_000))
    result = run_cli("ingest", str(page), "--seeds", str(seeds), "--append")
    message = assert_refused(result, page, 1, "line-length")
    assert "40,009 characters" in message and "at most 10,000" in message
    assert snapshot(seeds) == before


def test_run_together_row_over_1000_characters_is_refused(tmp_path):
    page = tmp_path / "long-row.txt"
    page.write_text(
        edited(RUN_TOGETHER_REAL, "Best paying companyKLAIBM", "Best paying company" + "KL" * 600)
    )
    result = run_cli("ingest", str(page), "--seeds", str(tmp_path / "seeds"))
    assert_refused(
        result, page, line_of(RUN_TOGETHER_REAL, "Best paying company"), "table-row-length"
    )


def test_50_mb_single_line_file_is_refused_within_seconds(tmp_path):
    page = tmp_path / "one-line.txt"
    with page.open("w") as handle:
        handle.write("Customer Service ManagerLead Customer Service Representative" * 850_000)
    # A bound on the child process, not a timing assertion: the old header split never ended.
    result = subprocess.run(
        [sys.executable, "-m", "jobcompare.cli", "ingest", str(page), "--seeds", str(tmp_path)],
        cwd=REPO, capture_output=True, text=True, check=False, timeout=30,
    )  # fmt: skip
    assert_refused(result, page, 1, "line-length")

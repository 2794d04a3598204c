"""A page saved incompletely: the cut last paragraph is left out with a warning, tables kept."""

from __future__ import annotations

import csv

import pytest
from page_edits import RUN_TOGETHER_REAL, line_of
from support import SPECIALIST_PAGE, run_cli

ROLE_2_DESCRIPTION = "A lead customer service representative is responsible for managing"


def _cut_after(fragment: str) -> str:
    """The real run-together page, saved only up to the end of ``fragment``."""
    return RUN_TOGETHER_REAL[: RUN_TOGETHER_REAL.index(fragment) + len(fragment)]


def _rows(seeds, table: str) -> list[dict[str, str]]:
    with (seeds / f"{table}.csv").open(newline="", encoding="utf-8") as handle:
        return [row for row in csv.DictReader(handle) if row["page_id"] == "cut"]


CUTS = {
    # name: (the page's last text, the seed table it would have landed in)
    "mid-sentence": (
        ROLE_2_DESCRIPTION + " a group of customer service staff to assist in",
        "raw_descriptions",
    ),
    "mid-heading": ("What does a lead customer service representative d", "raw_descriptions"),
    "mid-bullet": (
        "  • Create PowerPoint presentations and present them to other customer",
        "raw_responsibilities",
    ),
    "mid-skill": ("  • Cash Handl", "raw_skills"),
    "heading-only": ("Common lead customer service representative skills", "raw_skills"),
}


@pytest.mark.parametrize("case", sorted(CUTS))
def test_cut_last_paragraph_is_left_out_with_a_warning_and_tables_kept(tmp_path, case):
    last_text, table = CUTS[case]
    page = tmp_path / "cut.txt"
    page.write_text(_cut_after(last_text))
    seeds = tmp_path / "seeds"
    result = run_cli("ingest", str(page), str(SPECIALIST_PAGE), "--seeds", str(seeds))
    assert result.returncode == 0, result.stderr
    last_line = line_of(RUN_TOGETHER_REAL, last_text.strip())
    if case != "heading-only":  # a heading alone stores nothing: no warning needed
        warning = result.stderr.strip()
        assert warning.startswith(f"warning: {page}:{last_line}: the page stops mid-way")
        assert warning.endswith("[rule: page-complete]")
    assert all(row["line_number"] != str(last_line) for row in _rows(seeds, table))
    overview = _rows(seeds, "raw_overview")
    assert len(overview) == 16  # the complete overview table above the cut is kept
    descriptions = _rows(seeds, "raw_descriptions")
    assert [r["role_position"] for r in descriptions][:1] == ["1"]

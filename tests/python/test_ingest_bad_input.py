"""Bad pages: one clear line naming the file, the line and the rule; exit 2; seeds untouched."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from support import FIXTURE_PAGES, run_cli

PIPE_PAGE = (FIXTURE_PAGES / "bakery-manager-vs-line-cook.txt").read_text()
RUN_TOGETHER_PAGE = (FIXTURE_PAGES / "pastry-chef-vs-bakery-manager.txt").read_text()


def _replace(text: str, old: str, new: str) -> str:
    assert old in text, old
    return text.replace(old, new, 1)


# name: (page bytes, line named in the error or None, rule)
BAD_PAGES: dict[str, tuple[bytes, int | None, str]] = {
    "empty": (b"", None, "page-not-empty"),
    "blank": (b"\n  \n\n", None, "page-not-empty"),
    "no-title": (
        b"Explore jobs\nSome text about cooking.\nMore text without any table.\n",
        None,
        "comparison-title",
    ),
    "pipe-missing-cell": (
        _replace(
            PIPE_PAGE, "| Hourly rate | $25.05 | $14.91 |", "| Hourly rate | $25.05 |"
        ).encode(),
        7,
        "three-cells-per-row",
    ),
    "pipe-extra-cell": (
        _replace(PIPE_PAGE, "| Growth rate | 3% | 0% |", "| Growth rate | 3% | 0% | 5% |").encode(),
        8,
        "three-cells-per-row",
    ),
    "run-together-missing-cell": (
        _replace(RUN_TOGETHER_PAGE, "Hourly rate$18.49$25.05", "Hourly rate$18.49").encode(),
        13,
        "two-values-per-row",
    ),
    "run-together-extra-cell": (
        _replace(RUN_TOGETHER_PAGE, "Growth rate12%3%", "Growth rate12%3%7%").encode(),
        14,
        "two-values-per-row",
    ),
    "percent-over-100": (
        _replace(
            PIPE_PAGE, "| LGBT Percentage | 6% | 11% |", "| LGBT Percentage | 6% | 140% |"
        ).encode(),
        34,
        "percent-at-most-100",
    ),
    "degree-share-over-100": (
        _replace(PIPE_PAGE, "Bachelor's Degree, 38% |", "Bachelor's Degree, 138% |").encode(),
        11,
        "share-at-most-100",
    ),
    "skill-share-over-100": (
        _replace(RUN_TOGETHER_PAGE, "Lamination, 20%", "Lamination, 120%").encode(),
        72,
        "share-at-most-100",
    ),
    "html": (
        b"<!DOCTYPE html>\n<html><body><h1>Pastry chef vs bakery manager</h1></body></html>\n",
        1,
        "plain-text-page",
    ),
    "not-utf-8": (
        b"Post job\n\nPastry chef vs bakery manager\nCaf\xe9 \xff\xfe\n",
        4,
        "utf-8",
    ),
    "implausible-run-together": (
        _replace(RUN_TOGETHER_PAGE, "Average age3139\nYears", "Average age9999\nYears").encode(),
        18,
        "two-values-per-row",
    ),
    "unknown-row-label": (
        _replace(PIPE_PAGE, "| Hourly rate |", "| Hourly wage |").encode(),
        7,
        "known-row-label",
    ),
    "money-format": (
        _replace(PIPE_PAGE, "| $25.05 | $14.91 |", "| $25.05 | $1x.91 |").encode(),
        7,
        "money-format",
    ),
    "header-not-title": (
        _replace(
            RUN_TOGETHER_PAGE, "Pastry chef vs bakery manager\n", "Pastry chef vs baker\n"
        ).encode(),
        None,
        "has-tables",
    ),
}


@pytest.fixture
def loaded_seeds(tmp_path: Path) -> tuple[Path, dict[str, bytes]]:
    seeds = tmp_path / "seeds"
    result = run_cli("ingest", str(FIXTURE_PAGES), "--seeds", str(seeds))
    assert result.returncode == 0, result.stderr
    return seeds, {p.name: p.read_bytes() for p in sorted(seeds.iterdir())}


@pytest.mark.parametrize("case", sorted(BAD_PAGES))
def test_bad_page_is_refused_with_file_line_and_rule(case, tmp_path, loaded_seeds):
    content, line, rule = BAD_PAGES[case]
    seeds, before = loaded_seeds
    page = tmp_path / f"{case}.txt"
    page.write_bytes(content)
    # Alone, and appended to seeds already loaded: both must leave the seeds as they were.
    for extra in ([], ["--append"]):
        result = run_cli("ingest", str(page), "--seeds", str(seeds), *extra)
        assert result.returncode == 2
        assert result.stdout == ""
        message = result.stderr.strip()
        assert "\n" not in message, message
        where = f"{page}:{line}: " if line else f"{page}: "
        assert message.startswith(f"error: {where}"), message
        assert message.endswith(f"[rule: {rule}]"), message
        assert "Traceback" not in result.stderr
        assert {p.name: p.read_bytes() for p in sorted(seeds.iterdir())} == before


def test_header_naming_other_roles_than_the_title_is_refused(tmp_path):
    page = tmp_path / "swapped.txt"
    page.write_text(
        _replace(
            PIPE_PAGE,
            "| Bakery Manager | Line Cook | |\n| Average salary",
            "| Line Cook | Bakery Manager | |\n| Average salary",
        )
    )
    result = run_cli("ingest", str(page), "--seeds", str(tmp_path / "seeds"))
    assert result.returncode == 2
    assert result.stderr.startswith(
        f"error: {page}:17: the table compares 'Line Cook' and 'Bakery Manager'"
    )
    assert result.stderr.strip().endswith("[rule: header-matches-title]")


def test_ambiguous_error_names_the_candidates(tmp_path):
    page = tmp_path / "pastry-chef-vs-bakery-manager.txt"
    page.write_text(RUN_TOGETHER_PAGE)
    result = run_cli("ingest", str(page), "--seeds", str(tmp_path / "seeds"))
    assert result.returncode == 2
    assert re.search(
        r":19: Years of experience reads 2 ways \('1' \| '23'; '12' \| '3'\)", result.stderr
    )
    assert result.stderr.strip().endswith("[rule: one-reading-per-row]")
    assert not (tmp_path / "seeds").exists()


def test_missing_page_file_is_a_clear_error(tmp_path):
    result = run_cli("ingest", str(tmp_path / "nope.txt"), "--seeds", str(tmp_path / "seeds"))
    assert result.returncode == 2
    assert "nope.txt: no such file or folder [rule: pages-given]" in result.stderr

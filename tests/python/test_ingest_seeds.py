"""The committed seeds are exactly what ingestion writes; appending adds, never overwrites."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

from support import FIXTURE_PAGES, REPO, run_cli

from jobcompare.ingest.seeds import SEED_COLUMNS


def test_committed_seeds_are_what_ingest_writes_from_the_source_pages(source_pages, tmp_path):
    result = run_cli("ingest", str(source_pages), "--seeds", str(tmp_path))
    assert result.returncode == 0, result.stderr
    for name in SEED_COLUMNS:
        committed = REPO / "seeds" / f"{name}.csv"
        assert (tmp_path / f"{name}.csv").read_bytes() == committed.read_bytes(), name
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(f"{n}.csv" for n in SEED_COLUMNS)


def read(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_every_fact_keeps_its_page_and_line(source_pages):
    overview = read(REPO / "seeds" / "raw_overview.csv")
    by_key = {(r["page_id"], r["role_name"], r["fact_label"]): r for r in overview}
    manager_page = "customer-service-manager-vs-lead-customer-service-representative"
    row = by_key[(manager_page, "Lead Customer Service Representative", "Average age")]
    assert (row["fact_value"], row["line_number"], row["role_position"]) == ("40", "18", "2")
    row = by_key[(manager_page, "Customer Service Manager", "Years of experience")]
    assert (row["fact_value"], row["line_number"]) == ("6", "19")
    salary = read(REPO / "seeds" / "raw_salary.csv")
    (company,) = [
        r
        for r in salary
        if r["page_id"] == manager_page and r["fact_label"] == "Best paying company"
        and r["role_position"] == "1"
    ]  # fmt: skip
    assert company["fact_value"] == "KLA"
    assert company["reading"].startswith("matches_page:lead-customer-service-representative")
    for name in SEED_COLUMNS:
        for row in read(REPO / "seeds" / f"{name}.csv"):
            assert row["page_id"] and (row.get("line_number") or row.get("header_line")), name


def test_append_adds_a_page_about_a_known_role_without_touching_old_rows(tmp_path):
    seeds = tmp_path / "seeds"
    chef_page = FIXTURE_PAGES / "pastry-chef-vs-bakery-manager.txt"
    cook_page = FIXTURE_PAGES / "bakery-manager-vs-line-cook.txt"
    # The pipe page first; the run-together page is settled by the rows already loaded.
    assert run_cli("ingest", str(cook_page), "--seeds", str(seeds)).returncode == 0
    before = {name: read(seeds / f"{name}.csv") for name in SEED_COLUMNS}
    result = run_cli("ingest", str(chef_page), "--seeds", str(seeds), "--append")
    assert result.returncode == 0, result.stderr
    assert "ingested 2 pages, 3 roles" in result.stdout
    for name in SEED_COLUMNS:
        after = read(seeds / f"{name}.csv")
        old = [r for r in after if r["page_id"] == "bakery-manager-vs-line-cook"]
        assert old == before[name], name
    overview = read(seeds / "raw_overview.csv")
    manager_rows = [r for r in overview if r["role_name"] == "Bakery Manager"]
    assert {r["page_id"] for r in manager_rows} == {
        "bakery-manager-vs-line-cook",
        "pastry-chef-vs-bakery-manager",
    }
    (experience,) = [
        r
        for r in overview
        if r["page_id"] == "pastry-chef-vs-bakery-manager"
        and r["role_name"] == "Pastry Chef" and r["fact_label"] == "Years of experience"
    ]  # fmt: skip
    assert experience["fact_value"] == "12"
    assert experience["reading"] == "matches_page:bakery-manager-vs-line-cook"


def test_append_refuses_a_page_already_loaded(tmp_path):
    seeds = tmp_path / "seeds"
    assert run_cli("ingest", str(FIXTURE_PAGES), "--seeds", str(seeds)).returncode == 0
    before = {p.name: p.read_bytes() for p in seeds.iterdir()}
    again = tmp_path / "copy"
    again.mkdir()
    shutil.copy(FIXTURE_PAGES / "bakery-manager-vs-line-cook.txt", again)
    result = run_cli("ingest", str(again), "--seeds", str(seeds), "--append")
    assert result.returncode == 2
    assert "[rule: page-loaded-once]" in result.stderr
    assert "already loaded from bakery-manager-vs-line-cook.txt" in result.stderr
    assert {p.name: p.read_bytes() for p in seeds.iterdir()} == before

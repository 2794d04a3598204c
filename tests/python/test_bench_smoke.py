"""A small run of the benchmark: every figure is produced, and the pandas peer and the best
floor equal the warehouse."""

from __future__ import annotations

import re
import shutil

import duckdb
from support import REPO, run_cli

from jobcompare.bench.best_floor import differing_rows, run_best_floor

PROFILES = REPO / "profiles.yml"


def test_bench_runs_end_to_end_on_a_small_size(tmp_path):
    out = tmp_path / "RESULTS.md"
    work = tmp_path / "work"
    result = run_cli("bench", "--roles", "100", "--work", str(work), "--out", str(out))
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    text = out.read_text()
    assert "| roles | pairs | dbt build s |" in text
    assert "| pair fact s | best floor s | pair fact / best floor |" in text
    row = next(line for line in text.splitlines() if line.startswith("| 100 | 4,950 |"))
    cells = [cell.strip() for cell in row.strip("|").split("|")]
    assert float(cells[2]) > 0 and float(cells[3].replace(",", "")) > 0
    assert cells[7].endswith("(equal)") and float(cells[8]) > 0
    assert cells[9].endswith("(equal)")
    assert "pages)" in cells[12]
    assert "Adding 10 roles to 100: 11 roles new or changed" in text
    assert "cores" in text and "GiB memory" in text
    # The floors run under the memory_limit that profiles.yml gives the warehouse's builds.
    limit = re.search(r"env_var\('JOB_COMPARE_MEMORY_LIMIT', '([^']+)'\)", PROFILES.read_text())
    assert limit and f"DuckDB memory_limit {limit.group(1)}" in text
    oews = next(line for line in text.splitlines() if line.startswith("| 830 (OEWS) |"))
    assert "| 344,035 |" in oews

    # The equality check of the best floor sees one changed value in the warehouse's pairs.
    warehouse = tmp_path / "changed" / "bench.duckdb"
    warehouse.parent.mkdir()
    shutil.copyfile(work / "100" / "dbt" / "bench.duckdb", warehouse)
    best = tmp_path / "best_floor.duckdb"
    assert run_best_floor(warehouse, best).pairs == 4950
    assert differing_rows(warehouse, best) == 0
    con = duckdb.connect(str(warehouse))
    try:
        con.execute(
            "update marts.fct_role_pairs set shared_skill_count = shared_skill_count + 1 "
            "where pair_id = (select min(pair_id) from marts.fct_role_pairs)"
        )
    finally:
        con.close()
    assert differing_rows(warehouse, best) == 2

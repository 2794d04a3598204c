"""The incremental pair fact equals a full refresh after roles are added, changed, removed."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import duckdb
from support import PAIRS_WITH_KEYS, copy_project, run_cli, run_dbt_external

# pair_id, both roles' keys, then every other column of the pair fact (and the higher-paid key)
QUERY = (
    "select pair_id, role_a_key, role_b_key, * exclude (pair_id, role_a_key, role_b_key) "
    f"from {PAIRS_WITH_KEYS} order by pair_id"
)


def table(warehouse: Path) -> list[tuple]:
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return con.execute(QUERY).fetchall()
    finally:
        con.close()


def synth(folder: Path, roles: int) -> Path:
    result = run_cli("synth", "--roles", str(roles), "--out", str(folder))
    assert result.returncode == 0, result.stderr
    return folder


def build(project: Path, warehouse: Path, raw: Path, *args: str) -> str:
    result = run_dbt_external(project, warehouse, raw, *args)
    assert result.returncode == 0, result.stdout[-3000:]
    return result.stdout


def change_a_growth_rate(raw: Path) -> str:
    """Set one role's growth rate to 14% on every page; return the role's key."""
    path = raw / "raw_overview.csv"
    with path.open(newline="") as handle:
        records = list(csv.reader(handle))
    name = records[1][3]
    for record in records[1:]:
        if record[3] == name and record[4] == "Growth rate":
            record[5] = "14%"
    with path.open("w", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(records)
    return name.lower().replace(" ", "-")


def test_incremental_builds_equal_full_refresh(tmp_path):
    project = copy_project(tmp_path / "project")
    folder = tmp_path / "warehouses"
    (folder / "incremental").mkdir(parents=True)
    (folder / "full").mkdir()
    # Same file name in both folders: the views name their catalog after it.
    incremental = folder / "incremental" / "pairs.duckdb"
    full = folder / "full" / "pairs.duckdb"

    before = synth(tmp_path / "raw-20", 20)
    build(project, incremental, before, "--full-refresh")
    twenty = table(incremental)
    assert len(twenty) == 190

    # Three roles added and one role's growth rate changed: their pairs are recomputed.
    after = synth(tmp_path / "raw-23", 23)
    changed = change_a_growth_rate(after)
    build(project, incremental, after)
    # In a project of its own: dbt keeps its parse of a project while the file stays the same.
    build(copy_project(tmp_path / "project-full"), full, after, "--full-refresh")
    assert table(incremental) == table(full)
    assert len(table(full)) == 253
    old = {row[0]: row for row in twenty}
    kept = [row for row in table(full) if row[0] in old]
    assert [r for r in kept if changed not in r[1:3]] == [
        old[r[0]] for r in kept if changed not in r[1:3]
    ]
    assert any(r != old[r[0]] for r in kept if changed in r[1:3])

    # Back to the first 20 roles: the pairs of the removed roles are deleted.
    build(project, incremental, before)
    assert table(incremental) == twenty
    shutil.rmtree(folder)


def tamper(warehouse: Path) -> None:
    """Overwrite one stored difference, as a build by older SQL would have left it."""
    con = duckdb.connect(str(warehouse))
    try:
        con.execute("update marts.fct_role_pairs set growth_rate_diff_pct_points = 99")
    finally:
        con.close()


def test_a_change_to_the_pair_fact_sql_recomputes_every_pair(tmp_path):
    project = copy_project(tmp_path / "project")
    (tmp_path / "incremental").mkdir()
    (tmp_path / "full").mkdir()
    incremental = tmp_path / "incremental" / "pairs.duckdb"
    full = tmp_path / "full" / "pairs.duckdb"
    raw = synth(tmp_path / "raw-12", 12)
    build(project, incremental, raw, "--full-refresh")
    # The full refresh, kept aside as the reference (a copy: a second identical build from
    # empty would only show that dbt builds the same data twice alike).
    shutil.copyfile(incremental, full)
    assert len(table(full)) == 66

    # Same data, same SQL: the incremental run keeps every stored row, tampered or not,
    # and the data test that recomputes the differences from the role facts catches it.
    tamper(incremental)
    result = run_dbt_external(project, incremental, raw)
    assert result.returncode != 0
    assert "Failure in test assert_pair_differences_match_role_facts" in result.stdout
    kept = table(incremental)
    assert len(kept) == 66
    assert {row[0] for row in kept} == {row[0] for row in table(full)}
    assert kept != table(full)

    # Same data, changed SQL (here only a comment): every pair is computed again.
    model = project / "models" / "marts" / "pairs" / "fct_role_pairs.sql"
    model.write_text(model.read_text() + "\n-- a later version of this model\n")
    build(project, incremental, raw)
    assert table(incremental) == table(full)


def break_pairs(warehouse: Path, role_keys: set[str], recomputed: bool) -> int:
    """Give the pairs with one of ``role_keys`` (recomputed) or with neither role among them
    (not recomputed) a wrong growth rate difference, as a bug in the pair fact's SQL would;
    return how many."""
    keys = ", ".join("'" + key + "'" for key in sorted(role_keys))
    ids = f"select role_id from marts.dim_roles where role_key in ({keys})"
    among = f"(role_a_id in ({ids}) or role_b_id in ({ids}))"
    condition = among if recomputed else f"not {among}"
    con = duckdb.connect(str(warehouse))
    try:
        (count,) = con.execute(
            f"update marts.fct_role_pairs set growth_rate_diff_pct_points = 99 where {condition}"
        ).fetchone()
    finally:
        con.close()
    return count


def test_after_an_incremental_build_the_pair_tests_check_the_recomputed_pairs(tmp_path):
    project = copy_project(tmp_path / "project")
    (tmp_path / "warehouse").mkdir()
    warehouse = tmp_path / "warehouse" / "pairs.duckdb"
    # No sample: after the incremental build the pair tests check only the pairs it
    # recomputed, those of the roles that are new or changed.
    nothing = "false"
    build(project, warehouse, synth(tmp_path / "raw-20", 20), "--full-refresh")
    raw = synth(tmp_path / "raw-23", 23)
    changed = change_a_growth_rate(raw)
    result = run_dbt_external(project, warehouse, raw, sample=nothing)
    assert result.returncode == 0, result.stdout[-3000:]
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        recomputed = {
            key
            for (key,) in con.execute(
                "select role_key from intermediate.int_role_fingerprints__in_pair_fact "
                "where is_recomputed"
            ).fetchall()
        }
    finally:
        con.close()
    # The three new roles, the role whose growth rate changed, and the 20th role, which the
    # new page comparing it with the 21st changes.
    assert changed in recomputed and len(recomputed) == 5

    # A wrong difference in a pair the build did not recompute is not looked at ...
    assert break_pairs(warehouse, recomputed, recomputed=False) == 18 * 17 // 2
    tests = ("--select", "fct_role_pairs+")
    result = run_dbt_external(project, warehouse, raw, *tests, command="test", sample=nothing)
    assert result.returncode == 0, result.stdout[-3000:]
    # ... one in a recomputed pair fails the test that recomputes the differences.
    assert break_pairs(warehouse, {changed}, recomputed=True) == 22
    result = run_dbt_external(project, warehouse, raw, *tests, command="test", sample=nothing)
    assert result.returncode != 0
    assert "Failure in test assert_pair_differences_match_role_facts" in result.stdout

    # After a full build every pair is checked again (the views: the sample, here all).
    result = run_dbt_external(project, warehouse, raw, "--full-refresh")
    assert result.returncode == 0, result.stdout[-3000:]
    break_pairs(warehouse, recomputed, recomputed=False)
    result = run_dbt_external(project, warehouse, raw, *tests, command="test")
    assert "Failure in test assert_pair_differences_match_role_facts" in result.stdout

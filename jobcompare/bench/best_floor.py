"""The best floor: the pair fact as the best hand-written DuckDB SQL, ``bench/best_floor.sql``.

The replay floor (``floor.py``) runs the project's own compiled SQL, so it cannot show when
that SQL is the cost. The best floor computes ``fct_role_pairs`` from the same inputs the model
reads, in a built warehouse (attached read-only), into a file of its own; the benchmark
reports the pair fact's time against it, and checks the two tables equal.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from string import Template

import duckdb

from jobcompare.project import CHECKOUT, memory_limit

SQL = CHECKOUT / "bench" / "best_floor.sql"
WORD_BITS = 63  # bits in one bigint word of a skill bitmap (never negative), as in the model
WAREHOUSE = "warehouse"  # the built warehouse, attached read-only under this name
PAIR_FACT = "marts.fct_role_pairs"
RESULT = "best_floor_pairs"  # the best floor's table, in its own file


@dataclass(frozen=True)
class BestFloorResult:
    seconds: float
    pairs: int
    words: int


def best_floor_sql(words: int) -> str:
    """bench/best_floor.sql for skill bitmaps of ``words`` words."""
    word_sums = "".join(
        f"cast(sum(case when skill_number // {WORD_BITS} = {word} "
        f"then cast(1 as bigint) << (skill_number % {WORD_BITS}) else 0 end) as bigint) "
        f"as skill_word_{word},\n        "
        for word in range(words)
    )
    word_columns = "".join(
        f"coalesce(bitmaps.skill_word_{word}, 0) as skill_word_{word},\n        "
        for word in range(words)
    )
    shared = " + ".join(
        f"bit_count(role_a.skill_word_{word} & role_b.skill_word_{word})" for word in range(words)
    )
    return Template(SQL.read_text(encoding="utf-8")).substitute(
        skill_word_sums=word_sums,
        skill_word_columns=word_columns,
        shared_skill_count=f"cast({shared} as bigint)",
    )


def _connect(warehouse: Path, out: Path) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect(str(out))
    con.execute(f"set memory_limit = '{memory_limit(CHECKOUT)}'")
    con.execute("set preserve_insertion_order = false")
    con.execute(f"attach '{warehouse}' as {WAREHOUSE} (read_only)")
    return con


def run_best_floor(warehouse: Path, out: Path) -> BestFloorResult:
    """Build the pair fact with the best floor's SQL from ``warehouse`` into the file ``out``."""
    out.unlink(missing_ok=True)
    con = _connect(warehouse, out)
    try:
        started = time.perf_counter()
        (skills,) = con.execute(
            f"select count(distinct skill_id) from {WAREHOUSE}.intermediate.int_role_skills"
        ).fetchone()
        words = max(1, -(-skills // WORD_BITS))
        database = con.execute("select current_database()").fetchone()[0]
        con.execute(f"use {WAREHOUSE}")
        con.execute(f'create table "{database}".main.{RESULT} as ({best_floor_sql(words)})')
        seconds = time.perf_counter() - started
        (pairs,) = con.execute(f'select count(*) from "{database}".main.{RESULT}').fetchone()
    finally:
        con.close()
    return BestFloorResult(seconds, pairs, words)


def differing_rows(warehouse: Path, out: Path) -> int:
    """Rows of the best floor's table and of the warehouse's pair fact found in one only."""
    con = _connect(warehouse, out)
    try:
        mart = f"{WAREHOUSE}.{PAIR_FACT}"
        (count,) = con.execute(
            f"select (select count(*) from (select * from {RESULT} except all "
            f"select * from {mart})) + (select count(*) from (select * from {mart} "
            f"except all select * from {RESULT}))"
        ).fetchone()
        same_columns = (
            con.execute(f"select column_name, column_type from (describe {RESULT})").fetchall()
            == con.execute(f"select column_name, column_type from (describe {mart})").fetchall()
        )
    finally:
        con.close()
    return count if same_columns else max(count, 1)

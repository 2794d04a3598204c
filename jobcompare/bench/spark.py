"""``jobcompare bench --engine spark``: the same dbt build on local Spark beside DuckDB.

For each number of roles: synthetic raw CSVs, the page models' ``dbt build`` on DuckDB and
then on Spark (``--target spark``: dbt-spark's session method, a local Spark in the dbt
process, tables as Parquet files), both reading the same CSV files, with the same selection
and pair test sample as the DuckDB benchmark. It reports each build's wall time and peak
memory (the whole process tree: for Spark, the JVM), the pair fact's own time and its size
on disk. The results replace the Spark section of bench/RESULTS.md (the DuckDB benchmark's
tables stay as they are).
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jobcompare.bench.measure import Measured
from jobcompare.bench.run import DATABASE, _dbt_build, _node_seconds, fresh_work

START = "<!-- spark benchmark: written by jobcompare bench --engine spark -->"
END = "<!-- end of spark benchmark -->"


@dataclass
class EngineRun:
    engine: str
    build: Measured
    fct_seconds: float
    fct_bytes: int


@dataclass
class SparkScale:
    roles: int
    pairs: int
    duckdb: EngineRun
    spark: EngineRun


def _folder_bytes(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*.parquet"))


def _table_folder(spark_dir: Path, schema: str, table: str) -> Path:
    """Where the Spark warehouse of ``spark_dir`` (JOB_COMPARE_SPARK_DIR) keeps a table."""
    return spark_dir / "tables" / f"{schema}.db" / table


def bench_spark_scale(roles: int, work: Path, seed: int, say: Any = print) -> SparkScale:
    """One number of roles, built on DuckDB and on local Spark from the same raw files."""
    raw = fresh_work(work, roles, seed, "duckdb", "spark")
    say(f"[{roles} roles] dbt build on DuckDB")
    duck = _dbt_build(work / "duckdb", raw, roles, full_refresh=True)
    duck_bytes = (work / "duckdb" / DATABASE).stat().st_size
    say(f"[{roles} roles] dbt build on Spark (local)")
    spark = _dbt_build(work / "spark", raw, roles, full_refresh=True, target="spark")
    fct_folder = _table_folder(work / "spark" / "spark", "marts", "fct_role_pairs")
    duck_fct = _node_seconds(work / "duckdb" / "target", "fct_role_pairs")
    spark_fct = _node_seconds(work / "spark" / "target", "fct_role_pairs")
    result = SparkScale(
        roles=roles,
        pairs=roles * (roles - 1) // 2,
        duckdb=EngineRun("DuckDB", duck, duck_fct, duck_bytes),
        spark=EngineRun("Spark (local[2])", spark, spark_fct, _folder_bytes(fct_folder)),
    )
    shutil.rmtree(work, ignore_errors=True)
    return result


COLUMNS = (
    "roles", "pairs", "engine", "dbt build s", "peak MiB", "pair fact s",
    "pair fact s / 1 M pairs", "on disk",
)  # fmt: skip


def rows(result: SparkScale) -> list[list[str]]:
    lines = []
    for run in (result.duckdb, result.spark):
        disk = "whole file" if run.engine == "DuckDB" else "pair fact (Parquet)"
        lines.append([
            f"{result.roles:,}", f"{result.pairs:,}", run.engine, f"{run.build.seconds:.1f}",
            f"{run.build.peak_rss_bytes / 2**20:,.0f}", f"{run.fct_seconds:.1f}",
            f"{run.fct_seconds / (result.pairs / 1e6):.2f}",
            f"{run.fct_bytes / 2**20:,.0f} MiB {disk}",
        ])  # fmt: skip
    return lines


def section(results: list[SparkScale], machine: str, stamp: str, command: str) -> str:
    """The Spark section of bench/RESULTS.md, between its markers."""
    lines = [
        START,
        "## The same build on local Spark",
        "",
        f"`{command}` on {machine}, {stamp}. Both engines build the page models (no seeds, "
        "unit tests or OEWS models) from the same synthetic CSV files with the same pair test "
        "sample; Spark is dbt-spark's session method on `local[2]` with a 4 GiB driver "
        "(profiles.yml, target spark), its tables Parquet files. Peak memory is the whole "
        "process tree's resident memory (for Spark, with the JVM). The pair fact on Spark is "
        "rebuilt whole (no incremental strategy without Delta Lake or Iceberg).",
        "",
        "| " + " | ".join(COLUMNS) + " |",
        "|" + "---|" * len(COLUMNS),
    ]
    for result in results:
        lines += ["| " + " | ".join(cells) + " |" for cells in rows(result)]
    lines += ["", END]
    return "\n".join(lines)


def _split(text: str) -> tuple[str, str, str] | None:
    """``text`` as (before, Spark section with its markers, after), or None without one."""
    if START not in text or END not in text:
        return None
    before, rest = text.split(START, 1)
    inside, after = rest.split(END, 1)
    return before, START + inside + END, after


def replace_section(path: Path, text: str) -> None:
    """Put the Spark section into ``path``, in place of the one there, else at the end."""
    current = path.read_text(encoding="utf-8") if path.exists() else ""
    parts = _split(current)
    if parts:
        updated = parts[0] + text + parts[2]
    else:
        updated = current.rstrip("\n") + ("\n\n" if current else "") + text + "\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(updated, encoding="utf-8")


def kept_section(path: Path) -> str:
    """The Spark section of ``path`` as it is (empty when there is none), for the DuckDB
    benchmark to keep when it rewrites the file."""
    parts = _split(path.read_text(encoding="utf-8")) if path.exists() else None
    return parts[1] if parts else ""

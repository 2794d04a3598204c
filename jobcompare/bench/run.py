"""The benchmark: dbt build against the raw-DuckDB floor and a pandas peer, at scale.

For each number of roles: synthetic raw CSVs; a full ``dbt build`` reading them directly
(wall time and peak memory of the process tree); the floor (the same compiled SQL run by
DuckDB in one process); the pandas peer in its own process under a memory cap; the
K-most-similar site; the pair fact's storage. At the smallest size the peer's output is
checked equal to the warehouse's; the best floor (the pair fact as the best hand-written
DuckDB SQL, ``bench/best_floor.sql``) is timed at every size and checked equal to the
warehouse's pair fact at the smallest; at the largest, 10 roles are added and the incremental
build is timed against the full one.
"""

from __future__ import annotations

import os
import platform
import resource
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import psutil

from jobcompare.bench.best_floor import BestFloorResult, differing_rows, run_best_floor
from jobcompare.bench.floor import FloorResult, run_floor
from jobcompare.bench.measure import Measured, run_measured
from jobcompare.bench.synth import write_synthetic
from jobcompare.dbt_process import DBT, dbt_env, read_json
from jobcompare.project import CHECKOUT, memory_limit
from jobcompare.report.site import build_site

DATABASE = "bench.duckdb"  # the file name of every benchmark build
SAMPLE = "md5(role_a_key) < '010'"  # at scale, pair view tests check about 1 role a in 256
ADDED_ROLES = 10
# Above 5,000 roles two parts cannot run on a 2-core, 24 GiB machine and are skipped, with
# the reason printed and written in their cells: the pandas peer ran out of its 12 GiB at
# 5,000 roles (its pairs grow with the square of the roles), and the replay floor runs the
# whole build's SQL once more, as long as the build itself, for a ratio the best floor
# gives more sharply at that size.
PEER_MAX_ROLES = 5_000
REPLAY_FLOOR_MAX_ROLES = 5_000
PEER_SKIPPED = "skipped (out of memory at 5,000 roles)"
FLOOR_SKIPPED = "skipped (replays the whole build)"
# Above 10,000 roles the site is not built: its pages grow with the roles, not the pairs
# (every role page and 10 pair pages a role), so its pages per second at 10,000 say what
# 20,000 would (about 180,000 pages, a quarter of an hour on 2 cores).
SITE_MAX_ROLES = 10_000
SITE_SKIPPED = "skipped (pages grow with the roles: see 10,000)"
# The incremental build runs on the largest size up to this one, the size the goal
# names: above it the full build is the figure asked for.
INCREMENTAL_MAX_ROLES = 10_000
# The disk one size takes at its peak, per pair, as bench/RESULTS.md measured them: the
# warehouse file (52 bytes a pair from 1,000 roles), the best floor's table (about the same)
# and the Parquet export (31); the size built incrementally also holds a copy of the file.
WAREHOUSE_BYTES_PER_PAIR = 52
DISK_BYTES_PER_PAIR = 2 * WAREHOUSE_BYTES_PER_PAIR + 31


def disk_shortfall(roles: int, work: Path, incremental: bool = False) -> str:
    """Why ``roles`` would not fit on the disk of ``work``, or "" when it fits."""
    pairs = roles * (roles - 1) // 2
    per_pair = DISK_BYTES_PER_PAIR + (WAREHOUSE_BYTES_PER_PAIR if incremental else 0)
    needed = pairs * per_pair
    folder = work
    while not folder.exists():
        folder = folder.parent
    free = shutil.disk_usage(folder).free
    if needed <= free:
        return ""
    return (
        f"{roles:,} roles need about {needed / 2**30:,.0f} GiB of disk ({pairs:,} pairs x "
        f"{per_pair} bytes), {free / 2**30:,.0f} GiB are free under {folder}"
    )


@dataclass
class ScaleResult:
    roles: int
    label: str = ""
    pairs: int = 0
    dbt: Measured | None = None
    fct_seconds: float = 0.0
    floor: FloorResult | None = None
    floor_status: str = ""
    best_floor: BestFloorResult | None = None
    best_floor_equal: bool | None = None
    peer: Measured | None = None
    peer_status: str = ""
    peer_equal: bool | None = None
    site_pages: int = 0
    site_seconds: float = 0.0
    site_status: str = ""
    fct_bytes: int = 0
    fct_parquet_bytes: int = 0
    notes: list[str] = field(default_factory=list)


@dataclass
class IncrementalResult:
    roles: int
    added: int
    changed_roles: int
    recomputed_pairs: int
    full: Measured
    incremental: Measured
    fct_full_seconds: float
    fct_incremental_seconds: float
    split: dict[str, float] = field(default_factory=dict)  # node seconds by kind, summed


def _dbt_build(
    work: Path, raw: Path, roles: int, full_refresh: bool, selection: list[str] | None = None,
    target: str | None = None,
) -> Measured:  # fmt: skip
    """dbt build of the page models on synthetic raw data (or of ``selection``), on the
    default DuckDB target (the file ``work/bench.duckdb``) or on ``target`` (``spark``: its
    warehouse in ``work/spark``)."""
    sample = SAMPLE if roles >= 1000 else "true"
    variables = f'{{raw_source: external, raw_path: "{raw}", pair_test_sample: "{sample}"}}'
    nodes = selection or [
        "--exclude", "resource_type:seed", "resource_type:unit_test", "tag:oews"
    ]  # fmt: skip
    command = [
        str(DBT), "build", *nodes, "--vars", variables, "--target-path", str(work / "target"),
        "--log-path", str(work / "logs"), *(["--full-refresh"] if full_refresh else []),
        *(["--target", target] if target else []),
    ]  # fmt: skip
    env = dbt_env(CHECKOUT, work / DATABASE, {"JOB_COMPARE_SPARK_DIR": str(work / "spark")})
    measured = run_measured(command, CHECKOUT, env)
    if measured.returncode != 0:
        engine = f" on {target}" if target else ""
        raise RuntimeError(
            f"dbt build{engine} failed for {roles} roles:\n{measured.output[-3000:]}"
        )
    return measured


def fresh_work(work: Path, roles: int, seed: int, *folders: str) -> Path:
    """``work`` emptied, with ``folders`` made in it and the raw CSVs of ``roles`` synthetic
    roles written to ``work/raw``, which it returns."""
    shutil.rmtree(work, ignore_errors=True)
    for folder in folders:
        (work / folder).mkdir(parents=True)
    raw = work / "raw"
    write_synthetic(roles, seed, raw)
    return raw


def _node_seconds(target: Path, name: str) -> float:
    results = read_json(target / "run_results.json").get("results", [])
    return sum(r["execution_time"] for r in results if r["unique_id"].endswith(f".{name}"))


PAIR_NODES = ("pair", "role_comparisons")  # in the names of the pair models and their tests


def time_split(target: Path) -> dict[str, float]:
    """Where a build's time went: its nodes' seconds summed by kind (models or tests, of the
    pairs or of everything else; two threads, so the sum exceeds the wall time)."""
    split: dict[str, float] = {}
    for result in read_json(target / "run_results.json").get("results", []):
        kind, _, name = result["unique_id"].partition(".")
        about = "pair" if any(word in name for word in PAIR_NODES) else "other"
        key = f"{about} {kind}s"
        split[key] = split.get(key, 0.0) + result["execution_time"]
    return split


def _peer(raw: Path, out: Path, memory_cap: int, timeout: int) -> tuple[Measured | None, str]:
    def cap() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (memory_cap, memory_cap))

    command = [sys.executable, "-m", "jobcompare.bench.peer", str(raw), str(out)]
    try:
        measured = run_measured(command, CHECKOUT, before=cap, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, f"timed out after {timeout} s"
    if measured.returncode != 0:
        if "MemoryError" in measured.output or "Unable to allocate" in measured.output:
            return measured, f"out of memory (cap {memory_cap / 2**30:.0f} GiB)"
        return measured, "failed: " + measured.output.strip().splitlines()[-1][:200]
    return measured, "ok"


TEXT_COLUMNS = {"role_a_key", "role_b_key", "skill_key"}
ID_COLUMNS = {"pair_id", "role_a_id", "role_b_id"}


def _canonical(frame: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """Comparable values: text as text, ids as exact integers, flags as flags, numbers as
    floats to 4 places."""
    out = pd.DataFrame(index=frame.index)
    for column in frame.columns:
        values = frame[column]
        if column in TEXT_COLUMNS:
            out[column] = values.astype(str)
        elif column in ID_COLUMNS:
            out[column] = values.astype("int64")
        elif column == "is_shared":
            out[column] = values.astype(bool)
        else:
            out[column] = values.map(lambda v: None if pd.isna(v) else float(v)).astype(float)
            out[column] = out[column].round(4)
    return out.sort_values(keys).reset_index(drop=True)


def _peer_equal(database: Path, peer_out: Path) -> bool:
    """The peer's pair fact and skills pair mart equal the warehouse's, row for row."""
    con = duckdb.connect(str(database), read_only=True)
    try:
        for table, mart in (
            ("pair_fact", "marts.fct_role_pairs"),
            ("pair_skills", "marts.rpt_pair_skills"),
        ):
            peer = pd.read_parquet(peer_out / f"{table}.parquet")
            ours = con.execute(f"select * from {mart}").df()[list(peer.columns)]
            keys = [c for c in ("pair_id", "skill_key") if c in peer.columns]
            if not _canonical(peer, keys).equals(_canonical(ours, keys)):
                return False
    finally:
        con.close()
    return True


def _storage(database: Path, work: Path, table: str = "marts.fct_role_pairs") -> tuple[int, int]:
    """The table's size in the DuckDB file and as Parquet; ``table`` is named in full."""
    con = duckdb.connect(str(database), read_only=True)
    try:
        (blocks,) = con.execute(
            f"select count(distinct block_id) from pragma_storage_info('{table}') "
            "where block_id >= 0"
        ).fetchone()
        (block_size,) = con.execute("select block_size from pragma_database_size()").fetchone()
        parquet = work / f"{table.removeprefix('marts.')}.parquet"
        con.execute(f"copy {table} to '{parquet}' (format parquet)")
    finally:
        con.close()
    return blocks * block_size, parquet.stat().st_size


def _site(database: Path, out: Path) -> tuple[int, float]:
    summary = build_site(database, out, similar=10, jobs=2, show_progress=False)
    shutil.rmtree(out, ignore_errors=True)
    return summary.pages, summary.seconds


def bench_scale(
    roles: int, work: Path, seed: int, peer_cap: int, peer_timeout: int, check_peer: bool,
    say: Any = print,
) -> ScaleResult:  # fmt: skip
    """Everything the table reports for one number of roles."""
    result = ScaleResult(roles=roles, pairs=roles * (roles - 1) // 2)
    raw = fresh_work(work, roles, seed, "dbt", "floor")
    say(f"[{roles} roles] dbt build")
    result.dbt = _dbt_build(work / "dbt", raw, roles, full_refresh=True)
    result.fct_seconds = _node_seconds(work / "dbt" / "target", "fct_role_pairs")
    if roles > REPLAY_FLOOR_MAX_ROLES:
        result.floor_status = FLOOR_SKIPPED
        say(f"[{roles} roles] floor {FLOOR_SKIPPED}: above {REPLAY_FLOOR_MAX_ROLES:,} roles")
    else:
        say(f"[{roles} roles] floor")
        result.floor = run_floor(work / "dbt" / "target", work / "floor" / DATABASE)
    say(f"[{roles} roles] best floor")
    best = work / "floor" / "best_floor.duckdb"
    result.best_floor = run_best_floor(work / "dbt" / DATABASE, best)
    if check_peer:
        result.best_floor_equal = differing_rows(work / "dbt" / DATABASE, best) == 0
    shutil.rmtree(work / "floor", ignore_errors=True)
    if roles > PEER_MAX_ROLES:
        result.peer_status = PEER_SKIPPED
        say(f"[{roles} roles] pandas peer {PEER_SKIPPED}: above {PEER_MAX_ROLES:,} roles")
    else:
        say(f"[{roles} roles] pandas peer")
        result.peer, result.peer_status = _peer(raw, work / "peer", peer_cap, peer_timeout)
    if check_peer and result.peer_status == "ok":
        result.peer_equal = _peer_equal(work / "dbt" / DATABASE, work / "peer")
    shutil.rmtree(work / "peer", ignore_errors=True)
    if roles > SITE_MAX_ROLES:
        result.site_status = SITE_SKIPPED
        say(f"[{roles} roles] site {SITE_SKIPPED}: above {SITE_MAX_ROLES:,} roles")
    else:
        say(f"[{roles} roles] site")
        result.site_pages, result.site_seconds = _site(work / "dbt" / DATABASE, work / "site")
    result.fct_bytes, result.fct_parquet_bytes = _storage(work / "dbt" / DATABASE, work)
    return result


def bench_oews(work: Path, say: Any = print) -> ScaleResult:
    """The real OEWS build: 830 detailed occupations, every pair of them."""
    from jobcompare.oews.load import bundled_source, load

    shutil.rmtree(work, ignore_errors=True)
    (work / "dbt").mkdir(parents=True)
    (work / "floor").mkdir()
    raw = work / "raw"
    say("[OEWS] load the bundled release")
    loaded = load(bundled_source(), raw, show_progress=False)
    os.environ["JOB_COMPARE_OEWS"] = str(raw)
    occupations = 830
    result = ScaleResult(roles=occupations, label=f"{occupations} (OEWS)")
    result.pairs = occupations * (occupations - 1) // 2
    say("[OEWS] dbt build")
    # The OEWS models alone: not the ones that also read page roles (the role against
    # occupation marts and the crosswalk), which this build has none of.
    selection = [
        "--select", "tag:oews",
        "--exclude", "rpt_role_occupation_comparisons+", "stg_crosswalk__role_soc+",
    ]  # fmt: skip
    result.dbt = _dbt_build(work / "dbt", raw, occupations, True, selection)
    result.fct_seconds = _node_seconds(work / "dbt" / "target", "fct_occupation_pairs")
    result.floor = run_floor(work / "dbt" / "target", work / "floor" / DATABASE)
    shutil.rmtree(work / "floor", ignore_errors=True)
    result.peer_status = "-"
    result.fct_bytes, result.fct_parquet_bytes = _storage(
        work / "dbt" / DATABASE, work, "marts.fct_occupation_pairs"
    )
    result.notes.append(f"loaded {sum(loaded.counts.values()):,} rows")
    return result


def bench_incremental(
    scale: ScaleResult, work: Path, seed: int, say: Any = print
) -> IncrementalResult:
    """Add roles to the built warehouse and time the incremental build against the full."""
    roles = scale.roles
    raw = work / "raw"  # the same path (and vars) as the full build: dbt can parse partially
    write_synthetic(roles + ADDED_ROLES, seed, raw)
    target = work / "incremental"
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(work / "dbt" / "target", target / "target")
    shutil.copyfile(work / "dbt" / DATABASE, target / DATABASE)
    built_before = _fingerprints(target / DATABASE)
    say(f"[{roles} roles] incremental build, {ADDED_ROLES} roles added")
    incremental = _dbt_build(target, raw, roles + ADDED_ROLES, full_refresh=False)
    built_after = _fingerprints(target / DATABASE)
    changed = {k for k, v in built_after.items() if built_before.get(k) != v}
    unchanged = len(built_after) - len(changed)
    total = len(built_after) * (len(built_after) - 1) // 2
    return IncrementalResult(
        roles=roles,
        added=ADDED_ROLES,
        changed_roles=len(changed),
        recomputed_pairs=total - unchanged * (unchanged - 1) // 2,
        full=scale.dbt,  # type: ignore[arg-type]
        incremental=incremental,
        fct_full_seconds=scale.fct_seconds,
        fct_incremental_seconds=_node_seconds(target / "target", "fct_role_pairs"),
        split=time_split(target / "target"),
    )


def _fingerprints(database: Path) -> dict[str, int]:
    con = duckdb.connect(str(database), read_only=True)
    try:
        return dict(
            con.execute(
                "select role_key, role_fingerprint "
                "from intermediate.int_role_fingerprints__in_pair_fact"
            ).fetchall()
        )
    finally:
        con.close()


def machine() -> str:
    memory = psutil.virtual_memory().total / 2**30
    return (
        f"{os.cpu_count()} cores, {memory:.1f} GiB memory, {platform.machine()}, "
        f"Python {platform.python_version()}, DuckDB {duckdb.__version__}, "
        f"DuckDB memory_limit {memory_limit(CHECKOUT)}"
    )


def stamp() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")

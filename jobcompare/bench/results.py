"""The benchmark's table: printed, and written to bench/RESULTS.md."""

from __future__ import annotations

from pathlib import Path

from jobcompare.bench.run import (
    INCREMENTAL_MAX_ROLES,
    SITE_MAX_ROLES,
    IncrementalResult,
    ScaleResult,
)
from jobcompare.project import CHECKOUT, memory_limit

COLUMNS = (
    "roles", "pairs", "dbt build s", "dbt peak MiB", "floor s (models + tests)",
    "dbt / floor", "pair fact s", "best floor s", "pair fact / best floor", "pandas peer s",
    "pandas / dbt", "pandas peak MiB",
    "site pages/s (K=10)", "pair fact bytes/pair (DuckDB, Parquet)",
)  # fmt: skip


def _mib(value: int) -> str:
    return f"{value / 2**20:,.0f}"


def row(result: ScaleResult) -> list[str]:
    assert result.dbt is not None
    dbt = result.dbt.seconds
    if result.floor is not None:
        floor = (
            f"{result.floor.seconds:,.1f} ({result.floor.model_seconds:,.1f} + "
            f"{result.floor.test_seconds:,.1f})"
        )
        floor_ratio = f"{dbt / result.floor.seconds:.2f}"
    else:
        floor, floor_ratio = result.floor_status, "-"
    if result.peer_status == "ok" and result.peer is not None:
        peer = f"{result.peer.seconds:,.1f}"
        ratio = f"{result.peer.seconds / dbt:.2f}"
        if result.peer_equal is not None:
            peer += " (equal)" if result.peer_equal else " (DIFFERS)"
    else:
        peer, ratio = result.peer_status, "-"
    pairs = max(result.pairs, 1)
    best, best_ratio = "-", "-"
    if result.best_floor is not None:
        best = f"{result.best_floor.seconds:,.1f}"
        best_ratio = f"{result.fct_seconds / max(result.best_floor.seconds, 0.001):.2f}"
        if result.best_floor_equal is not None:
            best += " (equal)" if result.best_floor_equal else " (DIFFERS)"
    return [
        result.label or f"{result.roles:,}",
        f"{result.pairs:,}",
        f"{dbt:,.1f}",
        _mib(result.dbt.peak_rss_bytes),
        floor,
        floor_ratio,
        f"{result.fct_seconds:,.1f}",
        best,
        best_ratio,
        peer,
        ratio,
        _mib(result.peer.peak_rss_bytes) if result.peer else "-",
        f"{result.site_pages / result.site_seconds:,.0f} ({result.site_pages:,} pages)"
        if result.site_pages
        else result.site_status or "-",
        f"{result.fct_bytes / pairs:,.0f}, {result.fct_parquet_bytes / pairs:,.0f}",
    ]


def incremental_line(result: IncrementalResult) -> str:
    return (
        f"Adding {result.added} roles to {result.roles:,}: {result.changed_roles} roles new or "
        f"changed, {result.recomputed_pairs:,} pairs recomputed. Pair fact: "
        f"{result.fct_incremental_seconds:,.1f} s incremental against "
        f"{result.fct_full_seconds:,.1f} s full "
        f"({result.fct_incremental_seconds / result.fct_full_seconds:.1%}). Whole dbt build: "
        f"{result.incremental.seconds:,.1f} s against {result.full.seconds:,.1f} s "
        f"({result.incremental.seconds / result.full.seconds:.1%})."
        + (
            " Its nodes' seconds, summed over two threads: "
            + ", ".join(f"{kind} {seconds:,.1f}" for kind, seconds in sorted(result.split.items()))
            + "."
            if result.split
            else ""
        )
    )


def markdown(
    results: list[ScaleResult],
    incremental: IncrementalResult | None,
    machine: str,
    stamp: str,
    command: str,
    left_out: list[str] | None = None,
) -> str:
    lines = [
        "# Benchmark results",
        "",
        f"Measured {stamp} on {machine}, with `{command}`.",
        "",
        "| " + " | ".join(COLUMNS) + " |",
        "| " + " | ".join("---" for _ in COLUMNS) + " |",
        *("| " + " | ".join(row(r)) + " |" for r in results),
        "",
    ]
    if incremental is not None:
        lines += [incremental_line(incremental), ""]
    for reason in left_out or []:
        lines += [f"Left out, {reason}.", ""]
    failing = [(r.roles, t) for r in results if r.floor for t in r.floor.failing_tests]
    if failing:
        lines += [f"Tests failing in the floor: {failing}", ""]
    lines += [
        "- **dbt build**: `dbt build --full-refresh` of every model and data test (unit tests "
        "and seeds excluded), reading the synthetic raw CSVs directly (`raw_source: external`); "
        "wall time of the process, peak resident memory of its process tree, DuckDB "
        f"memory_limit {memory_limit(CHECKOUT)}. From 1,000 roles the pair views' tests check "
        "a sample (about one role a in 256).",
        "- **floor**: the same compiled SQL of those models and tests run one after another by "
        "DuckDB in one Python process, without dbt.",
        "- **pair fact s**: the time of the `fct_role_pairs` model inside the dbt build.",
        "- **incremental**: 10 roles added to the largest warehouse up to "
        f"{INCREMENTAL_MAX_ROLES:,} roles, then `dbt build` without `--full-refresh`. Its tests "
        "of the pair fact and the pair views check the pairs of the roles it recomputed plus "
        "those of the sample's roles a (README, Scale); the node seconds are summed over dbt's "
        "two threads.",
        "- **skipped**: above 5,000 roles the replay floor (it replays the whole build) and the "
        f"pandas peer (out of memory at 5,000 roles) are not run, and above {SITE_MAX_ROLES:,} "
        "the site (its pages grow with the roles, not the pairs, so the rate at "
        f"{SITE_MAX_ROLES:,} stands for it); a "
        "size whose files would not fit on the disk is left out with the figures printed.",
        "- **best floor**: `fct_role_pairs` as the best hand-written DuckDB SQL we know "
        "(`bench/best_floor.sql`: integer role numbers, skills as bitmaps, one pass), from the "
        "same intermediate tables of the built warehouse, in one Python process; `(equal)` "
        "where its table was compared row by row with the warehouse's pair fact. **pair fact "
        "/ best floor** divides the pair fact's time in dbt by it.",
        "- **pandas peer**: the pair fact and the skills pair mart in plain pandas from the same "
        "CSVs, in its own process with an address-space cap; `(equal)` where its output was "
        "compared row by row with the warehouse's (`fct_role_pairs`, `rpt_pair_skills`).",
        "- **site**: `jobcompare site --pairs similar -k 10 --jobs 2`: every role page and each "
        "role's 10 most similar roles' pair pages.",
        "- **bytes/pair**: DuckDB blocks used by `fct_role_pairs` and its Parquet export, per "
        "pair.",
        "- **830 (OEWS)**: the real BLS OEWS May 2025 build: the OEWS models only "
        "(`--select tag:oews`), 830 detailed occupations and every pair of them "
        "(`fct_occupation_pairs`), from the bundled release loaded by `jobcompare oews-load`.",
        "",
    ]
    return "\n".join(lines)


def write(path: Path, text: str) -> None:
    """Write the DuckDB benchmark's text to ``path``, keeping the Spark section there."""
    from jobcompare.bench.spark import kept_section

    spark = kept_section(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    kept = "\n\n" + spark + "\n" if spark else "\n"
    path.write_text(text.rstrip("\n") + kept, encoding="utf-8")

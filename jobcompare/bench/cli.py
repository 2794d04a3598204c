"""``jobcompare synth`` and ``jobcompare bench``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from jobcompare.bench.synth import MAX_ROLES, write_synthetic

LARGE_ROLES = {10_000, 20_000}  # what --large adds


def register(commands: argparse._SubParsersAction) -> None:
    """Add the ``synth`` subcommand (and ``bench``)."""
    synth = commands.add_parser(
        "synth",
        help="write synthetic raw CSVs for N roles",
        description="Write the raw tables for N synthetic roles, in exactly the form "
        "ingestion writes them (the seed CSVs' columns, text as a page writes it). The same "
        "seed gives the same files; more roles only add rows.",
    )
    synth.add_argument(
        "--roles", type=int, required=True, help=f"number of roles (2 to {MAX_ROLES})"
    )
    synth.add_argument("--seed", type=int, default=1, help="random seed (1)")
    synth.add_argument("--out", type=Path, required=True, help="folder for the CSV files")
    synth.set_defaults(run=run_synth)

    bench = commands.add_parser(
        "bench",
        help="benchmark dbt build against the raw-DuckDB floor and a pandas peer",
        description="For each number of roles: synthetic raw data, a full dbt build (time and "
        "peak memory), the same compiled SQL run by DuckDB alone (the floor), the pair fact as "
        "the best hand-written DuckDB SQL (the best floor, bench/best_floor.sql), a pandas peer, "
        "the K-most-similar site and the pair fact's storage; then 10 roles added to the "
        "largest warehouse and built incrementally. Prints a table and writes it to --out.",
    )
    bench.add_argument(
        "--roles",
        default="100,1000,5000",
        help="comma-separated numbers of roles (default 100,1000,5000)",
    )
    bench.add_argument(
        "--large",
        action="store_true",
        help="also run 10,000 and 20,000 roles (50 M and 200 M pairs; the pandas peer and "
        "the replay floor are skipped there, and the site above 10,000, with the reason "
        "printed; the incremental build runs at 10,000). --roles takes up to "
        f"{MAX_ROLES:,}; a size that would not fit on the disk is skipped, saying why",
    )
    bench.add_argument("--seed", type=int, default=1, help="random seed of the data (1)")
    bench.add_argument(
        "--work", type=Path, default=Path("bench/work"), help="scratch folder (bench/work)"
    )
    bench.add_argument(
        "--out", type=Path, default=Path("bench/RESULTS.md"), help="results file (bench/RESULTS.md)"
    )
    bench.add_argument(
        "--peer-memory-gib",
        type=float,
        default=12,
        help="address-space cap of the pandas peer (12)",
    )
    bench.add_argument(
        "--peer-timeout", type=int, default=1800, help="seconds before the peer is stopped (1800)"
    )
    bench.add_argument(
        "--no-oews", action="store_true", help="skip the real 830-occupation OEWS build"
    )
    bench.add_argument(
        "--engine",
        choices=("duckdb", "spark"),
        default="duckdb",
        help="duckdb (default): the tables above; spark: each size built on DuckDB and on "
        "local Spark (dbt --target spark; the spark extra and Java 17), written to the Spark "
        "section of --out, the rest of the file kept",
    )
    bench.set_defaults(run=run_bench)


def run_synth(args: argparse.Namespace) -> int:
    try:
        files = write_synthetic(args.roles, args.seed, args.out)
    except ValueError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    print(f"wrote {len(files)} raw tables for {args.roles} roles into {args.out}")
    return 0


def run_bench(args: argparse.Namespace) -> int:
    """Run every size, print the table and write it to --out."""
    from jobcompare.bench import results  # pandas and psutil load only for the benchmark
    from jobcompare.bench.run import (
        INCREMENTAL_MAX_ROLES,
        bench_incremental,
        bench_oews,
        bench_scale,
        disk_shortfall,
        machine,
        stamp,
    )

    try:
        sizes = sorted(
            {int(n) for n in args.roles.split(",")} | (LARGE_ROLES if args.large else set())
        )
    except ValueError:
        print(
            f"error: --roles takes numbers separated by commas, not {args.roles!r}", file=sys.stderr
        )
        return 2
    if min(sizes) < 3 or max(sizes) > MAX_ROLES:
        print(f"error: --roles must lie between 3 and {MAX_ROLES}", file=sys.stderr)
        return 2
    left_out = []
    incremental_roles = _incremental_roles(sizes, INCREMENTAL_MAX_ROLES)
    for roles in list(sizes):
        shortfall = disk_shortfall(roles, args.work, incremental=roles == incremental_roles)
        if shortfall:
            left_out.append(f"{roles:,} roles: {shortfall}")
            print(f"[{roles} roles] skipped: {shortfall}", flush=True)
            sizes.remove(roles)
    if not sizes:
        return 1
    if args.engine == "spark":
        return _run_spark_bench(args, sizes, machine(), stamp())
    scales = []
    for roles in sizes:
        scales.append(
            bench_scale(
                roles,
                args.work / str(roles),
                args.seed,
                int(args.peer_memory_gib * 2**30),
                args.peer_timeout,
                check_peer=roles == sizes[0],
                say=lambda line: print(line, flush=True),
            )
        )
        print(" | ".join(results.row(scales[-1])), flush=True)
    at = {s.roles: s for s in scales}[_incremental_roles(sizes, INCREMENTAL_MAX_ROLES)]
    incremental = bench_incremental(at, args.work / str(at.roles), args.seed)
    if not args.no_oews:
        scales.append(bench_oews(args.work / "oews", say=lambda line: print(line, flush=True)))
        print(" | ".join(results.row(scales[-1])), flush=True)
    command = f"jobcompare bench --roles {args.roles}" + (" --large" if args.large else "")
    text = results.markdown(scales, incremental, machine(), stamp(), command, left_out)
    results.write(args.out, text)
    print()
    print(text)
    equal = all(s.peer_equal is not False and s.best_floor_equal is not False for s in scales)
    clean = all(not s.floor.failing_tests for s in scales if s.floor)
    return 0 if equal and clean else 1


def _run_spark_bench(args: argparse.Namespace, sizes: list[int], machine: str, stamp: str) -> int:
    from jobcompare.bench import spark

    scales = []
    for roles in sizes:
        scales.append(
            spark.bench_spark_scale(roles, args.work / f"spark-{roles}", args.seed,
                                    say=lambda line: print(line, flush=True))
        )  # fmt: skip
        for cells in spark.rows(scales[-1]):
            print(" | ".join(cells), flush=True)
    command = f"jobcompare bench --engine spark --roles {args.roles}"
    text = spark.section(scales, machine, stamp, command)
    spark.replace_section(args.out, text)
    print()
    print(text)
    return 0


def _incremental_roles(sizes: list[int], most: int) -> int:
    """The size the incremental build runs at: the largest up to ``most``, else the smallest."""
    return max((n for n in sizes if n <= most), default=min(sizes))

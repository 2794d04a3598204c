"""The static site: an index with an offline search box, a page per role and per pair."""

from __future__ import annotations

import multiprocessing
import os
import shutil
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from jobcompare.report import formatting as fmt
from jobcompare.report.html import render_index_html, render_pair_html, render_role_html
from jobcompare.report.roles import Pair, Role, load_roles, pair_rows, similar_roles
from jobcompare.report.sections import pair_page
from jobcompare.report.warehouse import read_only

CHUNK = 25

# What the rendering workers read; filled before they start (and inherited by fork).
_SITE: dict[str, Any] = {}


@dataclass(frozen=True)
class SiteSummary:
    roles: int
    pairs: int
    pages: int
    seconds: float
    out: Path

    @property
    def pages_per_second(self) -> float:
        return self.pages / self.seconds if self.seconds else float("inf")


def pair_file(a_key: str, b_key: str) -> str:
    return f"pairs/{a_key}-vs-{b_key}.html"


def _similar_entries(role_key: str) -> list[dict[str, Any]]:
    roles: dict[str, Role] = _SITE["roles"]
    pages: set[str] = _SITE["pair_files"]
    entries = []
    for row in _SITE["similar"].get(role_key, []):
        other = row["other_key"]
        first, second = sorted((role_key, other))
        href = pair_file(first, second)
        entries.append(
            {
                "key": other,
                "name": roles[other].name,
                "shared": row["shared_skill_count"],
                "jaccard": f"{row['skill_jaccard_index']:.2f}",
                "pair_href": f"../{href}" if href in pages else None,
            }
        )
    return entries


def _render(task: tuple[str, ...]) -> tuple[str, str]:
    """One page: (path inside the site, HTML)."""
    roles: dict[str, Role] = _SITE["roles"]
    kind = task[0]
    if kind == "role":
        role = roles[task[1]]
        return f"roles/{role.key}.html", render_role_html(role, _similar_entries(role.key), "../")
    a_key, b_key = task[1], task[2]
    pair = Pair(roles[a_key], roles[b_key], _SITE["pairs"][(a_key, b_key)])
    return pair_file(a_key, b_key), render_pair_html(pair_page(pair), pair, "../")


def _render_chunk(chunk: list[tuple[str, ...]]) -> int:
    target: Path = _SITE["target"]
    for task in chunk:
        path, html = _render(task)
        (target / path).write_text(html, encoding="utf-8")
    return len(chunk)


def _publish(staging: Path, out: Path) -> None:
    """Swap the finished site in for the old one."""
    old = out.parent / f".{out.name}.old-{os.getpid()}"
    if out.exists():
        os.replace(out, old)
    os.replace(staging, out)
    shutil.rmtree(old, ignore_errors=True)


def build_site(
    warehouse: Path,
    out: Path,
    similar: int | None,
    jobs: int = 1,
    listed_similar: int = 10,
    show_progress: bool = True,
) -> SiteSummary:
    """Render the site into ``out`` (replaced whole, only once every page is written).

    ``similar`` None renders a page for every pair; a number K renders each role's K most
    similar roles' pairs.
    """
    started = time.perf_counter()
    with read_only(warehouse) as con:
        roles = load_roles(con)
        pairs = {(row["role_a_key"], row["role_b_key"]): row for row in pair_rows(con, similar)}
        neighbours = similar_roles(con, listed_similar)
    staging = out.parent / f".{out.name}.building-{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    (staging / "roles").mkdir(parents=True)
    (staging / "pairs").mkdir()
    _SITE.update(
        roles=roles,
        pairs=pairs,
        similar=neighbours,
        pair_files={pair_file(a, b) for a, b in pairs},
        target=staging,
    )
    tasks: list[tuple[str, ...]] = [("role", key) for key in roles]
    tasks += [("pair", a, b) for a, b in pairs]
    chunks = [tasks[i : i + CHUNK] for i in range(0, len(tasks), CHUNK)]
    try:
        index = [
            {
                "key": role.key,
                "name": role.name,
                "search": f"{role.name.lower()} {role.key}",
                "salary": fmt.money(role.fact("yearly_salary_usd")),
            }
            for role in sorted(roles.values(), key=lambda r: r.name.lower())
        ]
        (staging / "index.html").write_text(render_index_html(index, len(pairs)), "utf-8")
        _render_all(chunks, len(tasks) + 1, jobs, show_progress)
        _publish(staging, out)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    finally:
        _SITE.clear()
    return SiteSummary(len(roles), len(pairs), len(tasks) + 1, time.perf_counter() - started, out)


def _render_all(chunks: list[list[tuple[str, ...]]], total: int, jobs: int, show: bool) -> None:
    columns = (
        TextColumn("[bold]rendering pages"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]} pages/s"),
        TimeElapsedColumn(),
    )
    with Progress(*columns, disable=not show, transient=False) as progress:
        task = progress.add_task("pages", total=total, completed=1, rate="-")
        started = time.perf_counter()

        def advance(done: int) -> None:
            progress.advance(task, done)
            elapsed = time.perf_counter() - started
            completed = progress.tasks[0].completed
            progress.update(task, rate=f"{completed / elapsed:,.0f}" if elapsed else "-")

        if jobs <= 1:
            for chunk in chunks:
                advance(_render_chunk(chunk))
            return
        context = multiprocessing.get_context("fork")
        with context.Pool(jobs) as pool:
            for done in pool.imap_unordered(_render_chunk, chunks):
                advance(done)

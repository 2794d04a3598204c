"""The static site: an index with an offline search box, a page per role and per pair."""

from __future__ import annotations

import multiprocessing
import signal
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from jobcompare.report import formatting as fmt
from jobcompare.report.html import (
    render_index_html,
    render_occupation_html,
    render_occupation_pair_html,
    render_pair_html,
    render_role_html,
)
from jobcompare.report.neighbours import OCCUPATION_PAIRS, ROLE_PAIRS, nearest, nearest_pairs
from jobcompare.report.occupations import (
    OccupationPair,
    load_area_wages,
    load_occupations,
    load_official_occupations,
    occupation_page,
)
from jobcompare.report.roles import Pair, Role, load_pair_sections, load_roles
from jobcompare.report.sections import pair_page
from jobcompare.swap import folder_aside
from jobcompare.warehouse import read_only

CHUNK = 25

# What the rendering workers read; filled before they start (and inherited by fork).
_SITE: dict[str, Any] = {}


@dataclass(frozen=True)
class SiteSummary:
    roles: int
    pairs: int
    occupations: int
    occupation_pairs: int
    pages: int
    seconds: float
    out: Path

    @property
    def pages_per_second(self) -> float:
        return self.pages / self.seconds if self.seconds else float("inf")


def pair_file(a_key: str, b_key: str) -> str:
    return f"pairs/{a_key}-vs-{b_key}.html"


def occupation_pair_file(a_soc: str, b_soc: str) -> str:
    return f"occupation-pairs/{a_soc}-vs-{b_soc}.html"


def _similar_entries(role_key: str) -> list[dict[str, Any]]:
    roles: dict[str, Role] = _SITE["roles"]
    pages: set[str] = _SITE["pair_files"]
    entries = []
    for row in _SITE["similar"].get(role_key, []):
        other = row["other"]
        first, second = sorted((role_key, other))
        href = pair_file(first, second)
        entries.append(
            {
                "key": other,
                "name": roles[other].name,
                "shared": row["shared_skill_count"],
                "jaccard": f"{row['score']:.2f}",
                "pair_href": f"../{href}" if href in pages else None,
            }
        )
    return entries


def _pay_headcount_neighbour_entries(code: str) -> list[dict[str, Any]]:
    occupations = _SITE["occupations"]
    pages: set[str] = _SITE["occupation_pair_files"]
    entries = []
    for row in _SITE["pay_headcount_neighbours"].get(code, []):
        other, index = row["other"], row["score"]
        first, second = sorted((occupations[code].soc_code, occupations[other].soc_code))
        href = occupation_pair_file(first, second)
        entries.append(
            {
                "title": occupations[other].title,
                "pay_headcount_similarity": "-" if index is None else f"{index:.2f}",
                "href": f"../{href}" if href in pages
                else f"../occupations/{occupations[other].soc_code}.html",
            }
        )  # fmt: skip
    return entries


def _render(task: tuple[str, ...]) -> tuple[str, str]:
    """One page: (path inside the site, HTML)."""
    roles: dict[str, Role] = _SITE["roles"]
    kind = task[0]
    if kind == "occupation":
        occupation = _SITE["occupations"][task[1]]
        return f"occupations/{occupation.soc_code}.html", render_occupation_html(
            occupation,
            _pay_headcount_neighbour_entries(occupation.code),
            "../",
            _SITE["area_wages"].get(occupation.code),
            _SITE["roles_by_occupation"].get(occupation.soc_code, []),
        )
    if kind == "occupation-pair":
        occupations = _SITE["occupations"]
        pair = OccupationPair(
            occupations[task[1]], occupations[task[2]], _SITE["similarity"][task[1:]]
        )
        page = occupation_page(pair)
        path = occupation_pair_file(pair.a.soc_code, pair.b.soc_code)
        return path, render_occupation_pair_html(page, pair, "../")
    if kind == "role":
        role = roles[task[1]]
        return f"roles/{role.key}.html", render_role_html(
            role, _similar_entries(role.key), "../", _SITE["official"].get(role.key)
        )
    a_key, b_key = task[1], task[2]
    key = (a_key, b_key)
    pair = Pair(roles[a_key], roles[b_key], _SITE["pairs"][key], _SITE["sections"][key])
    return pair_file(a_key, b_key), render_pair_html(pair_page(pair), pair, "../")


def _render_chunk(chunk: list[tuple[str, ...]]) -> int:
    target: Path = _SITE["target"]
    for task in chunk:
        path, html = _render(task)
        (target / path).write_text(html, encoding="utf-8")
    return len(chunk)


def _worker_signals() -> None:
    """Workers leave Ctrl-C to the parent, which stops them; SIGTERM just ends them."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def build_site(
    warehouse: Path,
    out: Path,
    similar: int | None,
    jobs: int = 1,
    listed_similar: int = 10,
    show_progress: bool = True,
    occupation_pairs_nearest: int | None = 10,
) -> SiteSummary:
    """Render the site into ``out`` (replaced whole, only once every page is written).

    ``similar`` None renders a page for every pair; a number K renders each role's K most
    similar roles' pairs. OEWS occupations (when the warehouse has them) get a page each (with
    their wages by state and metro area) and pair pages for each occupation's
    ``occupation_pairs_nearest`` occupations with the most similar pay and headcount (0: none;
    None: all 344,035 pairs); role pages link to the occupation the crosswalk maps them to.
    """
    started = time.perf_counter()
    # The output folder is checked (and its staging folder made) before the warehouse is
    # read; every page is written into the staging folder, which replaces ``out`` whole.
    with folder_aside(out, "jobcompare site") as staging:
        with read_only(warehouse) as con:
            roles = load_roles(con)
            pairs = {
                (row["role_a_key"], row["role_b_key"]): row
                for row in nearest_pairs(con, ROLE_PAIRS, similar)
            }
            sections = load_pair_sections(con, list(pairs))
            neighbours = nearest(
                con, ROLE_PAIRS, listed_similar, extra=("shared_skill_count",), positive_only=True
            )
            occupations = load_occupations(con) if _has_occupations(con) else {}
            occupation_pairs = (
                [
                    (
                        row["occupation_a_code"],
                        row["occupation_b_code"],
                        row["pay_headcount_similarity"],
                    )
                    for row in nearest_pairs(con, OCCUPATION_PAIRS, occupation_pairs_nearest)
                ]
                if occupations and occupation_pairs_nearest != 0
                else []
            )
            neighbour_occupations = (
                nearest(con, OCCUPATION_PAIRS, listed_similar) if occupations else {}
            )
            area_wages = load_area_wages(con) if occupations else {}
            official = load_official_occupations(con) if occupations else {}
        roles_by_occupation: dict[str, list[Any]] = {}
        for mapped in official.values():
            roles_by_occupation.setdefault(mapped.soc_code, []).append(mapped)
        for folder in ("roles", "pairs", "occupations", "occupation-pairs"):
            (staging / folder).mkdir()
        _SITE.update(
            roles=roles,
            pairs=pairs,
            sections=sections,
            similar=neighbours,
            pair_files={pair_file(a, b) for a, b in pairs},
            occupations=occupations,
            similarity={(a, b): index for a, b, index in occupation_pairs},
            pay_headcount_neighbours=neighbour_occupations,
            area_wages=area_wages,
            official=official,
            roles_by_occupation=roles_by_occupation,
            occupation_pair_files={
                occupation_pair_file(occupations[a].soc_code, occupations[b].soc_code)
                for a, b, _ in occupation_pairs
            },
            target=staging,
        )
        tasks: list[tuple[str, ...]] = [("role", key) for key in roles]
        tasks += [("pair", a, b) for a, b in pairs]
        tasks += [("occupation", code) for code in occupations]
        tasks += [("occupation-pair", a, b) for a, b, _ in occupation_pairs]
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
            occupation_index = [
                {
                    "href": f"occupations/{o.soc_code}.html",
                    "name": f"{o.title} ({o.soc_code})",
                    "search": f"{o.title.lower()} {o.soc_code} {o.code}",
                    "salary": fmt.money(o.fact("annual_mean_usd")),
                }
                for o in sorted(occupations.values(), key=lambda o: o.title.lower())
            ]
            (staging / "index.html").write_text(
                render_index_html(index, occupation_index, len(pairs) + len(occupation_pairs)),
                "utf-8",
            )
            _render_all(chunks, len(tasks) + 1, jobs, show_progress)
        finally:
            _SITE.clear()
    return SiteSummary(
        len(roles),
        len(pairs),
        len(occupations),
        len(occupation_pairs),
        len(tasks) + 1,
        time.perf_counter() - started,
        out,
    )


def _has_occupations(con: Any) -> bool:
    (found,) = con.execute(
        "select count(*) from information_schema.tables "
        "where table_schema = 'marts' and table_name = 'dim_occupations'"
    ).fetchone()
    return bool(found)


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
        with context.Pool(jobs, initializer=_worker_signals) as pool:
            for done in pool.imap_unordered(_render_chunk, chunks):
                advance(done)

"""``jobcompare report`` and ``jobcompare site``: comparison pages from the marts."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from jobcompare.errors import CommandError
from jobcompare.project import project_dir
from jobcompare.report.html import (
    render_occupation_pair_html,
    render_pair_html,
    render_role_occupation_html,
)
from jobcompare.report.json_report import (
    render_json,
    render_occupation_json,
    render_role_occupation_json,
)
from jobcompare.report.markdown import (
    render_markdown,
    render_occupation_markdown,
    render_role_occupation_markdown,
)
from jobcompare.report.occupations import (
    closest_titles,
    find_occupation,
    load_occupation_pair,
    occupation_page,
    occupation_titles,
)
from jobcompare.report.role_occupation import load_role_occupation, role_occupation_page
from jobcompare.report.roles import UnknownRole, find_role, load_pair, role_names
from jobcompare.report.sections import pair_page
from jobcompare.report.site import build_site
from jobcompare.swap import check_file_target, write_file
from jobcompare.warehouse import read_only, warehouse_path

WAREHOUSE_HELP = (
    "the DuckDB file to read, opened read-only (default: $JOB_COMPARE_DUCKDB, else the "
    "project's warehouse/job_compare.duckdb, wherever the command runs)"
)
STDOUT = Path("-")


def register(commands: argparse._SubParsersAction) -> None:
    """Add the ``report`` and ``site`` subcommands."""
    report = commands.add_parser(
        "report",
        help="compare two roles, two occupations, or a role and an occupation, as Markdown, "
        "HTML or JSON",
        description="Render the comparison of ROLE_A with ROLE_B from the warehouse's marts: "
        "two page roles, two OEWS occupations, or a page role and an OEWS occupation (either "
        "order; the pages' figures next to the official ones, and whether the crosswalk maps "
        "the role to the occupation). Roles are named as on the pages (any case) or by key "
        "(customer-service-manager); OEWS occupations by SOC code (43-4051) or title "
        "(Customer Service Representatives).",
    )
    report.add_argument("role_a", metavar="ROLE_A", help="the left role or occupation")
    report.add_argument("role_b", metavar="ROLE_B", help="the right role or occupation")
    report.add_argument(
        "--format", choices=("md", "html", "json"), default="md", help="output format (md)"
    )
    report.add_argument(
        "--out",
        type=Path,
        help="write to this file instead of standard output (- is standard output); only a "
        "new path or a regular file is replaced, never a link, a folder or a device",
    )
    report.add_argument("--warehouse", type=Path, help=WAREHOUSE_HELP)
    report.set_defaults(run=run_report)

    site = commands.add_parser(
        "site",
        help="render the static site: index, role pages, pair pages and occupation pages",
        description="Render a static website from the marts: an index of roles with a search "
        "box that works offline, one page per role and one page per chosen pair. The folder is "
        "replaced whole once every page is written.",
    )
    site.add_argument(
        "--out",
        type=Path,
        help="site folder (default: the project's site folder); replaced only when this "
        "command made it or it is empty, any other folder, file or link is refused",
    )
    site.add_argument(
        "--pairs",
        choices=("all", "similar"),
        default="similar",
        help="which pairs get a page: all pairs, or each role's K most similar roles by skill "
        "overlap (similar, the default)",
    )
    site.add_argument(
        "-k", "--similar", type=int, default=10, metavar="K",
        help="with --pairs similar: how many most similar roles per role (10)",
    )  # fmt: skip
    site.add_argument(
        "--occupation-pairs",
        choices=("similar-pay-headcount", "all", "none"),
        default="similar-pay-headcount",
        help="pair pages for OEWS occupations: each occupation's K occupations with the most "
        "similar pay and headcount (similar-pay-headcount, the default; OEWS has no skills, so "
        "not similar work), all 344,035 pairs, or none",
    )
    site.add_argument(
        "--jobs", type=int, default=1, help="render with this many processes in parallel (1)"
    )
    site.add_argument("--no-progress", action="store_true", help="do not show the progress bar")
    site.add_argument("--warehouse", type=Path, help=WAREHOUSE_HELP)
    site.set_defaults(run=run_site)


def _write(text: str, out: Path | None) -> None:
    if out is None:
        sys.stdout.write(text)
    else:
        write_file(out, text)


def _resolve(names: dict[str, str], titles: dict[str, str], asked: str) -> tuple[str, str]:
    """('role', key) or ('occupation', code) for a name; UnknownRole with the closest names."""
    try:
        return "role", find_role(names, asked)
    except UnknownRole as unknown:
        code = find_occupation(titles, asked)
        if code is not None:
            return "occupation", code
        raise UnknownRole(asked, unknown.closest + closest_titles(titles, asked)) from None


def run_report(args: argparse.Namespace) -> int:
    """Render one comparison; an unknown role exits 2 naming the closest roles."""
    out = None if args.out in (None, STDOUT) else args.out
    if out is not None:
        check_file_target(out)  # before the warehouse is read, not after
    try:
        with read_only(warehouse_path(args.warehouse)) as con:
            names, titles = role_names(con), occupation_titles(con)
            (kind_a, a), (kind_b, b) = (
                _resolve(names, titles, n) for n in (args.role_a, args.role_b)
            )
            if kind_a == kind_b and a == b:
                raise CommandError(f"{args.role_a!r} and {args.role_b!r} are the same {kind_a}")
            if kind_a != kind_b:
                role_first = kind_a == "role"
                mixed = load_role_occupation(
                    con, a if role_first else b, b if role_first else a, role_first
                )
            elif kind_a == "occupation":
                occupations = load_occupation_pair(con, a, b)
            else:
                pair = load_pair(con, a, b)
    except UnknownRole as error:
        raise CommandError(str(error)) from None
    if kind_a != kind_b:
        mixed_page = role_occupation_page(mixed)
        render = {
            "md": lambda: render_role_occupation_markdown(mixed_page),
            "html": lambda: render_role_occupation_html(mixed_page),
            "json": lambda: render_role_occupation_json(mixed_page, mixed),
        }
    elif kind_a == "occupation":
        page = occupation_page(occupations)
        render = {
            "md": lambda: render_occupation_markdown(page),
            "html": lambda: render_occupation_pair_html(page, occupations),
            "json": lambda: render_occupation_json(page, occupations),
        }
    else:
        page = pair_page(pair)
        render = {
            "md": lambda: render_markdown(page),
            "html": lambda: render_pair_html(page, pair),
            "json": lambda: render_json(page, pair),
        }
    _write(render[args.format](), out)
    return 0


def run_site(args: argparse.Namespace) -> int:
    """Render the site and print what was rendered and how fast."""
    if args.similar < 1 or args.jobs < 1:
        raise CommandError("--similar and --jobs take a whole number of at least 1")
    summary = build_site(
        warehouse_path(args.warehouse),
        args.out or project_dir() / "site",
        similar=None if args.pairs == "all" else args.similar,
        jobs=args.jobs,
        show_progress=not args.no_progress,
        occupation_pairs_nearest={"similar-pay-headcount": args.similar, "all": None, "none": 0}[
            args.occupation_pairs
        ],
    )
    print(
        f"rendered {summary.pages} pages ({summary.roles} roles, {summary.pairs} pairs, "
        f"{summary.occupations} occupations, {summary.occupation_pairs} occupation pairs) "
        f"into {summary.out} in {summary.seconds:.2f} s, {summary.pages_per_second:,.0f} pages/s"
    )
    return 0

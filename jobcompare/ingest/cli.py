"""``jobcompare ingest``: pages in, seed CSVs out."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from jobcompare.errors import CommandError
from jobcompare.ingest.run import DEFAULT_WAIT_S, ingest
from jobcompare.project import project_dir, seeds_dir

# Beside the project folder, as the checkouts are laid out: <here>/<checkout>, <here>/shared.
DEFAULT_PAGES = Path("..") / "shared" / "source-pages"


def register(commands: argparse._SubParsersAction) -> None:
    """Add the ``ingest`` subcommand."""
    parser = commands.add_parser(
        "ingest",
        help="turn comparison pages into the raw seed CSVs",
        description="Parse comparison pages (plain text, either layout) and write the raw seed "
        "CSVs: text as the pages wrote it, with the page id and line number of every row. "
        "Without a flag the seeds become exactly the pages given, and the run is refused "
        "(nothing written) if that would drop a page already loaded; the same pages again "
        "change nothing. Every bad page is reported, one line each; exit code 2 when the run "
        "is refused, 1 when --keep-going skipped bad pages.",
    )
    parser.add_argument(
        "pages",
        nargs="*",
        type=Path,
        help=f"page files, or folders of *.txt pages (default: {DEFAULT_PAGES} from the "
        "project folder)",
    )
    how = parser.add_mutually_exclusive_group()
    how.add_argument(
        "--append",
        action="store_true",
        help="add these pages to the rows already in the seeds, which stay as they are; a page "
        "id already loaded is refused",
    )
    how.add_argument(
        "--replace",
        action="store_true",
        help="make the seeds exactly these pages, removing every loaded page not among them "
        "(the removed pages are listed)",
    )
    how.add_argument(
        "--remove",
        nargs="+",
        metavar="PAGE_ID",
        help="remove the loaded pages with these ids (a page's id is its file name without "
        ".txt); an id that is not loaded is refused",
    )
    parser.add_argument(
        "--keep-going",
        action="store_true",
        help="ingest the good pages even if some are bad; the bad ones are listed and the exit "
        "code is 1 (default: any bad page refuses the run and nothing is written)",
    )
    parser.add_argument(
        "--seeds",
        type=Path,
        help="folder of seed CSVs (default: the project folder's seeds)",
    )
    parser.add_argument(
        "--project",
        type=Path,
        help="the dbt project folder (default: the project around the current directory, "
        "else this checkout); the default seeds and pages are found from it",
    )
    parser.add_argument(
        "--wait",
        type=float,
        default=DEFAULT_WAIT_S,
        metavar="SECONDS",
        help="how long to wait for another ingest into the same seeds to finish before "
        f"refusing (default: {DEFAULT_WAIT_S:.0f})",
    )
    parser.set_defaults(run=run)


def _listed(what: str, ids: list[str], limit: int | None = None) -> str:
    """``what N pages: a, b``; with ``limit``, the first ``limit`` ids and how many more."""
    shown = (
        ids
        if limit is None or len(ids) <= limit
        else [*ids[:limit], f"and {len(ids) - limit} more"]
    )
    return f"{what} {len(ids)} page{'s' if len(ids) != 1 else ''}: {', '.join(shown)}"


def run(args: argparse.Namespace) -> int:
    """Ingest; a refused run prints one line per reason (file, line and rule for a bad page)
    and returns 2; with --keep-going, skipped bad pages are listed and it returns 1."""
    if args.remove and args.pages:
        raise CommandError("--remove takes page ids, not page files; give one or the other")
    if args.remove and args.keep_going:
        raise CommandError("--keep-going is for reading pages; --remove reads none")
    if args.wait < 0:
        raise CommandError(f"--wait {args.wait:g}: a number of seconds, 0 or more")
    seeds = seeds_dir(args.seeds, args.project)
    pages = args.pages or [Path(os.path.normpath(project_dir(args.project) / DEFAULT_PAGES))]
    mode = "sync"
    for flag in ("append", "replace", "remove"):
        if getattr(args, flag):
            mode = flag
    summary = ingest(
        pages,
        seeds,
        mode=mode,
        keep_going=args.keep_going,
        remove_ids=args.remove or (),
        wait_s=args.wait,
    )
    for path in summary.leftovers:
        print(f"removed {path}, left by an ingest that did not finish")
    if summary.added:
        print(_listed("added", summary.added, limit=10))
    if summary.updated:
        print(_listed("updated (their rows changed)", summary.updated, limit=10))
    if summary.removed:
        print(_listed("removed", summary.removed))
    totals = f"{summary.pages} pages, {summary.roles} roles, {summary.rows} rows"
    if not summary.written:
        print(f"already loaded: {totals} in {seeds}; nothing changed")
    elif mode == "remove":
        print(f"left {totals} in {len(summary.files)} seed files in {seeds}")
    else:
        print(f"ingested {totals} into {len(summary.files)} seed files in {seeds}")
    for error in summary.bad:
        print(f"error: {error.one_line()}", file=sys.stderr)
    if summary.bad:
        print(f"skipped {len(summary.bad)} bad pages (--keep-going); listed on stderr")
        return 1
    return 0

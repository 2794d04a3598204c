"""``jobcompare ingest``: pages in, seed CSVs out."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from jobcompare.ingest.errors import PageError
from jobcompare.ingest.run import ingest

DEFAULT_PAGES = Path("../shared/source-pages")


def register(commands: argparse._SubParsersAction) -> None:
    """Add the ``ingest`` subcommand."""
    parser = commands.add_parser(
        "ingest",
        help="turn comparison pages into the raw seed CSVs",
        description="Parse comparison pages (plain text, either layout) and write the raw seed "
        "CSVs: text as the pages wrote it, with the page id and line number of every row.",
    )
    parser.add_argument(
        "pages",
        nargs="*",
        type=Path,
        default=[DEFAULT_PAGES],
        help=f"page files, or folders of *.txt pages (default: {DEFAULT_PAGES})",
    )
    parser.add_argument(
        "--seeds", type=Path, default=Path("seeds"), help="folder of seed CSVs (default: seeds)"
    )
    parser.add_argument(
        "--append",
        action="store_true",
        help="add these pages to the rows already in the seeds instead of replacing them; "
        "a page id already loaded is refused",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Ingest; bad input prints one line naming the file, line and rule and returns 2."""
    try:
        summary = ingest(args.pages, args.seeds, append=args.append)
    except PageError as error:
        print(f"error: {error.one_line()}", file=sys.stderr)
        return 2
    except ValueError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    print(
        f"ingested {summary.pages} pages, {summary.roles} roles, {summary.rows} rows "
        f"into {len(summary.files)} seed files in {args.seeds}"
    )
    return 0

"""Read a page file as text, refusing what is not a plain-text comparison page."""

from __future__ import annotations

import re
from pathlib import Path

from jobcompare.ingest.errors import PageError

_HTML_MARKERS = re.compile(r"<!doctype html|<html[\s>]|<body[\s>]|<div[\s>]|<table[\s>]", re.I)

# The longest line a page may have. The longest real line (a run-together race ratio row) is
# under 500 characters; the limit keeps every later step's time bounded.
MAX_LINE_CHARS = 10_000


def read_page_lines(path: Path) -> list[str]:
    """Return the page's lines (without line ends), or raise PageError for unusable input."""
    data = path.read_bytes()
    if not data.strip():
        raise PageError(path, None, "page-not-empty", "the file is empty")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise PageError(
            path, line, "utf-8", f"byte 0x{data[exc.start]:02x} is not valid UTF-8"
        ) from None
    text = text.removeprefix("\ufeff")
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for number, line in enumerate(lines, start=1):
        if len(line) > MAX_LINE_CHARS:
            raise PageError(
                path,
                number,
                "line-length",
                f"the line has {len(line):,} characters; a page line has at most "
                f"{MAX_LINE_CHARS:,} (is this a page saved as text?)",
            )
        if _HTML_MARKERS.search(line):
            raise PageError(
                path,
                number,
                "plain-text-page",
                "this is HTML markup; save the page as text (the reader view) and ingest that",
            )
    return lines

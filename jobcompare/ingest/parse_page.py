"""Parse one comparison page (either layout) into a ParsedPage.

Two layouts are known. In the first, tables are markdown pipe tables whose header row is
shifted (``| A | B | |`` over ``| Yearly salary | $36,097 | $33,238 |``). In the second, the
cells of a row are run together (``Yearly salary$61,487$36,097``); such rows are read in
every plausible way here and settled later, with facts from other pages where needed.
"""

from __future__ import annotations

import re
from pathlib import Path

from jobcompare.catalogue import PageFact
from jobcompare.ingest.errors import PageError, shown, shown_readings, warn
from jobcompare.ingest.fields import (
    SECTION_BY_FIRST_LABEL,
    SECTIONS,
    field_for,
    non_ascii_digit,
    problem_with,
    readings,
)
from jobcompare.ingest.page import ParsedPage, RoleText, TableRow
from jobcompare.ingest.reading import read_page_lines

_TITLE = re.compile(r"^(?P<a>[^.|•:]+?) vs\.? (?P<b>[^.|•:]+?)$", re.I)
_BULLET = re.compile(r"^\s*[•·*\-]\s+(?P<text>\S.*?)\s*$")
_SKILLS_HEADING = re.compile(r"^common (?P<role>.+?) skills$", re.I)
_DUTIES_HEADING = re.compile(r"^(?P<role>.+?) example responsibilities\.?$", re.I)
_WHAT_DOES = re.compile(r"^what does an? (?P<role>.+?) do\?$", re.I)
_TOP_SKILLS = re.compile(r"skills for an? (?P<role>.+?) (?:include|are) (?P<items>.+?)\.?$", re.I)
# A time to become a role, in the grammar macro parse_duration_months reads ("6-12 months",
# "6\u201312 months", "1 to 2 years", "1.5 years", "a year", "less than 1 month"), and what
# around such a phrase means it was not the whole duration ("more than", "and a half", ...).
_NUMBER = r"[0-9]+(?:\.[0-9]+)?"
_DURATION = re.compile(
    rf"(?<![\w.])(?:less than )?(?:{_NUMBER}(?: *(?:-|\u2013|\u2014|to) *{_NUMBER})?|an?|one)"
    r" +(?:day|week|month|year)s?\b",
    re.I,
)
_TIME_UNIT = re.compile(r"\b(?:day|week|month|year)s?\b", re.I)
_MORE_BEFORE = re.compile(
    r"(?:[\d.\-\u2013\u2014/+]|\b(?:to|or|and|than|half|between|from|over|under))\s*$", re.I
)
_MORE_AFTER = re.compile(r"\s*(?:and an? half|or (?:more|less|longer)|\+|plus\b)", re.I)
_SKILL_ENTRY = re.compile(r"^(?P<name>\S.*?), (?P<share>\d+(?:\.\d+)?)%$")
_FURNITURE = {"show more", "show less", "see more", "see less", "post job"}

# The longest role name a page may give. Real names are under 60 characters; keys, file
# names and report headings are made from names, so a runaway name is refused here.
MAX_ROLE_NAME_CHARS = 120
# The longest run-together table row. Its cells are found by trying every cut, which takes
# time quadratic in the row's length; real rows (a race ratio) are under 500 characters.
MAX_RUN_TOGETHER_ROW_CHARS = 1_000


def _squash(text: str) -> str:
    return " ".join(text.split()).casefold()


class _Page:
    """Parsing state for one file: its lines, roles and where its tables are."""

    def __init__(self, path: Path, lines: list[str]) -> None:
        self.path = path
        self.lines = lines
        self.roles: tuple[str, str] = ("", "")

    def fail(self, line: int | None, rule: str, message: str) -> PageError:
        return PageError(self.path, line, rule, message)

    def set_roles(self, roles: tuple[str, str], line: int) -> None:
        """Take ``roles`` as the page's two role names, refusing names no page would give."""
        for name in roles:
            if len(name) > MAX_ROLE_NAME_CHARS:
                raise self.fail(
                    line,
                    "role-name-length",
                    f"a role name of {len(name):,} characters ({name[:40]!r}...); a role name "
                    f"has at most {MAX_ROLE_NAME_CHARS}",
                )
        self.roles = roles

    # --- role mentions -------------------------------------------------------------------
    def role_patterns(self) -> list[tuple[int, re.Pattern[str]]]:
        """Each role's name as a pattern (plural and possessive too), longest name first."""
        order = sorted((1, 2), key=lambda position: -len(self.roles[position - 1]))
        return [
            (
                position,
                re.compile(
                    # Not \b: a name may begin or end with punctuation ("Chef (Pastry)").
                    r"(?<!\w)"
                    + r"\s+".join(map(re.escape, self.roles[position - 1].split()))
                    + r"(?:s|es)?(?:'s|')?(?!\w)",
                    re.I,
                ),
            )
            for position in order
        ]

    def clauses(self, sentence: str) -> list[str]:
        """``sentence`` split at its commas, except those inside a role's name."""
        inside = {
            offset
            for _, pattern in self.role_patterns()
            for match in pattern.finditer(sentence)
            for offset in range(match.start(), match.end())
        }
        cuts = [i for i, char in enumerate(sentence) if char == "," and i not in inside]
        bounds = zip([-1, *cuts], [*cuts, len(sentence)], strict=True)
        return [sentence[start + 1 : end] for start, end in bounds]

    def mentions(self, text: str) -> list[int]:
        """Role positions mentioned in ``text``, in order of appearance."""
        found: list[tuple[int, int]] = []
        for position, pattern in self.role_patterns():
            for match in pattern.finditer(text):
                found.append((match.start(), position))
            text = pattern.sub(lambda m: " " * len(m.group(0)), text)
        return [position for _, position in sorted(found)]

    def role_named(self, name: str, line: int) -> int:
        """The position of the role that ``name`` names exactly (any case, plural allowed)."""
        for position, pattern in self.role_patterns():
            if pattern.fullmatch(name.strip()):
                return position
        raise self.fail(
            line,
            "role-is-on-page",
            f"{name!r} is neither of the page's roles ({self.roles[0]!r}, {self.roles[1]!r})",
        )


def _pipe_cells(line: str) -> list[str]:
    body = line.strip()
    body = body[1:] if body.startswith("|") else body
    body = body[:-1] if body.endswith("|") else body
    return [cell.strip() for cell in body.split("|")]


def _is_pipe(line: str) -> bool:
    return line.lstrip().startswith("|")


def _find_title(lines: list[str]) -> tuple[str, int, tuple[str, str]] | None:
    for number, line in enumerate(lines, start=1):
        match = _TITLE.match(line.strip())
        if match:
            return line.strip(), number, (match["a"].strip(), match["b"].strip())
    return None


def _split_header(line: str, roles: tuple[str, str]) -> tuple[str, str] | None:
    """Read a run-together header such as ``Customer Service ManagerLead Customer ...``."""
    text = line.strip()
    # The whole line must be the two names (with or without a space between) before any cut
    # is tried: this keeps the search linear in the line's length.
    whole, first, second = _squash(text), _squash(roles[0]), _squash(roles[1])
    if whole not in (first + second, f"{first} {second}"):
        return None
    for cut in range(1, len(text)):
        if _squash(text[:cut]) == _squash(roles[0]) and _squash(text[cut:]) == _squash(roles[1]):
            return text[:cut].strip(), text[cut:].strip()
    return None


def _pipe_header(line: str) -> tuple[str, str] | None:
    cells = _pipe_cells(line)
    if len(cells) != 3:
        return None
    named = [cell for cell in cells if cell]
    if len(named) != 2 or any(field_for(section, cell) for section in SECTIONS for cell in named):
        return None
    return named[0], named[1]


def _row_spec(page: _Page, section: str | None, label: str, line: int) -> tuple[str, PageFact]:
    if section is None:
        section = SECTION_BY_FIRST_LABEL.get(label.strip().casefold())
        if section is None:
            known = ", ".join(repr(fields[0].label) for fields in SECTIONS.values())
            raise page.fail(
                line, "known-table", f"a table starting with {label!r}; tables start with {known}"
            )
    spec = field_for(section, label)
    if spec is None:
        known = ", ".join(repr(s.label) for s in SECTIONS[section])
        raise page.fail(
            line, "known-row-label", f"no row {label!r} in the {section} table (known: {known})"
        )
    return section, spec


def _run_together_label(section: str | None, line: str) -> str | None:
    """The longest known label that ``line`` starts with (any case), as the page wrote it."""
    sections = [section] if section else list(SECTIONS)
    labels = [
        spec.label
        for name in sections
        for spec in SECTIONS[name]
        if section or spec is SECTIONS[name][0]
    ]
    matching = [label for label in labels if line.casefold().startswith(label.casefold())]
    if not matching:
        return None
    return line[: len(max(matching, key=len))]


_ROW_OUTSIDE_TABLE = "a table row outside a table with a role header"


def _is_run_together_row(line: str) -> bool:
    """Whether ``line``, outside any table, is a run-together table row: a known row label
    followed at once by a value (``Growth rate6%-4%``), as after a blank line inside a table
    or under a missing header. Prose that starts with a label goes on with a space."""
    text = line.strip()
    labels = [
        spec.label
        for fields in SECTIONS.values()
        for spec in fields
        if text.casefold().startswith(spec.label.casefold())
    ]
    if not labels or len(text) == len(max(labels, key=len)):
        return False
    follows = text[len(max(labels, key=len))]
    return follows.isdigit() or follows.isupper() or follows in "$-"


def _append_row(page: _Page, rows: list[TableRow], row: TableRow) -> None:
    if any(seen.spec is row.spec for seen in rows):
        raise page.fail(row.line, "row-once-per-table", f"{row.label!r} appears twice in a table")
    rows.append(row)


def _read_pipe_table(page: _Page, start: int) -> tuple[list[TableRow], int]:
    """Rows of the pipe table whose header is line ``start`` (1-based); returns the next line."""
    rows: list[TableRow] = []
    section: str | None = None
    number = start + 1
    while number <= len(page.lines) and _is_pipe(page.lines[number - 1]):
        if _pipe_header(page.lines[number - 1]):
            break  # the next table starts right under this one
        cells = _pipe_cells(page.lines[number - 1])
        if len(cells) != 3 or not cells[0]:
            raise page.fail(
                number,
                "three-cells-per-row",
                f"the row has {len(cells)} cells; a row has 3: its label and one value per role",
            )
        label, first, second = cells
        section, spec = _row_spec(page, section, label, number)
        for value in (first, second):
            problem = problem_with(spec, value)
            if problem:
                raise page.fail(number, *problem)
        _append_row(page, rows, TableRow(section, spec, label, number, [(first, second)], "cell"))
        number += 1
    return rows, number


def _read_run_together_table(page: _Page, start: int) -> tuple[list[TableRow], int]:
    rows: list[TableRow] = []
    section: str | None = None
    number = start + 1
    while number <= len(page.lines) and page.lines[number - 1].strip():
        line = page.lines[number - 1].strip()
        if len(line) > MAX_RUN_TOGETHER_ROW_CHARS:
            raise page.fail(
                number,
                "table-row-length",
                f"a run-together table row of {len(line):,} characters; a row has at most "
                f"{MAX_RUN_TOGETHER_ROW_CHARS:,}",
            )
        label = _run_together_label(section, line)
        if label is None:
            raise page.fail(
                number,
                "known-row-label",
                f"the table row {line[:60]!r} does not start with a known row label",
            )
        section, spec = _row_spec(page, section, label, number)
        values = line[len(label) :]
        if digit := non_ascii_digit(values):
            raise page.fail(
                number,
                "ascii-digits",
                f"{label} {shown(values)} has the digit {digit!r}; write 0-9",
            )
        found = readings(spec, values)
        if not found:
            unplausible = readings(spec, values, check_range=False)
            detail = (
                f"none is plausible ({spec.rule}: {spec.low:g} to {spec.high:g}): "
                + shown_readings(unplausible)
                if unplausible
                else "it does not split into two values (a missing or extra cell?)"
            )
            raise page.fail(number, "two-values-per-row", f"{label} {shown(values)}: {detail}")
        how = (
            "only_split"
            if len(readings(spec, values, check_range=False)) == 1
            else ("plausible_split")
        )
        if at_boundary := _word_boundary_reading(found):
            found, how = at_boundary, "word_boundary_split"
        _append_row(page, rows, TableRow(section, spec, label, number, found, how))
        number += 1
    return rows, number


def _word_boundary_reading(found: list[tuple[str, str]]) -> list[tuple[str, str]] | None:
    """The one reading cut where a word ends in lower case and the next value begins in
    capitals (``ManagementUniversity``), when every other reading cuts a word in two
    (``M | IT Sloan School of ManagementUniversity of Michigan``); None otherwise."""

    def at_boundary(reading: tuple[str, str]) -> bool:
        return reading[0][-1].islower() and reading[1][0].isupper()

    def inside_word(reading: tuple[str, str]) -> bool:
        return reading[0][-1].isalpha() and reading[1][0].isalpha() and not at_boundary(reading)

    boundary = [reading for reading in found if at_boundary(reading)]
    others = [reading for reading in found if reading not in boundary]
    if len(boundary) == 1 and others and all(map(inside_word, others)):
        return boundary
    return None


def _check_table_roles(page: _Page, header: tuple[str, str], line: int) -> tuple[str, str]:
    if page.roles == ("", ""):
        return header
    if tuple(map(_squash, header)) != tuple(map(_squash, page.roles)):
        raise page.fail(
            line,
            "header-matches-title",
            f"the table compares {header[0]!r} and {header[1]!r}, "
            f"but the page compares {page.roles[0]!r} and {page.roles[1]!r}",
        )
    return header


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+", text) if s.strip()]


def _whole_durations(page: _Page, line: int, clause: str) -> list[str]:
    """The durations in ``clause``; every time unit in it must end one, read whole."""
    found = []
    by_end = {match.end(): match for match in _DURATION.finditer(clause)}
    for unit in _TIME_UNIT.finditer(clause):
        match = by_end.get(unit.end())
        if (
            match is None
            or _MORE_BEFORE.search(clause[: match.start()])
            or _MORE_AFTER.match(clause[match.end() :])
        ):
            start = max(0, clause.rfind(" ", 0, max(0, unit.start() - 12)))
            raise page.fail(
                line,
                "duration-read-whole",
                f"cannot read the time in {shown(clause[start : unit.end() + 12].strip())} "
                "completely; write it like '6-12 months', '1.5 years', '1 to 2 years' or "
                "'less than a year'",
            )
        found.append(match.group(0))
    return found


def _durations(page: _Page, intro: list[tuple[int, str]]) -> list[RoleText]:
    found: dict[int, RoleText] = {}
    for number, text in intro:
        for sentence in _sentences(text):
            if not re.search(r"\bto become\b|\bbecoming\b", sentence, re.I):
                continue
            for clause in page.clauses(sentence):
                spans = _whole_durations(page, number, clause)
                if not spans:
                    continue
                positions = sorted(set(page.mentions(clause)))
                if (
                    len(spans) > 1
                    or not positions
                    or (len(positions) == 2 and not re.search(r"\bboth\b", clause, re.I))
                ):
                    raise page.fail(
                        number,
                        "duration-names-its-role",
                        f"cannot tell which role the time {clause.strip()!r} is for",
                    )
                for position in positions:
                    if position in found:
                        raise page.fail(
                            number,
                            "one-duration-per-role",
                            f"two times to become {page.roles[position - 1]!r}",
                        )
                    found[position] = RoleText(position, number, spans[0].strip())
    return sorted(found.values(), key=lambda item: item.position)


def _top_skills(page: _Page, intro: list[tuple[int, str]]) -> list[RoleText]:
    found: list[RoleText] = []
    for number, text in intro:
        for sentence in _sentences(text):
            match = _TOP_SKILLS.search(sentence)
            if not match:
                continue
            position = page.role_named(match["role"], number)
            items = [i.strip() for i in re.split(r",\s*(?:and\s+)?|\s+and\s+", match["items"])]
            found.extend(
                RoleText(position, number, item, rank)
                for rank, item in enumerate((i for i in items if i), start=1)
            )
    return found


def _descriptions(page: _Page, zone: list[tuple[int, str]]) -> list[RoleText]:
    """Paragraphs between the overview table and the next table that describe one role."""
    found: list[RoleText] = []
    heading_role: int | None = None
    for number, text in zone:
        if _SKILLS_HEADING.match(text) or _DUTIES_HEADING.match(text) or _BULLET.match(text):
            heading_role = None
            continue  # a list of skills or duties, read by _lists, not a description
        heading = _WHAT_DOES.match(text)
        if heading:
            heading_role = page.role_named(heading["role"], number)
            continue
        positions = set(page.mentions(text))
        if heading_role is not None:
            found.append(RoleText(heading_role, number, text))
        elif len(positions) == 1:
            found.append(RoleText(positions.pop(), number, text))
        heading_role = None
    return found


def _bullets(page: _Page, start: int) -> list[tuple[int, str]]:
    """Bullet items after the heading on line ``start``, without page furniture."""
    items = []
    number = start + 1
    while number <= len(page.lines):
        if not page.lines[number - 1].strip():
            number += 1
            continue
        match = _BULLET.match(page.lines[number - 1])
        if not match:
            break
        if match["text"].casefold() not in _FURNITURE:
            items.append((number, match["text"]))
        number += 1
    return items


def _lists(page: _Page, skipped: set[int]) -> tuple[list[RoleText], list[RoleText]]:
    skills: list[RoleText] = []
    duties: list[RoleText] = []
    for number, line in enumerate(page.lines, start=1):
        if number in skipped:
            continue
        text = line.strip()
        for pattern, target in ((_SKILLS_HEADING, skills), (_DUTIES_HEADING, duties)):
            match = pattern.match(text)
            if not match:
                continue
            position = page.role_named(match["role"], number)
            for rank, (item_line, item) in enumerate(_bullets(page, number), start=1):
                if target is skills:
                    if digit := non_ascii_digit(item):
                        raise page.fail(
                            item_line,
                            "ascii-digits",
                            f"skill {item!r} has the digit {digit!r}; write 0-9",
                        )
                    entry = _SKILL_ENTRY.match(item)
                    if not entry:
                        raise page.fail(
                            item_line,
                            "skill-share-format",
                            f"skill {item!r} is not written like 'Cash Handling, 14%'",
                        )
                    if float(entry["share"]) > 100:
                        raise page.fail(
                            item_line, "share-at-most-100", f"skill {item!r} has a share over 100%"
                        )
                target.append(RoleText(position, item_line, item, rank))
    return skills, duties


_COMPLETE_END = re.compile(r"""[.!?:%)"'\u201d]$""")


def _drop_cut_last_line(page: _Page, table_lines: set[int]) -> None:
    """Blank the page's last line when the page was saved incompletely and it stops mid-way.

    A page cut short ends in a sentence, bullet or heading that stops before its end
    ("... help with", "What does a lead customer service rep"). Such a line must not be
    stored as a description or list item, so it is left out with a warning; every complete
    table above it is kept. (A cut table row is an error of its table, as any bad row.)
    """
    filled = [n for n, line in enumerate(page.lines, start=1) if line.strip()]
    last = filled[-1] if filled else 0
    if not last or last in table_lines:
        return
    text = page.lines[last - 1].strip()
    bullet = _BULLET.match(page.lines[last - 1])
    if _COMPLETE_END.search(text) or (bullet and bullet["text"].casefold() in _FURNITURE):
        return
    after_heading = len(filled) > 1 and _WHAT_DOES.match(page.lines[filled[-2] - 1].strip())
    if bullet or after_heading or page.mentions(text):
        warn(
            page.path,
            last,
            "page-complete",
            f"the page stops mid-way ({shown(text[-60:])} ends without a full stop); "
            "left out that last paragraph, kept everything above it",
        )
    page.lines[last - 1] = ""


def parse_page(path: Path) -> ParsedPage:
    """Parse the page at ``path``; raise PageError naming the line and rule for bad input."""
    page = _Page(path, read_page_lines(path))
    title = _find_title(page.lines)
    title_text, title_line = ("", 0)
    if title:
        title_text, title_line, roles = title
        page.set_roles(roles, title_line)

    tables: list[tuple[int, int, list[TableRow]]] = []  # (header line, next line, rows)
    layout = ""
    stray_row: int | None = None
    number = 1
    while number <= len(page.lines):
        line = page.lines[number - 1]
        header = _pipe_header(line) if _is_pipe(line) else None
        if header:
            page.set_roles(_check_table_roles(page, header, number), number)
            rows, after = _read_pipe_table(page, number)
            layout = "pipe_table"
        elif page.roles != ("", "") and (split := _split_header(line, page.roles)):
            page.set_roles(split, number)
            rows, after = _read_run_together_table(page, number)
            layout = "run_together"
        elif _is_pipe(line):
            raise page.fail(number, "three-cells-per-row", _ROW_OUTSIDE_TABLE)
        else:
            if stray_row is None and _is_run_together_row(line):
                stray_row = number  # an error, unless the page has no table at all (below)
            number += 1
            continue
        if not rows:
            raise page.fail(number, "table-has-rows", "a table header with no rows under it")
        tables.append((number, after, rows))
        number = after

    if page.roles == ("", ""):
        raise page.fail(
            None,
            "comparison-title",
            "no comparison title: expected a line '<role> vs <role>' or a table header naming "
            "both roles",
        )
    if not tables:
        raise page.fail(
            None,
            "has-tables",
            f"no comparison table: no table header names {page.roles[0]!r} and "
            f"{page.roles[1]!r}, the roles of the title",
        )
    if stray_row is not None:
        raise page.fail(stray_row, "three-cells-per-row", _ROW_OUTSIDE_TABLE)
    table_lines = {n for start, after, _ in tables for n in range(start, after)}

    def paragraphs(first: int, last: int) -> list[tuple[int, str]]:
        return [
            (n, page.lines[n - 1].strip())
            for n in range(first, last)
            if n not in table_lines and page.lines[n - 1].strip()
        ]

    _drop_cut_last_line(page, table_lines)
    intro = paragraphs(1, tables[0][0])
    overview = [t for t in tables if t[2][0].section == "overview"]
    zone: list[tuple[int, str]] = []
    if overview:
        end = overview[0][1]
        later = [start for start, _, _ in tables if start >= end]
        zone = paragraphs(end, later[0] if later else len(page.lines) + 1)
    skills, duties = _lists(page, table_lines)
    return ParsedPage(
        page_id=path.stem,
        path=path,
        layout=layout,
        title=title_text,
        title_line=title_line,
        roles=page.roles,
        header_line=tables[0][0],
        rows=[row for _, _, rows in tables for row in rows],
        durations=_durations(page, intro),
        descriptions=_descriptions(page, zone),
        top_skills=_top_skills(page, intro),
        skills=skills,
        responsibilities=duties,
    )

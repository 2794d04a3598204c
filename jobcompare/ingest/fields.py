"""What each table row of a comparison page may hold: its section, format and plausible range.

The rows, their sections and ranges come from the catalogue of page facts
(``jobcompare.catalogue``); the formats, one per kind of fact, are declared here.

The formats accept the text as pages write it; the ranges are the plausibility rules that
decide between readings of run-together cells (``Average age4440``) and reject values no
real page would print. Every value may also be ``-``, the pages' way of saying "unknown".
"""

from __future__ import annotations

import re

from jobcompare.catalogue import TABLE_SECTIONS, PageFact, facts_in

NULL = "-"

_MONEY = r"\$(?:[1-9]\d{0,2}(?:,\d{3})+|0|[1-9]\d*)(?:\.\d{1,2})?"
_SHARE = r"\d+(?:\.\d+)?%"
_GROUP = r"[A-Z][^,%]*"

FORMATS: dict[str, tuple[str, str]] = {
    # kind: (regular expression, example shown in errors)
    "money": (_MONEY, "$36,097 or $17.35"),
    "percent": (r"-?\d+(?:\.\d+)?%", "-4% or 6%"),
    "count": (r"[1-9]\d{0,2}(?:,\d{3})+|0|[1-9]\d*", "192,052"),
    "number": (r"(?:0|[1-9]\d*)(?:\.\d+)?", "40"),
    "degree_share": (rf"{_GROUP}, {_SHARE}", "Bachelor's Degree, 46%"),
    "salary_range": (rf"Between {_MONEY} And {_MONEY}", "Between $22,000 And $58,000"),
    "city": (r"[A-Z][^,]*, [A-Z]{2}", "Goldsboro, NC"),
    "text": (r"[^\s\-](?:.*[^\s\-])?", "Insurance"),
    "group_shares": (
        rf"{_GROUP}, {_SHARE}(?: {_GROUP}, {_SHARE})*",
        "Male, 32.1% Female, 67.9%",
    ),
}
_COMPILED = {kind: re.compile(pattern) for kind, (pattern, _) in FORMATS.items()}
_NUMBER_IN = re.compile(r"-?\d[\d,]*(?:\.\d+)?")
_SHARE_IN = re.compile(r"(\d+(?:\.\d+)?)%")


def non_ascii_digit(text: str) -> str | None:
    """The first digit in ``text`` that is not 0-9 (Arabic-Indic, fullwidth), or None.

    Python reads such digits as numbers but the warehouse does not, so they are refused at
    ingest rather than failing the build.
    """
    return next((char for char in text if char.isdigit() and not char.isascii()), None)


# Each page table's rows, from the catalogue of page facts (jobcompare.catalogue). A fact in
# two tables ("Most common degree") is the same fact, with one format and range.
SECTIONS: dict[str, tuple[PageFact, ...]] = {
    section: facts_in(section) for section in TABLE_SECTIONS
}

# A table's section is told by its first row, since some labels occur in two sections.
SECTION_BY_FIRST_LABEL = {fields[0].label.casefold(): name for name, fields in SECTIONS.items()}


def field_for(section: str, label: str) -> PageFact | None:
    """The spec of ``label`` (any case) in ``section``, or None when the section has no such row."""
    for spec in SECTIONS[section]:
        if spec.label.casefold() == label.strip().casefold():
            return spec
    return None


def problem_with(spec: PageFact, value: str, *, check_range: bool = True) -> tuple[str, str] | None:
    """Why ``value`` cannot be this field's value, as (rule, message); None when it can."""
    if value == NULL:
        return None
    if digit := non_ascii_digit(value):
        return ("ascii-digits", f"{spec.label} {value!r} has the digit {digit!r}; write 0-9")
    _, example = FORMATS[spec.kind]
    if not _COMPILED[spec.kind].fullmatch(value):
        return (f"{spec.kind}-format", f"{spec.label} {value!r} is not written like {example}")
    if not check_range or spec.low is None or spec.high is None:
        return None
    if spec.kind in ("degree_share", "group_shares"):
        shares = [float(share) for share in _SHARE_IN.findall(value)]
        if any(share > 100 for share in shares):
            return ("share-at-most-100", f"{spec.label} {value!r} has a share over 100%")
        if spec.kind == "group_shares" and abs(sum(shares) - 100) > 0.5:
            return (
                "shares-sum-to-100",
                f"{spec.label} {value!r} shares add up to {sum(shares):g}%, not 100%",
            )
        return None
    numbers = [float(n.replace(",", "")) for n in _NUMBER_IN.findall(value)]
    for number in numbers:
        if not spec.low <= number <= spec.high:
            if spec.kind == "percent" and number > 100:
                return ("percent-at-most-100", f"{spec.label} {value!r} is over 100%")
            return (
                spec.rule,
                f"{spec.label} {value!r} is outside the plausible range "
                f"{spec.low:g} to {spec.high:g}",
            )
    if spec.kind == "salary_range" and numbers[0] > numbers[1]:
        return (
            "salary-range-ordered",
            f"{spec.label} {value!r} has its low end above its high end",
        )
    return None


def readings(
    spec: PageFact, run_together: str, *, check_range: bool = True
) -> list[tuple[str, str]]:
    """Every way to read ``run_together`` as two values of this field (both plausible, unless
    ``check_range`` is off and only the format counts)."""
    found = []
    for cut in range(1, len(run_together)):
        left, right = run_together[:cut], run_together[cut:]
        if spec.kind == "text" and not (right == NULL or right[0].isupper() or right[0].isdigit()):
            continue
        if all(problem_with(spec, v, check_range=check_range) is None for v in (left, right)):
            found.append((left, right))
    return found

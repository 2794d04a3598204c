"""Seeded mutations of the real pages: ingest refuses cleanly or stores only what is there.

Each mutant (lines deleted, duplicated, swapped, joined or split by blank lines; the file
cut; odd characters inserted; digits changed; letters swapped for look-alikes) is appended
to seeds holding the real pages, in-process and under a time limit. A refusal must be
Refused (one ``FILE:LINE: ... [rule: ...]`` line per bad page) and leave the seeds
byte-identical; an accepted page must name, for every value it stored, a line of the page
that holds that value's text. A few mutants also go through
the real command in a child process.
"""

from __future__ import annotations

import random
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from support import MANAGER_PAGE, SPECIALIST_PAGE, run_cli

from jobcompare.ingest.run import Refused, ingest
from jobcompare.ingest.seeds import FACT_SEEDS, SEED_COLUMNS, read_seeds

SEED = 11
MUTANTS = 300
SECONDS_PER_PAGE = 5
CHILD_PROCESS_RUNS = 4

ODD = [
    "\u00a0", "\u200b", "\ufeff", "\t", "|", "$", "%", "-", ",", ".", "\u2013", "\u2014",
    "\u0664", "\uff15", "\u00e9", "\u03a9", "\u30c7", "\U0001f680", "\u0130", "\\", "'", '"',
]  # fmt: skip
LOOK_ALIKES = {"a": "\u0430", "e": "\u0435", "o": "\u043e", "C": "\u0421", "1": "\u0661"}
# Seed table -> the column whose text an accepted row must find on the line it names.
TEXT_COLUMN = {
    **{name: "fact_value" for name in FACT_SEEDS},
    "raw_times_to_become": "duration_text",
    "raw_descriptions": "description",
    "raw_top_skills": "skill_name",
    "raw_skills": "skill_entry",
    "raw_responsibilities": "responsibility",
}


def _mutate(rng: random.Random, text: str) -> str:
    lines = text.split("\n")
    for _ in range(rng.randint(1, 3)):
        at = rng.randrange(len(lines)) if lines else 0
        kind = rng.randrange(10)
        if not lines:
            lines = [""]
        elif kind == 0:
            del lines[at]
        elif kind == 1:
            lines.insert(at, lines[at])
        elif kind == 2:
            other = rng.randrange(len(lines))
            lines[at], lines[other] = lines[other], lines[at]
        elif kind == 3:
            joined = "\n".join(lines)
            lines = joined[: rng.randrange(len(joined) + 1)].split("\n")
        elif kind == 4:
            line = lines[at]
            cut = rng.randrange(len(line) + 1)
            lines[at] = line[:cut] + rng.choice(ODD) + line[cut:]
        elif kind == 5:
            digits = [i for i, char in enumerate(lines[at]) if char.isdigit()]
            if digits:
                i = rng.choice(digits)
                lines[at] = lines[at][:i] + rng.choice("0123456789") + lines[at][i + 1 :]
        elif kind == 6 and at + 1 < len(lines):
            lines[at : at + 2] = [lines[at] + rng.choice(["", " "]) + lines[at + 1]]
        elif kind == 7:
            lines.insert(at, "")
        elif kind == 8:
            line = lines[at]
            swappable = [i for i, char in enumerate(line) if char in LOOK_ALIKES]
            if swappable:
                i = rng.choice(swappable)
                lines[at] = line[:i] + LOOK_ALIKES[line[i]] + line[i + 1 :]
        else:
            lines[at] = lines[at].upper() if rng.random() < 0.5 else lines[at].lower()
    return "\n".join(lines)


def _mutants() -> list[tuple[str, str]]:
    rng = random.Random(SEED)
    pages = [MANAGER_PAGE.read_text(encoding="utf-8"), SPECIALIST_PAGE.read_text(encoding="utf-8")]
    return [(f"mutant-{n:03d}", _mutate(rng, pages[n % 2])) for n in range(MUTANTS)]


@contextmanager
def _time_limit(seconds: int) -> Iterator[None]:
    def expire(signum, frame):
        raise TimeoutError(f"ingest took over {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _snapshot(seeds: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(seeds.iterdir())}


def _restore(seeds: Path, snapshot: dict[str, bytes]) -> None:
    for name, data in snapshot.items():
        (seeds / name).write_bytes(data)


def _stored_text_is_on_its_line(seeds: Path, page: Path) -> None:
    lines = page.read_text(encoding="utf-8").replace("\r\n", "\n").replace("\r", "\n")
    lines = lines.removeprefix("\ufeff").split("\n")
    tables = read_seeds(seeds)
    for name, column in TEXT_COLUMN.items():
        columns = SEED_COLUMNS[name]
        for row in tables[name]:
            if row[0] != page.stem:
                continue
            record = dict(zip(columns, row, strict=True))
            text, line = record[column], int(record["line_number"])
            assert text.casefold() in lines[line - 1].casefold(), (name, line, text)
    for row in tables["raw_pages"]:
        if row[0] == page.stem:
            # Role names are as one of the page's headers writes them; the first may differ
            # in case (headers are checked equal but for case and spacing).
            header = " ".join(lines[int(row[7]) - 1].split()).casefold()
            for name in (row[5], row[6]):
                assert " ".join(name.split()).casefold() in header, (row, header)


def test_mutated_pages_are_refused_cleanly_or_stored_with_their_lines(tmp_path, capsys):
    seeds = tmp_path / "seeds"
    ingest([MANAGER_PAGE, SPECIALIST_PAGE], seeds)
    before = _snapshot(seeds)
    accepted = refused = 0
    for page_id, text in _mutants():
        page = tmp_path / f"{page_id}.txt"
        page.write_text(text, encoding="utf-8")
        try:
            with _time_limit(SECONDS_PER_PAGE):
                ingest([page], seeds, mode="append")
        except Refused:
            refused += 1
            assert _snapshot(seeds) == before, f"{page_id} was refused but changed the seeds"
            continue
        except Exception as error:  # any other exception is the bug reported
            pytest.fail(f"{page} (seed {SEED}): {type(error).__name__}: {error}")
        accepted += 1
        _stored_text_is_on_its_line(seeds, page)
        _restore(seeds, before)
    capsys.readouterr()  # warnings about cut pages
    assert accepted and refused, (accepted, refused)


def test_mutated_pages_through_the_command_exit_0_or_2_without_traceback(tmp_path):
    seeds = tmp_path / "seeds"
    ingest([MANAGER_PAGE, SPECIALIST_PAGE], seeds)
    before = _snapshot(seeds)
    for page_id, text in _mutants()[:CHILD_PROCESS_RUNS]:
        page = tmp_path / f"{page_id}.txt"
        page.write_text(text, encoding="utf-8")
        result = run_cli("ingest", str(page), "--seeds", str(seeds), "--append")
        assert result.returncode in (0, 2), result.stderr
        assert "Traceback" not in result.stderr
        if result.returncode == 2:
            assert result.stderr.startswith(f"error: {page}"), result.stderr
            assert _snapshot(seeds) == before
        _restore(seeds, before)

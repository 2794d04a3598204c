"""Synthetic raw data: deterministic, additive, in the raw text form, plausible."""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from pathlib import Path

from support import run_cli

from jobcompare.ingest.fields import SECTIONS, field_for, problem_with
from jobcompare.ingest.seeds import SEED_COLUMNS


def synth(tmp_path: Path, roles: int, seed: int = 1, name: str = "") -> Path:
    out = tmp_path / (name or f"synth-{roles}-{seed}")
    result = run_cli("synth", "--roles", str(roles), "--seed", str(seed), "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert f"wrote 10 raw tables for {roles} roles" in result.stdout
    return out


def rows(folder: Path, table: str) -> list[dict[str, str]]:
    with (folder / f"{table}.csv").open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_same_seed_same_bytes_other_seed_other_data(tmp_path):
    first, again = synth(tmp_path, 40, name="a"), synth(tmp_path, 40, name="b")
    other = synth(tmp_path, 40, seed=2, name="c")
    for table in SEED_COLUMNS:
        assert (first / f"{table}.csv").read_bytes() == (again / f"{table}.csv").read_bytes()
    assert (first / "raw_overview.csv").read_bytes() != (other / "raw_overview.csv").read_bytes()


def test_more_roles_only_add_rows(tmp_path):
    small, large = synth(tmp_path, 30), synth(tmp_path, 33)
    for table in SEED_COLUMNS:
        before = {tuple(r.values()) for r in rows(small, table)}
        after = {tuple(r.values()) for r in rows(large, table)}
        assert before < after, table


def test_values_pass_ingestion_rules_and_are_plausible(tmp_path):
    folder = synth(tmp_path, 200)
    facts: dict[str, dict[str, str]] = defaultdict(dict)
    for section in SECTIONS:
        for row in rows(folder, f"raw_{section}"):
            spec = field_for(section, row["fact_label"])
            assert spec is not None, row
            assert problem_with(spec, row["fact_value"]) is None, row
            facts[row["role_name"]][row["fact_label"]] = row["fact_value"]
    assert len(facts) == 200

    def money(text: str) -> float:
        return float(text.replace("$", "").replace(",", ""))

    for role, fact in facts.items():
        yearly = money(fact["Yearly salary"])
        low, high = (money(m) for m in re.findall(r"\$[\d,]+", fact["Salary range"]))
        assert low <= yearly <= high, role
        assert abs(money(fact["Hourly rate"]) - yearly / 2080) <= 0.01, role
        for ratio in ("Gender ratio", "Race ratio"):
            shares = [float(s) for s in re.findall(r"([\d.]+)%", fact[ratio])]
            assert abs(sum(shares) - 100) < 0.05, (role, ratio)
    skills = defaultdict(set)
    for row in rows(folder, "raw_skills"):
        skills[row["role_name"]].add(row["skill_entry"].rsplit(", ", 1)[0])
    vocabulary = set().union(*skills.values())
    assert 100 <= len(vocabulary) <= 400
    names = sorted(skills)
    overlapping = sum(
        1 for i, a in enumerate(names) for b in names[i + 1 :] if skills[a] & skills[b]
    )
    total = len(names) * (len(names) - 1) // 2
    assert 0.2 < overlapping / total < 0.95, overlapping / total


def test_every_role_is_on_two_pages_except_the_ends(tmp_path):
    folder = synth(tmp_path, 25)
    pages = rows(folder, "raw_pages")
    assert len(pages) == 24
    counts: dict[str, int] = defaultdict(int)
    for page in pages:
        counts[page["role_1_name"]] += 1
        counts[page["role_2_name"]] += 1
    assert sorted(counts.values()) == [1, 1] + [2] * 23


def test_bad_role_count_is_refused(tmp_path):
    result = run_cli("synth", "--roles", "1", "--out", str(tmp_path / "x"))
    assert result.returncode == 2
    assert "--roles must be between 2 and" in result.stderr
    assert not (tmp_path / "x").exists()

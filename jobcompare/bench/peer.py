"""The peer: the pair fact and the skills pair mart in plain pandas, from the same raw CSVs.

This is what an analyst would write without a warehouse: read the CSVs, parse the text
with pandas string methods, pick one value per role and fact, cross-join the roles and
compute the differences, then list every skill of either role for every pair. It keeps
the warehouse's rules (slug keys, role a sorts first, a minus b, the Jaccard index over
listed and prose skills) so that its output can be checked equal to the warehouse's.

Run as a program (``python -m jobcompare.bench.peer RAW OUT``) it writes both tables as
Parquet files into OUT and prints its wall time, so that the benchmark can run it in a
separate process with a memory cap.
"""

from __future__ import annotations

import hashlib
import sys
import time
from pathlib import Path

import pandas as pd

from jobcompare.ingest.resolve import role_key

FACTS = {
    "Yearly salary": "yearly_salary_usd",
    "Hourly rate": "hourly_rate_usd",
    "Growth rate": "growth_rate_pct",
    "Number of jobs": "number_of_jobs",
    "Most common degree": "degree_share_pct",
    "Average age": "average_age_years",
    "Years of experience": "years_of_experience",
    "LGBT Percentage": "lgbt_share_pct",
}
_NUMBER = r"[0-9]+(?:[.][0-9]+)?"
DURATION = (
    rf"^(less than )?({_NUMBER}|an?|one)(?: *(?:-|\u2013|\u2014|to) *({_NUMBER}))?"
    r" +(day|week|month|year)s?$"
)
MONTHS_PER_UNIT = {"day": 12 / 365, "week": 12 / 52, "month": 1.0, "year": 12.0}


def role_keys(names: pd.Series) -> pd.Series:
    """The warehouse's role keys (macro role_key), by the one Python implementation."""
    keys = {name: role_key(name) for name in names.dropna().unique()}
    return names.map(keys)


def slug(names: pd.Series) -> pd.Series:
    return names.str.lower().str.replace(r"[^a-z0-9]+", "-", regex=True).str.strip("-")


def _number(values: pd.Series) -> pd.Series:
    text = values.str.extract(r"(-?[0-9][0-9,]*(?:\.[0-9]+)?)%?$", expand=False)
    return pd.to_numeric(text.str.replace(",", "", regex=False), errors="coerce")


def _first_per_role(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.sort_values(["page_id", "line_number"]).drop_duplicates(["role_key", "fact_label"])


def role_profiles(raw: Path) -> pd.DataFrame:
    """One row per role with the facts the pair fact compares."""
    facts = pd.concat(
        [
            pd.read_csv(raw / f"{name}.csv", dtype=str)
            for name in ("raw_overview", "raw_demographics")
        ]
    )
    facts["role_key"] = role_keys(facts["role_name"])
    facts["line_number"] = facts["line_number"].astype(int)
    facts = _first_per_role(facts[facts["fact_label"].isin(FACTS)])
    facts["value"] = _number(facts["fact_value"].where(facts["fact_value"] != "-"))
    profiles = facts.pivot(index="role_key", columns="fact_label", values="value")
    profiles = profiles.rename(columns=FACTS).reindex(columns=list(FACTS.values()))
    durations = pd.read_csv(raw / "raw_times_to_become.csv", dtype=str)
    durations["role_key"] = role_keys(durations["role_name"])
    durations = durations.sort_values("page_id").drop_duplicates("role_key")
    parts = durations["duration_text"].str.strip().str.lower().str.extract(DURATION)
    low = pd.to_numeric(parts[1].replace({"a": "1", "an": "1", "one": "1"}))
    high = pd.to_numeric(parts[2]).fillna(low)
    unit = parts[3].map(MONTHS_PER_UNIT)
    durations["min_months"] = (low.where(parts[0].isna(), 0) * unit).round(2)
    durations["max_months"] = (high * unit).round(2)
    return profiles.join(durations.set_index("role_key")[["min_months", "max_months"]])


def role_skills(raw: Path) -> pd.DataFrame:
    """Each role's skills: listed skills with shares and the prose's top three."""
    listed = pd.read_csv(raw / "raw_skills.csv", dtype=str)
    listed["role_key"] = role_keys(listed["role_name"])
    parts = listed["skill_entry"].str.extract(r"^(.+), ([0-9]+(?:\.[0-9]+)?)%$")
    listed["skill_name"] = parts[0].str.strip()
    listed["skill_key"] = slug(listed["skill_name"])
    listed["share_pct"] = pd.to_numeric(parts[1])
    listed["line_number"] = listed["line_number"].astype(int)
    listed = listed.sort_values(["page_id", "line_number"]).drop_duplicates(
        ["role_key", "skill_key"]
    )
    prose = pd.read_csv(raw / "raw_top_skills.csv", dtype=str)
    prose["role_key"] = role_keys(prose["role_name"])
    prose["skill_key"] = slug(prose["skill_name"])
    prose["top_rank"] = prose["skill_rank"].astype(int)
    prose = prose.sort_values("page_id").drop_duplicates(["role_key", "top_rank"])
    skills = listed[["role_key", "skill_key", "skill_name", "share_pct", "line_number"]].merge(
        prose[["role_key", "skill_key", "skill_name", "top_rank"]],
        on=["role_key", "skill_key"],
        how="outer",
        suffixes=("", "_prose"),
    )
    skills["skill_name"] = skills["skill_name"].fillna(skills["skill_name_prose"])
    skills = skills.sort_values(
        ["role_key", "share_pct", "line_number", "top_rank", "skill_key"],
        ascending=[True, False, True, True, True],
        na_position="last",
    )
    skills["skill_rank"] = skills.groupby("role_key").cumcount() + 1
    return skills[["role_key", "skill_key", "skill_name", "share_pct", "skill_rank"]]


def _surrogate(text: str) -> int:
    """The warehouse's surrogate_key of one text: the first 60 bits of its md5."""
    return int(hashlib.md5(text.encode()).hexdigest()[:15], 16)


def _pair_ids(a: pd.Series, b: pd.Series) -> list[int]:
    return [_surrogate(f"{x}|{y}") for x, y in zip(a, b, strict=True)]


def _role_ids(keys: pd.Series) -> pd.Series:
    """The warehouse's role_id: the surrogate key of the role key."""
    ids = {key: _surrogate(key) for key in keys.unique()}
    return keys.map(ids).astype("int64")


def pair_fact(profiles: pd.DataFrame, skills: pd.DataFrame) -> pd.DataFrame:
    """Every unordered pair of roles with the differences (a minus b) and skill overlap."""
    roles = profiles.reset_index()
    pairs = roles.merge(roles, how="cross", suffixes=("_a", "_b"))
    pairs = pairs[pairs["role_key_a"] < pairs["role_key_b"]].reset_index(drop=True)
    out = pd.DataFrame({"role_a_key": pairs["role_key_a"], "role_b_key": pairs["role_key_b"]})
    for column, name in (
        ("yearly_salary_usd", "yearly_salary_diff_usd"),
        ("hourly_rate_usd", "hourly_rate_diff_usd"),
        ("growth_rate_pct", "growth_rate_diff_pct_points"),
        ("number_of_jobs", "number_of_jobs_diff"),
        ("min_months", "time_to_become_min_diff_months"),
        ("max_months", "time_to_become_max_diff_months"),
        ("years_of_experience", "years_of_experience_diff"),
        ("average_age_years", "average_age_diff_years"),
        ("degree_share_pct", "degree_share_diff_pct_points"),
        ("lgbt_share_pct", "lgbt_share_diff_pct_points"),
    ):
        out[name] = (pairs[f"{column}_a"] - pairs[f"{column}_b"]).round(2)
    out["yearly_salary_ratio"] = (
        pairs["yearly_salary_usd_a"] / pairs["yearly_salary_usd_b"]
    ).round(4)
    counts = skills.groupby("role_key").size()
    shared = skills.merge(skills, on="skill_key", suffixes=("_a", "_b"))
    shared = shared[shared["role_key_a"] < shared["role_key_b"]]
    shared = shared.groupby(["role_key_a", "role_key_b"]).size().rename("shared_skill_count")
    out = out.merge(
        shared.reset_index(),
        left_on=["role_a_key", "role_b_key"],
        right_on=["role_key_a", "role_key_b"],
        how="left",
    ).drop(columns=["role_key_a", "role_key_b"])
    out["shared_skill_count"] = out["shared_skill_count"].fillna(0).astype(int)
    out["role_a_skill_count"] = out["role_a_key"].map(counts).fillna(0).astype(int)
    out["role_b_skill_count"] = out["role_b_key"].map(counts).fillna(0).astype(int)
    union = out["role_a_skill_count"] + out["role_b_skill_count"] - out["shared_skill_count"]
    out["skill_jaccard_index"] = (out["shared_skill_count"] / union.where(union > 0)).round(4)
    out.insert(0, "pair_id", _pair_ids(out["role_a_key"], out["role_b_key"]))
    out.insert(1, "role_a_id", _role_ids(out["role_a_key"]))
    out.insert(2, "role_b_id", _role_ids(out["role_b_key"]))
    return out


def pair_skills(pairs: pd.DataFrame, skills: pd.DataFrame) -> pd.DataFrame:
    """For every pair, one row per skill of either role, with each role's share and rank."""
    keys = pairs[["pair_id", "role_a_key", "role_b_key"]]
    side_a = keys.merge(skills, left_on="role_a_key", right_on="role_key")
    side_b = keys.merge(skills, left_on="role_b_key", right_on="role_key")
    merged = side_a.merge(
        side_b,
        on=["pair_id", "role_a_key", "role_b_key", "skill_key"],
        how="outer",
        suffixes=("_a", "_b"),
    )
    return pd.DataFrame(
        {
            "pair_id": merged["pair_id"],
            "role_a_key": merged["role_a_key"],
            "role_b_key": merged["role_b_key"],
            "skill_key": merged["skill_key"],
            "role_a_share_pct": merged["share_pct_a"],
            "role_a_skill_rank": merged["skill_rank_a"],
            "role_b_share_pct": merged["share_pct_b"],
            "role_b_skill_rank": merged["skill_rank_b"],
            "is_shared": merged["skill_rank_a"].notna() & merged["skill_rank_b"].notna(),
        }
    )


def compute(raw: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    skills = role_skills(raw)
    pairs = pair_fact(role_profiles(raw), skills)
    return pairs, pair_skills(pairs, skills)


def main(argv: list[str]) -> int:
    raw, out = Path(argv[0]), Path(argv[1])
    started = time.perf_counter()
    pairs, skills = compute(raw)
    seconds = time.perf_counter() - started
    out.mkdir(parents=True, exist_ok=True)
    # the pair fact names its roles by id, as fct_role_pairs does (the keys are for joins here)
    pairs.drop(columns=["role_a_key", "role_b_key"]).to_parquet(
        out / "pair_fact.parquet", index=False
    )
    skills.to_parquet(out / "pair_skills.parquet", index=False)
    print(f"peer_seconds={seconds:.3f} pairs={len(pairs)} pair_skills={len(skills)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

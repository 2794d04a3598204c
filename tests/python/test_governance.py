"""The governance checks (``python -m jobcompare.governance``) pass on the project and fail,
naming the rule and the model, on a copy broken on purpose: one rule per break."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import yaml
from support import REPO, copy_project

from jobcompare.governance import EXCEPTIONS, KEY_EXCEPTIONS, check


def run_checks(project: Path) -> subprocess.CompletedProcess[str]:
    """The real command, as ``make lint`` runs it: a fresh dbt parse, then the rules."""
    return subprocess.run(
        [sys.executable, "-m", "jobcompare.governance", "--project", str(project)],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
    )


def findings(output: str) -> set[tuple[str, str]]:
    """(rule, model) of every finding line: ``rule: model: what to do``."""
    return {tuple(line.split(": ", 2)[:2]) for line in output.splitlines() if ": " in line}


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_project_passes_every_rule():
    result = run_checks(REPO)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip().endswith("no findings"), result.stdout


def test_a_broken_copy_fails_naming_each_rule_and_model(tmp_path):
    project = copy_project(tmp_path / "project")
    models = project / "models"
    # A staging model that reads another staging model.
    salary = models / "staging" / "pages" / "stg_pages__salary.sql"
    salary.write_text(
        salary.read_text(encoding="utf-8") + "\n-- {{ ref('stg_pages__pages') }}\n", "utf-8"
    )
    # A mart without an enforced contract.
    occupations = models / "marts" / "oews" / "dim_occupations.sql"
    occupations.write_text(
        "{{ config(contract={'enforced': false}) }}\n" + occupations.read_text("utf-8"), "utf-8"
    )
    # A relation named by its schema instead of ref().
    _edit(
        models / "marts" / "pairs" / "rpt_role_comparisons.sql",
        "{{ ref('dim_roles') }}",
        "marts.dim_roles",
    )
    # A model outside staging that reads a source, named against the layer's rule, without
    # a description or a primary-key test.
    (models / "intermediate" / "pairs" / "pairs_without_tests.sql").write_text(
        "select * from {{ source('oews', 'meta') }}\n", "utf-8"
    )
    # An exception that nothing breaks any more, and a key exception taken away.
    exceptions = project / "tests" / "governance" / "exceptions.yml"
    exceptions.write_text(
        exceptions.read_text("utf-8")
        + "\n- rule: fan_out\n  model: dim_roles\n  reason: it once had three leaf children\n",
        "utf-8",
    )
    key_exceptions = project / "tests" / "governance" / "key_exceptions.yml"
    kept = [
        e for e in yaml.safe_load(key_exceptions.read_text("utf-8")) if e["column"] != "series_id"
    ]
    key_exceptions.write_text(yaml.safe_dump(kept), "utf-8")

    result = run_checks(project)

    assert result.returncode == 1, result.stdout + result.stderr
    assert findings(result.stdout) == {
        ("staging_reads_staging", "stg_pages__salary"),
        ("public_contract", "dim_occupations"),
        ("hard_coded_relation", "rpt_role_comparisons"),
        ("source_outside_staging", "pairs_without_tests"),
        ("naming", "pairs_without_tests"),
        ("model_description", "pairs_without_tests"),
        ("primary_key_test", "pairs_without_tests"),
        ("stale_exception", "dim_roles"),
        ("key_vocabulary", "fct_occupation_wages.series_id"),
        ("key_vocabulary", "fct_occupation_area_wages.series_id"),
    }, result.stdout
    assert "hard_coded_relation: rpt_role_comparisons: names marts.dim_roles" in result.stdout


def test_view_chains_fan_out_access_and_yaml_names_are_found(tmp_path):
    project = copy_project(tmp_path / "project")
    models = project / "models"
    # Staging and intermediate models as views: page rows to pair sections become one chain
    # of views.
    config = project / "dbt_project.yml"
    text = config.read_text("utf-8")
    for schema in ("+schema: staging", "+schema: intermediate"):
        at = text.index("+materialized: table", text.index(schema))
        text = text[:at] + "+materialized: view" + text[at + 20 :]
    config.write_text(text, "utf-8")
    # Without the exposures, nothing outside dbt reads the pair sections: the four of them
    # become leaf children of int_role_pairs, a fan-out.
    (models / "exposures.yml").unlink()
    # A mart that is not public, and marts described in a YAML file named against the rule.
    skills = models / "marts" / "roles" / "fct_role_skills.sql"
    skills.write_text("{{ config(access='protected') }}\n" + skills.read_text("utf-8"), "utf-8")
    oews = models / "marts" / "oews"
    (oews / "_oews__models.yml").rename(oews / "oews_models.yml")
    # A schema-qualified name in a comment is no relation.
    wages = oews / "fct_occupation_wages.sql"
    wages.write_text(
        "-- read it as: select * from marts.fct_occupation_wages\n" + wages.read_text("utf-8"),
        "utf-8",
    )

    result = run_checks(project)

    assert result.returncode == 1, result.stdout + result.stderr
    found = findings(result.stdout)
    assert {rule for rule, _ in found} == {"view_chain", "fan_out", "mart_access", "yaml_naming"}
    assert ("fan_out", "int_role_pairs") in found
    assert ("mart_access", "fct_role_skills") in found
    assert {model for rule, model in found if rule == "yaml_naming"} == {
        "dim_occupations",
        "fct_occupation_area_wages",
        "fct_occupation_pairs",
        "fct_occupation_wages",
        "rpt_occupation_comparisons",
        "rpt_role_occupation_comparisons",
        "rpt_role_official_wages",
    }
    # stg_pages__<section> -> int_role_facts_unioned -> int_role_facts_chosen ->
    # int_roles_conformed -> int_role_pairs -> rpt_pair_salaries: six views.
    assert ("view_chain", "rpt_pair_salaries") in found, result.stdout
    assert "ends a chain of 6 views (stg_pages__" in result.stdout


def test_the_exceptions_skip_exactly_the_cases_they_list(tmp_path, lint_manifest):
    """Without the exception files, the findings are exactly the cases the files list."""
    (tmp_path / "tests" / "governance").mkdir(parents=True)
    found = {(f.rule, f.model, f.column) for f in check(lint_manifest, tmp_path)}
    listed = yaml.safe_load((REPO / EXCEPTIONS).read_text("utf-8"))
    keys = {e["column"] for e in yaml.safe_load((REPO / KEY_EXCEPTIONS).read_text("utf-8"))}
    assert {f for f in found if f[0] != "key_vocabulary"} == {
        (e["rule"], e["model"], e.get("column")) for e in listed
    }
    key_columns = {column for rule, _, column in found if rule == "key_vocabulary"}
    assert key_columns and key_columns <= keys


def test_an_exception_without_a_reason_or_a_known_rule_is_a_finding(tmp_path, lint_manifest):
    folder = tmp_path / "tests" / "governance"
    folder.mkdir(parents=True)
    (folder / "exceptions.yml").write_text(
        "- rule: fan_out\n  model: int_role_pairs\n"
        "- rule: no_such_rule\n  model: dim_roles\n  reason: a rule nobody checks\n",
        "utf-8",
    )
    lines = [f.line() for f in check(lint_manifest, tmp_path) if f.rule == "bad_exception"]
    assert [line.split(": ", 2)[1] for line in lines] == [
        f"{EXCEPTIONS}#1",
        f"{EXCEPTIONS}#2",
    ]

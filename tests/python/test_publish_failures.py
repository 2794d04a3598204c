"""Failed, killed and starved builds publish nothing and leave the served file as it was."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
from support import copy_project, file_digest, run_build, run_dbt_in, served_file

from jobcompare.publish.served_file import Publication, digest, read_record, write_record


@pytest.fixture(scope="module")
def published(tmp_path_factory, published_build) -> Path:
    """A copy of the project with one published build, for this module to build on."""
    return published_build.copy(tmp_path_factory.mktemp("publish") / "project")


def snapshot(project: Path) -> tuple[str, str]:
    pointer = project / "warehouse" / "parquet"
    return file_digest(served_file(project)), os.readlink(pointer)


def stray(project: Path) -> list[str]:
    return sorted(p.name for p in (project / "warehouse").glob(".building-*"))


def opens_and_answers(project: Path) -> int:
    con = duckdb.connect(str(served_file(project)), read_only=True)
    try:
        return con.execute("select count(*) from marts.fct_role_pairs").fetchone()[0]
    finally:
        con.close()


def edit_seed(project: Path, seed: str, old: str, new: str) -> None:
    path = project / "seeds" / f"{seed}.csv"
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_malformed_seed_rows_fail_naming_file_row_and_rule(published, tmp_path):
    project = copy_project(tmp_path / "bad")
    # The bad project publishes over the same served file as the good one.
    (project / "warehouse").rmdir()
    (project / "warehouse").symlink_to(published / "warehouse")
    before = snapshot(published)
    edit_seed(project, "raw_overview", 'Yearly salary,"$61,487"', 'Yearly salary,"$12,3x4"')
    edit_seed(project, "raw_demographics", "LGBT Percentage,10%", "LGBT Percentage,140%")
    pages = (project / "seeds" / "raw_pages.csv").read_text().splitlines()
    (project / "seeds" / "raw_pages.csv").write_text("\n".join([*pages, pages[1]]) + "\n")
    result = run_build(project)
    assert result.returncode == 1
    errors = result.stderr
    assert "error: the build failed; nothing was published" in errors
    assert "seeds/raw_overview.csv line 2: page_id='customer-service-manager-vs-lead-" in errors
    assert "raw_text='$12,3x4'" in errors and "is_parsed(value_usd" in errors
    assert "seeds/raw_demographics.csv line 8:" in errors and "fact_value='140%'" in errors
    assert "accepted_range(value_pct, min_value=0, max_value=100)" in errors
    assert "unique(page_id) on stg_pages__pages" in errors
    assert "seeds/raw_pages.csv line 2; seeds/raw_pages.csv line 4" in errors
    assert snapshot(published) == before
    assert stray(published) == []


@pytest.mark.parametrize(
    "moment",
    ["START seed file", "START sql view model", "START test"],
    ids=["during-seed", "during-models", "during-tests"],
)
def test_kill_9_leaves_the_served_file_intact(published, moment):
    before = snapshot(published)
    build = subprocess.Popen(
        [sys.executable, "-m", "jobcompare.cli", "build", "--project", str(published),
         "--warehouse", str(served_file(published))],
        cwd=published, env={**os.environ, "PYTHONUNBUFFERED": "1"},
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True,
    )  # fmt: skip
    assert build.stdout is not None
    seen = []
    for line in build.stdout:
        seen.append(line)
        if moment in line:
            os.killpg(build.pid, signal.SIGKILL)
            break
    build.wait(timeout=60)
    assert build.returncode == -signal.SIGKILL, "".join(seen[-20:])
    assert snapshot(published) == before
    assert opens_and_answers(published) == 3


def test_after_kills_the_served_file_passes_dbt_tests_and_the_next_build_publishes(published):
    """Runs after the kills above: the stray build folder goes with the next build."""
    tested = run_dbt_in(published, "test", "--target", "read_only")
    assert tested.returncode == 0, tested.stdout[-3000:]
    assert "ERROR=0" in tested.stdout
    before = snapshot(published)
    result = run_build(published)
    assert result.returncode == 0, result.stderr + result.stdout[-2000:]
    assert snapshot(published) != before
    assert stray(published) == []
    assert opens_and_answers(published) == 3


def _mount_tmpfs(folder: Path, size: int, read_only: bool = False) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    options = f"size={size}" + (",ro" if read_only else "")
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    if done.returncode != 0:
        pytest.skip(f"cannot mount a small file system here: {done.stderr.strip()}")


def _unmount(folder: Path) -> None:
    subprocess.run(["umount", str(folder)], check=False)


def test_disk_full_gives_a_clear_error_and_keeps_the_served_file(published, tmp_path):
    project = copy_project(tmp_path / "full")
    warehouse = project / "warehouse"
    served = served_file(published)
    _mount_tmpfs(warehouse, served.stat().st_size + 512 * 1024)
    try:
        os.symlink("/dev/null", warehouse / "placeholder")  # the mount is ours and writable
        (warehouse / "placeholder").unlink()
        served_copy = served_file(project)
        served_copy.write_bytes(served.read_bytes())
        before = file_digest(served_copy)
        result = run_build(project)
        assert result.returncode == 1
        assert "error: no space left on the device of" in result.stderr
        assert "nothing was published" in result.stderr
        assert file_digest(served_copy) == before
        assert stray(project) == []
    finally:
        _unmount(warehouse)


def test_read_only_folder_gives_a_clear_error_and_keeps_the_served_file(published, tmp_path):
    project = copy_project(tmp_path / "readonly")
    warehouse = project / "warehouse"
    served = served_file(published)
    _mount_tmpfs(warehouse, served.stat().st_size * 2)
    try:
        served_file(project).write_bytes(served.read_bytes())
        subprocess.run(["mount", "-o", "remount,ro", str(warehouse)], check=True)
        before = file_digest(served_file(project))
        result = run_build(project)
        assert result.returncode == 1
        assert "(Read-only file system); nothing was published" in result.stderr
        assert file_digest(served_file(project)) == before
    finally:
        _unmount(warehouse)


def test_a_served_file_from_an_older_version_is_built_again_from_empty(published):
    """An incremental table with other columns (an older project built it) is rebuilt whole."""
    served = served_file(published)
    con = duckdb.connect(str(served))
    try:
        # the shape before the pair fact named its roles by id
        con.execute("alter table marts.fct_role_pairs add column role_a_key varchar")
    finally:
        con.close()
    # As if an older version of the publisher had published this file as it is now.
    record = read_record(served)
    write_record(served, Publication(record.build_id, digest(served), served.stat().st_size))
    result = run_build(published)
    assert result.returncode == 0, result.stderr + result.stdout[-2000:]
    assert (
        "fct_role_pairs: the served file holds an older shape of this incremental table; "
        "building everything again from empty (--full-refresh)"
    ) in result.stdout
    con = duckdb.connect(str(served_file(published)), read_only=True)
    try:
        columns = [row[0] for row in con.execute(
            "select column_name from information_schema.columns "
            "where table_schema = 'marts' and table_name = 'fct_role_pairs'"
        ).fetchall()]  # fmt: skip
        pairs = con.execute("select count(*) from marts.fct_role_pairs").fetchone()[0]
    finally:
        con.close()
    assert "role_a_key" not in columns
    assert "pair_id" in columns
    assert pairs == 3
    assert stray(published) == []


def test_no_room_for_a_copy_builds_from_empty_where_that_fits(published, tmp_path):
    """A disk with room for a new build but not for a copy of a large served file."""
    project = copy_project(tmp_path / "small-disk")
    warehouse = project / "warehouse"
    large = tmp_path / "large.duckdb"
    large.write_bytes(served_file(published).read_bytes())
    # Room for a new build (the size of the published one, and some slack) and two Parquet
    # exports (about 105 MB each, most of it the OEWS wages): the served build's, which the
    # build repairs first, and the new build's.
    export = sum(p.stat().st_size for p in (published / "warehouse" / "parquet").iterdir())
    room = served_file(published).stat().st_size + 16 * 2**20 + 2 * export
    con = duckdb.connect(str(large))
    try:  # 480 MB that a build must not need to copy (as if an older build had left them)
        con.execute("create table main.ballast as select repeat(uuid()::varchar, 30) as x "
                    "from range(480000)")  # fmt: skip
        con.execute("checkpoint")
    finally:
        con.close()
    size = large.stat().st_size
    assert size > room  # a copy of it cannot fit in what is left beside it
    _mount_tmpfs(warehouse, size + room)
    try:
        served = served_file(project)
        served.write_bytes(large.read_bytes())
        write_record(served, Publication("as-published", digest(served), size))
        result = run_build(project)
        assert result.returncode == 0, result.stderr + result.stdout[-2000:]
        assert "too little to start from a copy of it; building from empty" in result.stdout
        assert opens_and_answers(project) == 3
        assert stray(project) == []
    finally:
        _unmount(warehouse)


def test_a_renamed_mart_leaves_no_stale_copy_in_the_served_file(published):
    """An incremental build starts from the served file; the old name's table must go."""
    models = published / "models" / "marts" / "roles"
    old, new = "fct_role_responsibilities", "fct_role_duties"
    yaml_file = models / "_roles__models.yml"
    yaml_text = yaml_file.read_text(encoding="utf-8")
    (models / f"{old}.sql").rename(models / f"{new}.sql")
    yaml_file.write_text(yaml_text.replace(f"name: {old}\n", f"name: {new}\n"), encoding="utf-8")
    exposures = published / "models" / "exposures.yml"  # its readers follow the new name
    exposures_text = exposures.read_text(encoding="utf-8")
    exposures.write_text(exposures_text.replace(f"ref('{old}')", f"ref('{new}')"), encoding="utf-8")
    try:
        result = run_build(published)
        assert result.returncode == 0, result.stderr + result.stdout[-2000:]
        assert "(incremental)" in result.stdout
        assert f"dropped marts.{old}: no model builds it any more" in result.stdout
        con = duckdb.connect(str(served_file(published)), read_only=True)
        try:
            marts = {name for (name,) in con.execute(
                "select table_name from information_schema.tables where table_schema = 'marts'"
            ).fetchall()}  # fmt: skip
            duties = con.execute(f"select count(*) from marts.{new}").fetchone()[0]
        finally:
            con.close()
        assert old not in marts
        assert duties == 10  # the manager page lists 6 manager and 4 lead duties
        parquet = {p.stem for p in (published / "warehouse" / "parquet").glob("*.parquet")}
        assert old not in parquet and new in parquet
    finally:
        (models / f"{new}.sql").rename(models / f"{old}.sql")
        yaml_file.write_text(yaml_text, encoding="utf-8")
        exposures.write_text(exposures_text, encoding="utf-8")

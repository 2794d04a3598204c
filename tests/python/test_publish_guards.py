"""The publisher under careless use: writers on the served file, kills, odd targets, lag.

Every build here is a real ``jobcompare build`` process running real dbt on a copied
project; writers are real DuckDB connections in other processes.
"""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
from pathlib import Path

import duckdb
import msgpack
import psutil
import pytest
from support import REPO, copy_project, file_digest, run_build, served_file

from jobcompare.dbt_process import DBT, PARSED_IN, dbt_env, forget_parse_made_elsewhere
from jobcompare.publish.served_file import read_record

HOLD_WRITER = """
import sys, time, duckdb
con = duckdb.connect(sys.argv[1])
if len(sys.argv) > 2:
    con.execute(sys.argv[2])
print("holding", flush=True)
time.sleep(600)
"""


@pytest.fixture(scope="module")
def published(tmp_path_factory, published_build) -> Path:
    """A copy of the project with one published build, for this module to build on."""
    return published_build.copy(tmp_path_factory.mktemp("guards") / "project")


def start_writer(served: Path, statement: str | None = None) -> subprocess.Popen[str]:
    writer = subprocess.Popen(
        [sys.executable, "-c", HOLD_WRITER, str(served), *([statement] if statement else [])],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert writer.stdout is not None and writer.stdout.readline().strip() == "holding"
    return writer


def one_error_line(stderr: str) -> str:
    assert "Traceback" not in stderr, stderr
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: "), stderr
    return lines[0]


def test_a_build_refuses_a_served_file_that_a_writer_holds_and_names_the_writer(published):
    served = served_file(published)
    before = file_digest(served)
    writer = start_writer(served)
    try:
        result = run_build(published)
    finally:
        writer.kill()
        writer.wait()
    assert result.returncode == 2
    line = one_error_line(result.stderr)
    assert f"{served} is open for writing by pid {writer.pid}" in line
    assert "building into" not in result.stdout
    assert file_digest(served) == before


def test_a_build_refuses_a_writers_uncheckpointed_changes_and_keeps_its_wal(published):
    served = served_file(published)
    before = file_digest(served)
    writer = start_writer(served, "update marts.dim_roles set role_name = 'changed by a writer'")
    writer.kill()  # dies holding changes in the WAL, never checkpointed
    writer.wait()
    wal = served.with_name(served.name + ".wal")
    assert wal.exists()
    wal_bytes = wal.read_bytes()
    try:
        result = run_build(published)
        assert result.returncode == 2
        line = one_error_line(result.stderr)
        assert f"{wal}: a writer left uncheckpointed changes" in line
        assert wal.read_bytes() == wal_bytes
        assert file_digest(served) == before
    finally:
        wal.unlink()


def test_a_writer_cannot_open_the_served_file_during_a_build_and_its_tables_do_not_survive(
    published,
):
    served = served_file(published)
    con = duckdb.connect(str(served))
    try:
        con.execute("create table marts.left_by_a_writer as select 1 as x")
        con.execute("update marts.dim_roles set role_name = 'changed by a writer'")
    finally:
        con.close()  # a clean close: checkpointed, no WAL
    build = subprocess.Popen(
        [sys.executable, "-m", "jobcompare.cli", "build", "--project", str(published),
         "--warehouse", str(served)],
        cwd=published, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert build.stdout is not None
    seen = []
    for line in build.stdout:
        seen.append(line)
        if line.startswith("building into"):
            break
    with pytest.raises(duckdb.IOException, match="lock"):
        duckdb.connect(str(served)).close()
    rest, errors = build.communicate(timeout=600)
    output = "".join(seen) + rest
    assert build.returncode == 0, errors + output[-2000:]
    assert "was changed after build" in output and "building from empty" in output
    con = duckdb.connect(str(served), read_only=True)
    try:
        tables = {row[0] for row in con.execute(
            "select table_name from information_schema.tables where table_schema = 'marts'"
        ).fetchall()}  # fmt: skip
        names = {row[0] for row in con.execute("select role_name from marts.dim_roles").fetchall()}
        pairs = con.execute("select count(*) from marts.fct_role_pairs").fetchone()[0]
    finally:
        con.close()
    assert "left_by_a_writer" not in tables
    assert names == {
        "Customer Service Manager",
        "Lead Customer Service Representative",
        "Customer Service Specialist",
    }
    assert pairs == 3


def manifest(project: Path) -> dict:
    return json.loads((project / "warehouse" / "parquet" / "manifest.json").read_text())


def test_the_manifest_names_the_served_build_and_the_next_build_repairs_a_lagging_link(
    published,
):
    served = served_file(published)
    record = read_record(served)
    assert manifest(published)["build_id"] == record.build_id
    assert manifest(published)["warehouse_sha256"] == file_digest(served)
    # A build killed between its two switches: the link still names an older export.
    pointer = published / "warehouse" / "parquet"
    older = pointer.parent / "parquet-builds" / "20000101T000000Z-1"
    older.mkdir()
    (older / "manifest.json").write_text(json.dumps({"build_id": "20000101T000000Z-1"}))
    os.unlink(pointer)
    os.symlink(os.path.relpath(older, pointer.parent), pointer)
    # Even a build that then fails (dbt refuses an unknown flag) repairs the link first.
    result = run_build(published, "--", "--no-such-flag")
    assert result.returncode == 1
    assert f"repaired {pointer}: it now holds build {record.build_id}" in result.stdout
    assert manifest(published)["build_id"] == record.build_id
    assert manifest(published)["warehouse_sha256"] == file_digest(served)


def _dbt_children(build: subprocess.Popen[str]) -> list[psutil.Process]:
    """Wait until the build runs dbt on models; its child processes."""
    assert build.stdout is not None
    for line in build.stdout:
        if " of " in line and ("START sql" in line or "START seed" in line):
            break
    children = psutil.Process(build.pid).children(recursive=True)
    assert children, "the build has no dbt child"
    return children


@pytest.mark.parametrize(
    ("how", "code"),
    [("SIGTERM", 130), ("SIGINT to the group", 130), ("SIGKILL", -signal.SIGKILL)],
)
def test_killing_the_build_stops_dbt_with_it(published, how, code):
    served = served_file(published)
    before = file_digest(served)
    build = subprocess.Popen(
        [sys.executable, "-m", "jobcompare.cli", "build", "--project", str(published),
         "--warehouse", str(served), "--full-refresh"],
        cwd=published, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        start_new_session=True, env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )  # fmt: skip
    children = _dbt_children(build)
    if how == "SIGINT to the group":
        os.killpg(build.pid, signal.SIGINT)  # what Ctrl-C in a terminal does
    else:
        os.kill(build.pid, getattr(signal, how))
    _, errors = build.communicate(timeout=120)
    assert build.returncode == code, errors
    if code == 130:
        line = one_error_line(errors)
        assert "jobcompare build interrupted" in line
    _, alive = psutil.wait_procs(children, timeout=30)
    assert alive == [], f"dbt outlived the build: {alive}"
    assert file_digest(served) == before
    if how != "SIGKILL":
        assert list((published / "warehouse").glob(".building-*")) == []


def test_the_build_refuses_to_replace_anything_but_a_duckdb_file(tmp_path):
    text = tmp_path / "notes.txt"
    text.write_text("my notes\n")
    folder = tmp_path / "folder"
    folder.mkdir()
    device = tmp_path / "device"
    os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    link = tmp_path / "link.duckdb"
    link.symlink_to(text)
    for target, expected in [
        (text, "is not a DuckDB file"),
        (folder, "is a folder"),
        (device, "is a device or special file"),
        (link, "is a symbolic link"),
    ]:
        for extra in ([], ["--full-refresh"]):
            result = subprocess.run(
                [sys.executable, "-m", "jobcompare.cli", "build", *extra],
                cwd=tmp_path,
                env={**os.environ, "JOB_COMPARE_DUCKDB": str(target)},
                capture_output=True,
                text=True,
                check=False,
            )
            assert result.returncode == 2, (target, result.stderr)
            assert expected in one_error_line(result.stderr)
    assert text.read_text() == "my notes\n" and list(folder.iterdir()) == []
    assert stat.S_ISCHR(device.stat().st_mode) and link.is_symlink()


def test_a_conflict_between_pages_names_the_role_the_fact_and_every_pages_value(tmp_path):
    project = copy_project(tmp_path / "conflict")
    path = project / "seeds" / "raw_overview.csv"
    row = ("lead-customer-service-representative-vs-customer-service-specialist,10,1,"
           "Lead Customer Service Representative,Yearly salary,")  # fmt: skip
    text = path.read_text(encoding="utf-8")
    assert row + '"$36,097"' in text
    path.write_text(text.replace(row + '"$36,097"', row + '"$39,000"'), encoding="utf-8")
    result = run_build(project)
    assert result.returncode == 1
    lines = [line for line in result.stderr.splitlines() if "lead-customer-service-rep" in line]
    conflict = [line for line in lines if "role 'lead-customer-service-representative'" in line]
    assert len(conflict) == 1, result.stderr
    line = conflict[0]
    assert "fact yearly_salary:" in line
    assert ("page 'customer-service-manager-vs-lead-customer-service-representative' line 12"
            in line and "'$36,097'" in line)  # fmt: skip
    assert ("page 'lead-customer-service-representative-vs-customer-service-specialist' "
            "line 10 (seeds/raw_overview.csv line" in line and "'$39,000'" in line)  # fmt: skip


def test_a_build_run_elsewhere_keeps_its_files_in_the_project(published, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("JOB_COMPARE_OEWS",
                                                             "JOB_COMPARE_DUCKDB")}  # fmt: skip
    result = subprocess.run(
        [sys.executable, "-m", "jobcompare.cli", "build", "--project", str(published),
         "--", "--no-such-flag"],
        cwd=elsewhere, env={**env, "PYTHONPATH": str(REPO)}, capture_output=True, text=True,
        check=False,
    )  # fmt: skip
    assert result.returncode == 1, result.stderr
    assert list(elsewhere.iterdir()) == []
    assert (published / "warehouse" / "raw" / "oews" / "cell.csv").is_file()


def test_plain_dbt_on_the_default_target_never_writes_the_served_file(published):
    # A developer's `dbt seed`/`dbt build` without JOB_COMPARE_DUCKDB goes to the dev file.
    before = file_digest(served_file(published))
    env = {k: v for k, v in dbt_env(published).items() if k != "JOB_COMPARE_DUCKDB"}
    result = subprocess.run(
        [str(DBT), "seed", "--select", "raw_pages"],
        cwd=published, env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout[-2000:]
    assert file_digest(served_file(published)) == before
    dev_file = published / "warehouse" / "dev.duckdb"
    dev = duckdb.connect(str(dev_file), read_only=True)
    try:
        tables = dev.execute(
            "select table_name from information_schema.tables where table_schema = 'raw'"
        ).fetchall()
    finally:
        dev.close()
        dev_file.unlink()
    assert tables == [("raw_pages",)]


def test_a_copied_project_parses_again_instead_of_loading_the_originals_seeds(
    published_build, tmp_path
):
    # dbt's saved parse holds each seed's absolute folder, and dbt does not check it.
    original = published_build.project
    saved = msgpack.unpackb(
        (original / "target" / "partial_parse.msgpack").read_bytes(), strict_map_key=False
    )
    assert saved["nodes"]["seed.job_compare.raw_pages"]["root_path"] == str(original.resolve())
    assert (original / "target" / PARSED_IN).read_text() == str(original.resolve())

    # In a copy, the next build parses from scratch, and says where the parse now belongs.
    copy = published_build.copy(tmp_path / "copy")
    forget_parse_made_elsewhere(copy)
    assert not (copy / "target" / "partial_parse.msgpack").exists()
    assert (copy / "target" / PARSED_IN).read_text() == str(copy.resolve())
    # In the folder it was made in, the saved parse is kept.
    (copy / "target" / "partial_parse.msgpack").write_bytes(b"parsed here")
    forget_parse_made_elsewhere(copy)
    assert (copy / "target" / "partial_parse.msgpack").read_bytes() == b"parsed here"

"""Where report, site and oews-load write: nothing of the user's is replaced, odd paths and
odd warehouses get one line and exit 2, defaults belong to the project, Ctrl-C keeps the old.

Every test runs the real command in a child process on real files; the tests run as root,
so a device node (/dev/null) is a path the command could really replace.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest
from support import REPO, copy_project

ROLE_A, ROLE_B = "customer-service-manager", "customer-service-specialist"
SITE_QUICK = ("--no-progress", "--occupation-pairs", "none")


def jobcompare(
    *args: str, cwd: Path, warehouse: Path | str | None = None, unset: tuple[str, ...] = ()
) -> subprocess.CompletedProcess[str]:
    """The real command, from this checkout, in ``cwd``; ``unset`` names variables to drop."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    if warehouse is not None:
        env["JOB_COMPARE_DUCKDB"] = str(warehouse)
    for name in unset:
        env.pop(name, None)
    return subprocess.run(
        [sys.executable, "-m", "jobcompare.cli", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def snapshot(path: Path) -> dict[str, tuple]:
    """What is at ``path`` and below: kind, link target or content digest (links not followed)."""
    found = {}
    paths = [path]
    if path.is_dir() and not path.is_symlink():
        for folder, folders, files in os.walk(path):
            paths += [Path(folder) / name for name in (*folders, *files)]
    for each in paths:
        mode = each.lstat().st_mode
        if stat.S_ISLNK(mode):
            found[str(each)] = ("link", os.readlink(each))
        elif stat.S_ISREG(mode):
            found[str(each)] = ("file", hashlib.sha256(each.read_bytes()).hexdigest())
        else:
            found[str(each)] = (stat.S_IFMT(mode),)
    return found


def listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def assert_one_line_error(result: subprocess.CompletedProcess[str], code: int = 2) -> None:
    assert result.returncode == code, (result.returncode, result.stderr)
    assert "Traceback" not in result.stderr, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr


# Case 1: the site replaces only a folder it made itself, or an empty one.


def test_site_refuses_a_folder_it_did_not_make_and_leaves_it_and_its_git_as_they_were(
    built_warehouse, tmp_path
):
    mine = tmp_path / "mine"
    (mine / ".git" / "objects").mkdir(parents=True)
    (mine / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    (mine / "notes.txt").write_text("my notes\n")
    (mine / "index.html").write_text("my own page\n")
    before = snapshot(mine)
    result = jobcompare("site", "--out", str(mine), *SITE_QUICK, cwd=tmp_path,
                        warehouse=built_warehouse.path)  # fmt: skip
    assert_one_line_error(result)
    assert "did not make" in result.stderr
    assert snapshot(mine) == before
    assert listing(tmp_path) == ["mine"]


@pytest.mark.parametrize("kind", ["file", "link-to-a-folder", "link-to-a-site-it-made"])
def test_site_refuses_a_file_or_a_link_and_hides_nothing_beside_it(built_warehouse, tmp_path, kind):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    target = tmp_path / "site"
    if kind == "file":
        target.write_text("a file the user keeps\n")
    elif kind == "link-to-a-folder":
        (elsewhere / "keep.txt").write_text("kept\n")
        target.symlink_to(elsewhere)
    else:
        made = jobcompare("site", "--out", str(elsewhere / "made"), *SITE_QUICK, cwd=tmp_path,
                          warehouse=built_warehouse.path)  # fmt: skip
        assert made.returncode == 0, made.stderr
        target.symlink_to(elsewhere / "made")
    before, beside = snapshot(target) | snapshot(elsewhere), listing(tmp_path)
    result = jobcompare("site", "--out", str(target), *SITE_QUICK, cwd=tmp_path,
                        warehouse=built_warehouse.path)  # fmt: skip
    assert_one_line_error(result)
    assert snapshot(target) | snapshot(elsewhere) == before
    assert listing(tmp_path) == beside


def test_site_fills_an_empty_folder_and_replaces_a_site_it_made(built_warehouse, tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    first = jobcompare("site", "--out", str(site), *SITE_QUICK, cwd=tmp_path,
                       warehouse=built_warehouse.path)  # fmt: skip
    assert first.returncode == 0, first.stderr
    assert (site / ".made-by-jobcompare").is_file() and (site / "index.html").is_file()
    (site / "stale.html").write_text("from an older render\n")
    again = jobcompare("site", "--out", str(site), *SITE_QUICK, cwd=tmp_path,
                       warehouse=built_warehouse.path)  # fmt: skip
    assert again.returncode == 0, again.stderr
    assert not (site / "stale.html").exists()
    assert listing(tmp_path) == ["site"]


# Case 13: report --out writes only a regular file or a new path.


@pytest.fixture
def dev_null_guard():
    """/dev/null as a char device after the test, even if the code under test replaced it.

    The command as it was replaced /dev/null with a regular file (the bug), and every other
    process on the machine then read and wrote that file.
    """
    yield Path("/dev/null")
    if not stat.S_ISCHR(os.lstat("/dev/null").st_mode):
        os.unlink("/dev/null")
        os.mknod("/dev/null", stat.S_IFCHR | 0o666, os.makedev(1, 3))
        os.chmod("/dev/null", 0o666)
        pytest.fail("/dev/null was replaced by the command (restored it)")


@pytest.mark.parametrize("kind", ["link-to-a-file", "folder", "device-node", "dev-null"])
def test_report_out_refuses_a_link_a_folder_and_a_device_and_leaves_them_as_they_were(
    built_warehouse, tmp_path, kind, dev_null_guard
):
    if kind == "link-to-a-file":
        (tmp_path / "real.md").write_text("the user's file\n")
        target = tmp_path / "report.md"
        target.symlink_to(tmp_path / "real.md")
    elif kind == "folder":
        target = tmp_path / "reports"
        target.mkdir()
        (target / "keep.md").write_text("kept\n")
    elif kind == "device-node":  # a char device like /dev/null, in a folder of the test's own
        target = tmp_path / "null"
        os.mknod(target, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    else:
        target = dev_null_guard
    before = (snapshot(target) | snapshot(tmp_path), listing(target.parent))
    result = jobcompare("report", ROLE_A, ROLE_B, "--out", str(target), cwd=tmp_path,
                        warehouse=built_warehouse.path)  # fmt: skip
    assert_one_line_error(result)
    assert (snapshot(target) | snapshot(tmp_path), listing(target.parent)) == before
    if kind in ("device-node", "dev-null"):
        after = os.lstat(target)
        assert stat.S_ISCHR(after.st_mode) and after.st_rdev == os.makedev(1, 3)


def test_report_out_dash_writes_to_standard_output(built_warehouse, tmp_path):
    result = jobcompare("report", ROLE_A, ROLE_B, "--out", "-", cwd=tmp_path,
                        warehouse=built_warehouse.path)  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("# ")
    assert listing(tmp_path) == []


def test_report_out_replaces_a_regular_file_whole_and_leaves_nothing_beside_it(
    built_warehouse, tmp_path
):
    out = tmp_path / "pair.md"
    out.write_text("an older report\n")
    result = jobcompare("report", ROLE_A, ROLE_B, "--out", "pair.md", cwd=tmp_path,
                        warehouse=built_warehouse.path)  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert out.read_text().startswith("# ") and stat.S_ISREG(out.lstat().st_mode)
    assert listing(tmp_path) == ["pair.md"]


# Case 15: defaults belong to the project folder; paths typed are relative to the cwd.


def test_report_from_another_folder_reads_the_warehouse_named_relative_to_that_folder(
    built_warehouse, tmp_path
):
    (tmp_path / "data").mkdir()
    # The same file name: the views name the catalog (the file name) they were built in.
    shutil.copy(built_warehouse.path, tmp_path / "data" / "job_compare.duckdb")
    expected = jobcompare("report", ROLE_A, ROLE_B, cwd=REPO, warehouse=built_warehouse.path)
    assert expected.returncode == 0, expected.stderr
    by_flag = jobcompare("report", ROLE_A, ROLE_B, "--warehouse", "data/job_compare.duckdb",
                         "--out", "pair.md", cwd=tmp_path,
                         unset=("JOB_COMPARE_DUCKDB",))  # fmt: skip
    assert by_flag.returncode == 0, by_flag.stderr
    assert (tmp_path / "pair.md").read_text() == expected.stdout
    by_variable = jobcompare(
        "report", ROLE_A, ROLE_B, cwd=tmp_path, warehouse="data/job_compare.duckdb"
    )
    assert by_variable.returncode == 0, by_variable.stderr
    assert by_variable.stdout == expected.stdout


def test_default_warehouse_site_and_oews_folders_are_the_projects_whatever_the_cwd(
    built_warehouse, tmp_path
):
    project = copy_project(tmp_path / "project")
    shutil.copy(built_warehouse.path, project / "warehouse" / "job_compare.duckdb")
    inside = project / "models"
    before = listing(inside)
    unset = ("JOB_COMPARE_DUCKDB", "JOB_COMPARE_OEWS")
    report = jobcompare("report", ROLE_A, ROLE_B, cwd=inside, unset=unset)
    assert report.returncode == 0, report.stderr
    site = jobcompare("site", *SITE_QUICK, cwd=inside, unset=unset)
    assert site.returncode == 0, site.stderr
    assert (project / "site" / ".made-by-jobcompare").is_file()
    oews = jobcompare("oews-load", "--no-progress", cwd=inside, unset=unset)
    assert oews.returncode == 0, oews.stderr
    assert (project / "warehouse" / "raw" / "oews" / "_loaded.json").is_file()
    assert listing(inside) == before


# Case 17: odd outputs and odd warehouses are one line and exit 2, never a traceback.


def _odd(case: str, command: str, tmp: Path, built: Path) -> tuple[list[str], Path | str]:
    """(extra arguments, warehouse) for one odd input; the cwd is ``tmp / 'cwd'``."""
    name = "out.md" if command == "report" else "site"
    out = ["--out", str(tmp / name)]
    if case == "out-in-a-missing-folder":
        return ["--out", str(tmp / "missing" / name)], built
    if case == "out-under-a-regular-file":
        (tmp / "file.txt").write_text("a file\n")
        return ["--out", str(tmp / "file.txt" / name)], built
    if case == "out-an-existing-folder":
        (tmp / "folder").mkdir()
        (tmp / "folder" / "keep.txt").write_text("kept\n")
        return ["--out", str(tmp / "folder")], built
    if case == "out-dot":
        return ["--out", "."], built
    if case == "warehouse-empty-file":
        (tmp / "empty.duckdb").touch()
        return out, tmp / "empty.duckdb"
    if case == "warehouse-without-marts":
        con = duckdb.connect(str(tmp / "unbuilt.duckdb"))
        con.execute("create table t as select 1 as x")
        con.close()
        return out, tmp / "unbuilt.duckdb"
    if case == "warehouse-a-folder":
        (tmp / "folder.duckdb").mkdir()
        return out, tmp / "folder.duckdb"
    if case == "warehouse-a-text-file":
        (tmp / "notes.duckdb").write_text("not a database\n" * 10)
        return out, tmp / "notes.duckdb"
    if case == "warehouse-a-device":
        return out, "/dev/null"
    raise AssertionError(case)


ODD = [
    "out-in-a-missing-folder",
    "out-under-a-regular-file",
    "out-an-existing-folder",
    "out-dot",
    "warehouse-empty-file",
    "warehouse-without-marts",
    "warehouse-a-folder",
    "warehouse-a-text-file",
    "warehouse-a-device",
]


@pytest.mark.parametrize("case", ODD)
@pytest.mark.parametrize("command", ["report", "site"])
def test_odd_outputs_and_warehouses_are_one_line_and_exit_2(
    built_warehouse, tmp_path, command, case
):
    cwd = tmp_path / "cwd"
    cwd.mkdir()
    extra, warehouse = _odd(case, command, tmp_path, built_warehouse.path)
    before = snapshot(tmp_path)
    args = ["report", ROLE_A, ROLE_B] if command == "report" else ["site", *SITE_QUICK]
    result = jobcompare(*args, *extra, cwd=cwd, warehouse=warehouse)
    assert_one_line_error(result)
    assert snapshot(tmp_path) == before


# Ctrl-C while the site renders.


def test_ctrl_c_while_the_site_renders_is_one_line_130_and_keeps_the_previous_site(
    built_warehouse, tmp_path
):
    site = tmp_path / "site"
    previous = jobcompare("site", "--out", str(site), *SITE_QUICK, cwd=tmp_path,
                          warehouse=built_warehouse.path)  # fmt: skip
    assert previous.returncode == 0, previous.stderr
    before = snapshot(site)
    env = {**os.environ, "PYTHONPATH": str(REPO), "JOB_COMPARE_DUCKDB": str(built_warehouse.path)}
    # Every occupation pair (344,035 pages) in two processes: far longer than the wait below.
    process = subprocess.Popen(
        [sys.executable, "-m", "jobcompare.cli", "site", "--out", str(site), "--no-progress",
         "--occupation-pairs", "all", "--jobs", "2"],
        cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        start_new_session=True,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 180
        while not any(tmp_path.glob(".site.*/occupation-pairs/*.html")):
            assert process.poll() is None, process.communicate()
            assert time.monotonic() < deadline, "no page was rendered in 180 s"
            time.sleep(0.1)
        os.killpg(process.pid, signal.SIGINT)  # as Ctrl-C does: the whole process group
        _, stderr = process.communicate(timeout=120)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    assert_one_line_error(subprocess.CompletedProcess(process.args, process.returncode, "",
                                                      stderr), code=130)  # fmt: skip
    assert "interrupted" in stderr
    assert listing(tmp_path) == ["site"]
    assert snapshot(site) == before


def test_report_reads_a_warehouse_renamed_after_its_build(built_warehouse, tmp_path):
    # No view names its catalog (the file's name at build time): a renamed copy reads whole.
    shutil.copy(built_warehouse.path, tmp_path / "renamed.duckdb")
    result = jobcompare("report", ROLE_A, ROLE_B, cwd=tmp_path, warehouse="renamed.duckdb")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout.startswith("# Customer service manager vs customer service specialist")

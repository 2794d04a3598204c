"""``jobcompare ingest`` loses nothing and says what it does (issue 11).

Real processes on real files: concurrent appends, refused runs (seeds byte-identical
afterwards), explicit removal, every bad page reported, paths from the project folder,
one line instead of a traceback.
"""

from __future__ import annotations

import csv
import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from support import FIXTURE_PAGES, REPO, copy_project, run_cli

from jobcompare.ingest.run import lock_path
from jobcompare.ingest.seeds import SEED_COLUMNS
from jobcompare.lock import FileLock

PIPE = FIXTURE_PAGES / "bakery-manager-vs-line-cook.txt"
RUN_TOGETHER = FIXTURE_PAGES / "pastry-chef-vs-bakery-manager.txt"
LINE_COOK = FIXTURE_PAGES / "line-cook-vs-prep-cook.txt"
FIXTURE_IDS = {page.stem for page in (PIPE, RUN_TOGETHER, LINE_COOK)}
SEED_FILES = sorted(f"{name}.csv" for name in SEED_COLUMNS)
TIMEOUT_S = 120


def digests(folder: Path) -> dict[str, str]:
    """Every file in ``folder`` (hidden ones too) by name, as a SHA-256 digest."""
    return {
        path.name: hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.iterdir())
    }


def loaded_ids(seeds: Path) -> list[str]:
    with (seeds / "raw_pages.csv").open(newline="", encoding="utf-8") as handle:
        return sorted(row["page_id"] for row in csv.DictReader(handle))


def one_error_line(result: subprocess.CompletedProcess[str]) -> str:
    assert "Traceback" not in result.stderr, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: "), lines[0]
    return lines[0]


@pytest.fixture
def fixture_seeds(tmp_path: Path) -> Path:
    """A seeds folder holding the three invented pages."""
    seeds = tmp_path / "seeds"
    result = run_cli("ingest", str(FIXTURE_PAGES), "--seeds", str(seeds))
    assert result.returncode == 0, result.stderr
    return seeds


def start_cli(*args: str, cwd: Path = REPO) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "jobcompare.cli", *args],
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def finish(process: subprocess.Popen[str]) -> tuple[int, str, str]:
    try:
        out, err = process.communicate(timeout=TIMEOUT_S)
    except subprocess.TimeoutExpired:
        process.kill()
        out, err = process.communicate()
        pytest.fail(f"ingest still running after {TIMEOUT_S} s: {err}")
    return process.returncode, out, err


# Case 2: concurrent appends.


def four_new_pages(folder: Path) -> dict[str, Path]:
    """Four valid pages with new ids: copies of the invented pages under other file names.

    Each one can be appended to the invented pages in any order: the copies say what the
    originals say, and the run-together copy is settled by the loaded pipe page.
    """
    folder.mkdir()
    copies = {
        "bakery-manager-vs-line-cook-2": PIPE,
        "bakery-manager-vs-line-cook-3": PIPE,
        "line-cook-vs-prep-cook-2": LINE_COOK,
        "pastry-chef-vs-bakery-manager-2": RUN_TOGETHER,
    }
    for page_id, source in copies.items():
        shutil.copy(source, folder / f"{page_id}.txt")
    return {page_id: folder / f"{page_id}.txt" for page_id in copies}


def test_four_concurrent_appends_keep_every_page_and_leave_whole_seed_files(
    tmp_path, fixture_seeds
):
    pages = four_new_pages(tmp_path / "new")
    # What the seeds hold after the four appends one after another (in any order).
    reference = tmp_path / "reference"
    shutil.copytree(fixture_seeds, reference)
    for path in pages.values():
        result = run_cli("ingest", "--append", str(path), "--seeds", str(reference))
        assert result.returncode == 0, result.stderr
    expected = digests(reference)

    trials = 6
    for trial in range(trials):
        seeds = tmp_path / f"trial-{trial}" / "seeds"
        shutil.copytree(fixture_seeds, seeds)
        processes = [
            start_cli("ingest", "--append", str(path), "--seeds", str(seeds))
            for path in pages.values()
        ]
        results = [finish(process) for process in processes]
        for code, out, err in results:
            assert code == 0, (trial, err)
            assert "Traceback" not in err
            assert out.splitlines()[-1].startswith("ingested "), out
        assert loaded_ids(seeds) == sorted(FIXTURE_IDS | set(pages)), trial
        # No temporary file left, and every seed file is the one the appends make together.
        assert sorted(path.name for path in seeds.iterdir()) == SEED_FILES, trial
        assert digests(seeds) == expected, trial
        leftovers = [p.name for p in seeds.parent.iterdir() if p.name not in ("seeds",)]
        assert leftovers == [lock_path(seeds).name], leftovers
    print(f"{trials} trials of 4 concurrent appends: all {len(FIXTURE_IDS) + 4} pages present")


def test_ingest_waits_for_the_lock_then_refuses_naming_the_holder(tmp_path, fixture_seeds):
    before = digests(fixture_seeds)
    page = four_new_pages(tmp_path / "new")["bakery-manager-vs-line-cook-2"]
    with FileLock(lock_path(fixture_seeds), "test holding the ingest lock"):
        started = time.monotonic()
        result = run_cli(
            "ingest", "--append", str(page), "--seeds", str(fixture_seeds), "--wait", "1"
        )
        waited = time.monotonic() - started
    assert result.returncode == 2
    line = one_error_line(result)
    assert f"another ingest into {fixture_seeds} is running (pid {os.getpid()};" in line
    assert waited >= 1.0
    assert digests(fixture_seeds) == before


def test_a_link_to_the_seeds_folder_takes_the_same_lock(tmp_path, fixture_seeds):
    link = tmp_path / "link-to-seeds"
    link.symlink_to(fixture_seeds)
    before = digests(fixture_seeds)
    with FileLock(lock_path(fixture_seeds), "test holding the ingest lock"):
        result = run_cli("ingest", "--append", str(LINE_COOK), "--seeds", str(link), "--wait", "0")
    assert result.returncode == 2
    assert f"(pid {os.getpid()};" in one_error_line(result)
    assert digests(fixture_seeds) == before


def test_temporary_seed_files_of_a_killed_ingest_are_removed_by_the_next(tmp_path, fixture_seeds):
    left = [fixture_seeds / ".raw_pages.csv.k3j2x9.tmp", fixture_seeds / ".raw_salary.csv.tmp"]
    for path in left:
        path.write_text("half a file")
    page = four_new_pages(tmp_path / "new")["line-cook-vs-prep-cook-2"]
    result = run_cli("ingest", "--append", str(page), "--seeds", str(fixture_seeds))
    assert result.returncode == 0, result.stderr
    for path in left:
        assert f"removed {path}, left by an ingest that did not finish" in result.stdout
    assert sorted(path.name for path in fixture_seeds.iterdir()) == SEED_FILES


# Case 4: no command drops a loaded page without saying so.


def test_ingest_without_a_flag_refuses_to_drop_loaded_pages_and_names_them(tmp_path, fixture_seeds):
    before = digests(fixture_seeds)
    page = four_new_pages(tmp_path / "new")["line-cook-vs-prep-cook-2"]
    result = run_cli("ingest", str(page), "--seeds", str(fixture_seeds))  # --append forgotten
    assert result.returncode == 2
    line = one_error_line(result)
    assert "3 loaded pages (bakery-manager-vs-line-cook, line-cook-vs-prep-cook, " in line
    assert "pastry-chef-vs-bakery-manager) that the pages given do not include" in line
    assert "--append" in line and "--replace" in line and "--remove" in line
    assert result.stdout == ""
    assert digests(fixture_seeds) == before


def test_rebuilding_from_the_folder_refuses_to_drop_a_page_appended_from_elsewhere(
    tmp_path, fixture_seeds
):
    page = four_new_pages(tmp_path / "new")["bakery-manager-vs-line-cook-2"]
    appended = run_cli("ingest", "--append", str(page), "--seeds", str(fixture_seeds))
    assert appended.returncode == 0, appended.stderr
    before = digests(fixture_seeds)
    result = run_cli("ingest", str(FIXTURE_PAGES), "--seeds", str(fixture_seeds))
    assert result.returncode == 2
    assert "1 loaded page (bakery-manager-vs-line-cook-2)" in one_error_line(result)
    assert digests(fixture_seeds) == before


def test_ingesting_the_same_pages_again_changes_nothing(fixture_seeds):
    before = digests(fixture_seeds)
    times = {path.name: path.stat().st_mtime_ns for path in fixture_seeds.iterdir()}
    result = run_cli("ingest", str(FIXTURE_PAGES), "--seeds", str(fixture_seeds))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("already loaded: 3 pages, 4 roles"), result.stdout
    assert "nothing changed" in result.stdout
    assert digests(fixture_seeds) == before
    assert {p.name: p.stat().st_mtime_ns for p in fixture_seeds.iterdir()} == times


def test_ingest_without_a_flag_adds_new_pages_when_it_drops_none(tmp_path, fixture_seeds):
    folder = tmp_path / "more"
    shutil.copytree(FIXTURE_PAGES, folder)
    four_new_pages(tmp_path / "new")
    shutil.copy(tmp_path / "new" / "line-cook-vs-prep-cook-2.txt", folder)
    result = run_cli("ingest", str(folder), "--seeds", str(fixture_seeds))
    assert result.returncode == 0, result.stderr
    assert "added 1 page: line-cook-vs-prep-cook-2" in result.stdout
    assert "removed" not in result.stdout and "updated" not in result.stdout
    assert loaded_ids(fixture_seeds) == sorted(FIXTURE_IDS | {"line-cook-vs-prep-cook-2"})


def test_append_still_refuses_a_page_already_loaded_and_writes_nothing(fixture_seeds):
    before = digests(fixture_seeds)
    result = run_cli("ingest", "--append", str(LINE_COOK), "--seeds", str(fixture_seeds))
    assert result.returncode == 2
    assert one_error_line(result).endswith("[rule: page-loaded-once]")
    assert digests(fixture_seeds) == before


def test_replace_makes_the_seeds_exactly_the_pages_given_and_names_the_removed(fixture_seeds):
    result = run_cli("ingest", "--replace", str(LINE_COOK), "--seeds", str(fixture_seeds))
    assert result.returncode == 0, result.stderr
    assert (
        "removed 2 pages: bakery-manager-vs-line-cook, pastry-chef-vs-bakery-manager"
        in result.stdout
    )
    assert loaded_ids(fixture_seeds) == ["line-cook-vs-prep-cook"]
    for name in SEED_COLUMNS:
        with (fixture_seeds / f"{name}.csv").open(newline="", encoding="utf-8") as handle:
            assert {row["page_id"] for row in csv.DictReader(handle)} <= {
                "line-cook-vs-prep-cook"
            }, name


def test_remove_drops_pages_by_id_and_refuses_an_unknown_id(fixture_seeds):
    before = digests(fixture_seeds)
    unknown = run_cli(
        "ingest", "--remove", "line-cook-vs-prep-cook", "no-such-page", "--seeds",
        str(fixture_seeds),
    )  # fmt: skip
    assert unknown.returncode == 2
    assert "no loaded page has the id no-such-page" in one_error_line(unknown)
    assert digests(fixture_seeds) == before

    result = run_cli("ingest", "--remove", "line-cook-vs-prep-cook", "--seeds", str(fixture_seeds))
    assert result.returncode == 0, result.stderr
    assert "removed 1 page: line-cook-vs-prep-cook" in result.stdout
    assert loaded_ids(fixture_seeds) == sorted(FIXTURE_IDS - {"line-cook-vs-prep-cook"})
    for name in SEED_COLUMNS:
        text = (fixture_seeds / f"{name}.csv").read_text(encoding="utf-8")
        assert "\nline-cook-vs-prep-cook," not in text, name


# Case 10: every bad page in one run.


def folder_with_bad_pages(folder: Path) -> dict[str, tuple[int | None, str]]:
    """Two good pages and three bad ones; the bad ones by file name: (line, rule)."""
    folder.mkdir()
    shutil.copy(PIPE, folder)
    shutil.copy(LINE_COOK, folder)
    (folder / "empty.txt").write_text("")
    wage = PIPE.read_text().replace("| Hourly rate |", "| Hourly wage |")
    (folder / "wage.txt").write_text(wage)
    # Parses, but reads two ways, and the pipe page's bakery manager (3 years) settles neither.
    ambiguous = RUN_TOGETHER.read_text().replace("Years of experience123", "Years of experience124")
    (folder / RUN_TOGETHER.name).write_text(ambiguous)
    return {
        "empty.txt": (None, "page-not-empty"),
        RUN_TOGETHER.name: (19, "one-reading-per-row"),
        "wage.txt": (7, "known-row-label"),
    }


def assert_bad_pages_listed(stderr: str, folder: Path, bad: dict[str, tuple[int | None, str]]):
    assert "Traceback" not in stderr
    lines = stderr.strip().splitlines()
    assert len(lines) == len(bad), stderr
    for line, (name, (number, rule)) in zip(lines, sorted(bad.items()), strict=True):
        where = f"{folder / name}:{number}: " if number else f"{folder / name}: "
        assert line.startswith(f"error: {where}"), line
        assert line.endswith(f"[rule: {rule}]"), line


def test_every_bad_page_in_a_folder_is_reported_in_one_run_and_nothing_written(tmp_path):
    folder = tmp_path / "pages"
    bad = folder_with_bad_pages(folder)
    seeds = tmp_path / "seeds"
    result = run_cli("ingest", str(folder), "--seeds", str(seeds))
    assert result.returncode == 2
    assert_bad_pages_listed(result.stderr, folder, bad)
    assert result.stdout == ""
    assert not seeds.exists()


def test_bad_pages_on_loaded_seeds_are_all_reported_and_the_seeds_untouched(
    tmp_path, fixture_seeds
):
    folder = tmp_path / "pages"
    bad = folder_with_bad_pages(folder)
    before = digests(fixture_seeds)
    for mode in ([], ["--append"], ["--replace"]):
        result = run_cli("ingest", str(folder), "--seeds", str(fixture_seeds), *mode)
        assert result.returncode == 2, mode
        bad_here = bad
        if mode == ["--append"]:  # the pages with a loaded id are refused for that first
            loaded = (None, "page-loaded-once")
            bad_here = {**bad, **{page.name: loaded for page in (PIPE, RUN_TOGETHER, LINE_COOK)}}
        assert_bad_pages_listed(result.stderr, folder, bad_here)
        assert digests(fixture_seeds) == before, mode


def test_keep_going_ingests_the_good_pages_and_exits_1_listing_the_bad(tmp_path):
    folder = tmp_path / "pages"
    bad = folder_with_bad_pages(folder)
    seeds = tmp_path / "seeds"
    result = run_cli("ingest", str(folder), "--seeds", str(seeds), "--keep-going")
    assert result.returncode == 1
    assert_bad_pages_listed(result.stderr, folder, bad)
    assert "skipped 3 bad pages" in result.stdout
    assert loaded_ids(seeds) == ["bakery-manager-vs-line-cook", "line-cook-vs-prep-cook"]
    assert sorted(path.name for path in seeds.iterdir()) == SEED_FILES


# Case 15: paths from the project folder, not the current directory.


def test_ingest_run_outside_the_checkout_writes_the_projects_seeds_not_the_cwd(tmp_path):
    project = copy_project(tmp_path / "project")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    checkout_seeds = digests(REPO / "seeds")
    result = run_cli("ingest", "--append", str(PIPE), "--project", str(project), cwd=elsewhere)
    assert result.returncode == 0, result.stderr
    assert list(elsewhere.iterdir()) == []
    assert "bakery-manager-vs-line-cook" in loaded_ids(project / "seeds")
    assert str(project / "seeds") in result.stdout
    assert digests(REPO / "seeds") == checkout_seeds

    # A path the user types is taken from the current directory.
    typed = run_cli("ingest", str(PIPE), "--seeds", "mine", cwd=elsewhere)
    assert typed.returncode == 0, typed.stderr
    assert loaded_ids(elsewhere / "mine") == ["bakery-manager-vs-line-cook"]


def test_default_pages_are_found_from_the_project_folder_whatever_the_cwd(tmp_path):
    project = copy_project(tmp_path / "work" / "project")
    shutil.copytree(FIXTURE_PAGES, tmp_path / "work" / "shared" / "source-pages")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    checkout_seeds = digests(REPO / "seeds")
    result = run_cli("ingest", "--replace", "--project", str(project), cwd=elsewhere)
    assert result.returncode == 0, result.stderr
    assert loaded_ids(project / "seeds") == sorted(FIXTURE_IDS)
    assert list(elsewhere.iterdir()) == []
    # From inside the project (a subfolder), without --project: that project, not the checkout.
    again = run_cli("ingest", cwd=project / "models")
    assert again.returncode == 0, again.stderr
    assert again.stdout.startswith("already loaded: 3 pages"), again.stdout
    assert str(project / "seeds") in again.stdout
    assert digests(REPO / "seeds") == checkout_seeds


# Case 17: one line, the right exit code, the seeds untouched.


def test_seeds_under_a_file_is_refused_with_one_line(tmp_path):
    blocker = tmp_path / "some_file"
    blocker.write_text("not a folder\n")
    result = run_cli("ingest", str(PIPE), "--seeds", str(blocker / "seeds"))
    assert result.returncode == 2
    assert f"{blocker} is not a folder" in one_error_line(result)
    assert blocker.read_text() == "not a folder\n"


def test_seeds_naming_a_file_is_refused_with_one_line_and_the_file_untouched(tmp_path):
    target = tmp_path / "seeds.csv"
    target.write_text("page_id\n")
    for mode in ([], ["--append"], ["--replace"]):
        result = run_cli("ingest", str(PIPE), "--seeds", str(target), *mode)
        assert result.returncode == 2, mode
        assert f"{target} is not a folder" in one_error_line(result)
        assert target.read_text() == "page_id\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["seeds.csv"]


def test_bad_seed_file_is_refused_with_one_line(fixture_seeds):
    (fixture_seeds / "raw_salary.csv").write_bytes(b"\xff\xfe not a csv\n")
    before = digests(fixture_seeds)
    result = run_cli("ingest", "--append", str(LINE_COOK), "--seeds", str(fixture_seeds))
    assert result.returncode == 2
    assert "raw_salary.csv: not a seed CSV" in one_error_line(result)
    assert digests(fixture_seeds) == before


def waits_on(pid: int, lock: Path, timeout_s: float = 30.0) -> bool:
    """Whether process ``pid`` opens ``lock`` (and so waits on it) within ``timeout_s``."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        try:
            fds = list(Path(f"/proc/{pid}/fd").iterdir())
        except OSError:
            return False  # the process is gone
        for fd in fds:
            try:
                if os.readlink(fd) == str(lock):
                    return True
            except OSError:
                continue  # closed between the listing and the read: still starting up
        time.sleep(0.05)
    return False


def test_ctrl_c_while_waiting_for_the_lock_is_one_line_and_130(tmp_path, fixture_seeds):
    before = digests(fixture_seeds)
    page = four_new_pages(tmp_path / "new")["bakery-manager-vs-line-cook-2"]
    with FileLock(lock_path(fixture_seeds), "test holding the ingest lock"):
        process = start_cli("ingest", "--append", str(page), "--seeds", str(fixture_seeds))
        try:
            assert waits_on(process.pid, lock_path(fixture_seeds)), "never waited on the lock"
            process.send_signal(signal.SIGINT)
            code, out, err = finish(process)
        finally:
            if process.poll() is None:
                process.kill()
                process.wait()
    assert code == 130
    assert "Traceback" not in err
    assert err.strip() == "error: jobcompare ingest interrupted; nothing was changed by it"
    assert out == ""
    assert digests(fixture_seeds) == before

"""The OEWS loader: verified against the manifest, idempotent, refuses damaged files."""

from __future__ import annotations

import gzip
import hashlib
import json
import shutil
from pathlib import Path

import pytest
from support import file_digest, run_build, run_cli, served_file

from jobcompare.oews.load import bundled_source


@pytest.fixture
def source_copy(tmp_path) -> Path:
    copy = tmp_path / "source"
    shutil.copytree(bundled_source(), copy)
    return copy


def manifest_of(source: Path) -> dict:
    return json.loads((source / "manifest.json").read_text())


def test_load_writes_every_table_and_a_second_load_does_nothing(tmp_path):
    out = tmp_path / "oews"
    first = run_cli("oews-load", "--out", str(out), "--no-progress")
    assert first.returncode == 0, first.stderr
    assert "OEWS May 2025 loaded" in first.stdout and "370,172 cell" in first.stdout
    assert sorted(p.name for p in out.iterdir()) == sorted(
        [f"{t}.csv" for t in ("occupation", "area", "industry", "datatype", "footnote",
                              "meta", "cell", "manifest_counts")]
        + ["_loaded.json", ".made-by-jobcompare"]
    )  # fmt: skip
    stamp = (out / "cell.csv").stat().st_mtime_ns
    again = run_cli("oews-load", "--out", str(out), "--no-progress")
    assert again.returncode == 0 and "already loaded" in again.stdout
    assert (out / "cell.csv").stat().st_mtime_ns == stamp
    assert sorted(p.name for p in tmp_path.iterdir()) == ["oews"]


def test_damaged_file_fails_the_checksum(source_copy, tmp_path):
    archive = source_copy / manifest_of(source_copy)["file"]
    data = bytearray(archive.read_bytes())
    data[len(data) // 2] ^= 0xFF
    archive.write_bytes(bytes(data))
    result = run_cli("oews-load", "--source", str(source_copy), "--out", str(tmp_path / "out"))
    assert result.returncode == 2
    assert f"error: {archive}: SHA-256" in result.stderr
    assert "does not match the manifest's" in result.stderr
    assert not (tmp_path / "out").exists()


def test_truncated_gzip_is_a_clear_error(source_copy, tmp_path):
    manifest = manifest_of(source_copy)
    archive = source_copy / manifest["file"]
    archive.write_bytes(archive.read_bytes()[:1_000_000])
    manifest["file_sha256"] = hashlib.sha256(archive.read_bytes()).hexdigest()
    (source_copy / "manifest.json").write_text(json.dumps(manifest))
    result = run_cli("oews-load", "--source", str(source_copy), "--out", str(tmp_path / "out"))
    assert result.returncode == 2
    assert "not a readable gzip file" in result.stderr
    assert not (tmp_path / "out").exists()
    assert [p.name for p in tmp_path.iterdir()] == ["source"]


def test_other_database_inside_is_refused(source_copy, tmp_path):
    manifest = manifest_of(source_copy)
    archive = source_copy / manifest["file"]
    archive.write_bytes(gzip.compress(b"not the release"))
    manifest["file_sha256"] = hashlib.sha256(archive.read_bytes()).hexdigest()
    (source_copy / "manifest.json").write_text(json.dumps(manifest))
    result = run_cli("oews-load", "--source", str(source_copy), "--out", str(tmp_path / "out"))
    assert result.returncode == 2
    assert "the database inside does not match the manifest's SHA-256" in result.stderr


def test_build_with_a_damaged_file_publishes_nothing(source_copy, tmp_path, published_build):
    project = published_build.copy(tmp_path / "project")
    before = file_digest(served_file(project))
    archive = source_copy / manifest_of(source_copy)["file"]
    archive.write_bytes(archive.read_bytes()[:-10])
    result = run_build(project, "--oews-source", str(source_copy))
    assert result.returncode == 1
    assert "SHA-256" in result.stderr and "nothing was published" in result.stderr
    assert file_digest(served_file(project)) == before

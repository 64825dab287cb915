"""The cache: a warm run says exactly what a cold one says, and edits, damage and company
never make it say something else. The CLI runs as a real subprocess on real files."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import run_cli

AS_OF = "2025-06-30"
CACHE = ".evalcheck_cache"


def lint(root: Path, *args: str, env: dict[str, str] | None = None) -> list[dict[str, object]]:
    result = run_cli("lint", "--as-of", AS_OF, "--format", "json", *args, cwd=root, env=env)
    assert result.returncode in (0, 1), result.stderr
    problems: list[dict[str, object]] = json.loads(result.stdout)
    return problems


def namespace(root: Path) -> Path:
    (folder,) = [p for p in (root / CACHE).iterdir() if p.is_dir()]
    return folder


def test_warm_run_says_what_the_cold_run_said(corpus: Path) -> None:
    cold = lint(corpus)
    assert (corpus / CACHE / ".gitignore").read_text().splitlines()[-1] == "*"
    assert (namespace(corpus) / "light").is_file()
    assert (namespace(corpus) / "heavy").is_file()
    assert lint(corpus) == cold
    assert lint(corpus, "--no-cache") == cold
    assert cold, "the generated repository has planted problems"


def test_parallel_workers_say_what_one_process_says(corpus: Path) -> None:
    one = lint(corpus, "--no-cache", env={"EVALCHECK_WORKERS": "1"})
    assert lint(corpus, "--no-cache", env={"EVALCHECK_WORKERS": "2"}) == one
    assert lint(corpus, env={"EVALCHECK_WORKERS": "2"}) == one  # and what they keep


def test_an_edit_replaces_the_entry_of_that_file(corpus: Path) -> None:
    lint(corpus)
    victim = sorted((corpus / "records" / "evaluations").rglob("*.yaml"))[0]
    text = victim.read_text(encoding="utf-8")
    victim.write_text(text.replace("\nstatus: ", "\nstatus: finished\nx-old-status: ", 1),
                      encoding="utf-8")
    warm = lint(corpus)
    assert warm == lint(corpus, "--no-cache")
    shown = victim.relative_to(corpus).as_posix()
    assert any(p["path"] == shown and p["check"] == "schema" and "finished" in str(p["message"])
               for p in warm)
    victim.write_text(text, encoding="utf-8")  # and back: the old answer again
    assert lint(corpus) == lint(corpus, "--no-cache")


def test_the_as_of_date_is_never_cached(corpus: Path) -> None:
    lint(corpus)
    later = ["--as-of", "2031-01-01"]
    warm = run_cli("lint", *later, "--format", "json", cwd=corpus)
    cold = run_cli("lint", *later, "--format", "json", "--no-cache", cwd=corpus)
    assert warm.stdout == cold.stdout
    assert "past-due-action" in warm.stdout


def test_a_damaged_cache_is_ignored(corpus: Path) -> None:
    cold = lint(corpus)
    folder = namespace(corpus)
    for name, junk in (("light", b"\x00garbage"), ("index", b"")):
        (folder / name).write_bytes(junk)
    (folder / "loose").mkdir(exist_ok=True)
    (folder / "loose" / ("0" * 32)).write_bytes(b"not marshal")
    assert lint(corpus) == cold
    heavy = (folder / "heavy").read_bytes()
    (folder / "heavy").write_bytes(heavy[: len(heavy) // 2])  # cut short, as by a crash
    (folder / "index").unlink()
    assert lint(corpus) == cold
    (folder / "heavy").write_bytes(heavy.replace(b"owner", b"OWNER"))  # damaged inside
    assert lint(corpus) == cold
    lint(corpus, "--as-of", "2030-01-01")  # rewrites the light file only
    head = len(b"evalcheck heavy\n")  # a heavy file another run wrote meanwhile
    (folder / "heavy").write_bytes(heavy[:head] + b"f" * 32 + heavy[head + 32:])
    assert lint(corpus) == cold


def test_two_runs_can_share_the_cache(corpus: Path) -> None:
    expected = lint(corpus, "--no-cache")
    command = [sys.executable, "-m", "evalcheck", "lint", "--as-of", AS_OF, "--format", "json"]
    for _ in range(2):  # once on an empty cache, once on a warm one
        runs = [subprocess.Popen(command, cwd=corpus, stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE, text=True) for _ in range(2)]
        for run in runs:
            out, err = run.communicate(timeout=120)
            assert run.returncode == 1, err
            assert json.loads(out) == expected
    assert lint(corpus) == expected


def test_no_cache_writes_nothing(corpus: Path) -> None:
    lint(corpus, "--no-cache")
    result = run_cli("validate", "--no-cache", "--format", "json", cwd=corpus)
    assert result.returncode == 1, result.stderr
    assert not (corpus / CACHE).exists()


def test_validate_and_lint_share_entries(corpus: Path) -> None:
    validated = run_cli("validate", "--format", "json", cwd=corpus)
    assert (namespace(corpus) / "heavy").is_file()
    assert lint(corpus) == lint(corpus, "--no-cache")
    again = run_cli("validate", "--format", "json", cwd=corpus)
    assert again.stdout == validated.stdout


def test_shown_paths_are_discovers(corpus: Path) -> None:
    """loading resolves each folder once instead of each file: same paths as discover's."""
    import os

    from evalcheck import discover, loading
    from evalcheck.config import load_config

    records = corpus / "records"
    first = sorted((records / "evaluations").rglob("*.yaml"))[0]
    os.symlink(first, records / "linked.yaml")
    os.symlink(records / "projects", records / "linked-folder")
    os.symlink(corpus.parent / "nowhere.yaml", records / "dangling.yaml")
    (records / "real").mkdir()
    os.symlink(corpus / "records", corpus / "alias")
    config = load_config(corpus)
    expected = discover.repository_sources(config)
    named = [str(corpus / "alias" / "linked.yaml"), str(records / "projects")]
    expected_named = discover.named_sources(named, config)
    got = loading.load(config, named, cache=False)
    assert [r.path for r in got.records] == sorted(
        {s.shown for s in [*expected, *expected_named]})
    assert got.targets == frozenset(s.shown for s in expected_named)


def test_a_cache_that_comes_with_a_copy_is_not_trusted(corpus: Path, tmp_path: Path) -> None:
    """A cache folder committed or copied along with the records could carry forged entries
    (one saying a broken record is clean): a copy of the folder is a new namespace."""
    import shutil

    from evalcheck import cache, loading

    victim = sorted((corpus / "records" / "evaluations").rglob("*.yaml"))[0]
    good = victim.read_bytes()
    bad = good.replace(b"\nstatus: ", b"\nstatus: finished\nx-old: ", 1)
    lint(corpus)
    (light,) = (corpus / CACHE).glob("*/light")
    token, entries = cache._read(light)  # the attacker knows the format
    entries[loading.digest_of(bad)] = entries[loading.digest_of(good)]
    cache._write(light, (token, entries))
    victim.write_bytes(bad)
    copy = tmp_path / "copy"
    shutil.copytree(corpus, copy)
    shown = victim.relative_to(corpus).as_posix()
    assert any(p["path"] == shown and p["check"] == "schema" for p in lint(copy))


def test_a_new_day_rewrites_only_the_light_file(corpus: Path) -> None:
    """Findings of checks that read the date are kept per date: the next day adds to every
    record's memo, which is in the light file; the records' data stays where it is."""
    lint(corpus)
    folder = namespace(corpus)
    heavy = (folder / "heavy").stat()
    light = (folder / "light").read_bytes()
    later = ["--as-of", "2025-09-30"]
    warm = run_cli("lint", *later, "--format", "json", cwd=corpus)
    assert warm.stdout == run_cli("lint", *later, "--format", "json", "--no-cache",
                                  cwd=corpus).stdout
    assert (folder / "light").read_bytes() != light
    assert (folder / "heavy").stat().st_ino == heavy.st_ino
    assert (folder / "heavy").stat().st_mtime_ns == heavy.st_mtime_ns

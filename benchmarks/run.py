"""Time evalcheck against the parse floor and check-jsonschema, in one run over the same files.

    .venv/bin/python benchmarks/run.py --n 10000 --repeat 3

Every measurement is a subprocess, so interpreter start and imports count where a person
waits for them; each row is the median wall time of its runs. evalcheck runs from a snapshot
of the package taken at the start (benchmarks/out/snapshot), so edits in the checkout during
a long run change nothing. Prints a Markdown table and writes it to benchmarks/RESULTS.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
OUT = HERE / "out"
PEER = HERE / ".venv-peer"
PY = sys.executable

BARE_PARSE = """
import os, sys, yaml
n = bad = 0
for folder, dirs, files in os.walk(sys.argv[1]):
    dirs.sort()
    for name in sorted(files):
        if name.endswith(('.yaml', '.yml')):
            with open(os.path.join(folder, name), 'rb') as fh:
                raw = fh.read()
            try:
                yaml.load(raw, Loader=yaml.CSafeLoader)
            except Exception:
                bad += 1
            n += 1
print(n, bad)
"""

# the schema each top folder of the generated repository holds (check-jsonschema takes one)
PEAK_MB = 450  # the whole process tree (issue 18)
TREND = "## Trend from git history"  # benchmarks/trend.py's section of RESULTS.md
KINDS = {"evaluations": "evaluation", "responses": "management-response",
         "projects": "project", "owners.yaml": "owners"}


@dataclass
class Row:
    key: str
    label: str
    times: list[float] = field(default_factory=list)
    rss_mb: list[float] = field(default_factory=list)
    note: str = ""

    @property
    def median(self) -> float | None:
        return statistics.median(self.times) if self.times else None

    @property
    def peak(self) -> float | None:
        return max(self.rss_mb) if self.rss_mb else None


def _tree_rss_mb(pid: int) -> float:
    """Resident memory of a process and all its descendants, from /proc."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/status", encoding="ascii", errors="replace") as fh:
                text = fh.read()
        except OSError:
            continue
        ppid = re.search(r"^PPid:\s+(\d+)", text, re.M)
        vm = re.search(r"^VmRSS:\s+(\d+)", text, re.M)
        if ppid:
            children.setdefault(int(ppid.group(1)), []).append(int(entry))
        rss[int(entry)] = int(vm.group(1)) if vm else 0
    total, stack = 0, [pid]
    while stack:
        p = stack.pop()
        total += rss.get(p, 0)
        stack.extend(children.get(p, []))
    return total / 1024


def sampled_peak(cmd: Sequence[str], cwd: Path, env: dict[str, str]) -> float:
    """Peak resident memory in MB of a command's whole process tree (workers included),
    sampled every 50 ms: a run of its own, since sampling costs time."""
    proc = subprocess.Popen(list(cmd), cwd=cwd, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    peak = 0.0
    while proc.poll() is None:
        peak = max(peak, _tree_rss_mb(proc.pid))
        time.sleep(0.05)
    return peak


def run_rss(cmd: Sequence[str], cwd: Path, env: dict[str, str],
            ok: Sequence[int] = (0, 1)) -> tuple[float, float, str]:
    """Like measure, but the max RSS of this one child (os.wait4), not of every child so far."""
    start = time.perf_counter()
    proc = subprocess.Popen(list(cmd), cwd=cwd, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    chunks: dict[str, bytes] = {}

    def drain(name: str, stream: object) -> None:
        chunks[name] = stream.read()  # type: ignore[attr-defined]

    threads = [threading.Thread(target=drain, args=(n, s))
               for n, s in (("out", proc.stdout), ("err", proc.stderr))]
    for t in threads:
        t.start()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    for t in threads:
        t.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in ok:
        raise SystemExit(f"{' '.join(cmd)} exited {proc.returncode}:\n"
                         f"{chunks.get('err', b'').decode()[-2000:]}")
    return wall, usage.ru_maxrss / 1024, chunks.get("out", b"").decode("utf-8", "replace")


# ---------------------------------------------------------------- setup


def corpus(n: int, seed: int, shape: str) -> tuple[Path, dict[str, object]]:
    repo = OUT / (f"repo-{n}" if shape == "planted" else f"repo-{shape}-{n}")
    manifest_path = repo / "planted.json"
    if manifest_path.exists():
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        if manifest.get("seed") == seed and manifest.get("shape", "planted") == shape:
            return repo, manifest
    print(f"generating {n} records ({shape}) ...", file=sys.stderr)
    subprocess.run([PY, str(HERE / "generate.py"), "--n", str(n), "--seed", str(seed),
                    "--shape", shape, "--out", str(repo)], check=True)
    return repo, json.loads(manifest_path.read_text(encoding="utf-8"))


def snapshot() -> Path:
    """A copy of the package and schemas as they are now."""
    snap = OUT / "snapshot"
    shutil.rmtree(snap, ignore_errors=True)
    shutil.copytree(REPO / "evalcheck", snap / "evalcheck",
                    ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(REPO / "schema", snap / "schema")
    subprocess.run([PY, "-m", "compileall", "-q", str(snap / "evalcheck")], check=True)
    return snap


def peer() -> Path | None:
    """check-jsonschema in its own virtualenv (it must not change the project's)."""
    exe = PEER / "bin" / "check-jsonschema"
    if not exe.exists():
        print("installing check-jsonschema into benchmarks/.venv-peer ...", file=sys.stderr)
        try:
            subprocess.run([PY, "-m", "venv", str(PEER)], check=True)
            subprocess.run([str(PEER / "bin" / "pip"), "install", "-q", "check-jsonschema"],
                           check=True)
        except subprocess.CalledProcessError:
            return None
    return exe


def version_of(python: Path | str, module: str) -> str:
    code = (f"import importlib.metadata as m\ntry: print(m.version({module!r}))\n"
            "except Exception: print('-')")
    return subprocess.run([str(python), "-c", code], capture_output=True, text=True).stdout.strip()


def files_by_kind(repo: Path) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for top, kind in KINDS.items():
        base = repo / "records" / top
        paths = [base] if base.is_file() else sorted(base.rglob("*.yaml"))
        out[kind] = [str(p.relative_to(repo)) for p in paths]
    return out


# ---------------------------------------------------------------- the run


SHAPES = ("planted", "neglected")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=10_000, help="records in the repository")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=3,
                        help="rounds: each runs the floor and every evalcheck row once")
    parser.add_argument("--repeat-slow", type=int, default=1,
                        help="runs of check-jsonschema (minutes each)")
    parser.add_argument("--skip-peer", action="store_true", help="do not run check-jsonschema")
    parser.add_argument("--shape", choices=SHAPES, action="append",
                        help="corpus shape (repeatable; default: both, planted first)")
    parser.add_argument("--results", type=Path, default=HERE / "RESULTS.md")
    args = parser.parse_args()
    snap = snapshot()
    texts = [bench_shape(args, shape, snap) for shape in (args.shape or SHAPES)]
    text = "# Benchmark results\n\n" + "\n".join(texts)
    print(text)
    # other runners' sections (benchmarks/trend.py's) stay
    old = args.results.read_text(encoding="utf-8") if args.results.exists() else ""
    kept = old[old.index(TREND):] if TREND in old else ""
    args.results.write_text(text + ("\n" + kept if kept else ""), encoding="utf-8")


def bench_shape(args: argparse.Namespace, shape: str, snap: Path) -> str:
    """Every row on one corpus shape; returns its section of RESULTS.md."""
    repo, manifest = corpus(args.n, args.seed, shape)
    as_of = str(manifest["as_of"])
    env = {**os.environ, "PYTHONPATH": str(snap), "NO_COLOR": "1"}
    env.pop("GITHUB_ACTIONS", None)
    evalcheck = [PY, "-m", "evalcheck"]
    cache = repo / ".evalcheck_cache"
    load_before = os.getloadavg()
    started = time.time()
    rows: dict[str, Row] = {}

    def row(key: str, label: str) -> Row:
        return rows.setdefault(key, Row(key, label))

    def timed(key: str, label: str, cmd: Sequence[str], before: Callable[[], None] | None = None,
              ok: Sequence[int] = (0, 1)) -> str:
        r = row(key, label)
        if before:
            before()
        wall, rss, out = run_rss(cmd, repo, env, ok)
        r.times.append(wall)
        r.rss_mb.append(rss)
        print(f"  {shape} {key} run {len(r.times)}: {wall:.2f} s, {rss:.0f} MB", file=sys.stderr)
        return out

    def drop_cache() -> None:
        shutil.rmtree(cache, ignore_errors=True)

    print(f"benchmarking {manifest['n']} records ({int(manifest['bytes']) / 1e6:.1f} MB, "
          f"{shape}) in {repo}", file=sys.stderr)
    imp = subprocess.run([PY, "-X", "importtime", "-c", "import evalcheck.cli"], cwd=repo,
                         env=env, capture_output=True, text=True).stderr
    cli_us = next((int(m.group(1)) for m in re.finditer(
        r"import time:\s+\d+ \|\s+(\d+) \| evalcheck\.cli$", imp, re.M)), 0)
    heavy = sorted(((int(m.group(2)), m.group(3).strip()) for m in re.finditer(
        r"import time:\s+(\d+) \|\s+(\d+) \|( +\S+)$", imp, re.M)
        if m.group(3).startswith("   ") and not m.group(3).startswith("    ")), reverse=True)
    # (b) the peer, once: minutes, and 20x away from its target
    exe = None if args.skip_peer else peer()
    if exe is not None:
        r = row("b", "(b) check-jsonschema, one run per kind, summed")
        for k in range(args.repeat_slow):
            total, peak = 0.0, 0.0
            for kind, files in files_by_kind(repo).items():
                wall, rss, _ = run_rss([str(exe), "--schemafile",
                                        str(REPO / "schema" / f"{kind}.schema.json"), *files],
                                       repo, dict(os.environ), ok=(0, 1))
                total += wall
                peak = max(peak, rss)
            r.times.append(total)
            r.rss_mb.append(peak)
            print(f"  {shape} b run {k + 1}/{args.repeat_slow}: {total:.2f} s",
                  file=sys.stderr)
    else:
        row("b", "(b) check-jsonschema").note = "not run"
    target = repo / "records" / "responses" / sorted(
        os.listdir(repo / "records" / "responses"))[0]
    target = sorted(target.glob("*.yaml"))[0]
    shown = target.relative_to(repo).as_posix()
    original = target.read_bytes()
    edits = [0]

    def edit() -> None:
        edits[0] += 1
        target.write_bytes(original + f"# edited by the benchmark ({edits[0]})\n".encode())

    lint = [*evalcheck, "lint", "--as-of", as_of, "--format", "json"]
    # Rounds: the floor, then every evalcheck row once, so that each ratio compares runs made
    # a minute apart (this shared machine's speed drifts by a third within minutes).
    try:
        for k in range(args.repeat):
            print(f"{shape} round {k + 1}/{args.repeat}", file=sys.stderr)
            timed("start", "`python -c pass` (interpreter alone)", [PY, "-c", "pass"])
            timed("help", "`evalcheck --help`", [*evalcheck, "--help"], ok=(0,))
            timed("a", "(a) bare parse, yaml.load(CSafeLoader), every file",
                  [PY, "-c", BARE_PARSE, "records"])
            timed("c", "(c) `evalcheck validate --no-cache`",
                  [*evalcheck, "validate", "--no-cache", "--as-of", as_of, "--format", "json"])
            timed("d2", "(d′) `evalcheck lint --ignore near-duplicate-text`, cold cache "
                  "(for scale)", [*lint, "--ignore", "near-duplicate-text"], before=drop_cache)
            cold = timed("d", "(d) `evalcheck lint`, cold cache", lint, before=drop_cache)
            warm = timed("e", "(e) `evalcheck lint`, warm cache", lint)
            timed("f", "(f) `evalcheck lint FILE`, one changed file, warm cache",
                  [*evalcheck, "lint", "--as-of", as_of, shown], before=edit)
            timed("g", "(g) `evalcheck report --out DIR` (html, md, csv, json), warm cache",
                  [*evalcheck, "report", "--as-of", as_of, "--out", str(OUT / "report")],
                  ok=(0,))
        # what the named run says must be what the full run says of that file
        alone = json.loads(run_rss([*lint, shown], repo, env)[2])
        whole = json.loads(run_rss(lint, repo, env)[2])
        single_ok = [p for p in alone if p["path"] == shown] == [
            p for p in whole if p["path"] == shown] and all(p in whole for p in alone)
    finally:
        target.write_bytes(original)
    same = json.loads(cold) == json.loads(warm)
    found = {(p["path"], p["check"]) for p in json.loads(warm)}
    expected = {tuple(e) for e in manifest["expected"]}  # type: ignore[attr-defined]
    # peak memory of the whole process tree (workers included) for the cold lint
    drop_cache()
    tree_peak = sampled_peak(lint, repo, env)
    return write_results(args, shape, manifest, rows, cli_us, heavy, tree_peak, same, found,
                         expected, load_before, os.getloadavg(), time.time() - started, exe,
                         single_ok, len(json.loads(warm)))




def _fmt(x: float | None, digits: int = 2) -> str:
    return "—" if x is None else f"{x:.{digits}f}"


def write_results(args: argparse.Namespace, shape: str, manifest: dict[str, object],
                  rows: dict[str, Row], cli_us: int, heavy: list[tuple[int, str]],
                  tree_peak: float, same: bool, found: set[tuple[str, str]],
                  expected: set[tuple[str, str]], load_before: tuple[float, ...],
                  load_after: tuple[float, ...], seconds: float, exe: Path | None,
                  single_ok: bool, problems: int) -> str:
    b = rows["b"].median

    def paired(key: str, base: str) -> float | None:
        """The median over rounds of the row's time over the base row's time in that round:
        runs a minute apart, so the machine's drift cancels out."""
        x, y = rows.get(key), rows.get(base)
        if x is None or y is None or not x.times or len(x.times) != len(y.times):
            return None
        return statistics.median(t / u for t, u in zip(x.times, y.times, strict=True))

    def ratio(key: str, base: str) -> str:
        value = paired(key, base)
        if value is None:
            x, y = rows[key].median, rows[base].median if base in rows else None
            value = None if x is None or not y else x / y
        return "—" if value is None else f"{value:.2f}×"

    c, d_a, e_a, g_d = (rows["c"].median, paired("d", "a"), paired("e", "a"),
                        paired("g", "d"))
    checks: dict[str, tuple[str, bool | None]] = {
        "c": ("≥ 3× faster than (b)", None if c is None or b is None else b / c >= 3),
        "d": ("≤ 1.5× (a)", None if d_a is None else d_a <= 1.5),
        "e": ("≤ 0.15× (a)", None if e_a is None else e_a <= 0.15),
        "f": ("≤ 0.5 s", None if rows["f"].median is None else rows["f"].median <= 0.5),
        "g": ("≤ 2× (d)", None if g_d is None else g_d <= 2),
    }
    lines = [
        "| step | median wall (s) | runs | peak RSS (MB) | vs (a) | vs (b) | target | |",
        "|---|---:|---:|---:|---:|---:|---|---|",
    ]
    for key in ("start", "help", "a", "b", "c", "d", "d2", "e", "f", "g"):
        r = rows.get(key)
        if r is None:
            continue
        target, ok = checks.get(key, ("", None))
        verdict = "" if ok is None else ("pass" if ok else "**FAIL**")
        if r.note and not r.times:
            lines.append(f"| {r.label} | — | 0 | — | — | — | {target} | {r.note} |")
            continue
        lines.append(f"| {r.label} | {_fmt(r.median)} | {len(r.times)} | {_fmt(r.peak, 0)} | "
                     f"{ratio(key, 'a')} | {ratio(key, 'b')} | {target} | {verdict} |")
    # issue 18's memory target is lint's: the cold lint's whole process tree, and the largest
    # process of every lint and validate row; the report (g) holds every record's data and
    # has no memory target (its peak is in the table and said in the notes)
    linted = [rows[k] for k in ("c", "d", "d2", "e", "f") if k in rows]
    peak_ok = tree_peak <= PEAK_MB and all((r.peak or 0) <= PEAK_MB for r in linted)
    lines.append(f"| peak memory, cold lint, whole process tree (sampled) | — | 1 | "
                 f"{tree_peak:.0f} | — | — | ≤ {PEAK_MB} MB | "
                 f"{'pass' if peak_ok else '**FAIL**'} |")
    table = "\n".join(lines)
    heavy_text = ", ".join(f"{name} {us / 1000:.0f} ms" for us, name in heavy[:6])
    info = [
        f"Corpus: {manifest['n']} records, {int(manifest['bytes']) / 1e6:.1f} MB "  # type: ignore[call-overload]
        f"(benchmarks/generate.py --shape {shape} --n {args.n} --seed {args.seed}), as of "
        f"{manifest['as_of']}; lint reports {problems:,} problems.",
        f"Machine: {os.cpu_count()} cores, {platform.python_implementation()} "
        f"{platform.python_version()}, load average {load_before[0]:.1f} before and "
        f"{load_after[0]:.1f} after ({seconds / 60:.0f} min in all); PyYAML "
        f"{version_of(PY, 'PyYAML')}, jsonschema {version_of(PY, 'jsonschema')}, jsonschema-rs "
        f"{version_of(PY, 'jsonschema-rs')}, check-jsonschema "
        f"{version_of(PEER / 'bin' / 'python', 'check-jsonschema') if exe else '-'}.",
        f"Import of evalcheck.cli: {cli_us / 1000:.0f} ms (`python -X importtime`); its "
        f"largest direct imports: {heavy_text}.",
        f"Warm lint output identical to cold lint: {'yes' if same else '**NO**'}; expected "
        f"(file, check) pairs found: {len(found & expected)}/{len(expected)}, others: "
        f"{len(found - expected)}" + (" (" + ", ".join(f"{c} in {p}" for p, c in
                                                      sorted(found - expected)[:5]) + ")"
                                       if found - expected else "") + ".",
        f"`lint FILE` reports on that file exactly what the full lint reports on it: "
        f"{'yes' if single_ok else '**NO**'}.",
        f"Memory: the cold lint's whole process tree peaked at {tree_peak:.0f} MB and no lint "
        f"or validate process passed {max((r.peak or 0) for r in linted):.0f} MB; the report "
        f"(g), which reads every record's data, peaked at {rows['g'].peak or 0:.0f} MB (no "
        f"target; {'over' if (rows['g'].peak or 0) > PEAK_MB else 'within'} the {PEAK_MB} MB "
        f"set for lint).",
        "Ratios to (a) are medians over the rounds of each round's own ratio; round by round: "
        + "; ".join(f"{key} " + ", ".join(f"{t / u:.2f}×" for t, u in zip(
            rows[key].times, rows["a"].times, strict=False))
            for key in ("c", "d", "e") if key in rows and rows[key].times) + ".",
        f"Command: `.venv/bin/python benchmarks/run.py --n {args.n} --seed {args.seed} "
        f"--repeat {args.repeat} --repeat-slow {args.repeat_slow}"
        f"{' --skip-peer' if args.skip_peer else ''}`, "
        f"{dt.datetime.now(dt.timezone.utc):%Y-%m-%d %H:%M} UTC.",
    ]
    return (f"## Shape: {shape}\n\n" + table + "\n\n" + "\n".join(f"- {i}" for i in info)
            + "\n")


if __name__ == "__main__":
    main()

"""How long `evalcheck report --trend quarter` takes over a long history (issue 15).

    .venv/bin/python benchmarks/trend.py [--n 2000] [--commits 500] [--quarters 40] [--write]

Builds a repository of N generated records (benchmarks/generate.py) with a git history of
COMMITS commits spread evenly over QUARTERS quarters (2015-Q1 onwards): three in five commits
add the next few record files, the others edit a management response already committed (an
action starts or is closed, or a follow-up comment is added), so the history holds many
versions of the same files. Then it times, as a real subprocess, a report with a trend over
every quarter, checks the trend has a point per quarter with a commit behind each, and prints
a Markdown section; `--write` puts that section into benchmarks/RESULTS.md in place of the
previous trend section (the other sections are left as they are). Target: under 60 s.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "RESULTS.md"
HEADING = "## Trend from git history (issue 15)"
TARGET_S = 60.0
START = dt.date(2015, 1, 1)


def _quarter_end(start: dt.date, quarters: int) -> dt.date:
    months = start.month - 1 + 3 * quarters
    return dt.date(start.year + months // 12, months % 12 + 1, 1) - dt.timedelta(days=1)


def _edit(text: str, step: int) -> str:
    """A small, real edit of a management response: an action starts, is closed, or the
    matrix gets a follow-up comment."""
    if step % 3 == 0 and "status: not-started" in text:
        return text.replace("status: not-started", "status: in-progress", 1)
    if step % 3 == 1 and "status: in-progress" in text:
        return text.replace("status: in-progress", "status: completed", 1)
    return text.rstrip("\n") + f"\n# follow-up review {step}\n"


def build(repo: Path, n: int, commits: int, quarters: int, seed: int) -> int:
    """Generate the records and write their history with `git fast-import`; the number of
    distinct file versions committed."""
    if repo.exists():
        shutil.rmtree(repo)
    subprocess.run([sys.executable, str(HERE / "generate.py"), "--n", str(n), "--seed",
                    str(seed), "--out", str(repo)], check=True, stdout=subprocess.DEVNULL)
    files = sorted(p.relative_to(repo).as_posix() for p in (repo / "records").rglob("*.yaml"))
    owners = [f for f in files if f.endswith("owners.yaml")]
    order = owners + [f for f in files if f not in owners]
    content = {f: (repo / f).read_text(encoding="utf-8") for f in order}
    for f in order:
        (repo / f).unlink()
    subprocess.run(["git", "init", "-q", "-b", "main", str(repo)], check=True)
    span = (_quarter_end(START, quarters) - START).days
    adding = [i for i in range(commits) if i % 5 < 3]
    per = -(-len(order) // len(adding))
    stream: list[bytes] = []
    added: list[str] = []
    responses: list[str] = []
    versions = 0
    for i in range(commits):
        when = dt.datetime.combine(START + dt.timedelta(days=span * i // commits),
                                   dt.time(12), dt.timezone.utc)
        changed: dict[str, str] = {}
        if i in adding:
            batch = order[len(added):len(added) + per]
            changed = {f: content[f] for f in batch}
            added += batch
            responses += [f for f in batch if "/responses/" in f]
        elif responses:
            target = responses[(i * 7919) % len(responses)]
            content[target] = _edit(content[target], i)
            changed = {target: content[target]}
        message = f"commit {i}".encode()
        stream.append(b"commit refs/heads/main\n")
        stream.append(f"committer bench <bench@example.org> {int(when.timestamp())} +0000\n"
                      .encode())
        stream.append(f"data {len(message)}\n".encode() + message + b"\n")
        for path, text in changed.items():
            raw = text.encode("utf-8")
            stream.append(f"M 100644 inline {path}\ndata {len(raw)}\n".encode() + raw + b"\n")
            versions += 1
    if len(added) < len(order):
        raise SystemExit(f"{len(order) - len(added)} files were never committed")
    subprocess.run(["git", "fast-import", "--quiet"], cwd=repo, input=b"".join(stream),
                   check=True)
    subprocess.run(["git", "checkout", "-q", "-f", "main"], cwd=repo, check=True)
    return versions


def run(repo: Path, quarters: int) -> tuple[float, int, dict]:
    until = _quarter_end(START, quarters)
    cmd = [sys.executable, "-m", "evalcheck", "report", "--trend", "quarter", "--since",
           START.isoformat(), "--as-of", until.isoformat(), "--format", "json"]
    start = time.perf_counter()
    done = subprocess.run(cmd, cwd=repo, capture_output=True, text=True,
                          env={**os.environ, "NO_COLOR": "1"})
    wall = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(done.stderr)
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024
    return wall, peak, json.loads(done.stdout)


def section(args: argparse.Namespace, versions: int, wall: float, peak: int,
            data: dict) -> str:
    trend = data["trend"]
    commits = sorted({p["commit"] for p in trend if p["commit"]})
    last = trend[-1]["indicators"]
    ok = wall < TARGET_S and len(trend) == args.quarters and all(p["commit"] for p in trend)
    load = os.getloadavg()[0]
    return "\n".join([
        HEADING, "",
        "| step | wall (s) | peak RSS (MB) | target | |",
        "|---|---:|---:|---|---|",
        f"| `evalcheck report --trend quarter` over {args.quarters} quarters "
        f"(the whole report too, lint included) | {wall:.1f} | {peak} | < {TARGET_S:.0f} s | "
        f"{'pass' if ok else 'FAIL'} |", "",
        f"- Repository: {args.n} records (benchmarks/generate.py --n {args.n} --seed "
        f"{args.seed}), {args.commits} commits from {START} to "
        f"{_quarter_end(START, args.quarters)}, {versions} file versions committed; the "
        f"trend has {len(trend)} points standing on {len(commits)} distinct commits.",
        f"- Last point ({trend[-1]['period']}): implementation rate "
        f"{last['implementation_rate']['value']}%, overdue share "
        f"{last['overdue_share']['value']}% ({last['overdue_share']['numerator']} of "
        f"{last['overdue_share']['denominator']}).",
        f"- Machine: {os.cpu_count()} cores, CPython {platform.python_version()}, load "
        f"average {load:.1f} when the run ended.",
        f"- Command: `.venv/bin/python benchmarks/trend.py --n {args.n} --commits "
        f"{args.commits} --quarters {args.quarters}`, "
        f"{dt.datetime.now(dt.timezone.utc):%Y-%m-%d %H:%M} UTC.", ""])


def write(text: str) -> None:
    """Put the section into RESULTS.md in place of the previous trend section."""
    old = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else "# Benchmark results\n"
    pattern = re.compile(rf"^{re.escape(HEADING)}\n.*?(?=^## |\Z)", re.M | re.S)
    new = pattern.sub(lambda _: text + "\n", old) if pattern.search(old) else \
        old.rstrip("\n") + "\n\n" + text
    RESULTS.write_text(new.rstrip("\n") + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=2000)
    parser.add_argument("--commits", type=int, default=500)
    parser.add_argument("--quarters", type=int, default=40)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, default=HERE / "out" / "trend-repo")
    parser.add_argument("--write", action="store_true", help="update benchmarks/RESULTS.md")
    args = parser.parse_args()
    versions = build(args.out, args.n, args.commits, args.quarters, args.seed)
    wall, peak, data = run(args.out, args.quarters)
    text = section(args, versions, wall, peak, data)
    print(text)
    if args.write:
        write(text)


if __name__ == "__main__":
    main()

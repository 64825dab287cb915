"""Where worker processes start to pay: one process against two, by number of files to parse.

    .venv/bin/python benchmarks/crossover.py

Times `evalcheck validate --no-cache` (parse and schema check only: the least work per file,
so the worst case for workers) with EVALCHECK_WORKERS=1 and =2 on generated repositories of a
few sizes; evalcheck.loading.PARALLEL_AT is set from this.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SIZES = (50, 100, 200, 400, 800, 1600)


def wall(cmd: list[str], cwd: Path, env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    repeat = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    print("| files | 1 process (s) | 2 workers (s) | workers/1 |\n|---:|---:|---:|---:|")
    for n in SIZES:
        repo = HERE / "out" / f"repo-{n}"
        if not (repo / "planted.json").exists():
            subprocess.run([sys.executable, str(HERE / "generate.py"), "--n", str(n), "--out",
                            str(repo)], check=True, stdout=subprocess.DEVNULL)
        cmd = [sys.executable, "-m", "evalcheck", "validate", "--no-cache"]
        times = {}
        for workers in ("1", "2"):
            env = {**os.environ, "EVALCHECK_WORKERS": workers}
            times[workers] = statistics.median(wall(cmd, repo, env) for _ in range(repeat))
        print(f"| {n} | {times['1']:.2f} | {times['2']:.2f} | {times['2'] / times['1']:.2f} |",
              flush=True)


if __name__ == "__main__":
    main()

"""The command line: flags, config and the as-of date in; load, lint, output and exit status.
It and commands/* print and exit; it reads today's date (everything below takes the as-of date
as a parameter)."""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import click

from evalcheck import __version__

F = TypeVar("F", bound=Callable[..., Any])
EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


def _fail(message: str) -> None:
    click.echo(f"evalcheck: error: {message}", err=True)
    sys.exit(EXIT_USAGE)


def friendly_errors(func: F) -> F:
    """Turn known user errors into a one-line message and exit code 2."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from evalcheck.baseline import BaselineError
        from evalcheck.checks import PluginError
        from evalcheck.config import ConfigError
        from evalcheck.discover import UsageError
        from evalcheck.writing import WriteError

        try:
            return func(*args, **kwargs)
        except (ConfigError, UsageError, BaselineError, PluginError, WriteError) as exc:
            _fail(str(exc))
        except BrokenPipeError:  # pragma: no cover - `evalcheck lint | head`
            sys.exit(EXIT_OK)
        except OSError as exc:  # a file that vanished or cannot be read: one line, exit 2
            from evalcheck.textsafe import visible

            where = f"{visible(os.fsdecode(exc.filename))}: " if exc.filename else ""
            _fail(f"{where}{(exc.strerror or str(exc)).lower()}")

    return wrapper  # type: ignore[return-value]


def _as_of(value: str | None) -> dt.date:
    if value is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date in the form YYYY-MM-DD",
                                 param_hint="--as-of") from None


as_of_option = click.option("--as-of", metavar="YYYY-MM-DD",
                            help="Judge deadlines as of this date (default: today).")
config_option = click.option("--config", "config_path", type=click.Path(dir_okay=False),
                             help="Use this config file instead of searching for one.")
paths_argument = click.argument("paths", nargs=-1, type=click.Path())
no_cache_option = click.option(
    "--no-cache", is_flag=True,
    help="Neither read nor write the cache folder (.evalcheck_cache/); parse everything.")


def _config(config_path: str | None) -> Any:
    from evalcheck.config import load_config

    return load_config(Path.cwd(), Path(config_path) if config_path else None)


def _emit(text: str, output: str | None) -> None:
    if output:
        from evalcheck.loading import write_atomic

        write_atomic(Path(output), text)
    else:  # colour only where a formatter put it (click would strip it on a pipe)
        click.echo(text, nl=False, color=True)


# Commands that live in their own module, imported only when run (keeps start-up fast).
LAZY_COMMANDS = {
    "report": "evalcheck.commands.report:report",
    "diff": "evalcheck.commands.report:diff",
    "new": "evalcheck.commands.scaffold:new",
    "schema": "evalcheck.commands.scaffold:schema",
    "codeowners": "evalcheck.commands.codeowners:codeowners",
    "init": "evalcheck.commands.init:init",
    "import": "evalcheck.commands.office:import_",
    "export": "evalcheck.commands.office:export",
    "set": "evalcheck.commands.edit:set_",
}


class LazyGroup(click.Group):
    """A click group whose listed subcommands are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self._available()})

    def _available(self) -> list[str]:
        import importlib.util

        return [name for name, target in LAZY_COMMANDS.items()
                if importlib.util.find_spec(target.split(":")[0]) is not None]

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        command = super().get_command(ctx, name)
        if command is not None or name not in self._available():
            return command
        import importlib

        module, attr = LAZY_COMMANDS[name].split(":")
        loaded: click.Command = getattr(importlib.import_module(module), attr)
        return loaded


@click.group(cls=LazyGroup,
             context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="evalcheck")
def main() -> None:
    """Validate, lint and report on evaluation records and management responses kept as YAML.

    Run `evalcheck lint` in a records repository; `evalcheck rules` lists what it checks.
    """


FORMAT_NAMES = ("text", "concise", "json", "github", "sarif", "markdown", "junit", "gitlab")
COLOR_CHOICES = ("auto", "always", "never")


def want_color(choice: str, env: Mapping[str, str], is_tty: bool) -> bool:
    """--color: `always` and `never` are final; `auto` colours a terminal, and the environment
    decides before that: NO_COLOR (when not empty) turns colour off, else FORCE_COLOR (when
    not empty) turns it on, the order Python itself gives them."""
    if choice != "auto":
        return choice == "always"
    if env.get("NO_COLOR"):
        return False
    if env.get("FORCE_COLOR"):
        return True
    return is_tty


@dataclass(frozen=True)
class Output:
    """How a validate or lint run reports: the options both commands share."""

    fmt: str | None = None
    output: str | None = None
    quiet: bool = False
    color: str = "auto"
    exit_zero: bool = False
    statistics: bool = False
    show_source: bool = False
    stdin_filename: str | None = None


def output_options(func: F) -> F:
    """The reporting options of validate and lint (the same formats and conventions)."""
    options = [
        click.option("--format", "fmt", type=click.Choice(FORMAT_NAMES),
                     help="Output format: text (grouped by file), concise (one line per "
                          "problem, for editors), json, github (annotations), sarif (code "
                          "scanning), markdown (job summaries), junit (JUnit XML), gitlab "
                          "(GitLab code quality). Default: text; github inside GitHub Actions."),
        click.option("-o", "--output", type=click.Path(dir_okay=False),
                     help="Write the output to this file (atomically) instead of printing it."),
        click.option("-q", "--quiet", is_flag=True,
                     help="Print the problems and nothing else: no summary line, no notes."),
        click.option("--color", type=click.Choice(COLOR_CHOICES), default="auto",
                     show_default=True,
                     help="Colour the text output. auto: on a terminal, unless NO_COLOR is set "
                          "and not empty; FORCE_COLOR (not empty) colours even a pipe. A file "
                          "written with -o is coloured only with always."),
        click.option("--exit-zero", is_flag=True,
                     help="Exit 0 even when problems are found (2 still means a usage error)."),
        click.option("--statistics", is_flag=True,
                     help="Print how many problems each check found instead of the list "
                          "(text, or json with --format json)."),
        click.option("--show-source", is_flag=True,
                     help="Show the offending line under each problem, with a caret at the "
                          "column (text format)."),
        click.option("--stdin-filename", metavar="PATH",
                     help="With - among PATHS: the file the standard input stands for "
                          "(default <stdin>); it replaces that file's content in the run."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def _output(kwargs: dict[str, Any]) -> Output:
    return Output(**{name: kwargs.pop(name) for name in
                     ("fmt", "output", "quiet", "color", "exit_zero", "statistics",
                      "show_source", "stdin_filename")})


def _stdin_record(paths: Sequence[str], out: Output, root: Path) -> tuple[list[str], Any]:
    """The paths without `-`, and the (shown path, bytes) read from standard input for it."""
    from evalcheck.discover import UsageError
    from evalcheck.yamlload import Limits

    if "-" not in paths:
        if out.stdin_filename:
            raise UsageError("--stdin-filename needs - among the paths (the record read from "
                             "standard input)")
        return list(paths), None
    if list(paths).count("-") > 1:
        raise UsageError("- (standard input) can be given once")

    raw = sys.stdin.buffer.read(Limits().max_bytes + 1)
    shown = "<stdin>"
    if out.stdin_filename:
        import os

        name = Path(out.stdin_filename)
        absolute = (name if name.is_absolute() else Path.cwd() / name).resolve()
        try:
            shown = absolute.relative_to(root.resolve()).as_posix()
        except ValueError:
            shown = Path(os.path.normpath(out.stdin_filename)).as_posix()
    return [p for p in paths if p != "-"], (shown, raw)


def _source_lines(paths: set[str], root: Path, stdin: Any) -> dict[str, list[str]]:
    """--show-source: the lines of the files that have problems. Only regular files inside
    the repository are read (never through a link, never a pipe), at most the record limit."""
    import stat

    from evalcheck.yamlload import Limits

    limit = Limits().max_bytes
    out: dict[str, list[str]] = {}
    base = root.resolve()
    for shown in paths:
        if stdin is not None and shown == stdin[0]:
            raw = stdin[1][:limit]
        else:
            path = base / shown
            try:
                if not stat.S_ISREG(path.lstat().st_mode) or \
                        not path.resolve().is_relative_to(base):
                    continue
                with path.open("rb") as fh:
                    raw = fh.read(limit)
            except (OSError, RuntimeError):
                continue
        out[shown] = raw.decode("utf-8", errors="replace").splitlines()
    return out


def _sarif_failure(out: Output, message: str) -> None:
    """A usage or configuration error still leaves a SARIF log when one was asked for, so a
    code-scanning upload shows the failed run instead of finding no file."""
    if out.fmt != "sarif":
        return
    from contextlib import suppress

    from evalcheck.formatters import sarif_failure

    with suppress(OSError):
        _emit(sarif_failure(message), out.output)


def _run_checks(paths: Sequence[str], as_of: str | None, out: Output, config_path: str | None,
                only_source: bool, select: tuple[str, ...] = (), ignore: tuple[str, ...] = (),
                fail_on: str | None = None, baseline_path: str | None = None,
                write_baseline: str | None = None, no_baseline: bool = False,
                no_cache: bool = False, config_from: str | None = None) -> None:
    from evalcheck.baseline import BaselineError
    from evalcheck.checks import PluginError
    from evalcheck.config import ConfigError
    from evalcheck.discover import UsageError

    try:
        _checks(paths, as_of, out, config_path, only_source, select, ignore, fail_on,
                baseline_path, write_baseline, no_baseline, no_cache, config_from)
    except (ConfigError, UsageError, BaselineError, PluginError, click.BadParameter) as exc:
        _sarif_failure(out, exc.format_message() if isinstance(exc, click.BadParameter)
                       else str(exc))
        raise


def _checks(paths: Sequence[str], as_of: str | None, out: Output, config_path: str | None,
            only_source: bool, select: tuple[str, ...], ignore: tuple[str, ...],
            fail_on: str | None, baseline_path: str | None, write_baseline: str | None,
            no_baseline: bool, no_cache: bool, config_from: str | None = None) -> None:
    import os

    from evalcheck import baseline, engine, loading
    from evalcheck.discover import UsageError
    from evalcheck.formatters import FORMATTERS, RunInfo, format_statistics

    at = None
    if config_from:  # the gate's settings as committed at a revision, not as the PR has them
        from evalcheck import fromrev

        at = fromrev.load(Path.cwd(), config_from, config_path)
        config = at.config.with_cli(select, ignore, fail_on)
    else:
        config = _config(config_path).with_cli(select, ignore, fail_on)
    day = _as_of(as_of)
    named, stdin = _stdin_record(paths, out, config.root)
    loaded = loading.load(config, named, cache=not no_cache, checks=not only_source,
                          as_of=day, stdin=stdin)
    if not loaded.records and not out.quiet:
        where = ", ".join(paths) if paths else ", ".join(f"{r}/" for r in config.records)
        click.echo(f"evalcheck: warning: no records found under {where}", err=True)
    problems = engine.lint(loaded.records, config, day, loaded.targets, only_source=only_source,
                           memo=loaded.memo)
    loaded.keep()
    if write_baseline:
        target = Path(write_baseline)
        # only a regular file holds reasons to keep (reading a pipe would wait forever)
        reasons = baseline.load(target.read_bytes(), write_baseline)[1] \
            if target.is_file() else {}
        loading.write_atomic(target, baseline.dump(problems, reasons))
        kept = len(baseline.acceptable(problems))
        click.echo(f"Wrote {kept} accepted problem(s) to {write_baseline}.", err=True)
        if kept < len(problems):
            click.echo(f"{len(problems) - kept} problem(s) of unsafe-yaml or yaml-syntax cannot "
                       "be accepted: fix those files.", err=True)
        sys.exit(EXIT_OK)
    accepted = 0
    configured = not baseline_path  # the repository's choice, not the person's
    baseline_path = None if no_baseline else baseline_path or config.baseline
    if baseline_path and not only_source:
        from evalcheck.config import inside

        path = Path(baseline_path)
        if configured:
            path = inside(config.root, baseline_path, "baseline", config.source)
        elif not path.is_absolute() and not path.exists():
            path = config.root / baseline_path
        if configured and at is not None:
            raw = fromrev.baseline(at)
        elif not path.exists():
            raise UsageError(f"baseline file not found: {baseline_path}")
        else:
            raw = path.read_bytes()
        counts, _ = baseline.load(raw or b"", baseline_path)
        before = len(problems)
        problems = baseline.filter_new(problems, counts)
        accepted = before - len(problems)
    fmt = out.fmt or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    count = len(loaded.targets) if loaded.targets is not None else len(loaded.records)
    # A file written with -o gets colour only when asked for in so many words.
    color = want_color(out.color, os.environ, sys.stdout.isatty()) if out.output is None \
        else out.color == "always"
    sources = _source_lines({p.path for p in problems}, config.root, stdin) \
        if out.show_source else None
    changed = tuple(fromrev.changes(at, Path.cwd(), config_path, loaded.records)) \
        if at is not None else None
    info = RunInfo(files=count, color=color, suppressed_by_baseline=accepted,
                   named=loaded.targets, quiet=out.quiet, sources=sources, gate=changed,
                   gate_base=config_from or "")
    if out.statistics:
        _emit(format_statistics(problems, info, as_json=fmt == "json"), out.output)
    else:
        _emit(FORMATTERS[fmt](problems, info), out.output)
    threshold = config.fail_on
    failing = [p for p in problems if p.severity.rank >= threshold.rank]
    sys.exit(EXIT_PROBLEMS if failing and not out.exit_zero else EXIT_OK)


@main.command()
@paths_argument
@as_of_option
@config_option
@output_options
@no_cache_option
@friendly_errors
def validate(paths: tuple[str, ...], as_of: str | None, config_path: str | None,
             no_cache: bool, **kwargs: Any) -> None:
    """Check records against the YAML rules and their JSON Schemas.

    PATHS are record files or folders (default: the repository's records); - reads one record
    from standard input. Exit 0 when valid, 1 when a record is invalid, 2 on a usage or
    configuration error. With no records at all, a warning and exit 0.
    """
    _run_checks(paths, as_of, _output(kwargs), config_path, only_source=True,
                no_cache=no_cache)


@main.command()
@paths_argument
@as_of_option
@config_option
@click.option("--select", multiple=True, metavar="CHECKS",
              help="Run only these checks or families (comma-separated, repeatable).")
@click.option("--ignore", multiple=True, metavar="CHECKS",
              help="Skip these checks or families (comma-separated, repeatable).")
@click.option("--fail-on", type=click.Choice(["error", "warning"]),
              help="Lowest severity that makes the exit status 1 (default: error).")
@click.option("--baseline", "baseline_path", type=click.Path(dir_okay=False),
              help="Accept the problems recorded in this baseline file.")
@click.option("--no-baseline", is_flag=True, help="Ignore the baseline named in the config.")
@click.option("--write-baseline", type=click.Path(dir_okay=False),
              help="Record today's problems in this file (keeping reasons already written).")
@output_options
@click.option("--config-from", metavar="REV",
              help="Read the configuration and the baseline as committed at this git revision "
                   "(in a pull request: the base branch, which the pull request cannot change), "
                   "and name every change the working tree makes to them and to suppressions.")
@no_cache_option
@friendly_errors
def lint(paths: tuple[str, ...], as_of: str | None, config_path: str | None,
         select: tuple[str, ...], ignore: tuple[str, ...], fail_on: str | None,
         baseline_path: str | None, no_baseline: bool, write_baseline: str | None,
         config_from: str | None, no_cache: bool, **kwargs: Any) -> None:
    """Run every check on the records (a superset of validate).

    PATHS limits what is reported (- reads one record from standard input); cross-record
    checks still read the whole repository. Exit 0 when nothing reaches --fail-on, 1 when
    something does, 2 on a usage or configuration error. With no records at all, a warning
    and exit 0.
    """
    _run_checks(paths, as_of, _output(kwargs), config_path, only_source=False, select=select,
                ignore=ignore, fail_on=fail_on, baseline_path=baseline_path,
                write_baseline=write_baseline, no_baseline=no_baseline, no_cache=no_cache,
                config_from=config_from)


@main.command()
@click.option("--format", "fmt", type=click.Choice(["text", "json", "markdown", "reference"]),
              default="text", show_default=True,
              help="reference: every check's full documentation as Markdown (docs/checks.md).")
@friendly_errors
def rules(fmt: str) -> None:
    """List every check: name, family, default severity and summary."""
    import json

    from evalcheck import checks

    if fmt == "reference":
        from evalcheck.formatters import checks_reference

        click.echo(checks_reference(), nl=False)
        return

    registry = sorted(checks.registry().values(), key=lambda c: (c.family, c.name))
    if fmt == "json":
        click.echo(json.dumps([{"name": c.name, "family": c.family,
                                "severity": c.severity.value, "summary": c.summary,
                                "options": {k: d for k, (_, d) in c.options.items()}}
                               for c in registry], indent=2))
        return
    if fmt == "markdown":
        click.echo("| family | check | default | fires when |\n|---|---|---|---|")
        for c in registry:
            click.echo(f"| {c.family} | `{c.name}` | {c.severity.value} | {c.summary} |")
        return
    width = max(len(c.name) for c in registry) + 2  # plugins' names may be longer still
    for c in registry:
        click.echo(f"{c.family:<13}{c.name:<{width}}{c.severity.value:<9}{c.summary}")


@main.command()
@click.argument("name")
@friendly_errors
def explain(name: str) -> None:
    """Print one check's documentation, with a bad and a good example."""
    from evalcheck import checks

    try:
        c = checks.get(name)
    except checks.UnknownCheck as exc:
        _fail(f"{exc}; `evalcheck rules` lists the checks")
        return
    click.echo(f"{c.name} ({c.family}, default severity: {c.severity.value})\n")
    from textwrap import dedent

    doc = c.doc.strip()
    first, _, rest = doc.partition("\n")
    click.echo(first + "\n" + dedent(rest))
    if c.options:
        click.echo("Options:")
        for opt, (kind, default) in c.options.items():
            shown = ("list of words", ", ".join(default) or "none") if kind is tuple \
                else (kind.__name__, default)
            click.echo(f"  {opt} ({shown[0]}, default {shown[1]})")

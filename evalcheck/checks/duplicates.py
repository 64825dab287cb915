"""The duplicates family: the same id, text or record twice."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from evalcheck.checks import Context, across, check
from evalcheck.problems import DataPath, Finding, Severity
from evalcheck.records import Corpus, Record, describe, iter_actions, mappings, text_of
from evalcheck.recurrence import RepeatIndex, Said
from evalcheck.textsim import near_duplicates, normalise

_TEXT_GROUPS = {
    "evaluation": (("conclusions", "text"), ("recommendations", "text")),
}


TextGroup = list[tuple[DataPath, str]]


def _text_groups(record: Record) -> list[TextGroup]:
    """Lists of (path, normalised text) that must not repeat within one record."""
    groups: list[TextGroup] = [
        [((field, i, text_key), normalise(text_of(item.get(text_key))))
         for i, item in mappings(record.get(field))]
        for field, text_key in _TEXT_GROUPS.get(record.kind or "", ())]
    if record.kind == "management-response":
        groups.append([((*path, "description"), normalise(text_of(action.get("description"))))
                       for path, _, action in iter_actions(record)])
    return groups


def _item(record: Record, path: DataPath) -> str:
    return describe(record.data, path[:-1]) or ".".join(map(str, path))


@check("duplicate-text", family="duplicates", severity=Severity.ERROR, reads_as_of=False)
def duplicate_text(record: Record, ctx: Context) -> Iterator[Finding]:
    """Two conclusions, recommendations or actions of one record with the same text.

    Texts are compared after normalising case, spacing, punctuation and leading numbering.
    Why: text pasted twice (a section repeated under a second heading, an action copied to
    another recommendation) inflates counts and splits follow-up between two copies.

    Bad:
        kind: evaluation
        conclusions:
          - {id: C1, text: The programme is relevant.}
          - {id: C2, text: "2. The programme is relevant"}
    Good:
        kind: evaluation
        conclusions:
          - {id: C1, text: The programme is relevant.}
          - {id: C2, text: The programme is efficient.}
    """
    for group in _text_groups(record):
        first: dict[str, DataPath] = {}
        for path, text in group:
            if not text:
                continue
            if text in first:
                yield Finding(f"{_item(record, path)} repeats {_item(record, first[text])} "
                              "word for word", path=path,
                              hint="delete the copy, or reword it if it says something else")
            else:
                first[text] = path


@check("near-duplicate-text", family="duplicates", severity=Severity.WARNING,
       options={"threshold": (float, 0.85)}, reads_as_of=False)
def near_duplicate_text(record: Record, ctx: Context) -> Iterator[Finding]:
    """Two conclusions, recommendations or actions of one record whose texts are nearly the same.

    Similarity is a ratio from 0 to 1 on the normalised texts; the default threshold 0.85 is
    set with `[tool.evalcheck.checks.near-duplicate-text] threshold = 0.9`.
    Why: an action copied under a second recommendation with a word changed is usually one
    action; following it up twice wastes effort and double-counts progress.

    Bad:
        kind: management-response
        responses:
          - recommendation: R1
            actions:
              - {id: "1.1", description: Hold the regional meeting in March 2023., responsible: [u]}
          - recommendation: R2
            actions:
              - {id: "2.1", description: Hold a regional meeting in March 2023, responsible: [u]}
    Good:
        kind: management-response
        responses:
          - recommendation: R1
            actions:
              - {id: "1.1", description: Hold the regional meeting in March 2023., responsible: [u]}
          - recommendation: R2
            actions:
              - {id: "2.1", description: Publish the meeting report, responsible: [u]}
    """
    threshold = float(ctx.options.get("threshold", 0.85))
    for group in _text_groups(record):
        texts = [text for _, text in group]
        for later, earlier, score in near_duplicates(texts, threshold):
            path = group[later][0]
            yield Finding(f"{_item(record, path)} is {score:.0%} similar to "
                          f"{_item(record, group[earlier][0])}", path=path,
                          hint="merge them if they are one piece of work")


_SPACE = re.compile(r"\s+")


def _id_groups(record: Record) -> Iterator[list[tuple[DataPath, Any]]]:
    kind = record.kind
    if kind == "evaluation":
        for field in ("conclusions", "recommendations"):
            yield [((field, i, "id"), item.get("id")) for i, item in mappings(record.get(field))]
    elif kind == "management-response":
        yield [((*path, "id"), action.get("id")) for path, _, action in iter_actions(record)]
        yield [(("responses", i, "recommendation"), item.get("recommendation"))
               for i, item in mappings(record.get("responses"))]
    elif kind == "project":
        lines: list[tuple[DataPath, Any]] = []
        stack: list[tuple[DataPath, Any]] = [(("budget",), record.get("budget"))]
        while stack:
            base, items = stack.pop()
            for i, line in mappings(items):
                lines.append(((*base, i, "id"), line.get("id")))
                stack.append(((*base, i, "lines"), line.get("lines")))
        yield sorted(lines, key=lambda pair: record.doc.locator.locate(pair[0]))


@check("duplicate-id", family="duplicates", severity=Severity.ERROR, reads_as_of=False)
def duplicate_id(record: Record, ctx: Context) -> Iterator[Finding]:
    """The same id twice: records of one kind across the repository, or items inside a record.

    Items are conclusions, recommendations, actions, budget lines, owners, and the
    recommendations a management response answers.
    Why: ids are how responses point at recommendations, reports count items and baselines
    remember problems; two things with one id make every one of those ambiguous.

    Bad:
        kind: evaluation
        recommendations:
          - {id: R1, text: Hold a meeting., addressed_to: [u]}
          - {id: R1, text: Write a plan., addressed_to: [u]}
    Good:
        kind: evaluation
        recommendations:
          - {id: R1, text: Hold a meeting., addressed_to: [u]}
          - {id: R2, text: Write a plan., addressed_to: [u]}
    """
    for group in _id_groups(record):
        first: dict[str, DataPath] = {}
        for path, ident in group:
            if not isinstance(ident, (str, int, float)) or isinstance(ident, bool):
                continue
            key = str(ident)
            if key in first:
                noun = "recommendation answered twice" if path[-1] == "recommendation" \
                    else "id used twice"
                yield Finding(
                    f"{noun}: {key!r} (first at {describe(record.data, first[key][:-1])})",
                    path=path, hint="each item needs its own id")
            else:
                first[key] = path


def _sharing(corpus: Corpus, group: list[Record], record: Record) -> list[Record]:
    """The records of `group` (all sharing one key, first in path order) that `record`'s
    place in it puts a problem on: itself when it is not the first, else the later ones the
    run does not name (the problem a named record causes by taking the key first)."""
    return [record] if group[0] is not record else corpus.others(group[1:])


@across("duplicate-id", reads_as_of=False)
def duplicate_id_across(corpus: Corpus, ctx: Context) -> Iterator[tuple[Record, Finding]]:
    """Record ids used by an earlier record of the same kind, and owner ids defined twice
    (in one registry or in two)."""
    for record in corpus.targets:
        kind, ident = record.facts.kind, record.facts.id
        if kind is None or kind == "owners" or not ident:
            continue
        group = corpus.by_kind_id[(kind, ident)]
        for later in _sharing(corpus, group, record):
            yield later, Finding(f"{kind} id {ident!r} is also used by {group[0].path}",
                                 path=("id",), hint="give each record its own id")
    owner_first: dict[str, Record] = {}
    for record in corpus.registries:
        named = corpus.is_target(record)
        ids = record.facts.owner_ids
        # from the facts: the registry's data is read only when an id is defined twice
        clash = len(set(ids)) < len(ids) or any(i in owner_first for i in ids)
        if not clash or (not named and not any(corpus.is_target(owner_first[i])
                                               for i in ids if i in owner_first)):
            for ident in ids:
                owner_first.setdefault(ident, record)
            continue
        for i, owner in mappings(record.get("owners")):
            owner_id = owner.get("id")
            if not isinstance(owner_id, str):
                continue
            if owner_id in owner_first:
                where = owner_first[owner_id]
                if named or corpus.is_target(where):
                    elsewhere = "" if where is record else f" in {where.path}"
                    yield record, Finding(f"owner id {owner_id!r} is defined twice{elsewhere}",
                                          path=("owners", i, "id"),
                                          hint="keep one entry per owner")
            else:
                owner_first[owner_id] = record


@check("duplicate-record", family="duplicates", severity=Severity.ERROR, scope="corpus",
       reads_as_of=False)
def duplicate_record(corpus: Corpus, ctx: Context) -> Iterator[tuple[Record, Finding]]:
    """Two evaluations with the same title and year, or two management responses for one
    evaluation.

    Titles are compared after normalising case, spacing and punctuation.
    Why: the same evaluation entered twice under two ids doubles its recommendations in
    every report; two response matrices for one evaluation leave nobody sure which is true.

    Bad:
        kind: evaluation
        id: EV-A
        title: Mid-term evaluation of the project
        year: 2022
        ---
        kind: evaluation
        id: EV-B
        title: Mid-Term Evaluation of the Project
        year: 2022
    Good:
        kind: evaluation
        id: EV-A
        title: Mid-term evaluation of the project
        year: 2022
        ---
        kind: evaluation
        id: EV-B
        title: Final evaluation of the project
        year: 2024
    """
    for record in corpus.targets:
        facts = record.facts
        if facts.kind == "evaluation" and facts.title:
            same = corpus.titles[(facts.title, facts.year)]
            for later in _sharing(corpus, same, record):
                yield later, Finding(f"evaluation {later.id!r} has the same title and year "
                                     f"as {same[0].id!r} ({same[0].path})", path=("title",),
                                     hint="keep one record per evaluation")
        elif facts.kind == "management-response" and facts.evaluation is not None:
            same = corpus.responses_for[facts.evaluation]
            for later in _sharing(corpus, same, record):
                yield later, Finding(f"evaluation {facts.evaluation!r} already has a "
                                     f"management response: {same[0].id!r} ({same[0].path})",
                                     path=("evaluation",),
                                     hint="keep one response matrix per evaluation")


_REPEATS = re.compile(r"recommendation (?P<later>.+) repeats (?P<evaluation>\S+) "
                      r"(?P<earlier>.+) \(similarity (?P<similarity>[01]\.[0-9]+)\)")


def _name(rec_id: str, position: int) -> str:
    return rec_id or f"#{position + 1}"


@check("recurring-recommendation", family="duplicates", severity=Severity.WARNING,
       scope="corpus", options={"threshold": (float, 0.8)}, reads_as_of=False)
def recurring_recommendation(corpus: Corpus, ctx: Context) -> Iterator[tuple[Record, Finding]]:
    """A recommendation that an earlier evaluation already made, in nearly the same words.

    Texts are normalised as for duplicate-text (case, spacing, punctuation and leading
    numbering: "1. UNDAF should..." repeats "UNDAF should...?") and compared with
    recommendations of other evaluations with an earlier or equal report date (a month is
    taken at its end, an evaluation with no report date at the end of its `year`; one with
    neither is not compared; equal dates are ordered by evaluation id). Each later
    recommendation is reported once, naming the earliest one it repeats. The default threshold
    0.8 is set with `[tool.evalcheck.checks.recurring-recommendation] threshold = 0.9`.
    Evaluations that duplicate-id or duplicate-record already name (one id, or one title and
    year) are not compared: they are one evaluation entered twice.
    Why: a recommendation made again years later usually means the first one was never acted
    on; boards ask why, and some offices track recurring recommendations by hand.

    Bad:
        kind: evaluation
        id: EV-2010-A
        report_date: 2010-05-01
        recommendations:
          - id: R2
            text: UNDAF should set up a joint monitoring and evaluation group.
        ---
        kind: evaluation
        id: EV-2014-B
        report_date: 2014-03-01
        recommendations:
          - id: R1
            text: 1. UNDAF should set up a joint monitoring and evaluation group
    Good:
        kind: evaluation
        id: EV-2010-A
        report_date: 2010-05-01
        recommendations:
          - id: R2
            text: UNDAF should set up a joint monitoring and evaluation group.
        ---
        kind: evaluation
        id: EV-2014-B
        report_date: 2014-03-01
        recommendations:
          - id: R1
            text: Give the joint monitoring group set up in 2011 its own budget line.
    """
    threshold = float(ctx.options.get("threshold", 0.8))
    evaluations = sorted((r for r in corpus.records if r.facts.kind == "evaluation"
                          and r.facts.report and r.facts.said),
                         key=lambda r: (r.facts.report, r.facts.id, r.path))
    named = [corpus.is_target(r) for r in evaluations]
    if not any(named):  # a finding is always on a named evaluation or caused by one
        return
    said: list[Said] = []
    where: list[tuple[int, int]] = []  # (evaluation, position in its facts.said) of each
    for g, record in enumerate(evaluations):
        for k, (_, _, text, numbers) in enumerate(record.facts.said):
            said.append(Said(g, text, numbers))
            where.append((g, k))

    # one evaluation entered twice (one id, or one title and year) is not compared with itself
    ids = [r.facts.id or f"\0{g}" for g, r in enumerate(evaluations)]
    titles = [(r.facts.title, r.facts.year) if r.facts.title else (f"\0{g}", "")
              for g, r in enumerate(evaluations)]

    def related(a: int, b: int) -> bool:
        return ids[a] == ids[b] or titles[a] == titles[b]

    index = RepeatIndex(said, threshold, related)
    wanted: list[int] | None = None
    if not all(named):
        # the named evaluations' recommendations, and the later ones of other evaluations
        # that may repeat them (what a change to a named one can cause elsewhere)
        wanted = [i for i, (g, _) in enumerate(where) if named[g]]
        wanted += [j for j in index.later(wanted) if not named[where[j][0]]]
    for later, earlier, score in index.repeats(wanted):
        g, k = where[later]
        if not (named[g] or named[where[earlier][0]]):
            continue
        first = evaluations[where[earlier][0]]
        position, rec_id, _, _ = evaluations[g].facts.said[k]
        _, first_id, _, _ = first.facts.said[where[earlier][1]]
        first_pos = first.facts.said[where[earlier][1]][0]
        yield evaluations[g], Finding(
            f"recommendation {_name(rec_id, position)} repeats {first.facts.id} "
            f"{_name(first_id, first_pos)} (similarity {score:.2f})",
            path=("recommendations", position, "text"),
            hint=f"say in this evaluation's response why the earlier one ({first.path}) "
                 "did not settle it, or reword it if it asks for something new; if the two "
                 "records are one evaluation entered twice, keep one")


def repeated(message: str) -> tuple[str, str, str, float] | None:
    """(later recommendation, earlier evaluation, earlier recommendation, similarity) of a
    recurring-recommendation message (for the reports), or None for any other message."""
    m = _REPEATS.fullmatch(message)
    if m is None:
        return None
    return m["later"], m["evaluation"], m["earlier"], float(m["similarity"])

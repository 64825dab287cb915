"""The references family: responses that point at the right evaluation and answer everything."""

from __future__ import annotations

from collections.abc import Iterator

from evalcheck.checks import Context, check
from evalcheck.problems import Finding, Severity
from evalcheck.records import Corpus, Record, describe, mappings


@check("unknown-reference", family="references", severity=Severity.ERROR, scope="corpus",
       reads_as_of=False)
def unknown_reference(corpus: Corpus, ctx: Context) -> Iterator[tuple[Record, Finding]]:
    """A reference to an evaluation, recommendation or project id that does not exist.

    Why: a response pointing at a misspelt evaluation id answers nothing, and its evaluation
    shows as unanswered in every report.

    Bad:
        kind: evaluation
        id: EV-2023-01
        recommendations:
          - {id: R1, text: Hold a meeting., addressed_to: [u]}
        ---
        kind: management-response
        evaluation: EV-2023-1
    Good:
        kind: evaluation
        id: EV-2023-01
        recommendations:
          - {id: R1, text: Hold a meeting., addressed_to: [u]}
        ---
        kind: management-response
        evaluation: EV-2023-01
        responses:
          - {recommendation: R1, decision: rejected, rationale: Out of scope.}
    """
    for record in corpus.targets:
        kind = record.kind
        if kind == "evaluation":
            project = record.facts.project
            if project is not None and corpus.find("project", project) is None \
                    and not corpus.may_hold(project):  # it may be in a file that cannot be read
                yield record, Finding(f"project {project!r} is not in the records",
                                      path=("project",), hint="check the project id")
            # a named evaluation that lost a recommendation its response still answers
            if corpus.find("evaluation", record.facts.id) is record:
                known = set(record.facts.recommendations)
                for response in corpus.others(corpus.responses_for.get(record.facts.id, [])):
                    if any(rec not in known for rec, _ in response.facts.answered):
                        yield from _answers_elsewhere(response, record.facts.id, known)
        elif kind == "management-response":
            ident = record.facts.evaluation
            if ident is None:
                continue
            evaluation = corpus.find("evaluation", ident)
            if evaluation is None:
                if not corpus.may_hold(ident):  # it may be in a file that cannot be read
                    yield record, Finding(f"evaluation {ident!r} is not in the records",
                                          path=("evaluation",), hint="check the evaluation id")
                continue
            known = set(evaluation.facts.recommendations)
            if any(rec not in known for rec, _ in record.facts.answered):
                yield from _answers_elsewhere(record, ident, known)


def _answers_elsewhere(record: Record, ident: str, known: set[str]
                       ) -> Iterator[tuple[Record, Finding]]:
    """A response's answers to recommendations its evaluation does not have."""
    for i, response in mappings(record.get("responses")):
        rec = response.get("recommendation")
        if rec is not None and str(rec) not in known:
            yield record, Finding(
                f"recommendation {rec!r} is not a recommendation of {ident!r}",
                path=("responses", i, "recommendation"),
                hint="its recommendations are: " + (", ".join(sorted(known)) or "none"))


@check("unanswered-recommendation", family="references", severity=Severity.WARNING,
       scope="corpus", reads_as_of=False)
def unanswered_recommendation(corpus: Corpus, ctx: Context) -> Iterator[tuple[Record, Finding]]:
    """A recommendation that its evaluation's management response does not answer, or answers
    with no decision.

    Evaluations with no management response at all are `response-overdue`'s business. Words
    that take note of a recommendation ("Noted", "Pris note", "Tomado nota", kept in
    decision_text) are no decision either, and the message quotes them.
    Why: the response matrix exists to record a decision on every recommendation.

    Bad:
        kind: evaluation
        id: EV-2023-01
        recommendations:
          - {id: R1, text: Hold a meeting., addressed_to: [u]}
        ---
        kind: management-response
        evaluation: EV-2023-01
        responses:
          - recommendation: R1
    Good:
        kind: evaluation
        id: EV-2023-01
        recommendations:
          - {id: R1, text: Hold a meeting., addressed_to: [u]}
        ---
        kind: management-response
        evaluation: EV-2023-01
        responses:
          - {recommendation: R1, decision: rejected, rationale: Out of scope.}
    """
    for ident, responses in corpus.responses_for.items():
        response = responses[0]
        evaluation = corpus.find("evaluation", ident)
        if evaluation is None or corpus.may_hold(ident):  # a file that cannot be read may
            continue  # be (part of) its response
        # on a response the run does not name, only what its named evaluation now lacks;
        # the response's data is read only when there is something to report
        if not (corpus.is_target(response) or corpus.is_target(evaluation)) or \
                not _lacks_answers(evaluation, response):
            continue
        answered: dict[str, int] = {}
        for i, item in mappings(response.get("responses")):
            if item.get("recommendation") is not None:
                answered.setdefault(str(item["recommendation"]), i)
        for rec in evaluation.facts.recommendations:
            if rec not in answered:
                path = ("responses",) if "responses" in response.data else ()
                yield response, Finding(f"recommendation {rec} of {ident!r} is not answered",
                                        path=path, hint="add a response with a decision")
            elif (item := response.data["responses"][answered[rec]]).get("decision") is None:
                words = item.get("decision_text")
                said = words.strip() if isinstance(words, str) else ""
                if said:
                    shown = said if len(said) <= 60 else said[:57].rstrip() + "..."
                    yield response, Finding(
                        f"recommendation {rec} is answered {shown!r}, which is not a decision",
                        path=("responses", answered[rec], "decision_text"),
                        hint="add decision: accepted, partially-accepted or rejected (the "
                             "words stay in decision_text)")
                    continue
                yield response, Finding(
                    f"recommendation {rec} is answered with no decision",
                    path=("responses", answered[rec]),
                    hint="add decision: accepted, partially-accepted or rejected")


def _lacks_answers(evaluation: Record, response: Record) -> bool:
    """Whether unanswered-recommendation finds something in this pair (from facts alone)."""
    first: dict[str, bool] = {}
    for rec, decided in response.facts.answered:
        first.setdefault(rec, decided)
    return any(not first.get(rec, False) for rec in evaluation.facts.recommendations)


@check("accepted-without-action", family="references", severity=Severity.WARNING,
       applies_to=("management-response",), reads_as_of=False)
def accepted_without_action(record: Record, ctx: Context) -> Iterator[Finding]:
    """An accepted or partially accepted recommendation with no action.

    Why: accepting a recommendation is a promise to do something; without an action there is
    nothing to follow up and nobody responsible.

    Bad:
        kind: management-response
        responses:
          - {recommendation: R1, decision: accepted}
    Good:
        kind: management-response
        responses:
          - recommendation: R1
            decision: accepted
            actions:
              - {id: "1.1", description: Hold a meeting, responsible: [u], deadline: 2024-12}
    """
    for i, item in mappings(record.get("responses")):
        if item.get("decision") in ("accepted", "partially-accepted") and \
                not any(mappings(item.get("actions"))):
            yield Finding(f"{describe(record.data, ('responses', i))} is "
                          f"{item['decision']} but has no action",
                          path=("responses", i, "decision"),
                          hint="add the actions agreed, each with a deadline and responsible")


@check("rejected-without-rationale", family="references", severity=Severity.ERROR,
       applies_to=("management-response",), reads_as_of=False)
def rejected_without_rationale(record: Record, ctx: Context) -> Iterator[Finding]:
    """A rejected recommendation without `rationale`.

    Why: evaluation policies require management to explain a rejection; boards read it.

    Bad:
        kind: management-response
        responses:
          - {recommendation: R1, decision: rejected}
    Good:
        kind: management-response
        responses:
          - {recommendation: R1, decision: rejected, rationale: The project has closed.}
    """
    for i, item in mappings(record.get("responses")):
        rationale = item.get("rationale")
        if item.get("decision") == "rejected" and not (isinstance(rationale, str)
                                                       and rationale.strip()):
            yield Finding(f"{describe(record.data, ('responses', i))} is rejected with no "
                          "rationale", path=("responses", i, "decision"),
                          hint="add rationale: why management rejects it")

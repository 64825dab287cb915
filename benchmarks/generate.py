"""Generate a realistic, deterministic records repository for benchmarks and smoke tests.

    python benchmarks/generate.py --n 10000 --seed 1 --out benchmarks/out/repo-10000

N counts every record file (evaluations, management responses, projects and the owners
registry). Completed evaluations have 3-20 recommendations and exactly one management response
with 1-4 actions per accepted recommendation; some evaluations look at a project with a budget.
A small share of records carries planted problems of every check family; the exact problems
`evalcheck lint --as-of AS_OF` must report are written to OUT/planted.json as
{"as_of": ..., "expected": [[path, check], ...]}; every other file is clean.
"""

from __future__ import annotations

import argparse
import calendar
import datetime as dt
import json
import random
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

AS_OF = dt.date(2025, 6, 30)

# ---------------------------------------------------------------- vocabulary

COUNTRIES = ["Argentina", "Bolivia", "Brazil", "Chile", "Colombia", "Ecuador", "Paraguay",
             "Peru", "Uruguay", "Venezuela", "Mexico", "Guatemala", "Honduras", "El Salvador",
             "Costa Rica", "Panama", "Kenya", "Ethiopia", "Uganda", "Senegal", "Niger",
             "Morocco", "Jordan", "Lebanon", "Iraq", "Bangladesh", "Nepal", "Philippines",
             "Indonesia", "Ukraine", "Moldova", "Georgia"]
TOPICS = ["migration governance", "labour mobility", "counter-trafficking", "border management",
          "return and reintegration", "migrant health", "displacement tracking",
          "climate mobility", "diaspora engagement", "social cohesion", "shelter and settlements",
          "protection of migrant children", "data for migration policy", "remittances",
          "community stabilization", "livelihoods for returnees", "regional consultative process"]
TYPES = ["final", "mid-term", "ex-post", "independent", "internal", "external", "formative"]
CRITERIA = ["relevance", "coherence", "effectiveness", "efficiency", "impact", "sustainability"]
LANGS = ["en"] * 7 + ["es", "es", "fr"]

SUBJECTS = {
    "en": ["The programme", "The project team", "The regional office", "Country offices",
           "Implementing partners", "The steering committee", "Government counterparts",
           "The monitoring system", "The training component", "Local authorities",
           "The communication strategy", "Civil society organizations", "The donor group"],
    "es": ["El programa", "El equipo del proyecto", "La oficina regional", "Las oficinas país",
           "Los socios implementadores", "El comité directivo", "Las contrapartes de gobierno",
           "El sistema de monitoreo", "Las autoridades locales", "La estrategia de comunicación"],
    "fr": ["Le programme", "L'équipe du projet", "Le bureau régional", "Les bureaux pays",
           "Les partenaires de mise en œuvre", "Le comité de pilotage", "Les autorités locales",
           "Le système de suivi", "La stratégie de communication"],
}
VERBS = {
    "en": ["should strengthen", "should document", "should prioritise", "needs to revise",
           "should consolidate", "should expand", "must clarify", "should integrate",
           "could systematise", "should align", "should invest in", "should monitor",
           "should share", "should formalise", "should review"],
    "es": ["debería fortalecer", "debería documentar", "debería priorizar", "necesita revisar",
           "debería consolidar", "debería ampliar", "debe aclarar", "debería integrar",
           "podría sistematizar", "debería alinear"],
    "fr": ["devrait renforcer", "devrait documenter", "devrait prioriser", "doit réviser",
           "devrait consolider", "devrait élargir", "doit clarifier", "devrait intégrer"],
}
OBJECTS = {
    "en": ["the coordination mechanisms with national institutions", "its theory of change",
           "the collection of sex- and age-disaggregated data", "the exit strategy",
           "gender and human rights approaches across all activities", "the results framework",
           "knowledge management and the documentation of good practices",
           "the referral pathways for vulnerable migrants", "the budget monitoring tools",
           "the capacity of local partners to sustain the services",
           "its engagement with the private sector", "the feedback mechanisms for beneficiaries",
           "the selection criteria for participants", "the risk management plan",
           "inter-agency cooperation within the UN network", "the baseline and endline surveys",
           "the procurement timelines", "the reporting calendar agreed with the donor"],
    "es": ["los mecanismos de coordinación con las instituciones nacionales",
           "el plan de gestión de riesgos", "los mecanismos de retroalimentación",
           "la colaboración con el sector privado", "los criterios de selección",
           "el calendario de informes acordado con el donante", "las encuestas de línea de base",
           "los plazos de adquisiciones", "la cooperación interagencial",
           "su teoría de cambio", "la recopilación de datos desagregados por sexo y edad",
           "la estrategia de salida", "los enfoques de género y derechos humanos",
           "el marco de resultados", "la gestión del conocimiento y las buenas prácticas",
           "las rutas de derivación para migrantes en situación de vulnerabilidad",
           "las herramientas de seguimiento presupuestario",
           "la capacidad de los socios locales para sostener los servicios"],
    "fr": ["les mécanismes de coordination avec les institutions nationales",
           "le plan de gestion des risques", "les mécanismes de retour d'information",
           "la collaboration avec le secteur privé", "les critères de sélection",
           "le calendrier des rapports", "les enquêtes de référence", "les délais d'achat",
           "la coopération inter-agences", "les capacités des partenaires locaux",
           "sa théorie du changement", "la collecte de données ventilées par sexe et âge",
           "la stratégie de sortie", "les approches fondées sur le genre et les droits",
           "le cadre de résultats", "la gestion des connaissances",
           "les mécanismes de référencement pour les migrants vulnérables"],
}
TAILS = {
    "en": ["in the next phase", "before the end of the current cycle", "in all target countries",
           "with the support of headquarters", "in close consultation with the donor",
           "so that results can be sustained", "using the lessons of the pilot",
           "as recommended by stakeholders during the field mission",
           "taking into account the findings on efficiency", "in line with the regional strategy",
           "within existing resources", "with measurable targets and a clear timeline"],
    "es": ["en la próxima fase", "antes del final del ciclo actual", "en todos los países meta",
           "con el apoyo de la sede", "en estrecha consulta con el donante",
           "para que los resultados se sostengan", "a partir de las lecciones del piloto"],
    "fr": ["lors de la prochaine phase", "avant la fin du cycle actuel",
           "dans tous les pays cibles",
           "avec l'appui du siège", "en concertation étroite avec le bailleur",
           "afin que les résultats soient durables"],
}
UNITS_OF = {"en": ["sites", "municipalities", "staff trained", "partners", "households"],
            "es": ["sitios", "municipios", "funcionarios capacitados", "socios", "hogares"],
            "fr": ["sites", "communes", "agents formés", "partenaires", "ménages"]}
ACTS = {
    "en": ["Draft and validate", "Commission a review of", "Organise two workshops on",
           "Publish a guidance note on", "Set up a working group to revise", "Map and assess",
           "Train focal points on", "Include in the next proposal", "Pilot a new approach to",
           "Report quarterly on", "Hire a consultant to update", "Agree with partners on"],
    "es": ["Elaborar y validar", "Encargar una revisión de", "Organizar dos talleres sobre",
           "Publicar una nota técnica sobre", "Crear un grupo de trabajo para revisar",
           "Mapear y evaluar", "Capacitar a los puntos focales en",
           "Incluir en la próxima propuesta"],
    "fr": ["Rédiger et valider", "Commander une revue de", "Organiser deux ateliers sur",
           "Publier une note d'orientation sur", "Créer un groupe de travail pour réviser",
           "Cartographier et évaluer", "Former les points focaux sur"],
}
WHERE = {"en": ["with the office in", "for the programme in", "together with partners in",
                "starting with", "in the border areas of", "in the capital of"],
         "es": ["con la oficina de", "para el programa en", "junto con los socios en",
                "empezando por", "en las zonas fronterizas de"],
         "fr": ["avec le bureau de", "pour le programme au", "avec les partenaires en",
                "en commençant par", "dans les zones frontalières du"]}
FINDINGS = ["{s} was relevant to the needs of {c} and aligned with national priorities.",
            "{s} achieved most of its planned outputs, although {o} lagged behind.",
            "Stakeholders in {c} valued the technical support but noted delays in {o}.",
            "{s} used resources efficiently; unit costs were below the regional average.",
            "Evidence of impact on {o} is limited because baseline data were not collected.",
            "Sustainability depends on continued funding and on {o}."]
FIRST = ["Maria", "José", "Ana", "Luis", "Carmen", "Jorge", "Lucía", "Pedro", "Sofía", "Juan",
         "Amina", "Samuel", "Fatima", "David", "Grace", "Omar", "Nadia", "Paul", "Irene", "Tomás"]
LAST = ["González", "Rodríguez", "Pérez", "Fernández", "López", "Martínez", "Silva", "Rojas",
        "Mwangi", "Okafor", "Diallo", "Haddad", "Rahman", "Kovalenko", "Santos", "Mendoza"]
UNIT_KINDS = ["me-unit", "programme-unit", "policy-unit", "data-unit", "protection-unit",
              "finance-unit", "communications-unit", "partnerships-unit", "project-team"]


def _slug(text: str) -> str:
    table = str.maketrans("áéíóúñçœèôÁÉÍÓÚ", "aeiouncoeoAEIOU")
    return re.sub(r"[^a-z0-9]+", "-", text.translate(table).lower()).strip("-")


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


# ---------------------------------------------------------------- YAML writer

_PLAIN = re.compile(r"[A-Za-z][A-Za-z0-9 ,.()/'&-]*\Z")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}(-[0-9]{2})?\Z")
_WORDS = {"yes", "no", "on", "off", "true", "false", "null", "y", "n", "~"}


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    text = str(value)
    if _DATE.match(text) or (_PLAIN.match(text) and text.lower() not in _WORDS
                             and not text.endswith(" ")):
        return text
    return json.dumps(text, ensure_ascii=False)


def _folded(text: str, indent: int) -> list[str]:
    """A multi-paragraph text as a folded block scalar, wrapped near 96 columns."""
    pad = " " * indent
    out: list[str] = []
    for p, para in enumerate(text.split("\n")):
        if p:
            out.append("")
        line = ""
        for word in para.split(" "):
            if line and len(pad) + len(line) + 1 + len(word) > 96:
                out.append(pad + line)
                line = word
            else:
                line = f"{line} {word}" if line else word
        out.append(pad + line)
    return out


def _mapping(data: dict[str, Any], indent: int, out: list[str], first: str = "") -> None:
    for k, (key, item) in enumerate(data.items()):
        _item(f"{key}:", item, indent, out, first if (k == 0 and first) else " " * indent)


def _item(head: str, item: Any, indent: int, out: list[str], start: str) -> None:
    """One `key: value` whose key sits at `indent`, the line starting with `start`."""
    pad = " " * indent
    if isinstance(item, dict) and item:
        out.append(f"{start}{head}")
        _mapping(item, indent + 2, out)
    elif isinstance(item, list) and item:
        out.append(f"{start}{head}")
        for element in item:
            if isinstance(element, dict):
                _mapping(element, indent + 4, out, f"{pad}  - ")
            elif isinstance(element, str) and ("\n" in element or len(element) > 90):
                out.append(f"{pad}  - >-")
                out.extend(_folded(element, indent + 4))
            else:
                out.append(f"{pad}  - {_scalar(element)}")
    elif isinstance(item, str) and ("\n" in item or len(item) > 90):
        out.append(f"{start}{head} >-")
        out.extend(_folded(item, indent + 2))
    elif isinstance(item, (dict, list)):
        out.append(f"{start}{head} {'{}' if isinstance(item, dict) else '[]'}")
    else:
        out.append(f"{start}{head} {_scalar(item)}")


def dump(data: dict[str, Any]) -> str:
    out: list[str] = []
    _mapping(data, 0, out)
    return "\n".join(out) + "\n"


PROGRESS = ["Terms of reference drafted and shared with the regional team.",
            "Consultant recruited; first draft expected next quarter.",
            "Working group met and agreed a workplan.",
            "Budget confirmed; procurement under way.",
            "Draft reviewed by the country offices."]

# ---------------------------------------------------------------- records


class Gen:
    def __init__(self, n: int, seed: int, as_of: dt.date) -> None:
        self.rng = random.Random(seed)
        self.n = n
        self.as_of = as_of
        self.units: list[str] = []
        self.people: list[str] = []
        self.owner_entries: list[dict[str, Any]] = []
        self.titles: set[tuple[str, int]] = set()
        self.used: set[str] = set()
        self.last_obj = ""
        # What keeps the clean records clean of the checks added later (recurring-
        # recommendation, stale-action) draws from its own generator, so that every other
        # value stays what it was for a seed.
        self.alt = random.Random(seed + 7919)
        self.said: list[tuple[int, str]] = []  # (evaluation number, normalised text)
        self.said_text: dict[str, list[int]] = {}
        self.said_postings: dict[int, list[int]] = {}

    # text ------------------------------------------------------------
    def _fresh(self, first: list[str], lang: str) -> tuple[str, str]:
        """A (lead, object) pair, the object unused in this record while any is left."""
        r = self.rng
        objects = OBJECTS[lang]
        left = [o for o in objects if o not in self.used]
        obj = r.choice(left or objects)
        self.used.add(obj)
        self.last_obj = obj
        return r.choice(first), obj

    def distinct(self, make: Callable[[], str], group: list[tuple[str, set[str]]]) -> str:
        """A text from `make` that is not nearly the same as one already in `group` (the
        near-duplicate-text check compares texts of one list; only planted ones may fire)."""
        from evalcheck.textsim import normalise, similarity

        for _ in range(30):
            text = make()
            norm = normalise(text)
            words = set(norm.split())
            # nearly equal texts share most words: a cheap screen before the real measure
            if not any(len(words & other_words) >= 0.2 * len(words | other_words)
                       and similarity(norm, other, 0.8) >= 0.8
                       for other, other_words in group):
                break
        group.append((norm, words))
        return text

    def sentence(self, lang: str) -> str:
        r = self.rng
        subject, obj = self._fresh(SUBJECTS[lang], lang)
        s = f"{subject} {r.choice(VERBS[lang])} {obj}"
        if r.random() < 0.6:
            s += f" {r.choice(TAILS[lang])}"
        if r.random() < 0.5:
            s += f" ({r.choice(COUNTRIES)}: {r.randint(2, 400)} {r.choice(UNITS_OF[lang])})"
        return s + "."

    def short_text(self, lang: str) -> str:
        """One or two sentences that differ visibly from their neighbours in the record."""
        r = self.rng
        act, obj = self._fresh(ACTS[lang], lang)
        s = (f"{act} {obj} {r.choice(WHERE[lang])} "
             f"{r.choice(COUNTRIES)}")
        s += f", {r.choice(TAILS[lang])}." if r.random() < 0.5 else "."
        if r.random() < 0.3:
            s += " " + self.sentence(lang)
        self.last_obj = obj
        return s

    def paragraph(self, lang: str, lo: int = 1, hi: int = 3) -> str:
        first = self.sentence(lang)
        obj = self.last_obj
        rest = [self.sentence(lang) for _ in range(self.rng.randint(lo, hi) - 1)]
        self.last_obj = obj
        return " ".join([first, *rest])

    def text(self, lang: str, paragraphs: tuple[int, int] = (1, 3)) -> str:
        first = self.paragraph(lang)
        obj = self.last_obj
        rest = [self.paragraph(lang) for _ in range(self.rng.randint(*paragraphs) - 1)]
        self.last_obj = obj
        return "\n".join([first, *rest])

    # owners ------------------------------------------------------------
    def owners(self, count: int) -> dict[str, Any]:
        r = self.rng
        seen: set[str] = set()
        offices = [f"office-{_slug(c)}" for c in COUNTRIES]
        for office, country in zip(offices, COUNTRIES, strict=False):
            self.owner_entries.append({"id": office, "name": f"Country Office {country}",
                                       "type": "unit", "email": f"{office}@example.org"})
            self.units.append(office)
            seen.add(office)
        while len(self.owner_entries) < count:
            if r.random() < 0.45:
                office = r.choice(offices)
                ident = f"{office[7:]}-{r.choice(UNIT_KINDS)}"
                if ident in seen:
                    continue
                self.owner_entries.append({"id": ident, "name": ident.replace("-", " ").title(),
                                           "type": "unit", "parent": office})
                self.units.append(ident)
            else:
                first, last = r.choice(FIRST), r.choice(LAST)
                ident = f"{_slug(first)}-{_slug(last)}-{r.randint(1, 999)}"
                if ident in seen:
                    continue
                entry: dict[str, Any] = {"id": ident, "name": f"{first} {last}",
                                         "type": "person", "parent": r.choice(offices),
                                         "role": r.choice(["M&E Officer", "Project Manager",
                                                           "Head of Mission", "Data Analyst",
                                                           "Programme Officer"])}
                if r.random() < 0.5:
                    entry["github"] = f"@{ident[:30].rstrip('-')}"
                self.owner_entries.append(entry)
                self.people.append(ident)
            seen.add(ident)
        return {"kind": "owners", "id": "owners", "owners": self.owner_entries}

    def someone(self) -> str:
        return self.rng.choice(self.people if self.rng.random() < 0.6 else self.units)

    def some_units(self, lo: int = 1, hi: int = 3) -> list[str]:
        return self.rng.sample(self.units, self.rng.randint(lo, hi))

    # projects ------------------------------------------------------------
    def project(self, i: int) -> dict[str, Any]:
        r = self.rng
        country = r.choice(COUNTRIES)
        code = f"{country[:2].upper()}{r.randint(10, 99)}P{i:04d}"
        start = dt.date(r.randint(2008, 2022), r.randint(1, 12), 1)
        months = r.randint(12, 48)
        end_month = start.month - 1 + months
        end = dt.date(start.year + end_month // 12, end_month % 12 + 1, 1)
        lines = []
        total = 0
        for n in range(1, r.randint(2, 6) + 1):
            subs = [{"id": f"{n}.{m}", "item": f"{r.choice(OBJECTS['en']).capitalize()}",
                     "amount": r.randint(20, 900) * 100} for m in range(1, r.randint(1, 5) + 1)]
            amount = sum(s["amount"] for s in subs)
            line: dict[str, Any] = {"id": str(n), "item": r.choice(TOPICS).capitalize(),
                                    "amount": amount}
            if r.random() < 0.8:
                line["lines"] = subs
            lines.append(line)
            total += amount
        first = total * r.randint(30, 70) // 100
        data: dict[str, Any] = {
            "kind": "project", "id": f"PRJ-{code}",
            "title": f"{r.choice(TOPICS).capitalize()} in {country}",
            "owner": self.someone(), "code": code,
            "period": {"start": f"{start:%Y-%m}", "end": f"{end:%Y-%m}"},
            "currency": "USD", "total": total,
            "financing": [{"source": "Member countries", "amount": first},
                          {"source": f"Donor {r.choice(COUNTRIES)}", "amount": total - first}],
            "budget": lines,
            "objectives": [self.sentence("en") for _ in range(r.randint(1, 4))],
            "geographic_coverage": r.sample(COUNTRIES, r.randint(1, 4)),
            "language": "en",
        }
        return data

    # evaluations ------------------------------------------------------------
    def evaluation(self, i: int, status: str, project: str | None) -> dict[str, Any]:
        r = self.rng
        self.used = set()
        lang = r.choice(LANGS)
        country = r.choice(COUNTRIES)
        kind = r.choice(TYPES)
        year = r.randint(2012, 2024) if status == "completed" else r.randint(2025, 2026)
        while True:
            title = f"{kind.capitalize()} evaluation of {r.choice(TOPICS)} in {country}"
            if r.random() < 0.7:
                title += f", phase {r.randint(1, 9)}"
            if (title.lower(), year) not in self.titles:
                break
            country = r.choice(COUNTRIES)
        self.titles.add((title.lower(), year))
        data: dict[str, Any] = {
            "kind": "evaluation", "id": f"EV-{year}-{i:05d}", "title": title,
            "status": status, "owner": self.someone(), "type": kind,
            "commissioned_by": r.choice(self.units), "managed_by": self.someone(),
            "evaluators": [f"{r.choice(FIRST)} {r.choice(LAST)}" +
                           (" (team leader)" if k == 0 else "") for k in range(r.randint(1, 4))],
        }
        if status == "completed":
            # old enough that the response is due, recent enough to have open actions
            report = dt.date(year, r.randint(1, 12), r.randint(1, 28))
            if report > self.as_of - dt.timedelta(days=120):
                report = self.as_of - dt.timedelta(days=r.randint(120, 400))
            data["report_date"] = report.isoformat() if r.random() < 0.7 else f"{report:%Y-%m}"
        data["year"] = year if status != "completed" else int(data["report_date"][:4])
        start = dt.date(year - r.randint(2, 5), r.randint(1, 12), 1)
        data["period"] = {"start": f"{start:%Y-%m}",
                          "end": f"{start.year + r.randint(1, 3)}-{r.randint(1, 12):02d}"}
        if project:
            data["project"] = project
        data["geographic_coverage"] = [country, *r.sample(COUNTRIES, r.randint(0, 3))]
        data["criteria"] = r.sample(CRITERIA, r.randint(3, 6))
        data["methodology"] = self.paragraph(lang, 2, 4)
        if r.random() < 0.5:
            data["budget"] = {"amount": r.randint(10, 200) * 1000, "currency": "USD"}
        data["language"] = lang
        data["source"] = f"reports/{data['id']}.pdf"
        if status != "completed":
            return data
        data["findings"] = [r.choice(FINDINGS).format(s=r.choice(SUBJECTS["en"]), c=country,
                                                      o=r.choice(OBJECTS["en"]))
                            for _ in range(r.randint(2, 6))]
        if r.random() < 0.7:
            top = r.choice([4, 5, 6])
            data["ratings"] = {
                "scale": {"min": 1, "max": top,
                          "labels": {str(k): w for k, w in zip(range(1, top + 1), [
                              "Poor", "Fair", "Adequate", "Good", "Very good", "Excellent"],
                              strict=False)}},
                "scores": [{"criterion": c, "score": r.randint(1, top),
                            **({"summary": self.sentence("en")} if r.random() < 0.5 else {})}
                           for c in data["criteria"]],
            }
        group: list[tuple[str, set[str]]] = []
        data["conclusions"] = [{"id": f"C{k}", "text": self.distinct(
            lambda: self.paragraph(lang, 1, 2), group)} for k in range(1, r.randint(2, 6) + 1)]
        group = []
        self.used = set()
        data["recommendations"] = [
            {"id": f"R{k}", "text": self.distinct(lambda: self.text(lang, (1, 2))
                                                  if r.random() < 0.4 else self.paragraph(lang),
                                                  group),
             "addressed_to": self.some_units(),
             **({"priority": r.randint(1, 3)} if r.random() < 0.8 else {})}
            for k in range(1, int(r.triangular(3, 20.99, 4)) + 1)]
        for rec in data["recommendations"]:
            rec["text"] = self.unrepeated(rec["text"], lang, i)
        return data

    def unrepeated(self, text: str, lang: str, number: int) -> str:
        """The text, lengthened by sentences until no recommendation of another evaluation is
        as similar as recurring-recommendation reports (it compares the same candidates:
        those with the same text or sharing a signature number few texts have, and a number
        shared by more texts now is shared by more at the end)."""
        from evalcheck.recurrence import COMMON
        from evalcheck.textsim import normalise, signature, similarity

        while True:
            norm = normalise(text)
            numbers = signature(norm)
            near = set(self.said_text.get(norm, ()))
            for n in numbers:
                posting = self.said_postings.get(n, [])
                if len(posting) < COMMON:
                    near.update(posting)
            if not any(self.said[j][0] != number and
                       similarity(norm, self.said[j][1], 0.75) >= 0.75 for j in near):
                break
            main = (self.rng, self.used, self.last_obj)
            self.rng, self.used = self.alt, set()
            text += " " + self.sentence(lang)
            self.rng, self.used, self.last_obj = main
        self.said_text.setdefault(norm, []).append(len(self.said))
        for n in numbers:
            self.said_postings.setdefault(n, []).append(len(self.said))
        self.said.append((number, norm))
        return text

    # management responses ------------------------------------------------------------
    def action_dates(self, report: dt.date, action: dict[str, Any]) -> None:
        """Deadline and status so that a clean action is neither past due nor due soon."""
        r = self.rng
        for _ in range(50):
            due = report + dt.timedelta(days=r.randint(60, 1200))
            if not self.as_of <= due <= self.as_of + dt.timedelta(days=45):
                break
        month_only = r.random() < 0.4
        shown = _month_end(due.year, due.month) if month_only else due
        if self.as_of <= shown <= self.as_of + dt.timedelta(days=45):
            shown = self.as_of + dt.timedelta(days=60)
            month_only = False
        action["deadline"] = f"{shown:%Y-%m}" if month_only else shown.isoformat()
        if shown < self.as_of:
            if r.random() < 0.9:
                done = min(shown - dt.timedelta(days=r.randint(0, 60)), self.as_of)
                action["status"] = "completed"
                action["completed_on"] = max(done, report).isoformat()
            else:
                action["status"] = "no-longer-applicable"
        else:
            action["status"] = r.choice(["not-started", "in-progress", "in-progress"])
        last = min(self.as_of, shown)
        if r.random() < 0.3 and last > report:
            count = r.randint(1, 2)
            days = sorted(r.randint(0, (last - report).days) for _ in range(count))
            action["updates"] = [{"date": (report + dt.timedelta(days=d)).isoformat(),
                                  "text": self.sentence("en")} for d in days]
        recent = self.as_of - dt.timedelta(days=150)
        if shown >= self.as_of and all(u["date"] < recent.isoformat()
                                       for u in action.get("updates", ())):
            # an open action someone reported on lately (else stale-action fires)
            when = max(self.as_of - dt.timedelta(days=self.alt.randint(5, 150)),
                       report + dt.timedelta(days=60))
            action.setdefault("updates", []).append(
                {"date": when.isoformat(), "text": self.alt.choice(PROGRESS)})

    def response(self, evaluation: dict[str, Any]) -> dict[str, Any]:
        r = self.rng
        self.used = set()
        lang = evaluation["language"]
        report_text = evaluation["report_date"]
        report = dt.date.fromisoformat(report_text if len(report_text) == 10
                                       else report_text + "-28")
        items = []
        group: list[tuple[str, set[str]]] = []
        for n, rec in enumerate(evaluation["recommendations"], 1):
            decision = r.choices(["accepted", "partially-accepted", "rejected"], [75, 18, 7])[0]
            item: dict[str, Any] = {"recommendation": rec["id"], "decision": decision}
            if decision != "accepted":
                item["rationale"] = self.sentence(lang)
            if decision != "rejected":
                actions = []
                for m in range(1, r.choices([1, 2, 3, 4], [40, 30, 20, 10])[0] + 1):
                    action: dict[str, Any] = {
                        "id": f"{n}.{m}",
                        "description": self.distinct(lambda: self.short_text(lang), group),
                        "responsible": self.some_units(1, 2)}
                    if r.random() < 0.4:
                        action["supporting"] = self.some_units(1, 2)
                    self.action_dates(report, action)
                    actions.append(action)
                item["actions"] = actions
            items.append(item)
        date = report + dt.timedelta(days=r.randint(10, 55))
        return {"kind": "management-response", "id": "MR-" + evaluation["id"][3:],
                "evaluation": evaluation["id"], "owner": self.someone(),
                "date": f"{date:%Y-%m}", "comments": self.paragraph(lang, 1, 2),
                "responses": items, "language": lang}


    def lately(self, report: dt.date, action: dict[str, Any]) -> None:
        """An update on an open action that is not past due, within the last 150 days (from
        the second generator: every other value stays the same), so that stale-action fires
        only where a shape means it to."""
        when = max(self.as_of - dt.timedelta(days=self.alt.randint(5, 150)),
                   report + dt.timedelta(days=1))
        action["updates"] = [{"date": min(when, self.as_of).isoformat(),
                              "text": self.alt.choice(PROGRESS)}]

    # the neglected portfolio (--shape neglected) ------------------------------------------
    def neglected_evaluation(self, i: int, status: str, project: str | None) -> dict[str, Any]:
        """A shorter evaluation: 4-7 recommendations of a paragraph each."""
        r = self.rng
        self.used = set()
        lang = r.choice(LANGS)
        country = r.choice(COUNTRIES)
        kind = r.choice(TYPES)
        year = r.randint(2014, 2023) if status == "completed" else r.randint(2025, 2026)
        while True:
            title = f"{kind.capitalize()} evaluation of {r.choice(TOPICS)} in {country}"
            title += f", phase {r.randint(1, 99)}"
            if (title.lower(), year) not in self.titles:
                break
            country = r.choice(COUNTRIES)
        self.titles.add((title.lower(), year))
        data: dict[str, Any] = {
            "kind": "evaluation", "id": f"EV-{year}-{i:05d}", "title": title,
            "status": status, "owner": self.someone(), "type": kind,
            "commissioned_by": r.choice(self.units),
        }
        if status == "completed":
            report = dt.date(year, r.randint(1, 12), r.randint(1, 28))
            data["report_date"] = report.isoformat()
        data["year"] = year
        start = dt.date(year - r.randint(2, 4), r.randint(1, 12), 1)
        data["period"] = {"start": f"{start:%Y-%m}", "end": f"{start.year + 1}-12"}
        if project:
            data["project"] = project
        data["geographic_coverage"] = [country]
        data["criteria"] = r.sample(CRITERIA, 3)
        data["language"] = lang
        if status != "completed":
            return data
        group: list[tuple[str, set[str]]] = []
        data["conclusions"] = [{"id": f"C{k}", "text": self.distinct(
            lambda: self.sentence(lang), group)} for k in range(1, r.randint(2, 3) + 1)]
        group = []
        self.used = set()
        data["recommendations"] = [
            {"id": f"R{k}", "text": self.distinct(lambda: self.paragraph(lang, 2, 3), group),
             "addressed_to": self.some_units(1, 2)}
            for k in range(1, r.randint(4, 7) + 1)]
        for rec in data["recommendations"]:  # neglected, not repeated (recurring-recommendation)
            rec["text"] = self.unrepeated(rec["text"], lang, i)
        return data

    def neglected_response(self, evaluation: dict[str, Any]
                           ) -> tuple[dict[str, Any], list[str]]:
        """A long response, several actions per recommendation, most of them left open past
        their deadline; with the checks its actions must fail (past-due-action, due-soon,
        date-order)."""
        r = self.rng
        self.used = set()
        lang = evaluation["language"]
        report = dt.date.fromisoformat(evaluation["report_date"])
        items = []
        group: list[tuple[str, set[str]]] = []
        found: set[str] = set()
        for n, rec in enumerate(evaluation["recommendations"], 1):
            item: dict[str, Any] = {"recommendation": rec["id"], "decision": "accepted"}
            actions = []
            for m in range(1, r.randint(2, 4) + 1):
                action: dict[str, Any] = {
                    "id": f"{n}.{m}",
                    "description": self.distinct(lambda: self.short_text(lang), group),
                    "responsible": self.some_units(1, 2)}
                if r.random() < 0.3:
                    action["supporting"] = self.some_units(1, 2)
                found.update(self.neglected_dates(report, action))
                actions.append(action)
            item["actions"] = actions
            items.append(item)
        date = report + dt.timedelta(days=r.randint(10, 55))
        return ({"kind": "management-response", "id": "MR-" + evaluation["id"][3:],
                 "evaluation": evaluation["id"], "owner": self.someone(),
                 "date": f"{date:%Y-%m}", "comments": self.sentence(lang),
                 "responses": items, "language": lang}, sorted(found))

    def neglected_dates(self, report: dt.date, action: dict[str, Any]) -> list[str]:
        """Deadline, status and updates of one action; the checks they make fire."""
        r = self.rng
        roll = r.random()
        if roll < 0.012:  # due within the due-soon window
            action["deadline"] = (self.as_of + dt.timedelta(days=r.randint(1, 25))).isoformat()
            action["status"] = "in-progress"
            self.lately(report, action)
            return ["due-soon"]
        due = report + dt.timedelta(days=r.randint(60, 1500))
        if self.as_of <= due <= self.as_of + dt.timedelta(days=45):
            due = self.as_of + dt.timedelta(days=90)
        action["deadline"] = due.isoformat()
        if due >= self.as_of:
            action["status"] = r.choice(["not-started", "in-progress"])
            self.lately(report, action)
            return []
        checks: list[str] = []
        if r.random() < 0.58:  # neglected: open, past its deadline
            action["status"] = r.choice(["not-started", "in-progress", "in-progress"])
            checks.append("past-due-action")
        else:
            action["status"] = "completed"
            action["completed_on"] = max(due - dt.timedelta(days=r.randint(0, 60)),
                                         report).isoformat()
        if r.random() < 0.3:
            days = sorted(r.randint(0, max(1, (min(due, self.as_of) - report).days))
                          for _ in range(r.randint(1, 3)))
            action["updates"] = [{"date": (report + dt.timedelta(days=d)).isoformat(),
                                  "text": self.sentence("en")} for d in days]
            if r.random() < 0.02:  # typed a year ahead
                action["updates"][-1]["date"] = (self.as_of + dt.timedelta(
                    days=r.randint(5, 300))).isoformat()
                checks.append("date-order")
        return checks


# ---------------------------------------------------------------- planted problems
#
# Each plant takes a victim record (a Rec) and changes it; it returns the (path, check) pairs
# lint must then report. Rec.text, when set, replaces the dumped YAML (for YAML-level plants).


class Rec:
    def __init__(self, path: str, data: dict[str, Any]) -> None:
        self.path = path
        self.data = data
        self.edit: Callable[[str], str] | None = None
        self.planted = False

    def render(self) -> str:
        text = dump(self.data)
        return self.edit(text) if self.edit else text


Plant = Callable[["Repo", Rec], list[tuple[str, str]]]


class Repo:
    def __init__(self, gen: Gen) -> None:
        self.gen = gen
        self.recs: list[Rec] = []
        self.response_of: dict[str, Rec] = {}
        self.evaluation_of: dict[str, Rec] = {}
        self.extra: list[Rec] = []

    def later(self, a: str, b: str) -> str:
        return max(a, b)


def _first_action(data: dict[str, Any]) -> dict[str, Any] | None:
    for item in data["responses"]:
        for action in item.get("actions", []):
            return action
    return None


def _replace_line(pattern: str, new: str) -> Callable[[str], str]:
    def edit(text: str) -> str:
        out, n = re.subn(pattern, new, text, count=1, flags=re.M)
        assert n == 1, pattern
        return out
    return edit


# on planned or ongoing evaluations (nothing refers to them) ---------------------------------


def p_yaml_syntax(repo: Repo, rec: Rec) -> list[tuple[str, str]]:
    rec.edit = _replace_line(r"^geographic_coverage:$", "geographic_coverage: [Bolivia, Peru")
    return [(rec.path, "yaml-syntax")]


def p_tab_indent(repo: Repo, rec: Rec) -> list[tuple[str, str]]:
    rec.edit = _replace_line(r"^  - (relevance|coherence|effectiveness|efficiency|impact|"
                             r"sustainability)$", "\t- \\1")
    return [(rec.path, "yaml-syntax")]


def p_duplicate_key(repo: Repo, rec: Rec) -> list[tuple[str, str]]:
    rec.edit = _replace_line(r"^(status: .*)$", "\\1\nstatus: ongoing")
    return [(rec.path, "duplicate-key")]


def p_unsafe_tag(repo: Repo, rec: Rec) -> list[tuple[str, str]]:
    rec.edit = _replace_line(r"^(status: .*)$", '\\1\nx-run: !!python/object/apply:os.system '
                             '["echo hi"]')
    return [(rec.path, "unsafe-yaml")]


def p_unknown_kind(repo: Repo, rec: Rec) -> list[tuple[str, str]]:
    rec.data["kind"] = "evalution"
    return [(rec.path, "unknown-kind")]


def p_status_enum(repo: Repo, rec: Rec) -> list[tuple[str, str]]:
    rec.data["status"] = "finished"
    return [(rec.path, "schema")]


def p_unknown_field(repo: Repo, rec: Rec) -> list[tuple[str, str]]:
    rec.data["titel"] = rec.data["title"]
    return [(rec.path, "schema")]


def p_ambiguous(repo: Repo, rec: Rec) -> list[tuple[str, str]]:
    rec.data["geographic_coverage"] = ["Sweden", "NO"]
    rec.edit = _replace_line(r'^  - "NO"$', "  - NO")
    return [(rec.path, "ambiguous-scalar")]


def p_unknown_owner(repo: Repo, rec: Rec) -> list[tuple[str, str]]:
    rec.data["owner"] = "no-such-unit"
    return [(rec.path, "unknown-owner")]


def p_period_order(repo: Repo, rec: Rec) -> list[tuple[str, str]]:
    rec.data["period"] = {"start": "2019-06-01", "end": "2018-05-31"}
    return [(rec.path, "date-order")]


def p_unused_suppression(repo: Repo, rec: Rec) -> list[tuple[str, str]]:
    rec.edit = _replace_line(r"^(title: .*)$", "\\1  # evalcheck: ignore[duplicate-text]")
    return [(rec.path, "unused-suppression")]


def p_duplicate_record_id(repo: Repo, rec: Rec) -> list[tuple[str, str]]:
    other = next(r for r in repo.recs if r.data.get("kind") == "evaluation"
                 and r is not rec and not r.planted and r.data["status"] == "completed")
    rec.data["id"] = other.data["id"]
    return [(repo.later(rec.path, other.path), "duplicate-id")]


def p_duplicate_title(repo: Repo, rec: Rec) -> list[tuple[str, str]]:
    other = next(r for r in repo.recs if r.data.get("kind") == "evaluation"
                 and r is not rec and not r.planted and r.data["status"] == "completed")
    rec.data["title"] = other.data["title"].upper()
    rec.data["year"] = other.data["year"]
    return [(repo.later(rec.path, other.path), "duplicate-record")]


# on completed evaluations ---------------------------------------------------------------------


def p_bad_date(repo: Repo, rec: Rec) -> list[tuple[str, str]]:
    rec.data["report_date"] = f"{rec.data['report_date'][:4]}-02-30"
    return [(rec.path, "schema")]


def p_duplicate_text(repo: Repo, rec: Rec) -> list[tuple[str, str]]:
    recs = rec.data["recommendations"]
    recs[2]["text"] = recs[1]["text"]
    return [(rec.path, "duplicate-text")]


def _report_day(data: dict[str, Any]) -> dt.date | None:
    from evalcheck.dates import parse_date

    return parse_date(data.get("report_date"))


def p_recurring(repo: Repo, rec: Rec) -> list[tuple[str, str]]:
    """The first recommendation repeats, numbered, one of an evaluation reported earlier."""
    day = _report_day(rec.data)
    for other in repo.recs:
        data = other.data
        earlier = _report_day(data) if data.get("kind") == "evaluation" else None
        if earlier is None or day is None or earlier >= day or other.planted or \
                data.get("title") == rec.data.get("title") or not data.get("recommendations"):
            continue
        other.planted = True  # its text stays what the victim repeats
        repo.response_of[data["id"]].planted = True
        rec.data["recommendations"][0]["text"] = "1. " + data["recommendations"][0]["text"]
        return [(rec.path, "recurring-recommendation")]
    return []


def p_missing_addressed(repo: Repo, rec: Rec) -> list[tuple[str, str]]:
    del rec.data["recommendations"][0]["addressed_to"]
    return [(rec.path, "missing-owner")]


def p_rating(repo: Repo, rec: Rec) -> list[tuple[str, str]]:
    ratings = rec.data.setdefault("ratings", {"scale": {"min": 1, "max": 4}, "scores": [
        {"criterion": "relevance", "score": 3}]})
    ratings["scores"][0]["score"] = ratings["scale"]["max"] + 1
    return [(rec.path, "rating-out-of-scale")]


def p_no_response(repo: Repo, rec: Rec) -> list[tuple[str, str]]:
    repo.response_of[rec.data["id"]].data = {}  # dropped: not written
    return [(rec.path, "response-overdue")]


# on management responses ------------------------------------------------------------------------


def _recent_update(repo: Repo) -> dict[str, str]:
    return {"date": (repo.gen.as_of - dt.timedelta(days=20)).isoformat(),
            "text": "Working group met and agreed a workplan."}


def p_past_due(repo: Repo, rec: Rec) -> list[tuple[str, str]]:
    action = _first_action(rec.data)
    assert action is not None
    action["deadline"] = (repo.gen.as_of - dt.timedelta(days=40)).isoformat()
    action["status"] = "in-progress"
    action.pop("completed_on", None)
    action.pop("updates", None)
    return [(rec.path, "past-due-action")]


def p_due_soon(repo: Repo, rec: Rec) -> list[tuple[str, str]]:
    action = _first_action(rec.data)
    assert action is not None
    action["deadline"] = (repo.gen.as_of + dt.timedelta(days=10)).isoformat()
    action["status"] = "not-started"
    action.pop("completed_on", None)
    action["updates"] = [_recent_update(repo)]  # so that stale-action stays quiet
    return [(rec.path, "due-soon")]


def p_missing_deadline(repo: Repo, rec: Rec) -> list[tuple[str, str]]:
    action = _first_action(rec.data)
    assert action is not None
    del action["deadline"]
    return [(rec.path, "missing-deadline")]


def p_completed_no_date(repo: Repo, rec: Rec) -> list[tuple[str, str]]:
    action = _first_action(rec.data)
    assert action is not None
    action["deadline"] = (repo.gen.as_of - dt.timedelta(days=100)).isoformat()
    action["status"] = "completed"
    action.pop("completed_on", None)
    action.pop("updates", None)
    return [(rec.path, "completed-without-date")]


def p_future_update(repo: Repo, rec: Rec) -> list[tuple[str, str]]:
    action = _first_action(rec.data)
    assert action is not None
    action["updates"] = [{"date": (repo.gen.as_of + dt.timedelta(days=3)).isoformat(),
                          "text": "Workshop held with the regional team."}]
    return [(rec.path, "date-order")]


def p_missing_responsible(repo: Repo, rec: Rec) -> list[tuple[str, str]]:
    action = _first_action(rec.data)
    assert action is not None
    del action["responsible"]
    return [(rec.path, "missing-owner")]


def p_status_bad(repo: Repo, rec: Rec) -> list[tuple[str, str]]:
    action = _first_action(rec.data)
    assert action is not None
    action["deadline"] = (repo.gen.as_of + dt.timedelta(days=200)).isoformat()
    action["status"] = "done"
    action.pop("completed_on", None)
    action["updates"] = [_recent_update(repo)]  # so that stale-action stays quiet
    return [(rec.path, "schema")]


def p_duplicate_action_id(repo: Repo, rec: Rec) -> list[tuple[str, str]]:
    ids = [a for item in rec.data["responses"] for a in item.get("actions", [])]
    ids[1]["id"] = ids[0]["id"]
    return [(rec.path, "duplicate-id")]


def p_near_duplicate(repo: Repo, rec: Rec) -> list[tuple[str, str]]:
    actions = [a for item in rec.data["responses"] for a in item.get("actions", [])]
    words = actions[0]["description"].split(" ")
    words[len(words) // 2] = "carefully " + words[len(words) // 2]
    actions[1]["description"] = " ".join(words)
    return [(rec.path, "near-duplicate-text")]


def p_stale(repo: Repo, rec: Rec) -> list[tuple[str, str]]:
    action = _first_action(rec.data)
    assert action is not None
    action["deadline"] = (repo.gen.as_of + dt.timedelta(days=200)).isoformat()
    action["status"] = "in-progress"
    action.pop("completed_on", None)
    action["updates"] = [{"date": (repo.gen.as_of - dt.timedelta(days=200)).isoformat(),
                          "text": "Terms of reference drafted."}]
    return [(rec.path, "stale-action")]


def p_contradicted(repo: Repo, rec: Rec) -> list[tuple[str, str]]:
    action = _first_action(rec.data)
    assert action is not None
    action["deadline"] = (repo.gen.as_of - dt.timedelta(days=100)).isoformat()
    action["status"] = "completed"
    action["completed_on"] = (repo.gen.as_of - dt.timedelta(days=90)).isoformat()
    action["updates"] = [{"date": (repo.gen.as_of - dt.timedelta(days=95)).isoformat(),
                          "text": "The working group was disbanded before the workshop."}]
    return [(rec.path, "status-contradicts-update")]


def p_moved(repo: Repo, rec: Rec) -> list[tuple[str, str]]:
    action = _first_action(rec.data)
    assert action is not None
    due = _report_day({"report_date": action["deadline"]})
    assert due is not None
    action["original_deadline"] = (due + dt.timedelta(days=31)).isoformat()
    return [(rec.path, "deadline-moved-without-reason")]


def p_due_before_response(repo: Repo, rec: Rec) -> list[tuple[str, str]]:
    action = _first_action(rec.data)
    assert action is not None
    month = dt.date.fromisoformat(rec.data["date"] + "-01")
    action["deadline"] = (month - dt.timedelta(days=1)).isoformat()
    action["status"] = "completed"
    action["completed_on"] = action["deadline"]
    action.pop("updates", None)
    return [(rec.path, "deadline-before-response")]


def p_unknown_evaluation(repo: Repo, rec: Rec) -> list[tuple[str, str]]:
    evaluation = rec.data["evaluation"]
    rec.data["evaluation"] = evaluation + "-X"
    ev_path = next(r.path for r in repo.recs if r.data.get("id") == evaluation
                   and r.data.get("kind") == "evaluation")
    return [(rec.path, "unknown-reference"), (ev_path, "response-overdue")]


def p_unknown_recommendation(repo: Repo, rec: Rec) -> list[tuple[str, str]]:
    rec.data["responses"].append({"recommendation": "R99", "decision": "rejected",
                                  "rationale": "Not applicable to this office."})
    return [(rec.path, "unknown-reference")]


def p_unanswered(repo: Repo, rec: Rec) -> list[tuple[str, str]]:
    rec.data["responses"].pop()
    return [(rec.path, "unanswered-recommendation")]


def p_no_decision(repo: Repo, rec: Rec) -> list[tuple[str, str]]:
    del rec.data["responses"][0]["decision"]
    rec.data["responses"][0].pop("rationale", None)
    return [(rec.path, "unanswered-recommendation")]


def p_accepted_no_action(repo: Repo, rec: Rec) -> list[tuple[str, str]]:
    item = rec.data["responses"][0]
    item["decision"] = "accepted"
    item.pop("rationale", None)
    item.pop("actions", None)
    return [(rec.path, "accepted-without-action")]


def p_rejected_no_rationale(repo: Repo, rec: Rec) -> list[tuple[str, str]]:
    item = rec.data["responses"][0]
    item["decision"] = "rejected"
    item.pop("rationale", None)
    item.pop("actions", None)
    return [(rec.path, "rejected-without-rationale")]


def p_second_response(repo: Repo, rec: Rec) -> list[tuple[str, str]]:
    copy = json.loads(json.dumps(rec.data))
    copy["id"] = rec.data["id"] + "-BIS"
    extra = Rec(rec.path.replace(".yaml", "-bis.yaml"), copy)
    extra.planted = True
    repo.extra.append(extra)
    return [(repo.later(rec.path, extra.path), "duplicate-record")]


def p_unknown_responsible(repo: Repo, rec: Rec) -> list[tuple[str, str]]:
    action = _first_action(rec.data)
    assert action is not None
    action["responsible"] = ["regional-me-unti"]
    return [(rec.path, "unknown-owner")]


# on projects --------------------------------------------------------------------------------


def p_financing_sum(repo: Repo, rec: Rec) -> list[tuple[str, str]]:
    rec.data["financing"][0]["amount"] += 1000
    return [(rec.path, "sum-mismatch")]


def p_subline_sum(repo: Repo, rec: Rec) -> list[tuple[str, str]]:
    line = next((b for b in rec.data["budget"] if b.get("lines")), None)
    if line is None:
        rec.data["budget"][0]["lines"] = [{"id": "1.1", "item": "Staff", "amount": 5}]
    else:
        line["lines"][0]["amount"] += 250
    return [(rec.path, "sum-mismatch")]


def p_project_no_title(repo: Repo, rec: Rec) -> list[tuple[str, str]]:
    del rec.data["title"]
    return [(rec.path, "schema")]


PLANTS: dict[str, tuple[str, Plant]] = {
    # name: (victim kind, plant)
    "yaml-syntax": ("open-evaluation", p_yaml_syntax),
    "tab-indent": ("open-evaluation", p_tab_indent),
    "duplicate-key": ("open-evaluation", p_duplicate_key),
    "unsafe-yaml": ("open-evaluation", p_unsafe_tag),
    "unknown-kind": ("open-evaluation", p_unknown_kind),
    "status-enum": ("open-evaluation", p_status_enum),
    "unknown-field": ("open-evaluation", p_unknown_field),
    "ambiguous-scalar": ("open-evaluation", p_ambiguous),
    "unknown-owner": ("open-evaluation", p_unknown_owner),
    "period-order": ("open-evaluation", p_period_order),
    "unused-suppression": ("open-evaluation", p_unused_suppression),
    "duplicate-record-id": ("open-evaluation", p_duplicate_record_id),
    "duplicate-title": ("open-evaluation", p_duplicate_title),
    "bad-date": ("evaluation", p_bad_date),
    "duplicate-text": ("evaluation", p_duplicate_text),
    "missing-addressed-to": ("evaluation", p_missing_addressed),
    "rating-out-of-scale": ("evaluation", p_rating),
    "response-overdue": ("evaluation", p_no_response),
    "past-due": ("response", p_past_due),
    "unknown-evaluation": ("response", p_unknown_evaluation),
    "unanswered": ("response", p_unanswered),
    "completed-without-date": ("response", p_completed_no_date),
    "duplicate-action-id": ("response", p_duplicate_action_id),
    "due-soon": ("response", p_due_soon),
    "missing-deadline": ("response", p_missing_deadline),
    "future-update": ("response", p_future_update),
    "missing-responsible": ("response", p_missing_responsible),
    "status-bad": ("response", p_status_bad),
    "near-duplicate": ("response", p_near_duplicate),
    "unknown-recommendation": ("response", p_unknown_recommendation),
    "no-decision": ("response", p_no_decision),
    "accepted-without-action": ("response", p_accepted_no_action),
    "rejected-without-rationale": ("response", p_rejected_no_rationale),
    "second-response": ("response", p_second_response),
    "unknown-responsible": ("response", p_unknown_responsible),
    "financing-sum": ("project", p_financing_sum),
    "subline-sum": ("project", p_subline_sum),
    "project-no-title": ("project", p_project_no_title),
    # the checks of issue 16 (last, so that the plants above keep their victims)
    "recurring-recommendation": ("evaluation", p_recurring),
    "stale-action": ("response", p_stale),
    "status-contradicts-update": ("response", p_contradicted),
    "deadline-moved": ("response", p_moved),
    "deadline-before-response": ("response", p_due_before_response),
}


def _victim_kind(rec: Rec) -> str:
    kind = rec.data.get("kind")
    if kind == "evaluation":
        return "evaluation" if rec.data["status"] == "completed" else "open-evaluation"
    return {"management-response": "response"}.get(str(kind), str(kind))


def _eligible(rec: Rec, kind: str) -> bool:
    if rec.planted or _victim_kind(rec) != kind:
        return False
    data = rec.data
    if kind == "response":
        actions = [a for item in data["responses"] for a in item.get("actions", [])]
        return len(actions) >= 2 and len(data["responses"]) >= 3
    if kind == "evaluation":
        return len(data["recommendations"]) >= 3
    return True


# ---------------------------------------------------------------- the repository


def build(n: int, seed: int, as_of: dt.date, rate: float) -> tuple[list[Rec], list[list[str]]]:
    gen = Gen(n, seed, as_of)
    r = gen.rng
    repo = Repo(gen)
    owners = gen.owners(max(40, min(600, n // 20)))
    repo.recs.append(Rec("records/owners.yaml", owners))
    budget = n - 1
    projects = max(2, budget // 12)
    for i in range(projects):
        data = gen.project(i)
        repo.recs.append(Rec(f"records/projects/{data['id']}.yaml", data))
    budget -= projects
    project_ids = [rec.data["id"] for rec in repo.recs[1:]]
    i = 0
    while budget > 0:
        status = r.choices(["completed", "ongoing", "planned"], [86, 8, 6])[0]
        if i < 16 or budget == 1:  # enough open ones for the plants even in a small repository
            status = r.choice(["ongoing", "planned"])
        i += 1
        project = r.choice(project_ids) if r.random() < 0.4 else None
        ev = gen.evaluation(i, status, project)
        year = ev["id"][3:7]
        ev_rec = Rec(f"records/evaluations/{year}/{ev['id']}.yaml", ev)
        repo.recs.append(ev_rec)
        budget -= 1
        if status == "completed":
            mr = gen.response(ev)
            mr_rec = Rec(f"records/responses/{year}/{mr['id']}.yaml", mr)
            repo.recs.append(mr_rec)
            repo.response_of[ev["id"]] = mr_rec
            repo.evaluation_of[mr["id"]] = ev_rec
            budget -= 1
    # plants: every kind once, then round-robin up to rate * n
    expected: list[list[str]] = []
    names = list(PLANTS)
    wanted = max(len(names), round(n * rate))
    order = list(range(len(repo.recs)))
    r.shuffle(order)
    cursor = {kind: 0 for kind, _ in PLANTS.values()}
    done = 0
    for k in range(wanted * 3):
        if done >= wanted:
            break
        name = names[k % len(names)]
        kind, plant = PLANTS[name]
        while cursor[kind] < len(order) and not _eligible(repo.recs[order[cursor[kind]]], kind):
            cursor[kind] += 1
        if cursor[kind] >= len(order):
            continue
        rec = repo.recs[order[cursor[kind]]]
        rec.planted = True
        if kind == "evaluation":
            repo.response_of[rec.data["id"]].planted = True  # keep its response untouched
        if kind == "response":
            repo.evaluation_of[rec.data["id"]].planted = True  # and its evaluation
        for path, check in plant(repo, rec):
            expected.append([path, check])
        done += 1
    recs = [rec for rec in repo.recs + repo.extra if rec.data]
    while len(recs) < n:  # a dropped response: fill up with planned evaluations
        i += 1
        ev = gen.evaluation(i, "planned", None)
        recs.append(Rec(f"records/evaluations/{ev['id'][3:7]}/{ev['id']}.yaml", ev))
    return recs, sorted(expected)


def build_neglected(n: int, seed: int, as_of: dt.date) -> tuple[list[Rec], list[list[str]]]:
    """A real portfolio left to itself (issue 18): of 10,000 files, 1,401 projects, 4,870
    evaluations and 3,728 long management responses; most actions open past their deadline,
    one record in seven missing its owner, a few hundred evaluations never answered, some
    budgets that do not add up. Every problem is one the shape means to have."""
    gen = Gen(n, seed, as_of)
    r = gen.rng
    recs = [Rec("records/owners.yaml", gen.owners(max(40, min(600, n // 20))))]
    expected: set[tuple[str, str]] = set()
    projects = max(2, round(n * 0.1401))
    responses = max(2, round(n * 0.3728))
    evaluations = n - 1 - projects - responses
    for i in range(projects):
        data = gen.project(i)
        if r.random() < 0.05:
            data["financing"][0]["amount"] += 500
            expected.add((f"records/projects/{data['id']}.yaml", "sum-mismatch"))
        recs.append(Rec(f"records/projects/{data['id']}.yaml", data))
    project_ids = [rec.data["id"] for rec in recs[1:]]
    unanswered = max(1, evaluations // 30)
    for i in range(1, evaluations + 1):
        answered = i <= responses
        status = "completed" if answered or i <= responses + unanswered else r.choice(
            ["ongoing", "planned"])
        project = r.choice(project_ids) if r.random() < 0.4 else None
        ev = gen.neglected_evaluation(i, status, project)
        path = f"records/evaluations/{ev['id'][3:7]}/{ev['id']}.yaml"
        recs.append(Rec(path, ev))
        if status == "completed" and not answered:
            expected.add((path, "response-overdue"))
        if answered:
            mr, checks = gen.neglected_response(ev)
            mr_path = f"records/responses/{ev['id'][3:7]}/{mr['id']}.yaml"
            recs.append(Rec(mr_path, mr))
            expected.update((mr_path, c) for c in checks)
    for rec in recs[1:]:
        if r.random() < 0.14:  # nobody named as accountable
            del rec.data["owner"]
            expected.add((rec.path, "missing-owner"))
    r.shuffle(recs)  # files are written in no particular order
    return recs, sorted([list(e) for e in expected])


def generate(out: Path, n: int = 10_000, seed: int = 1, as_of: dt.date = AS_OF,
             rate: float = 0.01, shape: str = "planted") -> dict[str, Any]:
    """Write the repository under `out` (replacing it) and return the manifest."""
    recs, expected = build(n, seed, as_of, rate) if shape == "planted" else \
        build_neglected(n, seed, as_of)
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    (out / ".evalcheck.yaml").write_text("records: [records]\n", encoding="utf-8")
    folders: set[Path] = set()
    size = 0
    for rec in recs:
        path = out / rec.path
        if path.parent not in folders:
            path.parent.mkdir(parents=True, exist_ok=True)
            folders.add(path.parent)
        body = rec.render().encode("utf-8")
        size += len(body)
        path.write_bytes(body)
    manifest = {"n": len(recs), "seed": seed, "shape": shape, "as_of": as_of.isoformat(),
                "bytes": size, "expected": expected}
    (out / "planted.json").write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    return manifest


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=10_000, help="records in all (default 10000)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--as-of", default=AS_OF.isoformat(),
                        help="the date the planted deadline problems are relative to")
    parser.add_argument("--rate", type=float, default=0.01,
                        help="share of records with a planted problem (at least one of each)")
    parser.add_argument("--shape", choices=("planted", "neglected"), default="planted",
                        help="planted: a clean portfolio with about 1%% of records broken on "
                             "purpose, every check family once at least; neglected: most "
                             "actions past due, many owners missing, long responses")
    parser.add_argument("--out", type=Path, default=None,
                        help="default: benchmarks/out/repo-N (repo-neglected-N)")
    args = parser.parse_args()
    name = f"repo-{args.n}" if args.shape == "planted" else f"repo-neglected-{args.n}"
    out = args.out or Path(__file__).resolve().parent / "out" / name
    manifest = generate(out, args.n, args.seed, dt.date.fromisoformat(args.as_of), args.rate,
                        args.shape)
    print(f"wrote {manifest['n']} records ({manifest['bytes'] / 1e6:.1f} MB) to {out}; "
          f"{len(manifest['expected'])} planted problems (as of {manifest['as_of']})")


if __name__ == "__main__":
    main()

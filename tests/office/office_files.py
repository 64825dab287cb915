"""Build real Word and Excel matrices for the import tests, shaped like seed 002.

- seed_docx: the Word template of seed 002: the header table, then one table per
  recommendation (merged label rows, an action table whose "Seguimiento a implementación"
  header spans Comentarios and Estado, the first three headers merged down), with the margin
  comment of recommendation 10 anchored on its priority cell.
- seed_xlsx_blocks: the same tables stacked on one sheet, merged the same way.
- seed_xlsx_rows: an Excel tracker with one row per action, recommendation cells merged
  down over their actions, some deadlines typed as real dates formatted as months.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import seed002
from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment

WIDTH = 5
ACTION_HEADER = ("Acción", "Plazo o fecha límite", "Persona responsable",
                 "Seguimiento a implementación")


def _set_text(cell: Any, text: str) -> Any:
    """Cell text with one Word paragraph per line, as a typed cell has; returns the last run."""
    lines = text.split("\n")
    paragraph = cell.paragraphs[0]
    run = paragraph.add_run(lines[0])
    for line in lines[1:]:
        paragraph = cell.add_paragraph()
        run = paragraph.add_run(line)
    return run


def seed_docx(path: Path, recommendations: Sequence[dict[str, Any]] | None = None) -> Path:
    import docx

    document = docx.Document()
    document.add_paragraph(seed002.HEADING)
    document.add_paragraph(seed002.SUBHEADING)
    header = document.add_table(rows=len(seed002.HEADER_ROWS), cols=2)
    for r, (label, value) in enumerate(seed002.HEADER_ROWS):
        _set_text(header.cell(r, 0), label)
        _set_text(header.cell(r, 1), value)
    for rec in recommendations or seed002.RECOMMENDATIONS:
        document.add_paragraph("")
        actions = rec["actions"]
        table = document.add_table(rows=6 + len(actions), cols=WIDTH)
        _set_text(table.cell(0, 0).merge(table.cell(0, 4)),
                  f"Recomendaciones de evaluación No. {rec['number']}\n{rec['text']}")
        _set_text(table.cell(1, 0).merge(table.cell(1, 2)),
                  "Recomendación dirigida a:\n" + rec["addressed"])
        run = _set_text(table.cell(1, 3).merge(table.cell(1, 4)), rec["priority"])
        if rec["comment"]:
            author, text = rec["comment"]
            document.add_comment(run, text=text, author=author, initials="DM")
        _set_text(table.cell(2, 0).merge(table.cell(2, 4)), rec["decision_label"])
        table.cell(3, 0).merge(table.cell(3, 4))
        for c, label in enumerate(ACTION_HEADER[:3]):
            _set_text(table.cell(4, c).merge(table.cell(5, c)), label)
        _set_text(table.cell(4, 3).merge(table.cell(4, 4)), ACTION_HEADER[3])
        _set_text(table.cell(5, 3), "Comentarios")
        _set_text(table.cell(5, 4), "Estado")
        for r, (action, deadline, responsible) in enumerate(actions, 6):
            _set_text(table.cell(r, 0), action)
            _set_text(table.cell(r, 1), deadline)
            _set_text(table.cell(r, 2), responsible)
    document.save(str(path))
    return path


def _write(sheet: Any, row: int, col: int, value: Any) -> Any:
    cell = sheet.cell(row=row, column=col, value=value)
    cell.alignment = Alignment(wrap_text=True, vertical="top")
    return cell


def seed_xlsx_blocks(path: Path) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.title = "Matriz"
    _write(sheet, 1, 1, seed002.HEADING)
    _write(sheet, 2, 1, seed002.SUBHEADING)
    row = 4
    for label, value in seed002.HEADER_ROWS:
        _write(sheet, row, 1, label)
        _write(sheet, row, 2, value)
        row += 1
    for rec in seed002.RECOMMENDATIONS:
        row += 1
        _write(sheet, row, 1, f"Recomendaciones de evaluación No. {rec['number']}\n{rec['text']}")
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=5)
        _write(sheet, row + 1, 1, "Recomendación dirigida a:\n" + rec["addressed"])
        sheet.merge_cells(start_row=row + 1, start_column=1, end_row=row + 1, end_column=3)
        priority = _write(sheet, row + 1, 4, rec["priority"])
        if rec["comment"]:
            priority.comment = Comment(rec["comment"][1], rec["comment"][0])
        sheet.merge_cells(start_row=row + 1, start_column=4, end_row=row + 1, end_column=5)
        _write(sheet, row + 2, 1, rec["decision_label"])
        sheet.merge_cells(start_row=row + 2, start_column=1, end_row=row + 2, end_column=5)
        for c, label in enumerate(ACTION_HEADER, 1):
            _write(sheet, row + 3, c, label)
        sheet.merge_cells(start_row=row + 3, start_column=4, end_row=row + 3, end_column=5)
        _write(sheet, row + 4, 4, "Comentarios")
        _write(sheet, row + 4, 5, "Estado")
        row += 5
        for action, deadline, responsible in rec["actions"]:
            for c, value in enumerate((action, deadline, responsible), 1):
                _write(sheet, row, c, value)
            row += 1
    book.save(str(path))
    return path


ROW_HEADER = ("Recomendación", "Recomendación dirigida a", "Nivel de prioridad",
              "Respuesta gerencial", "Acción", "Plazo o fecha límite", "Persona responsable",
              "Comentarios", "Estado")
MONTHS = {"Noviembre 2023": dt.datetime(2023, 11, 1), "Junio 2023": dt.datetime(2023, 6, 1)}


def seed_xlsx_rows(path: Path) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.title = "Seguimiento"
    for r, (label, value) in enumerate(seed002.HEADER_ROWS, 1):
        _write(sheet, r, 1, label)
        _write(sheet, r, 2, value)
    top = len(seed002.HEADER_ROWS) + 2
    for c, label in enumerate(ROW_HEADER, 1):
        _write(sheet, top, c, label)
    row = top + 1
    for rec in seed002.RECOMMENDATIONS:
        first = row
        priority = rec["priority"].rsplit(":", 1)[1].strip()
        for action, deadline, responsible in rec["actions"]:
            _write(sheet, row, 5, action)
            when = MONTHS.get(deadline.strip())
            cell = _write(sheet, row, 6, when or deadline)
            if when:
                cell.number_format = "mmmm yyyy"
            _write(sheet, row, 7, responsible)
            row += 1
        _write(sheet, first, 1, f"{rec['number']}. {rec['text']}")
        _write(sheet, first, 2, rec["addressed"])
        cell = _write(sheet, first, 3, int(priority))
        if rec["comment"]:
            cell.comment = Comment(rec["comment"][1], rec["comment"][0])
        for c in (1, 2, 3, 4):
            if row - 1 > first:
                sheet.merge_cells(start_row=first, start_column=c, end_row=row - 1, end_column=c)
    book.save(str(path))
    return path


# --- Matrices as field offices lay them out (issue 13) ---------------------------------------
#
# french_docx: a francophone country office's Word matrix: header lines above the table (who
#   completes it, the date, general comments), then one table with a header row and the
#   recommendation and decision cells merged down over their actions, a Comments column.
# erc_docx: the UNDP Evaluation Resource Centre template in English: header lines (prepared
#   by, position, unit, cleared by, date), then per recommendation a table whose first rows
#   are merged across ("Evaluation recommendation 1.", "Management response: Agree"), then
#   Key action(s) / Time frame / Responsible unit(s) / Tracking (Comments, Status).
# quarters_xlsx: an Excel tracker, one row per action, deadlines written as quarters.

FR_HEADER = ("Recommandation", "Réponse de la direction", "Actions clés", "Échéance",
             "Responsable(s)", "Statut", "Commentaires")
FR_LINES = ("MATRICE DE RÉPONSE DE LA DIRECTION",
            "Titre de l'évaluation : Évaluation finale du programme d'appui à la "
            "décentralisation (PAD) 2019-2023",
            "Personne responsable de remplir la matrice : Awa Diallo, Chargée de "
            "suivi-évaluation",
            "Date : 15 mars 2024",
            "Commentaires généraux : La direction remercie l'équipe d'évaluation et partage "
            "l'essentiel de ses conclusions.")
# (recommendation, decision, [(action, deadline, responsible, status, comments)])
FR_ROWS: tuple[tuple[str, str, tuple[tuple[str, ...], ...]], ...] = (
    ("1. Renforcer le dispositif de suivi-évaluation du programme et des partenaires de mise "
     "en œuvre.", "Acceptée",
     (("1.1 Recruter un chargé de suivi-évaluation pour le programme", "T3 2024",
       "Unité S&E", "Complétée", "Recrutement effectué en juillet 2024."),
      ("1.2 Former les partenaires de mise en œuvre aux outils de collecte", "31/12/2024",
       "Unité S&E et Partenaires de mise en œuvre", "En retard",
       "Reportée à cause de la saison des pluies."))),
    ("2. Élaborer une stratégie de sortie concertée avec le gouvernement.",
     "Partiellement acceptée : la stratégie sera intégrée au prochain programme pays.",
     (("2.1 Intégrer la stratégie de sortie au prochain programme pays",
       "Avant la préparation du prochain programme pays", "Chef de programme",
       "Non démarrée", ""),
      ("2.2 Tenir des réunions de concertation avec le ministère de la Décentralisation",
       "Continu", "Chef de programme / Représentant résident adjoint", "Initiée",
       "Première réunion tenue le 12 février 2024."))),
    ("3. Créer un fonds commun des partenaires techniques et financiers.",
     "Rejetée. Le cadre juridique national ne permet pas un fonds commun.", ()),
    ("4. Publier chaque année un rapport d'avancement du programme.", "Pris note",
     (("4.1 Publier le rapport annuel sur le site du bureau", "Sans échéance",
       "Unité de communication", "Initiée", ""),)),
)


def french_docx(path: Path) -> Path:
    import docx

    document = docx.Document()
    for line in FR_LINES:
        document.add_paragraph(line)
    rows = 1 + sum(max(1, len(actions)) for _, _, actions in FR_ROWS)
    table = document.add_table(rows=rows, cols=len(FR_HEADER))
    for c, label in enumerate(FR_HEADER):
        _set_text(table.cell(0, c), label)
    r = 1
    for recommendation, decision, actions in FR_ROWS:
        first, last = r, r + max(1, len(actions)) - 1
        for action in actions:
            for c, text in enumerate(action, 2):
                if text:
                    _set_text(table.cell(r, c), text)
            r += 1
        r = last + 1
        _set_text(table.cell(first, 0).merge(table.cell(last, 0)), recommendation)
        _set_text(table.cell(first, 1).merge(table.cell(last, 1)), decision)
    document.save(str(path))
    return path


ERC_LINES = ("Management Response",
             "Evaluation title: Outcome evaluation of the Environment and Energy portfolio "
             "(2008-2010)",
             "Prepared by: Jone Ratu",
             "Position: Programme Analyst",
             "Unit/Bureau: Environment Unit",
             "Cleared by: Deputy Resident Representative",
             "Date: 15 November 2010")
ERC_HEADER = ("Key action(s)", "Time frame", "Responsible unit(s)", "Tracking*")
# (number, recommendation, management response, [(action, time frame, unit, comments, status)])
ERC_RECOMMENDATIONS: tuple[tuple[str, str, str, tuple[tuple[str, ...], ...]], ...] = (
    ("1", "Strengthen results-based monitoring of the portfolio, with baselines and targets "
          "for every outcome indicator.", "Agree",
     (("1.1 Develop an outcome monitoring framework with baselines and targets", "2010/12",
       "Environment Unit", "Framework shared with the Government in January 2011.",
       "Completed"),
      ("1.2 Train project staff in results-based management", "1st Quarter, 2011",
       "Environment Unit and M&E Focal Point", "", "Overdue-Initiated"))),
    ("2", "Mobilise co-financing from vertical funds for the energy projects.",
     "Partially agree as resource mobilisation depends on the Government's priorities.",
     (("2.1 Prepare a resource mobilisation plan for the portfolio", "2011/06",
       "Senior Management", "", "Not initiated"),
      ("2.2 Hold a yearly round table with donors", "", "Resident Representative",
       "Depends on the Government's calendar.", "No deadline established"))),
    ("3", "Close the small grants window and move its staff to the energy projects.",
     "Noted", ()),
)


def erc_docx(path: Path) -> Path:
    import docx

    document = docx.Document()
    for line in ERC_LINES:
        document.add_paragraph(line)
    for number, text, response, actions in ERC_RECOMMENDATIONS:
        document.add_paragraph("")
        table = document.add_table(rows=4 + max(1, len(actions)), cols=WIDTH)
        _set_text(table.cell(0, 0).merge(table.cell(0, 4)),
                  f"Evaluation recommendation {number}. {text}")
        _set_text(table.cell(1, 0).merge(table.cell(1, 4)), f"Management response: {response}")
        for c, label in enumerate(ERC_HEADER[:3]):
            _set_text(table.cell(2, c).merge(table.cell(3, c)), label)
        _set_text(table.cell(2, 3).merge(table.cell(2, 4)), ERC_HEADER[3])
        _set_text(table.cell(3, 3), "Comments")
        _set_text(table.cell(3, 4), "Status")
        for r, action in enumerate(actions, 4):
            for c, value in enumerate(action):
                if value:
                    _set_text(table.cell(r, c), value)
    document.save(str(path))
    return path


QUARTER_HEADER = ("Recommendation", "Management response", "Key action", "Deadline",
                  "Responsible", "Status", "Comments")
QUARTER_LINES = (("Prepared by:", "M&E Officer"), ("Date:", dt.datetime(2024, 5, 10)))
QUARTER_ROWS: tuple[tuple[str, str, tuple[tuple[str, ...], ...]], ...] = (
    ("R1. Digitise the beneficiary registry.", "Accepted",
     (("1.1 Choose a registry software", "Q3 2024", "Programme Unit", "Completed",
       "Chosen in August 2024."),
      ("1.2 Migrate the paper files", "Q1-2025", "Programme Unit; Field offices",
       "Ongoing", ""))),
    ("R2. Publish the registry's data every quarter.", "Partially accepted",
     (("2.1 Publish a first open dataset", "2025", "Programme Unit", "Not started", ""),
      ("2.2 Review the publication plan", "4th quarter 2024", "M&E Officer", "", ""))),
)


def quarters_xlsx(path: Path) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.title = "Action plan"
    for r, (label, value) in enumerate(QUARTER_LINES, 1):
        _write(sheet, r, 1, label)
        cell = _write(sheet, r, 2, value)
        if isinstance(value, dt.datetime):
            cell.number_format = "dd/mm/yyyy"
    top = len(QUARTER_LINES) + 2
    for c, label in enumerate(QUARTER_HEADER, 1):
        _write(sheet, top, c, label)
    row = top + 1
    for recommendation, decision, actions in QUARTER_ROWS:
        first = row
        for action in actions:
            for c, value in enumerate(action, 3):
                if value:
                    _write(sheet, row, c, value)
            row += 1
        _write(sheet, first, 1, recommendation)
        _write(sheet, first, 2, decision)
        for c in (1, 2):
            sheet.merge_cells(start_row=first, start_column=c, end_row=row - 1, end_column=c)
    book.save(str(path))
    return path

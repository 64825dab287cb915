"""Reading management response matrices from Word and Excel, and writing the Excel tracker.

The parsing is pure (cell texts in, plain data and located notes out); only `readers` and
`workbook` touch python-docx and openpyxl, which come with the `office` extra.
"""

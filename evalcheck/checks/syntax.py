"""The yaml family: problems the located loader finds before there is any data to check."""

from evalcheck.checks import source_check
from evalcheck.problems import Severity

source_check("yaml-syntax", "yaml", Severity.ERROR, """\
The file is not well-formed YAML.

Why: nothing else can be checked until the file can be read; the position is where the
parser gave up, which is often just after the real mistake (an unclosed bracket or quote,
a tab used for indentation, a line indented differently from its neighbours).

Bad:
    kind: evaluation
    title: [Mid-term evaluation
Good:
    kind: evaluation
    title: Mid-term evaluation
""")

source_check("duplicate-key", "yaml", Severity.ERROR, """\
A mapping repeats a key.

Why: YAML readers silently keep only one of the two values (PyYAML keeps the last), so a
field edited in one place can be overridden by a forgotten copy further down.

Bad:
    kind: evaluation
    status: ongoing
    status: completed
Good:
    kind: evaluation
    status: completed
""")

source_check("ambiguous-scalar", "yaml", Severity.ERROR, """\
An unquoted value that YAML reads as yes/no, a number or a date where the schema wants text.

Why: YAML 1.1 reads NO (Norway), yes, on and off as true/false, 1.10 as the number 1.1 and
12:30 as 750; other YAML tools read 1e3 as a number. The record would silently say
something other than what was typed.

Bad:
    kind: management-response
    responses:
      - recommendation: R1
        actions:
          - id: 1.10
            description: Share the findings
            responsible: [me-unit]
Good:
    kind: management-response
    responses:
      - recommendation: R1
        actions:
          - id: "1.10"
            description: Share the findings
            responsible: [me-unit]
""")

source_check("unsafe-yaml", "yaml", Severity.ERROR, """\
The file uses YAML features that can run code or exhaust memory, or is not UTF-8 text.

Why: records arrive through pull requests, some from forks. evalcheck never constructs
program objects (tags like !!python/object), refuses alias expansion bombs ("billion
laughs"), merge keys, nesting or size beyond its limits, and bytes that are not UTF-8.

Bad:
    kind: evaluation
    title: !!python/object/apply:os.system ["echo hi"]
Good:
    kind: evaluation
    title: Mid-term evaluation
""")

"""Review: look at a claim table, check it for contradictions, verify it against known figures.

    figures.py   how precisely a figure is written, value intervals, periods one step back
    check.py     `zhclaims check`: contradictions within an article and across a batch
    arithmetic.py  the checks that compute: growth against two levels, parts against a total
    facts.py     reference tables of published figures (entity, metric, period, value, unit)
    verify.py    `zhclaims verify`: each claim against the reference table
    marks.py     what the report marks in each article: claims, gold, a rule change's diff
    report.py    `zhclaims report`: one self-contained HTML page (write_report)

Review comes after evaluation in the flow: it reads claim tables and the articles they
come from, and imports `io`, `eval`, `text` and `rules`, never the extraction stages.
"""

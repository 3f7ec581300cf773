"""Review 35, F3, through the real CLI: an English title that names "Groupe Renault", "Tesla
Deutschland" or "Le Mans" is English, and writes its decimals with a point. A proper name of
another language is no evidence of the text's language: such titles lost their figure ("41.9%"
read with a decimal comma has no reading), and so the figure the clustering joins reports by.
German and French titles keep theirs (tests/test_cli_european_figures_of_trial46.py)."""

from __future__ import annotations

import json

TITLES = [
    ("Tesla Deutschland: Model Y registrations down 41.9% in May", 41.9),
    ("Groupe Renault sales fall 2.5% in first half", 2.5),
    ("Renault Groupe H1 revenue rises 2.5%", 2.5),
    ("Groupe PSA profit margin hits 8.5%", 8.5),
    ("Luca de Meo: Renault Le Mans plant output falls 2.5%", 2.5),
]
# Still read with a decimal comma: a text of that language.
FRENCH = ("Le marché automobile européen recule de 2,1 % en novembre", 2.1)


def test_a_foreign_name_in_an_english_title_keeps_its_decimal_figure(cli) -> None:
    told = [*TITLES, FRENCH]
    result = cli("classify", "--format", "jsonl", stdin="\n".join(t for t, _ in told) + "\n")
    assert result.code == 0, result.err
    labels = [json.loads(line) for line in result.out.splitlines()]
    for (title, value), label in zip(told, labels, strict=True):
        percents = [(f["kind"], f["value"]) for f in label["figures"]]
        assert percents == [("percent", value)], title

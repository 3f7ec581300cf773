"""Why a pair is not proven one event: the reasons ``proof.unproven`` gives, as `autonews story
A B` tells a reader."""

from __future__ import annotations

# Why a pair is not proven one event (``unproven``), as `autonews story A B` tells a reader.
ONE_COMMON_WORD = (
    "all they share is one common word, and each title names a company or a name of its own "
    "(what happens to two companies told by one verb or one industry's word is two events)"
)
ONLY_TRADE_WORDS = (
    "all they share is a trade's everyday words or a place (a truck, a school bus, freight, a "
    "fleet, a state), and each title names a company of its own: on a trade feed every item "
    "names them"
)
ONE_THEME = (
    "all they share is one concept (a chip, a tariff), and one title names a maker the other "
    "does not, while the other names a name of its own (an index, a company): a market's chip "
    "rally is no maker's chip shortage"
)
ONLY_A_PLACE = (
    "both name the maker, and besides it share only a place many of its items name (or, for a "
    "commentary, a technology or theme its news keeps returning to: hybrids, robotaxis, "
    "tariffs), and no figure"
)
TOO_LITTLE_WITH_MAKER = (
    "both name the maker, and a merge needs a subject besides it (a model, a part or fault, a "
    "counterpart, a place few items name) or a figure both tell that marks an event (a count from "
    "100, a sum, a percentage; not a small count such as years in a post)"
)
NOTHING_IN_TITLES = (
    "the titles name nothing in common, and items that do not both name a maker need a "
    "subject both titles name (a company, a model, a part or fault, a place)"
)
TOO_LITTLE_OF_TITLES = (
    "what both titles name is too small a part of what each names to be one subject"
)
ONLY_A_COMPANY_OR_PLACE = (
    "car news naming no maker needs more than a company or a place both titles name: a figure "
    "both titles give, two places, or, for one company, the same day's market reaction or a "
    "figure one title gives and the other's lead tells under a title that tells nothing else"
)
ONLY_A_MATERIAL = (
    "all both titles name is a battery material or storage (nickel, cobalt, graphite, energy "
    "storage), which a price note, a quota, a mine's output and a storage plant share: two "
    "events without a name or figure besides"
)
ONE_THEME_NO_MAKER = (
    "all both titles name is one theme (the grid or solar, hybrids, tariffs), and neither names "
    "a maker: car news naming no maker needs a second subject, a company, a place or a figure"
)
FIGURE_ALONE = (
    "all they share is a figure: their texts have no word in common, and a number two texts "
    "give of different things (a chart's 200, 200 residents evacuated) is no event"
)
ONE_THEME_TWO_KINDS = (
    "all they share is a place or one theme of the industry (hybrids, EVs, tariffs), no figure, "
    "and only one tells a maker's sales of a month (sales on hybrid demand / a hybrid's launch): "
    "a theme is what a maker's news keeps returning to, no event"
)
A_WRAP_AND_NEWS = (
    'one is a market\'s day (a wrap: "Seoul shares close higher on chip rally"), the other '
    "news, and all they share is one term (a sector, a theme), no figure: the day's news and "
    "the market's day name the same themes"
)
TOO_LITTLE_NO_MAKER = (
    "what both titles name weighs too little: items that do not both name a maker need a name "
    "few items use, or two"
)

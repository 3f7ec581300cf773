"""`--event probe` (trial 48): every stage of a regulator's investigation — opened, upgraded to
an engineering analysis, closed — is legal news, mixed with lawsuits under `--event legal`; a
service director asks for the probes alone, or legal news but them."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import Clock
from tests.helpers.site import Site
from tests.test_new_over_time import entry, publish, titles

OPENED = "US opens probe into 178,000 Hyundai Ioniq 5, Ioniq 6 EVs over loss of power"
UPGRADED = "NHTSA upgrades GM 8-speed transmission investigation to engineering analysis"
CLOSED = "US closes probe into Honda Accord, HR-V braking complaints without recall"
SUED = "Ford sued by truck owners over 10-speed transmission defects"
CLASS_ACTION = "Jeep 4xe Class Action Lawsuit Says Owners Can't Use Plug-In Hybrids"
RECALL = "Toyota recalls 145,000 Grand Highlander SUVs over air bag sensor"


def test_probes_are_asked_for_apart_from_lawsuits(
    cli, home: Path, site: Site, clock: Clock
) -> None:
    news = [OPENED, UPGRADED, CLOSED, SUED, CLASS_ACTION, RECALL]
    url = publish(site, "/n.xml", [entry(clock, t, n, 1 + n) for n, t in enumerate(news)])
    digest = ("digest", "--feed", url, "--no-extract", "--format", "json")
    assert titles(cli(*digest)) == sorted(news)
    probes = sorted([OPENED, UPGRADED, CLOSED])
    assert titles(cli(*digest, "--offline", "--event", "legal")) == sorted(
        [*probes, SUED, CLASS_ACTION]
    )
    assert titles(cli(*digest, "--offline", "--event", "probe")) == probes
    assert titles(cli(*digest, "--offline", "--event", "investigations")) == probes
    lawsuits = cli(*digest, "--offline", "--event", "legal", "--exclude-event", "probe")
    assert titles(lawsuits) == sorted([SUED, CLASS_ACTION])
    # Ford's news is a lawsuit, no probe: the digest says what it looked for.
    none = cli(*digest[:-2], "--offline", "--maker", "Ford", "--event", "probe")
    assert "labelled legal (probe)" in none.out, none.out


def test_a_recall_that_ends_a_probe_is_one_a_probe_filter_takes(
    cli, home: Path, site: Site, clock: Clock
) -> None:
    """A recall whose title names the probe it ends is a stage of it; a recall's other source
    that names a probe does not make the recall one."""
    ending = "Hyundai recalls 190,000 EVs over power loss, ending US probe"
    url = publish(site, "/n.xml", [entry(clock, ending, 1, 2), entry(clock, RECALL, 2, 1)])
    digest = ("digest", "--feed", url, "--no-extract", "--format", "json")
    assert titles(cli(*digest, "--event", "probe")) == [ending]
    assert titles(cli(*digest, "--offline", "--event", "recall")) == sorted([ending, RECALL])

"""justext's stop words, read once per worker and handed to it as they are.

trafilatura's last fallback on a page its own extractor and readability both miss is justext, which
weighs each paragraph by its share of stop words. autonews never tells trafilatura a page's
language, so justext gets the union of all its 100 stop lists (154,000 words): trafilatura builds
it as a tuple on the first such page in each process (decoding and lower-casing the lists word by
word, 0.1 s of CPU), justext makes a lower-cased frozenset of that (0.06 s) and keeps it, and then
hashes the whole tuple to find it again on every later page (3 ms). Here the union is read list by
list, each decoded and lower-cased whole (0.05 s, the same words), kept as the frozenset justext
would make of it, and handed to justext as it is: the same words weigh every paragraph, and the
extracted text is the same.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Iterable
from typing import Any


def read_stop_words(folder: str, names: Iterable[str]) -> frozenset[str]:
    """The words of the stop lists ``names`` (``NAME.txt`` in ``folder``, UTF-8, a word a line),
    lower-cased: what trafilatura's union of justext's lists holds, read a list at a time."""
    words: set[str] = set()
    for name in names:
        with open(os.path.join(folder, f"{name}.txt"), "rb") as file:
            # A whole list at a time, not a line: the same words (a line break is neither a
            # letter nor ignorable to case mapping, so no letter lower-cases differently beside
            # one). Lines as justext splits them (bytes.splitlines: \n, \r and \r\n only).
            text = file.read().decode("utf-8").lower()
        lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        if lines[-1] == "":  # the list's last line break ends a line, it does not start one
            lines.pop()
        words.update(lines)
    return frozenset(words)


@functools.cache
def install() -> bool:
    """From now on in this process, trafilatura's justext fallback reads the stop words built
    here, once. False (nothing changed) where trafilatura or justext are not as expected."""
    try:
        import justext
        import justext.core
        import trafilatura.external
        from justext.utils import get_stoplists
    except ImportError:
        return False
    # Their private parts, changed here: looked at as what they are, not as typed.
    core: Any = justext.core
    external: Any = trafilatura.external
    original: Callable[[Any], frozenset[str]] | None = getattr(core, "define_stoplist", None)
    package = getattr(justext, "__file__", None)
    if original is None or package is None or not hasattr(external, "jt_stoplist_init"):
        return False
    folder = os.path.join(os.path.dirname(package), "stoplists")

    def all_stop_words() -> frozenset[str]:
        words = read_stop_words(folder, get_stoplists())
        external.JT_STOPLIST = words
        return words

    def define_stoplist(stoplist: Any) -> frozenset[str]:
        # The union built above is already what justext would make of it: lower-cased words
        # (lower-casing is idempotent), in a frozenset.
        if stoplist is external.JT_STOPLIST and isinstance(stoplist, frozenset):
            return stoplist
        return original(stoplist)

    external.jt_stoplist_init = all_stop_words
    core.define_stoplist = define_stoplist
    return True

"""justext's stop words (trafilatura's last fallback, for pages its own extractor and readability
miss) are read once in a process and handed to justext as they are: the same words weigh the
paragraphs, and a page's extracted text is the same as with trafilatura's own reading of them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import justext
import justext.core
from justext.utils import get_stoplist, get_stoplists
from trafilatura import external

from autonews.extract import extract_html
from autonews.stop_words import read_stop_words

ROOT = Path(__file__).resolve().parent.parent
# A WeChat article whose text trafilatura's extractor and readability both miss: justext reads it.
JUSTEXT_PAGE = ROOT / "benchmarks" / "pages" / "zh_wechat_smart_driving.html"
URL = "https://mp.example/s/smart-driving"


def test_the_words_read_are_trafilaturas_union_of_justexts_lists_lower_cased() -> None:
    folder = Path(justext.__file__).parent / "stoplists"
    words = read_stop_words(str(folder), get_stoplists())
    # trafilatura's own union (trafilatura.external.jt_stoplist_init)
    assert words == {word for language in get_stoplists() for word in get_stoplist(language)}
    # what justext makes of a stop list before weighing with it: the same set
    assert frozenset(word.lower() for word in words) == words


def test_justext_is_handed_the_words_as_they_are_after_a_page_it_reads() -> None:
    """Before, each worker built a tuple of the words on its first such page (0.1 s of CPU),
    justext a frozenset of that (0.06 s), and every later page hashed the tuple again (3 ms)."""
    article = extract_html(URL, JUSTEXT_PAGE.read_text("utf-8"))
    assert article.text  # read, by justext
    words = external.JT_STOPLIST
    assert isinstance(words, frozenset) and len(words) > 100_000
    assert justext.core.define_stoplist(words) is words
    assert justext.core.define_stoplist(("The", "und")) == {"the", "und"}  # others as before


_EXTRACT = """
import json, sys
import autonews.stop_words
if sys.argv[1] == "plain":
    autonews.stop_words.install = lambda: False
from autonews.extract import extract_html
article = extract_html(sys.argv[2], open(sys.argv[3], encoding="utf-8").read())
print(json.dumps([article.title, article.text, article.skipped]))
"""


def _extracted(how: str) -> list[str]:
    done = subprocess.run(
        [sys.executable, "-c", _EXTRACT, how, URL, str(JUSTEXT_PAGE)],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    return list(json.loads(done.stdout))


def test_a_page_justext_reads_gives_the_same_text_as_with_trafilaturas_own_words() -> None:
    assert _extracted("installed") == _extracted("plain")

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from autonews.text import clean_text, first_sentences, html_to_text


def test_strips_ansi_osc_c1_and_bidi() -> None:
    hostile = "A\x1b[2J\x1b[31mB\x1b]0;title\x07C\x9b31mD\u202eE\u2066F\x00G"
    assert clean_text(hostile) == "ABCDEFG"


def test_html_to_text_drops_scripts_and_decodes_entities() -> None:
    text = html_to_text("<p>Hi &amp; <script>alert(1)</script><b>bye</b></p><img src=x>")
    assert text == "Hi & bye"


def test_first_sentences() -> None:
    text = "Volvo recalls cars. The fault is a halfshaft. Owners will be told."
    assert first_sentences(text) == "Volvo recalls cars. The fault is a halfshaft."
    assert (
        first_sentences("小米调整销售组织。不再设置专属岗位。其他内容。")
        == "小米调整销售组织。不再设置专属岗位。"
    )
    # Paragraphs run into one summary: no space after a Chinese sentence (trial 40), one after
    # a Latin one, also before a Chinese sentence.
    assert first_sentences("阿维塔召回3206辆。\nIT之家了解到，以官方为准。") == (
        "阿维塔召回3206辆。IT之家了解到，以官方为准。"
    )
    assert first_sentences("他说：“召回。”\n另有消息。") == "他说：“召回。”另有消息。"
    assert (
        first_sentences("Avatr recalls cars.\n阿维塔召回。") == "Avatr recalls cars. 阿维塔召回。"
    )


def test_an_abbreviations_full_stop_ends_no_sentence_of_a_summary() -> None:
    """Trial 43's re-check: summaries stopped at "…weigh the cost of U.S." (its full stop read
    as a sentence's end). Initialisms, titles and short months end none, nor does a full stop a
    word in lower case follows; a company's "Corp." before a new sentence does."""
    body = "Automakers weigh the cost of U.S. tariffs on parts. Shares fell. Markets closed."
    assert (
        first_sentences(body) == "Automakers weigh the cost of U.S. tariffs on parts. Shares fell."
    )
    dated = "Toyota said on Dec. 5 it would recall cars. Mr. Toyoda apologised. More follows."
    assert (
        first_sentences(dated)
        == "Toyota said on Dec. 5 it would recall cars. Mr. Toyoda apologised."
    )
    corp = "The maker is Toyota Motor Corp. The recall covers 1 million cars. More follows."
    assert (
        first_sentences(corp) == "The maker is Toyota Motor Corp. The recall covers 1 million cars."
    )


@given(st.text())
def test_clean_text_is_idempotent_and_control_free(text: str) -> None:
    once = clean_text(text)
    assert clean_text(once) == once
    assert "\x1b" not in once
    assert not any(ord(c) < 32 for c in once)


@given(st.text())
def test_html_to_text_output_is_one_clean_line(text: str) -> None:
    out = html_to_text(text)
    assert not any(ord(c) < 32 or 0x7F <= ord(c) <= 0x9F for c in out)
    assert out == out.strip()


def test_a_wires_credit_line_is_no_sentence_of_a_summary() -> None:
    """Trial 31: "Reporting by staff; editing by the desk." ended the summaries of a wire."""
    body = (
        "The European Commission approved the acquisition unconditionally. "
        "Reporting by Nick Carey; Editing by Mark Potter. (Additional reporting by Jo Lee.) "
        "The deal closes next month."
    )
    assert first_sentences(body) == (
        "The European Commission approved the acquisition unconditionally. "
        "The deal closes next month."
    )

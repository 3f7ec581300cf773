"""Numbers as headlines write them: digits with thousands separators and decimals, and the scale
after them (万, 亿, million, mn, mln, bln, thousand, k...). The classifier's figures and
clustering's figures read numbers with these same patterns and one table of scales.
"""

from __future__ import annotations

# A number not glued to a word or another number. The lookbehind comes after the first digit
# (it looks at the character before that digit), so the pattern starts with a digit and the
# regex engine skips to the digits instead of trying the lookbehind at every character.
# Indian English groups lakhs and crores by two digits ("1,81,531" is 181,531; "1,03,412"):
# tried first, as the thousands' grouping reads only "1" of it.
NUMBER = (
    r"\d(?<![A-Za-z\d.,]\d)"
    r"(?:\d?(?:,\d{2})+,\d{3}(?!\d|,\d)(?:\.\d+)?|\d{0,2}(?:,\d{3})+(?:\.\d+)?|\d*(?:\.\d+)?)"
)
# A number as German, French and most of Europe write it: a dot groups thousands, a comma marks
# decimals ("24.214", "225.500", "1,2 Mrd.", "2,1 %"). Which of the two a text uses is read from
# its words (``autonews.classify.figure_language``).
DECIMAL_COMMA_NUMBER = r"\d(?<![A-Za-z\d.,]\d)(?:\d{0,2}(?:\.\d{3})+(?:,\d+)?|\d*(?:,\d+)?)"

# Each scale as a power of ten: values are made from the digits exactly (46.98万 is 469,800,
# where 46.98 * 1e4 in floating point is 469,799.99999999994).
SCALES = {
    "thousand": 3,
    "k": 3,
    "million": 6,
    "mn": 6,
    "mln": 6,
    "m": 6,
    "billion": 9,
    "bn": 9,
    "bln": 9,
    "trillion": 12,
    "tn": 12,  # "3.4tn yen" (Nikkei, the FT; trial 50 read no figure)
    "trn": 12,
    "tril": 12,  # Yonhap: "125 tril. won" (trial 55 read no figure), as "1.7 bln won" was read
    # German and French: "1,2 Mrd. Euro", "3 Mio.", "zwei Milliarden", "1,7 milliard d'euros",
    # "2,5 Md€" (Les Echos)
    "tsd": 3,
    "mio": 6,
    "millionen": 6,
    "millions": 6,
    "mrd": 9,
    "milliarde": 9,
    "milliarden": 9,
    "milliard": 9,
    "milliards": 9,
    "md": 9,
    "mds": 9,
    "lakh crore": 12,  # before lakh: "Rs 1.89 lakh crore" is 1.89e12 rupees
    "lakh crores": 12,
    "lakh": 5,  # Indian English: "1.08 Lakh XUV700 SUVs" are 108,000
    "lakhs": 5,
    "crore": 7,
    "crores": 7,
    "万亿": 12,  # before 万: "1.8万亿韩元" is 1.8 trillion won, not 18,000
    "萬億": 12,
    "万": 4,
    "萬": 4,
    "亿": 8,
    "億": 8,
    "兆": 12,  # a trillion in money (Taiwan, Japan); see CJK_SCALES
}
# Money words a Chinese amount ends in (Simplified and Traditional), with their currency: for
# the classifier's figures, and for 兆, which before money is a trillion ("5.35兆日圓") and
# elsewhere, in mainland usage, mega ("100兆瓦", 100 MW).
CJK_CURRENCIES = {
    **dict.fromkeys("元 人民币 人民幣".split(), "CNY"),
    **dict.fromkeys("美元 美金".split(), "USD"),
    **dict.fromkeys("欧元 歐元".split(), "EUR"),
    **dict.fromkeys("日元 日圓 日圆 日币 日幣".split(), "JPY"),
    **dict.fromkeys("韩元 韓元".split(), "KRW"),
    **dict.fromkeys("港元 港币 港幣".split(), "HKD"),
    **dict.fromkeys("新台币 新台幣 台币 台幣".split(), "TWD"),
    **dict.fromkeys("英镑 英鎊".split(), "GBP"),
}
CJK_MONEY = "|".join(sorted(CJK_CURRENCIES, key=len, reverse=True))  # the longest name first
# Alternations for a pattern (case-insensitive): the words end at a word boundary (put ``\b``
# after them: "5m" but not "5 models"); Chinese scales have no boundary before the next word.
SCALE_WORDS = "|".join(word for word in SCALES if word.isascii())
CJK_SCALES = "|".join(
    word if word != "兆" else f"兆(?=(?:{CJK_MONEY}))" for word in SCALES if not word.isascii()
)


# Scales written short with a stop after them ("1,2 Mrd. Euro"): the stop is part of the scale.
ABBREVIATED = frozenset(("tsd", "mio", "mrd", "md", "mds"))


def number_value(digits: str, scale: str | None = None, decimal_comma: bool = False) -> float:
    """The value of a number as written: "14,768" -> 14768.0; "1.48" with "万" -> 14800.0;
    "2.2" with "Billion" -> 2.2e9: the float nearest the decimal value, not a product of
    floats. With ``decimal_comma`` (DECIMAL_COMMA_NUMBER), "24.214" -> 24214.0 and "1,2" with
    "Mrd" -> 1.2e9."""
    if decimal_comma:
        digits = digits.replace(".", "").replace(",", ".")
    plain = digits.replace(",", "")
    if not scale:
        return float(plain)
    whole, _, fraction = plain.partition(".")
    power = SCALES[scale.lower()] - len(fraction)
    mantissa = int(whole + fraction)
    return float(mantissa * 10**power) if power >= 0 else mantissa / 10**-power

"""Words of money and of a price's terms: no subject of any event (a data table).

"Rs 21.90 lakh" and "₹8.49 lakh (ex-showroom)" are two launches' prices: the sums are compared
as figures, and the currency, the scale and the formula around them tell nothing of which event
an item reports (trial 45: one maker's two launches the same day shared only "rs" and "lakh").
The scales of ``autonews.numbers`` count too, as do their spellings in the languages feeds are
written in; Chinese ones (万元, 亿) are characters of grammar already (``FUNCTION_CHARS``).
"""

from __future__ import annotations

from autonews.classify.lexicon import stem
from autonews.numbers import SCALES

# Currencies by name, code and abbreviation; then scales as other languages abbreviate or
# write them (German Mio./Mrd., French milliards, Spanish millones, Polish mln/mld, "lac"
# for lakh, "cr" for crore); then the words of a price's terms ("onwards", "introductory").
_WORDS = """
rs rs. inr rupee rupees rupiah paise usd eur gbp cny jpy krw hkd twd aud cad chf sek nok dkk
rmb yuan renminbi yen euro euros dollar dollars pound pounds sterling franc francs peso pesos
reais ringgit baht dong lira zloty koruna krona kronor kroner forint ruble rubles rouble roubles
rand dirham dirhams riyal riyals
cr crs lac lacs tn trn mio mrd mill mld tys thsd tausend millionen milliarde milliarden
millions milliard milliards millones millon miliardi milioni miliardo milione
onwards onward introductory pc
"""

# Two words that are one formula of a price: "ex-showroom", "on-road", "ex-factory" (the
# showroom of "ex-showroom" is no dealer's).
PRICE_PHRASES = frozenset({("ex", "showroom"), ("on", "road"), ("ex", "factory"), ("ex", "works")})

_ALL = frozenset(_WORDS.split()) | frozenset(w for w in SCALES if w.isascii()) | {"ex"}
MONEY_WORDS = _ALL | frozenset(map(stem, _ALL))

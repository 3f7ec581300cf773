"""Which country a region or city lies in (concepts of ``knowledge/concepts.toml``; a data table),
which places are cities, a maker's home country, and the countries a title places its news in.

"Tesla's Berlin plant" and "Tesla's German plant", "Honda's Ontario EV plan" and "Honda's
Canadian EV factory" tell one place at two scales: a title naming a region names its country
too (``features``), as a term of its own, weighed by rarity like any other. Places whose name
is shared with a country (Georgia) are left out.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from autonews.cluster.concept_sets import COUNTRIES

_PLACES = {
    "china": """
shanghai beijing shenzhen guangzhou hefei wuhan chongqing hangzhou ningbo changsha xian chengdu
tianjin changchun shenyang nanjing suzhou changzhou zhengzhou liuzhou wuhu ningde xiangyang xiamen
fuzhou quanzhou qingdao jinan yantai dalian harbin daqing kunming nanning guiyang nanchang wuxi
yancheng nantong xuzhou yangzhou kunshan zhangjiagang taizhou jinhua wenzhou shaoxing jiaxing huzhou
foshan dongguan zhaoqing zhuhai huizhou jiangmen shantou baoding tangshan shijiazhuang taiyuan
jinzhong luoyang xuchang zhuzhou xiangtan shiyan xiaogan yichang ganzhou yichun shangrao yibin
mianyang suining baotou ordos hohhot urumqi lanzhou xining haikou sanya chuzhou bengbu huaian
guangdong zhejiang jiangsu anhui shandong hainan xinjiang hubei hunan henan hebei jilin liaoning
heilongjiang sichuan shaanxi shanxi jiangxi fujian guangxi yunnan guizhou inner-mongolia gansu
qinghai ningxia tibet yangtze-delta pearl-river-delta jing-jin-ji northeast-china chengdu-chongqing
""",
    "germany": """
berlin wolfsburg munich bavaria stuttgart ingolstadt zwickau emden dresden leipzig osnabrueck
cologne
ruesselsheim dingolfing sindelfingen saarlouis hanover lower-saxony saxony thuringia neckarsulm
zuffenhausen rastatt bremen bremerhaven regensburg eisenach kassel salzgitter braunschweig hamburg
""",
    "belgium": "antwerp ghent",
    "netherlands": "rotterdam",
    "france": "hauts-de-france sochaux poissy",
    "italy": "turin milan melfi cassino pomigliano termoli modena",
    "uk": "london sunderland coventry ellesmere-port luton swindon oxford crewe west-midlands",
    "spain": "barcelona zaragoza vigo pamplona valladolid valencia",
    "sweden": "gothenburg skelleftea trollhattan",
    "switzerland": "geneva",
    "hungary": "debrecen szeged gyor kecskemet",
    "czechia": "mlada-boleslav",
    "slovakia": "zilina nitra trnava",
    "poland": "tychy poznan wroclaw",
    "serbia": "kragujevac",
    "romania": "craiova mioveni",
    "austria": "graz",
    "turkey": "bursa kocaeli manisa",
    "japan": "nagoya hiroshima osaka shizuoka tochigi gunma saitama suzuka kyushu yokohama",
    "south-korea": "ulsan busan gwangju asan hwaseong gunsan changwon incheon pyeongtaek",
    "india": "pune delhi-ncr mumbai bengaluru hyderabad andhra-pradesh uttar-pradesh kolkata "
    "chennai gujarat",
    "thailand": "rayong",
    "malaysia": "penang johor",
    "indonesia": "west-java",
    "mexico": "monterrey puebla guanajuato coahuila hermosillo aguascalientes san-luis-potosi "
    "jalisco",
    "brazil": "sao-paulo bahia minas-gerais parana",
    "canada": "ontario quebec",
    "us": """
california texas michigan ohio alabama tennessee kentucky south-carolina north-carolina indiana
illinois arizona nevada new-york florida mississippi kansas pennsylvania new-jersey massachusetts
oregon colorado utah minnesota wisconsin missouri louisiana virginia maryland washington-state
oklahoma new-mexico georgia detroit austin fremont dearborn silicon-valley san-francisco los-angeles
chicago houston dallas atlanta seattle boston pittsburgh miami phoenix spartanburg chattanooga
savannah metaplant-america
""",
}

# Concept term of a place -> concept term of its country: "c:berlin" -> "c:germany".
COUNTRY_OF = {
    "c:" + place: "c:" + country for country, places in _PLACES.items() for place in places.split()
}

# The regions above (states, provinces, a country's parts): the rest are cities. Two titles naming
# different cities tell what happened in each (a robotaxi launch in Miami / in Austin); a region
# and a city in it may be one place told at two scales.
_REGIONS = """
guangdong zhejiang jiangsu anhui shandong hainan xinjiang hubei hunan henan hebei jilin liaoning
heilongjiang sichuan shaanxi shanxi jiangxi fujian guangxi yunnan guizhou inner-mongolia gansu
qinghai ningxia tibet yangtze-delta pearl-river-delta jing-jin-ji northeast-china chengdu-chongqing
lower-saxony saxony thuringia bavaria hauts-de-france west-midlands andhra-pradesh uttar-pradesh
gujarat
delhi-ncr west-java johor penang kyushu shizuoka tochigi gunma saitama guanajuato coahuila jalisco
aguascalientes san-luis-potosi puebla sao-paulo bahia minas-gerais parana ontario quebec
california texas michigan ohio alabama tennessee kentucky south-carolina north-carolina indiana
illinois arizona nevada new-york florida mississippi kansas pennsylvania new-jersey massachusetts
oregon colorado utah minnesota wisconsin missouri louisiana virginia maryland washington-state
oklahoma new-mexico georgia silicon-valley
""".split()

# Concept terms of the cities: "c:miami". Capitals whose names also stand for their
# governments ("Beijing vows to retaliate", "Berlin urges talks") are left out, and so is the
# city whose name stands for the US car industry ("Detroit bets on affordability").
_GOVERNMENTS = "beijing berlin london"
_INDUSTRIES = "detroit"
CITIES = frozenset(COUNTRY_OF) - frozenset(
    "c:" + place for place in [*_REGIONS, *_GOVERNMENTS.split(), *_INDUSTRIES.split()]
)

# Towns and the cities they lie in or beside: one place told at two scales.
METRO = {
    "c:" + town: "c:" + city
    for city, towns in {
        "stuttgart": "zuffenhausen sindelfingen",
        "detroit": "dearborn",
        "suzhou": "kunshan zhangjiagang",
        "san-francisco": "fremont",
        "munich": "dingolfing",
        "wolfsburg": "braunschweig salzgitter",
    }.items()
    for town in towns.split()
}

# The region each city lies in, where the regions above name it (a city governed as a region of
# its own, Shanghai, is its own): a title naming a region and one naming a city of another region
# tell two places of one country, no event (a horse auction in Xinjiang / BMW's plant in
# Shenyang), where Dearborn and Michigan may be one place told at two scales.
_CITIES_OF_REGIONS = {
    "guangdong": "shenzhen guangzhou foshan dongguan zhaoqing zhuhai huizhou jiangmen shantou",
    "anhui": "hefei wuhu chuzhou bengbu",
    "hubei": "wuhan xiangyang shiyan xiaogan yichang",
    "hunan": "changsha zhuzhou xiangtan",
    "shaanxi": "xian",
    "sichuan": "chengdu yibin mianyang suining",
    "jilin": "changchun",
    "liaoning": "shenyang dalian",
    "jiangsu": "nanjing suzhou changzhou wuxi yancheng nantong xuzhou yangzhou kunshan "
    "zhangjiagang huaian",
    "henan": "zhengzhou luoyang xuchang",
    "guangxi": "liuzhou nanning",
    "zhejiang": "ningbo hangzhou jinhua wenzhou shaoxing jiaxing huzhou",
    "fujian": "ningde fuzhou quanzhou xiamen",
    "shandong": "qingdao jinan yantai",
    "heilongjiang": "harbin daqing",
    "yunnan": "kunming",
    "guizhou": "guiyang",
    "jiangxi": "nanchang ganzhou shangrao",
    "hebei": "baoding tangshan shijiazhuang",
    "shanxi": "taiyuan jinzhong",
    "inner-mongolia": "baotou ordos hohhot",
    "xinjiang": "urumqi",
    "gansu": "lanzhou",
    "qinghai": "xining",
    "hainan": "haikou sanya",
    "shanghai": "shanghai",
    "beijing": "beijing",
    "tianjin": "tianjin",
    "chongqing": "chongqing",
    "michigan": "detroit dearborn",
    "texas": "austin houston dallas",
    "california": "fremont san-francisco los-angeles",
    "illinois": "chicago",
    "washington-state": "seattle",
    "massachusetts": "boston",
    "pennsylvania": "pittsburgh",
    "florida": "miami",
    "arizona": "phoenix",
    "south-carolina": "spartanburg",
    "tennessee": "chattanooga",
    "lower-saxony": "wolfsburg emden osnabrueck hanover salzgitter braunschweig",
    "bavaria": "munich ingolstadt dingolfing regensburg",
    "saxony": "zwickau dresden leipzig",
    "thuringia": "eisenach",
}
REGION_OF = {
    "c:" + city: "c:" + region
    for region, cities in _CITIES_OF_REGIONS.items()
    for city in cities.split()
}
# The regions that hold only the cities listed for them: a province, a state (not a delta or
# a country's north-east, which hold others).
_MAPPED_REGIONS = frozenset(REGION_OF.values())


def one_place(a: str, b: str) -> bool:
    """Whether two places of one country may be one place told at two scales: the same, a
    town and its city, a city and its region; or, where the table does not tell, may be.
    Two cities, two regions, or a region and a city of another are two places."""
    a, b = METRO.get(a, a), METRO.get(b, b)
    if a == b:
        return True
    region_a, region_b = REGION_OF.get(a), REGION_OF.get(b)
    if region_a is not None and region_b is not None:
        return False  # two cities
    if a in _MAPPED_REGIONS and b in _MAPPED_REGIONS:
        return False  # two provinces, two states
    if a in _MAPPED_REGIONS and region_b is not None:
        return region_b == a
    if b in _MAPPED_REGIONS and region_a is not None:
        return region_a == b
    return True


# A maker's home country (makers.toml's ISO code) as a concept term: "Chinese carmaker BYD opens
# its Hungarian plant" places the event in Hungary, not in China.
HOME = {
    code: "c:" + country
    for code, country in (
        ("CH", "switzerland"),
        ("CN", "china"),
        ("CZ", "czechia"),
        ("DE", "germany"),
        ("ES", "spain"),
        ("FR", "france"),
        ("GB", "uk"),
        ("HR", "croatia"),
        ("IN", "india"),
        ("IR", "iran"),
        ("IT", "italy"),
        ("JP", "japan"),
        ("KR", "south-korea"),
        ("MY", "malaysia"),
        ("NL", "netherlands"),
        ("RO", "romania"),
        ("RU", "russia"),
        ("SA", "saudi-arabia"),
        ("SE", "sweden"),
        ("TR", "turkey"),
        ("TW", "taiwan"),
        ("US", "us"),
        ("VN", "vietnam"),
    )
}

# The currency a home country's makers report in: a sum in another is a conversion, made at each
# outlet's own rate. Euro countries by the codes HOME knows.
_EURO = "DE ES FR HR IT NL"
_CURRENCIES = dict.fromkeys(_EURO.split(), "EUR") | {
    "CH": "CHF", "CN": "CNY", "CZ": "CZK", "GB": "GBP", "IN": "INR", "JP": "JPY", "KR": "KRW",
    "MY": "MYR", "RU": "RUB", "SE": "SEK", "TR": "TRY", "TW": "TWD", "US": "USD",
}  # fmt: skip
HOME_CURRENCY = {HOME[code]: currency for code, currency in _CURRENCIES.items() if code in HOME}


# Heads of state and government of the last decade, by the stem of the name headlines call them
# by (knowledge of the world, like the places above): "Biden quadruples tariff" is the US acting,
# "Trump's deal with South Korea" a deal of the US with Korea. Names shared with common words or
# other people are left out.
_LEADERS = {
    "us": "biden trump obama",
    "china": "jinp",  # Xi Jinping (the stem of "jinping")
    "canada": "trudeau carney",
    "france": "macron",
    "germany": "scholz merz merkel",
    "uk": "sunak starmer",
    "italy": "meloni",
    "india": "modi",
    "japan": "kishida ishiba takaichi",
    "turkey": "erdogan",
    "russia": "putin",
    "ukraine": "zelensky zelenskyy",
    "mexico": "sheinbaum",
    "brazil": "lula",
    "eu": "leyen",  # Ursula von der Leyen
}

# Stem of a leader's name -> concept term of the country: "biden" -> "c:us".
COUNTRY_OF_LEADER = {
    name: "c:" + country for country, names in _LEADERS.items() for name in names.split()
}


# Markets that hold others: a title naming Europe may tell of Germany ("Ford to cut 4,000 jobs
# in Europe" / "... European job cuts, mostly in Germany").
_EUROPE = frozenset(
    "c:" + country
    for country in """eu europe germany uk france italy spain hungary poland czechia slovakia
    romania serbia portugal netherlands belgium sweden norway denmark finland switzerland austria
    ireland greece slovenia croatia bulgaria lithuania latvia estonia luxembourg iceland
    cyprus""".split()
)
REGIONS = {"c:eu": _EUROPE, "c:europe": _EUROPE}


def markets(
    title: Mapping[str, int],
    implied: frozenset[str],
    plain: str,
    cjk: bool,
    told: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset()),
) -> frozenset[str]:
    """The countries a title places its news in: those it names or its places imply, and those
    whose currency it prices in (NT$, 人民币: a Taiwanese outlet's 售價209萬元 is Taiwan's price);
    but none where it names shares or a ticker (XPEV.US, 09868.HK): those tell where shares
    trade; nor those it only asks about ("台灣會跟進嗎？" asks whether Taiwan follows China's cut,
    it is China's news). ``cjk``: the title is written in Chinese; ``told``: the currencies of its
    sums and the countries it only asks about."""
    currencies, asked = told
    if "c:shares" in title or _TICKER.search(plain):
        return frozenset()
    found = (COUNTRIES.intersection(title) | implied) - REGIONS.keys()
    if cjk:
        # In Chinese, 国产, 国内 and 我国 (domestic, our country) name the outlet's own home,
        # Taiwan's as well as China's: no market there, unless the title names China itself.
        found -= {"c:china"}
        if _CHINA_NAMED.search(plain):
            found |= {"c:china"}
    found |= {CURRENCY_MARKET[c] for c in currencies if c in CURRENCY_MARKET}
    return found - asked


# The market a price in a currency places its news in; a dollar or a euro is many markets'.
CURRENCY_MARKET = {"TWD": "c:taiwan", "CNY": "c:china"}
# China named as such in a Chinese title, not as the outlet's home (国产, 国内, 我国).
_CHINA_NAMED = re.compile("中国(?!台湾)|大陆|人民币")  # (read as simplified)


_TICKER = re.compile(
    r"(?<![A-Za-z0-9])[0-9A-Z]{2,6}\.(?:US|HK|SH|SZ|SS|TW|T|L|DE|PA|MI|KS|O|N)(?![A-Za-z])"
)

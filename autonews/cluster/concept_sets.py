"""The concepts (ids of knowledge/concepts.toml) grouped by what they tell the clustering (a
data table): what happened rather than to what (action concepts), what happens to one side once
at a time (singular), a story's turns and stages, shares and prices, parts and chemistries, car
concepts and themes, posts, countries."""

from __future__ import annotations

from autonews.classify.title_notes import MARKET_CONCEPTS

# Concepts (ids of knowledge/concepts.toml) that name what happened or when, not what it
# happened to: two different recalls, two quarters' results, two appointments share them.
ACTION_CONCEPTS = frozenset(
    """
recall stop-sale do-not-drive repair complaints warranty insurance
probe summons lawsuit fine settlement verdict appeal criminal-charges fraud corruption antitrust
patent-ip trade-secrets sanctions export-controls tariff exemption anti-subsidy minimum-price
trade-dispute trade-agreement quota imports exports subsidy trade-in tax-credit purchase-tax ban
standard regulation approval revoke licensing regulatory-filing smuggling
launch debut pre-sale orders spy-shots concept-car facelift new-generation lineup special-edition
flagship test-drive testing pilot-program award milestone anniversary design rebrand new-brand
price price-cut price-rise price-war discount financing leasing affordable luxury inventory
dealer direct-sales customers drivers fleet
deliveries sales registrations bestseller ranking record-high record-low sharp-rise sharp-fall
doubling demand market-share revenue profit margin loss writedown forecast forecast-raise
profit-warning
sales-target earnings dividend buyback shares trading-halt market-value analyst credit-rating
cash-flow debt payment-arrears default bailout bankruptcy cost cost-cutting economy inflation
merger acquisition stake divestment spin-off ipo delisting take-private funding-round investment
share-offering joint-venture partnership deal supplier supply-chain technology-transfer talks
terminate strike-end strike-vote cancel delay expand market-entry market-exit overseas-expansion
localisation relocation strategy restructuring leadership-change startup legacy-automakers
foreign-brands domestic-brands state-owned shareholder executive board spokesperson appointment
resignation dismissal retirement pay workforce layoffs hiring labour-contract
plant production production-start production-halt production-cut ramp-up capacity overcapacity
plant-closure plant-construction shortage quality inspection
january february march april may june july august september october november december q1 q2 q3
q4 h1 h2 nine-months full-year year-on-year month-on-month year-to-date weekly year-end
deny allegation rumour confirm apologise respond reject criticise warn urge pledge threaten
consider near-deal compensation refund marketing social-media defect subscription
begin resume close-case complete again propose
ceo cfo cto coo chairman founder president
ev nev electrification passenger-car suv sedan hatchback mpv truck pickup van
""".split()
)

RELEASE = "c:results"  # the subject term of a maker's results release (with "@" and its side)

# What happens to a maker once at a time (knowledge/concepts.toml): two reports of a maker's
# bankruptcy, listing or strike within days tell one event, where two of its recalls or
# launches may tell two. Named in a title with its maker, such a concept is the subject.
# A chief leaving (resigning, ousted, retiring: one turn told three ways), a chief named, a
# profit warning, a raised forecast, a quarter's or a year's results are once at a time too: a
# maker has one chief executive, reports a period once and revises its forecast at one time.
# Concept -> the subject it makes (one for the three ways).
SINGULAR_CONCEPTS = {
    "c:" + concept: "c:" + concept
    for concept in """
bankruptcy ipo delisting take-private strike strike-vote merger spin-off bailout appointment
profit-warning
forecast-raise
q1 q2 q3 q4 h1 h2 nine-months full-year
""".split()
} | {"c:" + concept: "c:resignation" for concept in "resignation dismissal retirement".split()}
# A maker's results (earnings, profit or loss, revenue, margins), told within days, are one
# release: its reports quote different figures of it.
SINGULAR_CONCEPTS.update(
    {"c:" + concept: RELEASE for concept in "earnings profit loss revenue margin".split()}
)
# A strike's end is a turn of the strike: one subject with it ("ending six-week strike").
SINGULAR_CONCEPTS["c:strike-end"] = "c:strike"
# Those that are a maker's own only when its title opens with the maker ("GM raises forecast",
# not "Morgan Stanley raises forecast for Tesla deliveries").
SELF_SINGULAR = frozenset({"c:forecast-raise"})
# Those that are a maker's once at a time only when the title says of what: a chief's turn when
# it names a post ("Toyota names Koji Sato CEO", not "Toyota named most valuable brand"); a
# period's when it names results ("Hyundai annual sales", not "Hyundai annual wage talks").
PEOPLE_SINGULAR = frozenset(
    "c:" + c for c in "appointment resignation dismissal retirement".split()
)
PERIOD_SINGULAR = frozenset("c:" + c for c in "q1 q2 q3 q4 h1 h2 nine-months full-year".split())
RESULTS = frozenset(
    "c:" + c
    for c in """
earnings profit loss revenue deliveries sales forecast forecast-raise profit-warning
""".split()
)

# What a title names when it tells how others took an event (shares, analysts, a response): such
# an item is of the event it reacts to, whatever type the classifier gives it.
REACTIONS = frozenset(
    "c:" + concept
    for concept in """
shares market-value analyst respond criticise apologise warn urge reject
""".split()
)

# A maker's shares and which way a title tells they went (knowledge/concepts.toml for the
# concepts; the words as written, stemmed where they are read): two reports of one day's move
# the same way are one story (one_report.one_share_move); a move told "again" is another day's.
SHARES = "c:shares"
# A cause a title gives a share move of its own (an index's inclusion, results; a broker's note
# is ``features.note``): such a move is not the market's reaction to the company's other news
# of the day (trial 52: "CATL shares hit record as Morgan Stanley raises target" is no reaction
# to "CATL to spend 5 billion yuan on share buyback"). Each family is one cause, however
# worded ("after earnings beat" reacts to "posts first quarterly profit").
# Each cause: what the move's title names, and what tells that cause in the news's title. A
# move's results are the reported ones ("expectations" may be a price's), and the news of
# results may be its deliveries or sales ("Tesla reports 462,890 deliveries for Q3" / "Tesla's
# Mixed Q3 Results, Stock Reaction").
SHARE_MOVE_CAUSES = (
    (frozenset("c:" + c for c in "earnings profit loss revenue".split()), RESULTS),
    (frozenset(("c:index-inclusion",)), frozenset(("c:index-inclusion",))),
    # A tariff set or cut: the move is the market's reaction to the tariff's news, not to the
    # maker's other news of the day (trial 55: "Hyundai Motor shares jump 4% as US tariff cut
    # takes effect" is no reaction to "Hyundai Motor Group to Build U.S. Robot Factory").
    (frozenset(("c:tariff",)), frozenset(("c:tariff",))),
)
# What a title names when it tells the market's view of a maker: its shares, its market value,
# an analyst's rating or price target. Such an item's lead gives the market's reasons (an
# analyst "citing robotaxi expansion"), background to the note, not the news it joins.
MARKET = MARKET_CONCEPTS
AGAIN = "c:again"
SHARES_UP_WORDS = frozenset(
    """
rise rises rose rising gain gains climb climbs jump jumps pop pops soar soars surge surges rally
rallies rebound rebounds higher advance advances spike spikes leap leaps rocket rockets skyrocket
skyrockets
""".split()
)
SHARES_UP_TERMS = frozenset(
    {"c:sharp-rise", "c:record-high", "上涨", "走高", "收涨", "涨超", "高开", "拉升"}
)
SHARES_DOWN_WORDS = frozenset(
    """
fall falls fell falling drop drops slide slides slid slip slips dip dips decline declines lower
skid skids dive dives diving tank tanks sink sinks sank plunge plunges tumble tumbles slump slumps
sag sags plummet plummets plummeted crash crashes crater craters nosedive nosedives shed sheds
""".split()
)
SHARES_DOWN_TERMS = frozenset(
    {"c:sharp-fall", "c:record-low", "下跌", "走低", "收跌", "跌超", "低开", "下挫", "回落"}
)

# Prices (knowledge/concepts.toml): a title naming one may give a cut and the price it leads
# to ($10,000 off, now under $50,000): its sums are not two deals.
PRICES = frozenset(
    "c:" + concept for concept in "price price-cut price-rise price-war discount".split()
)

# A title naming these tells of a model still to come (spy shots, a teaser, 谍照): its launch,
# told later without them, is news of its own.
PREVIEW = "c:spy-shots"


# Turns of a story, as their concepts name them in a title. Two titles that name opposed turns
# tell different events (talks begun / called off, production halted / resumed, a rumour / its
# confirmation); a turn one title names and the other does not counts against a merge.
STAGES = {
    "c:begin": "begin",
    "c:resume": "resume",
    "c:terminate": "end",
    "c:strike-end": "end",
    "c:cancel": "end",
    "c:close-case": "end",
    "c:complete": "done",
    "c:agreed": "agreed",
    "c:propose": "offer",
    "c:delay": "delay",
    "c:expand": "expand",
    "c:deny": "deny",
    "c:confirm": "confirm",
    "c:rumour": "rumour",
    "c:consider": "rumour",
    "c:talks": "talks",
    "c:near-deal": "talks",
    "c:again": "repeat",
    "c:production-halt": "halt",
    "c:resignation": "leave",
    "c:appointment": "named",
}
# The turns that tell a deal still to come: a title naming one is not the news of the deal
# itself, told with its sum (Stellantis near a deal for a Leapmotor stake / takes a $1.6 billion
# stake).
PROSPECTS = frozenset({"talks", "rumour"})
# The turns that change who holds a post: a title naming one tells of people, not of what else
# happened to the maker (the scandal its chief quits over is told apart).
PEOPLE_TURNS = frozenset({"leave", "named"})
# The turns that change what an earlier report told: the news it was is over, put off, grown,
# back, done, denied, or its post filled. Beginnings, talks, rumours and halts are not: a
# story's first reports name them or not.
TURNS = frozenset({"end", "delay", "expand", "resume", "done", "deny", "confirm", "named", "leave"})
OPPOSED_STAGES = frozenset(
    frozenset(pair)
    for pair in (
        ("begin", "end"),
        ("begin", "done"),
        ("begin", "resume"),
        ("halt", "resume"),
        ("end", "resume"),
        ("end", "done"),
        ("rumour", "confirm"),
        ("rumour", "deny"),
        ("confirm", "deny"),
        ("delay", "done"),
        ("talks", "done"),
        ("talks", "agreed"),
        ("rumour", "agreed"),
        ("agreed", "done"),
        ("offer", "done"),  # an offer made / the deal sealed
        ("offer", "end"),  # an offer made / withdrawn
        ("delay", "resume"),
        ("leave", "named"),  # a chief's exit / the successor named
        ("signed", "approved"),  # a deal signed / cleared by a regulator
        ("talks", "approved"),
        ("offer", "approved"),
    )
)

# Parts and systems of a car (knowledge/concepts.toml), by family: two recalls of one model for
# parts of unrelated families are two events (its wipers / its trim), where a door and its
# handle, a powertrain and its transmission may be one part told two ways. Brakes and steering
# are two systems (a van's brake hose / its steering column bolt).
PART_FAMILIES = {
    "c:" + concept: family
    for family, concepts in {
        "body": "door door-handle windows-roof mirror hood-trunk body-trim body-structure",
        "glass": "windshield",
        "powertrain": "powertrain transmission engine e-motor driveshaft fuel-system "
        "emissions-control",
        "brakes": "brake",
        "steering": "steering",
        "chassis": "suspension tyres chassis",
        "restraints": "airbag seat-belt seating",
        "energy": "battery battery-cell high-voltage power-electronics coolant air-conditioning",
        "electronics": "wiring lights camera lidar radar sensors infotainment instrument-cluster "
        "hud key-fob rearview-visibility connected-car",
    }.items()
    for concept in concepts.split()
}
COMPONENTS = frozenset(PART_FAMILIES)
# Battery chemistries: a deal for LFP cells and one for sodium-ion cells are two deals.
CHEMISTRIES = frozenset("c:" + c for c in "lfp nmc lmfp lmr sodium-ion solid-state".split())

# Concepts only car news names (knowledge/concepts.toml): two titles that name no maker but one
# of these tell car news (a regulation, the market) and are judged as such, not as world news.
CAR_CONCEPTS = frozenset(
    "c:" + concept
    for concept in """
recall stop-sale do-not-drive crash-test rollaway sudden-acceleration emissions-cheating
trade-in purchase-tax ice-ban fleet-targets emissions-standard zero-mileage
pre-sale concept-car facelift new-generation test-drive dealer used-cars registrations
ev nev electrification phev erev hybrid mild-hybrid fuel-cell ice-vehicle suv off-road sedan
hatchback wagon coupe-convertible sports-car pickup mpv passenger-car flying-car
battery battery-cell cell-to-pack solid-state sodium-ion lfp nmc lmfp lmr energy-density
battery-capacity battery-swap battery-degradation charging fast-charging wireless-charging
charging-standard bidirectional range
adas autonomous robotaxi ride-hailing end-to-end lidar ota sdv ee-architecture connected-car
infotainment cockpit driver-monitoring aeb parking-assist
nhtsa ntsb dmv carb miit samr caam cpca catarc acea vda smmt kba jama kama ncap iihs
auto-show shanghai-auto-show beijing-auto-show guangzhou-auto-show iaa paris-motor-show
geneva-motor-show detroit-auto-show la-auto-show new-york-auto-show japan-mobility-show
gigacasting body-trim
""".split()
)

# Technologies and themes a maker's news keeps returning to (knowledge/concepts.toml): its
# hybrids, robotaxis, solid-state cells, tariffs. Two items of one maker that share one of these
# and nothing else tell two events ("Opinion: Toyota's hybrid bet is being vindicated" /
# "Review: 2027 Toyota RAV4 Woodland hybrid"), as two that share only a country do.
THEMES = frozenset(
    "c:" + concept
    for concept in """
hybrid mild-hybrid phev erev ev nev electrification fuel-cell ice-vehicle robotaxi autonomous
solid-state tariff
""".split()
)

# Battery materials and storage (knowledge/concepts.toml): car news since trial 52 (classify/
# battery_supply.py), named by items of many events — a graphite price note, a nickel quota, a
# cobalt mine's output all share "critical minerals"; a carmaker's storage plant and a tariff on
# storage cells "energy storage". Two items not both naming a maker that share only these tell
# two events. Not rare earths: China's export curbs told in two scripts share only that
# (clusters-blind-titles-only3).
MATERIALS = frozenset({"c:critical-minerals", "c:battery-storage"})
# The energy industry's themes (knowledge/concepts.toml: "grid" holds solar, renewables and
# electricity), which battery and energy feeds keep returning to: two titles naming no maker
# that share one of these and nothing else tell two events (trial 52: "Enphase cuts jobs as US
# residential solar slumps" / "Data center developer buys former solar panel plant for battery
# storage", joined on "grid").
ENERGY_THEMES = frozenset(("c:grid",))

# Posts (knowledge/concepts.toml): a maker's new chief executive and its new finance chief are
# two events, whatever else the titles share.
POSTS = frozenset("c:" + concept for concept in "ceo cfo cto coo chairman".split())

# Countries and regions (knowledge/concepts.toml): a deal of one country with another.
COUNTRIES = frozenset(
    "c:" + concept
    for concept in """
china us eu europe germany canada japan south-korea india mexico brazil thailand indonesia hungary
turkey russia ukraine uk france italy spain australia new-zealand vietnam malaysia philippines
singapore taiwan hong-kong macau saudi-arabia uae israel iran egypt morocco south-africa nigeria
argentina chile colombia peru pakistan bangladesh uzbekistan kazakhstan poland czechia slovakia
romania serbia portugal netherlands belgium sweden norway denmark finland switzerland austria
ireland greece qatar kuwait oman jordan iraq algeria tunisia kenya ethiopia ghana tanzania ecuador
uruguay costa-rica panama venezuela bolivia sri-lanka nepal cambodia myanmar laos mongolia belarus
azerbaijan armenia kyrgyzstan slovenia croatia bulgaria lithuania latvia estonia luxembourg iceland
cyprus
""".split()
)

# The kinds of a model's trouble a title tells (knowledge/concepts.toml), first found first: a
# lawsuit over a recall is the lawsuit's news, a recall that ends a probe the recall's. A
# probe, told by its word or its turns, is read in ``trouble_kinds``. A lawsuit, a recall, a
# stop-sale and a probe are different events however alike their words (trial 48: owners sue
# over the fire recall; the stop-sale days before its recall filing; the probe the recall later
# ends). Titles telling none (a regulator's terse notice: "High-Voltage Battery May Catch
# Fire") are of any kind.
TROUBLE_KINDS = (
    ("lawsuit", frozenset({"c:lawsuit", "c:verdict"})),
    ("recall", frozenset({"c:recall", "c:do-not-drive"})),
    ("stop-sale", frozenset({"c:stop-sale"})),
)

# An incident (trial 51: a robotaxi strikes a pedestrian; a car catches fire) is trouble of a
# kind of its own, read after the others: the crash, the regulator's probe of it and the recall
# after it are three events, whatever place, victim and model their titles share. Told by the
# classifier's event or by a vehicle hitting a person (title stems: "robotaxi hits child",
# "struck a pedestrian"; "strikes" is read as c:strike).
INCIDENT_HITS = frozenset({"hit", "struck", "c:strike", "run"})
INCIDENT_VICTIMS = frozenset(
    {"c:pedestrian", "child", "children", "kid", "boy", "girl", "student", "woman", "man"}
)
# A crash told with the authority acting on it is the authority's news (a probe told without
# its word: "Wegen vieler Unfälle: US-Behörde nimmt Teslas Autopilot ins Visier").
INCIDENT_AUTHORITIES = frozenset(
    {"c:nhtsa", "c:fed", "c:government", "c:regulation", "agency", "behord", "federal", "watchdog"}
)

# Stages of one storyline that are news of their own (trial 50), read in ``storyline_stages``:
# a union's vote to strike and the strike; an offer and a holder's rejection of it; a month's
# sales, production or exports and a quarter's or a half's results.
STRIKE = "c:strike"
RUNNING_COUNT, FINAL_TALLY = "c:running-count", "c:final-tally"  # "so far" / "ends with"
STRIKE_VOTE = "c:strike-vote"  # "votes to strike", "strike ballot": the vote is the news
REJECTION = frozenset({"c:reject", "undervalu"})  # "rejects the offer", "still undervalues"
OFFER = frozenset({"offer", "bid", "c:take-private", "c:acquisition", "c:merger", "c:deal"})
MONTH_CONCEPTS = frozenset(
    "c:" + month
    for month in """
january february march april may june july august september october november december
""".split()
)
MONTHLY_FIGURES = frozenset({"c:sales", "c:production", "c:exports"})
PERIODS = frozenset(
    "c:" + period for period in "q1 q2 q3 q4 h1 h2 nine-months full-year".split()
) | {"quarterly", "quarter"}
PERIOD_RESULTS = frozenset({"c:profit", "c:revenue", "c:loss", "c:margin", "c:forecast-raise"})

"""Words that say nothing about which event an item tells (a data table).

Two items are one event only on positive evidence: a name, a model, a part or fault, a place, a
figure they share. Makers and the words of what happened (recall, launch, talks, profit: the
action concepts of ``knowledge/concepts.toml``) are not such evidence: two recalls of one maker
share them. Nor are the words below, which any headline may use: function words of the
languages feeds are written in, and the common vocabulary of news (owners, shares, plan, week,
biggest). What is left of a headline, its names and specific words, is its subject.
"""

from __future__ import annotations

# Function words: English first, then the European languages of real feeds (German, French,
# Spanish, Italian, Portuguese, Dutch, Polish, Czech, Romanian, Norwegian, Russian, Ukrainian).
_FUNCTION = """
a an the of in on at to for from by with and or as is are was were be been being its it this that
these those after over amid into than says said say will would could may might can up out about
more most has have had not no but also vs via per year years first their his her before while
who what when where why how which whose whom all any some each every other another such only just
so if then there here than too very own same both few many much our your my we you they he she
them us me him i do does did doing done get gets got getting make makes made making take takes
took taken go goes went going come comes came coming set sets put puts let lets now still yet
ever even back off down under again once against between through during without within across
toward towards upon onto behind beyond near around along among since until till per via
because though although unless whether whereas due
der die das den dem des ein eine einen einem einer und oder mit von vom zu zum zur im ins auf aus
bei nach vor fur uber unter um an als auch nicht noch nur schon wie wird werden ist sind war hat
haben sich es er sie wir ihr so wegen gegen durch bis ab seit
le la les l un une des du de d et ou en au aux pour par sur sous dans avec sans plus ne pas que qui
se sa son ses leur leurs ce cette ces est sont a ont fait entre vers chez apres avant contre
el los las lo una unos unas y o del al con sin para por sobre tras segun entre hacia desde es son
su sus se que como mas muy ya ha han fue ser esta este estos estas
il gli i di da dei degli delle della dello nel nella nei negli sul sulla sui con per tra fra che
e ed non piu anche come sono ha hanno si suo sua
o os as um uma uns umas do da dos das no na nos nas ao aos pelo pela pelos pelas com sem para por e
ou nao mais como seu sua
het een van voor op bij met naar uit aan om tot door over als ook niet nog meer dan zijn wordt
heeft hebben er te en
w z i na do od za po o dla we ze nie jest sa sie to jak czy ale oraz przez przy pod nad
v ve s se z ze k ke na do od za po pro pri je jsou se to jak ale nebo aby
si sau cu pe la de din in pentru prin dupa despre care este sunt nu mai ca
og i pa til av for med som er var har en et det den de ikke fra om
и в во на с со к ко по о об от до из за для при под над что как это не но а или же ли бы то
і й у на з зі до від за для при під над що як це не але або чи
"""

# Common vocabulary of news headlines, stemmed as the clusterer stems (see ``features._terms``):
# no evidence that two items tell one event, however rare in a small batch of items; last, a
# Chinese page's credits (来源：…, 责任编辑：…), news words (消息, 快讯: trial 34 #1) and the word
# for cars itself (汽车, 车企, 车型 "model": a maker's sales and a trade-in subsidy shared
# nothing else, two brands' launches only that), and the industry's generic words (整车 "complete
# vehicle", 板块 "sector", 行业, 品牌: trial 40's A-share close, "汽车整车板块领涨", had joined a
# Tank brand's 600,000th vehicle, "第60万辆整车下线", on 整车 alone), and the verbs of any
# release (正式, 官方, 新增, 推送, 上线: a phone's system update "正式版开始推送，新增…" and a
# car's OTA "推送…新增…"). The words of amounts and percentages are no subject, abbreviated as a
# wire writes them too ("8.4 pct", "125 tril. won", "1.7 bln": trial 55's national exports and a
# maker's November sales were one story on "shared subject: pct").
_NEWS = """
new news report reports reported reporting update updates latest today week weeks weekly day days
monday tuesday wednesday thursday friday saturday sunday tonight yesterday tomorrow weekend
hurt hurts hurting harm harms harmed blow blows dent dents dented
month months monthly time times ago next last early late later soon now year yearly annual
big bigger biggest small smaller large larger largest top high higher low lower major minor key
more less most least best worst good bad better worse great long short full half whole part
one two three four five six seven eight nine ten dozen hundreds thousands millions billions
million billion trillion percent per cent number numbers total record records
pct pc bln mln tril trn bn mn mio mrd
first second third last final another other others several many few
people person man men woman women child children family families group groups team teams
company companies firm firms business businesses industry industries sector market markets
maker makers carmaker carmakers automaker automakers manufacturer manufacturers brand brands
car cars vehicle vehicles auto autos automotive model models unit units version versions
buyer buyers owner owners customer customers user users driver drivers fan fans worker workers
staff employee employees official officials leader leaders expert experts investor investors
analyst analysts executive executives source sources
plan plans planned planning deal deals move moves step steps way ways bid effort efforts
push pushes pushed drive drives hit hits hits boost boosts boosted cut cuts trim trims trimmed
rise rises rose fall falls fell drop drops dropped jump jumps surge surges slump slumps
gain gains lose loses lost win wins won beat beats miss misses
show shows showed shown reveal reveals see sees saw seen look looks looking find finds found
tell tells told ask asks asked call calls called want wants need needs try tries tried keep keeps
give gives gave help helps start starts started end ends ended begin begins began
turn turns turned run runs ran work works worked use uses used add adds added
know knows known think thinks mean means expect expects expected hope hopes fear fears worry
worries warn warns face faces faced seek seeks sought offer offers offered hold holds held
bring brings brought lead leads led follow follows followed leave leaves left join joins
return returns back reach reaches reached raise raises raised lift lifts
why how what here there this that these those
deal question questions answer answers reason reasons issue issues problem problems concern
concerns risk risks impact change changes changed future past history story stories case cases
point points level levels rate rates share shares stock stocks price prices cost costs value
amid despite ahead against toward
inside outside behind global world national international local
officially official finally likely unlikely possible possibly really
exclusive breaking analysis opinion explainer video photos photo watch live podcast episode
interview review preview
weak weaker weakest strong stronger strongest slow slower slowing fast faster cheap cheaper
cheapest expensive newer older old young giant giants pioneer champion rival rivals peer peers
crowd crowds draw draws drew sign signs signal signals wonder wonders shape shapes state states
hope hopes promise promises claim claims deliver delivers delivered head heads headed
region regions country countries city cities area areas site sites unit units division divisions
project projects programme program plant plants line lines level levels
yuan yen euro euros dollar dollars pound pounds won rupee rupees
build builds building built cover covers covered affect affects affected replace replaces
replaced replacement include includes included including trade trading open opens opened
close closes closed closing base based access fail fails failed failure failures stop stops
stopped journal safety cause causes caused post posts posted system systems free whether
campaign nearly aim aims aimed agree agrees agreed target targets targeted cite cites cited
check checks checked announce announces announced announcement according effect effects
below above hour hours bet bets pay pays paid due become becomes became blame blamed pick picks
picked row rows volume volumes term terms read reads pressure pressures quarter quarters
undercut undercuts undercutting technology technologies continue continues continued suspend
suspends suspended front rear file files filed filing receive receives received vote votes
voted newsletter inbox weekday daily service services should force forces forced climb climbs
climbed interim account accounts slide slides slid land lands landed pause pauses paused power
worth round rounds slip slips slipped increase increases increased domestic gallery spy prompt
prompts prompted letter letters impose imposes imposed roll rolls rolled focus focuses slash
slashes slashed quarterly create creates created control controls joint propose proposes
proposed proposal passenger passengers condition conditions immediate immediately public range
federal scale scales secure secures secured reduction reductions earlier almost provisional
apply applies applied charge charges competition event events technical hand hands initial far
prepare prepares prepared parent carry carries carried feature features straight purchase
purchases avoid avoids deepen deepens decade decades core personal remain remains remained
accept accepts accepted commit commits committed gap gaps responsibility bit fold switch
switches link links internal lag lags cloud shift shifts shifted asset assets remove removes
removed protection stage stages wherever lookup vin excess current reduce reduces reduced
believe believes believed suspect suspects suspected fit fits fitted fitting
ongoing continuing amid legacy future past present recent
来源 编辑 记者 作者 责编 责任 任编 撰文 摄影 校对 审核 出品 通讯 讯员 原标 标题 本文 文来 来自 转载
授权 公众 众号 图片 图源 大图 点击 查看 消息 资讯 快讯 报道
汽车 车企 车型 整车 板块 行业 产业 品牌 车市 厂商 个股 领涨 领跌
正式 官方 新增 推送 上线 开启 开始
"""

FUNCTION_WORDS = frozenset(_FUNCTION.split())
# Chinese characters of grammar and time (的 了 在 将 年 月...): a bigram holding one is no name.
FUNCTION_CHARS = frozenset(
    "的了在将是和与及对为于把被从向到由以让给也都就才又还再已曾正而或但并且等这那其之所"
    "年月日周天时后前中上下内外个位家款辆台万亿元次"
)
NEWS_WORDS = frozenset(_NEWS.split())

# Traditional Chinese characters of car and business news and their simplified forms, so that
# 比亞迪 meets 比亚迪 and 37.7萬 is 37.7万 (one character for one: positions do not move).
_TRADITIONAL = (
    "萬億輛亞銷車電國歐對徵關稅創賣買開發價閃時東門問間際陸險雙離難韓項預領頭題額風飛馬駕駛驗體龍與專業兩嚴個豐臨為麗舉樂產僅"
    "從們優會傳傷債儲黨蘭興養內軍農衝決減幾凱擊劃則剛別劑動勵勞勢區醫華協單衛廠歷壓縣參變葉號後聽啟員響團園圍圖場壞塊堅報聲殼"
    "處備復夠奪獎奧婦學寧寶實審憲寬導將爾層屆屬島幣師帳帶幫莊慶庫應廢張彈強歸當錄徑憶憂懷態總戀惡懸驚慘慣願戰擴揚擬擁擇掛損換"
    "據擺攤敵數斷無舊顯曉暫術機殺雜權條來楊極構標棟樹樣橋檔檢樓橫歡殘毀畢氣氫匯漢溝沒滬淚潑澤潔淺濁測濟渾濃濤漲淵漸漁滲溫遊灣"
    "濕潰準滿濾濫濱滅燈災爐點煉爛煙燒熱愛牽狀獨獲現環畫療瘋盤監蓋盜礦碼確礎禮禍種積稱穩窮競筆築籌簽簡類糧緊紀約紅級納純紙線練"
    "組細織終經結給絡統絕繼績續維綠網羅罰職聯腦腳脫臉艦藝節範蘋著蘇藥蓮營蕭薩藍虛蟲雖補裝見觀規視覺觸計訂認討讓訓議訊記講許論"
    "設訪證評識訴診詞譯試詩誠話詳語誤說請諾讀課誰調談謀謝謹貝負財貢貨販責貴貸費貼貿資賓賞賠質賬賭賴賺購賽贈贊贏趙趕趨躍跡踐軌"
    "軟轉輪軸輕載較輔輝輸轄辭辯邊達遷過邁運還這進遠違連遲適選遞遺遙鄭郵鄰釋裏鑒針鐘鋼鑰錢鑽鐵鉛鋁銅銀鑄鋪鋰鋅鋒銳錯錫錦鍵鎂鎳"
    "鎮鏡長閉閑閘鬧閥閣闊隊陽陰陣階陳隱靜靈韋頂順須顧頓頒頗頻顆顏顛颱飄飯飲飾館驅駐騎騰鮮鳴麥黃齊齡龜鈉鈷錳閱週務繫係於裡麼髮"
    "鬥闆雲廣醜餘獸夥鑑傑滙衆眾鳳麵搶擋擔揮鄉倉倫儀嶺峽卻蝕礙剎廳滯曬彙噸鏈纜螢艙錨齒鬆邏彎罷廈壇讚鎖"
)
_SIMPLIFIED = (
    "万亿辆亚销车电国欧对征关税创卖买开发价闪时东门问间际陆险双离难韩项预领头题额风飞马驾驶验体龙与专业两严个丰临为丽举乐产仅"
    "从们优会传伤债储党兰兴养内军农冲决减几凯击划则刚别剂动励劳势区医华协单卫厂历压县参变叶号后听启员响团园围图场坏块坚报声壳"
    "处备复够夺奖奥妇学宁宝实审宪宽导将尔层届属岛币师帐带帮庄庆库应废张弹强归当录径忆忧怀态总恋恶悬惊惨惯愿战扩扬拟拥择挂损换"
    "据摆摊敌数断无旧显晓暂术机杀杂权条来杨极构标栋树样桥档检楼横欢残毁毕气氢汇汉沟没沪泪泼泽洁浅浊测济浑浓涛涨渊渐渔渗温游湾"
    "湿溃准满滤滥滨灭灯灾炉点炼烂烟烧热爱牵状独获现环画疗疯盘监盖盗矿码确础礼祸种积称稳穷竞笔筑筹签简类粮紧纪约红级纳纯纸线练"
    "组细织终经结给络统绝继绩续维绿网罗罚职联脑脚脱脸舰艺节范苹着苏药莲营萧萨蓝虚虫虽补装见观规视觉触计订认讨让训议讯记讲许论"
    "设访证评识诉诊词译试诗诚话详语误说请诺读课谁调谈谋谢谨贝负财贡货贩责贵贷费贴贸资宾赏赔质账赌赖赚购赛赠赞赢赵赶趋跃迹践轨"
    "软转轮轴轻载较辅辉输辖辞辩边达迁过迈运还这进远违连迟适选递遗遥郑邮邻释里鉴针钟钢钥钱钻铁铅铝铜银铸铺锂锌锋锐错锡锦键镁镍"
    "镇镜长闭闲闸闹阀阁阔队阳阴阵阶陈隐静灵韦顶顺须顾顿颁颇频颗颜颠台飘饭饮饰馆驱驻骑腾鲜鸣麦黄齐龄龟钠钴锰阅周务系系于里么发"
    "斗板云广丑余兽伙鉴杰汇众众凤面抢挡担挥乡仓伦仪岭峡却蚀碍刹厅滞晒汇吨链缆萤舱锚齿松逻弯罢厦坛赞锁"
)
SIMPLIFY = str.maketrans(_TRADITIONAL, _SIMPLIFIED)
TRADITIONAL_CHARS = frozenset(_TRADITIONAL)

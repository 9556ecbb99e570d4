"""Write a synthetic, realistic briefing corpus in the content format, for benchmarks.

    python benchmarks/make_corpus.py N OUT_DIR [--seed S]

N articles, N/5 actors (persons, countries, organizations, with aliases in other
scripts), 20 topics. Each article has about six actors (long and short forms), three
events (some with ids shared by other articles, so that they merge on the timeline),
quotes, statements with a stance on a topic, relations and key points, for a briefing
page of about 500-700 words. The same N and seed always give the same bytes.

Actors appear with a Zipf-like popularity, as in a real briefing (a few countries are in
most stories, most people in a handful), so the biggest actor profiles are realistic.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import random
import re
import shutil
import textwrap
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_SEED = 20240415
FIRST_DAY = dt.date(2016, 1, 1)
LAST_DAY = dt.date(2024, 12, 31)
TOPIC_COUNT = 20
CONFLICT_RATE = 0.004  # share of shared-event reports that give a different day (a warning, as in real life)

# ---------------------------------------------------------------------------------------------
# Vocabulary. The prose is made by a word-pair chain over SEED_TEXT, with {A} and {B} standing
# for actors of the story, so the words, their frequencies and the gzip ratio of the pages and
# of the search index are those of news prose, not of random words.

SEED_TEXT = """
{A} said on Monday that it would step up inspections of ships suspected of carrying coal and oil to
ports such as {PORT}, after a report by the monitoring
panel on the {SHIP} found that transfers at sea had doubled
over the past year. Officials in the capital described the measures as a response to growing evidence
that tankers switched off their transponders before meeting other vessels in international waters.
The report, which was seen by reporters before its release, named several companies registered in
third countries and said that their owners had used front firms to move payments through banks in
the region. {B} rejected the findings as biased and politically motivated, and said the panel had
relied on satellite images that proved nothing. Diplomats at the Security Council said the dispute
showed how hard it had become to agree on even routine steps, with permanent members divided over
whether sanctions still worked. {A} and {B} held talks in the capital last week, the first meeting at
that level in more than two years, and agreed to keep a channel open on maritime security. According
to a statement released after the meeting, both sides discussed missile launches, the detention of
fishing crews and the return of workers sent abroad. Analysts said the meeting was unlikely to change
much on the ground, but that it signalled a wish to lower tensions before the summer exercises.
{A} has long argued that pressure must be kept until the weapons programs are dismantled, while {B}
says that sanctions hurt ordinary people and should be eased in exchange for a freeze. The foreign
ministry said in a statement that the new rules would apply from next month and would cover imports
of refined petroleum, machinery and vehicles. Customs officers will be given the power to seize cargo
and to fine shipping agents that fail to declare the origin of goods. {B} warned that it would respond
to any seizure of its vessels and accused {A} of violating international law. A spokesperson for the
ministry told reporters that the decision had been taken after consultations with allies and partners
in the region. The central bank also froze the assets of a trading company accused of laundering money
for weapons procurement, the {N}th such
action since {YEAR}. Investigators believe hackers linked to the
government stole {N} million dollars in cryptocurrency from exchanges in Asia and Europe,
money that the panel says helped fund the missile program. {A} called on all member states to
implement the resolutions in full and to report suspicious transactions to the committee. The envoy
said the loss of independent monitoring would leave a gap that others would try to exploit. Several
governments have proposed a new reporting mechanism outside the United Nations, but {B} said such
plans had no legal basis and would only deepen divisions. Trade data published by customs show that
official exports across the border rose {N} percent in the first half of the year, driven by wigs,
eyelashes and other processed goods that are not covered by the sanctions. Satellite imagery reviewed
by researchers shows new construction at a launch site on the west coast, including a larger pad and
an assembly building. The defense ministry said it was closely watching the site and that its forces
were ready to respond to any provocation. {A} confirmed that it had tested a solid-fuel engine and said
the test was part of a five-year plan to modernize its forces. The launch drew condemnation from
governments in the region, which called it a clear violation of several resolutions. {B} urged all
sides to show restraint and to return to dialogue without preconditions. Human rights groups said the
closure of the border during the pandemic had left many families without food or medicine and that
forced labor in overseas camps continued despite the ban. The special rapporteur told the General
Assembly that accountability for abuses must remain part of any settlement. Officials said the two
leaders signed an agreement on economic cooperation that covers energy, transport and tourism, and
that working groups would meet before the end of the year. Critics said the deal could help both
governments evade restrictions on trade and arms transfers. {A} denied that any weapons had changed
hands and described the accusations as a smear campaign. Shipping records show that at least {N}
vessels linked to the network changed their names and flags in the past six months. The coast guard
said it had tracked the {SHIP} to the
port of {PORT}, where it loaded coal at night. A court sentenced two
executives to prison for exporting dual-use equipment, in the first such ruling under the new law.
Lawmakers called for tougher penalties and for more resources for export control agencies. {B} said it
remained committed to the denuclearization of the peninsula and to a peaceful solution through talks.
The sanctions committee added {N} individuals and {N}
entities to its list, freezing their assets
and banning their travel. Experts warned that without a functioning panel the committee would have
little information on which to act. {A} and {B} also discussed the fate of citizens abducted decades
ago, an issue that has blocked progress for years.
"""

TITLE_TEMPLATES = (
    "{A} steps up checks on ships suspected of sanctions evasion",
    "{A} and {B} hold first high-level talks in {n} years",
    "{A} accuses {B} of helping to evade UN sanctions",
    "{A} freezes assets of {n} firms linked to weapons procurement",
    "{A} tests new solid-fuel engine, drawing condemnation from {B}",
    "{A} calls for new monitoring body after panel's mandate ends",
    "{B} rejects report on ship-to-ship transfers as biased",
    "{A} and {B} sign economic cooperation deal, raising sanctions concerns",
    "Satellite images show new construction at {A} launch site",
    "{A} sentences executives for exporting dual-use equipment",
    "{A} urges restraint after missile launch, {B} blames exercises",
    "{A} adds {n} entities to sanctions list over cyber theft",
    "Trade across the border rises sharply, customs data show, as {A} eases checks",
    "{A} envoy warns of enforcement gap without independent monitoring",
    "{B} says sanctions hurt ordinary people, calls for relief from {A}",
    "{A} seizes tanker suspected of carrying oil to the north",
    "{A} and {B} discuss abductions, maritime security and missile launches",
    "Hackers linked to {A} stole crypto worth millions, investigators say",
)

EVENT_TEMPLATES = (
    "{A} inspects tanker suspected of ship-to-ship transfer",
    "{A} and {B} hold talks on maritime security",
    "{A} launches ballistic missile into the sea",
    "{A} freezes assets of trading company",
    "{A} announces new export controls",
    "Security Council meets on the missile launch",
    "{A} seizes cargo at port",
    "{B} rejects the panel's findings",
    "{A} tests solid-fuel engine",
    "{A} and {B} sign cooperation agreement",
    "Court sentences executives over dual-use exports",
    "{A} adds entities to sanctions list",
    "Exchange hacked; investigators point to {A}",
    "{A} and {B} hold joint naval exercises",
    "{A} publishes trade figures for the half-year",
)

PORTS = (
    "Nampo",
    "Chongjin",
    "Rajin",
    "Wonsan",
    "Haeju",
    "Songrim",
    "Dandong",
    "Nakhodka",
    "Vladivostok",
    "Vostochny",
    "Busan",
    "Incheon",
    "Kaohsiung",
    "Keelung",
    "Zhoushan",
    "Ningbo",
    "Lianyungang",
    "Yantai",
    "Dalian",
    "Taean",
    "Kholmsk",
    "Korsakov",
    "Hong Kong",
    "Port Klang",
    "Batam",
)
SHIP_WORDS = (
    "Glory",
    "Star",
    "Unity",
    "Pioneer",
    "Fortune",
    "Dawn",
    "Harmony",
    "Victory",
    "Wave",
    "Prosperity",
    "Horizon",
    "Spirit",
    "Trader",
    "Carrier",
    "Voyager",
    "Breeze",
    "Light",
    "Venture",
    "Pride",
    "Hope",
)

AS_WRITTEN = (
    "on Monday",
    "on Tuesday",
    "on Wednesday",
    "on Thursday",
    "on Friday",
    "last week",
    "last month",
    "earlier this month",
    "in March",
    "last year",
    "two days ago",
    "earlier this year",
    "in the spring",
)

RELATION_KINDS = (
    "accuses",
    "criticized",
    "met",
    "held talks with",
    "sanctioned",
    "signed an agreement with",
    "supplies",
    "urged",
    "warned",
    "backs",
    "visited",
    "denies accusation by",
    "cooperates with",
    "condemned",
    "called on",
    "trades with",
)
RELATION_TEXTS = (
    "over ship-to-ship transfers",
    "on maritime security",
    "over the missile launch",
    "for weakening sanctions enforcement",
    "to resume talks without preconditions",
    "on the return of overseas workers",
    "over cyber theft",
    "about exports of dual-use goods",
)

PUBLISHERS = (
    "Reuters",
    "Associated Press",
    "AFP",
    "Yonhap",
    "Kyodo News",
    "NK News",
    "BBC News",
    "Financial Times",
    "Nikkei Asia",
    "The Guardian",
    "The Korea Herald",
    "Al Jazeera",
    "Bloomberg",
    "Deutsche Welle",
    "Le Monde",
    "South China Morning Post",
    "The Japan Times",
)
DATELINES = (
    "Seoul",
    "Tokyo",
    "Beijing",
    "Washington",
    "New York",
    "Moscow",
    "Geneva",
    "Vienna",
    "Brussels",
    "Singapore",
    "London",
    "Beijing",
    "Vladivostok",
    "Dandong",
    "Busan",
    "Osaka",
    "Ulaanbaatar",
)
TAGS = (
    "ship-to-ship-transfers",
    "coal-exports",
    "oil-imports",
    "cyber-theft",
    "cryptocurrency",
    "missile-tests",
    "nuclear-program",
    "satellite-imagery",
    "overseas-workers",
    "human-rights",
    "export-controls",
    "asset-freezes",
    "security-council",
    "panel-of-experts",
    "maritime-security",
    "abductions",
    "joint-exercises",
    "trade-data",
    "dual-use-goods",
    "arms-transfers",
    "diplomacy",
    "summit",
    "border-trade",
    "front-companies",
    "money-laundering",
    "tankers",
    "launch-sites",
    "food-security",
    "pandemic-border-closure",
    "denuclearization",
)

TOPICS = (
    (
        "UN sanctions on North Korea",
        "The Security Council's sanctions regime, its resolutions and how states carry them out.",
    ),
    ("Ship-to-ship transfers at sea", "How coal, oil and other cargo change vessels at sea to avoid inspection."),
    ("The UN panel of experts and its mandate", "The body that monitored enforcement until its mandate ended."),
    ("Missile and nuclear programs", "Launches, engine tests, launch sites and what they say about the programs."),
    ("Cyber theft and cryptocurrency", "Thefts from exchanges and banks, and how the money is laundered."),
    ("Overseas workers", "Workers sent abroad to earn foreign currency, despite the ban."),
    ("Human rights", "Forced labor, detention and access to food and medicine."),
    ("Export controls and dual-use goods", "Laws, court cases and licensing of goods with military uses."),
    ("Maritime security", "Patrols, seizures and the tracking of vessels that switch off their transponders."),
    ("Russia's military ties with North Korea", "Summits, pledges and accusations of arms transfers."),
    ("China's trade across the border", "Official trade figures, border crossings and what they cover."),
    ("Abductions and detained citizens", "Citizens abducted decades ago and crews detained at sea."),
    ("Joint military exercises", "Exercises in the region and the reactions to them."),
    ("Diplomacy and summits", "Talks between leaders, envoys and ministers."),
    ("Financial sanctions and asset freezes", "Listings, frozen assets and banks that move payments."),
    (
        "Front companies and shipping networks",
        "Firms registered in third countries, flags of convenience, renamed ships.",
    ),
    ("Food security", "Harvests, imports of grain and aid deliveries."),
    ("Denuclearization talks", "Proposals for a freeze, for relief in exchange, and why talks stalled."),
    ("Energy imports", "Refined petroleum, crude oil and the caps that the resolutions set."),
    ("Monitoring after the panel", "Reporting mechanisms proposed outside the United Nations."),
)

# Countries: name, aliases (native script first, then metonyms such as the capital).
COUNTRIES = (
    ("North Korea", ["조선민주주의인민공화국", "DPRK", "Pyongyang"]),
    ("South Korea", ["대한민국", "Republic of Korea", "Seoul"]),
    ("Japan", ["日本", "Tokyo"]),
    ("China", ["中国", "People's Republic of China", "Beijing"]),
    ("Russia", ["Россия", "Russian Federation", "Moscow"]),
    ("United States", ["USA", "Washington"]),
    ("United Kingdom", ["UK", "London"]),
    ("France", ["République française", "Paris"]),
    ("Germany", ["Deutschland", "Berlin"]),
    ("Mongolia", ["Монгол Улс", "Ulaanbaatar"]),
    ("Vietnam", ["Việt Nam", "Hanoi"]),
    ("Iran", ["ایران", "Tehran"]),
    ("Syria", ["سوريا", "Damascus"]),
    ("Egypt", ["مصر", "Cairo"]),
    ("Israel", ["ישראל", "Jerusalem"]),
    ("India", ["भारत", "New Delhi"]),
    ("Pakistan", ["پاکستان", "Islamabad"]),
    ("Thailand", ["ประเทศไทย", "Bangkok"]),
    ("Myanmar", ["မြန်မာ", "Naypyidaw"]),
    ("Greece", ["Ελλάδα", "Athens"]),
    ("Ukraine", ["Україна", "Kyiv"]),
    ("Belarus", ["Беларусь", "Minsk"]),
    ("Georgia", ["საქართველო", "Tbilisi"]),
    ("Armenia", ["Հայաստան", "Yerevan"]),
    ("Taiwan", ["臺灣", "Taipei"]),
    ("Singapore", ["新加坡"]),
    ("Malaysia", ["Kuala Lumpur"]),
    ("Indonesia", ["Jakarta"]),
    ("Philippines", ["Pilipinas", "Manila"]),
    ("Cambodia", ["កម្ពុជា", "Phnom Penh"]),
    ("Laos", ["ລາວ", "Vientiane"]),
    ("Bangladesh", ["বাংলাদেশ", "Dhaka"]),
    ("Sri Lanka", ["ශ්‍රී ලංකාව", "Colombo"]),
    ("Nepal", ["नेपाल", "Kathmandu"]),
    ("Kazakhstan", ["Қазақстан", "Astana"]),
    ("Uzbekistan", ["Oʻzbekiston", "Tashkent"]),
    ("Turkey", ["Türkiye", "Ankara"]),
    ("Saudi Arabia", ["السعودية", "Riyadh"]),
    ("United Arab Emirates", ["الإمارات", "Abu Dhabi"]),
    ("Qatar", ["قطر", "Doha"]),
    ("Ethiopia", ["ኢትዮጵያ", "Addis Ababa"]),
    ("Nigeria", ["Abuja"]),
    ("South Africa", ["Pretoria"]),
    ("Brazil", ["Brasil", "Brasília"]),
    ("Mexico", ["México", "Mexico City"]),
    ("Canada", ["Ottawa"]),
    ("Australia", ["Canberra"]),
    ("New Zealand", ["Aotearoa", "Wellington"]),
    ("Italy", ["Italia", "Rome"]),
    ("Spain", ["España", "Madrid"]),
    ("Poland", ["Polska", "Warsaw"]),
    ("Sweden", ["Sverige", "Stockholm"]),
    ("Norway", ["Norge", "Oslo"]),
    ("Finland", ["Suomi", "Helsinki"]),
    ("Netherlands", ["Nederland", "The Hague"]),
    ("Switzerland", ["Schweiz", "Bern"]),
    ("Austria", ["Österreich", "Vienna"]),
    ("Czech Republic", ["Česko", "Prague"]),
    ("Hungary", ["Magyarország", "Budapest"]),
    ("Serbia", ["Србија", "Belgrade"]),
    ("Bulgaria", ["България", "Sofia"]),
    ("Romania", ["România", "Bucharest"]),
    ("Cuba", ["Havana"]),
    ("Venezuela", ["Caracas"]),
    ("Chile", ["Santiago"]),
    ("Argentina", ["Buenos Aires"]),
    ("Peru", ["Perú", "Lima"]),
    ("Algeria", ["الجزائر", "Algiers"]),
    ("Libya", ["ليبيا", "Tripoli"]),
    ("Sudan", ["السودان", "Khartoum"]),
    ("Uganda", ["Kampala"]),
    ("Tanzania", ["Dodoma"]),
    ("Angola", ["Luanda"]),
    ("Mozambique", ["Moçambique", "Maputo"]),
    ("Namibia", ["Windhoek"]),
    ("Equatorial Guinea", ["Guinea Ecuatorial", "Malabo"]),
    ("Sierra Leone", ["Freetown"]),
    ("Togo", ["Lomé"]),
    ("Panama", ["Panamá", "Panama City"]),
    ("Belize", ["Belmopan"]),
    ("Marshall Islands", ["Majuro"]),
    ("Palau", ["Ngerulmud"]),
    ("Tuvalu", ["Funafuti"]),
    ("Comoros", ["جزر القمر", "Moroni"]),
)
# Fictional countries take over when a large corpus needs more countries than the list holds.
SYLLABLES = (
    "ar",
    "bel",
    "cor",
    "dan",
    "el",
    "fen",
    "gal",
    "hor",
    "is",
    "kar",
    "lun",
    "mor",
    "nor",
    "or",
    "pel",
    "ros",
    "sal",
    "tar",
    "ul",
    "vin",
    "zor",
    "ka",
    "te",
    "mi",
    "lo",
)

INTERNATIONAL_ORGANIZATIONS = (
    ("UN Security Council", ["UNSC", "Security Council", "Совет Безопасности ООН"]),
    ("UN Panel of Experts on North Korea", ["Panel of Experts", "1718 panel"]),
    ("International Atomic Energy Agency", ["IAEA", "МАГАТЭ"]),
    ("UN General Assembly", ["UNGA"]),
    ("UN Human Rights Council", ["UNHRC"]),
    ("Financial Action Task Force", ["FATF"]),
    ("International Maritime Organization", ["IMO"]),
    ("World Food Programme", ["WFP"]),
    ("European Union", ["EU", "Brussels", "Европейский союз"]),
    ("NATO", ["North Atlantic Treaty Organization", "ОТАН"]),
    ("ASEAN", ["Association of Southeast Asian Nations"]),
    ("Lazarus Group", ["Hidden Cobra", "라자루스"]),
    ("Workers' Party of Korea", ["조선로동당", "WPK"]),
    ("Korean People's Army", ["조선인민군", "KPA"]),
    ("Reconnaissance General Bureau", ["정찰총국", "RGB"]),
    ("UN 1718 Sanctions Committee", ["1718 Committee"]),
    ("Multilateral Sanctions Monitoring Team", ["MSMT"]),
)
NATIONAL_BODIES = (
    ("Ministry of Foreign Affairs of {c}", "{c} Foreign Ministry"),
    ("Ministry of Defense of {c}", "{c} Defense Ministry"),
    ("{c} Coast Guard", None),
    ("{c} Customs Service", "{c} Customs"),
    ("Central Bank of {c}", None),
    ("{c} Financial Intelligence Unit", None),
    ("Mission of {c} to the United Nations", "{c} UN mission"),
    ("{c} Ministry of Trade", None),
)
COMPANY_WORDS = (
    (
        "Ocean",
        "Golden",
        "Eastern",
        "Pacific",
        "Star",
        "Blue",
        "Northern",
        "Silver",
        "Jade",
        "Harbor",
        "Phoenix",
        "Crystal",
        "Great",
        "Morning",
        "Lucky",
        "Grand",
        "Royal",
        "Sea",
        "Dragon",
        "Pearl",
    ),
    (
        "Shipping",
        "Trading",
        "Maritime",
        "Logistics",
        "Energy",
        "Holdings",
        "Commerce",
        "Navigation",
        "Petroleum",
        "Resources",
        "Industries",
        "Tankers",
        "Freight",
        "Finance",
    ),
    ("Co.", "Ltd.", "Group", "Corporation", "LLC", "Company", "Limited"),
)

# Persons: (given names, family names, how the native-script alias is written).
KOREAN_FAMILY = {
    "Kim": "김",
    "Lee": "이",
    "Park": "박",
    "Choi": "최",
    "Jung": "정",
    "Kang": "강",
    "Cho": "조",
    "Yoon": "윤",
    "Jang": "장",
    "Lim": "임",
    "Han": "한",
    "Oh": "오",
    "Seo": "서",
    "Shin": "신",
    "Kwon": "권",
    "Ri": "리",
    "Ryu": "류",
    "Hwang": "황",
}
KOREAN_SYLLABLES = {
    "min": "민",
    "jun": "준",
    "seo": "서",
    "yeon": "연",
    "ji": "지",
    "hoon": "훈",
    "soo": "수",
    "young": "영",
    "hyun": "현",
    "woo": "우",
    "jae": "재",
    "sung": "성",
    "eun": "은",
    "ho": "호",
    "chul": "철",
    "kyung": "경",
    "dong": "동",
    "il": "일",
    "nam": "남",
    "yong": "용",
    "tae": "태",
    "hee": "희",
    "song": "송",
    "kwang": "광",
}
CHINESE_FAMILY = {
    "Wang": "王",
    "Li": "李",
    "Zhang": "张",
    "Liu": "刘",
    "Chen": "陈",
    "Yang": "杨",
    "Zhao": "赵",
    "Huang": "黄",
    "Zhou": "周",
    "Wu": "吴",
    "Xu": "徐",
    "Sun": "孙",
    "Ma": "马",
    "Hu": "胡",
    "Guo": "郭",
    "Lin": "林",
    "He": "何",
    "Gao": "高",
}
CHINESE_GIVEN = {
    "Wei": "伟",
    "Fang": "芳",
    "Lei": "磊",
    "Jun": "军",
    "Yong": "勇",
    "Jie": "杰",
    "Tao": "涛",
    "Ming": "明",
    "Hua": "华",
    "Qiang": "强",
    "Ping": "平",
    "Hui": "慧",
    "Xiaoming": "小明",
    "Jianguo": "建国",
    "Haiyan": "海燕",
    "Zhiqiang": "志强",
    "Yuting": "雨婷",
    "Guoqing": "国庆",
    "Lihua": "丽华",
    "Wenjie": "文杰",
}
JAPANESE_FAMILY = {
    "Sato": "佐藤",
    "Suzuki": "鈴木",
    "Takahashi": "高橋",
    "Tanaka": "田中",
    "Watanabe": "渡辺",
    "Ito": "伊藤",
    "Yamamoto": "山本",
    "Nakamura": "中村",
    "Kobayashi": "小林",
    "Kato": "加藤",
    "Yoshida": "吉田",
    "Yamada": "山田",
    "Sasaki": "佐々木",
    "Matsumoto": "松本",
    "Inoue": "井上",
}
JAPANESE_GIVEN = {
    "Hiroshi": "博",
    "Takeshi": "武",
    "Kenji": "健二",
    "Yuko": "裕子",
    "Akiko": "明子",
    "Taro": "太郎",
    "Haruki": "春樹",
    "Naoko": "直子",
    "Yoshiko": "良子",
    "Makoto": "誠",
    "Yoko": "洋子",
    "Shinji": "慎二",
    "Masato": "正人",
    "Emi": "恵美",
    "Kazuo": "和夫",
}
RUSSIAN_GIVEN = {
    "Sergei": "Сергей",
    "Dmitry": "Дмитрий",
    "Alexei": "Алексей",
    "Vladimir": "Владимир",
    "Andrei": "Андрей",
    "Mikhail": "Михаил",
    "Nikolai": "Николай",
    "Ivan": "Иван",
    "Olga": "Ольга",
    "Maria": "Мария",
    "Anna": "Анна",
    "Yelena": "Елена",
    "Pavel": "Павел",
    "Igor": "Игорь",
    "Yuri": "Юрий",
    "Natalia": "Наталья",
}
RUSSIAN_FAMILY = {
    "Ivanov": "Иванов",
    "Smirnov": "Смирнов",
    "Kuznetsov": "Кузнецов",
    "Popov": "Попов",
    "Sokolov": "Соколов",
    "Lebedev": "Лебедев",
    "Kozlov": "Козлов",
    "Novikov": "Новиков",
    "Morozov": "Морозов",
    "Petrov": "Петров",
    "Volkov": "Волков",
    "Solovyov": "Соловьёв",
    "Vasiliev": "Васильев",
    "Zaitsev": "Зайцев",
    "Pavlov": "Павлов",
    "Semyonov": "Семёнов",
    "Golubev": "Голубев",
    "Vinogradov": "Виноградов",
}
WESTERN_GIVEN = (
    "James",
    "Mary",
    "Robert",
    "Patricia",
    "John",
    "Jennifer",
    "Michael",
    "Linda",
    "David",
    "Elizabeth",
    "William",
    "Barbara",
    "Richard",
    "Susan",
    "Thomas",
    "Jessica",
    "Charles",
    "Sarah",
    "Daniel",
    "Karen",
    "Matthew",
    "Nancy",
    "Anthony",
    "Lisa",
    "Mark",
    "Sophie",
    "Pierre",
    "Camille",
    "Hans",
    "Greta",
    "Lukas",
    "Clara",
    "Marco",
    "Giulia",
    "Javier",
    "Lucia",
    "Anders",
    "Ingrid",
    "Tomasz",
    "Agnieszka",
)
WESTERN_FAMILY = (
    "Smith",
    "Johnson",
    "Williams",
    "Brown",
    "Jones",
    "Garcia",
    "Miller",
    "Davis",
    "Wilson",
    "Anderson",
    "Taylor",
    "Thomas",
    "Moore",
    "Martin",
    "Jackson",
    "Thompson",
    "White",
    "Harris",
    "Clark",
    "Lewis",
    "Robinson",
    "Walker",
    "Young",
    "Allen",
    "Wright",
    "Scott",
    "Dubois",
    "Lefebvre",
    "Moreau",
    "Schmidt",
    "Schneider",
    "Fischer",
    "Weber",
    "Rossi",
    "Bianchi",
    "Fernandez",
    "Lindqvist",
    "Nowak",
    "Kowalski",
    "Greenfield",
    "Evans",
    "Hughes",
    "Bennett",
    "Fitzgerald",
    "O'Neill",
    "Van der Berg",
    "Müller",
    "Kovač",
)
PERSON_TITLES = (
    "Foreign Minister",
    "Defense Minister",
    "Ambassador to the United Nations",
    "Special Envoy",
    "Spokesperson",
    "Deputy Foreign Minister",
    "Trade Minister",
    "Director",
    "Chair",
    "Coordinator",
    "Senior Researcher",
    "Head of Delegation",
    "Prime Minister",
    "President",
    "National Security Adviser",
    "Commander",
    "Chief Executive",
)
SPEAKERS = (
    "a spokesperson for the ministry",
    "its envoy to the United Nations",
    "a senior official",
    "the deputy foreign minister",
    "a government statement",
    "its state news agency",
)

CYRILLIC = {
    "a": "а",
    "b": "б",
    "c": "ц",
    "d": "д",
    "e": "е",
    "f": "ф",
    "g": "г",
    "h": "х",
    "i": "и",
    "j": "дж",
    "k": "к",
    "l": "л",
    "m": "м",
    "n": "н",
    "o": "о",
    "p": "п",
    "q": "кв",
    "r": "р",
    "s": "с",
    "t": "т",
    "u": "у",
    "v": "в",
    "w": "уо",
    "x": "кс",
    "y": "ы",
    "z": "з",
}


# ---------------------------------------------------------------------------------------------
# Prose


class Prose:
    """Make news-like sentences from the word pairs of SEED_TEXT."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        words = SEED_TEXT.split()
        self.follow: dict[str, list[str]] = {}
        for first, second in itertools.pairwise(words):
            self.follow.setdefault(first, []).append(second)
        self.starts = [w for prev, w in itertools.pairwise(words) if prev.endswith(".")]

    def sentence(self, names: Sequence[str], low: int = 12, high: int = 30) -> str:
        rng = self.rng
        word = rng.choice(self.starts)
        out = [word]
        while not (word.endswith(".") and len(out) >= low):
            options = self.follow.get(word)
            if not options or len(out) >= high:
                out[-1] = out[-1].rstrip(".,") + "."
                break
            word = rng.choice(options)
            # Too short yet: a full stop becomes a comma and the sentence goes on.
            out.append(word.rstrip(".") + "," if word.endswith(".") and len(out) + 1 < low else word)
        text = " ".join(out)
        text = text[0].upper() + text[1:]
        return self.fill(text, names)

    def fill(self, text: str, names: Sequence[str]) -> str:
        a, b = (names[0], names[1]) if len(names) > 1 else (names[0], names[0])
        text = text.replace("{A}", a).replace("{B}", b)
        # Numbers, ships and ports vary as in real reporting, so the vocabulary keeps growing.
        text = re.sub(r"\{(N|SHIP|PORT|YEAR)\}", self._slot, text)
        return text[0].upper() + text[1:]

    def _slot(self, match: re.Match[str]) -> str:
        rng = self.rng
        kind = match.group(1)
        if kind == "N":
            return str(rng.choice((rng.randint(2, 40), rng.randint(40, 900))))
        if kind == "YEAR":
            return str(rng.randint(2006, 2024))
        if kind == "PORT":
            return rng.choice(PORTS)
        first, second = rng.choice(COMPANY_WORDS[0]), rng.choice(SHIP_WORDS)
        return f"{first} {second}" + (f" {rng.randint(1, 99)}" if rng.random() < 0.3 else "")

    def paragraph(self, names: Sequence[str], words: int) -> str:
        sentences: list[str] = []
        count = 0
        while count < words:
            sentence = self.sentence(self.rng.sample(list(names), min(2, len(names))))
            sentences.append(sentence)
            count += len(sentence.split())
        return " ".join(sentences)

    def emphasize(self, text: str) -> str:
        """Put one short phrase in bold, as contributors do in summaries and key points."""
        words = text.split(" ")
        if len(words) < 6:
            return text
        start = self.rng.randrange(1, len(words) - 3)
        span = words[start : start + self.rng.randint(1, 3)]
        last = span[-1].rstrip(".,")
        tail = span[-1][len(last) :]
        phrase = " ".join([*span[:-1], last])
        if not phrase or not phrase[0].isalnum() or not phrase[-1].isalnum():
            return text
        return " ".join([*words[:start], f"**{phrase}**{tail}", *words[start + len(span) :]])


# ---------------------------------------------------------------------------------------------
# Records


@dataclass
class Actor:
    id: str
    name: str
    kind: str
    aliases: list[str] = field(default_factory=list)
    country: str | None = None
    roles: list[dict[str, str]] = field(default_factory=list)
    summary: str = ""
    wikidata: str | None = None
    links: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class SharedEvent:
    id: str
    date: dt.date
    title: str
    actors: list[str]


def slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return "-".join(re.findall(r"[a-z0-9]+", ascii_text))[:80].strip("-")


def fold(name: str) -> str:
    return unicodedata.normalize("NFKC", name).casefold().strip()


class Names:
    """Every name and alias given out, so that a name leads to one actor (the format's rule)."""

    def __init__(self) -> None:
        self.taken: set[str] = set()
        self.ids: set[str] = {"index"}

    def claim(self, name: str) -> bool:
        key = fold(name)
        if key in self.taken:
            return False
        self.taken.add(key)
        return True

    def claim_id(self, name: str) -> str | None:
        candidate = slug(name)
        if not candidate or candidate in self.ids:
            return None
        self.ids.add(candidate)
        return candidate


def make_actors(count: int, rng: random.Random, prose: Prose) -> list[Actor]:
    names = Names()
    countries_wanted = max(3, round(count * 0.15))
    organizations_wanted = max(2, round(count * 0.25))
    persons_wanted = max(1, count - countries_wanted - organizations_wanted)
    actors: list[Actor] = []

    countries: list[Actor] = []
    for name, aliases in COUNTRIES[:countries_wanted]:
        actor = _new_actor(names, name, "country", aliases)
        if actor:
            countries.append(actor)
    while len(countries) < countries_wanted:
        base = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()
        name = rng.choice(("{}", "Republic of {}", "{}ia", "{}stan")).format(base)
        cyrillic = "".join(CYRILLIC.get(ch, ch) for ch in name.lower()).capitalize()
        actor = _new_actor(names, name, "country", [cyrillic])
        if actor:
            countries.append(actor)
    for actor in countries:
        actor.wikidata = f"Q{rng.randint(10, 99999)}"
        actor.summary = prose.paragraph([actor.name], rng.randint(25, 45))
    actors += countries

    organizations: list[Actor] = []
    for name, aliases in INTERNATIONAL_ORGANIZATIONS[:organizations_wanted]:
        actor = _new_actor(names, name, "organization", aliases)
        if actor:
            organizations.append(actor)
    attempts = 0
    while len(organizations) < organizations_wanted and attempts < 100 * count:
        attempts += 1
        home = rng.choice(countries)
        if rng.random() < 0.55:
            pattern, alias = rng.choice(NATIONAL_BODIES)
            name = pattern.format(c=home.name)
            aliases = [alias.format(c=home.name)] if alias else []
        else:
            first, second, suffix = (rng.choice(words) for words in COMPANY_WORDS)
            name = f"{first} {second} {suffix}"
            initials = "".join(w[0] for w in (first, second)) + "SC"
            aliases = [f"{first} {second}", initials] if rng.random() < 0.5 else []
        actor = _new_actor(names, name, "organization", aliases)
        if actor:
            actor.country = home.id
            organizations.append(actor)
    for actor in organizations:
        actor.summary = prose.paragraph([actor.name], rng.randint(20, 40))
        if rng.random() < 0.3:
            actor.links.append(("Official website", f"https://www.{actor.id[:40]}.example.org/"))
    actors += organizations

    attempts = 0
    persons: list[Actor] = []
    while len(persons) < persons_wanted and attempts < 100 * count:
        attempts += 1
        name, aliases, home_name = _person_name(rng)
        actor = _new_actor(names, name, "person", aliases)
        if actor is None:
            continue
        home = next((c for c in countries if c.name == home_name), None) or rng.choice(countries)
        actor.country = home.id
        actor.summary = prose.paragraph([actor.name, home.name], rng.randint(25, 50))
        for _ in range(rng.choice((0, 1, 1, 2))):
            start = _random_date(rng, dt.date(2005, 1, 1), dt.date(2023, 1, 1))
            role = {"title": rng.choice(PERSON_TITLES)}
            local = [o for o in organizations if o.country == home.id]
            if local or rng.random() < 0.3:
                role["organization"] = rng.choice(local or organizations).id
            role["from"] = start.strftime("%Y-%m")
            if rng.random() < 0.5:
                role["to"] = (start + dt.timedelta(days=rng.randint(200, 2500))).strftime("%Y-%m")
            actor.roles.append(role)
        if rng.random() < 0.4:
            actor.wikidata = f"Q{rng.randint(100000, 99999999)}"
        persons.append(actor)
    actors += persons
    return actors


def _new_actor(names: Names, name: str, kind: str, aliases: Iterable[str]) -> Actor | None:
    if fold(name) in names.taken:
        return None
    actor_id = names.claim_id(name)
    if actor_id is None:
        return None
    names.claim(name)
    kept = [alias for alias in aliases if alias and names.claim(alias)]
    return Actor(actor_id, name, kind, kept)


def _person_name(rng: random.Random) -> tuple[str, list[str], str]:
    """Return a name, its aliases (family name, other scripts) and the usual home country."""
    culture = rng.choices(("korean", "chinese", "japanese", "russian", "western"), (3, 2, 2, 2, 4))[0]
    if culture == "korean":
        family = rng.choice(list(KOREAN_FAMILY))
        first, second = rng.sample(list(KOREAN_SYLLABLES), 2)
        name = f"{family} {first.capitalize()}-{second}"
        native = KOREAN_FAMILY[family] + KOREAN_SYLLABLES[first] + KOREAN_SYLLABLES[second]
        return name, [native], rng.choice(("North Korea", "South Korea"))
    if culture == "chinese":
        family = rng.choice(list(CHINESE_FAMILY))
        given = rng.choice(list(CHINESE_GIVEN))
        return f"{family} {given}", [CHINESE_FAMILY[family] + CHINESE_GIVEN[given]], "China"
    if culture == "japanese":
        given, family = rng.choice(list(JAPANESE_GIVEN)), rng.choice(list(JAPANESE_FAMILY))
        return f"{given} {family}", [JAPANESE_FAMILY[family] + JAPANESE_GIVEN[given]], "Japan"
    if culture == "russian":
        given, family = rng.choice(list(RUSSIAN_GIVEN)), rng.choice(list(RUSSIAN_FAMILY))
        if given in ("Olga", "Maria", "Anna", "Yelena", "Natalia"):
            return f"{given} {family}a", [f"{RUSSIAN_GIVEN[given]} {RUSSIAN_FAMILY[family]}а"], "Russia"
        return f"{given} {family}", [f"{RUSSIAN_GIVEN[given]} {RUSSIAN_FAMILY[family]}", family], "Russia"
    given, family = rng.choice(WESTERN_GIVEN), rng.choice(WESTERN_FAMILY)
    if rng.random() < 0.15:
        family = f"{family}-{rng.choice(WESTERN_FAMILY)}"
    home = rng.choice(("United States", "United Kingdom", "France", "Germany", "Australia", "Canada"))
    return f"{given} {family}", [family], home


def make_topics() -> list[tuple[str, str, str]]:
    return [(slug(name), name, summary) for name, summary in TOPICS[:TOPIC_COUNT]]


# ---------------------------------------------------------------------------------------------
# YAML, written by hand: block scalars for prose, plain scalars where safe, quotes otherwise.

_PLAIN_UNSAFE_START = tuple("-?:,[]{}#&*!|>'\"%@`~ ")


def scalar(value: str) -> str:
    if (
        not value
        or value.startswith(_PLAIN_UNSAFE_START)
        or value.endswith((" ", ":"))
        or ": " in value
        or " #" in value
        or "\n" in value
    ):
        return json.dumps(value, ensure_ascii=False)
    return value


def block(value: str, indent: int, style: str = "|") -> str:
    """A block scalar: the text wrapped at 76 columns, indented under its key."""
    lines = textwrap.wrap(value, width=max(40, 78 - indent), break_long_words=False, break_on_hyphens=False)
    pad = " " * indent
    return f"{style}\n" + "\n".join(pad + line for line in lines)


def flow_list(values: Sequence[str]) -> str:
    return "[" + ", ".join(values) + "]"


def date_value(value: str, rng: random.Random) -> str:
    """Dates are written quoted or unquoted, as contributors do."""
    return f'"{value}"' if rng.random() < 0.5 else value


def write_actor(actor: Actor, folder: Path, rng: random.Random) -> None:
    lines = [f"# Actor: {actor.name}", f"name: {scalar(actor.name)}", f"kind: {actor.kind}"]
    if actor.aliases:
        lines.append("aliases: " + flow_list([json.dumps(a, ensure_ascii=False) for a in actor.aliases]))
    if actor.summary:
        lines.append("summary: " + block(actor.summary, 2, ">-"))
    if actor.country:
        lines.append(f"country: {actor.country}")
    if actor.roles:
        lines.append("roles:")
        for role in actor.roles:
            lines.append(f"  - title: {scalar(role['title'])}")
            if "organization" in role:
                lines.append(f"    organization: {role['organization']}")
            lines.append(f"    from: {date_value(role['from'], rng)}")
            if "to" in role:
                lines.append(f"    to: {date_value(role['to'], rng)}")
    if actor.wikidata:
        lines += ["identifiers:", f"  wikidata: {actor.wikidata}"]
    if actor.links:
        lines.append("links:")
        for title, url in actor.links:
            lines += [f"  - title: {scalar(title)}", f"    url: {url}"]
    (folder / f"{actor.id}.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_topic(topic: tuple[str, str, str], folder: Path, prose: Prose) -> None:
    topic_id, name, summary = topic
    text = summary + " " + prose.paragraph(["the Security Council", "member states"], 40)
    body = f"# Topic: {name}\nname: {scalar(name)}\nsummary: {block(text, 2, '>-')}\n"
    (folder / f"{topic_id}.yaml").write_text(body, encoding="utf-8")


# ---------------------------------------------------------------------------------------------
# Articles


def _random_date(rng: random.Random, first: dt.date, last: dt.date) -> dt.date:
    return first + dt.timedelta(days=rng.randrange((last - first).days + 1))


class Popularity:
    """Zipf-like choice of actors: a few in most stories, most in a handful."""

    def __init__(self, actors: Sequence[Actor], rng: random.Random) -> None:
        boost = {"country": 0.25, "organization": 0.8, "person": 1.0}
        order = sorted(actors, key=lambda a: rng.random() * boost[a.kind])
        self.actors = order
        weights = [1 / (rank + 1) ** 0.85 for rank in range(len(order))]
        total = 0.0
        self.cumulative = []
        for weight in weights:
            total += weight
            self.cumulative.append(total)

    def pick(self, rng: random.Random, count: int, first: Sequence[str] = ()) -> list[Actor]:
        by_id = {a.id: a for a in self.actors}
        chosen = {actor_id: by_id[actor_id] for actor_id in first}
        for _ in range(count * 20):
            if len(chosen) >= count:
                break
            actor = rng.choices(self.actors, cum_weights=self.cumulative)[0]
            chosen.setdefault(actor.id, actor)
        return list(chosen.values())


def make_shared_events(count: int, rng: random.Random, popularity: Popularity) -> list[SharedEvent]:
    events: list[SharedEvent] = []
    used: set[str] = set()
    for index in range(count):
        day = _random_date(rng, FIRST_DAY - dt.timedelta(days=60), LAST_DAY - dt.timedelta(days=5))
        actors = popularity.pick(rng, rng.randint(2, 3))
        title = rng.choice(EVENT_TEMPLATES).format(A=actors[0].name, B=actors[1].name)
        event_id = slug(f"{title[:48]} {day:%Y-%m}")
        if event_id in used:
            event_id = f"{event_id}-{index}"
        used.add(event_id)
        events.append(SharedEvent(event_id, day, title, [a.id for a in actors]))
    events.sort(key=lambda e: (e.date, e.id))
    return events


def write_article(
    index: int,
    published: dt.date,
    folder: Path,
    rng: random.Random,
    prose: Prose,
    popularity: Popularity,
    shared: Sequence[SharedEvent],
    topics: Sequence[tuple[str, str, str]],
    used_ids: set[str],
) -> str:
    # Shared background events: those of the last months before publication.
    recent = [e for e in shared if published - dt.timedelta(days=150) <= e.date <= published]
    background = rng.sample(recent, min(len(recent), rng.choice((0, 1, 1, 2, 2))))
    core = list(dict.fromkeys(actor for event in background for actor in event.actors[:2]))[:3]
    actors = popularity.pick(rng, rng.randint(5, 7), core)
    names = [a.name for a in actors]
    subjects = sorted(actors, key=lambda x: x.kind == "person")  # a country or body leads the headline
    a, b = subjects[0].name, subjects[1].name

    title = rng.choice(TITLE_TEMPLATES).format(A=a, B=b, n=rng.randint(2, 9))
    article_id = slug(f"{published:%Y-%m-%d} {title}")[:72].strip("-")
    while article_id in used_ids:
        article_id = f"{article_id[:68].strip('-')}-{index}"
    used_ids.add(article_id)

    article_topics = [t[0] for t in rng.sample(list(topics), rng.randint(1, 3))]
    lines = [f"# Article {index}: {title}", f"title: {scalar(title)}", "source:"]
    lines.append(f"  publisher: {scalar(rng.choice(PUBLISHERS))}")
    lines.append(f"  published: {date_value(published.isoformat(), rng)}")
    if rng.random() < 0.8:
        lines.append(f"  url: https://www.example-news.org/world/{published:%Y/%m/%d}/{article_id[11:60]}/")
    if rng.random() < 0.7:
        lines.append(f"  dateline: {rng.choice(DATELINES)}")
    if rng.random() < 0.5:
        authors = [f"{rng.choice(WESTERN_GIVEN)} {rng.choice(WESTERN_FAMILY)}" for _ in range(rng.randint(1, 2))]
        lines.append("  authors: " + flow_list([json.dumps(x, ensure_ascii=False) for x in authors]))
    lines.append(f"topics: {flow_list(article_topics)}")
    lines.append(f"tags: {flow_list(rng.sample(TAGS, rng.randint(1, 3)))}")

    summary = prose.emphasize(prose.paragraph(names[:3], rng.randint(110, 170)))
    if rng.random() < 0.3:
        summary += f" See [the full report](https://www.example-news.org/reports/{article_id[11:50]}) for details."
    lines.append("summary: " + block(summary, 2))

    lines.append("key_points:")
    for _ in range(rng.randint(3, 5)):
        point = prose.emphasize(prose.sentence(rng.sample(names, 2), 16, 34))
        lines.append(f"  - {scalar(point)}")

    lines.append("actors:")
    for actor in actors:
        if rng.random() < 0.55:
            role = prose.sentence([actor.name, b], 6, 14).rstrip(".")
            lines += [f"  - id: {actor.id}", f"    role: {scalar(role)}"]
        else:
            lines.append(f"  - {actor.id}")

    lines.append("events:")
    own_events = 3 - len(background)
    reports: list[tuple[str | None, str, str, list[str]]] = []
    for event in background:
        reports.append((event.id, _reported_date(event.date, published, rng), event.title, event.actors))
    for number in range(own_events):
        day = published - dt.timedelta(days=0 if number == 0 else rng.randint(1, 400))
        involved = [x.id for x in rng.sample(actors, rng.randint(1, 3))]
        event_title = rng.choice(EVENT_TEMPLATES).format(A=a, B=b)
        event_id = f"{article_id[:70].strip('-')}-e{number + 1}" if rng.random() < 0.7 else None
        precision = rng.choices((10, 7, 4), (7, 2, 1))[0]
        reports.append((event_id, day.isoformat()[:precision], event_title, involved))
    for event_id, date, event_title, involved in reports:
        entry = [f"id: {event_id}"] if event_id else []  # events without an id belong to this article alone
        entry.append(f"date: {date_value(date, rng)}")
        if rng.random() < 0.6:
            entry.append(f"as_written: {scalar(rng.choice(AS_WRITTEN))}")
        entry += [f"title: {scalar(event_title)}", f"actors: {flow_list(involved)}"]
        if rng.random() < 0.75:
            entry.append("details: " + block(prose.paragraph(names[:2], rng.randint(25, 45)), 6, ">-"))
        lines += [("  - " if i == 0 else "    ") + item for i, item in enumerate(entry)]

    lines.append("quotes:")
    for _ in range(rng.randint(1, 2)):
        speaker = rng.choice(actors)
        lines.append(f"  - by: {speaker.id}")
        if speaker.kind != "person" and rng.random() < 0.6:
            lines.append(f"    speaker: {scalar(rng.choice(SPEAKERS))}")
        lines.append(f"    text: {scalar(prose.sentence(names, 10, 24).rstrip('.'))}")
        if rng.random() < 0.3:
            lines.append(f"    date: {date_value((published - dt.timedelta(days=rng.randint(0, 3))).isoformat(), rng)}")
        if rng.random() < 0.6:
            lines.append("    context: " + block(prose.sentence(names, 14, 30), 6, ">-"))

    lines.append("statements:")
    for _ in range(rng.randint(3, 6)):
        speaker = rng.choice(actors)
        lines.append(f"  - by: {speaker.id}")
        lines.append(f"    text: {scalar(prose.sentence(names, 10, 26))}")
        if rng.random() < 0.85:
            lines.append(f"    topic: {rng.choice(article_topics)}")
            if rng.random() < 0.85:
                lines.append(f"    stance: {rng.choice(('supports', 'opposes', 'neutral'))}")

    lines.append("relations:")
    for _ in range(rng.randint(3, 6)):
        source, target = rng.sample(actors, 2)
        lines += [f"  - from: {source.id}", f"    to: {target.id}", f"    kind: {rng.choice(RELATION_KINDS)}"]
        if rng.random() < 0.4:
            lines.append(f"    date: {date_value(published.isoformat()[: rng.choice((4, 7))], rng)}")
        if rng.random() < 0.5:
            lines.append(f"    text: {scalar(rng.choice(RELATION_TEXTS))}")

    (folder / f"{article_id}.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return article_id


def _reported_date(day: dt.date, published: dt.date, rng: random.Random) -> str:
    """How one article dates a shared event: mostly the day, sometimes the month or the year."""
    roll = rng.random()
    if roll < CONFLICT_RATE and day < published:
        return (day + dt.timedelta(days=1)).isoformat()  # disagrees: a warning, shown with each source
    if roll < 0.7:
        return day.isoformat()
    if roll < 0.9:
        return day.isoformat()[:7]
    return day.isoformat()[:4]


def make_corpus(count: int, out_dir: Path, seed: int = DEFAULT_SEED) -> dict[str, int]:
    """Write ``count`` articles and their actors and topics into ``out_dir`` (replaced)."""
    rng = random.Random(f"{seed}-{count}")
    prose = Prose(rng)
    if out_dir.exists():
        shutil.rmtree(out_dir)
    folders = {kind: out_dir / kind for kind in ("articles", "actors", "topics")}
    for folder in folders.values():
        folder.mkdir(parents=True)

    actors = make_actors(max(10, count // 5), rng, prose)
    for actor in actors:
        write_actor(actor, folders["actors"], rng)
    topics = make_topics()
    for topic in topics:
        write_topic(topic, folders["topics"], prose)

    popularity = Popularity(actors, rng)
    shared = make_shared_events(max(5, count // 4), rng, popularity)
    used: set[str] = set()
    days = sorted(_random_date(rng, FIRST_DAY, LAST_DAY) for _ in range(count))
    for index, published in enumerate(days, start=1):
        write_article(index, published, folders["articles"], rng, prose, popularity, shared, topics, used)
    return {"articles": count, "actors": len(actors), "topics": len(topics), "shared_events": len(shared)}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("count", type=int, help="how many articles")
    parser.add_argument("out_dir", type=Path, help="the content folder to write (replaced if it exists)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help=f"random seed (default: {DEFAULT_SEED})")
    args = parser.parse_args(argv)
    if args.count < 1:
        parser.error("count must be at least 1")
    counts = make_corpus(args.count, args.out_dir, args.seed)
    print(
        f"{args.out_dir}: {counts['articles']} articles, {counts['actors']} actors, {counts['topics']} topics, "
        f"{counts['shared_events']} shared events"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

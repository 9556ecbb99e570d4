"""English names of places, countries and their adjectives, and news agencies: part of the English table.

Places are never proposed as actors (the content's own countries come from its actor files);
a country's adjective ("South Korean", "Chinese") names that country when the content has it.
"""

from __future__ import annotations

from ..language import fold

# Country: its adjectives (the regular "-a" -> "-an" ones are made by rule, see `demonyms`).
_COUNTRIES = """
Afghanistan: Afghan | Albania: Albanian | Algeria: Algerian | Angola: Angolan | Argentina: Argentine, Argentinian |
Armenia: Armenian | Australia: Australian | Austria: Austrian | Azerbaijan: Azerbaijani | Bahrain: Bahraini |
Bangladesh: Bangladeshi | Belarus: Belarusian | Belgium: Belgian | Bhutan: Bhutanese | Bolivia: Bolivian |
Bosnia and Herzegovina: Bosnian | Brazil: Brazilian | Bulgaria: Bulgarian | Burkina Faso: Burkinabe |
Cambodia: Cambodian | Cameroon: Cameroonian | Canada: Canadian | Chad: Chadian | Chile: Chilean | China: Chinese |
Colombia: Colombian | Congo: Congolese | Costa Rica: Costa Rican | Croatia: Croatian | Cuba: Cuban | Cyprus: Cypriot |
Czech Republic: Czech | Czechia: Czech | Denmark: Danish | Ecuador: Ecuadorian | Egypt: Egyptian | Eritrea: Eritrean |
Estonia: Estonian | Ethiopia: Ethiopian | Finland: Finnish | France: French | Georgia: Georgian | Germany: German |
Ghana: Ghanaian | Greece: Greek | Guatemala: Guatemalan | Haiti: Haitian | Honduras: Honduran | Hungary: Hungarian |
Iceland: Icelandic | India: Indian | Indonesia: Indonesian | Iran: Iranian | Iraq: Iraqi | Ireland: Irish |
Israel: Israeli | Italy: Italian | Ivory Coast: Ivorian | Jamaica: Jamaican | Japan: Japanese | Jordan: Jordanian |
Kazakhstan: Kazakh | Kenya: Kenyan | Kosovo: Kosovar | Kuwait: Kuwaiti | Kyrgyzstan: Kyrgyz | Laos: Lao, Laotian |
Latvia: Latvian | Lebanon: Lebanese | Libya: Libyan | Lithuania: Lithuanian | Luxembourg: Luxembourgish |
Malaysia: Malaysian | Mali: Malian | Malta: Maltese | Mexico: Mexican | Moldova: Moldovan | Mongolia: Mongolian |
Montenegro: Montenegrin | Morocco: Moroccan | Mozambique: Mozambican | Myanmar: Burmese | Burma: Burmese |
Nepal: Nepali, Nepalese | Netherlands: Dutch | New Zealand: New Zealand | Nicaragua: Nicaraguan | Niger: Nigerien |
Nigeria: Nigerian | North Korea: North Korean | North Macedonia: Macedonian | Norway: Norwegian | Oman: Omani |
Pakistan: Pakistani | Palestine: Palestinian | Panama: Panamanian | Paraguay: Paraguayan | Peru: Peruvian |
Philippines: Filipino, Philippine | Poland: Polish | Portugal: Portuguese | Qatar: Qatari | Romania: Romanian |
Russia: Russian | Rwanda: Rwandan | Saudi Arabia: Saudi | Senegal: Senegalese | Serbia: Serbian | Singapore: Singaporean |
Slovakia: Slovak | Slovenia: Slovenian | Somalia: Somali | South Africa: South African | South Korea: South Korean |
South Sudan: South Sudanese | Spain: Spanish | Sri Lanka: Sri Lankan | Sudan: Sudanese | Sweden: Swedish |
Switzerland: Swiss | Syria: Syrian | Taiwan: Taiwanese | Tajikistan: Tajik | Tanzania: Tanzanian | Thailand: Thai |
Tunisia: Tunisian | Turkey: Turkish | Turkmenistan: Turkmen | Uganda: Ugandan | Ukraine: Ukrainian |
United Arab Emirates: Emirati | United Kingdom: British | Britain: British | United States: | Uruguay: Uruguayan |
Uzbekistan: Uzbek | Venezuela: Venezuelan | Vietnam: Vietnamese | Yemen: Yemeni | Zambia: Zambian |
Zimbabwe: Zimbabwean | Korea: Korean | America: | England: English | Scotland: Scottish |
Wales: Welsh | Gaza: | West Bank: | Crimea: | Donbas: | Kashmir: | Tibet: Tibetan | Xinjiang: | Hong Kong: | Macau: |
Greenland: | Puerto Rico: Puerto Rican | Kurdistan: Kurdish | Chechnya: Chechen | Catalonia: Catalan
"""

COUNTRY_ADJECTIVES: dict[str, tuple[str, ...]] = {}
for _entry in _COUNTRIES.split("|"):
    _name, _, _adjectives = _entry.partition(":")
    COUNTRY_ADJECTIVES[_name.strip()] = tuple(a.strip() for a in _adjectives.split(",") if a.strip())

# Capitals, large cities and regions: places, never proposed as actors (the content's own
# aliases, such as "Pyongyang" for North Korea, are matched before this list is looked at).
_PLACES = """
Abu Dhabi, Abuja, Accra, Addis Ababa, Aleppo, Algiers, Almaty, Amman, Amsterdam, Ankara, Astana, Athens, Atlanta,
Baghdad, Baku, Bali, Bangkok, Barcelona, Basra, Beijing, Beirut, Belgrade, Berlin, Bern, Bogota, Boston, Brasilia,
Bratislava, Brussels, Bucharest, Budapest, Buenos Aires, Busan, Cairo, Canberra, Cape Town, Caracas, Chicago,
Chisinau, Colombo, Copenhagen, Dakar, Damascus, Dhaka, Doha, Dubai, Dublin, Dushanbe, Edinburgh, Frankfurt, Geneva,
Gdansk, Guangzhou, Hanoi, Harare, Havana, Helsinki, Hiroshima, Ho Chi Minh City, Houston, Incheon, Islamabad,
Istanbul, Jakarta, Jeddah, Jerusalem, Johannesburg, Kabul, Kaesong, Kampala, Karachi, Kathmandu, Kharkiv, Khartoum,
Kherson, Kyiv, Kiev, Kinshasa, Kuala Lumpur, Kyoto, Lagos, Lahore, La Paz, Lima, Lisbon, Ljubljana, London,
Los Angeles, Luanda, Lviv, Madrid, Managua, Manila, Mariupol, Melbourne, Mexico City, Miami, Milan, Minsk,
Mogadishu, Montevideo, Montreal, Moscow, Mumbai, Munich, Muscat, Nagasaki, Nairobi, Naples, New Delhi, Delhi,
New York, Nicosia, Odesa, Odessa, Osaka, Oslo, Ottawa, Panama City, Paris, Phnom Penh, Prague, Pretoria,
Pyongyang, Quito, Rabat, Rafah, Ramallah, Rangoon, Yangon, Reykjavik, Riga, Rio de Janeiro, Riyadh, Rome,
San Francisco, Santiago, Sao Paulo, Sapporo, Sarajevo, Seattle, Seoul, Sevastopol, Shanghai, Shenzhen, Singapore,
Skopje, Sofia, Stockholm, Sydney, Taipei, Tallinn, Tashkent, Tbilisi, Tehran, Tel Aviv, Tijuana, Tirana, Tokyo,
Toronto, Tripoli, Tunis, Ulaanbaatar, Vancouver, Vienna, Vilnius, Vladivostok, Warsaw, Washington, Wellington,
Wuhan, Yerevan, Yokohama, Zagreb, Zurich,
Africa, Asia, Europe, Antarctica, Arctic, Atlantic, Pacific, Indian Ocean, Mediterranean, Middle East, Near East,
Far East, Latin America, South America, North America, Central America, Southeast Asia, East Asia, South Asia,
Central Asia, Western Europe, Eastern Europe, Balkans, Caucasus, Caribbean, Sahel, Gulf, Persian Gulf, Red Sea,
Black Sea, Baltic, Baltic Sea, South China Sea, East China Sea, Sea of Japan, East Sea, Yellow Sea, Korean Peninsula,
Taiwan Strait, Strait of Hormuz, Suez Canal, Golan Heights, Sinai, Himalayas, Silicon Valley, Wall Street,
Capitol Hill, Downing Street, Pentagon, Kremlin, White House, Blue House, Elysee, Manhattan, Brooklyn, Hollywood,
California, Texas, Florida, Alaska, Hawaii, Arizona, Ohio, Michigan, Pennsylvania, Georgia, Virginia, Maryland,
Oregon, Nevada, Iowa, Wisconsin, Minnesota, Illinois, Colorado, Utah, Massachusetts, New Jersey, North Carolina,
South Carolina, Kentucky, Tennessee, Alabama, Louisiana, Mississippi, Missouri, Kansas, Nebraska, Oklahoma,
Jeju, Gyeonggi, Okinawa, Hokkaido, Kyushu, Siberia, Crimea, Donetsk, Luhansk, Zaporizhzhia, Bakhmut, Avdiivka,
Kursk, Belgorod, Northern Ireland, Bavaria, Quebec, Ontario, Scotland, Wales, England
"""

PLACES = frozenset(fold(place.strip()) for place in _PLACES.replace("\n", " ").split(",") if place.strip()) | frozenset(
    fold(name) for name in COUNTRY_ADJECTIVES
)
ADJECTIVES = frozenset(fold(adjective) for adjectives in COUNTRY_ADJECTIVES.values() for adjective in adjectives)

# Wire services and large newsrooms: a source of the story, not an actor in it.
NEWS_AGENCIES = frozenset(
    fold(name)
    for name in (
        "Reuters", "AP", "Associated Press", "The Associated Press", "AFP", "Agence France-Presse", "Yonhap",
        "Yonhap News Agency", "Jiji", "Jiji Press", "Kyodo", "Kyodo News", "Xinhua", "TASS", "Interfax", "RIA Novosti",
        "Bloomberg", "BBC", "CNN", "NHK", "KCNA", "Korean Central News Agency", "EFE", "ANSA", "DPA", "PTI", "ANI",
        "Anadolu", "Al Jazeera", "The New York Times", "New York Times", "The Washington Post", "Washington Post",
        "The Guardian", "Financial Times", "The Wall Street Journal", "Wall Street Journal", "Nikkei", "Asahi",
        "Yomiuri", "Mainichi", "Korea Herald", "Korea JoongAng Daily", "Chosun Ilbo", "Global Times", "Sputnik",
    )
)  # fmt: skip


def demonyms(country: str) -> tuple[str, ...]:
    """The adjectives of a country's name: 'South Korea' -> ('South Korean',), 'Chile' -> ('Chilean',)."""
    if country in COUNTRY_ADJECTIVES:
        return COUNTRY_ADJECTIVES[country]
    if country.endswith("ia") or country.endswith("a"):
        return (country + "n",)
    return ()


# Regions, provinces and parts of countries among the names above: places, not countries to propose.
_NOT_COUNTRIES = frozenset(
    [
        "Korea",
        "America",
        "England",
        "Scotland",
        "Wales",
        "Gaza",
        "West",
        "Bank",
        "Crimea",
        "Donbas",
        "Kashmir",
        "Tibet",
        "Xinjiang",
        "Hong",
        "Kong",
        "Macau",
        "Greenland",
        "Puerto",
        "Rico",
        "Kurdistan",
        "Chechnya",
        "Catalonia",
        "Palestine",
        "Britain",
        "Burma",
        "Czech",
        "Republic",
        "Georgia",
    ]
)
COUNTRIES = {
    fold(name): name
    for name in COUNTRY_ADJECTIVES
    if not (set(name.split()) & _NOT_COUNTRIES and name not in ("South Korea", "North Korea", "Czechia"))
}

# Well-known international bodies, proposed as organizations when the content does not have them:
# the name, then the short forms the text may use.
WELL_KNOWN_BODIES = {
    "United Nations": ("UN", "U.N."),
    "UN Security Council": ("U.N. Security Council", "United Nations Security Council", "UNSC"),
    "UN General Assembly": ("U.N. General Assembly", "United Nations General Assembly"),
    "European Union": ("EU", "E.U."),
    "European Commission": (),
    "NATO": ("North Atlantic Treaty Organization",),
    "Group of Seven": ("G7", "G-7"),
    "Group of 20": ("G20", "G-20"),
    "ASEAN": ("Association of Southeast Asian Nations",),
    "International Atomic Energy Agency": ("IAEA",),
    "World Health Organization": ("WHO",),
    "International Monetary Fund": ("IMF",),
    "World Bank": (),
    "World Trade Organization": ("WTO",),
    "African Union": ("AU",),
    "OPEC": ("Organization of the Petroleum Exporting Countries",),
    "BRICS": (),
    "International Criminal Court": ("ICC",),
    "Interpol": (),
}

# A country's state media: what they are quoted as saying is that state's (names of the press as
# the English press writes them).
STATE_MEDIA = {
    fold(agency): country
    for agency, country in (
        ("KCNA", "North Korea"), ("Korean Central News Agency", "North Korea"), ("Rodong Sinmun", "North Korea"),
        ("Xinhua", "China"), ("People's Daily", "China"), ("Global Times", "China"), ("CCTV", "China"),
        ("TASS", "Russia"), ("RIA Novosti", "Russia"), ("RIA", "Russia"), ("IRNA", "Iran"), ("SANA", "Syria"),
    )
}  # fmt: skip

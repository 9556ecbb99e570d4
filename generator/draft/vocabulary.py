"""The words the drafting steps read names by: titles and roles, the heads of organizations'
and places' names, verbs of speech, and the words that say he or she."""

from __future__ import annotations

from .words import Token, word_set

# Nouns that make the words before or after a name a role: "Foreign Minister", "spokesperson for".
ROLE_HEADS = word_set(
    """president minister secretary ambassador envoy spokesperson spokesman spokeswoman chancellor king queen
    prince princess pope admiral general colonel lieutenant captain sergeant commander chief director chairman
    chairwoman chair governor senator congressman congresswoman representative mayor judge justice attorney
    prosecutor professor coach manager ceo cfo founder co-founder leader premier emir sheikh ayatollah cardinal
    bishop rabbi imam reverend detective inspector officer agent commissioner speaker marshal lawmaker legislator
    diplomat negotiator adviser advisor analyst economist researcher scientist strategist author novelist writer
    poet artist singer actor actress producer chef farmer teacher student doctor nurse lawyer journalist reporter
    editor photographer owner executive investor banker trader striker midfielder defender goalkeeper winger
    forward player referee driver rider champion activist official head deputy superintendent sheriff governor-general
    secretary-general vice-president mother father son daughter wife husband brother sister grandmother grandfather
    uncle aunt nephew niece cousin widow friend neighbour neighbor colleague boss partner counterpart successor
    predecessor rival sen rep gov gen lt col capt sgt adm maj cmdr supt insp det cllr councillor councilor
    councilman councilwoman alderman"""
)
ROLE_MODIFIERS = word_set(
    """foreign defense defence finance interior justice trade economy economic health education security state
    national special senior acting former first assistant associate executive supreme top vice deputy prime
    chief general attorney head lead principal permanent interim incoming outgoing then transport industry energy
    agriculture labor labour commerce culture environment housing tourism home affairs unification infrastructure
    science technology communications information treasury homeland veterans fisheries maritime land sports youth
    family welfare employment development planning digital finance budget immigration police army navy elect ex"""
)
HONORIFICS = word_set("mr mrs ms miss dr sir dame lord lady mx prof madam")
# Titles written short, with a period that does not end the sentence: 'Sen. Dana Whitfield'.
ABBREVIATED_TITLES = word_set("mr mrs ms dr prof sen rep gov gen lt col capt sgt adm maj cmdr supt insp det st cllr")
# The head noun of an organization's name.
ORGANIZATION_HEADS = word_set(
    """ministry agency council committee commission bank party corporation corp inc ltd llc plc group company co
    association union federation organization organisation institute university college court parliament assembly
    office department service fund forces army navy police foundation authority board bureau club fc league
    network alliance coalition front movement corps guard guards administration cabinet watch
    international bloc brigade brigades secretariat tribunal trust holdings partners airlines airways motors
    technologies systems laboratories labs pharmaceuticals industries enterprises command centre center
    institution society academy exchange consortium syndicate directorate inspectorate team panel mission"""
)
PLACE_HEADS = word_set(
    """street avenue road square river mountain mountains sea ocean island islands province county city district
    region airport station bridge port peninsula strait valley lake gulf bay park house hall palace tower building
    church cathedral mosque temple stadium arena hotel hospital prison camp base border coast desert plain
    games cup olympics war summit conference forum festival day week prize award act law treaty agreement accord
    plan program programme initiative operation project index report resolution declaration convention
    charter strategy doctrine protocol"""
)
SPEECH_VERBS = word_set(
    """said says say told tells added adds asked asks wrote writes stated states noted notes warned warns explained
    explains insisted insists argued argues declared declares announced announces replied replies responded
    responds continued recalled recalls complained tweeted posted shouted whispered murmured answered answers
    admitted acknowledged claimed claims concluded conceded cautioned stressed urged joked laughed sighed cried
    snapped muttered yelled demanded suggested observed remarked countered pleaded protested promised"""
)
LOCATIVES = word_set(
    "in at to from near outside inside into via toward towards across around visit visited visits visiting "
    "arrived arrive arrives reached leave left left"
)
CONNECTORS = word_set("of for the and de la le du des del da van von der den bin al el on")
PRONOUNS = word_set("he she his her him")
SENTENCE_STARTERS = word_set(
    """the a an this that these those in on at for from with by but and or if when while as after before since
    during meanwhile however still yet also then now his her their its our my your we they he she it i you some
    many most all both each every no not other another such what which who why how where there here last next
    earlier later even only just despite although though because under over amid among between according asked
    speaking meeting several one two three four five more less few much instead unlike like given once"""
)
MONTHS_AND_DAYS = word_set(
    """january february march april may june july august september october november december monday tuesday
    wednesday thursday friday saturday sunday jan feb mar apr jun jul aug sep sept oct nov dec"""
)

HE_WORDS = word_set(
    "he his mr son father husband brother king prince uncle nephew grandfather chairman spokesman congressman"
)
SHE_WORDS = word_set(
    "she her ms mrs miss daughter mother wife sister queen princess aunt niece grandmother widow chairwoman "
    "spokeswoman congresswoman actress"
)


def is_name_token(token: Token) -> bool:
    return token.is_capitalized and token.text[0].isalpha() and token.norm not in MONTHS_AND_DAYS

"""Word lists the extraction rules share: speech verbs, titles, places, organisation words. English news only."""

from __future__ import annotations

from ..text.dates import MONTH_WORDS


def words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Verbs that introduce or close a direct quotation ("said X", "X explained", "adding that ...").
SPEECH_VERBS = words(
    """
    say says said saying tell tells told telling state states stated add adds added adding explain explains
    explained explaining note notes noted noting comment comments commented write writes wrote writing warn warns
    warned warning argue argues argued arguing claim claims claimed assert asserts asserted insist insists insisted
    declare declares declared announce announces announced remark remarks remarked observe observes observed
    acknowledge acknowledges acknowledged admit admits admitted concede concedes conceded suggest suggests suggested
    recall recalls recalled describe describes described describing call calls called calling continue continues
    continued reply replies replied respond responds responded answer answers answered ask asks asked urge urges
    urged appeal appeals appealed emphasise emphasises emphasised emphasize emphasizes emphasized stress stresses
    stressed predict predicts predicted caution cautions cautioned confirm confirms confirmed report reports reported
    testify testifies testified tweet tweets tweeted post posts posted pledge pledges pledged promise promises
    promised vow vows vowed conclude concludes concluded complain complains complained joke jokes joked boast boasts
    boasted lament laments lamented quip quips quipped agree agrees agreed counter counters countered recount
    recounts recounted reflect reflects reflected muse muses mused shout shouts shouted exclaim exclaims exclaimed
    cry cries cried whisper whispers whispered thunder thundered reiterate reiterates reiterated fear fears feared
    believe believes believed think thinks hope hopes hoped
    """
)
# Subject verbs for the "X said" order must be finite; participles ("adding") only continue an attribution.
PARTICIPLES = frozenset(w for w in SPEECH_VERBS if w.endswith("ing"))
AUXILIARIES = words("has have had was were is are will would could also reportedly then later once previously")
AUXILIARIES |= words("recently publicly privately simply repeatedly earlier again further bluntly flatly has been")
PRONOUNS = words("he she they it we i")

# Words (and abbreviations) that stand before a name as a title or rank: part of the role, not of the name.
TITLES = words(
    """
    President Vice Prime Minister Secretary Secretary-General Deputy General Gen Gen. Lt Lt. Lieutenant Colonel Col
    Col. Major Maj Maj. Captain Capt Capt. Sergeant Sgt Sgt. Admiral Adm Adm. Commander Cmdr Cmdr. Marshal Field
    Brigadier Private Pvt Pvt. Corporal Cpl Cpl. Senator Sen Sen. Rep Rep. Representative Congressman Congresswoman
    Governor Gov Gov. Mayor Chancellor King Queen Prince Princess Pope Judge Justice Dr Dr. Mr Mr. Mrs Mrs. Ms Ms.
    Miss Prof Prof. Professor Chairman Chairwoman Chair Director Chief CEO CFO COO CTO Executive Officer Ambassador
    Spokesman Spokeswoman Spokesperson Foreign Defence Defense Interior Finance Home Coach Manager Head Leader Sir
    Dame Lord Lady Attorney Speaker Premier Sheikh Emir Archbishop Bishop Rev Rev. Reverend Father Sister Agent
    Detective Inspector Superintendent Constable Officer Minister-President Economy Trade Health Education Justice
    Press Assistant Deputy-Director Director-General Commissioner Chairperson Founder Co-founder Editor Captain
    Striker Midfielder Defender Goalkeeper Forward Veteran Analyst Economist Researcher Scientist Reporter
    """
)

MONTHS = MONTH_WORDS  # 'January', 'Jan', 'Jan.', 'Sept': text/dates.py
WEEKDAYS = words("Monday Tuesday Wednesday Thursday Friday Saturday Sunday")

# Capitalised words that start sentences or clauses and never begin a name.
FUNCTION_WORDS = words(
    """
    The A An In On At For But And Or Nor As This That These Those It He She They We I You His Her Their Its Our
    My Your While When Whenever With Without After Before Since Despite However Meanwhile Some Many Most Several
    Such Other Another According If Although Though Because So Yet Also Not No Yes Why What How Who Whom Whose
    Where There Here Then Now Still Even Over Under Out Of From By To Into About Around Among Between During Each
    Every All Both Either Neither Until Unlike Like Only Just Last Next Further Furthermore Moreover Indeed
    Instead Thus Therefore Sources Source Image Photo Read More Follow Sign Share Subscribe Advertisement Stay
    Looking Regardless Once Whether Did Does Do Is Are Was Were Will Would Could Should Can May Might Must Has
    Have Had Let Please Earlier Later Today Yesterday Tomorrow Tonight Recent Recently First Second Third Finally
    Overall Elsewhere Already Again Asked Speaking Writing Reports Report Local Officials Experts Analysts
    """
)

DEMONYMS = words(
    """
    American British Russian Ukrainian Korean Chinese Japanese French German Italian Spanish Portuguese Polish
    Indian Pakistani Iranian Israeli Palestinian Turkish Syrian Iraqi Afghan Canadian Mexican Brazilian Australian
    European African Asian Western Eastern Northern Southern Swedish Finnish Norwegian Danish Dutch Belgian Swiss
    Austrian Greek Hungarian Czech Slovak Romanian Bulgarian Serbian Croatian Georgian Belarusian Moldovan Lithuanian
    Latvian Estonian Kazakh Saudi Egyptian Nigerian Kenyan Ethiopian Scottish Welsh Irish English Taiwanese
    Vietnamese Thai Indonesian Filipino Argentine Argentinian Chilean Colombian Venezuelan Cuban Soviet Arab
    Lebanese Jordanian Qatari Emirati Yemeni Libyan Tunisian Moroccan Algerian Sudanese Somali Ghanaian Congolese
    Peruvian Bolivian Ecuadorian Uruguayan Paraguayan Malaysian Singaporean Burmese Bangladeshi Nepali Mongolian
    Uzbek Armenian Azerbaijani Chechen Crimean Kurdish Republican Democratic Democrat Conservative Labour Liberal
    Tory Communist Socialist Catholic Muslim Christian Jewish Kremlin-backed Pentagon's
    """
)

# Countries, continents and a few regions and capitals: a name made only of these is a place, not a person.
PLACES = frozenset(
    """
    Afghanistan|Albania|Algeria|Andorra|Angola|Argentina|Armenia|Australia|Austria|Azerbaijan|Bahamas|Bahrain|
    Bangladesh|Barbados|Belarus|Belgium|Belize|Benin|Bhutan|Bolivia|Bosnia|Botswana|Brazil|Brunei|Bulgaria|Burkina
    Faso|Burundi|Cambodia|Cameroon|Canada|Chad|Chile|China|Colombia|Comoros|Congo|Costa Rica|Croatia|Cuba|Cyprus|
    Czechia|Czech Republic|Denmark|Djibouti|Dominica|Ecuador|Egypt|El Salvador|Eritrea|Estonia|Eswatini|Ethiopia|
    Fiji|Finland|France|Gabon|Gambia|Georgia|Germany|Ghana|Greece|Grenada|Guatemala|Guinea|Guyana|Haiti|Honduras|
    Hungary|Iceland|India|Indonesia|Iran|Iraq|Ireland|Israel|Italy|Jamaica|Japan|Jordan|Kazakhstan|Kenya|Kiribati|
    Kosovo|Kuwait|Kyrgyzstan|Laos|Latvia|Lebanon|Lesotho|Liberia|Libya|Liechtenstein|Lithuania|Luxembourg|
    Madagascar|Malawi|Malaysia|Maldives|Mali|Malta|Mauritania|Mauritius|Mexico|Moldova|Monaco|Mongolia|Montenegro|
    Morocco|Mozambique|Myanmar|Namibia|Nauru|Nepal|Netherlands|New Zealand|Nicaragua|Niger|Nigeria|North Korea|
    North Macedonia|Norway|Oman|Pakistan|Palau|Palestine|Panama|Papua New Guinea|Paraguay|Peru|Philippines|Poland|
    Portugal|Qatar|Romania|Russia|Rwanda|Samoa|San Marino|Saudi Arabia|Senegal|Serbia|Seychelles|Sierra Leone|
    Singapore|Slovakia|Slovenia|Somalia|South Africa|South Korea|South Sudan|Spain|Sri Lanka|Sudan|Suriname|Sweden|
    Switzerland|Syria|Taiwan|Tajikistan|Tanzania|Thailand|Togo|Tonga|Tunisia|Turkey|Turkmenistan|Tuvalu|Uganda|
    Ukraine|United Arab Emirates|United Kingdom|United States|Uruguay|Uzbekistan|Vanuatu|Vatican|Venezuela|Vietnam|
    Yemen|Zambia|Zimbabwe|Korea|America|Britain|England|Scotland|Wales|Europe|Asia|Africa|Antarctica|Oceania|
    Crimea|Donbas|Donetsk|Luhansk|Kharkiv|Kherson|Zaporizhzhia|Kursk|Belgorod|Kyiv|Kiev|Moscow|Pyongyang|Seoul|
    Beijing|Tokyo|Washington|London|Paris|Berlin|Brussels|Rome|Madrid|Warsaw|Vienna|Geneva|Ankara|Tehran|Delhi|
    New Delhi|Mumbai|Sydney|Ottawa|Toronto|New York|California|Texas|Florida|Hong Kong|Shanghai|Gaza|Jerusalem|
    Tel Aviv|Middle East|Latin America|Siberia|Arctic|Baltic|Balkans|Caucasus|Pacific|Atlantic|Mediterranean|
    Black Sea|Korean Peninsula|Odesa|Odessa|Mariupol|Bakhmut|Avdiivka|Pokrovsk|Dnipro|Lviv|Minsk|Manchester|
    Liverpool|Chicago|Boston|Los Angeles|San Francisco|Silicon Valley|Wall Street|Frankfurt|Zurich|Amsterdam|
    Stockholm|Oslo|Copenhagen|Helsinki|Dublin|Edinburgh|Cardiff|Belfast|Lisbon|Athens|Budapest|Prague|Bucharest|
    Sofia|Istanbul|Cairo|Nairobi|Lagos|Johannesburg|Cape Town|Dubai|Doha|Riyadh|Singapore|Bangkok|Jakarta|Manila|
    Hanoi|Taipei|Canberra|Melbourne|Auckland|Brasilia|Buenos Aires|Mexico City|Havana|Bogota|Lima|Santiago
    """.replace("\n", "")
    .replace("    ", "")
    .split("|")
)

# A capitalised run containing one of these names an organisation (or a military unit), not a person.
ORG_WORDS = words(
    """
    Agency Army Association Authority Bank Board Bureau Center Centre Commission Committee Company Corporation Corp
    Corp. Council Court Department Foundation Forces Force Fund Group Guard Institute Institution Intelligence
    Ministry Museum News Office Organization Organisation Parliament Party Police Post Press Service Services
    Society School Times Union University College Inc Inc. Ltd Ltd. LLC PLC plc Club League Federation Corps
    Brigade Division Regiment Battalion Fleet Command Navy Airlines Motors Pharmaceuticals Labs Laboratory
    Laboratories Hospital Network House Pentagon Kremlin Congress Senate Assembly Cabinet Government Administration
    Agency's Reuters Bloomberg Journal Magazine Review Herald Guardian Telegraph Tribune Gazette Observer Daily
    Weekly Radio Television TV Studios Systems Technologies Industries Holdings Partners Capital Group's FC United
    City Rovers Athletic Olympic Olympics Games Cup Championship Championships Tournament Open Grand Prix Treaty
    Alliance Coalition Front Movement Initiative Program Programme Project Mission Unit Units Operations Staff
    Foods Securities Park Stadium Arena Energy Airways Media Health Pharma Retail Stores Markets Insurance Finance
    Investments Ventures Software Games Records Entertainment Brands Logistics Geoscience Nature Science Lancet
    """
)
UNIT_WORDS = words("Corps Brigade Division Regiment Battalion Fleet Command Army Forces Guard Unit Group Squadron")

# Words after a number that make it part of a name, not a count: "Article 5", "Issue 4", "No. 84".
IDENTIFIER_BEFORE = words(
    """
    no no. number article section chapter volume vol vol. issue page pages paragraph clause resolution flight route
    highway room gate platform model version level stage phase grade class episode season act book part table
    figure fig fig. appendix annex item line step tier row seat channel bus apollo world war block unit
    """
)

# Plural nouns that do not end in -s, for "two men", "three children".
IRREGULAR_PLURALS = words(
    "people men women children personnel staff police cattle sheep fish aircraft troops feet teeth mice geese "
    "data media crew offspring militia infantry cavalry"
)

# Words for numbers, in the order of their value.
NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
SCALE_WORDS = words("hundred thousand million billion trillion")
# Capitalised nouns of events, documents and fields: "Russo-Ukraine War", "Hermit Kingdom", "Strategic Studies".
NOT_PERSON = words(
    """
    War Wars Kingdom Republic Empire Studies Conflict Crisis Revolution Agreement Accord Act Law Day Week Year
    Prize Award Awards Conditions Defecting Deserting Defection Involvement Alliance Implications Questions Reading
    Summit Talks Conference Forum Festival Market Index Report Survey Policy Strategy Plan Deal Bill Budget Cup
    Street Road Avenue Square Bridge River Mountain Mountains Island Islands Lake Sea Ocean Valley Region Province
    State States Peninsula Oblast District County City Town Village Airport Station Port Base Basin Coast
    """
)

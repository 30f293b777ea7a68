package extract

import (
	"strings"

	"github.com/newsgraph/newsgraph/kg"
)

// country is one row of countryTable.
type country struct {
	name, adj, people, capital string
	aliases                    []string
}

// Gazetteer indexes, built once from the general-knowledge tables.
var (
	countryByName    = map[string]*country{} // folded name or alias
	countryByAdj     = map[string]*country{} // folded adjective ("american")
	countryByPeople  = map[string]*country{} // folded people plural ("americans")
	countryByCapital = map[string]*country{} // folded capital
)

func init() {
	for _, line := range strings.Split(countryTable, "\n") {
		f := strings.Split(line, "|")
		if len(f) != 5 {
			continue
		}
		adjs := strings.Split(f[1], ",")
		c := &country{name: f[0], adj: adjs[0], people: f[2], capital: f[3]}
		if c.people == "*" {
			c.people = c.adj + "s"
		}
		for _, a := range adjs[1:] {
			countryByAdj[fold(a)] = c
		}
		if f[4] != "" {
			c.aliases = strings.Split(f[4], ",")
		}
		countryByName[fold(c.name)] = c
		for _, a := range c.aliases {
			countryByName[fold(a)] = c
		}
		if c.adj != "" {
			countryByAdj[fold(c.adj)] = c
		}
		if c.people != "" {
			countryByPeople[fold(c.people)] = c
		}
		if c.capital != "" && c.capital != c.name {
			countryByCapital[fold(c.capital)] = c
		}
	}
}

// fold is the matching key of a name: kg.FoldName, with a fast path for
// ASCII text that gives the same result without Unicode normalization.
func fold(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return kg.FoldName(s)
		}
	}
	b := make([]byte, 0, len(s))
	space := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '\'' && i+1 < len(s) && (s[i+1] == 's' || s[i+1] == 'S') && (i+2 == len(s) || !isAlnum(s[i+2])) {
			i++
			continue
		}
		if c == '.' || c == '\'' {
			continue
		}
		if isAlnum(c) {
			if space && len(b) > 0 {
				b = append(b, ' ')
			}
			space = false
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			b = append(b, c)
			continue
		}
		space = true
	}
	return string(b)
}

func isAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// titles are honorifics and ranks that precede a person's name; they are
// stripped from the canonical name. Keys are folded, multiword allowed.
var titles = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "miss": true, "dr": true, "prof": true, "professor": true,
	"sir": true, "dame": true, "lord": true, "lady": true, "sheikh": true, "shaikh": true, "sheik": true,
	"imam": true, "ayatollah": true, "grand ayatollah": true, "mullah": true, "rev": true, "reverend": true,
	"father": true, "pope": true, "cardinal": true, "bishop": true, "rabbi": true,
	"gen": true, "general": true, "lt": true, "lieutenant": true, "col": true, "colonel": true,
	"maj": true, "major": true, "capt": true, "captain": true, "sgt": true, "sergeant": true,
	"cpl": true, "corporal": true, "pvt": true, "private": true, "adm": true, "admiral": true,
	"brig": true, "brigadier": true, "cmdr": true, "commander": true, "cdr": true, "field marshal": true,
	"marshal": true, "lt gen": true, "maj gen": true, "brig gen": true, "lt col": true, "vice adm": true,
	"rear adm": true, "gov": true, "governor": true, "sen": true, "senator": true, "rep": true,
	"representative": true, "president": true, "vice president": true, "prime minister": true,
	"deputy prime minister": true, "king": true, "queen": true, "prince": true, "princess": true,
	"emir": true, "sultan": true, "chancellor": true, "premier": true, "minister": true, "taoiseach": true, "tanaiste": true,
	"ambassador": true, "judge": true, "justice": true, "mayor": true, "secretary": true,
	"chairman": true, "speaker": true, "envoy": true, "commissioner": true, "chief": true,
	"mme": true, "mx": true, "hon": true, "secretary of state": true, "secretary of defense": true,
	"secretary of the treasury": true, "secretary general": true, "attorney general": true,
	"minister of defense": true, "minister of finance": true, "minister of health": true,
	"minister of foreign affairs": true, "chief of staff": true, "chief justice": true,
	"foreign minister": true, "defense minister": true, "interior minister": true, "finance minister": true,
	"commodore": true, "rear admiral": true, "vice admiral": true, "air marshal": true, "brigadier general": true,
	"major general": true, "lieutenant general": true, "lieutenant colonel": true, "staff sergeant": true,
	"maj. gen": true, "lt. col": true, "archbishop": true, "patriarch": true, "chairwoman": true,
	"detective": true, "superintendent": true, "detective superintendent": true, "detective inspector": true,
	"chief inspector": true, "inspector": true, "constable": true, "detective sergeant": true,
	"coach": true, "manager": true, "spokesman": true, "spokeswoman": true, "spokesperson": true,
	// Folded keys: "Secretary-General" folds to "secretary general".
	"director general": true, "vice chancellor": true, "deputy vice chancellor": true,
	"editor in chief": true, "commander in chief": true,
	"br": true, "fr": true, "msgr": true, "sec": true, "supt": true, "insp": true, "amb": true, "atty": true,
	"cllr": true, "pres": true,
}

// maleTitles and femaleTitles let pronouns prefer a person of the right
// gender when the text shows it.
var (
	maleTitles   = map[string]bool{"mr": true, "sir": true, "lord": true, "king": true, "prince": true, "father": true, "sheikh": true, "emir": true, "sultan": true}
	femaleTitles = map[string]bool{"mrs": true, "ms": true, "miss": true, "dame": true, "lady": true, "queen": true, "princess": true, "mme": true}
)

// nameParticles may appear lower case inside a person's name.
var nameParticles = map[string]bool{
	"al": true, "el": true, "bin": true, "ibn": true, "bint": true, "ben": true, "abu": true, "ag": true,
	"de": true, "del": true, "della": true, "la": true, "le": true, "da": true, "das": true, "do": true,
	"dos": true, "du": true, "van": true, "von": true, "der": true, "den": true, "ter": true, "di": true,
	"y": true, "zu": true, "st": true, "los": true, "las": true, "des": true, "af": true,
	"ul": true, "ud": true, "ur": true, // "Saad ul-Haq", "Salah ud-Din"
	"binti": true, "binte": true, "anak": true, // Malay and Iban: "Dayang Norhayati binti Abang Openg", "Nyalau anak Kudi"
}

// nameSuffixes close a person's name.
var nameSuffixes = map[string]bool{"jr": true, "sr": true, "ii": true, "iii": true, "iv": true}

// patronymSuffixes end Central Asian names in lower case: "Jasur Akmal
// o'g'li" (son of Akmal), "qizi" (daughter of), Kyrgyz "uulu", "kyzy".
var patronymSuffixes = map[string]bool{"o'g'li": true, "o‘g‘li": true, "ogli": true, "og'li": true, "qizi": true, "uulu": true, "kyzy": true}

// orgHeads are head words that make a capitalized span an organization,
// with the ontology subtype they suggest ("" when they do not say).
var orgHeads = map[string]string{
	"ministry": "ministry", "department": "ministry", "agency": "government", "bureau": "government",
	"office": "government", "commission": "government", "committee": "government", "council": "government",
	"congress": "government", "parliament": "government", "senate": "government", "assembly": "government",
	"cabinet": "government", "government": "government", "administration": "government",
	"embassy": "government", "consulate": "government", "authority": "government", "directorate": "government",
	"service": "government", "police": "government", "secretariat": "government", "inspectorate": "government",
	"forces": "military", "force": "military", "army": "military", "navy": "military", "corps": "military",
	"division": "military", "battalion": "military", "brigade": "military", "brigades": "military",
	"regiment": "military", "command": "military", "guards": "military", "guard": "military",
	"marines": "military", "squadron": "military", "headquarters": "military", "units": "military",
	"militia": "militia", "militias": "militia",
	"party": "party", "front": "party", "movement": "party", "league": "party",
	"alliance": "alliance", "coalition": "alliance", "bloc": "alliance", "union": "alliance",
	"coordination": "alliance", "federation": "alliance", "confederation": "alliance",
	"initiative": "ngo", "forum": "ngo",
	// Japanese company names end in a trade word ("Mitsui Bussan").
	"shoji": "company", "bussan": "company", "kogyo": "company", "sangyo": "company", "tsusho": "company",
	"company": "company", "corporation": "company", "corp": "company", "inc": "company", "ltd": "company",
	"llc": "company", "plc": "company", "group": "company", "holdings": "company", "bank": "company",
	"airlines": "company", "airways": "company", "shipping": "company", "industries": "company",
	"energy": "company", "energi": "company", "energia": "company", "energie": "company", "lines": "company", "oil": "company", "motors": "company", "partners": "company", "subsea": "company",
	"court": "court", "tribunal": "court",
	"institute": "think_tank", "institution": "think_tank", "center": "think_tank", "centre": "think_tank",
	"observatory": "think_tank", "foundation": "ngo", "fund": "ngo", "trust": "ngo", "society": "ngo",
	"association": "ngo", "organization": "", "organisation": "", "network": "", "university": "ngo",
	"college": "ngo", "school": "ngo", "mission": "government", "program": "", "programme": "",
	"times": "media", "post": "media", "news": "media", "press": "media", "tribune": "media",
	"herald": "media", "journal": "media", "television": "media", "radio": "media", "broadcasting": "media",
	"freight": "company", "logistics": "company", "warehousing": "company", "haulage": "company", "enterprise": "company",
	"transport": "company", "exchange": "company", "brothers": "company", "pharmaceuticals": "company", "systems": "company",
	"technologies": "company", "capital": "company", "mining": "company", "airline": "company",
	"labs": "company", "lab": "company", "laboratories": "company", "software": "company", "networks": "company",
	"studios": "company", "ventures": "company", "advisory": "company", "consulting": "company",
	"solutions": "company", "pharma": "company", "therapeutics": "company", "robotics": "company",
	"foods": "company", "telecom": "company", "electric": "company", "steel": "company",
	"petroleum": "company", "resources": "company", "insurance": "company", "securities": "company",
	"aviation": "company", "aerospace": "company", "chemicals": "company", "metals": "company",
	"minerals": "company", "electronics": "company", "biologics": "company", "biotech": "company",
	"shipyards": "company", "automotive": "company", "textiles": "company", "cement": "company",
	"watch": "ngo", "house": "government", "platform": "party", "community": "alliance", "services": "company",
	"church": "ngo", "diocese": "ngo", "archdiocese": "ngo", "patriarchate": "ngo", "development": "company",
	"developments": "company", "terminals": "company", "works": "company", "stores": "company", "tech": "company", "dynamics": "company",
	// Sports clubs: "Norchester United", "Calder Athletic".
	"united": "", "athletic": "", "rovers": "", "wanderers": "", "fc": "",
	// Company and body words of other European languages that end names
	// left untranslated: "Hallberg Industri", "Vikholmen Verft".
	"industri": "company", "industrie": "company", "gruppe": "company", "gruppo": "company", "groep": "company",
	"gruppen": "company", "werke": "company", "verft": "company", "rederi": "company", "verlag": "media",
	"gesellschaft": "company", "holding": "company", "stiftung": "ngo", "stichting": "ngo", "fondazione": "ngo",
	"verband": "ngo", "vereniging": "ngo", "forbund": "ngo", "forening": "ngo", "partei": "party", "partij": "party",
	"partiet": "party", "partito": "party", "fisheries": "company", "farms": "company", "mills": "company", "breweries": "company", "brewery": "company",
	"enterprises": "company", "investments": "company", "construction": "company", "engineering": "company",
	"properties": "company", "trading": "company", "publishing": "company", "entertainment": "company",
	"guild": "ngo", "syndicate": "ngo", "brotherhood": "party", "club": "ngo", "board": "government",
	// Trades and commodities that end company names: "Pelarni Copper",
	// "Tarvik Marine", and the Turkish "Madencilik" (mining).
	"copper": "company", "nickel": "company", "zinc": "company", "lithium": "company", "uranium": "company",
	"coal": "company", "marine": "company", "maritime": "company", "tankers": "company", "shipbuilding": "company",
	"madencilik": "company", "sanayi": "company", "ticaret": "company", "insaat": "company",
}

// orgOfHeads start an organization name with "X of …" ("Ministry of
// Defense", "Bank of England", "Council of Representatives").
var orgOfHeads = map[string]bool{
	"ministry": true, "department": true, "bank": true, "university": true, "council": true,
	"coordination": true, "union": true, "league": true, "federation": true, "court": true,
	"office": true, "party": true, "house": true, "chamber": true, "association": true, "church": true,
	"congress": true, "assembly": true, "army": true, "institute": true, "organization": true,
	"commission": true, "committee": true, "board": true, "bureau": true, "agency": true,
	"community": true, "organisation": true, "confederation": true, "initiative": true, "center": true,
	"centre": true, "foundation": true, "authority": true, "alliance": true, "coalition": true,
	"movement": true, "front": true, "network": true, "fund": true, "society": true, "forum": true,
	"diocese": true, "archdiocese": true,
}

// locHeads make a capitalized span a place, with its subtype.
var locHeads = map[string]string{
	"city": "city", "province": "region", "region": "region", "district": "region", "county": "region",
	"governorate": "region", "valley": "region", "desert": "region", "sea": "region",
	"ocean": "region", "gulf": "region", "river": "region", "mountains": "region", "island": "region",
	"islands": "region", "peninsula": "region", "strait": "region", "lake": "region", "coast": "region",
	"airport": "facility", "base": "facility", "prison": "facility", "port": "facility", "square": "facility",
	"bridge": "facility", "dam": "facility", "plant": "facility", "refinery": "facility", "camp": "facility",
	"hospital": "facility", "stadium": "facility", "palace": "facility", "mosque": "facility",
	"street": "facility", "avenue": "facility", "road": "facility", "highway": "facility",
	"reef": "region", "shoal": "region", "atoll": "region", "bay": "region", "channel": "region",
	"route": "facility", "cathedral": "facility", "basilica": "facility", "monastery": "facility",
	"temple": "facility", "shrine": "facility", "mausoleum": "facility", "complex": "facility", "arena": "facility",
}

// locPrefixes start a place name ("Camp Bucca", "Mount Sinjar", "Lake Chad").
var locPrefixes = map[string]string{
	"camp": "facility", "fort": "facility", "mount": "region", "lake": "region", "port": "city",
	"gulf": "region", "cape": "region", "san": "city", "santa": "city", "saint": "city", "st": "city",
}

// regionNames are well-known regions named in news that are not countries.
var regionNames = map[string]bool{
	"middle east": true, "europe": true, "africa": true, "asia": true, "latin america": true,
	"sahel": true, "sahara": true, "balkans": true, "caucasus": true, "gaza": true, "west bank": true,
	"gaza strip": true, "kurdistan": true, "crimea": true, "donbas": true, "darfur": true, "kashmir": true,
	"north africa": true, "west africa": true, "east africa": true, "central asia": true,
	"southeast asia": true, "scandinavia": true, "persian gulf": true, "levant": true,
	"baltic": true, "arctic": true, "antarctica": true, "pacific": true, "atlantic": true,
	"north america": true, "south america": true, "central america": true, "caribbean": true,
}

// usStates are the states of the United States, named in news as places.
var usStates = strings.Fields(`alabama alaska arizona arkansas california colorado connecticut delaware
florida hawaii idaho illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts
michigan minnesota mississippi missouri montana nebraska nevada ohio oklahoma oregon pennsylvania
tennessee texas utah vermont virginia wisconsin wyoming`)

func init() {
	for _, s := range usStates {
		regionNames[s] = true
	}
	for _, s := range []string{"new hampshire", "new jersey", "new mexico", "new york", "north carolina",
		"north dakota", "rhode island", "south carolina", "south dakota", "west virginia"} {
		regionNames[s] = true
	}
}

// cityNames are major cities often named in news that are neither
// capitals nor countries: general knowledge, typed as places.
var cityNames = map[string]bool{}

func init() {
	for _, c := range strings.Split(`the hague|hague|new york|los angeles|chicago|houston|san francisco|miami|boston|
	seattle|istanbul|mumbai|shanghai|hong kong|geneva|davos|dubai|karachi|lahore|lagos|johannesburg|cape town|
	sao paulo|rio de janeiro|sydney|melbourne|toronto|montreal|vancouver|aleppo|mosul|basra|gaza city|kandahar|
	benghazi|odesa|odessa|kharkiv|donetsk|mariupol|st petersburg|saint petersburg|munich|frankfurt|hamburg|
	milan|naples|barcelona|marseille|lyon|manchester|birmingham|glasgow|osaka|guangzhou|shenzhen|chengdu|
	wuhan|kolkata|chennai|bangalore|alexandria|casablanca|marrakech|mombasa|kano|goma|timbuktu|gao|homs|
	idlib|raqqa|fallujah|kirkuk|erbil|najaf|karbala|tabriz|isfahan|mashhad|jeddah|mecca|medina|tel aviv|
	haifa|hebron|nablus|jenin|rafah|khan younis|sidon|tyre|tripoli|misrata|aden|taiz|hodeidah|marib|
	peshawar|quetta|herat|mazar-i-sharif|jalalabad|tijuana|juarez|ciudad juarez|guadalajara|monterrey|
	culiacan|medellin|cali|lviv|zaporizhzhia|kherson|bakhmut|sevastopol|minneapolis|atlanta|dallas|denver|
	detroit|philadelphia|phoenix|las vegas|new orleans|honolulu`, "|") {
		cityNames[strings.TrimSpace(c)] = true
	}
}

// roleKind says which relation besides HOLDS_ROLE a role noun implies.
type roleKind int

const (
	roleNone roleKind = iota
	roleOther
	roleLeads
	roleCommands
	roleWorks
	roleMember
	roleState // head of state or government: leads the country
	roleOwns  // owner: owns the organization
)

// roleNouns are the head nouns of job titles, folded.
var roleNouns = map[string]roleKind{
	"leader": roleLeads, "head": roleLeads, "chief": roleLeads, "chairman": roleLeads,
	"chairwoman": roleLeads, "chair": roleLeads, "director": roleLeads, "president": roleState,
	"prime minister": roleState, "premier": roleState, "taoiseach": roleState, "king": roleState, "queen": roleState,
	"emir": roleState, "chancellor": roleState, "minister": roleLeads, "secretary": roleLeads,
	"founder": roleLeads, "chief executive": roleLeads, "executive": roleWorks, "governor": roleLeads, "regent": roleLeads, "prefect": roleLeads,
	"mayor": roleLeads, "speaker": roleLeads, "secretary general": roleLeads, "ceo": roleLeads,
	"commander": roleCommands, "commandant": roleCommands, "general": roleCommands, "chief of staff": roleCommands,
	"fellow": roleWorks, "senior fellow": roleWorks, "adviser": roleWorks, "advisor": roleWorks,
	"spokesman": roleWorks, "spokeswoman": roleWorks, "spokesperson": roleWorks,
	"analyst": roleWorks, "researcher": roleWorks, "officer": roleWorks, "official": roleWorks,
	"employee": roleWorks, "lawyer": roleWorks, "aide": roleWorks, "envoy": roleWorks,
	"ambassador": roleOther, "manager": roleWorks, "correspondent": roleWorks, "editor": roleWorks,
	"economist": roleWorks, "professor": roleWorks, "engineer": roleWorks, "diplomat": roleWorks,
	"scholar": roleWorks, "expert": roleWorks, "consultant": roleWorks, "strategist": roleWorks,
	"negotiator": roleWorks, "representative": roleWorks, "staff": roleWorks, "investigator": roleWorks,
	"attorney": roleWorks, "prosecutor": roleWorks, "judge": roleWorks, "deputy": roleWorks,
	"lecturer": roleWorks, "teacher": roleWorks, "reporter": roleWorks, "journalist": roleWorks,
	"columnist": roleWorks, "coach": roleWorks, "inspector": roleWorks, "agent": roleWorks,
	"trustee": roleWorks, "treasurer": roleWorks, "organizer": roleWorks, "clerk": roleWorks,
	"auditor": roleWorks, "accountant": roleWorks, "pilot": roleWorks, "captain": roleCommands,
	"boss": roleLeads, "owner": roleOwns, "co-owner": roleOwns, "proprietor": roleOwns, "co-founder": roleLeads, "vice president": roleWorks,
	"deputy minister": roleWorks, "mediator": roleWorks, "specialist": roleWorks, "administrator": roleLeads,
	"executive director": roleLeads, "managing director": roleLeads, "general manager": roleLeads,
	"colonel": roleOther, "sergeant": roleOther, "lieutenant": roleOther, "admiral": roleCommands,
	"soldier": roleOther, "priest": roleOther, "cleric": roleOther, "businessman": roleOther,
	"businesswoman": roleOther, "activist": roleMember, "militant": roleMember, "fighter": roleMember,
	"farmer": roleOther, "student": roleOther, "doctor": roleWorks, "nurse": roleWorks, "resident": roleOther,
	"worker": roleWorks, "driver": roleWorks, "fisherman": roleOther, "trader": roleOther, "merchant": roleOther,
	"entrepreneur": roleOther, "banker": roleWorks, "investor": roleOther, "scientist": roleWorks,
	"historian": roleWorks, "writer": roleWorks, "author": roleOther, "poet": roleOther, "artist": roleOther,
	"singer": roleOther, "actor": roleOther, "musician": roleOther, "politician": roleOther, "athlete": roleOther, "player": roleMember,
	"pastor": roleOther, "rabbi": roleOther, "monk": roleOther, "veteran": roleOther, "refugee": roleOther,
	"migrant": roleOther, "survivor": roleOther, "witness": roleOther, "protester": roleOther,
	"volunteer": roleWorks, "sailor": roleWorks, "guard": roleWorks, "detective": roleWorks,
	"councilor": roleMember, "councilman": roleMember, "councilwoman": roleMember, "technician": roleWorks,
	"contractor": roleWorks, "cfo": roleWorks, "coo": roleWorks, "photographer": roleWorks, "producer": roleWorks,
	"anchor": roleWorks, "commentator": roleWorks, "blogger": roleOther, "lobbyist": roleWorks,
	"member": roleMember, "lawmaker": roleMember, "legislator": roleMember, "mp": roleMember,
	"senator": roleMember, "delegate": roleMember,
	"coordinator": roleLeads, "commissioner": roleLeads, "chief commissioner": roleLeads, "partner": roleWorks,
	"abbot": roleLeads, "primate": roleLeads, "superintendent": roleWorks, "ombudsman": roleLeads,
	// Offices named with a postpositive "general" are not military ranks.
	"attorney general": roleWorks, "solicitor general": roleWorks, "surgeon general": roleWorks,
	"consul general": roleWorks, "inspector general": roleLeads, "auditor general": roleLeads,
	"director general": roleLeads, "director-general": roleLeads, "secretary-general": roleLeads,
	"counsel": roleWorks, "general counsel": roleWorks, "dean": roleWorks, "provost": roleWorks,
	"rector": roleLeads, "vice-chancellor": roleLeads, "councillor": roleMember, "archbishop": roleLeads, "bishop": roleLeads,
	// Hyphenated titles are one token, or several when written with spaces.
	"vice chancellor": roleLeads, "deputy vice-chancellor": roleWorks, "deputy vice chancellor": roleWorks,
	"editor-in-chief": roleLeads, "commander-in-chief": roleCommands,
}

// relatives give FAMILY_OF with a relation property.
var relatives = map[string]string{
	"son": "son", "daughter": "daughter", "brother": "brother", "sister": "sister", "wife": "wife",
	"husband": "husband", "father": "father", "mother": "mother", "cousin": "cousin", "nephew": "nephew",
	"niece": "niece", "uncle": "uncle", "aunt": "aunt", "grandson": "grandson", "brother-in-law": "brother-in-law",
	"son-in-law": "son-in-law", "widow": "widow", "grandfather": "grandfather", "grandmother": "grandmother",
	"granddaughter": "granddaughter", "stepson": "stepson", "stepdaughter": "stepdaughter",
	"sister-in-law": "sister-in-law", "daughter-in-law": "daughter-in-law", "twin": "twin", "fiancee": "fiancee",
	"fiance": "fiance", "partner": "", "grandchild": "grandchild", "father-in-law": "father-in-law",
	"mother-in-law": "mother-in-law", "stepfather": "stepfather", "stepmother": "stepmother",
	"stepbrother": "stepbrother", "stepsister": "stepsister", "half-brother": "half-brother",
	"half-sister": "half-sister", "widower": "widower", "spouse": "spouse", "sibling": "sibling",
}

// stopCaps are capitalized words that start sentences or headings but are
// not names.
var stopCaps = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`the a an and but or nor so yet for of in on at to by with from as if when while
	after before since until because although though however indeed notably meanwhile moreover also still even
	now here there then this that these those he she it they we you i his her its their our my your him them us
	me who whom whose which what where why how most many some several other others one two three four five six
	seven eight nine ten last next first second third few all both each every no not any such another
	critics people officials analysts residents experts witnesses supporters opponents observers soldiers
	mr mrs ms dr monday tuesday wednesday thursday friday saturday sunday january february march april may june
	july august september october november december today yesterday tomorrow tonight continue related read
	according under over among between during against without within across into onto upon about around
	near outside inside like unlike instead despite whether whoever whatever partnering asked says said
	earlier later again already only just once twice thus hence yes otherwise
	christmas easter ramadan eid hanukkah diwali thanksgiving passover lent halloween`) {
		stopCaps[w] = true
	}
}

// weekdays and months name dates, not things.
var weekdays = map[string]int{"sunday": 0, "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6}

var monthNum = map[string]int{"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
	"july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12}

// groupNouns after a name show that it names a group: "Hezbollah
// commanders", "Islamic State leaders".
var groupNouns = map[string]bool{
	"commanders": true, "fighters": true, "members": true, "leaders": true, "officials": true,
	"militants": true, "militiamen": true, "forces": true, "troops": true, "remnants": true,
	"supporters": true, "spokesman": true, "spokeswoman": true, "leader": true, "leadership": true,
	"loyalists": true, "operatives": true, "affiliates": true, "insurgents": true, "detainees": true,
	"positions": true, "attacks": true, "attack": true, "militia": true, "units": true, "cell": true,
	"cells": true, "official": true, "faction": true, "factions": true, "commander": true, "delegation": true,
}

// forceNouns after a demonym stand for the country's state acting ("American
// troops", "Malian army"): the mention goes to the country.
var forceNouns = map[string]bool{
	"troops": true, "forces": true, "soldiers": true, "military": true, "army": true, "government": true,
	"officials": true, "authorities": true, "intelligence": true, "navy": true,
	"diplomats": true, "commanders": true, "warplanes": true, "police": true,
}

// orgNouns are lower-case nouns that name organizations in descriptions
// ("the electoral alliance of …, known as Fatah").
var orgNouns = map[string]string{
	"alliance": "alliance", "coalition": "alliance", "party": "party", "militia": "militia",
	"group": "", "organization": "", "movement": "party", "company": "company", "firm": "company",
	"bloc": "alliance", "list": "alliance", "faction": "militia", "militias": "militia", "network": "",
	"agency": "government", "ministry": "ministry", "umbrella": "alliance", "force": "military",
	"unit": "military", "army": "military", "forces": "military", "organisation": "",
	"council": "", "union": "", "front": "", "government": "", "court": "", "committee": "",
	"commission": "", "brigade": "", "battalion": "", "division": "", "institute": "", "bureau": "",
	"authority": "", "tribe": "", "trust": "", "fund": "", "bank": "", "embassy": "", "regiment": "",
	"guild": "", "society": "", "association": "", "foundation": "", "service": "", "police": "",
	"navy": "", "corps": "", "center": "", "centre": "", "university": "", "club": "", "league": "",
	"federation": "", "syndicate": "", "cartel": "", "gang": "", "clan": "", "observatory": "",
	"directorate": "", "cabinet": "", "parliament": "", "assembly": "", "senate": "", "congress": "",
	"junta": "government", "regime": "government", "subsidiary": "company", "conglomerate": "company",
}

package extract

import (
	"slices"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/kg"
)

// entityTypes maps entity names to their types.
func entityTypes(x *kg.Extraction) map[string]kg.EntityType {
	out := map[string]kg.EntityType{}
	for _, e := range x.Entities {
		out[e.Name] = e.Type
	}
	return out
}

func TestTypesFromEvidence(t *testing.T) {
	x := run(t, "2024-03-15",
		"Valves",
		"Halvorsen Ventiler AS sold a plant to Krenner Pumpwerke GmbH, a maker of pumps in the Ostmark region.",
		"Mr. Pavel Krenner said in an interview with a weekly paper, the Ostmark-Bote, that the loan from Kasse Lindenau, the local savings bank, had run out.",
		"A spokesman for the region's transport service, Ilse Varnhagen Moll, declined to comment. Grenzland's economy minister, Otto Fessel, met a Lindenau lawyer.",
		"The plant was founded by the blacksmith Anton Krenner. Trucks left from Ostheim and Wardstadt.",
	)
	got := entityTypes(x)
	wantTypes(t, got, map[string]kg.EntityType{
		"Krenner Pumpwerke GmbH": kg.Organization, // legal suffix
		"Kasse Lindenau":         kg.Organization, // apposition after
		"Ostmark-Bote":           kg.Organization, // description before
		"Ilse Varnhagen Moll":    kg.Person,       // a person noun heads the chained description
		"Ostmark":                kg.Location,     // "the Ostmark region"
		"Anton Krenner":          kg.Person,       // a family name of a person named elsewhere
	})
	// A state whose minister is named is a place or a body, never a person.
	if typ := got["Grenzland"]; typ != kg.Location && typ != kg.Organization {
		t.Errorf("Grenzland: type %q", typ)
	}
}

func TestListedPlacesAndLedCompounds(t *testing.T) {
	x := run(t, "2024-03-15",
		"Patrols",
		"The OSCE-led mission patrolled towns such as Dravik and Holmen on Monday.",
	)
	got := entityTypes(x)
	for _, name := range []string{"Dravik", "Holmen"} {
		if got[name] != kg.Location {
			t.Errorf("%s: type %q, want Location (all: %v)", name, got[name], got)
		}
	}
	if got["OSCE"] != kg.Organization {
		t.Errorf("OSCE: type %q, want Organization (all: %v)", got["OSCE"], got)
	}
}

// TestNamesWithoutCueWords checks names that no cue word types: people
// listed after a copula, the name finder's proposals, and organization
// names made of head words, ampersands and legal prefixes.
func TestNamesWithoutCueWords(t *testing.T) {
	x := run(t, "2024-03-15",
		"Board",
		"The board met in Daegu. The directors who voted against were Pyo Han-gyeol, Moon Chae-rin and Do Ji-seok; two others, Ha Yun-seul and Gil Dong-uk, abstained.",
		"The deal was drafted by Adebanjo & Okorie and by Mensah, Boadu & Partners, and advised by Ilsworth Partners of Johannesburg.",
		"PT Borneo Baja Lestari runs the smelter near Route 9. Its partner, Grupo Ferral, left the Federación Obrera del Sur.",
		"Ms. Aino Varga, an analyst at the Center for Ports and Maritime Studies, and a researcher at the Pacific Initiative for Open Courts said trucks came from the Czech Republic.",
		"The unions still deal with the former Red Lantern, a militia that disbanded in 2009.",
		"The exercise, called Iron Harbor, ended at the Basilica of Saint Anne. Kofi Mensah, known to friends as \"KM,\" led it. Talks went on in Serb-majority towns.",
	)
	got := entityTypes(x)
	wantTypes(t, got, map[string]kg.EntityType{
		"Pyo Han-gyeol":                         kg.Person,
		"Moon Chae-rin":                         kg.Person,
		"Do Ji-seok":                            kg.Person,
		"Gil Dong-uk":                           kg.Person, // "uk" is no country
		"Adebanjo & Okorie":                     kg.Organization,
		"Mensah, Boadu & Partners":              kg.Organization,
		"Ilsworth Partners":                     kg.Organization,
		"Johannesburg":                          kg.Location,
		"PT Borneo Baja Lestari":                kg.Organization,
		"Route 9":                               kg.Location,
		"Grupo Ferral":                          kg.Organization,
		"Federación Obrera del Sur":             kg.Organization,
		"Center for Ports and Maritime Studies": kg.Organization,
		"Pacific Initiative for Open Courts":    kg.Organization,
		"Czech Republic":                        kg.Location,
	})
	if got["Basilica of Saint Anne"] != kg.Location {
		t.Errorf("Basilica of Saint Anne: type %q, want Location (all: %v)", got["Basilica of Saint Anne"], got)
	}
	for name, typ := range got {
		if typ == kg.Person && (name == "Red Lantern" || name == "United Kingdom" || name == "Iron Harbor") || name == "KM" || name == "Serb-majority" {
			t.Errorf("%s: typed %s", name, typ)
		}
	}
}

func TestNERWords(t *testing.T) {
	toks := tokenize([]rune("Gil Dong-uk met al-Sadr - twice."), 0)
	words, wtok := nerWords(toks, nil, nil)
	if got := strings.Join(words, "|"); got != "Gil|Dong|-|uk|met|al|-|Sadr|-|twice|." {
		t.Errorf("words %s", got)
	}
	if len(wtok) != len(words) || wtok[2] != 1 || wtok[len(wtok)-1] != len(toks)-1 {
		t.Errorf("word tokens %v", wtok)
	}
}

// TestPlacesAndBodiesBeforeNouns checks names typed by the lower-case noun
// after them and by the office before them.
func TestPlacesAndBodiesBeforeNouns(t *testing.T) {
	x := run(t, "2024-03-15",
		"Votes",
		"The by-elections, in the Tamale North, Savelugu and Yendi constituencies, are set for May. Whole villages voted early.",
		"The regent of Kutai, Andi Mappa Rahman, backed the pro-government Fajar Baru party.",
	)
	got := entityTypes(x)
	wantTypes(t, got, map[string]kg.EntityType{
		"Savelugu":          kg.Location,
		"Yendi":             kg.Location,
		"Kutai":             kg.Location,
		"Fajar Baru":        kg.Organization,
		"Andi Mappa Rahman": kg.Person,
	})
	if typ, ok := got["Whole"]; ok {
		t.Errorf("Whole: typed %s", typ)
	}
}

// TestBylinesAndListedBodies checks a byline's writers and bodies listed
// with "and".
func TestBylinesAndListedBodies(t *testing.T) {
	x := run(t, "2024-03-15",
		"Funding",
		"By Laura Chen and Tomasz Wrobel",
		"The round was backed by Sequoia Capital, Tiger Global and SoftBank Vision Fund, and by Nordvik Energi and Baltic Freight Lines.",
		"It was welcomed by Amnesty International Kenya. Shares of Kudipay fell on the Nairobi Securities Exchange.",
	)
	got := entityTypes(x)
	wantTypes(t, got, map[string]kg.EntityType{
		"Laura Chen":                  kg.Person,
		"Tomasz Wrobel":               kg.Person,
		"Tiger Global":                kg.Organization,
		"SoftBank Vision Fund":        kg.Organization,
		"Nordvik Energi":              kg.Organization,
		"Baltic Freight Lines":        kg.Organization,
		"Amnesty International Kenya": kg.Organization,
		"Kudipay":                     kg.Organization,
		"Nairobi Securities Exchange": kg.Organization,
	})
}

// TestBodyBeforeTitle checks that the body named before a title is kept
// and that a place after a preposition does not speak.
func TestBodyBeforeTitle(t *testing.T) {
	x := run(t, "2024-03-15",
		"Talks",
		"European Commission President Ursula Weber met the prime minister on Thursday. Villagers in Tiszafüred said they had not been consulted.",
		"Opposition leader Rafael Odinga called the arrests unlawful, his wife told the Harbor Standard newspaper.",
	)
	got := entityTypes(x)
	wantTypes(t, got, map[string]kg.EntityType{
		"European Commission": kg.Organization,
		"Ursula Weber":        kg.Person,
		"Harbor Standard":     kg.Organization,
	})
	if _, ok := got["Opposition"]; ok {
		t.Errorf("Opposition: an entity (all: %v)", got)
	}
	if got["Tiszafüred"] == kg.Organization {
		t.Errorf("Tiszafüred typed Organization (all: %v)", got)
	}
}

// TestNamesOfTheIssue checks the shapes issue 12 names: militias whose
// names look like people's, an old country name, a company named after
// its founder.
func TestNamesOfTheIssue(t *testing.T) {
	x := run(t, "2024-03-15",
		"Shapes",
		"Saraya Awliya fighters attacked the base, and Hashd al-Shaabi commanders denied involvement.",
		"Mobutu renamed the country Zaire in 1971. Renard Aviation, founded by Paul Renard, sold jets to India.",
	)
	got := entityTypes(x)
	wantTypes(t, got, map[string]kg.EntityType{
		"Saraya Awliya":                    kg.Organization,
		"Hashd al-Shaabi":                  kg.Organization,
		"Renard Aviation":                  kg.Organization,
		"Paul Renard":                      kg.Person,
		"Democratic Republic of the Congo": kg.Location,
	})
}

// wantTypes checks that each name has the type want gives it.
func wantTypes(t *testing.T, got, want map[string]kg.EntityType) {
	t.Helper()
	for name, typ := range want {
		if got[name] != typ {
			t.Errorf("%s: type %q, want %q (all: %v)", name, got[name], typ, got)
		}
	}
}

// TestOneNameOneType checks names typed from all their mentions and from
// what they do: the first words of a group's name are the group's, a name
// in parentheses shares the type of the one it restates, a body that
// speaks of itself as "it" is no person, a state whose minister is named
// is a place, an office "of" a field is a title, and bare acronyms,
// "In X" and "X-based" are read.
func TestOneNameOneType(t *testing.T) {
	x := run(t, "2024-03-15",
		"Harbors",
		"DORVALE, Karenia — Zorvak Fuel Group, a Dorvale-based trader, offered to buy the terminal of Telmar Shipping Co. on Monday.",
		"Pavel Orsino, Zorvak Fuel's chief executive, declined to comment. Velmaro Astillera (Velmaro Shipyards) said on Friday it had paid the fee.",
		"Minister of Economy Tamaz Virelli said the sale needed approval. Kestland's fisheries minister, Odo Parvell, agreed.",
		"KDF signed the sale on Friday. In Dorvale, workers ended a strike. Lina Morel, a reporter for Radio Dorvale, wrote about it.",
	)
	got := entityTypes(x)
	wantTypes(t, got, map[string]kg.EntityType{
		"Zorvak Fuel Group":   kg.Organization,
		"Pavel Orsino":        kg.Person,
		"Telmar Shipping Co.": kg.Organization, // legal suffix with its period
		"Velmaro Astillera":   kg.Organization, // "said it had", and its restated name
		"Tamaz Virelli":       kg.Person,       // "Minister of Economy" peeled
		"Kestland":            kg.Location,     // "Kestland's fisheries minister"
		"KDF":                 kg.Organization, // an acronym acting
		"Dorvale":             kg.Location,     // "In Dorvale", "Dorvale-based", the dateline
		"Radio Dorvale":       kg.Organization,
		"Lina Morel":          kg.Person,
	})
	for name, typ := range got {
		if strings.HasPrefix(name, "Zorvak Fuel") && typ != kg.Organization || strings.Contains(name, "Economy") || name == "DORVALE" {
			t.Errorf("%s typed %s (all: %v)", name, typ, got)
		}
	}
}

// TestAgentNouns checks names described by a noun that fits a firm and a
// person alike: the name finder decides, a firm by default.
func TestAgentNouns(t *testing.T) {
	x := run(t, "2024-03-15",
		"Fish",
		"John Miller, a fish exporter, said buyers were waiting. Kelvar Trade Lines, a fish exporter, said buyers were waiting.",
	)
	wantTypes(t, entityTypes(x), map[string]kg.EntityType{
		"John Miller":        kg.Person,
		"Kelvar Trade Lines": kg.Organization,
	})
}

// TestBodiesFromDescriptions checks organizations named by what is said
// of them: a lower-case business noun before a single name, an acronym in
// parentheses spelling a name's initials, "whose head", a legal form in
// lower case, a plural possessive inside a name, a Romance head word with
// an adjective, and a firm named after its founder; and people behind
// police ranks and the Nordic particle "af".
func TestBodiesFromDescriptions(t *testing.T) {
	x := run(t, "2024-03-15",
		"Ferries",
		"Ásta Pálsdóttir, whom Karl hired away from the airline Norfjall in 2021, said the ferry was safe.",
		"The Velkan Harbour Pilots Federation (VHPF) said the operator, Skerjavik hf., had cut training.",
		"The case went to the Regional Prosecutor, whose head, Maren Holt Dalby, declined to comment.",
		"The Norskar Seamen's Union backed the strike, and the Union Nationale des Industries de la Pêche said it disagreed.",
		"Brisval Castellane, the stevedoring company that runs the terminal, was founded by Octave Castellane in 1961.",
		"Detective Superintendent Liisa Rantavaara said the director, Erik af Lindqvist, had resigned.",
	)
	got := entityTypes(x)
	wantTypes(t, got, map[string]kg.EntityType{
		"Norfjall":                                   kg.Organization,
		"Velkan Harbour Pilots Federation":           kg.Organization,
		"Skerjavik hf":                               kg.Organization,
		"Regional Prosecutor":                        kg.Organization,
		"Maren Holt Dalby":                           kg.Person,
		"Norskar Seamen's Union":                     kg.Organization,
		"Union Nationale des Industries de la Pêche": kg.Organization,
		"Brisval Castellane":                         kg.Organization,
		"Octave Castellane":                          kg.Person,
		"Liisa Rantavaara":                           kg.Person,
		"Erik af Lindqvist":                          kg.Person,
	})
}

// TestRegionsByTheirBodies checks places named by the bodies that govern
// them, and a group noun that only modifies a later noun.
func TestRegionsByTheirBodies(t *testing.T) {
	x := run(t, "2024-03-15",
		"Salt",
		"Rosalía Quispe said the union would ask the Tarabuco departmental assembly to review the terms.",
		"The departmental assembly of Chuquiza voted on Friday. Marta Vogel, who heads Oderland Cell Works, the Saxon cell maker, agreed.",
	)
	got := entityTypes(x)
	wantTypes(t, got, map[string]kg.EntityType{
		"Tarabuco":            kg.Location,
		"Chuquiza":            kg.Location,
		"Oderland Cell Works": kg.Organization,
	})
	if _, ok := got["Saxon"]; ok {
		t.Errorf("Saxon is an entity: %v", got)
	}
}

// TestSourcesPlacesAndCoordinatedBodies checks a source named after
// "according to", a single name after "outside the", and two bodies joined
// by "and" when the first is named alone elsewhere.
func TestSourcesPlacesAndCoordinatedBodies(t *testing.T) {
	x := run(t, "2024-03-15",
		"Talks",
		"According to Mirela Dostal, the talks collapsed on Friday. Protesters gathered outside the Valdomir.",
		"Officials from Kalvex and Dravomir Holdings met on Monday. Kalvex shares fell 4 percent.",
	)
	got := entityTypes(x)
	wantTypes(t, got, map[string]kg.EntityType{
		"Mirela Dostal":     kg.Person,
		"Valdomir":          kg.Location,
		"Kalvex":            kg.Organization,
		"Dravomir Holdings": kg.Organization,
	})
	if _, ok := got["Kalvex and Dravomir Holdings"]; ok {
		t.Errorf("two bodies read as one: %v", got)
	}
}

// TestForeignCompanyWords checks a company word of another language ending
// a name, which lets the first word alone name the same company.
func TestForeignCompanyWords(t *testing.T) {
	x := run(t, "2024-03-15",
		"Offer",
		"The Swedish engineering group Norvik Industri offered 80 million euros. Norvik's chief executive, Sara Lund, said the offer stood. Investors in the Emirates agreed.",
	)
	got := entityTypes(x)
	wantTypes(t, got, map[string]kg.EntityType{"Norvik Industri": kg.Organization, "Sara Lund": kg.Person, "United Arab Emirates": kg.Location})
	for _, name := range []string{"Norvik", "Emirates"} {
		if _, ok := got[name]; ok {
			t.Errorf("%s is an entity of its own: %v", name, got)
		}
	}
}

// TestNotNames checks capitalized words that name no entity (holidays, a
// title alone, laws and treaties) and firms typed by being based somewhere
// or listed with a company.
func TestNotNames(t *testing.T) {
	x := run(t, "2024-03-15",
		"Truce",
		"The truce held through Christmas and into Ramadan, the Prime Minister said. Under the Kandor Accords and the Patriot Act, fighters left.",
		"Shares of Harwick Mining and Selton fell. Tovarra is based in Denver.",
	)
	got := entityTypes(x)
	for _, name := range []string{"Christmas", "Ramadan", "Prime Minister", "Kandor Accords", "Patriot Act"} {
		if _, ok := got[name]; ok {
			t.Errorf("%s is an entity: %v", name, got)
		}
	}
	wantTypes(t, got, map[string]kg.EntityType{"Selton": kg.Organization, "Tovarra": kg.Organization})
}

// TestSportsCopy checks names in sports copy: clubs by their sports head
// words, a coach's title, and a plural noun opening a sentence before a
// full name.
func TestSportsCopy(t *testing.T) {
	x := run(t, "2024-03-15",
		"Rivers Win",
		"Coach Pete Harlan praised the side. Vance joined from Norchester United last year.",
		"Colleagues Ryo Tanaka and Emeka Obi were injured. Obi will miss the final against Calder Athletic.",
	)
	got := entityTypes(x)
	wantTypes(t, got, map[string]kg.EntityType{
		"Pete Harlan":       kg.Person,
		"Ryo Tanaka":        kg.Person,
		"Emeka Obi":         kg.Person,
		"Norchester United": kg.Organization,
		"Calder Athletic":   kg.Organization,
	})
}

// TestBodiesByWhatTheyDo checks names of two capitalized words that look
// like people's but act as bodies.
func TestBodiesByWhatTheyDo(t *testing.T) {
	x := run(t, "2024-03-15",
		"Coalition",
		"Popular Renewal won 12 seats in Sunday's election. Popular Renewal's leader, Ines Varga, said the result was clear.",
		"Members of Green Horizon voted against the plan. Vessel Marlow, which makes pumps, hired 200. Kessing Brands shares fell.",
	)
	wantTypes(t, entityTypes(x), map[string]kg.EntityType{
		"Popular Renewal": kg.Organization,
		"Ines Varga":      kg.Person,
		"Green Horizon":   kg.Organization,
		"Vessel Marlow":   kg.Organization,
		"Kessing Brands":  kg.Organization,
	})
}

// TestPeopleActingLikeBodies checks that the body cues keep to bodies: a
// person who shares something, and a person's family with members.
func TestPeopleActingLikeBodies(t *testing.T) {
	x := run(t, "2024-03-15",
		"Family",
		"Jonas Berg, a lawyer, shares a flat in Oslo. Members of Marta Lind's family said she was safe; Marta Lind, a teacher, agreed.",
	)
	wantTypes(t, entityTypes(x), map[string]kg.EntityType{"Jonas Berg": kg.Person, "Marta Lind": kg.Person})
}

// TestNamesFromSentenceRoles checks types read from what a name does in its
// sentence and from general knowledge, each on an invented sentence: a
// capitalized adjective inside an apposition, "said it", a name after a
// preposition before "said", a head word with "General", a place after
// "in" and a particle, a charity's branch, an acronym told something, a
// trade before a name, and "in X and Y University".
func TestNamesFromSentenceRoles(t *testing.T) {
	x := run(t, "2024-03-15",
		"Brewers",
		"Brauwerk Tandler, the family-owned Swabian brewer, was sold on Monday. Analysts at Kontor Almrich said the price was high.",
		"The fine was set by the Inspectorate General of the Harbour Works. Navora Maritim said it would appeal.",
		"Fishermen sued the firm in a court in Vila do Sorro. Oxfam Vastland said the ruling was fair, and the minister told KVR that he agreed.",
		"The mural was painted by the painter Odile Maranche. She trained at a school in Tiefenau and Olvert University.",
	)
	got := entityTypes(x)
	wantTypes(t, got, map[string]kg.EntityType{
		"Brauwerk Tandler": kg.Organization,
		"Navora Maritim":   kg.Organization,
		"Inspectorate General of the Harbour Works": kg.Organization,
		"Vila do Sorro":     kg.Location,
		"Oxfam Vastland":    kg.Organization,
		"KVR":               kg.Organization,
		"Odile Maranche":    kg.Person,
		"Olvert University": kg.Organization,
	})
	if got["Kontor Almrich"] == kg.Person {
		t.Errorf("Kontor Almrich, where analysts work, typed a person: %v", got)
	}
	if _, ok := got["Tiefenau and Olvert University"]; ok {
		t.Errorf("a place and a university read as one name: %v", got)
	}
}

// TestMonthAbbreviationEndsSentence checks that "Mar." closes a sentence
// unless a day follows it.
func TestMonthAbbreviationEndsSentence(t *testing.T) {
	ss := Sentences("The court sits in Castel del Mar. Judges arrive on Mar. 5 from Rome.")
	if len(ss) != 2 {
		t.Fatalf("got %d sentences, want 2: %v", len(ss), ss)
	}
}

// TestNamesFromNamingAndOwnership checks a trade opening a sentence before a
// full name, a month or feast that is a given name, a river, a plural of a
// place noun before "of", a group that names itself, "X-based Y", "Y is
// owned by", and a place before "the minister said", all invented.
func TestNamesFromNamingAndOwnership(t *testing.T) {
	x := run(t, "2024-03-15",
		"Floods",
		"Fisherman Tarik Velundo lost his nets. The spokesman, Ramadan Oshkuri, said the Velmora river had burst its banks.",
		"Cargo left through the ports of Quindaro and Telvassa. A gang who call themselves Grey Lantern demanded money.",
		"The line was sold to Athens-based Kerameos Naftiki. Kerameos Naftiki is owned by a family trust.",
		"Ships carried fuel for Ostravel, the minister said. Talks resume in May.",
	)
	got := entityTypes(x)
	wantTypes(t, got, map[string]kg.EntityType{
		"Tarik Velundo":    kg.Person,
		"Ramadan Oshkuri":  kg.Person,
		"Velmora":          kg.Location,
		"Quindaro":         kg.Location,
		"Telvassa":         kg.Location,
		"Grey Lantern":     kg.Organization,
		"Kerameos Naftiki": kg.Organization,
	})
	if got["Ostravel"] == kg.Person {
		t.Errorf("a place before \"the minister said\" typed a person: %v", got)
	}
	if _, ok := got["May"]; ok {
		t.Errorf("a month read as a name: %v", got)
	}
}

// TestShapedNamesThatAreNoPeople checks names shaped like a person's (a
// particle, an "al-" prefix) that a place word, an Arabic group word or the
// sentence show to be places and bodies, beside people of the same shape,
// all invented.
func TestShapedNamesThatAreNoPeople(t *testing.T) {
	x := run(t, "2024-03-15",
		"Raid",
		"Fighters of Jabhat al-Wadiya attacked a checkpoint near Ciudad del Orvento on Monday, said Karim al-Sadouni, a local official.",
		"Tawfiq al-Rahbi met envoys in the town. Kataib al-Nasr fighters later withdrew.",
		"The cargo belonged to Comercial de la Paz Verde, a trading company, said Elena de la Fuente.",
	)
	got := entityTypes(x)
	wantTypes(t, got, map[string]kg.EntityType{
		"Jabhat al-Wadiya":   kg.Organization,
		"Ciudad del Orvento": kg.Location,
		"Karim al-Sadouni":   kg.Person,
		"Tawfiq al-Rahbi":    kg.Person,
		"Kataib al-Nasr":     kg.Organization,
		"Elena de la Fuente": kg.Person,
	})
	if got["Comercial de la Paz Verde"] == kg.Person {
		t.Errorf("a trading company typed a person: %v", got)
	}
}

// TestNamesWithTradeWordsAndConnectors checks company names that end in a
// trade or commodity word, organization names that run on through "of",
// "and" or an opening "All", and an operation's name, which is no entity.
func TestNamesWithTradeWordsAndConnectors(t *testing.T) {
	x := run(t, "2024-03-15",
		"Mines",
		"Pelarni Copper is 60 percent owned by Dorvash Madencilik, a Bursa-based miner controlled by Ruth Ambler.",
		"Tarvik Coastal Marine said the offer was fair.",
		"Asel Vorn, a campaigner with the All Norland Patients Rights Network, said the rules were weak.",
		"He was tried by the Court for the Suppression of Financial Crimes and Smuggling in May.",
		"The raid, which the police named Operation Grey Tide, was carried out on Monday.",
	)
	got := entityTypes(x)
	wantTypes(t, got, map[string]kg.EntityType{
		"Pelarni Copper":                      kg.Organization,
		"Dorvash Madencilik":                  kg.Organization,
		"Tarvik Coastal Marine":               kg.Organization,
		"All Norland Patients Rights Network": kg.Organization,
		"Court for the Suppression of Financial Crimes and Smuggling": kg.Organization,
		"Ruth Ambler": kg.Person,
	})
	for name := range got {
		if strings.Contains(name, "Grey Tide") {
			t.Errorf("%s: an operation's name made an entity (%v)", name, got[name])
		}
	}
}

// TestOneEntityAcrossMentions checks that the mentions of one thing make
// one entity of one type: a body in either number, another name it gives
// itself, a name with and without the names between, a person's full name
// weakly typed a thing beside a titled mention of the surname.
func TestOneEntityAcrossMentions(t *testing.T) {
	x := run(t, "2024-03-15",
		"Valley talks",
		"Varrani fighters freed 40 prisoners held in Doska on Monday. The Varrani side, which calls itself Jund al-Wadi, sent three envoys.",
		"The Varranis still hold the road to Doska.",
		"Kemal bin Yusuf al-Harazi, 52, the envoy of the government, said later that he had met Kemal al-Harazi's deputy.",
		"The Free Valley party, led by Orvo-Jan Tessaluk, which won 12 seats in May, rejected the deal. Mr. Tessaluk called it a surrender.",
		"Its treasurer is married to Ilka Brannvold. Professor Annika Brannvold heads the valley's university.",
		"The Works Directorate (Dirección del Empleo) said it would audit the prison.",
	)
	var varrani, harazi, inspect []kg.Entity
	for _, e := range x.Entities {
		switch {
		case strings.Contains(e.Name, "Varrani") || strings.Contains(e.Name, "Jund"):
			varrani = append(varrani, e)
		case strings.Contains(e.Name, "al-Harazi"):
			harazi = append(harazi, e)
		case strings.Contains(e.Name, "Empleo") || strings.Contains(e.Name, "Directorate"):
			inspect = append(inspect, e)
		}
	}
	if len(varrani) != 1 || len(varrani[0].Aliases) < 2 {
		t.Errorf("Varrani, Varranis and Jund al-Wadi: want one entity with both other names, got %v", varrani)
	}
	if len(harazi) != 1 {
		t.Errorf("Kemal bin Yusuf al-Harazi and Kemal al-Harazi: want one person, got %v", harazi)
	}
	if len(inspect) != 1 {
		t.Errorf("Works Directorate (Dirección del Empleo): want one body, got %v", inspect)
	}
	wantTypes(t, entityTypes(x), map[string]kg.EntityType{
		"Orvo-Jan Tessaluk": kg.Person, // "Mr. Tessaluk" elsewhere
		"Ilka Brannvold":    kg.Person, // a family name of a titled person
	})
}

// TestNamedPressBodiesAndNationalInstitutions checks a name before a
// two-word noun for a press body, and an institution named for its
// country with "of".
func TestNamedPressBodiesAndNationalInstitutions(t *testing.T) {
	x := run(t, "2024-03-15",
		"Shares",
		"Shares of Pellmar Shipping, which is listed on the Stock Exchange of Malaysia, rose 8 percent, the state-run Bernama-style Kelvar news agency reported.",
	)
	wantTypes(t, entityTypes(x), map[string]kg.EntityType{
		"Stock Exchange of Malaysia": kg.Organization,
		"Kelvar":                     kg.Organization,
	})
}

// TestNameShapesOfWireCopy checks name shapes of wire copy: a quoted
// nickname inside a person's name, a place before "-based", a saint's
// possessive in a building's name, an office that acts as a body, a
// modifier opening a sentence, a letter grade, a country in a headline and
// by its initials, and a state body set after a name as its description.
func TestNameShapesOfWireCopy(t *testing.T) {
	x := run(t, "2024-03-15",
		"South Sudan Reforms Police",
		"The Vorlund-based Kessvik Trust hired the broker Tomás \"el Gato\" Reinholt on Monday.",
		"Rival Harbor Union Party members met at St Odran's Basilica, and the Director of Public Prosecutions, Aldo Fennick, said the ratings agency had cut the island's rating to C.",
		"Officials of CAR said the Kestral Guard, the Ugandan police, would patrol the border with South Sudan.",
		"The Central African Republic has 5 million people, Taoiseach Brona Kelleher said.",
	)
	got := entityTypes(x)
	wantTypes(t, got, map[string]kg.EntityType{
		"Tomás Reinholt":                  kg.Person,
		"Vorlund":                         kg.Location,
		"Kessvik Trust":                   kg.Organization,
		"St Odran's Basilica":             kg.Location,
		"Director of Public Prosecutions": kg.Organization,
		"Harbor Union Party":              kg.Organization,
		"Brona Kelleher":                  kg.Person,
	})
	for _, bad := range []string{"C", "C.", "Reinholt", "Tomás", "Rival Harbor Union Party", "Ugandan police", "Sudan", "CAR", "Vorlund-based Kessvik Trust"} {
		if _, ok := got[bad]; ok {
			t.Errorf("%q is an entity of its own (all: %v)", bad, got)
		}
	}
	kestral := false
	for _, e := range x.Entities {
		if e.Name == "Kestral Guard" {
			kestral = true
			if !slices.Contains(e.Aliases, "Ugandan police") {
				t.Errorf("Kestral Guard: aliases %v, want the Ugandan police", e.Aliases)
			}
		}
	}
	if !kestral {
		t.Errorf("no Kestral Guard entity (all: %v)", got)
	}
}

// TestNamesOfCourtsPostsAndPatronyms checks names with lower-case parts
// (Urdu "ul-", an Uzbek patronymic), a title word opening a court's name,
// a hyphenated trade before a name, posts named by a portfolio, a known
// body's acronym before a modifier, an acronym after a body's description,
// and a firm's two-word trade.
func TestNamesOfCourtsPostsAndPatronyms(t *testing.T) {
	x := run(t, "2024-03-15",
		"Court",
		"The board chairman Tariq Anwar ul-Haq Meer and the blogger Dilnoza Rustam qizi were charged before the General Court Martial in Bastrok.",
		"The singer-turned-politician Kato Mwesige, Ruritania's Fisheries Minister, and Water Development Minister Olu Benga met at a UNESCO World Heritage site.",
		"Its owner is the Kenyan asset manager Harambe del Lago, and Okello Basi is the secretary of the region's rowing board, the KRRB, said Vessa Lund.",
	)
	got := entityTypes(x)
	wantTypes(t, got, map[string]kg.EntityType{
		"Tariq Anwar ul-Haq Meer": kg.Person,
		"Dilnoza Rustam qizi":     kg.Person,
		"General Court Martial":   kg.Organization,
		"Kato Mwesige":            kg.Person,
		"Olu Benga":               kg.Person,
		"UNESCO":                  kg.Organization,
		"KRRB":                    kg.Organization,
		"Harambe del Lago":        kg.Organization,
	})
	for _, bad := range []string{"Court Martial", "Fisheries Minister", "Water Development", "UNESCO World Heritage", "Tariq Anwar"} {
		if _, ok := got[bad]; ok {
			t.Errorf("%q is an entity of its own (all: %v)", bad, got)
		}
	}
}

// TestClansPlacesAndInitials checks a name before "clan", a Spanish word
// for a kind of place opening a name, and an initial before a single name.
func TestClansPlacesAndInitials(t *testing.T) {
	x := run(t, "2024-03-15",
		"Valley",
		"Gunmen from the Moruka clan attacked the village, said the ranger, known only as D. Batbold.",
		"Crews flew from Laguna Verdosa and Cerro Tallan to the coast.",
	)
	wantTypes(t, entityTypes(x), map[string]kg.EntityType{
		"Moruka":         kg.Organization,
		"Laguna Verdosa": kg.Location,
		"Cerro Tallan":   kg.Location,
		"D. Batbold":     kg.Person,
	})
}

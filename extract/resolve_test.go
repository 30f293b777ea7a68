package extract

import (
	"slices"
	"testing"

	"github.com/newsgraph/newsgraph/kg"
)

// TestAlternativeNames checks that a name the text gives as another name of
// an entity is one entity with it, and that places and things set beside
// each other stay apart.
func TestAlternativeNames(t *testing.T) {
	x := run(t, "",
		"Port Dispute Drags On",
		"The Tavrich Haulage Cooperative, a Odessa-based carrier whose name means Southern Haulage Cooperative, said on Monday that talks had failed.",
		"Its director, Bohdan Marchuk (Bogdan Marchuk in Russian-language reports), said the drivers would stay home. Ms. Ludmila Orsenko, known to the drivers as Lyuda, said the union agreed.",
		"The Zelenyi Front, also known as the Green Front, backed the strike. Mr. Kirill Danev (Reuters) could not be reached.",
	)
	byName := map[string]kg.Entity{}
	for _, e := range x.Entities {
		byName[e.Name] = e
	}
	want := map[string]string{
		"Tavrich Haulage Cooperative": "Southern Haulage Cooperative",
		"Bohdan Marchuk":              "Bogdan Marchuk",
		"Ludmila Orsenko":             "Lyuda",
		"Zelenyi Front":               "Green Front",
	}
	for name, alias := range want {
		e, ok := byName[name]
		if !ok {
			t.Errorf("no entity %q in %v", name, names(x))
			continue
		}
		if !slices.Contains(e.Aliases, alias) {
			t.Errorf("%s: aliases %v, want %q among them", name, e.Aliases, alias)
		}
		if _, apart := byName[alias]; apart {
			t.Errorf("%q is an entity of its own", alias)
		}
	}
	if e, ok := byName["Kirill Danev"]; ok && slices.Contains(e.Aliases, "Reuters") {
		t.Errorf("a news agency in parentheses became a name of Kirill Danev: %v", e.Aliases)
	}
}

func names(x *kg.Extraction) []string {
	var out []string
	for _, e := range x.Entities {
		out = append(out, e.Name)
	}
	return out
}

// TestDateline checks that the place of a dateline in capitals is a place,
// and that an acronym opening a later paragraph stays what it was.
func TestDateline(t *testing.T) {
	x := run(t, "",
		"Trawler Held Off the Coast",
		"KORAVAL, Somalia — The Marine Patrol Agency (MPA) held a trawler on Sunday, officials in Koraval said.",
		"MPA officers said the crew was safe.",
	)
	types := map[string]kg.EntityType{}
	for _, e := range x.Entities {
		types[kg.FoldName(e.Name)] = e.Type
	}
	if ty := types["koraval"]; ty != kg.Location {
		t.Errorf("KORAVAL in the dateline: %q, want Location (entities %v)", ty, names(x))
	}
	if ty := types["marine patrol agency"]; ty != kg.Organization {
		t.Errorf("Marine Patrol Agency: %q, want Organization", ty)
	}
}

// TestAcronymTransliterated checks that an acronym spelled in another
// transliteration than its name's initials (q for k) is that name.
func TestAcronymTransliterated(t *testing.T) {
	x := run(t, "",
		"Council Meets",
		"The United Kebeeqami Council met on Monday in the capital.",
		"The UQC said the talks would go on.",
	)
	for _, e := range x.Entities {
		if e.Name == "UQC" {
			t.Errorf("UQC is an entity of its own: %v", names(x))
		}
	}
}

// TestRoleTitleAndCourtesyTitle checks that "Ms. X" after "Minister X",
// where no one of the surname is named in full, is another person, and
// that "Mr. X" after a full name stays that person.
func TestRoleTitleAndCourtesyTitle(t *testing.T) {
	x := run(t, "",
		"Deal Signed",
		"Minister Tuvaakhuu said the deal guaranteed every job. Ms. Tuvaakhuu, the federation's lawyer, said the workers had won.",
		"Ganbold Ochirvaani signed for the buyer. Mr. Ochirvaani said the plant would open in 2028.",
	)
	var tuv []string
	ochir := 0
	for _, e := range x.Entities {
		if e.Type != kg.Person {
			continue
		}
		for _, n := range append([]string{e.Name}, e.Aliases...) {
			switch n {
			case "Minister Tuvaakhuu", "Ms. Tuvaakhuu":
				tuv = append(tuv, e.ID)
			case "Ganbold Ochirvaani", "Mr. Ochirvaani":
				ochir++
			}
		}
	}
	if len(tuv) != 2 || tuv[0] == tuv[1] {
		t.Errorf("Minister and Ms. Tuvaakhuu: %v, want two entities (%v)", tuv, names(x))
	}
	if ochir != 2 {
		t.Errorf("Ganbold Ochirvaani and Mr. Ochirvaani are not one entity: %v", names(x))
	}
}

// TestKnownInPlaceAs checks "known in <language or place> as" after a
// short description: the second name is another name of the first.
func TestKnownInPlaceAs(t *testing.T) {
	x := run(t, "",
		"Cell Maker Confirms Talks",
		"Vorland Battery Works, the Saxon cell maker known in Germany as Vorland Batterie, confirmed the talks on Tuesday.",
	)
	for _, e := range x.Entities {
		if e.Name == "Vorland Battery Works" {
			if !slices.Contains(e.Aliases, "Vorland Batterie") {
				t.Errorf("aliases %v, want Vorland Batterie among them", e.Aliases)
			}
			return
		}
	}
	t.Errorf("no Vorland Battery Works in %v", names(x))
}

// TestPlaceNotCompanyShortForm checks that a place a company is named
// for, read as a place, does not become the company's short name.
func TestPlaceNotCompanyShortForm(t *testing.T) {
	x := run(t, "",
		"Cocoa Deal",
		"KUMASI, Ghana — Tarvel Cocoa Processing Company said on Monday it would buy more beans from farmers in Tarvel, the region it is named for. Growers in Tarvel welcomed the news.",
	)
	for _, e := range x.Entities {
		if e.Type == kg.Organization && slices.Contains(e.Aliases, "Tarvel") {
			t.Errorf("the region became a name of %s: %v", e.Name, e.Aliases)
		}
	}
}

// TestVisitedCapitalIsCity checks that a capital a person visited stays
// the city: it is not a name of its country ("accused Belgrade of" is).
func TestVisitedCapitalIsCity(t *testing.T) {
	x := run(t, "",
		"Talks on Grain",
		"The Kenyan government is studying the offer. Dmitri Volkhov, a trade official who visited Nairobi last week, said buyers were ready.",
	)
	city := false
	for _, e := range x.Entities {
		if e.Type == kg.Location && slices.Contains(e.Aliases, "Nairobi") {
			t.Errorf("the visited capital became a name of %s", e.Name)
		}
		city = city || e.Name == "Nairobi"
	}
	if !city {
		t.Errorf("no Nairobi in %v", names(x))
	}
}

// TestCountryUnitNotShortName checks that a company's unit named for a
// country ("X Chile") is not the company's name without its last word,
// even when both are read as people.
func TestCountryUnitNotShortName(t *testing.T) {
	x := run(t, "",
		"Fish Deal",
		"OSLO — Torvik Marine, the fish farmer, confirmed on Tuesday that it would buy the producer. Torvik Marine Chile would run the farms after the sale, he said.",
	)
	for _, e := range x.Entities {
		if e.Name == "Torvik Marine Chile" && slices.Contains(e.Aliases, "Torvik Marine") {
			t.Errorf("the company became a name of its unit: %v", e.Aliases)
		}
	}
}

// TestTitledNameNotInOwnSentence checks that "Mr. X" does not join a
// longer name opening with X in its own sentence: a speaker does not name
// himself in full there.
func TestTitledNameNotInOwnSentence(t *testing.T) {
	x := run(t, "",
		"Plant Reopens",
		"Mr. Lavazzi, who flew in for the opening, said Lavazzi Tessuti would double its orders.",
	)
	for _, e := range x.Entities {
		if e.Name == "Lavazzi Tessuti" && (slices.Contains(e.Aliases, "Lavazzi") || slices.Contains(e.Aliases, "Mr. Lavazzi")) {
			t.Errorf("Mr. Lavazzi became a name of %s: %v", e.Name, e.Aliases)
		}
	}
}

// TestUndefinedAcronymNotLaterNewBody checks that an acronym the text
// never defines does not name a body it spells that the text brings in
// later as new, with an indefinite apposition.
func TestUndefinedAcronymNotLaterNewBody(t *testing.T) {
	x := run(t, "",
		"Sale Approved",
		"The Ministry of Trade approved the sale of a stake in KTM to the group. Kavala Textile Mills, a smaller weaver based in Drama, said it would ask for the same terms.",
	)
	for _, e := range x.Entities {
		if e.Name == "Kavala Textile Mills" && slices.Contains(e.Aliases, "KTM") {
			t.Errorf("the undefined acronym became a name of %s", e.Name)
		}
	}
}

// TestCourtesyTitleLooksBack checks that a courtesy-titled surname is not
// the person of that surname the text brings in after it: the reader was
// meant to know whom "Ms. Kavuma" names already.
func TestCourtesyTitleLooksBack(t *testing.T) {
	x := run(t, "",
		"Growers March on Parliament",
		"Ms. Kavuma told the crowd that prices had fallen by a fifth. Her sister, Ruth Kavuma, a lawmaker, promised to raise the matter.",
		"Mr. Odeke said the company would honour its contracts.",
	)
	for _, e := range x.Entities {
		if e.Name == "Ruth Kavuma" && slices.Contains(e.Aliases, "Ms. Kavuma") {
			t.Errorf("Ms. Kavuma joined the sister named after her: %v", e.Aliases)
		}
	}
	found := false
	for _, e := range x.Entities {
		found = found || e.Type == kg.Person && (e.Name == "Kavuma" || e.Name == "Ms. Kavuma")
	}
	if !found {
		t.Errorf("no entity for Ms. Kavuma in %v", names(x))
	}
}

// TestCountryUnitIsNotItsParent checks that a company's name is not read
// as a short form of its unit named for a country.
func TestCountryUnitIsNotItsParent(t *testing.T) {
	x := run(t, "",
		"Textile Maker Expands",
		"Shares of Daesol Fabrics rose on Tuesday. Daesol Fabrics Vietnam, the group's local unit, runs a dyeing plant.",
	)
	for _, e := range x.Entities {
		if e.Name == "Daesol Fabrics Vietnam" && slices.Contains(e.Aliases, "Daesol Fabrics") {
			t.Errorf("the parent joined its unit: %v", e.Aliases)
		}
	}
}

// TestSisterLineNamedLater checks that a company's short name does not
// join a longer name the text gives only after it that adds a line of
// business ("its shipping arm, Tarvolu Copper Logistics"): that is a
// sister company; and that a short name after the full one still joins it.
func TestSisterLineNamedLater(t *testing.T) {
	x := run(t, "",
		"Copper Sale Reviewed",
		"The ministry began reviewing the sale of a stake in Tarvolu Copper, known in Malay as Syarikat Tarvolu Tembaga, to an Austrian trader.",
		"A spokesman said its shipping arm, Tarvolu Copper Logistics, was not part of the sale.",
	)
	byName := map[string]kg.Entity{}
	for _, e := range x.Entities {
		byName[e.Name] = e
	}
	if _, ok := byName["Tarvolu Copper Logistics"]; !ok || slices.Contains(byName["Tarvolu Copper Logistics"].Aliases, "Tarvolu Copper") {
		t.Errorf("the sister joined the company named before it: %v", names(x))
	}
	y := run(t, "",
		"Freight Firm Fined",
		"Ostrava Freight Logistics was fined on Monday. Ostrava Freight said it would appeal.",
	)
	for _, e := range y.Entities {
		if e.Name == "Ostrava Freight" {
			t.Errorf("a short name after the full one is an entity of its own: %v", names(y))
		}
	}
}

package extract

import (
	"testing"

	"github.com/newsgraph/newsgraph/kg"
)

// TestKinBeforeAName checks that a kinship noun after a possessor types
// the one-word name after it as a person: "whose brother X", "his
// younger brother X".
func TestKinBeforeAName(t *testing.T) {
	x := run(t, "2024-03-15",
		"Firm",
		"The firm was set up by Daniel Orvik, its chairman, and his younger brother Tormund, who runs exports.",
		"The campaign was led by Marit Solheid, whose sister Anneli died in 2004.",
	)
	wantTypes(t, entityTypes(x), map[string]kg.EntityType{"Tormund": kg.Person, "Anneli": kg.Person})
}

// TestHomeCountryOfAFirm checks that a demonym before a firm's or a
// region's noun makes its country an entity, though never named, and that
// a demonym before other nouns does not.
func TestHomeCountryOfAFirm(t *testing.T) {
	x := run(t, "2024-03-15",
		"Mine",
		"The mine is owned by a joint venture of the Canadian miner Orlen Resources and the state. Ore goes to a South Korean firm, Daehan Smelting, on the Liberian-flagged Sea Lark.",
		"The Argentine province of Tolmar missed a payment. A Swedish diplomat, Ebba Lind, said so.",
	)
	got := entityTypes(x)
	for _, name := range []string{"Canada", "South Korea", "Liberia", "Argentina"} {
		if got[name] != kg.Location {
			t.Errorf("%s: type %q, want Location (all: %v)", name, got[name], got)
		}
	}
	if _, ok := got["Sweden"]; ok {
		t.Errorf("Sweden is an entity: a diplomat's nationality is no home of a firm (all: %v)", got)
	}
}

// TestNamesWholeAcrossTheirShapes checks names that were cut or typed by a
// word inside them: a capitalized plural possessor, "Said" as a given
// name, a capital named with "of", a title or rank inside a facility's
// name, a minister of several fields, people for a cause, and two
// halves joined by "and" that an acronym after spells.
func TestNamesWholeAcrossTheirShapes(t *testing.T) {
	x := run(t, "2024-03-15",
		"Port",
		"The members nominated by the ruling Citizens' Voice party voted against it. The Federation of Dock Workers' Unions joined the march.",
		"The warehouse belongs to Tamir Brothers, a Berbera import house founded by the trader Said Omar Tamir.",
		"Lena Drake, a nurse at the Port of Spain Central Hospital, said the march would end at the King Aldric Memorial Stadium.",
		"Minister of Culture, Tourism and Youth Tariq bin Salim Al Nadhri said the ministry would not interfere.",
		"A coalition led by the activist Mara Quell, Parents for Safer Streets, plans a march.",
		"Observers from the Office for Electoral Integrity and Civic Rights (OEICR) came.",
	)
	wantTypes(t, entityTypes(x), map[string]kg.EntityType{
		"Citizens' Voice":                                 kg.Organization,
		"Federation of Dock Workers' Unions":              kg.Organization,
		"Said Omar Tamir":                                 kg.Person,
		"Port of Spain Central Hospital":                  kg.Location,
		"King Aldric Memorial Stadium":                    kg.Location,
		"Tariq bin Salim Al Nadhri":                       kg.Person,
		"Parents for Safer Streets":                       kg.Organization,
		"Office for Electoral Integrity and Civic Rights": kg.Organization,
	})
}

// TestNamesModifyingATrade checks a one-word name between a determiner and
// a trade or a firm's noun: the body or the place the trade belongs to,
// never a person, and not a word of a person's name.
func TestNamesModifyingATrade(t *testing.T) {
	x := run(t, "2024-03-15",
		"Bank",
		"The minister, a former Kellwick trader, met the Tarsova biologist Mira Holn. The records system is supplied by the Venholm software firm Arvalo Systems.",
		"Piet Dunmore, a lawyer, left early, and the Dunmore aide declined to comment.",
	)
	got := entityTypes(x)
	wantTypes(t, got, map[string]kg.EntityType{"Kellwick": kg.Organization, "Tarsova": kg.Location, "Venholm": kg.Location, "Mira Holn": kg.Person})
	for _, name := range []string{"Dunmore"} {
		if typ, ok := got[name]; ok {
			t.Errorf("%s: typed %s (all: %v)", name, typ, got)
		}
	}
}

// TestPartiesAndMinistersStates checks a party named after "the
// opposition" or before ", led by", and the region before a minister's
// portfolio ("Ontaria Labour Minister X"), but no adjective of the post.
func TestPartiesAndMinistersStates(t *testing.T) {
	x := run(t, "2024-03-15",
		"Strike",
		"The opposition Harbor Renewal said the government had failed. Civic Dawn, led by Mathieu Gendron, demanded a vote.",
		"Ontaria Labour Minister Luc Fontaine met the union. National Security Minister Ada Rook did not.",
	)
	got := entityTypes(x)
	wantTypes(t, got, map[string]kg.EntityType{"Harbor Renewal": kg.Organization, "Civic Dawn": kg.Organization,
		"Ontaria": kg.Location, "Luc Fontaine": kg.Person, "Ada Rook": kg.Person})
	if typ, ok := got["National"]; ok {
		t.Errorf("National: typed %s (all: %v)", typ, got)
	}
}

// TestPeopleListedAfterATrade checks people listed after a plural trade
// noun: a relative clause after the list is said of something else.
func TestPeopleListedAfterATrade(t *testing.T) {
	x := run(t, "2024-03-15",
		"Plant",
		"The plant belongs to Laboratoires Morin-Lacoste, a drug maker founded in 1958 by the pharmacists Henri Morin and Albert Lacoste, which was bought last year.",
	)
	wantTypes(t, entityTypes(x), map[string]kg.EntityType{"Henri Morin": kg.Person, "Albert Lacoste": kg.Person,
		"Laboratoires Morin-Lacoste": kg.Organization})
}

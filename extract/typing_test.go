package extract

import (
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
	for name, typ := range map[string]kg.EntityType{
		"Krenner Pumpwerke GmbH": kg.Organization, // legal suffix
		"Kasse Lindenau":         kg.Organization, // apposition after
		"Ostmark-Bote":           kg.Organization, // description before
		"Ilse Varnhagen Moll":    kg.Person,       // a person noun heads the chained description
		"Ostmark":                kg.Location,     // "the Ostmark region"
		"Anton Krenner":          kg.Person,       // a family name of a person named elsewhere
	} {
		if got[name] != typ {
			t.Errorf("%s: type %q, want %q (all: %v)", name, got[name], typ, got)
		}
	}
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

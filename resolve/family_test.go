package resolve

import (
	"testing"

	"github.com/newsgraph/newsgraph/kg"
)

// TestFamilyNameAlone checks that a family name of several words given
// alone ("Mr. de la Serna Ortuzar") is read as surnames, not as a given
// name and a surname: two relatives who both go by it do not join through
// it, and it still meets the full name it ends. Its particles are part of
// it: "de la Serna" and "del Serna" are two families.
func TestFamilyNameAlone(t *testing.T) {
	nb := map[string]bool{"organization:caldera-party": true, "person:other": true}
	node := Candidate{Entity: &kg.Entity{ID: "person:eulalio-de-la-serna-ortuzar", Type: kg.Person, Name: "Eulalio de la Serna Ortuzar",
		Aliases: []string{"Mr. de la Serna Ortuzar", "de la Serna Ortuzar"}}, Neighbors: nb}
	m := Mention{ID: "person:casimira-de-la-serna-ortuzar", Type: kg.Person,
		Names: []string{"Casimira de la Serna Ortuzar", "de la Serna Ortuzar"}, Neighbors: nb}
	if ds := Decide(m, []Candidate{node}); len(ds) > 0 && ds[0].Action == Join {
		t.Errorf("a relative joined through the family name both go by: %+v", ds[0])
	}
	if n := Parse(kg.Person, "Mr. de la Serna Ortuzar"); n.Full() || n.Given() != "" {
		t.Errorf("a family name alone read as a full name: %+v", n)
	}
	for _, c := range []struct {
		a, b string
		meet bool
	}{
		{"Mr. de la Serna Ortuzar", "Eulalio de la Serna Ortuzar", true},
		{"de la Serna Ortuzar", "Serna Ortuzar Paz", false},
		{"Eulalia de la Serna", "Eulalia del Serna", false}, // another family
		{"Eulalia de la Serna", "Eulalia Serna", true},
		{"Mr. de la Serna Ortuzar", "Eulalio de la Serna", false},
		{"de la Serna Ortuzar", "Serna", false},
		{"de la Serna Ortuzar", "Serna Ortuzar", false}, // a given name Serna
	} {
		m := CompareNames(Parse(kg.Person, c.a), Parse(kg.Person, c.b))
		if meet := !m.Veto && m.Score >= 0.75; meet != c.meet {
			t.Errorf("%q vs %q: %+v, want meet=%v", c.a, c.b, m, c.meet)
		}
		if c.meet && !overlapKeys(Keys(kg.Person, []string{c.a}), Keys(kg.Person, []string{c.b})) {
			t.Errorf("%q and %q share no blocking key", c.a, c.b)
		}
	}
}

// TestApartNamesDecide checks that when context lifts two of an article's
// entities to the same score for one node, the one whose name alone
// matches better keeps it: "Wattle Ridge Nickel" itself, not "Wattle
// Ridge" typed a place.
func TestApartNamesDecide(t *testing.T) {
	j := func(nameOnly float64) []Decision {
		return []Decision{{Action: Join, NodeID: "organization:tarn-ridge-nickel", Score: 1, Evidence: Evidence{NameOnly: nameOnly}}}
	}
	per := [][]Decision{j(0.92), j(1)}
	apart(per, make([]*kg.Entity, 2))
	if per[0][0].Action != Propose || per[1][0].Action != Join {
		t.Errorf("got %v, %v; want the better name to keep the node", per[0][0].Action, per[1][0].Action)
	}
}

// TestIndonesianOldSpelling checks that a name in the Indonesian spelling
// before 1972 meets its modern form.
func TestIndonesianOldSpelling(t *testing.T) {
	for _, p := range [][2]string{{"Budi Tjahjadi", "Budi Cahyadi"}, {"Rukmini Soedjarwo", "Rukmini Sujarwo"}} {
		a, b := Parse(kg.Person, p[0]), Parse(kg.Person, p[1])
		if m := CompareNames(a, b); m.Veto || m.Score < High {
			t.Errorf("%q vs %q: %+v (%q, %q)", p[0], p[1], m, a.Core, b.Core)
		}
	}
}

// TestLineOfBusinessDropped checks that a company named without the line
// of business that ends its name ("Ostrel Dagi" of "Ostrel Dagi Mining
// Company") joins it when people of its story are named beside it, that a
// sister in another line rivals it, and that a full name with a line of
// business does not join a node known only by the bare name.
func TestLineOfBusinessDropped(t *testing.T) {
	nb := map[string]bool{"person:a": true, "person:b": true, "organization:c": true}
	mining := Candidate{Entity: &kg.Entity{ID: "organization:ostrel-dagi-mining-company", Type: kg.Organization, Name: "Ostrel Dagi Mining Company"}, Neighbors: nb}
	m := Mention{ID: "organization:ostrel-dagi", Type: kg.Organization, Names: []string{"Ostrel Dagi"}, Neighbors: nb}
	if ds := Decide(m, []Candidate{mining}); len(ds) == 0 || ds[0].Action != Join {
		t.Errorf("the short form with its story's people: %+v, want a join", ds)
	}
	shipping := Candidate{Entity: &kg.Entity{ID: "organization:ostrel-dagi-shipping", Type: kg.Organization, Name: "Ostrel Dagi Shipping"}, Neighbors: nb}
	if ds := Decide(m, []Candidate{mining, shipping}); len(ds) > 0 && ds[0].Action == Join {
		t.Errorf("a sister in another line did not rival: %+v", ds[0])
	}
	bare := Candidate{Entity: &kg.Entity{ID: "organization:ostrel-dagi", Type: kg.Organization, Name: "Ostrel Dagi"}, Neighbors: nb}
	full := Mention{ID: "organization:ostrel-dagi-shipping", Type: kg.Organization, Names: []string{"Ostrel Dagi Shipping"}, Neighbors: nb}
	if ds := Decide(full, []Candidate{bare}); len(ds) > 0 && ds[0].Action == Join {
		t.Errorf("a full name joined a node known by the bare name: %+v", ds[0])
	}
}

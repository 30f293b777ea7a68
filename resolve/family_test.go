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

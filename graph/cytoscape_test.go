package graph

import (
	"slices"
	"testing"

	"github.com/newsgraph/newsgraph/kg"
)

// TestCytoscapeElements checks what a frontend needs to draw without
// reshaping: classes, the symmetric flag, weights, and parallel edges
// collapsed on request.
func TestCytoscapeElements(t *testing.T) {
	x := newFixture(t, "Marek joins", "2020-02-01", "Ilse Marek is a member of the Unity Party.")
	x.ent(kg.Person, "", "Ilse Marek")
	x.ent(kg.Organization, "party", "Unity Party")
	x.rel(kg.MemberOf, idMarek, idParty, "Ilse Marek is a member of the Unity Party.")
	c := newClient(t, Config{Store: openStore(t, append(worldFixtures(t), x.x)...)})

	type element struct {
		Group   string
		Classes []string
		Data    struct {
			ID, Label, Type string
			Subtype         *string
			Weight          int
			Confidence      *float64
			Symmetric       *bool
			Types           []string
			Relations       []string
		}
	}
	var out struct {
		Neighborhood struct {
			Plain, Collapsed []element
			Elements         []map[string]any
		}
	}
	const fields = `{ group classes data { id label type subtype weight confidence symmetric types relations } }`
	c.MustPost(`{ neighborhood(id: "`+idMarek+`") { plain: cytoscape `+fields+`
		collapsed: cytoscape(collapseParallel: true) `+fields+` elements(collapseParallel: true) } }`, &out)
	nb := out.Neighborhood
	byID := map[string]element{}
	for _, el := range nb.Plain {
		byID[el.Data.ID] = el
	}
	marek := byID[idMarek]
	if !slices.Equal(marek.Classes, []string{"person", "seed"}) || marek.Data.Symmetric != nil || marek.Data.Confidence != nil {
		t.Errorf("Marek's node: %+v", marek)
	}
	if p := byID[idParty]; !slices.Equal(p.Classes, []string{"organization"}) || p.Data.Subtype == nil || *p.Data.Subtype != "party" {
		t.Errorf("the party's node: %+v", p)
	}
	var met, leads *element
	for i, el := range nb.Plain {
		switch el.Data.Type {
		case "MET_WITH":
			met = &nb.Plain[i]
		case "LEADS":
			leads = &nb.Plain[i]
		}
	}
	if met == nil || !slices.Equal(met.Classes, []string{"met-with", "symmetric"}) || met.Data.Symmetric == nil || !*met.Data.Symmetric ||
		met.Data.Weight != 1 || met.Data.Confidence == nil {
		t.Errorf("MET_WITH edge: %+v", met)
	}
	if leads == nil || leads.Data.Symmetric == nil || *leads.Data.Symmetric || !slices.Equal(leads.Data.Types, []string{"LEADS"}) {
		t.Errorf("LEADS edge: %+v", leads)
	}
	// Marek: the party (LEADS, MEMBER_OF), Brell (MET_WITH), the Guard (COMMANDS).
	if len(nb.Plain) != 4+4 {
		t.Fatalf("plain: %d elements, want 4 nodes and 4 edges: %+v", len(nb.Plain), nb.Plain)
	}
	if len(nb.Collapsed) != 4+3 || len(nb.Elements) != 7 {
		t.Fatalf("collapsed: %d elements (%d as JSON), want 4 nodes and 3 edges: %+v", len(nb.Collapsed), len(nb.Elements), nb.Collapsed)
	}
	var pair *element
	for i, el := range nb.Collapsed {
		if slices.Contains(el.Classes, "collapsed") {
			pair = &nb.Collapsed[i]
		}
	}
	if pair == nil || len(pair.Data.Types) != 2 || !slices.Contains(pair.Data.Types, "LEADS") || !slices.Contains(pair.Data.Types, "MEMBER_OF") ||
		len(pair.Data.Relations) != 2 || pair.Data.Weight != 2 || !slices.Contains(pair.Classes, "member-of") {
		t.Errorf("collapsed Marek–party edge: %+v", pair)
	}
}

package graph

import (
	"testing"

	"github.com/newsgraph/newsgraph/kg"
)

// TestRelationEndsEverywhere asks for source and target under every field
// that returns relations, including those whose reads give no end
// entities (by id, roles, paths, traversals, mutations): source and target
// are plain fields, so the graph layer must fill them in before returning.
// It also counts the store calls of relation(id): the ends are one batch.
func TestRelationEndsEverywhere(t *testing.T) {
	cs := &countingStore{Store: openStore(t, worldFixtures(t)...)}
	c := newClient(t, Config{Store: cs})
	detained := kg.RelationID(kg.Detained, idBrigade, idBrell)
	const ends = `source { id name } target { id name }`
	for _, tc := range []struct {
		name, query string
		want        int // relations with both ends at least
	}{
		{"relation", `{ relation(id: "` + detained + `") { ` + ends + ` } }`, 1},
		{"entity relations", `{ entity(id: "` + idBrell + `") { relations { ` + ends + ` } } }`, 3},
		{"relation list", `{ relations(first: 10) { edges { node { ` + ends + ` } } } }`, 7},
		{"relation connection", `{ entity(id: "` + idBrell + `") { relationConnection(first: 2) { edges { node { ` + ends + ` } } } } }`, 2},
		{"roles", `{ entity(id: "` + idBrell + `") { roles { relation { ` + ends + ` } } } }`, 1},
		{"paths", `{ paths(from: "` + idVoss + `", to: "` + idBrell + `") { hops { relation { ` + ends + ` } } } }`, 2},
		{"neighborhood", `{ neighborhood(id: "` + idBrell + `") { edges { relation { ` + ends + ` } } } }`, 3},
		{"subgraph", `{ subgraph(seeds: ["` + idBrell + `"]) { edges { relation { ` + ends + ` } } } }`, 3},
		{"retract", `mutation { retractRelation(id: "` + detained + `", reason: "checking") { ` + ends + ` } }`, 1},
		{"unretract", `mutation { unretractRelation(id: "` + detained + `") { ` + ends + ` } }`, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var resp map[string]any
			cs.calls.Store(0)
			c.MustPost(tc.query, &resp)
			got := 0
			var walk func(v any)
			walk = func(v any) {
				switch v := v.(type) {
				case map[string]any:
					src, _ := v["source"].(map[string]any)
					tgt, _ := v["target"].(map[string]any)
					if src != nil || tgt != nil {
						if src == nil || tgt == nil || src["name"] == "" || tgt["name"] == "" || src["id"] == tgt["id"] {
							t.Errorf("relation with ends %v → %v", src, tgt)
						}
						got++
						return
					}
					for _, x := range v {
						walk(x)
					}
				case []any:
					for _, x := range v {
						walk(x)
					}
				}
			}
			walk(resp)
			if got < tc.want {
				t.Errorf("%d relations with ends, want at least %d: %v", got, tc.want, resp)
			}
			if tc.name == "relation" && cs.calls.Load() != 2 {
				t.Errorf("relation(id) with its ends: %d store calls, want 2 (the relation, its ends)", cs.calls.Load())
			}
		})
	}
}

package traverse

import (
	"context"
	"encoding/json"
	"testing"
)

// TestBackendsAgree runs the same traversals on every backend loaded with
// the same generated graph and expects identical answers: traversal lives
// in Go over batch reads precisely so that they do.
func TestBackendsAgree(t *testing.T) {
	if len(storeMakers) < 2 {
		t.Fatalf("only %d backend: nothing to compare", len(storeMakers))
	}
	ctx := context.Background()
	xs := genGraph(800, 3000, 150, 11)
	answers := make([][]string, len(storeMakers))
	for k, m := range storeMakers {
		s := m.open(t)
		for _, x := range xs {
			if _, err := s.SaveExtraction(ctx, x); err != nil {
				t.Fatal(err)
			}
		}
		tr := New(s)
		add := func(v any, err error) {
			t.Helper()
			if err != nil {
				t.Fatalf("%s: %v", m.name, err)
			}
			b, err := json.Marshal(v)
			if err != nil {
				t.Fatal(err)
			}
			answers[k] = append(answers[k], string(b))
		}
		for i := 0; i < 12; i++ {
			from, to := genID(i*37%800), genID((i*101+5)%800)
			add(tr.ShortestPaths(ctx, from, to, PathQuery{Limit: 50}))
			add(tr.Subgraph(ctx, []string{from, to}, SubgraphQuery{Depth: 2, MaxNodes: 120}))
			add(tr.Neighborhood(ctx, from, NeighborhoodQuery{Hops: 2, From: "2012", To: "2016-06", LimitPerHop: 15}))
			add(tr.CoMentions(ctx, from, 15))
		}
	}
	for k := 1; k < len(answers); k++ {
		for i := range answers[0] {
			if answers[k][i] != answers[0][i] {
				t.Fatalf("%s and %s differ on query %d:\n%s\n%s", storeMakers[0].name, storeMakers[k].name, i,
					answers[0][i], answers[k][i])
			}
		}
	}
}

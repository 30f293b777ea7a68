package neo4jstore

import (
	"context"
	"testing"

	"github.com/newsgraph/newsgraph/kg"
	"github.com/newsgraph/newsgraph/traverse"
)

// BenchmarkShortestPaths is the GraphQL paths question over the loaded
// samples: traverse.ShortestPaths between two entities two hops apart, up
// to 3 paths of at most 4 hops, both directions, with the ends.
func BenchmarkShortestPaths(b *testing.B) {
	s := openClean(b)
	loadSamples(b, s)
	ctx := context.Background()
	from, to := twoHopsApart(b, s)
	tr := traverse.New(s)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		ps, err := tr.ShortestPaths(ctx, from, to, traverse.PathQuery{MaxHops: 4, Limit: 3, Direction: kg.Both})
		if err != nil {
			b.Fatal(err)
		}
		if len(ps) == 0 {
			b.Fatalf("no path from %s to %s", from, to)
		}
	}
}

// twoHopsApart picks, deterministically, the ends of a two-hop walk.
func twoHopsApart(b *testing.B, s *Store) (string, string) {
	b.Helper()
	ctx := context.Background()
	pg, err := s.ListRelations(ctx, kg.RelationListFilter{First: kg.MaxPageSize, Read: kg.RelationRead{Evidence: kg.EvidenceNone}})
	if err != nil {
		b.Fatal(err)
	}
	for _, r1 := range pg.Relations {
		rels, err := s.Relations(ctx, []string{r1.Target}, kg.RelationFilter{Read: kg.RelationRead{Evidence: kg.EvidenceNone}})
		if err != nil {
			b.Fatal(err)
		}
		for _, r2 := range rels[0] {
			end := r2.Target
			if end == r1.Target {
				end = r2.Source
			}
			if end != r1.Source && end != r1.Target {
				return r1.Source, end
			}
		}
	}
	b.Fatal("the samples have no two-hop walk")
	return "", ""
}

// BenchmarkDetained is the detained question: the first 22 DETAINED
// relations with both ends and the evidence.
func BenchmarkDetained(b *testing.B) {
	s := openClean(b)
	loadSamples(b, s)
	ctx := context.Background()
	f := kg.RelationListFilter{Types: []kg.RelationType{"DETAINED"}, First: 22, NoTotal: true, Read: kg.RelationRead{Ends: true}}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := s.ListRelations(ctx, f); err != nil {
			b.Fatal(err)
		}
	}
}

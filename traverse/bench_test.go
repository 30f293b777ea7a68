package traverse

import (
	"context"
	"os"
	"sync"
	"testing"

	"github.com/newsgraph/newsgraph/kg"
)

// Benchmark graph: ~5k entities, 20k relations over 100 articles.
const (
	benchEntities  = 5000
	benchRelations = 20000
)

var benchStores sync.Map // backend name → kg.Store, loaded once per run

// atExit holds what TestMain releases once every test and benchmark ran.
var atExit []func()

func TestMain(m *testing.M) {
	code := m.Run()
	for _, f := range atExit {
		f()
	}
	os.Exit(code)
}

// benchStore loads the benchmark graph into a backend once per test binary:
// the store outlives each benchmark run (open gets a nil testing.TB).
func benchStore(b *testing.B, name string, open func(testing.TB) kg.Store) kg.Store {
	if s, ok := benchStores.Load(name); ok {
		return s.(kg.Store)
	}
	b.StopTimer()
	defer b.StartTimer()
	s := open(nil)
	ctx := context.Background()
	for _, x := range genGraph(benchEntities, benchRelations, 200, 42) {
		if _, err := s.SaveExtraction(ctx, x); err != nil {
			b.Fatal(err)
		}
	}
	benchStores.Store(name, s)
	return s
}

func BenchmarkShortestPaths(b *testing.B) {
	for _, m := range storeMakers {
		b.Run(m.name, func(b *testing.B) {
			tr := New(benchStore(b, m.name, m.open))
			ctx := context.Background()
			hops, i := 0, 0
			for b.Loop() {
				// Pairs spread over the graph; most are 4 to 5 hops apart.
				from, to := genID(i*7919%benchEntities), genID((i*104729+1)%benchEntities)
				i++
				ps, err := tr.ShortestPaths(ctx, from, to, PathQuery{Limit: 10})
				if err != nil {
					b.Fatal(err)
				}
				if len(ps) > 0 {
					hops += len(ps[0].Hops)
				}
			}
			b.ReportMetric(float64(hops)/float64(i), "hops/op")
		})
	}
}

func BenchmarkSubgraph(b *testing.B) {
	for _, m := range storeMakers {
		b.Run(m.name, func(b *testing.B) {
			tr := New(benchStore(b, m.name, m.open))
			ctx := context.Background()
			nodes, i := 0, 0
			for b.Loop() {
				seeds := []string{genID(i * 31 % benchEntities), genID((i*31 + 1) % benchEntities)}
				i++
				g, err := tr.Subgraph(ctx, seeds, SubgraphQuery{Depth: 2, MaxNodes: 500})
				if err != nil {
					b.Fatal(err)
				}
				nodes += len(g.Nodes)
			}
			b.ReportMetric(float64(nodes)/float64(i), "nodes/op")
		})
	}
}

package storetest

import (
	"context"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/kg"
	"github.com/newsgraph/newsgraph/loader"
)

// BenchCuration measures the curation steps as the API makes them, on a
// store holding n generated articles (package gen, seed 1): merge the
// second most mentioned person into the first, edit the kept one, split
// them again (which restores the store), each returning its entity. It
// reports the time of each step per cycle, and of one read of the kept
// entity (what a step spends returning its entity).
func BenchCuration(b *testing.B, s kg.Store, n int) {
	ctx := context.Background()
	if sum, err := loader.New(s).Load(ctx, genSources(n), nil); err != nil || sum.Failed > 0 {
		b.Fatalf("load: %v (%d failed)", err, sum.Failed)
	}
	p, err := s.FindEntities(ctx, kg.EntityFilter{Types: []kg.EntityType{kg.Person}, Order: kg.EntityByArticles, First: 2})
	if err != nil || len(p.Hits) != 2 {
		b.Fatalf("two people: %v, %v", p, err)
	}
	keep, drop := p.Hits[0].Entity, p.Hits[1].Entity
	cur := kg.Curation{Actor: "bench", Reason: "bench"}
	var merge, update, split, read time.Duration
	for b.Loop() {
		t0 := time.Now()
		if _, err := s.MergeEntities(ctx, keep.ID, drop.ID, kg.Merge{Curation: cur, Method: kg.MergeManual}); err != nil {
			b.Fatal(err)
		}
		t1 := time.Now()
		if _, err := s.UpdateEntity(ctx, keep.ID, kg.EntityUpdate{Name: &keep.Name}, cur); err != nil {
			b.Fatal(err)
		}
		t2 := time.Now()
		if _, err := s.SplitEntity(ctx, drop.ID, cur); err != nil {
			b.Fatal(err)
		}
		t3 := time.Now()
		if _, err := s.Entities(ctx, []string{keep.ID}); err != nil {
			b.Fatal(err)
		}
		merge, update, split, read = merge+t1.Sub(t0), update+t2.Sub(t1), split+t3.Sub(t2), read+time.Since(t3)
	}
	per := func(d time.Duration) float64 { return float64(d.Microseconds()) / float64(b.N) }
	b.ReportMetric(per(merge), "merge-µs/op")
	b.ReportMetric(per(update), "update-µs/op")
	b.ReportMetric(per(split), "split-µs/op")
	b.ReportMetric(per(read), "read-µs/op")
}

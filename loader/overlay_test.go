package loader

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/newsgraph/newsgraph/gen"
	"github.com/newsgraph/newsgraph/kg"
	"github.com/newsgraph/newsgraph/resolve"
	"github.com/newsgraph/newsgraph/sqlite"
)

// TestOverlayAnswersAsTheStoreWill: before a batch is saved, the overlay
// answers resolution's reads (entities by id, entities by blocking key) as
// the store answers them once the batch is saved.
func TestOverlayAnswersAsTheStoreWill(t *testing.T) {
	ctx := context.Background()
	s, err := sqlite.Open(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ov := newOverlay(s)
	var batch []*kg.Extraction
	recorded, batches := 0, 0
	check := func() {
		// What resolution may ask: every id the batch names or joins, and
		// the keys of every name it gives.
		var ids, keys []string
		for _, x := range batch {
			for _, e := range x.Entities {
				ids = append(ids, e.ID)
				keys = append(keys, resolve.Keys(e.Type, append([]string{e.Name}, e.Aliases...))...)
			}
			for _, j := range x.Joins {
				ids = append(ids, j.Node, j.ID)
			}
		}
		slices.Sort(keys)
		keys = slices.Compact(keys)
		want := func(es []*kg.Entity, hits [][]string) string {
			out := ""
			for i, e := range es {
				if e == nil {
					out += fmt.Sprintf("%s: none\n", ids[i])
					continue
				}
				out += fmt.Sprintf("%s: %s %s %q %q %q\n", ids[i], e.ID, e.Type, e.Subtype, e.Name, e.Aliases)
			}
			for i, h := range hits {
				out += fmt.Sprintf("%s: %v\n", keys[i], h)
			}
			return out
		}
		oe, err := ov.Entities(ctx, ids)
		if err != nil {
			t.Fatal(err)
		}
		ok, err := ov.EntitiesByKeys(ctx, keys)
		if err != nil {
			t.Fatal(err)
		}
		before := want(oe, ok)
		oc, err := ov.CandidatesByKeys(ctx, keys)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.SaveExtractions(ctx, batch); err != nil {
			t.Fatal(err)
		}
		sc, err := s.CandidatesByKeys(ctx, keys)
		if err != nil {
			t.Fatal(err)
		}
		if b, a := candidates(keys, oc), candidates(keys, sc); b != a {
			t.Fatalf("batch %d: the overlay's CandidatesByKeys\n%s\nthe store's, once the batch is saved\n%s", batches, b, a)
		}
		se, err := s.Entities(ctx, ids)
		if err != nil {
			t.Fatal(err)
		}
		sk, err := s.EntitiesByKeys(ctx, keys)
		if err != nil {
			t.Fatal(err)
		}
		if after := want(se, sk); before != after {
			t.Fatalf("batch %d: the overlay answered\n%s\nthe store, once the batch is saved\n%s", batches, before, after)
		}
		batch = batch[:0]
		batches++
		ov.reset()
	}
	for _, a := range gen.Articles(5, 120) {
		x, err := Extract(a.Name, a.Data)
		if err != nil {
			t.Fatal(err)
		}
		p := resolve.Prepare(x)
		ls, err := resolve.LinkAll(ctx, ov, []*resolve.Prepared{p}, nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		x.Joins = resolve.Joins(x, ls[0].Decisions)
		batch = append(batch, x)
		if !ov.record(p, ls[0]) {
			check()
			continue
		}
		recorded++
		if len(batch) == 15 {
			check()
		}
	}
	if len(batch) > 0 {
		check()
	}
	if recorded < 60 {
		t.Errorf("the overlay recorded %d articles of 120, want most", recorded)
	}
}

// candidates prints what CandidatesByKeys gave for keys: each key's hits,
// then each entity of a hit.
func candidates(keys []string, c kg.KeyCandidates) string {
	out := ""
	var ids []string
	for i, h := range c.Hits {
		out += fmt.Sprintf("%s: %v\n", keys[i], h)
		ids = append(ids, h...)
	}
	slices.Sort(ids)
	for _, id := range slices.Compact(ids) {
		if e := c.Entities[id]; e != nil {
			out += fmt.Sprintf("%s: %s %s %q %q %q\n", id, e.ID, e.Type, e.Subtype, e.Name, e.Aliases)
		} else {
			out += fmt.Sprintf("%s: none\n", id)
		}
	}
	return out + fmt.Sprintf("%d entities\n", len(c.Entities))
}

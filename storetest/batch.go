package storetest

import (
	"slices"
	"testing"

	"github.com/newsgraph/newsgraph/gen"
	"github.com/newsgraph/newsgraph/kg"
	"github.com/newsgraph/newsgraph/loader"
	"github.com/newsgraph/newsgraph/resolve"
)

// testSaveBatch checks SaveExtractions: a batch leaves the graph and the
// results that saving its articles one by one leaves (a later article sees
// the earlier ones: a shared entity, a reload that changes the article, a
// duplicate text), and a batch holding an invalid article writes nothing.
func testSaveBatch(t *testing.T, fresh func(t *testing.T) kg.Store) {
	dup := mirrored(fixtureC(), "https://mirror.example/c")
	batch := func() []*kg.Extraction {
		return []*kg.Extraction{fixtureA(), fixtureB(), fixtureA2(), fixtureC(), dup, crowd(1), crowd(2)}
	}
	one := fresh(t)
	var want []kg.SaveResult
	for _, x := range batch() {
		r, err := one.SaveExtraction(ctx, x)
		if err != nil {
			t.Fatalf("SaveExtraction(%s): %v", x.Article.Title, err)
		}
		want = append(want, r)
	}
	wantSnap := snapshot(t, one)

	s := fresh(t)
	got, err := s.SaveExtractions(ctx, batch())
	if err != nil {
		t.Fatalf("SaveExtractions: %v", err)
	}
	if !slices.Equal(got, want) {
		t.Errorf("SaveExtractions results %+v, want those of one by one %+v", got, want)
	}
	diffSnapshots(t, "a batch against one by one", wantSnap, snapshot(t, s))

	// All or nothing: a batch with a broken article writes none of it.
	before := snapshot(t, s)
	bad := fixtureB()
	bad.Relations[0].Source = "person:nobody"
	if _, err := s.SaveExtractions(ctx, []*kg.Extraction{crowd(3), bad, crowd(4)}); err == nil {
		t.Fatal("SaveExtractions with an invalid article: no error")
	}
	diffSnapshots(t, "after a rejected batch", before, snapshot(t, s))
}

// testLoadInBatches checks that the loader, which saves many articles per
// transaction and decides resolution for a batch against the committed
// store, leaves the graph and the review queue that resolving and saving
// each article in turn leaves (resolve.Save). The generated articles share
// people and organizations under varied spellings.
func testLoadInBatches(t *testing.T, fresh func(t *testing.T) kg.Store) {
	arts := gen.Articles(7, 60)
	srcs := make([]loader.Source, len(arts))
	for i, a := range arts {
		srcs[i] = loader.Bytes(a.Name, a.Data)
	}
	one := fresh(t)
	for _, a := range arts {
		x, err := loader.Extract(a.Name, a.Data)
		if err != nil {
			t.Fatal(err)
		}
		if _, _, err := resolve.Save(ctx, one, x); err != nil {
			t.Fatalf("resolve.Save(%s): %v", a.Name, err)
		}
	}
	want, wantCands := snapshot(t, one), candidates(t, one)

	s := fresh(t)
	sum, err := loader.New(s).Load(ctx, srcs, nil)
	if err != nil || sum.Articles != len(arts) {
		t.Fatalf("Load: %+v, %v", sum, err)
	}
	diffSnapshots(t, "a batched load against one by one", want, snapshot(t, s))
	if got := candidates(t, s); !slices.Equal(got, wantCands) {
		t.Errorf("merge candidates %v, want %v", got, wantCands)
	}
}

// candidates lists the pending merge candidates as keep<drop pairs.
func candidates(t *testing.T, s kg.Store) []string {
	t.Helper()
	p, err := s.MergeCandidates(ctx, kg.CandidateFilter{First: kg.MaxPageSize})
	if err != nil {
		t.Fatalf("MergeCandidates: %v", err)
	}
	var out []string
	for _, c := range p.Candidates {
		out = append(out, c.Keep+"<"+c.Drop)
	}
	slices.Sort(out)
	return out
}

package storetest

import (
	"testing"

	"github.com/newsgraph/newsgraph/kg"
)

// RunShared runs the cases that need two handles on one store, as a server
// and a loader in two processes have. open returns a fresh, empty store;
// second opens another, independent handle on the same data. RunShared
// closes both when the subtest ends.
func RunShared(t *testing.T, open func(t *testing.T) kg.Store, second func(t *testing.T, s kg.Store) kg.Store) {
	tests := []struct {
		name string
		fn   func(t *testing.T, a, b kg.Store)
	}{
		{"SearchSeesOtherHandlesWrites", testSearchSeesOtherHandle},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := open(t)
			t.Cleanup(func() { a.Close() })
			b := second(t, a)
			t.Cleanup(func() { b.Close() })
			tc.fn(t, a, b)
		})
	}
}

// testSearchSeesOtherHandlesWrites: a search through one handle sees every
// write committed through the other (saves, renames, merges), not only
// what its own handle wrote.
func testSearchSeesOtherHandle(t *testing.T, server, loader kg.Store) {
	search := func(when, q string) []string {
		t.Helper()
		return hitIDs(find(t, server, kg.EntityFilter{Query: q}))
	}
	// The server searches first, so whatever index it keeps is built.
	if ids := search("empty store", "Mardin"); len(ids) != 0 {
		t.Fatalf("empty store: search found %v", ids)
	}
	mustSave(t, loader, fixtureA())
	if ids := search("after a save elsewhere", "Mardin"); !sameStrings(ids, []string{idLena}) {
		t.Errorf("after the other handle saved article A: search Mardin = %v, want [%s]", ids, idLena)
	}
	mustSave(t, loader, fixtureB())
	if ids := search("after a second save", "Omar"); !sameStrings(ids, []string{idOmar}) {
		t.Errorf("after the other handle saved article B: search Omar = %v, want [%s]", ids, idOmar)
	}
	name := "Lena Mardin-Sayed"
	if _, err := loader.UpdateEntity(ctx, idLena, kg.EntityUpdate{Name: &name}, kg.Curation{}); err != nil {
		t.Fatalf("UpdateEntity: %v", err)
	}
	p := find(t, server, kg.EntityFilter{Query: "Sayed"})
	if ids := hitIDs(p); !sameStrings(ids, []string{idLena}) || p.Hits[0].Entity.Name != name {
		t.Errorf("after a rename elsewhere: search Sayed = %v, want [%s] named %q", ids, idLena, name)
	}
	if _, err := loader.MergeEntities(ctx, idLena, idOmar, kg.Merge{}); err != nil {
		t.Fatalf("MergeEntities: %v", err)
	}
	if ids := search("after a merge elsewhere", "Omar"); !sameStrings(ids, []string{idLena}) {
		t.Errorf("after a merge elsewhere: search Omar = %v, want [%s] (the merged id gone, its name an alias)", ids, idLena)
	}
}

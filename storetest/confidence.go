package storetest

import (
	"testing"

	"github.com/newsgraph/newsgraph/kg"
)

// testConfidence checks that a relation's confidence is the highest of its
// articles' contributions as they stand: it falls when the article that
// gave the highest is reloaded lower, and a retraction, a batch or a
// removed share keeps it so.
func testConfidence(t *testing.T, s kg.Store) {
	// B with LEADS Araji -> River Party at confidence c, or without it.
	withLead := func(c float64) *kg.Extraction {
		b := fixtureB()
		b.Relations[2].Evidence[0].Confidence = c
		b.Relations[2].Confidence = c
		return b
	}
	withoutLead := func() *kg.Extraction {
		b := fixtureB()
		b.Relations = append(b.Relations[:2:2], b.Relations[3:]...)
		return b
	}
	a := fixtureA() // LEADS at 0.85
	id := a.Relations[2].ID
	want := func(when string, c float64) {
		t.Helper()
		r := relationByID(t, s, id)
		if r == nil {
			t.Fatalf("%s: LEADS missing", when)
		}
		if r.Confidence != c {
			t.Errorf("%s: LEADS confidence = %v, want %v", when, r.Confidence, c)
		}
	}
	mustSave(t, s, a, withLead(0.95))
	want("two articles", 0.95)
	mustSave(t, s, withLead(0.7))
	want("the highest article reloaded lower", 0.85)
	mustSave(t, s, withLead(0.9))
	want("reloaded higher", 0.9)
	if _, err := s.RetractRelation(ctx, id, kg.Curation{Reason: "wrong party"}); err != nil {
		t.Fatalf("RetractRelation: %v", err)
	}
	want("retracted", 0.9)
	mustSave(t, s, withoutLead())
	want("retracted, its highest article's share removed", 0.85)
	if _, err := s.SaveExtractions(ctx, []*kg.Extraction{withLead(0.6), withLead(0.8)}); err != nil {
		t.Fatalf("SaveExtractions: %v", err)
	}
	want("a batch reloading one article twice", 0.85)
	if _, err := s.SaveExtractions(ctx, []*kg.Extraction{withLead(0.99), withoutLead()}); err != nil {
		t.Fatalf("SaveExtractions: %v", err)
	}
	want("a batch that raises then removes a share", 0.85)
	if r := relationByID(t, s, id); r != nil && !r.Retracted {
		t.Errorf("LEADS no longer retracted after reloads")
	}
}

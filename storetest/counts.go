package storetest

import (
	"testing"

	"github.com/newsgraph/newsgraph/kg"
)

// testStatsExcludeRetracted: a retracted relation is hidden from reads,
// so Stats counts neither it nor its evidence.
func testStatsExcludeRetracted(t *testing.T, s kg.Store) {
	a, b := fixtureA(), fixtureB()
	mustSave(t, s, a, b)
	before := mustStats(t, s)
	lead := a.Relations[2]
	if _, err := s.RetractRelation(ctx, lead.ID, kg.Curation{Reason: "misread"}); err != nil {
		t.Fatalf("RetractRelation: %v", err)
	}
	after := mustStats(t, s)
	want := before
	want.Relations--
	want.Evidence -= len(relationByID(t, s, lead.ID).Evidence)
	if after != want {
		t.Errorf("Stats after a retraction = %+v, want %+v", after, want)
	}
	mustSave(t, s, fixtureA())
	if st := mustStats(t, s); st != want {
		t.Errorf("Stats after reloading the article = %+v, want %+v", st, want)
	}
}

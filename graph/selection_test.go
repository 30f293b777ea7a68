package graph

import (
	"context"
	"slices"
	"sync"
	"testing"

	"github.com/newsgraph/newsgraph/kg"
)

// readRecorder records the relation reads a request makes and counts its
// entity and relation reads.
type readRecorder struct {
	kg.Store
	mu    sync.Mutex
	reads []kg.RelationRead
	calls int
}

func (s *readRecorder) note(rd kg.RelationRead) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.reads = append(s.reads, rd)
	s.calls++
}

func (s *readRecorder) take() ([]kg.RelationRead, int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	r, n := s.reads, s.calls
	s.reads, s.calls = nil, 0
	return r, n
}

func (s *readRecorder) Entities(ctx context.Context, ids []string) ([]*kg.Entity, error) {
	s.mu.Lock()
	s.calls++
	s.mu.Unlock()
	return s.Store.Entities(ctx, ids)
}

func (s *readRecorder) Relations(ctx context.Context, ids []string, f kg.RelationFilter) ([][]*kg.Relation, error) {
	s.note(f.Read)
	return s.Store.Relations(ctx, ids, f)
}

func (s *readRecorder) EntitiesWithRelations(ctx context.Context, ids []string, f kg.RelationFilter) ([]*kg.Entity, [][]*kg.Relation, error) {
	s.note(f.Read)
	return s.Store.EntitiesWithRelations(ctx, ids, f)
}

func (s *readRecorder) ListRelations(ctx context.Context, f kg.RelationListFilter) (*kg.RelationPage, error) {
	s.note(f.Read)
	return s.Store.ListRelations(ctx, f)
}

// TestReadsFollowSelection checks that relation reads ask the store for
// what the query selects (evidence texts, evidence, ends) and no more, that
// the ends read with the relations spare the entity reads, that an entity
// and its relations are one read, and that the answers are those of a
// whole read.
func TestReadsFollowSelection(t *testing.T) {
	rec := &readRecorder{Store: openStore(t, worldFixtures(t)...)}
	c := newClient(t, Config{Store: rec})
	// lean is rd without the relation's confidence and retraction and, with
	// brief ends, the ends' type and subtype: what a query that selects
	// none of them reads.
	lean := func(rd kg.RelationRead) kg.RelationRead {
		rd.NoConfidence, rd.NoRetraction, rd.EndNames = true, true, rd.BriefEnds
		return rd
	}
	none := lean(kg.RelationRead{Evidence: kg.EvidenceNone, NoProperties: true})
	cases := []struct {
		name  string
		query string
		reads []kg.RelationRead
		calls int
	}{
		{"ids only", `{ entity(id: "` + idBrell + `") { relations { id type } } }`, []kg.RelationRead{none}, 1},
		{"ends", `{ entity(id: "` + idBrell + `") { relations { source { name } target { id } } } }`,
			[]kg.RelationRead{lean(kg.RelationRead{Evidence: kg.EvidenceNone, Ends: true, BriefEnds: true, NoProperties: true})}, 1},
		{"ends with aliases", `{ entity(id: "` + idBrell + `") { relations { source { name } target { aliases } } } }`,
			[]kg.RelationRead{lean(kg.RelationRead{Evidence: kg.EvidenceNone, Ends: true, NoProperties: true})}, 1},
		{"ends with a type", `{ entity(id: "` + idBrell + `") { relations { source { name } target { type } } } }`,
			[]kg.RelationRead{{Evidence: kg.EvidenceNone, Ends: true, BriefEnds: true, NoProperties: true, NoConfidence: true, NoRetraction: true}}, 1},
		{"confidence", `{ entity(id: "` + idBrell + `") { relations { confidence } } }`,
			[]kg.RelationRead{{Evidence: kg.EvidenceNone, NoProperties: true, NoRetraction: true}}, 1},
		{"retraction", `{ entity(id: "` + idBrell + `") { relations { retractReason } } }`,
			[]kg.RelationRead{{Evidence: kg.EvidenceNone, NoProperties: true, NoConfidence: true}}, 1},
		{"offsets", `{ entity(id: "` + idBrell + `") { relations { evidence { start article { title } } } } }`,
			[]kg.RelationRead{lean(kg.RelationRead{Evidence: kg.EvidenceRefs, NoProperties: true})}, 1},
		{"texts in a fragment", `{ entity(id: "` + idBrell + `") { relations { ...R } } } fragment R on Relation { source { name } evidence { text } }`,
			[]kg.RelationRead{lean(kg.RelationRead{Ends: true, BriefEnds: true, SentencesOnly: true, NoProperties: true})}, 1},
		{"sentences and offsets", `{ entity(id: "` + idBrell + `") { relations { evidence { start end } } } }`,
			[]kg.RelationRead{lean(kg.RelationRead{Evidence: kg.EvidenceRefs, SentencesOnly: true, NoProperties: true})}, 1},
		{"properties", `{ entity(id: "` + idBrell + `") { relations { id properties { key value } } } }`,
			[]kg.RelationRead{lean(kg.RelationRead{Evidence: kg.EvidenceNone})}, 1},
		{"with arguments", `{ entity(id: "` + idBrell + `") { relations(direction: IN) { id } } }`, []kg.RelationRead{none}, 2},
		{"twice", `{ entity(id: "` + idBrell + `") { a: relations { id } b: relations { evidence { text } } } }`,
			[]kg.RelationRead{lean(kg.RelationRead{SentencesOnly: true, NoProperties: true}), none}, 3},
		{"list", `{ relations(types: [DETAINED], first: 5) { edges { node { id source { name } target { name } evidence { text } } } } }`,
			[]kg.RelationRead{lean(kg.RelationRead{Ends: true, BriefEnds: true, SentencesOnly: true, NoProperties: true})}, 1},
		{"list with articles", `{ relations(types: [DETAINED], first: 5) { edges { node { id evidence { text article { title } } } } } }`,
			[]kg.RelationRead{lean(kg.RelationRead{NoProperties: true})}, 1},
		{"list without evidence", `{ relations(first: 5) { edges { node { id } } } }`, []kg.RelationRead{none}, 1},
		{"evidence order counts evidence", `{ entity(id: "` + idBrell + `") { relationConnection(orderBy: EVIDENCE) { edges { node { id } } } } }`,
			[]kg.RelationRead{lean(kg.RelationRead{Evidence: kg.EvidenceRefs, NoProperties: true})}, 2},
		{"confidence order compares it", `{ entity(id: "` + idBrell + `") { relationConnection(orderBy: CONFIDENCE) { edges { node { id } } } } }`,
			[]kg.RelationRead{{Evidence: kg.EvidenceNone, NoProperties: true, NoRetraction: true}}, 2},
	}
	for _, tc := range cases {
		var resp map[string]any
		c.MustPost(tc.query, &resp)
		reads, calls := rec.take()
		// Sibling fields read concurrently, in any order.
		slices.SortFunc(reads, func(a, b kg.RelationRead) int { return int(a.Evidence) - int(b.Evidence) })
		if !slices.Equal(reads, tc.reads) || calls != tc.calls {
			t.Errorf("%s: reads %+v in %d store calls, want %+v in %d", tc.name, reads, calls, tc.reads, tc.calls)
		}
	}

	// The texts and names come as a whole read gives them.
	var resp struct {
		Relations struct {
			Edges []struct {
				Node struct {
					Source   struct{ Name string }
					Target   struct{ Name string }
					Evidence []struct{ Text string }
				}
			}
		}
	}
	c.MustPost(`{ relations(types: [DETAINED]) { edges { node { source { name } target { name } evidence { text } } } } }`, &resp)
	if len(resp.Relations.Edges) != 1 {
		t.Fatalf("DETAINED relations: %+v", resp.Relations.Edges)
	}
	n := resp.Relations.Edges[0].Node
	if n.Source.Name != "Northern Brigade" || n.Target.Name != "Tomas Brell" || len(n.Evidence) != 1 || n.Evidence[0].Text != detainSentence {
		t.Errorf("DETAINED relation read with its ends: %+v", n)
	}
}

// TestTraversalReads checks that traversals read no evidence texts unless
// the query selects them, and only the count of the evidence unless an
// article or date scope needs its references.
func TestTraversalReads(t *testing.T) {
	rec := &readRecorder{Store: openStore(t, worldFixtures(t)...)}
	c := newClient(t, Config{Store: rec})
	walk := func(ev kg.EvidenceRead) kg.RelationRead {
		return kg.RelationRead{Evidence: ev, Ends: true, BriefEnds: true}
	}
	cases := []struct {
		name, query string
		want        kg.RelationRead
	}{
		{"neighborhood", `{ neighborhood(id: "` + idBrell + `", hops: 1) { nodes { id weight } edges { id } } }`, walk(kg.EvidenceCount)},
		{"neighborhood in an article", `{ neighborhood(id: "` + idBrell + `", hops: 1, article: "x") { nodes { id weight } } }`, walk(kg.EvidenceRefs)},
		{"neighborhood texts", `{ neighborhood(id: "` + idBrell + `", hops: 1) { edges { evidence { text } } } }`, walk(kg.EvidenceFull)},
		{"relation texts", `{ subgraph(seeds: ["` + idBrell + `"]) { edges { relation { evidence { text } } } } }`,
			kg.RelationRead{Evidence: kg.EvidenceFull, Ends: true}},
		{"neighborhood aliases", `{ neighborhood(id: "` + idBrell + `", hops: 1) { nodes { entity { aliases } } } }`,
			kg.RelationRead{Evidence: kg.EvidenceCount, Ends: true}},
	}
	for _, tc := range cases {
		var resp map[string]any
		c.MustPost(tc.query, &resp)
		reads, _ := rec.take()
		if len(reads) == 0 || reads[0] != tc.want {
			t.Errorf("%s: reads %+v, want %+v first", tc.name, reads, tc.want)
		}
	}
	var resp struct {
		Neighborhood struct {
			Edges []struct {
				Evidence []struct{ Text string }
			}
		}
	}
	c.MustPost(`{ neighborhood(id: "`+idBrell+`", hops: 1, types: [DETAINED]) { edges { evidence { text } } } }`, &resp)
	if e := resp.Neighborhood.Edges; len(e) != 1 || len(e[0].Evidence) != 1 || e[0].Evidence[0].Text != detainSentence {
		t.Errorf("neighborhood edge evidence: %+v", e)
	}
}

// briefStore gives brief ends as a store may: without their aliases.
type briefStore struct{ kg.Store }

func stripEnds(rels [][]*kg.Relation, rd kg.RelationRead) {
	if !rd.BriefEnds {
		return
	}
	for _, rs := range rels {
		for i, r := range rs {
			c := *r
			if c.SourceEntity != nil {
				s := *c.SourceEntity
				s.Aliases = nil
				c.SourceEntity = &s
			}
			if c.TargetEntity != nil {
				t := *c.TargetEntity
				t.Aliases = nil
				c.TargetEntity = &t
			}
			rs[i] = &c
		}
	}
}

func (s briefStore) Relations(ctx context.Context, ids []string, f kg.RelationFilter) ([][]*kg.Relation, error) {
	rels, err := s.Store.Relations(ctx, ids, f)
	stripEnds(rels, f.Read)
	return rels, err
}

func (s briefStore) EntitiesWithRelations(ctx context.Context, ids []string, f kg.RelationFilter) ([]*kg.Entity, [][]*kg.Relation, error) {
	es, rels, err := s.Store.EntitiesWithRelations(ctx, ids, f)
	stripEnds(rels, f.Read)
	return es, rels, err
}

// TestBriefEndsStayOutOfTheCache checks that the partial entities a brief
// read gives answer their relation's ends only: an entity asked for
// elsewhere in the request comes whole.
func TestBriefEndsStayOutOfTheCache(t *testing.T) {
	c := newClient(t, Config{Store: briefStore{openStore(t, worldFixtures(t)...)}})
	var resp struct {
		Entity struct {
			Relations []struct {
				Source struct{ Name string }
				Target struct {
					Name        string
					CommandedBy []struct{ Aliases []string }
				}
			}
		}
	}
	c.MustPost(`{ entity(id: "`+idBrigade+`") { relations { source { name } target { name commandedBy { aliases } } } } }`, &resp)
	found := false
	for _, r := range resp.Entity.Relations {
		if r.Source.Name == "Mara Voss" {
			found = true
			if len(r.Target.CommandedBy) != 1 || len(r.Target.CommandedBy[0].Aliases) == 0 {
				t.Errorf("Voss read as the brigade's commander: %+v, want her aliases", r.Target.CommandedBy)
			}
		}
	}
	if !found {
		t.Fatalf("no COMMANDS relation of the brigade: %+v", resp.Entity.Relations)
	}
}

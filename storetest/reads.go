package storetest

import (
	"fmt"
	"reflect"
	"testing"

	"github.com/newsgraph/newsgraph/kg"
)

// reads is every partial relation read, each against the whole read.
var reads = []kg.RelationRead{
	{Ends: true},
	{Evidence: kg.EvidenceRefs},
	{Evidence: kg.EvidenceRefs, Ends: true},
	{Evidence: kg.EvidenceCount},
	{Evidence: kg.EvidenceCount, Ends: true},
	{Evidence: kg.EvidenceNone},
	{Evidence: kg.EvidenceNone, Ends: true},
	{Ends: true, BriefEnds: true},
	{SentencesOnly: true},
	{Evidence: kg.EvidenceRefs, SentencesOnly: true, Ends: true, BriefEnds: true},
	{NoProperties: true},
	{Evidence: kg.EvidenceNone, Ends: true, BriefEnds: true, NoProperties: true},
	{NoConfidence: true},
	{NoRetraction: true},
	{Ends: true, BriefEnds: true, EndNames: true},
	{SentencesOnly: true, Ends: true, BriefEnds: true, EndNames: true, NoProperties: true, NoConfidence: true, NoRetraction: true},
}

// checkRead compares a relation read with rd against the same relation
// read whole: rd may leave out evidence texts, everything of the evidence
// but how many pieces there are, or the evidence, and the properties,
// confidence and retraction it does not ask for, nothing else, and gives
// the end entities as Entities does when it asks for them.
func checkRead(t *testing.T, s kg.Store, what string, rd kg.RelationRead, got, whole []*kg.Relation) {
	t.Helper()
	if len(got) != len(whole) {
		t.Fatalf("%s with %+v: %d relations, whole read %d", what, rd, len(got), len(whole))
	}
	for i, r := range got {
		w := *whole[i]
		switch rd.Evidence {
		case kg.EvidenceRefs:
			w.Evidence = make([]kg.Evidence, len(whole[i].Evidence))
			for j, e := range whole[i].Evidence {
				e.Text = ""
				w.Evidence[j] = e
			}
		case kg.EvidenceCount:
			w.Evidence = make([]kg.Evidence, len(whole[i].Evidence))
		case kg.EvidenceNone:
			w.Evidence = []kg.Evidence{}
		}
		g := *r
		g.SourceEntity, g.TargetEntity = nil, nil
		if rd.SentencesOnly {
			// A store may leave out everything of a piece but its
			// sentence and offsets, or give it anyway.
			g.Evidence, w.Evidence = sentences(g.Evidence), sentences(w.Evidence)
		}
		if rd.NoProperties {
			// A store may leave the properties out, or give them.
			g.Properties, w.Properties = nil, nil
		}
		if rd.NoConfidence {
			g.Confidence, w.Confidence = 0, 0
		}
		if rd.NoRetraction {
			g.Retracted, g.RetractReason, w.Retracted, w.RetractReason = false, "", false, ""
		}
		if !reflect.DeepEqual(g, w) {
			t.Errorf("%s with %+v: relation %d is\n%+v\nwant\n%+v", what, rd, i, g, w)
		}
		if !rd.Ends {
			if r.SourceEntity != nil || r.TargetEntity != nil {
				t.Errorf("%s with %+v: relation %s has end entities it did not ask for", what, rd, r.ID)
			}
			continue
		}
		es, err := s.Entities(ctx, []string{r.Source, r.Target})
		if err != nil {
			t.Fatalf("Entities: %v", err)
		}
		gs, gt := r.SourceEntity, r.TargetEntity
		if rd.BriefEnds {
			// Brief ends may lack their aliases, or have them, and with
			// EndNames their type and subtype.
			gs, gt, es[0], es[1] = briefEnd(gs, rd), briefEnd(gt, rd), briefEnd(es[0], rd), briefEnd(es[1], rd)
		}
		if !reflect.DeepEqual(gs, es[0]) || !reflect.DeepEqual(gt, es[1]) {
			t.Errorf("%s with %+v: relation %s has ends %+v, %+v; Entities gives %+v, %+v",
				what, rd, r.ID, r.SourceEntity, r.TargetEntity, es[0], es[1])
		}
	}
}

// sentences is ev with only each piece's text and offsets.
func sentences(ev []kg.Evidence) []kg.Evidence {
	out := make([]kg.Evidence, len(ev))
	for i, e := range ev {
		out[i] = kg.Evidence{Text: e.Text, Start: e.Start, End: e.End}
	}
	return out
}

// briefEnd is a copy of e without what a read with rd may leave out of its
// brief ends: the aliases, and with EndNames the type and subtype.
func briefEnd(e *kg.Entity, rd kg.RelationRead) *kg.Entity {
	if e == nil {
		return nil
	}
	c := *e
	c.Aliases = nil
	if rd.EndNames {
		c.Type, c.Subtype = "", ""
	}
	return &c
}

// testRelationReads checks that every relation read (Relations,
// ListRelations, and ShortestPathRelations where the store has it) gives
// what RelationRead asks: the evidence in full, without texts or not at
// all, and the end entities only when asked.
func testRelationReads(t *testing.T, s kg.Store) {
	a, b, c := fixtureA(), fixtureB(), fixtureC()
	mustSave(t, s, a, b, c)
	ids := []string{idAraji, idLena, "person:nobody"}
	whole, err := s.Relations(ctx, ids, kg.RelationFilter{})
	if err != nil {
		t.Fatalf("Relations: %v", err)
	}
	if len(whole[0]) == 0 || len(whole[0][0].Evidence) == 0 || whole[0][0].Evidence[0].Text == "" {
		t.Fatalf("the fixture gives Araji no relation with evidence: %v", whole[0])
	}
	list, err := s.ListRelations(ctx, kg.RelationListFilter{First: kg.MaxPageSize})
	if err != nil {
		t.Fatalf("ListRelations: %v", err)
	}
	for _, rd := range reads {
		got, err := s.Relations(ctx, ids, kg.RelationFilter{Read: rd})
		if err != nil {
			t.Fatalf("Relations with %+v: %v", rd, err)
		}
		for i := range ids {
			checkRead(t, s, fmt.Sprintf("Relations(%s)", ids[i]), rd, got[i], whole[i])
		}
		pg, err := s.ListRelations(ctx, kg.RelationListFilter{First: kg.MaxPageSize, Read: rd})
		if err != nil {
			t.Fatalf("ListRelations with %+v: %v", rd, err)
		}
		checkRead(t, s, "ListRelations", rd, pg.Relations, list.Relations)
		if !reflect.DeepEqual(pg.Cursors, list.Cursors) {
			t.Errorf("ListRelations with %+v: cursors %v, whole read %v", rd, pg.Cursors, list.Cursors)
		}
	}
	pf, ok := s.(kg.PathFinder)
	if !ok {
		return
	}
	f := kg.RelationFilter{Direction: kg.Both}
	fp, err := pf.ShortestPathRelations(ctx, idAraji, idLena, 3, f, 10)
	if err != nil {
		t.Fatalf("ShortestPathRelations: %v", err)
	}
	paths := fp.Paths
	if fp.From != idAraji || fp.To != idLena {
		t.Errorf("ShortestPathRelations(Araji, Lena) resolved the ends to %s, %s", fp.From, fp.To)
	}
	if len(paths) == 0 {
		t.Fatalf("ShortestPathRelations(Araji, Lena) found no path")
	}
	for _, rd := range reads {
		f.Read = rd
		gfp, err := pf.ShortestPathRelations(ctx, idAraji, idLena, 3, f, 10)
		if err != nil {
			t.Fatalf("ShortestPathRelations with %+v: %v", rd, err)
		}
		got := gfp.Paths
		if len(got) != len(paths) {
			t.Fatalf("ShortestPathRelations with %+v: %d paths, whole read %d", rd, len(got), len(paths))
		}
		for i := range got {
			checkRead(t, s, fmt.Sprintf("ShortestPathRelations path %d", i), rd, got[i], paths[i])
		}
	}
}

// testEntitiesWithRelations checks that EntitiesWithRelations gives what
// Entities and Relations give for the same ids, whatever the filter and the
// read, merged-away and unknown ids and repeats included.
func testEntitiesWithRelations(t *testing.T, s kg.Store) {
	a, b, c := fixtureA(), fixtureB(), fixtureC()
	mustSave(t, s, a, b, c)
	if _, err := s.MergeEntities(ctx, idLena, idOmar, kg.Merge{}); err != nil {
		t.Fatalf("MergeEntities: %v", err)
	}
	ids := []string{idAraji, idOmar, "person:nobody", idLena, idAraji}
	filters := []kg.RelationFilter{{}, {Direction: kg.Out}, {Direction: kg.In, MinConfidence: 0.8},
		{Types: []kg.RelationType{kg.MetWith, kg.FamilyOf}}, {IncludeRetracted: true}}
	for _, rd := range reads {
		filters = append(filters, kg.RelationFilter{Read: rd})
	}
	wantEs, err := s.Entities(ctx, ids)
	if err != nil {
		t.Fatalf("Entities: %v", err)
	}
	if wantEs[1] == nil || wantEs[1].ID != idLena || wantEs[2] != nil {
		t.Fatalf("Entities(%v) = %v: the fixture does not test merged and unknown ids", ids, wantEs)
	}
	for _, f := range filters {
		es, rels, err := s.EntitiesWithRelations(ctx, ids, f)
		if err != nil {
			t.Fatalf("EntitiesWithRelations with %+v: %v", f, err)
		}
		want, err := s.Relations(ctx, ids, f)
		if err != nil {
			t.Fatalf("Relations with %+v: %v", f, err)
		}
		if !reflect.DeepEqual(es, wantEs) {
			t.Errorf("EntitiesWithRelations with %+v: entities %v, Entities gives %v", f, es, wantEs)
		}
		if !reflect.DeepEqual(rels, want) {
			t.Errorf("EntitiesWithRelations with %+v: relations\n%v\nRelations gives\n%v", f, rels, want)
		}
		if tl, ok := s.(kg.TwoLevelReader); ok {
			checkTwoLevels(t, s, tl, ids, f, wantEs, want)
		}
	}
}

// checkTwoLevels checks that EntitiesWithTwoLevels gives what
// EntitiesWithRelations gives and, for every other end of those relations,
// what Relations gives, but for relations back to the entities asked for.
func checkTwoLevels(t *testing.T, s kg.Store, tl kg.TwoLevelReader, ids []string, f kg.RelationFilter, wantEs []*kg.Entity, want [][]*kg.Relation) {
	t.Helper()
	es, rels, next, err := tl.EntitiesWithTwoLevels(ctx, ids, f)
	if err != nil {
		t.Fatalf("EntitiesWithTwoLevels with %+v: %v", f, err)
	}
	if !reflect.DeepEqual(es, wantEs) || !reflect.DeepEqual(rels, want) {
		t.Errorf("EntitiesWithTwoLevels with %+v: %v, %v; EntitiesWithRelations gives %v, %v", f, es, rels, wantEs, want)
	}
	seeds := map[string]bool{}
	for _, e := range wantEs {
		if e != nil {
			seeds[e.ID] = true
		}
	}
	ends := 0
	for i, rs := range want {
		for _, r := range rs {
			o := r.Target
			if o == wantEs[i].ID {
				o = r.Source
			}
			if seeds[o] {
				continue
			}
			ends++
			got, ok := next[o]
			if !ok {
				t.Errorf("EntitiesWithTwoLevels with %+v: no relations of %s, an end of %s", f, o, r.ID)
				continue
			}
			whole, err := s.Relations(ctx, []string{o}, f)
			if err != nil {
				t.Fatalf("Relations: %v", err)
			}
			var kept []*kg.Relation
			for _, w := range whole[0] {
				if !seeds[w.Source] && !seeds[w.Target] {
					kept = append(kept, w)
				}
			}
			var gotKept []*kg.Relation
			for _, g := range got {
				if !seeds[g.Source] && !seeds[g.Target] {
					gotKept = append(gotKept, g)
				}
			}
			if !reflect.DeepEqual(gotKept, kept) {
				t.Errorf("EntitiesWithTwoLevels with %+v: relations of %s\n%v\nRelations gives\n%v", f, o, gotKept, kept)
			}
		}
	}
	if ends == 0 && f.MinConfidence == 0 && len(f.Types) == 0 && f.Direction == kg.Both {
		t.Errorf("EntitiesWithTwoLevels with %+v: the fixture gives no second level", f)
	}
}

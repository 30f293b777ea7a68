package storetest

import (
	"fmt"
	"slices"
	"testing"

	"github.com/newsgraph/newsgraph/kg"
)

func testSaveAndReadBack(t *testing.T, s kg.Store) {
	a := fixtureA()
	mustSave(t, s, a)

	for _, e := range a.Entities {
		checkEntity(t, entity(t, s, e.ID), e, e.Aliases)
	}
	for _, r := range a.Relations {
		checkRelation(t, relationByID(t, s, r.ID), r)
	}
	arts, err := s.Articles(ctx, []string{a.Article.ID})
	if err != nil {
		t.Fatalf("Articles: %v", err)
	}
	if arts[0] == nil || *arts[0] != a.Article {
		t.Errorf("article = %+v, want %+v", arts[0], a.Article)
	}
	evs, err := s.Events(ctx, []string{a.Events[0].ID})
	if err != nil {
		t.Fatalf("Events: %v", err)
	}
	checkEvent(t, evs[0], a.Events[0])
	qs, err := s.QuotesOfArticles(ctx, []string{a.Article.ID})
	if err != nil {
		t.Fatalf("QuotesOfArticles: %v", err)
	}
	if len(qs[0]) != 1 {
		t.Fatalf("QuotesOfArticles = %d quotes, want 1", len(qs[0]))
	}
	checkQuote(t, qs[0][0], a.Quotes[0])

	eoa, err := s.EntitiesOfArticles(ctx, []string{a.Article.ID})
	if err != nil {
		t.Fatalf("EntitiesOfArticles: %v", err)
	}
	var want []string
	for _, e := range a.Entities {
		want = append(want, e.ID)
	}
	if g, w := eoa[0], sorted(want); !sameStrings(g, w) {
		t.Errorf("EntitiesOfArticles = %v, want %v (sorted)", g, w)
	}
	st := mustStats(t, s)
	if w := (kg.Stats{Articles: 1, Entities: 6, Relations: 4, Events: 1, Quotes: 1, Evidence: 4}); st != w {
		t.Errorf("Stats = %+v, want %+v", st, w)
	}
}

func testSaveResult(t *testing.T, s kg.Store) {
	a := fixtureA()
	res, err := s.SaveExtraction(ctx, a)
	if err != nil {
		t.Fatalf("SaveExtraction: %v", err)
	}
	want := kg.SaveResult{ArticleID: a.Article.ID, Entities: 6, Relations: 4, Events: 1, Quotes: 1}
	if res != want {
		t.Errorf("SaveResult = %+v, want %+v", res, want)
	}
}

func testIdempotentReload(t *testing.T, s kg.Store) {
	mustSave(t, s, fixtureA(), fixtureB(), fixtureC())
	before := snapshot(t, s)
	st := mustStats(t, s)
	if w := (kg.Stats{Articles: 3, Entities: 9, Relations: 10, Events: 3, Quotes: 2, Evidence: 11}); st != w {
		t.Errorf("Stats after A, B, C = %+v, want %+v", st, w)
	}
	mustSave(t, s, fixtureA())
	diffSnapshots(t, "after reloading A", before, snapshot(t, s))
	mustSave(t, s, fixtureB(), fixtureC(), fixtureA())
	diffSnapshots(t, "after reloading B, C, A", before, snapshot(t, s))
}

func testReloadChanged(t *testing.T, s kg.Store) {
	mustSave(t, s, fixtureA(), fixtureB())
	a := fixtureA()
	allied := a.Relations[3]
	if relationByID(t, s, allied.ID) == nil {
		t.Fatalf("ALLIED_WITH missing before the reload")
	}
	a2 := fixtureA2()
	mustSave(t, s, a2)
	if r := relationByID(t, s, allied.ID); r != nil {
		t.Errorf("ALLIED_WITH dropped by the new extractor still present: %+v", r)
	}
	if e := entity(t, s, idGreen); e != nil {
		t.Errorf("Green Front, no longer mentioned, still present: %+v", e)
	}
	if rs := relations(t, s, idRiver, kg.RelationFilter{Types: []kg.RelationType{kg.AlliedWith}}); len(rs) != 0 {
		t.Errorf("River Party still has ALLIED_WITH relations: %v", relIDs(rs))
	}
	// The meeting's evidence and confidence come from the new version.
	checkRelation(t, relationByID(t, s, a2.Relations[1].ID), a2.Relations[1])
	// LEADS keeps B's evidence and A's new evidence.
	b := fixtureB()
	lead := a2.Relations[2]
	lead.Evidence = append(lead.Evidence, b.Relations[2].Evidence...)
	lead.Confidence = 0.95
	lead.Properties = b.Relations[2].Properties
	checkRelation(t, relationByID(t, s, lead.ID), lead)
	st := mustStats(t, s)
	if w := (kg.Stats{Articles: 2, Entities: 7, Relations: 7, Events: 2, Quotes: 1, Evidence: 8}); st != w {
		t.Errorf("Stats = %+v, want %+v", st, w)
	}
	// Saving the old version again brings everything back.
	mustSave(t, s, fixtureA())
	if relationByID(t, s, allied.ID) == nil || entity(t, s, idGreen) == nil {
		t.Errorf("reloading the first version did not restore ALLIED_WITH and Green Front")
	}
}

func testShared(t *testing.T, s kg.Store) {
	a, b := fixtureA(), fixtureB()
	mustSave(t, s, a, b)
	// Aliases are the union of both articles' names.
	checkEntity(t, entity(t, s, idAraji), a.Entities[0], []string{"Araji", "Samir Araji"})
	checkEntity(t, entity(t, s, idLena), a.Entities[1], []string{"Mardin"})
	// LEADS is one relation with evidence from both articles; confidence
	// is the highest, properties merged.
	lead := a.Relations[2]
	lead.Evidence = append(lead.Evidence, b.Relations[2].Evidence...)
	lead.Confidence = 0.95
	lead.Properties = map[string]string{"since": "2016"}
	checkRelation(t, relationByID(t, s, lead.ID), lead)

	aoe, err := s.ArticlesOfEntities(ctx, []string{idAraji, idValdoria, idOmar})
	if err != nil {
		t.Fatalf("ArticlesOfEntities: %v", err)
	}
	want := [][]string{sorted([]string{a.Article.ID, b.Article.ID}), {a.Article.ID}, {b.Article.ID}}
	for i := range want {
		if !sameStrings(aoe[i], want[i]) {
			t.Errorf("ArticlesOfEntities[%d] = %v, want %v", i, aoe[i], want[i])
		}
	}
	// Removing B's contribution (a version of B without Araji) leaves A's.
	b2 := fixtureB()
	b2.Entities = b2.Entities[1:]
	b2.Relations = []kg.Relation{b2.Relations[0], b2.Relations[3], b2.Relations[4]}
	mustSave(t, s, b2)
	checkEntity(t, entity(t, s, idAraji), a.Entities[0], []string{"Araji"})
	checkRelation(t, relationByID(t, s, a.Relations[2].ID), a.Relations[2])
}

func testInvalid(t *testing.T, s kg.Store) {
	mustSave(t, s, fixtureA())
	before := snapshot(t, s)
	cases := map[string]func(x *kg.Extraction){
		"empty article id":         func(x *kg.Extraction) { x.Article.ID = "" },
		"empty entity id":          func(x *kg.Extraction) { x.Entities[1].ID = "" },
		"unknown entity type":      func(x *kg.Extraction) { x.Entities[0].Type = "Animal" },
		"empty relation id":        func(x *kg.Extraction) { x.Relations[0].ID = "" },
		"unknown relation type":    func(x *kg.Extraction) { x.Relations[2].Type = "LOVES" },
		"relation source missing":  func(x *kg.Extraction) { x.Relations[0].Source = "person:nobody" },
		"relation target missing":  func(x *kg.Extraction) { x.Relations[1].Target = "person:nobody" },
		"relation end not in list": func(x *kg.Extraction) { x.Entities = x.Entities[1:] }, // drops Araji
	}
	for name, mutate := range cases {
		t.Run(name, func(t *testing.T) {
			// A broken B: everything valid in it would show if written.
			x := fixtureB()
			mutate(x)
			_, err := s.SaveExtraction(ctx, x)
			wantCode(t, "SaveExtraction", err, kg.EInvalid)
			diffSnapshots(t, "after a rejected save", before, snapshot(t, s))
		})
	}
	// The unbroken B is accepted, so the rejections above were the
	// mutations' doing.
	mustSave(t, s, fixtureB())
	if st := mustStats(t, s); st.Articles != 2 {
		t.Fatalf("Stats after saving B = %+v, want 2 articles", st)
	}
	before = snapshot(t, s)
	// A rejected reload of A leaves A as it was.
	x := fixtureA()
	x.Relations[0].Type = "LOVES"
	_, err := s.SaveExtraction(ctx, x)
	wantCode(t, "SaveExtraction", err, kg.EInvalid)
	diffSnapshots(t, "after a rejected reload", before, snapshot(t, s))
}

func testDirection(t *testing.T, s kg.Store) {
	a, b := fixtureA(), fixtureB()
	mustSave(t, s, a, b)
	// Lena's relations by type: FAMILY_OF (symmetric), MEMBER_OF (out),
	// MET_WITH (symmetric), OPPOSES (out).
	all := []string{b.Relations[4].ID, b.Relations[0].ID, a.Relations[1].ID, b.Relations[1].ID}
	cases := []struct {
		dir  kg.Direction
		want []string
	}{
		{kg.Out, all},
		{kg.In, []string{b.Relations[4].ID, a.Relations[1].ID}},
		{kg.Both, all},
	}
	for _, c := range cases {
		got := relIDs(relations(t, s, idLena, kg.RelationFilter{Direction: c.dir}))
		if !sameStrings(got, c.want) {
			t.Errorf("Relations(Lena, direction %d) = %v, want %v", c.dir, got, c.want)
		}
	}
	// River Party only receives relations: none Out.
	if rs := relations(t, s, idRiver, kg.RelationFilter{Direction: kg.Out}); len(rs) != 1 || rs[0].Type != kg.AlliedWith {
		t.Errorf("Relations(River, Out) = %v, want only the symmetric ALLIED_WITH", relIDs(rs))
	}
	// OPPOSES Lena -> Araji is In for Araji, not Out.
	opp := b.Relations[1].ID
	if rs := relIDs(relations(t, s, idAraji, kg.RelationFilter{Direction: kg.Out})); slices.Contains(rs, opp) {
		t.Errorf("Relations(Araji, Out) contains the OPPOSES aimed at Araji")
	}
	if rs := relIDs(relations(t, s, idAraji, kg.RelationFilter{Direction: kg.In})); !slices.Contains(rs, opp) {
		t.Errorf("Relations(Araji, In) = %v, missing OPPOSES %s", rs, opp)
	}
}

func testRelationFilters(t *testing.T, s kg.Store) {
	a, b := fixtureA(), fixtureB()
	mustSave(t, s, a, b)
	got := relIDs(relations(t, s, idAraji, kg.RelationFilter{Types: []kg.RelationType{kg.Leads, kg.HoldsRole}}))
	want := []string{a.Relations[0].ID, a.Relations[2].ID} // HOLDS_ROLE < LEADS
	if !sameStrings(got, want) {
		t.Errorf("Relations(Araji, HOLDS_ROLE|LEADS) = %v, want %v", got, want)
	}
	// Confidences of Araji's relations: HOLDS_ROLE .9, MET_WITH .8,
	// LEADS .95, OPPOSES .6.
	got = relIDs(relations(t, s, idAraji, kg.RelationFilter{MinConfidence: 0.8}))
	want = []string{a.Relations[0].ID, a.Relations[2].ID, a.Relations[1].ID}
	if !sameStrings(got, want) {
		t.Errorf("Relations(Araji, min 0.8) = %v, want %v", got, want)
	}
	for _, r := range relations(t, s, idAraji, kg.RelationFilter{MinConfidence: 0.9}) {
		if r.Confidence < 0.9 {
			t.Errorf("relation %s with confidence %v passed min 0.9", r.ID, r.Confidence)
		}
	}
	if rs := relations(t, s, idAraji, kg.RelationFilter{MinConfidence: 0.99}); len(rs) != 0 {
		t.Errorf("Relations(Araji, min 0.99) = %v, want none", relIDs(rs))
	}
}

func testSymmetric(t *testing.T, s kg.Store) {
	b := fixtureB()
	mustSave(t, s, b)
	fam := b.Relations[4] // given as Omar -> Lena
	for _, id := range []string{idOmar, idLena} {
		for _, dir := range []kg.Direction{kg.Out, kg.In, kg.Both} {
			rs := relations(t, s, id, kg.RelationFilter{Direction: dir, Types: []kg.RelationType{kg.FamilyOf}})
			if len(rs) != 1 || rs[0].ID != fam.ID {
				t.Errorf("Relations(%s, dir %d, FAMILY_OF) = %v, want [%s]", id, dir, relIDs(rs), fam.ID)
			}
		}
	}
	if kg.RelationID(kg.FamilyOf, idLena, idOmar) != fam.ID {
		t.Fatalf("fixture: symmetric relation ids differ by direction")
	}
	// The same relation stated the other way round in another article is
	// the same edge, with evidence from both.
	c := fixtureC()
	c.Entities = append(c.Entities, fixtureB().Entities[1])
	flipped := rel(kg.FamilyOf, idLena, idOmar, map[string]string{"relation": "sister"}, ev(c.Article, `Samir al-Araji met with Omar Mardin in Port Avel.`, 0.4))
	c.Relations = append(c.Relations, flipped)
	mustSave(t, s, c)
	r := relationByID(t, s, fam.ID)
	if r == nil || len(r.Evidence) != 2 {
		t.Fatalf("FAMILY_OF after a reversed restatement = %+v, want one relation with 2 evidence", r)
	}
	// The value of the article with the lower id wins.
	want := "sister"
	if b.Article.ID < c.Article.ID {
		want = "sibling"
	}
	if r.Properties["relation"] != want {
		t.Errorf("FAMILY_OF relation property = %q, want %q (lowest article id wins)", r.Properties["relation"], want)
	}
}

func testRelationOrdering(t *testing.T, s kg.Store) {
	a, b, c := fixtureA(), fixtureB(), fixtureC()
	mustSave(t, s, c, b, a)
	rs := relations(t, s, idAraji, kg.RelationFilter{})
	if len(rs) != 5 {
		t.Fatalf("Relations(Araji) = %d relations, want 5", len(rs))
	}
	for i := 1; i < len(rs); i++ {
		p, q := rs[i-1], rs[i]
		if key(p) > key(q) {
			t.Errorf("relations out of order: %s before %s", key(p), key(q))
		}
	}
	lead := relationByID(t, s, a.Relations[2].ID)
	for i := 1; i < len(lead.Evidence); i++ {
		p, q := lead.Evidence[i-1], lead.Evidence[i]
		if p.ArticleID > q.ArticleID || p.ArticleID == q.ArticleID && p.Start > q.Start {
			t.Errorf("evidence out of order: %s@%d before %s@%d", p.ArticleID, p.Start, q.ArticleID, q.Start)
		}
	}
}

func key(r *kg.Relation) string {
	return string(r.Type) + "\x00" + r.Source + "\x00" + r.Target
}

func testListRelations(t *testing.T, s kg.Store) {
	a, b, c := fixtureA(), fixtureB(), fixtureC()
	mustSave(t, s, a, b, c)
	all, err := s.ListRelations(ctx, kg.RelationListFilter{First: kg.MaxPageSize})
	if err != nil {
		t.Fatalf("ListRelations: %v", err)
	}
	if all.Total != 10 || len(all.Relations) != 10 || all.HasNext {
		t.Fatalf("ListRelations = %d of %d (next %v), want 10 of 10", len(all.Relations), all.Total, all.HasNext)
	}
	for i := 1; i < len(all.Relations); i++ {
		if key(all.Relations[i-1]) > key(all.Relations[i]) {
			t.Errorf("ListRelations out of order at %d", i)
		}
	}
	var paged []string
	after := ""
	for n := 0; ; n++ {
		p, err := s.ListRelations(ctx, kg.RelationListFilter{First: 3, After: after})
		if err != nil {
			t.Fatalf("ListRelations page %d: %v", n, err)
		}
		paged = append(paged, relIDs(p.Relations)...)
		if !p.HasNext {
			break
		}
		after = p.EndCursor
		if n > 10 {
			t.Fatalf("ListRelations pagination does not end")
		}
	}
	if !sameStrings(paged, relIDs(all.Relations)) {
		t.Errorf("pages = %v, want %v", paged, relIDs(all.Relations))
	}
	byArt, err := s.ListRelations(ctx, kg.RelationListFilter{ArticleID: c.Article.ID})
	if err != nil {
		t.Fatalf("ListRelations(article C): %v", err)
	}
	if g, w := sorted(relIDs(byArt.Relations)), sorted([]string{c.Relations[0].ID, c.Relations[1].ID}); !sameStrings(g, w) {
		t.Errorf("ListRelations(article C) = %v, want %v", g, w)
	}
	typed, err := s.ListRelations(ctx, kg.RelationListFilter{Types: []kg.RelationType{kg.MemberOf}, MinConfidence: 0.6})
	if err != nil {
		t.Fatalf("ListRelations(MEMBER_OF, 0.6): %v", err)
	}
	if g := relIDs(typed.Relations); !sameStrings(g, []string{b.Relations[0].ID}) || typed.Total != 1 {
		t.Errorf("ListRelations(MEMBER_OF, 0.6) = %v (total %d), want [%s]", g, typed.Total, b.Relations[0].ID)
	}
	// Without the total, the same page and cursors.
	for _, f := range []kg.RelationListFilter{{First: 3}, {First: 3, After: all.Cursors[2]}, {Types: []kg.RelationType{kg.MemberOf}, MinConfidence: 0.6}} {
		want, err := s.ListRelations(ctx, f)
		if err != nil {
			t.Fatalf("ListRelations(%+v): %v", f, err)
		}
		f.NoTotal = true
		got, err := s.ListRelations(ctx, f)
		if err != nil {
			t.Fatalf("ListRelations(%+v): %v", f, err)
		}
		if !sameStrings(relIDs(got.Relations), relIDs(want.Relations)) || !sameStrings(got.Cursors, want.Cursors) || got.HasNext != want.HasNext {
			t.Errorf("ListRelations(%+v) = %v %v next %v, want %v %v next %v", f, relIDs(got.Relations), got.Cursors, got.HasNext,
				relIDs(want.Relations), want.Cursors, want.HasNext)
		}
	}
	if _, err := s.ListRelations(ctx, kg.RelationListFilter{After: "garbage!"}); kg.ErrorCode(err) != kg.EInvalid {
		t.Errorf("ListRelations with a bad cursor: %v, want %s", err, kg.EInvalid)
	}
}

func testBatchAlignment(t *testing.T, s kg.Store) {
	a := fixtureA()
	mustSave(t, s, a)
	ids := []string{"person:nobody", idAraji, "", idLena, idAraji}
	es, err := s.Entities(ctx, ids)
	if err != nil {
		t.Fatalf("Entities: %v", err)
	}
	if len(es) != len(ids) {
		t.Fatalf("Entities returned %d results for %d ids", len(es), len(ids))
	}
	for i, id := range ids {
		switch {
		case id == idAraji || id == idLena:
			if es[i] == nil || es[i].ID != id {
				t.Errorf("Entities[%d] = %v, want %s", i, es[i], id)
			}
		case es[i] != nil:
			t.Errorf("Entities[%d] for unknown %q = %+v, want nil", i, id, es[i])
		}
	}
	rels, err := s.Relations(ctx, ids, kg.RelationFilter{})
	if err != nil {
		t.Fatalf("Relations: %v", err)
	}
	if len(rels) != len(ids) || len(rels[0]) != 0 || len(rels[2]) != 0 || len(rels[1]) != 3 || len(rels[3]) != 1 || len(rels[4]) != 3 {
		t.Errorf("Relations batch lengths = %v, want [0 3 0 1 3]", lens(rels))
	}
	rids := []string{"rel:nothing", a.Relations[0].ID, a.Relations[0].ID}
	rb, err := s.RelationsByID(ctx, rids)
	if err != nil {
		t.Fatalf("RelationsByID: %v", err)
	}
	if len(rb) != 3 || rb[0] != nil || rb[1] == nil || rb[2] == nil || rb[1].ID != rids[1] {
		t.Errorf("RelationsByID alignment wrong: %v", rb)
	}
	arts, err := s.Articles(ctx, []string{"article:none", a.Article.ID})
	if err != nil {
		t.Fatalf("Articles: %v", err)
	}
	if len(arts) != 2 || arts[0] != nil || arts[1] == nil {
		t.Errorf("Articles alignment wrong: %v", arts)
	}
	aoe, err := s.ArticlesOfEntities(ctx, []string{"person:nobody", idAraji})
	if err != nil {
		t.Fatalf("ArticlesOfEntities: %v", err)
	}
	if len(aoe) != 2 || len(aoe[0]) != 0 || len(aoe[1]) != 1 {
		t.Errorf("ArticlesOfEntities alignment wrong: %v", aoe)
	}
	eoa, err := s.EntitiesOfArticles(ctx, []string{a.Article.ID, "article:none"})
	if err != nil {
		t.Fatalf("EntitiesOfArticles: %v", err)
	}
	if len(eoa) != 2 || len(eoa[0]) != 6 || len(eoa[1]) != 0 {
		t.Errorf("EntitiesOfArticles alignment wrong: %v", eoa)
	}
	evs, err := s.Events(ctx, []string{"event:none", a.Events[0].ID})
	if err != nil {
		t.Fatalf("Events: %v", err)
	}
	if len(evs) != 2 || evs[0] != nil || evs[1] == nil {
		t.Errorf("Events alignment wrong: %v", evs)
	}
	eoe, err := s.EventsOfEntities(ctx, []string{idLena, "person:nobody"})
	if err != nil {
		t.Fatalf("EventsOfEntities: %v", err)
	}
	if len(eoe) != 2 || len(eoe[0]) != 1 || len(eoe[1]) != 0 {
		t.Errorf("EventsOfEntities alignment wrong: %v", eoe)
	}
	qoe, err := s.QuotesOfEntities(ctx, []string{"person:nobody", idAraji})
	if err != nil {
		t.Fatalf("QuotesOfEntities: %v", err)
	}
	if len(qoe) != 2 || len(qoe[0]) != 0 || len(qoe[1]) != 1 {
		t.Errorf("QuotesOfEntities alignment wrong: %v", qoe)
	}
	qoa, err := s.QuotesOfArticles(ctx, []string{"article:none", a.Article.ID})
	if err != nil {
		t.Fatalf("QuotesOfArticles: %v", err)
	}
	if len(qoa) != 2 || len(qoa[0]) != 0 || len(qoa[1]) != 1 {
		t.Errorf("QuotesOfArticles alignment wrong: %v", qoa)
	}
	empty, err := s.Entities(ctx, nil)
	if err != nil || len(empty) != 0 {
		t.Errorf("Entities(nil) = %v, %v; want empty", empty, err)
	}
}

func lens[T any](xs [][]T) []int {
	out := []int{}
	for _, x := range xs {
		out = append(out, len(x))
	}
	return out
}

func hitIDs(p *kg.EntityPage) []string {
	out := []string{}
	for _, h := range p.Hits {
		out = append(out, h.Entity.ID)
	}
	return out
}

func find(t *testing.T, s kg.Store, f kg.EntityFilter) *kg.EntityPage {
	t.Helper()
	p, err := s.FindEntities(ctx, f)
	if err != nil {
		t.Fatalf("FindEntities(%+v): %v", f, err)
	}
	return p
}

func testListingOrder(t *testing.T, s kg.Store) {
	mustSave(t, s, fixtureA(), fixtureB(), fixtureC())
	p := find(t, s, kg.EntityFilter{})
	// Names in byte order: Green Front, Lena Mardin, Omar Mardin, Port
	// Avel, River Party, River Party Youth Wing, Samir al-Araji,
	// Valdoria, Valdorian Police.
	want := []string{idGreen, idLena, idOmar, idPortAvel, idRiver, idYouth, idAraji, idValdoria, idPolice}
	if g := hitIDs(p); !sameStrings(g, want) {
		t.Errorf("FindEntities() = %v, want %v", g, want)
	}
	if p.Total != 9 || p.HasNext {
		t.Errorf("FindEntities() Total %d HasNext %v, want 9 false", p.Total, p.HasNext)
	}
	for _, h := range p.Hits {
		if h.Score != 1 {
			t.Errorf("listing score of %s = %v, want 1", h.Entity.ID, h.Score)
		}
	}
}

func testEntityFilters(t *testing.T, s kg.Store) {
	a, b, c := fixtureA(), fixtureB(), fixtureC()
	mustSave(t, s, a, b, c)
	cases := []struct {
		name string
		f    kg.EntityFilter
		want []string
	}{
		{"type Person", kg.EntityFilter{Types: []kg.EntityType{kg.Person}}, []string{idLena, idOmar, idAraji}},
		{"types Location Organization", kg.EntityFilter{Types: []kg.EntityType{kg.Location, kg.Organization}},
			[]string{idGreen, idPortAvel, idRiver, idYouth, idValdoria, idPolice}},
		{"subtype party", kg.EntityFilter{Subtype: "party"}, []string{idGreen, idRiver}},
		{"type Location subtype city", kg.EntityFilter{Types: []kg.EntityType{kg.Location}, Subtype: "city"}, []string{idPortAvel}},
		{"article C", kg.EntityFilter{ArticleID: c.Article.ID}, []string{idOmar, idPortAvel, idYouth, idAraji}},
		{"article C persons", kg.EntityFilter{ArticleID: c.Article.ID, Types: []kg.EntityType{kg.Person}}, []string{idOmar, idAraji}},
		{"article C search", kg.EntityFilter{ArticleID: c.Article.ID, Query: "Mardin"}, []string{idOmar}},
		{"search with type", kg.EntityFilter{Query: "River Party", Types: []kg.EntityType{kg.Person}}, []string{}},
		{"unknown article", kg.EntityFilter{ArticleID: "article:none"}, []string{}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p := find(t, s, tc.f)
			if g := hitIDs(p); !sameStrings(g, tc.want) {
				t.Errorf("FindEntities = %v, want %v", g, tc.want)
			}
			if p.Total != len(tc.want) {
				t.Errorf("Total = %d, want %d", p.Total, len(tc.want))
			}
		})
	}
	_, err := s.FindEntities(ctx, kg.EntityFilter{Types: []kg.EntityType{"Animal"}})
	wantCode(t, "FindEntities(unknown type)", err, kg.EInvalid)
	_, err = s.FindEntities(ctx, kg.EntityFilter{First: -1})
	wantCode(t, "FindEntities(First -1)", err, kg.EInvalid)
}

func testSearchRanking(t *testing.T, s kg.Store) {
	mustSave(t, s, fixtureA(), fixtureB(), fixtureC())
	cases := []struct {
		query string
		want  []string // the top hits, in order
	}{
		{"River Party", []string{idRiver, idYouth}},   // exact name, then prefix
		{"river  PARTY", []string{idRiver, idYouth}},  // case and spaces fold
		{"Samir al-Araji", []string{idAraji}},         // exact, punctuation folded
		{"Samir al-Araji's", []string{idAraji}},       // possessive dropped
		{"Samir Araji", []string{idAraji}},            // alias from article B
		{"Mardin", []string{idLena, idOmar}},          // alias (0.95) beats word (0.8)
		{"Arajy", []string{idAraji}},                  // one typo
		{"Valdoria", []string{idValdoria, idPolice}},  // exact, then prefix
		{"Valdorian", []string{idPolice, idValdoria}}, // prefix, then typo
		{"Youth Wing", []string{idYouth}},             // whole words
		{"Party", []string{idRiver, idYouth}},         // whole word, tie by name
		{"Riverr Party", []string{idRiver, idYouth}},  // typo in one word, tie by name
		{"Mardin Lena", []string{idLena}},             // words in any order
		{"Leena Mardin", []string{idLena}},            // typo
		{"Port-Avel", []string{idPortAvel}},           // hyphen folds
		{"Portavel", []string{}},                      // joined words are no typo
		{"Lena Omar", []string{}},                     // no entity has both
		{"zzzz", []string{}},                          // nothing
		{"cafe", []string{}},                          // article words are not names
	}
	for _, tc := range cases {
		t.Run(tc.query, func(t *testing.T) {
			p := find(t, s, kg.EntityFilter{Query: tc.query})
			// The expected order is the shared ranking's; check both the
			// ids and that scores are kg.MatchScore's.
			if g := hitIDs(p); !sameStrings(g, expectedRanking(t, s, tc.query)) {
				t.Errorf("FindEntities(%q) = %v, want the kg.MatchScore ranking %v", tc.query, g, expectedRanking(t, s, tc.query))
			}
			if g := hitIDs(p); len(g) < len(tc.want) || !sameStrings(g[:len(tc.want)], tc.want) || len(tc.want) == 0 && len(g) > 0 {
				t.Errorf("FindEntities(%q) = %v, want %v first", tc.query, g, tc.want)
			}
			for _, h := range p.Hits {
				if w := kg.MatchScore(tc.query, h.Entity.Name, h.Entity.Aliases); h.Score != w {
					t.Errorf("score of %s = %v, want kg.MatchScore %v", h.Entity.ID, h.Score, w)
				}
			}
			if p.Total != len(p.Hits) {
				t.Errorf("Total = %d, want %d", p.Total, len(p.Hits))
			}
		})
	}
	p := find(t, s, kg.EntityFilter{Query: "Samir al-Araji"})
	if len(p.Hits) == 0 || p.Hits[0].Score != 1 {
		t.Errorf("exact name search: %+v, want score 1 first", p.Hits)
	}
	p = find(t, s, kg.EntityFilter{Query: "Arajy"})
	if len(p.Hits) != 1 || p.Hits[0].Entity.ID != idAraji {
		t.Errorf("typo search Arajy = %v, want [%s]", hitIDs(p), idAraji)
	}
}

// expectedRanking ranks every entity with kg.MatchScore the way the
// contract says: score desc, name, id; zero scores dropped.
func expectedRanking(t *testing.T, s kg.Store, q string) []string {
	t.Helper()
	all := find(t, s, kg.EntityFilter{First: kg.MaxPageSize})
	type hit struct {
		id, name string
		score    float64
	}
	var hs []hit
	for _, h := range all.Hits {
		if sc := kg.MatchScore(q, h.Entity.Name, h.Entity.Aliases); sc > 0 {
			hs = append(hs, hit{h.Entity.ID, h.Entity.Name, sc})
		}
	}
	slices.SortFunc(hs, func(a, b hit) int {
		switch {
		case a.score != b.score:
			if a.score > b.score {
				return -1
			}
			return 1
		case a.name != b.name:
			if a.name < b.name {
				return -1
			}
			return 1
		case a.id < b.id:
			return -1
		case a.id > b.id:
			return 1
		}
		return 0
	})
	out := []string{}
	for _, h := range hs {
		out = append(out, h.id)
	}
	return out
}

func testEntityPagination(t *testing.T, s kg.Store) {
	mustSave(t, s, fixtureA(), fixtureB(), fixtureC())
	for _, f := range []kg.EntityFilter{{}, {Query: "r"}, {Query: "Mardin"}, {Types: []kg.EntityType{kg.Person}}} {
		t.Run(fmt.Sprintf("query %q types %v", f.Query, f.Types), func(t *testing.T) {
			full := f
			full.First = kg.MaxPageSize
			all := find(t, s, full)
			var got []string
			after := ""
			for n := 0; ; n++ {
				g := f
				g.First, g.After = 2, after
				p := find(t, s, g)
				if p.Total != all.Total {
					t.Errorf("page %d Total = %d, want %d", n, p.Total, all.Total)
				}
				if len(p.Hits) > 2 {
					t.Fatalf("page %d has %d hits, want at most 2", n, len(p.Hits))
				}
				got = append(got, hitIDs(p)...)
				if wantNext := len(got) < all.Total; p.HasNext != wantNext {
					t.Fatalf("page %d HasNext = %v, want %v", n, p.HasNext, wantNext)
				}
				if !p.HasNext {
					break
				}
				after = p.EndCursor
			}
			if !sameStrings(got, hitIDs(all)) {
				t.Errorf("pages = %v, want %v", got, hitIDs(all))
			}
		})
	}
	_, err := s.FindEntities(ctx, kg.EntityFilter{After: "not a cursor"})
	wantCode(t, "FindEntities(bad cursor)", err, kg.EInvalid)
	_, err = s.FindEntities(ctx, kg.EntityFilter{Query: "Mardin", After: "o:1"})
	wantCode(t, "FindEntities(search, bad cursor)", err, kg.EInvalid)
	p := find(t, s, kg.EntityFilter{First: kg.MaxPageSize + 100})
	if len(p.Hits) != 9 {
		t.Errorf("First above the maximum: %d hits, want all 9", len(p.Hits))
	}
	p = find(t, s, kg.EntityFilter{After: kg.EntityByName.Keyset(false).Cursor(kg.Key{"\uffff", ""})})
	if len(p.Hits) != 0 || p.HasNext || p.Total != 9 {
		t.Errorf("page past the end = %d hits, next %v, total %d; want 0 false 9", len(p.Hits), p.HasNext, p.Total)
	}
}

func testListArticles(t *testing.T, s kg.Store) {
	a, b, c := fixtureA(), fixtureB(), fixtureC()
	mustSave(t, s, c, a, b)
	want := []string{b.Article.ID, a.Article.ID, c.Article.ID} // newest first, undated last
	p, err := s.ListArticles(ctx, kg.ArticleFilter{})
	if err != nil {
		t.Fatalf("ListArticles: %v", err)
	}
	var got []string
	for _, x := range p.Articles {
		got = append(got, x.ID)
	}
	if !sameStrings(got, want) || p.Total != 3 || p.HasNext {
		t.Errorf("ListArticles = %v total %d next %v, want %v 3 false", got, p.Total, p.HasNext, want)
	}
	if len(p.Articles) == 3 && p.Articles[0].Text != b.Article.Text {
		t.Errorf("ListArticles does not return the article text")
	}
	got = nil
	after := ""
	for n := 0; n < 5; n++ {
		p, err := s.ListArticles(ctx, kg.ArticleFilter{First: 2, After: after})
		if err != nil {
			t.Fatalf("ListArticles page %d: %v", n, err)
		}
		for _, x := range p.Articles {
			got = append(got, x.ID)
		}
		if !p.HasNext {
			break
		}
		after = p.EndCursor
	}
	if !sameStrings(got, want) {
		t.Errorf("ListArticles pages = %v, want %v", got, want)
	}
	_, err = s.ListArticles(ctx, kg.ArticleFilter{After: "%%%"})
	wantCode(t, "ListArticles(bad cursor)", err, kg.EInvalid)
}

func testListEvents(t *testing.T, s kg.Store) {
	a, b, c := fixtureA(), fixtureB(), fixtureC()
	mustSave(t, s, a, b, c)
	// By date, undated last: 2017 (B), 2018-05-07 (A), undated (C).
	want := []string{b.Events[0].ID, a.Events[0].ID, c.Events[0].ID}
	p, err := s.ListEvents(ctx, kg.EventFilter{})
	if err != nil {
		t.Fatalf("ListEvents: %v", err)
	}
	var got []string
	for _, e := range p.Events {
		got = append(got, e.ID)
	}
	if !sameStrings(got, want) || p.Total != 3 {
		t.Errorf("ListEvents = %v total %d, want %v 3", got, p.Total, want)
	}
	for i, e := range p.Events {
		w := map[string]kg.Event{a.Events[0].ID: a.Events[0], b.Events[0].ID: b.Events[0], c.Events[0].ID: c.Events[0]}[e.ID]
		checkEvent(t, p.Events[i], w)
	}
	got = nil
	after := ""
	for n := 0; n < 5; n++ {
		p, err := s.ListEvents(ctx, kg.EventFilter{First: 1, After: after})
		if err != nil {
			t.Fatalf("ListEvents page %d: %v", n, err)
		}
		for _, e := range p.Events {
			got = append(got, e.ID)
		}
		if !p.HasNext {
			break
		}
		after = p.EndCursor
	}
	if !sameStrings(got, want) {
		t.Errorf("ListEvents pages = %v, want %v", got, want)
	}
	m, err := s.ListEvents(ctx, kg.EventFilter{Type: "Meeting"})
	if err != nil {
		t.Fatalf("ListEvents(Meeting): %v", err)
	}
	if m.Total != 2 || len(m.Events) != 2 || m.Events[0].ID != a.Events[0].ID {
		t.Errorf("ListEvents(Meeting) = %d of %d, want A's then C's meeting", len(m.Events), m.Total)
	}
	_, err = s.ListEvents(ctx, kg.EventFilter{After: "!"})
	wantCode(t, "ListEvents(bad cursor)", err, kg.EInvalid)
}

func testEventsOfEntities(t *testing.T, s kg.Store) {
	a, b, c := fixtureA(), fixtureB(), fixtureC()
	mustSave(t, s, a, b, c)
	eoe, err := s.EventsOfEntities(ctx, []string{idOmar, idAraji, idPolice, idRiver})
	if err != nil {
		t.Fatalf("EventsOfEntities: %v", err)
	}
	want := [][]string{
		{b.Events[0].ID, c.Events[0].ID}, // dated first
		{a.Events[0].ID, c.Events[0].ID},
		{b.Events[0].ID},
		{},
	}
	for i, w := range want {
		var got []string
		for _, e := range eoe[i] {
			got = append(got, e.ID)
		}
		if !sameStrings(got, w) {
			t.Errorf("EventsOfEntities[%d] = %v, want %v", i, got, w)
		}
	}
	if len(eoe[2]) == 1 {
		checkEvent(t, eoe[2][0], b.Events[0])
	}
}

func testQuotes(t *testing.T, s kg.Store) {
	a, b, c := fixtureA(), fixtureB(), fixtureC()
	// A second quote of Araji in C, earlier in the text than Omar's.
	c.Quotes = append(c.Quotes, quote(c.Article, idAraji, "met with Omar"))
	mustSave(t, s, a, b, c)
	qoe, err := s.QuotesOfEntities(ctx, []string{idAraji, idOmar, idLena})
	if err != nil {
		t.Fatalf("QuotesOfEntities: %v", err)
	}
	wantAraji := []kg.Quote{a.Quotes[0], c.Quotes[1]}
	if a.Article.ID > c.Article.ID {
		wantAraji = []kg.Quote{c.Quotes[1], a.Quotes[0]}
	}
	if len(qoe[0]) != 2 {
		t.Fatalf("QuotesOfEntities(Araji) = %d quotes, want 2", len(qoe[0]))
	}
	for i := range wantAraji {
		checkQuote(t, qoe[0][i], wantAraji[i])
	}
	if len(qoe[1]) != 1 || len(qoe[2]) != 0 {
		t.Errorf("QuotesOfEntities(Omar, Lena) = %d, %d quotes, want 1, 0", len(qoe[1]), len(qoe[2]))
	}
	qoa, err := s.QuotesOfArticles(ctx, []string{c.Article.ID, b.Article.ID})
	if err != nil {
		t.Fatalf("QuotesOfArticles: %v", err)
	}
	if len(qoa[0]) != 2 || len(qoa[1]) != 0 {
		t.Fatalf("QuotesOfArticles = %d, %d quotes, want 2, 0", len(qoa[0]), len(qoa[1]))
	}
	checkQuote(t, qoa[0][0], c.Quotes[1]) // by offset
	checkQuote(t, qoa[0][1], c.Quotes[0])
}

func testMerge(t *testing.T, s kg.Store) {
	a, b, c := fixtureA(), fixtureB(), fixtureC()
	mustSave(t, s, a, b, c)
	detained := b.Relations[3]    // Police -> Omar
	family := b.Relations[4]      // Omar <-> Lena: a self-loop after the merge
	metOmar := c.Relations[0]     // Omar <-> Araji: folds into A's Araji <-> Lena
	metLena := a.Relations[1]     // Araji <-> Lena
	memberYouth := c.Relations[1] // Omar -> Youth Wing

	// Keep Lena, drop Omar (the suite cares about mechanics, not truth).
	got, err := s.MergeEntities(ctx, idLena, idOmar, kg.Merge{})
	if err != nil {
		t.Fatalf("MergeEntities: %v", err)
	}
	if got == nil || got.ID != idLena || got.Name != "Lena Mardin" {
		t.Fatalf("MergeEntities returned %+v, want Lena Mardin", got)
	}
	if !slices.Contains(got.Aliases, "Omar Mardin") || !slices.Contains(got.Aliases, "Mardin") {
		t.Errorf("merged aliases = %q, want Omar Mardin and Mardin among them", got.Aliases)
	}
	// The old id resolves to the kept entity.
	if e := entity(t, s, idOmar); e == nil || e.ID != idLena {
		t.Errorf("Entities(dropped id) = %+v, want %s", e, idLena)
	}
	// A path search resolves the old id itself, and says which ids are
	// unknown.
	if pf, ok := s.(kg.PathFinder); ok {
		fp, err := pf.ShortestPathRelations(ctx, idAraji, idOmar, 3, kg.RelationFilter{}, 10)
		if err != nil {
			t.Fatalf("ShortestPathRelations(Araji, dropped id): %v", err)
		}
		if fp.From != idAraji || fp.To != idLena || len(fp.Paths) == 0 {
			t.Errorf("ShortestPathRelations(Araji, dropped id) = %s, %s, %d paths; want %s, %s and a path",
				fp.From, fp.To, len(fp.Paths), idAraji, idLena)
		}
		for _, p := range fp.Paths {
			if last := p[len(p)-1]; last.Source != idLena && last.Target != idLena {
				t.Errorf("path to the dropped id ends with %s, not at %s", last.ID, idLena)
			}
		}
		fp, err = pf.ShortestPathRelations(ctx, idLena, idOmar, 3, kg.RelationFilter{}, 10)
		if err != nil || fp.From != idLena || fp.To != idLena || len(fp.Paths) != 0 {
			t.Errorf("ShortestPathRelations(Lena, dropped id) = %+v, %v; want both ends %s and no path", fp, err, idLena)
		}
		_, err = pf.ShortestPathRelations(ctx, idAraji, "person:nobody", 3, kg.RelationFilter{}, 10)
		wantCode(t, "ShortestPathRelations(unknown end)", err, kg.ENotFound)
		_, err = pf.ShortestPathRelations(ctx, "person:nobody", idAraji, 3, kg.RelationFilter{}, 10)
		wantCode(t, "ShortestPathRelations(unknown start)", err, kg.ENotFound)
	}
	check := func(when string) {
		t.Helper()
		if r := relationByID(t, s, family.ID); r != nil {
			t.Errorf("%s: FAMILY_OF became a self-loop but is still present", when)
		}
		if r := relationByID(t, s, detained.ID); r != nil {
			t.Errorf("%s: DETAINED still under its old id", when)
		}
		moved := relationByID(t, s, kg.RelationID(kg.Detained, idPolice, idLena))
		if moved == nil || moved.Source != idPolice || moved.Target != idLena {
			t.Fatalf("%s: DETAINED Police -> Lena missing: %+v", when, moved)
		}
		if !evidenceEqual(moved.Evidence, detained.Evidence) || moved.Properties["date"] != "2017" {
			t.Errorf("%s: moved DETAINED evidence/properties = %+v %v", when, moved.Evidence, moved.Properties)
		}
		met := relationByID(t, s, metLena.ID)
		if met == nil || len(met.Evidence) != 2 || met.Confidence != 0.8 {
			t.Fatalf("%s: MET_WITH Araji <-> Lena = %+v, want A's and C's evidence, confidence 0.8", when, met)
		}
		if r := relationByID(t, s, metOmar.ID); r != nil {
			t.Errorf("%s: MET_WITH Omar <-> Araji still present", when)
		}
		if r := relationByID(t, s, kg.RelationID(kg.MemberOf, idLena, idYouth)); r == nil {
			t.Errorf("%s: MEMBER_OF Lena -> Youth Wing (from %s) missing", when, memberYouth.ID)
		}
		for _, r := range relations(t, s, idLena, kg.RelationFilter{IncludeRetracted: true}) {
			if r.Source == r.Target {
				t.Errorf("%s: self-loop %s remains", when, r.ID)
			}
			if r.Source == idOmar || r.Target == idOmar {
				t.Errorf("%s: relation %s still points at the dropped id", when, r.ID)
			}
		}
		aoe, err := s.ArticlesOfEntities(ctx, []string{idLena})
		if err != nil {
			t.Fatalf("ArticlesOfEntities: %v", err)
		}
		if len(aoe[0]) != 3 {
			t.Errorf("%s: Lena mentioned in %v, want all three articles", when, aoe[0])
		}
		eoe, err := s.EventsOfEntities(ctx, []string{idLena})
		if err != nil {
			t.Fatalf("EventsOfEntities: %v", err)
		}
		if len(eoe[0]) != 3 {
			t.Errorf("%s: Lena takes part in %d events, want 3", when, len(eoe[0]))
		}
		qoe, err := s.QuotesOfEntities(ctx, []string{idLena})
		if err != nil {
			t.Fatalf("QuotesOfEntities: %v", err)
		}
		if len(qoe[0]) != 1 || qoe[0][0].Speaker != idLena {
			t.Errorf("%s: Omar's quote did not move to Lena: %+v", when, qoe[0])
		}
		st := mustStats(t, s)
		// 9 entities - Omar; 10 relations - FAMILY_OF - MET_WITH folded.
		if st.Entities != 8 || st.Relations != 8 || st.Evidence != 10 {
			t.Errorf("%s: Stats = %+v, want 8 entities, 8 relations, 10 evidence", when, st)
		}
		p := find(t, s, kg.EntityFilter{Query: "Omar Mardin"})
		if len(p.Hits) == 0 || p.Hits[0].Entity.ID != idLena {
			t.Errorf("%s: search for the dropped name = %v, want %s first", when, hitIDs(p), idLena)
		}
	}
	check("after merge")
	before := snapshot(t, s)
	// Saves that produce the dropped id write to the kept one.
	mustSave(t, s, fixtureC(), fixtureB())
	check("after reloading C and B")
	diffSnapshots(t, "reload after merge", before, snapshot(t, s))
	if e := entity(t, s, idOmar); e == nil || e.ID != idLena {
		t.Errorf("reload recreated the dropped entity: %+v", e)
	}
}

func testMergeErrors(t *testing.T, s kg.Store) {
	mustSave(t, s, fixtureA())
	_, err := s.MergeEntities(ctx, idAraji, "person:nobody", kg.Merge{})
	wantCode(t, "MergeEntities(unknown drop)", err, kg.ENotFound)
	_, err = s.MergeEntities(ctx, "person:nobody", idAraji, kg.Merge{})
	wantCode(t, "MergeEntities(unknown keep)", err, kg.ENotFound)
	_, err = s.MergeEntities(ctx, idAraji, idAraji, kg.Merge{})
	wantCode(t, "MergeEntities(self)", err, kg.EInvalid)
	if st := mustStats(t, s); st.Entities != 6 {
		t.Errorf("failed merges changed the graph: %+v", st)
	}
}

func testRetract(t *testing.T, s kg.Store) {
	a, b := fixtureA(), fixtureB()
	mustSave(t, s, a, b)
	lead := a.Relations[2].ID
	r, err := s.RetractRelation(ctx, lead, kg.Curation{Reason: "misread: Araji is a member, not the leader"})
	if err != nil {
		t.Fatalf("RetractRelation: %v", err)
	}
	if r == nil || r.ID != lead || !r.Retracted || r.RetractReason != "misread: Araji is a member, not the leader" {
		t.Fatalf("RetractRelation returned %+v", r)
	}
	check := func(when string) {
		t.Helper()
		if ids := relIDs(relations(t, s, idAraji, kg.RelationFilter{})); slices.Contains(ids, lead) {
			t.Errorf("%s: retracted relation visible by default", when)
		}
		var found *kg.Relation
		for _, r := range relations(t, s, idAraji, kg.RelationFilter{IncludeRetracted: true}) {
			if r.ID == lead {
				found = r
			}
		}
		if found == nil || !found.Retracted || found.RetractReason == "" {
			t.Errorf("%s: retracted relation with IncludeRetracted = %+v", when, found)
		}
		p, err := s.ListRelations(ctx, kg.RelationListFilter{})
		if err != nil {
			t.Fatalf("ListRelations: %v", err)
		}
		if slices.Contains(relIDs(p.Relations), lead) || p.Total != 7 {
			t.Errorf("%s: ListRelations shows the retracted relation or counts it (total %d)", when, p.Total)
		}
		p, err = s.ListRelations(ctx, kg.RelationListFilter{IncludeRetracted: true})
		if err != nil {
			t.Fatalf("ListRelations: %v", err)
		}
		if !slices.Contains(relIDs(p.Relations), lead) || p.Total != 8 {
			t.Errorf("%s: ListRelations(IncludeRetracted) misses the retracted relation (total %d)", when, p.Total)
		}
	}
	check("after retraction")
	mustSave(t, s, fixtureA(), fixtureB())
	check("after reloading both articles")
	_, err = s.RetractRelation(ctx, "rel:nothing", kg.Curation{Reason: "x"})
	wantCode(t, "RetractRelation(unknown)", err, kg.ENotFound)
}

func testUpdate(t *testing.T, s kg.Store) {
	mustSave(t, s, fixtureB())
	name, sub := "Valdorian National Police", "military"
	e, err := s.UpdateEntity(ctx, idPolice, kg.EntityUpdate{Name: &name, Subtype: &sub}, kg.Curation{})
	if err != nil {
		t.Fatalf("UpdateEntity: %v", err)
	}
	want := kg.Entity{ID: idPolice, Type: kg.Organization, Subtype: "military", Name: name}
	checkEntity(t, e, want, []string{"Valdorian Police"})
	checkEntity(t, entity(t, s, idPolice), want, []string{"Valdorian Police"})
	// A reload does not undo curation.
	mustSave(t, s, fixtureB())
	checkEntity(t, entity(t, s, idPolice), want, []string{"Valdorian Police"})
	typ := kg.Location
	e, err = s.UpdateEntity(ctx, idPolice, kg.EntityUpdate{Type: &typ, Subtype: new(string)}, kg.Curation{})
	if err != nil {
		t.Fatalf("UpdateEntity(type): %v", err)
	}
	if e.ID != idPolice || e.Type != kg.Location || e.Subtype != "" || e.Name != name {
		t.Errorf("after a type change: %+v", e)
	}
	_, err = s.UpdateEntity(ctx, "person:nobody", kg.EntityUpdate{Name: &name}, kg.Curation{})
	wantCode(t, "UpdateEntity(unknown)", err, kg.ENotFound)
	bad := kg.EntityType("Animal")
	_, err = s.UpdateEntity(ctx, idPolice, kg.EntityUpdate{Type: &bad}, kg.Curation{})
	wantCode(t, "UpdateEntity(bad type)", err, kg.EInvalid)
	// Its own name in another case is no one else's.
	upper := "VALDORIAN NATIONAL POLICE"
	if e, err := s.UpdateEntity(ctx, idPolice, kg.EntityUpdate{Name: &upper}, kg.Curation{}); err != nil || e.Name != upper {
		t.Errorf("UpdateEntity(own name in capitals) = %+v, %v", e, err)
	}
}

func testConcurrent(t *testing.T, s kg.Store) {
	const n = 8
	errs := concurrently(n, func(i int) error {
		// Each goroutine saves its own article twice, interleaving with
		// the others.
		for range 2 {
			if _, err := s.SaveExtraction(ctx, crowd(i)); err != nil {
				return fmt.Errorf("article %d: %w", i, err)
			}
		}
		return nil
	})
	for _, err := range errs {
		if err != nil {
			t.Fatalf("concurrent SaveExtraction: %v", err)
		}
	}
	st := mustStats(t, s)
	want := kg.Stats{Articles: n, Entities: 2 + n, Relations: 1 + n, Evidence: 2 * n}
	if st != want {
		t.Errorf("Stats after concurrent saves = %+v, want %+v", st, want)
	}
	araji := entity(t, s, idAraji)
	if araji == nil || len(araji.Aliases) != n {
		t.Errorf("Araji aliases after concurrent saves = %v, want %d", araji, n)
	}
	met := relationByID(t, s, kg.RelationID(kg.MetWith, idAraji, idLena))
	if met == nil || len(met.Evidence) != n {
		t.Errorf("MET_WITH after concurrent saves = %+v, want %d evidence", met, n)
	}
}

// testLatestArticles checks that LatestArticlesOfEntities is the tail of
// ArticlesOfEntities: aligned with the ids asked (repeats, unknown and
// merged-away ids included) and cut to the n greatest.
func testLatestArticles(t *testing.T, s kg.Store) {
	for i := 1; i <= 5; i++ {
		mustSave(t, s, crowd(i))
	}
	mustSave(t, s, fixtureA())
	one, two := kg.EntityID(kg.Person, "Crowd Person 1"), kg.EntityID(kg.Person, "Crowd Person 2")
	if _, err := s.MergeEntities(ctx, two, one, kg.Merge{}); err != nil {
		t.Fatalf("MergeEntities: %v", err)
	}
	ids := []string{idAraji, "person:nobody", idLena, one, idAraji, idOmar}
	all, err := s.ArticlesOfEntities(ctx, ids)
	if err != nil {
		t.Fatalf("ArticlesOfEntities: %v", err)
	}
	if len(all[0]) != 6 || len(all[2]) != 6 || len(all[3]) != 2 {
		t.Fatalf("ArticlesOfEntities = %v, want 6, 6 and 2 articles for Araji, Mardin and the merged pair", all)
	}
	for _, n := range []int{0, 1, 2, 4, 6, 40} {
		got, err := s.LatestArticlesOfEntities(ctx, ids, n)
		if err != nil {
			t.Fatalf("LatestArticlesOfEntities(%d): %v", n, err)
		}
		if len(got) != len(ids) {
			t.Fatalf("LatestArticlesOfEntities(%d): %d lists for %d ids", n, len(got), len(ids))
		}
		for i := range ids {
			want := all[i][max(0, len(all[i])-n):]
			if !slices.Equal(got[i], want) || got[i] == nil {
				t.Errorf("LatestArticlesOfEntities(%s, %d) = %#v, want %v", ids[i], n, got[i], want)
			}
		}
	}
}

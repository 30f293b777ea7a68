package storetest

import (
	"cmp"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/kg"
)

// The list orders and filters are checked against a reference computed
// here from the store's own unfiltered default listings and batch reads, so
// every backend must give exactly the same pages.

// listData saves articles of every date precision (day, month, year,
// undated) with shared relations, so that the orders have ties and the date
// filters have overlaps.
func listData(t *testing.T, s kg.Store) {
	t.Helper()
	c3 := crowd(3)
	c3.Article.Published = "2018-05"
	c3.Events = []kg.Event{{
		ID: kg.EventID(c3.Article.ID, "Meeting", "Crowd meeting", 0), Type: "Meeting", Name: "Crowd meeting", Date: "2018-05",
		Participants: []kg.Participant{{EntityID: idAraji, Role: "agent"}, {EntityID: c3.Entities[2].ID, Role: "agent"}},
	}}
	c4 := crowd(4)
	c4.Article.Published = "2019"
	mustSave(t, s, fixtureA(), fixtureB(), fixtureC(), crowd(1), crowd(2), c3, c4)
}

// pageAll reads every page of size n and checks that each page reports the
// same total, that HasNext is set exactly on pages that are not the last,
// and that the pages concatenate to the whole list.
func pageAll[T any](t *testing.T, what string, n int, read func(after string, first int) ([]T, int, string, bool, error)) ([]T, int) {
	t.Helper()
	whole, total, _, next, err := read("", kg.MaxPageSize)
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	if next || len(whole) != total {
		t.Fatalf("%s: %d items, total %d, hasNext %v on one page", what, len(whole), total, next)
	}
	var got []T
	after := ""
	for i := 0; i <= total; i++ {
		items, tot, end, next, err := read(after, n)
		if err != nil {
			t.Fatalf("%s page %d: %v", what, i, err)
		}
		if tot != total {
			t.Errorf("%s page %d: total %d, want %d", what, i, tot, total)
		}
		got = append(got, items...)
		if next != (len(got) < total) {
			t.Errorf("%s page %d: hasNext %v with %d of %d read", what, i, next, len(got), total)
		}
		if !next {
			break
		}
		after = end
	}
	if len(got) != len(whole) {
		t.Fatalf("%s: pages of %d hold %d items, one page %d", what, n, len(got), len(whole))
	}
	return got, total
}

func checkOrder(t *testing.T, what string, got, want []string) {
	t.Helper()
	if !slices.Equal(got, want) {
		t.Errorf("%s:\n got %v\nwant %v", what, got, want)
	}
}

func testListRelationOrders(t *testing.T, s kg.Store) {
	listData(t, s)
	all, err := s.ListRelations(ctx, kg.RelationListFilter{First: kg.MaxPageSize})
	if err != nil {
		t.Fatalf("ListRelations: %v", err)
	}
	arts, err := s.ListArticles(ctx, kg.ArticleFilter{First: kg.MaxPageSize})
	if err != nil {
		t.Fatalf("ListArticles: %v", err)
	}
	published := map[string]string{}
	for _, a := range arts.Articles {
		published[a.ID] = a.Published
	}
	ents, err := s.FindEntities(ctx, kg.EntityFilter{First: kg.MaxPageSize})
	if err != nil {
		t.Fatalf("FindEntities: %v", err)
	}
	typeOf := map[string]kg.EntityType{}
	for _, h := range ents.Hits {
		typeOf[h.Entity.ID] = h.Entity.Type
	}
	latest := func(r *kg.Relation) string {
		l := ""
		for _, e := range r.Evidence {
			l = max(l, published[e.ArticleID])
		}
		return l
	}
	inRange := func(r *kg.Relation, from, to string) bool {
		dr, err := kg.ParseDateRange(from, to)
		if err != nil {
			t.Fatalf("ParseDateRange(%q, %q): %v", from, to, err)
		}
		return dr == nil || slices.ContainsFunc(r.Evidence, func(e kg.Evidence) bool { return dr.Contains(published[e.ArticleID]) })
	}
	want := func(f kg.RelationListFilter) []string {
		var rs []*kg.Relation
		for _, r := range all.Relations {
			switch {
			case r.Confidence < f.MinConfidence,
				len(f.Types) > 0 && !slices.Contains(f.Types, r.Type),
				f.Source != "" && r.Source != f.Source,
				f.Target != "" && r.Target != f.Target,
				f.EntityID != "" && r.Source != f.EntityID && r.Target != f.EntityID,
				len(f.SourceTypes) > 0 && !slices.Contains(f.SourceTypes, typeOf[r.Source]),
				len(f.TargetTypes) > 0 && !slices.Contains(f.TargetTypes, typeOf[r.Target]),
				f.ArticleID != "" && !slices.ContainsFunc(r.Evidence, func(e kg.Evidence) bool { return e.ArticleID == f.ArticleID }),
				!inRange(r, f.From, f.To):
				continue
			}
			rs = append(rs, r)
		}
		slices.SortFunc(rs, func(a, b *kg.Relation) int { return kg.CompareRelations(f.Order, a, b, latest(a), latest(b)) })
		return relIDs(rs)
	}
	aid := fixtureA().Article.ID
	filters := []kg.RelationListFilter{
		{},
		{Types: []kg.RelationType{kg.MetWith, kg.WorksFor}},
		{Source: idAraji},
		{Target: idAraji},
		{EntityID: idAraji},
		{EntityID: idLena, Types: []kg.RelationType{kg.MetWith}},
		{SourceTypes: []kg.EntityType{kg.Person}, TargetTypes: []kg.EntityType{kg.Organization}},
		{TargetTypes: []kg.EntityType{kg.Location}},
		{From: "2018-05", To: "2018-05"},
		{From: "2018-05-10"},
		{To: "2018"},
		{From: "2019", To: "2019-01-02"},
		{From: "2018-06-03", To: "2018-12"},
		{ArticleID: aid, MinConfidence: 0.75},
	}
	for _, base := range filters {
		for _, o := range append([]kg.RelationOrder{kg.RelationByType}, kg.RelationOrders...) {
			f := base
			f.Order = o
			what := "ListRelations" + brief(f)
			t.Run(what, func(t *testing.T) {
				got, total := pageAll(t, what, 2, func(after string, first int) ([]*kg.Relation, int, string, bool, error) {
					g := f
					g.First, g.After = first, after
					p, err := s.ListRelations(ctx, g)
					if err != nil {
						return nil, 0, "", false, err
					}
					return p.Relations, p.Total, p.EndCursor, p.HasNext, nil
				})
				w := want(f)
				checkOrder(t, what, relIDs(got), w)
				if total != len(w) {
					t.Errorf("%s: total %d, want %d", what, total, len(w))
				}
			})
		}
	}
	// The reference must not be trivial: the filters select something and
	// the orders differ.
	if len(want(kg.RelationListFilter{From: "2018-05-10"})) == 0 ||
		slices.Equal(want(kg.RelationListFilter{Order: kg.RelationByLatest}), want(kg.RelationListFilter{Order: kg.RelationByConfidence})) {
		t.Errorf("list fixtures do not exercise the filters and orders")
	}
	// A merged-away id selects the relations of the entity that absorbed it.
	if _, err := s.MergeEntities(ctx, idLena, idOmar, kg.Merge{}); err != nil {
		t.Fatalf("MergeEntities: %v", err)
	}
	p, err := s.ListRelations(ctx, kg.RelationListFilter{EntityID: idOmar, First: kg.MaxPageSize})
	if err != nil {
		t.Fatalf("ListRelations(merged id): %v", err)
	}
	q, err := s.ListRelations(ctx, kg.RelationListFilter{EntityID: idLena, First: kg.MaxPageSize})
	if err != nil {
		t.Fatalf("ListRelations(keep id): %v", err)
	}
	if !slices.Equal(relIDs(p.Relations), relIDs(q.Relations)) || p.Total == 0 {
		t.Errorf("ListRelations(merged id) = %v, want %v", relIDs(p.Relations), relIDs(q.Relations))
	}
}

func testListArticleOrders(t *testing.T, s kg.Store) {
	listData(t, s)
	all, err := s.ListArticles(ctx, kg.ArticleFilter{First: kg.MaxPageSize})
	if err != nil {
		t.Fatalf("ListArticles: %v", err)
	}
	articlesOf := func(id string) []string {
		l, err := s.ArticlesOfEntities(ctx, []string{id})
		if err != nil {
			t.Fatalf("ArticlesOfEntities: %v", err)
		}
		return l[0]
	}
	want := func(f kg.ArticleFilter) []string {
		dr, err := kg.ParseDateRange(f.From, f.To)
		if err != nil {
			t.Fatalf("ParseDateRange: %v", err)
		}
		var as []*kg.Article
		for _, a := range all.Articles {
			if f.EntityID != "" && !slices.Contains(articlesOf(f.EntityID), a.ID) || dr != nil && !dr.Contains(a.Published) {
				continue
			}
			as = append(as, a)
		}
		slices.SortFunc(as, func(a, b *kg.Article) int { return kg.CompareArticles(f.Order, a, b) })
		ids := []string{}
		for _, a := range as {
			ids = append(ids, a.ID)
		}
		return ids
	}
	filters := []kg.ArticleFilter{
		{}, {EntityID: idOmar}, {EntityID: idLena}, {From: "2018-05-10"}, {From: "2018", To: "2018-05"},
		{To: "2018-06-01"}, {From: "2019-01-02", To: "2019-01-03"}, {EntityID: idAraji, From: "2019"},
	}
	for _, base := range filters {
		for _, o := range append([]kg.ArticleOrder{kg.ArticleByNewest}, kg.ArticleOrders...) {
			f := base
			f.Order = o
			what := "ListArticles" + brief(f)
			got, total := pageAll(t, what, 2, func(after string, first int) ([]*kg.Article, int, string, bool, error) {
				g := f
				g.First, g.After = first, after
				p, err := s.ListArticles(ctx, g)
				if err != nil {
					return nil, 0, "", false, err
				}
				return p.Articles, p.Total, p.EndCursor, p.HasNext, nil
			})
			ids := []string{}
			for _, a := range got {
				ids = append(ids, a.ID)
			}
			w := want(f)
			checkOrder(t, what, ids, w)
			if total != len(w) {
				t.Errorf("%s: total %d, want %d", what, total, len(w))
			}
		}
	}
	if n := len(want(kg.ArticleFilter{From: "2018-05-10", To: "2018-05-10"})); n != 2 {
		t.Errorf("articles of 2018-05-10 (day and month precision) = %d, want 2", n)
	}
}

func testListEventOrders(t *testing.T, s kg.Store) {
	listData(t, s)
	all, err := s.ListEvents(ctx, kg.EventFilter{First: kg.MaxPageSize})
	if err != nil {
		t.Fatalf("ListEvents: %v", err)
	}
	want := func(f kg.EventFilter) []string {
		dr, err := kg.ParseDateRange(f.From, f.To)
		if err != nil {
			t.Fatalf("ParseDateRange: %v", err)
		}
		var es []*kg.Event
		for _, e := range all.Events {
			if f.Type != "" && e.Type != f.Type || dr != nil && !dr.Contains(e.Date) ||
				f.EntityID != "" && !slices.ContainsFunc(e.Participants, func(p kg.Participant) bool { return p.EntityID == f.EntityID }) {
				continue
			}
			es = append(es, e)
		}
		slices.SortFunc(es, func(a, b *kg.Event) int { return kg.CompareEvents(f.Order, a, b) })
		ids := []string{}
		for _, e := range es {
			ids = append(ids, e.ID)
		}
		return ids
	}
	filters := []kg.EventFilter{
		{}, {Type: "Meeting"}, {EntityID: idAraji}, {EntityID: idOmar, Type: "Detention"},
		{From: "2018-05-07"}, {From: "2017", To: "2018-04"}, {To: "2018-05-06"}, {Type: "Meeting", From: "2018"},
	}
	for _, base := range filters {
		for _, o := range append([]kg.EventOrder{kg.EventByDate}, kg.EventOrders...) {
			f := base
			f.Order = o
			what := "ListEvents" + brief(f)
			got, total := pageAll(t, what, 1, func(after string, first int) ([]*kg.Event, int, string, bool, error) {
				g := f
				g.First, g.After = first, after
				p, err := s.ListEvents(ctx, g)
				if err != nil {
					return nil, 0, "", false, err
				}
				return p.Events, p.Total, p.EndCursor, p.HasNext, nil
			})
			ids := []string{}
			for _, e := range got {
				ids = append(ids, e.ID)
			}
			w := want(f)
			checkOrder(t, what, ids, w)
			if total != len(w) {
				t.Errorf("%s: total %d, want %d", what, total, len(w))
			}
		}
	}
	if n := len(want(kg.EventFilter{From: "2018-05-07", To: "2018-05-07"})); n != 2 {
		t.Errorf("events of 2018-05-07 (day and month precision) = %d, want 2", n)
	}
}

func testEntityOrders(t *testing.T, s kg.Store) {
	listData(t, s)
	count := func(ids []string) map[string]int {
		l, err := s.ArticlesOfEntities(ctx, ids)
		if err != nil {
			t.Fatalf("ArticlesOfEntities: %v", err)
		}
		m := map[string]int{}
		for i, id := range ids {
			m[id] = len(l[i])
		}
		return m
	}
	for _, base := range []kg.EntityFilter{
		{}, {Types: []kg.EntityType{kg.Person}}, {Query: "mardin"}, {Query: "river"}, {Query: "araji", ArticleID: fixtureB().Article.ID},
	} {
		// The default order is the reference for the set and the scores.
		ref, err := s.FindEntities(ctx, kg.EntityFilter{Query: base.Query, Types: base.Types, ArticleID: base.ArticleID, First: kg.MaxPageSize})
		if err != nil {
			t.Fatalf("FindEntities(%+v): %v", base, err)
		}
		ids := hitIDs(ref)
		n := count(ids)
		for _, o := range kg.EntityOrders {
			f := base
			f.Order = o
			hits := slices.Clone(ref.Hits)
			slices.SortFunc(hits, func(a, b kg.EntityHit) int {
				var c int
				switch o {
				case kg.EntityByRelevance:
					c = cmp.Compare(b.Score, a.Score)
				case kg.EntityByArticles:
					c = cmp.Compare(n[b.Entity.ID], n[a.Entity.ID])
				}
				return cmp.Or(c, strings.Compare(a.Entity.Name, b.Entity.Name), strings.Compare(a.Entity.ID, b.Entity.ID))
			})
			var w []string
			for _, h := range hits {
				w = append(w, h.Entity.ID)
			}
			what := "FindEntities" + brief(f)
			got, total := pageAll(t, what, 2, func(after string, first int) ([]kg.EntityHit, int, string, bool, error) {
				g := f
				g.First, g.After = first, after
				p, err := s.FindEntities(ctx, g)
				if err != nil {
					return nil, 0, "", false, err
				}
				return p.Hits, p.Total, p.EndCursor, p.HasNext, nil
			})
			var gotIDs []string
			for i, h := range got {
				gotIDs = append(gotIDs, h.Entity.ID)
				if i < len(hits) && h.Entity.ID == hits[i].Entity.ID && h.Score != hits[i].Score {
					t.Errorf("%s: %s scores %g, default order %g", what, h.Entity.ID, h.Score, hits[i].Score)
				}
			}
			checkOrder(t, what, gotIDs, w)
			if total != len(w) {
				t.Errorf("%s: total %d, want %d", what, total, len(w))
			}
		}
	}
	p := find(t, s, kg.EntityFilter{Order: kg.EntityByArticles, First: 1})
	if len(p.Hits) != 1 || p.Hits[0].Entity.ID != idAraji {
		t.Errorf("most mentioned entity = %v, want %s", hitIDs(p), idAraji)
	}
}

func testListBadInput(t *testing.T, s kg.Store) {
	mustSave(t, s, fixtureA())
	_, err := s.FindEntities(ctx, kg.EntityFilter{Order: "SIZE"})
	wantCode(t, "FindEntities(bad order)", err, kg.EInvalid)
	_, err = s.FindEntities(ctx, kg.EntityFilter{Query: "araji", Order: "name"})
	wantCode(t, "FindEntities(query, bad order)", err, kg.EInvalid)
	_, err = s.ListRelations(ctx, kg.RelationListFilter{Order: "r.id; DROP"})
	wantCode(t, "ListRelations(bad order)", err, kg.EInvalid)
	_, err = s.ListArticles(ctx, kg.ArticleFilter{Order: "NEWEST_FIRST"})
	wantCode(t, "ListArticles(bad order)", err, kg.EInvalid)
	_, err = s.ListEvents(ctx, kg.EventFilter{Order: "DATE_ASC"})
	wantCode(t, "ListEvents(bad order)", err, kg.EInvalid)
	for _, c := range [][2]string{{"2018-02-30", ""}, {"", "May 2018"}, {"2019", "2018"}, {"18", ""}} {
		_, err = s.ListRelations(ctx, kg.RelationListFilter{From: c[0], To: c[1]})
		wantCode(t, fmt.Sprintf("ListRelations(%q..%q)", c[0], c[1]), err, kg.EInvalid)
		_, err = s.ListArticles(ctx, kg.ArticleFilter{From: c[0], To: c[1]})
		wantCode(t, fmt.Sprintf("ListArticles(%q..%q)", c[0], c[1]), err, kg.EInvalid)
		_, err = s.ListEvents(ctx, kg.EventFilter{From: c[0], To: c[1]})
		wantCode(t, fmt.Sprintf("ListEvents(%q..%q)", c[0], c[1]), err, kg.EInvalid)
	}
	_, err = s.ListRelations(ctx, kg.RelationListFilter{SourceTypes: []kg.EntityType{"Thing"}})
	wantCode(t, "ListRelations(bad end type)", err, kg.EInvalid)
	// A type list is a set: a type repeated 40,000 times (more than SQLite
	// binds in one statement) selects what it selects once.
	const many = 40000
	all, err := s.ListRelations(ctx, kg.RelationListFilter{})
	if err != nil || len(all.Relations) == 0 {
		t.Fatalf("ListRelations() = %+v, %v", all, err)
	}
	typ := all.Relations[0].Type
	rel, err := s.ListRelations(ctx, kg.RelationListFilter{Types: []kg.RelationType{typ}})
	if err != nil {
		t.Fatal(err)
	}
	ends := slices.Repeat(kg.EntityTypes, many/len(kg.EntityTypes))
	repRel, err := s.ListRelations(ctx, kg.RelationListFilter{Types: slices.Repeat([]kg.RelationType{typ}, many), SourceTypes: ends, TargetTypes: ends})
	if err != nil {
		t.Errorf("ListRelations(%s × %d): %v", typ, many, err)
	} else if repRel.Total != rel.Total || rel.Total == 0 {
		t.Errorf("ListRelations(%s × %d) = %d; want %d as for %[1]s once", typ, many, repRel.Total, rel.Total)
	}
	ent, err := s.FindEntities(ctx, kg.EntityFilter{Types: []kg.EntityType{kg.Person}})
	if err != nil {
		t.Fatal(err)
	}
	repEnt, err := s.FindEntities(ctx, kg.EntityFilter{Types: slices.Repeat([]kg.EntityType{kg.Person}, many)})
	if err != nil {
		t.Errorf("FindEntities(Person × %d): %v", many, err)
	} else if repEnt.Total != ent.Total || ent.Total == 0 {
		t.Errorf("FindEntities(Person × %d) = %d; want %d as for Person once", many, repEnt.Total, ent.Total)
	}
	// A search query is a name: one of many words is refused, not scored
	// against every candidate.
	_, err = s.FindEntities(ctx, kg.EntityFilter{Query: strings.Repeat("araji ", 20000)})
	wantCode(t, "FindEntities(query of 20000 words)", err, kg.EInvalid)
	if _, err := s.FindEntities(ctx, kg.EntityFilter{Query: strings.Repeat("é", kg.MaxQueryLength)}); err != nil {
		t.Errorf("FindEntities(query of %d characters): %v", kg.MaxQueryLength, err)
	}
	// An unknown entity selects nothing rather than failing.
	p, err := s.ListArticles(ctx, kg.ArticleFilter{EntityID: "person:nobody"})
	if err != nil || p.Total != 0 || len(p.Articles) != 0 {
		t.Errorf("ListArticles(unknown entity) = %+v, %v; want empty", p, err)
	}
}

// brief formats the non-zero fields of a filter for test names.
func brief(f any) string {
	v := reflect.ValueOf(f)
	var parts []string
	for i := 0; i < v.NumField(); i++ {
		if !v.Field(i).IsZero() {
			parts = append(parts, fmt.Sprintf("%s=%v", v.Type().Field(i).Name, v.Field(i).Interface()))
		}
	}
	return "(" + strings.Join(parts, ",") + ")"
}

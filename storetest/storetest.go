// Package storetest is the conformance suite every kg.Store backend passes.
// A backend's test calls Run with a factory that opens a fresh, empty store.
//
// Where the kg contract leaves a detail open, the suite fixes it so that
// every backend answers alike: aliases are compared as sets (sorted), a
// merged or renamed entity's old names become aliases, Stats.Evidence counts
// relation evidence, an extraction's entities count as mentioned by its
// article, relation types order as strings, and a store resolves
// merged-away ids on every entity-keyed read.
package storetest

import (
	"context"
	"encoding/json"
	"maps"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/newsgraph/newsgraph/kg"
)

// Run runs the whole conformance suite. open must return a fresh, empty
// store for each call; Run closes it when the subtest ends.
func Run(t *testing.T, open func(t *testing.T) kg.Store) {
	fresh := func(t *testing.T) kg.Store {
		t.Helper()
		s := open(t)
		t.Cleanup(func() { s.Close() })
		return s
	}
	tests := []struct {
		name string
		fn   func(t *testing.T, s kg.Store)
	}{
		{"SaveAndReadBack", testSaveAndReadBack},
		{"SaveResultCounts", testSaveResult},
		{"IdempotentReload", testIdempotentReload},
		{"ReloadAfterExtractorChanged", testReloadChanged},
		{"ArticleVersions", testArticleVersions},
		{"SharedEntitiesAcrossArticles", testShared},
		{"InvalidInputRejected", testInvalid},
		{"RelationsByDirection", testDirection},
		{"RelationsByTypeAndConfidence", testRelationFilters},
		{"SymmetricRelationsBothWays", testSymmetric},
		{"RelationOrdering", testRelationOrdering},
		{"ListRelations", testListRelations},
		{"RelationReads", testRelationReads},
		{"EntitiesWithRelations", testEntitiesWithRelations},
		{"BatchAlignmentWithUnknownIDs", testBatchAlignment},
		{"LatestArticlesOfEntities", testLatestArticles},
		{"FindEntitiesListingOrder", testListingOrder},
		{"FindEntitiesFilters", testEntityFilters},
		{"FindEntitiesSearchRanking", testSearchRanking},
		{"FindEntitiesPagination", testEntityPagination},
		{"ListArticlesOrderAndPagination", testListArticles},
		{"ListEventsOrderAndPagination", testListEvents},
		{"EventsOfEntities", testEventsOfEntities},
		{"Quotes", testQuotes},
		{"MergeEntities", testMerge},
		{"MergeEntitiesErrors", testMergeErrors},
		{"RetractRelation", testRetract},
		{"UpdateEntity", testUpdate},
		{"CurationChecksAndAuditLog", testCurationChecks},
		{"SplitRestoresWhatMergeChanged", testSplit},
		{"MergeCandidates", testMergeCandidates},
		{"ConcurrentSaves", testConcurrent},
		{"ListRelationsOrdersAndFilters", testListRelationOrders},
		{"ListArticlesOrdersAndFilters", testListArticleOrders},
		{"ListEventsOrdersAndFilters", testListEventOrders},
		{"FindEntitiesOrders", testEntityOrders},
		{"ListBadInput", testListBadInput},
		{"StatsExcludeRetracted", testStatsExcludeRetracted},
		{"ConfidenceIsTheHighestContribution", testConfidence},
		{"Resolution", testResolution},
		{"KeyHits", testKeyHits},
		{"ResolveExisting", testResolveExisting},
		{"FullerName", testFullerName},
		{"LinkNodes", testLinkNodes},
		{"LinkAll", testLinkAll},
		{"ArticlesWithText", testArticlesWithText},
		{"PagingWhileWriting", testPagingWhileWriting},
		{"CursorsRefused", testCursorsRefused},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tc.fn(t, fresh(t))
		})
	}
	// These compare two stores, one after the other.
	t.Run("SaveBatch", func(t *testing.T) { testSaveBatch(t, fresh) })
	t.Run("LoadInBatches", func(t *testing.T) { testLoadInBatches(t, fresh) })
}

var ctx = context.Background()

func mustSave(t *testing.T, s kg.Store, xs ...*kg.Extraction) {
	t.Helper()
	for _, x := range xs {
		if _, err := s.SaveExtraction(ctx, x); err != nil {
			t.Fatalf("SaveExtraction(%s): %v", x.Article.Title, err)
		}
	}
}

func mustStats(t *testing.T, s kg.Store) kg.Stats {
	t.Helper()
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatalf("Stats: %v", err)
	}
	return st
}

func entity(t *testing.T, s kg.Store, id string) *kg.Entity {
	t.Helper()
	es, err := s.Entities(ctx, []string{id})
	if err != nil {
		t.Fatalf("Entities(%s): %v", id, err)
	}
	if len(es) != 1 {
		t.Fatalf("Entities(%s) returned %d results, want 1", id, len(es))
	}
	return es[0]
}

func relations(t *testing.T, s kg.Store, id string, f kg.RelationFilter) []*kg.Relation {
	t.Helper()
	rs, err := s.Relations(ctx, []string{id}, f)
	if err != nil {
		t.Fatalf("Relations(%s): %v", id, err)
	}
	if len(rs) != 1 {
		t.Fatalf("Relations(%s) returned %d lists, want 1", id, len(rs))
	}
	return rs[0]
}

func relationByID(t *testing.T, s kg.Store, id string) *kg.Relation {
	t.Helper()
	rs, err := s.RelationsByID(ctx, []string{id})
	if err != nil {
		t.Fatalf("RelationsByID(%s): %v", id, err)
	}
	if len(rs) != 1 {
		t.Fatalf("RelationsByID(%s) returned %d results, want 1", id, len(rs))
	}
	return rs[0]
}

func wantCode(t *testing.T, what string, err error, code string) {
	t.Helper()
	if err == nil {
		t.Fatalf("%s: no error, want %s", what, code)
	}
	if got := kg.ErrorCode(err); got != code {
		t.Fatalf("%s: error %v has code %s, want %s", what, err, got, code)
	}
}

func sorted(xs []string) []string {
	out := slices.Clone(xs)
	if out == nil {
		out = []string{}
	}
	sort.Strings(out)
	return out
}

// relIDs lists relation ids in order.
func relIDs(rs []*kg.Relation) []string {
	out := []string{}
	for _, r := range rs {
		out = append(out, r.ID)
	}
	return out
}

func sameStrings(a, b []string) bool {
	if len(a) == 0 && len(b) == 0 {
		return true
	}
	return slices.Equal(a, b)
}

// checkEntity compares what a store returns with what was saved; aliases as
// sets, mentions not at all (they are per extraction).
func checkEntity(t *testing.T, got *kg.Entity, want kg.Entity, wantAliases []string) {
	t.Helper()
	if got == nil {
		t.Fatalf("entity %s missing", want.ID)
	}
	if got.ID != want.ID || got.Type != want.Type || got.Subtype != want.Subtype || got.Name != want.Name {
		t.Errorf("entity = {%s %s %q %q}, want {%s %s %q %q}", got.ID, got.Type, got.Subtype, got.Name,
			want.ID, want.Type, want.Subtype, want.Name)
	}
	if g, w := sorted(got.Aliases), sorted(wantAliases); !sameStrings(g, w) {
		t.Errorf("entity %s aliases = %q, want %q", want.ID, g, w)
	}
}

// checkRelation compares every field of a relation read back with what was
// saved, evidence in article, start order.
func checkRelation(t *testing.T, got *kg.Relation, want kg.Relation) {
	t.Helper()
	if got == nil {
		t.Fatalf("relation %s %s->%s missing", want.Type, want.Source, want.Target)
	}
	src, tgt := want.Source, want.Target
	if want.Type.Symmetric() && tgt < src {
		src, tgt = tgt, src
	}
	if got.ID != want.ID || got.Type != want.Type || got.Source != src || got.Target != tgt {
		t.Errorf("relation = {%s %s %s->%s}, want {%s %s %s->%s}", got.ID, got.Type, got.Source, got.Target,
			want.ID, want.Type, src, tgt)
	}
	if len(got.Properties) != 0 || len(want.Properties) != 0 {
		if !maps.Equal(got.Properties, want.Properties) {
			t.Errorf("relation %s properties = %v, want %v", want.ID, got.Properties, want.Properties)
		}
	}
	if got.Confidence != want.Confidence {
		t.Errorf("relation %s confidence = %v, want %v", want.ID, got.Confidence, want.Confidence)
	}
	wantEv := slices.Clone(want.Evidence)
	slices.SortStableFunc(wantEv, func(a, b kg.Evidence) int {
		if a.ArticleID != b.ArticleID {
			return strings.Compare(a.ArticleID, b.ArticleID)
		}
		return a.Start - b.Start
	})
	if !evidenceEqual(got.Evidence, wantEv) {
		t.Errorf("relation %s evidence =\n%+v\nwant\n%+v", want.ID, got.Evidence, wantEv)
	}
	if got.Retracted != want.Retracted || got.RetractReason != want.RetractReason {
		t.Errorf("relation %s retracted = %v %q, want %v %q", want.ID, got.Retracted, got.RetractReason,
			want.Retracted, want.RetractReason)
	}
}

func evidenceEqual(a, b []kg.Evidence) bool {
	return len(a) == len(b) && (len(a) == 0 || slices.Equal(a, b))
}

// checkEvent compares an event read back with what was saved.
func checkEvent(t *testing.T, got *kg.Event, want kg.Event) {
	t.Helper()
	if got == nil {
		t.Fatalf("event %s missing", want.ID)
	}
	if got.ID != want.ID || got.Type != want.Type || got.Name != want.Name || got.Date != want.Date || got.Place != want.Place {
		t.Errorf("event = {%s %s %q %q %s}, want {%s %s %q %q %s}", got.ID, got.Type, got.Name, got.Date, got.Place,
			want.ID, want.Type, want.Name, want.Date, want.Place)
	}
	if g, w := participants(got.Participants), participants(want.Participants); !sameStrings(g, w) {
		t.Errorf("event %s participants = %v, want %v", want.ID, g, w)
	}
	if !evidenceEqual(got.Evidence, want.Evidence) {
		t.Errorf("event %s evidence = %+v, want %+v", want.ID, got.Evidence, want.Evidence)
	}
}

// participants renders participants as sorted "entity/role" strings, so
// that their order does not matter.
func participants(ps []kg.Participant) []string {
	out := []string{}
	for _, p := range ps {
		out = append(out, p.EntityID+"/"+p.Role)
	}
	sort.Strings(out)
	return out
}

func checkQuote(t *testing.T, got *kg.Quote, want kg.Quote) {
	t.Helper()
	if got == nil {
		t.Fatalf("quote %s missing", want.ID)
	}
	if *got != want {
		t.Errorf("quote = %+v, want %+v", *got, want)
	}
}

// snapshot renders everything a store answers about its graph, through
// every read, as JSON, so that two states can be compared whole.
func snapshot(t *testing.T, s kg.Store) string {
	t.Helper()
	type relView struct {
		*kg.Relation
		Retracted     bool
		RetractReason string
	}
	view := func(rs []*kg.Relation) []relView {
		out := []relView{}
		for _, r := range rs {
			if r == nil {
				out = append(out, relView{})
				continue
			}
			c := *r
			if len(c.Properties) == 0 {
				c.Properties = nil
			}
			out = append(out, relView{&c, r.Retracted, r.RetractReason})
		}
		return out
	}
	normEvents := func(es []*kg.Event) []any {
		out := []any{}
		for _, e := range es {
			c := *e
			out = append(out, struct {
				kg.Event
				Participants []string
			}{c, participants(c.Participants)})
		}
		return out
	}
	snap := map[string]any{}
	snap["stats"] = mustStats(t, s)

	page, err := s.FindEntities(ctx, kg.EntityFilter{First: kg.MaxPageSize})
	if err != nil {
		t.Fatalf("FindEntities: %v", err)
	}
	var ids []string
	var ents []any
	for _, h := range page.Hits {
		e := *h.Entity
		e.Aliases = sorted(e.Aliases)
		e.Mentions = nil
		ids = append(ids, e.ID)
		ents = append(ents, e)
	}
	snap["entities"] = ents
	rels, err := s.Relations(ctx, ids, kg.RelationFilter{IncludeRetracted: true})
	if err != nil {
		t.Fatalf("Relations: %v", err)
	}
	var rv [][]relView
	for _, r := range rels {
		rv = append(rv, view(r))
	}
	snap["relations"] = rv
	aoe, err := s.ArticlesOfEntities(ctx, ids)
	if err != nil {
		t.Fatalf("ArticlesOfEntities: %v", err)
	}
	snap["articlesOfEntities"] = aoe
	eoe, err := s.EventsOfEntities(ctx, ids)
	if err != nil {
		t.Fatalf("EventsOfEntities: %v", err)
	}
	var ev [][]any
	for _, l := range eoe {
		ev = append(ev, normEvents(l))
	}
	snap["eventsOfEntities"] = ev
	qoe, err := s.QuotesOfEntities(ctx, ids)
	if err != nil {
		t.Fatalf("QuotesOfEntities: %v", err)
	}
	snap["quotesOfEntities"] = qoe

	arts, err := s.ListArticles(ctx, kg.ArticleFilter{First: kg.MaxPageSize})
	if err != nil {
		t.Fatalf("ListArticles: %v", err)
	}
	var aids []string
	var av []any
	for _, a := range arts.Articles {
		aids = append(aids, a.ID)
		av = append(av, struct {
			kg.Article
			Text string
		}{*a, a.Text})
	}
	snap["articles"] = av
	eoa, err := s.EntitiesOfArticles(ctx, aids)
	if err != nil {
		t.Fatalf("EntitiesOfArticles: %v", err)
	}
	snap["entitiesOfArticles"] = eoa
	qoa, err := s.QuotesOfArticles(ctx, aids)
	if err != nil {
		t.Fatalf("QuotesOfArticles: %v", err)
	}
	snap["quotesOfArticles"] = qoa
	evs, err := s.ListEvents(ctx, kg.EventFilter{First: kg.MaxPageSize})
	if err != nil {
		t.Fatalf("ListEvents: %v", err)
	}
	snap["events"] = normEvents(evs.Events)
	lr, err := s.ListRelations(ctx, kg.RelationListFilter{First: kg.MaxPageSize, IncludeRetracted: true})
	if err != nil {
		t.Fatalf("ListRelations: %v", err)
	}
	snap["listRelations"] = view(lr.Relations)
	b, err := json.MarshalIndent(snap, "", " ")
	if err != nil {
		t.Fatalf("snapshot: %v", err)
	}
	return string(b)
}

// diffSnapshots reports the first differing line of two snapshots.
func diffSnapshots(t *testing.T, what, a, b string) {
	t.Helper()
	if a == b {
		return
	}
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < min(len(al), len(bl)); i++ {
		if al[i] != bl[i] {
			lo := max(0, i-8)
			t.Fatalf("%s: graphs differ at line %d:\n--- before\n%s\n--- after\n%s", what, i,
				strings.Join(al[lo:min(len(al), i+3)], "\n"), strings.Join(bl[lo:min(len(bl), i+3)], "\n"))
		}
	}
	t.Fatalf("%s: graphs differ in length: %d vs %d lines", what, len(al), len(bl))
}

// concurrently runs fn(i) for i in [0, n) on n goroutines and returns the
// errors.
func concurrently(n int, fn func(i int) error) []error {
	var wg sync.WaitGroup
	errs := make([]error, n)
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = fn(i)
		}()
	}
	wg.Wait()
	return errs
}

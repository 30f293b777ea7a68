package graph

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/99designs/gqlgen/graphql"

	"github.com/newsgraph/newsgraph/kg"
)

// benchQuery serves q repeatedly through the whole handler (routing,
// parsing from the query cache, loaders, sqlite) and reports allocations.
func benchQuery(b *testing.B, store kg.Store, q string) {
	b.Helper()
	h := NewHandler(Config{Store: store, Logger: quietLogger(), MaxComplexity: 1 << 20})
	run := benchRun(b, h, q)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		run()
	}
}

func BenchmarkQueryEntityDetail(b *testing.B) {
	store := openStore(b, worldFixtures(b)...)
	benchQuery(b, store, `{ entity(id: "`+idBrell+`") { name aliases detainedBy { name }
		relations { type source { name } target { name } evidence { text article { title } } } } }`)
}

func BenchmarkQueryEntityList50(b *testing.B) {
	store := openStore(b, append(worldFixtures(b), rosterFixture(b, 50))...)
	benchQuery(b, store, `{ entities(types: [Person], first: 50) { totalCount edges { node {
		name mentionCount memberOf { name } relations { type target { name } evidence { text } } } } } }`)
}

func BenchmarkQueryRelationsList(b *testing.B) {
	store := openStore(b, append(worldFixtures(b), rosterFixture(b, 50))...)
	benchQuery(b, store, `{ relations(first: 100) { edges { node { type source { name } target { name } evidence { text } } } } }`)
}

func BenchmarkQueryNeighborhood(b *testing.B) {
	store := openStore(b, append(worldFixtures(b), rosterFixture(b, 50))...)
	benchQuery(b, store, `{ neighborhood(id: "`+idBrell+`", hops: 2) { nodes { id label weight } edges { source target type } elements } }`)
}

// benchLoader serves the nested storeCallsQuery over 103 persons, from
// par goroutines per processor, and reports the store calls per request.
func benchLoader(b *testing.B, par int) {
	cs := &countingStore{Store: openStore(b, append(worldFixtures(b), rosterFixture(b, 100))...)}
	h := NewHandler(Config{Store: cs, Logger: quietLogger(), MaxComplexity: 1 << 20})
	run := benchRun(b, h, storeCallsQuery)
	b.ReportAllocs()
	cs.calls.Store(0)
	b.ResetTimer()
	b.SetParallelism(par)
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			run()
		}
	})
	b.ReportMetric(float64(cs.calls.Load())/float64(b.N), "store-calls/op")
}

// BenchmarkLoaderNested is one request per processor at a time.
func BenchmarkLoaderNested(b *testing.B) { benchLoader(b, 1) }

// BenchmarkLoaderNestedConcurrent is four requests per processor at once.
func BenchmarkLoaderNestedConcurrent(b *testing.B) { benchLoader(b, 4) }

// benchRun returns a function that POSTs q to h, after checking once that
// q is answered without errors.
func benchRun(b *testing.B, h http.Handler, q string) func() *httptest.ResponseRecorder {
	b.Helper()
	body, _ := json.Marshal(map[string]string{"query": q})
	run := func() *httptest.ResponseRecorder {
		req := httptest.NewRequest(http.MethodPost, "/query", strings.NewReader(string(body)))
		req.Header.Set("Content-Type", "application/json")
		w := httptest.NewRecorder()
		h.ServeHTTP(w, req)
		return w
	}
	if w := run(); w.Code != http.StatusOK || strings.Contains(w.Body.String(), `"errors"`) {
		b.Fatalf("query fails: %d %s", w.Code, w.Body.String())
	}
	return run
}

// memoStore answers each distinct read once from the store it wraps and
// then from memory, so that a benchmark over it measures the GraphQL layer
// alone: parsing, validation, cost, loaders, resolvers, JSON.
type memoStore struct {
	kg.Store
	mu sync.Mutex
	m  map[string]any
}

func memoized[T any](m *memoStore, key string, read func() (T, error)) (T, error) {
	m.mu.Lock()
	v, ok := m.m[key]
	m.mu.Unlock()
	if ok {
		return v.(T), nil
	}
	r, err := read()
	if err == nil {
		m.mu.Lock()
		m.m[key] = r
		m.mu.Unlock()
	}
	return r, err
}

func (m *memoStore) Entities(ctx context.Context, ids []string) ([]*kg.Entity, error) {
	return memoized(m, fmt.Sprint("E", ids), func() ([]*kg.Entity, error) { return m.Store.Entities(ctx, ids) })
}

func (m *memoStore) Relations(ctx context.Context, ids []string, f kg.RelationFilter) ([][]*kg.Relation, error) {
	return memoized(m, fmt.Sprint("R", ids, f), func() ([][]*kg.Relation, error) { return m.Store.Relations(ctx, ids, f) })
}

func (m *memoStore) EntitiesWithRelations(ctx context.Context, ids []string, f kg.RelationFilter) ([]*kg.Entity, [][]*kg.Relation, error) {
	type both struct {
		es   []*kg.Entity
		rels [][]*kg.Relation
	}
	v, err := memoized(m, fmt.Sprint("ER", ids, f), func() (both, error) {
		es, rels, err := m.Store.EntitiesWithRelations(ctx, ids, f)
		return both{es, rels}, err
	})
	return v.es, v.rels, err
}

func (m *memoStore) ListRelations(ctx context.Context, f kg.RelationListFilter) (*kg.RelationPage, error) {
	return memoized(m, fmt.Sprint("L", f), func() (*kg.RelationPage, error) { return m.Store.ListRelations(ctx, f) })
}

func (m *memoStore) FindEntities(ctx context.Context, f kg.EntityFilter) (*kg.EntityPage, error) {
	return memoized(m, fmt.Sprint("F", f), func() (*kg.EntityPage, error) { return m.Store.FindEntities(ctx, f) })
}

// BenchmarkGraphQLLayer serves the questions of tools/peerbench from
// memory (memoStore over 50 extra people): what a request costs this
// project's Go side, whatever the store.
func BenchmarkGraphQLLayer(b *testing.B) {
	store := &memoStore{Store: openStore(b, append(worldFixtures(b), rosterFixture(b, 50))...), m: map[string]any{}}
	h := NewHandler(Config{Store: store, Logger: quietLogger()})
	for _, q := range []struct{ name, query string }{
		{"entity", `{ entity(id: "` + idGuard + `") { id name relations { id type confidence
			source { id name } target { id name } evidence { text start end } } } }`},
		{"two-hops", `{ neighborhood(id: "` + idBrell + `", hops: 2, types: [COMMANDS, MEMBER_OF, LEADS, WORKS_FOR]) {
			nodes { id label type depth } edges { id source target type } } }`},
		{"search", `{ entities(query: "brell", first: 10) { edges { score node { id name type } } } }`},
		{"detained", `{ relations(types: [MEMBER_OF], first: 22) { edges { node { id
			source { id name } target { id name } evidence { text start end } } } } }`},
	} {
		b.Run(q.name, func(b *testing.B) {
			run := benchRun(b, h, q.query)
			b.ReportAllocs()
			for b.Loop() {
				run()
			}
		})
	}
}

// BenchmarkWriteResponse writes a 5 kB answer, as entity(id) { relations
// { … } } gives, with the empty extensions map the executor gives every
// response: gqlgen's data is copied as it is, not scanned again.
func BenchmarkWriteResponse(b *testing.B) {
	data := json.RawMessage(`{"entity":{"id":"x","relations":[` + strings.Repeat(`{"id":"rel:3b3090f222dccef6",`+
		`"source":{"id":"location:algeria","name":"Algeria"},"evidence":[{"text":"Some sentence of the article that says so.",`+
		`"start":10,"end":50}]},`, 30) + `{}]}}`)
	b.ReportAllocs()
	for b.Loop() {
		writeResponse(io.Discard, &graphql.Response{Data: data, Extensions: map[string]any{}})
	}
}

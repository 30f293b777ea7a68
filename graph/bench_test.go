package graph

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

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

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

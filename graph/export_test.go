package graph

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/kg"
)

// TestExportRoute: /export serves the graph, and needs the key when
// queries do.
func TestExportRoute(t *testing.T) {
	open := worldHandler(t, Config{APIKey: "k"})
	w := httptest.NewRecorder()
	open.ServeHTTP(w, httptest.NewRequest(http.MethodGet, "/export/nodes.csv", nil))
	if w.Code != http.StatusOK || !strings.Contains(w.Body.String(), "Tomas Brell") {
		t.Fatalf("GET /export/nodes.csv = %d %q", w.Code, w.Body.String())
	}
	closed := worldHandler(t, Config{APIKey: "k", ProtectQueries: true})
	for key, want := range map[string]int{"": http.StatusUnauthorized, "Bearer x": http.StatusUnauthorized, "Bearer k": http.StatusOK} {
		w := httptest.NewRecorder()
		r := httptest.NewRequest(http.MethodGet, "/export/graph.jsonl", nil)
		if key != "" {
			r.Header.Set("Authorization", key)
		}
		closed.ServeHTTP(w, r)
		if w.Code != want {
			t.Errorf("protected export with %q = %d, want %d", key, w.Code, want)
		}
		if want == http.StatusUnauthorized {
			checkErrorShape(t, w.Code, w.Header(), w.Body.Bytes(), want, kg.EUnauthorized)
		}
	}
}

// TestExportErrorsHaveTheGraphQLShape: a bad export request is answered
// as every other error of the server, with a code.
func TestExportErrorsHaveTheGraphQLShape(t *testing.T) {
	h := worldHandler(t, Config{})
	for path, want := range map[string]struct {
		status int
		code   string
	}{
		"/export/graph.pdf":                       {http.StatusNotFound, kg.ENotFound},
		"/export/edges.csv?types=LIKES":           {http.StatusBadRequest, kg.EInvalid},
		"/export/graph.gexf?minConfidence=abc":    {http.StatusBadRequest, kg.EInvalid},
		"/export/nodes.csv?entityTypes=Spaceship": {http.StatusBadRequest, kg.EInvalid},
	} {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, httptest.NewRequest(http.MethodGet, path, nil))
		checkErrorShape(t, w.Code, w.Header(), w.Body.Bytes(), want.status, want.code)
	}
}

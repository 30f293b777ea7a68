package graph

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestCORS(t *testing.T) {
	store := openStore(t, worldFixtures(t)...)
	h := NewHandler(Config{Store: store, AllowedOrigins: []string{"http://viz.example:3000"}, APIKey: "k"})

	pre := httptest.NewRequest(http.MethodOptions, "/query", nil)
	pre.Header.Set("Origin", "http://viz.example:3000")
	pre.Header.Set("Access-Control-Request-Method", "POST")
	pre.Header.Set("Access-Control-Request-Headers", "content-type, authorization")
	w := httptest.NewRecorder()
	h.ServeHTTP(w, pre)
	if w.Code != http.StatusNoContent || w.Header().Get("Access-Control-Allow-Origin") != "http://viz.example:3000" ||
		!strings.Contains(w.Header().Get("Access-Control-Allow-Headers"), "Authorization") {
		t.Errorf("preflight: %d %v", w.Code, w.Header())
	}

	post := httptest.NewRequest(http.MethodPost, "/query", strings.NewReader(`{"query":"{ stats { articles } }"}`))
	post.Header.Set("Content-Type", "application/json")
	post.Header.Set("Origin", "http://viz.example:3000")
	w = httptest.NewRecorder()
	h.ServeHTTP(w, post)
	if w.Code != http.StatusOK || w.Header().Get("Access-Control-Allow-Origin") != "http://viz.example:3000" ||
		!strings.Contains(w.Body.String(), `"articles":`) {
		t.Errorf("query from an allowed origin: %d %v %s", w.Code, w.Header(), w.Body)
	}

	other := httptest.NewRequest(http.MethodPost, "/query", strings.NewReader(`{"query":"{ stats { articles } }"}`))
	other.Header.Set("Content-Type", "application/json")
	other.Header.Set("Origin", "http://elsewhere.example")
	w = httptest.NewRecorder()
	h.ServeHTTP(w, other)
	if got := w.Header().Get("Access-Control-Allow-Origin"); got != "" {
		t.Errorf("an origin not configured was allowed: %q", got)
	}

	none := NewHandler(Config{Store: store})
	w = httptest.NewRecorder()
	none.ServeHTTP(w, pre)
	if got := w.Header().Get("Access-Control-Allow-Origin"); got != "" {
		t.Errorf("CORS answered with no origins configured: %q", got)
	}
}

package e2e

import (
	"encoding/json"
	"net/http"
	"os"
	"regexp"
	"strings"
	"testing"
)

// TestFirstRunStory is a new user's first minutes: `serve` in a checkout
// that sits beside the workspace's shared/articles, on an empty store,
// and every GraphQL example of the README answers with facts, and the
// explorer's search finds the seed article's people.
func TestFirstRunStory(t *testing.T) {
	// workspace/checkout (the working directory) beside workspace/shared/articles.
	checkout, data := besideShared(t)
	s := startServerIn(t, checkout, data)

	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	blocks := regexp.MustCompile("(?s)```graphql\n(.*?)```").FindAllStringSubmatch(string(readme), -1)
	if len(blocks) < 3 {
		t.Fatalf("the README has %d GraphQL examples; expected at least 3", len(blocks))
	}
	for i, b := range blocks {
		raw := postQuery(t, http.DefaultClient, s.url, b[1], nil)
		var r struct{ Data map[string]any }
		if err := json.Unmarshal(raw, &r); err != nil {
			t.Fatal(err)
		}
		for field, v := range r.Data {
			if empty(v) {
				t.Errorf("README example %d: %s is empty on first start:\n%s\n→ %s", i+1, field, b[1], raw)
			}
		}
	}
	// The explorer's search (entities(query:)) finds a person of the seed
	// article by a misspelt name.
	raw := postQuery(t, http.DefaultClient, s.url, `{ entities(query: "Arraji", types: [Person], first: 1) { edges { node { id } } } }`, nil)
	if !strings.Contains(string(raw), `"person:qassim-al-araji"`) {
		t.Errorf("searching the seed's person: %s", raw)
	}
	if !strings.Contains(s.stderr.String(), "shared/articles") {
		t.Errorf("the first-start log does not say it loaded shared/articles:\n%s", s.stderr)
	}
	s.stop(t)

	// A second start of the same store loads nothing again.
	s = startServerIn(t, checkout, data)
	if strings.Contains(s.stderr.String(), "loaded the sample articles") {
		t.Errorf("the second start loaded the samples again:\n%s", s.stderr)
	}
	s.stop(t)
}

// empty reports a null, an empty list, or a connection without edges.
func empty(v any) bool {
	switch v := v.(type) {
	case nil:
		return true
	case []any:
		return len(v) == 0
	case map[string]any:
		if edges, ok := v["edges"]; ok {
			return empty(edges)
		}
		if n, ok := v["totalCount"].(float64); ok {
			return n == 0
		}
	}
	return false
}

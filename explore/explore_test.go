package explore

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/kg"
	"github.com/newsgraph/newsgraph/traverse"
)

// TestStylesheetCoversOntology fails when a type of the ontology would be
// drawn without its own colour: every entity type needs a node rule and
// every relation type an edge rule, by the class the API gives it.
func TestStylesheetCoversOntology(t *testing.T) {
	var rules []struct {
		Selector string         `json:"selector"`
		Style    map[string]any `json:"style"`
	}
	if err := json.Unmarshal(Stylesheet(), &rules); err != nil {
		t.Fatalf("the stylesheet is not JSON: %v", err)
	}
	selectors := map[string]map[string]any{}
	for _, r := range rules {
		for _, s := range strings.Split(r.Selector, ",") {
			selectors[strings.TrimSpace(s)] = r.Style
		}
	}
	for _, et := range kg.EntityTypes {
		st := selectors["node."+traverse.ClassName(string(et))]
		if st == nil || st["background-color"] == nil {
			t.Errorf("no node colour for entity type %s", et)
		}
	}
	for _, rt := range kg.RelationTypes {
		st := selectors["edge."+traverse.ClassName(string(rt))]
		if st == nil || st["line-color"] == nil {
			t.Errorf("no edge colour for relation type %s", rt)
		}
	}
	if st := selectors["edge.symmetric"]; st == nil || st["target-arrow-shape"] != "none" {
		t.Errorf("symmetric edges keep their arrow: %v", st)
	}
	if st := selectors["edge"]; st == nil || st["label"] != "data(label)" {
		t.Errorf("edges are not labelled: %v", st)
	}
}

func TestRoutes(t *testing.T) {
	for _, c := range []struct {
		h           http.Handler
		path, ctype string
		want        string
	}{
		{Page(), "/explore", "text/html", `src="explore/static/cytoscape.min.js"`},
		{Style(), "/explore/cytoscape-style.json", "application/json", "node.person"},
		{Assets(), "/explore/static/explore.js", "javascript", "cytoscape("},
		{Assets(), "/explore/static/", "", "404"},
	} {
		w := httptest.NewRecorder()
		c.h.ServeHTTP(w, httptest.NewRequest(http.MethodGet, c.path, nil))
		if c.want == "404" {
			if w.Code != http.StatusNotFound {
				t.Errorf("GET %s = %d, want 404 (no listings)", c.path, w.Code)
			}
			continue
		}
		if w.Code != http.StatusOK || !strings.Contains(w.Header().Get("Content-Type"), c.ctype) || !strings.Contains(w.Body.String(), c.want) {
			t.Errorf("GET %s = %d %q, body lacks %q", c.path, w.Code, w.Header().Get("Content-Type"), c.want)
		}
	}
}

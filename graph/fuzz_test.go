package graph

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// FuzzQuery sends arbitrary GraphQL documents and variables, the outside
// input of the API, through the whole handler: whatever arrives, the
// server answers JSON with data or errors, never panics, and never fails
// with an internal error (which would mean a bug, not bad input).
func FuzzQuery(f *testing.F) {
	seeds := []string{
		`{ entity(id: "` + idBrell + `") { name detainedBy { name } } }`,
		`query($id: ID!) { entity(id: $id) { relations(direction: IN) { id evidence { text } } } }`,
		`{ entities(query: "Brell", first: 2, after: "bzoy") { edges { cursor node { id } } } }`,
		`{ paths(from: "a", to: "b") { length } }`,
		`{ neighborhood(id: "` + idVoss + `", hops: 2, from: "2019", to: "2020-13") { elements } }`,
		`query { ...F } fragment F on Query { stats { articles } }`,
		`{ __schema { types { name } } }`,
		`mutation { updateEntity(id: "x") { id } }`,
		`{ entity(id: "`, `{{{{`, ``,
	}
	for _, s := range seeds {
		f.Add(s, idBrell)
	}
	h := NewHandler(Config{Store: openStore(f, worldFixtures(f)...), Logger: quietLogger(), MaxDepth: 8, MaxComplexity: 2000})
	f.Fuzz(func(t *testing.T, query, id string) {
		body, err := json.Marshal(map[string]any{"query": query, "variables": map[string]any{"id": id}})
		if err != nil {
			return // not valid UTF-8 JSON text: the client could not send it either
		}
		req := httptest.NewRequest(http.MethodPost, "/query", strings.NewReader(string(body)))
		req.Header.Set("Content-Type", "application/json")
		w := httptest.NewRecorder()
		h.ServeHTTP(w, req)
		if w.Code >= 500 {
			t.Fatalf("status %d for %q: %s", w.Code, query, w.Body.String())
		}
		var r response
		if err := json.Unmarshal(w.Body.Bytes(), &r); err != nil {
			t.Fatalf("not JSON for %q: %v: %s", query, err, w.Body.String())
		}
		for _, e := range r.Errors {
			if e.Extensions["code"] == "INTERNAL" {
				t.Fatalf("internal error for %q (id %q): %+v", query, id, e)
			}
		}
	})
}

// introspectionQuery is the shape of the query GraphiQL sends at start:
// deep (ofType nests) but made of introspection fields only.
const introspectionQuery = `query IntrospectionQuery {
  __schema {
    queryType { name } mutationType { name } subscriptionType { name }
    types { ...FullType }
    directives { name description locations args { ...InputValue } }
  }
}
fragment FullType on __Type {
  kind name description
  fields(includeDeprecated: true) { name description args { ...InputValue } type { ...TypeRef } isDeprecated deprecationReason }
  inputFields { ...InputValue }
  interfaces { ...TypeRef }
  enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason }
  possibleTypes { ...TypeRef }
}
fragment InputValue on __InputValue { name description type { ...TypeRef } defaultValue }
fragment TypeRef on __Type {
  kind name
  ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } }
}`

func TestIntrospectionPassesLimits(t *testing.T) {
	h := worldHandler(t, Config{})
	code, r := post(t, h, introspectionQuery, nil)
	if code != http.StatusOK || len(r.Errors) > 0 || r.Data["__schema"] == nil {
		t.Fatalf("introspection: %d %+v", code, r.Errors)
	}
}

// FuzzRequestBody sends arbitrary POST bodies, content types and GET query
// strings to /query: whatever arrives, the answer is JSON, data or errors,
// every error has a code, nothing shows Go's internals, and no status is a
// server error.
func FuzzRequestBody(f *testing.F) {
	for _, s := range []string{
		`{"query": "{ stats { articles } }"}`, `{"query": `, ``, `[1]`, `{"query": 5}`, `null`,
		`{"query": "{ stats { articles } }", "variables": "x"}`, `{"query": "query($n: Int) { entities(first: $n) { totalCount } }", "variables": {"n": "x"}}`,
		`{"query": "{ stats { articles } }"} trailing`, `{"query": "{ __typename }", "operationName": 1}`,
	} {
		f.Add(s, "application/json", "query="+s)
	}
	f.Add(`query=%7B%7D`, "application/x-www-form-urlencoded", "query=%zz")
	h := NewHandler(Config{Store: openStore(f, worldFixtures(f)...), Logger: quietLogger(), MaxDepth: 8, MaxComplexity: 2000})
	f.Fuzz(func(t *testing.T, body, ctype, rawQuery string) {
		for _, req := range []*http.Request{
			httptest.NewRequest(http.MethodPost, "/query", strings.NewReader(body)),
			httptest.NewRequest(http.MethodGet, "/query", nil),
		} {
			if req.Method == http.MethodPost {
				req.Header.Set("Content-Type", ctype)
			} else {
				req.URL.RawQuery = rawQuery
			}
			w := httptest.NewRecorder()
			h.ServeHTTP(w, req)
			if w.Code >= 500 {
				t.Fatalf("%s: status %d: %s", req.Method, w.Code, w.Body.String())
			}
			var r response
			if err := json.Unmarshal(w.Body.Bytes(), &r); err != nil {
				t.Fatalf("%s: not JSON: %v: %s", req.Method, err, w.Body.String())
			}
			for _, e := range r.Errors {
				if code, _ := e.Extensions["code"].(string); code == "" || code == "INTERNAL" {
					t.Fatalf("%s: error without a code, or internal: %+v", req.Method, e)
				}
			}
			for _, bad := range []string{"RawParams", "Go struct", "Go value", "json: ", "interface {}"} {
				if strings.Contains(w.Body.String(), bad) {
					t.Fatalf("%s: answer shows %q: %s", req.Method, bad, w.Body.String())
				}
			}
		}
	})
}

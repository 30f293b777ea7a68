package graph

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/99designs/gqlgen/client"

	"github.com/newsgraph/newsgraph/kg"
)

// response is a decoded GraphQL response.
type response struct {
	Data   map[string]any `json:"data"`
	Errors []gqlError     `json:"errors"`
}

// post sends a GraphQL POST to h and decodes whatever comes back, whatever
// the status (limit errors come with 4xx statuses).
func post(t testing.TB, h http.Handler, query string, vars map[string]any, headers ...string) (int, response) {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	req := httptest.NewRequest(http.MethodPost, "/query", strings.NewReader(string(body)))
	req.Header.Set("Content-Type", "application/json")
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, req)
	var r response
	if err := json.Unmarshal(w.Body.Bytes(), &r); err != nil {
		t.Fatalf("decode %d %q: %v", w.Code, w.Body.String(), err)
	}
	return w.Code, r
}

func worldHandler(t *testing.T, cfg Config) http.Handler {
	t.Helper()
	if cfg.Store == nil {
		cfg.Store = openStore(t, worldFixtures(t)...)
	}
	if cfg.Logger == nil {
		cfg.Logger = quietLogger()
	}
	return NewHandler(cfg)
}

func TestDepthLimit(t *testing.T) {
	h := worldHandler(t, Config{MaxDepth: 4})
	// depth 4: entity > relations > target > name
	if _, r := post(t, h, `{ entity(id: "`+idBrell+`") { relations { target { name } } } }`, nil); len(r.Errors) > 0 {
		t.Fatalf("depth 4 refused: %+v", r.Errors)
	}
	// depth 5, hidden in a fragment
	q := `query { entity(id: "` + idBrell + `") { ...F } } fragment F on Entity { relations { target { relations { id } } } }`
	_, r := post(t, h, q, nil)
	wantCode(t, r.Errors, CodeDepthExceeded)
	if r.Data["entity"] != nil {
		t.Fatalf("a refused query returned data: %v", r.Data)
	}
	// Introspection is deep but not counted.
	if _, r := post(t, h, `{ __schema { types { fields { type { ofType { ofType { ofType { name } } } } } } } }`, nil); len(r.Errors) > 0 {
		t.Fatalf("introspection refused: %+v", r.Errors)
	}
}

func TestComplexityLimit(t *testing.T) {
	h := worldHandler(t, Config{MaxComplexity: 200})
	if _, r := post(t, h, `{ entities(first: 10) { edges { node { name } } } }`, nil); len(r.Errors) > 0 {
		t.Fatalf("small query refused: %+v", r.Errors)
	}
	// 500 entities × (relations × 10 …) is far above 200.
	_, r := post(t, h, `{ entities(first: 500) { edges { node { name relations { id } } } } }`, nil)
	wantCode(t, r.Errors, CodeComplexityExceeded)
}

func TestPageSizeClamped(t *testing.T) {
	c := newClient(t, Config{Store: openStore(t, append(worldFixtures(t), rosterFixture(t, 6))...), MaxPageSize: 4})
	var resp struct {
		Entities struct {
			Edges    []struct{ Cursor string }
			PageInfo struct{ HasNextPage bool }
		}
	}
	c.MustPost(`{ entities(first: 1000) { edges { cursor } pageInfo { hasNextPage } } }`, &resp)
	if len(resp.Entities.Edges) != 4 || !resp.Entities.PageInfo.HasNextPage {
		t.Fatalf("first: 1000 with max 4 gave %d edges (hasNext %v), want 4 and more", len(resp.Entities.Edges), resp.Entities.PageInfo.HasNextPage)
	}
	wantCode(t, errorsOf(t, c, `{ entities(first: 0) { totalCount } }`), kg.EInvalid)
}

// slowStore blocks Stats until the request's context ends.
type slowStore struct{ kg.Store }

func (slowStore) Stats(ctx context.Context) (kg.Stats, error) {
	<-ctx.Done()
	return kg.Stats{}, fmt.Errorf("stats: %w", ctx.Err())
}

func TestTimeout(t *testing.T) {
	h := worldHandler(t, Config{Store: slowStore{openStore(t)}, Timeout: 20 * time.Millisecond})
	_, r := post(t, h, `{ stats { articles } }`, nil)
	wantCode(t, r.Errors, CodeTimeout)
}

func TestBodyLimit(t *testing.T) {
	h := worldHandler(t, Config{MaxBodyBytes: 256})
	code, r := post(t, h, `{ stats { articles } } # `+strings.Repeat("x", 300), nil)
	if code != http.StatusRequestEntityTooLarge {
		t.Fatalf("status %d, want 413", code)
	}
	wantCode(t, r.Errors, CodeTooLarge)

	// Without a Content-Length the body is cut at the limit.
	req := httptest.NewRequest(http.MethodPost, "/query", strings.NewReader(`{"query":"{ stats { articles } } #`+strings.Repeat("x", 300)+`"}`))
	req.ContentLength = -1
	req.Header.Set("Content-Type", "application/json")
	w := httptest.NewRecorder()
	h.ServeHTTP(w, req)
	if w.Code != http.StatusRequestEntityTooLarge || !strings.Contains(w.Body.String(), CodeTooLarge) {
		t.Fatalf("chunked oversized body: %d %s", w.Code, w.Body.String())
	}
}

// fakeIngester records what it was asked to ingest and saves a fixture.
type fakeIngester struct {
	store kg.Store
	x     *kg.Extraction
	names []string
}

func (f *fakeIngester) Ingest(ctx context.Context, name string, data []byte) (kg.SaveResult, error) {
	f.names = append(f.names, name)
	return f.store.SaveExtraction(ctx, f.x)
}

func TestMutationsNeedKey(t *testing.T) {
	const key = "s3cret-key"
	store := openStore(t, worldFixtures(t)...)
	h := worldHandler(t, Config{Store: store, APIKey: key})
	retract := `mutation($id: ID!) { retractRelation(id: $id, reason: "misread") { id retracted retractReason } }`
	relID := kg.RelationID(kg.Detained, idBrigade, idBrell)
	vars := map[string]any{"id": relID}

	_, r := post(t, h, retract, vars)
	wantCode(t, r.Errors, kg.EUnauthorized)
	_, r = post(t, h, retract, vars, "Authorization", "Bearer wrong")
	wantCode(t, r.Errors, kg.EUnauthorized)
	// Nothing was retracted.
	rels, err := store.RelationsByID(context.Background(), []string{relID})
	if err != nil || rels[0] == nil || rels[0].Retracted {
		t.Fatalf("refused mutation changed the store: %+v, %v", rels, err)
	}
	// Queries stay open.
	if _, r := post(t, h, `{ stats { relations } }`, nil); len(r.Errors) > 0 {
		t.Fatalf("query refused without key: %+v", r.Errors)
	}
	// With the key as a bearer token it goes through.
	_, r = post(t, h, retract, vars, "Authorization", "Bearer "+key)
	if len(r.Errors) > 0 {
		t.Fatalf("mutation with key refused: %+v", r.Errors)
	}
	got := r.Data["retractRelation"].(map[string]any)
	if got["retracted"] != true || got["retractReason"] != "misread" {
		t.Fatalf("retractRelation = %v", got)
	}
	// The key counts only as a bearer token: bare, in another scheme or
	// in another header it is refused.
	for _, h2 := range [][2]string{{"Authorization", key}, {"Authorization", "Basic " + key}, {"Authorization", "Bearer"},
		{"Authorization", "Bearer " + key + "x"}, {"X-API-Key", key}} {
		_, r = post(t, h, retract, vars, h2[0], h2[1])
		wantCode(t, r.Errors, kg.EUnauthorized)
	}
	// A lower-case scheme passes the key check: the store answers that
	// the relation is already retracted.
	_, r = post(t, h, retract, vars, "Authorization", "bearer "+key)
	wantCode(t, r.Errors, kg.EInvalid)

	// ProtectQueries closes queries too.
	hp := worldHandler(t, Config{Store: store, APIKey: key, ProtectQueries: true})
	_, r = post(t, hp, `{ stats { relations } }`, nil)
	wantCode(t, r.Errors, kg.EUnauthorized)
	if _, r := post(t, hp, `{ stats { relations } }`, nil, "Authorization", "Bearer "+key); len(r.Errors) > 0 {
		t.Fatalf("query with key refused: %+v", r.Errors)
	}
}

func TestCurationMutations(t *testing.T) {
	store := openStore(t, worldFixtures(t)...)
	extra := newFixture(t, "Guard report", "2021-06-01", "The Velarian Guard detained Ilse Marek.")
	extra.ent(kg.Organization, "militia", "Velarian Guard")
	extra.ent(kg.Person, "", "Ilse Marek")
	extra.rel(kg.Detained, idGuard, idMarek, "The Velarian Guard detained Ilse Marek.")
	ing := &fakeIngester{store: store, x: extra.x}
	c := newClient(t, Config{Store: store, Ingest: ing})

	// Retracted relations disappear from reads, unless asked for.
	relID := kg.RelationID(kg.Detained, idBrigade, idBrell)
	var ret struct{ RetractRelation struct{ Retracted bool } }
	c.MustPost(`mutation($id: ID!) { retractRelation(id: $id, reason: "wrong man") { retracted } }`, &ret, client.Var("id", relID))
	var after struct {
		Entity struct {
			DetainedBy []struct{ Name string }
			All        []struct {
				Retracted     bool
				RetractReason *string
			}
		}
	}
	c.MustPost(`{ entity(id: "`+idBrell+`") { detainedBy { name } all: relations(types: [DETAINED], includeRetracted: true) { retracted retractReason } } }`, &after)
	if len(after.Entity.DetainedBy) != 0 || len(after.Entity.All) != 1 || !after.Entity.All[0].Retracted ||
		deref(after.Entity.All[0].RetractReason) != "wrong man" {
		t.Fatalf("after retraction: %+v", after.Entity)
	}
	wantCode(t, errorsOf(t, c, `mutation { retractRelation(id: "rel:none", reason: "x") { id } }`), kg.ENotFound)
	wantCode(t, errorsOf(t, c, `mutation { retractRelation(id: "`+relID+`", reason: " ") { id } }`), kg.EInvalid)

	// Update: the old name becomes an alias.
	var upd struct {
		UpdateEntity struct {
			Name    string
			Subtype *string
			Aliases []string
		}
	}
	c.MustPost(`mutation { updateEntity(id: "`+idGuard+`", name: "Velarian Home Guard", subtype: "military") { name subtype aliases } }`, &upd)
	if upd.UpdateEntity.Name != "Velarian Home Guard" || deref(upd.UpdateEntity.Subtype) != "military" ||
		!contains(upd.UpdateEntity.Aliases, "Velarian Guard") {
		t.Fatalf("updateEntity = %+v", upd.UpdateEntity)
	}
	wantCode(t, errorsOf(t, c, `mutation { updateEntity(id: "`+idGuard+`", subtype: "bakery") { id } }`), kg.EInvalid)

	// Merge: the dropped id resolves to the kept entity, with its relations.
	var merged struct {
		MergeEntities struct {
			ID          string
			CommandedBy []struct{ Name string }
		}
		Dropped struct{ ID string }
	}
	c.MustPost(`mutation { mergeEntities(keep: "`+idBrigade+`", drop: "`+idGuard+`") { id commandedBy { name } } }`, &merged)
	if merged.MergeEntities.ID != idBrigade || len(merged.MergeEntities.CommandedBy) != 2 {
		t.Fatalf("mergeEntities = %+v, want the brigade commanded by Voss and Marek", merged.MergeEntities)
	}
	var dropped struct{ Entity struct{ ID string } }
	c.MustPost(`{ entity(id: "`+idGuard+`") { id } }`, &dropped)
	if dropped.Entity.ID != idBrigade {
		t.Fatalf("dropped id resolves to %q, want %q", dropped.Entity.ID, idBrigade)
	}
	wantCode(t, errorsOf(t, c, `mutation { mergeEntities(keep: "`+idBrell+`", drop: "`+idBrell+`") { id } }`), kg.EInvalid)

	// Ingest goes through the Ingester and returns what it saved.
	var ingested struct {
		IngestArticle struct {
			Relations int
			Article   struct{ Title string }
		}
	}
	c.MustPost(`mutation($c: String!) { ingestArticle(name: "guard.txt", content: $c) { relations article { title } } }`,
		&ingested, client.Var("c", extra.x.Article.Text))
	if ingested.IngestArticle.Relations != 1 || ingested.IngestArticle.Article.Title != "Guard report" || len(ing.names) != 1 || ing.names[0] != "guard.txt" {
		t.Fatalf("ingestArticle = %+v (names %v)", ingested.IngestArticle, ing.names)
	}
	wantCode(t, errorsOf(t, newClient(t, Config{Store: store}), `mutation { ingestArticle(name: "a.txt", content: "x") { entities } }`), kg.EUnavailable)
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

func TestTraversal(t *testing.T) {
	c := newClient(t, Config{})
	// Voss → Brigade → Brell → (Unity Party | Velaria) …: the path from Voss to Marek.
	var paths struct {
		Paths []struct {
			Length int
			Nodes  []struct{ Name string }
			Hops   []struct {
				From, To struct{ ID string }
				Relation struct {
					Type     string
					Evidence []struct{ Text string }
				}
			}
		}
	}
	c.MustPost(`{ paths(from: "`+idVoss+`", to: "`+idMarek+`") { length nodes { name } hops { from { id } to { id } relation { type evidence { text } } } } }`, &paths)
	if len(paths.Paths) == 0 {
		t.Fatal("no path from Voss to Marek")
	}
	p := paths.Paths[0]
	if p.Length != 3 || len(p.Nodes) != 4 || p.Nodes[0].Name != "Mara Voss" || p.Nodes[3].Name != "Ilse Marek" {
		t.Fatalf("path = %+v, want Voss … Marek in 3 hops", p)
	}
	if p.Hops[1].Relation.Type != "DETAINED" || p.Hops[1].Relation.Evidence[0].Text != detainSentence {
		t.Fatalf("middle hop = %+v", p.Hops[1])
	}

	var nb struct {
		Neighborhood struct {
			Nodes []struct {
				ID, Label, Type string
				Weight          int
			}
			Edges []struct {
				Source, Target, Type string
				Weight               int
			}
			Cytoscape []struct {
				Group string
				Data  struct {
					ID, Label      string
					Source, Target *string
				}
			}
			Elements []map[string]any
		}
	}
	c.MustPost(`{ neighborhood(id: "`+idBrell+`") { nodes { id label type weight } edges { source target type weight }
		cytoscape { group data { id label source target } } elements } }`, &nb)
	g := nb.Neighborhood
	// Brell, the brigade, Velaria, the party, Marek.
	if len(g.Nodes) != 5 || len(g.Edges) != 4 {
		t.Fatalf("neighborhood: %d nodes, %d edges; want 5 and 4: %+v", len(g.Nodes), len(g.Edges), g)
	}
	if len(g.Cytoscape) != 9 || len(g.Elements) != 9 {
		t.Fatalf("cytoscape %d / elements %d elements, want 9", len(g.Cytoscape), len(g.Elements))
	}
	nodes := map[string]bool{}
	for i, el := range g.Elements {
		data, ok := el["data"].(map[string]any)
		if !ok || (el["group"] != "nodes" && el["group"] != "edges") || data["id"] == nil {
			t.Fatalf("element %d is not {group, data: {id …}}: %v", i, el)
		}
		if el["group"] == "nodes" {
			nodes[data["id"].(string)] = true
			continue
		}
		// Cytoscape needs both ends added before an edge.
		if !nodes[data["source"].(string)] || !nodes[data["target"].(string)] {
			t.Fatalf("edge %v comes before its nodes", data)
		}
	}
	for i, el := range g.Cytoscape {
		if (el.Group == "edges") != (el.Data.Source != nil) {
			t.Fatalf("cytoscape element %d: %+v", i, el)
		}
	}

	var sg struct {
		Subgraph struct {
			Nodes []struct {
				ID     string
				Entity struct{ Name string }
			}
			Edges []struct{ Type string }
		}
	}
	c.MustPost(`{ subgraph(seeds: ["`+idVoss+`", "`+idMarek+`"], types: [COMMANDS, LEADS]) { nodes { id entity { name } } edges { type } } }`, &sg)
	if len(sg.Subgraph.Nodes) != 5 || len(sg.Subgraph.Edges) != 3 {
		t.Fatalf("subgraph = %+v, want 5 nodes and 3 edges", sg.Subgraph)
	}

	var tl struct {
		Timeline struct {
			TotalCount int
			Edges      []struct {
				Node struct {
					Role  *string
					Date  *string
					Event struct{ Type string }
				}
			}
		}
		CoMentions []struct {
			Entity    struct{ ID string }
			Count     int
			Sentences int
			Articles  []struct{ Title string }
		}
	}
	c.MustPost(`{ timeline(id: "`+idBrell+`") { totalCount edges { node { role date event { type } } } }
		coMentions(id: "`+idBrell+`", first: 10) { entity { id } count sentences articles { title } } }`, &tl)
	if tl.Timeline.TotalCount != 1 || deref(tl.Timeline.Edges[0].Node.Role) != "patient" || tl.Timeline.Edges[0].Node.Event.Type != "Detention" {
		t.Fatalf("timeline = %+v", tl.Timeline)
	}
	found := false
	for _, cm := range tl.CoMentions {
		if cm.Entity.ID == idVelaria {
			found = true
			if cm.Count != 2 || len(cm.Articles) != 2 || cm.Articles[0].Title != "Party congress" {
				t.Fatalf("Velaria co-mention = %+v, want 2 shared articles", cm)
			}
		}
	}
	if !found {
		t.Fatalf("Velaria not co-mentioned with Brell: %+v", tl.CoMentions)
	}
	wantCode(t, errorsOf(t, c, `{ neighborhood(id: "person:nobody") { nodes { id } } }`), kg.ENotFound)
}

func TestGraphiQLRoutes(t *testing.T) {
	h := worldHandler(t, Config{})
	for path, want := range map[string]string{
		"/?":                               "graphiql/static/graphiql.min.js",
		"/?explore":                        `href="explore"`, // GraphiQL and the explorer link to each other.
		"/graphiql/static/graphiql.min.js": "GraphiQL",
		"/graphiql/static/react.production.min.js": "React",
		"/explore":                              `href="./"`,
		"/explore/static/cytoscape.min.js":      "cytoscape",
		"/explore/static/explore.js":            "neighborhood(",
		"/explore/cytoscape-style.json":         `"selector": "node.person"`,
		"/explore/static/LICENSE.cytoscape.txt": "Cytoscape Consortium",
	} {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, httptest.NewRequest(http.MethodGet, path, nil))
		if w.Code != http.StatusOK || !strings.Contains(w.Body.String(), want) {
			t.Errorf("GET %s = %d, body lacks %q", path, w.Code, want)
		}
	}
}

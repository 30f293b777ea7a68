package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/kg"
	"github.com/newsgraph/newsgraph/loader"
	"github.com/newsgraph/newsgraph/neo4jstore"
	"github.com/newsgraph/newsgraph/sqlite"
)

// storeQuery is one query both stores must answer identically; want is a
// substring the answer must contain, so that two empty answers do not agree
// by accident.
type storeQuery struct {
	name, query string
	vars        map[string]any
	want        string
}

func storeQueries(araji, suleimani string) []storeQuery {
	idVars := map[string]any{"id": araji}
	return []storeQuery{
		{"entity", `query($id: ID!) { entity(id: $id) { id type subtype name aliases mentionCount
			articles { totalCount edges { cursor node { id title published } } }
			events { id type name date } quotes { id text start end article { id } } } }`, idVars, `"name":"Qassim al-Araji"`},
		{"who detained whom", `{ relations(types: [DETAINED]) { totalCount pageInfo { hasNextPage endCursor }
			edges { cursor node { id type source { id name } target { id name } confidence
			properties { key value } evidence { text start end extractor confidence article { id } } } } } }`, nil, `"id":"location:united-states"`},
		{"who detained Araji", whoDetainedAraji, idVars, `"id":"person:qassim-al-araji"`},
		{"relations with evidence", `{ relations(first: 500) { totalCount pageInfo { hasNextPage endCursor }
			edges { cursor node { id type source { id } target { id } confidence retracted retractReason
			properties { key value } property(key: "title")
			evidence { text start end extractor confidence article { id } } } } } }`, nil, `"evidence":[{"text":`},
		{"entity relations", `query($id: ID!) { entity(id: $id) {
			relations { id type source { id } target { id } confidence evidence { text start end } }
			detained { id } detainedBy { id } commands { id } commandedBy { id } leads { id } ledBy { id }
			roles { title status organization { id } relation { id } evidence { text } }
			memberOf { id } members { id } worksFor { id } } }`, idVars, `"relations"`},
		{"search Araji", `{ entities(query: "Araji") { totalCount pageInfo { hasNextPage endCursor }
			edges { cursor score node { id type subtype name aliases } } } }`, nil, `"id":"person:qassim-al-araji"`},
		{"search Americans", `{ entities(query: "Americans", types: [Location, Organization]) { totalCount
			edges { score node { id name } } } }`, nil, `"id":"location:united-states"`},
		{"all entities", `{ entities(first: 500) { totalCount pageInfo { hasNextPage endCursor }
			edges { cursor score node { id type subtype name aliases mentionCount } } } }`, nil, `"id":"location:united-states"`},
		{"entities paged", `{ entities(first: 7, after: "` + kg.EntityByName.Keyset(false).Cursor(kg.Key{"M", ""}) + `") { totalCount pageInfo { hasNextPage endCursor }
			edges { cursor node { id } } } }`, nil, `"cursor"`},
		{"articles", `{ articles { totalCount pageInfo { hasNextPage endCursor } edges { cursor node {
			id title source url published section text quotes { id speaker { id } text start end }
			entities(first: 500) { totalCount edges { node { id } } } } } } }`, nil, `"totalCount":1`},
		{"events", `{ events(first: 500) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node {
			id type name date place { id } participants { entity { id } role } evidence { text start end } } } } }`, nil, `"events"`},
		{"stats", `{ stats { articles entities relations events quotes evidence } }`, nil, `"articles":1`},
		{"paths Araji–Suleimani", `query($a: ID!, $b: ID!) { paths(from: $a, to: $b, maxHops: 4, limit: 10) {
			length nodes { id } hops { from { id } to { id } relation { id type evidence { text start end } } } } }`,
			map[string]any{"a": araji, "b": suleimani}, `"hops":[{"from"`},
		{"subgraph", `query($id: ID!) { subgraph(seeds: [$id], depth: 2) { truncated
			nodes { id label type subtype weight depth }
			edges { id source target type label weight confidence evidence { text start end } }
			cytoscape { group data { id label type source target weight } } elements } }`, idVars, `"id":"person:qassim-al-araji"`},
		{"neighborhood", `query($id: ID!) { neighborhood(id: $id, hops: 2) { truncated
			nodes { id label weight depth } edges { id source target type weight } } }`, idVars, `"id":"person:qassim-al-araji"`},
		{"timeline", `query($id: ID!) { timeline(id: $id) { totalCount edges { cursor node {
			date role roles event { id } evidence { text } } } } }`, idVars, `"timeline"`},
		{"coMentions", `query($id: ID!) { coMentions(id: $id, first: 50) { entity { id } count sentences articles { id } } }`, idVars, `"coMentions"`},
	}
}

func TestStoresAgree(t *testing.T) {
	cfg := neo4jConfig(t)
	ctx := context.Background()

	lite, err := sqlite.Open(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer lite.Close()
	neo, err := neo4jstore.Open(ctx, cfg)
	if err != nil {
		t.Fatalf("open Neo4j %s: %v", cfg.URI, err)
	}
	defer neo.Close()
	if _, err := neo4j.ExecuteQuery(ctx, neo.Driver(), `MATCH (n) DETACH DELETE n`, nil,
		neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(neo.Database())); err != nil {
		t.Fatalf("wipe Neo4j: %v", err)
	}

	for _, s := range []kg.Store{lite, neo} {
		srcs := loader.Files([]string{seedArticle})
		sum, err := loader.New(s).Load(ctx, srcs, nil)
		if err != nil || sum.Failed != 0 || sum.Articles != 1 {
			t.Fatalf("load the seed article into %T: %+v, %v", s, sum, err)
		}
	}
	ls, err := lite.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	ns, err := neo.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if ls != ns {
		t.Errorf("Stats differ: sqlite %+v, neo4j %+v", ls, ns)
	}

	hits, err := lite.FindEntities(ctx, kg.EntityFilter{Query: "Suleimani", Types: []kg.EntityType{kg.Person}})
	if err != nil || len(hits.Hits) == 0 {
		t.Fatalf("no Person for Suleimani in the seed article (%v)", err)
	}
	suleimani := hits.Hits[0].Entity.ID

	serve := func(s kg.Store) string {
		srv := httptest.NewServer(graph.NewHandler(graph.Config{
			Store: s, Ingest: loader.New(s),
			// The test compares answers, not cost limits: large pages allowed.
			MaxComplexity: 1 << 30, Timeout: time.Minute,
			Logger: slog.New(slog.NewTextHandler(io.Discard, nil)),
		}))
		t.Cleanup(srv.Close)
		return srv.URL
	}
	liteURL, neoURL := serve(lite), serve(neo)
	client := &http.Client{Timeout: time.Minute}
	for _, q := range storeQueries("person:qassim-al-araji", suleimani) {
		t.Run(q.name, func(t *testing.T) {
			a := postQuery(t, client, liteURL, q.query, q.vars)
			b := postQuery(t, client, neoURL, q.query, q.vars)
			if !bytes.Contains(a, []byte(q.want)) {
				t.Errorf("sqlite answer lacks %s: %.1000s", q.want, a)
			}
			if !bytes.Equal(a, b) {
				t.Errorf("sqlite and neo4j answers differ:\n%s", jsonDiff(a, b))
			}
		})
	}
}

// jsonDiff shows where two JSON answers first differ, a few lines around it.
func jsonDiff(a, b []byte) string {
	indent := func(x []byte) []string {
		var buf bytes.Buffer
		if json.Indent(&buf, x, "", "  ") != nil {
			return []string{string(x)}
		}
		return strings.Split(buf.String(), "\n")
	}
	la, lb := indent(a), indent(b)
	i := 0
	for i < len(la) && i < len(lb) && la[i] == lb[i] {
		i++
	}
	from, to := max(0, i-4), i+4
	var out strings.Builder
	fmt.Fprintf(&out, "first difference at line %d (of %d / %d)\n--- sqlite\n", i+1, len(la), len(lb))
	out.WriteString(strings.Join(la[from:min(to, len(la))], "\n"))
	out.WriteString("\n--- neo4j\n")
	out.WriteString(strings.Join(lb[from:min(to, len(lb))], "\n"))
	return out.String()
}

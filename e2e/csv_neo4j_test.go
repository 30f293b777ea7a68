package e2e

import (
	"context"
	"io"
	"log/slog"
	"net/http/httptest"
	"testing"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/kg"
)

// TestCSVIntoNeo4j is the CSV export's round trip: an empty Neo4j reads
// /export/nodes.csv and /export/edges.csv straight from a running server
// with LOAD CSV, taking labels and relationship types from the :LABEL and
// :TYPE columns as neo4j-admin import would, and then holds as many
// entities, relations, and relations of each type as the store.
func TestCSVIntoNeo4j(t *testing.T) {
	cfg := neo4jConfig(t)
	ctx := context.Background()
	store := sampleStore(t, seedArticle)
	st, err := store.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(graph.NewHandler(graph.Config{Store: store, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}))
	defer srv.Close()

	auth := neo4j.NoAuth()
	if cfg.Password != "" {
		auth = neo4j.BasicAuth(firstSet(cfg.User, "neo4j"), cfg.Password, "")
	}
	drv, err := neo4j.NewDriverWithContext(cfg.URI, auth)
	if err != nil {
		t.Fatal(err)
	}
	defer drv.Close(ctx)
	run := func(q string, params map[string]any) []*neo4j.Record {
		t.Helper()
		res, err := neo4j.ExecuteQuery(ctx, drv, q, params, neo4j.EagerResultTransformer)
		if err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		return res.Records
	}
	// A few hundred nodes: one transaction wipes them.
	wipe := func() { run("MATCH (n) DETACH DELETE n", nil) }
	wipe()
	defer wipe()

	run("LOAD CSV WITH HEADERS FROM $url AS row "+
		"CREATE (n:$(split(row.`:LABEL`, ';')) {id: row.`id:ID`, name: row.name, type: row.type, "+
		"aliases: CASE WHEN row.`aliases:string[]` IS NULL THEN [] ELSE split(row.`aliases:string[]`, ';') END})",
		map[string]any{"url": srv.URL + "/export/nodes.csv"})
	// An index for the edges' MATCH, unless the store's constraint already
	// gives one; dropped at the end, so that the neo4jstore schema, created
	// later on this server, finds no index in the way of its constraint.
	if n, _ := run("SHOW INDEXES YIELD labelsOrTypes, properties WHERE labelsOrTypes = ['Entity'] AND properties = ['id'] RETURN count(*) AS n", nil)[0].Get("n"); n.(int64) == 0 {
		run("CREATE INDEX csv_entity_id FOR (n:Entity) ON (n.id)", nil)
		defer run("DROP INDEX csv_entity_id IF EXISTS", nil)
	}
	run("CALL db.awaitIndexes()", nil)
	run("LOAD CSV WITH HEADERS FROM $url AS row "+
		"MATCH (a:Entity {id: row.`:START_ID`}), (b:Entity {id: row.`:END_ID`}) "+
		"CREATE (a)-[:$(row.`:TYPE`) {id: row.id, confidence: toFloat(row.`confidence:float`), evidence: toInteger(row.`evidence:int`)}]->(b)",
		map[string]any{"url": srv.URL + "/export/edges.csv"})

	count := func(q string) int64 {
		t.Helper()
		n, _ := run(q, nil)[0].Get("n")
		return n.(int64)
	}
	if n := count("MATCH (n:Entity) RETURN count(n) AS n"); n != int64(st.Entities) {
		t.Errorf("Neo4j holds %d entities, the store %d", n, st.Entities)
	}
	if n := count("MATCH ()-[r]->() RETURN count(r) AS n"); n != int64(st.Relations) {
		t.Errorf("Neo4j holds %d relations, the store %d", n, st.Relations)
	}
	if n := count("MATCH (n:Entity:Person) RETURN count(n) AS n"); n == 0 {
		t.Errorf("no :Entity:Person node: the :LABEL column was not read")
	}
	for _, rt := range kg.RelationTypes {
		page, err := store.ListRelations(ctx, kg.RelationListFilter{Types: []kg.RelationType{rt}, First: 1})
		if err != nil {
			t.Fatal(err)
		}
		recs := run("MATCH ()-[r]->() WHERE type(r) = $t RETURN count(r) AS n", map[string]any{"t": string(rt)})
		if n, _ := recs[0].Get("n"); n.(int64) != int64(page.Total) {
			t.Errorf("%s: Neo4j holds %d, the store %d", rt, n, page.Total)
		}
	}
	t.Logf("Neo4j read %d entities and %d relations from the CSV export", st.Entities, st.Relations)
}

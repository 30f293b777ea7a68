package neo4jstore

import (
	"context"
	"reflect"
	"testing"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/newsgraph/newsgraph/kg"
)

// TestEvidenceBackfillOfAnOldStore: a graph as the version before
// Evidence nodes left it (evidence as lists on the relationships, no
// evCount), with more relationships than one backfill batch and one whose
// lists are empty, reads the same after Open; a second Open changes
// nothing, and saves after it append to the moved evidence.
func TestEvidenceBackfillOfAnOldStore(t *testing.T) {
	s := openClean(t)
	ctx := context.Background()
	x := sharedArticle(0)
	if _, err := s.SaveExtraction(ctx, x); err != nil {
		t.Fatal(err)
	}
	ids := []string{x.Relations[0].ID, x.Relations[1].ID}
	read := func(s *Store) []*kg.Relation {
		t.Helper()
		rs, err := s.RelationsByID(ctx, ids)
		if err != nil || len(rs) != 2 || rs[0] == nil || rs[1] == nil {
			t.Fatalf("RelationsByID: %v, %v", rs, err)
		}
		return rs
	}
	want := read(s)
	exec := func(q string) {
		t.Helper()
		if _, err := neo4j.ExecuteQuery(ctx, s.driver, q, nil, neo4j.EagerResultTransformer,
			neo4j.ExecuteQueryWithDatabase(s.db)); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	// Back to the old layout.
	exec(`MATCH ()-[r]->() WHERE r.evCount IS NOT NULL
		CALL (r) {
			MATCH (x:Evidence {rel: r.id}) WITH x ORDER BY x.start
			RETURN collect(x.article) AS a, collect(x.text) AS tx, collect(x.start) AS st, collect(x.end) AS en,
				collect(x.extractor) AS ex, collect(x.confidence) AS c
		}
		SET r.evArticle = a, r.evText = tx, r.evStart = st, r.evEnd = en, r.evExtractor = ex, r.evConfidence = c
		REMOVE r.evCount`)
	exec(`MATCH (x:Evidence) DELETE x`)
	exec(`CREATE (a:Entity:Person {id: 'person:old-empty-a', type: 'Person', name: 'Old A'})
		CREATE (b:Entity:Person {id: 'person:old-empty-b', type: 'Person', name: 'Old B'})
		CREATE (a)-[:MET_WITH {id: 'rel:old-empty', confidence: 0.5, retracted: false, retractReason: '',
			articles: ['article:old'], articleConf: [0.5], evArticle: [], evText: [], evStart: [], evEnd: [],
			evExtractor: [], evConfidence: []}]->(b)`)
	exec(`UNWIND range(1, 1100) AS i
		CREATE (a:Entity:Person {id: 'person:old-many-' + i, type: 'Person', name: 'Old ' + i})
		CREATE (a)-[:MET_WITH {id: 'rel:old-many-' + i, confidence: 0.5, retracted: false, retractReason: '',
			articles: ['article:old'], articleConf: [0.5], evArticle: ['article:old'], evText: ['A met B.'],
			evStart: [0], evEnd: [8], evExtractor: ['rules'], evConfidence: [0.5]}]->(a)`)
	const evidence = `MATCH (x:Evidence) RETURN count(x) AS n`
	for i := range 2 {
		s2, err := Open(ctx, Config{URI: testURI, Password: testPassword})
		if err != nil {
			t.Fatal(err)
		}
		if got := read(s2); !reflect.DeepEqual(got, want) {
			t.Errorf("Open %d: relations read %+v, want %+v as before", i+1, got, want)
		}
		s2.Close()
		if n := count(t, s, `MATCH ()-[r]->() WHERE r.articles IS NOT NULL AND (r.evArticle IS NOT NULL OR r.evCount IS NULL) RETURN count(r) AS n`); n != 0 {
			t.Errorf("Open %d: %d relationships with evidence lists or without evCount", i+1, n)
		}
		if n := count(t, s, evidence); n != 1102 {
			t.Errorf("Open %d: %d evidence nodes, want 1102", i+1, n)
		}
		checkEvidenceNodes(t, s)
	}
	if _, err := s.SaveExtractions(ctx, []*kg.Extraction{sharedArticle(0), sharedArticle(1)}); err != nil {
		t.Fatal(err)
	}
	if rs := read(s); len(rs[0].Evidence) != 2 {
		t.Errorf("MET_WITH after a reload and a second article has %d pieces of evidence, want 2", len(rs[0].Evidence))
	}
	checkEvidenceNodes(t, s)
}

package neo4jstore

import (
	"context"
	"testing"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/newsgraph/newsgraph/kg"
)

// An article saved before versions existed (no content hash) gets one when
// the store opens, so that its text loaded again under the new,
// source-derived id is recognized instead of counted twice.
func TestVersionsBackfilledOnOpen(t *testing.T) {
	s := openClean(t)
	const text = "Old story\n\nThe Valdorian Police detained Omar Mardin."
	if _, err := neo4j.ExecuteQuery(context.Background(), s.driver, `CREATE (:Article {id: 'article:old', title: 'Old story',
		source: 'old.txt', url: '', published: '', section: '', text: $text})`, map[string]any{"text": text},
		neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(s.db)); err != nil {
		t.Fatal(err)
	}
	s2, err := Open(context.Background(), Config{URI: testURI, Password: testPassword})
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	defer s2.Close()
	vs, err := s2.ArticleVersions(context.Background(), []string{"article:old"})
	if err != nil {
		t.Fatalf("ArticleVersions: %v", err)
	}
	if len(vs[0]) != 1 || vs[0][0].ContentHash != kg.ContentHash(text) || !vs[0][0].Current {
		t.Fatalf("versions of an old article after Open = %+v, want one, current, with its hash", vs[0])
	}
	x := &kg.Extraction{Article: kg.Article{ID: kg.ArticleID("/data/old.txt"), Title: "Old story", Source: "/data/old.txt", Text: text}}
	res, err := s2.SaveExtraction(context.Background(), x)
	if err != nil {
		t.Fatalf("SaveExtraction: %v", err)
	}
	if res.DuplicateOf != "article:old" || count(t, s2, `MATCH (a:Article) RETURN count(a) AS n`) != 1 {
		t.Errorf("loading the old text again = %+v, want DuplicateOf article:old and one article", res)
	}
}

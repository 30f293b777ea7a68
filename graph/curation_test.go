package graph

import (
	"strings"
	"testing"

	"github.com/99designs/gqlgen/client"

	"github.com/newsgraph/newsgraph/loader"
)

// An edited article ingested under the same name replaces its facts: its
// old sentence is not a second piece of evidence, and the article shows
// both versions.
func TestEditedArticleReplacesItsFacts(t *testing.T) {
	store := openStore(t)
	c := newClient(t, Config{Store: store, Ingest: loader.New(store)})
	const v1 = "World News\nGuard detains Marek\n\nThe Velarian Guard detained Ilse Marek in Port Avel on Monday.\n"
	v2 := strings.Replace(v1, "Monday", "Sunday", 1)
	ingest := func(text string) {
		t.Helper()
		var r struct {
			IngestArticle struct{ Article struct{ ID string } }
		}
		c.MustPost(`mutation($c: String!) { ingestArticle(name: "guard.txt", content: $c) { article { id } } }`,
			&r, client.Var("c", text))
	}
	type result struct {
		Stats    struct{ Articles, Evidence int }
		Articles struct {
			Edges []struct {
				Node struct {
					Text        string
					ContentHash string
					Versions    []struct {
						ContentHash string
						LoadedAt    string
						Current     bool
					}
				}
			}
		}
	}
	read := func() result {
		t.Helper()
		var r result
		c.MustPost(`{ stats { articles evidence } articles(first: 5) { edges { node { text contentHash versions { contentHash loadedAt current } } } } }`, &r)
		return r
	}
	ingest(v1)
	first := read()
	if first.Stats.Articles != 1 || first.Stats.Evidence == 0 {
		t.Fatalf("after the first version: %+v", first.Stats)
	}
	ingest(v2)
	second := read()
	if second.Stats != first.Stats {
		t.Errorf("stats after the edited version = %+v, want %+v (one article, no extra evidence)", second.Stats, first.Stats)
	}
	n := second.Articles.Edges[0].Node
	if !strings.Contains(n.Text, "Sunday") || len(n.Versions) != 2 || !n.Versions[0].Current || n.Versions[1].Current ||
		n.Versions[0].ContentHash != n.ContentHash || n.Versions[1].ContentHash != first.Articles.Edges[0].Node.ContentHash ||
		n.Versions[0].LoadedAt == "" {
		t.Errorf("article after the edit = %+v, want the new text and two versions, newest current", n)
	}
	ingest(v2)
	if third := read(); len(third.Articles.Edges[0].Node.Versions) != 2 || third.Stats != first.Stats {
		t.Errorf("ingesting the same text again changed the article: %+v", third)
	}
}

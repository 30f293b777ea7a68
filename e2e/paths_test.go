package e2e

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/kg"
	"github.com/newsgraph/newsgraph/loader"
	"github.com/newsgraph/newsgraph/sqlite"
)

// TestPathAcrossSeedArticle asks the question analysts ask of the seed
// article — how is Iraq's interior minister connected to the leader of the
// Revolutionary Guards, and through whom — and requires a path whose every
// hop carries the sentence that supports it. TestStoresAgree asks the same of
// Neo4j.
func TestPathAcrossSeedArticle(t *testing.T) {
	ctx := context.Background()
	s, err := sqlite.Open(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	srcs := loader.Files([]string{seedArticle})
	if sum, err := loader.New(s).Load(ctx, srcs, nil); err != nil || sum.Articles != 1 {
		t.Fatalf("load: %+v, %v", sum, err)
	}
	hits, err := s.FindEntities(ctx, kg.EntityFilter{Query: "Qassim Suleimani", Types: []kg.EntityType{kg.Person}})
	if err != nil || len(hits.Hits) == 0 {
		t.Fatalf("no Person for Qassim Suleimani (%v)", err)
	}
	srv := httptest.NewServer(graph.NewHandler(graph.Config{Store: s,
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}))
	defer srv.Close()
	raw := postQuery(t, &http.Client{Timeout: time.Minute}, srv.URL,
		`query($a: ID!, $b: ID!) { paths(from: $a, to: $b, maxHops: 4, limit: 5) {
			length nodes { name } hops { from { name } to { name } relation { type evidence { text } } } } }`,
		map[string]any{"a": "person:qassim-al-araji", "b": hits.Hits[0].Entity.ID})
	var resp struct {
		Data struct {
			Paths []struct {
				Length int
				Nodes  []struct{ Name string }
				Hops   []struct {
					From, To struct{ Name string }
					Relation struct {
						Type     string
						Evidence []struct{ Text string }
					}
				}
			}
		}
	}
	if err := json.Unmarshal(raw, &resp); err != nil {
		t.Fatal(err)
	}
	if len(resp.Data.Paths) == 0 {
		t.Fatalf("no path from Qassim al-Araji to Qassim Suleimani within 4 hops")
	}
	for _, p := range resp.Data.Paths {
		if p.Length == 0 || len(p.Hops) != p.Length || len(p.Nodes) != p.Length+1 {
			t.Errorf("malformed path: %+v", p)
		}
		for _, h := range p.Hops {
			if len(h.Relation.Evidence) == 0 || h.Relation.Evidence[0].Text == "" {
				t.Errorf("hop %s -%s- %s has no evidence", h.From.Name, h.Relation.Type, h.To.Name)
			}
		}
	}
	p := resp.Data.Paths[0]
	for _, h := range p.Hops {
		t.Logf("%s -%s- %s: %q", h.From.Name, h.Relation.Type, h.To.Name, h.Relation.Evidence[0].Text)
	}
}

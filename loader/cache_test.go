package loader

import (
	"context"
	"slices"
	"testing"

	"github.com/newsgraph/newsgraph/kg"
	"github.com/newsgraph/newsgraph/resolve"
)

// countingStore answers entity and article reads from maps and counts the
// ids it is asked for.
type countingStore struct {
	kg.Store
	ents  map[string]*kg.Entity
	arts  map[string][]string
	asked []string
}

func (s *countingStore) Entities(ctx context.Context, ids []string) ([]*kg.Entity, error) {
	s.asked = append(s.asked, ids...)
	out := make([]*kg.Entity, len(ids))
	for i, id := range ids {
		out[i] = s.ents[id]
	}
	return out, nil
}

func (s *countingStore) EntitiesOfArticles(ctx context.Context, ids []string) ([][]string, error) {
	s.asked = append(s.asked, ids...)
	out := make([][]string, len(ids))
	for i, id := range ids {
		out[i] = slices.Clone(s.arts[id])
	}
	return out, nil
}

// TestReadCacheForgetsWrites checks that the cache reads each entity and
// article once, and again once a commit wrote it: the entity itself, the
// node a merged-away id reads, an article saved, an article that lists an
// id merged away.
func TestReadCacheForgetsWrites(t *testing.T) {
	ctx := context.Background()
	node := &kg.Entity{ID: "person:a", Name: "A"}
	s := &countingStore{
		ents: map[string]*kg.Entity{"person:a": node, "person:old": node, "person:b": {ID: "person:b"}},
		arts: map[string][]string{"article:1": {"person:a", "person:b"}, "article:2": {"person:b", "person:c"}},
	}
	c := newReadCache(s)
	read := func(want []string) {
		t.Helper()
		s.asked = nil
		if _, err := c.Entities(ctx, []string{"person:a", "person:old", "person:b", "person:new"}); err != nil {
			t.Fatal(err)
		}
		if _, err := c.EntitiesOfArticles(ctx, []string{"article:1", "article:2"}); err != nil {
			t.Fatal(err)
		}
		slices.Sort(s.asked)
		if !slices.Equal(s.asked, want) {
			t.Errorf("store asked for %v, want %v", s.asked, want)
		}
	}
	read([]string{"article:1", "article:2", "person:a", "person:b", "person:new", "person:old"})
	read(nil)
	// A commit writes node a (and so what person:old reads), creates
	// person:new, saves article 1 and merges person:c away.
	c.forget([]string{"person:a", "person:new"}, []string{"article:1"}, []string{"person:c"})
	read([]string{"article:1", "article:2", "person:a", "person:new", "person:old"})
	c.reset()
	read([]string{"article:1", "article:2", "person:a", "person:b", "person:new", "person:old"})
}

// TestReadCacheKnowsSavedArticles checks that the entities of an article
// the load saved and counted in are answered as the loader gives them,
// without a read, and that a later commit that merges one of them away
// forgets them again.
func TestReadCacheKnowsSavedArticles(t *testing.T) {
	ctx := context.Background()
	s := &countingStore{arts: map[string][]string{"article:3": {"person:x"}}}
	c := newReadCache(s)
	c.know([]resolve.Mentioned{{Article: "article:3", Nodes: []string{"person:a", "person:b"}}})
	got, err := c.EntitiesOfArticles(ctx, []string{"article:3"})
	if err != nil {
		t.Fatal(err)
	}
	if len(s.asked) != 0 || !slices.Equal(got[0], []string{"person:a", "person:b"}) {
		t.Errorf("EntitiesOfArticles = %v after asking the store for %v, want [person:a person:b] and no read", got, s.asked)
	}
	c.forget(nil, nil, []string{"person:b"})
	if got, err = c.EntitiesOfArticles(ctx, []string{"article:3"}); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(s.asked, []string{"article:3"}) || !slices.Equal(got[0], []string{"person:x"}) {
		t.Errorf("after a merge: EntitiesOfArticles = %v asking for %v, want the store's [person:x]", got, s.asked)
	}
}

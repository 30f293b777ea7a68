package loader

import (
	"context"
	"reflect"
	"slices"
	"testing"

	"github.com/newsgraph/newsgraph/kg"
)

// keyStore is a countingStore with a blocking index.
type keyStore struct {
	*countingStore
	keys map[string][]string
}

func (s *keyStore) EntitiesByKeys(ctx context.Context, keys []string) ([][]string, error) {
	out := make([][]string, len(keys))
	for i, k := range keys {
		out[i] = slices.Clone(s.keys[k])
	}
	return out, nil
}

// TestReadCacheCandidatesByKeys checks that the cache gives each key's
// hits as the store does and every hit's entity, reading an entity only
// the first time and again once a commit wrote it.
func TestReadCacheCandidatesByKeys(t *testing.T) {
	ctx := context.Background()
	a, b := &kg.Entity{ID: "person:a", Name: "A"}, &kg.Entity{ID: "person:b", Name: "B"}
	s := &keyStore{
		countingStore: &countingStore{ents: map[string]*kg.Entity{"person:a": a, "person:b": b}},
		keys:          map[string][]string{"k1": {"person:a", "person:b"}, "k2": {"person:b"}, "k3": {"person:gone"}},
	}
	c := newReadCache(s)
	read := func(asked []string) {
		t.Helper()
		s.asked = nil
		got, err := c.CandidatesByKeys(ctx, []string{"k1", "k2", "k3", "k4"})
		if err != nil {
			t.Fatal(err)
		}
		wantHits := [][]string{{"person:a", "person:b"}, {"person:b"}, {"person:gone"}, nil}
		if !reflect.DeepEqual(got.Hits, wantHits) {
			t.Errorf("hits = %v, want %v", got.Hits, wantHits)
		}
		if want := map[string]*kg.Entity{"person:a": a, "person:b": b}; !reflect.DeepEqual(got.Entities, want) {
			t.Errorf("entities = %v, want %v", got.Entities, want)
		}
		slices.Sort(s.asked)
		if !slices.Equal(s.asked, asked) {
			t.Errorf("store asked for %v, want %v", s.asked, asked)
		}
	}
	read([]string{"person:a", "person:b", "person:gone"})
	read(nil)
	c.forget([]string{"person:b"}, nil, nil)
	read([]string{"person:b"})
}

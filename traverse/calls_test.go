package traverse

import (
	"context"
	"errors"
	"sync"
	"testing"

	"github.com/newsgraph/newsgraph/kg"
)

// countingStore counts the calls made to the store it wraps, per method.
type countingStore struct {
	kg.Store
	mu    sync.Mutex
	calls map[string]int
}

func newCounting(s kg.Store) *countingStore {
	return &countingStore{Store: s, calls: map[string]int{}}
}

func (c *countingStore) count(m string) {
	c.mu.Lock()
	c.calls[m]++
	c.mu.Unlock()
}

func (c *countingStore) reset() map[string]int {
	c.mu.Lock()
	defer c.mu.Unlock()
	got := c.calls
	c.calls = map[string]int{}
	return got
}

func (c *countingStore) Entities(ctx context.Context, ids []string) ([]*kg.Entity, error) {
	c.count("Entities")
	return c.Store.Entities(ctx, ids)
}

func (c *countingStore) EntitiesWithRelations(ctx context.Context, ids []string, f kg.RelationFilter) ([]*kg.Entity, [][]*kg.Relation, error) {
	c.count("EntitiesWithRelations")
	return c.Store.EntitiesWithRelations(ctx, ids, f)
}

func (c *countingStore) Relations(ctx context.Context, ids []string, f kg.RelationFilter) ([][]*kg.Relation, error) {
	c.count("Relations")
	return c.Store.Relations(ctx, ids, f)
}

func (c *countingStore) Articles(ctx context.Context, ids []string) ([]*kg.Article, error) {
	c.count("Articles")
	return c.Store.Articles(ctx, ids)
}

func (c *countingStore) ArticlesOfEntities(ctx context.Context, ids []string) ([][]string, error) {
	c.count("ArticlesOfEntities")
	return c.Store.ArticlesOfEntities(ctx, ids)
}

func (c *countingStore) EntitiesOfArticles(ctx context.Context, ids []string) ([][]string, error) {
	c.count("EntitiesOfArticles")
	return c.Store.EntitiesOfArticles(ctx, ids)
}

func (c *countingStore) EventsOfEntities(ctx context.Context, ids []string) ([][]*kg.Event, error) {
	c.count("EventsOfEntities")
	return c.Store.EventsOfEntities(ctx, ids)
}

func total(calls map[string]int) int {
	n := 0
	for _, v := range calls {
		n += v
	}
	return n
}

// TestStoreCallsBoundedByHops proves that a traversal costs a few batch
// calls per hop level, however many entities each level holds.
func TestStoreCallsBoundedByHops(t *testing.T) {
	for _, m := range storeMakers {
		t.Run(m.name, func(t *testing.T) {
			ctx := context.Background()
			base := m.open(t)
			for _, x := range genGraph(600, 2400, 200, 7) {
				if _, err := base.SaveExtraction(ctx, x); err != nil {
					t.Fatal(err)
				}
			}
			s := newCounting(base)
			tr := New(s)
			start := kg.EntityID(kg.Organization, "Entity 00000")

			for hops := 1; hops <= 3; hops++ {
				g, err := tr.Neighborhood(ctx, start, NeighborhoodQuery{Hops: hops, From: "2000", To: "2030"})
				if err != nil {
					t.Fatal(err)
				}
				calls := s.reset()
				// One to read the centre with its relations, then per
				// further level at most one read of relations (with the
				// new entities), and per level one of articles.
				if calls["EntitiesWithRelations"] != 1 || calls["Relations"] > hops-1 || calls["Articles"] > hops || calls["Entities"] != 0 {
					t.Fatalf("%d hops: %v", hops, calls)
				}
				t.Logf("neighborhood %d hops: %d nodes, %d edges, calls %v", hops, len(g.Nodes), len(g.Edges), calls)
				if hops == 3 && len(g.Nodes) < 100 {
					t.Fatalf("3 hops reached only %d nodes: the test proves nothing", len(g.Nodes))
				}
			}

			g, err := tr.Subgraph(ctx, []string{start, kg.EntityID(kg.Person, "Entity 00001")}, SubgraphQuery{Depth: 3})
			if err != nil {
				t.Fatal(err)
			}
			calls := s.reset()
			if calls["EntitiesWithRelations"] != 1 || calls["Relations"] > 2 || calls["Entities"] != 0 || total(calls) > 3 {
				t.Fatalf("subgraph depth 3 (%d nodes): %v", len(g.Nodes), calls)
			}

			// Paths between many pairs: never more Relations calls than hops.
			found := 0
			for i := 1; i < 40; i++ {
				to := genID(i * 13)
				ps, err := tr.ShortestPaths(ctx, start, to, PathQuery{})
				if err != nil {
					t.Fatal(err)
				}
				calls := s.reset()
				hops := DefaultMaxHops
				if len(ps) > 0 {
					found++
					hops = len(ps[0].Hops)
				}
				if calls["Entities"] != 1 || calls["Relations"] > hops || total(calls) != calls["Entities"]+calls["Relations"] {
					t.Fatalf("path to %s (%d hops): %v", to, hops, calls)
				}
			}
			if found < 30 {
				t.Fatalf("only %d of 39 pairs connected: the test proves little", found)
			}

			cm, err := tr.CoMentions(ctx, start, 10)
			if err != nil {
				t.Fatal(err)
			}
			if calls := s.reset(); total(calls) > 5 || len(cm) != 10 {
				t.Fatalf("co-mentions: %d, calls %v", len(cm), calls)
			}
		})
	}
}

// genID is the id genGraph gives its i-th entity.
func genID(i int) string {
	t := kg.Person
	if i%3 == 0 {
		t = kg.Organization
	}
	return kg.EntityID(t, fmtEntity(i))
}

// cancellingStore cancels its context once the first Relations call returns.
type cancellingStore struct {
	kg.Store
	cancel context.CancelFunc
	calls  int
}

func (c *cancellingStore) Relations(ctx context.Context, ids []string, f kg.RelationFilter) ([][]*kg.Relation, error) {
	c.calls++
	rels, err := c.Store.Relations(ctx, ids, f)
	c.cancel()
	return rels, err
}

// TestCancelledBetweenLevels checks that a traversal stops at the next level
// once its context is cancelled, whatever the store does with it.
func TestCancelledBetweenLevels(t *testing.T) {
	s := newMemStore()
	loadSmall(t, s)
	for name, run := range map[string]func(context.Context, *Traverser) error{
		"paths": func(ctx context.Context, tr *Traverser) error {
			_, err := tr.ShortestPaths(ctx, alice, dave, PathQuery{})
			return err
		},
		"neighborhood": func(ctx context.Context, tr *Traverser) error {
			_, err := tr.Neighborhood(ctx, alice, NeighborhoodQuery{Hops: 4})
			return err
		},
		"subgraph": func(ctx context.Context, tr *Traverser) error {
			_, err := tr.Subgraph(ctx, []string{alice}, SubgraphQuery{Depth: 4})
			return err
		},
	} {
		ctx, cancel := context.WithCancel(context.Background())
		cs := &cancellingStore{Store: s, cancel: cancel}
		if err := run(ctx, New(cs)); !errors.Is(err, context.Canceled) {
			t.Fatalf("%s: got %v, want context.Canceled", name, err)
		}
		if cs.calls != 1 {
			t.Fatalf("%s: %d Relations calls after cancellation, want 1", name, cs.calls)
		}
	}
}

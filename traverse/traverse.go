// Package traverse explores the knowledge graph held by any kg.Store:
// shortest paths between two entities, neighborhoods and subgraphs for
// visualization, an entity's timeline of events and the entities it is
// mentioned with.
//
// Every traversal works level by level over the store's batch reads
// (kg.Store.Relations takes many ids at once), so a traversal costs a few
// store calls per hop level whatever the number of nodes on that level, and
// both backends answer alike. Every traversal is bounded by a number of hops
// and a number of visited nodes, and honours ctx cancellation between levels
// (and inside the store calls).
package traverse

import (
	"context"
	"errors"
	"fmt"
	"math"
	"sort"

	"github.com/newsgraph/newsgraph/kg"
)

// Defaults and caps of a Traverser.
const (
	// DefaultMaxHops bounds the hops of any traversal unless MaxHops says otherwise.
	DefaultMaxHops = 6
	// DefaultMaxNodes bounds the entities one traversal visits unless MaxNodes says otherwise.
	DefaultMaxNodes = 5000
	// DefaultPathLimit is the number of shortest paths returned when a query gives none.
	DefaultPathLimit = 10
	// MaxPathLimit caps the number of shortest paths one query returns.
	MaxPathLimit = 1000
	// DefaultCoMentionLimit is the number of co-mentions returned when none is asked.
	DefaultCoMentionLimit = 20
)

// Traverser runs bounded traversals over a store. It holds no per-request
// state and is safe for concurrent use.
type Traverser struct {
	s        kg.Store
	maxHops  int
	maxNodes int
}

// Option configures a Traverser.
type Option func(*Traverser)

// MaxHops sets the largest number of hops any traversal may take; queries
// asking for more are refused. Values below 1 are ignored.
func MaxHops(n int) Option {
	return func(t *Traverser) {
		if n >= 1 {
			t.maxHops = n
		}
	}
}

// MaxNodes sets the largest number of entities one traversal may visit.
// Values below 1 are ignored.
func MaxNodes(n int) Option {
	return func(t *Traverser) {
		if n >= 1 {
			t.maxNodes = n
		}
	}
}

// New returns a Traverser reading from s.
func New(s kg.Store, opts ...Option) *Traverser {
	t := &Traverser{s: s, maxHops: DefaultMaxHops, maxNodes: DefaultMaxNodes}
	for _, o := range opts {
		o(t)
	}
	return t
}

// resolve reads the entities of ids in one call and returns them in order.
// A merged id resolves to the entity it was merged into, so callers must use
// the returned entities' ids from then on. Unknown ids give kg.ENotFound.
func (t *Traverser) resolve(ctx context.Context, ids []string) ([]*kg.Entity, error) {
	es, err := t.s.Entities(ctx, ids)
	if err != nil {
		return nil, fmt.Errorf("traverse: read entities: %w", err)
	}
	if len(es) != len(ids) {
		return nil, fmt.Errorf("traverse: store returned %d entities for %d ids", len(es), len(ids))
	}
	for i, e := range es {
		if e == nil {
			return nil, kg.Errorf(kg.ENotFound, "entity %q not found", ids[i])
		}
	}
	return es, nil
}

// seeds reads the entities ids and their relations matching f in one call,
// as resolve and relations would: the relations by resolved id.
func (t *Traverser) seeds(ctx context.Context, ids []string, f kg.RelationFilter) ([]*kg.Entity, map[string][]*kg.Relation, error) {
	es, rels, err := t.s.EntitiesWithRelations(ctx, ids, f)
	if err != nil {
		return nil, nil, fmt.Errorf("traverse: read entities: %w", err)
	}
	if len(es) != len(ids) || len(rels) != len(ids) {
		return nil, nil, fmt.Errorf("traverse: store returned %d entities and %d relation lists for %d ids", len(es), len(rels), len(ids))
	}
	first := make(map[string][]*kg.Relation, len(ids))
	for i, e := range es {
		if e == nil {
			return nil, nil, kg.Errorf(kg.ENotFound, "entity %q not found", ids[i])
		}
		first[e.ID] = rels[i]
	}
	return es, first, nil
}

// twoLevels reads the entity id, its relations matching f and its
// neighbours' relations in one call, when the store can (kg.TwoLevelReader);
// otherwise second is nil and err too, and the caller reads level by level.
func (t *Traverser) twoLevels(ctx context.Context, id string, f kg.RelationFilter) (es []*kg.Entity, first, second map[string][]*kg.Relation, err error) {
	tl, ok := t.s.(kg.TwoLevelReader)
	if !ok {
		return nil, nil, nil, nil
	}
	es, rels, next, err := tl.EntitiesWithTwoLevels(ctx, []string{id}, f)
	switch {
	case errors.Is(err, errors.ErrUnsupported):
		return nil, nil, nil, nil
	case err != nil:
		return nil, nil, nil, fmt.Errorf("traverse: read entities: %w", err)
	case len(es) != 1 || len(rels) != 1:
		return nil, nil, nil, fmt.Errorf("traverse: store returned %d entities and %d relation lists for 1 id", len(es), len(rels))
	case es[0] == nil:
		return nil, nil, nil, kg.Errorf(kg.ENotFound, "entity %q not found", id)
	}
	if next == nil {
		next = map[string][]*kg.Relation{}
	}
	return es, map[string][]*kg.Relation{es[0].ID: rels[0]}, next, nil
}

// relations reads the relations of ids in one call, checking the store kept
// its one-result-per-id promise so that indexing below cannot go wrong.
func (t *Traverser) relations(ctx context.Context, ids []string, f kg.RelationFilter) ([][]*kg.Relation, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	rels, err := t.s.Relations(ctx, ids, f)
	if err != nil {
		return nil, fmt.Errorf("traverse: read relations: %w", err)
	}
	if len(rels) != len(ids) {
		return nil, fmt.Errorf("traverse: store returned %d relation lists for %d ids", len(rels), len(ids))
	}
	return rels, nil
}

// hopCount checks a requested number of hops: 0 takes def, anything outside
// [1, t.maxHops] is refused rather than silently cut, so that a client knows
// it did not get what it asked for.
func (t *Traverser) hopCount(name string, n, def int) (int, error) {
	if n == 0 {
		n = min(def, t.maxHops)
	}
	if n < 0 || n > t.maxHops {
		return 0, kg.Errorf(kg.EInvalid, "%s must be between 1 and %d, got %d", name, t.maxHops, n)
	}
	return n, nil
}

// checkFilter validates the relation types and confidence of a query.
func checkFilter(types []kg.RelationType, minConf float64) error {
	for _, rt := range types {
		if !rt.Valid() {
			return kg.Errorf(kg.EInvalid, "unknown relation type %q", rt)
		}
	}
	if minConf < 0 || minConf > 1 || math.IsNaN(minConf) {
		return kg.Errorf(kg.EInvalid, "minConfidence must be between 0 and 1, got %v", minConf)
	}
	return nil
}

// other returns the end of r that is not id, or "" when id is neither end
// or r is a self-loop (a loop never leads anywhere new).
func other(r *kg.Relation, id string) string {
	switch {
	case r.Source == r.Target:
		return ""
	case r.Source == id:
		return r.Target
	case r.Target == id:
		return r.Source
	}
	return ""
}

// reverse turns a direction around, for the search side walking backwards.
func reverse(d kg.Direction) kg.Direction {
	switch d {
	case kg.Out:
		return kg.In
	case kg.In:
		return kg.Out
	}
	return kg.Both
}

// sortedKeys returns the keys of m in order, for deterministic output.
func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

package loader

import (
	"context"
	"slices"

	"github.com/newsgraph/newsgraph/kg"
	"github.com/newsgraph/newsgraph/resolve"
)

// overlay is the committed store as the pending batch will leave it, for
// the reads resolution makes (kg.Store.Entities, EntitiesByKeys and
// CandidatesByKeys): the
// batch's new nodes, the names it gives nodes, and its joins, kept in
// memory. An article that reads something an earlier article of the batch
// writes is then decided again against the overlay instead of waiting for
// the batch to commit, so batches reach their size. The articles' mentions
// reach later decisions through resolve.LinkAll's prior articles. Only the
// writes it can tell exactly are kept (record); after any other the batch
// commits.
type overlay struct {
	kg.Store
	// seen are the store's entities as read since the last commit, by
	// node id; missing the ids it has no entity for.
	seen    map[string]*kg.Entity
	missing map[string]bool
	// nodes are the entities the batch creates or names, as it leaves
	// them; redirect its joins (id -> node); keys the blocking keys of
	// nodes (key -> node ids).
	nodes    map[string]*kg.Entity
	redirect map[string]string
	keys     map[string][]string
}

func newOverlay(s kg.Store) *overlay {
	o := &overlay{Store: s}
	o.reset()
	return o
}

// reset forgets the batch: it committed (or failed), and the store holds
// what it wrote.
func (o *overlay) reset() {
	o.seen, o.missing = map[string]*kg.Entity{}, map[string]bool{}
	o.nodes, o.redirect, o.keys = map[string]*kg.Entity{}, map[string]string{}, map[string][]string{}
}

func cloneEntity(e *kg.Entity) *kg.Entity {
	c := *e
	c.Aliases = slices.Clone(e.Aliases)
	c.Mentions = nil
	return &c
}

// Entities reads ids as the store will answer once the batch is saved:
// the batch's nodes from memory, the others from the store.
func (o *overlay) Entities(ctx context.Context, ids []string) ([]*kg.Entity, error) {
	out := make([]*kg.Entity, len(ids))
	var ask []string
	var at []int
	for i, id := range ids {
		if n, ok := o.redirect[id]; ok {
			id = n
		}
		if e := o.nodes[id]; e != nil {
			out[i] = cloneEntity(e)
			continue
		}
		ask, at = append(ask, id), append(at, i)
	}
	if len(ask) == 0 {
		return out, nil
	}
	es, err := o.Store.Entities(ctx, ask)
	if err != nil {
		return nil, err
	}
	for k, e := range es {
		if e == nil {
			o.missing[ask[k]] = true
			continue
		}
		o.seen[e.ID] = cloneEntity(e)
		if b := o.nodes[e.ID]; b != nil {
			e = b // merged into a node the batch names
		}
		out[at[k]] = cloneEntity(e)
	}
	return out, nil
}

// EntitiesByKeys adds the batch's nodes under each key to the store's
// (sorted, at most kg.MaxKeyHits, as the store would answer: a node's keys
// only grow through a save the overlay records).
func (o *overlay) EntitiesByKeys(ctx context.Context, keys []string) ([][]string, error) {
	hits, err := o.Store.EntitiesByKeys(ctx, keys)
	if err != nil {
		return nil, err
	}
	for i, k := range keys {
		if add := o.keys[k]; len(add) > 0 {
			ids := append(slices.Clone(hits[i]), add...)
			slices.Sort(ids)
			ids = slices.Compact(ids)
			hits[i] = ids[:min(len(ids), kg.MaxKeyHits)]
		}
	}
	return hits, nil
}

// CandidatesByKeys is EntitiesByKeys with the entities of its hits as
// Entities gives them.
func (o *overlay) CandidatesByKeys(ctx context.Context, keys []string) (kg.KeyCandidates, error) {
	c, err := o.Store.CandidatesByKeys(ctx, keys)
	if err != nil {
		return c, err
	}
	out := kg.KeyCandidates{Hits: c.Hits, Entities: map[string]*kg.Entity{}}
	for i, k := range keys {
		if add := o.keys[k]; len(add) > 0 {
			ids := append(slices.Clone(c.Hits[i]), add...)
			slices.Sort(ids)
			ids = slices.Compact(ids)
			out.Hits[i] = ids[:min(len(ids), kg.MaxKeyHits)]
		}
	}
	for _, e := range c.Entities {
		o.seen[e.ID] = cloneEntity(e)
	}
	for _, ids := range out.Hits {
		for _, id := range ids {
			if _, ok := out.Entities[id]; ok {
				continue
			}
			switch e := c.Entities[id]; {
			case o.nodes[id] != nil:
				out.Entities[id] = cloneEntity(o.nodes[id])
			case e != nil:
				out.Entities[id] = cloneEntity(e)
			default:
				o.missing[id] = true
			}
		}
	}
	return out, nil
}

// record adds what saving p's article x, decided as lk, writes to the
// entities: the nodes it creates (the first article to name one names and
// types it), the names it adds to nodes as aliases, and its joins of new
// ids into nodes. It reports false, having recorded part of it at most, when x
// writes more than that (a join that renames a node or folds one, of an
// id the store or the batch holds, or into a node it cannot tell): the
// batch must then commit before the next article is decided.
func (o *overlay) record(p *resolve.Prepared, lk resolve.Linked) bool {
	x := p.X
	for _, j := range x.Joins {
		if j.Merge.Name != "" || j.Merge.Method != kg.MergeAuto {
			return false
		}
		if !o.missing[j.ID] || o.nodes[j.ID] != nil || o.redirect[j.ID] != "" || o.redirect[j.Node] != "" {
			return false
		}
		if o.nodes[j.Node] == nil && o.seen[j.Node] == nil {
			return false
		}
		o.redirect[j.ID] = j.Node
	}
	for _, e := range x.Entities {
		node := lk.Nodes[e.ID]
		cur := o.nodes[node]
		switch {
		case cur != nil:
		case o.seen[node] != nil:
			cur = cloneEntity(o.seen[node])
		case node == e.ID && o.missing[e.ID]:
			cur = &kg.Entity{ID: node, Type: e.Type, Subtype: e.Subtype, Name: e.Name, Aliases: []string{}}
		default:
			return false
		}
		cur.Aliases = aliasesOf(cur.Name, append(append(cur.Aliases, e.Name), e.Aliases...))
		o.nodes[node] = cur
		// A node's keys are those of each of its names: the store has
		// those of the names it held. (A type that does not resolve has
		// none.) Of the node's type they are the keys Prepare built of
		// e's names, unless the node is of another type.
		ks := p.Keys(e.ID)
		if cur.Type != e.Type {
			ks = resolve.Keys(cur.Type, append([]string{e.Name}, e.Aliases...))
		}
		for _, k := range ks {
			if !slices.Contains(o.keys[k], node) {
				o.keys[k] = append(o.keys[k], node)
			}
		}
	}
	return true
}

// aliasesOf are an entity's aliases as the stores keep them: every name
// given to it other than its name, sorted, once each.
func aliasesOf(name string, names []string) []string {
	out := make([]string, 0, len(names))
	for _, a := range names {
		if a != "" && a != name {
			out = append(out, a)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

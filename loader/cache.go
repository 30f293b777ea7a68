package loader

import (
	"context"
	"slices"

	"github.com/newsgraph/newsgraph/kg"
	"github.com/newsgraph/newsgraph/resolve"
)

// maxCached bounds the entries the read cache keeps of each kind; past it
// the cache starts over rather than grow with the graph.
const maxCached = 1 << 17

// readCache is the store as the loader's resolution reads it: an entity
// and the entities of an article are read once and kept until a commit of
// the load writes them (forget), so that the candidates every window of a
// cast meets are not read again window after window (at 10,000 generated
// articles those reads were a quarter of the load's CPU). Reads go to the
// store as before the first time, so decisions are the same; only the
// load's own writes change what it reads, as its batching already assumes.
type readCache struct {
	kg.Store
	ents map[string]*kg.Entity // by id as asked; nil: unknown
	// asked are, by node id, the ids asked for that resolved to it (a
	// merged-away id reads its node).
	asked map[string][]string
	arts  map[string][]string // entities of articles
	// listed are, by entity id, the cached articles that list it.
	listed map[string][]string
}

func newReadCache(s kg.Store) *readCache {
	c := &readCache{Store: s}
	c.reset()
	return c
}

// reset forgets everything.
func (c *readCache) reset() {
	c.ents, c.asked = map[string]*kg.Entity{}, map[string][]string{}
	c.arts, c.listed = map[string][]string{}, map[string][]string{}
}

// Entities reads the entities of ids not read since they were last
// written, and gives the others as read then.
func (c *readCache) Entities(ctx context.Context, ids []string) ([]*kg.Entity, error) {
	var miss []string
	for _, id := range ids {
		if _, ok := c.ents[id]; !ok {
			miss = append(miss, id)
		}
	}
	if miss = uniq(miss); len(miss) > 0 {
		es, err := c.Store.Entities(ctx, miss)
		if err != nil {
			return nil, err
		}
		if len(c.ents)+len(miss) > maxCached {
			c.ents, c.asked = map[string]*kg.Entity{}, map[string][]string{}
		}
		for i, id := range miss {
			c.ents[id] = es[i]
			if es[i] != nil && es[i].ID != id {
				c.asked[es[i].ID] = append(c.asked[es[i].ID], id)
			}
		}
	}
	out := make([]*kg.Entity, len(ids))
	for i, id := range ids {
		out[i] = c.ents[id]
	}
	return out, nil
}

// CandidatesByKeys reads the keys' hits, and the entities of those not
// read since they were last written (Entities).
func (c *readCache) CandidatesByKeys(ctx context.Context, keys []string) (kg.KeyCandidates, error) {
	hits, err := c.Store.EntitiesByKeys(ctx, keys)
	if err != nil {
		return kg.KeyCandidates{}, err
	}
	var ids []string
	for _, h := range hits {
		ids = append(ids, h...)
	}
	ids = uniq(ids)
	es, err := c.Entities(ctx, ids)
	if err != nil {
		return kg.KeyCandidates{}, err
	}
	out := kg.KeyCandidates{Hits: hits, Entities: make(map[string]*kg.Entity, len(ids))}
	for i, e := range es {
		if e != nil {
			out.Entities[ids[i]] = e
		}
	}
	return out, nil
}

// EntitiesOfArticles reads the entities of the articles not read since
// they were last written, and gives the others as read then.
func (c *readCache) EntitiesOfArticles(ctx context.Context, ids []string) ([][]string, error) {
	var miss []string
	for _, id := range ids {
		if _, ok := c.arts[id]; !ok {
			miss = append(miss, id)
		}
	}
	if miss = uniq(miss); len(miss) > 0 {
		ls, err := c.Store.EntitiesOfArticles(ctx, miss)
		if err != nil {
			return nil, err
		}
		if len(c.arts)+len(miss) > maxCached {
			c.arts, c.listed = map[string][]string{}, map[string][]string{}
		}
		for i, id := range miss {
			c.arts[id] = ls[i]
			for _, e := range ls[i] {
				c.listed[e] = append(c.listed[e], id)
			}
		}
	}
	out := make([][]string, len(ids))
	for i, id := range ids {
		out[i] = slices.Clone(c.arts[id])
	}
	return out, nil
}

// forget drops what a commit wrote: the entities its articles mention or
// remove and the nodes they are (their names, their existence), the
// articles it saved, and the articles that list an id merged away
// (moved, whose lists change).
func (c *readCache) forget(entities, articles, merged []string) {
	for _, id := range entities {
		delete(c.ents, id)
		for _, a := range c.asked[id] {
			delete(c.ents, a)
		}
		delete(c.asked, id)
	}
	for _, id := range merged {
		articles = append(articles, c.listed[id]...)
	}
	for _, a := range articles {
		delete(c.arts, a)
	}
}

// know records the entities of articles just saved, as the loader counts
// them in (resolve.Mentioned: the nodes the article's entities are once
// saved), so that the candidates' latest articles, which are mostly the
// ones the load just saved, are not read back.
func (c *readCache) know(ms []resolve.Mentioned) {
	if len(c.arts)+len(ms) > maxCached {
		c.arts, c.listed = map[string][]string{}, map[string][]string{}
	}
	for _, m := range ms {
		c.arts[m.Article] = m.Nodes
		for _, e := range m.Nodes {
			c.listed[e] = append(c.listed[e], m.Article)
		}
	}
}

// keep caches the nodes a commit left as the loader's overlay recorded
// them (by id; redirect maps the ids the commit joined into them), except
// those of skip, which the commit wrote in ways the overlay does not
// record: a node every window of a cast meets is then not read back
// after each commit that mentions it (forget dropped them).
func (c *readCache) keep(nodes map[string]*kg.Entity, redirect map[string]string, skip []string) {
	if len(c.ents)+len(nodes)+len(redirect) > maxCached {
		c.ents, c.asked = map[string]*kg.Entity{}, map[string][]string{}
	}
	out := make(map[string]bool, len(skip))
	for _, id := range skip {
		out[id] = true
	}
	for id, e := range nodes {
		if out[id] {
			continue
		}
		c.ents[id] = cloneEntity(e)
	}
	for from, to := range redirect {
		if out[from] || out[to] || nodes[to] == nil {
			continue
		}
		c.ents[from] = cloneEntity(nodes[to])
		c.asked[to] = append(c.asked[to], from)
	}
}

func uniq(v []string) []string {
	slices.Sort(v)
	return slices.Compact(v)
}

// touches are the entities saving x (decided as lk, replacing a version
// that mentioned old) writes or removes, and the nodes they are.
func touches(x *kg.Extraction, old []string, lk resolve.Linked) []string {
	out := slices.Clone(old)
	for _, e := range x.Entities {
		out = append(out, e.ID)
		if n := lk.Nodes[e.ID]; n != "" {
			out = append(out, n)
		}
	}
	for _, j := range x.Joins {
		out = append(out, j.Node, j.ID)
	}
	return out
}

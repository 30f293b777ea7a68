package graph

import (
	"context"
	"fmt"
	"slices"

	"github.com/vektah/gqlparser/v2/ast"

	"github.com/newsgraph/newsgraph/graph/model"
	"github.com/newsgraph/newsgraph/kg"
	"github.com/newsgraph/newsgraph/traverse"
)

// pageSize validates a requested page size: nil takes the default, values
// above the configured maximum are clamped (as the schema documents), zero
// and negative values are refused.
func (r *Resolver) pageSize(first *int) (int, error) {
	if first == nil {
		return min(kg.DefaultPageSize, r.maxPage), nil
	}
	if *first < 1 {
		return 0, kg.Errorf(kg.EInvalid, "first must be at least 1, got %d", *first)
	}
	return min(*first, r.maxPage), nil
}

// page is what first/after select: a page size and the cursor the page
// follows.
type page struct {
	size  int
	after string
}

func (r *Resolver) page(first *int, after *string) (page, error) {
	n, err := r.pageSize(first)
	if err != nil {
		return page{}, err
	}
	return page{n, deref(after)}, nil
}

// window pages a list held in memory, sorted in ks's order with key(i)
// the key of item i, by keyset as the stores do: it returns the part
// [lo, hi) of the n items that p selects and the cursor after each.
func (p page) window(ks kg.Keyset, n int, key func(i int) kg.Key) (lo, hi int, cursors []string, err error) {
	lo, hi, err = ks.Window(n, key, p.after, p.size)
	if err != nil {
		return 0, 0, nil, err
	}
	cursors = make([]string, 0, hi-lo)
	for i := lo; i < hi; i++ {
		cursors = append(cursors, ks.Cursor(key(i)))
	}
	return lo, hi, cursors, nil
}

// articleEntitiesKeyset orders an article's entities by id.
var articleEntitiesKeyset = kg.NewKeyset("article/entities")

// pageInfo describes a page whose edges have cursors.
func pageInfo(hasNext, hasPrev bool, cursors []string) *model.PageInfo {
	pi := &model.PageInfo{HasNextPage: hasNext, HasPreviousPage: hasPrev}
	if n := len(cursors); n > 0 {
		pi.StartCursor, pi.EndCursor = &cursors[0], &cursors[n-1]
	}
	return pi
}

func deref[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}

// nullable makes "" a GraphQL null.
func nullable(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func validEventType(t string) bool { return slices.Contains(kg.EventTypes, t) }

func checkConfidence(c *float64) (float64, error) {
	if c == nil {
		return 0, nil
	}
	if *c < 0 || *c > 1 {
		return 0, kg.Errorf(kg.EInvalid, "minConfidence must be in [0, 1], got %g", *c)
	}
	return *c, nil
}

// entity loads one entity through the request's loader.
func (r *Resolver) entity(ctx context.Context, id string) (*kg.Entity, error) {
	e, err := r.loaders(ctx).entities.Load(ctx, id)
	if err != nil {
		return nil, fmt.Errorf("load entity %q: %w", id, err)
	}
	return e, nil
}

// relationsAhead is the filter of the relations the query asks of the
// entity being resolved, when it selects one `relations` field on it and
// without arguments: the filter entityResolver.Relations makes of it.
func relationsAhead(ctx context.Context) (kg.RelationFilter, bool) {
	var found []*ast.Field
	eachField(selections(ctx), func(f *ast.Field) {
		if f.Name == "relations" {
			found = append(found, f)
		}
	})
	if len(found) != 1 || len(found[0].Arguments) > 0 {
		return kg.RelationFilter{}, false
	}
	return kg.RelationFilter{Direction: kg.Both, Read: relationRead([]ast.SelectionSet{found[0].SelectionSet})}, true
}

// entityWithRelations reads an entity and its relations matching f in one
// store call, and primes the request's loaders with both, so that the
// relations field (see relationsAhead) needs no store call of its own.
func (r *Resolver) entityWithRelations(ctx context.Context, id string, f kg.RelationFilter) (*kg.Entity, error) {
	es, rels, err := r.store.EntitiesWithRelations(ctx, []string{id}, f)
	if err != nil {
		return nil, fmt.Errorf("load entity %q: %w", id, err)
	}
	if len(es) != 1 || len(rels) != 1 {
		return nil, fmt.Errorf("load entity %q: store returned %d entities and %d relation lists for 1 id", id, len(es), len(rels))
	}
	e := es[0]
	if e == nil {
		return nil, nil
	}
	l := r.loaders(ctx)
	l.entities.Prime(id, e)
	l.entities.Prime(e.ID, e)
	l.Relations(f).Prime(e.ID, rels[0])
	return e, nil
}

// mustEntity loads an entity a non-null field points to; a dangling id is
// an internal inconsistency, not the client's fault.
func (r *Resolver) mustEntity(ctx context.Context, id string) (*kg.Entity, error) {
	e, err := r.entity(ctx, id)
	if err == nil && e == nil {
		err = fmt.Errorf("dangling entity id %q", id)
	}
	return e, err
}

func (r *Resolver) mustArticle(ctx context.Context, id string) (*kg.Article, error) {
	a, err := r.loaders(ctx).articles.Load(ctx, id)
	if err != nil {
		return nil, fmt.Errorf("load article %q: %w", id, err)
	}
	if a == nil {
		return nil, fmt.Errorf("dangling article id %q", id)
	}
	return a, nil
}

// entitiesByID loads entities in order, dropping unknown ids and the
// duplicates that merges can make.
func (r *Resolver) entitiesByID(ctx context.Context, ids []string) ([]*kg.Entity, error) {
	es, err := r.loaders(ctx).entities.LoadAll(ctx, ids)
	if err != nil {
		return nil, fmt.Errorf("load entities: %w", err)
	}
	out := make([]*kg.Entity, 0, len(es))
	seen := make(map[string]bool, len(es))
	for _, e := range es {
		if e != nil && !seen[e.ID] {
			seen[e.ID] = true
			out = append(out, e)
		}
	}
	return out, nil
}

// baseFilter is the filter every typed convenience field shares, so that
// detained, commands, roles … of one entity cost a single batched read.
var baseFilter = kg.RelationFilter{Direction: kg.Both}

// related returns the entities at the other end of obj's relations of type
// t in direction d (Out: obj is the source; In: obj is the target).
func (r *Resolver) related(ctx context.Context, obj *kg.Entity, t kg.RelationType, d kg.Direction) ([]*kg.Entity, error) {
	rels, err := r.typedRelations(ctx, obj, t, d)
	if err != nil {
		return nil, err
	}
	ids := make([]string, len(rels))
	for i, rel := range rels {
		ids[i] = rel.Target
		if d == kg.In {
			ids[i] = rel.Source
		}
	}
	return r.entitiesByID(ctx, ids)
}

func (r *Resolver) typedRelations(ctx context.Context, obj *kg.Entity, t kg.RelationType, d kg.Direction) ([]*kg.Relation, error) {
	all, err := r.loaders(ctx).Relations(baseFilter).Load(ctx, obj.ID)
	if err != nil {
		return nil, fmt.Errorf("load relations of %q: %w", obj.ID, err)
	}
	var out []*kg.Relation
	for _, rel := range all {
		if rel.Type != t {
			continue
		}
		if (d == kg.Out && rel.Source == obj.ID) || (d == kg.In && rel.Target == obj.ID) ||
			(t.Symmetric() && (rel.Source == obj.ID || rel.Target == obj.ID)) {
			out = append(out, rel)
		}
	}
	return out, nil
}

// sortArticles orders articles as the store's listing does by default:
// newest first, undated last, then by id.
func sortArticles(as []*kg.Article) {
	slices.SortFunc(as, func(a, b *kg.Article) int { return kg.CompareArticles(kg.ArticleByNewest, a, b) })
}

// sortRelations orders rels as the stores' ListRelations does in order o
// and returns their keys in o's keyset, in the new order. The LATEST order
// needs the publication dates of the relations' articles, which it reads
// through the request's article loader in one batch.
func (r *Resolver) sortRelations(ctx context.Context, rels []*kg.Relation, o kg.RelationOrder) ([]kg.Key, error) {
	latest := map[string]string{}
	if o == kg.RelationByLatest {
		var ids []string
		for _, rel := range rels {
			for _, ev := range rel.Evidence {
				ids = append(ids, ev.ArticleID)
			}
		}
		slices.Sort(ids)
		ids = slices.Compact(ids)
		as, err := r.loaders(ctx).articles.LoadAll(ctx, ids)
		if err != nil {
			return nil, fmt.Errorf("load articles of relations: %w", err)
		}
		published := make(map[string]string, len(as))
		for _, a := range as {
			if a != nil {
				published[a.ID] = a.Published
			}
		}
		for _, rel := range rels {
			for _, ev := range rel.Evidence {
				latest[rel.ID] = max(latest[rel.ID], published[ev.ArticleID])
			}
		}
	}
	ks := o.Keyset()
	keys := make(map[string]kg.Key, len(rels))
	for _, rel := range rels {
		keys[rel.ID] = o.Key(rel, latest[rel.ID])
	}
	slices.SortFunc(rels, func(a, b *kg.Relation) int { return ks.Compare(keys[a.ID], keys[b.ID]) })
	out := make([]kg.Key, len(rels))
	for i, rel := range rels {
		out[i] = keys[rel.ID]
	}
	return out, nil
}

func evidencePtrs(ev []kg.Evidence) []*kg.Evidence {
	out := make([]*kg.Evidence, len(ev))
	for i := range ev {
		out[i] = &ev[i]
	}
	return out
}

// primeGraph puts the entities a traversal already read into the request's
// entity loader, so fields under the graph's nodes need no store call. A
// brief traversal's entities are partial and stay out.
func (r *Resolver) primeGraph(ctx context.Context, g *traverse.Graph, brief bool) {
	if brief {
		return
	}
	ld := r.loaders(ctx).entities
	for _, n := range g.Nodes {
		if n.Entity != nil {
			ld.Prime(n.ID, n.Entity)
		}
	}
}

// ingestWithin runs in.Ingest but answers as soon as ctx ends: extraction
// is CPU work that does not watch ctx, so a request past its timeout or the
// shutdown grace would otherwise hold its client (and, at shutdown, be cut
// off with no answer). The abandoned ingest goes on alone; its save sees
// the ended ctx and writes nothing.
func ingestWithin(ctx context.Context, in Ingester, name string, data []byte) (kg.SaveResult, error) {
	type result struct {
		res kg.SaveResult
		err error
	}
	done := make(chan result, 1)
	go func() {
		res, err := in.Ingest(ctx, name, data)
		done <- result{res, err}
	}()
	select {
	case r := <-done:
		return r.res, r.err
	case <-ctx.Done():
		select {
		case r := <-done: // finished as ctx ended: its own outcome is the truth
			return r.res, r.err
		default:
		}
		return kg.SaveResult{}, ctx.Err()
	}
}

// graphEnds fills in the end entities of the relations of g's edges when
// the query selects edges { relation { source or target } } (withEnds).
func (r *Resolver) graphEnds(ctx context.Context, g *traverse.Graph) error {
	if !selectsEnds(path(selections(ctx), "edges", "relation")) {
		return nil
	}
	rels := make([]*kg.Relation, len(g.Edges))
	for i := range g.Edges {
		rels[i] = g.Edges[i].Relation
	}
	rels, err := r.withEnds(ctx, rels)
	if err != nil {
		return err
	}
	for i := range g.Edges {
		g.Edges[i].Relation = rels[i]
	}
	return nil
}

// pathEnds fills in the end entities of the relations of ps's hops when
// the query selects hops { relation { source or target } } (withEnds).
func (r *Resolver) pathEnds(ctx context.Context, ps []traverse.Path) error {
	if !selectsEnds(path(selections(ctx), "hops", "relation")) {
		return nil
	}
	var rels []*kg.Relation
	for _, p := range ps {
		for _, h := range p.Hops {
			rels = append(rels, h.Relation)
		}
	}
	rels, err := r.withEnds(ctx, rels)
	if err != nil {
		return err
	}
	k := 0
	for _, p := range ps {
		for j := range p.Hops {
			p.Hops[j].Relation, k = rels[k], k+1
		}
	}
	return nil
}

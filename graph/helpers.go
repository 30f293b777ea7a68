package graph

import (
	"cmp"
	"context"
	"fmt"
	"slices"

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

// page is the offset window that first/after select.
type page struct{ offset, size int }

func (r *Resolver) page(first *int, after *string) (page, error) {
	n, err := r.pageSize(first)
	if err != nil {
		return page{}, err
	}
	off, err := kg.DecodeCursor(deref(after))
	if err != nil {
		return page{}, err
	}
	return page{off, n}, nil
}

// window returns the part of n items that p selects, as [lo, hi).
func (p page) window(n int) (lo, hi int) {
	lo = min(p.offset, n)
	hi = min(lo+p.size, n)
	return lo, hi
}

func pageInfo(hasNext bool, end string) *model.PageInfo {
	pi := &model.PageInfo{HasNextPage: hasNext}
	if end != "" {
		pi.EndCursor = &end
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

// sortArticles orders articles as the store's listing does: newest first,
// undated last, then by id.
func sortArticles(as []*kg.Article) {
	slices.SortStableFunc(as, func(a, b *kg.Article) int {
		switch {
		case a.Published == b.Published:
			return cmp.Compare(a.ID, b.ID)
		case a.Published == "":
			return 1
		case b.Published == "":
			return -1
		}
		return cmp.Compare(b.Published, a.Published)
	})
}

// sortRelations orders rels as the stores' ListRelations does in order o.
// The LATEST order needs the publication dates of the relations' articles,
// which it reads through the request's article loader in one batch.
func (r *Resolver) sortRelations(ctx context.Context, rels []*kg.Relation, o kg.RelationOrder) ([]*kg.Relation, error) {
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
	slices.SortFunc(rels, func(a, b *kg.Relation) int {
		return kg.CompareRelations(o, a, b, latest[a.ID], latest[b.ID])
	})
	return rels, nil
}

func evidencePtrs(ev []kg.Evidence) []*kg.Evidence {
	out := make([]*kg.Evidence, len(ev))
	for i := range ev {
		out[i] = &ev[i]
	}
	return out
}

// endCursor is the cursor after the last item of the window [lo, hi), or ""
// for an empty window.
func endCursor(lo, hi int) string {
	if hi <= lo {
		return ""
	}
	return kg.EncodeCursor(hi)
}

// primeGraph puts the entities a traversal already read into the request's
// entity loader, so fields under the graph's nodes need no store call.
func (r *Resolver) primeGraph(ctx context.Context, g *traverse.Graph) {
	ld := r.loaders(ctx).entities
	for _, n := range g.Nodes {
		if n.Entity != nil {
			ld.Prime(n.ID, n.Entity)
		}
	}
}

package graph

import (
	"context"
	"errors"
	"fmt"
	"sync/atomic"

	"github.com/newsgraph/newsgraph/kg"
)

// CodeBudgetExceeded is the code of a request stopped by its store budget.
const CodeBudgetExceeded = "STORE_BUDGET_EXCEEDED"

// storeBudget is the store work one request may do: calls and rows (items
// returned). It backs up the cost estimate, which cannot know how many
// relations an entity really has: whatever the estimate said, a request
// stops when it has read this much.
type storeBudget struct {
	maxCalls, maxRows int64
	calls, rows       atomic.Int64
}

// call charges one store call, refused once the budget is spent.
func (b *storeBudget) call() error {
	if b == nil {
		return nil
	}
	if b.calls.Add(1) > b.maxCalls {
		return kg.Errorf(CodeBudgetExceeded, "this request needed more than %d store reads, the limit per request; ask for fewer or smaller lists", b.maxCalls)
	}
	return b.over()
}

// read charges n rows read.
func (b *storeBudget) read(n int) error {
	if b == nil {
		return nil
	}
	b.rows.Add(int64(n))
	return b.over()
}

func (b *storeBudget) over() error {
	if b.rows.Load() > b.maxRows {
		return kg.Errorf(CodeBudgetExceeded, "this request read more than %d items from the store, the limit per request; ask for fewer or smaller lists, or fewer hops", b.maxRows)
	}
	return nil
}

func budgetOf(ctx context.Context) *storeBudget {
	if st := stateFrom(ctx); st != nil {
		return st.budget
	}
	return nil
}

// budgetStore charges the reads of a store to the budget of the request in
// their context; other methods (writes, and any added later) pass through.
type budgetStore struct{ kg.Store }

// charged runs one store read and charges it with the rows it returned.
func charged[T any](ctx context.Context, read func() (T, error), rows func(T) int) (T, error) {
	b := budgetOf(ctx)
	if err := b.call(); err != nil {
		var zero T
		return zero, err
	}
	v, err := read()
	if err != nil {
		return v, err
	}
	if err := b.read(rows(v)); err != nil {
		var zero T
		return zero, err
	}
	return v, nil
}

func count[T any](xs []T) int { return len(xs) }

func countNested[T any](xss [][]T) int {
	n := len(xss)
	for _, xs := range xss {
		n += len(xs)
	}
	return n
}

// Entities charges a batched read.
func (s budgetStore) Entities(ctx context.Context, ids []string) ([]*kg.Entity, error) {
	return charged(ctx, func() ([]*kg.Entity, error) { return s.Store.Entities(ctx, ids) }, count)
}

// FindEntities charges a page.
func (s budgetStore) FindEntities(ctx context.Context, f kg.EntityFilter) (*kg.EntityPage, error) {
	return charged(ctx, func() (*kg.EntityPage, error) { return s.Store.FindEntities(ctx, f) },
		func(p *kg.EntityPage) int { return len(p.Hits) })
}

// Relations charges every relation of every entity.
func (s budgetStore) Relations(ctx context.Context, ids []string, f kg.RelationFilter) ([][]*kg.Relation, error) {
	return charged(ctx, func() ([][]*kg.Relation, error) { return s.Store.Relations(ctx, ids, f) }, countNested)
}

// EntitiesWithRelations charges one call with every entity and relation.
func (s budgetStore) EntitiesWithRelations(ctx context.Context, ids []string, f kg.RelationFilter) ([]*kg.Entity, [][]*kg.Relation, error) {
	type both struct {
		es   []*kg.Entity
		rels [][]*kg.Relation
	}
	v, err := charged(ctx, func() (both, error) {
		es, rels, err := s.Store.EntitiesWithRelations(ctx, ids, f)
		return both{es, rels}, err
	}, func(v both) int { return len(v.es) + countNested(v.rels) })
	return v.es, v.rels, err
}

// EntitiesWithTwoLevels charges one call with every entity and relation of
// both levels, when the wrapped store reads two levels itself
// (kg.TwoLevelReader).
func (s budgetStore) EntitiesWithTwoLevels(ctx context.Context, ids []string, f kg.RelationFilter) ([]*kg.Entity, [][]*kg.Relation, map[string][]*kg.Relation, error) {
	tl, ok := s.Store.(kg.TwoLevelReader)
	if !ok {
		return nil, nil, nil, fmt.Errorf("graph: two-level read: %w", errors.ErrUnsupported)
	}
	type all struct {
		es   []*kg.Entity
		rels [][]*kg.Relation
		next map[string][]*kg.Relation
	}
	v, err := charged(ctx, func() (all, error) {
		es, rels, next, err := tl.EntitiesWithTwoLevels(ctx, ids, f)
		return all{es, rels, next}, err
	}, func(v all) int {
		n := len(v.es) + countNested(v.rels)
		for _, rs := range v.next {
			n += 1 + len(rs)
		}
		return n
	})
	return v.es, v.rels, v.next, err
}

// ListRelations charges a page.
func (s budgetStore) ListRelations(ctx context.Context, f kg.RelationListFilter) (*kg.RelationPage, error) {
	return charged(ctx, func() (*kg.RelationPage, error) { return s.Store.ListRelations(ctx, f) },
		func(p *kg.RelationPage) int { return len(p.Relations) })
}

// RelationsByID charges a batched read.
func (s budgetStore) RelationsByID(ctx context.Context, ids []string) ([]*kg.Relation, error) {
	return charged(ctx, func() ([]*kg.Relation, error) { return s.Store.RelationsByID(ctx, ids) }, count)
}

// Articles charges a batched read.
func (s budgetStore) Articles(ctx context.Context, ids []string) ([]*kg.Article, error) {
	return charged(ctx, func() ([]*kg.Article, error) { return s.Store.Articles(ctx, ids) }, count)
}

// ListArticles charges a page.
func (s budgetStore) ListArticles(ctx context.Context, f kg.ArticleFilter) (*kg.ArticlePage, error) {
	return charged(ctx, func() (*kg.ArticlePage, error) { return s.Store.ListArticles(ctx, f) },
		func(p *kg.ArticlePage) int { return len(p.Articles) })
}

// ArticlesOfEntities charges every id returned.
func (s budgetStore) ArticlesOfEntities(ctx context.Context, ids []string) ([][]string, error) {
	return charged(ctx, func() ([][]string, error) { return s.Store.ArticlesOfEntities(ctx, ids) }, countNested)
}

// LatestArticlesOfEntities charges every id returned.
func (s budgetStore) LatestArticlesOfEntities(ctx context.Context, ids []string, n int) ([][]string, error) {
	return charged(ctx, func() ([][]string, error) { return s.Store.LatestArticlesOfEntities(ctx, ids, n) }, countNested)
}

// EntitiesOfArticles charges every id returned.
func (s budgetStore) EntitiesOfArticles(ctx context.Context, ids []string) ([][]string, error) {
	return charged(ctx, func() ([][]string, error) { return s.Store.EntitiesOfArticles(ctx, ids) }, countNested)
}

// Events charges a batched read.
func (s budgetStore) Events(ctx context.Context, ids []string) ([]*kg.Event, error) {
	return charged(ctx, func() ([]*kg.Event, error) { return s.Store.Events(ctx, ids) }, count)
}

// ListEvents charges a page.
func (s budgetStore) ListEvents(ctx context.Context, f kg.EventFilter) (*kg.EventPage, error) {
	return charged(ctx, func() (*kg.EventPage, error) { return s.Store.ListEvents(ctx, f) },
		func(p *kg.EventPage) int { return len(p.Events) })
}

// EventsOfEntities charges every event of every entity.
func (s budgetStore) EventsOfEntities(ctx context.Context, ids []string) ([][]*kg.Event, error) {
	return charged(ctx, func() ([][]*kg.Event, error) { return s.Store.EventsOfEntities(ctx, ids) }, countNested)
}

// QuotesOfEntities charges every quote of every entity.
func (s budgetStore) QuotesOfEntities(ctx context.Context, ids []string) ([][]*kg.Quote, error) {
	return charged(ctx, func() ([][]*kg.Quote, error) { return s.Store.QuotesOfEntities(ctx, ids) }, countNested)
}

// QuotesOfArticles charges every quote of every article.
func (s budgetStore) QuotesOfArticles(ctx context.Context, ids []string) ([][]*kg.Quote, error) {
	return charged(ctx, func() ([][]*kg.Quote, error) { return s.Store.QuotesOfArticles(ctx, ids) }, countNested)
}

// Stats charges one call.
func (s budgetStore) Stats(ctx context.Context) (kg.Stats, error) {
	return charged(ctx, func() (kg.Stats, error) { return s.Store.Stats(ctx) }, func(kg.Stats) int { return 0 })
}

// ShortestPathRelations charges a path search and its relations, when the
// wrapped store searches paths itself (kg.PathFinder).
func (s budgetStore) ShortestPathRelations(ctx context.Context, from, to string, maxHops int, f kg.RelationFilter, limit int) (kg.FoundPaths, error) {
	pf, ok := s.Store.(kg.PathFinder)
	if !ok {
		return kg.FoundPaths{}, fmt.Errorf("graph: path search: %w", errors.ErrUnsupported)
	}
	return charged(ctx, func() (kg.FoundPaths, error) { return pf.ShortestPathRelations(ctx, from, to, maxHops, f, limit) },
		func(fp kg.FoundPaths) int { return countNested(fp.Paths) })
}

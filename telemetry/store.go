package telemetry

import (
	"context"
	"errors"
	"fmt"

	"github.com/newsgraph/newsgraph/kg"
)

// Store wraps s so that each call made while serving a request counts
// towards that request's store calls (newsgraph_store_calls_per_request).
// Calls outside a request are not counted.
func (t *Telemetry) Store(s kg.Store) kg.Store { return countingStore{s} }

// countingStore counts every call of the kg.Store interface; a method
// added to the interface must be added here, or the build fails.
type countingStore struct{ s kg.Store }

var _ kg.Store = countingStore{}

func count(ctx context.Context) {
	if r := fromContext(ctx); r != nil {
		r.calls.Add(1)
	}
}

// Close closes the wrapped store.
func (c countingStore) Close() error { return c.s.Close() }

// SaveExtraction counts the call and delegates.
func (c countingStore) SaveExtraction(ctx context.Context, x *kg.Extraction) (kg.SaveResult, error) {
	count(ctx)
	return c.s.SaveExtraction(ctx, x)
}

// SaveExtractions counts the call and delegates.
func (c countingStore) SaveExtractions(ctx context.Context, xs []*kg.Extraction) ([]kg.SaveResult, error) {
	count(ctx)
	return c.s.SaveExtractions(ctx, xs)
}

// Entities counts the call and delegates.
func (c countingStore) Entities(ctx context.Context, ids []string) ([]*kg.Entity, error) {
	count(ctx)
	return c.s.Entities(ctx, ids)
}

// FindEntities counts the call and delegates.
func (c countingStore) FindEntities(ctx context.Context, f kg.EntityFilter) (*kg.EntityPage, error) {
	count(ctx)
	return c.s.FindEntities(ctx, f)
}

// Relations counts the call and delegates.
func (c countingStore) Relations(ctx context.Context, entityIDs []string, f kg.RelationFilter) ([][]*kg.Relation, error) {
	count(ctx)
	return c.s.Relations(ctx, entityIDs, f)
}

// EntitiesWithRelations counts the call and delegates.
func (c countingStore) EntitiesWithRelations(ctx context.Context, ids []string, f kg.RelationFilter) ([]*kg.Entity, [][]*kg.Relation, error) {
	count(ctx)
	return c.s.EntitiesWithRelations(ctx, ids, f)
}

// EntitiesWithTwoLevels counts the call and delegates when the wrapped
// store reads two levels itself (kg.TwoLevelReader).
func (c countingStore) EntitiesWithTwoLevels(ctx context.Context, ids []string, f kg.RelationFilter) ([]*kg.Entity, [][]*kg.Relation, map[string][]*kg.Relation, error) {
	tl, ok := c.s.(kg.TwoLevelReader)
	if !ok {
		return nil, nil, nil, fmt.Errorf("telemetry: two-level read: %w", errors.ErrUnsupported)
	}
	count(ctx)
	return tl.EntitiesWithTwoLevels(ctx, ids, f)
}

// ListRelations counts the call and delegates.
func (c countingStore) ListRelations(ctx context.Context, f kg.RelationListFilter) (*kg.RelationPage, error) {
	count(ctx)
	return c.s.ListRelations(ctx, f)
}

// RelationsByID counts the call and delegates.
func (c countingStore) RelationsByID(ctx context.Context, ids []string) ([]*kg.Relation, error) {
	count(ctx)
	return c.s.RelationsByID(ctx, ids)
}

// Articles counts the call and delegates.
func (c countingStore) Articles(ctx context.Context, ids []string) ([]*kg.Article, error) {
	count(ctx)
	return c.s.Articles(ctx, ids)
}

// ListArticles counts the call and delegates.
func (c countingStore) ListArticles(ctx context.Context, f kg.ArticleFilter) (*kg.ArticlePage, error) {
	count(ctx)
	return c.s.ListArticles(ctx, f)
}

// ArticleVersions counts the call and delegates.
func (c countingStore) ArticleVersions(ctx context.Context, articleIDs []string) ([][]kg.ArticleVersion, error) {
	count(ctx)
	return c.s.ArticleVersions(ctx, articleIDs)
}

// ArticlesOfEntities counts the call and delegates.
func (c countingStore) ArticlesOfEntities(ctx context.Context, entityIDs []string) ([][]string, error) {
	count(ctx)
	return c.s.ArticlesOfEntities(ctx, entityIDs)
}

// LatestArticlesOfEntities counts the call and delegates.
func (c countingStore) LatestArticlesOfEntities(ctx context.Context, entityIDs []string, n int) ([][]string, error) {
	count(ctx)
	return c.s.LatestArticlesOfEntities(ctx, entityIDs, n)
}

// EntitiesOfArticles counts the call and delegates.
func (c countingStore) EntitiesOfArticles(ctx context.Context, articleIDs []string) ([][]string, error) {
	count(ctx)
	return c.s.EntitiesOfArticles(ctx, articleIDs)
}

// ArticlesWithText counts the call and delegates.
func (c countingStore) ArticlesWithText(ctx context.Context, hashes []string) ([]string, error) {
	count(ctx)
	return c.s.ArticlesWithText(ctx, hashes)
}

// Events counts the call and delegates.
func (c countingStore) Events(ctx context.Context, ids []string) ([]*kg.Event, error) {
	count(ctx)
	return c.s.Events(ctx, ids)
}

// ListEvents counts the call and delegates.
func (c countingStore) ListEvents(ctx context.Context, f kg.EventFilter) (*kg.EventPage, error) {
	count(ctx)
	return c.s.ListEvents(ctx, f)
}

// EventsOfEntities counts the call and delegates.
func (c countingStore) EventsOfEntities(ctx context.Context, entityIDs []string) ([][]*kg.Event, error) {
	count(ctx)
	return c.s.EventsOfEntities(ctx, entityIDs)
}

// QuotesOfEntities counts the call and delegates.
func (c countingStore) QuotesOfEntities(ctx context.Context, entityIDs []string) ([][]*kg.Quote, error) {
	count(ctx)
	return c.s.QuotesOfEntities(ctx, entityIDs)
}

// QuotesOfArticles counts the call and delegates.
func (c countingStore) QuotesOfArticles(ctx context.Context, articleIDs []string) ([][]*kg.Quote, error) {
	count(ctx)
	return c.s.QuotesOfArticles(ctx, articleIDs)
}

// MergeEntities counts the call and delegates.
func (c countingStore) MergeEntities(ctx context.Context, keepID, dropID string, m kg.Merge) (*kg.Entity, error) {
	count(ctx)
	return c.s.MergeEntities(ctx, keepID, dropID, m)
}

// SplitEntity counts the call and delegates.
func (c countingStore) SplitEntity(ctx context.Context, id string, cur kg.Curation) (*kg.Entity, error) {
	count(ctx)
	return c.s.SplitEntity(ctx, id, cur)
}

// RetractRelation counts the call and delegates.
func (c countingStore) RetractRelation(ctx context.Context, id string, cur kg.Curation) (*kg.Relation, error) {
	count(ctx)
	return c.s.RetractRelation(ctx, id, cur)
}

// UnretractRelation counts the call and delegates.
func (c countingStore) UnretractRelation(ctx context.Context, id string, cur kg.Curation) (*kg.Relation, error) {
	count(ctx)
	return c.s.UnretractRelation(ctx, id, cur)
}

// UpdateEntity counts the call and delegates.
func (c countingStore) UpdateEntity(ctx context.Context, id string, u kg.EntityUpdate, cur kg.Curation) (*kg.Entity, error) {
	count(ctx)
	return c.s.UpdateEntity(ctx, id, u, cur)
}

// AuditLog counts the call and delegates.
func (c countingStore) AuditLog(ctx context.Context, f kg.AuditFilter) (*kg.AuditPage, error) {
	count(ctx)
	return c.s.AuditLog(ctx, f)
}

// RecordMergeCandidates counts the call and delegates.
func (c countingStore) RecordMergeCandidates(ctx context.Context, cs []kg.MergeCandidate) error {
	count(ctx)
	return c.s.RecordMergeCandidates(ctx, cs)
}

// MergeCandidates counts the call and delegates.
func (c countingStore) MergeCandidates(ctx context.Context, f kg.CandidateFilter) (*kg.CandidatePage, error) {
	count(ctx)
	return c.s.MergeCandidates(ctx, f)
}

// DecideMergeCandidate counts the call and delegates.
func (c countingStore) DecideMergeCandidate(ctx context.Context, id string, accept bool, cur kg.Curation) (*kg.MergeCandidate, error) {
	count(ctx)
	return c.s.DecideMergeCandidate(ctx, id, accept, cur)
}

// Stats counts the call and delegates.
func (c countingStore) Stats(ctx context.Context) (kg.Stats, error) {
	count(ctx)
	return c.s.Stats(ctx)
}

// Ingester is what ingestArticle calls: the loader.
type Ingester interface {
	Ingest(ctx context.Context, name string, data []byte) (kg.SaveResult, error)
}

// Ingester wraps in so that each article it saves or fails to save counts
// in newsgraph_articles_loaded_total or newsgraph_articles_failed_total.
func (t *Telemetry) Ingester(in Ingester) Ingester { return countingIngester{t, in} }

type countingIngester struct {
	t  *Telemetry
	in Ingester
}

// Ingest delegates and counts the outcome.
func (c countingIngester) Ingest(ctx context.Context, name string, data []byte) (kg.SaveResult, error) {
	res, err := c.in.Ingest(ctx, name, data)
	if err != nil {
		c.t.failed.Inc()
	} else {
		c.t.loaded.Inc()
	}
	return res, err
}

// EntitiesByKeys counts the call and delegates.
func (c countingStore) EntitiesByKeys(ctx context.Context, keys []string) ([][]string, error) {
	count(ctx)
	return c.s.EntitiesByKeys(ctx, keys)
}

// CandidatesByKeys counts the call and delegates.
func (c countingStore) CandidatesByKeys(ctx context.Context, keys []string) (kg.KeyCandidates, error) {
	count(ctx)
	return c.s.CandidatesByKeys(ctx, keys)
}

// ReindexKeys counts the call and delegates.
func (c countingStore) ReindexKeys(ctx context.Context) (int, error) {
	count(ctx)
	return c.s.ReindexKeys(ctx)
}

// ShortestPathRelations counts the call and delegates when the wrapped
// store searches paths itself (kg.PathFinder).
func (c countingStore) ShortestPathRelations(ctx context.Context, from, to string, maxHops int, f kg.RelationFilter, limit int) (kg.FoundPaths, error) {
	pf, ok := c.s.(kg.PathFinder)
	if !ok {
		return kg.FoundPaths{}, fmt.Errorf("telemetry: path search: %w", errors.ErrUnsupported)
	}
	count(ctx)
	return pf.ShortestPathRelations(ctx, from, to, maxHops, f, limit)
}

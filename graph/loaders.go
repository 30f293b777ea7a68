package graph

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/vikstrous/dataloadgen"

	"github.com/newsgraph/newsgraph/kg"
)

// loaderWait is how long a loader gathers keys before it calls the store.
// gqlgen resolves the elements of a list in parallel goroutines, so a
// millisecond is enough to collect a whole level of the query.
var loaderWait = time.Millisecond

// Loaders batch and cache the store reads of one request, so that nested
// fields make one store call per level of the query instead of one per
// parent object.
type Loaders struct {
	store kg.Store

	entities      *dataloadgen.Loader[string, *kg.Entity]
	relationsByID *dataloadgen.Loader[string, *kg.Relation]
	articles      *dataloadgen.Loader[string, *kg.Article]
	events        *dataloadgen.Loader[string, *kg.Event]
	articlesOf    *dataloadgen.Loader[string, []string]
	entitiesOf    *dataloadgen.Loader[string, []string]
	eventsOf      *dataloadgen.Loader[string, []*kg.Event]
	quotesOf      *dataloadgen.Loader[string, []*kg.Quote]
	articleQuotes *dataloadgen.Loader[string, []*kg.Quote]
	versions      *dataloadgen.Loader[string, []kg.ArticleVersion]

	mu        sync.Mutex
	relations map[string]*dataloadgen.Loader[string, []*kg.Relation] // by filter key
}

// NewLoaders makes the loaders of one request over s.
func NewLoaders(s kg.Store) *Loaders {
	o := dataloadgen.WithWait(loaderWait)
	return &Loaders{
		store:         s,
		entities:      dataloadgen.NewLoader(batch(s.Entities), o),
		relationsByID: dataloadgen.NewLoader(batch(s.RelationsByID), o),
		articles:      dataloadgen.NewLoader(batch(s.Articles), o),
		events:        dataloadgen.NewLoader(batch(s.Events), o),
		articlesOf:    dataloadgen.NewLoader(batch(s.ArticlesOfEntities), o),
		entitiesOf:    dataloadgen.NewLoader(batch(s.EntitiesOfArticles), o),
		eventsOf:      dataloadgen.NewLoader(batch(s.EventsOfEntities), o),
		quotesOf:      dataloadgen.NewLoader(batch(s.QuotesOfEntities), o),
		articleQuotes: dataloadgen.NewLoader(batch(s.QuotesOfArticles), o),
		versions:      dataloadgen.NewLoader(batch(s.ArticleVersions), o),
		relations:     map[string]*dataloadgen.Loader[string, []*kg.Relation]{},
	}
}

// batch adapts a kg.Store batch read (one result per id, in order) to a
// dataloadgen fetch function.
func batch[V any](read func(context.Context, []string) ([]V, error)) func(context.Context, []string) ([]V, []error) {
	return func(ctx context.Context, ids []string) ([]V, []error) {
		vs, err := read(ctx, ids)
		if err != nil {
			return nil, []error{err}
		}
		if len(vs) != len(ids) {
			return nil, []error{fmt.Errorf("store returned %d results for %d ids", len(vs), len(ids))}
		}
		return vs, nil
	}
}

// Relations returns the loader of relations matching f, keyed by entity id.
// Each distinct filter gets its own loader so a batch is one store call.
func (l *Loaders) Relations(f kg.RelationFilter) *dataloadgen.Loader[string, []*kg.Relation] {
	key := filterKey(f)
	l.mu.Lock()
	defer l.mu.Unlock()
	ld, ok := l.relations[key]
	if !ok {
		f.Types = slices.Clone(f.Types)
		ld = dataloadgen.NewLoader(func(ctx context.Context, ids []string) ([][]*kg.Relation, []error) {
			rs, err := l.store.Relations(ctx, ids, f)
			if err != nil {
				return nil, []error{err}
			}
			if len(rs) != len(ids) {
				return nil, []error{fmt.Errorf("store returned %d relation lists for %d ids", len(rs), len(ids))}
			}
			return rs, nil
		}, dataloadgen.WithWait(loaderWait))
		l.relations[key] = ld
	}
	return ld
}

// filterKey is a canonical text of a relation filter: equal filters, types
// in any order, give equal keys.
func filterKey(f kg.RelationFilter) string {
	ts := make([]string, len(f.Types))
	for i, t := range f.Types {
		ts[i] = string(t)
	}
	slices.Sort(ts)
	ts = slices.Compact(ts)
	return strconv.Itoa(int(f.Direction)) + "|" + strings.Join(ts, ",") + "|" +
		strconv.FormatFloat(f.MinConfidence, 'g', -1, 64) + "|" + strconv.FormatBool(f.IncludeRetracted)
}

type loadersKey struct{}

// WithLoaders returns ctx carrying l.
func WithLoaders(ctx context.Context, l *Loaders) context.Context {
	return context.WithValue(ctx, loadersKey{}, l)
}

// loadersFrom returns the request's loaders. Resolvers only run behind the
// middleware, but a fresh set keeps a direct executor call correct.
func (r *Resolver) loaders(ctx context.Context) *Loaders {
	if l, ok := ctx.Value(loadersKey{}).(*Loaders); ok {
		return l
	}
	return NewLoaders(r.store)
}

// LoaderMiddleware gives every request its own loaders, so that caching
// never outlives a request nor crosses users.
func LoaderMiddleware(s kg.Store) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			next.ServeHTTP(w, r.WithContext(WithLoaders(r.Context(), NewLoaders(s))))
		})
	}
}

// clear forgets everything the loaders cached, after a mutation changed
// the graph, so the mutation's result and later fields read fresh data.
func (l *Loaders) clear() {
	l.entities.ClearAll()
	l.relationsByID.ClearAll()
	l.articles.ClearAll()
	l.events.ClearAll()
	l.articlesOf.ClearAll()
	l.entitiesOf.ClearAll()
	l.eventsOf.ClearAll()
	l.quotesOf.ClearAll()
	l.articleQuotes.ClearAll()
	l.versions.ClearAll()
	l.mu.Lock()
	l.relations = map[string]*dataloadgen.Loader[string, []*kg.Relation]{}
	l.mu.Unlock()
}

package graph

import (
	"context"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/newsgraph/newsgraph/kg"
)

// Loaders batch and cache the store reads of one request, so that nested
// fields make one store call per level of the query instead of one per
// parent object.
type Loaders struct {
	store kg.Store
	level *levelTracker

	entities      *batchLoader[*kg.Entity]
	relationsByID *batchLoader[*kg.Relation]
	articles      *batchLoader[*kg.Article]
	events        *batchLoader[*kg.Event]
	articlesOf    *batchLoader[[]string]
	entitiesOf    *batchLoader[[]string]
	eventsOf      *batchLoader[[]*kg.Event]
	quotesOf      *batchLoader[[]*kg.Quote]
	articleQuotes *batchLoader[[]*kg.Quote]
	versions      *batchLoader[[]kg.ArticleVersion]

	mu        sync.Mutex
	relations map[string]*batchLoader[[]*kg.Relation] // by filter key
}

// NewLoaders makes the loaders of one request over s.
func NewLoaders(s kg.Store) *Loaders {
	t := &levelTracker{}
	return &Loaders{
		store:         s,
		level:         t,
		entities:      newLoader(t, s.Entities),
		relationsByID: newLoader(t, s.RelationsByID),
		articles:      newLoader(t, s.Articles),
		events:        newLoader(t, s.Events),
		articlesOf:    newLoader(t, s.ArticlesOfEntities),
		entitiesOf:    newLoader(t, s.EntitiesOfArticles),
		eventsOf:      newLoader(t, s.EventsOfEntities),
		quotesOf:      newLoader(t, s.QuotesOfEntities),
		articleQuotes: newLoader(t, s.QuotesOfArticles),
		versions:      newLoader(t, s.ArticleVersions),
		relations:     map[string]*batchLoader[[]*kg.Relation]{},
	}
}

// Relations returns the loader of relations matching f, keyed by entity id.
// Each distinct filter gets its own loader so a batch is one store call.
func (l *Loaders) Relations(f kg.RelationFilter) *batchLoader[[]*kg.Relation] {
	key := filterKey(f)
	l.mu.Lock()
	defer l.mu.Unlock()
	ld, ok := l.relations[key]
	if !ok {
		f.Types = slices.Clone(f.Types)
		ld = newLoader(l.level, func(ctx context.Context, ids []string) ([][]*kg.Relation, error) {
			return l.store.Relations(ctx, ids, f)
		})
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
		strconv.FormatFloat(f.MinConfidence, 'g', -1, 64) + "|" + strconv.FormatBool(f.IncludeRetracted) + "|" +
		strconv.Itoa(int(f.Read.Evidence)) + "|" + strconv.FormatBool(f.Read.Ends) + "|" +
		strconv.FormatBool(f.Read.BriefEnds) + "|" + strconv.FormatBool(f.Read.SentencesOnly) + "|" +
		strconv.FormatBool(f.Read.NoProperties) + "|" + strconv.FormatBool(f.Read.NoConfidence) + "|" +
		strconv.FormatBool(f.Read.NoRetraction) + "|" + strconv.FormatBool(f.Read.EndNames)
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
	l.relations = map[string]*batchLoader[[]*kg.Relation]{}
	l.mu.Unlock()
}

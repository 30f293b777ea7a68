// Package graph serves the knowledge graph over GraphQL: the gqlgen
// resolvers over kg.Store, per-request dataloaders, error mapping, cost
// limits, API-key checks and the HTTP routes (GraphiQL, /query, /healthz).
package graph

import (
	"context"
	"log/slog"
	"net/http"
	"time"

	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/go-chi/chi/v5"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/newsgraph/newsgraph/explore"
	"github.com/newsgraph/newsgraph/export"
	"github.com/newsgraph/newsgraph/graph/generated"
	"github.com/newsgraph/newsgraph/graph/graphiql"
	"github.com/newsgraph/newsgraph/kg"
	"github.com/newsgraph/newsgraph/traverse"
)

// NewHandler returns the HTTP handler of the API: GET / serves GraphiQL,
// GET /explore the graph explorer (and /explore/cytoscape-style.json its
// stylesheet), GET|POST /query the GraphQL endpoint, GET /healthz a store
// check, GET /metrics the Prometheus metrics, GET /export/FILE the graph
// as GraphML, GEXF, CSV or JSON Lines. Every request gets an
// X-Request-ID and a log line.
//
// Every error of /query, and of unknown paths, comes in the GraphQL error
// shape with extensions.code.
func NewHandler(cfg Config) http.Handler {
	cfg = cfg.withDefaults()
	tel := cfg.Telemetry
	health := cfg.Store
	// Store calls and ingested articles made by requests are counted, and
	// every read a request makes, through loaders, resolvers or
	// traversals, is charged to its store budget.
	cfg.Store = budgetStore{tel.Store(cfg.Store)}
	if cfg.Ingest != nil {
		cfg.Ingest = tel.Ingester(cfg.Ingest)
	}
	gql := newGraphQLServer(cfg)

	r := chi.NewRouter()
	r.Use(tel.Middleware("/query"))
	r.Handle("/metrics", tel.Handler())
	r.Get("/", graphiql.Page())
	r.Handle(graphiql.AssetPrefix+"*", graphiql.Assets())
	r.Get(explore.PagePath, explore.Page())
	r.Get(explore.StylePath, explore.Style())
	r.Handle(explore.AssetPrefix+"*", explore.Assets())
	r.Get("/healthz", healthHandler(health, cfg.Logger))
	r.With(readAuth(cfg)).Get("/export/{file}", export.Handler(cfg.Store, cfg.Logger, sendError))
	r.Group(func(r chi.Router) {
		r.Use(corsMiddleware(cfg.AllowedOrigins), limitMiddleware(cfg), authMiddleware(cfg.APIKey), LoaderMiddleware(cfg.Store))
		// Every method: httpTransport answers the ones it does not take.
		r.Handle("/query", gql)
	})
	r.NotFound(func(w http.ResponseWriter, _ *http.Request) {
		sendError(w, http.StatusNotFound, kg.ENotFound, "no such path: GraphiQL is at /, the GraphQL endpoint at /query")
	})
	r.MethodNotAllowed(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Allow", "GET")
		sendError(w, http.StatusMethodNotAllowed, CodeMethodNotAllowed, "this path answers GET only; the GraphQL endpoint is /query")
	})
	return r
}

// newGraphQLServer builds the gqlgen server with the error handling and
// limits of cfg (which already has its defaults).
func newGraphQLServer(cfg Config) *handler.Server {
	res := &Resolver{store: cfg.Store, ingest: cfg.Ingest, log: cfg.Logger, maxPage: cfg.MaxPageSize,
		traverser: traverse.New(cfg.Store), keyID: keyID(cfg.APIKey)}
	srv := handler.New(generated.NewExecutableSchema(generated.Config{Resolvers: res, Complexity: res.complexity()}))
	srv.AddTransport(transport.Options{})
	srv.AddTransport(httpTransport{})
	srv.SetQueryCache(lru.New[*ast.QueryDocument](1000))
	srv.Use(extension.Introspection{})
	srv.Use(DocumentLimit{MaxTokens: cfg.MaxTokens, MaxRepeats: maxFieldRepeats, Checked: lru.New[struct{}](1000)})
	srv.Use(&CostLimit{MaxDepth: cfg.MaxDepth, MaxComplexity: cfg.MaxComplexity, MaxPage: cfg.MaxPageSize, Slots: make(chan struct{}, cfg.MaxExpensive), SlotWait: cfg.ExpensiveWait})
	srv.AroundOperations(cfg.Telemetry.AroundOperations)
	srv.AroundOperations(authOperations(cfg.APIKey, cfg.ProtectQueries))
	srv.AroundResponses(cfg.Telemetry.AroundResponses)
	srv.Use(Levels{})
	srv.SetErrorPresenter(errorPresenter(cfg.Logger))
	srv.SetRecoverFunc(recoverFunc(cfg.Logger))
	return srv
}

// healthHandler answers 200 "ok" when the store answers a Stats call and
// 503 otherwise; the cause goes to the log, not to the client.
func healthHandler(store kg.Store, log *slog.Logger) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), 5*time.Second)
		defer cancel()
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		if _, err := store.Stats(ctx); err != nil {
			log.ErrorContext(ctx, "healthz: store check failed", "err", err)
			w.WriteHeader(http.StatusServiceUnavailable)
			_, _ = w.Write([]byte("unavailable\n"))
			return
		}
		_, _ = w.Write([]byte("ok\n"))
	}
}

// readAuth guards reads outside GraphQL (exports): with ProtectQueries
// and a key, they need the key as queries do.
func readAuth(cfg Config) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if cfg.APIKey != "" && cfg.ProtectQueries && !bearerMatches(r.Header.Get("Authorization"), cfg.APIKey) {
				w.Header().Set("WWW-Authenticate", "Bearer")
				sendError(w, http.StatusUnauthorized, kg.EUnauthorized, "this server needs an API key: Authorization: Bearer KEY")
				return
			}
			next.ServeHTTP(w, r)
		})
	}
}

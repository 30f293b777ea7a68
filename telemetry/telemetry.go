// Package telemetry tells the team running the server what it does:
// Prometheus metrics (requests and latency by GraphQL operation, errors by
// code, store calls per request, articles loaded and failed, the load rate,
// the store's size) served at /metrics, and one structured log line per
// request carrying a request id that is also returned in the X-Request-ID
// header and attached to every log line written during the request.
package telemetry

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"log/slog"
	"net/http"
	"regexp"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/newsgraph/newsgraph/kg"
)

// HeaderRequestID is the response header carrying the request id; a
// client's own id in the same request header is kept when it is short and
// plain.
const HeaderRequestID = "X-Request-ID"

// maxOperations bounds the distinct operation labels: names come from
// clients, so past this many they are counted as "other".
const maxOperations = 100

// Telemetry holds the metrics of one server. Its methods are safe for
// concurrent use.
type Telemetry struct {
	reg      *prometheus.Registry
	log      *slog.Logger
	requests *prometheus.CounterVec
	latency  *prometheus.HistogramVec
	errors   *prometheus.CounterVec
	calls    prometheus.Histogram
	loaded   prometheus.Counter
	failed   prometheus.Counter
	rate     prometheus.Gauge

	mu  sync.Mutex
	ops map[string]bool
}

// New registers the metrics in a registry of their own (plus Go runtime
// and process metrics). store, if not nil, is counted at every scrape.
func New(log *slog.Logger, store kg.Store) *Telemetry {
	if log == nil {
		log = slog.Default()
	}
	t := &Telemetry{
		reg: prometheus.NewRegistry(),
		log: log,
		ops: map[string]bool{},
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "newsgraph_graphql_requests_total",
			Help: "GraphQL requests by operation (the operation name, else its root fields).",
		}, []string{"operation"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "newsgraph_graphql_request_duration_seconds",
			Help:    "GraphQL request latency by operation.",
			Buckets: []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10, 30},
		}, []string{"operation"}),
		errors: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "newsgraph_graphql_errors_total",
			Help: "GraphQL errors by extensions.code.",
		}, []string{"code"}),
		calls: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name:    "newsgraph_store_calls_per_request",
			Help:    "Store calls made by one GraphQL request (bounded by its depth, thanks to the dataloaders).",
			Buckets: []float64{0, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89},
		}),
		loaded: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "newsgraph_articles_loaded_total",
			Help: "Articles saved by this server (first-start samples and ingestArticle).",
		}),
		failed: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "newsgraph_articles_failed_total",
			Help: "Articles this server could not read, extract or save.",
		}),
		rate: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "newsgraph_load_rate_articles_per_second",
			Help: "Articles per second of the latest load run.",
		}),
	}
	t.reg.MustRegister(t.requests, t.latency, t.errors, t.calls, t.loaded, t.failed, t.rate,
		prometheus.NewGoCollector(), prometheus.NewProcessCollector(prometheus.ProcessCollectorOpts{}))
	if store != nil {
		t.reg.MustRegister(&sizeCollector{store: store, log: log})
	}
	return t
}

// Handler serves the metrics in the Prometheus text format.
func (t *Telemetry) Handler() http.Handler {
	return promhttp.HandlerFor(t.reg, promhttp.HandlerOpts{})
}

// RecordLoad counts a load run: articles saved, files failed, and its rate.
func (t *Telemetry) RecordLoad(saved, failed int, elapsed time.Duration) {
	t.loaded.Add(float64(saved))
	t.failed.Add(float64(failed))
	if elapsed > 0 && saved > 0 {
		t.rate.Set(float64(saved) / elapsed.Seconds())
	}
}

// request is what the middleware learns about one request while it runs.
type request struct {
	id    string
	calls atomic.Int64

	mu    sync.Mutex
	op    string
	codes []string
}

type ctxKey struct{}

func fromContext(ctx context.Context) *request {
	r, _ := ctx.Value(ctxKey{}).(*request)
	return r
}

// RequestID returns the id of the request ctx belongs to, or "".
func RequestID(ctx context.Context) string {
	if r := fromContext(ctx); r != nil {
		return r.id
	}
	return ""
}

var plainID = regexp.MustCompile(`^[A-Za-z0-9._:-]{1,64}$`)

func newID(given string) string {
	if plainID.MatchString(given) {
		return given
	}
	var b [8]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// Middleware gives every request an id (X-Request-ID), logs one line when
// it ends, and for GraphQL requests (graphqlPath) records the request
// metrics.
func (t *Telemetry) Middleware(graphqlPath string) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			start := time.Now()
			req := &request{id: newID(r.Header.Get(HeaderRequestID))}
			w.Header().Set(HeaderRequestID, req.id)
			sw := &statusWriter{ResponseWriter: w, status: http.StatusOK}
			ctx := context.WithValue(r.Context(), ctxKey{}, req)
			next.ServeHTTP(sw, r.WithContext(ctx))
			elapsed := time.Since(start)

			req.mu.Lock()
			op, codes := req.op, append([]string(nil), req.codes...)
			req.mu.Unlock()
			calls := req.calls.Load()
			level := slog.LevelDebug
			attrs := []slog.Attr{
				slog.String("method", r.Method), slog.String("path", r.URL.Path),
				slog.Int("status", sw.status), slog.Float64("ms", float64(elapsed.Microseconds())/1000),
			}
			if r.URL.Path == graphqlPath && r.Method != http.MethodOptions {
				level = slog.LevelInfo
				if op == "" {
					op = "invalid" // refused before an operation was known
				}
				t.requests.WithLabelValues(op).Inc()
				t.latency.WithLabelValues(op).Observe(elapsed.Seconds())
				t.calls.Observe(float64(calls))
				for _, c := range codes {
					t.errors.WithLabelValues(c).Inc()
				}
				attrs = append(attrs, slog.String("operation", op), slog.Int64("store_calls", calls))
				if len(codes) > 0 {
					attrs = append(attrs, slog.String("errors", strings.Join(codes, ",")))
				}
			}
			t.log.LogAttrs(ctx, level, "request", attrs...)
		})
	}
}

type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(code int) {
	w.status = code
	w.ResponseWriter.WriteHeader(code)
}

// Flush keeps streaming responses streaming.
func (w *statusWriter) Flush() {
	if f, ok := w.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}

// Unwrap lets http.ResponseController reach the underlying writer.
func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// AroundOperations is a gqlgen operation middleware that names the
// request's operation for the metrics and the log.
func (t *Telemetry) AroundOperations(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
	if req := fromContext(ctx); req != nil && graphql.HasOperationContext(ctx) {
		op := t.label(operationName(graphql.GetOperationContext(ctx)))
		req.mu.Lock()
		req.op = op
		req.mu.Unlock()
	}
	return next(ctx)
}

// AroundResponses is a gqlgen response middleware that collects the error
// codes of the response (extensions.code, set by the error presenter).
func (t *Telemetry) AroundResponses(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
	resp := next(ctx)
	req := fromContext(ctx)
	if req == nil || resp == nil || len(resp.Errors) == 0 {
		return resp
	}
	for _, e := range resp.Errors {
		code, _ := e.Extensions["code"].(string)
		RecordError(ctx, code)
	}
	return resp
}

// RecordError counts an error code for the request ctx belongs to, for an
// answer written without gqlgen's response middleware (a refusal before the
// operation runs, or by an operation middleware that does not call next).
func RecordError(ctx context.Context, code string) {
	req := fromContext(ctx)
	if req == nil {
		return
	}
	if code == "" {
		code = "UNKNOWN"
	}
	req.mu.Lock()
	defer req.mu.Unlock()
	req.codes = append(req.codes, code)
}

// operationName is the operation's own name, else its kind and root
// fields ("query:entities+relations"), which the schema bounds.
func operationName(oc *graphql.OperationContext) string {
	if oc.Operation == nil {
		return "invalid"
	}
	if oc.OperationName != "" {
		return oc.OperationName
	}
	if oc.Operation.Name != "" {
		return oc.Operation.Name
	}
	var fields []string
	for _, s := range oc.Operation.SelectionSet {
		if f, ok := s.(*ast.Field); ok && !strings.HasPrefix(f.Name, "__") {
			fields = append(fields, f.Name)
		} else if ok {
			fields = append(fields, "introspection")
		}
	}
	sort.Strings(fields)
	fields = compactStrings(fields)
	if len(fields) > 4 {
		fields = append(fields[:4], "more")
	}
	return string(oc.Operation.Operation) + ":" + strings.Join(fields, "+")
}

func compactStrings(s []string) []string {
	out := s[:0]
	for i, x := range s {
		if i == 0 || x != s[i-1] {
			out = append(out, x)
		}
	}
	return out
}

var unsafeLabel = regexp.MustCompile(`[^A-Za-z0-9_:+.-]`)

// label bounds the operation labels: plain characters, at most 64 of them,
// and at most maxOperations distinct values.
func (t *Telemetry) label(op string) string {
	op = unsafeLabel.ReplaceAllString(op, "_")
	if len(op) > 64 {
		op = op[:64]
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if !t.ops[op] {
		if len(t.ops) >= maxOperations {
			return "other"
		}
		t.ops[op] = true
	}
	return op
}

// sizeCollector reports the store's counts at each scrape.
type sizeCollector struct {
	store kg.Store
	log   *slog.Logger
}

var sizeDesc = prometheus.NewDesc("newsgraph_store_objects", "What the store holds, by kind.", []string{"kind"}, nil)

func (c *sizeCollector) Describe(ch chan<- *prometheus.Desc) { ch <- sizeDesc }

func (c *sizeCollector) Collect(ch chan<- prometheus.Metric) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	st, err := c.store.Stats(ctx)
	if err != nil {
		// No gauge rather than a wrong one; the cause goes to the log.
		c.log.Warn("metrics: store size unavailable", "err", err)
		return
	}
	for kind, n := range map[string]int{
		"articles": st.Articles, "entities": st.Entities, "relations": st.Relations,
		"events": st.Events, "quotes": st.Quotes, "evidence": st.Evidence,
	} {
		ch <- prometheus.MustNewConstMetric(sizeDesc, prometheus.GaugeValue, float64(n), kind)
	}
}

// LogHandler wraps h so that every record logged with a request's context
// carries its request_id.
func LogHandler(h slog.Handler) slog.Handler { return logHandler{h} }

type logHandler struct{ slog.Handler }

func (l logHandler) Handle(ctx context.Context, r slog.Record) error {
	if id := RequestID(ctx); id != "" {
		r.AddAttrs(slog.String("request_id", id))
	}
	return l.Handler.Handle(ctx, r)
}

func (l logHandler) WithAttrs(as []slog.Attr) slog.Handler {
	return logHandler{l.Handler.WithAttrs(as)}
}
func (l logHandler) WithGroup(name string) slog.Handler { return logHandler{l.Handler.WithGroup(name)} }

package telemetry_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/loader"
	"github.com/newsgraph/newsgraph/samples"
	"github.com/newsgraph/newsgraph/sqlite"
	"github.com/newsgraph/newsgraph/telemetry"
)

// syncBuf collects log output written by the server's goroutines.
type syncBuf struct {
	ch chan []byte
}

func (b *syncBuf) Write(p []byte) (int, error) {
	b.ch <- append([]byte(nil), p...)
	return len(p), nil
}

func (b *syncBuf) lines() string {
	var out bytes.Buffer
	for {
		select {
		case p := <-b.ch:
			out.Write(p)
		default:
			return out.String()
		}
	}
}

// TestMetricsAfterRequests makes requests of every kind, scrapes /metrics
// and checks each counter against what was sent.
func TestMetricsAfterRequests(t *testing.T) {
	ctx := context.Background()
	store, err := sqlite.Open(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	logs := &syncBuf{ch: make(chan []byte, 1000)}
	log := slog.New(telemetry.LogHandler(slog.NewTextHandler(logs, nil)))
	tel := telemetry.New(log, store)
	srcs, err := loader.FS(samples.FS(), ".")
	if err != nil {
		t.Fatal(err)
	}
	ld := loader.New(store)
	sum, err := ld.Load(ctx, srcs, nil)
	if err != nil {
		t.Fatal(err)
	}
	tel.RecordLoad(sum.Articles, sum.Failed, sum.Elapsed)
	srv := httptest.NewServer(graph.NewHandler(graph.Config{Store: store, Ingest: ld, Logger: log, Telemetry: tel}))
	defer srv.Close()

	gql := func(query, requestID string) (http.Header, string) {
		t.Helper()
		body, _ := json.Marshal(map[string]string{"query": query})
		req, _ := http.NewRequest(http.MethodPost, srv.URL+"/query", bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		if requestID != "" {
			req.Header.Set(telemetry.HeaderRequestID, requestID)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.Header, string(b)
	}
	h, _ := gql(`query Lookup { entities(query: "Quintana", first: 1) { edges { node { name relations { target { name } } } } } }`, "")
	if id := h.Get(telemetry.HeaderRequestID); !regexp.MustCompile(`^[0-9a-f]{16}$`).MatchString(id) {
		t.Errorf("X-Request-ID = %q, want 16 hex digits", id)
	}
	if h, _ := gql(`query Lookup { stats { articles } }`, "client-id-42"); h.Get(telemetry.HeaderRequestID) != "client-id-42" {
		t.Errorf("the client's request id was not kept: %q", h.Get(telemetry.HeaderRequestID))
	}
	if h, _ := gql(`{ stats { articles } }`, "bad id with spaces"); h.Get(telemetry.HeaderRequestID) == "bad id with spaces" {
		t.Errorf("an unsafe request id was echoed")
	}
	gql(`{ entities(first: 2) { totalCount } stats { entities } }`, "")
	if _, b := gql(`{ neighborhood(id: "person:nobody") { nodes { id } } }`, ""); !strings.Contains(b, "NOT_FOUND") {
		t.Fatalf("unknown entity: %s", b)
	}
	gql(`{ entities(first: 0) { totalCount } }`, "")
	gql(`{ nope }`, "")
	gql(`mutation { ingestArticle(name: "new.md", content: "---\ntitle: Test\n---\n\nAda Lovelace met with Charles Babbage in London.") { entities } }`, "")
	gql(`mutation { ingestArticle(name: "scan.pdf", content: "%PDF-1.4") { entities } }`, "")

	resp, err := http.Get(srv.URL + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	m := string(body)
	st, err := store.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for series, want := range map[string]float64{
		`newsgraph_graphql_requests_total{operation="Lookup"}`:                             2,
		`newsgraph_graphql_requests_total{operation="query:stats"}`:                        1,
		`newsgraph_graphql_requests_total{operation="query:entities+stats"}`:               1,
		`newsgraph_graphql_requests_total{operation="query:neighborhood"}`:                 1,
		`newsgraph_graphql_requests_total{operation="mutation:ingestArticle"}`:             2,
		`newsgraph_graphql_request_duration_seconds_count{operation="Lookup"}`:             2,
		`newsgraph_graphql_errors_total{code="NOT_FOUND"}`:                                 1,
		`newsgraph_graphql_errors_total{code="BAD_USER_INPUT"}`:                            2, // first: 0, the PDF
		`newsgraph_graphql_errors_total{code="GRAPHQL_VALIDATION_FAILED"}`:                 1,
		`newsgraph_store_calls_per_request_count`:                                          9, // one per request
		`newsgraph_articles_loaded_total`:                                                  float64(sum.Articles + 1),
		`newsgraph_articles_failed_total`:                                                  1,
		`newsgraph_store_objects{kind="articles"}`:                                         float64(st.Articles),
		`newsgraph_store_objects{kind="relations"}`:                                        float64(st.Relations),
		`newsgraph_graphql_requests_total{operation="invalid"}`:                            1,
		`newsgraph_graphql_request_duration_seconds_bucket{operation="invalid",le="+Inf"}`: 1,
	} {
		if got, ok := sample(m, series); !ok || got != want {
			t.Errorf("%s = %v (found %v), want %v", series, got, ok, want)
		}
	}
	// Store calls: the Lookup query reads the search, the relations and
	// their targets, so its requests made some; none may be negative.
	if s, _ := sample(m, `newsgraph_store_calls_per_request_sum`); s < 4 {
		t.Errorf("store calls per request sum = %v, want at least 4", s)
	}
	if r, ok := sample(m, `newsgraph_load_rate_articles_per_second`); !ok || r <= 0 {
		t.Errorf("load rate = %v, want > 0", r)
	}

	time.Sleep(10 * time.Millisecond)
	out := logs.lines()
	if !regexp.MustCompile(`msg=request .*path=/query status=200 .*operation=Lookup store_calls=\d+ request_id=client-id-42`).MatchString(out) {
		t.Errorf("no request log line with operation, store calls and request id:\n%s", out)
	}
	if !regexp.MustCompile(`operation=query:neighborhood .*errors=NOT_FOUND`).MatchString(out) {
		t.Errorf("the failed request's log line lacks its error code:\n%s", out)
	}
}

// sample finds one series in the Prometheus text format.
func sample(text, series string) (float64, bool) {
	for _, line := range strings.Split(text, "\n") {
		if rest, ok := strings.CutPrefix(line, series+" "); ok {
			v, err := strconv.ParseFloat(strings.TrimSpace(rest), 64)
			return v, err == nil
		}
	}
	return 0, false
}

// TestRefusalsAreCounted checks that answers written before an operation
// runs, or by the API-key check, count in errors_total and in the log line
// like the errors of an operation.
func TestRefusalsAreCounted(t *testing.T) {
	ctx := context.Background()
	store, err := sqlite.Open(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	logs := &syncBuf{ch: make(chan []byte, 100)}
	log := slog.New(telemetry.LogHandler(slog.NewTextHandler(logs, nil)))
	tel := telemetry.New(log, store)
	srv := httptest.NewServer(graph.NewHandler(graph.Config{Store: store, Ingest: loader.New(store), Logger: log,
		Telemetry: tel, APIKey: "k", MaxBodyBytes: 1000}))
	defer srv.Close()

	for _, c := range []struct {
		method, ctype, body string
		status              int
	}{
		{http.MethodPost, "application/json", `{"query": "mutation { retractRelation(id: \"rel:x\", reason: \"r\") { id } }"}`, http.StatusUnauthorized},
		{http.MethodPost, "text/plain", `{"query": "{ stats { articles } }"}`, http.StatusUnsupportedMediaType},
		{http.MethodPut, "application/json", `{}`, http.StatusMethodNotAllowed},
		{http.MethodPost, "application/json", `{"query": "` + strings.Repeat("x", 2000) + `"}`, http.StatusRequestEntityTooLarge},
	} {
		req, _ := http.NewRequest(c.method, srv.URL+"/query", strings.NewReader(c.body))
		req.Header.Set("Content-Type", c.ctype)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != c.status {
			t.Errorf("%s %s: status %d, want %d", c.method, c.body[:min(len(c.body), 40)], resp.StatusCode, c.status)
		}
	}
	resp, err := http.Get(srv.URL + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	for series, want := range map[string]float64{
		`newsgraph_graphql_errors_total{code="UNAUTHENTICATED"}`:                 1,
		`newsgraph_graphql_errors_total{code="UNSUPPORTED_MEDIA_TYPE"}`:          1,
		`newsgraph_graphql_errors_total{code="METHOD_NOT_ALLOWED"}`:              1,
		`newsgraph_graphql_errors_total{code="REQUEST_TOO_LARGE"}`:               1,
		`newsgraph_graphql_requests_total{operation="mutation:retractRelation"}`: 1,
	} {
		if got, ok := sample(string(body), series); !ok || got != want {
			t.Errorf("%s = %v (found %v), want %v", series, got, ok, want)
		}
	}
	time.Sleep(10 * time.Millisecond)
	if out := logs.lines(); !regexp.MustCompile(`status=401 .*operation=mutation:retractRelation .*errors=UNAUTHENTICATED`).MatchString(out) {
		t.Errorf("the refused mutation's log line lacks its error code:\n%s", out)
	}
}

package graph

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/newsgraph/newsgraph/kg"
)

// marker is put in requests to show that no answer echoes them.
const marker = "zq-echo-marker"

// goInternals are fragments of Go's own error texts that must never reach
// a client.
var goInternals = []string{"RawParams", "Go struct", "Go value", "json:", "map[string]", "interface {}", "graphql.", "unexpected EOF", "transport not supported", marker}

// TestEveryErrorHasTheGraphQLShape sends every kind of bad request a client
// can make and checks the answer: the GraphQL error shape with a code, the
// right status, no echo of the request and nothing of Go's internals.
func TestEveryErrorHasTheGraphQLShape(t *testing.T) {
	const key = "the-key"
	h := worldHandler(t, Config{APIKey: key, MaxBodyBytes: 4096, Store: slowStatsStore{openStore(t, worldFixtures(t)...)}, Timeout: 50 * time.Millisecond})
	mutation := `mutation { retractRelation(id: "` + marker + `", reason: "x") { id } }`
	jsonBody := func(v any) string { b, _ := json.Marshal(v); return string(b) }
	for _, tc := range []struct {
		name, method, target, ctype, body string
		headers                           []string
		status                            int
		code                              string
	}{
		{"invalid JSON", "POST", "/query", "application/json", `{"query": "` + marker, nil, 400, CodeBadRequest},
		{"empty body", "POST", "/query", "application/json", ``, nil, 400, CodeBadRequest},
		{"blank body", "POST", "/query", "application/json", "  \n", nil, 400, CodeBadRequest},
		{"JSON array", "POST", "/query", "application/json", `["` + marker + `"]`, nil, 400, CodeBadRequest},
		{"query not a string", "POST", "/query", "application/json", `{"query": 5, "x": "` + marker + `"}`, nil, 400, CodeBadRequest},
		{"variables not an object", "POST", "/query", "application/json", `{"query": "{ stats { articles } }", "variables": "` + marker + `"}`, nil, 400, CodeBadRequest},
		{"operationName not a string", "POST", "/query", "application/json", `{"query": "{ stats { articles } }", "operationName": ["` + marker + `"]}`, nil, 400, CodeBadRequest},
		{"data after the object", "POST", "/query", "application/json", `{"query": "{ stats { articles } }"} {"` + marker + `": 1}`, nil, 400, CodeBadRequest},
		{"text/plain", "POST", "/query", "text/plain", `{ stats { articles } } # ` + marker, nil, 415, CodeUnsupportedMediaType},
		{"form post", "POST", "/query", "application/x-www-form-urlencoded", "query=" + url.QueryEscape("{ stats { articles } } # "+marker), nil, 415, CodeUnsupportedMediaType},
		{"multipart", "POST", "/query", "multipart/form-data; boundary=x", "--x\r\n" + marker, nil, 415, CodeUnsupportedMediaType},
		{"no content type", "POST", "/query", "", `{"query": "{ stats { articles } }"}`, nil, 415, CodeUnsupportedMediaType},
		{"GET mutation", "GET", "/query?query=" + url.QueryEscape(mutation), "", ``, []string{"Authorization", "Bearer " + key}, 405, CodeMethodNotAllowed},
		{"GET bad variables", "GET", "/query?query=" + url.QueryEscape("{ stats { articles } }") + "&variables=" + url.QueryEscape("{"+marker), "", ``, nil, 400, CodeBadRequest},
		{"GET malformed URL query", "GET", "/query?query=%zz" + marker, "", ``, nil, 400, CodeBadRequest},
		{"PUT", "PUT", "/query", "application/json", jsonBody(map[string]string{"query": "{ stats { articles } }"}), nil, 405, CodeMethodNotAllowed},
		{"DELETE", "DELETE", "/query", "", ``, nil, 405, CodeMethodNotAllowed},
		{"PATCH", "PATCH", "/query", "application/json", `{}`, nil, 405, CodeMethodNotAllowed},
		{"body too large", "POST", "/query", "application/json", jsonBody(map[string]string{"query": "{ stats { articles } } #" + strings.Repeat(marker, 400)}), nil, 413, CodeTooLarge},
		{"syntax error", "POST", "/query", "application/json", jsonBody(map[string]string{"query": "{ stats { " + marker}), nil, 422, "GRAPHQL_PARSE_FAILED"},
		{"unknown field", "POST", "/query", "application/json", jsonBody(map[string]string{"query": "{ nope }"}), nil, 422, "GRAPHQL_VALIDATION_FAILED"},
		{"variable of the wrong type", "POST", "/query", "application/json", jsonBody(map[string]any{"query": "query($n: Int) { entities(first: $n) { totalCount } }", "variables": map[string]any{"n": marker}}), nil, 422, "GRAPHQL_VALIDATION_FAILED"},
		{"no key", "POST", "/query", "application/json", jsonBody(map[string]string{"query": mutation}), nil, 401, kg.EUnauthorized},
		{"bare key", "POST", "/query", "application/json", jsonBody(map[string]string{"query": mutation}), []string{"Authorization", key}, 401, kg.EUnauthorized},
		{"timeout", "POST", "/query", "application/json", jsonBody(map[string]string{"query": "{ stats { articles } }"}), nil, 200, CodeTimeout},
		{"websocket upgrade", "GET", "/query", "", ``, []string{"Upgrade", "websocket", "Connection", "Upgrade"}, 400, CodeBadRequest},
		{"unknown path", "GET", "/" + marker, "", ``, nil, 404, kg.ENotFound},
		{"POST to GraphiQL", "POST", "/", "application/json", `{}`, nil, 405, CodeMethodNotAllowed},
	} {
		t.Run(tc.name, func(t *testing.T) {
			req := httptest.NewRequest(tc.method, tc.target, strings.NewReader(tc.body))
			if tc.ctype != "" {
				req.Header.Set("Content-Type", tc.ctype)
			}
			for i := 0; i+1 < len(tc.headers); i += 2 {
				req.Header.Set(tc.headers[i], tc.headers[i+1])
			}
			w := httptest.NewRecorder()
			h.ServeHTTP(w, req)
			checkErrorShape(t, w.Code, w.Header(), w.Body.Bytes(), tc.status, tc.code)
		})
	}
}

// checkErrorShape checks one answer of TestEveryErrorHasTheGraphQLShape.
func checkErrorShape(t *testing.T, status int, header http.Header, body []byte, wantStatus int, wantCode string) {
	t.Helper()
	var r struct {
		Errors []struct {
			Message    string         `json:"message"`
			Extensions map[string]any `json:"extensions"`
		} `json:"errors"`
	}
	if err := json.Unmarshal(body, &r); err != nil || len(r.Errors) == 0 {
		t.Fatalf("status %d, body %q: not a GraphQL error (%v)", status, body, err)
	}
	if ct := header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Errorf("Content-Type %q, want application/json", ct)
	}
	if status != wantStatus {
		t.Errorf("status %d, want %d (%s)", status, wantStatus, body)
	}
	e := r.Errors[0]
	if e.Extensions["code"] != wantCode {
		t.Errorf("code %v, want %s (%s)", e.Extensions["code"], wantCode, body)
	}
	if e.Message == "" {
		t.Error("empty message")
	}
	for _, bad := range goInternals {
		if strings.Contains(string(body), bad) {
			t.Errorf("answer shows %q: %s", bad, body)
		}
	}
}

// slowStatsStore blocks Stats until the request's context ends.
type slowStatsStore struct{ kg.Store }

func (slowStatsStore) Stats(ctx context.Context) (kg.Stats, error) {
	<-ctx.Done()
	return kg.Stats{}, fmt.Errorf("stats: %w", ctx.Err())
}

// startServer serves cfg on a loopback port through NewServer, as serve
// does, until the test ends or the returned stop is called.
func startServer(t *testing.T, cfg Config) (addr string, stop func() error) {
	t.Helper()
	if cfg.Logger == nil {
		cfg.Logger = quietLogger()
	}
	s := NewServer(cfg)
	ln, err := s.Listen("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Serve(ctx, ln) }()
	var once sync.Once
	var serveErr error
	stop = func() error {
		once.Do(func() {
			cancel()
			serveErr = <-done
		})
		return serveErr
	}
	t.Cleanup(func() { _ = stop() })
	return ln.Addr().String(), stop
}

// closedWithin reads from conn until the server closes it; it fails if the
// connection is still open after limit (far longer than the timeouts under
// test, so a loaded machine does not fail it).
func closedWithin(t *testing.T, conn net.Conn, limit time.Duration) string {
	t.Helper()
	_ = conn.SetReadDeadline(time.Now().Add(limit))
	got, err := io.ReadAll(conn)
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		t.Fatalf("connection still open after %s (read %q)", limit, got)
	}
	return string(got)
}

func TestBodyThatNeverComesIsCut(t *testing.T) {
	addr, _ := startServer(t, Config{Store: openStore(t), ReadTimeout: 200 * time.Millisecond})
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	// Headers promise a body that never comes.
	fmt.Fprintf(conn, "POST /query HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"query\":")
	got := closedWithin(t, conn, 10*time.Second)
	if !strings.Contains(got, "408") || !strings.Contains(got, CodeTimeout) {
		t.Fatalf("answer to a body that never came: %q, want 408 %s", got, CodeTimeout)
	}
}

func TestIdleKeepAliveIsClosed(t *testing.T) {
	addr, _ := startServer(t, Config{Store: openStore(t), IdleTimeout: 200 * time.Millisecond})
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	fmt.Fprintf(conn, "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("healthz: %v %v", resp, err)
	}
	_, _ = io.Copy(io.Discard, resp.Body)
	// The connection is kept alive, then closed for idleness.
	closedWithin(t, conn, 10*time.Second)
}

func TestListenOnBusyPortFails(t *testing.T) {
	busy, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()
	_, err = NewServer(Config{Store: openStore(t), Logger: quietLogger()}).Listen(busy.Addr().String())
	if err == nil || !strings.Contains(err.Error(), busy.Addr().String()) {
		t.Fatalf("listen on a busy port: %v; want an error naming %s", err, busy.Addr())
	}
}

// gateStore blocks Relations and Stats while its gate is closed and says
// when a call is waiting.
type gateStore struct {
	kg.Store
	gate    chan struct{}
	waiting chan struct{}
}

func (g gateStore) wait(ctx context.Context) error {
	select {
	case g.waiting <- struct{}{}:
	default:
	}
	select {
	case <-g.gate:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (g gateStore) Relations(ctx context.Context, ids []string, f kg.RelationFilter) ([][]*kg.Relation, error) {
	if err := g.wait(ctx); err != nil {
		return nil, fmt.Errorf("relations: %w", err)
	}
	return g.Store.Relations(ctx, ids, f)
}

func (g gateStore) Stats(ctx context.Context) (kg.Stats, error) {
	if err := g.wait(ctx); err != nil {
		return kg.Stats{}, fmt.Errorf("stats: %w", err)
	}
	return g.Store.Stats(ctx)
}

func TestShutdownEndsOverdueRequestsClearly(t *testing.T) {
	gs := gateStore{Store: openStore(t, worldFixtures(t)...), gate: make(chan struct{}), waiting: make(chan struct{}, 1)}
	addr, stop := startServer(t, Config{Store: gs, ShutdownGrace: 100 * time.Millisecond})
	type answer struct {
		body string
		err  error
	}
	got := make(chan answer, 1)
	go func() {
		resp, err := http.Post("http://"+addr+"/query", "application/json", strings.NewReader(`{"query": "{ stats { articles } }"}`))
		if err != nil {
			got <- answer{err: err}
			return
		}
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		got <- answer{string(b), err}
	}()
	<-gs.waiting // the request is running, and will not finish by itself
	err := stop()
	if err == nil || !strings.Contains(err.Error(), "grace") || strings.Contains(err.Error(), "context deadline exceeded") {
		t.Fatalf("shutdown with a request running: %v; want a message about the grace", err)
	}
	a := <-got
	if a.err != nil || !strings.Contains(a.body, kg.EUnavailable) || !strings.Contains(a.body, "shutting down") {
		t.Fatalf("the overdue request got %q, %v; want UNAVAILABLE: shutting down", a.body, a.err)
	}
}

func TestExpensiveRequestsAreLimited(t *testing.T) {
	gs := gateStore{Store: openStore(t, worldFixtures(t)...), gate: make(chan struct{}), waiting: make(chan struct{}, 1)}
	h := worldHandler(t, Config{Store: gs, MaxExpensive: 1, ExpensiveWait: 50 * time.Millisecond})
	expensive := `{ subgraph(seeds: ["` + idBrell + `"], depth: 3) { nodes { id label } } }`
	for _, q := range []string{expensive, `mutation { ingestArticle(name: "a.txt", content: "x") { entities } }`} {
		if c := measure(t, q); c.Complexity < ExpensiveCost {
			t.Fatalf("%s costs %d, want at least %d", q, c.Complexity, ExpensiveCost)
		}
	}
	first := make(chan int, 1)
	go func() {
		code, _ := post(t, h, expensive, nil)
		first <- code
	}()
	<-gs.waiting // the first holds the only slot, and keeps it past the wait
	req := httptest.NewRequest(http.MethodPost, "/query", strings.NewReader(`{"query": `+fmt.Sprintf("%q", expensive)+`}`))
	req.Header.Set("Content-Type", "application/json")
	w := httptest.NewRecorder()
	h.ServeHTTP(w, req)
	checkErrorShape(t, w.Code, w.Header(), w.Body.Bytes(), http.StatusServiceUnavailable, CodeOverloaded)
	if w.Header().Get("Retry-After") == "" {
		t.Error("no Retry-After on 503")
	}
	// Cheap requests still pass.
	if _, r := post(t, h, `{ entity(id: "`+idBrell+`") { name } }`, nil); len(r.Errors) > 0 {
		t.Fatalf("cheap request refused while busy: %+v", r.Errors)
	}
	close(gs.gate)
	if code := <-first; code != http.StatusOK {
		t.Fatalf("first expensive request: status %d", code)
	}
	// The slot is free again.
	if _, r := post(t, h, expensive, nil); len(r.Errors) > 0 {
		t.Fatalf("expensive request after the first ended: %+v", r.Errors)
	}
}

func TestStoreBudget(t *testing.T) {
	store := openStore(t, append(worldFixtures(t), rosterFixture(t, 30))...)
	// Calls: the entity with its relations (and the entities at their
	// ends), then the relations of those.
	h := worldHandler(t, Config{Store: store, MaxStoreCalls: 1})
	q := `{ entity(id: "` + idGuard + `") { relations { source { name relations { id } } } } }`
	_, r := post(t, h, q, nil)
	wantCode(t, r.Errors, CodeBudgetExceeded)
	// The budget is per request.
	for range 3 {
		if _, r := post(t, h, `{ entity(id: "`+idGuard+`") { name } }`, nil); len(r.Errors) > 0 {
			t.Fatalf("one-read request refused: %+v", r.Errors)
		}
	}
	// Rows: the guard has 30 members.
	h = worldHandler(t, Config{Store: store, MaxStoreRows: 20})
	_, r = post(t, h, `{ entity(id: "`+idGuard+`") { relations { id } } }`, nil)
	wantCode(t, r.Errors, CodeBudgetExceeded)
	if _, r := post(t, h, `{ entity(id: "`+idBrell+`") { relations { id } } }`, nil); len(r.Errors) > 0 {
		t.Fatalf("small request refused: %+v", r.Errors)
	}
}

// stubbornIngester is an ingest that does not watch its context, as
// extraction does not: it returns only when released.
type stubbornIngester struct {
	started chan struct{}
	release chan struct{}
}

func (s stubbornIngester) Ingest(ctx context.Context, name string, data []byte) (kg.SaveResult, error) {
	s.started <- struct{}{}
	<-s.release
	return kg.SaveResult{}, ctx.Err()
}

// TestShutdownAnswersAnIngestThatDoesNotStop: an ingestArticle still
// extracting when the grace ends gets UNAVAILABLE, not a closed connection.
func TestShutdownAnswersAnIngestThatDoesNotStop(t *testing.T) {
	in := stubbornIngester{started: make(chan struct{}, 1), release: make(chan struct{})}
	defer close(in.release)
	addr, stop := startServer(t, Config{Store: openStore(t, worldFixtures(t)...), Ingest: in, ShutdownGrace: 100 * time.Millisecond})
	got := make(chan string, 1)
	go func() {
		resp, err := http.Post("http://"+addr+"/query", "application/json",
			strings.NewReader(`{"query": "mutation { ingestArticle(name: \"a.txt\", content: \"x\") { entities } }"}`))
		if err != nil {
			got <- "error: " + err.Error()
			return
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		got <- string(b)
	}()
	<-in.started
	err := stop()
	if body := <-got; !strings.Contains(body, kg.EUnavailable) || !strings.Contains(body, "shutting down") {
		t.Fatalf("the ingest running at shutdown got %q; want UNAVAILABLE: shutting down", body)
	}
	if err == nil || strings.Contains(err.Error(), "cut off") {
		t.Errorf("shutdown said %v; want every overdue request answered", err)
	}
}

// TestWriteResponse checks that writeResponse writes what json.Marshal
// writes of the response (the same JSON value), data alone as gqlgen
// wrote it, and keeps errors and extensions.
func TestWriteResponse(t *testing.T) {
	data := json.RawMessage(`{"entity":{"name":"A <b> & C","n":[1,2.5,null]}}`)
	for _, resp := range []*graphql.Response{
		{Data: data},
		{Data: data, Errors: gqlerror.List{{Message: "bad"}}},
		{Data: data, Extensions: map[string]any{"cost": 3}},
		{Errors: gqlerror.List{{Message: "bad"}}},
	} {
		var got bytes.Buffer
		writeResponse(&got, resp)
		want, err := json.Marshal(resp)
		if err != nil {
			t.Fatal(err)
		}
		var g, w any
		if err := json.Unmarshal(got.Bytes(), &g); err != nil {
			t.Fatalf("writeResponse wrote %s: %v", got.String(), err)
		}
		if err := json.Unmarshal(want, &w); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(g, w) {
			t.Errorf("writeResponse wrote\n%s\nwant\n%s", got.String(), want)
		}
	}
	// The executor gives every response an extensions map, empty unless
	// an extension wrote one.
	for _, ext := range []map[string]any{nil, {}} {
		var got bytes.Buffer
		writeResponse(&got, &graphql.Response{Data: data, Extensions: ext})
		if got.String() != `{"data":`+string(data)+`}` {
			t.Errorf("data alone (extensions %v): wrote %s", ext, got.String())
		}
	}
}

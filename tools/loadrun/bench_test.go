package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"sync"
	"testing"

	"github.com/newsgraph/newsgraph/gen"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/kg"
	"github.com/newsgraph/newsgraph/loader"
	"github.com/newsgraph/newsgraph/neo4jstore"
)

// benchArticles is the size of the benchmark graph.
const benchArticles = 500

// benchEnv is a loaded store behind the API handler, with the mix's targets.
type benchEnv struct {
	h   http.Handler
	t   *targets
	err error
}

var (
	benchMu   sync.Mutex
	benchEnvs = map[string]*benchEnv{}
	// benchCleanup closes stores and removes data at the end of the run.
	benchCleanup []func()
)

func TestMain(m *testing.M) {
	code := m.Run()
	for _, f := range benchCleanup {
		f()
	}
	os.Exit(code)
}

// backends are the stores to benchmark: always the embedded one, and Neo4j
// when NEO4J_TEST_URI names a server.
func backends() []string {
	if os.Getenv("NEO4J_TEST_URI") != "" {
		return []string{"embedded", "neo4j"}
	}
	return []string{"embedded"}
}

// envFor loads benchArticles generated articles into a store of the given
// kind once per test binary and returns it behind the handler.
func envFor(b *testing.B, kind string) *benchEnv {
	b.Helper()
	benchMu.Lock()
	defer benchMu.Unlock()
	if e, ok := benchEnvs[kind]; ok {
		if e.err != nil {
			b.Fatal(e.err)
		}
		return e
	}
	e := &benchEnv{}
	benchEnvs[kind] = e
	e.err = e.build(kind)
	if e.err != nil {
		b.Fatal(e.err)
	}
	return e
}

func (e *benchEnv) build(kind string) error {
	ctx := context.Background()
	var s kg.Store
	switch kind {
	case "neo4j":
		// The shared test server; loading is idempotent, so what other
		// tests left there only adds to the graph.
		cfg := neo4jstore.Config{URI: os.Getenv("NEO4J_TEST_URI"), Password: firstSet(os.Getenv("NEO4J_TEST_PASSWORD"),
			os.Getenv("NEO4J_PASSWORD"), "newsgraph")}
		st, err := neo4jstore.Open(ctx, cfg)
		if err != nil {
			return fmt.Errorf("open neo4j: %w", err)
		}
		s = st
		benchCleanup = append(benchCleanup, func() { st.Close() })
	default:
		dir, err := os.MkdirTemp("", "loadrun-bench-")
		if err != nil {
			return err
		}
		st, cleanup, err := openStore(ctx, options{store: "embedded", data: dir})
		if err != nil {
			os.RemoveAll(dir)
			return err
		}
		s = st
		benchCleanup = append(benchCleanup, func() { st.Close(); cleanup(); os.RemoveAll(dir) })
	}
	arts := gen.Articles(1, benchArticles)
	if _, err := loadArticles(ctx, s, arts); err != nil {
		return err
	}
	t, err := findTargets(ctx, s, arts)
	if err != nil {
		return err
	}
	e.t = t
	e.h = graph.NewHandler(graph.Config{Store: s, Ingest: loader.New(s),
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	return nil
}

func firstSet(vals ...string) string {
	for _, v := range vals {
		if v != "" {
			return v
		}
	}
	return ""
}

// benchQuery runs the mix's query name through the handler, without the
// network, with seeded variables, on every backend.
func benchQuery(b *testing.B, name string) {
	k := -1
	for i, q := range mix {
		if q.Name == name {
			k = i
		}
	}
	if k < 0 {
		b.Fatalf("no query %q in the mix", name)
	}
	for _, kind := range backends() {
		b.Run(kind, func(b *testing.B) {
			e := envFor(b, kind)
			r := clientRand(1, 0)
			b.ReportAllocs()
			for b.Loop() {
				body, err := json.Marshal(map[string]any{"query": mix[k].Text, "variables": mix[k].Vars(r, e.t)})
				if err != nil {
					b.Fatal(err)
				}
				req := httptest.NewRequest(http.MethodPost, "/query", bytes.NewReader(body))
				req.Header.Set("Content-Type", "application/json")
				rec := httptest.NewRecorder()
				e.h.ServeHTTP(rec, req)
				if err := checkResponse(rec.Code, rec.Body.Bytes()); err != nil {
					b.Fatalf("%s: %v", name, err)
				}
			}
		})
	}
}

func BenchmarkQuery_Entity(b *testing.B)       { benchQuery(b, "entity") }
func BenchmarkQuery_Search(b *testing.B)       { benchQuery(b, "search") }
func BenchmarkQuery_Detained(b *testing.B)     { benchQuery(b, "detained") }
func BenchmarkQuery_Evidence(b *testing.B)     { benchQuery(b, "evidence") }
func BenchmarkQuery_Neighborhood(b *testing.B) { benchQuery(b, "neighborhood") }
func BenchmarkQuery_Path(b *testing.B)         { benchQuery(b, "path") }
func BenchmarkQuery_Articles(b *testing.B)     { benchQuery(b, "articles") }

// BenchmarkQuery_Mix sends the whole seeded mix, one request per iteration.
func BenchmarkQuery_Mix(b *testing.B) {
	for _, kind := range backends() {
		b.Run(kind, func(b *testing.B) {
			e := envFor(b, kind)
			r := clientRand(1, 0)
			b.ReportAllocs()
			for b.Loop() {
				k := next(r)
				body, err := json.Marshal(map[string]any{"query": mix[k].Text, "variables": mix[k].Vars(r, e.t)})
				if err != nil {
					b.Fatal(err)
				}
				req := httptest.NewRequest(http.MethodPost, "/query", bytes.NewReader(body))
				req.Header.Set("Content-Type", "application/json")
				rec := httptest.NewRecorder()
				e.h.ServeHTTP(rec, req)
				if err := checkResponse(rec.Code, rec.Body.Bytes()); err != nil {
					b.Fatalf("%s: %v", mix[k].Name, err)
				}
			}
		})
	}
}

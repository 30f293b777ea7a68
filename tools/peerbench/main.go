// Command peerbench asks the same questions of one generated graph through
// four systems and compares them: this project's GraphQL API on Neo4j
// ("newsgraph-neo4j") and on the embedded store ("newsgraph-embedded"),
// @neo4j/graphql on the same Neo4j database ("neo4j-graphql", the Node
// server in node/), and hand-written Cypher through the Go driver
// ("cypher"). It loads the generated articles once, checks that every
// system gives the same counts for every question, then runs each
// question on each system for a fixed time with a fixed number of clients,
// alternating the systems' order from round to round, and prints
// throughput, p50/p99 and the ratios. run.sh starts everything.
//
//	go run ./tools/peerbench -neo4j-uri bolt://127.0.0.1:17718 -peer http://127.0.0.1:4100/graphql
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"runtime/pprof"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/newsgraph/newsgraph/gen"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/kg"
	"github.com/newsgraph/newsgraph/loader"
	"github.com/newsgraph/newsgraph/neo4jstore"
	"github.com/newsgraph/newsgraph/sqlite"
)

type options struct {
	neo4jURI, password, peer, data string
	articles, concurrency, rounds  int
	duration, warmup               time.Duration
	check                          bool
	only, systems, cpuProfile      string
	neo4jPID, peerPID              int
}

func main() {
	var o options
	flag.StringVar(&o.neo4jURI, "neo4j-uri", "bolt://127.0.0.1:17718", "Neo4j holding the benchmark graph (loaded on first use)")
	flag.StringVar(&o.password, "neo4j-password", "newsgraph", "password of user neo4j")
	flag.StringVar(&o.peer, "peer", "http://127.0.0.1:4100/graphql", "@neo4j/graphql endpoint (node/server.mjs); empty leaves it out")
	flag.StringVar(&o.data, "data", "tools/peerbench/.data", "directory of the embedded store")
	flag.IntVar(&o.articles, "articles", 1000, "generated articles (seed 1)")
	flag.IntVar(&o.concurrency, "concurrency", 8, "concurrent clients")
	flag.IntVar(&o.rounds, "rounds", 2, "rounds; each runs every question on every system, in alternating order")
	flag.DurationVar(&o.duration, "duration", 5*time.Second, "time per question, system and round")
	flag.DurationVar(&o.warmup, "warmup", 2*time.Second, "time per question and system, not measured, before the rounds (the JVM compiles its hot paths)")
	flag.StringVar(&o.only, "questions", "", "comma-separated questions to run (default all)")
	flag.BoolVar(&o.check, "check", true, "check that every system gives the same counts before measuring (false only while profiling)")
	flag.StringVar(&o.systems, "systems", "", "comma-separated systems to measure (default all; the answers of all are still checked)")
	flag.StringVar(&o.cpuProfile, "cpuprofile", "", "write a CPU profile of the measured rounds to this file (the in-process servers included)")
	flag.IntVar(&o.neo4jPID, "neo4j-pid", 0, "process id of the Neo4j server, to report its CPU time per request (Linux /proc; 0: not reported)")
	flag.IntVar(&o.peerPID, "peer-pid", 0, "process id of the @neo4j/graphql server, to report its CPU time per request (0: not reported)")
	flag.Parse()
	if err := run(context.Background(), o, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "peerbench:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, o options, out io.Writer) error {
	arts := gen.Articles(1, o.articles)
	n4, err := neo4jstore.Open(ctx, neo4jstore.Config{URI: o.neo4jURI, Password: o.password})
	if err != nil {
		return err
	}
	defer n4.Close()
	if err := os.MkdirAll(o.data, 0o755); err != nil {
		return err
	}
	emb, err := sqlite.Open(ctx, o.data)
	if err != nil {
		return err
	}
	defer emb.Close()
	for _, s := range []struct {
		name string
		s    kg.Store
	}{{"neo4j", n4}, {"embedded", emb}} {
		if err := ensureLoaded(ctx, s.s, arts, out, s.name); err != nil {
			return err
		}
	}
	driver, err := neo4j.NewDriverWithContext(o.neo4jURI, neo4j.BasicAuth("neo4j", o.password, ""))
	if err != nil {
		return err
	}
	defer driver.Close(ctx)

	systems := []system{}
	for _, s := range []struct {
		name string
		s    kg.Store
	}{{"newsgraph-neo4j", n4}, {"newsgraph-embedded", emb}} {
		url, stop, err := serve(s.s)
		if err != nil {
			return err
		}
		defer stop()
		systems = append(systems, &gqlSystem{name: s.name, url: url, peer: false})
	}
	if o.peer != "" {
		systems = append(systems, &gqlSystem{name: "neo4j-graphql", url: o.peer, peer: true})
	}
	systems = append(systems, &cypherSystem{driver: driver})

	qs := questions
	if o.only != "" {
		qs = nil
		for _, q := range questions {
			if slices.Contains(strings.Split(o.only, ","), q.name) {
				qs = append(qs, q)
			}
		}
	}
	t := newTargets(arts)
	if t.people, err = held(ctx, n4, t.people); err != nil {
		return err
	}
	if t.entities, err = held(ctx, n4, t.entities); err != nil {
		return err
	}
	if o.check {
		if err := check(ctx, qs, systems, t, out); err != nil {
			return err
		}
	}
	if o.systems != "" {
		systems = slices.DeleteFunc(systems, func(s system) bool { return !slices.Contains(strings.Split(o.systems, ","), s.Name()) })
	}
	if o.cpuProfile != "" {
		f, err := os.Create(o.cpuProfile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	return bench(ctx, o, qs, systems, t, out)
}

// ensureLoaded loads the generated articles into s unless it already holds
// as many articles.
func ensureLoaded(ctx context.Context, s kg.Store, arts []gen.Article, out io.Writer, name string) error {
	st, err := s.Stats(ctx)
	if err != nil {
		return err
	}
	if st.Articles >= len(arts) {
		return nil
	}
	srcs := make([]loader.Source, len(arts))
	for i, a := range arts {
		srcs[i] = loader.Bytes(a.Name, a.Data)
	}
	sum, err := loader.New(s).Load(ctx, srcs, nil)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "loaded %d articles into %s in %s (%.1f articles/s)\n", sum.Articles, name,
		sum.Elapsed.Round(time.Millisecond), float64(sum.Articles)/sum.Elapsed.Seconds())
	return nil
}

// held keeps the ids that s holds under that id (the extractor may name
// a generated entity differently).
func held(ctx context.Context, s kg.Store, ids []string) ([]string, error) {
	var out []string
	for i := 0; i < len(ids); i += 200 {
		es, err := s.Entities(ctx, ids[i:min(i+200, len(ids))])
		if err != nil {
			return nil, err
		}
		for j, e := range es {
			if e != nil && e.ID == ids[i+j] {
				out = append(out, e.ID)
			}
		}
	}
	if len(out) == 0 {
		return nil, errors.New("the store holds none of the generated entities")
	}
	return out, nil
}

// serve runs this project's API over s on a loopback port.
func serve(s kg.Store) (string, func(), error) {
	h := graph.NewHandler(graph.Config{Store: s, Logger: slog.New(slog.NewTextHandler(io.Discard, nil)),
		MaxExpensive: 64, ExpensiveWait: time.Minute})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", nil, err
	}
	srv := &http.Server{Handler: h}
	go srv.Serve(ln)
	return "http://" + ln.Addr().String() + "/query", func() { srv.Close() }, nil
}

// system answers a question with its variables, returning a summary of
// the answer that every system must agree on.
type system interface {
	Name() string
	Ask(ctx context.Context, q *question, vars map[string]any) (string, error)
}

// client is shared by the GraphQL systems; enough idle connections for
// every benchmark client.
var client = &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 64}, Timeout: time.Minute}

type gqlSystem struct {
	name string
	url  string
	peer bool // @neo4j/graphql: its query text and answer shape
}

// Name is the system's label in the results.
func (g *gqlSystem) Name() string { return g.name }

// Ask sends the question over GraphQL and returns the count its answer holds.
func (g *gqlSystem) Ask(ctx context.Context, q *question, vars map[string]any) (string, error) {
	text, count := q.gql, q.gqlCount
	if g.peer {
		text, count = q.peer, q.peerCount
	}
	body, err := json.Marshal(map[string]any{"query": text, "variables": vars})
	if err != nil {
		return "", err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, g.url, bytes.NewReader(body))
	if err != nil {
		return "", err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := client.Do(req)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	var r struct {
		Data   map[string]any `json:"data"`
		Errors []struct {
			Message string `json:"message"`
		} `json:"errors"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&r); err != nil {
		return "", fmt.Errorf("%s: HTTP %d: %w", g.name, resp.StatusCode, err)
	}
	if len(r.Errors) > 0 {
		return "", fmt.Errorf("%s: %s", g.name, r.Errors[0].Message)
	}
	return count(r.Data, vars), nil
}

type cypherSystem struct{ driver neo4j.DriverWithContext }

// Name is the system's label in the results.
func (c *cypherSystem) Name() string { return "cypher" }

// Ask runs the question's hand-written Cypher and returns the count it gives.
func (c *cypherSystem) Ask(ctx context.Context, q *question, vars map[string]any) (string, error) {
	sess := c.driver.NewSession(ctx, neo4j.SessionConfig{AccessMode: neo4j.AccessModeRead})
	defer sess.Close(ctx)
	recs, err := neo4j.ExecuteRead(ctx, sess, func(tx neo4j.ManagedTransaction) ([]*neo4j.Record, error) {
		res, err := tx.Run(ctx, q.cypher, q.cypherParams(vars))
		if err != nil {
			return nil, err
		}
		return res.Collect(ctx)
	})
	if err != nil {
		return "", err
	}
	return q.cypherCount(recs), nil
}

// check asks every question with every variable set of the targets of
// every system and fails when their summaries differ.
func check(ctx context.Context, qs []*question, systems []system, t *targets, out io.Writer) error {
	bad := 0
	for _, q := range qs {
		for _, vars := range q.vars(t) {
			var first string
			for i, s := range systems {
				got, err := s.Ask(ctx, q, vars)
				if err != nil {
					return fmt.Errorf("%s %v: %w", q.name, vars, err)
				}
				if i == 0 {
					first = got
				} else if got != first {
					bad++
					if bad <= 10 {
						fmt.Fprintf(out, "MISMATCH %s %v: %s says %s, %s says %s\n", q.name, vars, systems[0].Name(), first, s.Name(), got)
					}
				}
			}
		}
	}
	if bad > 0 {
		return fmt.Errorf("%d answers differ between systems", bad)
	}
	fmt.Fprintf(out, "every system gives the same counts for %d questions\n", len(qs))
	return nil
}

// cell is the measurements of one question on one system.
type cell struct {
	n    int
	busy time.Duration // wall time of the runs
	lat  []time.Duration
	// CPU time used during the runs by this process (the clients, the
	// driver and the in-process servers), Neo4j and the @neo4j/graphql
	// server.
	goCPU, dbCPU, peerCPU time.Duration
}

func bench(ctx context.Context, o options, qs []*question, systems []system, t *targets, out io.Writer) error {
	cells := map[[2]string]*cell{}
	// Warm every system up on every question first: Neo4j's JIT compiles
	// as it goes, and whichever system ran first would pay for it.
	if o.warmup > 0 {
		w := o
		w.duration = w.warmup
		for _, q := range qs {
			for _, s := range systems {
				if err := measure(ctx, w, q, s, q.vars(t), &cell{}); err != nil {
					return err
				}
			}
		}
	}
	for round := 0; round < o.rounds; round++ {
		for _, q := range qs {
			vars := q.vars(t)
			order := slices.Clone(systems)
			if round%2 == 1 {
				slices.Reverse(order)
			}
			for _, s := range order {
				c := cells[[2]string{q.name, s.Name()}]
				if c == nil {
					c = &cell{}
					cells[[2]string{q.name, s.Name()}] = c
				}
				if err := measure(ctx, o, q, s, vars, c); err != nil {
					return err
				}
			}
		}
	}
	fmt.Fprintf(out, "\n%d articles, %d clients, %d rounds of %s per question and system (after %s of warm-up each)\n\n", o.articles, o.concurrency, o.rounds, o.duration, o.warmup)
	fmt.Fprintf(out, "%-14s %-20s %9s %9s %9s %9s %9s %9s\n", "question", "system", "req/s", "p50 ms", "p99 ms", "go cpu", "neo4j cpu", "node cpu")
	for _, q := range qs {
		for _, s := range systems {
			c := cells[[2]string{q.name, s.Name()}]
			fmt.Fprintf(out, "%-14s %-20s %9.1f %9.2f %9.2f %9s %9s %9s\n", q.name, s.Name(), c.rate(), ms(c.pct(0.50)), ms(c.pct(0.99)),
				c.perRequest(c.goCPU, true), c.perRequest(c.dbCPU, o.neo4jPID != 0), c.perRequest(c.peerCPU, o.peerPID != 0))
		}
	}
	fmt.Fprintf(out, "(cpu: ms of CPU time per request; go cpu is this process: the clients, the Go driver and this project's in-process servers)\n")
	fmt.Fprintf(out, "\n%-14s %22s %22s %22s\n", "question", "neo4j ÷ @neo4j/graphql", "cypher ÷ neo4j", "embedded ÷ neo4j")
	for _, q := range qs {
		rate := func(name string) float64 {
			if c := cells[[2]string{q.name, name}]; c != nil {
				return c.rate()
			}
			return 0
		}
		a := rate("newsgraph-neo4j")
		fmt.Fprintf(out, "%-14s %22s %22s %22s\n", q.name, ratio(a, rate("neo4j-graphql")), ratio(rate("cypher"), a), ratio(rate("newsgraph-embedded"), a))
	}
	return nil
}

func ratio(a, b float64) string {
	if a == 0 || b == 0 {
		return "-"
	}
	return fmt.Sprintf("%.2f×", a/b)
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

func (c *cell) rate() float64 { return float64(c.n) / c.busy.Seconds() }

// perRequest is d per request in milliseconds, "-" when not measured.
func (c *cell) perRequest(d time.Duration, measured bool) string {
	if !measured || c.n == 0 {
		return "-"
	}
	return fmt.Sprintf("%.2f", ms(d)/float64(c.n))
}

func (c *cell) pct(p float64) time.Duration {
	if len(c.lat) == 0 {
		return 0
	}
	l := slices.Clone(c.lat)
	sort.Slice(l, func(i, j int) bool { return l[i] < l[j] })
	return l[min(len(l)-1, int(p*float64(len(l))))]
}

// measure runs q on s from o.concurrency clients for o.duration, each
// client walking the variable sets from its own offset.
func measure(ctx context.Context, o options, q *question, s system, vars []map[string]any, c *cell) error {
	go0, db0, peer0 := cpuTime(0), cpuTime(o.neo4jPID), cpuTime(o.peerPID)
	defer func() {
		c.goCPU += cpuTime(0) - go0
		if o.neo4jPID != 0 {
			c.dbCPU += cpuTime(o.neo4jPID) - db0
		}
		if o.peerPID != 0 {
			c.peerCPU += cpuTime(o.peerPID) - peer0
		}
	}()
	deadline := time.Now().Add(o.duration)
	var mu sync.Mutex
	var firstErr error
	var wg sync.WaitGroup
	start := time.Now()
	for w := 0; w < o.concurrency; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var lat []time.Duration
			for i := w; time.Now().Before(deadline); i++ {
				t0 := time.Now()
				if _, err := s.Ask(ctx, q, vars[i%len(vars)]); err != nil {
					mu.Lock()
					firstErr = errors.Join(firstErr, fmt.Errorf("%s on %s: %w", q.name, s.Name(), err))
					mu.Unlock()
					return
				}
				lat = append(lat, time.Since(t0))
			}
			mu.Lock()
			c.lat = append(c.lat, lat...)
			c.n += len(lat)
			mu.Unlock()
		}()
	}
	wg.Wait()
	c.busy += time.Since(start)
	return firstErr
}

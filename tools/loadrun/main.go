// Command loadrun is a reproducible load run of the GraphQL API: it
// generates articles (package gen), loads them into a store, serves the API
// on a free loopback port and sends a fixed, seeded mix of queries from N
// concurrent clients for a bounded time and count, then prints requests/s,
// latency percentiles and errors per query and overall.
//
//	go run ./tools/loadrun -articles 3000 -seed 1 -duration 20s -concurrency 8
//
// With -url it sends the mix to a running server instead, and with -sample
// it reads the server's memory from its /metrics during the run:
//
//	go run ./tools/loadrun -store embedded -data DIR -url http://127.0.0.1:8080/query -duration 10m -sample 5s
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/newsgraph/newsgraph/gen"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/kg"
	"github.com/newsgraph/newsgraph/loader"
	"github.com/newsgraph/newsgraph/neo4jstore"
	"github.com/newsgraph/newsgraph/sqlite"
)

// defaultWarmup is the warm-up a bare -warmup asks for.
const defaultWarmup = 3 * time.Second

// warmupFlag is a duration that also reads as a boolean: "-warmup" is
// defaultWarmup, "-warmup=false" none, "-warmup=5s" five seconds.
type warmupFlag struct{ d time.Duration }

// String gives the warm-up as a duration, as the flag package prints defaults.
func (w *warmupFlag) String() string {
	if w == nil || w.d == 0 {
		return "0s"
	}
	return w.d.String()
}

// Set parses "true", "false", or a duration of at most an hour.
func (w *warmupFlag) Set(s string) error {
	if b, err := strconv.ParseBool(s); err == nil {
		w.d = 0
		if b {
			w.d = defaultWarmup
		}
		return nil
	}
	d, err := time.ParseDuration(s)
	if err != nil {
		return fmt.Errorf("want true, false or a duration, got %q", s)
	}
	if d < 0 || d > time.Hour {
		return fmt.Errorf("warm-up must be between 0 and 1h, got %s", d)
	}
	w.d = d
	return nil
}

// IsBoolFlag lets "-warmup" stand alone.
func (w *warmupFlag) IsBoolFlag() bool { return true }

// options are the command line.
type options struct {
	articles    int
	seed        int64
	duration    time.Duration
	concurrency int
	requests    int64
	store       string
	data        string
	neo4jURI    string
	warmup      warmupFlag
	url         string        // a running server's /query; "" serves in-process
	sample      time.Duration // memory sampling interval; 0: none
}

func parseFlags(args []string, stderr io.Writer) (options, error) {
	var o options
	fs := flag.NewFlagSet("loadrun", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.IntVar(&o.articles, "articles", 3000, "number of generated articles to load")
	fs.Int64Var(&o.seed, "seed", 1, "seed of the articles and of the query mix")
	fs.DurationVar(&o.duration, "duration", 20*time.Second, "how long to send queries")
	fs.IntVar(&o.concurrency, "concurrency", 8, "concurrent clients")
	fs.Int64Var(&o.requests, "requests", 1_000_000, "stop after this many requests even before -duration (0: no bound)")
	fs.StringVar(&o.store, "store", "embedded", "store: embedded or neo4j (NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE)")
	fs.StringVar(&o.data, "data", "", "directory of the embedded store (default: a temporary one, removed afterwards)")
	fs.StringVar(&o.neo4jURI, "neo4j-uri", "", "Neo4j URI (default NEO4J_URI or bolt://127.0.0.1:7687)")
	fs.Var(&o.warmup, "warmup", "send the mix unmeasured first: bare for 3s, or -warmup=DURATION")
	fs.StringVar(&o.url, "url", "", "send the mix to a running server's /query (serving the same store) instead of serving in-process")
	fs.DurationVar(&o.sample, "sample", 0, "sample the server's memory (RSS, Go heap, goroutines from its /metrics) this often during the run")
	if err := fs.Parse(args); err != nil {
		return o, err
	}
	switch {
	case fs.NArg() > 0:
		return o, fmt.Errorf("unexpected arguments %q", fs.Args())
	case o.articles < 1:
		return o, fmt.Errorf("-articles must be at least 1")
	case o.concurrency < 1:
		return o, fmt.Errorf("-concurrency must be at least 1")
	case o.duration <= 0:
		return o, fmt.Errorf("-duration must be positive")
	case o.requests < 0:
		return o, fmt.Errorf("-requests must not be negative")
	case o.store != "embedded" && o.store != "neo4j":
		return o, fmt.Errorf("-store must be embedded or neo4j, got %q", o.store)
	case o.url != "" && o.store == "embedded" && o.data == "":
		return o, fmt.Errorf("-url needs -data: the server's embedded store, where the run finds its targets")
	case o.sample < 0:
		return o, fmt.Errorf("-sample must not be negative")
	}
	return o, nil
}

func main() {
	o, err := parseFlags(os.Args[1:], os.Stderr)
	if errors.Is(err, flag.ErrHelp) {
		return
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "loadrun:", err)
		os.Exit(2)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := loadRun(ctx, o, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "loadrun:", err)
		os.Exit(1)
	}
}

// openStore opens the store the options name; cleanup removes a temporary
// data directory.
func openStore(ctx context.Context, o options) (s kg.Store, cleanup func(), err error) {
	cleanup = func() {}
	if o.store == "neo4j" {
		cfg := neo4jstore.ConfigFromEnv()
		if o.neo4jURI != "" {
			cfg.URI = o.neo4jURI
		}
		s, err := neo4jstore.Open(ctx, cfg)
		return s, cleanup, err
	}
	dir := o.data
	if dir == "" {
		tmp, err := os.MkdirTemp("", "loadrun-")
		if err != nil {
			return nil, cleanup, fmt.Errorf("temp dir: %w", err)
		}
		dir, cleanup = tmp, func() { os.RemoveAll(tmp) }
	}
	st, err := sqlite.Open(ctx, dir)
	if err != nil {
		cleanup()
		return nil, func() {}, err
	}
	return st, cleanup, nil
}

// sources turns generated articles into loader sources read from memory.
func sources(arts []gen.Article) []loader.Source {
	out := make([]loader.Source, len(arts))
	for i, a := range arts {
		out[i] = loader.Bytes(a.Name, a.Data)
	}
	return out
}

// loadArticles loads the articles into s and says how fast.
func loadArticles(ctx context.Context, s kg.Store, arts []gen.Article) (loader.Summary, error) {
	sum, err := loader.New(s).Load(ctx, sources(arts), nil)
	if err != nil {
		return sum, fmt.Errorf("load: %w", err)
	}
	if sum.Failed > 0 {
		return sum, fmt.Errorf("load: %d of %d articles failed, first: %s: %w", sum.Failed, len(arts),
			sum.Errors[0].Path, sum.Errors[0].Err)
	}
	return sum, nil
}

// serve starts the API on a free loopback port; stop shuts it down.
func serve(s kg.Store) (url string, stop func(), err error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0") // loopback only, never another address
	if err != nil {
		return "", nil, fmt.Errorf("listen: %w", err)
	}
	h := graph.NewHandler(graph.Config{Store: s, Ingest: loader.New(s),
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}
	go srv.Serve(ln)
	stop = func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		srv.Shutdown(ctx)
	}
	return "http://" + ln.Addr().String() + "/query", stop, nil
}

// httpClient keeps one connection per client alive and never uses a proxy.
func httpClient(concurrency int) *http.Client {
	return &http.Client{
		Timeout: 60 * time.Second,
		Transport: &http.Transport{
			Proxy:               nil,
			MaxIdleConns:        concurrency,
			MaxIdleConnsPerHost: concurrency,
			IdleConnTimeout:     90 * time.Second,
		},
	}
}

// loadRun is the whole run: generate, load, serve, query, report.
func loadRun(ctx context.Context, o options, out io.Writer) error {
	fmt.Fprintf(out, "loadrun: %s/%s, %d CPUs, GOMAXPROCS %d, %s\n", runtime.GOOS, runtime.GOARCH,
		runtime.NumCPU(), runtime.GOMAXPROCS(0), runtime.Version())
	t0 := time.Now()
	arts := gen.Articles(o.seed, o.articles)
	fmt.Fprintf(out, "generated %d articles (seed %d) in %s\n", len(arts), o.seed, time.Since(t0).Round(time.Millisecond))

	s, cleanup, err := openStore(ctx, o)
	if err != nil {
		return fmt.Errorf("open %s store: %w", o.store, err)
	}
	defer cleanup()
	defer s.Close()

	st, err := s.Stats(ctx)
	if err != nil {
		return fmt.Errorf("stats: %w", err)
	}
	if st.Articles >= len(arts) {
		// A store kept from an earlier run (or a running server's) is
		// queried as it is: loading the same articles again changes nothing.
		fmt.Fprintf(out, "the %s store already holds %d articles: not loading\n", o.store, st.Articles)
	} else {
		sum, err := loadArticles(ctx, s, arts)
		if err != nil {
			return err
		}
		if st, err = s.Stats(ctx); err != nil {
			return fmt.Errorf("stats: %w", err)
		}
		fmt.Fprintf(out, "loaded %d articles into the %s store in %s: %.1f articles/s\n", sum.Articles, o.store,
			sum.Elapsed.Round(time.Millisecond), float64(sum.Articles)/sum.Elapsed.Seconds())
	}
	fmt.Fprintf(out, "store holds %d articles, %d entities, %d relations, %d events, %d quotes, %d evidence\n",
		st.Articles, st.Entities, st.Relations, st.Events, st.Quotes, st.Evidence)

	t, err := findTargets(ctx, s, arts)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "targets: %d people, %d entities, %d search terms, %d pages of detentions\n",
		len(t.people), len(t.entities), len(t.terms), len(t.detained))

	url := o.url
	if url == "" {
		u, stop, err := serve(s)
		if err != nil {
			return err
		}
		defer stop()
		url = u
	}
	hc := httpClient(o.concurrency)
	if o.warmup.d > 0 {
		// Another seed, so the measured run does not find every answer
		// already in a cache.
		run(ctx, hc, t, runConfig{URL: url, Seed: o.seed + 1_000_003, Concurrency: o.concurrency, Duration: o.warmup.d})
		fmt.Fprintf(out, "warmed up for %s\n", o.warmup.d)
	}
	fmt.Fprintf(out, "running the mix on %s: %d clients, %s, at most %d requests, seed %d\n\n",
		url, o.concurrency, o.duration, o.requests, o.seed)
	var mem []memSample
	memDone := make(chan struct{})
	sctx, stopSampling := context.WithCancel(ctx)
	go func() {
		defer close(memDone)
		if o.sample > 0 {
			mem = sampleMemory(sctx, &http.Client{Timeout: 10 * time.Second}, strings.TrimSuffix(url, "/query")+"/metrics", o.sample)
		}
	}()
	res := run(ctx, hc, t, runConfig{URL: url, Seed: o.seed, Concurrency: o.concurrency, Duration: o.duration, MaxRequests: o.requests})
	stopSampling()
	<-memDone
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("interrupted: %w", err)
	}
	printTable(out, summarize(res))
	if o.sample > 0 {
		printMemory(out, mem)
	}
	if errs := firstErrors(res, 5); len(errs) > 0 {
		fmt.Fprintln(out, "\nfirst errors:")
		for _, e := range errs {
			fmt.Fprintln(out, "  "+e)
		}
	}
	return nil
}

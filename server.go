// Command newsgraph turns news articles into a knowledge graph and serves it
// over GraphQL. This file only parses the command line and wires packages:
// article/extract/loader do the work of loading, sqlite and neo4jstore hold
// the graph, graph serves it.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"path/filepath"
	"runtime/debug"
	"strings"
	"syscall"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"github.com/newsgraph/newsgraph/article"
	"github.com/newsgraph/newsgraph/envflag"
	"github.com/newsgraph/newsgraph/export"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/kg"
	"github.com/newsgraph/newsgraph/loader"
	"github.com/newsgraph/newsgraph/neo4jstore"
	"github.com/newsgraph/newsgraph/resolve"
	"github.com/newsgraph/newsgraph/samples"
	"github.com/newsgraph/newsgraph/sqlite"
	"github.com/newsgraph/newsgraph/telemetry"
)

const usage = `newsgraph: a GraphQL knowledge graph of news articles.

Usage:
  newsgraph serve   [flags]          serve GraphQL (GraphiQL at /, endpoint /query)
  newsgraph load    [flags] PATH...  load article files or folders into the store
  newsgraph extract PATH             print one article's facts as JSON (no store)
  newsgraph export  [flags]          write the graph as GraphML, GEXF, CSV or JSON Lines
  newsgraph resolve [flags]          join the duplicate entities of a store loaded before resolution

Run "newsgraph COMMAND -h" for a command's flags.
`

func main() {
	if len(os.Args) < 2 {
		fmt.Fprint(os.Stderr, usage)
		os.Exit(2)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	// The first signal asks for a clean stop (load prints its summary,
	// serve drains); a second one ends the process at once.
	go func() {
		<-ctx.Done()
		stop()
	}()
	var err error
	switch cmd, args := os.Args[1], os.Args[2:]; cmd {
	case "serve":
		err = serve(ctx, args)
	case "load":
		err = load(ctx, args)
	case "extract":
		err = extractCmd(args, os.Stdout)
	case "export":
		err = exportCmd(ctx, args, os.Stdout)
	case "resolve":
		err = resolveCmd(ctx, args, os.Stdout)
	case "help", "-h", "--help":
		fmt.Print(usage)
		return
	default:
		fmt.Fprintf(os.Stderr, "newsgraph: unknown command %q\n\n%s", cmd, usage)
		os.Exit(2)
	}
	if err != nil {
		var ex exitError
		if !errors.As(err, &ex) {
			fmt.Fprintln(os.Stderr, "newsgraph:", err)
		}
		os.Exit(exitCode(err))
	}
}

// exitCode is 2 for a command called wrongly (a malformed flag or
// environment value, missing arguments), as the flag package exits on a bad
// flag, and 1 for any other failure.
func exitCode(err error) int {
	var ee *envflag.Error
	var ue usageError
	if errors.As(err, &ee) || errors.As(err, &ue) {
		return 2
	}
	return 1
}

// exitError asks for a non-zero exit after the command already said why.
type exitError struct{ msg string }

// Error returns the reason for the exit status.
func (e exitError) Error() string { return e.msg }

// usageError is a command called wrongly: exit status 2.
type usageError struct{ err error }

// Error says what is wrong with the call.
func (e usageError) Error() string { return e.err.Error() }

// Unwrap returns the error itself.
func (e usageError) Unwrap() error { return e.err }

// storeFlags are the flags that choose and configure the store.
type storeFlags struct {
	kind, data                   *string
	neo4j                        neo4jstore.Config
	neo4jURI, neo4jUser, neo4jDB *string
}

func (s *storeFlags) register(ef *envflag.Set) {
	s.neo4j = neo4jstore.ConfigFromEnv()
	s.kind = ef.Choice("store", "NEWSGRAPH_STORE", "embedded", []string{"embedded", "sqlite", "neo4j"}, "store: embedded or neo4j")
	s.data = ef.String("data", "NEWSGRAPH_DATA", defaultDataDir(), "data directory of the embedded store")
	// ConfigFromEnv read the environment (and knows the defaults): the
	// flags only override it.
	s.neo4jURI = ef.String("neo4j-uri", "", s.neo4j.URI, "Neo4j URI, bolt:// or neo4j:// (env NEO4J_URI)")
	s.neo4jUser = ef.String("neo4j-user", "", s.neo4j.User, "Neo4j user (env NEO4J_USER)")
	s.neo4jDB = ef.String("neo4j-database", "", s.neo4j.Database, "Neo4j database (env NEO4J_DATABASE)")
	// The password comes from the environment only, so it never shows in
	// the process list.
}

func (s *storeFlags) open(ctx context.Context) (kg.Store, error) {
	if *s.kind == "neo4j" {
		cfg := s.neo4j
		cfg.URI, cfg.User, cfg.Database = *s.neo4jURI, *s.neo4jUser, *s.neo4jDB
		return neo4jstore.Open(ctx, cfg)
	}
	return sqlite.Open(ctx, *s.data)
}

// defaultDataDir is under the user's data directory, so that serve and load
// run from anywhere share one graph.
func defaultDataDir() string {
	if d := os.Getenv("XDG_DATA_HOME"); d != "" {
		return filepath.Join(d, "newsgraph")
	}
	if h, err := os.UserHomeDir(); err == nil {
		return filepath.Join(h, ".local", "share", "newsgraph")
	}
	return "data"
}

func serve(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("serve", flag.ExitOnError)
	ef := envflag.New(fs)
	var sf storeFlags
	sf.register(ef)
	addr := ef.String("addr", "NEWSGRAPH_ADDR", ":8080", "listen address")
	noSamples := ef.Bool("no-samples", "NEWSGRAPH_NO_SAMPLES", "do not load the sample articles (nor --first-load) into an empty store")
	firstLoad := ef.String("first-load", "NEWSGRAPH_FIRST_LOAD", defaultFirstLoad, "comma-separated folders also loaded into an empty store with the samples, when they exist")
	protect := ef.Bool("protect-queries", "NEWSGRAPH_PROTECT_QUERIES", "require the API key for queries too")
	maxDepth := ef.Int("max-depth", "NEWSGRAPH_MAX_DEPTH", 0, "largest query depth, 0 for the default 12")
	maxComplexity := ef.Int("max-complexity", "NEWSGRAPH_MAX_COMPLEXITY", 0, "largest query complexity, 0 for the default 25000")
	maxTokens := ef.Int("max-tokens", "NEWSGRAPH_MAX_TOKENS", 0, "largest query document in tokens, 0 for the default 10000")
	maxPage := ef.Int("max-page-size", "NEWSGRAPH_MAX_PAGE_SIZE", 0, "largest page a list returns, 0 for the default 500")
	maxBody := ef.Int64("max-body", "NEWSGRAPH_MAX_BODY", 0, "largest request body in bytes, 0 for the default 1 MiB")
	timeout := ef.Duration("timeout", "NEWSGRAPH_TIMEOUT", 0, "request timeout, 0 for the default 30s")
	readHeader := ef.Duration("read-header-timeout", "NEWSGRAPH_READ_HEADER_TIMEOUT", 0, "time to read a request's headers, 0 for the default 10s")
	readTimeout := ef.Duration("read-timeout", "NEWSGRAPH_READ_TIMEOUT", 0, "time to read a request's headers and body, 0 for the default 30s")
	writeTimeout := ef.Duration("write-timeout", "NEWSGRAPH_WRITE_TIMEOUT", 0, "time to answer a request, 0 for the request timeout + 10s")
	idleTimeout := ef.Duration("idle-timeout", "NEWSGRAPH_IDLE_TIMEOUT", 0, "how long an idle keep-alive connection stays open, 0 for the default 60s")
	grace := ef.Duration("shutdown-grace", "NEWSGRAPH_SHUTDOWN_GRACE", 0, "time running requests get to finish at shutdown, 0 for the default 10s")
	maxExpensive := ef.Int("max-expensive", "NEWSGRAPH_MAX_EXPENSIVE", 0, "costly requests (cost 1000 or more) running at once, 0 for the default 2 × CPUs")
	maxCalls := ef.Int64("max-store-calls", "NEWSGRAPH_MAX_STORE_CALLS", 0, "store reads one request may make, 0 for the default 1000")
	maxRows := ef.Int64("max-store-rows", "NEWSGRAPH_MAX_STORE_ROWS", 0, "items one request may read from the store, 0 for the default 250000")
	cors := ef.String("cors-origins", "NEWSGRAPH_CORS_ORIGINS", "", "comma-separated browser origins allowed to call /query, or *")
	gcPercent := ef.Int("gc-percent", "NEWSGRAPH_GC_PERCENT", defaultGCPercent, "garbage collector target, as GOGC (which overrides it when set)")
	limit := articleLimit(ef)
	if err := ef.Parse(args); err != nil {
		return err
	}
	if err := limit(); err != nil {
		return err
	}
	if err := setGCPercent(*gcPercent, os.Getenv("GOGC")); err != nil {
		return err
	}
	log := slog.New(telemetry.LogHandler(slog.NewTextHandler(os.Stderr, nil)))

	store, err := sf.open(ctx)
	if err != nil {
		return err
	}
	defer store.Close()
	tel := telemetry.New(log, store)
	ld := loader.New(store)
	if !*noSamples {
		if err := loadSamples(ctx, log, tel, store, ld, splitList(*firstLoad)); err != nil {
			return err
		}
	}
	srv := graph.NewServer(graph.Config{
		Store:             store,
		Ingest:            ld,
		APIKey:            os.Getenv("NEWSGRAPH_API_KEY"),
		ProtectQueries:    *protect,
		MaxDepth:          *maxDepth,
		MaxComplexity:     *maxComplexity,
		MaxTokens:         *maxTokens,
		MaxPageSize:       *maxPage,
		MaxBodyBytes:      *maxBody,
		Timeout:           *timeout,
		AllowedOrigins:    splitList(*cors),
		Logger:            log,
		Telemetry:         tel,
		MaxExpensive:      *maxExpensive,
		MaxStoreCalls:     *maxCalls,
		MaxStoreRows:      *maxRows,
		ReadHeaderTimeout: *readHeader,
		ReadTimeout:       *readTimeout,
		WriteTimeout:      *writeTimeout,
		IdleTimeout:       *idleTimeout,
		ShutdownGrace:     *grace,
	})
	if os.Getenv("NEWSGRAPH_API_KEY") == "" {
		log.Warn("NEWSGRAPH_API_KEY is not set: mutations (ingest, merge, retract, edit) are open to every client")
	}
	// Listen first: a busy port fails here, before the log says serving.
	ln, err := srv.Listen(*addr)
	if err != nil {
		return err
	}
	log.Info("serving GraphQL", "addr", ln.Addr().String(), "graphiql", "http://"+displayAddr(*addr)+"/", "store", *sf.kind)
	return srv.Serve(ctx, ln)
}

// defaultGCPercent is the server's garbage collector target. Its live heap is
// small (7-19 MB under the mixed load of README's Measuring section), so at
// Go's default of 100 the collector runs every few dozen requests; at 400 a
// request costs about a quarter less CPU in the GraphQL layer, for a heap
// that may grow to five times the live one (tools/peerbench/README.md).
const defaultGCPercent = 400

// setGCPercent applies --gc-percent unless GOGC is set, which the runtime
// has already applied and the operator's word wins.
func setGCPercent(percent int, gogc string) error {
	if percent < 25 {
		return usageError{fmt.Errorf("--gc-percent must be at least 25, not %d", percent)}
	}
	if gogc == "" {
		debug.SetGCPercent(percent)
	}
	return nil
}

// splitList reads a comma-separated flag value.
func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func displayAddr(addr string) string {
	if strings.HasPrefix(addr, ":") {
		return "localhost" + addr
	}
	return addr
}

// defaultFirstLoad is where the project's workspace keeps its articles,
// beside the checkout: the README's examples are about them.
const defaultFirstLoad = "../shared/articles"

// loadSamples gives a new user a graph at once: into a store that has no
// article yet go the project's own sample articles and the articles of
// those extra folders that exist.
func loadSamples(ctx context.Context, log *slog.Logger, tel *telemetry.Telemetry, store kg.Store, ld *loader.Loader, extra []string) error {
	st, err := store.Stats(ctx)
	if err != nil {
		return err
	}
	if st.Articles > 0 {
		return nil
	}
	srcs, err := loader.FS(samples.FS(), ".")
	if err != nil {
		return err
	}
	var dirs []string
	for _, d := range extra {
		// A symlinked folder is read where it points: walks do not follow links.
		if real, err := filepath.EvalSymlinks(d); err == nil {
			if fi, err := os.Stat(real); err == nil && fi.IsDir() {
				dirs = append(dirs, real)
			}
		}
	}
	if len(dirs) > 0 {
		srcs = append(srcs, loader.Files(dirs)...)
	}
	sum, err := ld.Load(ctx, srcs, nil)
	if err != nil {
		return err
	}
	tel.RecordLoad(sum.Articles, sum.Failed, sum.Elapsed)
	for _, r := range sum.Errors {
		log.Warn("first-start article failed", "file", r.Path, "err", r.Err)
	}
	log.Info("empty store: loaded the sample articles", "also", strings.Join(dirs, ","),
		"articles", sum.Articles, "entities", sum.Entities, "relations", sum.Relations)
	return nil
}

// articleLimit registers --max-article-bytes on fs; the returned function
// applies it once the flags are parsed.
func articleLimit(ef *envflag.Set) func() error {
	n := ef.Int64("max-article-bytes", "NEWSGRAPH_MAX_ARTICLE_BYTES", article.DefaultMaxBytes,
		"largest article file (or ingested article) in bytes")
	return func() error {
		if *n == 0 {
			return usageError{errors.New("--max-article-bytes must be positive, not 0")}
		}
		article.MaxBytes = *n
		return nil
	}
}

// progressLine is one line of `load --progress=json`: what became of one
// file.
type progressLine struct {
	File      string `json:"file"`
	Article   string `json:"article,omitempty"`
	Status    string `json:"status"`
	Entities  int    `json:"entities"`
	Relations int    `json:"relations"`
	Error     string `json:"error,omitempty"`
}

// summaryLine is the last line of `load --progress=json`.
type summaryLine struct {
	Summary struct {
		Loaded    int     `json:"loaded"`
		Failed    int     `json:"failed"`
		Skipped   int     `json:"skipped"`
		NotLoaded int     `json:"not_loaded"`
		Entities  int     `json:"entities"`
		Relations int     `json:"relations"`
		Seconds   float64 `json:"seconds"`
		Stopped   string  `json:"stopped,omitempty"`
	} `json:"summary"`
}

func load(ctx context.Context, args []string) error {
	stdout, stderr := os.Stdout, os.Stderr
	fs := flag.NewFlagSet("load", flag.ExitOnError)
	ef := envflag.New(fs)
	var sf storeFlags
	sf.register(ef)
	limit := articleLimit(ef)
	progress := ef.Choice("progress", "", "auto", []string{"auto", "bar", "json", "none"}, "progress report: auto (a bar on a terminal), bar, json (one line per file on stdout), none")
	if err := ef.Parse(args); err != nil {
		return err
	}
	if err := limit(); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usageError{errors.New("load: name at least one file or folder")}
	}
	srcs := loader.Files(fs.Args())
	if len(srcs) == 0 {
		return fmt.Errorf("load: no article files (%s) in %s", strings.Join(article.Extensions, ", "), strings.Join(fs.Args(), " "))
	}
	store, err := sf.open(ctx)
	if err != nil {
		return fmt.Errorf("load: %w; none of the %d files was loaded", err, len(srcs))
	}
	defer store.Close()

	var bar *progressbar.ProgressBar
	if *progress == "bar" || *progress == "auto" && term.IsTerminal(int(stderr.Fd())) {
		bar = progressbar.NewOptions(len(srcs), progressbar.OptionSetWriter(stderr),
			progressbar.OptionSetDescription("loading"), progressbar.OptionShowCount(),
			progressbar.OptionClearOnFinish())
	}
	enc := json.NewEncoder(stdout)
	enc.SetEscapeHTML(false)
	sum, stopped := loader.New(store).Load(ctx, srcs, func(r loader.Result) {
		if *progress == "json" {
			l := progressLine{File: r.Path, Article: r.Article, Status: string(r.Status),
				Entities: r.Save.Entities, Relations: r.Save.Relations}
			if r.Err != nil {
				l.Error = r.Err.Error()
			}
			_ = enc.Encode(l)
		}
		if bar != nil && r.Status != loader.Loaded {
			_ = bar.Clear()
		}
		switch r.Status {
		case loader.Failed:
			fmt.Fprintln(stderr, "error:", r.Err)
		case loader.Skipped:
			fmt.Fprintln(stderr, r.Err) // it says "skipped" and why
		case loader.NotLoaded:
			fmt.Fprintln(stderr, "not loaded:", r.Path)
		}
		if bar != nil {
			_ = bar.Add(1)
		}
	})
	if stopped != nil {
		fmt.Fprintf(stderr, "%v; %d articles not loaded (named above)\n", stopped, sum.NotLoaded)
	}

	// The totals of the store, unless it is the reason the load stopped; an
	// interrupted load still asks, briefly, without the ended context.
	var held string
	if kg.ErrorCode(stopped) != kg.EUnavailable {
		sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
		defer cancel()
		if st, err := store.Stats(sctx); err == nil {
			held = fmt.Sprintf("; the store now holds %d articles, %d entities, %d relations", st.Articles, st.Entities, st.Relations)
		}
	}
	if *progress == "json" {
		var l summaryLine
		l.Summary.Loaded, l.Summary.Failed, l.Summary.Skipped, l.Summary.NotLoaded = sum.Articles, sum.Failed, sum.Skipped, sum.NotLoaded
		l.Summary.Entities, l.Summary.Relations, l.Summary.Seconds = sum.Entities, sum.Relations, sum.Elapsed.Seconds()
		if stopped != nil {
			l.Summary.Stopped = stopped.Error()
		}
		_ = enc.Encode(l)
	}
	line := fmt.Sprintf("loaded %d of %d articles in %.2fs%s", sum.Articles, len(srcs)-sum.Skipped, sum.Elapsed.Seconds(), held)
	if sum.Skipped > 0 {
		line += fmt.Sprintf("; skipped %d (named above)", sum.Skipped)
	}
	if *progress == "json" {
		fmt.Fprintln(stderr, line)
	} else {
		fmt.Fprintln(stdout, line)
	}
	switch {
	case stopped != nil:
		return exitError{stopped.Error()}
	case sum.Failed > 0:
		return exitError{fmt.Sprintf("%d files failed", sum.Failed)}
	}
	return nil
}

func extractCmd(args []string, out io.Writer) error {
	fs := flag.NewFlagSet("extract", flag.ExitOnError)
	ef := envflag.New(fs)
	limit := articleLimit(ef)
	if err := ef.Parse(args); err != nil {
		return err
	}
	if err := limit(); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usageError{errors.New("extract: name exactly one article file")}
	}
	if st, err := os.Stat(fs.Arg(0)); err == nil && st.IsDir() {
		return fmt.Errorf("extract: %s is a folder; extract reads one article file (load reads folders)", fs.Arg(0))
	}
	x, err := loader.ExtractFile(fs.Arg(0))
	if err != nil {
		return err
	}
	enc := json.NewEncoder(out)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(x)
}

func exportCmd(ctx context.Context, args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("export", flag.ExitOnError)
	ef := envflag.New(fs)
	var sf storeFlags
	sf.register(ef)
	format := fs.String("format", "graphml", "one of "+strings.Join(export.Names(), ", ")+" ("+export.CSV+": nodes.csv and edges.csv into --out DIR)")
	out := fs.String("out", "", "file to write (a folder for csv); standard output if empty")
	types := fs.String("types", "", "comma-separated relation types to keep (default all)")
	entityTypes := fs.String("entity-types", "", "comma-separated entity types to keep (default all)")
	minConf := fs.Float64("min-confidence", 0, "drop relations below this confidence")
	if err := ef.Parse(args); err != nil {
		return err
	}
	f := export.Filter{MinConfidence: *minConf}
	for _, t := range splitList(*types) {
		f.Types = append(f.Types, kg.RelationType(strings.ToUpper(t)))
	}
	for _, t := range splitList(*entityTypes) {
		f.EntityTypes = append(f.EntityTypes, kg.EntityType(t))
	}
	if err := f.Validate(); err != nil {
		return usageError{err}
	}
	ffs, err := export.ParseFormats(*format)
	if err != nil {
		return usageError{err}
	}
	files := map[string]export.Format{}
	if len(ffs) > 1 {
		if *out == "" {
			return errors.New("export: --format csv writes two files: name a folder with --out")
		}
		if err := os.MkdirAll(*out, 0o755); err != nil {
			return err
		}
		for _, ff := range ffs {
			files[filepath.Join(*out, string(ff))] = ff
		}
	} else {
		files[*out] = ffs[0]
	}
	store, err := sf.open(ctx)
	if err != nil {
		return err
	}
	defer store.Close()
	for path, ff := range files {
		w, closeFn := stdout, func() error { return nil }
		if path != "" {
			fh, err := os.Create(path)
			if err != nil {
				return err
			}
			w, closeFn = fh, fh.Close
		}
		c, err := export.Write(ctx, store, w, ff, f)
		if cerr := closeFn(); err == nil {
			err = cerr
		}
		if err != nil {
			return err
		}
		if path != "" {
			fmt.Fprintf(os.Stderr, "wrote %s: %d entities, %d relations\n", path, c.Entities, c.Relations)
		}
	}
	return nil
}

// resolveCmd runs cross-article resolution over what a store already holds
// and reports every join it made.
func resolveCmd(ctx context.Context, args []string, out io.Writer) error {
	ef := envflag.New(flag.NewFlagSet("resolve", flag.ExitOnError))
	var sf storeFlags
	sf.register(ef)
	if err := ef.Parse(args); err != nil {
		return err
	}
	store, err := sf.open(ctx)
	if err != nil {
		return err
	}
	defer store.Close()
	rep, err := resolve.Existing(ctx, store, nil)
	if rep != nil {
		for _, m := range rep.Merges {
			fmt.Fprintf(out, "joined %q (%s) into %q (%s): score %.2f, %s\n", m.DropName, m.Drop, m.KeepName, m.Keep, m.Score, m.Evidence.Why)
		}
		fmt.Fprintf(out, "resolve: %d entities indexed, %d compared, %d joined, %d pairs left for review\n",
			rep.Indexed, rep.Examined, len(rep.Merges), len(rep.Candidates))
	}
	return err
}

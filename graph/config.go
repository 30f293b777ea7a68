package graph

import (
	"context"
	"log/slog"
	"runtime"
	"time"

	"github.com/newsgraph/newsgraph/kg"
	"github.com/newsgraph/newsgraph/telemetry"
)

// Ingester turns one article file into graph facts and saves them; the
// loader package implements it (parse → extract → save).
type Ingester interface {
	Ingest(ctx context.Context, name string, data []byte) (kg.SaveResult, error)
}

// Config holds what NewHandler and NewServer need. Zero limits take safe
// defaults.
type Config struct {
	Store  kg.Store
	Ingest Ingester // nil disables the ingestArticle mutation
	// APIKey, when set, is required (Authorization: Bearer KEY) for
	// mutations, and for queries too if ProtectQueries.
	APIKey         string
	ProtectQueries bool
	MaxDepth       int           // default 12
	MaxComplexity  int           // default 25000
	MaxTokens      int           // tokens of a query document; default 10000
	MaxPageSize    int           // default and upper bound kg.MaxPageSize
	Timeout        time.Duration // per request; default 30s
	MaxBodyBytes   int64         // default 1 MiB
	Logger         *slog.Logger  // default slog.Default()
	// AllowedOrigins lists the browser origins (e.g.
	// "http://localhost:3000", or "*") that may call /query across
	// origins; none by default.
	AllowedOrigins []string
	// Telemetry receives the metrics served at /metrics and logs each
	// request; nil makes one for this handler (without load figures).
	Telemetry *telemetry.Telemetry

	// MaxExpensive bounds the requests costing at least ExpensiveCost that
	// run at once; more are refused with OVERLOADED. Default 2 × CPUs.
	MaxExpensive int
	// ExpensiveWait is how long an expensive request waits for a slot
	// before OVERLOADED; default 1s.
	ExpensiveWait time.Duration
	// MaxStoreCalls and MaxStoreRows bound the store work of one request
	// (reads, and items read); defaults 1000 and 250000.
	MaxStoreCalls int64
	MaxStoreRows  int64

	// Timeouts of the HTTP server (NewServer, Serve).
	ReadHeaderTimeout time.Duration // default 10s
	ReadTimeout       time.Duration // headers and body; default 30s
	WriteTimeout      time.Duration // from the end of the headers; default Timeout + 10s
	IdleTimeout       time.Duration // keep-alive between requests; default 60s
	ShutdownGrace     time.Duration // for running requests at shutdown; default 10s
}

// Defaults applied by NewHandler when a Config field is zero.
const (
	DefaultMaxDepth      = 12
	DefaultMaxComplexity = 25000
	DefaultTimeout       = 30 * time.Second
	DefaultMaxBodyBytes  = 1 << 20
	DefaultMaxTokens     = 10000
	DefaultMaxStoreCalls = 1000
	DefaultMaxStoreRows  = 250000

	DefaultReadHeaderTimeout = 10 * time.Second
	DefaultReadTimeout       = 30 * time.Second
	DefaultIdleTimeout       = 60 * time.Second
	DefaultShutdownGrace     = 10 * time.Second
	DefaultExpensiveWait     = time.Second

	// ExpensiveCost is the cost from which a request needs one of the
	// MaxExpensive slots: about a page of 50 with nested lists, or a
	// traversal.
	ExpensiveCost = 1000
	// maxFieldRepeats bounds how often one name may be selected in one
	// selection set; see DocumentLimit.
	maxFieldRepeats = 20
)

func (c Config) withDefaults() Config {
	if c.MaxDepth <= 0 {
		c.MaxDepth = DefaultMaxDepth
	}
	if c.MaxComplexity <= 0 {
		c.MaxComplexity = DefaultMaxComplexity
	}
	if c.MaxPageSize <= 0 || c.MaxPageSize > kg.MaxPageSize {
		c.MaxPageSize = kg.MaxPageSize
	}
	if c.MaxTokens <= 0 {
		c.MaxTokens = DefaultMaxTokens
	}
	if c.Timeout <= 0 {
		c.Timeout = DefaultTimeout
	}
	if c.MaxBodyBytes <= 0 {
		c.MaxBodyBytes = DefaultMaxBodyBytes
	}
	if c.MaxExpensive <= 0 {
		c.MaxExpensive = 2 * runtime.GOMAXPROCS(0)
	}
	if c.ExpensiveWait <= 0 {
		c.ExpensiveWait = DefaultExpensiveWait
	}
	if c.MaxStoreCalls <= 0 {
		c.MaxStoreCalls = DefaultMaxStoreCalls
	}
	if c.MaxStoreRows <= 0 {
		c.MaxStoreRows = DefaultMaxStoreRows
	}
	if c.ReadHeaderTimeout <= 0 {
		c.ReadHeaderTimeout = DefaultReadHeaderTimeout
	}
	if c.ReadTimeout <= 0 {
		c.ReadTimeout = DefaultReadTimeout
	}
	if c.WriteTimeout <= 0 {
		c.WriteTimeout = c.Timeout + 10*time.Second
	}
	if c.IdleTimeout <= 0 {
		c.IdleTimeout = DefaultIdleTimeout
	}
	if c.ShutdownGrace <= 0 {
		c.ShutdownGrace = DefaultShutdownGrace
	}
	if c.Logger == nil {
		c.Logger = slog.Default()
	}
	if c.Telemetry == nil {
		c.Telemetry = telemetry.New(c.Logger, c.Store)
	}
	return c
}

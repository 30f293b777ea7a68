package graph

import (
	"log/slog"

	"github.com/newsgraph/newsgraph/kg"
	"github.com/newsgraph/newsgraph/traverse"
)

// Resolver holds the dependencies every resolver shares; per-request state
// (the dataloaders) lives in the request context instead.
type Resolver struct {
	store     kg.Store
	ingest    Ingester
	log       *slog.Logger
	maxPage   int
	traverser *traverse.Traverser
	keyID     string // identifies the API key in the audit log; see keyID
}

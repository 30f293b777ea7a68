//go:build tools

// Package graph imports gqlgen here only so that `go run
// github.com/99designs/gqlgen generate` resolves from go.mod.
package graph

import _ "github.com/99designs/gqlgen"

package traverse

import (
	"context"
	"os"
	"testing"

	"github.com/newsgraph/newsgraph/kg"
	"github.com/newsgraph/newsgraph/sqlite"
)

// The embedded store joins the backends every test and benchmark runs on.
func init() {
	storeMakers = append(storeMakers, struct {
		name string
		open func(t testing.TB) kg.Store
	}{"sqlite", openSQLite})
}

// openSQLite opens a store in a fresh directory, closed and removed when t
// ends; with a nil t (the benchmarks' shared store) when the test binary
// ends.
func openSQLite(t testing.TB) kg.Store {
	if t == nil {
		dir, err := os.MkdirTemp("", "traverse-bench-")
		if err != nil {
			panic(err)
		}
		s, err := sqlite.Open(context.Background(), dir)
		if err != nil {
			panic(err)
		}
		atExit = append(atExit, func() { s.Close(); os.RemoveAll(dir) })
		return s
	}
	s, err := sqlite.Open(context.Background(), t.TempDir())
	if err != nil {
		t.Fatalf("open sqlite: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

package sqlite

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/newsgraph/newsgraph/kg"
	"github.com/newsgraph/newsgraph/storetest"
)

func openTemp(t testing.TB) *Store {
	t.Helper()
	s, err := Open(context.Background(), t.TempDir())
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	return s
}

func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) kg.Store { return openTemp(t) })
}

func TestConformanceShared(t *testing.T) {
	storetest.RunShared(t, func(t *testing.T) kg.Store { return openTemp(t) },
		func(t *testing.T, s kg.Store) kg.Store {
			o, err := Open(context.Background(), filepath.Dir(s.(*Store).Path()))
			if err != nil {
				t.Fatalf("Open a second handle: %v", err)
			}
			return o
		})
}

// TestOpenRelativeDir opens a store by a relative path, as `--data data`
// gives it, and finds it again by the absolute one.
func TestOpenRelativeDir(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	s, err := Open(context.Background(), "data")
	if err != nil {
		t.Fatalf("Open(\"data\"): %v", err)
	}
	s.Close()
	if _, err := os.Stat(filepath.Join(dir, "data", FileName)); err != nil {
		t.Errorf("no store file under the relative path: %v", err)
	}
}

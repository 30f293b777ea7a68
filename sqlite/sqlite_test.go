package sqlite

import (
	"context"
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

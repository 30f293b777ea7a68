package resolve_test

import (
	"context"
	"testing"

	"github.com/newsgraph/newsgraph/kg"
	"github.com/newsgraph/newsgraph/resolve"
	"github.com/newsgraph/newsgraph/sqlite"
)

// TestSurnamesConfirmEachOther: two surnames of one article, each the
// other's second shared neighbor, join together rather than take turns
// from pass to pass and end with one of them apart.
func TestSurnamesConfirmEachOther(t *testing.T) {
	ctx := context.Background()
	s := savedInOrder(t,
		person("Zero", "Zanele Dubembe", "Pieter Visagaard"),
		person("One", "Lindiwe Dubembe", "Thabo Zulekha", "Sipho Khumandla"),
		person("Two", "Dubembe", "Zulekha", "Sipho Khumandla"),
	)
	es, err := s.Entities(ctx, []string{kg.EntityID(kg.Person, "Dubembe"), kg.EntityID(kg.Person, "Zulekha")})
	if err != nil {
		t.Fatal(err)
	}
	for i, want := range []string{"Lindiwe Dubembe", "Thabo Zulekha"} {
		if es[i] == nil || es[i].Name != want {
			t.Errorf("mention %d is %+v, want the node %q", i, es[i], want)
		}
	}
}

// TestSurnameBesideFullName: a surname that took a node for a pass does
// not keep the node from the full name beside it once it lets go.
func TestSurnameBesideFullName(t *testing.T) {
	ctx := context.Background()
	s := savedInOrder(t,
		person("One", "Lindiwe Dubembe", "Sipho Khumandla"),
		person("Two", "Dubembe", "Lindiwe Doubembe"),
	)
	es, err := s.Entities(ctx, []string{kg.EntityID(kg.Person, "Lindiwe Doubembe")})
	if err != nil {
		t.Fatal(err)
	}
	if es[0] == nil || es[0].Name != "Lindiwe Dubembe" {
		t.Errorf("the full name is %+v, want the node Lindiwe Dubembe", es[0])
	}
}

// savedInOrder resolves and saves the extractions one after another into a
// new embedded store, as articles loaded one by one are.
func savedInOrder(t *testing.T, xs ...*kg.Extraction) *sqlite.Store {
	t.Helper()
	ctx := context.Background()
	s, err := sqlite.Open(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	for _, x := range xs {
		if _, _, err := resolve.Save(ctx, s, x); err != nil {
			t.Fatal(err)
		}
	}
	return s
}

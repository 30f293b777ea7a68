package graph

import (
	"reflect"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/graph/generated"
)

// TestResolverFieldsMatchSchema shows that every resolver method maps to a
// schema field, so the tracker never takes a resolver field for a plain one.
func TestResolverFieldsMatchSchema(t *testing.T) {
	es := generated.NewExecutableSchema(generated.Config{Resolvers: &Resolver{}})
	matched := 0
	for _, def := range es.Schema().Types {
		for _, f := range def.Fields {
			if isResolverField(def.Name, f.Name) {
				matched++
			}
		}
	}
	root := reflect.TypeFor[generated.ResolverRoot]()
	methods := 0
	for i := range root.NumMethod() {
		methods += root.Method(i).Type.Out(0).NumMethod()
	}
	if matched != methods {
		t.Fatalf("%d schema fields match %d resolver methods", matched, methods)
	}
}

// TestLevelsCompleteWithoutTheGuard shows that the count reaches zero at
// every level by itself: with the guard wait at an hour, queries of every
// shape (aliases, fragments, lists in lists, empty results) and mutations
// still answer at once.
func TestLevelsCompleteWithoutTheGuard(t *testing.T) {
	old := loaderMaxWait
	loaderMaxWait = time.Hour
	defer func() { loaderMaxWait = old }()
	c := newClient(t, Config{Store: openStore(t, append(worldFixtures(t), rosterFixture(t, 10))...), MaxComplexity: 1 << 20})
	queries := []string{
		storeCallsQuery,
		`{ a: entity(id: "` + idBrell + `") { ...E } b: entity(id: "nope") { ...E } __typename }
		fragment E on Entity { __typename name detainedBy { name relations { target { name } } } }`,
		`{ entities(first: 3) { edges { node { relations { evidence { text article { title entities { name } } } } } } } }`,
		`mutation { a: mergeEntities(keep: "` + idBrell + `", drop: "` + idBrell + `") { id } }`,
	}
	for _, q := range queries {
		done := make(chan struct{})
		go func() {
			defer close(done)
			var resp map[string]any
			_ = c.Post(q, &resp)
		}()
		select {
		case <-done:
		case <-time.After(20 * time.Second):
			t.Fatalf("query waits for the guard: %s", q)
		}
	}
}

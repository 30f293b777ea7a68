package graph

import (
	"context"
	"fmt"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/vektah/gqlparser/v2"

	"github.com/newsgraph/newsgraph/graph/generated"
)

// fragmentChain is a small document whose fragments each spread the next
// one twice: executed naively it selects 2^n fields. With nest, each
// fragment nests the next under a relations field, so depth grows too.
func fragmentChain(n int, nest bool) string {
	var b strings.Builder
	fmt.Fprintf(&b, `query { entity(id: "%s") { ...F0 } }`, idBrell)
	for i := range n {
		if nest {
			fmt.Fprintf(&b, "\nfragment F%d on Entity { name relations { target { ...F%d ...F%d } } }", i, i+1, i+1)
		} else {
			fmt.Fprintf(&b, "\nfragment F%d on Entity { name ...F%d ...F%d }", i, i+1, i+1)
		}
	}
	fmt.Fprintf(&b, "\nfragment F%d on Entity { id }", n)
	return b.String()
}

func TestFragmentChainRefused(t *testing.T) {
	h := worldHandler(t, Config{})
	// 2^30 fields: re-walking fragments per spread would take CPU-minutes
	// before any answer; measured once per fragment it is refused at once.
	code, r := post(t, h, fragmentChain(30, false), nil)
	wantCode(t, r.Errors, CodeComplexityExceeded)
	if code != http.StatusUnprocessableEntity {
		t.Errorf("status %d, want 422", code)
	}
	if !strings.Contains(r.Errors[0].Message, "more than") {
		t.Errorf("message does not say the cost: %q", r.Errors[0].Message)
	}
	_, r = post(t, h, fragmentChain(30, true), nil)
	wantCode(t, r.Errors, CodeDepthExceeded)
	// A short chain is an ordinary query.
	if _, r := post(t, h, fragmentChain(3, false), nil); len(r.Errors) > 0 {
		t.Fatalf("chain of 3 refused: %+v", r.Errors)
	}
}

// measure parses and validates q against the schema and measures it.
func measure(t testing.TB, q string) Cost {
	t.Helper()
	res := &Resolver{maxPage: 500}
	es := generated.NewExecutableSchema(generated.Config{Resolvers: res, Complexity: res.complexity()})
	doc, errs := gqlparser.LoadQuery(es.Schema(), q)
	if errs != nil {
		t.Fatalf("invalid query %q: %v", q, errs)
	}
	w := newCostWalker(context.Background(), es, doc, nil)
	w.lists = introspectionSizes(es.Schema())
	w.maxPage = res.maxPage
	return w.operation(doc.Operations[0])
}

func TestFragmentsCountedPerSpread(t *testing.T) {
	// Memoized fragments still cost once per spread: the cost of a chain
	// doubles with each link, as its execution would.
	c10, c11 := measure(t, fragmentChain(10, false)), measure(t, fragmentChain(11, false))
	if c11.Complexity < 2*c10.Complexity-2 || c10.Depth != c11.Depth {
		t.Fatalf("chain 10: %+v, chain 11: %+v; want cost doubled, same depth", c10, c11)
	}
	d := measure(t, fragmentChain(5, true))
	if d.Depth != 1+5*2+1 {
		t.Fatalf("nested chain of 5 has depth %d, want 12", d.Depth)
	}
}

func TestCostWalkStopsWithContext(t *testing.T) {
	res := &Resolver{maxPage: 500}
	es := generated.NewExecutableSchema(generated.Config{Resolvers: res, Complexity: res.complexity()})
	var b strings.Builder
	for i := range 3 * checkEvery {
		fmt.Fprintf(&b, " a%d: id", i)
	}
	q := `{ entity(id: "x") {` + b.String() + ` } }`
	doc, errs := gqlparser.LoadQuery(es.Schema(), q)
	if errs != nil {
		t.Fatal(errs)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	w := newCostWalker(ctx, es, doc, nil)
	w.operation(doc.Operations[0])
	if w.err == nil || w.steps > 2*checkEvery {
		t.Fatalf("walk went on after its context ended: %d steps, err %v", w.steps, w.err)
	}
}

func TestTraversalsPricedByHops(t *testing.T) {
	sel := `{ length hops { from { name } to { name } relation { type evidence { text } } } }`
	p := func(args string) int { return measure(t, `{ paths(from: "a", to: "b"`+args+`) `+sel+` }`).Complexity }
	if !(p(", maxHops: 1") < p(", maxHops: 3") && p(", maxHops: 3") < p(", maxHops: 6")) {
		t.Errorf("paths cost by maxHops 1, 3, 6: %d, %d, %d; want increasing", p(", maxHops: 1"), p(", maxHops: 3"), p(", maxHops: 6"))
	}
	if !(p(", limit: 1") < p(", limit: 50")) {
		t.Errorf("paths cost by limit 1, 50: %d, %d; want increasing", p(", limit: 1"), p(", limit: 50"))
	}
	n := func(q string) int { return measure(t, q).Complexity }
	if a, b := n(`{ neighborhood(id: "a", hops: 1) { nodes { id } } }`), n(`{ neighborhood(id: "a", hops: 3) { nodes { id } } }`); a >= b {
		t.Errorf("neighborhood cost by hops 1, 3: %d, %d; want increasing", a, b)
	}
	if a, b := n(`{ subgraph(seeds: ["a"], depth: 1) { nodes { id } } }`), n(`{ subgraph(seeds: ["a"], depth: 3) { nodes { id } } }`); a >= b {
		t.Errorf("subgraph cost by depth 1, 3: %d, %d; want increasing", a, b)
	}

	// Aliases add up: a few path searches fit the default limit, a
	// hundred do not.
	h := worldHandler(t, Config{})
	aliases := func(k int) string {
		var b strings.Builder
		b.WriteString("{")
		for i := range k {
			fmt.Fprintf(&b, ` p%d: paths(from: "%s", to: "%s") %s`, i, idVoss, idBrell, sel)
		}
		return b.String() + "}"
	}
	if _, r := post(t, h, aliases(3), nil); len(r.Errors) > 0 {
		t.Fatalf("3 path searches refused: %+v", r.Errors)
	}
	_, r := post(t, h, aliases(100), nil)
	wantCode(t, r.Errors, CodeComplexityExceeded)
}

// TestLargestPageFits: the advertised largest page, with the evidence an
// analyst wants, passes the default limit.
func TestLargestPageFits(t *testing.T) {
	h := worldHandler(t, Config{})
	for _, first := range []int{200, 500} {
		q := fmt.Sprintf(`{ relations(first: %d) { totalCount edges { cursor node { id type confidence
			source { id name type } target { id name type } properties { key value }
			evidence { text start end article { id title } } } } pageInfo { hasNextPage endCursor } } }`, first)
		if _, r := post(t, h, q, nil); len(r.Errors) > 0 {
			t.Errorf("relations(first: %d) with evidence refused: %+v", first, r.Errors)
		}
	}
}

var fitsRe = regexp.MustCompile(`costs (\d+), more than the limit of (\d+); it would fit with relations\(first: (\d+)\)`)

// TestRefusalSaysWhatFits: a refused query learns its cost, the limit and
// the largest page that fits, and that page does fit.
func TestRefusalSaysWhatFits(t *testing.T) {
	const limit = 3000
	h := worldHandler(t, Config{MaxComplexity: limit})
	q := `{ relations(first: %d) { edges { node { source { name } target { name } evidence { text article { title } } } } } }`
	_, r := post(t, h, fmt.Sprintf(q, 400), nil)
	wantCode(t, r.Errors, CodeComplexityExceeded)
	m := fitsRe.FindStringSubmatch(r.Errors[0].Message)
	if m == nil {
		t.Fatalf("message %q does not say cost, limit and what fits", r.Errors[0].Message)
	}
	if m[2] != strconv.Itoa(limit) {
		t.Errorf("limit in message %s, want %d", m[2], limit)
	}
	fit, _ := strconv.Atoi(m[3])
	if _, r := post(t, h, fmt.Sprintf(q, fit), nil); len(r.Errors) > 0 {
		t.Errorf("suggested first: %d refused: %+v", fit, r.Errors)
	}
	_, r = post(t, h, fmt.Sprintf(q, fit+1), nil)
	wantCode(t, r.Errors, CodeComplexityExceeded)
}

func TestDocumentLimit(t *testing.T) {
	h := worldHandler(t, Config{MaxTokens: 500})
	for _, q := range []string{
		// One field repeated: validation compares every pair.
		`{ entity(id: "x") {` + strings.Repeat(" name", maxFieldRepeats+1) + ` } }`,
		`{ entity(id: "x") { ... on Entity {` + strings.Repeat(" name", maxFieldRepeats) + ` } name } }`,
		`{` + strings.Repeat(" stats { articles }", maxFieldRepeats+1) + ` }`,
		// Too many tokens.
		`{ entity(id: "x") {` + strings.Repeat(" a: name b: id", 120) + ` } }`,
	} {
		code, r := post(t, h, q, nil)
		wantCode(t, r.Errors, CodeDocumentTooLarge)
		if code != http.StatusUnprocessableEntity {
			t.Errorf("status %d, want 422", code)
		}
	}
	// Aliases make distinct names; a field may appear a few times.
	var b strings.Builder
	for i := range 40 {
		fmt.Fprintf(&b, " n%d: name", i)
	}
	for _, q := range []string{
		`{ entity(id: "x") {` + b.String() + ` } }`,
		`{ entity(id: "x") { name ... on Entity { name } name } }`,
	} {
		if _, r := post(t, h, q, nil); len(r.Errors) > 0 {
			t.Errorf("%s refused: %+v", q, r.Errors)
		}
	}
}

// BenchmarkCostFragmentChain measures the refusal of fragment chains of
// 2^n fields through the whole handler (parse, validate, measure, refuse):
// the time grows with n, the size of the document, not with 2^n.
func BenchmarkCostFragmentChain(b *testing.B) {
	h := NewHandler(Config{Store: openStore(b), Logger: quietLogger()})
	for _, n := range []int{15, 30, 60} {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) { benchRefusal(b, h, fragmentChain(n, false)) })
	}
}

// BenchmarkCostLargeDocument measures a 1000-field document made of many
// aliased, nested selections and fragments.
func BenchmarkCostLargeDocument(b *testing.B) {
	var q strings.Builder
	q.WriteString("{")
	for i := range 200 {
		fmt.Fprintf(&q, ` e%d: entity(id: "x") { ...E }`, i)
	}
	q.WriteString("} fragment E on Entity { id name aliases relations { id type evidence { text } source { ...N } target { ...N } } }")
	q.WriteString(" fragment N on Entity { id name type }")
	res := &Resolver{maxPage: 500}
	es := generated.NewExecutableSchema(generated.Config{Resolvers: res, Complexity: res.complexity()})
	doc, errs := gqlparser.LoadQuery(es.Schema(), q.String())
	if errs != nil {
		b.Fatal(errs)
	}
	b.ReportAllocs()
	for b.Loop() {
		newCostWalker(context.Background(), es, doc, nil).operation(doc.Operations[0])
	}
}

// benchRefusal posts q to h repeatedly; every answer must be a refusal.
func benchRefusal(b *testing.B, h http.Handler, q string) {
	b.Helper()
	b.ReportAllocs()
	for b.Loop() {
		code, _ := post(b, h, q, nil)
		if code != http.StatusUnprocessableEntity {
			b.Fatalf("status %d, want 422", code)
		}
	}
}

// TestIntrospectionPricedBySchema: GraphiQL's schema query passes with room
// to spare, but a query that multiplies the schema's lists by aliases is
// refused.
func TestIntrospectionPricedBySchema(t *testing.T) {
	if c := measure(t, introspectionQuery); c.Complexity > DefaultMaxComplexity/3 {
		t.Errorf("GraphiQL's introspection query costs %d, too close to the default limit %d", c.Complexity, DefaultMaxComplexity)
	}
	var b strings.Builder
	for i := range 2000 {
		fmt.Fprintf(&b, " a%d: name", i)
	}
	h := worldHandler(t, Config{})
	_, r := post(t, h, `{ __schema { types { fields {`+b.String()+` } } } }`, nil)
	wantCode(t, r.Errors, CodeComplexityExceeded)
}

// TestEveryPageIsPriced: a field with `first` is priced as a page whether
// or not it has its own price, so a list added later is not free.
func TestEveryPageIsPriced(t *testing.T) {
	q := `{ auditLog(first: %d) { edges { node { seq action subjects } } } mergeCandidates { edges { node { id } } } }`
	small, large := measure(t, fmt.Sprintf(q, 10)), measure(t, fmt.Sprintf(q, 400))
	// auditLog: 1 + n × 5; mergeCandidates: 1 + 50 (the default page) × 3.
	if want := 1 + 10*5 + 1 + 50*3; small.Complexity != want {
		t.Errorf("auditLog(first: 10) and default mergeCandidates cost %d, want %d", small.Complexity, want)
	}
	if want := 1 + 400*5 + 1 + 50*3; large.Complexity != want {
		t.Errorf("auditLog(first: 400) and default mergeCandidates cost %d, want %d", large.Complexity, want)
	}
	// Past the largest page, the page is the largest.
	if c := measure(t, fmt.Sprintf(q, 100000)); c.Complexity != 1+500*5+1+50*3 {
		t.Errorf("auditLog(first: 100000) costs %d, want the cost of 500", c.Complexity)
	}
}

package graph

import (
	"context"
	"fmt"
	"math"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/errcode"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/newsgraph/newsgraph/kg"
)

func init() {
	// Refused documents are the client's mistake, like a validation
	// failure: gqlgen answers them with 422.
	for _, c := range []string{CodeDepthExceeded, CodeComplexityExceeded, CodeDocumentTooLarge} {
		errcode.RegisterErrorType(c, errcode.KindProtocol)
	}
}

// CostLimit refuses operations that nest deeper than MaxDepth or cost more
// than MaxComplexity, after validation and before any resolver runs.
//
// Both figures come from one walk over the document that computes each
// fragment once, however often it is spread: the walk is linear in the
// size of the document, where re-walking fragments per spread is
// exponential (a chain of fragments each spreading the next twice). The
// cost itself still counts a fragment once per spread, so it measures the
// operation as executed. The walk stops when the request's context ends.
//
// Depth does not count introspection fields (__schema, __type …), so
// GraphiQL's own schema query always passes; their cost is counted.
//
// An operation costing ExpensiveCost or more also needs one of a fixed
// number of slots (Slots, a semaphore) while it runs; when none frees up
// within SlotWait it is refused with OVERLOADED and HTTP 503, so costly
// requests cannot take every CPU while cheap ones still pass.
type CostLimit struct {
	MaxDepth      int
	MaxComplexity int
	// MaxPage is the largest page a `first` gets, which prices it.
	MaxPage       int
	Slots         chan struct{}
	SlotWait      time.Duration
	es            graphql.ExecutableSchema
	introspection map[string]int // list lengths by Type.field
}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationContextMutator
} = &CostLimit{}

// ExtensionName names the extension for gqlgen.
func (*CostLimit) ExtensionName() string { return "CostLimit" }

// Validate keeps the schema whose complexity functions price fields, and
// prices the introspection lists by the schema's real sizes.
func (c *CostLimit) Validate(es graphql.ExecutableSchema) error {
	c.es = es
	c.introspection = introspectionSizes(es.Schema())
	return nil
}

// introspectionDiscount divides the cost of what an introspection field
// selects.
const introspectionDiscount = 4

// introspectionSizes gives each list field of the introspection types the
// average length it has in s, so that a query over the whole schema (such
// as __schema { types { fields { … } } }) is priced by what it returns.
func introspectionSizes(s *ast.Schema) map[string]int {
	var types, fields, args, inputs, enums, ifaces, possible int
	for _, t := range s.Types {
		types++
		fields += len(t.Fields)
		for _, f := range t.Fields {
			args += len(f.Arguments)
		}
		if t.Kind == ast.InputObject {
			inputs += len(t.Fields)
		}
		enums += len(t.EnumValues)
		ifaces += len(t.Interfaces)
		possible += len(s.GetPossibleTypes(t))
	}
	dirArgs := 0
	for _, d := range s.Directives {
		dirArgs += len(d.Arguments)
	}
	avg := func(n, of int) int { return max(1, (n+of-1)/max(of, 1)) }
	return map[string]int{
		"__Schema.types":       max(types, 1),
		"__Schema.directives":  max(len(s.Directives), 1),
		"__Type.fields":        avg(fields, types),
		"__Type.inputFields":   avg(inputs, types),
		"__Type.enumValues":    avg(enums, types),
		"__Type.interfaces":    avg(ifaces, types),
		"__Type.possibleTypes": avg(possible, types),
		"__Field.args":         avg(args, fields),
		"__Directive.args":     avg(dirArgs, len(s.Directives)),
	}
}

const costExtension = "cost"

// Cost is what CostLimit measured of an operation.
type Cost struct {
	Depth      int
	Complexity int
}

// MutateOperationContext measures the operation and refuses it when it is
// over a limit.
func (c *CostLimit) MutateOperationContext(ctx context.Context, oc *graphql.OperationContext) *gqlerror.Error {
	if oc.Operation == nil {
		return nil
	}
	w := c.walker(ctx, oc)
	got := w.operation(oc.Operation)
	if w.err != nil {
		return limitError(CodeTimeout, "request ended while its cost was being measured")
	}
	oc.Stats.SetExtension(costExtension, &got)
	if got.Depth > c.MaxDepth {
		return limitError(CodeDepthExceeded, fmt.Sprintf("operation has depth %d, which exceeds the limit of %d", got.Depth, c.MaxDepth))
	}
	if got.Complexity > c.MaxComplexity {
		msg := fmt.Sprintf("operation costs %s, more than the limit of %d", costString(got.Complexity), c.MaxComplexity)
		if fits := c.whatFits(ctx, oc, w); fits != "" {
			msg += "; it would fit with " + fits
		} else {
			msg += "; select fewer fields, aliases or smaller pages"
		}
		msg += " (a list costs its page size, `first` or `limit`, times the cost of its selection)"
		return limitError(CodeComplexityExceeded, msg)
	}
	return c.admit(ctx, got.Complexity)
}

// admit takes a slot for an expensive operation; the HTTP edge frees it
// when the response is written.
func (c *CostLimit) admit(ctx context.Context, cost int) *gqlerror.Error {
	st := stateFrom(ctx)
	if cost < ExpensiveCost || c.Slots == nil || st == nil || st.release != nil {
		return nil
	}
	wait := time.NewTimer(c.SlotWait)
	defer wait.Stop()
	select {
	case c.Slots <- struct{}{}:
		st.release = func() { <-c.Slots }
		return nil
	case <-ctx.Done():
		return limitError(CodeTimeout, "request ended while it waited for the server to finish other costly requests")
	case <-wait.C:
		st.fail(http.StatusServiceUnavailable, "Retry-After", "1")
		return limitError(CodeOverloaded, fmt.Sprintf("the server is busy with %d other costly requests; retry in a moment, "+
			"or ask for less: this one costs %d, and requests under %d are always admitted", cap(c.Slots), cost, ExpensiveCost))
	}
}

func costString(n int) string {
	if n == math.MaxInt {
		return "more than " + strconv.Itoa(math.MaxInt)
	}
	return strconv.Itoa(n)
}

// limitError is a refusal in the GraphQL error shape.
func limitError(code, msg string) *gqlerror.Error {
	return &gqlerror.Error{Message: msg, Extensions: map[string]any{"code": code}}
}

// Suggestions are searched only for small documents, with a few walks per
// list field: a refusal must stay cheap whatever was sent.
const (
	maxSuggestFields = 4
	maxSuggestSteps  = 4000
)

// whatFits names, for the list fields of a refused operation, the largest
// page size (`first` or `limit`) that would bring the operation under the
// limit with everything else unchanged, e.g. "relations(first: 120)".
func (c *CostLimit) whatFits(ctx context.Context, oc *graphql.OperationContext, measured *costWalker) string {
	if measured.steps > maxSuggestSteps {
		return ""
	}
	var fits []string
	for _, sf := range measured.sized[:min(len(measured.sized), maxSuggestFields)] {
		cost := func(n int) (int, bool) {
			w := c.walker(ctx, oc)
			w.override, w.overrideArg, w.overrideN = sf.field, sf.arg, n
			got := w.operation(oc.Operation)
			return got.Complexity, w.err == nil && w.steps <= maxSuggestSteps
		}
		if got, ok := cost(1); !ok || got > c.MaxComplexity {
			continue
		}
		lo, hi := 1, sf.current-1 // lo fits; find the largest that does
		for lo < hi {
			mid := (lo + hi + 1) / 2
			if got, ok := cost(mid); ok && got <= c.MaxComplexity {
				lo = mid
			} else {
				hi = mid - 1
			}
		}
		fits = append(fits, fmt.Sprintf("%s(%s: %d)", sf.field.Name, sf.arg, lo))
	}
	return strings.Join(fits, " or ")
}

func (c *CostLimit) walker(ctx context.Context, oc *graphql.OperationContext) *costWalker {
	w := newCostWalker(ctx, c.es, oc.Doc, oc.Variables)
	w.lists = c.introspection
	w.maxPage = c.MaxPage
	return w
}

// sizedField is a list field of the document whose page size an argument
// sets, with the size it asks for.
type sizedField struct {
	field   *ast.Field
	arg     string
	current int
}

// costWalker computes depth and complexity in one pass, each fragment once.
type costWalker struct {
	ctx   context.Context
	es    graphql.ExecutableSchema
	doc   *ast.QueryDocument
	vars  map[string]any
	frags map[string]*Cost // nil value: being walked (a cycle, which validation refuses)
	steps int
	err   error

	sized   []sizedField
	lists   map[string]int // lengths of unpriced lists by Type.field
	maxPage int            // the largest page a `first` gets
	// override replaces the size argument of one field, to find what fits.
	override    *ast.Field
	overrideArg string
	overrideN   int
}

func newCostWalker(ctx context.Context, es graphql.ExecutableSchema, doc *ast.QueryDocument, vars map[string]any) *costWalker {
	return &costWalker{ctx: ctx, es: es, doc: doc, vars: vars, frags: map[string]*Cost{}}
}

func (w *costWalker) operation(op *ast.OperationDefinition) Cost {
	return w.selectionSet(op.SelectionSet)
}

// checkEvery is how many selections the walk visits between two looks at
// the request's context.
const checkEvery = 1024

func (w *costWalker) selectionSet(ss ast.SelectionSet) Cost {
	var c Cost
	for _, s := range ss {
		if w.err != nil {
			return c
		}
		if w.steps++; w.steps%checkEvery == 0 {
			if w.err = w.ctx.Err(); w.err != nil {
				return c
			}
		}
		var sc Cost
		switch s := s.(type) {
		case *ast.Field:
			sc = w.field(s)
		case *ast.InlineFragment:
			sc = w.selectionSet(s.SelectionSet)
		case *ast.FragmentSpread:
			sc = w.fragment(s.Name)
		}
		c.Depth = max(c.Depth, sc.Depth)
		c.Complexity = addCost(c.Complexity, sc.Complexity)
	}
	return c
}

func (w *costWalker) fragment(name string) Cost {
	if c, seen := w.frags[name]; seen {
		if c == nil {
			return Cost{}
		}
		return *c
	}
	f := w.doc.Fragments.ForName(name)
	if f == nil {
		return Cost{}
	}
	w.frags[name] = nil
	c := w.selectionSet(f.SelectionSet)
	w.frags[name] = &c
	return c
}

// sizeArgs are the arguments that set how many items a list field returns.
var sizeArgs = []string{"first", "limit"}

func (w *costWalker) field(f *ast.Field) Cost {
	if f.Definition == nil || f.ObjectDefinition == nil {
		child := w.selectionSet(f.SelectionSet)
		return Cost{Depth: fieldDepth(f, child), Complexity: addCost(1, child.Complexity)}
	}
	args := f.ArgumentMap(w.vars)
	for _, name := range sizeArgs {
		if f.Definition.Arguments.ForName(name) == nil {
			continue
		}
		if f == w.override && name == w.overrideArg {
			args[name] = int64(w.overrideN)
		} else if w.override == nil {
			w.sized = append(w.sized, sizedField{field: f, arg: name, current: argInt(args[name], kg.DefaultPageSize)})
		}
	}
	child := w.selectionSet(f.SelectionSet)
	out := Cost{Depth: fieldDepth(f, child), Complexity: addCost(1, child.Complexity)}
	if n, ok := w.lists[f.ObjectDefinition.Name+"."+f.Name]; ok {
		out.Complexity = addCost(1, mulCost(n, child.Complexity))
	}
	if f.Definition.Arguments.ForName("first") != nil {
		out.Complexity = addCost(1, mulCost(w.pageSize(args["first"]), child.Complexity))
	}
	if f.Name == "__schema" || f.Name == "__type" {
		// Introspection reads the schema in memory, no store: its values
		// cost a quarter.
		out.Complexity = addCost(1, child.Complexity/introspectionDiscount)
	}
	if c, ok := w.es.Complexity(w.ctx, f.ObjectDefinition.Name, f.Name, child.Complexity, args); ok && c >= 1 {
		out.Complexity = c
	}
	return out
}

// pageSize is the page a `first` argument asks for, as the resolvers take
// it: the default when absent, clamped to the largest page; a value they
// refuse counts as 1.
func (w *costWalker) pageSize(first any) int {
	n := argInt(first, kg.DefaultPageSize)
	return min(max(n, 1), max(w.maxPage, 1))
}

// fieldDepth is the depth of f over its selection's; introspection fields
// do not count.
func fieldDepth(f *ast.Field, child Cost) int {
	if strings.HasPrefix(f.Name, "__") {
		return 0
	}
	return child.Depth + 1
}

// argInt reads an Int argument; absent, it is def.
func argInt(v any, def int) int {
	switch v := v.(type) {
	case int64:
		return int(v)
	case int:
		return v
	}
	return def
}

// addCost adds without overflow: a cost that overflows is the largest int,
// which every limit refuses.
func addCost(a, b int) int {
	if a > math.MaxInt-b {
		return math.MaxInt
	}
	return a + b
}

// mulCost multiplies non-negative costs without overflow.
func mulCost(a, b int) int {
	if a != 0 && b > math.MaxInt/a {
		return math.MaxInt
	}
	return a * b
}

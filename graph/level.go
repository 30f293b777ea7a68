package graph

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"sync"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/newsgraph/newsgraph/graph/generated"
)

// levelTracker tells a request's loaders when a level of the query is
// complete, so that each level is one store call per loader however the
// goroutines are scheduled. It counts the field resolutions that could run
// now and still add a key: those running and those promised. A resolution
// blocked on a loader does not count. When the count is zero, nothing can
// add to the waiting batches, and they are sent.
//
// The promises follow the executor's order. It resolves an object's plain
// fields one after another in one goroutine, then starts its resolver
// fields together. So a field that returns objects promises, for each
// object, its first plain field (or, when it has none, its resolver
// fields); when a plain field's subtree is complete it hands its place to
// the next plain field, and the last one to the object's resolver fields.
// A field whose start waits behind a blocked sibling is thus never counted,
// and the count never falls to zero between a parent's return and its
// children's start.
type levelTracker struct {
	mu          sync.Mutex
	tracked     bool // a field middleware has seen this request
	rootsCalled bool
	outstanding int
	waiting     []func()            // batches to send when the level is complete
	shapes      map[shapeKey][2]int // plain and resolver fields of a selection on a type
	loads       map[*ast.Field]bool // mayLoad of a field's selections
	fields      map[*graphql.FieldContext]*fieldNode
	objects     map[*graphql.FieldContext]*objectNode // by the context its fields hang from
}

// fieldNode is one field resolution whose subtree is not complete.
type fieldNode struct {
	fc      *graphql.FieldContext
	obj     *objectNode // nil for a root field
	plain   bool
	exited  bool
	pending int // objects under the field not complete
}

// objectNode is one object whose fields are being resolved.
type objectNode struct {
	key        *graphql.FieldContext
	owner      *fieldNode
	plain      int // plain fields, resolved one after another
	plainDone  int
	resolvers  int // resolver fields, started together after the plain ones
	incomplete int // fields whose subtree is not complete
}

type shapeKey struct {
	field *ast.Field
	typ   string
}

// loaderIdle is how long a batch waits when the tracker does not see the
// request: a resolver run outside the handler's field middleware.
var loaderIdle = time.Millisecond

// loaderMaxWait guards against a miscount: no batch waits longer, even if
// the count never reaches zero.
var loaderMaxWait = time.Second

// add changes the count by d and sends the waiting batches if it reaches
// zero. t.mu is held.
func (t *levelTracker) add(d int) {
	t.outstanding += d
	if t.tracked && t.outstanding <= 0 && len(t.waiting) > 0 {
		for _, f := range t.waiting {
			go f()
		}
		t.waiting = nil
	}
}

// change is add for callers that do not hold t.mu.
func (t *levelTracker) change(d int) {
	t.mu.Lock()
	t.add(d)
	t.mu.Unlock()
}

// enqueue registers a batch to send when the level is complete. send must
// be safe to call twice.
func (t *levelTracker) enqueue(send func()) {
	t.mu.Lock()
	tracked := t.tracked
	if tracked {
		t.waiting = append(t.waiting, send)
	}
	t.mu.Unlock()
	if tracked {
		time.AfterFunc(loaderMaxWait, send)
	} else {
		time.AfterFunc(loaderIdle, send)
	}
}

// shape is the number of plain and resolver fields selected by f on an
// object of type name, cached for the request. t.mu is held.
func (t *levelTracker) shape(oc *graphql.OperationContext, f graphql.CollectedField, name string) (plain, resolvers int) {
	k := shapeKey{f.Field, name}
	s, ok := t.shapes[k]
	if !ok {
		s[0], s[1] = shape(oc, f.Selections, name)
		t.shapes[k] = s
	}
	return s[0], s[1]
}

// mayLoad is mayLoad of f's selections, cached for the request.
func (t *levelTracker) mayLoad(f graphql.CollectedField) bool {
	if len(f.Selections) == 0 {
		return false
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	v, ok := t.loads[f.Field]
	if !ok {
		v = mayLoad(f.Selections)
		if t.loads == nil {
			t.loads = map[*ast.Field]bool{}
		}
		t.loads[f.Field] = v
	}
	return v
}

// resolverFields holds "type.field" (lower case, no underscores) for every
// field with a resolver method, read once from the generated interfaces.
var resolverFields = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	root := reflect.TypeFor[generated.ResolverRoot]()
	for i := range root.NumMethod() {
		obj := root.Method(i)
		iface := obj.Type.Out(0)
		for j := range iface.NumMethod() {
			m[strings.ToLower(obj.Name+"."+iface.Method(j).Name)] = true
		}
	}
	return m
})

func isResolverField(object, field string) bool {
	return resolverFields()[strings.ToLower(object+"."+strings.ReplaceAll(field, "_", ""))]
}

// shape is the number of tracked plain fields and of resolver fields in sel
// on an object of type name (__typename is resolved without the
// middleware).
func shape(oc *graphql.OperationContext, sel ast.SelectionSet, name string) (plain, resolvers int) {
	for _, f := range graphql.CollectFields(oc, sel, []string{name}) {
		switch {
		case f.Name == "__typename":
		case isResolverField(name, f.Name):
			resolvers++
		case !mayLoad(f.Selections):
			// A plain field with no resolver field below it (a leaf, or
			// evidence { text start end }) is struct fields and methods
			// all the way down: it cannot wait nor load, so the middleware
			// passes it untracked.
		default:
			plain++
		}
	}
	return plain, resolvers
}

// mayLoad reports whether sel selects a resolver field at any depth: one
// that may call a loader. Fields on a type that is not an object (none in
// the schema today) count as resolvers.
func mayLoad(sel ast.SelectionSet) bool {
	found := false
	eachField([]ast.SelectionSet{sel}, func(f *ast.Field) {
		switch {
		case found, f.Name == "__typename":
		case f.ObjectDefinition == nil || f.ObjectDefinition.Kind != ast.Object:
			found = true
		case isResolverField(f.ObjectDefinition.Name, f.Name):
			found = true
		default:
			found = mayLoad(f.SelectionSet)
		}
	})
	return found
}

// firstPhase is how many fields of an object can start at once.
func firstPhase(plain, resolvers int) int {
	if plain > 0 {
		return 1
	}
	return resolvers
}

// fieldOf returns the field context an object's fields hang from belongs
// to: list elements add index contexts in between.
func fieldOf(fc *graphql.FieldContext) *graphql.FieldContext {
	for fc != nil && fc.Field.Field == nil {
		fc = fc.Parent
	}
	return fc
}

// aroundField is the gqlgen field middleware that keeps the count.
func (t *levelTracker) aroundField(ctx context.Context, next graphql.Resolver) (any, error) {
	fc := graphql.GetFieldContext(ctx)
	if !fc.IsResolver && !t.mayLoad(fc.Field) {
		return next(ctx) // a plain field that cannot load, left out of the count (see shape)
	}
	oc := graphql.GetOperationContext(ctx)
	n := &fieldNode{fc: fc, plain: !fc.IsResolver}
	t.mu.Lock()
	t.tracked = true
	if t.fields == nil {
		t.fields = map[*graphql.FieldContext]*fieldNode{}
		t.objects = map[*graphql.FieldContext]*objectNode{}
		t.shapes = map[shapeKey][2]int{}
	}
	switch {
	case fc.Object == "Query" && oc.Operation.Operation == ast.Query:
		// Root fields of a query start together: the first to start
		// promises them all, and each one takes its promise.
		if !t.rootsCalled {
			t.rootsCalled = true
			p, r := shape(oc, oc.Operation.SelectionSet, "Query")
			t.outstanding += p + r
		}
	case fc.Object == "Mutation" || fc.Object == "Subscription":
		t.outstanding++ // unpromised: mutation fields run one after another
	default:
		owner := t.fields[fieldOf(fc.Parent)]
		x, ok := t.objects[fc.Parent]
		if !ok && owner != nil {
			x = &objectNode{key: fc.Parent, owner: owner}
			x.plain, x.resolvers = t.shape(oc, fieldOf(fc.Parent).Field, fc.Object)
			x.incomplete = x.plain + x.resolvers
			t.objects[fc.Parent] = x
		}
		n.obj = x
	}
	t.fields[fc] = n
	t.mu.Unlock()

	objects, phase := 0, 0
	defer func() {
		t.mu.Lock()
		n.exited = true
		n.pending = objects
		d := objects*phase - 1
		if objects == 0 {
			d += t.complete(n)
		}
		t.add(d)
		t.mu.Unlock()
	}()
	res, err := next(ctx)
	if err == nil && len(fc.Field.Selections) > 0 {
		objects = countObjects(fc.Field.Definition.Type, reflect.ValueOf(res))
		if objects > 0 {
			t.mu.Lock()
			phase = firstPhase(t.shape(oc, fc.Field, fc.Field.Definition.Type.Name()))
			t.mu.Unlock()
			if phase == 0 {
				objects = 0
			}
		}
	}
	return res, err
}

// complete records that the subtree of field n is complete and
// returns the fields that can start because of it. t.mu is held.
func (t *levelTracker) complete(n *fieldNode) int {
	delete(t.fields, n.fc)
	x := n.obj
	if x == nil {
		return 0
	}
	d := 0
	if n.plain {
		x.plainDone++
		if x.plainDone < x.plain {
			d++
		} else if x.plainDone == x.plain {
			d += x.resolvers
		}
	}
	x.incomplete--
	if x.incomplete > 0 {
		return d
	}
	delete(t.objects, x.key)
	o := x.owner
	o.pending--
	if o.pending == 0 && o.exited {
		d += t.complete(o)
	}
	return d
}

// countObjects is the number of objects in v, a value of GraphQL type typ.
func countObjects(typ *ast.Type, v reflect.Value) int {
	for v.IsValid() && (v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface) {
		if v.IsNil() {
			return 0
		}
		v = v.Elem()
	}
	if !v.IsValid() {
		return 0
	}
	if typ.Elem == nil {
		return 1
	}
	if v.Kind() != reflect.Slice && v.Kind() != reflect.Array {
		return 0
	}
	n := 0
	for i := range v.Len() {
		n += countObjects(typ.Elem, v.Index(i))
	}
	return n
}

// Levels is the gqlgen extension that lets the request's loaders send
// each level of the query as soon as it is complete: it makes the
// request's level tracker the operation's field middleware. Set per
// operation, the tracker is called directly for every field, not through
// a field interceptor (AroundFields), which costs a closure and a look-up
// of the loaders in the context chain for every field, leaves included. It
// replaces the operation's field middleware, so the server has no other.
type Levels struct{}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationContextMutator
} = Levels{}

// ExtensionName names the extension.
func (Levels) ExtensionName() string { return "Levels" }

// Validate accepts every schema.
func (Levels) Validate(graphql.ExecutableSchema) error { return nil }

// MutateOperationContext sets the operation's field middleware to the
// level tracker of the request's loaders, when it has them.
func (Levels) MutateOperationContext(ctx context.Context, oc *graphql.OperationContext) *gqlerror.Error {
	if l, ok := ctx.Value(loadersKey{}).(*Loaders); ok {
		oc.ResolverMiddleware = l.level.aroundField
	}
	return nil
}

// result is one key's value in a loader: filled once, then read by every
// Load of the key.
type result[V any] struct {
	done    chan struct{}
	v       V
	err     error
	filled  bool
	waiters int // goroutines blocked on done, counted back in when filled
}

// batchLoader batches and caches the reads of one kind of object in a request.
// A batch is sent when the request's level is complete (levelTracker).
type batchLoader[V any] struct {
	level *levelTracker
	fetch func(context.Context, []string) ([]V, error)

	mu    sync.Mutex
	cache map[string]*result[V]
	cur   *pendingBatch[V] // collecting keys, not yet sent
}

type pendingBatch[V any] struct {
	keys    []string
	results []*result[V]
	sent    bool
}

func newLoader[V any](t *levelTracker, fetch func(context.Context, []string) ([]V, error)) *batchLoader[V] {
	return &batchLoader[V]{level: t, fetch: fetch, cache: map[string]*result[V]{}}
}

// LoadThunk asks for key and returns a function that waits for its value.
func (l *batchLoader[V]) LoadThunk(ctx context.Context, key string) func() (V, error) {
	l.mu.Lock()
	r, ok := l.cache[key]
	if !ok {
		r = &result[V]{done: make(chan struct{})}
		l.cache[key] = r
		b := l.cur
		if b == nil {
			b = &pendingBatch[V]{}
			l.cur = b
			l.level.enqueue(func() { l.send(ctx, b) })
		}
		b.keys = append(b.keys, key)
		b.results = append(b.results, r)
	}
	l.mu.Unlock()
	return func() (V, error) { return l.wait(r) }
}

// Load returns the value of key.
func (l *batchLoader[V]) Load(ctx context.Context, key string) (V, error) {
	return l.LoadThunk(ctx, key)()
}

// LoadAll returns the values of keys, in order; the error joins those of
// the keys that failed.
func (l *batchLoader[V]) LoadAll(ctx context.Context, keys []string) ([]V, error) {
	thunks := make([]func() (V, error), len(keys))
	for i, k := range keys {
		thunks[i] = l.LoadThunk(ctx, k)
	}
	vs := make([]V, len(keys))
	var errs []error
	for i, th := range thunks {
		v, err := th()
		vs[i] = v
		if err != nil {
			errs = append(errs, err)
		}
	}
	return vs, errors.Join(errs...)
}

// Prime caches v for key, if the key is not loaded or loading.
func (l *batchLoader[V]) Prime(key string, v V) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if _, ok := l.cache[key]; !ok {
		r := &result[V]{done: make(chan struct{}), v: v, filled: true}
		close(r.done)
		l.cache[key] = r
	}
}

// ClearAll forgets every cached value.
func (l *batchLoader[V]) ClearAll() {
	l.mu.Lock()
	l.cache = map[string]*result[V]{}
	l.mu.Unlock()
}

// wait blocks until r is filled. While blocked the caller cannot add keys,
// so it leaves the level's count; the sender counts it back in before
// waking it, so the count never dips while woken callers are unscheduled.
func (l *batchLoader[V]) wait(r *result[V]) (V, error) {
	l.mu.Lock()
	if r.filled {
		l.mu.Unlock()
		return r.v, r.err
	}
	r.waiters++
	l.mu.Unlock()
	l.level.change(-1)
	<-r.done
	return r.v, r.err
}

// send reads the keys of b from the store, once.
func (l *batchLoader[V]) send(ctx context.Context, b *pendingBatch[V]) {
	l.mu.Lock()
	if b.sent {
		l.mu.Unlock()
		return
	}
	b.sent = true
	if l.cur == b {
		l.cur = nil
	}
	l.mu.Unlock()

	vs, err := l.read(ctx, b.keys)
	woken := 0
	l.mu.Lock()
	for i, r := range b.results {
		if err != nil {
			r.err = err
		} else {
			r.v = vs[i]
		}
		r.filled = true
		woken += r.waiters
		r.waiters = 0
	}
	l.mu.Unlock()
	l.level.change(woken)
	for _, r := range b.results {
		close(r.done)
	}
}

// read calls the store, turning a wrong result count or a panic into an
// error so that no waiter is left blocked.
func (l *batchLoader[V]) read(ctx context.Context, keys []string) (vs []V, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("batch read panicked: %v", p)
		}
	}()
	vs, err = l.fetch(ctx, keys)
	if err == nil && len(vs) != len(keys) {
		err = fmt.Errorf("store returned %d results for %d ids", len(vs), len(keys))
	}
	return vs, err
}

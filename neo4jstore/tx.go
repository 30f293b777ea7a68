package neo4jstore

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/newsgraph/newsgraph/kg"
)

// runner runs one statement: a managed transaction, or an auto-commit
// session (autoRunner).
type runner interface {
	Run(ctx context.Context, cypher string, params map[string]any) (neo4j.ResultWithContext, error)
}

// readTx runs fn in a managed read transaction (retried by the driver on
// transient errors) and classifies its error. A read of one statement uses
// readOne instead.
func readTx[T any](ctx context.Context, s *Store, op string, fn func(tx runner) (T, error)) (T, error) {
	sess := s.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: s.db, AccessMode: neo4j.AccessModeRead})
	defer sess.Close(context.Background())
	v, err := neo4j.ExecuteRead(ctx, sess, func(tx neo4j.ManagedTransaction) (T, error) { return fn(tx) })
	if err != nil {
		var zero T
		return zero, s.wrap(op, err)
	}
	return v, nil
}

// readOne runs fn, which runs a single statement, as an auto-commit read
// on a reader: RUN and PULL without BEGIN and COMMIT, a round trip fewer
// than readTx. The driver retries only managed transactions, so readOne
// retries fn itself on the errors the driver would retry (neo4j.IsRetryable:
// transient server errors, lost connections), with doubling backoff, until
// s.retryTime has passed or ctx ends. A read is safe to run again.
func readOne[T any](ctx context.Context, s *Store, op string, fn func(tx runner) (T, error)) (T, error) {
	var zero T
	deadline := time.Now().Add(s.retryTime)
	wait := 50 * time.Millisecond
	for {
		v, err := runOnce(ctx, s, fn)
		if err == nil {
			return v, nil
		}
		if !neo4j.IsRetryable(err) || time.Now().Add(wait).After(deadline) {
			return zero, s.wrap(op, err)
		}
		select {
		case <-ctx.Done():
			return zero, s.wrap(op, fmt.Errorf("%w (after %w)", ctx.Err(), err))
		case <-time.After(wait):
		}
		wait = min(2*wait, time.Second)
	}
}

// runOnce is one attempt of readOne, in a session of its own.
func runOnce[T any](ctx context.Context, s *Store, fn func(tx runner) (T, error)) (T, error) {
	sess := s.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: s.db, AccessMode: neo4j.AccessModeRead})
	defer sess.Close(context.Background())
	return fn(&autoRunner{sess: sess})
}

// autoRunner runs one statement as an auto-commit transaction. A second
// statement is refused: without a transaction it would not see the same
// snapshot as the first.
type autoRunner struct {
	sess neo4j.SessionWithContext
	ran  bool
}

// Run implements runner.
func (a *autoRunner) Run(ctx context.Context, cypher string, params map[string]any) (neo4j.ResultWithContext, error) {
	if a.ran {
		return nil, errors.New("neo4j: a second statement in a single-statement read")
	}
	a.ran = true
	return a.sess.Run(ctx, cypher, params)
}

// writeTx runs fn in a managed write transaction. fn must be idempotent:
// the driver runs it again after a deadlock or a lost connection.
func writeTx[T any](ctx context.Context, s *Store, op string, fn func(tx neo4j.ManagedTransaction) (T, error)) (T, error) {
	sess := s.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: s.db, AccessMode: neo4j.AccessModeWrite})
	defer sess.Close(context.Background())
	v, err := neo4j.ExecuteWrite(ctx, sess, fn)
	if err != nil {
		var zero T
		return zero, s.wrap(op, err)
	}
	return v, nil
}

// testHookRun, when set by a test or benchmark, sees every statement run
// (its text as sent) and how long its round trip took.
var testHookRun func(q string, d time.Duration)

// testHookProfile, when set by a benchmark, is asked before each statement
// whether to send it with PROFILE; if so, testHookDbHits gets the db hits
// of its plan (the statement runs and returns as it would without).
var (
	testHookProfile func(q string) bool
	testHookDbHits  func(q string, hits int64)
)

// run executes one statement and collects its records.
func run(ctx context.Context, tx runner, q string, params map[string]any) ([]*neo4j.Record, error) {
	if testHookRun != nil {
		defer func(t0 time.Time) { testHookRun(q, time.Since(t0)) }(time.Now())
	}
	if testHookProfile != nil && testHookProfile(q) {
		return runProfiled(ctx, tx, q, params)
	}
	res, err := tx.Run(ctx, q, params)
	if err != nil {
		return nil, err
	}
	return res.Collect(ctx)
}

// runProfiled runs q with PROFILE and passes its plan's db hits to
// testHookDbHits.
func runProfiled(ctx context.Context, tx runner, q string, params map[string]any) ([]*neo4j.Record, error) {
	res, err := tx.Run(ctx, "PROFILE "+q, params)
	if err != nil {
		return nil, err
	}
	recs, err := res.Collect(ctx)
	if err != nil {
		return nil, err
	}
	sum, err := res.Consume(ctx)
	if err != nil {
		return nil, err
	}
	var hits func(p neo4j.ProfiledPlan) int64
	hits = func(p neo4j.ProfiledPlan) int64 {
		n := p.DbHits()
		for _, c := range p.Children() {
			n += hits(c)
		}
		return n
	}
	if p := sum.Profile(); p != nil && testHookDbHits != nil {
		testHookDbHits(q, hits(p))
	}
	return recs, nil
}

// relTypeAlt is "HOLDS_ROLE|LEADS|…": every ontology relationship type, for
// patterns that must not match the store's own bookkeeping relationships.
func relTypeAlt() string {
	parts := make([]string, len(kg.RelationTypes))
	for i, t := range kg.RelationTypes {
		parts[i] = string(t)
	}
	return strings.Join(parts, "|")
}

// label returns t for splicing into Cypher as a label; only kg.EntityTypes
// pass.
func label(t kg.EntityType) (string, error) {
	if !t.Valid() {
		return "", kg.Errorf(kg.EInvalid, "unknown entity type %q", t)
	}
	return string(t), nil
}

// relType returns t for splicing into Cypher as a relationship type; only
// kg.RelationTypes pass.
func relType(t kg.RelationType) (string, error) {
	if !t.Valid() {
		return "", kg.Errorf(kg.EInvalid, "unknown relation type %q", t)
	}
	return string(t), nil
}

// Property decoding. Bolt returns integers as int64, lists as []any.

func pStr(m map[string]any, k string) string {
	s, _ := m[k].(string)
	return s
}

func pInt(m map[string]any, k string) int {
	switch v := m[k].(type) {
	case int64:
		return int(v)
	case float64:
		return int(v)
	}
	return 0
}

func pFloat(m map[string]any, k string) float64 {
	switch v := m[k].(type) {
	case float64:
		return v
	case int64:
		return float64(v)
	}
	return 0
}

func pBool(m map[string]any, k string) bool {
	b, _ := m[k].(bool)
	return b
}

func pStrs(m map[string]any, k string) []string {
	l, _ := m[k].([]any)
	out := make([]string, 0, len(l))
	for _, v := range l {
		s, _ := v.(string)
		out = append(out, s)
	}
	return out
}

func pInts(m map[string]any, k string) []int {
	l, _ := m[k].([]any)
	out := make([]int, 0, len(l))
	for _, v := range l {
		switch n := v.(type) {
		case int64:
			out = append(out, int(n))
		case float64:
			out = append(out, int(n))
		default:
			out = append(out, 0)
		}
	}
	return out
}

func pFloats(m map[string]any, k string) []float64 {
	l, _ := m[k].([]any)
	out := make([]float64, 0, len(l))
	for _, v := range l {
		switch n := v.(type) {
		case float64:
			out = append(out, n)
		case int64:
			out = append(out, float64(n))
		default:
			out = append(out, 0)
		}
	}
	return out
}

// recStr reads a string column of a record.
func recStr(r *neo4j.Record, k string) string {
	v, _ := r.Get(k)
	s, _ := v.(string)
	return s
}

// recInt reads an integer column of a record.
func recInt(r *neo4j.Record, k string) int {
	v, _ := r.Get(k)
	n, _ := v.(int64)
	return int(n)
}

// recProps returns the properties of a node or relationship column.
func recProps(r *neo4j.Record, k string) (map[string]any, error) {
	v, ok := r.Get(k)
	if !ok {
		return nil, fmt.Errorf("neo4j: record has no column %q", k)
	}
	switch x := v.(type) {
	case neo4j.Node:
		return x.Props, nil
	case neo4j.Relationship:
		return x.Props, nil
	case map[string]any:
		return x, nil
	case nil:
		return nil, nil
	}
	return nil, fmt.Errorf("neo4j: column %q is %T, not a node or relationship", k, v)
}

// anyStrings converts for query parameters.
func anyStrings(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

// uniq returns the distinct values of ids in first-seen order.
func uniq(ids []string) []string {
	seen := make(map[string]bool, len(ids))
	out := make([]string, 0, len(ids))
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}

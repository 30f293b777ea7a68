package neo4jstore

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/newsgraph/newsgraph/kg"
)

// TestReadOneRetries checks that an auto-commit read is retried on the
// errors the driver retries in a managed transaction, not on others, and
// not past the store's retry time.
func TestReadOneRetries(t *testing.T) {
	// Sessions connect lazily and fn runs no statement: no server needed.
	drv, err := neo4j.NewDriverWithContext("bolt://127.0.0.1:1", neo4j.NoAuth())
	if err != nil {
		t.Fatal(err)
	}
	defer drv.Close(context.Background())
	s := &Store{driver: drv, retryTime: 2 * time.Second}
	ctx := context.Background()
	transient := &neo4j.Neo4jError{Code: "Neo.TransientError.Transaction.DeadlockDetected"}

	calls := 0
	v, err := readOne(ctx, s, "test", func(runner) (int, error) {
		if calls++; calls < 3 {
			return 0, transient
		}
		return 7, nil
	})
	if err != nil || v != 7 || calls != 3 {
		t.Errorf("two transient errors then success = %d, %v after %d calls; want 7, nil after 3", v, err, calls)
	}

	calls = 0
	boom := errors.New("boom")
	_, err = readOne(ctx, s, "test", func(runner) (int, error) { calls++; return 0, boom })
	if !errors.Is(err, boom) || calls != 1 {
		t.Errorf("a permanent error = %v after %d calls; want it wrapped after 1", err, calls)
	}

	calls = 0
	s.retryTime = 300 * time.Millisecond
	t0 := time.Now()
	_, err = readOne(ctx, s, "test", func(runner) (int, error) { calls++; return 0, transient })
	if kg.ErrorCode(err) != kg.EUnavailable || !errors.Is(err, transient) || calls < 2 {
		t.Errorf("transient errors until the retry time = %v after %d calls; want %s wrapping the last, retried", err, calls, kg.EUnavailable)
	}
	if d := time.Since(t0); d > 2*time.Second {
		t.Errorf("retries took %v, past the retry time", d)
	}
}

// TestReadOneRefusesASecondStatement: an auto-commit read runs one
// statement; a second would not share its snapshot.
func TestReadOneRefusesASecondStatement(t *testing.T) {
	s := openClean(t)
	ctx := context.Background()
	_, err := readOne(ctx, s, "test", func(tx runner) (int, error) {
		if _, err := run(ctx, tx, `RETURN 1 AS x`, nil); err != nil {
			return 0, err
		}
		_, err := run(ctx, tx, `RETURN 2 AS x`, nil)
		return 0, err
	})
	if err == nil {
		t.Error("a second statement in readOne ran")
	}
}

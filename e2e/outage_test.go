package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/neo4jstore"
)

// TestGraphQLDuringNeo4jOutage stops the private Neo4j under a running
// server: queries then fail with extensions.code UNAVAILABLE and no internal
// detail, /healthz says 503, and once Neo4j is back the same server answers
// again without a restart.
func TestGraphQLDuringNeo4jOutage(t *testing.T) {
	cfg := neo4jConfig(t)
	if private == nil {
		// Under CI the private server is missing only when java/mvn are:
		// that is a missing dependency, not a reason to skip.
		if os.Getenv("CI") == "true" && os.Getenv("NEO4J_E2E_URI") == "" {
			t.Fatal("CI=true but no private Neo4j to stop and restart: java/mvn missing; run scripts/test-deps.sh")
		}
		t.Skip("needs the private Neo4j that this package starts, to stop and restart it")
	}
	cfg.RetryTime = 2 * time.Second // fail fast while Neo4j is down
	ctx := context.Background()
	store, err := neo4jstore.Open(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	srv := httptest.NewServer(graph.NewHandler(graph.Config{
		Store: store, Timeout: 30 * time.Second,
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil)),
	}))
	defer srv.Close()
	client := &http.Client{Timeout: time.Minute}
	const q = `{ stats { articles entities } }`
	postQuery(t, client, srv.URL, q, nil)

	if out, err := private.script("stop").CombinedOutput(); err != nil {
		t.Fatalf("stop Neo4j: %v\n%s", err, out)
	}
	restarted := false
	defer func() {
		if !restarted { // leave a server for the tests after this one
			private.script("start").Run()
		}
	}()

	code, msg := queryError(t, client, srv.URL, q)
	if code != "UNAVAILABLE" {
		t.Errorf("query during the outage: code %q (%s), want UNAVAILABLE", code, msg)
	}
	for _, leak := range []string{"bolt", "127.0.0.1", "connect", "neo4j:"} {
		if strings.Contains(strings.ToLower(msg), leak) {
			t.Errorf("error message %q shows internal detail %q", msg, leak)
		}
	}
	if resp, err := client.Get(srv.URL + "/healthz"); err != nil || resp.StatusCode != http.StatusServiceUnavailable {
		t.Errorf("/healthz during the outage: %v, %v; want 503", resp.StatusCode, err)
	}

	if out, err := private.script("start").CombinedOutput(); err != nil {
		t.Fatalf("restart Neo4j: %v\n%s", err, out)
	}
	restarted = true
	deadline := time.Now().Add(90 * time.Second)
	for {
		code, msg := queryError(t, client, srv.URL, q)
		if code == "" {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the server did not recover after Neo4j came back: %s %s", code, msg)
		}
		time.Sleep(time.Second)
	}
}

// queryError posts q and returns the first error's code and message, or ""
// when the query succeeded.
func queryError(t *testing.T, client *http.Client, base, q string) (code, msg string) {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"query": q})
	resp, err := client.Post(base+"/query", "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatalf("POST /query: %v", err)
	}
	defer resp.Body.Close()
	var r struct {
		Errors []struct {
			Message    string `json:"message"`
			Extensions struct {
				Code string `json:"code"`
			} `json:"extensions"`
		} `json:"errors"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&r); err != nil {
		t.Fatalf("decode: %v", err)
	}
	if len(r.Errors) == 0 {
		return "", ""
	}
	return r.Errors[0].Extensions.Code, r.Errors[0].Message
}

package e2e

import (
	"net/http"
	"strings"
	"testing"
	"time"
)

// TestSearchSeesLoadFromAnotherProcess is the README's workflow: `serve`
// runs, `load` in a second process writes to the same data directory, and
// the running server's search finds what was loaded without a restart.
func TestSearchSeesLoadFromAnotherProcess(t *testing.T) {
	dir := t.TempDir()
	srv := startServer(t, dir, "--no-samples")
	client := &http.Client{Timeout: 30 * time.Second}
	const q = `{ entities(query: "Araji") { totalCount edges { node { id } } } }`
	if got := string(postQuery(t, client, srv.url, q, nil)); strings.Contains(got, "qassim-al-araji") {
		t.Fatalf("empty store: search found Araji: %s", got)
	}
	mustRun(t, "load", "--data", dir, seedArticle)
	if got := string(postQuery(t, client, srv.url, q, nil)); !strings.Contains(got, `"id":"person:qassim-al-araji"`) {
		t.Errorf("after load in another process: search = %s, want person:qassim-al-araji", got)
	}
	srv.stop(t)
}

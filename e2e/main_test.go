// Package e2e holds the end-to-end tests of newsgraph: the built binary (extract,
// load, serve), both stores behind the GraphQL handler, and GraphiQL in a
// headless Chromium with no internet. It has tests only.
package e2e

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// binary is the newsgraph command built once for the whole package.
var binary string

// seedArticle is the real seed article, shared read-only; never copied.
const seedArticle = "../../shared/articles/iraq-allies.txt"

func TestMain(m *testing.M) {
	os.Exit(testMain(m))
}

func testMain(m *testing.M) int {
	flag.Parse()
	// Neo4j starts first, in the background: its start overlaps the build
	// and the other tests.
	if wantPrivateNeo4j() {
		p, err := startPrivateNeo4j()
		if err != nil {
			fmt.Fprintln(os.Stderr, "e2e: private Neo4j:", err)
			return 1
		}
		private = p
		defer p.stop()
	}

	dir, err := os.MkdirTemp("", "newsgraph-e2e-bin-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		return 1
	}
	defer os.RemoveAll(dir)
	binary = filepath.Join(dir, "newsgraph")
	// Built from the repository root so that the test runs what users run.
	cmd := exec.Command("go", "build", "-o", binary, ".")
	cmd.Dir = ".."
	if out, err := cmd.CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "e2e: go build of the newsgraph command failed: %v\n%s", err, out)
		return 1
	}
	return m.Run()
}

package e2e

import (
	"flag"
	"fmt"
	"net"
	"os"
	"os/exec"
	"regexp"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/neo4jstore"
)

// howToNeo4j says how to run the Neo4j half of the e2e tests.
const howToNeo4j = "scripts/neo4j.sh start, then NEO4J_TEST_URI=bolt://127.0.0.1:17687 go test ./e2e/ (or make test)"

// private is the Neo4j server this package starts for itself, or nil.
//
// The shared test server (NEO4J_TEST_URI) is wiped by the neo4jstore tests,
// which `go test ./...` runs at the same time as these in another process,
// and Neo4j Community has a single database: sharing it would make both
// flaky. So, when Neo4j tests are wanted, this package starts a private
// server with scripts/neo4j.sh (own port, own data in a temp dir) as soon as
// TestMain runs, so that its start overlaps the other tests, and stops it at
// the end. NEO4J_E2E_URI names a server reserved for these tests instead.
var private *privateNeo4j

type privateNeo4j struct {
	state string
	env   []string
	uri   string
	ready chan struct{} // closed when start has finished, well or not
	err   error         // why start failed, once ready is closed
	took  time.Duration
}

// wantPrivateNeo4j says whether TestMain should start a private server: Neo4j
// tests are wanted (NEO4J_TEST_URI or CI=true), none is reserved, java and
// maven can run the launcher, and -run does not exclude TestStoresAgree.
func wantPrivateNeo4j() bool {
	if os.Getenv("NEO4J_E2E_URI") != "" || (os.Getenv("NEO4J_TEST_URI") == "" && os.Getenv("CI") != "true") {
		return false
	}
	if _, err := exec.LookPath("java"); err != nil {
		return false
	}
	if _, err := exec.LookPath("mvn"); err != nil {
		return false
	}
	if f := flag.Lookup("test.run"); f != nil && f.Value.String() != "" {
		re, err := regexp.Compile(f.Value.String())
		return err == nil && (re.MatchString("TestStoresAgree") || re.MatchString("TestGraphQLDuringNeo4jOutage") || re.MatchString("TestCSVIntoNeo4j"))
	}
	return true
}

// startPrivateNeo4j starts the server in the background.
func startPrivateNeo4j() (*privateNeo4j, error) {
	state, err := os.MkdirTemp("", "newsgraph-e2e-neo4j-")
	if err != nil {
		return nil, err
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	port := l.Addr().(*net.TCPAddr).Port
	l.Close()
	p := &privateNeo4j{
		state: state,
		env: append(os.Environ(), "NEO4J_STATE="+state, fmt.Sprintf("NEO4J_PORT=%d", port),
			"NEO4J_AUTH=none", "NEO4J_HEAP=512m", "NEO4J_START_TIMEOUT=150"),
		uri:   fmt.Sprintf("bolt://127.0.0.1:%d", port),
		ready: make(chan struct{}),
	}
	go func() {
		defer close(p.ready)
		start := time.Now()
		if out, err := p.script("start").CombinedOutput(); err != nil {
			p.err = fmt.Errorf("scripts/neo4j.sh start: %v\n%s", err, out)
		}
		p.took = time.Since(start)
	}()
	return p, nil
}

func (p *privateNeo4j) script(arg string) *exec.Cmd {
	c := exec.Command("../scripts/neo4j.sh", arg)
	c.Env = p.env
	return c
}

// stop waits for a start in progress, stops the server and removes its data.
func (p *privateNeo4j) stop() {
	<-p.ready
	if out, err := p.script("stop").CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "e2e: stop the private Neo4j: %v\n%s", err, out)
	}
	os.RemoveAll(p.state)
}

// neo4jConfig returns a Neo4j that this test may wipe, or skips (fails
// under CI=true) when there is none.
func neo4jConfig(t *testing.T) neo4jstore.Config {
	t.Helper()
	if uri := os.Getenv("NEO4J_E2E_URI"); uri != "" {
		return neo4jstore.Config{URI: uri, Password: firstSet(os.Getenv("NEO4J_E2E_PASSWORD"), os.Getenv("NEO4J_PASSWORD"))}
	}
	shared := os.Getenv("NEO4J_TEST_URI")
	if shared == "" && os.Getenv("CI") != "true" {
		t.Skip("no Neo4j (NEO4J_TEST_URI unset); to run: " + howToNeo4j)
	}
	if private == nil {
		if shared == "" {
			t.Fatal("CI=true but no Neo4j: NEO4J_TEST_URI is unset and java/mvn are missing to start one; run " + howToNeo4j)
		}
		// Without java/mvn no private server: use the shared one and say so.
		t.Logf("java/mvn missing: using the shared Neo4j %s; concurrent neo4jstore tests may interfere", shared)
		return neo4jstore.Config{URI: shared, Password: firstSet(os.Getenv("NEO4J_TEST_PASSWORD"), os.Getenv("NEO4J_PASSWORD"), "newsgraph")}
	}
	<-private.ready
	if private.err != nil {
		t.Fatalf("private Neo4j: %v", private.err)
	}
	t.Logf("private Neo4j on %s (started in %s, in the background)", private.uri, private.took.Round(100*time.Millisecond))
	return neo4jstore.Config{URI: private.uri, ConnectTimeout: time.Minute}
}

func firstSet(vals ...string) string {
	for _, v := range vals {
		if v != "" {
			return v
		}
	}
	return ""
}

package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/kg"
	"github.com/newsgraph/newsgraph/loader"
	"github.com/newsgraph/newsgraph/samples"
	"github.com/newsgraph/newsgraph/sqlite"
)

// result is what one run of the binary gave.
type result struct {
	stdout, stderr string
	code           int
}

// cleanEnv is the test's environment without the variables that would
// change the binary's store or behaviour behind the test's back.
func cleanEnv(t *testing.T) []string {
	t.Helper()
	var env []string
	for _, kv := range os.Environ() {
		if strings.HasPrefix(kv, "NEWSGRAPH_") || strings.HasPrefix(kv, "XDG_DATA_HOME=") {
			continue
		}
		env = append(env, kv)
	}
	// A default data directory inside the test's temp dir, should a flag be missed.
	return append(env, "XDG_DATA_HOME="+t.TempDir())
}

// run runs the binary to completion with args.
func run(t *testing.T, args ...string) result {
	t.Helper()
	return runIn(t, "", args...)
}

// runIn runs the binary to completion in the working directory dir ("" for
// the test's own).
func runIn(t *testing.T, dir string, args ...string) result {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, binary, args...)
	cmd.Env = cleanEnv(t)
	cmd.Dir = dir
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	r := result{stdout: out.String(), stderr: errb.String()}
	var ee *exec.ExitError
	switch {
	case err == nil:
	case errors.As(err, &ee):
		r.code = ee.ExitCode()
	default:
		t.Fatalf("newsgraph %s: %v", strings.Join(args, " "), err)
	}
	if ctx.Err() != nil {
		t.Fatalf("newsgraph %s: timed out\nstderr: %s", strings.Join(args, " "), r.stderr)
	}
	return r
}

// mustRun runs the binary and fails the test on a non-zero exit.
func mustRun(t *testing.T, args ...string) result {
	t.Helper()
	r := run(t, args...)
	if r.code != 0 {
		t.Fatalf("newsgraph %s: exit %d\nstdout: %s\nstderr: %s", strings.Join(args, " "), r.code, r.stdout, r.stderr)
	}
	return r
}

// statsOf opens the embedded store in dir (after the binary has exited) and
// counts what it holds.
func statsOf(t *testing.T, dir string) kg.Stats {
	t.Helper()
	s, err := sqlite.Open(context.Background(), dir)
	if err != nil {
		t.Fatalf("open sqlite store %s: %v", dir, err)
	}
	defer s.Close()
	st, err := s.Stats(context.Background())
	if err != nil {
		t.Fatalf("stats of %s: %v", dir, err)
	}
	return st
}

// freePort returns a loopback port that was free a moment ago.
func freePort(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("listen: %v", err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// syncBuffer collects a child's stderr while the test reads it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// server is a running `newsgraph serve`.
type server struct {
	cmd    *exec.Cmd
	url    string
	stderr *syncBuffer
	done   chan error
}

// startServer runs `serve --data dir --addr 127.0.0.1:PORT` plus extra and
// waits until /healthz answers ok. The server is stopped at cleanup if the
// test has not stopped it.
func startServer(t *testing.T, dir string, extra ...string) *server {
	t.Helper()
	return startServerIn(t, "", dir, extra...)
}

// startServerIn is startServer with the working directory cwd ("" for the
// test's own).
func startServerIn(t *testing.T, cwd, dir string, extra ...string) *server {
	t.Helper()
	addr := fmt.Sprintf("127.0.0.1:%d", freePort(t))
	args := append([]string{"serve", "--data", dir, "--addr", addr}, extra...)
	cmd := exec.Command(binary, args...)
	cmd.Dir = cwd
	cmd.Env = cleanEnv(t)
	s := &server{cmd: cmd, url: "http://" + addr, stderr: &syncBuffer{}, done: make(chan error, 1)}
	cmd.Stderr = s.stderr
	if err := cmd.Start(); err != nil {
		t.Fatalf("start server: %v", err)
	}
	go func() { s.done <- cmd.Wait() }()
	t.Cleanup(func() {
		if cmd.ProcessState == nil {
			_ = cmd.Process.Kill()
			<-s.done
		}
	})
	deadline := time.Now().Add(60 * time.Second)
	for {
		select {
		case err := <-s.done:
			s.done <- err
			t.Fatalf("server exited before it was healthy: %v\nstderr: %s", err, s.stderr)
		default:
		}
		resp, err := http.Get(s.url + "/healthz")
		if err == nil {
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK && strings.TrimSpace(string(body)) == "ok" {
				return s
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("server not healthy within 60s (last error %v)\nstderr: %s", err, s.stderr)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// stop sends SIGTERM and requires a clean exit within 20s.
func (s *server) stop(t *testing.T) {
	t.Helper()
	if err := s.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatalf("SIGTERM: %v", err)
	}
	select {
	case err := <-s.done:
		if err != nil {
			t.Fatalf("server exit after SIGTERM: %v\nstderr: %s", err, s.stderr)
		}
	case <-time.After(20 * time.Second):
		_ = s.cmd.Process.Kill()
		<-s.done
		t.Fatalf("server did not stop within 20s of SIGTERM\nstderr: %s", s.stderr)
	}
}

// gqlResponse is the envelope of a GraphQL answer; data stays raw so that
// tests can compare bytes.
type gqlResponse struct {
	Data   json.RawMessage `json:"data"`
	Errors json.RawMessage `json:"errors"`
}

// postQuery posts a GraphQL query to base+"/query" and returns the whole
// response body, failing the test on any transport or GraphQL error.
func postQuery(t *testing.T, client *http.Client, base, query string, vars map[string]any) []byte {
	t.Helper()
	body, err := json.Marshal(map[string]any{"query": query, "variables": vars})
	if err != nil {
		t.Fatal(err)
	}
	resp, err := client.Post(base+"/query", "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatalf("POST /query: %v", err)
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("read /query response: %v", err)
	}
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("POST /query: status %d: %s", resp.StatusCode, raw)
	}
	var g gqlResponse
	if err := json.Unmarshal(raw, &g); err != nil {
		t.Fatalf("decode /query response %s: %v", raw, err)
	}
	if len(g.Errors) > 0 && string(g.Errors) != "null" {
		t.Fatalf("query %s: errors %s", query, g.Errors)
	}
	return raw
}

// sampleStore is an embedded store in a temp dir holding the samples and
// the given article files, closed when the test ends.
func sampleStore(t *testing.T, files ...string) *sqlite.Store {
	t.Helper()
	ctx := context.Background()
	store, err := sqlite.Open(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	srcs, err := loader.FS(samples.FS(), ".")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := loader.New(store).Load(ctx, append(srcs, loader.Files(files)...), nil); err != nil {
		t.Fatal(err)
	}
	return store
}

// besideShared makes the layout of a first start: workspace/checkout (the
// directory returned, to run in) beside workspace/shared/articles, which
// links to the seed article's directory.
func besideShared(t *testing.T) (checkout, data string) {
	t.Helper()
	shared, err := filepath.Abs(filepath.Dir(seedArticle))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(shared); err != nil {
		t.Fatalf("the workspace's shared articles: %v", err)
	}
	ws := t.TempDir()
	checkout = filepath.Join(ws, "checkout")
	if err := os.MkdirAll(filepath.Join(ws, "shared"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(checkout, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(shared, filepath.Join(ws, "shared", "articles")); err != nil {
		t.Fatal(err)
	}
	return checkout, filepath.Join(ws, "data")
}

package e2e

import (
	"bytes"
	"context"
	"image"
	"image/png"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/loader"
	"github.com/newsgraph/newsgraph/sqlite"
)

// chromiumPackage is the Debian package that provides /usr/bin/chromium.
const chromiumPackage = "chromium"

// findChromium returns the headless browser, failing under CI and skipping
// elsewhere when it is not installed.
func findChromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatalf("chromium not found; install the Debian package: apt-get install -y %s", chromiumPackage)
	}
	t.Skipf("chromium not installed; to run this test: apt-get install -y %s", chromiumPackage)
	return ""
}

// offlineFlags cut Chromium off from every host but loopback, and from its
// own background traffic, so that the page must work with no internet.
func offlineFlags(userDataDir string) []string {
	return []string{
		"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--disable-dev-shm-usage", "--user-data-dir=" + userDataDir,
		"--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
		"--virtual-time-budget=10000",
	}
}

// chromeProfile returns a fresh profile directory for Chromium, removed
// best-effort when the test ends: Chromium's helper processes may still
// write to it after the browser exits, which would fail t.TempDir's strict
// cleanup and with it a passing test.
func chromeProfile(t *testing.T) string {
	t.Helper()
	dir, err := os.MkdirTemp("", "newsgraph-chrome-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	return dir
}

// runChromium runs one headless Chromium command and returns its stdout.
func runChromium(t *testing.T, bin string, args ...string) []byte {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, append(offlineFlags(chromeProfile(t)), args...)...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		t.Fatalf("chromium %s: %v\nstderr: %s", strings.Join(args, " "), err, errb.String())
	}
	return out.Bytes()
}

// requestLog records what the browser asked the server for.
type requestLog struct {
	mu   sync.Mutex
	reqs []string // "METHOD path status"
}

func (l *requestLog) wrap(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		sw := &statusWriter{ResponseWriter: w, code: http.StatusOK}
		h.ServeHTTP(sw, r)
		l.mu.Lock()
		l.reqs = append(l.reqs, r.Method+" "+r.URL.Path+" "+http.StatusText(sw.code))
		l.mu.Unlock()
	})
}

func (l *requestLog) list() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]string(nil), l.reqs...)
}

type statusWriter struct {
	http.ResponseWriter
	code int
}

func (w *statusWriter) WriteHeader(code int) {
	w.code = code
	w.ResponseWriter.WriteHeader(code)
}

var containerRE = regexp.MustCompile(`class="[^"]*\bgraphiql-container\b`)

func TestGraphiQLOffline(t *testing.T) {
	bin := findChromium(t)

	ctx := context.Background()
	store, err := sqlite.Open(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	log := &requestLog{}
	// The API's own handler on a loopback port, as `serve` mounts it.
	srv := httptest.NewServer(log.wrap(graph.NewHandler(graph.Config{
		Store: store, Ingest: loader.New(store),
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil)),
	})))
	defer srv.Close()
	if !strings.HasPrefix(srv.URL, "http://127.0.0.1:") {
		t.Fatalf("test server not on 127.0.0.1: %s", srv.URL)
	}
	page := srv.URL + "/"

	dom := string(runChromium(t, bin, "--dump-dom", page))
	if !containerRE.MatchString(dom) {
		t.Errorf("GraphiQL did not render offline: no element of class graphiql-container in the DOM:\n%.3000s", dom)
	}
	if strings.Contains(dom, "Loading GraphiQL") {
		t.Errorf("the page still shows its loading placeholder")
	}
	if !strings.Contains(dom, "CodeMirror") && !strings.Contains(dom, "cm-editor") {
		t.Errorf("no query editor (CodeMirror) in the DOM")
	}
	reqs := log.list()
	introspected := false
	for _, r := range reqs {
		if strings.HasPrefix(r, "POST /query ") {
			introspected = introspected || strings.HasSuffix(r, " OK")
		}
		if !strings.HasSuffix(r, " OK") && !strings.HasSuffix(r, "Not Modified") && !strings.HasPrefix(r, "GET /favicon.ico") {
			t.Errorf("the page asked for %s", r)
		}
	}
	if !introspected {
		t.Errorf("GraphiQL never posted to /query (no schema introspection); requests: %q", reqs)
	}

	// A screenshot, kept (overwritten by each run) for a person to look at.
	shot := filepath.Join(os.TempDir(), "newsgraph-e2e-graphiql.png")
	_ = os.Remove(shot)
	runChromium(t, bin, "--screenshot="+shot, "--window-size=1280,800", page)
	f, err := os.Open(shot)
	if err != nil {
		t.Fatalf("no screenshot: %v", err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatalf("screenshot %s is not a PNG: %v", shot, err)
	}
	if n := colours(img); n < 8 {
		t.Errorf("screenshot %s has %d colours: a blank page", shot, n)
	}
	t.Logf("GraphiQL screenshot: %s (%dx%d)", shot, img.Bounds().Dx(), img.Bounds().Dy())
}

// colours counts the distinct colours of img, up to 1000.
func colours(img image.Image) int {
	seen := map[[4]uint32]bool{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y += 2 {
		for x := b.Min.X; x < b.Max.X; x += 2 {
			r, g, bl, a := img.At(x, y).RGBA()
			seen[[4]uint32{r, g, bl, a}] = true
			if len(seen) >= 1000 {
				return len(seen)
			}
		}
	}
	return len(seen)
}

package graphiql

import (
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"
)

func serve() http.Handler {
	mux := http.NewServeMux()
	mux.Handle("GET /{$}", Page())
	mux.Handle("GET "+AssetPrefix, Assets())
	return mux
}

func get(t *testing.T, h http.Handler, path string) *httptest.ResponseRecorder {
	t.Helper()
	w := httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest(http.MethodGet, path, nil))
	return w
}

// refRE finds what the page loads: src attributes and <link href>; an
// <a href> (the link to the explorer) is a page to go to, not an asset.
var refRE = regexp.MustCompile(`(?i)(?:\bsrc|<link\b[^>]*\bhref)\s*=\s*"([^"]*)"`)

// TestPageUsesOnlyLocalAssets checks that the page loads nothing from
// another origin and that every asset it names is served.
func TestPageUsesOnlyLocalAssets(t *testing.T) {
	h := serve()
	w := get(t, h, "/")
	if w.Code != http.StatusOK || !strings.Contains(w.Header().Get("Content-Type"), "text/html") {
		t.Fatalf("GET / = %d %s", w.Code, w.Header().Get("Content-Type"))
	}
	page := w.Body.String()
	refs := refRE.FindAllStringSubmatch(page, -1)
	if len(refs) < 6 {
		t.Fatalf("page names %d assets, want the scripts and styles: %s", len(refs), page)
	}
	base, _ := url.Parse("http://example.test/")
	for _, m := range refs {
		ref := m[1]
		u, err := url.Parse(ref)
		if err != nil {
			t.Fatalf("bad reference %q: %v", ref, err)
		}
		if u.Scheme == "data" {
			continue
		}
		if u.IsAbs() || u.Host != "" || strings.HasPrefix(ref, "//") {
			t.Fatalf("page references a remote asset %q", ref)
		}
		abs := base.ResolveReference(u)
		w := get(t, h, abs.Path)
		if w.Code != http.StatusOK || w.Body.Len() == 0 {
			t.Fatalf("asset %s: %d (%d bytes)", abs.Path, w.Code, w.Body.Len())
		}
		ct := w.Header().Get("Content-Type")
		switch {
		case strings.HasSuffix(abs.Path, ".js") && !strings.Contains(ct, "javascript"),
			strings.HasSuffix(abs.Path, ".css") && !strings.Contains(ct, "text/css"):
			t.Fatalf("asset %s served as %q", abs.Path, ct)
		}
	}
	for _, want := range []string{"graphiql.min.js", "react.production.min.js", "react-dom.production.min.js", "graphiql.min.css"} {
		if !strings.Contains(page, want) {
			t.Errorf("page does not load %s", want)
		}
	}
}

func TestExamples(t *testing.T) {
	w := get(t, serve(), AssetPrefix+"examples.js")
	body, _ := io.ReadAll(w.Body)
	for _, op := range []string{"query WhoDetainedWhom", "query WhoCommandedWhom", "query PathBetween", "query Subgraph"} {
		if !strings.Contains(string(body), op) {
			t.Errorf("examples.js lacks %q", op)
		}
	}
}

func TestNoListingOrEscape(t *testing.T) {
	h := serve()
	for _, p := range []string{AssetPrefix, AssetPrefix + "../index.html", AssetPrefix + "nope.js"} {
		if w := get(t, h, p); w.Code == http.StatusOK {
			t.Errorf("GET %s = 200, want an error", p)
		}
	}
}

package graph

import (
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"
)

// TestGraphiQLAndExplorerLinkToEachOther follows the links a person
// clicks: from GraphiQL to the explorer, from the explorer (opened with a
// query string, as /explore?q= links do) back to GraphiQL.
func TestGraphiQLAndExplorerLinkToEachOther(t *testing.T) {
	srv := httptest.NewServer(NewHandler(Config{Store: openStore(t), Logger: quietLogger()}))
	defer srv.Close()
	get := func(u string) string {
		t.Helper()
		resp, err := http.Get(u)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != http.StatusOK || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") {
			t.Fatalf("GET %s = %d %s", u, resp.StatusCode, resp.Header.Get("Content-Type"))
		}
		return string(b)
	}
	anchor := regexp.MustCompile(`<a\b[^>]*\bhref="([^"]*)"[^>]*>([^<]*)</a>`)
	follow := func(from, page, text string) string {
		t.Helper()
		for _, m := range anchor.FindAllStringSubmatch(page, -1) {
			if strings.Contains(strings.ToLower(m[2]), text) {
				base, _ := url.Parse(from)
				ref, err := url.Parse(m[1])
				if err != nil {
					t.Fatal(err)
				}
				return base.ResolveReference(ref).String()
			}
		}
		t.Fatalf("%s has no link saying %q", from, text)
		return ""
	}
	explorer := follow(srv.URL+"/", get(srv.URL+"/"), "explorer")
	if !strings.HasSuffix(explorer, "/explore") {
		t.Errorf("GraphiQL links to %s, want /explore", explorer)
	}
	if page := get(explorer + "?q=Araji"); !strings.Contains(page, `id="cy"`) {
		t.Fatalf("%s is not the explorer", explorer)
	}
	back := follow(explorer+"?q=Araji", get(explorer+"?q=Araji"), "graphiql")
	if back != srv.URL+"/" {
		t.Errorf("the explorer links to %s, want GraphiQL at /", back)
	}
	if !strings.Contains(get(back), `id="explore-link"`) {
		t.Errorf("%s is not GraphiQL", back)
	}
}

package samples

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestNamesCoverFormats(t *testing.T) {
	names := Names()
	if len(names) < 8 {
		t.Fatalf("want at least 8 samples, got %d: %v", len(names), names)
	}
	count := map[string]int{}
	for _, n := range names {
		count[filepath.Ext(n)]++
	}
	for _, ext := range []string{".txt", ".md", ".html", ".json"} {
		if count[ext] == 0 {
			t.Errorf("no %s sample among %v", ext, names)
		}
	}
}

func TestSamplesReadableAndSized(t *testing.T) {
	for _, n := range Names() {
		b, err := Read(n)
		if err != nil {
			t.Fatalf("%s: %v", n, err)
		}
		if !utf8.Valid(b) {
			t.Errorf("%s: not valid UTF-8", n)
		}
		text := string(b)
		if filepath.Ext(n) == ".json" {
			var doc struct {
				Title, URL, Published, Body string
			}
			if err := json.Unmarshal(b, &doc); err != nil {
				t.Fatalf("%s: %v", n, err)
			}
			if doc.Title == "" || doc.Published == "" || doc.Body == "" {
				t.Errorf("%s: title, published and body are required", n)
			}
			text = doc.Body
		}
		// The word count includes markup for HTML, so only a loose bound there.
		words := len(strings.Fields(text))
		if words < 300 {
			t.Errorf("%s: %d words, want at least 300", n, words)
		}
	}
}

func TestEverySampleHasGold(t *testing.T) {
	for _, n := range Names() {
		g := filepath.Join("gold", GoldName(n))
		b, err := os.ReadFile(g)
		if err != nil {
			t.Errorf("%s: gold file: %v", n, err)
			continue
		}
		var doc struct {
			Article  string                     `json:"article"`
			Entities map[string]json.RawMessage `json:"entities"`
		}
		if err := json.Unmarshal(b, &doc); err != nil {
			t.Errorf("%s: %v", g, err)
			continue
		}
		if !strings.HasSuffix(doc.Article, n) {
			t.Errorf("%s: article %q does not name %s", g, doc.Article, n)
		}
		if len(doc.Entities) < 10 {
			t.Errorf("%s: only %d entities", g, len(doc.Entities))
		}
	}
}

func TestGoldName(t *testing.T) {
	if got := GoldName("a/b.c.html"); got != "b.c.gold.json" {
		t.Errorf("GoldName = %q", got)
	}
}

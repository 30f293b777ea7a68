package gen

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/kg"
	"github.com/newsgraph/newsgraph/loader"
)

func TestArticlesDeterministic(t *testing.T) {
	a, b := Articles(7, 120), Articles(7, 120)
	if len(a) != 120 || len(b) != 120 {
		t.Fatalf("got %d and %d articles, want 120", len(a), len(b))
	}
	for i := range a {
		if a[i].Name != b[i].Name || !bytes.Equal(a[i].Data, b[i].Data) {
			t.Fatalf("article %d differs between two runs with seed 7", i)
		}
		if strings.Join(a[i].People, "|") != strings.Join(b[i].People, "|") {
			t.Fatalf("article %d: people differ between runs", i)
		}
	}
	c := Articles(8, 120)
	same := 0
	for i := range a {
		if bytes.Equal(a[i].Data, c[i].Data) {
			same++
		}
	}
	if same > 0 {
		t.Errorf("seeds 7 and 8 gave %d identical articles", same)
	}
	if Articles(1, 0) != nil {
		t.Error("Articles(1, 0) is not empty")
	}
}

func TestArticlesFormat(t *testing.T) {
	texts := map[string]bool{}
	names := map[string]bool{}
	for _, a := range Articles(3, 200) {
		if !strings.HasSuffix(a.Name, ".json") || names[a.Name] {
			t.Fatalf("bad or repeated name %q", a.Name)
		}
		names[a.Name] = true
		var x struct {
			Title, Published, Body string
		}
		dec := json.NewDecoder(bytes.NewReader(a.Data))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&x); err != nil {
			t.Fatalf("%s: %v", a.Name, err)
		}
		if x.Title == "" || len(x.Published) != len("2018-05-10") || len(x.Body) < 200 {
			t.Fatalf("%s: thin article: %+v", a.Name, x)
		}
		if texts[x.Body] {
			t.Fatalf("%s: body repeats an earlier article", a.Name)
		}
		texts[x.Body] = true
		if len(a.People) < 2 {
			t.Errorf("%s: %d people, want at least 2", a.Name, len(a.People))
		}
		for _, p := range a.People {
			if !strings.Contains(x.Body, p) {
				t.Errorf("%s: person %q is not in the text", a.Name, p)
			}
		}
		for _, o := range a.Organizations {
			if !strings.Contains(x.Body, o) {
				t.Errorf("%s: organization %q is not in the text", a.Name, o)
			}
		}
	}
}

// TestNameShapes checks that the cast has every name shape the brief asks
// for, so extraction is exercised on all of them.
func TestNameShapes(t *testing.T) {
	shapes := map[string]func(string) bool{
		"al-":   func(n string) bool { return strings.Contains(n, " al-") },
		"Abu":   func(n string) bool { return strings.Contains(n, "Abu ") },
		"de la": func(n string) bool { return strings.Contains(n, " de la ") },
		"Ag":    func(n string) bool { return strings.Contains(n, " Ag ") },
		"Jr./II": func(n string) bool {
			return strings.HasSuffix(n, " Jr.") || strings.HasSuffix(n, " II") || strings.HasSuffix(n, " III")
		},
		"Slavic": func(n string) bool { return strings.HasSuffix(n, "enko") || strings.HasSuffix(n, "ic") },
	}
	seen := map[string]int{}
	for _, a := range Articles(1, 300) {
		for _, p := range a.People {
			for s, ok := range shapes {
				if ok(p) {
					seen[s]++
				}
			}
		}
	}
	for s := range shapes {
		if seen[s] == 0 {
			t.Errorf("no person of shape %q in 300 articles", s)
		}
	}
}

// TestGraphConnects checks that articles share people: the point of a
// shared cast.
func TestGraphConnects(t *testing.T) {
	arts := Articles(1, 1000)
	count := map[string]int{}
	for _, a := range arts {
		for _, p := range a.People {
			count[p]++
		}
	}
	shared := 0
	for _, n := range count {
		if n >= 2 {
			shared++
		}
	}
	if len(count) < 300 {
		t.Errorf("1000 articles mention %d distinct people, want at least 300", len(count))
	}
	if shared*2 < len(count) {
		t.Errorf("only %d of %d people appear in two articles or more", shared, len(count))
	}
}

// TestExtractFindsPeople extracts generated articles with the real pipeline
// and checks that it finds the people each was built with, under the ids
// their names give.
func TestExtractFindsPeople(t *testing.T) {
	found, total := 0, 0
	var missed []string
	for _, a := range Articles(5, 150) {
		x, err := loader.Extract(a.Name, a.Data)
		if err != nil {
			t.Fatalf("%s: %v", a.Name, err)
		}
		ids := map[string]kg.EntityType{}
		for _, e := range x.Entities {
			ids[e.ID] = e.Type
		}
		for _, p := range a.People {
			total++
			if ids[kg.EntityID(kg.Person, p)] == kg.Person {
				found++
			} else if len(missed) < 10 {
				missed = append(missed, a.Name+": "+p)
			}
		}
	}
	// The extractor is rule-based; a few misses are allowed, but most of
	// the cast must come out under its own name.
	if found*100 < total*95 {
		t.Errorf("extraction found %d of %d generated people (< 95%%); missed e.g. %q", found, total, missed)
	}
	t.Logf("extraction found %d of %d generated people", found, total)
}

func BenchmarkArticles(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		Articles(1, 500)
	}
}

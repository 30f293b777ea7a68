package gen

import (
	"bytes"
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/kg"
)

// extractorWords returns every word of every string literal in the
// extractor's source: its lists of names, titles, places and organizations.
func extractorWords(t *testing.T) map[string]bool {
	t.Helper()
	files, err := filepath.Glob("../extract/*.go")
	if err != nil || len(files) == 0 {
		t.Fatalf("no extractor sources: %v", err)
	}
	words := map[string]bool{}
	fset := token.NewFileSet()
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		af, err := parser.ParseFile(fset, f, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(af, func(n ast.Node) bool {
			if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING {
				s, err := strconv.Unquote(lit.Value)
				if err == nil {
					for _, w := range strings.Fields(kg.FoldName(s)) {
						words[w] = true
					}
				}
			}
			return true
		})
	}
	return words
}

// TestXNamesUnknownToExtractor checks that the corpus's invented words (the
// syllable-built given names, surnames and organization words) appear in no
// list of the extractor, so its figures are not circular.
func TestXNamesUnknownToExtractor(t *testing.T) {
	known := extractorWords(t)
	if !known["minister"] || !known["brigades"] {
		t.Fatalf("the extractor's lists were not read (%d words)", len(known))
	}
	var invented []xword
	for seed := int64(1); seed <= 10; seed++ {
		invented = append(invented, inventedWords(newXWorld(newRand(seed), 20))...)
	}
	for _, w := range invented {
		for v := -1; v < 6; v++ {
			if s := kg.FoldName(w.spell(v)); known[s] {
				t.Errorf("generated name word %q is in the extractor's lists", s)
			}
		}
	}
}

func inventedWords(r *xworld) []xword {
	var invented []xword
	for _, p := range r.people {
		invented = append(invented, p.given, p.surname)
		if p.middle != nil {
			invented = append(invented, p.middle)
		}
		if p.kunya != nil {
			invented = append(invented, p.kunya)
		}
	}
	for _, o := range r.orgs {
		invented = append(invented, o.word)
		if o.native != nil {
			invented = append(invented, o.native)
		}
	}
	return invented
}

// TestXArticles checks the corpus: deterministic, every gold name in its
// article, clusters.json in the xdoc format, and the confounders present.
func TestXArticles(t *testing.T) {
	a, b := XArticles(3, 60, 6), XArticles(3, 60, 6)
	if !bytes.Equal(ClustersJSON(a), ClustersJSON(b)) || a[5].Text != b[5].Text {
		t.Fatal("same seed, different corpus")
	}
	spellings := map[string]map[string]bool{}
	for _, x := range a {
		for _, e := range x.Entities {
			if !strings.Contains(x.Text, e.Name) {
				t.Errorf("%s: %q not in the text", x.File, e.Name)
			}
			if spellings[e.Cluster] == nil {
				spellings[e.Cluster] = map[string]bool{}
			}
			spellings[e.Cluster][e.Name] = true
		}
	}
	varied := 0
	for _, names := range spellings {
		if len(names) > 1 {
			varied++
		}
	}
	if varied < 10 {
		t.Errorf("only %d identities spelled more than one way", varied)
	}
	var c XClusters
	if err := json.Unmarshal(ClustersJSON(a), &c); err != nil || len(c.Articles) != 60 || c.Articles[0].File != "x0000.txt" {
		t.Errorf("clusters.json: %v, %d articles", err, len(c.Articles))
	}
	w := newXWorld(newRand(2), 20)
	shared := map[string]int{}
	for _, p := range w.people {
		shared[p.surname.spell(-1)]++
	}
	dup := 0
	for _, n := range shared {
		if n > 1 {
			dup++
		}
	}
	if dup == 0 {
		t.Error("no two people share a surname")
	}
}

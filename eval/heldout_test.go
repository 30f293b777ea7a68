package eval

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// Regression floors for the held-out set. These articles were written and
// annotated without looking at the extractor's output and no rule was tuned
// on them, so they estimate quality on unseen news; the floors only catch a
// collapse, they are not the target.
const (
	heldOutDir        = "heldout"
	heldOutEntityF1   = 0.70
	heldOutRelationF1 = 0.35
	heldOutMinCount   = 6
)

// heldOutPairs returns the held-out articles that have a gold file, sorted.
func heldOutPairs(t *testing.T) (articles, golds []string) {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join(heldOutDir, "*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(paths)
	for _, p := range paths {
		gp := strings.TrimSuffix(p, ".txt") + ".gold.json"
		if _, err := os.Stat(gp); err != nil {
			t.Errorf("%s has no gold file %s", p, gp)
			continue
		}
		articles = append(articles, p)
		golds = append(golds, gp)
	}
	return articles, golds
}

// TestHeldOutGold checks that every held-out gold file loads and that each
// relation end names an entity of the same file, so a typo cannot silently
// cost recall.
func TestHeldOutGold(t *testing.T) {
	_, golds := heldOutPairs(t)
	if len(golds) < heldOutMinCount {
		t.Fatalf("found %d held-out gold files, want at least %d", len(golds), heldOutMinCount)
	}
	for _, gp := range golds {
		g, err := LoadGold(gp)
		if err != nil {
			t.Errorf("%s: %v", gp, err)
			continue
		}
		if err := g.Check(); err != nil {
			t.Errorf("%s: %v", gp, err)
		}
		core := 0
		for _, r := range g.Relations {
			if !r.Optional {
				core++
			}
		}
		if core < 10 {
			t.Errorf("%s: %d core relations, want at least 10", gp, core)
		}
	}
}

// TestHeldOut extracts every held-out article, logs P/R/F1 per article and
// micro-averaged, and fails below the regression floors. Run it with
// `go test -run TestHeldOut -v ./eval/` to see the figures and, per
// article, the misses and false positives.
func TestHeldOut(t *testing.T) {
	articles, golds := heldOutPairs(t)
	if len(articles) < heldOutMinCount {
		t.Fatalf("found %d held-out articles, want at least %d", len(articles), heldOutMinCount)
	}
	var results []Result
	for i, ap := range articles {
		results = append(results, scoreArticle(t, ap, golds[i]))
	}
	m := Micro(results...)
	m.Article = "held-out (micro)"
	t.Log(m.String())
	if m.Entities.F1 < heldOutEntityF1 {
		t.Errorf("held-out micro entity F1 %.3f < %.2f", m.Entities.F1, heldOutEntityF1)
	}
	if m.Relations.F1 < heldOutRelationF1 {
		t.Errorf("held-out micro relation F1 %.3f < %.2f", m.Relations.F1, heldOutRelationF1)
	}
}

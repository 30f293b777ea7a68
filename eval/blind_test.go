package eval

import (
	"os"
	"strings"
	"testing"
)

// Regression floors for the blind set, a little under the figures of the
// extractor when the set grew to 22 articles (entity F1 0.90, relation F1
// 0.48; with the 16 just before: 0.91 and 0.50); at 28 the extractor stood
// at 0.92 and 0.58 (see blind/README.md). They catch a regression; the
// targets of issue 12 are far above them.
const (
	blindEntityF1   = 0.85
	blindRelationF1 = 0.43
	// blindOntologyDebt counts the blind gold relations that the ontology's
	// table forbids, left for whoever may read the blind gold to fix (the
	// tuning and sample golds have none); it may only fall.
	blindOntologyDebt = 23
)

// TestBlindGold checks the blind set's gold files and that each article is
// of news length.
func TestBlindGold(t *testing.T) {
	checkGoldSet(t, blindDir, blindMinCount, true, blindOntologyDebt)
	articles, _ := goldPairs(t, blindDir)
	for _, ap := range articles {
		b, err := os.ReadFile(ap)
		if err != nil {
			t.Fatal(err)
		}
		if n := len(strings.Fields(string(b))); n < blindMinArticleWd {
			t.Errorf("%s: %d words, want at least %d", ap, n, blindMinArticleWd)
		}
	}
}

// TestBlind extracts every blind article and logs only the micro-averaged
// entity and relation P/R/F1 over the set: never an article's figures,
// misses or false positives, so that no rule is written against them. It
// fails below the floors. `go test -run TestBlind -v ./eval/` shows the
// figures.
func TestBlind(t *testing.T) {
	articles, golds := goldPairs(t, blindDir)
	if len(articles) < blindMinCount {
		t.Fatalf("found %d blind articles, want at least %d", len(articles), blindMinCount)
	}
	var results []Result
	for i, ap := range articles {
		results = append(results, extractAndScore(t, ap, golds[i]))
	}
	m := Micro(results...)
	t.Logf("blind (micro over %d articles): entities P=%.3f R=%.3f F1=%.3f | relations P=%.3f R=%.3f F1=%.3f",
		len(results), m.Entities.P, m.Entities.R, m.Entities.F1, m.Relations.P, m.Relations.R, m.Relations.F1)
	if m.Entities.F1 < blindEntityF1 {
		t.Errorf("blind micro entity F1 %.3f < %.2f", m.Entities.F1, blindEntityF1)
	}
	if m.Relations.F1 < blindRelationF1 {
		t.Errorf("blind micro relation F1 %.3f < %.2f", m.Relations.F1, blindRelationF1)
	}
}

package eval

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/article"
	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/samples"
)

// Quality floors for the rule-based extractor. The seed article is the one
// the rules were developed on, so it must score high; the samples were
// written separately and measure how far the rules generalize.
const (
	seedEntityF1     = 0.90
	seedRelationF1   = 0.75
	sampleEntityF1   = 0.80
	sampleRelationF1 = 0.50
)

// extractAndScore extracts one article and scores it against its gold,
// logging nothing: the blind set uses it so its errors stay unread.
func extractAndScore(t *testing.T, articlePath, goldPath string) Result {
	t.Helper()
	a, err := article.ReadFile(articlePath)
	if err != nil {
		t.Fatalf("read %s: %v", articlePath, err)
	}
	x, err := extract.Extract(a)
	if err != nil {
		t.Fatalf("extract %s: %v", articlePath, err)
	}
	r := Score(mustGold(t, goldPath), x)
	r.Article = filepath.Base(articlePath)
	return r
}

// scoreArticle is extractAndScore that logs the article's figures and,
// with -v, its misses and false positives: for articles whose errors may
// be read (the seed, the samples, the tuning set).
func scoreArticle(t *testing.T, articlePath, goldPath string) Result {
	t.Helper()
	r := extractAndScore(t, articlePath, goldPath)
	t.Log(r.String())
	if testing.Verbose() {
		t.Logf("  entity misses: %q", r.EntityMisses)
		t.Logf("  entity false positives: %q", r.EntityFalsePositives)
		t.Logf("  relation misses: %q", r.RelationMisses)
		t.Logf("  relation false positives: %q", r.RelationFalsePositives)
	}
	return r
}

// TestScores extracts the seed article and every sample that has a gold
// file, logs P/R/F1 for each, and fails below the floors. Run it with
// `go test -run TestScores -v ./eval/` to see the figures and the lists.
func TestScores(t *testing.T) {
	seed := scoreArticle(t, "../../shared/articles/iraq-allies.txt", seedGold)
	if seed.Entities.F1 < seedEntityF1 {
		t.Errorf("seed entity F1 %.3f < %.2f", seed.Entities.F1, seedEntityF1)
	}
	if seed.Relations.F1 < seedRelationF1 {
		t.Errorf("seed relation F1 %.3f < %.2f", seed.Relations.F1, seedRelationF1)
	}

	var results []Result
	for _, name := range samples.Names() {
		gp := filepath.Join(sampleGold, samples.GoldName(name))
		if _, err := os.Stat(gp); err != nil {
			continue // a sample without gold is loaded but not scored
		}
		results = append(results, scoreArticle(t, filepath.Join("../samples/articles", name), gp))
	}
	if len(results) < 8 {
		t.Fatalf("scored %d samples, want 8", len(results))
	}
	m := Micro(results...)
	m.Article = "samples (micro)"
	t.Log(m.String())
	if m.Entities.F1 < sampleEntityF1 {
		t.Errorf("samples micro entity F1 %.3f < %.2f", m.Entities.F1, sampleEntityF1)
	}
	if m.Relations.F1 < sampleRelationF1 {
		t.Errorf("samples micro relation F1 %.3f < %.2f", m.Relations.F1, sampleRelationF1)
	}
}

// TestSamplesReadable checks that the article reader takes every sample and
// finds its date and title, which the extractor needs to resolve dates.
func TestSamplesReadable(t *testing.T) {
	for _, name := range samples.Names() {
		a, err := article.ReadFile(filepath.Join("../samples/articles", name))
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if a.Title == "" {
			t.Errorf("%s: no title", name)
		}
		if a.Published == "" && !strings.HasSuffix(name, ".txt") {
			t.Errorf("%s: no publication date", name)
		}
		if strings.Contains(a.Text, "<p>") || strings.Contains(a.Text, "dataLayer") || strings.Contains(a.Text, "console.log") {
			t.Errorf("%s: markup or script left in the text", name)
		}
	}
}

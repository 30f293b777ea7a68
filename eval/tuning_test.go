package eval

import (
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/kg"
)

// The evaluation articles outside the seed and the samples come in two sets.
// The tuning set may be read: its per-article misses and false positives are
// printed with -v, and rules may be changed while looking at them. The blind
// set (blind_test.go) is only scored. Both were written and annotated before
// the extractor ran on them.
const (
	tuningDir         = "tuning"
	tuningEntityF1    = 0.89 // 0.94 when the set was formed (10 articles) and when it grew to 16; 0.97 at 22; 0.98 at 26 and 30
	tuningRelationF1  = 0.50 // 0.55 at both times (0.63 on the 10 just before the six were added); 0.61 at 22 (0.65 on the 16 just before); 0.77 at 26 before the classifier was retrained on the four, 0.79 after (0.81 on the 22 just before); 0.76 at 30 before retraining, 0.73 after (margin 25 instead of 15); 0.73 at 34 after retraining (0.75 on the 30 just before); 0.70 at 38, before retraining and after; 0.76 at 42 before retraining (0.79 on the 38 just before), 0.75 after; 0.73 at 45, before retraining and after; 0.74 at 48 (rules of 1d3b879), before retraining and after; 0.76 at 51 before retraining (0.78 on the 48 just before, rules of 96acb3a), 0.77 after; 0.75 at 54, before retraining and after; 0.79 at 56 (rules and classifier of fcd375b), before retraining and after
	tuningMinCount    = 56
	minCoreRelations  = 10
	blindDir          = "blind"
	blindMinCount     = 28
	blindMinArticleWd = 350
)

// goldPairs returns the articles of dir that have a gold file, sorted; an
// article without one is an error.
func goldPairs(t *testing.T, dir string) (articles, golds []string) {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join(dir, "*.txt"))
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

// checkGoldSet checks that dir holds at least min annotated articles, that
// every gold file loads, that each relation end names an entity of the same
// file (a typo would silently cost recall), that every core entity has a
// name that occurs in its article, that every relation type is one of the
// ontology and fits its table for the ends' types, that the gold scores 1.0
// against itself (perfectExtraction), and that each gold has enough core
// relations to weigh in the micro average. A blind set's relations that the
// ontology's table forbids are only counted, never shown (they would show
// its gold), and fail above ontologyDebt; elsewhere the debt is 0.
func checkGoldSet(t *testing.T, dir string, min int, blind bool, ontologyDebt int) {
	t.Helper()
	articles, golds := goldPairs(t, dir)
	if len(golds) < min {
		t.Fatalf("%s: found %d gold files, want at least %d", dir, len(golds), min)
	}
	violations := 0
	defer func() {
		if blind {
			t.Logf("%s: %d relations the ontology's table forbids (allowed %d)", dir, violations, ontologyDebt)
		}
		if violations > ontologyDebt {
			t.Errorf("%s: %d relations the ontology's table forbids, want at most %d", dir, violations, ontologyDebt)
		}
	}()
	for i, gp := range golds {
		g, err := LoadGold(gp)
		if err != nil {
			t.Errorf("%s: %v", gp, err)
			continue
		}
		bad, other := splitCheck(g.Check())
		if other != nil {
			t.Errorf("%s: %v", gp, other)
		}
		violations += len(bad)
		for _, e := range bad {
			if !blind {
				t.Errorf("%s: %v", gp, e)
			}
		}
		text, err := os.ReadFile(articles[i])
		if err != nil {
			t.Fatal(err)
		}
		lower := strings.ToLower(string(text))
		for _, e := range g.Entities {
			found := false
			for _, n := range e.Names {
				found = found || strings.Contains(lower, strings.ToLower(n))
			}
			if !found && !e.Optional {
				t.Errorf("%s: entity %q: no name occurs in the article", gp, e.Key)
			}
		}
		if r := Score(g, perfectExtraction(g)); r.Entities.F1 != 1 || r.Relations.F1 != 1 {
			t.Errorf("%s: a perfect extraction scores %s; entity false positives %q, relation misses %q",
				gp, r, r.EntityFalsePositives, r.RelationMisses)
		}
		for i, r := range g.Relations {
			for _, typ := range r.Types {
				if !scoredRelations[typ] && typ != "LOCATED_IN" && typ != "PARTICIPATED_IN" {
					t.Errorf("%s: relation %d: %q is not a relation type of the ontology", gp, i, typ)
				}
			}
		}
		core := 0
		for _, r := range g.Relations {
			if !r.Optional {
				core++
			}
		}
		if core < minCoreRelations {
			t.Errorf("%s: %d core relations, want at least %d", gp, core, minCoreRelations)
		}
	}
}

// TestTuningGold checks the tuning set's gold files.
func TestTuningGold(t *testing.T) { checkGoldSet(t, tuningDir, tuningMinCount, false, 0) }

// splitCheck separates the relations that Gold.Check finds the ontology
// forbids from its other errors.
func splitCheck(err error) (bad []*OntologyError, other error) {
	if err == nil {
		return nil, nil
	}
	errs := []error{err}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		errs = j.Unwrap()
	}
	var rest []error
	for _, e := range errs {
		var oe *OntologyError
		if errors.As(e, &oe) {
			bad = append(bad, oe)
		} else {
			rest = append(rest, e)
		}
	}
	return bad, errors.Join(rest...)
}

// TestTuning extracts every tuning article, logs P/R/F1 per article and
// micro-averaged, and fails below the regression floors. Run it with
// `go test -run TestTuning -v ./eval/` to see the figures and, per
// article, the misses and false positives.
func TestTuning(t *testing.T) {
	articles, golds := goldPairs(t, tuningDir)
	if len(articles) < tuningMinCount {
		t.Fatalf("found %d tuning articles, want at least %d", len(articles), tuningMinCount)
	}
	var results []Result
	for i, ap := range articles {
		results = append(results, scoreArticle(t, ap, golds[i]))
	}
	m := Micro(results...)
	m.Article = "tuning (micro)"
	t.Log(m.String())
	if m.Entities.F1 < tuningEntityF1 {
		t.Errorf("tuning micro entity F1 %.3f < %.2f", m.Entities.F1, tuningEntityF1)
	}
	if m.Relations.F1 < tuningRelationF1 {
		t.Errorf("tuning micro relation F1 %.3f < %.2f", m.Relations.F1, tuningRelationF1)
	}
}

// perfectExtraction is what an extractor that agrees with g would print:
// every gold entity under its first name with its other names as aliases,
// every core relation with its first type and first ends. It scores 1.0
// unless g contradicts itself: a name listed under two entities (the second
// can never be claimed) or a relation type the scorer does not count.
func perfectExtraction(g *Gold) *kg.Extraction {
	x := &kg.Extraction{}
	for _, e := range g.Entities {
		x.Entities = append(x.Entities, kg.Entity{ID: e.Key, Type: kg.EntityType(e.Type),
			Name: e.Names[0], Aliases: e.Names[1:]})
	}
	for _, r := range g.Relations {
		if r.Optional || len(r.Source) == 0 || len(r.Target) == 0 {
			continue
		}
		x.Relations = append(x.Relations, kg.Relation{Type: kg.RelationType(r.Types[0]),
			Source: r.Source[0], Target: r.Target[0]})
	}
	return x
}

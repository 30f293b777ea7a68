package eval

import (
	"context"
	"testing"

	"github.com/newsgraph/newsgraph/gen"
	"github.com/newsgraph/newsgraph/loader"
	"github.com/newsgraph/newsgraph/sqlite"
)

// Targets of cross-article resolution on the generated corpus (issue 9).
const (
	resolutionF1        = 0.95
	resolutionPrecision = 0.98
)

func generatedSet(seed int64, n, communities int) []ResolutionArticle {
	var out []ResolutionArticle
	for _, a := range gen.XArticles(seed, n, communities) {
		out = append(out, ResolutionArticle{File: a.File, Data: []byte(a.Text), Entities: a.Entities})
	}
	return out
}

func scoreSet(tb testing.TB, arts []ResolutionArticle) ResolutionScore {
	tb.Helper()
	ctx := context.Background()
	s, err := sqlite.Open(ctx, tb.TempDir())
	if err != nil {
		tb.Fatal(err)
	}
	defer s.Close()
	sc, err := ScoreResolution(ctx, loader.New(s), arts)
	if err != nil {
		tb.Fatal(err)
	}
	return sc
}

func TestResolutionGenerated(t *testing.T) {
	sc := scoreSet(t, generatedSet(1, 200, 12))
	for _, x := range []struct {
		name string
		p    PairScore
	}{{"Person", sc.Person}, {"Organization", sc.Organization}} {
		t.Logf("%s: P %.3f R %.3f F1 %.3f (tp %d fp %d fn %d)", x.name, x.p.P, x.p.R, x.p.F1, x.p.TP, x.p.FP, x.p.FN)
		if x.p.F1 < resolutionF1 || x.p.P < resolutionPrecision {
			t.Errorf("%s: F1 %.3f (want >= %.2f), precision %.3f (want >= %.2f)", x.name, x.p.F1, resolutionF1, x.p.P, resolutionPrecision)
		}
	}
	t.Logf("mentions %d, unmatched %d", sc.Mentions, len(sc.Unmatched))
	for i, m := range sc.Merges {
		if i < 30 {
			t.Logf("wrong merge: %s", m)
		}
	}
	for i, m := range sc.Splits {
		if i < 40 {
			t.Logf("split: %s", m)
		}
	}
	for i, m := range sc.Unmatched {
		if i < 20 {
			t.Logf("unmatched: %s", m)
		}
	}
}

func BenchmarkResolutionGenerated(b *testing.B) {
	arts := generatedSet(1, 100, 8)
	for b.Loop() {
		sc := scoreSet(b, arts)
		b.ReportMetric(sc.Person.F1, "personF1")
		b.ReportMetric(sc.Organization.F1, "orgF1")
	}
}

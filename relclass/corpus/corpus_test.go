package corpus

import (
	"slices"
	"sync"
	"testing"

	"github.com/newsgraph/newsgraph/eval"
	"github.com/newsgraph/newsgraph/relclass"
)

// The test that the committed model is current is in package extract
// (model_test.go), whose tests every change to the rules runs.
const (
	tuningDir  = "../../eval/tuning"
	samplesDir = "../../samples"
)

// loaded reads the annotated articles once for every test of the package.
var loaded = sync.OnceValues(func() ([]*Item, error) { return Load(tuningDir, samplesDir) })

func loadAll(t *testing.T) []*Item {
	t.Helper()
	items, err := loaded()
	if err != nil {
		t.Fatal(err)
	}
	tuning := 0
	for _, it := range items {
		if it.Tuning {
			tuning++
		}
	}
	if tuning < 22 || len(items)-tuning < 8 {
		t.Fatalf("loaded %d tuning articles and %d samples, want 22 and 8", tuning, len(items)-tuning)
	}
	return items
}

// TestCrossValidated prints the leave-one-article-out relation figures of
// the tuning set, rules alone and rules plus the classifier with the
// committed settings, and fails if the classifier costs F1 or more than
// 0.02 of precision. These are the honest tuning figures: the final model
// is trained on every tuning article, so its own tuning figures mean
// nothing.
func TestCrossValidated(t *testing.T) {
	f := CrossValidate(loadAll(t), Settings, []float64{Settings.Margin})[0]
	t.Logf("tuning, leave one article out (micro): rules alone P=%.3f R=%.3f F1=%.3f | rules+classifier P=%.3f R=%.3f F1=%.3f",
		f.Rules.Relations.P, f.Rules.Relations.R, f.Rules.Relations.F1,
		f.With.Relations.P, f.With.Relations.R, f.With.Relations.F1)
	added, wrong := 0, 0
	for typ, n := range f.Added {
		added += n
		wrong += f.Wrong[typ]
	}
	t.Logf("the classifier added %d relations, %d of them not in the gold", added, wrong)
	if f.With.Relations.F1 < f.Rules.Relations.F1 {
		t.Errorf("classifier lowers cross-validated relation F1: %.3f < %.3f", f.With.Relations.F1, f.Rules.Relations.F1)
	}
	if f.With.Relations.P < f.Rules.Relations.P-0.02 {
		t.Errorf("classifier lowers cross-validated relation precision by more than 0.02: %.3f < %.3f",
			f.With.Relations.P, f.Rules.Relations.P)
	}
	if f.With.Entities != f.Rules.Entities {
		t.Errorf("classifier changes entity figures: %+v, want %+v", f.With.Entities, f.Rules.Entities)
	}
}

// TestTruth checks the distant labels: a core relation of the gold gives
// its types, in its direction, to the pair of its ends; an optional one
// marks the pair as neither right nor wrong.
func TestTruth(t *testing.T) {
	g, err := eval.ParseGold([]byte(`{"entities": {
		"a": {"type": "Person", "names": ["A"]}, "b": {"type": "Organization", "names": ["B"]},
		"c": {"type": "Person", "names": ["C"]}},
		"relations": [
		{"types": ["LEADS", "HOLDS_ROLE"], "source": "a", "target": "b"},
		{"types": ["MET_WITH"], "source": "a", "target": "c"},
		{"types": ["WORKS_FOR"], "source": "c", "target": "b", "optional": true}]}`))
	if err != nil {
		t.Fatal(err)
	}
	leadsAB, roleAB := relclass.ClassOf("LEADS", true), relclass.ClassOf("HOLDS_ROLE", true)
	for _, c := range []struct {
		a, b string
		want []int
	}{
		{"a", "b", sorted(leadsAB, roleAB)},
		{"b", "a", sorted(relclass.ClassOf("LEADS", false), relclass.ClassOf("HOLDS_ROLE", false))},
		{"c", "a", []int{relclass.ClassOf("MET_WITH", true)}},
		{"c", "b", []int{-1}},
		{"a", "", nil},
		{"a", "a", nil},
	} {
		if got := truth(g, c.a, c.b); !slices.Equal(got, c.want) {
			t.Errorf("truth(%s, %s) = %v, want %v", c.a, c.b, got, c.want)
		}
	}
	if leadsAB <= 0 || leadsAB == relclass.ClassOf("LEADS", false) {
		t.Errorf("LEADS both ways: classes %d and %d", leadsAB, relclass.ClassOf("LEADS", false))
	}
	pos := 0
	for _, it := range loadAll(t) {
		for _, ex := range it.Examples {
			if len(ex.Truth) > 0 {
				pos++
			}
		}
	}
	if pos < 300 {
		t.Errorf("%d positive examples, want at least 300", pos)
	}
}

func sorted(xs ...int) []int {
	slices.Sort(xs)
	return xs
}

// TestDiagnose checks that the diagnosis places every core gold relation
// of the tuning articles once, most of them found by the rules, and that
// fewer pairs clear a higher margin.
func TestDiagnose(t *testing.T) {
	items := loadAll(t)
	core := 0
	for _, it := range items {
		if !it.Tuning {
			continue
		}
		for _, r := range it.Gold.Relations {
			if !r.Optional {
				core++
			}
		}
	}
	dg := Diagnose(items, Settings, []float64{0, Settings.Margin})
	placed := 0
	for _, n := range dg.Missed {
		placed += n
	}
	if placed != core {
		t.Errorf("diagnosis places %d core relations, the gold has %d: %v", placed, core, dg.Missed)
	}
	if 2*dg.Missed[RulesFound] < core {
		t.Errorf("the rules find %d of %d core relations, want at least half", dg.Missed[RulesFound], core)
	}
	lo, hi := dg.Curve[0], dg.Curve[1]
	if dg.Related == 0 || lo.Right == 0 || hi.Right > lo.Right || hi.WrongType > lo.WrongType || hi.Unrelated > lo.Unrelated {
		t.Errorf("related %d, curve %+v: want related pairs and fewer pairs at a higher margin", dg.Related, dg.Curve)
	}
	if lo.Right > dg.Related {
		t.Errorf("%d right of %d related pairs", lo.Right, dg.Related)
	}
}

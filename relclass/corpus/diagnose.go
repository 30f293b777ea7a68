package corpus

import (
	"slices"

	"github.com/newsgraph/newsgraph/relclass"
)

// Where a core gold relation stands for the rules, in Diagnosis.Missed.
const (
	RulesFound = "found by the rules"
	MissNames  = "missed, both ends named in one sentence"
	MissRef    = "missed, in one sentence through a pronoun or description"
	MissApart  = "missed, both entities found but never in one sentence"
	MissEntity = "missed, an end not found"
)

// Diagnosis says why the classifier adds what it adds, over the tuning
// articles: where the core gold relations stand for the rules, and how
// the classifier, cross-validated, scores the entity pairs it may add to.
type Diagnosis struct {
	// Missed counts the core gold relations by where they stand (RulesFound,
	// MissNames …), by the entities the rules found for their ends.
	Missed map[string]int
	// Apart lists the core gold relations of MissApart, in article and
	// file order: the ones no single sentence can state to the classifier.
	Apart []Miss
	// Related counts the entity pairs the gold relates and the classifier
	// may add to (the rules left them unrelated; one sentence refers to both).
	Related int
	// Curve holds, per margin, the entity pairs whose best class clears
	// it in some sentence: by that class, right, of a wrong type for a
	// related pair, or for an unrelated pair.
	Curve []Point
}

// Miss is a core gold relation the rules missed: its article, the types
// the gold allows and its ends' gold keys.
type Miss struct {
	Article        string
	Types          []string
	Source, Target []string
}

// Point is one margin of Diagnosis.Curve.
type Point struct {
	Margin                      float64
	Right, WrongType, Unrelated int
}

// Diagnose trains one model per tuning article on every other item, as
// CrossValidate does, and reports what Diagnosis holds at each margin.
func Diagnose(items []*Item, opt relclass.TrainOptions, margins []float64) Diagnosis {
	dg := Diagnosis{Missed: map[string]int{}}
	dg.Curve = make([]Point, len(margins))
	for i, mg := range margins {
		dg.Curve[i].Margin = mg
	}
	for k, it := range items {
		if !it.Tuning {
			continue
		}
		v := it.Analysis.View
		keys := goldKeys(it.Analysis, it.Gold)
		dg.Apart = append(dg.Apart, missed(dg.Missed, it, keys)...)

		related := func(a, b int) (rel, optional bool) {
			t := truth(it.Gold, keys[a], keys[b])
			return len(t) > 0 && t[0] >= 0, len(t) == 1 && t[0] < 0
		}
		seen := map[[2]int]bool{}
		for _, p := range relclass.Pairs(v) {
			s := v.Sents[p.Sent]
			a, b := s.Mentions[p.A].Ent, s.Mentions[p.B].Ent
			pk := [2]int{min(a, b), max(a, b)}
			if rel, _ := related(a, b); rel && !seen[pk] && len(v.Ruled[[2]int{a, b}])+len(v.Ruled[[2]int{b, a}]) == 0 {
				dg.Related++
			}
			seen[pk] = true
		}

		m := relclass.Train(examples(items, k), opt).WithSettings(opt.Margin, opt.Types, opt.NewPairs)
		best := map[[2]int]relclass.Found{}
		for _, f := range m.Scored(v) {
			pk := [2]int{min(f.Src, f.Dst), max(f.Src, f.Dst)}
			if b, ok := best[pk]; !ok || f.Margin > b.Margin {
				best[pk] = f
			}
		}
		for _, f := range best {
			rel, optional := related(f.Src, f.Dst)
			if optional {
				continue
			}
			right := slices.Contains(truth(it.Gold, keys[f.Src], keys[f.Dst]), relclass.ClassOf(f.Type, true))
			for i := range dg.Curve {
				c := &dg.Curve[i]
				switch {
				case f.Margin <= c.Margin:
				case right:
					c.Right++
				case rel:
					c.WrongType++
				default:
					c.Unrelated++
				}
			}
		}
	}
	return dg
}

// missed counts where each core gold relation of it stands for the rules
// and returns those of MissApart.
func missed(out map[string]int, it *Item, keys []string) (apart []Miss) {
	v := it.Analysis.View
	ents := map[string][]int{}
	for i, k := range keys {
		if k != "" {
			ents[k] = append(ents[k], i)
		}
	}
	// together: 2 when two entities are named in one sentence, 1 when
	// one of them only through a pronoun or description.
	together := map[[2]int]int{}
	for _, s := range v.Sents {
		for _, ma := range s.Mentions {
			for _, mb := range s.Mentions {
				if ma.Ent == mb.Ent {
					continue
				}
				k, n := [2]int{ma.Ent, mb.Ent}, 1
				if !ma.Pron && !mb.Pron {
					n = 2
				}
				together[k] = max(together[k], n)
			}
		}
	}
	for _, gr := range it.Gold.Relations {
		if gr.Optional {
			continue
		}
		var src, dst []int
		for _, k := range gr.Source {
			src = append(src, ents[k]...)
		}
		for _, k := range gr.Target {
			dst = append(dst, ents[k]...)
		}
		where, best := MissEntity, -1
		for _, a := range src {
			for _, b := range dst {
				for _, t := range append(slices.Clone(v.Ruled[[2]int{a, b}]), v.Ruled[[2]int{b, a}]...) {
					if slices.Contains(gr.Types, t) {
						best = 3
					}
				}
				best = max(best, together[[2]int{a, b}])
			}
		}
		switch best {
		case 3:
			where = RulesFound
		case 2:
			where = MissNames
		case 1:
			where = MissRef
		case 0:
			where = MissApart
		}
		out[where]++
		if where == MissApart {
			apart = append(apart, Miss{Article: it.Name, Types: gr.Types, Source: gr.Source, Target: gr.Target})
		}
	}
	return apart
}

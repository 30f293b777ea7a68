// Package corpus trains and cross-validates the relation classifier of
// package relclass on the project's own annotated articles, by distant
// supervision: a candidate pair of mentions is positive for a relation type
// when the gold relates, with that type, the gold entities that the two
// mentions' entities stand for (by name, as eval's scorer matches them).
//
// Only eval/tuning and samples are read. The blind set and the seed article
// are never read here: they stay honest checks.
package corpus

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/newsgraph/newsgraph/article"
	"github.com/newsgraph/newsgraph/eval"
	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/kg"
	"github.com/newsgraph/newsgraph/relclass"
)

// Item is one annotated article, read by the rules, with its training
// examples.
type Item struct {
	Name     string
	Tuning   bool // from eval/tuning (cross-validated), else a sample (always trained on)
	Analysis *extract.Analysis
	Gold     *eval.Gold
	Examples []relclass.Example
}

// Settings are what the trainer writes into the model, chosen by
// leave-one-article-out cross-validation on the tuning articles (README,
// "Learned relations"): the best cross-validated relation F1 of epochs 3,
// 5, 8, 12 and margins 10 to 40, and of settings within 0.001 of it the
// most precise (48 articles: epochs 8, margin 25, 0.787; 54 articles:
// margins 25 and 30 at 0.744, 30 the more precise, 0.913). Every relation
// type is enabled: margins chosen per type gained 0.007 in the figure they
// were chosen on, but, chosen on half of the articles, nothing on the
// other half (+0.002, -0.003).
var Settings = relclass.TrainOptions{
	Epochs:   8,
	Seed:     1,
	Margin:   30,
	NewPairs: true,
	Types:    relclass.Types(),
}

// Load reads the annotated articles of tuningDir and of samplesDir (its
// articles/ and gold/ folders), in name order.
func Load(tuningDir, samplesDir string) ([]*Item, error) {
	var items []*Item
	txts, err := filepath.Glob(filepath.Join(tuningDir, "*.txt"))
	if err != nil {
		return nil, err
	}
	sort.Strings(txts)
	for _, p := range txts {
		it, err := load(p, strings.TrimSuffix(p, ".txt")+".gold.json", len(items))
		if err != nil {
			return nil, err
		}
		it.Tuning = true
		items = append(items, it)
	}
	arts, err := filepath.Glob(filepath.Join(samplesDir, "articles", "*"))
	if err != nil {
		return nil, err
	}
	sort.Strings(arts)
	for _, p := range arts {
		base := filepath.Base(p)
		gp := filepath.Join(samplesDir, "gold", strings.TrimSuffix(base, filepath.Ext(base))+".gold.json")
		if _, err := os.Stat(gp); err != nil {
			continue
		}
		it, err := load(p, gp, len(items))
		if err != nil {
			return nil, err
		}
		items = append(items, it)
	}
	if len(items) == 0 {
		return nil, fmt.Errorf("corpus: no annotated articles in %s or %s", tuningDir, samplesDir)
	}
	return items, nil
}

// load reads one annotated article, the n-th loaded: its bags are
// numbered from n<<20 to keep them apart from other articles'.
func load(path, goldPath string, n int) (*Item, error) {
	a, err := article.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("corpus: %w", err)
	}
	g, err := eval.LoadGold(goldPath)
	if err != nil {
		return nil, fmt.Errorf("corpus: %w", err)
	}
	an, err := extract.Analyze(a)
	if err != nil {
		return nil, fmt.Errorf("corpus: %s: %w", path, err)
	}
	it := &Item{Name: filepath.Base(path), Analysis: an, Gold: g}
	keys := goldKeys(an, g)
	for _, ex := range relclass.Examples(an.View, func(p relclass.Pair) []int {
		s := an.View.Sents[p.Sent]
		return truth(g, keys[s.Mentions[p.A].Ent], keys[s.Mentions[p.B].Ent])
	}) {
		if len(ex.Truth) == 1 && ex.Truth[0] < 0 {
			continue // only an optional relation: neither right nor wrong
		}
		it.Examples = append(it.Examples, ex)
	}
	for i := range it.Examples {
		it.Examples[i].Bag += n << 20
	}
	return it, nil
}

// goldKeys maps each entity of the view to the gold entity it stands for
// ("" for none), matched by name as the scorer matches them.
func goldKeys(an *extract.Analysis, g *eval.Gold) []string {
	byID := g.Keys(an.Rules)
	out := make([]string, len(an.IDs))
	for i, id := range an.IDs {
		out[i] = byID[id]
	}
	return out
}

// truth returns the classes the gold allows between gold entities a (the
// earlier mention) and b: every type of every core relation joining them;
// [-1] when only optional relations join them.
func truth(g *eval.Gold, a, b string) []int {
	if a == "" || b == "" || a == b {
		return nil
	}
	var out []int
	optional := false
	add := func(t string, srcIsA bool) {
		if c := relclass.ClassOf(t, srcIsA); c >= 0 && !slices.Contains(out, c) {
			out = append(out, c)
		}
	}
	for _, r := range g.Relations {
		fwd := slices.Contains(r.Source, a) && slices.Contains(r.Target, b)
		back := slices.Contains(r.Source, b) && slices.Contains(r.Target, a)
		if r.Optional {
			optional = optional || fwd || back
			continue
		}
		for _, t := range r.Types {
			sym := r.Symmetric || kg.RelationType(t).Symmetric()
			if fwd || sym && back {
				add(t, true)
			}
			if back || sym && fwd {
				add(t, false)
			}
		}
	}
	if len(out) == 0 && optional {
		return []int{-1}
	}
	sort.Ints(out)
	return out
}

// Model trains the classifier with Settings on the annotated articles of
// tuningDir and samplesDir and returns the model file's bytes: what
// relclass/cmd/train writes, and what the committed model must equal.
func Model(tuningDir, samplesDir string) ([]byte, error) {
	items, err := Load(tuningDir, samplesDir)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := Train(items, Settings).Write(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Train fits a model on every item.
func Train(items []*Item, opt relclass.TrainOptions) *relclass.Model {
	return relclass.Train(examples(items, -1), opt)
}

// examples gathers the training examples of items, leaving out item skip.
func examples(items []*Item, skip int) []relclass.Example {
	var exs []relclass.Example
	for i, it := range items {
		if i != skip {
			exs = append(exs, it.Examples...)
		}
	}
	return exs
}

// Fold is the cross-validated score of one setting.
type Fold struct {
	Margin float64
	Rules  eval.Result // micro over the tuning items, rules alone
	With   eval.Result // rules plus the classifier
	// Added counts, per relation type, the relations the classifier added
	// and those of them that the gold does not hold.
	Added, Wrong map[string]int
}

// CrossValidate trains one model per tuning article on every other item
// (the other tuning articles and the samples), scores the left-out article
// with the rules alone and with the classifier at each margin, and returns
// the micro figures per margin, with types restricted to opt.Types.
func CrossValidate(items []*Item, opt relclass.TrainOptions, margins []float64) []Fold {
	folds := make([]Fold, len(margins))
	var rules []eval.Result
	with := make([][]eval.Result, len(margins))
	for i := range folds {
		folds[i] = Fold{Margin: margins[i], Added: map[string]int{}, Wrong: map[string]int{}}
	}
	for k, it := range items {
		if !it.Tuning {
			continue
		}
		m := relclass.Train(examples(items, k), opt)
		base := eval.Score(it.Gold, it.Analysis.Rules)
		rules = append(rules, base)
		for i, mg := range margins {
			x := it.Analysis.With(m.WithSettings(mg, opt.Types, opt.NewPairs))
			r := eval.Score(it.Gold, x)
			with[i] = append(with[i], r)
			countAdded(folds[i], it.Analysis.Rules, x, base, r)
		}
	}
	for i := range folds {
		folds[i].Rules = eval.Micro(rules...)
		folds[i].With = eval.Micro(with[i]...)
	}
	return folds
}

// countAdded counts by type the relations x has beyond rules, and the
// false positives that x has beyond base.
func countAdded(f Fold, rules, x *kg.Extraction, base, r eval.Result) {
	had := map[string]bool{}
	for _, rel := range rules.Relations {
		had[rel.ID] = true
	}
	for _, rel := range x.Relations {
		if !had[rel.ID] {
			f.Added[string(rel.Type)]++
		}
	}
	byType := func(fps []string) map[string]int {
		out := map[string]int{}
		for _, fp := range fps {
			out[fp[:strings.IndexByte(fp, '(')]]++
		}
		return out
	}
	b := byType(base.RelationFalsePositives)
	for t, n := range byType(r.RelationFalsePositives) {
		f.Wrong[t] += n - b[t]
	}
}

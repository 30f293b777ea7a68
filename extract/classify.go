package extract

import (
	"maps"
	"strings"

	"github.com/newsgraph/newsgraph/kg"
	"github.com/newsgraph/newsgraph/relclass"
)

// useClassifier turns on the learned relation classifier (package
// relclass) after the rules; README says why it is on or off.
const useClassifier = true

// ClassifierName identifies relations added by the learned classifier in
// Evidence.Extractor.
const ClassifierName = "relclass/v1"

// classView is what the relation classifier reads of the article once
// the rules are done: every parsed sentence with its references (names,
// resolved pronouns and descriptions), the entity types and the rules'
// relations. Entities that fold to one id are one entity of the view;
// reps maps each back to an entity of d.
func (d *doc) classView() (v *relclass.Doc, reps []int) {
	v = &relclass.Doc{Ruled: map[[2]int][]string{}, Allowed: func(t, s, o string) bool {
		return kg.RelationType(t).Allows(kg.EntityType(s), kg.EntityType(o))
	}}
	byID := map[string]int{}
	entOf := make([]int, len(d.ents))
	for i, e := range d.ents {
		id := e.id()
		k, ok := byID[id]
		if !ok {
			k = len(reps)
			byID[id] = k
			reps = append(reps, i)
			v.Types = append(v.Types, string(e.typ))
		}
		entOf[i] = k
	}
	for _, r := range d.rels {
		s, ok1 := byID[r.Source]
		o, ok2 := byID[r.Target]
		if ok1 && ok2 {
			k := [2]int{s, o}
			v.Ruled[k] = append(v.Ruled[k], string(r.Type))
		}
	}
	v.Sents = make([]relclass.Sentence, len(d.sents))
	for si := range d.sents {
		if si >= len(d.trees) || len(d.trees[si].n) == 0 {
			continue
		}
		t := &d.trees[si]
		s := &v.Sents[si]
		s.Words = make([]relclass.Word, len(t.n))
		for i, n := range t.n {
			s.Words[i] = relclass.Word{Lemma: strings.ToLower(n.lemma), UPOS: n.upos, Deprel: n.deprel,
				Head: n.head, Neg: t.negated(i)}
		}
		for _, r := range d.sentRefs(si) {
			from, to, head := -1, -1, -1
			for i, n := range t.n {
				if n.tok < r.ts || n.tok >= r.te {
					continue
				}
				if from < 0 {
					from = i
				}
				to = i + 1
				if h := n.head; head < 0 && (h < 0 || t.n[h].tok < r.ts || t.n[h].tok >= r.te) {
					head = i
				}
			}
			if head < 0 {
				continue
			}
			s.Mentions = append(s.Mentions, relclass.Mention{Ent: entOf[r.ent], Word: head, From: from, To: to,
				Pron: r.pron, Adj: r.adj, Poss: r.poss})
		}
	}
	return v, reps
}

// classify adds the relations that model m finds in view v and the rules
// did not, each with its sentence as evidence.
func (d *doc) classify(v *relclass.Doc, reps []int, m *relclass.Model) {
	for _, f := range m.Predict(v) {
		r := d.addRel(kg.RelationType(f.Type), reps[f.Src], reps[f.Dst], nil, f.Sent, m.Confidence(f.Margin))
		if r == nil {
			continue
		}
		for i := range r.Evidence {
			if r.Evidence[i].Start == d.sents[f.Sent].Start && r.Evidence[i].Extractor == Name {
				r.Evidence[i].Extractor = ClassifierName
			}
		}
	}
}

// Analysis is an article read by the rules, kept for the relation
// classifier's trainer (package relclass/corpus): the view the classifier
// reads, and the extraction with or without a model's relations.
type Analysis struct {
	d    *doc
	reps []int
	// View is what the classifier reads.
	View *relclass.Doc
	// IDs are the entity ids of the view's entities.
	IDs []string
	// Rules is the extraction of the rules alone.
	Rules *kg.Extraction
}

// Analyze reads a by the rules alone and keeps what the relation
// classifier needs.
func Analyze(a *kg.Article) (*Analysis, error) {
	d, err := readByRules(a)
	if err != nil {
		return nil, err
	}
	an := &Analysis{d: d}
	an.View, an.reps = d.classView()
	for _, e := range an.reps {
		an.IDs = append(an.IDs, d.ents[e].id())
	}
	an.Rules = an.With(nil)
	return an, nil
}

// With returns the extraction of the rules plus the relations model m
// adds (none for nil).
func (an *Analysis) With(m *relclass.Model) *kg.Extraction {
	d := an.d
	saved := d.rels
	d.rels = maps.Clone(saved)
	if m != nil {
		d.classify(an.View, an.reps, m)
	}
	x := d.build()
	d.rels = saved
	return x
}

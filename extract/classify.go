package extract

import (
	"maps"
	"slices"
	"strings"
	"sync"

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
			v.Subs = append(v.Subs, e.sub)
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
				Head: n.head, Neg: t.negated(i), Cue: cueClass(strings.ToLower(n.lemma))}
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
				Pron: r.pron, Adj: r.adj, Poss: r.poss, Desc: r.desc})
		}
		if si < len(d.descBySent) && len(d.descBySent[si]) > 0 {
			d.descMentions(si, t, s, entOf)
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

// descMentions adds to s the definite descriptions of organizations that
// coreference resolved in sentence si ("the company", "the junta",
// "gendarmes") and that no reference of the sentence already covers, so
// that the classifier reads their pairs like a name's.
func (d *doc) descMentions(si int, t *tree, s *relclass.Sentence, entOf []int) {
	toks := d.sents[si].toks
	added := false
	for _, x := range d.descBySent[si] {
		w := -1
		for i, n := range t.n {
			if n.tok >= 0 && n.tok < len(toks) && toks[n.tok].start == x.pos {
				w = i
				break
			}
		}
		if w < 0 || slices.ContainsFunc(s.Mentions, func(m relclass.Mention) bool { return w >= m.From && w < m.To }) {
			continue
		}
		s.Mentions = append(s.Mentions, relclass.Mention{Ent: entOf[x.ent], Word: w, From: w, To: w + 1, Pron: true, Desc: true})
		added = true
	}
	if added {
		slices.SortStableFunc(s.Mentions, func(a, b relclass.Mention) int { return a.From - b.From })
	}
}

// cueClass is the word class that the rules' cue tables give a lemma,
// the same for every word of a class, so the classifier learns a cue once
// for the class and not once per word ("chairman", "director" and
// "chief" all read as a leading role): a verb's relations, a role noun's
// kind, kinship, speech, an organization noun, a stake, "" for none.
func cueClass(lemma string) string { return cueClasses()[lemma] }

// cueClasses holds cueClass for every lemma of the tables, built once.
var cueClasses = sync.OnceValue(func() map[string]string {
	out := map[string]string{}
	var lemmas []string
	for _, m := range []map[string]bool{speechVerbs, hedges, shareNouns, detentionNouns, fightNouns, backingNouns, removalNouns} {
		lemmas = slices.AppendSeq(lemmas, maps.Keys(m))
	}
	lemmas = slices.AppendSeq(lemmas, maps.Keys(gramCues))
	lemmas = slices.AppendSeq(lemmas, maps.Keys(roleNouns))
	lemmas = slices.AppendSeq(lemmas, maps.Keys(relatives))
	lemmas = slices.AppendSeq(lemmas, maps.Keys(stanceAdjs))
	lemmas = slices.AppendSeq(lemmas, maps.Keys(orgNouns))
	lemmas = append(lemmas, "say", "tell")
	for _, l := range lemmas {
		if c := classOfLemma(l); c != "" {
			out[l] = c
		}
	}
	return out
})

func classOfLemma(lemma string) string {
	if cs := gramCues[lemma]; len(cs) > 0 {
		c := "v"
		for i, g := range cs {
			if i == 0 || g.cue.rel != cs[i-1].cue.rel {
				c += ":" + string(g.cue.rel)
			}
		}
		return c
	}
	if k, ok := roleNouns[lemma]; ok {
		return roleClasses[k]
	}
	switch {
	case relatives[lemma] != "":
		return "kin"
	case speechVerbs[lemma] || speechVerbs[lemma+"ed"] || speechVerbs[lemma+"d"] || lemma == "say" || lemma == "tell":
		return "say"
	case hedges[lemma]:
		return "hedge"
	case shareNouns[lemma]:
		return "share"
	case detentionNouns[lemma]:
		return "n:" + string(kg.Detained)
	case fightNouns[lemma]:
		return "n:" + string(kg.Fought)
	case backingNouns[lemma]:
		return "n:" + string(kg.Supports)
	case removalNouns[lemma]:
		return "removal"
	}
	if sa, ok := stanceAdjs[lemma]; ok {
		return "adj:" + string(sa.rel)
	}
	if _, ok := orgNouns[lemma]; ok {
		return "org"
	}
	return ""
}

// roleClasses names the role kinds for cueClass.
var roleClasses = map[roleKind]string{roleNone: "role", roleOther: "role:other", roleLeads: "role:leads",
	roleCommands: "role:commands", roleWorks: "role:works", roleMember: "role:member", roleState: "role:state",
	roleOwns: "role:owns"}

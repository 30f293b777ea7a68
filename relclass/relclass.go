// Package relclass is a learned relation classifier. It reads pairs of
// entity mentions of one sentence — the dependency path between them, the
// words between them, their types, whether a rule already related them —
// and scores each relation type of the ontology, with its direction, against
// NONE with an averaged perceptron (package perceptron) over hashed features
// (package wordfeat). It is trained by distant supervision from the
// project's own annotated articles (see relclass/corpus) and exists to add
// the relations that the hand-written rules of package extract miss.
//
// The package knows nothing of extract: extract hands it a Doc, a view of
// what its rules already found (parsed sentences, resolved mentions, entity
// types, the rules' relations), and turns the Found pairs into relations.
package relclass

import (
	"bytes"
	_ "embed"
	"fmt"
	"slices"
	"sync"

	"github.com/newsgraph/newsgraph/kg"
)

// Word is one parsed word of a sentence.
type Word struct {
	Lemma  string // lower-cased lemma
	UPOS   string
	Deprel string
	Head   int  // index of the head word, -1 for the root
	Neg    bool // a dependent says "not", "n't" or "never"
	// Cue is the word's class in the rules' cue tables ("v:DETAINED",
	// "role:leads", "kin", "say" ...), "" for none.
	Cue string
}

// Mention is one reference to an entity in a sentence: a name, a pronoun
// or description resolved to it, or a demonym adjective.
type Mention struct {
	Ent      int // index into Doc.Types
	Word     int // the head word of the mention
	From, To int // the mention's words, [From, To)
	Pron     bool
	Adj      bool
	Poss     bool
	Desc     bool // a description ("the company"), with Pron
}

// Sentence is one parsed sentence with its mentions in word order.
type Sentence struct {
	Words    []Word
	Mentions []Mention
}

// Doc is what the classifier reads of one article.
type Doc struct {
	// Types holds each entity's type: "Person", "Organization", "Location".
	Types []string
	// Subs holds each entity's subtype ("party", "company", "country" ...),
	// "" when none is known.
	Subs  []string
	Sents []Sentence
	// Ruled lists, per (source, target) entity pair, the relation types
	// that the rules found.
	Ruled map[[2]int][]string
	// Allowed reports whether a relation type may join a source and a
	// target of the given entity types (the ontology's table).
	Allowed func(typ, src, dst string) bool
}

// Pair is a candidate: two mentions of different entities in one
// sentence, A before B.
type Pair struct {
	Sent, A, B int
}

// Found is a relation the classifier adds: Type from entity Src to Dst,
// stated in sentence Sent, with the margin of its score over NONE.
type Found struct {
	Type     string
	Src, Dst int
	Sent     int
	Margin   float64
}

// scoredTypes are the relation types the classifier may predict: those
// the scorer counts, in ontology order.
var scoredTypes = []string{"HOLDS_ROLE", "LEADS", "COMMANDS", "MEMBER_OF", "WORKS_FOR", "DETAINED",
	"ATTACKED", "KILLED", "FOUGHT", "MET_WITH", "ALLIED_WITH", "SUPPORTS", "OPPOSES", "PART_OF",
	"FAMILY_OF", "OWNS", "APPOINTED"}

// Types returns the relation types the classifier may predict, in
// ontology order.
func Types() []string { return slices.Clone(scoredTypes) }

// symmetric reports a relation type that reads the same both ways.
func symmetric(typ string) bool { return kg.RelationType(typ).Symmetric() }

// class is one output of the classifier: a relation type read from A to B
// (or B to A when rev), or NONE (typ "").
type class struct {
	typ string
	rev bool
}

func (c class) String() string {
	switch {
	case c.typ == "":
		return "NONE"
	case symmetric(c.typ):
		return c.typ
	case c.rev:
		return c.typ + "<"
	}
	return c.typ + ">"
}

// classes lists every class; 0 is NONE.
var classes = func() []class {
	out := []class{{}}
	for _, t := range scoredTypes {
		out = append(out, class{typ: t})
		if !symmetric(t) {
			out = append(out, class{typ: t, rev: true})
		}
	}
	return out
}()

// ClassOf returns the class index of relation type typ between the
// mentions of p (srcIsA: the source is mention A), or -1 for a type the
// classifier does not predict.
func ClassOf(typ string, srcIsA bool) int {
	for i, c := range classes {
		if c.typ == typ && (symmetric(typ) || c.rev != srcIsA) {
			return i
		}
	}
	return -1
}

// ends returns the source and target entities of class c over pair p.
func (d *Doc) ends(p Pair, c class) (src, dst int) {
	s := d.Sents[p.Sent]
	a, b := s.Mentions[p.A].Ent, s.Mentions[p.B].Ent
	if c.rev {
		return b, a
	}
	return a, b
}

// ruled reports whether the rules related the entities of p.
func (d *Doc) ruled(p Pair) bool {
	s := d.Sents[p.Sent]
	a, b := s.Mentions[p.A].Ent, s.Mentions[p.B].Ent
	return len(d.Ruled[[2]int{a, b}]) > 0 || len(d.Ruled[[2]int{b, a}]) > 0
}

// allowedClasses marks the classes whose type the ontology allows between
// the two entities of p.
func (d *Doc) allowedClasses(p Pair, mask []bool) {
	mask[0] = true
	for i := 1; i < len(classes); i++ {
		src, dst := d.ends(p, classes[i])
		mask[i] = d.Allowed == nil || d.Allowed(classes[i].typ, d.Types[src], d.Types[dst])
	}
}

// Pairs returns the candidates of d: every two mentions of different
// entities in one sentence.
func Pairs(d *Doc) []Pair {
	var out []Pair
	for si, s := range d.Sents {
		for a := range s.Mentions {
			for b := a + 1; b < len(s.Mentions); b++ {
				if s.Mentions[a].Ent == s.Mentions[b].Ent {
					continue
				}
				out = append(out, Pair{si, a, b})
			}
		}
	}
	return out
}

//go:embed model/relclass.model.gz
var embedded []byte

var loadDefault = sync.OnceValues(func() (*Model, error) {
	return ReadModel(bytes.NewReader(embedded))
})

// Default returns the embedded model, loading it on first use.
func Default() (*Model, error) {
	m, err := loadDefault()
	if err != nil {
		return nil, fmt.Errorf("relclass: embedded model: %w", err)
	}
	return m, nil
}

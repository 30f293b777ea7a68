// Package ner finds the names of people, organizations and places in
// tokenized English text: an averaged-perceptron BIO tagger over word
// forms, shapes, affixes and a word lexicon of the UD English treebank
// (how often each word is a proper noun, how often it is capitalized).
//
// The model is trained on Universal NER's English EWT names and the UD
// English EWT treebank (both CC BY-SA 4.0, see model/NOTICE) by cmd/train
// and ships inside the binary. It proposes names; callers that know more
// (the document, its grammar) decide.
package ner

import (
	"bytes"
	_ "embed"
	"fmt"
	"sync"
)

// Span is one name: words [Start, End) of the input, its type (PER, ORG or
// LOC) and Margin, the smallest lead of its tags over the best other tag,
// in model units: low margins are guesses.
type Span struct {
	Start, End int
	Type       string
	Margin     float32
}

// Types are the name types the model tags, in class order.
var Types = []string{"PER", "ORG", "LOC"}

// tags are the BIO classes: O, then B and I for each type.
var tags = []string{"O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC"}

const nClasses = 7

var classOf = func() map[string]int {
	m := map[string]int{}
	for i, t := range tags {
		m[t] = i
	}
	// Universal NER's miscellaneous names are not tagged here.
	m["B-OTH"], m["I-OTH"] = 0, 0
	return m
}()

func isB(c int) bool   { return c > 0 && c%2 == 1 }
func typeOf(c int) int { return (c - 1) / 2 }
func inside(t int) int { return 2*t + 2 }
func begin(t int) int  { return 2*t + 1 }
func allowed(prev, c int) bool {
	// I-X continues only B-X or I-X.
	return c == 0 || isB(c) || prev > 0 && typeOf(prev) == typeOf(c)
}

//go:embed model/uner.model.gz
var embedded []byte

var loadDefault = sync.OnceValues(func() (*Model, error) {
	return ReadModel(bytes.NewReader(embedded))
})

// Default returns the embedded model, loading it on first use.
func Default() (*Model, error) { return loadDefault() }

// Find tags words with the embedded model. It panics only if the embedded
// model is corrupt, which the package tests rule out.
func Find(words []string) []Span {
	m, err := Default()
	if err != nil {
		panic(fmt.Sprintf("ner: embedded model: %v", err))
	}
	return m.Find(words)
}

// scratch is per-call working memory, pooled across calls.
type scratch struct {
	ws     []wordInfo
	cls    []int
	margin []float32
	feats  []uint64
	buf    []byte
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// Find returns the names among words, in order.
func (m *Model) Find(words []string) []Span { return m.find(words, false) }

// FindCased is Find for edited text, where names are capitalized: a word
// with no capital or digit that continues no name is taken as no name
// without scoring, which makes tagging about three times faster (UNER EWT
// test: 6.4 against 2.3 million words/s; on its web text, where names are
// often written in lower case, it loses some of them).
func (m *Model) FindCased(words []string) []Span { return m.find(words, true) }

func (m *Model) find(words []string, cased bool) []Span {
	if len(words) == 0 {
		return nil
	}
	sc := scratchPool.Get().(*scratch)
	defer scratchPool.Put(sc)
	sc.ws, sc.buf = m.describeAll(words, sc.ws[:0], sc.buf)
	n := len(words)
	if cap(sc.cls) < n {
		sc.cls, sc.margin = make([]int, n), make([]float32, n)
	}
	sc.cls, sc.margin = sc.cls[:n], sc.margin[:n]
	var scores [nClasses]float32
	p1, p2 := -1, -1
	for i := 0; i < n; i++ {
		if cased && plain(&sc.ws[i+2], p1) {
			sc.cls[i], sc.margin[i] = 0, 0
			p2, p1 = p1, 0
			continue
		}
		sc.feats = features(sc.ws, i, p1, p2, sc.feats[:0])
		scores = [nClasses]float32{}
		m.w.score(sc.feats, &scores)
		best, second := pick(scores[:], p1)
		sc.cls[i] = best
		sc.margin[i] = scores[best] - second
		p2, p1 = p1, best
	}
	return spans(sc.cls, sc.margin, float32(m.w.scale))
}

// pick returns the best class allowed after prev and the best score of
// the other allowed classes.
func pick(scores []float32, prev int) (int, float32) {
	best := 0
	for c := 1; c < len(scores); c++ {
		if allowed(prev, c) && scores[c] > scores[best] {
			best = c
		}
	}
	second := float32(-1e30)
	for c := range scores {
		if c != best && allowed(prev, c) && scores[c] > second {
			second = scores[c]
		}
	}
	return best, second
}

// spans turns classes into names; margins are rescaled to weight units.
func spans(cls []int, margin []float32, scale float32) []Span {
	var out []Span
	for i := 0; i < len(cls); {
		c := cls[i]
		if c == 0 {
			i++
			continue
		}
		t := typeOf(c)
		j := i + 1
		mg := margin[i]
		for j < len(cls) && cls[j] == inside(t) {
			mg = min(mg, margin[j])
			j++
		}
		out = append(out, Span{Start: i, End: j, Type: Types[t], Margin: mg * scale})
		i = j
	}
	return out
}

// LowerCase reports whether the treebank behind the model writes word in
// lower case inside sentences: capitalized in fewer than half of its uses
// after a sentence's first word. A
// sentence-initial "Opposition" is such a word; "Hamas" is not.
func (m *Model) LowerCase(word string) bool {
	var buf [64]byte
	k, _ := lowerKey(word, buf[:0])
	c, ok := m.lex[k]
	if !ok {
		return false
	}
	return ((c-1)/4)%4 <= 1 // see lexClass
}

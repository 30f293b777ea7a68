// Package syntax is the syntactic layer for English news: it splits text into
// sentences and tokens (UD English EWT conventions, with byte offsets), tags
// each token with its universal and Penn part of speech, gives its lemma, and
// parses each sentence into a Universal Dependencies tree.
//
// The model is trained on the UD English Web Treebank (CC BY-SA 4.0, see
// model/NOTICE) by cmd/train and ships inside the binary.
package syntax

import (
	"bytes"
	_ "embed"
	"fmt"
	"sync"
)

// Token is one syntactic word. Text is input[Start:End]; a contraction is
// split into words whose offsets stay inside it ("don't" is "do" 0-2 and
// "n't" 2-5).
type Token struct {
	Text       string
	Start, End int    // byte offsets into the parsed text
	UPOS       string // universal part of speech: NOUN, VERB, PROPN, ...
	XPOS       string // Penn Treebank tag: NN, VBD, NNP, ...
	Lemma      string
	Head       int    // index of the head in Sentence.Tokens, -1 for the root
	Deprel     string // UD relation to the head: nsubj, obj, obl:agent, ...
}

// Sentence is one sentence: its tokens and its byte span in the text.
type Sentence struct {
	Start, End int
	Tokens     []Token
}

//go:embed model/ewt.model.gz
var embedded []byte

var loadDefault = sync.OnceValues(func() (*Model, error) {
	return ReadModel(bytes.NewReader(embedded))
})

// Default returns the embedded model, loading it on first use.
func Default() (*Model, error) { return loadDefault() }

// Parse analyzes text with the embedded model. It panics only if the
// embedded model is corrupt, which the package tests rule out.
func Parse(text string) []Sentence {
	m, err := Default()
	if err != nil {
		panic(fmt.Sprintf("syntax: embedded model: %v", err))
	}
	return m.Parse(text)
}

// scratch is per-call working memory, pooled across calls.
type scratch struct {
	spans  []span
	bounds [][2]int
	ws     []wordInfo
	buf    []byte
	tags   []int
	feats  []uint64
	tscore []float32
	pw     pwords
	punct  []bool
	parse  beamScratch
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// Parse splits text into sentences and analyzes each.
func (m *Model) Parse(text string) []Sentence {
	sc := scratchPool.Get().(*scratch)
	defer scratchPool.Put(sc)
	sc.spans = tokenize(text, sc.spans[:0])
	sc.bounds = segment(text, sc.spans, sc.bounds[:0])
	toks := make([]Token, len(sc.spans))
	out := make([]Sentence, len(sc.bounds))
	for i, b := range sc.bounds {
		ts := toks[b[0]:b[1]:b[1]]
		for j := range ts {
			sp := sc.spans[b[0]+j]
			ts[j] = Token{Text: text[sp.start:sp.end], Start: sp.start, End: sp.end}
		}
		m.analyze(ts, sc)
		out[i] = Sentence{Start: ts[0].Start, End: ts[len(ts)-1].End, Tokens: ts}
	}
	return out
}

// analyze tags, lemmatizes and parses tokens whose Text is set.
func (m *Model) analyze(ts []Token, sc *scratch) {
	n := len(ts)
	sc.ws = append(sc.ws[:0], padLeft, padLeft)
	for _, t := range ts {
		var w wordInfo
		sc.buf = describe(t.Text, &w, sc.buf)
		w.amb = m.tg.amb[w.lower]
		sc.ws = append(sc.ws, w)
	}
	sc.ws = append(sc.ws, padRight, padRight)
	if cap(sc.tags) < n {
		sc.tags = make([]int, n)
	}
	sc.tags = sc.tags[:n]
	if len(sc.tscore) != len(m.tg.upos) {
		sc.tscore = make([]float32, len(m.tg.upos))
	}
	sc.feats = m.tg.tagSentence(sc.ws, sc.tags, sc.feats, sc.tscore)
	sc.pw.reset()
	sc.punct = append(sc.punct[:0], false)
	for i := range ts {
		c := sc.tags[i]
		ts[i].UPOS, ts[i].XPOS = m.tg.upos[c], m.tg.xpos[c]
		ts[i].Lemma = m.lem.lemma(ts[i].Text, ts[i].XPOS, sc.buf)
		sc.pw.add(sc.ws[i+2].lower, sc.ws[i+2].suf[2], c, ts[i].UPOS)
		sc.punct = append(sc.punct, ts[i].UPOS == "PUNCT")
	}
	st := m.ps.parse(&sc.parse, &sc.pw, sc.punct)
	for i := range ts {
		ts[i].Head = int(st.head[i+1]) - 1
		ts[i].Deprel = m.ps.labels[st.rel[i+1]]
	}
}

// ParseWords analyzes one sentence that is already split into words.
func (m *Model) ParseWords(words []string) []Token {
	sc := scratchPool.Get().(*scratch)
	defer scratchPool.Put(sc)
	ts := make([]Token, len(words))
	for i, w := range words {
		ts[i].Text = w
	}
	for from := 0; from < len(ts); from += maxSentence {
		m.analyze(ts[from:min(from+maxSentence, len(ts))], sc)
		if from > 0 {
			for i := from; i < min(from+maxSentence, len(ts)); i++ {
				if ts[i].Head >= 0 {
					ts[i].Head += from
				}
			}
		}
	}
	return ts
}

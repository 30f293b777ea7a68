package ner

import (
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/perceptron"
	"github.com/newsgraph/newsgraph/syntax"
)

// TrainOptions control training.
type TrainOptions struct {
	Seed   uint64
	Epochs int
	// Treebank gives the word lexicon: how often each word is tagged a
	// proper noun and how often it is capitalized inside a sentence. Its
	// tags are features, never name labels.
	Treebank []syntax.GoldSentence
	// MinWeight drops features whose largest averaged weight is smaller.
	MinWeight float64
	Log       io.Writer
}

// lexClass buckets a word's treebank counts: total occurrences, proper
// noun tags, and capitalized occurrences after the first word.
func lexClass(total, propn, inner, capInner int) uint8 {
	p := 0
	switch r := float64(propn) / float64(total); {
	case propn == 0:
	case r < 0.25:
		p = 1
	case r < 0.75:
		p = 2
	default:
		p = 3
	}
	c := 3 // never seen inside a sentence
	if inner > 0 {
		switch r := float64(capInner) / float64(inner); {
		case capInner == 0:
			c = 0
		case r < 0.5:
			c = 1
		default:
			c = 2
		}
	}
	f := 2
	if total <= 2 {
		f = 0
	} else if total <= 30 {
		f = 1
	}
	return uint8(1 + p + 4*c + 16*f)
}

// buildLexicon counts the treebank's words.
func buildLexicon(tb []syntax.GoldSentence) map[uint64]uint8 {
	type counts struct{ total, propn, inner, capInner int }
	cs := map[uint64]*counts{}
	var buf []byte
	for _, s := range tb {
		for i, w := range s.Words {
			var k uint64
			k, buf = lowerKey(w.Form, buf)
			c := cs[k]
			if c == nil {
				c = &counts{}
				cs[k] = c
			}
			c.total++
			if w.UPOS == "PROPN" {
				c.propn++
			}
			if i > 0 {
				c.inner++
				if r, _ := utf8.DecodeRuneInString(w.Form); unicode.IsUpper(r) {
					c.capInner++
				}
			}
		}
	}
	lex := make(map[uint64]uint8, len(cs))
	for k, c := range cs {
		lex[k] = lexClass(c.total, c.propn, c.inner, c.capInner)
	}
	return lex
}

// Train trains a name finder on BIO-tagged sentences.
func Train(sents []GoldSentence, opt TrainOptions) *Model {
	rng := rand.New(rand.NewPCG(opt.Seed, opt.Seed^0x5EED))
	m := &Model{lex: buildLexicon(opt.Treebank)}
	tr := perceptron.New()
	order := make([]int, len(sents))
	for i := range order {
		order[i] = i
	}
	var ws []wordInfo
	var buf []byte
	var feats []uint64
	for ep := range opt.Epochs {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		errs, n := 0, 0
		for _, si := range order {
			s := sents[si]
			ws, buf = m.describeAll(s.Words, ws[:0], buf)
			p1, p2 := -1, -1
			for i := range s.Words {
				tr.Tick()
				feats = features(ws, i, p1, p2, feats[:0])
				var scores [nClasses]float32
				tr.Score(feats, scores[:])
				guess, _ := pick(scores[:], p1)
				truth := classOf[s.Tags[i]]
				if !allowed(p1, truth) {
					truth = begin(typeOf(truth)) // an I- after O opens a name
				}
				if guess != truth {
					errs++
					tr.Update(feats, truth, guess)
				}
				n++
				// Follow the gold history (5-fold cross-validation on dev:
				// F1 0.68 against 0.63 with the model's own history).
				p2, p1 = p1, truth
			}
		}
		if opt.Log != nil {
			fmt.Fprintf(opt.Log, "epoch %d: %d features, train tag errors %.2f%%\n", ep+1, tr.Features(), 100*float64(errs)/float64(max(n, 1)))
		}
	}
	fk, fw := tr.Averaged()
	// Quantize against the largest weight, dropping small features.
	var maxW float64
	for _, w := range fw {
		maxW = max(maxW, perceptron.MaxAbs(w))
	}
	scale := maxW / 32767
	if scale == 0 {
		scale = 1
	}
	var keys []uint64
	var qw [][nClasses]int16
	for i, w := range fw {
		if perceptron.MaxAbs(w) < opt.MinWeight {
			continue
		}
		var q [nClasses]int16
		for _, c := range w {
			q[c.Class] = int16(math.Round(c.W / scale))
		}
		keys = append(keys, fk[i])
		qw = append(qw, q)
	}
	m.w = newTable(keys, qw, scale)
	return m
}

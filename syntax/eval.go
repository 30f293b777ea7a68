package syntax

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// goldSpans places each gold word in the sentence text. Words whose form is
// not found where expected (a few multiword tokens are spelled differently)
// get the span of the text up to the next word.
func goldSpans(text string, words []GoldWord) []span {
	out := make([]span, len(words))
	pos := 0
	for i, w := range words {
		for pos < len(text) {
			r, n := utf8.DecodeRuneInString(text[pos:])
			if !unicode.IsSpace(r) {
				break
			}
			pos += n
		}
		if strings.HasPrefix(text[pos:], w.Form) {
			out[i] = span{pos, pos + len(w.Form)}
			pos += len(w.Form)
			continue
		}
		// Find the next word's position to bound this one.
		end := pos + 1
		if end > len(text) {
			end = len(text)
		}
		for end < len(text) && !unicode.IsSpace(rune(text[end])) {
			if i+1 < len(words) && strings.HasPrefix(text[end:], words[i+1].Form) && !words[i].SpaceAfter {
				break
			}
			end++
		}
		out[i] = span{pos, end}
		pos = end
	}
	return out
}

// Scores are attachment and tagging accuracies (0..1), aligned by offsets
// when the tokenization is predicted.
type Scores struct {
	Words                  int     // gold words
	TokenP, TokenR, TokenF float64 // token spans against gold
	UPOS, XPOS, Lemma      float64 // over gold words, a mismatched span counts as wrong
	UAS, LAS               float64
}

// Evaluate scores the model on treebank sentences: with the gold words when
// ownTokens is false, else from each sentence's raw text through the
// tokenizer and sentence splitter, aligned to gold words by byte offsets.
func (m *Model) Evaluate(gold []GoldSentence, ownTokens bool) Scores {
	var sc Scores
	var nPred, nMatch, upos, xpos, lemma, uas, las int
	for _, g := range gold {
		sc.Words += len(g.Words)
		if !ownTokens {
			forms := make([]string, len(g.Words))
			for i, w := range g.Words {
				forms[i] = w.Form
			}
			ts := m.ParseWords(forms)
			nPred += len(ts)
			nMatch += len(ts)
			for i, t := range ts {
				w := g.Words[i]
				upos += b2i(t.UPOS == w.UPOS)
				xpos += b2i(t.XPOS == w.XPOS)
				lemma += b2i(t.Lemma == w.Lemma)
				if t.Head+1 == w.Head {
					uas++
					las += b2i(t.Deprel == w.Deprel)
				}
			}
			continue
		}
		gs := goldSpans(g.Text, g.Words)
		gi := map[span]int{}
		for i, s := range gs {
			gi[s] = i
		}
		for _, ps := range m.Parse(g.Text) {
			nPred += len(ps.Tokens)
			for _, t := range ps.Tokens {
				i, ok := gi[span{t.Start, t.End}]
				if !ok {
					continue
				}
				nMatch++
				w := g.Words[i]
				upos += b2i(t.UPOS == w.UPOS)
				xpos += b2i(t.XPOS == w.XPOS)
				lemma += b2i(t.Lemma == w.Lemma)
				var headOK bool
				if t.Head < 0 {
					headOK = w.Head == 0
				} else if w.Head > 0 {
					h := ps.Tokens[t.Head]
					headOK = gs[w.Head-1] == span{h.Start, h.End}
				}
				if headOK {
					uas++
					las += b2i(t.Deprel == w.Deprel)
				}
			}
		}
	}
	f := func(a int) float64 { return float64(a) / float64(max(sc.Words, 1)) }
	sc.TokenP = float64(nMatch) / float64(max(nPred, 1))
	sc.TokenR = f(nMatch)
	if sc.TokenP+sc.TokenR > 0 {
		sc.TokenF = 2 * sc.TokenP * sc.TokenR / (sc.TokenP + sc.TokenR)
	}
	sc.UPOS, sc.XPOS, sc.Lemma, sc.UAS, sc.LAS = f(upos), f(xpos), f(lemma), f(uas), f(las)
	return sc
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// String formats the scores on one line.
func (s Scores) String() string {
	return fmt.Sprintf("words %d tokens F1 %.4f UPOS %.4f XPOS %.4f lemma %.4f UAS %.4f LAS %.4f",
		s.Words, s.TokenF, s.UPOS, s.XPOS, s.Lemma, s.UAS, s.LAS)
}

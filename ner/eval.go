package ner

import (
	"fmt"
	"strings"
)

// PRF is a precision, recall and F1 with its counts.
type PRF struct {
	Gold, Found, Correct int
}

// P is the precision.
func (s PRF) P() float64 { return ratio(s.Correct, s.Found) }

// R is the recall.
func (s PRF) R() float64 { return ratio(s.Correct, s.Gold) }

// F1 is the harmonic mean of P and R.
func (s PRF) F1() float64 {
	p, r := s.P(), s.R()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// String prints precision, recall and F1 with the counts behind them.
func (s PRF) String() string {
	return fmt.Sprintf("P=%.3f R=%.3f F1=%.3f (gold %d, found %d, correct %d)", s.P(), s.R(), s.F1(), s.Gold, s.Found, s.Correct)
}

// Scores are exact-span scores, overall and per type.
type Scores struct {
	All    PRF
	ByType map[string]PRF
}

// String prints the overall scores, then one line per type.
func (s Scores) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "all %s", s.All)
	for _, t := range Types {
		fmt.Fprintf(&b, "\n%s %s", t, s.ByType[t])
	}
	return b.String()
}

// GoldSpans reads the names of a BIO tag sequence; an I- tag that does not
// continue a name of its type opens one.
func GoldSpans(tagSeq []string) []Span {
	cls := make([]int, len(tagSeq))
	prev := 0
	for i, t := range tagSeq {
		c := classOf[t]
		if !allowed(prev, c) {
			c = begin(typeOf(c))
		}
		cls[i], prev = c, c
	}
	return spans(cls, make([]float32, len(cls)), 0)
}

// Score compares found names with gold names sentence by sentence: a name
// is correct when its words and type are exactly the gold name's.
func Score(gold, found [][]Span) Scores {
	s := Scores{ByType: map[string]PRF{}}
	for i := range gold {
		key := func(sp Span) [2]int { return [2]int{sp.Start, sp.End} }
		g := map[[2]int]string{}
		for _, sp := range gold[i] {
			g[key(sp)] = sp.Type
			s.All.Gold++
			t := s.ByType[sp.Type]
			t.Gold++
			s.ByType[sp.Type] = t
		}
		for _, sp := range found[i] {
			s.All.Found++
			t := s.ByType[sp.Type]
			t.Found++
			if g[key(sp)] == sp.Type {
				s.All.Correct++
				t.Correct++
			}
			s.ByType[sp.Type] = t
		}
	}
	return s
}

// Evaluate tags the sentences' words with Find, or FindCased if cased,
// and scores the names found.
func (m *Model) Evaluate(sents []GoldSentence, cased bool) Scores {
	gold := make([][]Span, len(sents))
	found := make([][]Span, len(sents))
	for i, s := range sents {
		gold[i] = GoldSpans(s.Tags)
		found[i] = m.find(s.Words, cased)
	}
	return Score(gold, found)
}

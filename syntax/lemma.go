package syntax

import (
	"slices"
	"strings"

	"github.com/newsgraph/newsgraph/wordfeat"
)

// lemmatizer maps a word and its XPOS to a lemma: exceptions learned from the
// treebank first, then the most frequent suffix rewrite for the XPOS.
type lemmatizer struct {
	exceptions map[string]string // lower form + "\t" + XPOS -> lemma
	rules      map[string]rewrite
	// known is the tagger's table of words seen in training (lowercased word
	// hash -> ambiguity class): a suffix rule whose output is not a known word
	// ("ruled" -> "rul") yields to an alternative rewrite that is ("rule").
	known map[uint64]uint64
}

// rewrite removes cut bytes and appends add.
type rewrite struct {
	cut int
	add string
}

const maxSuffix = 5

func (l *lemmatizer) lemma(form, xpos string, buf []byte) string {
	switch xpos {
	case "NNP":
		return form
	case "NNPS":
		if len(form) > 3 && strings.HasSuffix(form, "s") && !strings.HasSuffix(form, "ss") {
			return form[:len(form)-1]
		}
		return form
	case "NN":
		// Acronyms keep their case: "GISB", "X".
		if isAllCaps(form) {
			return form
		}
	}
	lower := form
	if lowerASCII(form) != form {
		lower = strings.ToLower(form)
	}
	buf = append(append(append(buf[:0], lower...), '\t'), xpos...)
	if e, ok := l.exceptions[string(buf)]; ok {
		return e
	}
	if lem, ok := irregular(lower, xpos); ok {
		return lem
	}
	out := lower
	for k := min(maxSuffix, len(lower)); k >= 0; k-- {
		buf = append(append(append(buf[:0], xpos...), '\t'), lower[len(lower)-k:]...)
		if r, ok := l.rules[string(buf)]; ok {
			if !(r.cut == 0 && r.add == "" || r.cut > len(lower)) {
				out = lower[:len(lower)-r.cut] + r.add
			}
			break
		}
	}
	if out == lower || l.known == nil || l.isKnown(out) {
		return out
	}
	for _, c := range alternatives(lower, xpos) {
		if l.isKnown(c) {
			return c
		}
	}
	if lackingE(lower, out, xpos) {
		return out + "e"
	}
	return out
}

func (l *lemmatizer) isKnown(w string) bool { return l.known[wordfeat.String(w)] != 0 }

func isAllCaps(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 'A' || c > 'Z' {
			return false
		}
	}
	return true
}

func rewriteFor(lower, lemma string) rewrite {
	p := 0
	for p < len(lower) && p < len(lemma) && lower[p] == lemma[p] {
		p++
	}
	return rewrite{cut: len(lower) - p, add: lemma[p:]}
}

// trainLemmatizer learns suffix rules and the exceptions they get wrong.
// known is the tagger's word table (see lemmatizer.known).
func trainLemmatizer(sents []GoldSentence, known map[uint64]uint64) *lemmatizer {
	counts := map[string]map[rewrite]int{}
	pairs := map[string]map[string]int{}
	for _, s := range sents {
		for _, w := range s.Words {
			if w.XPOS == "NNP" || w.XPOS == "NNPS" {
				continue
			}
			lower := strings.ToLower(w.Form)
			pk := lower + "\t" + w.XPOS
			if pairs[pk] == nil {
				pairs[pk] = map[string]int{}
			}
			pairs[pk][w.Lemma]++
			rw := rewriteFor(lower, w.Lemma)
			for k := min(maxSuffix, len(lower)); k >= rw.cut && k >= 0; k-- {
				sk := w.XPOS + "\t" + lower[len(lower)-k:]
				if counts[sk] == nil {
					counts[sk] = map[rewrite]int{}
				}
				counts[sk][rw]++
			}
		}
	}
	l := &lemmatizer{exceptions: map[string]string{}, rules: map[string]rewrite{}, known: known}
	for sk, m := range counts {
		total := 0
		for _, c := range m {
			total += c
		}
		if total < 3 && len(sk)-strings.IndexByte(sk, '\t') > 2 {
			continue
		}
		best, bc := rewrite{}, -1
		for rw, c := range m {
			if c > bc || c == bc && (rw.cut < best.cut || rw.cut == best.cut && rw.add < best.add) {
				best, bc = rw, c
			}
		}
		l.rules[sk] = best
	}
	keys := make([]string, 0, len(pairs))
	for k := range pairs {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, pk := range keys {
		best, bc := "", -1
		for lem, c := range pairs[pk] {
			if c > bc || c == bc && lem < best {
				best, bc = lem, c
			}
		}
		form, xpos, _ := strings.Cut(pk, "\t")
		if l.lemma(form, xpos, nil) != best {
			l.exceptions[pk] = best
		}
	}
	// Rules that only restate the identity on a short suffix are kept: they
	// stop a longer-suffix miss from falling back to a wrong shorter rule.
	return l
}

package relclass

import (
	"strconv"

	"github.com/newsgraph/newsgraph/wordfeat"
)

// Feature templates. The numbers are part of the model file: renumbering
// one invalidates the committed model.
const (
	fBias = iota + 1
	fTypes
	fDist
	fBetween
	fBetweenFirst
	fBetweenLast
	fBetweenLong
	fPathLabels
	fPathLemmas
	fTrigger
	fTriggerTypes
	fPathLemma
	fPathLen
	fEndDeps
	fNeg
	fHedge
	fBefore
	fAfter
	fKind
	fTriggerEnds
	fPathBack
	fMentionsBetween
	fPathClasses
	fTriggerClass
	fFrame
	fSubs
	fKindDesc
	fBetweenCue
	fPathLenTypes
	fPathCue
)

// maxBetween caps the words between the mentions read as a bag.
const maxBetween = 8

// maxPath caps the dependency path, in arcs.
const maxPath = 7

// hedges govern facts reported and not asserted.
var hedges = map[string]bool{"deny": true, "allege": true, "accuse": true, "suspect": true,
	"claim": true, "reportedly": true, "may": true, "might": true, "could": true}

// feat hashes template t with its values: wordfeat.Feature of their
// hashes, mixed in one by one to spare a slice per feature.
func feat(t uint64, vals ...string) uint64 {
	h := wordfeat.Feature(t)
	for _, v := range vals {
		h = wordfeat.Mix(h, wordfeat.String(v))
	}
	return h | 1 // 0 is never a feature
}

// kind is how a mention refers: a name, a pronoun or description, a
// demonym adjective, with its possessive.
func kind(m Mention) string {
	k := "name"
	switch {
	case m.Adj:
		k = "adj"
	case m.Pron:
		k = "pron"
	}
	if m.Poss {
		k += "'s"
	}
	return k
}

// wordClass is a word's cue class, else its part of speech: what the
// generalizing features read in place of the lemma.
func wordClass(w Word) string {
	if w.Cue != "" {
		return w.Cue
	}
	return w.UPOS
}

// kindDesc is kind, telling a description from a pronoun.
func kindDesc(m Mention) string {
	if m.Desc {
		return "desc"
	}
	return kind(m)
}

// frame is the syntactic frame of a mention: its arc label and the class
// of the word it hangs from ("nsubj v:DETAINED", "appos PROPN").
func frame(ws []Word, m Mention) fnv {
	h := newFNV()
	w := ws[m.Word]
	h.add(w.Deprel, " ")
	if w.Head >= 0 {
		h.add(wordClass(ws[w.Head]))
	} else {
		h.add("<root>")
	}
	return h
}

// path returns the words from a up to their lowest common ancestor and
// down to b: up holds a and its ancestors below the ancestor, down holds b
// and its ancestors below it, and lca the ancestor (-1 when none is found
// within maxPath arcs).
func path(ws []Word, a, b int) (up, down []int, lca int) {
	var ua, ub [maxPath + 1]int
	na, nb := 0, 0
	for i := a; i >= 0 && na <= maxPath; i = ws[i].Head {
		ua[na] = i
		na++
	}
	for i := b; i >= 0 && nb <= maxPath; i = ws[i].Head {
		ub[nb] = i
		nb++
	}
	for j := range nb {
		for k := range na {
			if ub[j] == ua[k] {
				return ua[:k:k], ub[:j:j], ub[j]
			}
		}
	}
	return nil, nil, -1
}

// fnv hashes a string piece by piece: the same value as wordfeat.String
// of the pieces joined, without joining them.
type fnv uint64

func newFNV() fnv { return fnv(wordfeat.String("")) }

func (h *fnv) add(ss ...string) {
	for _, s := range ss {
		for i := 0; i < len(s); i++ {
			*h ^= fnv(s[i])
			*h *= 1099511628211
		}
	}
}

func hashOf(s string) fnv { return fnv(wordfeat.String(s)) }

// featH hashes template t with values already hashed.
func featH(t uint64, hs ...fnv) uint64 {
	h := wordfeat.Feature(t)
	for _, v := range hs {
		h = wordfeat.Mix(h, uint64(v))
	}
	return h | 1
}

// Features appends the hashed features of pair p to buf.
func Features(d *Doc, p Pair, buf []uint64) []uint64 {
	s := d.Sents[p.Sent]
	ma, mb := s.Mentions[p.A], s.Mentions[p.B]
	ta, tb := d.Types[ma.Ent], d.Types[mb.Ent]
	types := newFNV()
	types.add(ta, ">", tb)
	buf = append(buf, feat(fBias), featH(fTypes, types), featH(fKind, hashOf(kind(ma)), hashOf(kind(mb)), types))

	sa, sb := "", ""
	if d.Subs != nil {
		sa, sb = d.Subs[ma.Ent], d.Subs[mb.Ent]
	}
	fa, fb := frame(s.Words, ma), frame(s.Words, mb)
	buf = append(buf, feat(fSubs, ta, sa, ">", tb, sb),
		featH(fKindDesc, hashOf(kindDesc(ma)), hashOf(kindDesc(mb)), types),
		featH(fFrame, hashOf("a"), fa, types),
		featH(fFrame, hashOf("b"), fb, types),
		featH(fFrame, hashOf("ab"), fa, fb))

	buf = append(buf, featH(fMentionsBetween, hashOf(strconv.Itoa(min(p.B-p.A-1, 3))), types))

	// Words between, as a bag and at both ends.
	n := mb.From - ma.To
	buf = append(buf, feat(fDist, strconv.Itoa(min(max(n, 0), 10)/2)))
	if n > 0 {
		for i := ma.To; i < mb.From && i < ma.To+maxBetween; i++ {
			buf = append(buf, feat(fBetween, s.Words[i].Lemma))
			if c := s.Words[i].Cue; c != "" {
				buf = append(buf, featH(fBetweenCue, hashOf(c), types))
			}
		}
		buf = append(buf, feat(fBetweenFirst, s.Words[ma.To].Lemma), feat(fBetweenLast, s.Words[mb.From-1].Lemma))
		if n > maxBetween {
			buf = append(buf, feat(fBetweenLong))
		}
	}
	before, after := "<s>", "</s>"
	if ma.From > 0 {
		before = s.Words[ma.From-1].Lemma
	}
	if mb.To < len(s.Words) {
		after = s.Words[mb.To].Lemma
	}
	buf = append(buf, feat(fBefore, before), feat(fAfter, after))

	// The dependency path.
	up, down, lca := path(s.Words, ma.Word, mb.Word)
	if lca < 0 {
		buf = append(buf, feat(fPathLen, "none"))
	} else {
		labels, lemmas, back, cls := newFNV(), newFNV(), newFNV(), newFNV()
		neg, hedge := false, false
		for _, i := range up {
			labels.add(s.Words[i].Deprel, "^")
			back.add(s.Words[i].Deprel, "^")
			cls.add(s.Words[i].Deprel, "^")
			if i != ma.Word {
				lemmas.add(s.Words[i].Lemma, "^")
				cls.add(wordClass(s.Words[i]), "^")
				buf = append(buf, feat(fPathLemma, s.Words[i].Lemma))
				if c := s.Words[i].Cue; c != "" {
					buf = append(buf, featH(fPathCue, hashOf(c), types))
				}
			}
			neg = neg || s.Words[i].Neg
			hedge = hedge || hedges[s.Words[i].Lemma]
		}
		trig := s.Words[lca].Lemma
		if lca == ma.Word || lca == mb.Word {
			trig = "<end>"
		}
		labels.add("|")
		lemmas.add("|", trig, "|")
		trigClass := "<end>"
		if trig != "<end>" {
			trigClass = wordClass(s.Words[lca])
			if c := s.Words[lca].Cue; c != "" {
				buf = append(buf, featH(fPathCue, hashOf(c), types))
			}
		}
		cls.add("|", trigClass, "|")
		back.add("|", s.Words[lca].UPOS, "|")
		for k := len(down) - 1; k >= 0; k-- {
			i := down[k]
			labels.add("v", s.Words[i].Deprel)
			back.add("v", s.Words[i].Deprel)
			cls.add("v", s.Words[i].Deprel)
			if i != mb.Word {
				lemmas.add("v", s.Words[i].Lemma)
				cls.add("v", wordClass(s.Words[i]))
				buf = append(buf, feat(fPathLemma, s.Words[i].Lemma))
				if c := s.Words[i].Cue; c != "" {
					buf = append(buf, featH(fPathCue, hashOf(c), types))
				}
			}
			neg = neg || s.Words[i].Neg
			hedge = hedge || hedges[s.Words[i].Lemma]
		}
		neg = neg || s.Words[lca].Neg
		if h := s.Words[lca].Head; h >= 0 && hedges[s.Words[h].Lemma] {
			hedge = true
		}
		buf = append(buf, featH(fPathLabels, labels),
			featH(fPathLabels, labels, types),
			featH(fPathLemmas, lemmas),
			featH(fPathBack, back, types),
			feat(fTrigger, trig),
			featH(fTriggerTypes, hashOf(trig), types),
			feat(fPathLen, strconv.Itoa(len(up)+len(down))),
			featH(fPathClasses, cls),
			featH(fPathClasses, cls, types),
			featH(fPathLenTypes, hashOf(strconv.Itoa(len(up)+len(down))), types))
		ea, eb := "", ""
		if len(up) > 0 {
			ea = s.Words[up[len(up)-1]].Deprel
		}
		if len(down) > 0 {
			eb = s.Words[down[len(down)-1]].Deprel
		}
		buf = append(buf, feat(fEndDeps, ea, eb), feat(fTriggerEnds, trig, ea, eb),
			featH(fTriggerClass, hashOf(trigClass), hashOf(ea), hashOf(eb), types),
			featH(fTriggerClass, hashOf(trigClass), types))
		if neg {
			buf = append(buf, feat(fNeg))
		}
		if hedge {
			buf = append(buf, feat(fHedge))
		}
	}

	return buf
}

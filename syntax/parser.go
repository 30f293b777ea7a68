package syntax

import (
	"math"

	"github.com/newsgraph/newsgraph/wordfeat"
)

// The parser is greedy arc-eager (Nivre 2003) with a single-root constraint,
// scored by an averaged perceptron over the feature set of Zhang and Nivre
// (2011), trained with the dynamic oracle of Goldberg and Nivre (2012).

// Transitions. The arc's label is chosen by a second classifier when an arc
// transition wins, which keeps scoring cheap (4 classes per step).
const (
	trShift = iota
	trReduce
	trLeft
	trRight
	nTransitions
)

// pstate is a parser configuration over words 1..n; 0 is the artificial root.
type pstate struct {
	n          int
	stack      []int32
	b          int
	head, rel  []int32 // -1 = none
	l1, l2     []int32 // leftmost and second-leftmost dependents, -1 none
	r1, r2     []int32
	nl, nr     []int32
	lset, rset []uint64
	rootChild  int32
}

func (s *pstate) reset(n int) {
	s.n = n
	grow := func(a []int32) []int32 {
		if cap(a) < n+1 {
			return make([]int32, n+1)
		}
		return a[:n+1]
	}
	s.head, s.rel = grow(s.head), grow(s.rel)
	s.l1, s.l2, s.r1, s.r2 = grow(s.l1), grow(s.l2), grow(s.r1), grow(s.r2)
	s.nl, s.nr = grow(s.nl), grow(s.nr)
	if cap(s.lset) < n+1 {
		s.lset, s.rset = make([]uint64, n+1), make([]uint64, n+1)
	}
	s.lset, s.rset = s.lset[:n+1], s.rset[:n+1]
	for i := 0; i <= n; i++ {
		s.head[i], s.rel[i] = -1, -1
		s.l1[i], s.l2[i], s.r1[i], s.r2[i] = -1, -1, -1, -1
		s.nl[i], s.nr[i] = 0, 0
		s.lset[i], s.rset[i] = 0, 0
	}
	s.stack = append(s.stack[:0], 0)
	s.b = 1
	s.rootChild = -1
}

func (s *pstate) done() bool { return s.b > s.n }

func (s *pstate) s0() int32 {
	if len(s.stack) == 0 {
		return -1
	}
	return s.stack[len(s.stack)-1]
}

func (s *pstate) addArc(h, d, l int32) {
	s.head[d], s.rel[d] = h, l
	if h == 0 {
		s.rootChild = d
	}
	if d < h {
		s.nl[h]++
		s.lset[h] |= 1 << uint(l&63)
		if s.l1[h] == -1 || d < s.l1[h] {
			s.l2[h] = s.l1[h]
			s.l1[h] = d
		} else if s.l2[h] == -1 || d < s.l2[h] {
			s.l2[h] = d
		}
	} else {
		s.nr[h]++
		s.rset[h] |= 1 << uint(l&63)
		if s.r1[h] == -1 || d > s.r1[h] {
			s.r2[h] = s.r1[h]
			s.r1[h] = d
		} else if s.r2[h] == -1 || d > s.r2[h] {
			s.r2[h] = d
		}
	}
}

// legal reports whether transition t can apply.
func (s *pstate) legal(t int) bool {
	s0 := s.s0()
	switch t {
	case trShift:
		return s.b <= s.n
	case trReduce:
		return s0 > 0 && s.head[s0] != -1
	case trLeft:
		return s.b <= s.n && s0 > 0 && s.head[s0] == -1
	}
	return s.b <= s.n && s0 >= 0 && (s0 > 0 || s.rootChild == -1)
}

// apply performs transition t; l is the label of an arc.
func (s *pstate) apply(t int, l int32) {
	switch t {
	case trShift:
		s.stack = append(s.stack, int32(s.b))
		s.b++
		return
	case trReduce:
		s.stack = s.stack[:len(s.stack)-1]
		return
	}
	s0 := s.s0()
	if t == trLeft {
		s.addArc(int32(s.b), s0, l)
		s.stack = s.stack[:len(s.stack)-1]
		return
	}
	s.addArc(s0, int32(s.b), l)
	s.stack = append(s.stack, int32(s.b))
	s.b++
}

// finish attaches words left without a head: to the root word, or the first
// of them becomes the root.
func (s *pstate) finish(rootLabel, punctLabel, depLabel int32, punct []bool) {
	for i := 1; i <= s.n; i++ {
		if s.head[i] != -1 {
			continue
		}
		if s.rootChild == -1 {
			s.addArc(0, int32(i), rootLabel)
			continue
		}
		l := depLabel
		if punct[i] {
			l = punctLabel
		}
		s.addArc(s.rootChild, int32(i), l)
	}
}

// pwords are the parser's per-word feature values; index 0 is the root.
type pwords struct {
	w  []uint64 // lowercased form hash
	t  []uint64 // tag class + 2 (1 = root)
	u  []uint64 // UPOS hash (1 = root): coarse tags generalize over tagging slips
	x  []uint64 // last three letters, for words seen rarely
	pc []int32  // punctuation tokens up to and including each word
}

func (pw *pwords) reset() {
	pw.w = append(pw.w[:0], 1)
	pw.t = append(pw.t[:0], 1)
	pw.u = append(pw.u[:0], 1)
	pw.x = append(pw.x[:0], 1)
	pw.pc = append(pw.pc[:0], 0)
}

func (pw *pwords) add(lower, suffix uint64, tagClass int, upos string) {
	pw.w = append(pw.w, lower)
	pw.x = append(pw.x, suffix)
	pw.t = append(pw.t, uint64(tagClass+2))
	pw.u = append(pw.u, wordfeat.String(upos))
	p := pw.pc[len(pw.pc)-1]
	if upos == "PUNCT" {
		p++
	}
	pw.pc = append(pw.pc, p)
}

func distBucket(d int32) uint64 {
	switch {
	case d <= 0:
		return 0
	case d <= 4:
		return uint64(d)
	case d <= 7:
		return 5
	case d <= 12:
		return 6
	}
	return 7
}

func cap5(v int32) uint64 { return uint64(min(v, 5)) }

// parseFeats writes the features of configuration s.
func parseFeats(s *pstate, pw *pwords, out []uint64) []uint64 {
	const none = 0
	wv := func(i int32) uint64 {
		if i < 0 {
			return none
		}
		return pw.w[i]
	}
	tv := func(i int32) uint64 {
		if i < 0 {
			return none
		}
		return pw.t[i]
	}
	xv := func(i int32) uint64 {
		if i < 0 {
			return none
		}
		return pw.x[i]
	}
	uv := func(i int32) uint64 {
		if i < 0 {
			return none
		}
		return pw.u[i]
	}
	lv := func(i int32) uint64 {
		if i < 0 {
			return none
		}
		return uint64(s.rel[i] + 2)
	}
	at := func(a []int32, i int32) int32 {
		if i < 0 {
			return -1
		}
		return a[i]
	}
	s0 := s.s0()
	s1, s2 := int32(-1), int32(-1)
	if len(s.stack) > 1 {
		s1 = s.stack[len(s.stack)-2]
	}
	if len(s.stack) > 2 {
		s2 = s.stack[len(s.stack)-3]
	}
	n0, n1, n2 := int32(-1), int32(-1), int32(-1)
	if s.b <= s.n {
		n0 = int32(s.b)
	}
	if s.b+1 <= s.n {
		n1 = int32(s.b + 1)
	}
	if s.b+2 <= s.n {
		n2 = int32(s.b + 2)
	}
	s0h := at(s.head, s0)
	s0h2 := at(s.head, s0h)
	s0l, s0r, s0l2, s0r2 := at(s.l1, s0), at(s.r1, s0), at(s.l2, s0), at(s.r2, s0)
	n0l, n0l2 := at(s.l1, n0), at(s.l2, n0)

	s0w, s0t, n0w, n0t := wv(s0), tv(s0), wv(n0), tv(n0)
	n1w, n1t, n2w, n2t := wv(n1), tv(n1), wv(n2), tv(n2)
	d := uint64(0)
	if s0 >= 0 && n0 >= 0 {
		d = distBucket(n0 - s0)
		if s0 == 0 {
			d = 8
		}
	}
	s0u, n0u, n1u := uv(s0), uv(n0), uv(n1)
	pb := uint64(9)
	if s0 >= 0 && n0 >= 0 {
		pb = uint64(min(pw.pc[n0-1]-pw.pc[s0], 3))
	}
	var s0vl, s0vr, n0vl uint64
	var s0sl, s0sr, n0sl uint64
	if s0 >= 0 {
		s0vl, s0vr, s0sl, s0sr = cap5(s.nl[s0]), cap5(s.nr[s0]), s.lset[s0], s.rset[s0]
	}
	if n0 >= 0 {
		n0vl, n0sl = cap5(s.nl[n0]), s.lset[n0]
	}
	return append(out,
		feat(100),
		// single words
		feat(101, s0w, s0t), feat(102, s0w), feat(103, s0t),
		feat(104, n0w, n0t), feat(105, n0w), feat(106, n0t),
		feat(107, n1w, n1t), feat(108, n1w), feat(109, n1t),
		feat(110, n2w, n2t), feat(111, n2w), feat(112, n2t),
		// pairs
		feat(113, s0w, s0t, n0w, n0t), feat(114, s0w, s0t, n0w), feat(115, s0w, n0w, n0t),
		feat(116, s0w, s0t, n0t), feat(117, s0t, n0w, n0t), feat(118, s0w, n0w), feat(119, s0t, n0t),
		feat(120, n0t, n1t),
		// triples of tags
		feat(121, n0t, n1t, n2t), feat(122, s0t, n0t, n1t), feat(123, tv(s0h), s0t, n0t),
		feat(124, s0t, tv(s0l), n0t), feat(125, s0t, tv(s0r), n0t), feat(126, s0t, n0t, tv(n0l)),
		// distance
		feat(127, s0w, d), feat(128, s0t, d), feat(129, n0w, d), feat(130, n0t, d),
		feat(131, s0w, n0w, d), feat(132, s0t, n0t, d),
		// valency
		feat(133, s0w, s0vr), feat(134, s0t, s0vr), feat(135, s0w, s0vl), feat(136, s0t, s0vl),
		feat(137, n0w, n0vl), feat(138, n0t, n0vl),
		// second-order unigrams
		feat(139, wv(s0h)), feat(140, tv(s0h)), feat(141, lv(s0)),
		feat(142, wv(s0l)), feat(143, tv(s0l)), feat(144, lv(s0l)),
		feat(145, wv(s0r)), feat(146, tv(s0r)), feat(147, lv(s0r)),
		feat(148, wv(n0l)), feat(149, tv(n0l)), feat(150, lv(n0l)),
		// third order
		feat(151, wv(s0h2)), feat(152, tv(s0h2)), feat(153, lv(s0h)),
		feat(154, wv(s0l2)), feat(155, tv(s0l2)), feat(156, lv(s0l2)),
		feat(157, wv(s0r2)), feat(158, tv(s0r2)), feat(159, lv(s0r2)),
		feat(160, wv(n0l2)), feat(161, tv(n0l2)), feat(162, lv(n0l2)),
		feat(163, s0t, tv(s0l), tv(s0l2)), feat(164, s0t, tv(s0r), tv(s0r2)),
		feat(165, s0t, tv(s0h), tv(s0h2)), feat(166, n0t, tv(n0l), tv(n0l2)),
		// label sets
		feat(167, s0w, s0sr), feat(168, s0t, s0sr), feat(169, s0w, s0sl), feat(170, s0t, s0sl),
		feat(171, n0w, n0sl), feat(172, n0t, n0sl),
		// second stack word
		feat(173, tv(s1)), feat(174, wv(s1), tv(s1)), feat(175, tv(s1), s0t, n0t), feat(176, tv(s1), lv(s1)),
		feat(177, s0t, lv(s0), n0t), feat(178, s0w, lv(s0), n0t),
		// coarse tags
		feat(179, s0u, n0u), feat(180, s0u, n0u, n1u), feat(181, uv(s1), s0u, n0u), feat(182, s0w, n0u),
		feat(183, s0u, n0w), feat(184, s0u, uv(s0l), n0u), feat(185, s0u, uv(s0r), n0u), feat(186, s0u, n0u, uv(n0l)),
		feat(187, uv(s0h), s0u, n0u), feat(188, s0u, n0u, d),
		// punctuation between s0 and n0
		feat(189, pb), feat(190, pb, s0u, n0u), feat(191, pb, s0t, n0t, d),
		// more context
		feat(192, n0w, n1w), feat(193, s0w, n0w, n1u), feat(194, wv(s1), s0w), feat(195, uv(s1), uv(s0l), s0u),
		// suffixes and the third stack word
		feat(196, xv(s0), n0u), feat(197, s0u, xv(n0)), feat(198, xv(n0), n1u), feat(199, uv(s2), uv(s1), s0u),
		feat(200, uv(s2), s0u, n0u),
	)
}

// labelFeats derives the label classifier's features from the configuration's
// features, conjoined with the arc's direction.
func labelFeats(feats []uint64, left bool, out []uint64) []uint64 {
	salt := uint64(0x3c6ef372fe94f82b)
	if left {
		salt = 0xa54ff53a5f1d36f1
	}
	for _, f := range feats {
		out = append(out, wordfeat.Mix(f, salt)&featMask)
	}
	return out
}

// parser holds the transition and label classifiers.
type parser struct {
	m, lm      *linear
	labels     []string
	rootLabel  int32
	punctLabel int32
	depLabel   int32

	keysForSave, lkeysForSave       []uint64
	entriesForSave, lentriesForSave [][]entry
}

// bestTransition returns the highest-scoring legal transition.
func bestTransition(s *pstate, scores []float32) int {
	best := -1
	for t := 0; t < nTransitions; t++ {
		if (best == -1 || scores[t] > scores[best]) && s.legal(t) {
			best = t
		}
	}
	return best
}

// bestLabel returns the highest-scoring label allowed for an arc from s0
// (the root takes only the root label, nothing else does).
func (p *parser) bestLabel(fromRoot bool, scores []float32) int32 {
	if fromRoot {
		return p.rootLabel
	}
	best := int32(-1)
	for l := int32(0); l < int32(len(scores)); l++ {
		if l != p.rootLabel && (best == -1 || scores[l] > scores[best]) {
			best = l
		}
	}
	return best
}

// Parsing keeps up to beamWidth transition sequences, scored by the sum of
// their transitions' log-probabilities (a softmax of the perceptron's scores
// at temperature beamTemp, in weight units), and drops those more than
// beamMargin below the best: where the parser is sure, one sequence goes on
// alone, so the beam costs little beyond greedy parsing. The settings were
// chosen on EWT dev (the greedy-trained model gains about 0.4 UAS and LAS;
// wider beams gain no more).
const (
	beamWidth  = 2
	beamTemp   = 50
	beamMargin = 0.75
)

// copyFrom makes s a copy of o.
func (s *pstate) copyFrom(o *pstate) {
	s.n, s.b, s.rootChild = o.n, o.b, o.rootChild
	s.stack = append(s.stack[:0], o.stack...)
	s.head, s.rel = append(s.head[:0], o.head...), append(s.rel[:0], o.rel...)
	s.l1, s.l2 = append(s.l1[:0], o.l1...), append(s.l2[:0], o.l2...)
	s.r1, s.r2 = append(s.r1[:0], o.r1...), append(s.r2[:0], o.r2...)
	s.nl, s.nr = append(s.nl[:0], o.nl...), append(s.nr[:0], o.nr...)
	s.lset, s.rset = append(s.lset[:0], o.lset...), append(s.rset[:0], o.rset...)
}

// beamScratch is the working memory of a parse, reused across sentences.
type beamScratch struct {
	bufs          [2][beamWidth]pstate
	cur, next     []pstate
	score, nscore [beamWidth]float32
	feats         [beamWidth][]uint64
	lfeats        []uint64
	cands         []beamCand
	scores        [nTransitions]float32
	lscores       []float32
}

// beamCand is a sequence of the beam extended by transition t (-1: the
// sequence is complete and carried over).
type beamCand struct {
	from  int
	t     int
	score float32
}

// parse returns the tree of the words in pw (len n+1, index 0 root).
func (p *parser) parse(bs *beamScratch, pw *pwords, punct []bool) *pstate {
	n := len(pw.w) - 1
	if len(bs.lscores) != len(p.labels) {
		bs.lscores = make([]float32, len(p.labels))
	}
	scale := p.m.scale / beamTemp
	if bs.cur == nil {
		bs.cur, bs.next = bs.bufs[0][:], bs.bufs[1][:]
	}
	bs.score[0] = 0
	bs.cur[0].reset(n)
	live := 1
	for {
		bs.cands = bs.cands[:0]
		allDone := true
		for i := 0; i < live; i++ {
			s := &bs.cur[i]
			if s.done() {
				bs.cands = append(bs.cands, beamCand{i, -1, bs.score[i]})
				continue
			}
			allDone = false
			bs.feats[i] = parseFeats(s, pw, bs.feats[i][:0])
			scores := bs.scores[:]
			clear(scores)
			p.m.score(bs.feats[i], scores)
			top := scores[bestTransition(s, scores)]
			sum := 0.0
			for t := 0; t < nTransitions; t++ {
				if s.legal(t) {
					sum += math.Exp(float64(scores[t]-top) * scale)
				}
			}
			lz := math.Log(sum)
			for t := 0; t < nTransitions; t++ {
				if s.legal(t) {
					bs.cands = append(bs.cands, beamCand{i, t, bs.score[i] + float32(float64(scores[t]-top)*scale-lz)})
				}
			}
		}
		if allDone {
			break
		}
		// The best candidates first (ties keep their order).
		m := min(beamWidth, len(bs.cands))
		for i := 0; i < m; i++ {
			b := i
			for j := i + 1; j < len(bs.cands); j++ {
				if bs.cands[j].score > bs.cands[b].score {
					b = j
				}
			}
			bs.cands[i], bs.cands[b] = bs.cands[b], bs.cands[i]
		}
		for m > 1 && bs.cands[m-1].score < bs.cands[0].score-beamMargin {
			m--
		}
		var kids [beamWidth]int
		for _, c := range bs.cands[:m] {
			kids[c.from]++
		}
		for i, c := range bs.cands[:m] {
			// A sequence that only one candidate extends moves instead of being copied.
			if kids[c.from]--; kids[c.from] == 0 {
				bs.next[i], bs.cur[c.from] = bs.cur[c.from], bs.next[i]
			} else {
				bs.next[i].copyFrom(&bs.cur[c.from])
			}
			bs.nscore[i] = c.score
			if c.t >= 0 {
				ns := &bs.next[i]
				ns.apply(c.t, p.label(ns, c.t, bs.feats[c.from], bs))
			}
		}
		bs.cur, bs.next = bs.next, bs.cur
		bs.score, bs.nscore = bs.nscore, bs.score
		live = m
	}
	best := 0
	for i := 1; i < live; i++ {
		if bs.score[i] > bs.score[best] {
			best = i
		}
	}
	s := &bs.cur[best]
	s.finish(p.rootLabel, p.punctLabel, p.depLabel, punct)
	return s
}

// label returns the label of the arc transition t makes in s (-1 for
// shift and reduce); feats are the features of s.
func (p *parser) label(s *pstate, t int, feats []uint64, bs *beamScratch) int32 {
	switch {
	case t != trLeft && t != trRight:
		return -1
	case t == trRight && s.s0() == 0:
		return p.rootLabel
	}
	bs.lfeats = labelFeats(feats, t == trLeft, bs.lfeats[:0])
	clear(bs.lscores)
	p.lm.score(bs.lfeats, bs.lscores)
	return p.bestLabel(false, bs.lscores)
}

package syntax

import (
	"math/rand/v2"
	"slices"

	"github.com/newsgraph/newsgraph/perceptron"
)

// projectivize lifts non-projective arcs to the head's head until the tree is
// projective, so the arc-eager oracle can reach it (heads: 1-based, 0 root).
func projectivize(heads []int) []int {
	h := slices.Clone(heads)
	n := len(h)
	for iter := 0; iter < 4*n; iter++ {
		worst, wlen := -1, 0
		for d := 1; d <= n; d++ {
			hd := h[d-1]
			if hd == 0 {
				continue
			}
			lo, hi := min(d, hd), max(d, hd)
			np := false
			for k := lo + 1; k < hi && !np; k++ {
				// k must be dominated by hd.
				a := k
				for steps := 0; a != 0 && a != hd && steps <= n; steps++ {
					a = h[a-1]
				}
				np = a != hd
			}
			if np && (worst == -1 || hi-lo < wlen) {
				worst, wlen = d, hi-lo
			}
		}
		if worst == -1 {
			break
		}
		h[worst-1] = h[h[worst-1]-1]
	}
	return h
}

// oracle holds one sentence's gold tree for the dynamic oracle (index 0 root).
type oracle struct {
	gh, gl []int32
}

// costs returns the number of gold arcs each unlabeled transition would make
// unreachable.
func (o *oracle) costs(s *pstate) (c [nTransitions]int) {
	s0 := s.s0()
	b := int32(s.b)
	n := int32(s.n)
	if b <= n {
		for _, k := range s.stack {
			if o.gh[k] == b && s.head[k] == -1 {
				c[trShift]++
			}
			if o.gh[b] == k {
				c[trShift]++
			}
		}
	}
	if s0 > 0 {
		for k := b; k <= n; k++ {
			if o.gh[k] == s0 {
				c[trReduce]++
			}
		}
	}
	if s0 > 0 && b <= n {
		c[trLeft] = c[trReduce]
		if o.gh[s0] > b {
			c[trLeft]++
		}
	}
	if s0 >= 0 && b <= n {
		if g := o.gh[b]; g != s0 {
			if g > b {
				c[trRight]++
			} else {
				for _, k := range s.stack {
					if k == g {
						c[trRight]++
						break
					}
				}
			}
		}
		for _, k := range s.stack {
			if o.gh[k] == b && s.head[k] == -1 {
				c[trRight]++
			}
		}
	}
	return c
}

// parserItem is one training sentence for the parser.
type parserItem struct {
	pw    pwords
	punct []bool
	o     oracle
}

func trainParser(items []parserItem, labels []string, opt *TrainOptions, rng *rand.Rand) *parser {
	p := &parser{labels: labels}
	p.rootLabel = int32(slices.Index(labels, "root"))
	p.punctLabel = int32(slices.Index(labels, "punct"))
	p.depLabel = int32(slices.Index(labels, "dep"))
	tr := perceptron.New()
	ltr := perceptron.New()
	scores := make([]float32, nTransitions)
	lscores := make([]float32, len(labels))
	var feats, lfeats []uint64
	var s pstate
	order := make([]int, len(items))
	for i := range order {
		order[i] = i
	}
	var best *parser
	bestScore, bestEpoch := 0.0, 0
	for ep := 0; ep < opt.ParserEpochs; ep++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		correct, total, lright, ltotal := 0, 0, 0, 0
		for _, si := range order {
			it := &items[si]
			n := len(it.pw.w) - 1
			s.reset(n)
			for !s.done() {
				feats = parseFeats(&s, &it.pw, feats[:0])
				clear(scores)
				tr.Score(feats, scores)
				c := it.o.costs(&s)
				pred, gold := -1, -1
				for t := 0; t < nTransitions; t++ {
					if !s.legal(t) {
						continue
					}
					if pred == -1 || scores[t] > scores[pred] {
						pred = t
					}
					if gold == -1 || c[t] < c[gold] || c[t] == c[gold] && scores[t] > scores[gold] {
						gold = t
					}
				}
				tr.Tick()
				next := pred
				if c[pred] > c[gold] {
					tr.Update(feats, gold, pred)
					if ep == 0 || rng.Float64() >= opt.ParserExplore {
						next = gold
					}
				} else {
					correct++
				}
				total++
				l := int32(-1)
				if next == trLeft || next == trRight {
					h, d := int32(s.b), s.s0()
					if next == trRight {
						h, d = s.s0(), int32(s.b)
					}
					if h == 0 {
						l = p.rootLabel
					} else {
						lfeats = labelFeats(feats, next == trLeft, lfeats[:0])
						clear(lscores)
						ltr.Score(lfeats, lscores)
						l = p.bestLabel(false, lscores)
						if it.o.gh[d] == h {
							ltr.Tick()
							ltr.Update(lfeats, int(it.o.gl[d]), int(l))
							lright += b2i(l == it.o.gl[d])
							ltotal++
						}
					}
				}
				s.apply(next, l)
			}
			s.finish(p.rootLabel, p.punctLabel, p.depLabel, it.punct)
		}
		opt.logf("parser epoch %d: transitions right %.4f, labels right %.4f, %d+%d features", ep+1,
			float64(correct)/float64(total), float64(lright)/float64(max(ltotal, 1)), tr.Features(), ltr.Features())
		if opt.epochDone == nil {
			continue
		}
		// With Patience, keep the averaged weights of the epoch that scores
		// best on dev, and stop once Patience epochs in a row have not bettered it.
		q := *p
		q.keysForSave, q.entriesForSave = averaged(tr, opt.MinWeight)
		q.m = build(nTransitions, q.keysForSave, q.entriesForSave)
		q.lkeysForSave, q.lentriesForSave = averaged(ltr, opt.MinWeight)
		q.lm = build(len(labels), q.lkeysForSave, q.lentriesForSave)
		if sc := opt.epochDone(&q); best == nil || sc > bestScore {
			best, bestScore, bestEpoch = &q, sc, ep+1
		} else if opt.Patience > 0 && ep+1-bestEpoch >= opt.Patience {
			break
		}
	}
	if best != nil && opt.Patience > 0 {
		opt.logf("parser: keeping epoch %d", bestEpoch)
		return best
	}
	p.keysForSave, p.entriesForSave = averaged(tr, opt.MinWeight)
	p.m = build(nTransitions, p.keysForSave, p.entriesForSave)
	p.lkeysForSave, p.lentriesForSave = averaged(ltr, opt.MinWeight)
	p.lm = build(len(labels), p.lkeysForSave, p.lentriesForSave)
	return p
}

package syntax

import "github.com/newsgraph/newsgraph/wordfeat"

// wordInfo holds the hashed surface features of one token.
type wordInfo struct {
	form, lower, shape uint64
	suf                [4]uint64 // last 1..4 characters, lowercased
	pre                [3]uint64 // first 1..3 characters, lowercased
	flags              uint64    // capitalization, digits, hyphen
	amb                uint64    // the word's ambiguity class in the training data (0 unknown)
}

var (
	padLeft  = wordInfo{form: 11, lower: 11, shape: 11, suf: [4]uint64{11, 11, 11, 11}, pre: [3]uint64{11, 11, 11}}
	padRight = wordInfo{form: 13, lower: 13, shape: 13, suf: [4]uint64{13, 13, 13, 13}, pre: [3]uint64{13, 13, 13}}
)

// tagFlags are the surface flags the tagger's model was trained with.
const tagFlags = wordfeat.Upper | wordfeat.AllCap | wordfeat.Digit | wordfeat.Hyphen | wordfeat.Punct

// describe fills w from the token text; buf is scratch space for lowercasing.
func describe(s string, w *wordInfo, buf []byte) []byte {
	buf, w.shape, w.flags = wordfeat.Surface(s, buf[:0], wordfeat.Shape{Len: 8})
	w.flags &= tagFlags
	w.form = wordfeat.String(s)
	w.lower = wordfeat.Bytes(buf)
	for j := range w.suf {
		w.suf[j] = wordfeat.Suffix(buf, j+1) + uint64(j)
	}
	for j := range w.pre {
		w.pre[j] = wordfeat.Prefix(buf, j+1) + uint64(j)*7
	}
	return buf
}

// tagFeats writes the tagger's features for word i (ws is padded by two on
// each side, so word i is ws[i+2]); p1, p2 are the two previous tags.
func tagFeats(ws []wordInfo, i, p1, p2 int, out []uint64) []uint64 {
	w := &ws[i+2]
	l1, l2, r1, r2 := &ws[i+1], &ws[i], &ws[i+3], &ws[i+4]
	first := uint64(0)
	if i == 0 {
		first = 1
	}
	t1, t2 := uint64(p1+1), uint64(p2+1)
	return append(out,
		feat(1),
		feat(2, w.lower),
		feat(3, w.form),
		feat(4, w.suf[0]), feat(5, w.suf[1]), feat(6, w.suf[2]), feat(7, w.suf[3]),
		feat(8, w.pre[0]), feat(9, w.pre[1]), feat(10, w.pre[2]),
		feat(11, w.shape),
		feat(12, w.flags, first),
		feat(13, l1.lower), feat(14, r1.lower), feat(15, l2.lower), feat(16, r2.lower),
		feat(17, l1.suf[2]), feat(18, r1.suf[2]), feat(19, r1.shape),
		feat(20, t1), feat(21, t2), feat(22, t1, t2),
		feat(23, t1, w.lower),
		feat(24, w.lower, r1.lower), feat(25, l1.lower, w.lower),
		feat(26, t1, w.suf[2]), feat(27, r1.suf[0]), feat(28, l1.shape, w.shape),
		feat(29, w.lower, r1.suf[1]), feat(30, t1, r1.lower),
		feat(31, w.amb), feat(32, r1.amb), feat(33, r2.amb), feat(34, w.amb, r1.amb), feat(35, t1, w.amb),
		feat(36, l1.amb, w.amb, r1.amb),
	)
}

// tagger assigns combined UPOS and XPOS classes.
type tagger struct {
	m          *linear
	amb        map[uint64]uint64 // lowercased word hash -> ambiguity class
	upos, xpos []string          // per class

	// kept from training for writing the model file
	keysForSave    []uint64
	entriesForSave [][]entry
}

// tagSentence tags the words of one sentence; ws is padded (see tagFeats).
func (tg *tagger) tagSentence(ws []wordInfo, tags []int, feats []uint64, scores []float32) []uint64 {
	n := len(ws) - 4
	p1, p2 := -1, -2
	for i := 0; i < n; i++ {
		feats = tagFeats(ws, i, p1, p2, feats[:0])
		clear(scores)
		tg.m.score(feats, scores)
		best := 0
		for c := 1; c < len(scores); c++ {
			if scores[c] > scores[best] {
				best = c
			}
		}
		tags[i] = best
		p2, p1 = p1, best
	}
	return feats
}

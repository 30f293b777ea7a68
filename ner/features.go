package ner

import (
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/wordfeat"
)

// wordInfo holds the hashed surface features of one word.
type wordInfo struct {
	lower, shape uint64
	suf          [3]uint64 // last 2..4 characters, lowercased
	pre          uint64    // first 3 characters, lowercased
	flags        uint64    // capitalization, digits, hyphen, punctuation
	lex          uint64    // the word's lexicon class (see lexClass), 0 unknown
}

const (
	flagDigit    = wordfeat.Digit
	flagAnyUpper = wordfeat.AnyUpper
	flagFirst    = 1 << 6 // first word of the sentence (a bit wordfeat leaves free)
)

var (
	padLeft  = wordInfo{lower: 11, shape: 11, suf: [3]uint64{11, 11, 11}, pre: 11, flags: 1 << 10, lex: 11}
	padRight = wordInfo{lower: 13, shape: 13, suf: [3]uint64{13, 13, 13}, pre: 13, flags: 1 << 11, lex: 13}
)

// feat hashes a feature template and its values; 0 is never returned,
// since it marks an empty slot.
func feat(t uint64, vals ...uint64) uint64 { return wordfeat.Feature(t, vals...) | 1 }

// lowerKey is the lexicon key of a word: the hash of its lowercased form.
func lowerKey(s string, buf []byte) (uint64, []byte) {
	buf = buf[:0]
	for _, r := range s {
		buf = utf8.AppendRune(buf, unicode.ToLower(r))
	}
	return wordfeat.Bytes(buf), buf
}

// describe fills w from the word; buf is scratch space for lowercasing.
func describe(s string, w *wordInfo, buf []byte) []byte {
	buf, w.shape, w.flags = wordfeat.Surface(s, buf[:0], wordfeat.Shape{Len: 6, NoBreakHyphen: true})
	w.lower = wordfeat.Bytes(buf)
	for j := range w.suf {
		w.suf[j] = wordfeat.Suffix(buf, j+2) + uint64(j+1)
	}
	w.pre = wordfeat.Prefix(buf, 3) + 7
	return buf
}

// describeAll describes words, padded by two on each side.
func (m *Model) describeAll(words []string, ws []wordInfo, buf []byte) ([]wordInfo, []byte) {
	ws = append(ws, padLeft, padLeft)
	for i, s := range words {
		var w wordInfo
		buf = describe(s, &w, buf)
		if i == 0 {
			w.flags |= flagFirst
		}
		w.lex = uint64(m.lex[w.lower])
		ws = append(ws, w)
	}
	return append(ws, padRight, padRight), buf
}

// features writes the features of word i (ws is padded by two on each
// side, so word i is ws[i+2]); p1, p2 are the two previous classes.
func features(ws []wordInfo, i, p1, p2 int, out []uint64) []uint64 {
	w := &ws[i+2]
	l1, l2, r1, r2 := &ws[i+1], &ws[i], &ws[i+3], &ws[i+4]
	t1, t2 := uint64(p1+2), uint64(p2+2)
	return append(out,
		feat(1),
		feat(2, w.lower),
		feat(3, w.shape),
		feat(4, w.suf[0]), feat(5, w.suf[1]), feat(6, w.suf[2]), feat(7, w.pre),
		feat(8, w.flags),
		feat(9, w.lex), feat(10, w.lex, w.flags),
		feat(11, l1.lower), feat(12, r1.lower), feat(13, l2.lower), feat(14, r2.lower),
		feat(15, l1.shape), feat(16, r1.shape), feat(17, l1.shape, w.shape, r1.shape),
		feat(18, l1.lex), feat(19, r1.lex), feat(20, l1.lex, w.lex, r1.lex),
		feat(21, t1), feat(22, t1, t2), feat(23, t1, w.shape), feat(24, t1, w.lower), feat(25, t1, w.lex),
		feat(26, w.lower, r1.lower), feat(27, l1.lower, w.lower),
		feat(28, w.flags, r1.flags), feat(29, l1.lower, w.flags), feat(30, r1.lower, w.flags),
		feat(31, l1.flags, w.flags), feat(32, t1, r1.flags, r1.lex), feat(33, r1.suf[1]), feat(34, l1.suf[1]),
	)
}

// plain reports a word that cannot open a name in edited text: no capital,
// no digit, and no name before it to continue.
func plain(w *wordInfo, p1 int) bool {
	return p1 <= 0 && w.flags&(flagAnyUpper|flagDigit) == 0
}

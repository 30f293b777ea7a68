package ner

import (
	"unicode"
	"unicode/utf8"
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
	flagUpper    = 1 << iota // first letter upper
	flagAllCap               // all letters upper
	flagDigit                // has a digit
	flagHyphen               // has a hyphen
	flagPunct                // no letters or digits
	flagPeriod               // has a period ("U.S.", "Mr.")
	flagFirst                // first word of the sentence
	flagAnyUpper             // an upper-case letter anywhere
)

var (
	padLeft  = wordInfo{lower: 11, shape: 11, suf: [3]uint64{11, 11, 11}, pre: 11, flags: 1 << 10, lex: 11}
	padRight = wordInfo{lower: 13, shape: 13, suf: [3]uint64{13, 13, 13}, pre: 13, flags: 1 << 11, lex: 13}
)

// fnv hashes bytes (FNV-1a).
func fnv(b []byte) uint64 {
	h := uint64(14695981039346656037)
	for _, c := range b {
		h ^= uint64(c)
		h *= 1099511628211
	}
	return h
}

func mix(a, b uint64) uint64 {
	h := a ^ (b * 0x9E3779B97F4A7C15)
	h ^= h >> 31
	h *= 0xD6E8FEB86659FD93
	h ^= h >> 29
	return h
}

// feat hashes a feature template and its values; 0 is never returned,
// since it marks an empty slot.
func feat(t uint64, vals ...uint64) uint64 {
	h := t*0xA24BAED4963EE407 + 1
	for _, v := range vals {
		h = mix(h, v)
	}
	return h | 1
}

// lowerKey is the lexicon key of a word: the hash of its lowercased form.
func lowerKey(s string, buf []byte) (uint64, []byte) {
	buf = buf[:0]
	for _, r := range s {
		buf = utf8.AppendRune(buf, unicode.ToLower(r))
	}
	return fnv(buf), buf
}

// describe fills w from the word; buf is scratch space for lowercasing.
func describe(s string, w *wordInfo, buf []byte) []byte {
	buf = buf[:0]
	var shapeBuf [6]byte
	shape := shapeBuf[:0]
	var flags uint64
	letters, uppers := 0, 0
	var last byte
	for i, r := range s {
		lr := r
		var c byte
		switch {
		case unicode.IsUpper(r):
			lr = unicode.ToLower(r)
			c = 'X'
			letters++
			uppers++
			flags |= flagAnyUpper
			if i == 0 {
				flags |= flagUpper
			}
		case unicode.IsLetter(r):
			c = 'x'
			letters++
		case unicode.IsDigit(r):
			c = 'd'
			flags |= flagDigit
		default:
			c = '.'
			switch r {
			case '-', '\u2011':
				flags |= flagHyphen
				c = '-'
			case '.':
				flags |= flagPeriod
			}
		}
		if c != last && len(shape) < cap(shape) {
			shape = append(shape, c)
		}
		last = c
		buf = utf8.AppendRune(buf, lr)
	}
	if letters > 1 && uppers == letters {
		flags |= flagAllCap
	}
	if letters == 0 && flags&flagDigit == 0 {
		flags |= flagPunct
	}
	w.lower = fnv(buf)
	w.shape = fnv(shape) ^ 0x51
	w.flags = flags
	n := len(buf)
	k := n
	for j := 0; j < 4; j++ {
		if k > 0 {
			_, sz := utf8.DecodeLastRune(buf[:k])
			k -= sz
		}
		if j >= 1 {
			w.suf[j-1] = fnv(buf[k:n]) + uint64(j)
		}
	}
	k = 0
	for j := 0; j < 3 && k < n; j++ {
		_, sz := utf8.DecodeRune(buf[k:])
		k += sz
	}
	w.pre = fnv(buf[:k]) + 7
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

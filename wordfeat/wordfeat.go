// Package wordfeat hashes the features of the linear word taggers (the
// part-of-speech tagger and parser of package syntax, the name finder of
// package ner): feature templates with their values, and the surface of a
// word (lower-cased form, shape, capitalization flags, affixes).
//
// The hashes are part of the committed model files: changing any function
// here changes every feature and invalidates the models.
package wordfeat

import (
	"unicode"
	"unicode/utf8"
)

// Mix combines a hash with one more value.
func Mix(a, b uint64) uint64 {
	h := a ^ (b * 0x9E3779B97F4A7C15)
	h ^= h >> 31
	h *= 0xD6E8FEB86659FD93
	h ^= h >> 29
	return h
}

// Feature hashes feature template t and its values. Callers fold the
// result to their model's key space (syntax keeps 48 bits, ner sets the
// low bit so that no feature is 0).
func Feature(t uint64, vals ...uint64) uint64 {
	h := t*0xA24BAED4963EE407 + 1
	for _, v := range vals {
		h = Mix(h, v)
	}
	return h
}

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// String hashes s (FNV-1a).
func String(s string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

// Bytes hashes b (FNV-1a); Bytes(b) == String(string(b)).
func Bytes(b []byte) uint64 {
	h := uint64(fnvOffset)
	for _, c := range b {
		h ^= uint64(c)
		h *= fnvPrime
	}
	return h
}

// Surface flags of a word, as Surface sets them. Bit 6 is left to callers.
const (
	Upper    = 1 << 0 // first letter upper
	AllCap   = 1 << 1 // more than one letter, all upper
	Digit    = 1 << 2 // has a digit
	Hyphen   = 1 << 3 // has a hyphen
	Punct    = 1 << 4 // no letters or digits
	Period   = 1 << 5 // has a period ("U.S.", "Mr.")
	AnyUpper = 1 << 7 // an upper-case letter anywhere
)

// MaxShape is the longest shape Surface keeps.
const MaxShape = 8

// Shape options of Surface.
type Shape struct {
	// Len caps the shape at this many character classes (at most MaxShape).
	Len int
	// NoBreakHyphen counts U+2011 as a hyphen, not as punctuation.
	NoBreakHyphen bool
}

// Surface describes word s: it appends its lower-cased form to buf and
// returns it, the hash of its shape (its characters as X, x, d, - and .,
// runs folded, cut at opt.Len classes) and its flags.
func Surface(s string, buf []byte, opt Shape) (lower []byte, shape, flags uint64) {
	var shapeBuf [MaxShape]byte
	sh := shapeBuf[:0]
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
			flags |= AnyUpper
			if i == 0 {
				flags |= Upper
			}
		case unicode.IsLetter(r):
			c = 'x'
			letters++
		case unicode.IsDigit(r):
			c = 'd'
			flags |= Digit
		default:
			c = '.'
			switch {
			case r == '-', r == '\u2011' && opt.NoBreakHyphen:
				flags |= Hyphen
				c = '-'
			case r == '.':
				flags |= Period
			}
		}
		if c != last && len(sh) < opt.Len {
			sh = append(sh, c)
		}
		last = c
		buf = utf8.AppendRune(buf, lr)
	}
	if letters > 1 && uppers == letters {
		flags |= AllCap
	}
	if letters == 0 && flags&Digit == 0 {
		flags |= Punct
	}
	return buf, Bytes(sh) ^ 0x51, flags
}

// Suffix returns the hash of the last n characters of lower (of all of
// it when it is shorter).
func Suffix(lower []byte, n int) uint64 {
	k := len(lower)
	for ; n > 0 && k > 0; n-- {
		if lower[k-1] < utf8.RuneSelf {
			k--
			continue
		}
		_, sz := utf8.DecodeLastRune(lower[:k])
		k -= sz
	}
	return Bytes(lower[k:])
}

// Prefix returns the hash of the first n characters of lower (of all of
// it when it is shorter).
func Prefix(lower []byte, n int) uint64 {
	k := 0
	for ; n > 0 && k < len(lower); n-- {
		if lower[k] < utf8.RuneSelf {
			k++
			continue
		}
		_, sz := utf8.DecodeRune(lower[k:])
		k += sz
	}
	return Bytes(lower[:k])
}

package article

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// OffsetMap maps rune offsets of a normalized Article.Text back to byte
// offsets in the input the article was parsed from (for JSON input, in the
// decoded field strings). It is stored as runs so that it stays small: runes
// copied verbatim share one run; each rewritten rune starts a new one.
type OffsetMap struct {
	text string
	runs []run
	n    int // runes in text
}

// run says that normalized runes [norm, norm+count) start at byte nb of the
// normalized text and map to orig onward; within a verbatim run the original
// advances exactly as the normalized text does, and a rewritten rune is a run
// of its own.
type run struct {
	norm, count int
	nb          int
	orig        int
	verbatim    bool
}

// Orig returns the input byte offset of the rune at normalized offset i, or
// -1 when i is out of range or the rune was inserted by normalization (the
// blank line between paragraphs).
func (m *OffsetMap) Orig(i int) int {
	if m == nil || i < 0 || i >= m.n || len(m.runs) == 0 {
		return -1
	}
	k := sort.Search(len(m.runs), func(k int) bool { return m.runs[k].norm > i }) - 1
	if k < 0 {
		return -1
	}
	r := m.runs[k]
	if i >= r.norm+r.count || r.orig < 0 {
		return -1
	}
	if !r.verbatim {
		return r.orig
	}
	// Walk the normalized text from the start of the run: verbatim runes have
	// the same width in the input.
	b := r.nb
	for j := r.norm; j < i; j++ {
		_, w := utf8.DecodeRuneInString(m.text[b:])
		b += w
	}
	return r.orig + (b - r.nb)
}

// Len is the number of runes the map covers (the runes of Article.Text).
func (m *OffsetMap) Len() int {
	if m == nil {
		return 0
	}
	return m.n
}

// builder accumulates normalized text paragraph by paragraph, recording
// where each rune came from.
type builder struct {
	sb        strings.Builder
	n         int
	runs      []run
	space     bool // a collapsed run of white space is pending
	spaceOrig int
	paraOpen  bool // the current paragraph has text
	anyText   bool
}

// rewrite maps typographic runes to plain ones. The rule: curly quotes and
// primes become straight quotes; every dash keeps its rune so that rune
// offsets line up with the input; invisible format characters are dropped
// (returned as 0).
func rewrite(r rune) rune {
	switch r {
	case '\u2018', '\u2019', '\u201a', '\u201b', '\u2032':
		return '\''
	case '\u201c', '\u201d', '\u201e', '\u201f', '\u2033':
		return '"'
	case '\u00ad', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff':
		return 0
	}
	if r < 0x20 || (r >= 0x7f && r < 0xa0) {
		return 0 // control characters other than white space
	}
	return r
}

// isSpace reports white space inside a paragraph, including no-break spaces.
func isSpace(r rune) bool {
	return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f' || r == '\v' ||
		unicode.Is(unicode.Zs, r)
}

// add appends s, whose first byte sits at byte orig of the input (orig < 0
// when unknown), to the current paragraph.
func (b *builder) add(s string, orig int) {
	if !norm.NFC.IsNormalString(s) {
		// Composition changes rune counts: map each composed segment to
		// where it starts in the input.
		var it norm.Iter
		it.InitString(norm.NFC, s)
		for !it.Done() {
			start := it.Pos()
			seg := string(it.Next())
			o := -1
			if orig >= 0 {
				o = orig + start
			}
			if seg == s[start:it.Pos()] {
				b.addVerbatim(seg, o)
			} else {
				b.addCoarse(seg, o)
			}
		}
		return
	}
	b.addVerbatim(s, orig)
}

func (b *builder) addVerbatim(s string, orig int) {
	for i, r := range s {
		o := -1
		if orig >= 0 {
			o = orig + i
		}
		b.addRune(r, o, r)
	}
}

func (b *builder) addCoarse(s string, orig int) {
	for _, r := range s {
		b.addRune(r, orig, 0)
	}
}

// addRune appends one input rune; src is the rune as it was in the input
// (0 when the mapping is coarse), so a verbatim copy can extend a run.
func (b *builder) addRune(r rune, orig int, src rune) {
	if isSpace(r) {
		if b.paraOpen && !b.space {
			b.space, b.spaceOrig = true, orig
		}
		return
	}
	out := rewrite(r)
	if out == 0 {
		return
	}
	if !b.paraOpen {
		if b.anyText {
			b.emit('\n', -1, false)
			b.emit('\n', -1, false)
		}
		b.paraOpen, b.anyText = true, true
	}
	if b.space {
		b.emit(' ', b.spaceOrig, false)
		b.space = false
	}
	b.emit(out, orig, src != 0 && out == src)
}

// emit writes one normalized rune, extending the last run when both it and
// the new rune are verbatim and contiguous in the input.
func (b *builder) emit(r rune, orig int, verbatim bool) {
	nb := b.sb.Len()
	b.sb.WriteRune(r)
	if k := len(b.runs) - 1; verbatim && k >= 0 {
		last := &b.runs[k]
		if last.verbatim && last.orig >= 0 && orig >= 0 && last.orig+(nb-last.nb) == orig {
			last.count++
			b.n++
			return
		}
	}
	b.runs = append(b.runs, run{norm: b.n, count: 1, nb: nb, orig: orig, verbatim: verbatim})
	b.n++
}

// endParagraph closes the current paragraph; trailing space is dropped.
func (b *builder) endParagraph() {
	b.space = false
	b.paraOpen = false
}

func (b *builder) offsetMap() *OffsetMap {
	return &OffsetMap{text: b.sb.String(), runs: b.runs, n: b.n}
}

// piece is a span of input text with its byte offset.
type piece struct {
	text string
	orig int
}

// paragraph is a list of input pieces forming one paragraph.
type paragraph []piece

// clean normalizes a short metadata string (title, section) the way Text is
// normalized.
func clean(s string) string {
	var b builder
	b.add(s, -1)
	return b.sb.String()
}

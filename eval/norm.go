package eval

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// titles are the leading words Norm drops, in score.py's order; the order
// matters because one pass tries each in turn.
var titles = []string{
	"prime minister", "vice adm", "lt gen", "maj gen", "brig gen", "lt col",
	"mr", "mrs", "ms", "dr", "gen", "general", "lt", "col", "colonel", "sheikh",
	"president", "senator", "sen", "judge", "adm", "admiral", "sgt", "capt",
	"maj", "rep", "gov", "ambassador", "minister", "the",
}

// Norm folds a name the way score.py's norm does: compatibility
// decomposition with combining marks dropped, lower case, curly quotes made
// straight, a possessive "'s" dropped, punctuation . , " ' ( ) “ ” turned to
// spaces, spaces collapsed and leading titles removed.
func Norm(s string) string {
	rs := make([]rune, 0, len(s))
	d := s
	if !isASCII(s) { // ASCII is its own decomposition, with no marks
		d = norm.NFKD.String(s)
	}
	for i := 0; i < len(d); {
		p := norm.NFKD.PropertiesString(d[i:])
		r, size := utf8.DecodeRuneInString(d[i:])
		i += size
		if p.CCC() != 0 {
			continue
		}
		rs = append(rs, r)
	}
	rs = pyLower(rs)

	out := make([]rune, 0, len(rs))
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		if r == '\u2019' || r == '\u2018' {
			r = '\''
		}
		// "'s" at the end of a word goes; the next rune is read after its
		// own quote folding, as the Python replaces quotes before the regex.
		if r == '\'' && i+1 < len(rs) && rs[i+1] == 's' && (i+2 == len(rs) || !isWord(rs[i+2])) {
			i++
			continue
		}
		switch r {
		case '.', ',', '"', '\'', '(', ')', '\u201c', '\u201d':
			r = ' '
		}
		out = append(out, r)
	}

	// Collapse runs of white space and trim, with Python's idea of space.
	var b strings.Builder
	space := false
	for _, r := range out {
		if pyIsSpace(r) {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	n := b.String()

	for changed := true; changed; {
		changed = false
		for _, t := range titles {
			if strings.HasPrefix(n, t+" ") && len(n) > len(t)+1 {
				n = n[len(t)+1:]
				changed = true
			}
		}
	}
	return n
}

// isWord is Python's \w for str patterns: letters, numbers and underscore.
func isWord(r rune) bool {
	return r == '_' || unicode.IsLetter(r) || unicode.IsNumber(r)
}

// pyIsSpace is Python's str.isspace, which also counts the information
// separators U+001C..U+001F that Go's unicode.IsSpace leaves out.
func pyIsSpace(r rune) bool {
	return unicode.IsSpace(r) || (r >= 0x1c && r <= 0x1f)
}

// pyLower lowers like Python's str.lower, including the final-sigma rule
// that unicode.ToLower alone does not apply.
func pyLower(rs []rune) []rune {
	out := make([]rune, len(rs))
	for i, r := range rs {
		if r == 'Σ' && finalSigma(rs, i) {
			out[i] = 'ς'
			continue
		}
		out[i] = unicode.ToLower(r)
	}
	return out
}

// finalSigma reports whether the capital sigma at i ends a word: a cased
// letter before it and none after it, skipping case-ignorable runes.
func finalSigma(rs []rune, i int) bool {
	j := i - 1
	for j >= 0 && caseIgnorable(rs[j]) {
		j--
	}
	if j < 0 || !cased(rs[j]) {
		return false
	}
	k := i + 1
	for k < len(rs) && caseIgnorable(rs[k]) {
		k++
	}
	return k == len(rs) || !cased(rs[k])
}

func cased(r rune) bool {
	return unicode.In(r, unicode.Lu, unicode.Ll, unicode.Lt, unicode.Other_Lowercase, unicode.Other_Uppercase)
}

func caseIgnorable(r rune) bool {
	switch r {
	case '\'', '.', ':', '^', '`', '\u00b7', '\u2018', '\u2019', '\u2024', '\ufe52', '\uff07', '\uff0e', '\u00ad', '\u0387', '\u05f4', '\u2027', '\ufe13', '\ufe55', '\uff1a':
		return true
	}
	return unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf, unicode.Lm, unicode.Sk)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

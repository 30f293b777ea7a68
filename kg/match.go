package kg

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// FoldName folds a name for matching: accents dropped, lower case,
// punctuation turned to single spaces, a possessive "'s" dropped.
func FoldName(s string) string {
	var b strings.Builder
	space := false
	rs := []rune(norm.NFKD.String(s))
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		if (r == '\'' || r == '\u2019') && i+1 < len(rs) && (rs[i+1] == 's' || rs[i+1] == 'S') &&
			(i+2 == len(rs) || !unicode.IsLetter(rs[i+2])) {
			i++
			continue
		}
		if r == '.' || r == '\'' || r == '\u2019' {
			continue // "U.S." and "US" fold alike
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(unicode.ToLower(r))
			continue
		}
		space = true
	}
	return b.String()
}

// MatchScore scores how well a search query matches an entity's names, in
// [0, 1]; 0 means no match. Every store ranks search results with it so that
// all backends agree: exact name 1, exact alias 0.95, prefix 0.9, whole words
// 0.8, substring 0.6, and words within one typo (two for long words) 0.4.
func MatchScore(query string, name string, aliases []string) float64 {
	q := FoldName(query)
	if q == "" {
		return 0
	}
	best := scoreOne(q, FoldName(name), true)
	for _, a := range aliases {
		if s := scoreOne(q, FoldName(a), false); s > best {
			best = s
		}
	}
	return best
}

func scoreOne(q, n string, isName bool) float64 {
	switch {
	case n == "":
		return 0
	case q == n && isName:
		return 1
	case q == n:
		return 0.95
	case strings.HasPrefix(n, q):
		return 0.9
	}
	qw, nw := strings.Fields(q), strings.Fields(n)
	if allWords(qw, nw, func(a, b string) bool { return a == b }) {
		return 0.8
	}
	if strings.Contains(n, q) {
		return 0.6
	}
	if allWords(qw, nw, func(a, b string) bool {
		return strings.HasPrefix(b, a) || withinTypos(a, b)
	}) {
		return 0.4
	}
	return 0
}

// allWords reports whether every query word matches some name word.
func allWords(qw, nw []string, eq func(q, n string) bool) bool {
	if len(qw) == 0 {
		return false
	}
	for _, q := range qw {
		ok := false
		for _, n := range nw {
			if eq(q, n) {
				ok = true
				break
			}
		}
		if !ok {
			return false
		}
	}
	return true
}

// withinTypos allows one edit for words of four or more letters and two for
// words of eight or more.
func withinTypos(a, b string) bool {
	ra, rb := []rune(a), []rune(b)
	max := 0
	switch {
	case len(ra) >= 8:
		max = 2
	case len(ra) >= 4:
		max = 1
	}
	if max == 0 || abs(len(ra)-len(rb)) > max {
		return false
	}
	return editDistance(ra, rb, max) <= max
}

// editDistance is the Damerau-Levenshtein (optimal string alignment)
// distance, giving up early once it exceeds limit.
func editDistance(a, b []rune, limit int) int {
	prev2 := make([]int, len(b)+1)
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
			rowMin = min(rowMin, v)
		}
		if rowMin > limit {
			return limit + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

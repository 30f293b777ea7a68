package syntax

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// span is one token as byte offsets into the input.
type span struct{ start, end int }

// abbreviations keep their final period (UD EWT writes "Mr." and "U.S." as one token).
var abbreviations = map[string]bool{}

// titles are abbreviations that never end a sentence.
var titles = map[string]bool{}

func init() {
	for _, a := range strings.Fields(`mr mrs ms dr st jr sr inc corp co ltd llc plc vs etc gen sen rep gov lt col sgt capt cpl maj adm cmdr rev prof no nos vol fig ft mt ave blvd rd dept est approx jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun e.g i.e a.m p.m u.s u.k u.n e.u d.c n.y l.a u.s.a a.k.a p.s ph.d b.a m.a cf pres supt messrs mmes bros dist atty sen gens reps no drs ext pvt`) {
		abbreviations[a] = true
	}
	for _, a := range strings.Fields(`mr mrs ms dr gen sen rep gov lt col sgt capt cpl maj adm cmdr rev prof pres supt messrs mmes atty gens reps st mt ft drs`) {
		titles[a] = true
	}
}

// hyphenPrefixes stay joined to the rest of the word (EWT keeps "e-mail", "co-workers").
var hyphenPrefixes = map[string]bool{"e": true, "co": true, "pre": true, "post": true, "non": true, "semi": true,
	"re": true, "multi": true, "mid": true, "ex": true, "pro": true, "anti": true, "over": true, "cross": true, "neo": true,
	"psycho": true, "socio": true, "counter": true, "intra": true}

// emoticons are single tokens.
var emoticons = map[string]bool{":)": true, ":-)": true, ";)": true, ";-)": true, ":(": true, ":-(": true, "=)": true, "(:": true, ":D": true, ":P": true, ":-P": true}

// bareContractions are contractions written without the apostrophe, and
// fused spellings, that EWT splits too: the length of the first word.
var bareContractions = map[string]int{"dont": 2, "cant": 2, "didnt": 3, "doesnt": 4, "couldnt": 5, "wouldnt": 5,
	"shouldnt": 6, "isnt": 2, "arent": 3, "wasnt": 3, "werent": 4, "havent": 4, "hasnt": 3, "hadnt": 3, "im": 1, "ive": 1,
	"youre": 3, "theyre": 4, "thats": 4, "alot": 1, "outta": 3}

func isOpenPunct(r rune) bool {
	switch r {
	case '"', '\'', '(', '[', '{', '<', '“', '‘', '«', '`', '$', '#', '*', '£', '€', '¥', '¿', '¡', '„':
		return true
	}
	return false
}

func isClosePunct(r rune) bool {
	switch r {
	case '"', '\'', ')', ']', '}', '>', ',', ';', ':', '!', '?', '”', '’', '»', '*', '%', '…':
		return true
	}
	return false
}

// tokenize splits text into tokens, following UD English EWT conventions.
func tokenize(text string, out []span) []span {
	i := 0
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) || r == utf8.RuneError && n == 1 && false {
			i += n
			continue
		}
		j := i
		for j < len(text) {
			r, n := utf8.DecodeRuneInString(text[j:])
			if unicode.IsSpace(r) {
				break
			}
			j += n
		}
		out = splitChunk(text, i, j, out)
		i = j
	}
	return out
}

func isURL(s string) bool {
	if strings.Contains(s, "://") || strings.HasPrefix(s, "www.") {
		return true
	}
	at := strings.IndexByte(s, '@')
	return at > 0 && strings.Contains(s[at:], ".") && at < len(s)-1
}

func lowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			return strings.ToLower(s)
		}
	}
	return s
}

// isAbbrev reports whether w (with its final period) is kept as one token.
func isAbbrev(w string) bool {
	core := w[:len(w)-1]
	if core == "" {
		return false
	}
	if abbreviations[lowerASCII(core)] {
		return true
	}
	// Initials and dotted acronyms: "J.", "U.S.", "p.m.".
	if strings.Contains(core, ".") || utf8.RuneCountInString(core) == 1 {
		for _, r := range core {
			if r != '.' && !unicode.IsLetter(r) {
				return false
			}
		}
		return unicode.IsLetter(firstRune(core))
	}
	return false
}

func firstRune(s string) rune { r, _ := utf8.DecodeRuneInString(s); return r }
func lastRune(s string) rune  { r, _ := utf8.DecodeLastRuneInString(s); return r }

func splitChunk(text string, start, end int, out []span) []span {
	s := text[start:end]
	if emoticons[s] {
		return append(out, span{start, end})
	}
	if isURL(s) {
		e := end
		for e > start {
			r, n := utf8.DecodeLastRuneInString(text[start:e])
			if r == '.' || r == ',' || r == ')' || r == ';' || r == ':' || r == '"' || r == '!' || r == '?' || r == '>' || r == '\'' {
				e -= n
				continue
			}
			break
		}
		b := start
		for b < e && (text[b] == '<' || text[b] == '(' || text[b] == '"') {
			out = append(out, span{b, b + 1})
			b++
		}
		out = append(out, span{b, e})
		for k := e; k < end; k++ {
			out = append(out, span{k, k + 1})
		}
		return out
	}
	// Leading punctuation.
	for start < end {
		r, n := utf8.DecodeRuneInString(text[start:end])
		if r == '\'' || r == '’' {
			if isClitic(text[start:end]) {
				break
			}
		}
		if isOpenPunct(r) && end-start > n {
			k := runEnd(text, start, end, r)
			if k == end {
				break
			}
			out = append(out, span{start, k})
			start = k
			continue
		}
		if (r == '-' || r == '.') && end-start > 1 {
			// Runs of dashes or dots: "--", "...".
			k := start
			for k < end && text[k] == byte(r) {
				k++
			}
			if k < end && (k-start > 1 || r == '-' && !unicode.IsDigit(firstRune(text[k:end]))) {
				out = append(out, span{start, k})
				start = k
				continue
			}
		}
		break
	}
	// Trailing punctuation, collected in reverse.
	var tail [16]span
	nt := 0
	for end > start && nt < len(tail) {
		s := text[start:end]
		r, n := utf8.DecodeLastRuneInString(s)
		if r == '!' || r == '?' || r == '.' {
			k := end
			for k > start && (text[k-1] == '.' || text[k-1] == '!' || text[k-1] == '?') {
				k--
			}
			if end-k > 1 && r != '.' || end-k > 1 && strings.ContainsAny(text[k:end], "!?") {
				if k == start {
					break
				}
				tail[nt] = span{k, end}
				nt++
				end = k
				continue
			}
		}
		if r == '.' {
			k := end
			for k > start && text[k-1] == '.' {
				k--
			}
			if end-k > 1 {
				if k == start {
					break
				}
				tail[nt] = span{k, end}
				nt++
				end = k
				continue
			}
			if len(s) == 1 || isAbbrev(s) && (nt > 0 || !endsText(text, end) || titles[lowerASCII(s[:len(s)-1])]) {
				break
			}
			tail[nt] = span{end - 1, end}
			nt++
			end--
			continue
		}
		if (r == '\'' || r == '’') && len(s) > n {
			// "'s" and "'" after a letter belong to the clitic rule below.
			if isClitic(s) {
				break
			}
		}
		if isClosePunct(r) && len(s) > n {
			k := end - n
			for k > start && strings.HasPrefix(text[k-n:end], string(r)) && r != '"' && r != '\'' {
				k -= n
			}
			if k == start {
				break
			}
			tail[nt] = span{k, end}
			nt++
			end = k
			continue
		}
		if r == '-' && len(s) > n && text[end-n-1] == '-' {
			k := end
			for k > start && text[k-1] == '-' {
				k--
			}
			if k > start {
				tail[nt] = span{k, end}
				nt++
				end = k
				continue
			}
		}
		break
	}
	if end > start {
		out = splitCore(text, start, end, out)
	}
	for k := nt - 1; k >= 0; k-- {
		out = append(out, tail[k])
	}
	return out
}

// endsText reports whether only spaces on the same line, or nothing, follow end:
// an abbreviation there gives its period to the sentence ("in the U.S" ".").
func endsText(text string, end int) bool {
	for _, r := range text[end:] {
		if r == '\n' {
			return true
		}
		if !unicode.IsSpace(r) {
			return false
		}
	}
	return true
}

// isClitic reports whether s is exactly a clitic: 's, 're, 'll, ...
// runEnd returns the end of the run of r starting at start.
func runEnd(text string, start, end int, r rune) int {
	k := start
	for k < end {
		q, n := utf8.DecodeRuneInString(text[k:end])
		if q != r || r == '"' || r == '\'' || r == '(' || r == '[' {
			if k == start {
				k += n
			}
			break
		}
		k += n
	}
	return k
}

func isClitic(s string) bool {
	l := strings.ReplaceAll(lowerASCII(s), "’", "'")
	switch l {
	case "'s", "'re", "'ve", "'ll", "'d", "'m", "'":
		return true
	}
	return false
}

// splitCore splits clitics and word-internal punctuation.
func splitCore(text string, start, end int, out []span) []span {
	s := text[start:end]
	l := lowerASCII(s)
	switch l {
	case "cannot":
		return append(out, span{start, start + 3}, span{start + 3, end})
	case "gonna", "gotta", "wanna":
		return append(out, span{start, start + 3}, span{start + 3, end})
	}
	if k, ok := bareContractions[l]; ok {
		return append(out, span{start, start + k}, span{start + k, end})
	}
	// Clitics at the end.
	cl := 0
	lq := strings.ReplaceAll(l, "’", "'")
	if d := len(l) - len(lq); d == 0 || true {
		switch {
		case strings.HasSuffix(l, "n't") && len(l) > 3:
			cl = 3
		case strings.HasSuffix(l, "n’t") && len(l) > 5:
			cl = 5
		default:
			for _, c := range [...]string{"'s", "'re", "'ve", "'ll", "'d", "'m", "’s", "’re", "’ve", "’ll", "’d", "’m"} {
				if strings.HasSuffix(l, c) && len(l) > len(c) {
					prev := lastRune(l[:len(l)-len(c)])
					if unicode.IsLetter(prev) || prev == '.' {
						cl = len(c)
					}
					break
				}
			}
			if cl == 0 && (strings.HasSuffix(l, "s'") || strings.HasSuffix(l, "s’")) && len(l) > 2 {
				cl = len(l) - len(strings.TrimRight(l, "'’"))
				if cl > 3 {
					cl = 0
				}
			}
		}
	}
	if cl > 0 {
		out = splitInner(text, start, end-cl, out)
		return append(out, span{end - cl, end})
	}
	return splitInner(text, start, end, out)
}

// splitInner splits hyphens between words, slashes between words, and
// numbers from am/pm.
func splitInner(text string, start, end int, out []span) []span {
	if end <= start {
		return out
	}
	s := text[start:end]
	pieceStart := start
	for k := 0; k < len(s); {
		r, n := utf8.DecodeRuneInString(s[k:])
		if (r == '-' || r == '/' || r == '–' || r == '—') && k > 0 && k+n < len(s) {
			prev := lastRune(s[:k])
			next := firstRune(s[k+n:])
			split := false
			switch r {
			case '-':
				if unicode.IsLetter(prev) && (unicode.IsLetter(next) || unicode.IsDigit(next)) {
					split = !hyphenPrefixes[lowerASCII(text[pieceStart:start+k])]
				} else if unicode.IsDigit(prev) && unicode.IsLetter(next) {
					split = true
				} else if unicode.IsDigit(prev) && unicode.IsDigit(next) {
					// Ranges split ("5-10", "1998-2001"); phone numbers and codes do not.
					left := k - strings.LastIndexAny(s[:k], "-/ ") - 1
					right := strings.IndexAny(s[k+n:], "-/")
					if right < 0 {
						right = len(s) - k - n
					}
					split = strings.Count(s, "-") == 1 && !(left == 3 && right == 4) && !strings.ContainsAny(s, "#_")
				}
			case '/':
				// Between words, not letters: "and/or" splits, "b/c" and "w/o" do not.
				split = unicode.IsLetter(prev) && unicode.IsLetter(next) && !strings.Contains(s, "//") &&
					utf8.RuneCountInString(text[pieceStart:start+k]) > 1 && utf8.RuneCountInString(s[k+n:]) > 1
			default:
				split = true
			}
			if split {
				out = append(out, span{pieceStart, start + k}, span{start + k, start + k + n})
				pieceStart = start + k + n
			}
		}
		k += n
	}
	// "5pm" -> "5" "pm"
	rest := text[pieceStart:end]
	if ll := lowerASCII(rest); len(ll) > 2 && (strings.HasSuffix(ll, "pm") || strings.HasSuffix(ll, "am")) && allDigits(ll[:len(ll)-2]) {
		return append(out, span{pieceStart, end - 2}, span{end - 2, end})
	}
	return append(out, span{pieceStart, end})
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if (s[i] < '0' || s[i] > '9') && s[i] != ':' && s[i] != '.' {
			return false
		}
	}
	return true
}

// maxSentence caps a sentence's length: longer runs are cut into pieces, so
// time and memory per sentence stay bounded.
const maxSentence = 200

// segment groups tokens into sentences: [from, to) ranges over toks.
func segment(text string, toks []span, out [][2]int) [][2]int {
	from := 0
	for i := 0; i < len(toks); i++ {
		end := false
		t := text[toks[i].start:toks[i].end]
		if i+1 < len(toks) {
			gap := text[toks[i].end:toks[i+1].start]
			next := text[toks[i+1].start:toks[i+1].end]
			if nl := strings.Count(gap, "\n"); nl >= 2 {
				end = true
			} else if nl == 1 {
				// A single newline ends a sentence unless the line was hard-wrapped mid-sentence.
				end = !(startsLower(next) && !isTerminal(t))
			} else if isTerminal(t) || (strings.HasSuffix(t, ".") && len(t) > 1 && !titles[lowerASCII(strings.TrimSuffix(t, "."))] && isAbbrevEnd(t)) {
				// Closing quotes and brackets stay with the sentence they close.
				j := i + 1
				for j < len(toks) && isCloser(text[toks[j].start:toks[j].end]) && toks[j].start == toks[j-1].end {
					j++
				}
				if j < len(toks) {
					nx := text[toks[j].start:toks[j].end]
					// "Acme Inc. (the maker)": a bracket after an abbreviation goes on.
					if startsSentence(nx) && (isTerminal(t) || nx != "(") {
						i = j - 1
						end = true
					}
				} else {
					i = j - 1
				}
			}
		}
		if end || i+1-from >= maxSentence {
			out = append(out, [2]int{from, i + 1})
			from = i + 1
		}
	}
	if from < len(toks) {
		out = append(out, [2]int{from, len(toks)})
	}
	return out
}

// isAbbrevEnd: abbreviations that can close a sentence when a capital follows.
func isAbbrevEnd(t string) bool {
	switch lowerASCII(t) {
	case "etc.", "inc.", "corp.", "co.", "ltd.", "llc.", "plc.", "jr.", "sr.":
		return true
	}
	return false
}

func isTerminal(t string) bool {
	if t == "" {
		return false
	}
	for _, r := range t {
		if r != '.' && r != '!' && r != '?' && r != '…' {
			return false
		}
	}
	return true
}

func isCloser(t string) bool {
	switch t {
	case "\"", "'", ")", "]", "”", "’", "»", "''":
		return true
	}
	return false
}

func startsLower(t string) bool { return unicode.IsLower(firstRune(t)) }

func startsSentence(t string) bool {
	r := firstRune(t)
	return unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune("\"'“‘([-*", r) || !unicode.IsLetter(r) && !unicode.IsPunct(r) && !unicode.IsSymbol(r)
}

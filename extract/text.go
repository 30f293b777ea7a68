package extract

import (
	"strings"
	"unicode"
)

// Sentence is one sentence of an article: its text and rune offsets in
// Article.Text.
type Sentence struct {
	Text       string
	Start, End int
	Para       int // paragraph index; 0 is the title
	toks       []token
}

// token is a word or punctuation mark of a sentence, with absolute rune
// offsets.
type token struct {
	text       string
	low        string // lower case, trailing period dropped
	start, end int
	word       bool // letters or digits
	cap        bool // starts with an upper-case letter
}

// maxSentenceTokens bounds the work per sentence: longer runs without
// punctuation are cut, so one giant sentence costs linear time.
const maxSentenceTokens = 120

// abbreviations end with a period that does not end a sentence.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "gen": true, "lt": true, "col": true,
	"maj": true, "capt": true, "sgt": true, "adm": true, "brig": true, "rep": true, "sen": true,
	"gov": true, "st": true, "jr": true, "sr": true, "rev": true, "vs": true, "etc": true, "inc": true,
	"corp": true, "ltd": true, "co": true, "no": true, "jan": true, "feb": true, "mar": true, "apr": true,
	"jun": true, "jul": true, "aug": true, "sep": true, "sept": true, "oct": true, "nov": true,
	"dec": true, "cmdr": true, "cpl": true, "pvt": true, "ft": true, "mt": true, "dept": true,
	"univ": true, "mme": true, "hon": true, "messrs": true, "gens": true, "cdr": true, "approx": true,
	"br": true, "fr": true, "sec": true, "supt": true, "insp": true, "pres": true, "amb": true, "atty": true,
	"cllr": true, "msgr": true, "sens": true, "reps": true, "drs": true, "mmes": true, "mlle": true,
}

// endingAbbreviations are abbreviations that also close sentences ("bought
// by Acme Inc. The deal"): before a capitalized sentence starter they end
// one, as an initial does ("Plan B. The").
var endingAbbreviations = map[string]bool{
	"inc": true, "corp": true, "ltd": true, "co": true, "jr": true, "sr": true, "etc": true,
}

// sentenceStarters are words that, after an acronym such as "U.S.", show
// that a new sentence began.
var sentenceStarters = map[string]bool{
	"the": true, "he": true, "she": true, "it": true, "they": true, "we": true, "but": true,
	"and": true, "in": true, "a": true, "this": true, "that": true, "his": true, "her": true,
	"their": true, "i": true, "its": true, "there": true, "on": true, "after": true, "as": true,
}

// tokenize splits rs (a paragraph starting at rune offset base) into tokens.
func tokenize(rs []rune, base int) []token {
	out := make([]token, 0, len(rs)/4+1)
	isWord := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) }
	for i := 0; i < len(rs); {
		r := rs[i]
		if unicode.IsSpace(r) {
			i++
			continue
		}
		if !isWord(r) {
			out = append(out, mkToken(string(r), base+i, base+i+1, false))
			i++
			continue
		}
		j := i
		// Dotted acronyms: "U.S.", "U.N.", "U.S.A.".
		for j+1 < len(rs) && unicode.IsLetter(rs[j]) && rs[j+1] == '.' && j+3 < len(rs) &&
			unicode.IsLetter(rs[j+2]) && rs[j+3] == '.' || (j > i && j+1 < len(rs) && unicode.IsLetter(rs[j]) && rs[j+1] == '.') {
			j += 2
		}
		if j > i {
			out = append(out, mkToken(string(rs[i:j]), base+i, base+j, true))
			i = j
			continue
		}
		for j < len(rs) {
			c := rs[j]
			if isWord(c) {
				j++
				continue
			}
			// Hyphens and apostrophes join words ("al-Araji", "O'Brien");
			// a possessive "'s" stays a token of its own.
			if (c == '-' || c == '\'' || c == '\u2011') && j+1 < len(rs) && isWord(rs[j+1]) {
				if c == '\'' && (rs[j+1] == 's' || rs[j+1] == 'S') && (j+2 == len(rs) || !isWord(rs[j+2])) {
					break
				}
				j++
				continue
			}
			// Digits keep their decimal point and thousands separators.
			if (c == '.' || c == ',') && j+1 < len(rs) && unicode.IsDigit(rs[j+1]) && j > i && unicode.IsDigit(rs[j-1]) {
				j++
				continue
			}
			break
		}
		// An abbreviation or initial keeps its final period.
		if j < len(rs) && rs[j] == '.' {
			w := strings.ToLower(string(rs[i:j]))
			// "Mar. 5" is a date, "Viña del Mar." a sentence's end: a month's
			// abbreviation keeps its period only before a number.
			month := monthNum[w] > 0 && len(w) <= 4 && !(j+2 < len(rs) && rs[j+1] == ' ' && unicode.IsDigit(rs[j+2]))
			// An initial may close a hyphenated given name ("Jean-B.").
			initial := unicode.IsUpper(rs[j-1]) && (j-i == 1 || rs[j-2] == '-' || rs[j-2] == '\u2011')
			if abbreviations[w] && !month || strings.Contains(w, ".") || initial {
				j++
			}
		}
		out = append(out, mkToken(string(rs[i:j]), base+i, base+j, true))
		i = j
	}
	// A possessive "'s" is a token: merge the apostrophe (straight or
	// curly) and the s.
	merged := out[:0]
	for k := 0; k < len(out); k++ {
		if (out[k].text == "'" || out[k].text == "’") && k+1 < len(out) && (out[k+1].low == "s") && out[k+1].start == out[k].end &&
			k > 0 && out[k-1].end == out[k].start && out[k-1].word {
			t := mkToken("'s", out[k].start, out[k+1].end, false)
			merged = append(merged, t)
			k++
			continue
		}
		merged = append(merged, out[k])
	}
	return merged
}

func mkToken(s string, start, end int, word bool) token {
	low := strings.ToLower(s)
	if word && len(low) > 1 {
		low = strings.TrimSuffix(low, ".")
	}
	t := token{text: s, low: low, start: start, end: end, word: word}
	if word {
		for _, r := range s {
			t.cap = unicode.IsUpper(r)
			break
		}
	}
	return t
}

// isAcronymTok reports a dotted acronym token such as "U.S.".
func isAcronymTok(t token) bool {
	return t.word && strings.Count(t.text, ".") >= 2
}

// isEndingAbbrev reports an initial ("B.") or an abbreviation that can
// close a sentence; titles such as "Dr." never do.
func isEndingAbbrev(t token) bool {
	return t.word && strings.HasSuffix(t.text, ".") && (len([]rune(t.text)) == 2 || endingAbbreviations[t.low])
}

// Sentences splits text into sentences: never across paragraphs (blank
// lines), at ., ! or ? followed by a capitalized word, an opening quote or a
// digit, but not after abbreviations, initials or "U.S." inside a sentence.
func Sentences(text string) []Sentence {
	rs := []rune(text)
	return sentences(rs)
}

func sentences(rs []rune) []Sentence {
	var out []Sentence
	para := 0
	for pStart := 0; pStart < len(rs); {
		pEnd := pStart
		for pEnd < len(rs) && !(rs[pEnd] == '\n' && pEnd+1 < len(rs) && rs[pEnd+1] == '\n') {
			pEnd++
		}
		toks := tokenize(rs[pStart:pEnd], pStart)
		s := 0
		for i := 0; i < len(toks); i++ {
			end := false
			t := toks[i]
			switch {
			case t.text == "." || t.text == "!" || t.text == "?":
				end = true
			case (isAcronymTok(t) || isEndingAbbrev(t)) && i+1 < len(toks) && toks[i+1].cap && sentenceStarters[toks[i+1].low]:
				end = true
			}
			if end {
				// Closing quotes and brackets belong to the sentence.
				for i+1 < len(toks) && (toks[i+1].text == "\"" || toks[i+1].text == ")" || toks[i+1].text == "'") &&
					toks[i+1].start == toks[i].end {
					i++
				}
				// `"Who is he?" Mr. Knights said.`: the attribution
				// belongs to the quote's sentence.
				if toks[i].text == "\"" && i+1 < len(toks) && saidSoon(toks, i+1) {
					end = false
				}
				if end && i+1 < len(toks) {
					n := toks[i+1]
					if !(n.cap || n.text == "\"" || n.text == "(" || (n.word && unicode.IsDigit([]rune(n.text)[0]))) {
						end = false
					}
				}
			}
			if !end && i-s+1 >= maxSentenceTokens {
				end = true
			}
			if end {
				out = append(out, mkSentence(rs, toks[s:i+1], para))
				s = i + 1
			}
		}
		if s < len(toks) {
			out = append(out, mkSentence(rs, toks[s:], para))
		}
		para++
		pStart = pEnd
		for pStart < len(rs) && rs[pStart] == '\n' {
			pStart++
		}
	}
	return out
}

func mkSentence(rs []rune, toks []token, para int) Sentence {
	st, en := toks[0].start, toks[len(toks)-1].end
	return Sentence{Text: string(rs[st:en]), Start: st, End: en, Para: para, toks: toks}
}

// saidSoon reports a speech verb among the next few words, before any
// punctuation.
func saidSoon(toks []token, i int) bool {
	for j := i; j < len(toks) && j < i+6; j++ {
		if speechVerbs[toks[j].low] {
			return true
		}
		if !toks[j].word {
			return false
		}
	}
	return false
}

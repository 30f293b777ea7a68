package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/kg"
	"github.com/newsgraph/newsgraph/ner"
)

// mention is a name found in a sentence, before resolution.
type mention struct {
	sent       int // sentence index
	tts        int // first token, title included
	ts, te     int // token range of the name itself
	start, end int // rune span of the name in the article text
	text       string
	title      string // title or rank before the name, as written
	typ        kg.EntityType
	sub        string
	country    *country // a gazetteer country (name, people, capital or adjective)
	adj        bool     // a demonym adjective ("American troops")
	capital    bool     // the country's capital used as a city name
	poss       bool     // followed by 's
	strong     bool     // typed by the name itself (title, head word, gazetteer)
	ent        int      // entity index after resolution; -1 before
	gender     int      // 1 male, 2 female, 0 unknown
	acts       bool     // a country that acts in a compound ("Russian-backed")
	people     bool     // a country named by its people ("Americans")
	// shadow marks the city named by a capital that stands for its
	// government: an entity of its own that takes part in no relation.
	shadow  bool
	metonym bool // a capital acting for its country
	// agent marks a name described by a noun for a firm or a person alike
	// ("an exporter", "the owner"), left to the name finder.
	agent bool
	// stat marks a name typed by the statistical name finder alone, the
	// weakest evidence: any rule's type for the name outvotes it.
	stat bool
}

// speechVerbs attribute quotes and mark their subjects as speakers.
var speechVerbs = map[string]bool{
	"said": true, "says": true, "told": true, "tells": true, "added": true, "asked": true, "noted": true,
	"stated": true, "wrote": true, "argued": true, "declared": true, "insisted": true, "warned": true,
	"explained": true, "recalled": true, "continued": true, "acknowledged": true, "admitted": true,
	"replied": true, "responded": true, "announced": true, "claimed": true, "urged": true,
}

// locPreps before an unknown name suggest a place.
var locPreps = map[string]bool{
	"in": true, "at": true, "near": true, "outside": true, "from": true, "to": true, "into": true,
	"across": true, "toward": true, "towards": true, "around": true, "through": true, "inside": true,
	"via": true, "between": true,
}

func isInitial(t token) bool {
	r := []rune(t.text)
	return len(r) == 2 && unicode.IsUpper(r[0]) && r[1] == '.'
}

func isOrdinal(t token) bool {
	s := t.low
	if len(s) < 3 || !unicode.IsDigit(rune(s[0])) {
		return false
	}
	suf := s[len(s)-2:]
	return suf == "st" || suf == "nd" || suf == "rd" || suf == "th"
}

// prefixedName reports "al-Araji", "el-Sisi", "bin-Salman": a lower-case
// particle joined to a capitalized name.
func prefixedName(t token) bool {
	i := strings.IndexAny(t.text, "-\u2011")
	if i <= 0 || i+1 >= len(t.text) {
		return false
	}
	if !nameParticles[strings.ToLower(t.text[:i])] {
		return false
	}
	r, _ := utf8.DecodeRuneInString(t.text[i+1:])
	return unicode.IsUpper(r)
}

// stripParticle drops an "al-" style prefix from a folded name token.

func isAllCaps(s string) bool {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			n++
		}
	}
	return n >= 2
}

// titleCase reports a headline-style sentence where most words are
// capitalized, so capitals say nothing about names.
func titleCase(toks []token) bool {
	words, caps := 0, 0
	for _, t := range toks {
		if t.word && len(t.low) > 3 {
			words++
			if t.cap {
				caps++
			}
		}
	}
	return words >= 3 && caps*10 >= words*7
}

// foldToks folds the surface text of toks[a:b].
func foldToks(toks []token, a, b int) string {
	var sb strings.Builder
	for i := a; i < b; i++ {
		if i > a {
			sb.WriteByte(' ')
		}
		sb.WriteString(toks[i].text)
	}
	return fold(sb.String())
}

// surface is the text of toks[a:b] as written.
func surface(rs []rune, toks []token, a, b int) string {
	return string(rs[toks[a].start:toks[b-1].end])
}

// orgish reports whether toks[a:b] looks like the start of an organization
// name that may continue with "of"/"for" ("Ministry of …", "Institute for …").
func orgish(toks []token, a, b int) bool {
	for i := a; i < b; i++ {
		if _, ok := orgHeads[toks[i].low]; ok || orgOfHeads[toks[i].low] {
			return true
		}
	}
	return false
}

// findMentions finds the names of one sentence.
func findMentions(rs []rune, s *Sentence, si int) []mention {
	toks := s.toks
	n := len(toks)
	var out []mention
	// Headlines capitalize every word: only the title paragraph and short
	// unpunctuated lines are read that way.
	last := toks[n-1].text
	headline := titleCase(toks) && (s.Para == 0 || n < 15 && last != "." && last != "\"" && last != "?")
	// "By Laura Chen and Tomasz Wrobel": a byline names its writers.
	byline := s.Para > 0 && n <= 12 && toks[0].low == "by" && toks[n-1].word
	if byline {
		headline = false
	}
	for k := 0; k < n; k++ {
		t := toks[k]
		if !t.word {
			continue
		}
		// Hyphenated compounds carry countries: "Iranian-backed",
		// "Iraqi-American", "pro-American".
		if strings.ContainsAny(t.text, "-\u2011") && !prefixedName(t) {
			cs := compoundCountries(t, si, k)
			out = append(out, cs...)
			if len(cs) > 0 || compoundHasCountry(t) {
				out = append(out, ledOrg(rs, toks, si, k)...)
				continue
			}
		}
		if !(t.cap || prefixedName(t) || (isOrdinal(t) && k+1 < n && toks[k+1].cap)) {
			continue
		}
		if hasAnySuffix(t.low, "-led", "-backed", "-based", "-born", "-made", "-funded", "-armed", "-run", "-owned", "-style", "-speaking",
			"-majority", "-minority", "-dominated", "-controlled", "-held", "-linked", "-aligned", "-affiliated", "-allied", "-populated") {
			// "NATO-led force", "Hamas-run ministry": a known or
			// acronym-named organization acting through a description.
			if m, ok := compoundOrg(t, si, k); ok {
				out = append(out, m)
			} else if m, ok := basedPlace(rs, toks, si, k); ok {
				out = append(out, m)
			}
			continue // "Kurdish-led forces": a description, not a name
		}
		j, based := k, 0
		for j < n {
			u := toks[j]
			// "People's Alliance", "Farmers' Movement": a possessive
			// inside an organization name.
			// "St Flannan's Cathedral", "St Senan's College": a saint's
			// possessive inside a building's or a body's name.
			saint := j >= k+2 && u.text == "'s" && saintWords[toks[j-2].low]
			if j > k && (u.text == "'" && strings.HasSuffix(toks[j-1].low, "s") || u.text == "'s" && (saint || pluralPossessors[toks[j-1].low] || strings.HasSuffix(toks[j-1].low, "men") || titles[toks[j-1].low] || roleNouns[toks[j-1].low] != roleNone)) &&
				u.start == toks[j-1].end && j+1 < n && toks[j+1].cap {
				e := j + 1
				for e < n && toks[e].cap {
					e++
				}
				// "People's Choice", "Teachers' Associations": a capitalized
				// plural possessor inside a sentence opens a body's name
				// (but "the Christian Brothers' Irish province").
				_, head := orgHeads[toks[e-1].low]
				if _, ok := orgHeads[singular(toks[e-1].low)]; ok {
					head = true
				}
				if head || saint && buildingHeads[toks[e-1].low] || (pluralPossessors[toks[j-1].low] || u.text == "'") && toks[j-1].cap && !firstWord(toks, j-1) && countryByAdj[toks[e-1].low] == nil {
					j = e
					continue
				}
			}
			// "Olaniwun & Effiong", "Procter & Gamble": names joined by an
			// ampersand are one firm.
			if j > k && u.text == "&" && j+1 < n && toks[j+1].cap {
				j++
				continue
			}
			// "Quaye, Ansah & Partners": partners listed before the ampersand.
			if j > k && u.text == "," && j+3 < n && toks[j+1].cap && toks[j+2].text == "&" && toks[j+3].cap {
				j++
				continue
			}
			if !u.word {
				break
			}
			// "Eyjaferjur hf.": a legal form written in lower case closes
			// the name.
			if j > k && lowerLegal[u.low] {
				j++
				break
			}
			// "Jasur Akmal o'g'li": a patronymic in lower case closes a
			// person's name.
			if j > k+1 && patronymSuffixes[u.low] {
				j++
				break
			}
			if j > k && hasAnySuffix(u.low, "-led", "-backed", "-run", "-funded", "-owned") {
				break // "The NATO-led force": the compound is read on its own
			}
			if j > k && hasAnySuffix(u.low, "-based", "-born") && !strings.ContainsAny(strings.TrimSuffix(strings.TrimSuffix(u.text, "-based"), "-born"), "-\u2011") {
				based = j
				break // "the New York-based Greystone Harbor Capital"
			}
			if u.cap || isInitial(u) || prefixedName(u) {
				if j > k && strings.ContainsAny(u.text, "-\u2011") && !prefixedName(u) && compoundHasCountry(u) {
					break
				}
				j++
				continue
			}
			if isOrdinal(u) && j+1 < n && toks[j+1].cap {
				j++
				continue
			}
			// "Air Base 101", "Camp 5": a number closes a place or unit name.
			if j > k && isNumber(u.low) && (locHeads[toks[j-1].low] != "" || unitHeads[toks[j-1].low]) {
				j++
				break
			}
			if j > k && nameParticles[u.low] && j+1 < n && (toks[j+1].cap || nameParticles[toks[j+1].low]) && !headline {
				j++
				continue
			}
			// "the Director of Public Prosecutions": an office that acts
			// as a body.
			if j > k && u.low == "of" {
				if l := officeBodyAt(toks, k, j); l > 0 {
					j = l
					break
				}
			}
			// "Secretary of State Antony Blinken".
			if j > k && u.low == "of" && j+1 < n && toks[j+1].cap && titles[foldToks(toks, k, min(j+2, n))] {
				j += 2
				continue
			}
			// "Minister of Economy Mikhail Gvaramadze": an office of a
			// field, then the name.
			if j > k && u.low == "of" {
				if l := ofTitle(toks, j-1); l > 0 {
					j += l - 1
					continue
				}
			}
			// "member of Parliament for Leiden": the seat, not the name.
			if u.low == "for" && j == k+1 && institution[toks[k].low] && k > 0 && toks[k-1].low == "of" {
				break
			}
			// "Citizens for Open Contracts", "Lawyers for Human Rights": a plural
			// for people opening a name that continues with "for".
			pluralFor := u.low == "for" && j == k+1 && len(toks[k].low) > 4 && strings.HasSuffix(toks[k].low, "s") &&
				countryByAdj[toks[k].low] == nil && countryByName[toks[k].low] == nil && !placeAt(toks, j+1) // "Negotiators for Serbia"
			// "Cathedral of Saint George", "Palace of Culture": a building
			// named with "of".
			if j > k && u.low == "of" && buildingHeads[toks[j-1].low] && j+1 < n && toks[j+1].cap {
				j += 2
				continue
			}
			// "Okavango Partners of Johannesburg": a firm's head word
			// before "of" and a known place is the firm and where it is.
			// But "the Stock Exchange of Thailand": with "the" before it,
			// an institution named for its country.
			if j > k && u.low == "of" && orgHeads[toks[j-1].low] == "company" && !orgOfHeads[toks[j-1].low] && j+1 < n && placeAt(toks, j+1) &&
				!(k > 0 && toks[k-1].low == "the" && countryAt(toks, j+1)) {
				break
			}
			if j > k && (u.low == "of" || u.low == "for") && (orgish(toks, k, j) || pluralFor) && j+1 < n {
				if toks[j+1].cap {
					j += 2
					continue
				}
				if toks[j+1].low == "the" && j+2 < n && toks[j+2].cap {
					j += 3
					continue
				}
			}
			// "Islamic State in the Greater Sahara", "Al Qaeda in the
			// Islamic Maghreb": a group named with its region.
			if j-k >= 2 && u.low == "in" && j+3 < n && toks[j+1].low == "the" && toks[j+2].cap && toks[j+3].cap &&
				countryByName[foldToks(toks, k, j)] == nil && !titles[toks[k].low] {
				e := j + 2
				for e < n && toks[e].cap {
					e++
				}
				if countryByName[foldToks(toks, j+2, e)] == nil && !regionNames[foldToks(toks, j+2, e)] {
					j = e
					continue
				}
			}
			// "Port of Spain": a capital named with "of".
			if j > k && u.low == "of" && j+1 < n && toks[j+1].cap && countryByCapital[foldToks(toks, j-1, j+2)] != nil {
				j += 2
				continue
			}
			if j > k && u.low == "and" && j+1 < n && toks[j+1].cap {
				if _, ok := countryByName[foldToks(toks, k, j+2)]; ok {
					j += 2
					continue
				}
				// "Party for Freedom and Democracy", "Islamic State of
				// Iraq and Syria": a coordinated name after of/for.
				if j-k >= 3 && (toks[j-2].low == "of" || toks[j-2].low == "for") && orgish(toks, k, j-2) {
					j += 2
					continue
				}
				// "Court for the Suppression of Financial Crimes and
				// Corruption": an ordinary word coordinated at the end of
				// an of/for name, not a second name.
				if ofName(toks, k, j) && (j+2 >= n || !toks[j+2].cap) && ordinaryWords(toks, j+1, j+2) && !placeAt(toks, j+1) {
					j += 2
					continue
				}
				// "Ethics and Anti-Corruption Commission": a head word
				// closes the coordinated name.
				e := j + 1
				for e < n && toks[e].cap {
					e++
				}
				// In a list ("Sequoia Capital, Tiger Global and SoftBank
				// Vision Fund") the "and" ends an item,
				// and a name with its own head word ("Nordvik Energi and
				// Baltic Freight Lines") is one of two.
				listed := k >= 2 && toks[k-1].text == "," && toks[k-2].cap
				// "an institute in Bremerhaven and Memorial University": one
				// word after a preposition of place is where, not a name's start.
				listed = listed || j == k+1 && k > 0 && (toks[k-1].low == "in" || toks[k-1].low == "near")
				_, ownHead := orgHeads[toks[j-1].low]
				if _, head := orgHeads[toks[e-1].low]; head && e-j >= 2 && !titles[toks[k].low] && !listed && !ownHead {
					j = e
					continue
				}
				// "Office for Democratic Institutions and Human Rights
				// (ODIHR)": an acronym after that spells the words on both
				// sides of the "and" makes them one name.
				if e-j >= 2 && acronymAfter(toks, k, e) && !acronymAfter(toks, j+1, e) {
					j = e
					continue
				}
			}
			break
		}
		if based > 0 {
			// The place of "New York-based": the words before and the
			// compound's first part; the name after is read on its own.
			a := k
			for a < based && stopCaps[toks[a].low] {
				a++
			}
			p := strings.TrimSuffix(strings.TrimSuffix(toks[based].text, "-based"), "-born")
			text := p
			if a < based {
				text = surface(rs, toks, a, based) + " " + p
			}
			if _, known := knownOrgs[fold(text)]; !known && !isAllCaps(text) {
				out = append(out, mention{sent: si, tts: a, ts: a, te: based + 1, start: toks[a].start,
					end: toks[based].start + utf8.RuneCountInString(p), text: text, typ: kg.Location, sub: "city", ent: -1})
			}
			k = based
			continue
		}
		// Trim connectors and particles left at the end.
		for j > k && !(toks[j-1].cap || lowerLegal[toks[j-1].low] || patronymSuffixes[toks[j-1].low] || isInitial(toks[j-1]) || prefixedName(toks[j-1]) || isOrdinal(toks[j-1]) ||
			isNumber(toks[j-1].low) && j-1 > k && (locHeads[toks[j-2].low] != "" || unitHeads[toks[j-2].low])) {
			j--
		}
		a := k
		// Sentence-initial and function words are not names; a month or a
		// feast that is also a given name opens a full name ("Ramadan
		// Ashour", "June Okafor") when no preposition puts a date there.
		for a < j && !givenDate(toks, a, j) && !allName(toks, a, j) && !givenSaid(toks, a, j) && (stopCaps[toks[a].low] && !titles[toks[a].low] && !(a+1 < j && toks[a+1].text == "'s") || groupAdjs[toks[a].low] && !(j-a >= 2 && (orgHeads[toks[j-1].low] != "" || orgHeads[toks[a+1].low] != "" && toks[a+1].cap))) {
			a++
		}
		// "Teammates Ryo Tanaka and …": a plural noun opening the sentence
		// before a full name is no part of it.
		if a == k && j-a >= 3 && firstWord(toks, a) && pluralNoun(toks[a]) {
			a++
		}
		// "Opposition Democratic Party leader …", "Neighboring Río Negro":
		// a modifier capitalized only because it opens the sentence.
		if a == k && j-a >= 2 && firstWord(toks, a) && openingModifiers[toks[a].low] && !(j-a == 2 && orgHeadWord(toks[a+1].low)) {
			a++
		}
		k = j - 1
		if a >= j {
			continue
		}
		// "cut its rating to C", "Plan B": a letter alone names nothing.
		if j-a == 1 && utf8.RuneCountInString(strings.TrimSuffix(toks[a].text, ".")) == 1 {
			continue
		}
		// "Operation Grey Tide" names an operation, an event that is
		// no Person, Organization or Location (ONTOLOGY.md).
		if j-a >= 2 && toks[a].low == "operation" {
			continue
		}
		if headline {
			// In a headline only gazetteer names are trusted, the longest
			// first ("Papua New Guinea", not "Guinea").
			for i := a; i < j; i++ {
				for e := min(j, i+4); e > i; e-- {
					if m, ok := gazetteerMention(rs, toks, si, i, e); ok {
						out = append(out, m)
						i = e - 1
						break
					}
				}
			}
			continue
		}
		// "Iraqi SWAT teams": a demonym before a name that is not an
		// organization is only the country.
		if j-a >= 2 && countryByAdj[toks[a].low] != nil && titleAt(toks, a+1, j) == 0 && !(j-a >= 4 && orgOfHeads[toks[a+1].low] && (toks[a+2].low == "of" || toks[a+2].low == "for")) &&
			countryByName[foldToks(toks, a, j)] == nil { // "Czech Republic" is one name
			if _, head := orgHeads[toks[j-1].low]; !head {
				if m, ok := gazetteerMention(rs, toks, si, a, a+1); ok {
					out = append(out, m)
					a++
				}
			}
		}
		out = append(out, classify(rs, toks, si, a, j)...)
	}
	out = fieldMinistries(rs, toks, si, out)
	// "Manila protested": the capital acts for the state, and the city
	// is still a place of its own.
	for i := range out {
		if out[i].metonym {
			c := out[i]
			c.country, c.sub, c.capital, c.shadow, c.metonym, c.poss = nil, "city", true, true, false, false
			out = append(out, c)
		}
	}
	if byline {
		for i := range out {
			if out[i].typ == "" && out[i].country == nil {
				out[i].typ, out[i].strong = kg.Person, true
			}
		}
	}
	out = nicknamed(toks, out)
	coordinatePersons(toks, out)
	out = demonymBodies(rs, toks, si, out)
	// "the Malian army": a demonym before a force noun makes the country
	// an actor even when the country is never named.
	for i := range out {
		m := &out[i]
		if m.adj && !m.acts && m.te < n && (forceNouns[toks[m.te].low] || captivityNouns[toks[m.te].low] || homeNoun(toks, m.te)) {
			m.acts = true
		}
	}
	return out
}

// nicknamed joins a name broken by a quoted nickname into one person:
// "Martín "el Ruso" Abramovich" is Martín Abramovich, who is called "el
// Ruso". The nickname is no name of its own.
func nicknamed(toks []token, out []mention) []mention {
	for x := 0; x < len(out); x++ {
		a := &out[x]
		q := a.te
		if q >= len(toks) || !isQuote(toks[q]) || a.country != nil || a.typ != "" && a.typ != kg.Person || a.te-a.ts > 3 {
			continue
		}
		// The closing quote within four words, then the rest of the name.
		c := q + 1
		for c < len(toks) && c <= q+4 && !isQuote(toks[c]) {
			c++
		}
		if c == q+1 || c > q+4 || c+1 >= len(toks) || !isQuote(toks[c]) || !toks[c+1].cap {
			continue
		}
		y := -1
		for k := x + 1; k < len(out); k++ {
			if out[k].ts == c+1 {
				y = k
				break
			}
		}
		if y < 0 {
			continue
		}
		b := out[y]
		if b.country != nil || b.typ != "" && b.typ != kg.Person || b.te-b.ts > 3 {
			continue
		}
		a.text = a.text + " " + b.text
		a.te, a.end = b.te, b.end
		a.typ, a.sub, a.strong, a.poss = kg.Person, "", true, b.poss
		// Drop the nickname's mentions and the surname's.
		kept := out[:x+1]
		for k := x + 1; k < len(out); k++ {
			if out[k].ts >= q && out[k].te <= b.te {
				continue
			}
			kept = append(kept, out[k])
		}
		out = kept
	}
	return out
}

// ordinaryWords reports that toks[a:b] are all English words that are
// written in lower case inside sentences: a name built of descriptions.
func ordinaryWords(toks []token, a, b int) bool {
	for i := a; i < b; i++ {
		if !lowerCaseWord(toks[i].low) {
			return false
		}
	}
	return a < b
}

// ofName reports an organization head word followed by "of" or "for" in
// toks[k:j]: "Court for the …", "Institute of …".
func ofName(toks []token, k, j int) bool {
	for i := k + 1; i < j; i++ {
		if (toks[i].low == "of" || toks[i].low == "for") && orgish(toks, k, i) {
			return true
		}
	}
	return false
}

// allName reports "All" opening an organization name that ends in a head
// word ("All Progressives Congress", "All Nations Patients Network"), where it
// is no sentence word.
func allName(toks []token, a, j int) bool {
	_, head := orgHeads[toks[j-1].low]
	return toks[a].low == "all" && j-a >= 3 && head
}

// compoundOrg reads the organization before the hyphen of "NATO-led" or
// "Hezbollah-run": an acronym or a well-known name.
func compoundOrg(t token, si, k int) (mention, bool) {
	i := strings.LastIndexAny(t.text, "-\u2011")
	if i <= 0 {
		return mention{}, false
	}
	p := t.text[:i]
	sub, known := knownOrgs[fold(p)]
	if !known && !(isAllCaps(p) && utf8.RuneCountInString(p) >= 2 && !strings.Contains(p, ".")) {
		return mention{}, false
	}
	if countryByName[fold(p)] != nil || countryByAdj[fold(p)] != nil {
		return mention{}, false
	}
	return mention{sent: si, tts: k, ts: k, te: k + 1, start: t.start, end: t.start + utf8.RuneCountInString(p),
		text: p, typ: kg.Organization, sub: sub, strong: true, ent: -1, adj: true, acts: true}, true
}

// basedPlace reads the city of "a Bilbao-based company": one capitalized
// word before "-based", not after another name ("Silicon Valley-based").
func basedPlace(rs []rune, toks []token, si, k int) (mention, bool) {
	t := toks[k]
	p, ok := strings.CutSuffix(t.text, "-based")
	if !ok || p == "" || strings.ContainsAny(p, "-\u2011.") || isAllCaps(p) || k > 0 && toks[k-1].cap && !firstWord(toks, k-1) {
		return mention{}, false
	}
	if _, known := knownOrgs[fold(p)]; known {
		return mention{}, false
	}
	return mention{sent: si, tts: k, ts: k, te: k + 1, start: t.start, end: t.start + utf8.RuneCountInString(p),
		text: p, typ: kg.Location, sub: "city", ent: -1}, true
}

// compoundHasCountry reports a hyphenated token with a country part.
func compoundHasCountry(t token) bool {
	for _, p := range strings.FieldsFunc(t.text, func(r rune) bool { return r == '-' || r == '\u2011' }) {
		f := fold(p)
		if r, _ := utf8.DecodeRuneInString(p); unicode.IsUpper(r) && (countryByAdj[f] != nil || countryByName[f] != nil) {
			return true
		}
	}
	return false
}

// compoundCountries returns the country parts of a hyphenated token as
// adjective mentions.
func compoundCountries(t token, si, k int) []mention {
	var out []mention
	off := 0
	for _, p := range strings.FieldsFunc(t.text, func(r rune) bool { return r == '-' || r == '\u2011' }) {
		i := strings.Index(t.text[off:], p) + off
		runeOff := utf8.RuneCountInString(t.text[:i])
		off = i + len(p)
		f := fold(p)
		if r, _ := utf8.DecodeRuneInString(p); !unicode.IsUpper(r) {
			continue // "Dong-uk": a lower-case part names no country
		}
		c := countryByAdj[f]
		if c == nil {
			c = countryByName[f]
		}
		if c == nil {
			if cc := countryByCapital[f]; cc != nil && strings.HasSuffix(t.low, "-based") {
				// "Baghdad-based": the city.
				st := t.start + runeOff
				out = append(out, mention{sent: si, tts: k, ts: k, te: k + 1, start: st, end: st + utf8.RuneCountInString(p),
					text: p, typ: kg.Location, sub: "city", capital: true, strong: true, ent: -1})
			}
			continue
		}
		st := t.start + runeOff
		acts := hasAnySuffix(t.low, "-backed", "-led", "-financed", "-funded", "-armed", "-supported", "-sponsored", "-trained", "-flagged", "-registered", "-owned")
		out = append(out, mention{sent: si, tts: k, ts: k, te: k + 1, start: st, end: st + utf8.RuneCountInString(p),
			text: p, typ: kg.Location, sub: "country", country: c, adj: true, strong: true, ent: -1, acts: acts})
	}
	return out
}

// gazetteerMention types toks[a:b] from the country tables alone.
func gazetteerMention(rs []rune, toks []token, si, a, b int) (mention, bool) {
	return foldedGazetteerMention(rs, toks, si, a, b, foldToks(toks, a, b))
}

// foldedGazetteerMention is gazetteerMention with toks[a:b] already folded
// to f.
func foldedGazetteerMention(rs []rune, toks []token, si, a, b int, f string) (mention, bool) {
	m, ok := gazetteerType(toks, si, a, b, f)
	if ok {
		m.text = surface(rs, toks, a, b) // only a hit's text is read
	}
	return m, ok
}

// gazetteerType is gazetteerMention's typing, without the text.
func gazetteerType(toks []token, si, a, b int, f string) (mention, bool) {
	m := mention{sent: si, tts: a, ts: a, te: b, start: toks[a].start, end: toks[b-1].end,
		typ: kg.Location, strong: true, ent: -1}
	m.poss = b < len(toks) && toks[b].text == "'s"
	switch {
	case countryByName[f] != nil:
		m.country, m.sub = countryByName[f], "country"
	case countryByPeople[f] != nil:
		m.country, m.sub, m.people = countryByPeople[f], "country", true
	case countryByAdj[f] != nil:
		m.country, m.sub, m.adj = countryByAdj[f], "country", true
	case countryByCapital[f] != nil:
		m.country, m.sub = countryByCapital[f], "country"
		// A capital is the country only when it acts: "Washington's
		// ally", "Tehran said"; after a preposition it is the city.
		prevPrep := a > 0 && locPreps[toks[a-1].low]
		// "accused Belgrade of": a capital as a verb's object is the state;
		// one visited is the city.
		if a > 0 {
			if l := cueLemma(toks[a-1].low); l != "" && l != "visit" {
				return m, true
			}
		}
		acts := m.poss || (b < len(toks) && (isVerbish(toks[b].low) || toks[b].low == "wants" || speechVerbs[toks[b].low] ||
			(strings.HasSuffix(toks[b].low, "ed") && !toks[b].cap)))
		if (prevPrep || !acts) && !stateCapitals[f] {
			m.country, m.sub, m.capital = nil, "city", true
		} else if !stateCapitals[f] {
			m.metonym = true
		}
	case regionNames[f]:
		m.sub = "region"
	case cityNames[f]:
		m.sub = "city"
	default:
		return m, false
	}
	return m, true
}

// classify types the capitalized span toks[a:b], peeling titles.
func classify(rs []rune, toks []token, si, a, b int) []mention {
	n := len(toks)
	last := toks[b-1].low
	if isNumber(last) && b-a >= 2 {
		last = toks[b-2].low // "Air Base 101"
	}
	base := mention{sent: si, tts: a, ent: -1}
	base.poss = b < n && toks[b].text == "'s"
	mk := func(p int, typ kg.EntityType, sub string, strong bool) mention {
		m := base
		m.ts, m.te = p, b
		m.start, m.end = toks[p].start, toks[b-1].end
		m.text = surface(rs, toks, p, b)
		m.typ, m.sub, m.strong = typ, sub, strong
		return m
	}
	// The span folded once: the office, title, gazetteer and known-body
	// lookups below ask for it while no title is peeled.
	whole := foldToks(toks, a, b)
	if officeBodies[whole] {
		return []mention{mk(a, kg.Organization, "government", true)}
	}
	// "3rd Infantry Division of the Sudanese Armed Forces": a unit of a
	// larger body is two organizations.
	for i := a + 2; i+1 < b; i++ {
		if toks[i].low != "of" || !unitHeads[toks[i-1].low] {
			continue
		}
		j := i + 1
		if toks[j].low == "the" {
			j++
		}
		if _, head := orgHeads[last]; head && j < b {
			first := b
			b = i
			m1 := mk(a, kg.Organization, orgHeads[toks[i-1].low], true)
			b = first
			m2 := mk(j, kg.Organization, orgHeads[last], true)
			m2.tts = j
			return []mention{m1, m2}
		}
	}
	// Organizations by head word: "Interior Ministry", "Ministry of
	// Defense", "Border Guards 2nd Division".
	if b-a >= 2 && legalForm(toks[b-1]) || legalPrefixes[toks[a].low] && b-a >= 2 && toks[a].cap || hasAmpersand(toks, a, b) {
		return []mention{mk(a, kg.Organization, "company", true)}
	}
	if sub, ok := orgPrefixes[toks[a].low]; ok && b-a >= 2 && toks[a].cap && titleAt(toks, a+1, b) == 0 {
		return []mention{mk(a, kg.Organization, sub, true)}
	}
	if sub, ok := orgHeads[last]; ok && (b-a >= 2 || institution[last]) {
		p := a
		// A title before an organization is not part of it.
		if titles[toks[a].low] && !orgOfHeads[toks[a].low] && b-a >= 3 && !toks[a+1].cap {
			p = a + 1
		}
		return []mention{mk(p, kg.Organization, sub, true)}
	}
	// "Citizens for Accountable Policing", "Lawyers for Human Rights": people
	// for a cause are a body.
	if b-a >= 3 && toks[a+1].low == "for" && pluralNoun(toks[a]) && countryByAdj[toks[a].low] == nil {
		return []mention{mk(a, kg.Organization, "ngo", true)}
	}
	if b-a >= 3 && orgOfHeads[toks[a].low] && (toks[a+1].low == "of" || toks[a+1].low == "for") {
		return []mention{mk(a, kg.Organization, orgHeads[toks[a].low], true)}
	}
	// A head word before "of"/"for" inside the span: "Washington Institute
	// for Near East Policy", "U.S. Attorney's Office for the Northern
	// District of California", "Center for Justice and Security Studies".
	for i := a; i+1 < b; i++ {
		// "Directorate General of …": "General" after a head word is no rank.
		at := i + 1
		if toks[at].low == "general" && at+1 < b {
			at++
		}
		if sub, ok := orgHeads[toks[i].low]; ok && toks[i].cap && (toks[at].low == "of" || toks[at].low == "for") {
			return []mention{mk(a, kg.Organization, sub, true)}
		}
	}
	for i := a; i+1 < b; i++ {
		if buildingHeads[toks[i].low] && toks[i+1].low == "of" {
			return []mention{mk(a, kg.Location, "facility", true)}
		}
	}
	// "the Sultan Qaboos Sports Complex", "King Fahd International
	// Airport": a title opening a facility's name is part of it.
	// ("Port of Spain General Hospital": nor is a rank inside it.)
	if s := locHeads[last]; s == "facility" && b-a >= 3 && toks[b-1].cap && (titles[toks[a].low] && toks[a+1].cap || titleInside(toks, a+1, b-1)) {
		return []mention{mk(a, kg.Location, s, true)}
	}
	// Peel titles: "Lt. Gen.", "Prime Minister", "Sheikh", and a demonym
	// before a title ("Iraqi Prime Minister").
	p := a
	var demonym *country
	for p < b {
		if p == a && b-p >= 2 {
			if c := countryByAdj[toks[p].low]; c != nil && titleAt(toks, p+1, b) > 0 {
				demonym = c
				p++
				continue
			}
		}
		l := titleAt(toks, p, b)
		// "Economist Radu Vlad said": a trade opening the sentence before
		// a full name is capitalized only by its place.
		if l == 0 && p == a && b-p >= 3 && firstWord(toks, p) && (roleNouns[toks[p].low] != roleNone || personNouns[toks[p].low]) &&
			toks[p+1].cap && !isAllCaps(toks[p].text) {
			l = 1
		}
		if l == 0 {
			break
		}
		// "the General Court Martial", "the General Assembly": a title
		// word opening a body's name.
		if p == a && p+l < b && orgHeadWord(toks[p+l].low) {
			return []mention{mk(a, kg.Organization, orgHeads[toks[p+l].low], true)}
		}
		p += l
	}
	var body []mention
	if p == a {
		// "Interior Minister Qassim al-Araji": capitalized words ending in
		// a role noun.
		for q := b - 2; q > a; q-- {
			if titles[toks[q].low] || roleNouns[toks[q].low] != roleNone {
				ok := true
				for i := a; i < q; i++ {
					if nameParticles[toks[i].low] || isInitial(toks[i]) {
						ok = false
					}
				}
				if ok {
					p = q + 1
					// "European Commission President Ursula Weber": the
					// body before the title is named too.
					// ("Digital Development Minister X": a minister's
					// portfolio is no body.)
					if sub, head := orgHeads[toks[q-1].low]; head && q-a >= 2 && toks[q].low != "minister" {
						m := mk(a, kg.Organization, sub, true)
						m.te, m.end, m.text, m.poss = q, toks[q-1].end, surface(rs, toks, a, q), false
						body = append(body, m)
					} else if q-a >= 2 && portfolioAfter(toks, a+1, q) {
						// "Quebec Labour Minister X": the state or region
						// whose minister it is, before the portfolio.
						m, ok := gazetteerMention(rs, toks, si, a, a+1)
						if !ok {
							m = mk(a, kg.Location, "region", true)
							m.te, m.end, m.text, m.poss = a+1, toks[a].end, toks[a].text, false
						}
						body = append(body, m)
					}
				}
				break
			}
		}
	}
	if p >= b {
		return nil // a bare title
	}
	var out []mention
	if demonym != nil {
		dm := mention{sent: si, tts: a, ts: a, te: a + 1, start: toks[a].start, end: toks[a].end,
			text: toks[a].text, typ: kg.Location, sub: "country", country: demonym, adj: true, strong: true, ent: -1}
		out = append(out, dm)
	}
	out = append(out, body...)
	// "the Prime Minister said": a title alone is a common noun written
	// with capitals; "the Patriot Act", "the Kandor Accords": texts are no
	// entities.
	f := whole
	if p > a {
		f = foldToks(toks, p, b)
	}
	if b-p >= 2 && (titles[f] || roleNouns[f] != roleNone || textHeads[toks[b-1].low]) {
		return out
	}
	// "Australia's Pacific Minister, X": a post named by its portfolio.
	if b-p >= 2 && p == a && postWords[toks[b-1].low] && !hasOf(toks, p, b) {
		return out
	}
	if p > a {
		m := mk(p, kg.Person, "", true)
		m.title = surface(rs, toks, a, p)
		if demonym != nil {
			m.title = surface(rs, toks, a+1, p)
		}
		tf := foldToks(toks, a, a+1)
		switch {
		case maleTitles[tf]:
			m.gender = 1
		case femaleTitles[tf]:
			m.gender = 2
		}
		return append(out, m)
	}
	// (Here p == a: a name after a title returned above.)
	if m, ok := foldedGazetteerMention(rs, toks, si, p, b, whole); ok {
		return append(out, m)
	}
	if sub, ok := knownOrgs[whole]; ok {
		return append(out, mk(p, kg.Organization, sub, true))
	}
	// "Amnesty International Kenya": a known body's national branch.
	for l := b - 1; l >= p+1; l-- {
		// "Greenpeace Nordic": a one-word charity's national branch.
		if sub, ok := knownOrgs[foldToks(toks, p, l)]; ok && (l-p >= 2 || sub == "ngo") {
			return append(out, mk(p, kg.Organization, sub, true))
		}
		// "a UNESCO World Heritage site": a known body's acronym before
		// words that make no body's name is that body alone.
		if sub, ok := knownOrgs[toks[p].low]; ok && l == p+1 && isAllCaps(toks[p].text) && !orgHeadWord(toks[b-1].low) {
			m := mk(p, kg.Organization, sub, true)
			m.te, m.end, m.text, m.poss = l, toks[p].end, toks[p].text, false
			return append(out, m)
		}
	}
	// "Cártel de la Costa Norte", "Banco del Sur": a head word and a
	// particle open an organization name in Romance languages, whatever
	// the description before it ("its partner, Grupo Ferral").
	// "Union Nationale des Industries": an adjective may come first.
	if b-p >= 3 && (nameParticles[toks[p+1].low] || b-p >= 4 && nameParticles[toks[p+2].low]) && !nameParticles[toks[p].low] {
		if sub, ok := romanceHeads[fold(toks[p].text)]; ok {
			return append(out, mk(p, kg.Organization, sub, true))
		}
	}
	// "Union Nationale des Industries de la Manutention (UNIM)": a name
	// whose initials an acronym in parentheses after it spells is a body's.
	if b-p >= 2 && acronymAfter(toks, p, b) {
		return append(out, mk(p, kg.Organization, "", true))
	}
	// "Grupo Lazcano", "Federación Minera del Norte": a head word that is
	// no English word opens an organization name with any words after it.
	if sub, ok := romanceHeads[fold(toks[p].text)]; ok && b-p >= 2 && !englishHeads[fold(toks[p].text)] {
		return append(out, mk(p, kg.Organization, sub, true))
	}
	// "the party, Rural Voice", "a cement company, Ciments du Sahel": a
	// name set beside an organization noun names that organization.
	typ, sub := descriptionBefore(toks, p)
	if typ != "" {
		return append(out, mk(p, typ, sub, true))
	}
	agentBefore := sub == "agent"
	// Context that names a place or a group beats the shape of a name:
	// "the city of Deir al-Zour", "the Liwa al-Fatemiyoun militia".
	// "the ports of Sinaloa and Nayarit": a plural too.
	if p > 0 && toks[p-1].low == "of" && p > 1 && placeNouns[singular(toks[p-2].low)] != "" {
		return append(out, mk(p, kg.Location, placeNouns[singular(toks[p-2].low)], false))
	}
	if b < n && groupNouns[toks[b].low] && !toks[b].cap && (b-p >= 2 || p > 0 && toks[p-1].text != "\"") {
		if _, isOrg := orgNouns[toks[b].low]; isOrg {
			return append(out, mk(p, kg.Organization, orgNouns[toks[b].low], false))
		}
	}
	// "Hashd al-Shaabi commanders": fighters belong to an armed group,
	// whatever the shape of its name.
	if b < n && armedMembers[toks[b].low] {
		return append(out, mk(p, kg.Organization, "militia", false))
	}
	// "the Potosí departmental assembly": a single name before the
	// government body of a region is the region.
	if b-p == 1 && p > 0 && toks[p-1].low == "the" && regionalBody(toks, b) {
		return append(out, mk(p, kg.Location, "region", false))
	}
	// "the National Dawn party", "the Amal movement": a name before a
	// lower-case noun for a kind of body that goes by names.
	if sub, ok := namedBodies[toks[min(b, n-1)].low]; ok && b < n && p > 0 && !isQuote(toks[p-1]) {
		return append(out, mk(p, kg.Organization, sub, false))
	}
	// "the state-run Saba news agency", "Xinhua news agency": a name before
	// a compound noun for a press body.
	if b+1 < n && pressNouns[toks[b].low+" "+toks[b+1].low] && !toks[b].cap && !toks[b+1].cap {
		return append(out, mk(p, kg.Organization, "media", false))
	}
	// "Cerro Dragón", "Río Negro": a Spanish or Portuguese word for a kind
	// of place opens a place's name.
	if sub := placeOpeners[fold(toks[p].text)]; sub != "" && b-p >= 2 && !base.poss && toks[p+1].cap {
		return append(out, mk(p, kg.Location, sub, false))
	}
	// "a civil court in Viña del Mar": a name with a particle after a
	// preposition of place is a place, unless it owns something.
	if b-p >= 3 && p > 0 && placeParticle(toks, p, b) && !base.poss {
		return append(out, mk(p, kg.Location, "", false))
	}
	// Person by shape: particles, initials, suffixes ("Abu Bakr al-Zawi",
	// "Douglas J. Silliman", "John Smith Jr."), unless a word for a kind of
	// place or body opens the name ("Rio de Oro", "Jabhat al-Nusra") or
	// the sentence says it is a body or a place ("Hashd al-Shaabi
	// fighters", "X, a trading company").
	if b-p >= 2 {
		for i := p; i < b; i++ {
			// ("B. Tuvshin": an initial before a single name, as Mongolian
			// names are written.)
			if prefixedName(toks[i]) || (i > p && (nameParticles[toks[i].low] || isInitial(toks[i]))) ||
				(i == b-1 && nameSuffixes[toks[i].low]) ||
				i == p && b-p == 2 && isInitial(toks[p]) && !orgHeadWord(toks[b-1].low) && locHeads[toks[b-1].low] == "" {
				if s, ok := particlePlaceHeads[fold(toks[p].text)]; ok && i > p {
					return append(out, mk(p, kg.Location, s, true))
				}
				if arabicOrgHeads[fold(toks[p].text)] && i > p {
					return append(out, mk(p, kg.Organization, "", true))
				}
				if typ, sub := shapeContext(toks, p, b); typ != "" {
					return append(out, mk(p, typ, sub, false))
				}
				return append(out, mk(p, kg.Person, "", true))
			}
		}
	}
	// Places by shape: "Camp Bucca", "Baltic Sea", "Anbar Province".
	if s, ok := locPrefixes[toks[p].low]; ok && b-p >= 2 {
		return append(out, mk(p, kg.Location, s, true))
	}
	if s, ok := locHeads[last]; ok && b-p >= 2 {
		return append(out, mk(p, kg.Location, s, true))
	}
	// "Jubaland's fisheries minister": a name whose minister or governor
	// it is names a state or a region.
	if b-p == 1 && stateOwner(toks, b) {
		return append(out, mk(p, kg.Location, "region", true))
	}
	// Context decides the rest.
	m := mk(p, "", "", false)
	// An apposition says what a name is, whatever the words before it.
	m.typ, m.sub = descriptionAfter(toks, b)
	agent := m.sub == "agent" || agentBefore
	if m.typ == "" {
		m.typ, m.sub = contextType(toks, p, b)
	}
	if m.typ == "" {
		m.typ, m.sub = evidenceType(toks, p, b)
	}
	if agent && m.typ == "" {
		// "Idris Haybe, a fish exporter": a firm or a person; the name
		// finder says which (statisticalVotes).
		m.sub, m.agent = "", true
	}
	if m.sub == "kin" {
		// "his brother Frank": a first name alone is still a person.
		m.sub, m.strong = "", true
	}
	return append(out, m)
}

// portfolioAfter reports a minister's portfolio in toks[a:q] before the
// title at toks[q], after a name at toks[a-1] that is no portfolio word:
// "Quebec Labour Minister", "Punjab Finance Minister".
func portfolioAfter(toks []token, a, q int) bool {
	// (Not an adjective of the post: "National Security Minister",
	// "Digital Development Minister", "Deputy Finance Minister".)
	w := toks[a-1].low
	if toks[q].low != "minister" || lowerCaseWord(toks[a-1].text) || !toks[a-1].cap || countryByAdj[w] != nil ||
		portfolios[w] || titles[w] || stopCaps[w] || strings.HasSuffix(w, "al") {
		return false
	}
	for i := a; i < q; i++ {
		if !toks[i].cap || !lowerCaseWord(toks[i].text) && !portfolios[toks[i].low] {
			return false
		}
	}
	return true
}

// tradesBefore reports a plural trade or person noun in lower case before
// the name at toks[a], or before the names listed with it: "the
// pharmacists X and Y", "the brothers X, Y and Z". What follows the list
// ("…, which was bought") is said of something else.
func tradesBefore(toks []token, a int) bool {
	i := a - 1
	for i >= 1 && (toks[i].low == "and" || toks[i].text == ",") && toks[i-1].cap {
		i--
		for i >= 0 && toks[i].cap {
			i--
		}
	}
	if i < 0 || toks[i].cap || !strings.HasSuffix(toks[i].low, "s") {
		return false
	}
	w := singular(toks[i].low)
	return w != toks[i].low && (roleNouns[w] != roleNone && roleNouns[w] != roleOther || personNouns[w])
}

// titleInside reports a title word among toks[a:b].
func titleInside(toks []token, a, b int) bool {
	for i := a; i < b; i++ {
		if titles[toks[i].low] {
			return true
		}
	}
	return false
}

// givenSaid reports "Said" opening a full name inside a sentence ("the
// businessman Said Hassan Warsame"): the verb is written in lower case
// there.
func givenSaid(toks []token, a, j int) bool {
	return toks[a].text == "Said" && j-a >= 2 && !firstWord(toks, a) && !(a > 0 && isQuote(toks[a-1]))
}

// dateNames are months and feasts that are also given names.
var dateNames = map[string]bool{"ramadan": true, "april": true, "may": true, "june": true, "august": true}

// givenDate reports a date word at toks[a] that opens a person's name in
// toks[a:j]: a capitalized word follows that is no date word or number, and
// no preposition or determiner of time comes before it ("in May", "last
// June", "during Ramadan").
func givenDate(toks []token, a, j int) bool {
	if !dateNames[toks[a].low] || a+1 >= j || !toks[a+1].cap || stopCaps[toks[a+1].low] || monthNum[toks[a+1].low] > 0 {
		return false
	}
	if a > 0 {
		switch toks[a-1].low {
		case "in", "on", "during", "since", "until", "till", "by", "before", "after", "last", "next", "this", "early",
			"mid", "late", "of", "from", "through", "throughout", "to", "the", "each", "every", "holy", "that":
			return false
		}
	}
	return true
}

// placeOpeners open place names with no particle after them.
var placeOpeners = map[string]string{"rio": "region", "cerro": "region", "sierra": "region", "lago": "region",
	"laguna": "region", "isla": "region", "bahia": "region", "cabo": "region", "puerto": "city", "punta": "region"}

// particlePlaceHeads open place names that continue with a particle:
// "Rio de Oro", "Ciudad del Este", "Wadi al-Kabir", "Dar es Salaam".
var particlePlaceHeads = map[string]string{
	"rio": "region", "ciudad": "city", "villa": "city", "vila": "city", "puerto": "city", "porto": "city",
	"isla": "region", "ilha": "region", "sierra": "region", "cerro": "region", "lago": "region", "bahia": "region",
	"costa": "region", "punta": "region", "cabo": "region", "monte": "region", "castel": "city", "castello": "city",
	"wadi": "region", "jabal": "region", "jebel": "region", "ras": "region", "bab": "city", "deir": "city",
	"kafr": "city", "beit": "city", "dar": "city", "bandar": "city", "kota": "city", "kuala": "city",
	"pulau": "region", "tanjung": "region", "santo": "city", "sao": "city", "san": "city", "santa": "city",
	"ciudade": "city", "pueblo": "city", "valle": "region", "bois": "region", "mont": "region", "port": "city",
}

// arabicOrgHeads open the names of Arabic-named groups and parties
// ("Jabhat al-Nusra", "Hashd al-Shaabi", "Hizb al-Tahrir").
var arabicOrgHeads = map[string]bool{
	"hashd": true, "jabhat": true, "jabha": true, "ansar": true, "liwa": true, "saraya": true, "harakat": true,
	"haraka": true, "kataib": true, "kataeb": true, "asaib": true, "jaish": true, "jaysh": true, "hizb": true,
	"majlis": true, "jamaat": true, "jamaa": true, "jamiat": true, "tanzim": true, "hayat": true, "tahrir": true,
	"quwat": true, "firqat": true, "faylaq": true, "thuwar": true, "harakat-ul": true, "lashkar": true,
	"tehreek": true, "tehrik": true, "sipah": true, "jund": true, "ahrar": true, "fursan": true, "hai'at": true,
	"hay'at": true, "kata'ib": true, "asa'ib": true, "mu'assasat": true, "sharikat": true, "bank": true, "banque": true,
}

// shapeContext reads the sentence around a name shaped like a person's
// for a body or a place: an apposition, the nouns after it, the words
// before it. It returns "" unless they say Organization or Location.
func shapeContext(toks []token, a, b int) (kg.EntityType, string) {
	typ, sub := descriptionAfter(toks, b)
	if typ == "" && sub == "" {
		typ, sub = contextType(toks, a, b)
	}
	if typ == kg.Organization || typ == kg.Location {
		return typ, sub
	}
	return "", ""
}

// placeParticle reports a name of capitalized words joined by a Romance
// particle ("Viña del Mar", "Santa Cruz de la Sierra") right after "in",
// "near" or "outside": people are seldom found in other people.
func placeParticle(toks []token, p, b int) bool {
	switch toks[p-1].low {
	case "in", "near", "outside":
	default:
		return false
	}
	particle := false
	for i := p + 1; i < b-1; i++ {
		switch toks[i].low {
		case "del", "de", "la", "do", "da", "dos", "das", "di", "sur", "les", "los", "las":
			particle = true
		}
	}
	return particle && toks[b-1].cap
}

// countryAt reports a gazetteer country's name starting at toks[i] and
// ending its capitalized run.
func countryAt(toks []token, i int) bool {
	f, ok := capRunAt(toks, i)
	return ok && countryByName[f] != nil
}

// placeAt reports a gazetteer country, capital or city starting at toks[i]
// and ending its capitalized run.
func placeAt(toks []token, i int) bool {
	f, ok := capRunAt(toks, i)
	return ok && (countryByName[f] != nil || countryByCapital[f] != nil || cityNames[f] || regionNames[f])
}

// capRunAt folds the capitalized run starting at toks[i]; false when
// toks[i] is not capitalized.
func capRunAt(toks []token, i int) (string, bool) {
	e := i
	for e < len(toks) && toks[e].cap {
		e++
	}
	if e == i {
		return "", false
	}
	return foldToks(toks, i, e), true
}

// hasAmpersand reports a "&" inside toks[a:b].
func hasAmpersand(toks []token, a, b int) bool {
	for i := a + 1; i < b-1; i++ {
		if toks[i].text == "&" {
			return true
		}
	}
	return false
}

// institution lists head words that name one body on their own
// ("Congress", "Parliament").
var institution = map[string]bool{
	"congress": true, "parliament": true, "senate": true, "army": true, "navy": true, "cabinet": true,
	"knesset": true, "duma": true, "pentagon": true, "kremlin": true, "bundestag": true, "politburo": true,
}

// titleAt returns how many tokens of a title start at toks[p] (0 if none),
// requiring a name after it.
func titleAt(toks []token, p, b int) int {
	if l := ofTitle(toks, p); l > 0 && p+l < b {
		return l
	}
	for l := 4; l >= 1; l-- {
		if p+l < b && titles[foldToks(toks, p, p+l)] {
			return l
		}
	}
	return 0
}

// ofOffices are offices named with their field after "of": "Minister of
// Economy", "Secretary of Commerce".
var ofOffices = map[string]bool{"minister": true, "secretary": true, "director": true, "commissioner": true}

// ofTitle returns the length of an office title with "of" starting at
// toks[i] and followed by a name ("Minister of Foreign Affairs Ana Ruiz":
// 4), or 0: the field's words are words written in lower case inside
// sentences, the name's are not.
func ofTitle(toks []token, i int) int {
	if i+3 >= len(toks) || !ofOffices[toks[i].low] || !toks[i].cap || toks[i+1].low != "of" {
		return 0
	}
	j := i + 2
	// ("Minister of Culture, Sports and Youth X": a list of fields.)
	for j < len(toks) && j < i+9 && (toks[j].cap && lowerCaseWord(toks[j].text) || j > i+2 && (toks[j].low == "and" || toks[j].text == "," && j+1 < len(toks) && toks[j+1].cap && lowerCaseWord(toks[j+1].text))) {
		j++
	}
	// The name has two words at least: a field word the lexicon does not
	// know ("Director of Public Prosecutions, …") is no name.
	if j == i+2 || j+1 >= len(toks) || !toks[j].cap || !toks[j+1].cap && !nameParticles[toks[j+1].low] || lowerCaseWord(toks[j].text) || toks[j-1].low == "and" {
		return 0
	}
	return j - i
}

// contextType types a capitalized span from its neighbours.
func contextType(toks []token, a, b int) (kg.EntityType, string) {
	n := len(toks)
	prev := func(i int) string {
		if a-i >= 0 {
			return toks[a-i].low
		}
		return ""
	}
	var after []string // the following words, quotes skipped
	for j := b; j < n && len(after) < 4; j++ {
		if toks[j].text != "\"" {
			after = append(after, toks[j].low)
		}
	}
	next := func(i int) string {
		if i-1 < len(after) {
			return after[i-1]
		}
		return ""
	}
	multi := b-a >= 2
	// "a gang who call themselves Cold Harvest", "which calls itself
	// Ansar Allah": what names itself so is a group.
	if a >= 2 && (prev(1) == "themselves" || prev(1) == "itself") && strings.HasPrefix(prev(2), "call") {
		return kg.Organization, ""
	}
	// "the opposition Democratic Alternative", "X, led by Y": a party or a
	// body, whatever the shape of its name.
	if prev(1) == "opposition" && (prev(2) == "the" || prev(2) == "main") || next(1) == "," && next(2) == "led" && next(3) == "by" {
		return kg.Organization, "party"
	}
	// "known to colleagues as "BOS"", "nicknamed "El Gato"": a quoted
	// name after "as" or a naming verb is a nickname, no entity of its own.
	if a >= 2 && isQuote(toks[a-1]) && nicknameCues[toks[a-2].low] {
		return "", ""
	}
	if !multi && isAllCaps(toks[a].text) && len(toks[a].text) >= 3 && !strings.Contains(toks[a].text, ".") && !commonCaps[toks[a].low] &&
		(b >= n || !toks[b].word || isVerbish(toks[b].low) || toks[b].low == "and" || toks[b].low == "which" || actsAfter(toks, b) || prev(1) == "told" ||
			staffNouns[singular(toks[b].low)] && !toks[b].cap) { // "MIB inspectors said"
		return kg.Organization, "" // "NATO, which leads", "KSC signed", "told NRK": an acronym standing alone
	}
	if !multi && b+2 < n && toks[b].text == "'s" && (roleNouns[toks[b+1].low] != roleNone || groupNouns[toks[b+1].low] ||
		b+3 < n && !toks[b+1].cap && roleNouns[toks[b+2].low] != roleNone) {
		return kg.Organization, "" // "Hezbollah's leader", "Hamas's military wing"
	}
	if multi && (tradesBefore(toks, a) || professionBefore(toks, a)) {
		return kg.Person, "" // "the pharmacists Henri Morin and Albert Lacoste, which …"
	}
	if typ := bodyActs(toks, a, b); typ != "" {
		return typ, ""
	}
	if dealParty(toks, a, b) || staffAt(toks, a, b) {
		return kg.Organization, "company"
	}
	if siteBefore(toks, a, b) {
		return kg.Location, "facility"
	}
	if memberOf(toks, a, b) || multi && next(1) == "," && possessedRole(toks, b+1) {
		return kg.Person, ""
	}
	// "Selton is based in Denver": firms and bodies are based somewhere,
	// and owned ("Poseidon Maritime is owned by the Laskaridis family").
	if (next(1) == "is" || next(1) == "was" || next(1) == "are") && ownedCues[strings.TrimPrefix(next(2), "majority-")] {
		return kg.Organization, ""
	}
	// "sold to Athens-based Poseidon Maritime": a name right after a
	// place of business is a business's.
	if a > 0 && hasAnySuffix(prev(1), "-based", "-headquartered", "-listed", "-registered") {
		return kg.Organization, "company"
	}
	if !multi && (a == 0 || toks[a-1].text == "\"") {
		// A capitalized first word says nothing, unless a group role and
		// a name follow: "Hamas leader Ismail Haniyeh".
		if b+1 < n && groupNouns[toks[b].low] && !toks[b].cap && toks[b+1].cap && !lowerCaseWord(toks[a].text) {
			return kg.Organization, orgNouns[toks[b].low]
		}
		return "", ""
	}
	if multi && prev(1) == "the" && !speechVerbs[prev(2)] {
		return kg.Organization, "" // "The Red Crescent said"
	}
	// Person: apposition with a role, speech, "who".
	if next(1) == "," && (next(2) == "the" || next(2) == "a" || next(2) == "an" || next(2) == "who" ||
		next(2) == "her" || next(2) == "his") && roleAhead(toks, b+1) && !attribution(toks, b+1) {
		return kg.Person, ""
	}
	if next(1) == "," && next(2) == "who" && multi {
		return kg.Person, ""
	}
	// "Anna Bakker, leader of …", "Jan Kos, former chairman of …": a
	// bare role noun in apposition.
	if multi && next(1) == "," && (roleNouns[next(2)] != roleNone && roleNouns[next(2)] != roleOther ||
		statusWords[next(2)] != "" && roleNouns[next(3)] != roleNone) {
		return kg.Person, ""
	}
	// "whose president is Sara Alaoui".
	if multi && (prev(1) == "is" || prev(1) == "was") && roleNouns[prev(2)] != roleNone && a >= 3 && (toks[a-3].low == "whose" || toks[a-3].low == "its" || toks[a-3].low == "the") {
		return kg.Person, ""
	}
	if multi && next(1) == "," && next(3) == "," && isNumber(next(2)) && len(next(2)) <= 3 {
		return kg.Person, "" // "Amina Hassan, 34, said"
	}
	if prev(1) == "," && a >= 2 && (roleNouns[toks[a-2].low] != roleNone || relatives[toks[a-2].low] != "" || personNouns[toks[a-2].low]) && multi {
		return kg.Person, ""
	}
	if prev(1) == "," && multi && roleBehind(toks, a-1) {
		return kg.Person, "" // "The director of the Bureau, Abdullahi Keter"
	}
	if relatives[prev(1)] != "" && kinOwner(toks, a-2) {
		return kg.Person, "kin"
	}
	if !multi && (next(1) == "said" || next(1) == "says" || next(1) == "announced" || next(1) == "reported") && a > 0 && toks[a-1].text != "\"" &&
		!locPreps[prev(1)] { // "villagers in Tiszafüred said": the place does not speak
		// "Hamas said": a single name that speaks and is no known
		// person's surname (resolution tries that first) is a body.
		return kg.Organization, ""
	}
	// "including Sami Ouedraogo", "Awa Diop were arrested": a list of
	// people named as the ones held, charged or killed.
	if multi && prev(1) == "including" && peopleBefore(toks, a-1) {
		return kg.Person, ""
	}
	if multi && (next(1) == "was" || next(1) == "were") && (captiveVerbs[next(2)] || next(2) == "later" && captiveVerbs[next(3)]) {
		return kg.Person, ""
	}
	if multi && personActs[next(1)] && prev(1) != "the" && prev(1) != "of" {
		return kg.Person, "" // "Mark Ellison spoke with"
	}
	if speechVerbs[next(1)] && itAfter(toks, b) {
		return kg.Organization, "" // "Pesquerías Ondarra said it had paid"
	}
	// "Analysts at Bankhaus Lehnert said": a name after a preposition is
	// not the subject of the verb that follows it.
	if multi && (speechVerbs[next(1)] && !descPreps[prev(1)] || ((prev(1) == "said" || prev(1) == "says") && next(1) != "'s")) {
		return kg.Person, ""
	}
	if prev(2) == "known" && prev(1) == "as" || prev(3) == "known" && prev(2) == "as" {
		// "the alliance …, known as Fatah": the description says what.
		// The head is the first organization noun after the determiner:
		// "the electoral alliance of former militia members".
		head := ""
		for j := a - 3; j >= 0 && j > a-12; j-- {
			if _, ok := orgNouns[toks[j].low]; ok && !toks[j].cap {
				head = toks[j].low
			}
			if toks[j].text == "." || toks[j].text == ";" || toks[j].low == "the" || toks[j].low == "a" || toks[j].low == "an" {
				break
			}
		}
		if head != "" {
			return kg.Organization, orgNouns[head]
		}
		return "", ""
	}
	// "the Argentine asset manager Fondos del Sur": a trade of firms.
	if a > 1 && firmTrades[prev(2)+" "+prev(1)] && !toks[a-1].cap {
		return kg.Organization, "company"
	}
	if multi && (roleNouns[prev(1)] != roleNone || personNouns[prev(1)]) && a > 0 && !toks[a-1].cap {
		return kg.Person, "" // "opposition leader Robert Kyagulanyi"
	}
	// "the musician-turned-politician Daniel Kigozi": the last part of a
	// hyphenated description.
	if i := strings.LastIndexByte(prev(1), '-'); multi && i > 0 && a > 0 && !toks[a-1].cap {
		if w := prev(1)[i+1:]; roleNouns[w] != roleNone || personNouns[w] {
			return kg.Person, ""
		}
	}
	if sub, ok := orgNouns[prev(1)]; ok && a > 0 && !toks[a-1].cap && prev(2) != "of" {
		return kg.Organization, sub // "the pension fund Valtiokassa"
	}
	if typ, sub := descriptionNoun(toks, a); typ != "" {
		return typ, sub
	}
	// "the Saxon cell maker": a group noun that modifies a later noun
	// says nothing of the name.
	if _, biz := businessNouns[next(2)]; groupNouns[next(1)] && next(1) != "'s" && !biz {
		return kg.Organization, orgNouns[next(1)]
	}
	if multi && (personVerbs[prev(1)] || prev(1) == "with" && meetNouns[prev(2)]) {
		return kg.Person, ""
	}
	if prev(1) == "of" && (prev(2) == "shares" || prev(2) == "stock") || prev(1) == "in" && (prev(2) == "stake" || prev(2) == "stakes" || prev(2) == "shares") {
		return kg.Organization, "company" // "shares of Safaricom", "a stake in Kudiflow"
	}
	if prev(1) == "of" && relatives[prev(2)] != "" {
		return kg.Person, "" // "the daughter of Moussa Diarra"
	}
	if prev(1) == "of" && a >= 2 && roleNouns[toks[a-2].low] != roleNone {
		switch toks[a-2].low {
		case "mayor", "governor", "president", "king", "queen", "emir", "prime minister", "regent", "prefect":
			return kg.Location, "" // "the mayor of Harbor Town"
		}
		return kg.Organization, "" // "the director of Nordlink"
	}
	if prev(1) == "of" && placeNouns[prev(2)] != "" {
		return kg.Location, placeNouns[prev(2)] // "the port of Odesa"
	}
	// "the departmental assembly of Potosi", "the government of Jubaland".
	if !multi && prev(1) == "of" && a >= 3 && (prev(2) == "government" || regionalBody(toks, a-3)) {
		return kg.Location, "region"
	}
	if next(1) == "," && b+1 < n && countryByName[toks[b+1].low] != nil {
		return kg.Location, "city" // "Gao, Mali"
	}
	// "In Kismayo, …": a preposition that opens the sentence is capitalized
	// too.
	if locPreps[prev(1)] && !(a > 0 && toks[a-1].cap && !firstWord(toks, a-1)) && prev(2) != "according" {
		return kg.Location, ""
	}
	// "according to Mirela Dostal", "according to Reuters": a source is a
	// person when named in full, else a body.
	if prev(1) == "to" && prev(2) == "according" {
		if multi {
			return kg.Person, ""
		}
		return kg.Organization, ""
	}
	// "outside the Rudolfinum": a single name after a preposition of place
	// and "the", used as a noun of its own.
	if !multi && prev(1) == "the" && locPreps[prev(2)] && !modifierUse(toks, a, b) {
		return kg.Location, ""
	}
	if prev(1) == "the" && (multi || isAllCaps(toks[a].text)) {
		return kg.Organization, ""
	}
	return "", ""
}

// kinOwner reports a possessor at toks[i], before a kinship noun and the
// adjectives that may stand between them: "his brother", "whose brother",
// "Ramasamy's younger brother", "their late father".
func kinOwner(toks []token, i int) bool {
	for i >= 0 && kinAdjs[toks[i].low] {
		i--
	}
	if i < 0 {
		return false
	}
	switch toks[i].low {
	case "his", "her", "their", "whose", "my", "our", "'s", "'":
		return true
	}
	return false
}

// firmTrades are two-word trades of firms whose head alone would be a
// person's: "asset manager", "fund manager".
var firmTrades = map[string]bool{"asset manager": true, "fund manager": true, "money manager": true,
	"investment manager": true, "wealth manager": true, "property developer": true, "private equity": true}

// postWords end the name of a post ("Pacific Minister"), never a
// person's or a body's name.
var postWords = map[string]bool{"minister": true, "secretary": true, "ambassador": true, "envoy": true, "commissioner": true}

// hasOf reports "of" among toks[a:b].
func hasOf(toks []token, a, b int) bool {
	for i := a; i < b; i++ {
		if toks[i].low == "of" {
			return true
		}
	}
	return false
}

// officeBodies are offices named like a post that act as bodies, general
// knowledge of common-law states: "the Director of Public Prosecutions
// decided not to charge".
var officeBodies = map[string]bool{"director of public prosecutions": true, "office of the director of public prosecutions": true}

// officeBodyAt returns the end of an officeBodies name that opens at
// toks[k] and continues with the "of" at toks[j], or 0.
func officeBodyAt(toks []token, k, j int) int {
	if toks[k].low == "the" {
		k++ // a sentence's first word
	}
	for e := min(len(toks), j+5); e > j+1; e-- {
		if officeBodies[foldToks(toks, k, e)] {
			return e
		}
	}
	return 0
}

// orgHeadWord reports a head word of organization names.
func orgHeadWord(w string) bool {
	_, ok := orgHeads[w]
	return ok
}

// openingModifiers are words that, opening a sentence before a name,
// describe it and are no part of it.
var openingModifiers = map[string]bool{"opposition": true, "neighboring": true, "neighbouring": true, "rival": true,
	"embattled": true, "veteran": true, "former": true, "fellow": true, "nearby": true, "jailed": true, "detained": true,
	"exiled": true, "ousted": true, "incoming": true, "outgoing": true, "beleaguered": true, "troubled": true,
	"retired": true, "longtime": true, "defending": true, "reigning": true, "neighbour": true, "neighbor": true}

// saintWords open a saint's name: "St Senan's College".
var saintWords = map[string]bool{"st": true, "st.": true, "saint": true, "ste": true, "san": true, "santa": true}

// buildingHeads name buildings, also with "of" ("Cathedral of Saint
// George").
var buildingHeads = map[string]bool{"cathedral": true, "basilica": true, "monastery": true, "temple": true,
	"palace": true, "mausoleum": true, "shrine": true}

// armedMembers are the members of armed groups, named after their group.
var armedMembers = map[string]bool{"fighters": true, "militants": true, "militiamen": true, "commanders": true,
	"operatives": true, "insurgents": true, "gunmen": true}

// namedBodies are lower-case nouns for bodies that go by a name set before
// them.
var namedBodies = map[string]string{"party": "party", "movement": "party", "militia": "militia", "alliance": "alliance",
	"clan": "", "tribe": "",
	"coalition": "alliance", "bloc": "alliance", "faction": "militia", "cartel": "", "gang": "",
	"newspaper": "media", "daily": "media", "magazine": "media", "tabloid": "media"}

// pressNouns are two-word nouns for press bodies that go by a name set
// before them.
var pressNouns = map[string]bool{"news agency": true, "press agency": true, "news service": true,
	"wire service": true, "news channel": true, "television channel": true, "news website": true}

// lowerCaseWord reports an English word that is written in lower case
// inside sentences ("Opposition leader X" opens a sentence with one), from
// the name finder's treebank lexicon.
func lowerCaseWord(w string) bool {
	m, err := ner.Default()
	return err == nil && m.LowerCase(w)
}

// nicknameCues before a quoted name make it a nickname.
var nicknameCues = map[string]bool{"as": true, "nicknamed": true, "dubbed": true, "alias": true, "aka": true}

func isQuote(t token) bool { return t.text == "\"" || t.text == "“" || t.text == "”" }

// roleAhead reports a role noun in the phrase starting at toks[i], before
// the next comma.
func roleAhead(toks []token, i int) bool {
	for j := i; j < len(toks) && j < i+8; j++ {
		t := toks[j]
		if t.text == "\"" || t.text == "," && j == i {
			continue
		}
		if t.text == "," || t.text == "." || t.text == ";" {
			return false
		}
		if _, ok := orgNouns[t.low]; ok && !t.cap {
			return false
		}
		if roleNouns[t.low] != roleNone || relatives[t.low] != "" {
			return true
		}
	}
	return false
}

// ownedCues after "is" or "was" say a name is a body's: people are not
// based, headquartered, owned or listed.
var ownedCues = map[string]bool{"based": true, "headquartered": true, "owned": true, "controlled": true,
	"listed": true, "registered": true, "incorporated": true}

// attribution reports that the phrase after the comma at toks[c] is the
// speaker of the sentence ("… fuel for Corsica, the minister said"), not
// an apposition to the name before the comma.
func attribution(toks []token, c int) bool {
	for j := c + 1; j < len(toks) && j < c+8; j++ {
		t := toks[j]
		if speechVerbs[t.low] {
			return true
		}
		if t.text == "," || t.text == "." || t.text == ";" || t.low == "who" || t.low == "whose" {
			return false
		}
	}
	return false
}

// pluralPossessors are irregular plurals whose possessive can sit inside
// an organization name ("People's Alliance").
var pluralPossessors = map[string]bool{"people": true, "children": true, "women": true, "men": true, "workers": true}

// personVerbs take a person as object: an unknown two-word name after them
// is a person ("appointed Tomas Brenner", "owned by Henrik Lund").
var personVerbs = map[string]bool{
	"by": true, "appointed": true, "named": true, "nominated": true, "met": true, "told": true,
	"replaces": true, "replaced": true, "succeeds": true, "succeeded": true, "married": true,
	"interviewed": true, "arrested": true, "detained": true, "killed": true, "elected": true,
}

// placeNouns before "of" introduce a place name, with its subtype.
var placeNouns = map[string]string{"city": "city", "town": "city", "village": "city", "port": "city",
	"capital": "city", "region": "region", "province": "region", "district": "region", "state": "region",
	"county": "region", "island": "region", "suburb": "city", "outskirts": "city", "municipality": "city",
	"stronghold": "city", "hometown": "city", "enclave": "region", "neighborhood": "city", "area": "region",
	"constituency": "region", "regency": "region", "prefecture": "region", "oblast": "region", "canton": "region",
	"borough": "city", "township": "city", "islands": "region"}

// homeNoun reports, after a demonym, the noun of a firm or of a region that
// the country is home to: "the Canadian miner X", "a South Korean firm",
// "the Argentine province of X", with one trade word between ("the Swedish
// engineering group X"). The country is then an entity of the article,
// though never named.
func homeNoun(toks []token, i int) bool {
	for j := i; j < len(toks) && j <= i+1; j++ {
		t := toks[j]
		if !t.word || t.cap {
			return false
		}
		if firmHomes[t.low] || (t.low == "province" || t.low == "state") && j+1 < len(toks) && toks[j+1].low == "of" {
			return true
		}
	}
	return false
}

// firmHomes are the nouns of firms that a demonym gives a home country;
// nouns that may name a person ("investor", "trader") are not among them.
var firmHomes = map[string]bool{"firm": true, "company": true, "miner": true, "shipbuilder": true, "group": true,
	"bank": true, "lender": true, "insurer": true, "operator": true, "carrier": true, "conglomerate": true,
	"shipyard": true, "maker": true, "manufacturer": true, "automaker": true, "carmaker": true, "airline": true,
	"startup": true, "subsidiary": true, "utility": true, "refiner": true, "shipper": true}

// captivityNouns after a demonym make the country a jailer: "an American
// detainee", "in Kenyan custody".
var captivityNouns = map[string]bool{"custody": true, "detainee": true, "prisoner": true, "captivity": true, "detention": true, "jail": true, "prison": true}

// personNouns before a name show a person: "Moscow's ally Alexander
// Lukashenko".
var personNouns = map[string]bool{"ally": true, "partner": true, "rival": true, "successor": true,
	"predecessor": true, "opponent": true, "critic": true, "friend": true, "deputy": true, "challenger": true,
	"counterpart": true, "candidate": true, "nominee": true, "victim": true, "suspect": true, "defendant": true,
	"tycoon": true, "magnate": true, "billionaire": true, "businessman": true, "businesswoman": true,
	"entrepreneur": true, "investor": true, "financier": true, "banker": true, "scientist": true, "lawyer": true,
	// Trades and callings: "the painter Jacek Mazur", "striker Emeka Obi".
	"painter": true, "sculptor": true, "composer": true, "novelist": true, "architect": true, "designer": true,
	"chemist": true, "physicist": true, "biologist": true, "physician": true, "surgeon": true, "pharmacist": true,
	"actress": true, "dancer": true, "filmmaker": true, "chef": true, "striker": true, "midfielder": true,
	"defender": true, "goalkeeper": true, "referee": true, "winger": true, "forward": true, "runner": true,
	"cyclist": true, "swimmer": true, "boxer": true, "co-author": true, "colleague": true, "mathematician": true,
	"philosopher": true, "sociologist": true, "psychologist": true, "geologist": true, "ecologist": true,
	"veterinarian": true, "midwife": true, "paramedic": true, "firefighter": true, "widower": true}

// unitHeads name units of a larger body ("Division of the Army").
var unitHeads = map[string]bool{"division": true, "brigade": true, "battalion": true, "regiment": true,
	"unit": true, "corps": true, "command": true, "squadron": true, "wing": true, "branch": true}

// personActs after a two-word name show a person acting.
var personActs = map[string]bool{"met": true, "spoke": true, "visited": true, "resigned": true, "died": true,
	"married": true, "testified": true, "pleaded": true, "denied": true, "smiled": true, "wrote": true, "recalled": true}

// meetNouns before "with" introduce a person met.
var meetNouns = map[string]bool{"talks": true, "met": true, "meeting": true, "spoke": true, "talked": true, "negotiated": true}

// groupAdjs are capitalized words for religions, sects and peoples: not
// names of things on their own ("Shiite militias", "Sunni neighborhoods").
var groupAdjs = map[string]bool{
	"shiite": true, "shia": true, "shiites": true, "sunni": true, "sunnis": true, "kurdish": true,
	"kurds": true, "kurd": true, "arab": true, "arabs": true, "christian": true, "christians": true,
	"muslim": true, "muslims": true, "jewish": true, "jews": true, "catholic": true, "catholics": true,
	"protestant": true, "orthodox": true, "tuareg": true, "tuaregs": true, "pashtun": true, "hindu": true,
	"sikh": true, "buddhist": true, "alawite": true, "druze": true, "yazidi": true, "baluch": true,
	"hazara": true, "tamil": true, "uighur": true, "uyghur": true, "rohingya": true, "hutu": true,
	"tutsi": true, "fulani": true, "berber": true, "bedouin": true, "islamist": true, "islamists": true,
	"jihadist": true, "jihadists": true, "salafist": true, "western": true, "westerners": true,
	"european": true, "europeans": true, "african": true, "africans": true, "asian": true, "arabic": true,
	"latino": true, "hispanic": true, "evangelical": true, "communist": true, "communists": true,
	"republican": true, "republicans": true, "democrat": true, "democrats": true,
	"marxist": true, "maoist": true, "zionist": true, "military": true,
	"english": true, "internet": true,
}

// ledOrg reads "American-led coalition" and "U.S.-led military coalition"
// as an organization named by the leading country and the head noun; k is
// the compound token (or the "led" of a split "U.S.-led").
func ledOrg(rs []rune, toks []token, si, k int) []mention {
	t := toks[k]
	if !strings.HasSuffix(t.low, "-led") && !strings.HasSuffix(t.low, "\u2011led") {
		return nil
	}
	j := k + 1
	for j < len(toks) && j < k+4 && !toks[j].cap {
		if _, ok := orgNouns[toks[j].low]; ok && toks[j].low != "group" && toks[j].low != "list" {
			name := t.text + " " + toks[j].text
			return []mention{{sent: si, tts: k, ts: k, te: j + 1, start: t.start, end: toks[j].end,
				text: name, typ: kg.Organization, sub: "alliance", strong: true, ent: -1}}
		}
		j++
	}
	return nil
}

// roleBehind reports "the <role> of …" ending at the comma toks[c].
func roleBehind(toks []token, c int) bool {
	for j := c - 1; j >= 0 && j > c-10; j-- {
		t := toks[j]
		if t.text == "," || t.text == "." || t.text == "\"" || isVerbish(t.low) {
			return false
		}
		if roleNouns[t.low] != roleNone && !t.cap && j > 0 {
			p := toks[j-1].low
			return p == "the" || p == "a" || p == "an" || p == "its" || p == "whose" || roleNouns[p+" "+t.low] != roleNone || !toks[j-1].cap && toks[j-1].word
		}
	}
	return false
}

// stateCapitals are capitals that news uses for the state itself in every
// context ("officials in Washington"), so they never name a city apart.
var stateCapitals = map[string]bool{"washington": true}

// bodyNouns after a demonym name one state body: "the Mexican navy", "the
// Chinese foreign ministry".
var bodyNouns = map[string]string{"navy": "military", "army": "military", "air force": "military",
	"marines": "military", "police": "government", "national guard": "military",
	"ministry": "ministry", "gendarmerie": "military", "parliament": "government", "senate": "government",
	"judiciary": "court", "supreme court": "court", "junta": "government"}

// demonymBodies turns a demonym followed by a lower-case body noun into
// the organization it names ("Mexican navy"), replacing the adjective
// mention: what the navy does is not what the country does.
func demonymBodies(rs []rune, toks []token, si int, out []mention) []mention {
	for i, n := 0, len(out); i < n; i++ {
		m := &out[i]
		if !m.adj || m.acts || m.country == nil || m.te >= len(toks) || m.te != m.ts+1 || toks[m.te].cap {
			continue
		}
		e, sub := 0, ""
		for l := 2; l >= 1; l-- {
			if m.te+l <= len(toks) {
				// (Every word a word: "the Irish police, to" folds to the
				// same as "police".)
				if s, ok := bodyNouns[foldToks(toks, m.te, m.te+l)]; ok && !toks[m.te+l-1].cap && toks[m.te+l-1].word {
					e, sub = m.te+l, s
					break
				}
			}
		}
		// "the Chinese foreign ministry": one topic word before ministry.
		if e == 0 && m.te+2 <= len(toks) && toks[m.te+1].low == "ministry" && toks[m.te].word && !toks[m.te].cap {
			e, sub = m.te+2, "ministry"
		}
		// "Iraqi army commanders": the body only modifies the people.
		if e == 0 || e < len(toks) && (groupNouns[toks[e].low] || roleNouns[toks[e].low] != roleNone || forceNouns[toks[e].low]) {
			continue
		}
		// The country stays known (and may lead), but acts no more here.
		c := *m
		c.acts, c.shadow = true, true
		out = append(out, c)
		m = &out[i]
		m.typ, m.sub, m.country, m.adj, m.te = kg.Organization, sub, nil, false, e
		m.end = toks[e-1].end
		m.text = surface(rs, toks, m.ts, e)
		m.poss = e < len(toks) && toks[e].text == "'s"
	}
	return out
}

// knownOrgs are organizations so often named alone in international news
// that their names are general knowledge, with their subtypes.
var knownOrgs = map[string]string{
	"nato": "alliance", "ecowas": "alliance", "european union": "alliance", "eu": "alliance",
	"united nations": "", "un": "", "african union": "alliance", "asean": "alliance", "opec": "alliance",
	"al qaeda": "terrorist_group", "al-qaeda": "terrorist_group", "al qaida": "terrorist_group",
	"islamic state": "terrorist_group", "isis": "terrorist_group", "isil": "terrorist_group",
	"taliban": "militia", "hezbollah": "militia", "hamas": "militia", "houthis": "militia",
	"al shabab": "terrorist_group", "al-shabab": "terrorist_group", "boko haram": "terrorist_group",
	"interpol": "", "imf": "", "world bank": "", "red cross": "ngo", "amnesty international": "ngo",
	"human rights watch": "ngo", "wagner": "militia", "kfor": "military", "unicef": "ngo",
	"g7": "alliance", "g20": "alliance", "brics": "alliance", "osce": "",
	"greenpeace": "ngo", "oxfam": "ngo", "wwf": "ngo", "amnesty": "ngo", "doctors without borders": "ngo",
	"medecins sans frontieres": "ngo", "msf": "ngo", "save the children": "ngo", "caritas": "ngo",
	"transparency international": "ngo", "reporters without borders": "ngo", "icrc": "ngo", "hrw": "ngo",
	"unhcr": "", "unesco": "", "unrwa": "", "undp": "", "wfp": "", "iaea": "", "wto": "", "oecd": "",
	"europol": "", "frontex": "", "fifa": "", "uefa": "", "mercosur": "alliance",
}

// romanceHeads open organization names in Spanish, French, Portuguese and
// Italian ("Cártel de …", "Banco del …").
var romanceHeads = map[string]string{
	"cartel": "militia", "banco": "company", "banque": "company", "partido": "party", "parti": "party",
	"frente": "party", "front": "party", "grupo": "company", "groupe": "company", "compania": "company",
	"compagnie": "company", "societe": "company", "sociedad": "company", "ejercito": "military",
	"armee": "military", "ministerio": "ministry", "ministere": "ministry", "movimiento": "party",
	"mouvement": "party", "union": "alliance", "alianza": "alliance", "alliance": "alliance",
	"consejo": "government", "conseil": "government", "comite": "government", "comision": "government",
	"universidad": "ngo", "universite": "ngo", "fundacion": "ngo", "fondation": "ngo",
	"instituto": "think_tank", "institut": "think_tank", "centro": "think_tank", "centre": "think_tank",
	"policia": "government", "police": "government", "guardia": "military", "garde": "military",
	"federacion": "alliance", "confederacion": "alliance", "direccion": "government", "sindicato": "",
	"minera": "company", "empresa": "company", "empresas": "company", "compagnia": "company",
}

// englishHeads are romanceHeads that are also English words ("Union
// Station", "Front Row"): they open a name only with a particle after them.
var englishHeads = map[string]bool{"cartel": true, "front": true, "union": true, "alliance": true,
	"police": true, "centre": true, "institut": true, "parti": true, "garde": true}

// captiveVerbs after "was"/"were" show that the names before are people.
var captiveVerbs = map[string]bool{"arrested": true, "detained": true, "killed": true, "charged": true,
	"convicted": true, "sentenced": true, "jailed": true, "released": true, "freed": true, "kidnapped": true,
	"abducted": true, "indicted": true, "extradited": true, "acquitted": true, "executed": true}

// coordinatePersons types untyped multi-word names coordinated with a
// person ("Moussa Kone, Ibrahim Sall and Awa Diop"): members of one list
// are things of one kind.
func coordinatePersons(toks []token, out []mention) {
	joined := func(x, y *mention) bool {
		if x.te >= y.tts || y.tts-x.te > 2 {
			return false
		}
		and := false
		for k := x.te; k < y.tts; k++ {
			if toks[k].text != "," && toks[k].low != "and" {
				return false
			}
			and = and || toks[k].low == "and"
		}
		// "Peter Zavyalin, Severny Bunker's chief executive": a possessive
		// after a comma opens an apposition, not the next item of a list.
		return and || !y.poss
	}
	untyped := func(m *mention) bool {
		return m.typ == "" && m.country == nil && m.te-m.ts >= 2
	}
	// Two sweeps carry the type both ways along the list.
	for i := 1; i < len(out); i++ {
		if out[i-1].typ == kg.Person && !out[i-1].adj && untyped(&out[i]) && joined(&out[i-1], &out[i]) {
			out[i].typ = kg.Person
		}
	}
	for i := len(out) - 2; i >= 0; i-- {
		if out[i+1].typ == kg.Person && !out[i+1].adj && untyped(&out[i]) && joined(&out[i], &out[i+1]) {
			out[i].typ = kg.Person
		}
	}
}

// peopleNouns are plurals for people: "several officials, including X".
var peopleNouns = map[string]bool{"people": true, "figures": true, "officials": true, "leaders": true,
	"members": true, "activists": true, "journalists": true, "ministers": true, "detainees": true,
	"suspects": true, "opponents": true, "politicians": true, "commanders": true, "officers": true,
	"critics": true, "lawmakers": true, "executives": true, "soldiers": true, "prisoners": true,
	"generals": true, "relatives": true, "defendants": true, "others": true, "men": true, "women": true}

// peopleBefore reports a plural for people in the few words before token
// i ("arrested several opposition figures, including").
func peopleBefore(toks []token, i int) bool {
	for j := i - 1; j >= 0 && j >= i-5; j-- {
		if peopleNouns[toks[j].low] {
			return true
		}
		if toks[j].text == "." || toks[j].text == ";" {
			return false
		}
	}
	return false
}

// commonCaps are words written in capitals that name no organization.
var commonCaps = map[string]bool{"ceo": true, "cfo": true, "coo": true, "gdp": true, "tv": true, "covid": true,
	"aids": true, "hiv": true, "dna": true, "lng": true, "lpg": true, "usd": true, "eur": true, "note": true,
	"update": true, "breaking": true, "faq": true, "pdf": true, "url": true, "ipo": true, "vat": true, "ai": true,
	"usb": true, "gps": true, "sms": true, "atm": true, "suv": true, "mvp": true, "phd": true, "mba": true}

// actsAfter reports a verb that a subject name acts with right after it:
// a past tense or a present third person ("KSC signed", "KSC says").
func actsAfter(toks []token, b int) bool {
	if b >= len(toks) || toks[b].cap || !toks[b].word {
		return false
	}
	w := toks[b].low
	return speechVerbs[w] || len(w) > 4 && strings.HasSuffix(w, "ed") && !strings.HasSuffix(w, "eed")
}

// itAfter reports "it" or "its" as the subject of the clause that the
// speech verb at toks[i] opens ("said on Saturday it had paid"): what
// speaks of itself as "it" is a body, not a person.
func itAfter(toks []token, i int) bool {
	for j := i + 1; j < len(toks) && j <= i+5; j++ {
		switch toks[j].low {
		case "it", "its":
			return j+1 < len(toks) && (toks[j].low == "its" || isVerbish(toks[j+1].low) || toks[j+1].low == "will" ||
				toks[j+1].low == "would" || strings.HasSuffix(toks[j+1].low, "ed") || toks[j+1].low == "plans")
		case "he", "she", "they", "we", "i", ",", ".", "\"", ";":
			return false
		}
	}
	return false
}

// acronymAfter reports "(ABC)" after toks[a:b] whose letters are, in order,
// among the initials of the name's words: "National Cyber Security Centre
// (NCSC)". People are not given acronyms.
func acronymAfter(toks []token, a, b int) bool {
	acr := []rune(strings.ToLower(acronymAt(toks, b)))
	if len(acr) < 3 || len(acr) > 8 {
		return false
	}
	var words []string
	for _, t := range toks[a:b] {
		if t.word {
			words = append(words, t.low)
		}
	}
	k := 0
	for _, r := range initials(words) {
		if k < len(acr) && r == acr[k] {
			k++
		}
	}
	return k == len(acr)
}

// regionalBodies are the bodies of a region's own government.
var regionalBodies = map[string]bool{"assembly": true, "government": true, "legislature": true,
	"parliament": true, "administration": true, "council": true}

// regionalBody reports a regional adjective and a body of government
// starting at toks[b]: "departmental assembly", "regional government",
// "provincial council".
func regionalBody(toks []token, b int) bool {
	if b+1 >= len(toks) || toks[b].cap || !regionalBodies[toks[b+1].low] {
		return false
	}
	switch toks[b].low {
	case "departmental", "regional", "provincial", "state", "county", "municipal", "city", "district", "local", "autonomous", "federal", "national":
		return true
	}
	return false
}

// modifierUse reports a name used as a modifier or an aside rather than
// as a noun phrase of its own: before a lower-case noun ("Serb leaders",
// "the Soviet era") or alone in parentheses ("(Reuters)").
func modifierUse(toks []token, a, b int) bool {
	if a > 0 && b < len(toks) && toks[a-1].text == "(" && toks[b].text == ")" {
		return true
	}
	if b >= len(toks) || !toks[b].word || toks[b].cap {
		return false
	}
	w := toks[b].low
	return !(stopCaps[w] || isVerbish(w) || speechVerbs[w] || strings.HasSuffix(w, "ed") || w == "'s")
}

// textHeads end the names of laws, treaties and other texts.
var textHeads = map[string]bool{"act": true, "accord": true, "accords": true, "treaty": true, "agreement": true,
	"convention": true, "protocol": true, "declaration": true, "doctrine": true, "bill": true}

// pluralNoun reports a capitalized plural of a word written in lower case
// inside sentences ("Teammates", "Brothers").
func pluralNoun(t token) bool {
	if _, head := orgHeads[t.low]; head || len(t.low) <= 4 || !strings.HasSuffix(t.low, "s") || strings.HasSuffix(t.low, "ss") {
		return false
	}
	return lowerCaseWord(t.text) || lowerCaseWord(strings.TrimSuffix(t.text, "s"))
}

// bodyActs types as an organization a name that does what bodies do or is
// spoken of as a thing: "X, which makes pumps", "X's leader", "members of
// X", "X won 12 seats", "X shares fell", "X laid off", "X claimed
// responsibility".
func bodyActs(toks []token, a, b int) kg.EntityType {
	n := len(toks)
	at := func(i int) string {
		if i >= 0 && i < n {
			return toks[i].low
		}
		return ""
	}
	switch {
	case at(b) == "," && at(b+1) == "which":
		return kg.Organization
	case at(b) == "'s" && !toks[min(b+1, n-1)].cap && (leadRole(at(b+1)) || !toks[min(b+2, n-1)].cap && leadRole(at(b+2)) && toks[min(b+1, n-1)].word):
		return kg.Organization
	case at(a-1) == "of" && (at(a-2) == "members" || at(a-2) == "member" || at(a-2) == "founders" || at(a-2) == "co-founder") && at(b) != "'s":
		return kg.Organization
	case at(b) == "won" && (at(b+2) == "seats" || at(b+3) == "seats"):
		return kg.Organization
	case at(b) == "shares" && shareMoves[at(b+1)] || at(b) == "laid" && at(b+1) == "off" || at(b) == "claimed" && at(b+1) == "responsibility":
		return kg.Organization
	}
	return ""
}

// shareMoves follow "X shares" when X is a company ("X shares fell"), not
// a person sharing something.
var shareMoves = map[string]bool{"rose": true, "fell": true, "jumped": true, "dropped": true, "slid": true,
	"climbed": true, "gained": true, "lost": true, "plunged": true, "surged": true, "tumbled": true,
	"soared": true, "closed": true, "traded": true, "were": true, "have": true, "had": true, "are": true}

// leadRole reports a role that a body, not a person, has at its head:
// "X's leader", "X's chief executive" ("X's lawyer" may be a person's).
func leadRole(w string) bool {
	switch w {
	case "leader", "leaders", "chairman", "chairwoman", "founder", "co-founder", "ceo", "board", "shareholders", "headquarters", "members",
		"executive", "executives", "director": // "X's chief executive", "X's managing director": people have none
		return true
	}
	return false
}

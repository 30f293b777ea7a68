package resolve

import (
	"fmt"
	"strings"

	"github.com/newsgraph/newsgraph/kg"
)

// Thresholds of the decision: a score at or above High joins the node, one
// at or above Low records a merge candidate for review, below keeps apart.
const (
	High = 0.9
	Low  = 0.7
)

// Match is how one name compares with another.
type Match struct {
	Score float64
	// Veto is set when the names say two different things: the same
	// surname with different given names, a different head word.
	Veto bool
	// Partial is set when one name is a part of the other (a surname, an
	// acronym, a name without its corps), which context has to confirm.
	Partial bool
	// Acronym is set when two acronyms matched.
	Acronym bool
	Why     string
}

// wordSim compares two words in canonical transliteration: 1 when equal,
// 0.95 when one only adds a final vowel, 0.85 for one edit in a long word
// (a surname spelled with a slip), else 0.
func wordSim(a, b string, fuzzy bool) float64 {
	if a == b {
		return 1
	}
	// A final vowel written or not: "Hanan", "Hanane"; "Kuszi", "Kusz".
	if len(a) >= 4 && len(b) >= 4 && (a+"i" == b || b+"i" == a) {
		return 0.95
	}
	if fuzzy && len(a) >= 6 && len(b) >= 6 && oneEdit(a, b) {
		return 0.85
	}
	return 0
}

// orgWordSim compares two words of organization or place names as
// wordSim does, and also takes a word with any final vowel added for the
// same ("Minera", "Miner"; "Andino", "Andin"): the languages news
// translates names from end their adjectives so. Given names are not
// compared so: "Karima" is not "Karim".
func orgWordSim(a, b string) float64 {
	if s := wordSim(a, b, true); s > 0 {
		return s
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(a) >= 4 && len(b) == len(a)+1 && strings.HasPrefix(b, a) && isVowel(b[len(a)]) {
		return 0.95
	}
	return 0
}

// CompareNames scores two parsed names of entities of types ta and tb.
func CompareNames(a, b Name) Match {
	if group(a.Type) == "" || group(b.Type) == "" || len(a.Core) == 0 || len(b.Core) == 0 {
		return Match{Veto: true, Why: "incompatible types"}
	}
	if group(a.Type) != group(b.Type) {
		// A place and an organization meet only on the very same name of
		// two words or more, read word for word: "Severny Bunker" typed a
		// place where "to Severny Bunker" was all the text said. One word
		// ("Badr": a town, a militia) is too little.
		if kg.CompatibleTypes(a.Type, b.Type) {
			return placeOrOrganization(a, b)
		}
		return Match{Veto: true, Why: "incompatible types"}
	}
	if a.Type != b.Type {
		// A person and an organization meet only on the very same full
		// name, read word for word as a person's (no plural folded): a
		// militia named for its leader, a company named for its founder,
		// typed one way in one article and the other way in another.
		ca, cb := a.literalWords(), b.literalWords()
		if ca != "" && ca == cb && strings.Contains(ca, " ") {
			return Match{Score: 0.92, Why: "same name, type differs"}
		}
		// Read as an organization's name, legal forms aside: "Salmones
		// Puyehue" typed a person is "Salmones Puyehue S.A.".
		person, org := a, b
		if a.Type == kg.Organization {
			person, org = b, a
		}
		if person.asOrg != "" && person.asOrg == org.asOrg && strings.Contains(person.asOrg, " ") {
			return Match{Score: 0.92, Why: "same name, type differs"}
		}
		// A company's name without its head word, typed a person
		// ("Sarangani Bay Canning" for "Sarangani Bay Canning
		// Corporation"), of three words or more: a part context has to
		// confirm. Two ("Vaca Foundation", "Hernán Vaca") are a person
		// and the body named for him.
		if h := headless(org.Core); len(h) >= 3 && strings.Join(h, " ") == person.asOrg {
			return Match{Score: 0.8, Partial: true, Why: "organization named without its head word, type differs"}
		}
		return Match{Veto: true, Why: "incompatible types"}
	}
	if a.Type == kg.Person {
		if a.alt == nil && b.alt == nil {
			return comparePeople(a, b)
		}
		// A hyphenated compound read both ways: the best match of any
		// two readings, else what the names as written say.
		fa, fb := a.forms(), b.forms()
		best := comparePeople(fa[0], fb[0])
		for i, x := range fa {
			for j, y := range fb {
				if i == 0 && j == 0 {
					continue // best already
				}
				if m := comparePeople(x, y); !m.Veto && m.Score > best.Score {
					best = m
				}
			}
		}
		return best
	}
	return compareOrgs(a, b)
}

// placeOrOrganization compares the names of a place and an organization,
// one of which extraction mistyped: the very same name of two words or
// more, read word for word, is one ("Severny Bunker" typed a place where
// "to Severny Bunker" was all the text said). One word ("Jubaland" acting
// as its government; but "Badr" is a town and a militia), or the place's
// name as the organization's without its head word ("Severny Bunker",
// "Severny Bunker Group"), is a part that context has to confirm.
func placeOrOrganization(a, b Name) Match {
	ca, cb := a.literalWords(), b.literalWords()
	if ca == "" || cb == "" {
		return Match{Veto: true, Why: "incompatible types"}
	}
	if ca == cb || (a.asOrg != "" && a.asOrg == b.asOrg && strings.Contains(a.asOrg, " ")) {
		if strings.Contains(ca, " ") || ca != cb {
			return Match{Score: 0.92, Why: "same name, type differs"}
		}
		return Match{Score: 0.8, Partial: true, Why: "same name, type differs"}
	}
	place, org := ca, cb
	if a.Type == kg.Organization {
		place, org = cb, ca
	}
	if h := headless(strings.Fields(org)); len(h) >= 2 && strings.Join(h, " ") == place {
		return Match{Score: 0.8, Partial: true, Why: "place named as the organization without its head word"}
	}
	return Match{Veto: true, Why: "incompatible types"}
}

func comparePeople(a, b Name) Match {
	if a.article != "" && b.article != "" && a.article != b.article {
		// "Mariana de la Vega" and "Mariana del Vega": the particles of
		// a European surname are written as the family writes them.
		return Match{Veto: true, Why: "different particles " + a.article + "/" + b.article}
	}
	if !a.Full() || !b.Full() {
		short, full := a, b
		if a.Full() {
			short, full = b, a
		}
		if len(short.Core) > 1 || (!full.Full() && len(full.Core) > 1) {
			// A family name of several words alone ("Mr. de la Vega
			// Villegas") is the whole of another such name, or the
			// surnames that end a full name; its first word is no given
			// name, and one of its surnames alone says not which family.
			return familyName(short, full)
		}
		if !full.Full() {
			if short.Core[0] == full.Core[0] {
				return Match{Score: 0.8, Partial: true, Why: "same single name " + short.Core[0]}
			}
			return Match{}
		}
		w := short.Core[0]
		if wordSim(w, full.Surname(), true) > 0 {
			return Match{Score: 0.75, Partial: true, Why: "surname " + full.Surname()}
		}
		if p := full.paternal(); p != "" && wordSim(w, p, true) > 0 {
			return Match{Score: 0.75, Partial: true, Why: "surname " + p}
		}
		if p := full.paternal(); p != "" && wordSim(w, p+full.Surname(), true) > 0 {
			// "Amponsah-Boateng" of "Kofi Amponsah Boateng".
			return Match{Score: 0.75, Partial: true, Why: "surname " + p + full.Surname()}
		}
		if strings.HasPrefix(w, "abu") && w == full.Given() {
			return Match{Score: 0.75, Partial: true, Why: "kunya " + w}
		}
		if wordSim(w, full.Core[0], false) > 0 {
			// The first name alone: a family name written first
			// ("Chairman Zhang" of "Zhang Weiming"), or the given name by
			// which news names people without surnames ("Mr. Tesfaye").
			return Match{Score: 0.75, Partial: true, Why: "first name " + w}
		}
		return Match{}
	}
	if m, ok := doubleSurname(a, b); ok {
		return m
	}
	s := wordSim(a.Surname(), b.Surname(), true)
	if sa, sb := a.Surname(), b.Surname(); s > 0 && sa[0] != sb[0] && !alphabetSwap(sa[0], sb[0]) {
		s = 0 // "Vasnetskin", "Hasnetskin": another first letter is another name
	}
	if s == 0 {
		if reversed(a, b) {
			return Match{Score: 0.8, Partial: true, Why: "family name first"}
		}
		if g := wordSim(a.Given(), b.Given(), false); g == 0 && (sharesPaternal(a, b) || sharesPaternal(b, a)) {
			// "Rosalía Huarachi", "Teodoro Huarachi Mamani".
			return Match{Veto: true, Why: "same surname, different given names"}
		}
		return Match{Why: "different surnames"}
	}
	ga, gb := a.Given(), b.Given()
	g := wordSim(ga, gb, false)
	if g == 0 && sibilantH(ga, gb) {
		g = 0.9
	}
	if g == 0 {
		if (len(ga) == 1 && strings.HasPrefix(gb, ga)) || (len(gb) == 1 && strings.HasPrefix(ga, gb)) {
			g = 0.8
		} else if s == 1 && shortened(ga, gb) {
			// "Vakho" for "Vakhtang", "Alex" for "Alexander": the familiar
			// form of the name, which context has to confirm.
			return Match{Score: 0.75, Partial: true, Why: "short form of " + ga + "/" + gb}
		} else {
			return Match{Veto: true, Why: fmt.Sprintf("same surname %s, different given names %s/%s", a.Surname(), ga, gb)}
		}
	}
	score := (g + s) / 2
	ma, mb := a.Core[1:len(a.Core)-1], b.Core[1:len(b.Core)-1]
	switch {
	case len(ma) > 0 && len(mb) > 0:
		if !overlap(ma, mb) {
			return Match{Veto: true, Why: "different middle names"}
		}
	case len(ma) != len(mb):
		score -= 0.03 // a middle name present in one only
	}
	why := "same name"
	if score < 1 {
		why = "name variant"
	}
	return Match{Score: score, Why: why}
}

// reversed reports a name of two words written in the other order than
// another ("Zhang Weiming", "Weiming Zhang"), which may also give middle
// names ("Vinh Tran", "Tran Quoc Vinh"): outlets differ on whether a
// family name comes first. Two people may be so named, so context
// confirms.
func reversed(a, b Name) bool {
	if len(a.Core) > len(b.Core) {
		a, b = b, a
	}
	n := len(b.Core)
	return len(a.Core) == 2 && wordSim(a.Core[0], b.Core[n-1], true) > 0 && wordSim(a.Core[1], b.Core[0], true) > 0
}

// sibilantH reports two given names that differ only by an h after s, c
// or z: the one letter (ş, š, č, ž) that folding writes s, c or z and
// English copy sh, ch or zh ("Şükrü": "Sukru", "Shukru").
func sibilantH(a, b string) bool {
	if len(a) == len(b) || len(a) < 3 || len(b) < 3 {
		return false
	}
	drop := func(w string) string {
		var out []byte
		for i := 0; i < len(w); i++ {
			if w[i] == 'h' && i > 0 && strings.IndexByte("scz", w[i-1]) >= 0 {
				continue
			}
			out = append(out, w[i])
		}
		return string(out)
	}
	return drop(a) == drop(b)
}

// doubleSurname matches a name of three words or more with the same name
// without its last ("Hernán Vaca Choque", "Hernan Vaca"): Spanish names
// carry two surnames, and news often writes the first alone. The same
// given names and that surname are a part context has to confirm, as
// "Mohammed Ali" may be another than "Mohammed Ali Hassan".
func doubleSurname(a, b Name) (Match, bool) {
	long, short := a, b
	if len(short.Core) > len(long.Core) {
		long, short = short, long
	}
	if len(long.Core) < 3 || len(short.Core) != len(long.Core)-1 {
		return Match{}, false
	}
	for i, w := range short.Core {
		if wordSim(w, long.Core[i], i == len(short.Core)-1) == 0 {
			return Match{}, false
		}
	}
	return Match{Score: 0.8, Partial: true, Why: "first surname " + short.Surname()}, true
}

// sharesPaternal reports a's surname as b's first of two.
func sharesPaternal(a, b Name) bool {
	p := b.paternal()
	return p != "" && wordSim(a.Surname(), p, true) > 0
}

// literalCore is a name's words in canonical transliteration, titles and
// particles aside as for a person, the same whatever the type it was
// given.
func literalCore(raw string) string {
	return strings.Join(Parse(kg.Person, raw).Core, " ")
}

// alphabetSwap reports first letters that one name takes in two
// alphabets: the Ukrainian h of "Hrytsenko" is the Russian g of
// "Gritsenko".
func alphabetSwap(a, b byte) bool { return a == 'h' && b == 'g' || a == 'g' && b == 'h' }

// shortened reports one given name cut from the other: the shorter,
// without a final vowel, starts the longer and keeps at least four letters.
func shortened(a, b string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(a) > 4 && isVowel(a[len(a)-1]) {
		a = a[:len(a)-1]
	}
	return len(a) >= 4 && len(b) > len(a)+1 && strings.HasPrefix(b, a)
}

func shareWord(a, b []string) bool { return overlap(a, b) }

func overlap(a, b []string) bool {
	for _, x := range a {
		for _, y := range b {
			if x == y {
				return true
			}
		}
	}
	return false
}

func compareOrgs(a, b Name) Match {
	if a.Acronym != "" && b.Acronym != "" {
		// One acronym is one name, unless the full names conflict (two
		// bodies can share one): see nameMatch and Decide.
		if a.Acronym == b.Acronym {
			return Match{Score: 1, Acronym: true, Why: "same acronym " + a.Raw}
		}
		return Match{}
	}
	// Acronym against expansion.
	if a.Acronym != "" && b.Acronym == "" && len(b.Core) >= 2 {
		if a.Acronym == b.Initials {
			return Match{Score: 0.8, Partial: true, Why: "acronym " + a.Raw}
		}
		return Match{}
	}
	if b.Acronym != "" && a.Acronym == "" && len(a.Core) >= 2 {
		if b.Acronym == a.Initials {
			return Match{Score: 0.8, Partial: true, Why: "acronym " + b.Raw}
		}
		return Match{}
	}
	if a.Type == kg.Organization && len(a.Core) == 1 && len(b.Core) == 1 && a.Core[0] == b.Core[0] && headOnly(a.Core[0]) {
		// "The Forum" of one article and "the Forum" of another are each
		// some forum their story named in full: the head word alone
		// says not which.
		return Match{Why: "a head word alone"}
	}
	// Align words: each word of the shorter name with a distinct word of
	// the longer.
	short, long, longName := a.Core, b.Core, b
	if len(short) > len(long) {
		short, long, longName = long, short, a
	}
	used := make([]bool, len(long))
	total := 0.0
	for _, w := range short {
		best, at := 0.0, -1
		for j, v := range long {
			if used[j] {
				continue
			}
			if s := orgWordSim(w, v); s > best {
				best, at = s, j
			}
		}
		if at < 0 {
			// Names that share words but differ in others are siblings
			// ("Badr Organization", "Badr Trading Company"), not variants.
			return Match{Veto: len(a.Core) >= 2 && len(b.Core) >= 2 && shareWord(a.Core, b.Core), Why: "different words"}
		}
		used[at] = true
		total += best
	}
	score := total / float64(len(short))
	if len(short) == len(long) {
		return Match{Score: score, Why: "same name"}
	}
	// The shorter is part of the longer. Missing distinctive words name
	// another body ("Badr" vs "Badr Trading Company" is undecided; a
	// missing generic word or country is a short form: "Hiilaac" for
	// "Hiilaac Party", "Dockworkers Union" for "Georgian Dockworkers
	// Union").
	vague := len(short) == 1 && (headOnly(short[0]) || countryWords[short[0]])
	// The first of the fields a name joins with "and", without the
	// others ("Energy Ministry", "Ministry of Energy and Natural
	// Resources"): a short form, as outlets shorten a ministry's name.
	first := !vague && longName.tail > 0
	for j := range long {
		if used[j] && j >= longName.tail {
			first = false
		}
	}
	for j, v := range long {
		if first && j >= longName.tail {
			continue
		}
		// A country that ends the name names the company's unit there
		// ("Skarvik Seafood Chile"), not its parent; one that leads it
		// is a qualifier outlets drop ("Chilean Salmon Farmers").
		if !used[j] && !generic[v] && (!countryWords[v] || j == len(long)-1) {
			if vague {
				return Match{}
			}
			if len(short) >= 2 && used[0] && used[len(long)-1] && generic[long[len(long)-1]] {
				// The name and its head word without the words between
				// ("Hanseol Group", "Hanseol Textile Group"): the short
				// form of a group or a body, as often as a sibling.
				return Match{Score: 0.8 * score, Partial: true, Why: "name without the words before its head"}
			}
			if len(a.Core) < len(b.Core) && lineDropped(short, long, used) {
				// The name without the line of business that ends it
				// ("Kuzey Bakır" of "Kuzey Bakır Madencilik", Mining): the
				// short form outlets use, which context has to confirm
				// and which a sister in another line rivals. Only a
				// mention (a) so named meets the full name: a node known
				// by the bare name may be any company of that name
				// ("Hokuyo Shipping" is not the "Hokuyo" of another story).
				return Match{Score: 0.8 * score, Partial: true, Why: "name without its line of business"}
			}
			return Match{Score: 0.72 * score, Partial: true, Why: "part of the name"}
		}
	}
	if vague {
		return Match{} // "the Army", "Georgian" name no body in particular
	}
	if len(short) >= 2 && len(long) == len(short)+1 && used[len(short)-1] && !used[len(long)-1] && companyWords[long[len(long)-1]] {
		// A company's name of two words or more without the "Company"
		// or "Corporation" that ends it ("Tarvel Bay Mining", "Tarvel
		// Bay Mining Company"): outlets drop it as they drop a legal
		// form. A union, a group or an agency keeps its head word.
		return Match{Score: 0.92 * score, Why: "name without Company"}
	}
	return Match{Score: 0.8 * score, Partial: true, Why: "short form"}
}

// companyWords end companies' names and are dropped as freely as a legal
// form, in canonical transliteration.
var companyWords = map[string]bool{translit("company"): true, translit("corporation"): true}

// heads are the head words of organization names that generic leaves out
// (it keeps out of blocking only the words that would fill huge blocks).
var heads = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields("forum board commission chamber assembly parliament congress senate cabinet " +
		"court tribunal federation confederation league trust fund network syndicate guild club cooperative " +
		"directorate inspectorate secretariat administration embassy consulate bureau ministry regulator " +
		"exchange bloc initiative observatory mission") {
		m[translit(w)] = true
	}
	return m
}()

// headOnly reports a word of an organization's core that is a head word:
// alone, it names a kind of body, not which one.
func headOnly(w string) bool { return generic[w] || heads[w] }

// oneEdit reports two ASCII words at most one edit apart (Levenshtein
// distance <= 1: one letter changed, added or dropped), without the table
// a distance takes: it runs for every pair of surnames compared.
func oneEdit(a, b string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(b)-len(a) > 1 {
		return false
	}
	i := 0
	for i < len(a) && a[i] == b[i] {
		i++
	}
	if len(a) == len(b) {
		return i == len(a) || a[i+1:] == b[i+1:]
	}
	return a[i:] == b[i+1:]
}

// familyName compares two people's names of which one at least is a family
// name of several words alone (Name.family): the same family name, or
// the surnames that end a full name, read word for word.
func familyName(a, b Name) Match {
	short, long := a, b
	if len(short.Core) > len(long.Core) || (len(short.Core) == len(long.Core) && long.family) {
		short, long = long, short
	}
	if !short.family {
		return Match{} // one word against a family name of several
	}
	n, k := len(long.Core), len(short.Core)
	if n < k || (n == k) != long.family {
		return Match{}
	}
	for i, w := range short.Core {
		if wordSim(w, long.Core[n-k+i], i == k-1) == 0 {
			return Match{}
		}
	}
	if n == k {
		return Match{Score: 0.8, Partial: true, Why: "same family name " + strings.Join(short.Core, " ")}
	}
	return Match{Score: 0.75, Partial: true, Why: "surname " + strings.Join(short.Core, " ")}
}

// lineWords name a company's line of business, read as orgCore reads
// them: outlets drop them from a company's name as they drop its legal
// form.
var lineWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields("mining trading shipping fisheries logistics industries works construction " +
		"transport seafood textile textiles energy oil metals steel cement freight airlines motors electric " +
		"pharmaceuticals foods") {
		if c, _, _ := orgCore(kg.Organization, []string{w}); len(c) == 1 {
			m[c[0]] = true
		}
	}
	return m
}()

// lineDropped reports short as the leading words of long, which adds
// only lines of business and generic words.
func lineDropped(short, long []string, used []bool) bool {
	for j := range short {
		if !used[j] {
			return false
		}
	}
	line := false
	for j := len(short); j < len(long); j++ {
		switch {
		case lineWords[long[j]]:
			line = true
		case !generic[long[j]]:
			return false
		}
	}
	return line
}

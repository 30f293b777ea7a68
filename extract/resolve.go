package extract

import (
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/kg"
)

// entity is a resolved thing of one article.
type entity struct {
	typ     kg.EntityType
	sub     string
	name    string
	core    []string // person: folded name words without particles, initials, suffixes
	words   []string // folded words of the name
	aliases map[string]string
	spans   []kg.Span
	country *country
	gender  int
	// role is set when a mention gave the entity a title that is not a
	// courtesy title ("Minister", "Secretary").
	role      bool
	first     int
	acronyms  map[string]bool
	electoral bool // an organization introduced as an electoral list or alliance
	// indexed lists the words this entity is indexed under.
	indexed map[string]bool
	// cachedID is the id for cachedName; names change during resolution.
	cachedID, cachedName string
	// into is, once this entity was found to be another name of an
	// earlier one, that entity's index plus one.
	into int
}

func (e *entity) id() string {
	if e.cachedID != "" && e.cachedName == e.name {
		return e.cachedID
	}
	e.cachedID, e.cachedName = kg.EntityID(e.typ, e.name), e.name
	return e.cachedID
}

// personCore folds a person name to its significant words.
func personCore(name string) []string {
	var out []string
	words := strings.Fields(fold(name))
	for i, w := range words {
		if nameParticles[w] && i < len(words)-1 {
			continue
		}
		if nameSuffixes[w] && i > 0 {
			continue
		}
		if len([]rune(w)) == 1 && i < len(words)-1 {
			continue // an initial
		}
		out = append(out, w)
	}
	return out
}

func hasSuffix(full, part []string) bool {
	if len(part) == 0 || len(part) > len(full) {
		return false
	}
	off := len(full) - len(part)
	for i, p := range part {
		if full[off+i] != p {
			return false
		}
	}
	return true
}

// droppable words may be missing from a shorter form of an organization
// name: modifiers such as demonyms and head words.
func droppable(w string) bool {
	if _, ok := orgHeads[w]; ok {
		return true
	}
	return w == "the" || countryByAdj[w] != nil || countryByName[w] != nil
}

// orgShortForm reports whether short names the same organization as full:
// a contiguous part of it whose leftover words are only modifiers and head
// words, a country not last ("Revolutionary Guards" of "Iranian Revolutionary Guards Corps",
// "Badr" of "Badr Organization"), or a head-word prefix before an "of"/"for"
// phrase ("Coordination" of "Coordination of Northern Movements").
func orgShortForm(short, full []string) bool {
	if len(short) == 0 || len(short) >= len(full) {
		return false
	}
	for i := 0; i+len(short) <= len(full); i++ {
		match := true
		for j := range short {
			if full[i+j] != short[j] {
				match = false
				break
			}
		}
		if !match {
			continue
		}
		ok := true
		for j, w := range full {
			if j >= i && j < i+len(short) {
				continue
			}
			if !droppable(w) || j == len(full)-1 && countryByName[w] != nil {
				// A country that ends the name names the company's unit
				// there ("Hanseol Textile Vietnam"), not the company.
				ok = false
				break
			}
		}
		if ok {
			return true
		}
		after := i + len(short)
		if i == 0 && after < len(full) && (full[after] == "of" || full[after] == "for") {
			if _, head := orgHeads[short[len(short)-1]]; head || orgOfHeads[short[len(short)-1]] {
				return true
			}
		}
	}
	return false
}

// plainCompany are the head words outlets drop from a company's name
// without naming another company.
var plainCompany = map[string]bool{"company": true, "companies": true, "corporation": true, "corp": true, "co": true,
	"group": true, "holdings": true, "holding": true, "inc": true, "ltd": true, "limited": true, "plc": true}

// sisterLine reports a company's name that adds to short a word for a line
// of business ("Kieraha Nickel Logistics" of "Kieraha Nickel"): named
// after the short form, it is a sister or a unit the text brings in, not
// the company the short form named.
func sisterLine(short, full []string) bool {
	for _, w := range full {
		if !slices.Contains(short, w) && orgHeads[w] == "company" && !plainCompany[w] {
			return true
		}
	}
	return false
}

// initials is the acronym of an organization name ("National Security
// Council" → "nsc").
func initials(words []string) string {
	var sb strings.Builder
	for _, w := range words {
		switch w {
		case "of", "for", "the", "and", "in", "on", "de", "du", "des", "la", "le":
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		sb.WriteRune(r)
	}
	return sb.String()
}

// acrKey writes an acronym as its name's initials may spell it in another
// transliteration: "UQC" for the "United Kebeeqami Council" is "UKC".
func acrKey(a string) string { return strings.ReplaceAll(a, "q", "k") }

// resolver groups mentions into entities. Indexes keep every lookup
// proportional to the candidates, not to all entities, so that huge inputs
// stay linear.
type resolver struct {
	ents       []*entity
	ms         []mention
	byName     map[string]int   // folded name or alias → entity
	personWord map[string][]int // person core word → persons
	orgWord    map[string][]int // organization word → organizations
	byAcronym  map[string]int   // initials or defined acronym → organization
	byCountry  map[*country]int
	// intro holds the starts of names an indefinite apposition follows
	// ("X, a smaller exporter"): the text brings them in as new.
	intro map[int]bool
	// bySent lists the mentions of each sentence, for inSentence.
	bySent map[int][]int
}

func (r *resolver) index(i int) {
	e := r.ents[i]
	key := strings.Join(e.words, " ")
	if _, ok := r.byName[key]; !ok {
		r.byName[key] = i
	}
	if e.indexed == nil {
		e.indexed = map[string]bool{}
	}
	switch e.typ {
	case kg.Person:
		for _, w := range e.core {
			if !e.indexed[w] {
				e.indexed[w] = true
				r.personWord[w] = append(r.personWord[w], i)
			}
		}
	case kg.Organization:
		for _, w := range e.words {
			if !e.indexed[w] {
				e.indexed[w] = true
				r.orgWord[w] = append(r.orgWord[w], i)
			}
		}
		if len(e.words) >= 2 {
			if a := initials(e.words); len(a) >= 2 {
				if _, ok := r.byAcronym[acrKey(a)]; !ok {
					r.byAcronym[acrKey(a)] = i
				}
			}
		}
	}
}

// maxCandidates bounds the entities compared with one name.
const maxCandidates = 64

func appendOnce(xs []int, i int) []int {
	if len(xs) > 0 && xs[len(xs)-1] == i {
		return xs
	}
	for _, x := range xs {
		if x == i {
			return xs
		}
	}
	return append(xs, i)
}

func (r *resolver) add(e *entity, m *mention, idx int) {
	for e.into > 0 {
		idx = e.into - 1
		e = r.ents[idx]
	}
	m.ent = idx
	e.spans = append(e.spans, kg.Span{Start: m.start, End: m.end})
	if m.start < e.first {
		e.first = m.start
	}
	if e.aliases == nil {
		e.aliases = map[string]string{}
	}
	f := fold(m.text)
	e.aliases[f] = m.text
	if _, ok := r.byName[f]; !ok && r.byName != nil {
		r.byName[f] = idx
	}
	if m.title != "" {
		t := m.title + " " + m.text
		e.aliases[fold(t)] = t
	}
	if m.gender != 0 {
		e.gender = m.gender
	} else if m.title != "" {
		e.role = true
	}
}

func (r *resolver) newEntity(m *mention, typ kg.EntityType, sub, name string) {
	e := &entity{typ: typ, sub: sub, name: name, first: m.start, acronyms: map[string]bool{}}
	e.words = strings.Fields(fold(name))
	if typ == kg.Person {
		e.core = personCore(name)
	}
	r.ents = append(r.ents, e)
	r.index(len(r.ents) - 1)
	r.add(e, m, len(r.ents)-1)
}

// findPerson returns the person that a (shorter) name stands for: one whose
// name ends with it ("Araji" for "Qassim al-Araji"), else one with it
// inside (Spanish double surnames: "Belmonte" for "Ignacio Belmonte
// Ruiz"), else, for a titled first name, one that starts with it ("Sheikh
// Salim") outside the sentence of m (sent). Among several, the one
// mentioned last before pos wins.
func (r *resolver) findPerson(name string, core []string, titled bool, pos, sent, gender int) int {
	suf := suffixOf(name)
	// Candidates share the first or last word; only the most recent few
	// of each list are tried, which bounds the work on pathological input.
	seen := map[int]bool{}
	var cands []int
	for _, w := range []string{core[0], core[len(core)-1]} {
		l := r.personWord[w]
		for _, i := range l[max(0, len(l)-maxCandidates):] {
			if !seen[i] {
				seen[i] = true
				cands = append(cands, i)
			}
		}
	}
	sort.Ints(cands)
	pick := func(ok func(e *entity) bool) int {
		best, bestPos := -1, -1
		for pass := 0; pass < 2 && best < 0; pass++ {
			for _, i := range cands {
				e := r.ents[i]
				if e.typ != kg.Person || !ok(e) {
					continue
				}
				// A title's gender first picks a person of that gender, then
				// one of unknown gender.
				if gender != 0 && e.gender != gender && (pass == 0 || e.gender != 0) {
					continue
				}
				if gender != 0 && e.gender == 0 && e.role && len(e.core) == 1 && len(core) == 1 {
					// "Ms. Huarachi" after "Minister Huarachi", neither
					// named in full: two of one family as often as one.
					continue
				}
				if es := suffixOf(e.name); suf != "" && es != "" && es != suf {
					continue // "Jr." and "Sr." are two people
				}
				if gender != 0 && len(core) == 1 && e.first > pos {
					// "Ms. Atuhaire … her sister, Ruth Atuhaire": a
					// courtesy title names someone the reader already
					// knows, not one the text brings in later.
					continue
				}
				p := e.first
				if best < 0 || (p < pos && p > bestPos) {
					best, bestPos = i, p
				}
			}
		}
		return best
	}
	if i := pick(func(e *entity) bool { return hasSuffix(e.core, core) }); i >= 0 {
		return i
	}
	if len(core) >= 2 {
		// A name that ends in a country is not a person's ("Norvik Foods
		// Chile", a company's unit there, typed a person): its first words
		// are not that person's short name.
		if i := pick(func(e *entity) bool {
			return hasPrefix(e.core, core) && countryByName[strings.Join(e.core[len(core):], " ")] == nil
		}); i >= 0 {
			return i
		}
	}
	if i := pick(func(e *entity) bool { return len(e.core) > len(core) && containsAt1(e.core, core) }); i >= 0 {
		return i
	}
	if len(core) >= 2 {
		// "Tariq al-Mansouri" for "Tariq bin Faisal al-Mansouri": the
		// given name and the surname without the names between.
		if i := pick(func(e *entity) bool {
			return len(e.core) > len(core) && e.core[0] == core[0] && hasSuffix(e.core, core[1:])
		}); i >= 0 {
			return i
		}
	}
	if titled && len(core) == 1 {
		// "Mr. Ferro said Ferro Tessile would …": a speaker does not name
		// himself in full in his own sentence; the longer name there is
		// another (a company named for him).
		return pick(func(e *entity) bool { return len(e.core) >= 2 && e.core[0] == core[0] && !r.inSentence(e, sent) })
	}
	return -1
}

// inSentence reports whether a mention of e is in sentence sent. It reads
// only that sentence's mentions (bySent, listed on first use), so that a
// long text stays linear.
func (r *resolver) inSentence(e *entity, sent int) bool {
	if r.bySent == nil {
		r.bySent = map[int][]int{}
		for i := range r.ms {
			r.bySent[r.ms[i].sent] = append(r.bySent[r.ms[i].sent], i)
		}
	}
	for _, i := range r.bySent[sent] {
		if m := &r.ms[i]; m.ent >= 0 && r.ents[m.ent] == e {
			return true
		}
	}
	return false
}

func suffixOf(name string) string {
	w := strings.Fields(fold(name))
	if len(w) > 1 && nameSuffixes[w[len(w)-1]] {
		return w[len(w)-1]
	}
	return ""
}

func hasPrefix(full, part []string) bool {
	if len(part) == 0 || len(part) > len(full) {
		return false
	}
	for i, p := range part {
		if full[i] != p {
			return false
		}
	}
	return true
}

// containsAt1 reports part inside full at a position after the first word.
func containsAt1(full, part []string) bool {
	for i := 1; i+len(part) <= len(full); i++ {
		if hasPrefix(full[i:], part) {
			return true
		}
	}
	return false
}

// findOrgFor is findOrg for mention m, but an acronym the text never
// defines does not name a body it spells that the text brings in later as
// new ("SHS … Société Huilière du Sahel, a smaller exporter"): the
// acronym was already known to the reader as another.
func (r *resolver) findOrgFor(m *mention, words []string, place bool) int {
	i := r.findOrg(words, place, m.start)
	if i < 0 || len(words) != 1 {
		return i
	}
	e := r.ents[i]
	if !e.acronyms[words[0]] && m.start < e.first && r.intro[e.first] {
		return -1
	}
	return i
}

// findOrg finds the organization that words name, for a mention at rune
// offset at.
func (r *resolver) findOrg(words []string, place bool, at int) int {
	if len(words) == 0 {
		return -1
	}
	f := strings.Join(words, " ")
	if i, ok := r.byName[f]; ok && r.ents[i].typ == kg.Organization {
		return i
	}
	// "Houthi" and "Houthis", "Revolutionary Guard" and "Revolutionary
	// Guards": a body named by its members is named in either number.
	if i, ok := r.byName[f+"s"]; ok && r.ents[i].typ == kg.Organization && len(f) > 2 {
		return i
	}
	if i, ok := r.byName[strings.TrimSuffix(f, "s")]; ok && strings.HasSuffix(f, "s") && r.ents[i].typ == kg.Organization && len(f) > 3 {
		return i
	}
	if len(words) == 1 {
		if i, ok := r.byAcronym[acrKey(f)]; ok {
			return i
		}
	}
	var cands []int
	l := r.orgWord[words[0]]
	for _, i := range l[max(0, len(l)-maxCandidates):] {
		if e := r.ents[i]; orgShortForm(words, e.words) && !(at < e.first && sisterLine(words, e.words)) {
			cands = appendOnce(cands, i)
		}
	}
	if len(cands) == 1 {
		return cands[0]
	}
	if _, head := orgHeads[words[len(words)-1]]; !head && len(cands) == 0 && !place {
		// "Meridian" after "Meridian Gulf Holdings": a head-less short
		// form opening the name of exactly one company named before it;
		// not a name read as a place ("in Ashanti"), which is the place
		// the company is named for. A company named only later is a
		// sister the text brings in ("Dong Phuoc's purchasing … Dong
		// Phuoc Rubber Company, which shares a founder's name").
		one := -1
		for _, i := range l[max(0, len(l)-maxCandidates):] {
			if e := r.ents[i]; e.sub == "company" && e.first < at && len(e.words) > len(words) && hasPrefix(e.words, words) {
				if one >= 0 && one != i {
					one = -2
					break
				}
				one = i
			}
		}
		if one >= 0 {
			return one
		}
	}
	if _, head := orgHeads[f]; head && len(words) == 1 && len(cands) == 0 {
		// "the Brotherhood" for "Black Pine Brotherhood": a head word
		// alone names the one organization it ends.
		one := -1
		for _, i := range l[max(0, len(l)-maxCandidates):] {
			if w := r.ents[i].words; w[len(w)-1] == f {
				if one >= 0 {
					return -1
				}
				one = i
			}
		}
		return one
	}
	return -1
}

func (r *resolver) findExact(f string) int {
	if i, ok := r.byName[f]; ok {
		return i
	}
	return -1
}

// resolve groups the article's mentions into entities: persons by the
// fullest name they share a last name with, organizations by short forms
// and acronyms, countries by the gazetteer, alternative names the text
// gives (alt) with the name they restate; unknown names join an entity they
// match or are dropped.
func resolve(ms []mention, acr map[int]string, alt []altPair, intro map[int]bool) []*entity {
	r := &resolver{ms: ms, byName: map[string]int{}, personWord: map[string][]int{}, orgWord: map[string][]int{},
		byAcronym: map[string]int{}, byCountry: map[*country]int{}, intro: intro}
	order := make([]int, len(ms))
	for i := range order {
		order[i] = i
	}
	nwords := make([]int, len(ms))
	for i := range ms {
		nwords[i] = strings.Count(strings.TrimSpace(ms[i].text), " ") + 1
	}
	sort.SliceStable(order, func(a, b int) bool { return nwords[order[a]] > nwords[order[b]] })
	pass := func(keep func(m *mention) bool, do func(m *mention)) {
		for _, i := range order {
			m := &r.ms[i]
			if m.ent < 0 && keep(m) {
				do(m)
			}
		}
	}
	// Countries from the gazetteer; adjectives only join countries that are
	// named.
	pass(func(m *mention) bool { return m.country != nil && !m.adj }, func(m *mention) {
		if i := r.findCountry(m.country); i >= 0 {
			r.add(r.ents[i], m, i)
			return
		}
		r.newEntity(m, kg.Location, "country", m.country.name)
		r.ents[len(r.ents)-1].country = m.country
		r.byCountry[m.country] = len(r.ents) - 1
	})
	pass(func(m *mention) bool { return m.country != nil && m.adj }, func(m *mention) {
		if i := r.findCountry(m.country); i >= 0 {
			r.add(r.ents[i], m, i)
		} else if m.acts {
			r.newEntity(m, kg.Location, "country", m.country.name)
			r.ents[len(r.ents)-1].country = m.country
			r.byCountry[m.country] = len(r.ents) - 1
		}
	})
	// Strong persons, longest names first.
	pass(func(m *mention) bool { return m.typ == kg.Person }, func(m *mention) {
		core := personCore(m.text)
		if len(core) == 0 {
			return
		}
		if i := r.findPerson(m.text, core, m.title != "", m.start, m.sent, m.gender); i >= 0 {
			r.add(r.ents[i], m, i)
			return
		}
		if i := r.findLonger(m, core); i >= 0 {
			return
		}
		if m.strong || len(core) >= 2 {
			name := m.text
			if m.title != "" && r.findExact(fold(name)) >= 0 {
				// Another person of this very name ("Ms. Huarachi"
				// beside "Minister Huarachi"): the title tells them apart.
				name = m.title + " " + name
			}
			r.newEntity(m, kg.Person, "", name)
		}
	})
	// Strong organizations and places.
	pass(func(m *mention) bool { return m.typ == kg.Organization && m.strong }, func(m *mention) {
		w := strings.Fields(fold(m.text))
		if i := r.findOrgFor(m, w, false); i >= 0 {
			r.add(r.ents[i], m, i)
			return
		}
		r.newEntity(m, kg.Organization, m.sub, m.text)
	})
	pass(func(m *mention) bool { return m.typ == kg.Location && m.country == nil && !m.adj }, func(m *mention) {
		// A capital named as a city is not its country ("in Manila").
		if i := r.findExact(fold(m.text)); i >= 0 && !(m.capital && r.ents[i].country != nil) {
			r.add(r.ents[i], m, i)
			return
		}
		// "PNG" for Papua New Guinea: the initials of a country named.
		if i := r.countryInitials(m.text); i >= 0 {
			r.add(r.ents[i], m, i)
			return
		}
		if m.strong {
			r.newEntity(m, kg.Location, m.sub, m.text)
		}
	})
	// Acronyms defined in parentheses.
	for _, mi := range sortedKeys(acr) {
		if e := ms[mi].ent; e >= 0 {
			f := fold(acr[mi])
			r.ents[e].acronyms[f] = true
			r.byAcronym[acrKey(f)] = e
		}
	}
	// Alternative names join the entity they restate, before the untyped
	// names that repeat them look for it.
	r.joinAlternatives(alt)
	// Weakly typed and untyped names join what they match; weakly typed
	// ones that match nothing become entities of their type.
	pass(func(m *mention) bool { return m.country == nil }, func(m *mention) {
		f := fold(m.text)
		if i := r.findExact(f); i >= 0 {
			r.add(r.ents[i], m, i)
			return
		}
		if i := r.countryInitials(m.text); i >= 0 && m.typ != kg.Person {
			r.add(r.ents[i], m, i)
			return
		}
		w := strings.Fields(f)
		if i := r.findOrgFor(m, w, m.typ == kg.Location); i >= 0 && m.typ != kg.Person {
			r.add(r.ents[i], m, i)
			return
		}
		if core := personCore(m.text); len(core) > 0 && m.typ != kg.Location {
			// A lone surname is the person it names, even where context
			// guessed a group ("Smith said").
			if i := r.findPerson(m.text, core, false, m.start, m.sent, m.gender); i >= 0 && len(core) == 1 && len(w) == 1 {
				r.add(r.ents[i], m, i)
				return
			}
			if m.typ != kg.Organization && r.findLonger(m, core) >= 0 {
				return
			}
		}
		switch m.typ {
		case kg.Person:
			if len(strings.Fields(f)) >= 2 {
				r.newEntity(m, kg.Person, "", m.text)
			}
		case kg.Organization:
			r.newEntity(m, kg.Organization, m.sub, m.text)
		case kg.Location:
			r.newEntity(m, kg.Location, m.sub, m.text)
		}
	})
	r.joinAlternatives(alt)
	return r.ents
}

// findLonger attaches a full name to a person known so far by a shorter
// form ("Ms. Doyle-Hart" before "Catherine Doyle-Hart"), which then takes
// the full name.
func (r *resolver) findLonger(m *mention, core []string) int {
	l := r.personWord[core[len(core)-1]]
	cands := append([]int(nil), l[max(0, len(l)-maxCandidates):]...)
	sort.Ints(cands)
	for _, i := range cands {
		e := r.ents[i]
		if e.typ == kg.Person && len(core) > len(e.core) && hasSuffix(core, e.core) && suffixOf(e.name) == suffixOf(m.text) {
			r.add(e, m, i)
			e.name, e.core, e.words = m.text, core, strings.Fields(fold(m.text))
			r.index(i)
			return i
		}
	}
	return -1
}

func sortedKeys(m map[int]string) []int {
	out := make([]int, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Ints(out)
	return out
}

// countryInitials returns the country entity of several words whose
// initials the capitals s spell, or -1.
func (r *resolver) countryInitials(s string) int {
	if len(s) < 2 || len(s) > 5 || !isAllCaps(s) {
		return -1
	}
	f := fold(s)
	best := -1 // the first named, whatever the map's order
	for _, i := range r.byCountry {
		if w := strings.Fields(fold(r.ents[i].name)); len(w) >= 2 && initials(w) == f && (best < 0 || i < best) {
			best = i
		}
	}
	return best
}

func (r *resolver) findCountry(c *country) int {
	if i, ok := r.byCountry[c]; ok {
		return i
	}
	return -1
}

// altPair is a name the text gives as another name of the thing named
// before it: "X, also known as Y", "X (Y in Russian-language reports)",
// "X, whose name means Y".
type altPair struct{ first, other int } // mention indexes

// altCues are the words that, after a name and a comma, give another name
// of it. Those marked described may follow a description of the first
// name ("X, a Moscow-based trader whose name means Y").
var altCues = []struct {
	words     []string
	described bool
}{
	{[]string{"also", "known", "as"}, false}, {[]string{"known", "as"}, false}, {[]string{"better", "known", "as"}, false},
	{[]string{"formerly", "known", "as"}, false}, {[]string{"also", "called"}, false}, {[]string{"formerly", "called"}, false},
	{[]string{"aka"}, false}, {[]string{"a.k.a"}, false}, {[]string{"nicknamed"}, false},
	{[]string{"whose", "name", "means"}, true}, {[]string{"whose", "name", "translates", "as"}, true},
	{[]string{"which", "means"}, true}, {[]string{"meaning"}, true},
	{[]string{"which", "calls", "itself"}, false}, {[]string{"calling", "itself"}, false},
	{[]string{"which", "call", "themselves"}, false}, {[]string{"who", "call", "themselves"}, false},
}

// selfNamedNouns, besides organization nouns, stand between a name and
// the name it gives itself: "the Houthi side, which calls itself".
var selfNamedNouns = map[string]bool{"side": true, "rebels": true, "fighters": true, "camp": true}

// introduced finds the names an indefinite apposition follows ("X, a
// smaller exporter based in Y"), by start.
func (d *doc) introduced() map[int]bool {
	out := map[int]bool{}
	for _, m := range d.ms {
		toks := d.sents[m.sent].toks
		if m.te+1 < len(toks) && toks[m.te].text == "," && (toks[m.te+1].low == "a" || toks[m.te+1].low == "an") {
			out[m.start] = true
		}
	}
	return out
}

// altNames finds the alternative names the article gives: pairs of
// mentions of one sentence where the second restates the first after a
// cue, or in parentheses right after it (a translated or transliterated
// form, perhaps followed by where that form is used).
func (d *doc) altNames() []altPair {
	var out []altPair
	named := func(m *mention) bool {
		return m.country == nil && !m.adj && m.typ != kg.Location
	}
	for _, l := range d.mentionsBySent() {
		for k := 1; k < len(l); k++ {
			b := &d.ms[l[k]]
			if !named(b) {
				continue
			}
			toks := d.sents[b.sent].toks
			for j := k - 1; j >= 0; j-- {
				a := &d.ms[l[j]]
				if a.te > b.tts {
					continue
				}
				// A single word in parentheses after a person is more often
				// an affiliation ("(Reuters)") than another name.
				paren := b.tts == a.te+1 && toks[a.te].text == "("
				if named(a) && a.typ != kg.Person && stateBodyApposed(toks, a, b) {
					out = append(out, altPair{l[j], l[k]})
					break
				}
				if named(a) && altGap(toks, a.te, b.tts) && (b.typ == "" || a.typ == "" || b.typ == a.typ || !b.strong) &&
					!(paren && a.typ == kg.Person && b.te-b.ts < 2) {
					out = append(out, altPair{l[j], l[k]})
					break
				}
				if !(a.adj || a.country != nil || a.typ == kg.Location || (a.typ == "" && !a.strong && a.te-a.ts == 1)) {
					// Only places, and single untyped words ("the Saxon
					// cell maker"), may stand inside a description.
					break
				}
			}
		}
	}
	return out
}

// stateBodyApposed reports b, a state's body named by its demonym, set
// after the name a as its description: "the Garda Síochána, the Irish
// police, said".
func stateBodyApposed(toks []token, a, b *mention) bool {
	return b.typ == kg.Organization && b.tts == a.te+2 && toks[a.te].text == "," && toks[a.te+1].low == "the" &&
		countryByAdj[toks[b.ts].low] != nil && b.te-b.ts >= 2 && (b.te == len(toks) || !toks[b.te].word)
}

// mentionsBySent lists mention indexes per sentence in text order.
func (d *doc) mentionsBySent() [][]int {
	out := make([][]int, len(d.sents))
	for i, m := range d.ms {
		out[m.sent] = append(out[m.sent], i)
	}
	for _, l := range out {
		sort.SliceStable(l, func(a, b int) bool { return d.ms[l[a]].start < d.ms[l[b]].start })
	}
	return out
}

// altGap reports whether toks[a:b], the words between two names, make the
// second another name of the first.
func altGap(toks []token, a, b int) bool {
	if b <= a || b > len(toks) {
		return false
	}
	gap := toks[a:b]
	if len(gap) == 1 && gap[0].text == "(" {
		return parenCloses(toks, b)
	}
	// "The Houthi side, which calls itself Ansar Allah": a noun for
	// what the name stands for may come before the comma.
	if len(gap) >= 3 && gap[0].word && !gap[0].cap && gap[1].text == "," {
		if _, ok := orgNouns[gap[0].low]; ok || selfNamedNouns[gap[0].low] {
			gap = gap[1:]
		}
	}
	if len(gap) < 2 || gap[0].text != "," {
		return false
	}
	words := make([]string, 0, len(gap)-1)
	for _, t := range gap[1:] {
		words = append(words, t.low)
	}
	if words[len(words)-1] == "the" {
		words = words[:len(words)-1]
	}
	for _, cue := range altCues {
		n := len(cue.words)
		if len(words) < n || !slices.Equal(words[len(words)-n:], cue.words) {
			continue
		}
		if len(words) == n {
			return true
		}
		// A description between: a short phrase without a clause break.
		if !cue.described || len(words)-n > 10 {
			return false
		}
		for _, t := range gap[1 : len(gap)-n] {
			if t.text == "," || t.text == "(" || t.text == ")" || t.text == ";" {
				return false
			}
		}
		return true
	}
	// "known to dockworkers as", "known in Arabic as", "known in Germany
	// as": up to three words between, where a language, a place or the
	// people who use the name is named; after a short description too
	// ("X, the Saxon cell maker known in Germany as Y").
	n := len(words)
	if n < 3 || words[n-1] != "as" {
		return false
	}
	// ("known as" itself ended the gap as a cue above, so a word stands
	// between.)
	k := -1
	for i := n - 3; i >= max(0, n-5); i-- {
		if words[i] == "known" {
			k = i
			break
		}
	}
	if k < 0 || k > 10 || (words[k+1] != "in" && words[k+1] != "to" && words[k+1] != "among" && words[k+1] != "locally") {
		return false
	}
	for _, t := range gap[1 : len(gap)-1] {
		if !t.word {
			return false
		}
	}
	return true
}

// parenCloses reports whether the name starting at toks[b] is closed by a
// parenthesis, directly or after a short lower-case phrase saying where
// that form is used ("in Russian-language reports").
func parenCloses(toks []token, b int) bool {
	end := b
	for end < len(toks) && toks[end].text != ")" && toks[end].text != "(" && end < b+12 {
		end++
	}
	if end >= len(toks) || toks[end].text != ")" {
		return false
	}
	// Find where the name ends: the first lower-case word after it must
	// open the phrase ("in", "as", "to").
	// "(Dirección del Trabajo)": a particle between capitalized words
	// is part of the name.
	i := b
	for i < end && (toks[i].cap || i > b && i+1 < end && nameParticles[toks[i].low] && toks[i+1].cap) {
		i++
	}
	if i == end {
		return true
	}
	switch toks[i].low {
	case "in", "as", "to", "among", "for":
	default:
		return false
	}
	for _, t := range toks[i:end] {
		if !t.word && t.text != "-" {
			return false
		}
	}
	return true
}

// joinAlternatives makes each alternative name a name of the entity it
// restates: an unresolved mention joins that entity; an entity of the
// same type made from the other name is merged into it.
func (r *resolver) joinAlternatives(pairs []altPair) {
	for _, p := range pairs {
		ma, mb := &r.ms[p.first], &r.ms[p.other]
		ea, eb := ma.ent, mb.ent
		if ea < 0 || ea == eb || r.ents[ea].typ == kg.Location {
			continue
		}
		if eb < 0 {
			if mb.typ == "" || mb.typ == r.ents[ea].typ {
				r.add(r.ents[ea], mb, ea)
			}
			continue
		}
		if r.ents[eb].typ != r.ents[ea].typ {
			continue
		}
		r.mergeInto(ea, eb)
	}
}

// mergeInto moves entity b's mentions and names to entity a.
func (r *resolver) mergeInto(a, b int) {
	ea, eb := r.ents[a], r.ents[b]
	for i := range r.ms {
		if r.ms[i].ent == b {
			r.ms[i].ent = a
		}
	}
	ea.spans = append(ea.spans, eb.spans...)
	eb.spans = nil
	eb.into = a + 1
	if ea.aliases == nil {
		ea.aliases = map[string]string{}
	}
	for f, s := range eb.aliases {
		ea.aliases[f] = s
	}
	ea.aliases[fold(eb.name)] = eb.name
	for f := range eb.acronyms {
		ea.acronyms[f] = true
		r.byAcronym[acrKey(f)] = a
	}
	for f, i := range r.byName {
		if i == b {
			r.byName[f] = a
		}
	}
	ea.first = min(ea.first, eb.first)
	if ea.gender == 0 {
		ea.gender = eb.gender
	}
}

// CountryWords lists the one-word country names and demonym adjectives the
// extractor's gazetteer knows, folded ("georgia", "georgian"): general
// knowledge that entity resolution across articles shares.
func CountryWords() []string {
	var out []string
	for _, m := range []map[string]*country{countryByName, countryByAdj} {
		for w := range m {
			if !strings.Contains(w, " ") {
				out = append(out, w)
			}
		}
	}
	sort.Strings(out)
	return out
}

// datelines types the place that opens an article's first paragraph in
// capitals before a dash ("KISMAYO, Somalia —", "BATUMI —") as a place: in
// capitals it reads as an acronym, but a dateline names where the story was
// filed.
func (d *doc) datelines() {
	first := -1
	for i, s := range d.sents {
		if s.Para >= 1 {
			first = i
			break
		}
	}
	if first < 0 {
		return
	}
	toks := d.sents[first].toks
	for i := range d.ms {
		m := &d.ms[i]
		if m.sent != first || m.tts != 0 || m.country != nil || !isAllCaps(m.text) || len([]rune(m.text)) < 3 {
			continue
		}
		if datelineDash(toks, m.te) {
			m.typ, m.sub, m.strong = kg.Location, "city", true
		}
		return
	}
}

// datelineDash reports a dash at toks[i], or after ", Place" (one to three
// capitalized words) there.
func datelineDash(toks []token, i int) bool {
	dash := func(j int) bool {
		return j < len(toks) && (toks[j].text == "—" || toks[j].text == "–" || toks[j].text == "-" || toks[j].text == "--")
	}
	if dash(i) {
		return true
	}
	if i >= len(toks) || toks[i].text != "," {
		return false
	}
	for j := i + 1; j < len(toks) && j <= i+3; j++ {
		if !toks[j].cap {
			return dash(j)
		}
	}
	return dash(min(i+4, len(toks)))
}

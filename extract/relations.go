package extract

import (
	"slices"
	"strings"

	"github.com/newsgraph/newsgraph/kg"
)

// Confidence of each kind of rule: appositions and titles are the most
// reliable, verb patterns less so.
const (
	confApposition = 0.85
	confTitle      = 0.8
	confVerb       = 0.7
	confPassive    = 0.75
	confCompound   = 0.65
	confNoun       = 0.7
)

// addRel records a relation with its evidence, merging repeats.
func (d *doc) addRel(t kg.RelationType, src, dst int, props map[string]string, si int, conf float64) *kg.Relation {
	if src < 0 || dst < 0 || src == dst {
		return nil
	}
	se, de := d.ents[src], d.ents[dst]
	if !t.Allows(se.typ, de.typ) {
		return nil
	}
	sid, did := se.id(), de.id()
	if sid == did {
		return nil
	}
	if t == kg.Leads {
		if d.led == nil {
			d.led = map[int][]int{}
		}
		d.led[src] = appendOnce(d.led[src], dst)
	}
	if t.Symmetric() && did < sid {
		sid, did = did, sid
	}
	id := kg.RelationID(t, sid, did)
	r := d.rels[id]
	if r == nil {
		r = &kg.Relation{ID: id, Type: t, Source: sid, Target: did, Properties: map[string]string{}}
		d.rels[id] = r
	}
	for k, v := range props {
		if v != "" && r.Properties[k] == "" {
			r.Properties[k] = v
		}
	}
	ev := d.evidence(si, conf)
	for _, e := range r.Evidence {
		if e.Start == ev.Start {
			return r
		}
	}
	r.Evidence = append(r.Evidence, ev)
	if conf > r.Confidence {
		r.Confidence = conf
	}
	return r
}

// addEvent records an event with its participants.
func (d *doc) addEvent(typ, name string, si int, date string, place int, parts []kg.Participant, conf float64) {
	id := kg.EventID(d.a.ID, typ, name, d.sents[si].Start)
	if d.events[id] != nil {
		return
	}
	ev := &kg.Event{ID: id, Type: typ, Name: name, Date: date, Participants: parts,
		Evidence: []kg.Evidence{d.evidence(si, conf)}}
	if place >= 0 {
		ev.Place = d.ents[place].id()
		ev.Participants = append(ev.Participants, kg.Participant{EntityID: ev.Place, Role: "place"})
	}
	if ev.Participants == nil {
		ev.Participants = []kg.Participant{}
	}
	d.events[id] = ev
}

// relations runs the relation rules: roles first (they feed role
// coreference such as "the United States ambassador"), then verbs, nouns
// and compounds.
func (d *doc) relations() {
	d.dominant = d.dominantCountry()
	d.dateline = d.datelineCountry()
	d.roleHolders = map[string][]int{}
	for si := range d.sents {
		d.roles(si)
	}
	for si := range d.sents {
		d.nouns(si)
	}
	d.grammar()
	d.successions()
	for si := range d.sents {
		d.boardMembers(si)
	}
}

// datelineCountry reads "LUSAKA, Zambia —" or "MADRID —" at the start of
// the first body paragraph and returns the country entity, or -1.
func (d *doc) datelineCountry() int {
	for si, s := range d.sents {
		if s.Para == 0 || byline(s.toks) {
			continue
		}
		toks := s.toks
		dash := -1
		for i := 0; i < len(toks) && i < 14; i++ {
			if toks[i].text == "\u2014" || toks[i].text == "-" || toks[i].text == "\u2013" {
				dash = i
				break
			}
		}
		if dash < 1 || !isAllCaps(toks[0].text) {
			return -1
		}
		for _, rf := range d.sentRefs(si) {
			if rf.ts < dash && d.ents[rf.ent].country != nil {
				return rf.ent
			}
		}
		// "MEXICO CITY —": the capital, one or more words, names the
		// country.
		var c *country
		for e := 1; e <= dash && c == nil; e++ {
			c = countryByCapital[foldToks(toks, 0, e)]
		}
		if c != nil {
			for i, e := range d.ents {
				if e.country == c {
					return i
				}
			}
		}
		return -1
	}
	return -1
}

// byline reports a short "By X" line between the title and the body:
// the dateline is in the paragraph after it.
func byline(toks []token) bool {
	return len(toks) > 1 && len(toks) <= 12 && toks[0].low == "by" && toks[0].cap && datelineEnd(toks) == 0
}

// homeCountry is the country a bare "President X" belongs to: the dateline
// country when the article is mostly about it, else a country named at
// least twice as often as any other, else none.
func (d *doc) homeCountry() int {
	counts := map[int]int{}
	byCountry := map[*country]int{}
	for i, e := range d.ents {
		if e.country != nil {
			byCountry[e.country] = i
		}
	}
	acting := map[string]bool{}
	for _, m := range d.ms {
		if m.metonym {
			acting[fold(m.text)] = true
		}
	}
	for _, m := range d.ms {
		// Demonyms count too: "the Yemeni government" is about Yemen.
		if m.ent >= 0 && d.ents[m.ent].country != nil {
			counts[m.ent]++
		} else if m.capital && !m.shadow && acting[fold(m.text)] {
			// So does a capital that also speaks for its state: "in
			// Manila" where "Manila protested".
			if e, ok := byCountry[countryByCapital[fold(m.text)]]; ok && countryByCapital[fold(m.text)] != nil {
				counts[e]++
			}
		}
	}
	first, second := -1, 0
	for e, c := range counts {
		if first < 0 || c > counts[first] || c == counts[first] && e < first {
			first = e
		}
	}
	for e, c := range counts {
		if e != first && c > second {
			second = c
		}
	}
	if d.dateline >= 0 && (first < 0 || counts[d.dateline] >= counts[first]) {
		return d.dateline
	}
	if first >= 0 && counts[first] >= 2*second && counts[first] >= 2 {
		return first
	}
	return -1
}

// entityWords returns the entity whose name is the folded words w, or -1.
func (d *doc) entityWords(w []string) int {
	for i, e := range d.ents {
		if slices.Equal(e.words, w) {
			return i
		}
	}
	return -1
}

// subnationalWords in a title make it a post below the state: "the state
// premier", "the provincial governor".
var subnationalWords = map[string]bool{"state": true, "provincial": true, "regional": true, "district": true,
	"municipal": true, "county": true, "local": true, "city": true}

// subnational reports a title held below the state.
func subnational(title string) bool {
	return wordBeforeHead(title, subnationalWords)
}

// courtTitles are held in a court: with no court named, the court the
// article has in view.
var courtTitles = map[string]bool{"judge": true, "justice": true, "magistrate": true}

// stateOfArticle is the state an office named without its state
// belongs to ("the attorney general", "a government spokesman"): the
// article's home country, else the dateline's country when the headline
// names it or no country, else the one country the headline names when
// no country is named more often.
func (d *doc) stateOfArticle() int {
	if c := d.homeCountry(); c >= 0 {
		return c
	}
	head, heads, datelined := -1, 0, false
	for si := 0; si < len(d.sents) && d.sents[si].Para == 0; si++ {
		for _, r := range d.sentRefs(si) {
			datelined = datelined || r.ent == d.dateline
			if d.ents[r.ent].country != nil && r.ent != head {
				head = r.ent
				heads++
			}
		}
	}
	// A correspondent files from abroad as often as from home: the
	// dateline counts only where the headline agrees.
	if d.dateline >= 0 && (heads == 0 || datelined) {
		return d.dateline
	}
	if heads != 1 {
		return -1
	}
	counts := map[int]int{}
	for _, m := range d.ms {
		if m.ent >= 0 && d.ents[m.ent].country != nil {
			counts[m.ent]++
		}
	}
	for e, c := range counts {
		if e != head && c > counts[head] {
			return -1
		}
	}
	return head
}

// dominantCountry is the country named most often: the country an
// unqualified "the prime minister" belongs to.
func (d *doc) dominantCountry() int {
	counts := map[int]int{}
	for _, m := range d.ms {
		if m.ent >= 0 && !m.adj && d.ents[m.ent].country != nil {
			counts[m.ent]++
		}
	}
	best, n := -1, 0
	for e, c := range counts {
		if c > n || c == n && e < best {
			best, n = e, c
		}
	}
	return best
}

// statusWords mark a role as former or current.
var statusWords = map[string]string{
	"former": "former", "previous": "former", "ex": "former", "retired": "former", "onetime": "former",
	"late": "former", "then": "former", "erstwhile": "former", "current": "current", "acting": "current",
	"incumbent": "current", "sitting": "current", "new": "current", "interim": "current",
	"possible": "prospective", "next": "prospective", "future": "prospective", "potential": "prospective",
	"likely": "prospective", "would-be": "prospective", "designate": "prospective",
}

// rolePhrase is a job description such as "Iraq's interior minister" or
// "the senior fellow at the Washington Institute".
type rolePhrase struct {
	start, end int // tokens [start, end)
	noun       int // token of the role noun
	title      string
	status     string
	target     int // entity of the organization or country, -1
	targetRef  ref
	kind       roleKind
	electoral  bool
	plural     bool // "lawyers with Y": an occupation, not a post held
	deputy     bool // "deputy", "vice" before the title: not the top post
	owned      bool // a possessor names the body, resolved or not ("the state's")
}

// bodyTitleNouns before a role noun name the kind of body the role is
// held in: "police spokesman", "army commander", "party official".
var bodyTitleNouns = map[string]bool{"police": true, "army": true, "navy": true, "party": true, "military": true,
	"union": true, "court": true, "militia": true, "cartel": true, "coalition": true}

// deputyWords before a title make it a post under the top one.
var deputyWords = map[string]bool{"deputy": true, "vice": true, "assistant": true, "associate": true, "under": true,
	"adjunct": true, "sub": true}

// deputyTitle reports a title with a deputy word before its head:
// "deputy secretary general", "vice chairman", "deputy inspector general".
func deputyTitle(title string) bool {
	return wordBeforeHead(strings.ReplaceAll(title, "-", " "), deputyWords)
}

// wordBeforeHead reports a word of set among a title's words before its
// last, the head.
func wordBeforeHead(title string, set map[string]bool) bool {
	w := strings.Fields(title)
	return slices.ContainsFunc(w[:max(len(w)-1, 0)], func(x string) bool { return set[x] })
}

// bodyModifiers before "chief" or "head" name the body the holder leads
// though they are not organization nouns: "intelligence chief".
var bodyModifiers = map[string]bool{"intelligence": true, "spy": true, "military": true, "opposition": true}

// occupations are trades and conditions, not posts: with a nationality
// they say where a person is from ("the Singaporean businessman X").
var occupations = map[string]bool{"businessman": true, "businesswoman": true, "farmer": true, "student": true,
	"resident": true, "fisherman": true, "trader": true, "merchant": true, "entrepreneur": true, "investor": true,
	"author": true, "poet": true, "artist": true, "singer": true, "actor": true, "musician": true, "athlete": true,
	"refugee": true, "migrant": true, "survivor": true, "witness": true, "protester": true, "blogger": true,
	"veteran": true, "priest": true, "cleric": true, "pastor": true, "rabbi": true, "monk": true, "activist": true,
	"tycoon": true, "billionaire": true, "magnate": true, "developer": true}

// parseRole reads a role phrase whose role noun is at token r.
func (d *doc) parseRole(si int, refs []ref, r int) rolePhrase {
	toks := d.sents[si].toks
	rp := rolePhrase{noun: r, target: -1, status: "current", kind: roleNouns[toks[r].low]}
	if r > 0 && roleNouns[toks[r-1].low+" "+toks[r].low] != roleNone {
		rp.kind = roleNouns[toks[r-1].low+" "+toks[r].low]
	}
	// Back over modifiers: adjectives, possessives, entity names.
	s := r
	var words []string
	words = append(words, toks[r].low)
	for s > 0 {
		t := toks[s-1]
		if t.text == "," || t.text == "\"" || t.text == "(" || t.text == ";" || t.text == ":" {
			break
		}
		if t.text == ")" && s >= 3 && toks[s-3].text == "(" && len(words) == 1 {
			// "the Y Board (YB) chairman X": past the acronym to the
			// name it shortens.
			if rf, ok := refAt(refs, s-2); ok && !rf.pron && !rf.adj && rp.target < 0 {
				rp.target, rp.targetRef = rf.ent, rf
				s -= 3
				if rf2, ok := refAt(refs, s-1); ok && rf2.ent == rf.ent {
					s = rf2.ts
				}
				break
			}
		}
		if rf, ok := refAt(refs, s-1); ok && (!rf.pron || rf.poss) {
			if rp.target < 0 || d.ents[rp.target].typ == kg.Location && d.ents[rf.ent].typ == kg.Organization && !rf.pron &&
				rf.te < len(toks) && toks[rf.te].low == "'s" {
				// "Lazard's Latin America head": the place names only
				// the branch; the body is the possessor's.
				rp.target, rp.targetRef = rf.ent, rf
			}
			s = rf.ts
			if rf.pron || rf.poss || s > 0 && toks[s-1].text != "'s" && !toks[s-1].word {
				break // "his lawyer": the possessor starts the phrase
			}
			continue
		}
		if t.low == "'s" && s >= 3 && toks[s-3].low == "the" && (toks[s-2].low == "country" || toks[s-2].low == "nation") && rp.target < 0 {
			// "the country's president": the country the article is about.
			if c := d.homeCountry(); c >= 0 {
				rp.target = c
			} else {
				rp.target = d.dominant
			}
			s -= 3
			break
		}
		if t.low == "'s" || t.text == "'" && s >= 2 && strings.HasSuffix(toks[s-2].low, "s") {
			// "the company's chief executive", "the armed forces' chief of
			// staff": the body named before.
			rp.owned = true
			// "the union's Melbourne branch president": the place only
			// names the branch.
			if q := s - 3; q >= 0 && (rp.target < 0 || d.ents[rp.target].typ == kg.Location) {
				if _, ok := orgNouns[toks[s-2].low]; ok {
					for q > 0 && q > s-5 && toks[q].word && !toks[q].cap && toks[q].low != "the" {
						q-- // "the ruling junta's"
					}
					if toks[q].low == "the" {
						if e := d.lastOrgWithHead(toks[s-2].low, si, toks[s-2].start); e >= 0 {
							rp.target = e
						}
						s = q
						break
					}
				}
			}
			s--
			continue
		}
		if st, ok := statusWords[t.low]; ok {
			rp.status = st
			s--
			continue
		}
		if t.low == "whose" {
			// "the CPA, whose managing director, X": the antecedent.
			rp.owned = true
			j := s - 2
			if j >= 0 && toks[j].text == "," {
				j--
			}
			// "Y, whose Central Asia researcher X": a place before the
			// role noun is only its remit; the body is the antecedent.
			if rf, ok := refAt(refs, j); ok && d.ents[rf.ent].typ != kg.Person &&
				(rp.target < 0 || d.ents[rp.target].typ == kg.Location && d.ents[rf.ent].typ == kg.Organization) {
				rp.target, rp.targetRef = rf.ent, rf
			}
			s--
			break
		}
		if t.low == "the" || t.low == "a" || t.low == "an" || t.low == "his" || t.low == "her" || t.low == "its" || t.low == "their" {
			s--
			break
		}
		if _, body := orgNouns[t.low]; t.cap && body && s-1 == 0 && len(words) == 1 {
			// "Police spokesman X" opening a sentence: the body's noun.
			words = append([]string{t.low}, words...)
			s--
			break
		}
		if !t.word || t.cap || speechVerbs[t.low] || isVerbish(t.low) || stopCaps[t.low] || len(words) >= 4 {
			break
		}
		if t.low == "and" || t.low == "of" || t.low == "who" || t.low == "as" {
			break
		}
		words = append([]string{t.low}, words...)
		if t.low == "electoral" {
			rp.electoral = true
		}
		s--
	}
	for _, w := range words {
		if statusWords[w] != "" {
			rp.status = statusWords[w]
		}
	}
	var tw []string
	for _, w := range words {
		if statusWords[w] == "" {
			tw = append(tw, w)
		}
	}
	rp.title = strings.Join(tw, " ")
	rp.start, rp.end = s, r+1
	// Forward: "of|at|for|in|with [the] X", or a description closed by
	// ", known as X".
	e := r + 1
	if e < len(toks) && (toks[e].low == "of" || toks[e].low == "at" || toks[e].low == "for" || toks[e].low == "with" || toks[e].low == "in" || toks[e].low == "to") {
		prep := toks[e].low
		j := e + 1
		for j < len(toks) && (toks[j].low == "the" || toks[j].low == "a" || toks[j].low == "an") {
			j++
		}
		// "the leader of the conservative People's Alliance": adjectives
		// before the name.
		for k := j; k < len(toks) && k < j+2 && toks[k].word && !toks[k].cap && !stopCaps[toks[k].low]; k++ {
			if rf, ok := refAt(refs, k+1); ok && !rf.adj && d.ents[rf.ent].typ == kg.Organization {
				j = k + 1
				break
			}
		}
		if rf, ok := refAt(refs, j); ok && (!rf.adj || d.forceAfter(toks, rf.te)) && (!rf.pron || rf.poss) {
			typ := d.ents[rf.ent].typ
			// "officer in Iraq" says where, not for whom; "adviser for
			// Iraq" yields to an employer named before the noun.
			if (prep != "in" || typ == kg.Organization) && (typ != kg.Location || rp.target < 0 || d.ents[rp.target].typ == kg.Location) &&
				!((prep == "for" || prep == "to") && rp.target >= 0) {
				rp.target, rp.targetRef = rf.ent, rf
				rp.end = rf.te
			}
		} else if _, isOrg := orgNouns[toks[min(j, len(toks)-1)].low]; isOrg && j > e+1 && toks[j-1].low == "the" && !(j+1 < len(toks) && (toks[j+1].low == "of" || toks[j+1].low == "'s")) {
			// "a spokesman for the ministry": the ministry named before.
			if o := d.lastOrgWithHead(toks[j].low, si, toks[j].start); o >= 0 && rp.target < 0 {
				rp.target = o
				rp.end = j + 1
			}
		} else if q := ofTarget(toks, refs, j); q.te > 0 && !q.adj {
			// "the mayor of the coastal town of Puerto Almadén".
			rp.target, rp.targetRef, rp.end = q.ent, q, q.te
		} else if k := j; k < len(toks) && toks[k].word && !toks[k].cap && k+1 < len(toks) && (toks[k+1].text == "," || toks[k+1].text == ".") {
			// "its special envoy for the region, X": the phrase ends the role.
			rp.end = k + 1
		} else if prep == "of" {
			// "the leader of the electoral alliance of …, known as Fatah".
			for k := j; k < len(toks) && k < j+12; k++ {
				if toks[k].low == "electoral" {
					rp.electoral = true
				}
				if toks[k].text == "," && k+3 < len(toks) && toks[k+1].low == "known" && toks[k+2].low == "as" {
					q := k + 3
					if toks[q].low == "the" {
						q++
					}
					if rf, ok := refAt(refs, q); ok && d.ents[rf.ent].typ == kg.Organization {
						rp.target, rp.targetRef = rf.ent, rf
						rp.end = rf.te
					}
					break
				}
				if toks[k].text == "," || toks[k].text == "." || isVerbish(toks[k].low) {
					break
				}
			}
		}
	}
	return rp
}

// ofTarget reads "coastal town of X" from token j: a few lower-case words,
// "of", then a name.
func ofTarget(toks []token, refs []ref, j int) ref {
	for k := j; k < len(toks) && k < j+4; k++ {
		if !toks[k].word || toks[k].cap {
			return ref{}
		}
		if toks[k].low == "of" {
			q := k + 1
			if q < len(toks) && toks[q].low == "the" {
				q++
			}
			if rf, ok := refAt(refs, q); ok {
				return rf
			}
			return ref{}
		}
	}
	return ref{}
}

// isVerbish is a cheap test for a finite verb that ends a noun phrase.
func isVerbish(w string) bool {
	switch w {
	case "is", "was", "are", "were", "has", "had", "have", "will", "would", "can", "could", "says", "said",
		"be", "been", "being", "does", "did", "do", "may", "might", "must", "should":
		return true
	}
	return false
}

// emitRole writes HOLDS_ROLE and the relation the role noun implies.
func (d *doc) emitRole(person int, rp rolePhrase, si int, conf float64) {
	if person < 0 || d.ents[person].typ != kg.Person || rp.status == "prospective" {
		return
	}
	t := rp.target
	if t < 0 && rp.kind == roleState && !rp.owned && !subnational(rp.title) {
		// "the prime minister" in an article datelined in, or mostly
		// about, one country.
		t = d.dateline
		if t < 0 {
			t = d.dominant
		}
		if t >= 0 && d.foreignTitle(si, rp, t) {
			t = -1
		}
	}
	if w := strings.Fields(rp.title); t < 0 && len(w) >= 2 && bodyTitleNouns[w[len(w)-2]] {
		// "police spokesman X", "army commander X": the body of that
		// kind the article has in view.
		if o := d.lastOrgWithHead(w[len(w)-2], si, d.sents[si].Start); o >= 0 && d.ents[o].typ == kg.Organization {
			t = o
		}
	}
	if t < 0 && !rp.owned && rp.status == "current" && courtTitles[lastWord(rp.title)] {
		// "Justice X", "the dissenting judge, X": a judge of the court
		// in view; whether the judge presides over it the title does
		// not say.
		if o := d.lastOrgWithHead("court", si, d.sents[si].Start); o >= 0 && d.ents[o].typ == kg.Organization &&
			(d.ents[o].sub == "court" || hasWord(d.ents[o].words, "court") || hasWord(d.ents[o].words, "tribunal")) {
			t = o
			rp.kind = roleOther
		}
	}
	if t < 0 && !rp.owned && stateOffice(rp.title) && !subnational(rp.title) && d.titleMinistry(rp.title) < 0 {
		// "X, a former finance minister", "the attorney general, X",
		// "a government spokesman": an office of the state the article
		// is about, when the sentence names no other.
		if c := d.stateOfArticle(); c >= 0 && d.onlyCountry(d.sentRefs(si), c) && !d.foreignTitle(si, rp, c) {
			t = c
			if rp.kind != roleState {
				// The post is the state's, but whether it leads or
				// serves it the title does not say ("police chief").
				rp.kind = roleOther
			}
		}
	}
	// "interior minister" works at the Interior Ministry when the article
	// names it.
	if t < 0 || d.ents[t].typ == kg.Location {
		if m := d.titleMinistry(rp.title); m >= 0 && !d.otherCountrys(m, t) {
			if t >= 0 {
				d.addRel(kg.HoldsRole, person, t, map[string]string{"title": rp.title, "status": rp.status}, si, conf)
			}
			t = m
		}
	}
	if t < 0 {
		d.noteHolder(rp.title, -1, person)
		return
	}
	te := d.ents[t]
	if te.typ == kg.Location && te.sub == "city" && (rp.kind == roleWorks || rp.kind == roleOther) {
		return // "a Düsseldorf lawyer" works in the city, not for it
	}
	if te.typ == kg.Location && occupations[lastWord(rp.title)] {
		return // "the Singaporean businessman X": a nationality, not a post
	}
	if te.typ == kg.Person {
		if rp.kind == roleWorks || rp.kind == roleLeads || rp.kind == roleOther {
			d.addRel(kg.WorksFor, person, t, map[string]string{"title": rp.title}, si, conf)
		}
		return
	}
	if rp.kind == roleMember || lastWord(rp.title) == "deputy" && (te.sub == "party" || te.sub == "alliance") {
		// Membership is not a position: "a member of", "a deputy of the
		// party".
		d.addRel(kg.MemberOf, person, t, nil, si, conf)
		return
	}
	if !rp.plural {
		props := map[string]string{"title": rp.title, "status": rp.status}
		d.addRel(kg.HoldsRole, person, t, props, si, conf)
		d.noteHolder(rp.title, t, person)
	}
	kind := rp.kind
	if h := lastWord(rp.title); kind == roleCommands && (h == "general" || h == "admiral") {
		kind = roleWorks // "a retired Army general": a rank in the force, not its command
	}
	if kind == roleCommands && lastWord(rp.title) == "captain" && te.typ == kg.Location {
		kind = roleOther // "Oman's captain": a team's captain; no captain commands a country
	}
	if rp.deputy || deputyTitle(rp.title) {
		// "the deputy secretary general", "deputy prime minister": a
		// post under the top one, held for the body or the state.
		switch {
		case kind != roleLeads && kind != roleState && kind != roleCommands:
		case te.typ == kg.Location:
			kind = roleOther
		default:
			kind = roleWorks
		}
	}
	if words := strings.Fields(rp.title); kind == roleLeads && len(words) >= 2 && !leadingModifiers[words[len(words)-2]] {
		switch words[len(words)-1] {
		case "chief", "head", "director", "coordinator", "ombudsman":
			if _, body := orgNouns[words[len(words)-2]]; body || bodyModifiers[words[len(words)-2]] {
				break // "police chief", "party chief": the leader of that body
			}
			kind = roleWorks // "finance chief", "security director", "humanitarian coordinator", "human rights ombudsman": not the leader
		case "secretary":
			if te.typ == kg.Organization {
				kind = roleWorks // "press secretary"; a "defense secretary" of a state is its minister
			}
		}
	}
	if kind == roleLeads && (te.sub == "ministry" || hasWord(te.words, "ministry")) && lastWord(rp.title) == "secretary" && rp.title != "secretary" {
		// A minister leads a ministry; its "permanent secretary" or
		// "principal secretary" is the civil servant under the minister.
		kind = roleWorks
	} else if kind == roleLeads && rp.title == "secretary" && te.typ == kg.Organization {
		// "the union's secretary" holds an office, but whether it is
		// the top one depends on the body.
		kind = roleOther
	}
	switch kind {
	case roleLeads:
		head := lastWord(rp.title)
		if te.typ == kg.Organization || (head != "minister" && head != "secretary") {
			d.addRel(kg.Leads, person, t, nil, si, conf)
		}
		if rp.electoral && te.typ == kg.Organization {
			te.electoral = true
		}
	case roleState:
		d.addRel(kg.Leads, person, t, nil, si, conf)
	case roleCommands:
		d.addRel(kg.Commands, person, t, nil, si, conf)
	case roleWorks:
		if te.sub == "party" && !rp.plural {
			// One is a member of a party one serves, whatever word ends
			// its name: "a vice president of the X party", "a spokesman
			// for the X Movement", "the treasurer of the Y Front".
			d.addRel(kg.MemberOf, person, t, nil, si, conf)
			break
		}
		d.addRel(kg.WorksFor, person, t, nil, si, conf)
	case roleMember:
		d.addRel(kg.MemberOf, person, t, nil, si, conf)
	case roleOwns:
		d.addRel(kg.Owns, person, t, nil, si, conf)
	}
}

// foreignTitle reports that role phrase rp of sentence si names, before
// its role noun, a country other than c by its adjective or name, though
// no entity stands for it: "the former Costa Rican foreign minister" is
// not the article's country's minister.
func (d *doc) foreignTitle(si int, rp rolePhrase, c int) bool {
	toks := d.sents[si].toks
	end := min(rp.noun, len(toks))
	if end <= rp.start {
		end = min(rp.end, len(toks))
	}
	if end <= 0 {
		return false
	}
	// The phrase may begin after the adjectives before it: "the former
	// Peruvian [foreign minister]".
	start := max(rp.start, 0)
	for start > 0 && rp.start-start < 3 && toks[start-1].word && !determiners[toks[start-1].low] {
		start--
	}
	for i := start; i < end; i++ {
		for n := 1; n <= 2 && i+n <= end; n++ {
			w := toks[i].low
			if n == 2 {
				w += " " + toks[i+1].low
			}
			k := countryByAdj[fold(w)]
			if k == nil {
				k = countryByName[fold(w)]
			}
			if k != nil && k != d.ents[c].country {
				return true
			}
		}
	}
	return false
}

// otherCountrys reports that body m is named for a country other than
// the state t ("the Chinese defense ministry" is not Japan's).
func (d *doc) otherCountrys(m, t int) bool {
	if t < 0 || d.ents[t].country == nil {
		return false
	}
	for _, w := range d.ents[m].words {
		c := countryByAdj[w]
		if c == nil {
			c = countryByName[w]
		}
		if c != nil && c != d.ents[t].country {
			return true
		}
	}
	return false
}

// partyHeads end the names of political parties (a "league" may be a
// party or a rights group).
var partyHeads = map[string]bool{"party": true, "list": true, "movement": true, "partei": true, "partij": true,
	"partiet": true, "partito": true}

// ministry finds the organization "Ministry of <topic>" or "<topic>
// Ministry".
func (d *doc) ministry(topic string) int {
	if i, ok := d.ministries[topic]; ok {
		return i
	}
	if d.ministries == nil {
		d.ministries = map[string]int{}
	}
	d.ministries[topic] = -1
	for i, e := range d.ents {
		if e.typ != kg.Organization {
			continue
		}
		has, isMin := false, false
		for _, w := range e.words {
			has = has || w == topic
			isMin = isMin || w == "ministry" || w == "department"
		}
		if has && isMin {
			d.ministries[topic] = i
			break
		}
	}
	return d.ministries[topic]
}

func lastWord(s string) string {
	if i := strings.LastIndexByte(s, ' '); i >= 0 {
		return s[i+1:]
	}
	return s
}

// leadingModifiers keep "chief executive"-like titles at the top.
var leadingModifiers = map[string]bool{"chief": true, "executive": true, "managing": true, "general": true,
	"national": true, "overall": true, "supreme": true, "top": true, "president": true, "permanent": true}

// noteHolder remembers who holds a role so that "the minister" or "the
// United States ambassador" can be resolved later.
func (d *doc) noteHolder(title string, target, person int) {
	head := lastWord(title)
	if head == "" {
		return
	}
	add := func(k string) {
		for _, p := range d.roleHolders[k] {
			if p == person {
				return
			}
		}
		d.roleHolders[k] = append(d.roleHolders[k], person)
	}
	add(head)
	if title != head {
		add(title)
	}
	if target >= 0 {
		add(head + "@" + d.ents[target].id())
	}
}

// holder resolves a role noun (with an optional organization or country)
// to the one person known to hold it.
func (d *doc) holder(head string, target int) int {
	if target >= 0 {
		if ps := d.roleHolders[head+"@"+d.ents[target].id()]; len(ps) == 1 {
			return ps[0]
		}
		return -1
	}
	if ps := d.roleHolders[head]; len(ps) == 1 {
		return ps[0]
	}
	return -1
}

// roles reads appositions ("Iraq's interior minister, Qassim al-Araji";
// "Michael Knights, the senior fellow at …"; "Gen. X, a Sunni who heads
// …") and titles before names ("Prime Minister Abadi").
func (d *doc) roles(si int) {
	toks := d.sents[si].toks
	refs := d.sentRefs(si)
	skipQ := func(i, step int) int {
		for i >= 0 && i < len(toks) && toks[i].text == "\"" {
			i += step
		}
		return i
	}
	for r, t := range toks {
		if roleNouns[t.low] == roleNone || t.cap && !(r > 0 && toks[r-1].low == "the") {
			continue
		}
		if r+1 < len(toks) && roleNouns[t.low+" "+toks[r+1].low] != roleNone {
			continue // "prime minister": the second word is the noun
		}
		if t.low == "general" && r+1 < len(toks) && toks[r+1].word && !toks[r+1].cap && !isVerbish(toks[r+1].low) && !titleStops[toks[r+1].low] && toks[r+1].low != "who" {
			continue // "general counsel", "general election": an adjective
		}
		if _, ok := refAt(refs, r); ok {
			continue
		}
		if r+1 < len(toks) && toks[r+1].low == "'s" {
			continue // "the president's son": a possessor, not this role
		}
		rp := d.parseRole(si, refs, r)
		// Role before the name: "<role>, P".
		if j := skipQ(rp.end, 1); j < len(toks) && toks[j].text == "," {
			if rf, ok := refAt(refs, skipQ(j+1, 1)); ok && d.ents[rf.ent].typ == kg.Person && !rf.pron {
				d.emitRole(d.kinNamed(si, refs, rf), rp, si, confApposition)
				continue
			}
		}
		// Name before the role: "P, the <role>" or "P, a Sunni who heads".
		if j := skipQ(rp.start-1, -1); j >= 0 && toks[j].text == "," {
			if rf, ok := refAt(refs, skipQ(j-1, -1)); ok && d.ents[rf.ent].typ == kg.Person {
				d.emitRole(rf.ent, rp, si, confApposition)
				continue
			}
			// "P, a retired Army officer and National Security Council
			// adviser": the role after "and" belongs to P too.
		}
		if rp.start > 0 && toks[rp.start-1].low == "and" {
			if p := d.appositionHead(toks, refs, rp.start-1); p >= 0 {
				d.emitRole(p, rp, si, confApposition)
				continue
			}
			// "P is the mayor of X and a member of Y".
			if c := copulaBefore(toks, rp.start-1); c >= 0 {
				if rf, ok := d.subjectOf(si, refs, c); ok && d.ents[rf.ent].typ == kg.Person {
					d.emitRole(rf.ent, rp, si, confVerb)
					continue
				}
			}
		}
		// "as minister" and similar: the subject of the sentence.
		if rp.start > 0 && toks[rp.start-1].low == "as" {
			if rf, ok := nearestBefore(refs, rp.start-1, kg.Person, d); ok {
				d.emitRole(rf.ent, rp, si, confVerb)
			}
			continue
		}
		// "Hamas leader Ismail Haniyeh", "opposition leader X": a role
		// noun right before a name.
		if r+1 < len(toks) && rp.end == r+1 {
			if rf, ok := refAt(refs, r+1); ok && rf.ts == r+1 && d.ents[rf.ent].typ == kg.Person && !rf.pron {
				// "judge X of the 9th Court": a body named after the
				// name, even when not as an entity.
				rp.owned = rp.owned || rf.te < len(toks) && (toks[rf.te].low == "of" || toks[rf.te].low == "at")
				d.emitRole(rf.ent, rp, si, confTitle)
			}
		}
	}
	// Titles before names.
	for _, mi := range d.bySent[si] {
		m := d.ms[mi]
		if m.title == "" || d.ents[m.ent].typ != kg.Person {
			continue
		}
		words := strings.Fields(fold(m.title))
		head := words[len(words)-1]
		if len(words) >= 2 && roleNouns[words[len(words)-2]+" "+head] != roleNone {
			head = words[len(words)-2] + " " + head
		}
		kind := roleNouns[head]
		if courtTitles[head] {
			kind = roleWorks // "Justice X": a courtesy title only before a name
		}
		if kind == roleNone || kind == roleCommands && head == "general" {
			continue
		}
		rp := rolePhrase{title: strings.ToLower(m.title), status: "current", kind: kind, target: -1}
		// "Puntland President X", "Quebec Labour Minister X": a place or
		// body named at the start of the title is the post's, and the
		// words after it the title.
		hw := len(strings.Fields(head))
		for k := len(words) - hw; k >= 1; k-- {
			if e := d.entityWords(words[:k]); e >= 0 && d.ents[e].typ != kg.Person {
				rp.target = e
				rp.title = strings.Join(words[k:], " ")
				break
			}
		}
		// A demonym or possessive country right before the title, or
		// a place below a state named apart from it.
		if rf, ok := refAt(refs, m.tts-1); rp.target < 0 && ok && (d.ents[rf.ent].country != nil || d.ents[rf.ent].typ == kg.Location && !rf.adj && !rf.pron) {
			rp.target = rf.ent
		} else if m.tts >= 2 && toks[m.tts-1].low == "'s" {
			if rf, ok := refAt(refs, m.tts-2); ok && d.ents[rf.ent].typ != kg.Person {
				rp.target = rf.ent
			}
		}
		// "Judge Miriam Otieno of the High Court".
		if rp.target < 0 && m.te+1 < len(toks) && (toks[m.te].low == "of" || toks[m.te].low == "at") {
			rp.owned = true // named, even when not as an entity
			q := m.te + 1
			if toks[q].low == "the" {
				q++
			}
			if rf, ok := refAt(refs, q); ok && (d.ents[rf.ent].typ == kg.Organization || d.ents[rf.ent].country != nil) {
				rp.target = rf.ent // "President Emmanuel Macron of France"
			}
		}
		if m.tts > 0 && statusWords[toks[m.tts-1].low] != "" {
			rp.status = statusWords[toks[m.tts-1].low]
		}
		if rp.target < 0 && (kind == roleState || strings.HasSuffix(head, "minister")) {
			rp.target = d.homeCountry() // "former Finance Minister X" in an article about one country
		}
		if rp.target < 0 && !stateOffice(rp.title) && !courtTitles[head] {
			d.noteHolder(rp.title, -1, m.ent)
			continue
		}
		d.emitRole(m.ent, rp, si, confTitle)
	}
}

// copulaBefore finds "is"/"was" before token i in the same clause.
func copulaBefore(toks []token, i int) int {
	for j := i - 1; j >= 0 && j > i-16; j-- {
		switch toks[j].low {
		case "is", "was", "are", "were", "became", "remains":
			return j
		case ".", ";", "\"", "that", "who", "which":
			return -1
		}
		if speechVerbs[toks[j].low] || cueLemma(toks[j].low) != "" {
			return -1
		}
	}
	return -1
}

// appositionHead finds P in "P, <phrase>[, <phrase>] and" ending at token
// i: the nearest person followed by a comma, within the sentence clause.
func (d *doc) appositionHead(toks []token, refs []ref, i int) int {
	for j := i - 1; j >= 0 && j > i-40; j-- {
		if toks[j].text == "." || toks[j].text == ";" || speechVerbs[toks[j].low] || isVerbish(toks[j].low) {
			return -1
		}
		if toks[j].text != "," || j == 0 {
			continue
		}
		k := j - 1
		for k >= 0 && toks[k].text == "\"" {
			k--
		}
		if rf, ok := refAt(refs, k); ok && d.ents[rf.ent].typ == kg.Person && !rf.pron {
			return rf.ent
		}
	}
	return -1
}

// nearestBefore returns the last reference of type typ before token i.
func nearestBefore(refs []ref, i int, typ kg.EntityType, d *doc) (ref, bool) {
	for k := len(refs) - 1; k >= 0; k-- {
		if refs[k].te <= i && d.ents[refs[k].ent].typ == typ {
			return refs[k], true
		}
	}
	return ref{}, false
}

package extract

import (
	"slices"
	"strings"

	"github.com/newsgraph/newsgraph/kg"
	"github.com/newsgraph/newsgraph/ner"
)

// Names typed from evidence: what a name is set beside (an apposition, a
// description before it), what it is listed with, and what the other
// mentions of the document say, rather than the shape of the name alone.

// businessNouns head descriptions of companies and other bodies that are
// not in orgNouns: "a 140-year-old maker of valves", "the local savings
// bank", "a regional newspaper".
var businessNouns = map[string]string{
	"maker": "company", "manufacturer": "company", "producer": "company", "supplier": "company",
	"retailer": "company", "lender": "company", "insurer": "company", "operator": "company",
	"carrier": "company", "newspaper": "media", "paper": "media", "publisher": "media",
	"chain": "company", "startup": "company", "start-up": "company", "outlet": "media", "exporter": "company", "importer": "company",
	"distributor": "company", "automaker": "company", "carmaker": "company", "shipbuilder": "company",
	"brewer": "company", "miner": "company", "utility": "company", "daily": "media", "weekly": "media",
	"tabloid": "media", "magazine": "media", "broadsheet": "media", "charity": "ngo", "nonprofit": "ngo",
	"watchdog": "ngo", "consortium": "company", "conglomerate": "company",
	"subsidiary": "company", "bank": "company", "firm": "company", "group": "", "tank": "think_tank",
	"club": "", "team": "", "airline": "company", "developer": "company", "contractor": "company",
	"giant": "company", "cooperative": "company", "trader": "company", "fund": "company",
	"arm": "company", "affiliate": "company", "venture": "company", "shipyard": "company", "yard": "company",
	"processor": "company", "provider": "company", "packer": "company", "shipper": "company", "hauler": "company",
	"refiner": "company", "builder": "company", "regulator": "government", "broadcaster": "media",
}

// ambiguousAgents describe a firm or a person alike: "a fish exporter",
// "the trawler's owner", "a property developer".
var ambiguousAgents = map[string]bool{"exporter": true, "importer": true, "trader": true, "developer": true,
	"contractor": true, "producer": true, "supplier": true, "distributor": true, "owner": true, "miner": true,
	"buyer": true, "seller": true, "dealer": true, "broker": true, "shipowner": true, "operator": true,
	"co-owner": true, "landlord": true, "shareholder": true, "creditor": true, "bidder": true}

// legalSuffixes end company names: "Brüggemann Armaturen GmbH".
var legalSuffixes = map[string]bool{"gmbh": true, "ag": true, "sa": true, "nv": true, "bv": true,
	"spa": true, "ab": true, "oy": true, "kg": true, "se": true, "sarl": true, "srl": true, "pte": true,
	"pty": true, "limited": true, "llp": true, "bhd": true, "tbk": true, "asa": true, "co": true, "cos": true,
	"ltda": true, "sas": true, "oyj": true, "kk": true, "jsc": true}

// legalForm reports a company's legal form closing a name, written with
// or without its dots ("S.A.", "SA", "A.Ş.", "JSC"); "AS" ("Aasland Vind
// AS", Norwegian and Turkish) only in capitals, where it is no "as".
func legalForm(t token) bool {
	w := t.low
	if strings.Contains(w, ".") {
		w = strings.ReplaceAll(w, ".", "")
	}
	if lowerLegal[w] {
		return true
	}
	if !t.cap {
		return false
	}
	if f := fold(w); legalSuffixes[f] {
		return true
	} else if f == "as" {
		return isAllCaps(t.text)
	}
	return false
}

// lowerLegal are the legal forms, among legalSuffixes, that follow a
// company's name in lower case: Icelandic "hf", "ehf", "ohf".
var lowerLegal = map[string]bool{"hf": true, "ehf": true, "ohf": true}

func init() {
	for w := range lowerLegal {
		legalSuffixes[w] = true
	}
}

// orgPrefixes open names of organizations of one kind: "Radio Kismayo",
// "TV Rain".
var orgPrefixes = map[string]string{"radio": "media", "tv": "media", "television": "media"}

// legalPrefixes open company names: "PT Sulawesi Nikel Makmur" (Indonesia),
// "PJSC Gazprom" (Russia).
var legalPrefixes = map[string]bool{"pt": true, "pjsc": true, "ojsc": true, "jsc": true, "cjsc": true}

// determiners open the noun phrases read for descriptions.
var determiners = map[string]bool{"the": true, "a": true, "an": true, "its": true, "his": true,
	"her": true, "their": true, "whose": true}

// descPreps join a noun phrase to the one it modifies: "a spokesman for
// the service", "the ambassador in Manila".
var descPreps = map[string]bool{"of": true, "for": true, "at": true, "in": true, "with": true, "from": true, "on": true}

// npHead returns the head noun of the noun phrase toks[a:b]: the last
// lower-case word before a preposition, a relative pronoun, a participle
// or a name ("former foreign minister who …", "world's third-largest
// pension fund", "New York hedge fund run by …"). "" when none.
func npHead(toks []token, a, b int) string {
	if h := npHeadAt(toks, a, b); h >= 0 {
		return toks[h].low
	}
	return ""
}

// npHeadAt returns the index of npHead's word, or -1.
func npHeadAt(toks []token, a, b int) int {
	head := -1
	for i := a; i < b; i++ {
		t := toks[i]
		if possessive(t) {
			head = -1 // "the world's largest fund", "the farmers' party"
			continue
		}
		// "a farmers and fishermen's union": "and" between lower-case
		// words stays in the phrase.
		if !t.word || descStops[t.low] && !(t.low == "and" && head >= 0 && i+1 < b && toks[i+1].word && !toks[i+1].cap) {
			break
		}
		if t.cap || isNumber(t.low) {
			// "the family-owned Bavarian brewer": a capitalized adjective
			// before a lower-case noun of the phrase modifies it.
			if head >= 0 && !(t.cap && i+1 < b && modifierWord(toks[i+1])) {
				break
			}
			continue
		}
		// "a logistics company owned by his wife", "a fund run by", "a
		// militia allied with": a participle after the head starts a
		// clause about it.
		if head >= 0 && (isVerbish(t.low) || strings.HasSuffix(t.low, "ed") || strings.HasSuffix(t.low, "ing") || t.low == "run" || t.low == "led") {
			break
		}
		if t.low != "and" {
			head = i
		}
	}
	return head
}

// modifierWord reports a lower-case word that a capitalized adjective may
// modify inside a noun phrase: no verb, preposition or relative pronoun.
func modifierWord(t token) bool {
	return t.word && !t.cap && !descStops[t.low] && !isVerbish(t.low) && !speechVerbs[t.low] && !determiners[t.low] &&
		!strings.HasSuffix(t.low, "ed") && t.low != "who" && t.low != "which" && t.low != "that"
}

// descriptionNoun types a single name set right after a lower-case noun
// for a kind of business ("the airline Icelandair", "the psychotherapy
// provider Vastaamo"), the noun's own modifiers before it.
func descriptionNoun(toks []token, a int) (kg.EntityType, string) {
	if a < 2 || toks[a-1].cap || !toks[a-1].word || ambiguousAgents[toks[a-1].low] {
		return "", ""
	}
	sub, ok := businessNouns[toks[a-1].low]
	if !ok {
		return "", ""
	}
	for j := a - 2; j >= 0 && j >= a-4; j-- {
		if determiners[toks[j].low] {
			return kg.Organization, sub
		}
		if toks[j].cap || !toks[j].word {
			break
		}
	}
	return "", ""
}

// descKind types a description's head noun: a person, an organization
// (with its subtype) or neither.
func descKind(head string) (kg.EntityType, string) {
	if head == "" {
		return "", ""
	}
	if ambiguousAgents[head] {
		return "", "agent"
	}
	if roleNouns[head] != roleNone || personNouns[head] || relatives[head] != "" {
		return kg.Person, ""
	}
	if sub, ok := orgNouns[head]; ok {
		return kg.Organization, sub
	}
	if sub, ok := businessNouns[head]; ok {
		return kg.Organization, sub
	}
	return "", ""
}

// descriptionBefore types a name set after a description and a comma:
// "a regional newspaper, the Westfalen-Kurier", "A spokesman for the
// government's communication service, Selamawit Kebede". The description
// may chain prepositional phrases; a person noun anywhere in the chain
// makes the name a person, else the innermost head decides.
func descriptionBefore(toks []token, p int) (kg.EntityType, string) {
	c := p - 1
	if c >= 0 && (toks[c].low == "the" || toks[c].low == "a") {
		c--
	}
	if c < 1 || toks[c].text != "," {
		return "", ""
	}
	var heads []string
	end := c
	for j := c - 1; j >= 0 && j > c-16; j-- {
		t := toks[j]
		if t.text == "," || t.text == "." || t.text == ";" || t.text == "\"" || t.text == ":" || isVerbish(t.low) {
			break
		}
		if !determiners[t.low] {
			continue
		}
		heads = append(heads, npHead(toks, j+1, end))
		if j >= 2 && descPreps[toks[j-1].low] && toks[j-2].word && !toks[j-2].cap {
			end = j - 1
			continue
		}
		break
	}
	if len(heads) == 0 {
		return "", ""
	}
	// "the secretary of India's cricket board, the BCCI": an acronym is
	// the body of the chain, a name the person who heads it.
	if p < len(toks) && len(toks[p].text) >= 2 && isAllCaps(toks[p].text) && (p+1 == len(toks) || !toks[p+1].cap) {
		w := singular(toks[c-1].low)
		if typ, sub := descKind(w); typ == kg.Organization {
			return typ, sub
		}
		if sub, ok := orgHeads[w]; ok {
			return kg.Organization, sub
		}
	}
	for _, h := range heads {
		if typ, _ := descKind(h); typ == kg.Person {
			return kg.Person, ""
		}
	}
	return descKind(heads[0])
}

// descriptionAfter types a name followed by an apposition: "Sparkasse
// Hochsauerland, the local savings bank", "X, a 140-year-old maker of
// valves".
func descriptionAfter(toks []token, b int) (kg.EntityType, string) {
	if b+2 >= len(toks) || toks[b].text != "," || !determiners[toks[b+1].low] {
		return "", ""
	}
	e := b + 2
	for e < len(toks) && e < b+10 && toks[e].text != "," && toks[e].text != "." && toks[e].text != ";" {
		e++
	}
	head := npHead(toks, b+2, e)
	switch toks[b+1].low {
	case "whose":
		// "the District Prosecutor, whose head, …": the head is another
		// person, and what has a head, a chief or a founder is a body;
		// "X, whose daughter …" is a person.
		if relatives[head] != "" {
			return kg.Person, ""
		}
		if k := roleNouns[head]; k == roleLeads || k == roleState || k == roleCommands {
			return kg.Organization, ""
		}
		return "", ""
	case "its", "his", "her", "their":
		return "", "" // a description of someone else
	}
	return descKind(head)
}

// firstWord reports that no word comes before toks[a] in its sentence.
func firstWord(toks []token, a int) bool {
	for i := 0; i < a; i++ {
		if toks[i].word {
			return false
		}
	}
	return true
}

// singular strips a plural ending: "constituencies", "provinces".
func singular(w string) string {
	switch {
	case placeNouns[w] != "":
		return w
	case strings.HasSuffix(w, "ies"):
		return strings.TrimSuffix(w, "ies") + "y"
	}
	return strings.TrimSuffix(w, "s")
}

// personActs2 are nouns for what is done to a person: a two-word name
// after them and "of" is a person.
var personActs2 = map[string]bool{"arrest": true, "detention": true, "killing": true, "assassination": true,
	"murder": true, "abduction": true, "kidnapping": true, "execution": true, "release": true,
	"trial": true, "extradition": true, "conviction": true, "imprisonment": true, "funeral": true}

// stateRoles are the offices and organs of a state or a region: "X's
// foreign minister" makes X a place, where "X's leader" may be any body's.
var stateRoles = map[string]bool{"minister": true, "government": true, "governor": true, "premier": true,
	"parliament": true, "police": true, "army": true, "navy": true, "coastguard": true, "cabinet": true,
	"ministry": true, "capital": true, "president": true, "mayor": true, "authorities": true, "courts": true}

// stateOwner reports a possessive of a state's office after a name, a
// few lower-case words before it: "North Rhine-Westphalia's economy
// minister", "'s governor", "'s coast guard".
func stateOwner(toks []token, b int) bool {
	n := len(toks)
	if b+1 >= n || toks[b].text != "'s" {
		return false
	}
	for j := b + 1; j < n && j <= b+3; j++ {
		if toks[j].cap || !toks[j].word {
			break
		}
		if stateRoles[toks[j].low] || toks[j].low == "coast" && j+1 < n && toks[j+1].low == "guard" {
			return true
		}
	}
	return false
}

// landforms after a name make it a natural place: "the Indus river".
var landforms = map[string]bool{"river": true, "lake": true, "valley": true, "delta": true, "desert": true,
	"mountains": true, "plateau": true, "basin": true, "peninsula": true, "sea": true, "forest": true,
	"hills": true, "plain": true, "plains": true, "estuary": true, "lagoon": true}

// evidenceType types a span that its shape and nearest words left
// untyped, from the phrases around it.
func evidenceType(toks []token, a, b int) (kg.EntityType, string) {
	n := len(toks)
	if typ, sub := descriptionBefore(toks, a); typ != "" {
		return typ, sub
	}
	// "the arrest of Lena Ostrova": what is done to people.
	if b-a >= 2 && a >= 2 && toks[a-1].low == "of" && personActs2[toks[a-2].low] {
		return kg.Person, ""
	}
	// "towns such as North Mitrovica": the kind of thing listed.
	if a >= 3 && toks[a-1].low == "as" && toks[a-2].low == "such" {
		for j := a - 3; j >= 0 && j >= a-6; j-- {
			if s := placeNouns[strings.TrimSuffix(strings.TrimSuffix(toks[j].low, "s"), "ie")]; s != "" {
				return kg.Location, s
			}
			if toks[j].low == "cities" || toks[j].low == "countries" || toks[j].low == "communities" {
				return kg.Location, ""
			}
		}
	}
	// "the Sauerland region", "the Tigray war".
	// A capitalized first word before a plural ("Whole neighborhoods")
	// is no name.
	if b < n && !toks[b].cap && (!firstWord(toks, a) || b-a >= 2 || placeNouns[toks[b].low] != "") {
		if s := placeNouns[singular(toks[b].low)]; s != "" && toks[b].low != "capital" && toks[b].low != "port" {
			return kg.Location, s
		}
		// "the Indus river", "the Tana delta".
		if landforms[toks[b].low] && a > 0 && toks[a-1].low == "the" {
			return kg.Location, "region"
		}
	}
	if stateOwner(toks, b) {
		return kg.Location, ""
	}
	// "a Düsseldorf lawyer": a single name between an article and a
	// person noun is where the person comes from.
	if b-a == 1 && a > 0 && (toks[a-1].low == "a" || toks[a-1].low == "an") && b < n && !toks[b].cap &&
		(roleNouns[toks[b].low] != roleNone || personNouns[toks[b].low]) {
		return kg.Location, "city"
	}
	return "", ""
}

// typeByDocument types the names still untyped from the other mentions
// of the document: a name listed with places or people is one of them
// ("in Nairobi and Eldoret"), and a name that holds, after its first word,
// the surname of a person named elsewhere is a person of that family
// ("Wilhelm Brüggemann", founder of the firm run by Jens Brüggemann;
// "Joaquín Quilodrán Paillalef", with both surnames, beside "Fernanda
// Quilodrán").
func (d *doc) typeByDocument() {
	d.splitCoordinated()
	// Each mention's text folded once, for both surname rules below.
	folded := make([]string, len(d.ms))
	for i := range d.ms {
		folded[i] = fold(d.ms[i].text)
	}
	surnames := map[string]bool{}
	for i, m := range d.ms {
		if m.typ == kg.Person && m.te-m.ts >= 2 {
			w := strings.Fields(folded[i])
			surnames[w[len(w)-1]] = true
		}
	}
	// "Manutention Castellani, the stevedoring company": a firm named
	// after its founder is no person.
	things := map[string]bool{}
	for i, m := range d.ms {
		if m.typ == kg.Organization || m.typ == kg.Location {
			things[folded[i]] = true
		}
	}
	for i := range d.ms {
		m := &d.ms[i]
		if m.typ != "" || m.country != nil || m.te-m.ts < 2 || m.te-m.ts > 4 {
			continue
		}
		f := folded[i]
		w := strings.Fields(f)
		if len(w) < 2 || !slices.ContainsFunc(w[1:], func(s string) bool { return surnames[s] }) || things[f] {
			continue
		}
		toks := d.sents[m.sent].toks
		org := false
		for k := m.ts; k < m.te; k++ {
			if _, ok := orgHeads[toks[k].low]; ok {
				org = true
			}
		}
		if !org {
			m.typ = kg.Person
		}
	}
	// "the party led by Dirk-Jan Hoekstra, which won" beside "Mr.
	// Hoekstra", "married to Lalith Samarakoon" beside "Professor Rohini
	// Samarakoon": a name weakly typed a thing that ends with the surname
	// of a person the text types by a title or a full name is a person too.
	strongSurnames := map[string]bool{}
	for i, m := range d.ms {
		if m.typ == kg.Person && m.strong {
			w := strings.Fields(folded[i])
			strongSurnames[w[len(w)-1]] = true
		}
	}
	strongThings := map[string]bool{}
	for i, m := range d.ms {
		if m.strong && (m.typ == kg.Organization || m.typ == kg.Location) {
			strongThings[folded[i]] = true
		}
	}
	for i := range d.ms {
		m := &d.ms[i]
		if m.strong || m.country != nil || m.adj || (m.typ != kg.Organization && m.typ != kg.Location) || m.te-m.ts < 2 || m.te-m.ts > 4 {
			continue
		}
		f := folded[i]
		w := strings.Fields(f)
		if len(w) < 2 || !strongSurnames[w[len(w)-1]] || strongThings[f] {
			continue
		}
		toks := d.sents[m.sent].toks
		person := true
		for k := m.ts; k < m.te; k++ {
			if _, ok := orgHeads[toks[k].low]; ok || !toks[k].cap && !nameParticles[toks[k].low] || placeNouns[toks[k].low] != "" {
				person = false
			}
		}
		if person {
			m.typ, m.sub = kg.Person, ""
		}
	}
	// Mentions are grouped by sentence in one pass: a scan of every mention
	// per sentence made long articles quadratic.
	bySent := make([][]int, len(d.sents))
	for i := range d.ms {
		bySent[d.ms[i].sent] = append(bySent[d.ms[i].sent], i)
	}
	d.statisticalVotes(bySent)
	// A firm or a person that the name finder did not call a person is a
	// firm: people are named with cues more often than companies are.
	for i := range d.ms {
		if m := &d.ms[i]; m.agent && untypedName(m) {
			m.typ, m.sub = kg.Organization, "company"
		}
	}
	d.unifyTypes()
	d.modifierNames()
	// Lists: a name joined by "and" or a comma to a place is a place.
	for si := range d.sents {
		toks := d.sents[si].toks
		idx := bySent[si]
		joined := func(x, y *mention) bool {
			if x.te >= y.tts || y.tts-x.te > 2 {
				return false
			}
			and := false
			for k := x.te; k < y.tts; k++ {
				if toks[k].text != "," && toks[k].low != "and" && toks[k].low != "or" {
					return false
				}
				and = and || toks[k].low == "and" || toks[k].low == "or"
			}
			return and
		}
		place := func(m *mention) bool { return m.typ == kg.Location && !m.adj && !m.people }
		body := func(m *mention) bool { return m.typ == kg.Organization && m.strong }
		for sweep := 0; sweep < 2; sweep++ {
			for k := 1; k < len(idx); k++ {
				x, y := &d.ms[idx[k-1]], &d.ms[idx[k]]
				if !joined(x, y) {
					continue
				}
				if place(x) && y.typ == "" && y.country == nil {
					y.typ = kg.Location
				}
				if place(y) && x.typ == "" && x.country == nil {
					x.typ = kg.Location
				}
				// Bodies listed together: "backed by Sequoia Capital, Tiger
				// Global and SoftBank Vision Fund".
				if body(x) && untypedName(y) && (y.te-y.ts >= 2 || firmWord(x, y, toks)) {
					y.typ = kg.Organization
				}
				if body(y) && untypedName(x) && (x.te-x.ts >= 2 || firmWord(y, x, toks)) {
					x.typ = kg.Organization
				}
			}
		}
	}
}

// untypedName reports a mention that no rule typed: resolution drops it
// unless it matches a typed name.
func untypedName(m *mention) bool { return m.typ == "" && m.country == nil && !m.adj }

// nerTypes maps the name finder's types to the ontology's.
var nerTypes = map[string]kg.EntityType{"PER": kg.Person, "ORG": kg.Organization, "LOC": kg.Location}

// minNERMargin is the smallest lead (in model weight units) of the name
// finder's tags over their rivals for its type to count.
const minNERMargin = 2

// statisticalVotes types the names the rules left untyped from the
// statistical name finder (package ner), run only on the sentences that
// hold such names: names with no cue word around them, listed people.
// The finder proposes, the document decides: a name it types must be the
// whole span the rules found, of two words or more, where a person's name
// can stand (personPlace) and never typed otherwise in the document. Only
// its people count: its organizations and places, learned from web text,
// proved too often wrong on news (tuning articles).
func (d *doc) statisticalVotes(bySent [][]int) {
	model, err := ner.Default()
	if err != nil {
		return // the embedded model is checked by the ner tests
	}
	// One name, one type: a name that the rules typed as an organization
	// or a place anywhere in the document, or the first words of such a
	// name ("Brüggemann Armaturen" of "Brüggemann Armaturen GmbH"), or a
	// name set after a determiner anywhere ("the Cerro Pelado mine"), is
	// no person's name.
	notPerson := map[string]bool{}
	for i := range d.ms {
		m := &d.ms[i]
		f := fold(m.text)
		if m.typ == kg.Organization || m.typ == kg.Location {
			w := strings.Fields(f)
			for k := 2; k <= len(w); k++ {
				notPerson[strings.Join(w[:k], " ")] = true
			}
		}
		if m.ts > 0 && determiners[d.sents[m.sent].toks[m.ts-1].low] {
			notPerson[f] = true
		}
	}
	var words []string
	var wtok []int
	for si, idx := range bySent {
		need := false
		for _, i := range idx {
			need = need || untypedName(&d.ms[i])
		}
		if !need || d.sents[si].Para == 0 {
			continue
		}
		toks := d.sents[si].toks
		words, wtok = nerWords(toks, words[:0], wtok[:0])
		for _, sp := range model.FindCased(words) {
			typ := nerTypes[sp.Type]
			a, b := wtok[sp.Start], wtok[sp.End-1]+1
			if sp.Margin < minNERMargin || typ == "" {
				continue
			}
			for _, i := range idx {
				m := &d.ms[i]
				if !untypedName(m) || m.ts != a || m.te != b || b-a < 2 || typ != kg.Person || !personPlace(toks, a, b) || notPerson[fold(m.text)] {
					continue
				}
				m.typ, m.agent, m.stat = typ, false, true
			}
		}
		// A list holds things of one kind: the people named beside
		// those the finder typed ("Oh Myung-su, Jang Hye-jin, …").
		coordinatePersons(toks, d.ms[idx[0]:idx[len(idx)-1]+1])
	}
}

// modifierNames types a one-word name that no rule typed and that stands
// between a determiner and a trade or a firm's noun: "a former JPMorgan
// trader", "the Srebrenica biologist X", "the Oulu software firm Y". It
// names the body the trade is practised in (an employee's: trader,
// official) or else the place it is practised in; never a person, so a
// word of a person's name in the article, or a news agency ("a Reuters
// reporter"), is left alone.
func (d *doc) modifierNames() {
	var personWords map[string]bool
	for i := range d.ms {
		m := &d.ms[i]
		if !untypedName(m) || m.te-m.ts != 1 || m.ts == 0 {
			continue
		}
		toks := d.sents[m.sent].toks
		switch toks[m.ts-1].low {
		case "the", "a", "an", "former":
		default:
			continue
		}
		typ := tradeAfter(toks, m.te)
		if f := fold(m.text); typ == "" || newsAgencies[f] || adjectival(f) {
			continue
		}
		if personWords == nil {
			personWords = map[string]bool{}
			for k := range d.ms {
				x := &d.ms[k]
				if w := strings.Fields(fold(x.text)); x.typ == kg.Person || untypedName(x) && len(w) >= 2 {
					for _, p := range w {
						personWords[p] = true
					}
				}
			}
		}
		if !personWords[fold(m.text)] {
			m.typ = typ
		}
	}
}

// adjectival reports a word that modifies as an adjective of a people or
// a region, not as a name: "the Saxon cell maker", "a Catalan lawyer".
func adjectival(w string) bool {
	return groupAdjs[w] || regionalAdjs[w] || hasAnySuffix(w, "ian", "ean", "ese", "ish", "ic")
}

// regionalAdjs are adjectives of regions and peoples that no country
// table holds and that no suffix gives away.
var regionalAdjs = map[string]bool{"saxon": true, "walloon": true, "catalan": true, "basque": true,
	"scots": true, "welsh": true, "breton": true, "maori": true, "sami": true, "inuit": true, "zulu": true,
	"xhosa": true, "yoruba": true, "igbo": true, "hausa": true, "kichwa": true, "quechua": true, "aymara": true}

// tradeAfter returns the kind of thing a name before toks[b] is when a
// trade or a firm's noun follows it (see modifierNames), or "".
func tradeAfter(toks []token, b int) kg.EntityType {
	if b >= len(toks) || !toks[b].word || toks[b].cap {
		return ""
	}
	w := toks[b].low
	if employeeTrades[w] {
		return kg.Organization
	}
	if roleNouns[w] != roleNone || personNouns[w] || firmHomes[w] {
		return kg.Location
	}
	if b+1 < len(toks) && toks[b+1].word && !toks[b+1].cap && firmHomes[toks[b+1].low] {
		return kg.Location // "the Oulu software firm"
	}
	return ""
}

// employeeTrades are trades practised inside a body, named before them:
// "a JPMorgan trader", "a Gazprom official".
var employeeTrades = map[string]bool{"trader": true, "official": true, "executive": true, "employee": true,
	"engineer": true, "analyst": true, "banker": true, "manager": true, "spokesman": true, "spokeswoman": true,
	"spokesperson": true, "staffer": true, "worker": true, "economist": true}

// newsAgencies are the wire services that bylines and datelines name.
var newsAgencies = map[string]bool{"reuters": true, "ap": true, "afp": true, "bloomberg": true, "xinhua": true,
	"dpa": true, "efe": true, "ansa": true, "tass": true, "interfax": true}

// personPlace reports whether toks[a:b] stands where a person's name can:
// not after a determiner ("the former Viet Cong", but "the late X" and
// "the tycoon X" are people), not after a naming verb, and not inside quotes
// (a nickname, "El Tordo", is no name of its own).
func personPlace(toks []token, a, b int) bool {
	if a > 0 && determiners[toks[a-1].low] || a > 1 && toks[a-2].low == "the" && !toks[a-1].cap && toks[a-1].word && !personWord(toks[a-1].low) && toks[a-1].low != "late" {
		return false
	}
	// "The operation, called Taiga Shield": a thing's name, unless a
	// person noun is what is called so.
	if a > 1 && namingVerbs[toks[a-1].low] && !personWord(toks[a-2].low) && !people[toks[a-2].low] {
		return false
	}
	quote := func(i int) bool { return i >= 0 && i < len(toks) && isQuote(toks[i]) }
	return !(quote(a-1) && (quote(b) || b+1 < len(toks) && toks[b].text == "," && quote(b+1)))
}

// namingVerbs name what follows them: "called", "dubbed".
var namingVerbs = map[string]bool{"called": true, "dubbed": true, "codenamed": true, "code-named": true, "nicknamed": true, "named": true}

// people are nouns for a person that no title or role list holds: "a man
// called X", "the patient".
var people = map[string]bool{"man": true, "woman": true, "boy": true, "girl": true, "person": true,
	"teenager": true, "passenger": true, "patient": true, "nun": true}

// personWord reports a noun for a person, which may stand between "the"
// and a name ("the tycoon Hendra Wijaya Kusuma").
func personWord(w string) bool {
	return roleNouns[w] != roleNone || personNouns[w] || relatives[w] != ""
}

// nerWords splits tokens into the name finder's words, as the treebank it
// learned from splits them: hyphenated words into parts and hyphens
// ("Myung-su" is "Myung - su"). wtok maps each word to its token.
func nerWords(toks []token, words []string, wtok []int) ([]string, []int) {
	for i, t := range toks {
		s := t.text
		for {
			j := strings.IndexByte(s, '-')
			if j < 0 || len(s) == 1 {
				break
			}
			if j > 0 {
				words, wtok = append(words, s[:j]), append(wtok, i)
			}
			words, wtok = append(words, "-"), append(wtok, i)
			s = s[j+1:]
		}
		if s != "" {
			words, wtok = append(words, s), append(wtok, i)
		}
	}
	return words, wtok
}

// unifyTypes gives each name one type in the document, decided from all
// its mentions: a name typed by its shape, a title or a head word (strong)
// anywhere types its weakly typed mentions ("Severny Bunker Group" makes
// "Severny Bunker's chief executive" the group's, not a person's); among
// weak ones the majority decides between a person and a thing; another name the text gives
// for it ("Pesquerías Ondarra (Ondarra Fisheries)") shares its type; a
// capitalized dateline ("KISMAYO —") takes the name as the text writes it.
func (d *doc) unifyTypes() {
	type votes struct {
		strong, weak map[kg.EntityType]int
		stat         map[kg.EntityType]int // the name finder's, counted only where no rule typed
		text         string                // a mention's text not in capitals
	}
	named := func(m *mention) bool { return m.country == nil && !m.adj && !m.shadow }
	by := map[string]*votes{}
	keys := make([]string, len(d.ms))
	for i := range d.ms {
		m := &d.ms[i]
		if !named(m) {
			continue
		}
		k := fold(m.text)
		keys[i] = k
		v := by[k]
		if v == nil {
			v = &votes{strong: map[kg.EntityType]int{}, weak: map[kg.EntityType]int{}, stat: map[kg.EntityType]int{}}
			by[k] = v
		}
		switch {
		case m.typ == "":
		case m.strong:
			v.strong[m.typ]++
		case m.stat:
			v.stat[m.typ]++
		default:
			v.weak[m.typ]++
		}
		if v.text == "" && !isAllCaps(m.text) {
			v.text = m.text
		}
	}
	// The first words of an organization's name, two or more, that are
	// typed a person only weakly, name that organization.
	orgPrefix := map[string]bool{}
	for k, v := range by {
		if v.strong[kg.Organization] > 0 && len(v.strong) == 1 {
			w := strings.Fields(k)
			for l := 2; l < len(w); l++ {
				orgPrefix[strings.Join(w[:l], " ")] = true
			}
		}
	}
	best := func(c map[kg.EntityType]int) kg.EntityType {
		var t kg.EntityType
		n, tie := 0, false
		for _, typ := range []kg.EntityType{kg.Person, kg.Organization, kg.Location} {
			switch {
			case c[typ] > n:
				t, n, tie = typ, c[typ], false
			case c[typ] == n && n > 0:
				tie = true
			}
		}
		if tie {
			return ""
		}
		return t
	}
	for i := range d.ms {
		m := &d.ms[i]
		if !named(m) {
			continue
		}
		v := by[keys[i]]
		if isAllCaps(m.text) && v.text != "" && !strings.Contains(m.text, " ") && len(m.text) > 4 {
			m.text = v.text
		}
		if m.typ == "" || m.strong {
			continue
		}
		t := best(v.strong)
		// Among weak types only a person against a thing is settled by
		// the majority: a body and its place stand for each other from
		// one sentence to the next ("in Kismayo", "Kismayo said").
		weak := v.weak
		if len(weak) == 0 {
			weak = v.stat
		}
		w := best(weak)
		if len(v.strong) == 0 && (w == kg.Person || m.typ == kg.Person) {
			t = w
		}
		if m.typ == kg.Person && orgPrefix[keys[i]] && len(v.strong) == 0 {
			t = kg.Organization
		}
		if t != "" && t != m.typ {
			m.typ, m.sub = t, ""
		}
	}
	pairs := d.altNames()
	// "Pesquerías Ondarra (Ondarra Fisheries)": a name in parentheses
	// after another restates it, whatever their types.
	for i := 1; i < len(d.ms); i++ {
		a, b := &d.ms[i-1], &d.ms[i]
		if a.sent != b.sent || !named(a) || !named(b) || b.te-b.ts < 2 || a.te-a.ts < 2 {
			continue
		}
		toks := d.sents[a.sent].toks
		if b.tts == a.te+1 && toks[a.te].text == "(" && b.te < len(toks) && toks[b.te].text == ")" {
			pairs = append(pairs, altPair{i - 1, i})
		}
	}
	for _, p := range pairs {
		a, b := &d.ms[p.first], &d.ms[p.other]
		if a.typ != "" && a.typ != b.typ && (b.strong && !a.strong) {
			a, b = b, a
		}
		if a.strong && a.typ != "" && !b.strong && b.typ != a.typ {
			b.typ, b.sub = a.typ, a.sub
		}
	}
}

// splitCoordinated splits an organization's name joined with "and" when
// the document names its first part alone elsewhere: "Officials from
// Kalvex and Dravomir Holdings met" names two bodies once "Kalvex shares
// fell" shows Kalvex on its own.
func (d *doc) splitCoordinated() {
	alone := map[string]bool{}
	for i := range d.ms {
		alone[fold(d.ms[i].text)] = true
	}
	var out []mention // built only when a name splits
	for i := 0; i < len(d.ms); i++ {
		m := &d.ms[i]
		if out != nil {
			out = append(out, *m)
		}
		if m.typ != kg.Organization || m.country != nil || m.te-m.ts < 3 {
			continue
		}
		toks := d.sents[m.sent].toks
		for k := m.ts + 1; k+1 < m.te; k++ {
			if toks[k].low != "and" || !toks[k+1].cap {
				continue
			}
			first := foldToks(toks, m.ts, k)
			if !alone[first] {
				break
			}
			a := *m
			a.te, a.end, a.text, a.poss = k, toks[k-1].end, d.surface(toks, m.ts, k), false
			a.typ, a.sub, a.strong = kg.Organization, "", false
			b := *m
			b.tts, b.ts, b.start = k+1, k+1, toks[k+1].start
			b.text = d.surface(toks, k+1, m.te)
			if out == nil {
				out = append([]mention(nil), d.ms[:i]...)
			} else {
				out = out[:len(out)-1]
			}
			// In text order: the first part, then the rest.
			out = append(out, a, b)
			break
		}
	}
	if out != nil {
		d.ms = out
	}
}

// surface is the text of toks[a:b] of a sentence as written.
func (d *doc) surface(toks []token, a, b int) string { return surface(d.rs, toks, a, b) }

// firmWord reports a single word y listed with the company x, not a word of
// the language: "Shares of Harwick Mining and Selton fell".
func firmWord(x, y *mention, toks []token) bool {
	return x.sub == "company" && y.te-y.ts == 1 && !lowerCaseWord(toks[y.ts].text)
}

// dealNouns are transactions whose object is a business: "the sale of X",
// "its purchase of X", "the takeover of X".
var dealNouns = map[string]bool{"sale": true, "purchase": true, "acquisition": true, "takeover": true,
	"buyout": true, "privatisation": true, "privatization": true, "merger": true, "sell-off": true,
	"nationalisation": true, "nationalization": true}

// buyForms and sellForms are the inflections of the verbs that buy or sell
// a business: "bought X", "agreed to sell a stake to X".
var buyForms, sellForms = verbForms("buy/bought", "acquire", "purchase"), verbForms("sell/sold")

// verbForms lists every inflection of regular verbs and of irregular ones
// given as "base/past".
func verbForms(verbs ...string) map[string]bool {
	out := map[string]bool{}
	for _, v := range verbs {
		base, past, irregular := strings.Cut(v, "/")
		stem := strings.TrimSuffix(base, "e")
		if !irregular {
			past = stem + "ed"
		}
		for _, f := range []string{base, base + "s", stem + "ing", past} {
			out[f] = true
		}
	}
	return out
}

// dealParty reports a name that a business deal makes a business: what is
// sold or bought ("the sale of X", "bought X"), the buyer a sale goes to
// ("agreed to sell a stake to X", "the sale of … to Norway's X"), and the
// subject of its own purchase ("X completed its purchase"). People are
// rarely sold, and a person buying is named with the cues of a person,
// which outvote this (unifyTypes). A place noun after the name keeps it a
// place ("the sale of the Kismayo port").
func dealParty(toks []token, a, b int) bool {
	n := len(toks)
	if b < n && toks[b].word && placeNouns[singular(toks[b].low)] != "" {
		return false
	}
	if a >= 2 && toks[a-1].low == "of" && dealNouns[toks[a-2].low] || a >= 1 && buyForms[toks[a-1].low] {
		return true
	}
	if b+2 < n && toks[b].word && !toks[b].cap && toks[b+1].low == "its" && (dealNouns[toks[b+2].low] || toks[b+2].low == "stake") {
		return true
	}
	// The buyer a business is sold to: "agreed to sell a stake to X", "the
	// sale of Y to Norway's X". Goods are sold to places and people too
	// ("sold the catch to Mombasa"): only a stake, shares or a named
	// business sold counts.
	i := a - 1
	if i >= 1 && toks[i].text == "'s" {
		for i--; i > 0 && toks[i].cap; i-- {
		}
	}
	if i < 1 || toks[i].low != "to" {
		return false
	}
	business := false
	for j := i - 1; j >= 0 && j >= i-12; j-- {
		switch w := toks[j].low; {
		case w == "." || w == ";":
			return false
		case stakeWords[w] || toks[j].cap && j > 0 && toks[j-1].low == "of":
			business = true
		case sellForms[w] || w == "sale":
			return business
		}
	}
	return false
}

// stakeWords are what is sold of a business: "sell a stake to X".
var stakeWords = map[string]bool{"stake": true, "stakes": true, "shares": true, "control": true, "unit": true,
	"subsidiary": true, "business": true, "company": true, "firm": true, "holding": true, "interest": true}

// memberOf reports a name of two words or more set before "of" and the
// name of a body ("Taoufik Gharbi of the Sfax Dockworkers Union",
// "Dietmar Krahwinkel of Elbtal GmbH"): a person and the body they speak
// for. A body's own "of" name ("Bank of Ghana") is read whole before this.
func memberOf(toks []token, a, b int) bool {
	n := len(toks)
	if b-a < 2 || b-a > 4 || b+1 >= n || toks[b].low != "of" || a > 0 && determiners[toks[a-1].low] {
		return false
	}
	for i := a; i < b; i++ {
		if _, head := orgHeads[toks[i].low]; head || locHeads[toks[i].low] != "" || !toks[i].cap && !nameParticles[toks[i].low] {
			return false
		}
	}
	c := b + 1
	if toks[c].low == "the" {
		c++
	}
	e := c
	for e < n && (toks[e].cap || toks[e].text == "'" || toks[e].text == "'s") {
		e++
	}
	if e-c < 2 {
		return false
	}
	_, head := orgHeads[toks[e-1].low]
	return head || legalForm(toks[e-1])
}

// possessedRole reports an apposition of a role in a body named by its
// possessive at toks[c] (after the comma): "Park Seung-hwan, Hanseol's
// chairman, said".
func possessedRole(toks []token, c int) bool {
	n := len(toks)
	e := c
	for e < n && e < c+5 && toks[e].cap {
		e++
	}
	if e == c || e+1 >= n || toks[e].text != "'s" {
		return false
	}
	for j := e + 1; j < n && j <= e+3; j++ {
		if toks[j].cap || !toks[j].word {
			return false
		}
		if roleNouns[toks[j].low] != roleNone {
			return j+1 < n && (toks[j+1].text == "," || roleNouns[toks[j+1].low] != roleNone)
		}
	}
	return false
}

// fieldMinistries finds the ministries named in lower case by their field
// after "the": "the interior ministry", "the fisheries ministry's
// director". A field's ministry is one body of a state (ONTOLOGY.md),
// whatever its case; after "a" it only describes ("a former finance
// ministry official"); after a country's possessive ("Cameroon's health
// ministry") it is read as the country acting, as the gold reads it; and a
// demonym before it is read by demonymBodies.
func fieldMinistries(rs []rune, toks []token, si int, out []mention) []mention {
	for k := 2; k < len(toks); k++ {
		if toks[k].low != "ministry" || toks[k].cap || !portfolios[toks[k-1].low] && !ministryFields[toks[k-1].low] || toks[k-1].cap {
			continue
		}
		if toks[k-2].low != "the" {
			continue
		}
		m := mention{sent: si, tts: k - 1, ts: k - 1, te: k + 1, start: toks[k-1].start, end: toks[k].end,
			text: surface(rs, toks, k-1, k+1), typ: kg.Organization, sub: "ministry", strong: true, ent: -1}
		m.poss = k+1 < len(toks) && toks[k+1].text == "'s"
		out = append(out, m)
	}
	return out
}

// staffNouns are the people and bodies that work at a business or an
// institution: "workers at X", "a staff association at X", "MIB
// inspectors".
var staffNouns = map[string]bool{"staff": true, "worker": true, "employee": true, "association": true,
	"union": true, "analyst": true, "executive": true, "manager": true, "engineer": true, "inspector": true,
	"official": true, "researcher": true, "scientist": true, "shareholder": true, "director": true}

// staffAt reports a name after "at" and a noun for the staff of a body:
// "a staff association at X", "analysts at X". A place noun after the name
// keeps it a place ("workers at the Kismayo port").
func staffAt(toks []token, a, b int) bool {
	if a < 2 || toks[a-1].low != "at" || !staffNouns[singular(toks[a-2].low)] || toks[a-2].cap {
		return false
	}
	return b >= len(toks) || !toks[b].word || placeNouns[singular(toks[b].low)] == ""
}

// siteNouns name a site of work that takes its name from its place: "the
// Weda mine", "the Bakun dam", "the company's Kalgoorlie mine".
var siteNouns = map[string]bool{"mine": true, "dam": true, "plant": true, "refinery": true, "smelter": true,
	"quarry": true, "oilfield": true, "field": true, "pit": true, "mines": true}

// siteBefore reports a name between "the" or a possessive and a site noun,
// with at most one trade word between ("the Porgera gold mine"): the
// place the site is named for. A name the document types a body
// elsewhere ("the Toyota plant") is outvoted there (unifyTypes).
func siteBefore(toks []token, a, b int) bool {
	n := len(toks)
	if a < 1 || toks[a-1].low != "the" && toks[a-1].text != "'s" || b >= n {
		return false
	}
	e := b
	if e+1 < n && toks[e].word && !toks[e].cap && !siteNouns[toks[e].low] {
		e++
	}
	return !toks[e].cap && siteNouns[toks[e].low] && (e+1 >= n || toks[e+1].low != "of")
}

// professionBefore reports a noun of a profession right before a name,
// known by its ending where no list holds it: "the cardiologist X", "the
// physician X", "the novelist X". The words of a creed or a side that end
// alike ("the nationalist X") name parties as often as people.
func professionBefore(toks []token, a int) bool {
	if a < 1 || toks[a-1].cap || !toks[a-1].word {
		return false
	}
	w := toks[a-1].low
	if creeds[w] {
		return false
	}
	return hasAnySuffix(w, "ist", "ician") && len(w) > 5 // "-ist" holds "-ologist" and "-iatrist"
}

// creeds are words in -ist for a belief or a side, not a profession.
var creeds = map[string]bool{"nationalist": true, "socialist": true, "communist": true, "leftist": true,
	"rightist": true, "populist": true, "separatist": true, "islamist": true, "centrist": true, "marxist": true,
	"unionist": true, "loyalist": true, "royalist": true, "federalist": true, "extremist": true, "secessionist": true,
	"maoist": true, "zionist": true, "modernist": true, "feminist": true, "environmentalist": true,
	"imperialist": true, "capitalist": true, "globalist": true, "monarchist": true, "republicanist": true}

// ministryFields are fields of ministries that no minister's title in
// nouns.go's portfolios names: "the forestry ministry".
var ministryFields = map[string]bool{"forestry": true, "forests": true, "lands": true, "aviation": true,
	"shipping": true, "maritime": true, "electricity": true, "power": true, "irrigation": true, "livestock": true}

package extract

// Reference resolution: which entity a pronoun ("he", "its") or an unnamed
// description ("the company", "the junta") stands for.

import (
	"sort"
	"strings"

	"github.com/newsgraph/newsgraph/kg"
)

// ref is an entity reference at a token of a sentence: a resolved mention
// or a pronoun that stands for a person.
type ref struct {
	ent    int
	ts, te int // tokens
	adj    bool
	pron   bool
	poss   bool
	people bool // "Americans": the people, not the state
	desc   bool // a description ("the abbot", "the operator"), with pron
}

// sentRefs returns the references of sentence si in token order.
func (d *doc) sentRefs(si int) []ref {
	if d.refCache == nil {
		d.refCache = make([][]ref, len(d.sents))
	}
	if d.refCache[si] == nil {
		d.refCache[si] = d.buildRefs(si)
	}
	return d.refCache[si]
}

func (d *doc) buildRefs(si int) []ref {
	out := []ref{}
	for _, mi := range d.bySent[si] {
		m := d.ms[mi]
		out = append(out, ref{ent: m.ent, ts: m.tts, te: m.te, adj: m.adj, poss: m.poss, people: m.people})
	}
	out = append(out, d.prons[si]...)
	sort.SliceStable(out, func(a, b int) bool { return out[a].ts < out[b].ts })
	return out
}

// refAt returns the reference covering token i of sentence si.
func refAt(refs []ref, i int) (ref, bool) {
	var best ref
	found := false
	for _, r := range refs {
		if i >= r.ts && i < r.te && (!found || best.adj && !r.adj) {
			best, found = r, true
		}
	}
	return best, found
}

// resolvePronouns points he/she/him at the person last mentioned before
// them (in this or the previous three sentences), keeping gender when the
// text shows it; pronouns inside quotations are left alone.
func (d *doc) resolvePronouns() {
	d.prons = make([][]ref, len(d.sents))
	d.gendersShown()
	unnamed := d.resolveNounPhrases()
	midCaps := d.midSentenceCaps()
	type seen struct {
		ent  int
		sent int
		tok  int
		end  int // token after the name
		pre  int // token before the name and its title, -1 at the start
	}
	var last []seen
	inQuote := false
	for si := range d.sents {
		toks := d.sents[si].toks
		if si == 0 || d.sents[si-1].Para != d.sents[si].Para {
			inQuote = false // a quotation runs on across sentences, not paragraphs
		}
		mis := d.bySent[si]
		descs := append([]ref(nil), d.prons[si]...) // descriptions only, so far
		k, kd := 0, 0
		for ti, t := range toks {
			if t.text == "\"" {
				inQuote = !inQuote
			}
			for k < len(mis) && d.ms[mis[k]].ts <= ti {
				m := d.ms[mis[k]]
				if d.ents[m.ent].typ == kg.Person {
					last = append(last, seen{m.ent, si, m.ts, m.te, m.tts - 1})
				}
				k++
			}
			// "The minister said he …": a described person opening the
			// sentence is in view like a named one.
			for kd < len(descs) && descs[kd].ts <= ti {
				if r := descs[kd]; d.ents[r.ent].typ == kg.Person && r.ts == 0 && !r.poss {
					last = append(last, seen{r.ent, si, r.ts, r.te, r.ts - 1})
				}
				kd++
			}
			g := 0
			switch t.low {
			case "their":
				// "X and his sister, Y, … Their cousin, Z": the people the
				// last sentence opened with.
				if ti == 0 && !inQuote {
					if e := d.pairSubject(si); e >= 0 {
						d.prons[si] = append(d.prons[si], ref{ent: e, ts: ti, te: ti + 1, pron: true, poss: true})
					}
				}
				continue
			case "he", "him", "his":
				g = 1
			case "she", "her":
				g = 2
			case "its", "it":
				if !inQuote && (t.low == "its" || ti == 0 && ti+1 < len(toks) && (toks[ti+1].low == "is" || toks[ti+1].low == "was" || toks[ti+1].low == "has")) {
					if e := d.lastBody(si, t.start); e >= 0 && !d.unknownBodyBetween(si, ti, e) {
						d.prons[si] = append(d.prons[si], ref{ent: e, ts: ti, te: ti + 1, pron: true, poss: t.low == "its"})
					}
				} else if e := d.bodySubjectBefore(si, ti, inQuote); e >= 0 {
					d.prons[si] = append(d.prons[si], ref{ent: e, ts: ti, te: ti + 1, pron: true})
				} else if e := d.reportingBody(si, ti, inQuote); e >= 0 {
					d.prons[si] = append(d.prons[si], ref{ent: e, ts: ti, te: ti + 1, pron: true})
				}
				continue
			case "they":
				if e := d.bodySubjectBefore(si, ti, inQuote); e >= 0 {
					d.prons[si] = append(d.prons[si], ref{ent: e, ts: ti, te: ti + 1, pron: true})
				}
				continue
			default:
				continue
			}
			poss := t.low == "his" || t.low == "her" && ti+1 < len(toks) && toks[ti+1].word
			// point takes e for the pronoun, in view as a person named here.
			point := func(e int) {
				d.prons[si] = append(d.prons[si], ref{ent: e, ts: ti, te: ti + 1, pron: true, poss: poss})
				d.learnGender(e, g)
				last = append(last, seen{e, si, ti, ti + 1, ti - 1})
			}
			// "The officer on watch told investigators he …": a person
			// the text does not name is what the sentence's pronouns
			// stand for.
			// So does a subject the name finder missed: "Al-Ruqaishi
			// thanked …, for what he called …".
			if inQuote || (unnamed[si] >= 0 && ti > unnamed[si] || ti > 1 && d.unfoundName(si, midCaps)) && !d.personNamedBefore(si, ti) {
				continue
			}
			// "He …", "His nephew, Y" opening a sentence: the subject of
			// the paragraph's last sentence with a person subject, not
			// the man named last.
			// "In addition to his daughter, Mr. Haddad is survived by":
			// a pronoun in a fronted phrase stands for the subject after it.
			if e := d.fronted(si, ti, g); e >= 0 {
				d.prons[si] = append(d.prons[si], ref{ent: e, ts: ti, te: ti + 1, pron: true, poss: poss})
				d.learnGender(e, g)
				continue
			}
			// "Adjei-Frimpong denied any wrongdoing. His lawyer": the
			// last sentence's subject is a name left unfound, and no
			// one else may stand in for it.
			if ti == 0 && si > 0 && d.sents[si-1].Para == d.sents[si].Para && d.unfoundName(si-1, midCaps) {
				// Unless the word is the surname of one person named
				// before: "Adjei-Frimpong denied …" is Emmanuel
				// Adjei-Frimpong.
				if e := d.surnamePerson(si-1, g); e >= 0 {
					point(e)
				}
				continue
			}
			if ti == 0 {
				if e := d.subjectPerson(si, g); e >= 0 {
					point(e)
					continue
				}
			}
			for j := len(last) - 1; j >= 0; j-- {
				e := last[j]
				if si-e.sent > 3 {
					break
				}
				if eg := d.ents[e.ent].gender; eg != 0 && eg != g {
					continue
				}
				// "Sarkis named him ambassador": an object pronoun is not
				// the subject of its own clause.
				// Nor is the subject named in apposition to an opening
				// phrase: "Its president, Sofía Garibay, has called him".
				object := t.low == "him" || t.low == "her" && !(ti+1 < len(toks) && toks[ti+1].word)
				if object && e.sent == si &&
					(clauseMates(toks, e.tok, ti) || e.end < ti && toks[e.end].text == "," && clauseMates(toks, e.end, ti) && d.sentSubject(si) == e.ent) {
					continue
				}
				// "X, a former minister who worked with him", "X, whom
				// he called a mentor": the relative pronoun is X, and a
				// pronoun of its clause is someone else.
				if e.sent == si && e.end <= ti && boundByRelative(toks, e.end, ti) {
					continue
				}
				// "X is survived by his wife; a son, Karim, a surgeon;
				// his brother": a name in apposition or in a list is
				// less in view than the sentence's subject.
				// So is one in a prepositional phrase: "X was dismissed
				// by President Y after police raided his homes".
				if e.sent == si && e.pre >= 0 && (toks[e.pre].text == "," || minorPreps[toks[e.pre].low]) {
					if subj, end := d.subjectRef(si, descs); subj >= 0 && subj != e.ent && d.ents[subj].typ == kg.Person &&
						(d.ents[subj].gender == 0 || d.ents[subj].gender == g) && end <= ti {
						e.ent = subj
					}
				}
				point(e.ent)
				break
			}
		}
	}
}

// genderNouns are the nouns that say a person's gender when they describe
// a name ("his mother, X", "X, the wife of Y", "the businesswoman X");
// nouns used for either ("chairman", "spokesman", "actor") are left out.
var genderNouns = map[string]int{
	"father": 1, "husband": 1, "son": 1, "brother": 1, "uncle": 1, "nephew": 1, "grandfather": 1,
	"grandson": 1, "stepson": 1, "stepfather": 1, "stepbrother": 1, "half-brother": 1, "brother-in-law": 1,
	"son-in-law": 1, "father-in-law": 1, "widower": 1, "businessman": 1, "congressman": 1, "boy": 1,
	"mother": 2, "wife": 2, "daughter": 2, "sister": 2, "aunt": 2, "niece": 2, "grandmother": 2,
	"granddaughter": 2, "stepdaughter": 2, "stepmother": 2, "stepsister": 2, "half-sister": 2,
	"sister-in-law": 2, "daughter-in-law": 2, "mother-in-law": 2, "widow": 2, "fiancee": 2,
	"businesswoman": 2, "congresswoman": 2, "chairwoman": 2, "spokeswoman": 2, "councilwoman": 2,
	"policewoman": 2, "actress": 2, "girl": 2,
}

// apposStops end the search for the head noun of an apposition.
var apposStops = map[string]bool{
	"who": true, "whose": true, "whom": true, "which": true, "that": true, "and": true, "or": true,
	"of": true, "for": true, "to": true, "in": true, "at": true, "with": true, "by": true, "on": true,
	"from": true, "as": true, "said": true, "says": true, "is": true, "was": true,
}

// gendersShown gives a person of unknown gender the gender that a noun
// describing one of its names shows: set off before it ("His mother,
// X"), right before it ("his wife X", "the businesswoman X") or in
// apposition after it ("X, the widow of Y", "X, his niece"). A person
// the text describes both ways keeps an unknown gender.
func (d *doc) gendersShown() {
	shown := map[int]int{}
	note := func(e, g int) {
		if was, ok := shown[e]; ok && was != g {
			g = -1
		}
		shown[e] = g
	}
	for _, m := range d.ms {
		if m.ent < 0 || m.shadow || d.ents[m.ent].typ != kg.Person {
			continue
		}
		toks := d.sents[m.sent].toks
		b := m.tts - 1
		if b >= 0 && toks[b].text == "," {
			b--
		}
		if b >= 0 && !toks[b].cap {
			if g := genderNouns[toks[b].low]; g != 0 {
				note(m.ent, g)
			}
		}
		if m.te+1 >= len(toks) || toks[m.te].text != "," {
			continue
		}
		// "X, the wife of Y", "X, Y's younger sister": the head of the
		// apposition, past determiners, possessives and adjectives, and
		// not past a preposition ("X, a lawyer for his mother").
		for k := m.te + 1; k < len(toks) && k <= m.te+5; k++ {
			t := toks[k]
			if g := genderNouns[t.low]; g != 0 && !t.cap {
				note(m.ent, g)
				break
			}
			if !t.word && t.low != "'s" || apposStops[t.low] {
				break
			}
		}
	}
	for e, g := range shown {
		if g > 0 && d.ents[e].gender == 0 {
			d.ents[e].gender = g
		}
	}
}

// unknownBodyBetween reports a body that the text names or describes
// between body e (its last mention in sentence si, else the start of the
// sentence) and the pronoun at token ti, but that the reader did not
// resolve: a run of capitalized words no mention covers ("who founded
// Vilkas Pay and was its chief executive") or a definite description of
// an organization left unresolved ("the company's director, X, and its
// head of compliance"). That body is the nearer antecedent, so e is not.
func (d *doc) unknownBodyBetween(si, ti, e int) bool {
	toks := d.sents[si].toks
	from := 1 // the first word is capitalized whatever it is
	covered := make([]bool, len(toks))
	for _, m := range d.ms {
		if m.sent != si || m.ent < 0 {
			continue // a name dropped by resolution is as unknown as one never found
		}
		for k := m.tts; k < m.te && k < len(toks); k++ {
			covered[k] = true
		}
		if m.ent == e && m.te <= ti && m.te > from {
			from = m.te
		}
	}
	run := 0
	for k := from; k < ti; k++ {
		t := toks[k]
		if t.cap && t.word && !covered[k] && !dayOrMonth(t.low) && toks[k-1].text != "\"" {
			if run++; run >= 2 {
				return true
			}
			continue
		}
		run = 0
		if _, ok := orgNouns[t.low]; ok && !t.cap && toks[k-1].low == "the" && !(k+1 < len(toks) && toks[k+1].low == "of") {
			if d.lastOrgWithHead(t.low, si, t.start) < 0 {
				return true
			}
		}
	}
	return false
}

// bodySubjectBefore returns the organization that "It" or "They"
// opening sentence si stands for: the subject of the sentence before in
// the paragraph ("The court heard the case. It sentenced X"; "Police
// arrested X. They also detained Y"); -1 elsewhere.
func (d *doc) bodySubjectBefore(si, ti int, inQuote bool) int {
	toks := d.sents[si].toks
	if inQuote || ti != 0 || si == 0 || d.sents[si-1].Para != d.sents[si].Para || len(toks) < 2 || !toks[1].word {
		return -1
	}
	if e := d.sentSubject(si - 1); e >= 0 && d.ents[e].typ == kg.Organization {
		return e
	}
	return -1
}

// learnGender records the gender a resolved "she" shows for a person of
// unknown gender, so that a later "he" looks past her. A "he" teaches
// nothing: the text's default pronoun says less than "she".
func (d *doc) learnGender(e, g int) {
	if g == 2 && d.ents[e].gender == 0 {
		d.ents[e].gender = 2
	}
}

// boundByRelative reports that the pronoun at token ti sits in a relative
// clause whose relative pronoun stands for the name ending at token end,
// so that the pronoun is someone else: "X, a former minister who worked
// with him" (an object pronoun: in "X, who lost his post" the post is
// X's) and "X, whom he called a mentor" (a subject pronoun too).
func boundByRelative(toks []token, end, ti int) bool {
	pr := toks[ti].low
	if pr == "his" || pr == "her" && ti+1 < len(toks) && toks[ti+1].word {
		return false
	}
	object := pr == "him" || pr == "her"
	for k := end; k < ti && k < end+8; k++ {
		switch w := toks[k].low; w {
		case "who", "whom":
			if w == "who" && !object {
				return false
			}
			for j := k + 1; j < ti; j++ {
				switch toks[j].low {
				case ",", ";", ":", "and", "but", "said", "says", "that", "\"":
					return false
				}
			}
			return true
		case ".", ";", "\"", "said", "says":
			return false
		}
		if k > end && toks[k].cap && toks[k].word {
			return false // another name between: the clause may be its
		}
	}
	return false
}

// minorPreps put a name in a phrase that modifies the clause rather than
// carry its subject.
var minorPreps = map[string]bool{"by": true, "with": true, "to": true, "from": true, "of": true, "for": true, "against": true}

// frontOpeners open a phrase put before the subject of a sentence.
var frontOpeners = map[string]bool{"in": true, "after": true, "before": true, "despite": true, "since": true,
	"during": true, "like": true, "unlike": true, "as": true, "upon": true, "following": true, "with": true,
	"without": true, "although": true, "though": true, "while": true, "when": true, "besides": true}

// fronted returns the person a pronoun of gender g at token ti stands for
// when it sits in a phrase fronted before the subject ("After his
// release, Mr. X said"): the person named first after the phrase's comma,
// or -1.
func (d *doc) fronted(si, ti, g int) int {
	toks := d.sents[si].toks
	if len(toks) == 0 || !frontOpeners[toks[0].low] || ti == 0 {
		return -1
	}
	c := -1
	for k := 1; k < len(toks); k++ {
		if toks[k].text == "," {
			c = k
			break
		}
		if toks[k].text == "\"" || toks[k].text == ";" {
			return -1
		}
	}
	if c < ti {
		return -1
	}
	for _, mi := range d.bySent[si] {
		m := d.ms[mi]
		if m.tts <= c {
			continue
		}
		if m.tts != c+1 || d.ents[m.ent].typ != kg.Person {
			return -1
		}
		if eg := d.ents[m.ent].gender; eg != 0 && eg != g {
			return -1
		}
		// "by his lawyer, X, he said": X is what "his lawyer" is, set off
		// like an apposition, and no one is their own lawyer.
		if ownNounApposed(toks, ti, c, m) {
			return -1
		}
		return m.ent
	}
	return -1
}

// ownNounApposed reports that the name m, right after the comma at c, is
// set off after the noun that the possessive pronoun at ti governs ("his
// lawyer, X,", "her younger sister, X,"): the name is that person, not
// the pronoun's.
func ownNounApposed(toks []token, ti, c int, m mention) bool {
	if toks[ti].low != "his" && toks[ti].low != "her" || c-ti < 2 || c-ti > 4 || m.te >= len(toks) || toks[m.te].text != "," {
		return false
	}
	for k := ti + 1; k < c; k++ {
		if !toks[k].word || toks[k].cap {
			return false
		}
	}
	w := toks[c-1].low
	return roleNouns[w] != roleNone || relatives[w] != "" || personNoun(w)
}

// pairSubject returns the first of the people that the previous sentence
// of the paragraph opens with ("Jens and his sister, Annette, hold …"), or
// -1 when it does not open with two or more people.
func (d *doc) pairSubject(si int) int {
	if si == 0 || d.sents[si-1].Para != d.sents[si].Para {
		return -1
	}
	e := d.sentSubject(si - 1)
	if e < 0 || d.ents[e].typ != kg.Person {
		return -1
	}
	m := d.ms[d.bySent[si-1][0]]
	if toks := d.sents[si-1].toks; m.te < len(toks) && toks[m.te].low == "and" {
		return e
	}
	return -1
}

// clauseMates reports that tokens a < b sit in one clause: no comma,
// conjunction or clause opener between them.
func clauseMates(toks []token, a, b int) bool {
	for k := a + 1; k < b; k++ {
		switch toks[k].low {
		case ",", ";", ":", "that", "who", "which", "whom", "because", "after", "before", "when", "while",
			"said", "says", "and", "but", "if", "as", "since", "until", "told":
			return false
		}
	}
	return true
}

// sentSubject returns the entity a sentence opens with as its subject:
// the first name, when nothing but a determiner or title comes before it.
func (d *doc) sentSubject(si int) int {
	l := d.bySent[si]
	if len(l) == 0 {
		return -1
	}
	m := d.ms[l[0]]
	toks := d.sents[si].toks
	if m.adj || m.tts > 1 && !openingApposition(toks, m) && !afterFronted(toks, m) || m.tts == 1 && toks[0].low != "the" {
		return -1
	}
	if m.te < len(toks) && (toks[m.te].low == "'s" || toks[m.te].text == "'") {
		return -1 // "Iraq's minister said": the minister acts
	}
	return m.ent
}

// subjectRef returns the entity sentence si opens with as its subject and
// the token after it: a name (sentSubject), else a person described at its
// head ("The senator, a member of …, said"), from descs, the sentence's
// resolved descriptions; -1 when none.
func (d *doc) subjectRef(si int, descs []ref) (int, int) {
	if e := d.sentSubject(si); e >= 0 {
		return e, d.ms[d.bySent[si][0]].te
	}
	for _, r := range descs {
		if r.desc && r.ts == 0 && !r.poss && d.ents[r.ent].typ == kg.Person {
			return r.ent, r.te
		}
	}
	return -1, 0
}

// openingApposition reports that mention m names the noun phrase that
// opens the sentence: "The party's main rival, the Patriotic Movement,
// has …", "His brother, Samir, said …".
func openingApposition(toks []token, m mention) bool {
	c := m.tts - 1
	if c > 0 && toks[c].low == "the" {
		c--
	}
	if c < 2 || c > 7 || toks[c].text != "," || m.te >= len(toks) || toks[m.te].text != "," {
		return false
	}
	switch toks[0].low {
	case "the", "its", "his", "her", "their":
	default:
		return false
	}
	for _, t := range toks[1:c] {
		// "The party's rival", "The players' union"
		if t.low != "'s" && t.text != "'" && t.text != "’" && (!t.word || t.cap || isVerbish(t.low)) {
			return false
		}
	}
	return true
}

// afterFronted reports that mention m opens the main clause after a
// fronted phrase: "In addition to his daughter, Mr. Haddad is survived by".
func afterFronted(toks []token, m mention) bool {
	if len(toks) == 0 || !frontOpeners[toks[0].low] {
		return false
	}
	for k := 1; k < m.tts; k++ {
		if toks[k].text == "," {
			return k == m.tts-1
		}
	}
	return false
}

// subjectPerson finds the person a sentence-opening pronoun of gender g
// stands for: the subject of the nearest earlier sentence of the same
// paragraph that opens with a person, if the last sentence has one.
func (d *doc) subjectPerson(si, g int) int {
	if si == 0 {
		return -1
	}
	para := d.sents[si].Para
	for s := si - 1; s >= 0 && s >= si-3 && d.sents[s].Para == para; s-- {
		e := d.sentSubject(s)
		if e < 0 {
			continue
		}
		if d.ents[e].typ != kg.Person {
			return -1
		}
		if eg := d.ents[e].gender; eg != 0 && eg != g {
			return -1
		}
		return e
	}
	return -1
}

// lastBody resolves "its" and a leading "It" to the organization or
// country named last before rune offset pos, in this or the previous
// sentence.
func (d *doc) lastBody(si, pos int) int {
	// "X, its chief executive, said" with no body named before "its":
	// the organization the last sentence had as its subject, even across
	// a paragraph break, rather than one named inside its modifiers ("The
	// league operator, which runs the league for the federation, said").
	if si > 0 && !d.bodyBefore(si, pos) {
		if e := d.sentSubject(si - 1); e >= 0 && d.ents[e].typ == kg.Organization {
			return e
		}
	}
	// "Its secretary general, X" opening a sentence: the organization the
	// last sentence was about.
	if toks := d.sents[si].toks; len(toks) > 0 && toks[0].start == pos && si > 0 && d.sents[si-1].Para == d.sents[si].Para {
		if e := d.sentSubject(si - 1); e >= 0 && d.ents[e].typ == kg.Organization {
			return e
		}
		// "China's foreign ministry blamed Manila. Its spokeswoman": the
		// body is no name of its own; the state or group it belongs to
		// stands for it.
		if e := d.possessorSubject(si - 1); e >= 0 {
			return e
		}
		// "The Icelandic Seamen's Federation, which …, said … Its
		// chairman": a subject the name finder missed is still the
		// subject; no other organization may stand in for it.
		if d.unknownSubject(si - 1) {
			return -1
		}
		// "The county's director, X, resigned. Its chief executive": the
		// organization described at the head of the last sentence.
		for _, r := range d.prons[si-1] {
			if r.desc && r.ts == 0 && d.ents[r.ent].typ == kg.Organization {
				return r.ent
			}
		}
	}
	// "Ghana has held …, and its Electoral Commission": the sentence's
	// own subject, when no other body is named between.
	if e := d.sentSubject(si); e >= 0 && (d.ents[e].typ == kg.Organization || d.ents[e].country != nil) {
		between := false
		for _, mi := range d.bySent[si][1:] {
			m := d.ms[mi]
			if m.start < pos && !m.adj && m.ent != e && (d.ents[m.ent].typ == kg.Organization || d.ents[m.ent].country != nil) {
				between = true
			}
		}
		if !between && d.ms[d.bySent[si][0]].end < pos {
			return e
		}
	}
	// "The union, which split from the Dock Alliance, said its …": the
	// subject, not a name inside a phrase that modifies it.
	if e := d.sentSubject(si); e >= 0 && d.ents[e].typ == kg.Organization && d.ms[d.bySent[si][0]].end < pos {
		if near := d.nearestOrgBefore(si, pos); near >= 0 && near != e && d.inModifier(si, near, pos) {
			return e
		}
	}
	// Organizations first: "its leader" is more often a group's.
	// A name quoted before the pronoun is someone's words, not the text's
	// topic: in `"The struggle of X is ours," said its president`, "its"
	// is not X.
	quoted := d.quoteMask(si - 1)
	here := d.quoteMask(si)
	inside := false
	for i, t := range d.sents[si].toks {
		if t.start == pos {
			inside = here[i]
		}
	}
	org, country, orgPos := -1, -1, -1
	for s := max(0, si-1); s <= si; s++ {
		q := quoted
		if s == si {
			q = here
		}
		toks := d.sents[s].toks
		anchor := false
		for _, mi := range d.bySent[s] {
			m := d.ms[mi]
			if m.adj || m.start >= pos || !inside && q != nil && q[m.ts] {
				continue
			}
			switch e := d.ents[m.ent]; {
			case e.typ == kg.Organization:
				// "a defeat for X, …, which had the support of Y's
				// board. Its director": a possessor inside a modifier
				// does not displace the body named before it.
				if s < si && org >= 0 && (anchor || m.te < len(toks) && possessive(toks[m.te])) {
					continue
				}
				// "X, the oil company controlled by Y and Z, which …":
				// a body set off by a comma heads the phrase after it,
				// and the names inside that phrase do not displace it.
				if s < si && m.te < len(toks) && toks[m.te].text == "," && !anchor {
					anchor = true
					org, orgPos = m.ent, m.start
					continue
				}
				if m.start > orgPos {
					org, orgPos = m.ent, m.start
				}
			case e.country != nil:
				country = m.ent
			}
		}
		// "The militia, … Its leader": a definite description counts.
		for i := 1; i < len(toks) && toks[i].start < pos; i++ {
			if _, ok := orgNouns[toks[i].low]; ok && toks[i-1].low == "the" && toks[i].start > orgPos &&
				!(i+1 < len(toks) && toks[i+1].low == "of") {
				if e := d.lastOrgWithHead(toks[i].low, s, toks[i].start); e >= 0 {
					org, orgPos = e, toks[i].start
				}
			}
		}
	}
	if org >= 0 {
		return org
	}
	return country
}

// bodyBefore reports an organization or country named, or described ("the
// council"), in sentence si before rune offset pos.
func (d *doc) bodyBefore(si, pos int) bool {
	for _, mi := range d.bySent[si] {
		m := d.ms[mi]
		if m.start < pos && (d.ents[m.ent].typ == kg.Organization || d.ents[m.ent].country != nil) {
			return true
		}
	}
	toks := d.sents[si].toks
	for i := 1; i < len(toks) && toks[i].start < pos; i++ {
		if _, ok := orgNouns[toks[i].low]; ok && toks[i-1].low == "the" {
			return true
		}
	}
	return false
}

// possessiveBody returns the organization that an "its" of sentence si
// before rune offset pos stands for, when no organization is named in the
// sentence before pos; -1 otherwise.
func (d *doc) possessiveBody(si, pos int) int {
	if si >= len(d.prons) {
		return -1
	}
	for _, mi := range d.bySent[si] {
		if m := d.ms[mi]; m.start < pos && !m.adj && d.ents[m.ent].typ == kg.Organization {
			return -1
		}
	}
	toks := d.sents[si].toks
	found := -1
	for _, r := range d.prons[si] {
		if r.poss && !r.desc && toks[r.ts].low == "its" && toks[r.ts].start < pos && d.ents[r.ent].typ == kg.Organization {
			found = r.ent
		}
	}
	return found
}

// quoteMask marks the tokens of sentence si that sit inside quotation
// marks; a quotation runs on across the sentences of a paragraph. Nil for
// a sentence out of range.
func (d *doc) quoteMask(si int) []bool {
	if si < 0 || si >= len(d.sents) {
		return nil
	}
	from := si
	for from > 0 && d.sents[from-1].Para == d.sents[si].Para {
		from--
	}
	in := false
	var out []bool
	for s := from; s <= si; s++ {
		toks := d.sents[s].toks
		if s == si {
			out = make([]bool, len(toks))
		}
		for i, t := range toks {
			switch t.text {
			case "\"":
				in = !in
			case "“":
				in = true
			case "”":
				in = false
			default:
				if s == si {
					out[i] = in
				}
			}
		}
	}
	return out
}

// unknownSubject reports that sentence si opens with "The" and a
// capitalized word that no mention covers: a name left unfound.
func (d *doc) unknownSubject(si int) bool {
	toks := d.sents[si].toks
	if len(toks) < 2 || toks[0].low != "the" || !toks[1].cap || !toks[1].word {
		return false
	}
	k := 1
	for _, mi := range d.bySent[si] {
		m := d.ms[mi]
		if m.ts <= k && m.te > k {
			if !m.adj {
				return false
			}
			k = m.te // "The Icelandic Seamen's Federation": past a demonym
		}
	}
	return k < len(toks) && toks[k].cap && toks[k].word
}

// openers are the capitalized words that open sentences without naming
// anyone.
var openers = map[string]bool{"the": true, "a": true, "an": true, "it": true, "he": true, "she": true,
	"they": true, "we": true, "i": true, "you": true, "this": true, "that": true, "these": true, "those": true,
	"there": true, "but": true, "and": true, "his": true, "her": true, "its": true, "their": true, "our": true,
	"officials": true, "police": true, "prosecutors": true, "critics": true, "analysts": true, "witnesses": true}

// midSentenceCaps collects the lower-cased words the text capitalizes
// inside a sentence: a name keeps its capital there, a common noun does
// not.
func (d *doc) midSentenceCaps() map[string]bool {
	out := map[string]bool{}
	for _, s := range d.sents {
		for i, t := range s.toks {
			if i > 0 && t.word && strings.ToLower(t.text) != t.text && s.toks[i-1].text != "\"" && s.toks[i-1].text != "“" {
				out[t.low] = true
			}
		}
	}
	return out
}

// unfoundName reports that sentence si opens with a capitalized word that
// no mention covers, that the text capitalizes inside sentences too, and
// a verb ("Adjei-Frimpong denied …", not "Colleagues remembered …"): a
// name the name finder missed.
func (d *doc) unfoundName(si int, midCaps map[string]bool) bool {
	toks := d.sents[si].toks
	if len(toks) < 2 || !toks[0].cap || !toks[0].word || openers[toks[0].low] || frontOpeners[toks[0].low] || !midCaps[toks[0].low] {
		return false
	}
	// "Prasert, 71, who built …": an age or a relative clause set off
	// after the word marks a name as well as a verb does.
	setOff := toks[1].text == "," && len(toks) > 2 && (isNumber(toks[2].low) || toks[2].low == "who")
	if v := toks[1].low; !setOff && !speechVerbs[v] && !isVerbish(v) && !strings.HasSuffix(v, "ed") {
		return false
	}
	for _, mi := range d.bySent[si] {
		if d.ms[mi].ts == 0 {
			return false
		}
	}
	return true
}

// possessorSubject returns X when sentence si opens with "X's" and a
// lower-case organization noun ("China's foreign ministry said"), or -1.
func (d *doc) possessorSubject(si int) int {
	l := d.bySent[si]
	if len(l) == 0 {
		return -1
	}
	m := d.ms[l[0]]
	toks := d.sents[si].toks
	if m.adj || m.tts > 1 || m.tts == 1 && toks[0].low != "the" || m.te+1 >= len(toks) || toks[m.te].low != "'s" {
		return -1
	}
	if e := d.ents[m.ent]; e.typ != kg.Organization && e.country == nil {
		return -1
	}
	for k := m.te + 1; k < len(toks) && k <= m.te+3 && toks[k].word && !toks[k].cap; k++ {
		if _, ok := orgNouns[toks[k].low]; ok || forceNouns[toks[k].low] {
			return m.ent
		}
	}
	return -1
}

// nearestOrgBefore returns the mention index of the last organization
// named in sentence si before rune offset pos, or -1.
func (d *doc) nearestOrgBefore(si, pos int) int {
	best := -1
	for _, mi := range d.bySent[si] {
		m := d.ms[mi]
		if m.start < pos && !m.adj && d.ents[m.ent].typ == kg.Organization {
			best = mi
		}
	}
	return best
}

// modifierOpeners start phrases that modify a noun rather than carry the
// clause's subject.
var modifierOpeners = map[string]bool{"with": true, "from": true, "of": true, "against": true, "by": true,
	"to": true, "which": true, "that": true, "whose": true, "including": true, "like": true, "and": true}

// inModifier reports whether mention mi of sentence si sits in a
// prepositional phrase, relative clause or apposition that closes before
// rune offset pos ("The union, which split from the Dock Alliance, said
// its …").
func (d *doc) inModifier(si, mi, pos int) bool {
	toks := d.sents[si].toks
	m := d.ms[mi]
	if m.tts == 0 {
		return false
	}
	p := m.tts - 1
	if toks[p].low == "the" && p > 0 {
		p--
	}
	if !modifierOpeners[toks[p].low] && toks[p].text != "," {
		return false
	}
	// The phrase must close (comma) before the pronoun, so that the
	// pronoun belongs to the main clause again.
	for k := m.te; k < len(toks) && toks[k].start < pos; k++ {
		if toks[k].text == "," {
			return true
		}
	}
	return false
}

// lastOrgWithHead resolves a definite description ("the coalition", "the
// junta", "the court") at rune offset pos of sentence si to the
// organization of the document it most likely means: the most salient
// one whose name holds the noun, else the one the text described with
// that noun, else the most salient of the noun's kind; failing all of
// those, the one organization of the document named with that noun later
// ("The court convicted …" before "the Supreme Court" is named). -1 when
// nothing fits.
func (d *doc) lastOrgWithHead(noun string, si int, pos int) int {
	if e, ok := d.descAt[pos]; ok {
		return e
	}
	// "X, its chief executive, said the company would …": the body the
	// sentence's own "its" stands for, when it names no other before.
	if e := d.possessiveBody(si, pos); e >= 0 {
		x := d.ents[e]
		if kind := descKinds[noun]; hasWord(x.words, noun) || kind == "company" && (x.sub == "company" || x.sub == "") {
			return e
		}
	}
	// Look back a bounded window of sentences: work stays linear in the
	// article's length.
	from := max(0, si-40)
	if noun == "group" || noun == "organization" || noun == "organisation" {
		return d.genericOrg(noun, from, si, pos)
	}
	// "the party": of the organizations whose name holds the noun, that
	// the text described with it ("Rural Voice, the party …") or that are
	// of its kind, the one most in view.
	described := d.describedBefore(noun, pos)
	kind := descKinds[noun]
	var near map[int]bool
	if kind == "company" {
		near = d.plainCompaniesNear(si, pos)
		// A company named close by competes with the article's topic,
		// which is "the company" when nothing else is.
		if len(near) > 0 {
			if e := d.topicCompany(pos); e >= 0 {
				near[e] = true
			}
		}
	}
	if e := d.mostSalient(from, si, pos, func(e int) bool {
		x := d.ents[e]
		return hasWord(x.words, noun) || described[e] || kind != "" && kind != "company" && x.sub == kind || near[e]
	}); e >= 0 {
		return e
	}
	if kind == "company" {
		return d.topicCompany(pos)
	}
	if sub := orgNouns[noun]; sub != "" {
		// "the army": the one organization of that kind named so far.
		only := -1
		d.eachOrgMention(0, si, pos, func(m *mention) {
			// Units ("5th Battalion") are not "the army".
			if w := d.ents[m.ent].words; d.ents[m.ent].sub == sub && !unitHeads[w[len(w)-1]] {
				if only == -1 {
					only = m.ent
				} else if only != m.ent {
					only = -2
				}
			}
		})
		return max(only, -1)
	}
	// Nothing before: "The court also convicted …" ahead of "the Supreme
	// State Security Court" is that court when it is the only one.
	return d.onlyOrgNamed(noun)
}

// topicOrg returns the organization that the first sentence of the body
// opens with as its subject, after any dateline, and where it is named;
// -1 when that sentence opens otherwise.
func (d *doc) topicOrg() (int, int) {
	for si, s := range d.sents {
		toks := s.toks
		if s.Para == 0 || len(d.bySent[si]) == 0 || toks[0].low == "by" {
			continue // the title, a byline
		}
		from := datelineEnd(toks)
		for _, mi := range d.bySent[si] {
			m := d.ms[mi]
			if m.ts < from {
				continue
			}
			if d.ents[m.ent].typ != kg.Organization || !opensAt(toks, m, from) {
				return -1, 0
			}
			return m.ent, m.start
		}
		return -1, 0
	}
	return -1, 0
}

// genericOrg resolves "the group" and "the organization": the one named
// (or, for "the group", described as a conglomerate) in the last few
// sentences, else, of the organizations named in the last three sentences,
// the one named most since sentence from.
func (d *doc) genericOrg(noun string, from, si, pos int) int {
	// A conglomerate is "the group" too.
	conglomerates := d.describedBefore("conglomerate", pos)
	described := d.describedBefore(noun, pos) // "the Swedish engineering group X"
	if e := d.mostSalient(max(0, si-5), si, pos, func(e int) bool {
		return hasWord(d.ents[e].words, noun) || noun == "group" && conglomerates[e] || described[e]
	}); e >= 0 {
		return e
	}
	total := map[int]int{}
	d.eachOrgMention(from, si, pos, func(m *mention) {
		total[m.ent]++
	})
	// A police force, an army or a ministry is rarely "the group": other
	// organizations come first.
	state := func(e int) bool {
		switch d.ents[e].sub {
		case "government", "ministry", "court":
			return true
		}
		return false
	}
	// "The rebel side, which calls itself X, was headed by Y, a member of
	// the group's council": a group named earlier in the sentence itself.
	near := -1
	d.eachOrgMention(si, si, pos, func(m *mention) {
		if !m.adj && !state(m.ent) {
			near = m.ent
		}
	})
	if near >= 0 {
		return near
	}
	best := -1
	d.eachOrgMention(max(0, si-3), si, pos, func(m *mention) {
		if best < 0 || state(best) && !state(m.ent) || state(best) == state(m.ent) && total[m.ent] > total[best] {
			best = m.ent
		}
	})
	return best
}

// descKinds maps nouns that say what kind of organization is meant, not
// which institution, to the subtype they fit: "the junta" is the body of
// officers that governs, whatever its name; "the navy" or "the court"
// must be named so.
var descKinds = map[string]string{
	"party": "party", "movement": "party", "bloc": "alliance", "militia": "militia", "faction": "militia",
	"junta": "government", "regime": "government",
	"company": "company", "firm": "company", "conglomerate": "company", "subsidiary": "company",
}

// mostSalient returns the organization mentioned in sentences [from, si]
// before rune offset pos, by name or by a description already resolved
// ("the council"), that passes ok and that the text keeps most in view:
// each mention counts more the nearer it is, and twice as a sentence's
// subject. -1 when none passes.
func (d *doc) mostSalient(from, si, pos int, ok func(e int) bool) int {
	score := map[int]float64{}
	best := -1
	note := func(e, sent int, subject bool) {
		if !ok(e) {
			return
		}
		w := 1 / float64(1+si-sent)
		if subject {
			w *= 2
		}
		score[e] += w
		if best < 0 || score[e] > score[best] || score[e] == score[best] && e != best {
			best = e
		}
	}
	for s := from; s <= si && s < len(d.bySent); s++ {
		ms, ds := d.bySent[s], []description(nil)
		if s < len(d.descBySent) {
			ds = d.descBySent[s]
		}
		// Names and descriptions in text order, so that ties go to the
		// later one.
		for i, j := 0, 0; i < len(ms) || j < len(ds); {
			if j >= len(ds) || i < len(ms) && d.ms[ms[i]].start < ds[j].pos {
				m := &d.ms[ms[i]]
				i++
				if m.start < pos && d.ents[m.ent].typ == kg.Organization {
					note(m.ent, s, d.sentSubject(s) == m.ent && d.ms[ms[0]].start == m.start || afterDateline(d.sents[s].toks, *m))
				}
				continue
			}
			x := ds[j]
			j++
			if x.pos < pos {
				note(x.ent, s, x.subject)
			}
		}
	}
	return best
}

// resolveDescriptions resolves, in text order, each definite description
// of an organization ("the council", "the junta") so that the later ones
// count the earlier ones in salience.
func (d *doc) resolveDescriptions() {
	d.descBySent = make([][]description, len(d.sents))
	d.descAt = map[int]int{}
	d.roleDescs = make([]int, len(d.sents))
	d.dateline = d.datelineCountry()
	home := d.homeCountry()
	for si, s := range d.sents {
		toks := s.toks
		mi := 0
		for i := 0; i < len(toks); i++ {
			for mi < len(d.bySent[si]) && d.ms[d.bySent[si][mi]].te <= i {
				mi++
			}
			if mi < len(d.bySent[si]) && d.ms[d.bySent[si][mi]].ts <= i {
				continue // part of a name
			}
			t := toks[i]
			if e := d.memberBody(toks, i, home); e >= 0 {
				d.descBySent[si] = append(d.descBySent[si], description{ent: e, pos: t.start, subject: i <= 1})
				d.descAt[t.start] = e
				continue
			}
			if k := roleNouns[t.low]; (k == roleState || k == roleLeads) && !t.cap && i > 0 && (toks[i-1].low == "the" || i > 1 && toks[i-2].low == "the" && !toks[i-1].cap) {
				d.roleDescs[si]++ // "the former president": a person the grammar may resolve
				continue
			}
			if e := d.stateDesc(toks, i, si, home); e >= 0 {
				d.descBySent[si] = append(d.descBySent[si], description{ent: e, pos: t.start, subject: i == 1})
				d.descAt[t.start] = e
				continue
			}
			if _, ok := orgNouns[t.low]; !ok || t.cap || i == 0 || i+1 < len(toks) && toks[i+1].low == "of" {
				continue
			}
			e := -1
			if toks[i-1].low == "the" {
				e = d.lastOrgWithHead(t.low, si, t.start)
			} else {
				e = d.modifiedDesc(si, i, home) // "the holding company"
			}
			if e >= 0 {
				d.descBySent[si] = append(d.descBySent[si], description{ent: e, pos: t.start, subject: i == 1})
				d.descAt[t.start] = e
			}
		}
	}
}

// memberBodies maps the members of a state's forces to the words that
// name the force: "arrested by gendarmes" is the gendarmerie's act, "a
// shootout with marines" the navy's.
var memberBodies = map[string][]string{
	"gendarmes": {"gendarmerie"}, "marines": {"navy", "marines", "marine"}, "sailors": {"navy"},
	"policemen": {"police"}, "policewomen": {"police"}, "soldiers": {"army"}, "troops": {"army"},
}

// memberBody returns the organization that a bare plural of members at
// token i stands for ("by gendarmes in Zinder"): the one the document
// names of that kind, else the state the article is about (home), as for
// "Nigerien gendarmes"; -1 when a name, demonym or possessive says whose
// members they are ("Chinese marines", "the group's soldiers", "marines
// of the Third Fleet") or when the document names several.
func (d *doc) memberBody(toks []token, i, home int) int {
	words := memberBodies[toks[i].low]
	if words == nil || toks[i].cap && i > 0 {
		return -1
	}
	if i > 0 && (toks[i-1].cap || toks[i-1].low == "'s" || !toks[i-1].word) && !(i == 1 && toks[0].low == "the") {
		return -1
	}
	switch {
	case i > 0 && (toks[i-1].low == "its" || toks[i-1].low == "their" || toks[i-1].low == "his" || toks[i-1].low == "her"):
		return -1
	case i+1 < len(toks) && (toks[i+1].low == "of" || toks[i+1].low == "from" || toks[i+1].low == "loyal"):
		return -1
	}
	only := -1
	for _, w := range words {
		for e, x := range d.ents {
			if x.typ != kg.Organization || len(x.spans) == 0 || !hasWord(x.words, w) {
				continue
			}
			if only >= 0 && only != e {
				return -1
			}
			only = e
		}
	}
	if only >= 0 {
		return only
	}
	return home
}

// memberRef returns the organization that the word at token tok of the
// sentence being read stands for as a plural of its members, or -1.
func (d *doc) memberRef(si, tok int) int {
	toks := d.sents[si].toks
	if tok < 0 || tok >= len(toks) || memberBodies[toks[tok].low] == nil {
		return -1
	}
	if e, ok := d.descAt[toks[tok].start]; ok {
		return e
	}
	return -1
}

// roleHolder resolves "the president" at rune offset pos of sentence si
// to the person the article has shown holding that title: the only one,
// else the one of them most in view before pos (mentions and pronouns,
// nearer ones counting more, sentence subjects twice). -1 when none.
func (d *doc) roleHolder(head string, si, pos int) int {
	ps := d.roleHolders[head]
	switch len(ps) {
	case 0:
		return -1
	case 1:
		return ps[0]
	}
	holds := map[int]bool{}
	for _, p := range ps {
		holds[p] = true
	}
	score := map[int]float64{}
	best := -1
	note := func(e, sent int, subject bool) {
		if !holds[e] {
			return
		}
		w := 1 / float64(1+si-sent)
		if subject {
			w *= 2
		}
		score[e] += w
		if best < 0 || score[e] >= score[best] {
			best = e
		}
	}
	for s := max(0, si-40); s <= si; s++ {
		for _, r := range d.sentRefs(s) {
			if st := d.sents[s].toks[r.ts].start; st < pos {
				note(r.ent, s, r.ts == 0 || r.ts == 1 && d.sents[s].toks[0].low == "the")
			}
		}
	}
	return best
}

// onlyOrgNamed returns the one organization of the document whose name
// holds noun, or -1 when there is none or more than one.
func (d *doc) onlyOrgNamed(noun string) int {
	only := -1
	for i, e := range d.ents {
		if e.typ != kg.Organization || len(e.spans) == 0 || !hasWord(e.words, noun) {
			continue
		}
		if only >= 0 {
			return -1
		}
		only = i
	}
	return only
}

// hasWord reports the noun, or its singular, among an organization's
// words ("the institute" for "Skagerrak Institute for Maritime Security").
func hasWord(words []string, noun string) bool {
	for _, w := range words {
		if w == noun || w+"s" == noun {
			return true
		}
	}
	return false
}

// eachOrgMention calls f for the organization mentions of sentences
// [from, to] that start before pos, in text order.
func (d *doc) eachOrgMention(from, to, pos int, f func(m *mention)) {
	for s := from; s <= to && s < len(d.bySent); s++ {
		for _, mi := range d.bySent[s] {
			m := &d.ms[mi]
			if m.start < pos && d.ents[m.ent].typ == kg.Organization {
				f(m)
			}
		}
	}
}

type firstMention struct{ ent, start int }

// firstOrgBySub maps an organization subtype to the first organization of
// that subtype the article names.
func (d *doc) firstOrgBySub() map[string]firstMention {
	if d.firstSub != nil {
		return d.firstSub
	}
	d.firstSub = map[string]firstMention{}
	for si := range d.bySent {
		for _, mi := range d.bySent[si] {
			m := d.ms[mi]
			e := d.ents[m.ent]
			if _, ok := d.firstSub[e.sub]; !ok && e.typ == kg.Organization && e.sub != "" {
				d.firstSub[e.sub] = firstMention{m.ent, m.start}
			}
		}
	}
	return d.firstSub
}

// describedBefore returns the organizations the text described with noun
// before rune offset pos.
func (d *doc) describedBefore(noun string, pos int) map[int]bool {
	d.describedAs(noun, pos) // builds d.described
	out := map[int]bool{}
	for _, x := range d.described[noun] {
		if x.pos < pos {
			out[x.ent] = true
		}
	}
	return out
}

// description is an organization the text called by a common noun.
type description struct {
	ent, pos int
	subject  bool // opens its sentence ("The council dissolved …")
}

// describedAs returns the organization last described with noun before
// rune offset pos ("the Rural Voice party", "the party, Rural Voice",
// "the Defense Council, the junta that …"), or -1.
func (d *doc) describedAs(noun string, pos int) int {
	if d.described == nil {
		d.described = map[string][]description{}
		for si := range d.sents {
			d.collectDescriptions(si)
		}
	}
	best := -1
	for _, x := range d.described[noun] {
		if x.pos < pos {
			best = x.ent
		}
	}
	return best
}

// collectDescriptions records the common nouns that sentence si puts
// beside organization names.
func (d *doc) collectDescriptions(si int) {
	toks := d.sents[si].toks
	note := func(noun string, m *mention) {
		d.described[noun] = append(d.described[noun], description{ent: m.ent, pos: m.start})
	}
	for _, mi := range d.bySent[si] {
		m := &d.ms[mi]
		if m.adj || d.ents[m.ent].typ != kg.Organization {
			continue
		}
		// "the Rural Voice party".
		if m.te < len(toks) && !toks[m.te].cap {
			if _, ok := orgNouns[toks[m.te].low]; ok {
				note(toks[m.te].low, m)
				continue
			}
		}
		// "X, the junta that seized power": an apposition after, an
		// acronym in parentheses skipped.
		te := m.te
		if te+2 < len(toks) && toks[te].text == "(" && toks[te+2].text == ")" {
			te += 3
		}
		if te+1 < len(toks) && toks[te].text == "," && (toks[te+1].low == "the" || toks[te+1].low == "a" || toks[te+1].low == "an") {
			// Not "…, the company said": a speaker, no apposition.
			if noun, at := descNoun(toks, te+2); noun != "" && !(at+1 < len(toks) && (speechVerbs[toks[at+1].low] || isVerbish(toks[at+1].low))) {
				note(noun, m)
				continue
			}
		}
		// "the party, Rural Voice" and "the movement New Contract": a
		// description before.
		// "the mine's largest union, the Sindicato …" too.
		p := m.tts - 1
		if p >= 1 && toks[p].low == "the" && toks[p-1].text == "," {
			p--
		}
		if p >= 0 && toks[p].text == "," {
			p--
		}
		// Not "the top league, the ministry said": a speaker follows a
		// clause, not an apposition.
		if at := m.te; at < len(toks) && (speechVerbs[toks[at].low] || isVerbish(toks[at].low)) && p >= 0 && p < m.tts-1 {
			continue
		}
		if p >= 1 && !toks[p].cap {
			if _, ok := orgNouns[toks[p].low]; ok {
				q := p - 1
				for q > 0 && q > p-3 && toks[q].word && !toks[q].cap && toks[q].low != "the" {
					q--
				}
				if toks[q].low == "the" || toks[q].low == "'s" {
					note(toks[p].low, m)
				}
			}
		}
	}
}

// descNoun reads the first organization noun of a short lower-case phrase
// from token i ("ruling military junta") and its token, or "" and -1.
func descNoun(toks []token, i int) (string, int) {
	for j := i; j < len(toks) && j < i+4; j++ {
		t := toks[j]
		if !t.word || t.cap {
			return "", -1
		}
		if _, ok := orgNouns[t.low]; ok {
			return t.low, j
		}
	}
	return "", -1
}

// personNamedBefore reports a person named in sentence si before token ti.
func (d *doc) personNamedBefore(si, ti int) bool {
	for _, mi := range d.bySent[si] {
		if m := d.ms[mi]; m.ts < ti && !m.adj && d.ents[m.ent].typ == kg.Person {
			return true
		}
	}
	return false
}

// descMark records that the text gave entity ent a common noun at rune
// offset pos: "X, a former governor of Y" (governor), "the photographer
// X", "Judge X", "X, 54," (54-year-old), "X is a shipyard", the head word
// of an organization's name ("the county" for "Wellbeing Services County
// of Pirkanmaa").
type descMark struct{ ent, pos int }

// personNoun reports a noun that names a person by what they are or do.
func personNoun(w string) bool {
	return personWord(w) || people[w] || titles[w]
}

// titleWords spell out the ranks and posts written short before a name,
// so that "Gen. X" is the one "the former general" means.
var titleWords = map[string]string{
	"gen": "general", "lt": "lieutenant", "col": "colonel", "maj": "major", "capt": "captain",
	"cpt": "captain", "sgt": "sergeant", "adm": "admiral", "brig": "brigadier", "cmdr": "commander",
	"gov": "governor", "sen": "senator", "rep": "representative", "supt": "superintendent",
	"insp": "inspector", "amb": "ambassador", "pres": "president", "cllr": "councillor",
	"atty": "attorney", "sec": "secretary", "prof": "professor",
}

// resolveNounPhrases resolves each definite description that the text
// gave an entity before ("the abbot", "the governor's chief of staff",
// "the 54-year-old", "the operator", "the county") to the entity of that
// description most in view, and adds it to the sentence's references as
// a pronoun would be. Organization nouns of the lexicon are left to
// lastOrgWithHead. It returns, per sentence, the token of the head noun of
// an unnamed person that opens it ("The officer on watch …"), or -1.
func (d *doc) resolveNounPhrases() []int {
	marks := d.nounMarks()
	// "the Swedish engineering group X … the group": what the marks saw
	// of the lexicon's organization nouns serves lastOrgWithHead too.
	d.describedAs("", 0)
	for noun, ms := range marks {
		if _, ok := orgNouns[noun]; !ok {
			continue
		}
		for _, m := range ms {
			if d.ents[m.ent].typ == kg.Organization {
				d.described[noun] = append(d.described[noun], description{ent: m.ent, pos: m.pos})
			}
		}
		sort.SliceStable(d.described[noun], func(a, b int) bool { return d.described[noun][a].pos < d.described[noun][b].pos })
	}
	unnamed := make([]int, len(d.sents))
	for si, s := range d.sents {
		unnamed[si] = -1
		toks := s.toks
		for i := 0; i+1 < len(toks); i++ {
			det := toks[i].low
			if det != "the" && !(i == 0 && (det == "a" || det == "an")) {
				continue
			}
			j := d.anaphorHead(si, i, marks)
			if j < 0 {
				if i == 0 && d.personOpens(toks) {
					unnamed[si] = 1
				}
				continue
			}
			e := -1
			if det == "the" {
				e = d.describedEntity(marks[toks[j].low], si, toks[i].start)
				if e < 0 && companyNoun(toks[j].low) && !hasMarkBefore(marks[toks[j].low], toks[i].start) {
					// "the operator", "the board": the company the
					// article is about, when the text gave the noun to
					// no one.
					e = d.lastOrgWithHead("company", si, toks[i].start)
				}
			}
			// A person goes by a post or an occupation of the lexicon
			// ("the governor's chief of staff") or by the age the text gave
			// ("the 54-year-old"); other nouns ("the man", an apposition's
			// head) describe too loosely to stand for one.
			if e >= 0 && d.ents[e].typ == kg.Person && roleNouns[toks[j].low] == roleNone && !strings.HasSuffix(toks[j].low, "-year-old") {
				i = j
				continue
			}
			if e >= 0 {
				d.prons[si] = append(d.prons[si], ref{ent: e, ts: i, te: j + 1, pron: true, desc: true,
					poss: j+1 < len(toks) && toks[j+1].low == "'s"})
				i = j
				continue
			}
			if i == 0 && personNoun(toks[j].low) {
				unnamed[si] = j
			}
		}
	}
	return unnamed
}

// companyNoun reports a noun for a company by its trade (businessNouns)
// or its board; "the operator" is the company in view unless the text
// called something else so.
func companyNoun(w string) bool {
	return businessNouns[w] == "company" || w == "board"
}

// hasMarkBefore reports a description among marks before rune offset pos.
func hasMarkBefore(marks []descMark, pos int) bool {
	for _, m := range marks {
		if m.pos < pos {
			return true
		}
	}
	return false
}

// personOpens reports that a sentence opens with a determiner and a short
// lower-case phrase naming a person ("The officer on watch", "A man").
func (d *doc) personOpens(toks []token) bool {
	for k := 1; k < len(toks) && k <= 3; k++ {
		t := toks[k]
		if !t.word || t.cap || t.low == "'s" {
			return false
		}
		if personNoun(t.low) {
			return k+1 < len(toks) && toks[k+1].low != "'s" && toks[k+1].text != "," && !toks[k+1].cap
		}
	}
	return false
}

// descStops end the lower-case run of a noun phrase.
var descStops = map[string]bool{"of": true, "in": true, "at": true, "for": true, "from": true, "with": true,
	"by": true, "on": true, "to": true, "and": true, "or": true, "but": true, "who": true, "whom": true,
	"which": true, "that": true, "whose": true, "as": true, "than": true, "said": true, "says": true,
	"told": true, "also": true, "not": true, "now": true, "then": true, "since": true, "after": true,
	"before": true, "when": true, "while": true, "into": true, "over": true, "under": true, "about": true}

// anaphorHead returns the head noun of the definite description that the
// determiner at token i of sentence si opens, when the noun is one the
// text gave an entity and the phrase stands alone: not "the abbot of X"
// (a new description), not "the photographer X" or "the lawyer, X," (a
// name follows), not "the man who …" (a restrictive clause). -1 otherwise.
func (d *doc) anaphorHead(si, i int, marks map[string][]descMark) int {
	toks := d.sents[si].toks
	head := -1
	for k := i + 1; k < len(toks) && k <= i+4; k++ {
		t := toks[k]
		if !t.word || t.cap || t.low == "'s" || descStops[t.low] || isVerbish(t.low) || speechVerbs[t.low] {
			break
		}
		if _, ok := marks[t.low]; ok || companyNoun(t.low) {
			if _, org := orgNouns[t.low]; !org {
				head = k
				continue
			}
		}
		if head >= 0 {
			return -1 // "the board chairman": the noun modifies another
		}
	}
	if head < 0 {
		return -1
	}
	for _, mi := range d.bySent[si] {
		if m := d.ms[mi]; m.ts <= head && m.te > i {
			return -1 // part of a name
		}
	}
	if n := head + 1; n < len(toks) {
		switch t := toks[n]; {
		case t.low == "of" || t.low == "who" || t.low == "that" || t.cap && t.word:
			return -1
		case t.text == "," && n+1 < len(toks):
			for _, mi := range d.bySent[si] {
				if m := d.ms[mi]; m.tts == n+1 && !m.adj {
					return -1 // "the lawyer, X,": the name is given here
				}
			}
		}
	}
	return head
}

// describedEntity returns the entity of marks (descriptions before rune
// offset pos) most in view at sentence si: mentions count more the nearer
// they are and twice as a sentence's subject. -1 when none was described
// before pos or when two are equally in view.
func (d *doc) describedEntity(marks []descMark, si, pos int) int {
	cand := map[int]float64{}
	for _, m := range marks {
		if m.pos < pos {
			cand[m.ent] = 0
		}
	}
	switch len(cand) {
	case 0:
		return -1
	case 1:
		for e := range cand {
			return e
		}
	}
	for s := max(0, si-40); s <= si; s++ {
		for k, mi := range d.bySent[s] {
			m := d.ms[mi]
			if _, ok := cand[m.ent]; !ok || m.start >= pos || m.adj {
				continue
			}
			w := 1 / float64(1+si-s)
			if k == 0 && d.sentSubject(s) == m.ent {
				w *= 2
			}
			cand[m.ent] += w
		}
	}
	best, second := -1, -1.0
	for e, sc := range cand {
		switch {
		case best < 0 || sc > cand[best]:
			if best >= 0 {
				second = cand[best]
			}
			best = e
		case sc > second:
			second = sc
		}
	}
	if cand[best] <= second {
		return -1 // a tie: precision first
	}
	return best
}

// nounMarks collects the common nouns the text gives entities (see
// descMark), by noun.
func (d *doc) nounMarks() map[string][]descMark {
	out := map[string][]descMark{}
	note := func(noun string, e, pos int) {
		switch {
		case noun == "" || noun == "the" || noun == "a" || noun == "an" || descStops[noun] || isVerbish(noun):
			return
		case d.ents[e].typ == kg.Person && strings.HasSuffix(noun, "s") && !strings.HasSuffix(noun, "ss"):
			return // "prosecutors": not one person
		}
		out[noun] = append(out[noun], descMark{e, pos})
	}
	for si := range d.sents {
		toks := d.sents[si].toks
		for _, mi := range d.bySent[si] {
			m := d.ms[mi]
			x := d.ents[m.ent]
			if !m.adj && x.typ == kg.Location && x.country == nil {
				if noun := placeNounOf(toks, m); noun != "" {
					note(noun, m.ent, m.start)
				}
				continue
			}
			if m.adj || x.typ != kg.Person && x.typ != kg.Organization {
				continue
			}
			if x.typ == kg.Organization && len(x.words) > 1 {
				note(nameHead(d.rs, toks, m), m.ent, m.start)
			}
			if x.typ == kg.Person && m.title != "" {
				w := strings.Fields(strings.ToLower(strings.TrimSuffix(m.title, ".")))
				if t := w[len(w)-1]; !maleTitles[t] && !femaleTitles[t] && t != "dr" {
					if full := titleWords[t]; full != "" {
						t = full // "Gen. X" is "the general"
					}
					note(t, m.ent, m.start)
				}
			}
			// After: "X, 54, a former minister …", "X (ABC), a shipyard".
			k := m.te
			if k+2 < len(toks) && toks[k].text == "(" && toks[k+2].text == ")" {
				k += 3
			}
			if k+1 < len(toks) && toks[k].text == "," {
				k++
				if x.typ == kg.Person && isNumber(toks[k].low) && k+1 < len(toks) && toks[k+1].text == "," {
					note(toks[k].low+"-year-old", m.ent, m.start)
					k += 2
				}
				if k < len(toks) && (toks[k].low == "a" || toks[k].low == "an" || toks[k].low == "the") {
					note(phraseHead(toks, k+1), m.ent, m.start)
				}
			} else if k+1 < len(toks) && (toks[k].low == "is" || toks[k].low == "was") && (toks[k+1].low == "a" || toks[k+1].low == "an") {
				note(phraseHead(toks, k+2), m.ent, m.start) // "X is a shipyard"
			}
			// "the board of X": an organ of X is X's.
			if b := m.tts; x.typ == kg.Organization && b >= 3 && toks[b-1].low == "of" && companyNoun(toks[b-2].low) && toks[b-3].low == "the" {
				note(toks[b-2].low, m.ent, m.start)
			}
			// Before: "a former governor of Y, X", "the photographer X".
			p := m.tts - 1
			comma := p >= 1 && toks[p].text == ","
			if comma {
				p--
				for _, mj := range d.bySent[si] {
					if o := d.ms[mj]; o.te == p+1 && o.tts >= 2 && toks[o.tts-1].low == "of" {
						p = o.tts - 2 // past "of Y"
					}
				}
			}
			if p >= 1 && toks[p].word && !toks[p].cap && !(p+1 < len(toks) && possessive(toks[p+1])) {
				q := p - 1
				// "the Swedish engineering group X", "the London venture
				// firm X".
				for q > 0 && q > p-4 && toks[q].word && !descStops[toks[q].low] && toks[q].low != "the" && toks[q].low != "a" && toks[q].low != "an" {
					q--
				}
				// "in the laboratory, X" is where X is, not what; "from
				// the Swedish group X" still says what X is.
				if t := toks[q].low; (t == "the" || t == "a" || t == "an") && !(comma && q > 0 && descStops[toks[q-1].low]) {
					note(toks[p].low, m.ent, m.start)
				} else if x.typ == kg.Person && comma && (t == "the" || t == "a" || t == "an") && q >= 3 && qualifyingPreps[toks[q-1].low] {
					// "a senator from the ruling party, X": the person
					// noun that the phrase qualifies is what X is.
					if h := q - 2; personNoun(toks[h].low) && !toks[h].cap && determinerBefore(toks, h) {
						note(toks[h].low, m.ent, m.start)
					}
				}
			}
		}
	}
	return out
}

// phraseHead returns the npHead of a short description from token i
// ("X, a former governor of Y", "X is a shipyard"), "" when a verb follows
// it: "X, the company said" names a speaker, no apposition.
func phraseHead(toks []token, i int) string {
	h := npHeadAt(toks, i, min(i+7, len(toks)))
	if h < 0 || h+1 < len(toks) && (speechVerbs[toks[h+1].low] || isVerbish(toks[h+1].low)) {
		return ""
	}
	return toks[h].low
}

// possessive reports a possessive marker token: "'s" (the tokenizer
// merges a curly or capital one into it) or a lone apostrophe.
func possessive(t token) bool {
	switch t.text {
	case "'s", "'", "’":
		return true
	}
	return false
}

// nameHead returns the lower-cased head word of a many-word organization
// name: its last word, or the word before "of" ("County" of "Wellbeing
// Services County of Pirkanmaa"); "" for a word of the lexicon's
// organization nouns, which lastOrgWithHead resolves.
func nameHead(rs []rune, toks []token, m mention) string {
	h := m.te - 1
	for k := m.ts + 1; k < m.te; k++ {
		if toks[k].low == "of" || toks[k].low == "for" {
			h = k - 1
			break
		}
	}
	if h <= m.ts || !toks[h].word || isAllCaps(toks[h].text) {
		return ""
	}
	w := strings.ToLower(toks[h].text)
	if _, ok := orgNouns[w]; ok {
		return ""
	}
	return w
}

// stateNouns name a state as an actor: "the government", "the
// authorities". "The state" is left out: in a federal country it is as
// often a province ("the state's health minister").
var stateNouns = map[string]bool{"government": true, "authorities": true}

// stateDesc returns the article's own country (home, else the only one
// it names) for "the government",
// "the authorities" or "the state" at token i when no government body of
// that name is in view: the state acting in its own story; -1 otherwise.
func (d *doc) stateDesc(toks []token, i, si, home int) int {
	t := toks[i]
	if home < 0 {
		home = d.soleCountry()
	}
	if home < 0 || !stateNouns[t.low] || t.cap || i == 0 || toks[i-1].low != "the" {
		return -1
	}
	if i+1 < len(toks) {
		next := toks[i+1]
		if next.low == "of" {
			return -1
		}
	}
	if t.low != "authorities" && d.lastOrgWithHead(t.low, si, t.start) >= 0 {
		return -1
	}
	return home
}

// soleCountry returns the one country the article names, -1 when it
// names none or several.
func (d *doc) soleCountry() int {
	only := -1
	for e, x := range d.ents {
		if x.typ != kg.Location || x.sub != "country" || len(x.spans) == 0 {
			continue
		}
		if only >= 0 {
			return -1
		}
		only = e
	}
	return only
}

// stateMeant resolves node i, "the government" or "the authorities"
// unqualified, to the country stateDesc found for it, as the actor only
// (a subject or a passive's agent): "cooperating with the authorities" is
// no alliance with the state. Relations a Location may not take part in
// are dropped by addRel's ontology check.
func (d *doc) stateMeant(t *tree, i int) (ref, bool) {
	n := t.n[i]
	if n.upos != "NOUN" || n.tok < 0 || !stateNouns[n.low] {
		return ref{}, false
	}
	if t.hasOf(i) || t.kid(i, "amod") >= 0 || t.kid(i, "compound") >= 0 {
		return ref{}, false
	}
	if dr := n.deprel; dr != "nsubj" && dr != "obl:agent" && !(dr == "obl" && t.caseOf(i) == "by") {
		return ref{}, false
	}
	e, ok := d.descAt[d.sents[t.si].toks[n.tok].start]
	if !ok || d.ents[e].typ != kg.Location {
		return ref{}, false
	}
	return ref{ent: e, ts: n.tok, te: n.tok + 1, pron: true}, true
}

// qualifyingPreps open a phrase that qualifies a person noun in an
// apposition before a name: "a senator from the ruling party, X", "the
// head of the union, X".
var qualifyingPreps = map[string]bool{"from": true, "of": true, "at": true, "for": true, "with": true, "in": true}

// determinerBefore reports "a", "an" or "the" before the noun at token h,
// past at most two lower-case modifiers ("a veteran opposition senator").
func determinerBefore(toks []token, h int) bool {
	for k := h - 1; k >= 0 && k >= h-3; k-- {
		switch t := toks[k]; {
		case t.low == "a" || t.low == "an" || t.low == "the":
			return true
		case !t.word || t.cap || descStops[t.low]:
			return false
		}
	}
	return false
}

// reportWords may stand between a speech verb and the subject of the
// clause it reports: "said on Monday that it", "said in a statement that".
var reportWords = map[string]bool{"that": true, "on": true, "in": true, "a": true, "an": true, "the": true,
	"statement": true, "earlier": true, "later": true, "also": true, "last": true, "this": true, "week": true,
	"month": true, "year": true, "today": true, "yesterday": true}

// reportingBody returns the organization or state that "it" at token ti
// of sentence si stands for when it opens a clause reported by a speech
// verb ("X said on Monday that it had …"): the verb's subject, a name
// right before it, before an apposition or relative clause set off by
// commas ("X, which runs Y, said it"), before "which" ("X, which said it
// …"), or a definite description ("the company said it"). The pronoun of
// the reported clause is its speaker's in news copy far more often than
// anyone's else; -1 when the subject is a person or not found.
func (d *doc) reportingBody(si, ti int, inQuote bool) int {
	toks := d.sents[si].toks
	if inQuote || ti < 2 {
		return -1
	}
	v := ti - 1
	for v > 0 && v >= ti-6 && !speechVerbs[toks[v].low] {
		if !reportWords[toks[v].low] && !(toks[v].cap && toks[v].word && dayOrMonth(toks[v].low)) {
			return -1
		}
		v--
	}
	if !speechVerbs[toks[v].low] || v == 0 {
		return -1
	}
	b := v - 1 // last token of the subject
	if toks[b].text == "," {
		// "X, which runs Y for Z, said": back over the set-off phrase.
		for b--; b > 0 && toks[b].text != ","; b-- {
			if toks[b].text == "\"" || toks[b].text == ";" {
				return -1
			}
		}
		if b <= 0 {
			return -1
		}
		b--
	} else if toks[b].low == "which" && b >= 2 && toks[b-1].text == "," {
		b -= 2 // "X, which said it"
	}
	body := func(e int) int {
		if x := d.ents[e]; x.typ == kg.Organization || x.country != nil {
			return e
		}
		return -1
	}
	for _, mi := range d.bySent[si] {
		if m := d.ms[mi]; m.te == b+1 && !m.adj {
			return body(m.ent)
		}
	}
	// "the company said it": a description of a body the text named.
	if _, ok := orgNouns[toks[b].low]; ok && b >= 1 && toks[b-1].low == "the" && !toks[b].cap {
		if e := d.lastOrgWithHead(toks[b].low, si, toks[b].start); e >= 0 {
			return body(e)
		}
	}
	return -1
}

// dayOrMonth reports a weekday or month name.
func dayOrMonth(w string) bool {
	_, day := weekdays[w]
	return day || monthNum[w] > 0
}

// placeNounOf returns the noun of placeNouns that the text gives the place
// mention m: "the Andean province of X", "X, a port city on the coast",
// "the port city X", "X province"; "" when none. A state is left to
// homeCountry: "the country" is the one the article is about.
func placeNounOf(toks []token, m mention) string {
	place := func(i int) string {
		if i < 0 || i >= len(toks) || toks[i].cap || placeNouns[toks[i].low] == "" {
			return ""
		}
		return toks[i].low
	}
	// "the province of X", "the port city X".
	b := m.tts - 1
	if b >= 1 && toks[b].low == "of" {
		b--
	}
	if w := place(b); w != "" {
		// Past a demonym or an adjective: "the Argentine province of X".
		for k := b - 1; k >= 0 && k >= b-3 && toks[k].word && !descStops[toks[k].low]; k-- {
			if t := toks[k].low; t == "a" || t == "an" || t == "the" {
				return w
			}
		}
	}
	// "X province", "X Province"; not "the Andean province of X".
	if w := place(m.te); w != "" && !(m.te+1 < len(toks) && toks[m.te+1].low == "of") {
		return w
	}
	if h := m.te - 1; h > m.ts && placeNouns[toks[h].low] != "" {
		return toks[h].low
	}
	// "X, a port city on the coast".
	if k := m.te; k+2 < len(toks) && toks[k].text == "," && (toks[k+1].low == "a" || toks[k+1].low == "an" || toks[k+1].low == "the") {
		last := ""
		for j := k + 2; j < len(toks) && j <= k+5; j++ {
			if !toks[j].word || toks[j].cap || descStops[toks[j].low] {
				break
			}
			if w := place(j); w != "" {
				last = w // "a port city": the head is the last noun
			}
		}
		return last
	}
	return ""
}

// surnamePerson returns the one person of gender g (or of unknown gender)
// named before sentence si whose surname is the word that opens si, or -1
// when none or several are.
func (d *doc) surnamePerson(si, g int) int {
	toks := d.sents[si].toks
	if len(toks) == 0 {
		return -1
	}
	w := personCore(toks[0].text) // "Adjei-Frimpong": two core words
	start := toks[0].start
	only := -1
	for e, x := range d.ents {
		if x.typ != kg.Person || len(x.core) <= len(w) || x.gender != 0 && x.gender != g || !hasSuffix(x.core, w) {
			continue
		}
		named := false
		for _, sp := range x.spans {
			named = named || sp.Start < start
		}
		if !named {
			continue
		}
		if only >= 0 {
			return -1
		}
		only = e
	}
	return only
}

// groupWords name a group of companies in other languages too: "the
// company" is rarely the group that owns it.
var groupWords = map[string]bool{"grupo": true, "groupe": true, "gruppe": true, "gruppo": true, "groep": true}

// plainCompaniesNear returns the companies named in sentence si before
// rune offset pos or in the sentence before whose names hold no other
// organization noun ("Siam Andaman Marine", not "Bangkok Bank" or "Grupo
// X"): "the company" may be one of them although the text never called
// it so, when it is that close.
func (d *doc) plainCompaniesNear(si, pos int) map[int]bool {
	out := map[int]bool{}
	d.eachOrgMention(max(0, si-1), si, pos, func(m *mention) {
		x := d.ents[m.ent]
		if m.adj || x.sub != "company" {
			return
		}
		for _, w := range x.words {
			if _, ok := orgNouns[w]; ok && w != "company" && w != "firm" || groupWords[w] {
				return
			}
		}
		out[m.ent] = true
	})
	return out
}

// topicCompany returns what "the company" at rune offset pos stands for
// when the text called no company so: the organization the article opens
// with as its subject when it may be a company ("Kudiflow, a Lagos
// startup, has raised …"), else the first company it introduced; -1 when
// none is named before pos.
func (d *doc) topicCompany(pos int) int {
	if e, start := d.topicOrg(); e >= 0 && start < pos && (d.ents[e].sub == "company" || d.ents[e].sub == "") {
		return e
	}
	if f, ok := d.firstOrgBySub()["company"]; ok && f.start < pos {
		return f.ent
	}
	return -1
}

// afterDateline reports that mention m opens the sentence after its
// dateline ("LAGOS, Nigeria — X, a startup, has raised …"): the
// sentence's subject, though a dateline stands before it.
func afterDateline(toks []token, m mention) bool {
	from := datelineEnd(toks)
	return from > 0 && opensAt(toks, m, from)
}

// opensAt reports that mention m names the subject of the clause that
// opens at token from ("X", "the X"): not an adjective, nor a possessor
// ("X's chief executive said").
func opensAt(toks []token, m mention, from int) bool {
	if m.adj || m.te < len(toks) && possessive(toks[m.te]) {
		return false
	}
	return m.tts == from || m.tts == from+1 && toks[from].low == "the"
}

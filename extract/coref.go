package extract

// Reference resolution: which entity a pronoun ("he", "its") or an unnamed
// description ("the company", "the junta") stands for.

import (
	"sort"

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
	for _, p := range d.prons[si] {
		out = append(out, p)
	}
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
	type seen struct {
		ent  int
		sent int
		tok  int
	}
	var last []seen
	for si := range d.sents {
		toks := d.sents[si].toks
		inQuote := false
		mis := d.bySent[si]
		k := 0
		for ti, t := range toks {
			if t.text == "\"" {
				inQuote = !inQuote
			}
			for k < len(mis) && d.ms[mis[k]].ts <= ti {
				m := d.ms[mis[k]]
				if d.ents[m.ent].typ == kg.Person {
					last = append(last, seen{m.ent, si, m.ts})
				}
				k++
			}
			g := 0
			switch t.low {
			case "he", "him", "his":
				g = 1
			case "she", "her":
				g = 2
			case "its", "it":
				if !inQuote && (t.low == "its" || ti == 0 && ti+1 < len(toks) && (toks[ti+1].low == "is" || toks[ti+1].low == "was" || toks[ti+1].low == "has")) {
					if e := d.lastBody(si, t.start); e >= 0 {
						d.prons[si] = append(d.prons[si], ref{ent: e, ts: ti, te: ti + 1, pron: true, poss: t.low == "its"})
					}
				}
				continue
			default:
				continue
			}
			if inQuote {
				continue
			}
			// "He …", "His nephew, Y" opening a sentence: the subject of
			// the paragraph's last sentence with a person subject, not
			// the man named last.
			if ti == 0 {
				if e := d.subjectPerson(si, g); e >= 0 {
					d.prons[si] = append(d.prons[si], ref{ent: e, ts: ti, te: ti + 1, pron: true, poss: t.low == "his" || (t.low == "her" && ti+1 < len(toks) && toks[ti+1].word)})
					last = append(last, seen{e, si, ti})
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
				if object := t.low == "him" || t.low == "her" && !(ti+1 < len(toks) && toks[ti+1].word); object && e.sent == si && clauseMates(toks, e.tok, ti) {
					continue
				}
				d.prons[si] = append(d.prons[si], ref{ent: e.ent, ts: ti, te: ti + 1, pron: true, poss: t.low == "his" || (t.low == "her" && ti+1 < len(toks) && toks[ti+1].word)})
				if g == 2 && d.ents[e.ent].gender == 0 {
					d.ents[e.ent].gender = 2
				}
				last = append(last, seen{e.ent, si, ti})
				break
			}
		}
	}
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
	if m.adj || m.tts > 1 || m.tts == 1 && toks[0].low != "the" {
		return -1
	}
	if m.te < len(toks) && (toks[m.te].low == "'s" || toks[m.te].text == "'") {
		return -1 // "Iraq's minister said": the minister acts
	}
	return m.ent
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
	// "Its secretary general, X" opening a sentence: the organization the
	// last sentence was about.
	if toks := d.sents[si].toks; len(toks) > 0 && toks[0].start == pos && si > 0 && d.sents[si-1].Para == d.sents[si].Para {
		if e := d.sentSubject(si - 1); e >= 0 && d.ents[e].typ == kg.Organization {
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
	org, country, orgPos := -1, -1, -1
	for s := max(0, si-1); s <= si; s++ {
		for _, mi := range d.bySent[s] {
			m := d.ms[mi]
			if m.adj || m.start >= pos {
				continue
			}
			switch e := d.ents[m.ent]; {
			case e.typ == kg.Organization:
				if m.start > orgPos {
					org, orgPos = m.ent, m.start
				}
			case e.country != nil:
				country = m.ent
			}
		}
		// "The militia, … Its leader": a definite description counts.
		toks := d.sents[s].toks
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

// lastOrgWithHead resolves "the coalition" to the last organization
// before sentence si whose name ends with that noun.
func (d *doc) lastOrgWithHead(noun string, si int, pos int) int {
	best, bestStart := -1, -1
	// Look back a bounded window of sentences: work stays linear in the
	// article's length.
	from := max(0, si-40)
	generic := noun == "group" || noun == "organization" || noun == "organisation"
	nameFrom := from
	if generic {
		// "the group" is the group named "… Group" only when that one
		// was just named; else salience decides (below).
		nameFrom = max(0, si-2)
	}
	d.eachOrgMention(nameFrom, si, pos, func(m *mention) {
		if m.start > bestStart && hasWord(d.ents[m.ent].words, noun) {
			best, bestStart = m.ent, m.start
		}
	})
	if best >= 0 {
		return best
	}
	// "the junta" after "the Defense Council, the junta that …": the
	// organization the text described with that noun.
	// A generic "the group" is left to salience (below).
	if e := d.describedAs(noun, pos); e >= 0 && !generic {
		return e
	}
	if sub := orgNouns[noun]; sub != "" {
		// "the company": the first company the article introduced,
		// usually its subject. Other nouns ("the army") only when one
		// organization of that kind was named.
		if f, ok := d.firstOrgBySub()[sub]; ok && f.start < pos {
			if sub == "company" {
				return f.ent
			}
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
			if only >= 0 {
				return only
			}
		}
		return -1
	}
	if noun == "group" || noun == "organization" || noun == "organisation" || noun == "movement" {
		// "the group": of the organizations named in the last three
		// sentences, the one named most in the window.
		recent := map[int]bool{}
		total := map[int]int{}
		d.eachOrgMention(from, si, pos, func(m *mention) {
			total[m.ent]++
			if m.sent >= si-3 {
				recent[m.ent] = true
			}
		})
		// A police force, an army or a ministry is rarely "the group":
		// other organizations come first.
		state := func(e int) bool {
			switch d.ents[e].sub {
			case "government", "ministry", "court":
				return true
			}
			return false
		}
		d.eachOrgMention(max(0, si-3), si, pos, func(m *mention) {
			if best < 0 || state(best) && !state(m.ent) || state(best) == state(m.ent) && total[m.ent] > total[best] {
				best = m.ent
			}
		})
	}
	return best
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

// description is an organization the text called by a common noun.
type description struct {
	ent, pos int
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
			if noun := descNoun(toks, te+2); noun != "" {
				note(noun, m)
				continue
			}
		}
		// "the party, Rural Voice" and "the movement New Contract": a
		// description before.
		p := m.tts - 1
		if p >= 0 && toks[p].text == "," {
			p--
		}
		if p >= 1 && !toks[p].cap {
			if _, ok := orgNouns[toks[p].low]; ok {
				q := p - 1
				for q > 0 && q > p-3 && toks[q].word && !toks[q].cap && toks[q].low != "the" {
					q--
				}
				if toks[q].low == "the" {
					note(toks[p].low, m)
				}
			}
		}
	}
}

// descNoun reads the first organization noun of a short lower-case phrase
// from token i ("ruling military junta"), or "".
func descNoun(toks []token, i int) string {
	for j := i; j < len(toks) && j < i+4; j++ {
		t := toks[j]
		if !t.word || t.cap {
			return ""
		}
		if _, ok := orgNouns[t.low]; ok {
			return t.low
		}
	}
	return ""
}

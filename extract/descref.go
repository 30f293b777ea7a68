package extract

// Relations carried by a reference across sentences: "His predecessor, X"
// and "Y's successor, X" name someone who held, or will hold, the post the
// possessor holds, read from the possessor's own role relations wherever
// the article stated them; "the directors, X and Y" sit on the board of the
// company whose board is in view.

import "github.com/newsgraph/newsgraph/kg"

// successionNouns are the nouns that pass a post from one person to another.
var successionNouns = map[string]bool{"predecessor": true, "successor": true}

// successions adds, for each "his predecessor, X" (or "X, his successor"),
// the posts of the possessor to X: the LEADS and HOLDS_ROLE relations the
// article gives the possessor, with the status a predecessor's post has.
// It runs after the other rules, so that the possessor's posts are known.
func (d *doc) successions() {
	type link struct {
		other, holder, si int
		former            bool
	}
	var links []link
	for si := range d.sents {
		toks := d.sents[si].toks
		for k, t := range toks {
			if !successionNouns[t.low] || k == 0 {
				continue
			}
			holder, start := d.successionPossessor(si, k)
			if holder < 0 {
				continue
			}
			if x := d.successionName(si, k, start); x >= 0 && x != holder {
				links = append(links, link{x, holder, si, t.low == "predecessor"})
			}
		}
	}
	if len(links) == 0 {
		return
	}
	byID := make(map[string]int, len(d.ents))
	for i := range d.ents {
		byID[d.ents[i].id()] = i
	}
	for _, l := range links {
		status := ""
		if l.former {
			status = "former"
		}
		hid := d.ents[l.holder].id()
		var posts []*kg.Relation
		for _, r := range d.rels {
			if r.Source == hid && (r.Type == kg.Leads || r.Type == kg.HoldsRole) {
				posts = append(posts, r)
			}
		}
		for _, r := range posts {
			t, ok := byID[r.Target]
			if !ok {
				continue
			}
			props := map[string]string{}
			if r.Type == kg.HoldsRole {
				props["title"] = r.Properties["title"]
				props["status"] = status
			}
			d.addRel(r.Type, l.other, t, props, l.si, confNoun)
		}
	}
}

// successionPossessor returns the person whose predecessor or successor
// the noun at token k names: a possessive pronoun resolved to a person
// ("his predecessor") or a person's name with "'s" ("Herath's
// successor"), and the token the possessor starts at; -1 otherwise.
func (d *doc) successionPossessor(si, k int) (int, int) {
	refs := d.sentRefs(si)
	toks := d.sents[si].toks
	p := k - 1
	if r, ok := refAt(refs, p); ok && r.pron && r.poss && !r.desc && d.ents[r.ent].typ == kg.Person {
		return r.ent, p
	}
	if p >= 1 && possessive(toks[p]) {
		if r, ok := refAt(refs, p-1); ok && !r.adj && !r.pron && r.te == p && d.ents[r.ent].typ == kg.Person {
			return r.ent, r.ts
		}
	}
	return -1, -1
}

// successionName returns the person that the noun at token k stands in
// apposition with: "his predecessor, X" (a short phrase such as "at the
// ministry" may come between) or "X, his predecessor", where the
// possessor starts at token start; -1 otherwise.
func (d *doc) successionName(si, k, start int) int {
	refs := d.sentRefs(si)
	toks := d.sents[si].toks
	// After: the first comma within a short phrase, then a name.
	for j := k + 1; j < len(toks) && j <= k+5; j++ {
		if toks[j].text != "," {
			if !toks[j].word || isVerbish(toks[j].low) || speechVerbs[toks[j].low] {
				break
			}
			continue
		}
		for _, mi := range d.bySent[si] {
			if m := d.ms[mi]; m.tts == j+1 && !m.adj && d.ents[m.ent].typ == kg.Person {
				return m.ent
			}
		}
		break
	}
	// Before: "X, his predecessor".
	if b := start - 1; b >= 1 && toks[b].text == "," {
		if r, ok := refAt(refs, b-1); ok && !r.adj && !r.pron && r.te == b && d.ents[r.ent].typ == kg.Person {
			return r.ent
		}
	}
	return -1
}

// boardNouns are the plural nouns for the members of a company's board.
var boardNouns = map[string]bool{"directors": true}

// boardMembers adds MEMBER_OF for the people a definite plural of board
// members lists ("The directors who voted in favor were X and Y", "the two
// independent directors, X and Y,"), to the company whose board the text
// last spoke of: "X's board", "the board of X", or "the board" resolved to
// it. Nothing when no board is in view.
func (d *doc) boardMembers(si int) {
	toks := d.sents[si].toks
	for k, t := range toks {
		if !boardNouns[t.low] || t.cap || !definiteRun(toks, k) {
			continue
		}
		body := d.boardBody(si, t.start)
		if body < 0 {
			continue
		}
		from := -1
		if k+1 < len(toks) && toks[k+1].text == "," {
			from = k + 2 // "the two independent directors, X and Y"
		} else {
			for j := k + 1; j < len(toks) && j <= k+12; j++ {
				if w := toks[j].low; w == "were" || w == "are" || w == "include" || w == "included" {
					from = j + 1 // "The directors who voted … were X, Y and Z"
					break
				}
				if !toks[j].word {
					break
				}
			}
		}
		for _, p := range d.personList(si, from) {
			d.addRel(kg.MemberOf, p, body, nil, si, confNoun)
		}
	}
}

// definiteRun reports that the noun at token k opens with "the" and at most
// three lower-case words or numbers: "the directors", "the two independent
// directors".
func definiteRun(toks []token, k int) bool {
	for j := k - 1; j >= 0 && j >= k-4; j-- {
		switch {
		case toks[j].low == "the":
			return true
		case !toks[j].word && !isNumber(toks[j].low) || toks[j].cap && !isNumber(toks[j].low):
			return false
		}
	}
	return false
}

// personList returns the people named one after another from token from,
// joined by commas and "and": "X, Y and Z".
func (d *doc) personList(si, from int) []int {
	if from < 0 {
		return nil
	}
	toks := d.sents[si].toks
	var out []int
	for p := from; p < len(toks); {
		found := false
		for _, mi := range d.bySent[si] {
			if m := d.ms[mi]; m.tts == p && !m.adj && d.ents[m.ent].typ == kg.Person {
				out = append(out, m.ent)
				p, found = m.te, true
				break
			}
		}
		if !found {
			break
		}
		for p < len(toks) && (toks[p].text == "," || toks[p].low == "and") {
			p++
		}
	}
	return out
}

// boardBody returns the organization whose board the text spoke of last,
// in sentence si before rune offset pos or in the three sentences before:
// "X's board", "the board of X", "the board" resolved to X; -1 when none.
func (d *doc) boardBody(si, pos int) int {
	for s := si; s >= 0 && s >= si-3; s-- {
		toks := d.sents[s].toks
		refs := d.sentRefs(s)
		best := -1
		for k, t := range toks {
			if t.low != "board" || t.start >= pos {
				continue
			}
			switch {
			case k >= 2 && possessive(toks[k-1]):
				if r, ok := refAt(refs, k-2); ok && !r.adj && d.ents[r.ent].typ == kg.Organization {
					best = r.ent
				}
			case k+2 < len(toks) && toks[k+1].low == "of":
				j := k + 2
				if toks[j].low == "the" && j+1 < len(toks) {
					j++
				}
				if r, ok := refAt(refs, j); ok && !r.adj && r.ts == j && d.ents[r.ent].typ == kg.Organization {
					best = r.ent
				}
			default:
				if r, ok := refAt(refs, k); ok && r.desc && d.ents[r.ent].typ == kg.Organization {
					best = r.ent
				}
			}
		}
		if best >= 0 {
			return best
		}
	}
	return -1
}

// ledActs are the nouns of deals and campaigns rather than bodies: leading
// an investment, a round, a deal, a campaign or the talks makes no one the
// head of the one whose investment or talks they were. "Effort" is not
// one: who leads a body's effort is read as its head or its envoy.
var ledActs = map[string]bool{"investment": true, "round": true, "deal": true, "campaign": true, "talks": true,
	"negotiation": true, "negotiations": true, "bid": true, "transaction": true, "acquisition": true, "merger": true, "takeover": true}

// ledActivity reports that o, a possessor the verb's object carries, is no
// body the verb's subject leads or commands because the object is an act:
// "led its investment", "led the company's talks".
func (t *tree) ledActivity(rel kg.RelationType, o int) bool {
	if rel != kg.Leads && rel != kg.Commands || t.n[o].deprel != "nmod:poss" {
		return false
	}
	h := t.n[o].head
	return h >= 0 && t.n[h].upos == "NOUN" && (ledActs[t.n[h].lemma] || ledActs[t.n[h].low])
}

// kinNamed returns the person an apposition names when it opens with a
// name's kin: in "Its chief executive, A's sister X" the role is X's, not
// A's. Up to two lower-case words may qualify the kin noun ("A's younger
// sister X"); rf's own person otherwise.
func (d *doc) kinNamed(si int, refs []ref, rf ref) int {
	toks := d.sents[si].toks
	k := rf.te
	if k >= len(toks) || !possessive(toks[k]) {
		return rf.ent
	}
	k++
	if k < len(toks) && toks[k].text == "s" {
		k++ // "A’s" split at the apostrophe
	}
	for n := 0; k < len(toks) && n < 2 && relatives[toks[k].low] == "" && toks[k].word && !toks[k].cap; n++ {
		k++
	}
	if k+1 >= len(toks) || relatives[toks[k].low] == "" {
		return rf.ent
	}
	k++
	if toks[k].text == "," {
		k++
	}
	if r, ok := refAt(refs, k); ok && r.ts == k && !r.pron && !r.adj && d.ents[r.ent].typ == kg.Person {
		return r.ent
	}
	return rf.ent
}

// contrastMods make a description mean another body than the one in view
// ("the rival company", "the other party"): it resolves to nothing.
var contrastMods = map[string]bool{
	"other": true, "another": true, "rival": true, "competing": true, "new": true,
	"second": true, "third": true, "former": true, "smaller": true, "larger": true, "foreign": true,
}

// attestedMods hold of a body only where the text shows them: "the
// opposition party" is a party the text called the opposition, "the parent
// company" one named or called a holding or parent.
var attestedMods = map[string]bool{"opposition": true, "ruling": true, "governing": true, "parent": true, "holding": true}

// holdingHeads are name heads that make a company a holding company.
var holdingHeads = map[string]bool{"holding": true, "holdings": true, "group": true}

// modifiedDesc resolves a definite description of an organization whose
// head noun, at token i of sentence si, has modifiers after "the": "the
// holding company", "the Dutch company", "the mining company". A body the
// text shows with a modifier (in its name or where it is introduced) comes
// first; else the one the bare noun would resolve to, when it fits every
// modifier. -1 when unsure: a contrasting modifier ("the rival company"), a
// demonym that is not the body's country (or, unknown, not the article's),
// "parent" or "holding" for a body the sentence names (its subsidiary).
func (d *doc) modifiedDesc(si, i, home int) int {
	toks := d.sents[si].toks
	var mods []string
	j := i - 1
	for ; j >= 0 && j >= i-4 && toks[j].low != "the"; j-- {
		switch t := toks[j]; {
		case t.text == "-":
		case !t.word || isNumber(t.low) || contrastMods[t.low]:
			return -1
		case t.cap && countryByAdj[fold(t.low)] == nil && countryByName[fold(t.low)] == nil:
			return -1
		default:
			mods = append(mods, t.low)
		}
	}
	// "the trade union Nordvik Guild": a name after the noun is the one it describes.
	if j < 0 || toks[j].low != "the" || len(mods) == 0 || i+1 < len(toks) && toks[i+1].cap {
		return -1
	}
	noun, pos := toks[i].low, toks[i].start
	var homeC *country
	if home >= 0 {
		homeC = d.ents[home].country
	}
	fits := func(e int) bool {
		x := d.ents[e]
		if x.typ != kg.Organization {
			return false
		}
		for _, w := range mods {
			c := countryByAdj[fold(w)]
			if c == nil {
				c = countryByName[fold(w)]
			}
			switch {
			case c != nil:
				if k := d.orgCountry(e, pos); k != c && (k != nil || homeC != c) {
					return false
				}
			case w == "parent" || w == "holding":
				if d.namedIn(e, si) || !holdingHeads[x.words[len(x.words)-1]] && !d.shownWith(e, w, pos) {
					return false
				}
			case attestedMods[w]:
				if !d.shownWith(e, w, pos) {
					return false
				}
			}
		}
		return true
	}
	kind := descKinds[noun]
	described := d.describedBefore(noun, pos)
	if e := d.mostSalient(max(0, si-40), si, pos, func(e int) bool {
		x := d.ents[e]
		if !(hasWord(x.words, noun) || described[e] || kind == "company" && (x.sub == "company" || x.sub == "") || kind != "" && x.sub == kind) || !fits(e) {
			return false
		}
		for _, w := range mods {
			if d.shownWith(e, w, pos) {
				return true
			}
		}
		return false
	}); e >= 0 {
		return e
	}
	if e := d.lastOrgWithHead(noun, si, pos); e >= 0 && fits(e) {
		return e
	}
	return -1
}

// namedIn reports that sentence si names entity e.
func (d *doc) namedIn(e, si int) bool {
	for _, mi := range d.bySent[si] {
		if d.ms[mi].ent == e && !d.ms[mi].adj {
			return true
		}
	}
	return false
}

// shownWith reports that the text shows organization e with the word w
// before rune offset pos: in its name ("Karsk Mining" for "mining"), in
// the words just before a mention ("the Dutch miner Karsk") or in an
// apposition after one ("Karsk, a state-owned company").
func (d *doc) shownWith(e int, w string, pos int) bool {
	return d.wordsShown(e, pos, func(x string) bool { return x == w || x == w+"s" })
}

// wordsShown reports that f holds for a word shownWith reads for e.
func (d *doc) wordsShown(e, pos int, f func(w string) bool) bool {
	for _, x := range d.ents[e].words {
		if f(x) {
			return true
		}
	}
	for _, m := range d.ms {
		if m.ent != e || m.adj || m.start >= pos {
			continue
		}
		toks := d.sents[m.sent].toks
		for k := m.tts - 1; k >= 0 && k >= m.tts-4 && toks[k].low != "the" && toks[k].low != "a" && toks[k].low != "an" && toks[k].word; k-- {
			if f(fold(toks[k].low)) {
				return true
			}
		}
		if m.te+1 < len(toks) && toks[m.te].text == "," && (toks[m.te+1].low == "the" || toks[m.te+1].low == "a" || toks[m.te+1].low == "an") {
			for k := m.te + 2; k < len(toks) && k < m.te+7 && (toks[k].word || toks[k].text == "-"); k++ {
				if f(fold(toks[k].low)) {
					return true
				}
			}
		}
	}
	return false
}

// orgCountry returns the country the text shows organization e of before
// rune offset pos (a demonym or a country's name in its name or beside a
// mention), or nil when it shows none or several.
func (d *doc) orgCountry(e, pos int) *country {
	var found *country
	several := false
	d.wordsShown(e, pos, func(w string) bool {
		c := countryByAdj[w]
		if c == nil {
			c = countryByName[w]
		}
		if c != nil && found != nil && c != found {
			several = true
		}
		if c != nil {
			found = c
		}
		return false
	})
	if several {
		return nil
	}
	return found
}

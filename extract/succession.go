package extract

// Succession: "His predecessor, X" and "Y's successor, X" name someone who
// held, or will hold, the post the possessor holds. The post is read from
// the possessor's own role relations, wherever the article stated them.

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

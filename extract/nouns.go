package extract

import (
	"strings"

	"github.com/newsgraph/newsgraph/kg"
)

// The noun rules of the grammar layer: roles, affiliations, ownership,
// pacts and nominalized cue verbs read from noun phrases of the tree.

// describedPerson returns the person's name a short description set off
// after it ends in relative pronoun w ("X, a former general who"), or -1.
func (t *tree) describedPerson(w int) int {
	j := w - 1
	for j >= 0 && w-j <= 5 && (t.n[j].upos == "DET" || t.n[j].upos == "ADJ" || t.n[j].upos == "NOUN" || t.n[j].upos == "ADV") {
		j--
	}
	if j < 1 || j == w-1 || t.n[j].low != "," || t.n[j-1].lemma != placeholders[kg.Person] {
		return -1
	}
	return j - 1
}

// nounCue is a cue read from a noun: possAgent says the possessor acts,
// patientOf is the preposition of the one acted on.
type nounCue struct {
	cue       verbCue
	possAgent bool
	patientOf string
}

// nounCues are nominalizations of cue verbs: "the arrest of X by Y", "X's
// detention"; init adds attackNouns ("Y's attack on X").
var nounCues = map[string]nounCue{
	"arrest":        {verbCue{rel: kg.Detained, event: "Detention"}, false, "of"},
	"detention":     {verbCue{rel: kg.Detained, event: "Detention"}, false, "of"},
	"imprisonment":  {verbCue{rel: kg.Detained, event: "Detention"}, false, "of"},
	"abduction":     {verbCue{rel: kg.Detained, event: "Detention"}, false, "of"},
	"kidnapping":    {verbCue{rel: kg.Detained, event: "Detention"}, false, "of"},
	"capture":       {verbCue{rel: kg.Detained, event: "Capture"}, false, "of"},
	"killing":       {verbCue{rel: kg.Killed, event: "Killing"}, false, "of"},
	"assassination": {verbCue{rel: kg.Killed, event: "Killing"}, false, "of"},
	"murder":        {verbCue{rel: kg.Killed, event: "Killing"}, false, "of"},
	"execution":     {verbCue{rel: kg.Killed, event: "Killing"}, false, "of"},
	"appointment":   {verbCue{rel: kg.Appointed, event: "Appointment"}, false, "of"},
}

func init() {
	// "a senior figure in the opposition Y": membership read with "in"
	// (roleFromTree); kept here, beside that reading.
	roleNouns["figure"] = roleMember
	for l := range attackNouns {
		nounCues[l] = nounCue{verbCue{rel: kg.Attacked, event: "Attack"}, true, "on"}
	}
}

// personOf returns the word naming the person a kin or role noun i
// describes: in apposition to it ("his brother, X"), the noun it stands in
// apposition to ("X, the daughter of Y"), or the subject of a copula ("X
// is Y's daughter", "X became the leader of Y").
func (t *tree) personOf(i int) []int {
	if a := t.kid(i, "appos"); a >= 0 && !bodyNoun(t.n[a]) && !t.ownerBetween(i, a) {
		// (An organization or place noun describes the body the
		// parser hung it on: "as chairman of Y, the holding company".)
		return t.conjuncts(a)
	}
	if a := t.setOffName(i); a >= 0 {
		return []int{a} // "their grandfather, X," hung elsewhere
	}
	if h := t.n[i].head; t.n[i].deprel == "appos" && h >= 0 && t.n[h].upos == "NOUN" {
		// "the witness, a former commander of Y, X,": a description of
		// a noun, and the name set off after its phrase.
		if a := t.nameAfterPhrase(i); a >= 0 {
			return []int{a}
		}
	}
	for _, c := range t.kidsOf(i, "conj") {
		if a := t.setOffName(c); a >= 0 && t.n[c].upos == "NOUN" && t.kid(c, "nmod:poss") < 0 {
			return []int{a} // "Y's nephew and business partner, X,"
		}
	}
	n := t.n[i]
	if (n.deprel == "compound" || n.deprel == "nmod:desc") && n.head == i+1 && t.n[i+1].upos == "PROPN" {
		return []int{i + 1} // "his brother Frank", "whose president X"
	}
	if (n.deprel == "appos" || n.deprel == "conj" && t.kid(i, "cc") < 0 && t.n[max(i-1, 0)].low != "and") && n.head >= 0 && t.kid(i, "cop") < 0 && !t.whoseNoun(i) {
		// (With a copula of its own it is a clause: "Y, whose chairman,
		// X, is Z's father".)
		h := n.head
		if t.n[h].upos == "NUM" && t.n[h].deprel == "appos" {
			h = t.n[h].head // "X, 41, the managing director of Y"
		}
		// Only a name right before its apposition ("X, 41, the
		// director of Y"): a long attachment is more often the parser's
		// error than the text's meaning.
		if h < i && t.adjacentAppos(h, i) {
			return []int{h}
		}
	}
	if h := n.head; (n.deprel == "xcomp" || n.deprel == "obj") && h >= 0 && roleVerbs[t.n[h].lemma] {
		// "X was elected chairwoman of Y"; "they named X minister".
		if s := t.kid(h, "nsubj:pass"); s >= 0 {
			return t.conjuncts(s)
		}
		if o := t.kid(h, "obj"); o >= 0 && o != i && n.deprel == "xcomp" {
			return t.conjuncts(o)
		}
	}
	if h := n.head; h >= 0 && t.caseOf(i) == "as" && (n.deprel == "obl" || n.deprel == "advcl") && t.n[h].upos == "VERB" {
		// "X will succeed his father as chairman of Y", "X served as
		// its treasurer": the role is the subject's; "named X as
		// minister", "X was appointed as minister": the appointee's.
		s, ps := t.subjects(h, 0)
		if roleVerbs[t.n[h].lemma] {
			if o := t.kid(h, "obj", "xcomp"); o >= 0 && o != i {
				return t.conjuncts(o)
			}
			s = ps
		}
		if s >= 0 {
			return t.conjuncts(s)
		}
		if x := t.n[h].head; x >= 0 && x < h && t.n[x].upos == "PROPN" && t.n[x].head < 0 && (t.n[h].deprel == "dep" || t.n[h].deprel == "parataxis") {
			// "X, 44, will succeed his father as chairman": after a
			// long subject the parser may make it the root.
			return []int{x}
		}
		return nil
	}
	if h := n.head; n.deprel == "xcomp" && h >= 0 && (t.n[h].lemma == "become" || t.n[h].lemma == "remain") {
		// "X became the leader of Y", "X remains its chairman".
		if s, _ := t.subjects(h, 0); s >= 0 {
			return t.conjuncts(s)
		}
	}
	if t.kid(i, "cop") >= 0 {
		// "X, who was Y's foreign minister": the relative pronoun
		// stands for the name the clause describes.
		if s, _ := t.subjects(i, 0); s >= 0 {
			if a := t.nameAfterPhrase(s); a >= 0 && t.n[s].upos == "NOUN" && t.kid(s, "appos") < 0 {
				// "the commissioner who voted against it, X, is the
				// niece of Y": the name set off after the subject's
				// phrase, wherever the parser hung it.
				return []int{a}
			}
			return t.conjuncts(s)
		}
		// "X, 41, is a former mayor": after a long subject the parser
		// may make the subject the root and hang the predicate on it.
		if h := n.head; h >= 0 && h < i && t.n[h].upos == "PROPN" && t.n[h].head < 0 && (n.deprel == "dep" || n.deprel == "parataxis") {
			return []int{h}
		}
	}
	return nil
}

// ownerBetween reports a name in an "of" phrase of noun i before its
// apposition a: in "the niece of X, a member of parliament" the
// apposition describes X, the nearer name, wherever the parser hung it.
func (t *tree) ownerBetween(i, a int) bool {
	if t.n[a].upos != "NOUN" {
		return false
	}
	for _, k := range t.kidsOf(i, "nmod") {
		if k > i && k < a && t.n[k].upos == "PROPN" && t.caseOf(k) == "of" {
			return true
		}
	}
	return false
}

// bodyNoun reports a common noun of an organization or place.
func bodyNoun(n node) bool {
	_, org := orgNouns[n.lemma]
	return n.upos == "NOUN" && (org || placeNouns[n.lemma] != "")
}

// whoseNoun reports a noun possessed by "whose": in "Y, whose chairman,
// X", the noun it stands in apposition to is its owner, not its holder.
func (t *tree) whoseNoun(i int) bool {
	p := t.kid(i, "nmod:poss")
	return p >= 0 && t.n[p].low == "whose"
}

// nominalRels are the relations of a word that stands as a noun phrase,
// not as a modifier.
var nominalRels = map[string]bool{"xcomp": true, "appos": true, "conj": true, "obj": true, "nsubj": true,
	"obl": true, "root": true, "nmod": true}

// ownerOf returns the words for whom or what noun i is: its possessor
// ("Y's daughter", "his wife") or a nominal after of/at/for.
func (t *tree) ownerOf(i int, preps ...string) []int {
	var out []int
	for _, k := range t.n[i].kids {
		switch t.n[k].deprel {
		case "nmod:poss":
			out = append(out, k)
		case "nmod", "obl":
			// obl: the parser's reading under a role noun tagged as an
			// adjective ("chief executive of Y").
			c := t.caseOf(k)
			for _, p := range preps {
				if c != p {
					continue
				}
				if w := t.n[k].low; w == "which" || w == "whom" {
					// "Y, of which X is a member": the name the
					// relative stands for.
					if a := t.antecedent(t.kid(k, "case")); a >= 0 {
						out = append(out, a)
					}
					continue
				}
				out = append(out, t.conjuncts(k)...)
			}
		}
	}
	return out
}

// grammarNouns reads kinship, nominalized acts and appositions of roles
// from the tree of sentence si.
func (d *doc) grammarNouns(si int, t *tree, refs []ref) {
	for i := range t.n {
		n := t.n[i]
		if n.tok >= 0 && n.head >= 0 {
			d.backedBy(si, t, refs, i)
			if n.upos == "PROPN" && t.caseOf(i) == "under" {
				// "the 12th Brigade under Col. X": X commands the unit.
				p, ok1 := d.refOfNode(t, refs, i)
				o, ok2 := d.refOfNode(t, refs, n.head)
				if c := t.kid(i, "case"); (!ok2 || d.ents[o.ent].typ != kg.Organization) && c >= 1 && t.n[c-1].upos == "PROPN" {
					o, ok2 = d.refOfNode(t, refs, c-1) // the parser hung "under X" on the verb
				}
				if ok1 && ok2 && !p.pron && d.ents[p.ent].typ == kg.Person && d.ents[o.ent].typ == kg.Organization {
					d.addRel(kg.Commands, p.ent, o.ent, nil, si, confNoun)
				}
			}
		}
		if cue, ok := betweenNouns[n.low]; ok && (n.upos == "NOUN" || n.xpos == "VBG") {
			// "talks between X and Y", "fighting between X and Y".
			for _, k := range n.kids {
				if dr := t.n[k].deprel; (dr == "nmod" || dr == "obl") && t.caseOf(k) == "between" {
					d.among(si, cue, n.low, t, refs, t.betweenParties(k), n.tok, confNoun)
				}
			}
			continue
		}
		if n.upos == "ADJ" && n.tok >= 0 && roleNouns[n.lemma] != roleNone && nominalRels[n.deprel] {
			// "was named chief executive of Y": the tagger often reads
			// a role noun that can be an adjective as one.
			d.roleFromTree(si, t, refs, i)
			continue
		}
		if n.upos == "PROPN" && n.tok >= 0 {
			d.personOfBody(si, t, refs, i)
			d.possessedParty(si, t, refs, i)
			d.officeHolder(si, t, refs, i)
			if tk := d.sents[si].toks[n.tok]; !tk.cap && (relatives[tk.low] != "" || roleNouns[tk.low] != roleNone) {
				// "X, Y's niece": a common noun after a possessive name
				// the tagger took for part of a name.
				n.upos = "NOUN"
				t.n[i].upos = "NOUN"
			}
		}
		if n.upos == "VERB" && n.tok >= 0 {
			if c, ok := leadCue(n.lemma); ok {
				d.ledBody(si, t, refs, i, c)
			}
		}
		if n.lemma == "marry" && (n.upos == "VERB" || n.upos == "ADJ") && n.tok >= 0 {
			d.married(si, t, refs, i)
			continue
		}
		if n.upos != "NOUN" || n.tok < 0 {
			continue
		}
		if n.lemma == "company" || n.lemma == "group" || n.lemma == "firm" {
			d.companyOf(si, t, refs, i)
		}
		if n.lemma == "year" || n.lemma == "decade" {
			d.yearsAt(si, t, refs, i)
		}
		if n.lemma == "family" {
			d.familyOwns(si, t, refs, i)
		}
		if roleNouns[n.lemma] != roleNone {
			d.roleFromTree(si, t, refs, i)
			continue
		}
		if heldNouns[n.lemma] {
			d.heldBy(si, t, refs, i)
			continue
		}
		if rel, ok := stanceNouns[n.lemma]; ok {
			// "X, a fierce critic of Y", "X is a close ally of Y".
			d.ofNoun(si, t, refs, i, kg.RelationType(rel), nil)
		}
		if placeNouns[n.lemma] != "" {
			// "Bamako, the capital of Mali": the place is part of the other.
			d.ofNoun(si, t, refs, i, kg.PartOf, func(e int) bool { return d.ents[e].typ == kg.Location })
		}
		if partNouns[n.lemma] {
			d.partOf(si, t, refs, i)
		}
		if seatNouns[n.lemma] {
			d.boardSeat(si, t, refs, i)
		}
		if k := orgNouns[n.lemma]; k == "party" || k == "company" {
			d.partyOf(si, t, refs, i, k)
		}
		if stakeNouns[n.lemma] != "" {
			d.stake(si, t, refs, i)
		}
		if n.lemma == "venture" || n.lemma == "shareholder" {
			d.venture(si, t, refs, i)
		}

		if rel := relatives[n.lemma]; rel != "" {
			owners := t.ownerOf(i, "of")
			if len(owners) == 0 && t.kid(i, "cc") >= 0 {
				// "her husband, X, and a son, Y": the kin noun before.
				for j := i - 1; j >= 0 && len(owners) == 0; j-- {
					if relatives[t.n[j].lemma] != "" && t.n[j].upos == "NOUN" {
						owners = t.ownerOf(j, "of")
						break
					}
				}
			}
			for _, o := range owners {
				ro, ok := d.possessorRef(t, refs, o)
				if !ok {
					continue
				}
				for _, p := range t.personOf(i) {
					if rp, ok := d.refOfNode(t, refs, p); ok && !rp.pron {
						d.addRel(kg.FamilyOf, rp.ent, ro.ent, map[string]string{"relation": rel}, si, confApposition)
					}
				}
			}
			continue
		}
		if nc, ok := nounCues[n.lemma]; ok {
			var agents, patients []int
			for _, k := range n.kids {
				switch t.n[k].deprel {
				case "nmod:poss":
					if nc.possAgent {
						agents = append(agents, k)
					} else {
						patients = append(patients, k)
					}
				case "nmod":
					switch t.caseOf(k) {
					case "by":
						agents = append(agents, t.conjuncts(k)...)
					case nc.patientOf:
						patients = append(patients, t.conjuncts(k)...)
						// "the arrest of X by Y": the parser often hangs
						// the agent on X.
						for _, b := range t.kidsOf(k, "nmod") {
							if t.caseOf(b) == "by" {
								agents = append(agents, b)
							}
						}
					}
				}
			}
			for _, a := range agents {
				ra, ok := d.refOfNode(t, refs, a)
				if !ok {
					continue
				}
				for _, p := range patients {
					if rp, ok := d.refOfNode(t, refs, p); ok {
						d.verbFact(si, nc.cue, n.low, ra.ent, rp.ent, n.tok, confNoun)
					}
				}
			}
		}
	}
}

// roleFromTree reads "X, the chief executive of Y", "Y's envoy, X" and "X
// is the leader of Y" from the tree: the role noun i, the person it
// describes and the body it is for.
func (d *doc) roleFromTree(si int, t *tree, refs []ref, i int) {
	n := t.n[i]
	kind := roleNouns[n.lemma]
	title := n.lemma
	status := "current"
	deputy := false
	for _, k := range n.kids {
		c := t.n[k]
		if c.deprel != "amod" && c.deprel != "compound" || c.tok < 0 || k > i {
			continue
		}
		if deputyWords[c.low] {
			deputy = true
		}
		if k2 := roleNouns[c.low+" "+n.lemma]; k2 != roleNone {
			kind, title = k2, c.low+" "+n.lemma
		} else if s := statusWords[c.low]; s != "" {
			status = s
		} else if (c.upos == "ADJ" || c.upos == "NOUN") && title == n.lemma {
			title = c.low + " " + n.lemma // "foreign minister", "research director"
		}
	}
	if n.lemma == "ambassador" {
		// An ambassador works for the state that sends him: the tree
		// reads it from a possessor, "of" or a demonym, never from "to"
		// (the host), which the surface rules read apart.
		kind = roleWorks
	}
	if kind == roleNone || kind == roleOther || status == "prospective" {
		return
	}
	// "the PCG's spokesman for the West Philippine Sea": the possessor
	// is whom the role is for; a place after "for" is only its remit.
	owners := t.ownerOf(i)
	for _, k := range t.kidsOf(i, "compound") {
		// "a retired Army officer", "Kudiflow's chief executive": a name
		// before the role noun is whom it is for.
		if r, ok := d.refOfNode(t, refs, k); ok && k < i && t.n[k].upos == "PROPN" && !r.pron && d.ents[r.ent].typ == kg.Organization {
			owners = append(owners, k)
		}
	}
	if len(owners) == 0 {
		owners = t.ownerOf(i, "of", "at", "for", "with")
	}
	if kind == roleMember {
		// "a member of parliament from the National Dawn party", "a
		// senior figure in the opposition Y".
		owners = append(owners, t.ownerOf(i, "from", "in")...)
	}
	if h := n.head; len(owners) == 0 && h >= 0 && t.caseOf(i) == "as" && t.n[h].upos == "VERB" && !t.negated(h) {
		owners = d.asRoleBody(t, refs, h)
	}
	owners = t.coordOwners(i, owners)
	named := len(owners) > 0 // "the president of the bloc's commission" names its body
	if p := t.portfolio(i, owners); p != "" {
		// "the minister for higher education": a portfolio, not a
		// body; the minister is the state's.
		title, named = title+" "+p, false
	}
	owners = d.ownerNames(t, refs, owners)
	if len(owners) == 0 {
		// "The Russian ambassador in Belgrade, X": the demonym's country;
		// "X, the president,": the article's country.
		target := -1
		for _, k := range n.kids {
			if c := t.n[k]; (c.deprel == "amod" || c.deprel == "compound") && c.tok >= 0 && k < i {
				if r, ok := refAt(refs, c.tok); ok && r.adj && d.ents[r.ent].country != nil {
					target = r.ent
				}
			}
		}
		if target < 0 && (named || kind != roleState && d.titleMinistry(title) < 0 && !(stateOffice(title) && !t.namedModifier(refs, i)) && !courtTitles[n.lemma]) {
			return
		}
		for _, p := range t.rolePersons(i, nil) {
			// "judge X of the 9th Court": a body named after the name.
			owned := false
			for _, k := range t.kidsOf(p, "nmod") {
				owned = owned || t.caseOf(k) == "of" || t.caseOf(k) == "at"
			}
			if rp, ok := d.refOfNode(t, refs, p); ok && !rp.pron && d.ents[rp.ent].typ == kg.Person {
				d.emitRole(rp.ent, rolePhrase{title: title, status: status, target: target, kind: kind, deputy: deputy, owned: owned}, si, confApposition)
			}
		}
		return
	}
	persons := t.rolePersons(i, owners)
	for _, o := range owners {
		ro, ok := d.refOfNode(t, refs, o)
		// A description ("the company's chief executive") names the
		// body like its name; a possessive pronoun does not.
		if !ok || ro.pron && !d.descNames(t, o, ro.ent) || d.ents[ro.ent].typ == kg.Person && kind != roleWorks ||
			d.ents[ro.ent].typ == kg.Location && t.caseOf(o) == "for" {
			continue
		}
		for _, p := range persons {
			rp, ok := d.refOfNode(t, refs, p)
			if ok && !rp.pron && kind == roleMember && d.ents[rp.ent].typ == kg.Organization && d.ents[ro.ent].typ == kg.Organization {
				// "A, B and C are all members of Y".
				d.addRel(kg.MemberOf, rp.ent, ro.ent, nil, si, confApposition)
				continue
			}
			// A pronoun is the person only as a subject: "she is the
			// mayor of Y"; as an apposition it is a misreading.
			if !ok || rp.pron && !strings.HasPrefix(t.n[p].deprel, "nsubj") || d.ents[rp.ent].typ != kg.Person {
				continue
			}
			k := kind
			if x := t.n[o].head; (k == roleLeads || k == roleState) && x >= 0 && x != i && t.n[x].head == i && t.n[x].upos == "NOUN" &&
				t.caseOf(x) == "of" && placeNouns[t.n[x].lemma] == "" && t.caseOf(o) != "of" {
				// "head of research at Y": the head of a field or unit
				// at Y works for Y.
				k = roleWorks
			}
			if (k == roleLeads || k == roleState) && o < i && t.fieldOf(i) {
				// "Y's director of licensing": the same, with Y before.
				k = roleWorks
			}
			d.emitRole(rp.ent, rolePhrase{title: title, status: status, target: ro.ent, kind: k, plural: n.xpos == "NNS", deputy: deputy}, si, confApposition)
		}
	}
}

// fieldOf reports that role noun i heads a field or unit named by a
// common noun after "of" ("director of licensing", "head of compliance"),
// not a body or a place ("head of state" leads it).
func (t *tree) fieldOf(i int) bool {
	for _, x := range t.kidsOf(i, "nmod") {
		if l := t.n[x].lemma; x > i && t.n[x].upos == "NOUN" && t.caseOf(x) == "of" && placeNouns[l] == "" && l != "state" && l != "government" {
			_, body := orgNouns[l]
			if _, head := orgHeads[l]; !body && !head {
				return true
			}
		}
	}
	return false
}

// rolePersons returns the words naming the persons role noun i
// describes, wherever the parser hung the description: in apposition, the
// subject of its copula, set off before or after it, or an apposition the
// parser hung on one of its owners ("the leader of Y, X").
func (t *tree) rolePersons(i int, owners []int) []int {
	n := t.n[i]
	persons := t.personOf(i)
	if len(persons) == 0 {
		for _, o := range owners {
			if t.n[o].deprel == "compound" && t.n[o].head > o {
				o = t.n[o].head // "from the X party, Y": the noun after the name
			}
			if a := t.kid(o, "appos"); a >= 0 && t.n[a].upos == "PROPN" {
				persons = append(persons, a)
				if c := t.kid(a, "conj"); c > a+1 && t.n[c-1].low == "," && t.n[c].upos == "PROPN" && t.kid(c, "cc") < 0 {
					// "the head of the union Y, X": the owner's own
					// name first, then the holder's.
					persons = append(persons, c)
				}
			}
		}
	}
	if len(persons) == 0 {
		persons = t.setOff(i)
	}
	if h := n.head; len(persons) == 0 && n.deprel == "conj" && h >= 0 && h < i && t.n[h].upos == "NOUN" {
		// "X, an engineer and former governor of Y": the first
		// description's person.
		persons = t.personOf(h)
		if dr := t.n[h].deprel; len(persons) == 0 && (dr == "appos" || dr == "obj" || dr == "obl") {
			persons = t.namesBefore(h)
		}
	}
	if dr := n.deprel; len(persons) == 0 && (dr == "appos" || dr == "obj" || dr == "obl" || dr == "conj" && t.kid(i, "cc") < 0) {
		// An apposition or a complement hung past the name it follows
		// ("convicted A and B, lawyers with Y"); not a subject ("To X,
		// the leader of Y said" fronts X) nor a chained conjunct.
		persons = t.namesBefore(i)
	}
	return persons
}

// namedModifier reports a name among the modifiers before role noun i,
// or right before them where the parser hung it elsewhere: "the Central
// Province police chief" holds a post of the province.
func (t *tree) namedModifier(refs []ref, i int) bool {
	lm := i
	for _, k := range t.n[i].kids {
		if c := t.n[k]; k < i && c.deprel != "det" && c.deprel != "punct" {
			lm = min(lm, k)
			if _, ok := refAt(refs, c.tok); ok && c.tok >= 0 {
				return true
			}
		}
	}
	if lm > 0 && t.n[lm-1].upos == "PROPN" && t.n[lm-1].tok >= 0 {
		_, ok := refAt(refs, t.n[lm-1].tok)
		return ok
	}
	return false
}

// descNames reports that the description or pronoun at node o names
// entity e as a role's body would: an organization noun or "its" an
// organization ("the company's chief executive", "its finance
// director"), a place noun a place below a state ("the province's
// governor"); "the state" may be either, and "his" or "their" names no
// body.
func (d *doc) descNames(t *tree, o, e int) bool {
	n := t.n[o]
	if n.low == "its" && n.upos == "PRON" {
		return d.ents[e].typ == kg.Organization
	}
	if n.upos != "NOUN" {
		return false
	}
	if _, ok := orgNouns[n.lemma]; ok {
		return d.ents[e].typ == kg.Organization
	}
	return placeNouns[n.lemma] != "" && d.ents[e].typ == kg.Location && d.ents[e].country == nil
}

// portfolio returns the field of a minister with its "for" or "of"
// ("minister for higher education", "minister of agriculture") when that
// is all that names the minister's body, or "".
func (t *tree) portfolio(i int, owners []int) string {
	if t.n[i].lemma != "minister" || len(owners) != 1 {
		return ""
	}
	o := owners[0]
	if n := t.n[o]; n.upos != "NOUN" || n.head != i || t.kid(o, "det") >= 0 || t.kid(o, "nmod:poss") >= 0 || n.tok < 0 {
		return ""
	}
	if c := t.caseOf(o); c != "for" && c != "of" {
		return ""
	}
	var w []string
	for _, k := range t.n[o].kids {
		if c := t.n[k]; k < o && (c.deprel == "amod" || c.deprel == "compound") && c.upos != "PROPN" {
			w = append(w, c.low)
		}
	}
	return t.caseOf(o) + " " + strings.Join(append(w, t.n[o].low), " ")
}

// portfolioMinister reports a minister's title with a portfolio:
// "finance minister", "deputy foreign minister", not "a Protestant
// minister".
func portfolioMinister(title string) bool {
	w := strings.Fields(title)
	return len(w) >= 2 && w[len(w)-1] == "minister" && portfolios[w[len(w)-2]]
}

// portfolios are the common ministries of a government.
var portfolios = map[string]bool{"foreign": true, "finance": true, "defense": true, "defence": true, "interior": true,
	"justice": true, "health": true, "education": true, "economy": true, "trade": true, "energy": true, "labor": true,
	"labour": true, "agriculture": true, "transport": true, "environment": true, "culture": true, "information": true,
	"sports": true, "sport": true, "tourism": true, "industry": true, "mining": true, "mines": true, "housing": true,
	"security": true, "planning": true, "youth": true, "communications": true, "commerce": true, "fisheries": true,
	"water": true, "oil": true, "petroleum": true, "development": true, "welfare": true, "immigration": true,
	"home": true, "treasury": true, "budget": true, "infrastructure": true, "telecommunications": true}

// stateOffices are titles held only in a state's service.
var stateOffices = map[string]bool{"attorney general": true, "solicitor general": true, "auditor general": true,
	"ambassador": true, "consul general": true, "consul": true}

// stateBodyWords before a role noun of stateBodyHeads say it is held in
// the state's service: "government spokesman", "police commissioner"
// (not "a police officer", an occupation).
var (
	stateBodyWords = map[string]bool{"government": true, "police": true, "cabinet": true}
	stateBodyHeads = map[string]bool{"spokesman": true, "spokeswoman": true, "spokesperson": true,
		"commissioner": true, "chief": true}
)

// stateOffice reports a title whose body, when the text names none, is
// the state the article is about: a portfolio minister, an office only a
// state has, or a post named for the government or the police.
func stateOffice(title string) bool {
	if portfolioMinister(title) || stateOffices[title] || strings.HasPrefix(title, "minister for ") ||
		strings.HasPrefix(title, "minister of ") {
		return true
	}
	w := strings.Fields(title)
	if len(w) >= 2 && stateOffices[w[len(w)-2]+" "+w[len(w)-1]] {
		return true
	}
	return len(w) >= 2 && stateBodyWords[w[len(w)-2]] && stateBodyHeads[w[len(w)-1]]
}

// onlyCountry reports that no country other than c is named among refs.
func (d *doc) onlyCountry(refs []ref, c int) bool {
	for _, r := range refs {
		if r.ent != c && d.ents[r.ent].country != nil {
			return false
		}
	}
	return true
}

// titleMinistry returns the ministry of the article that a minister's
// title names by its portfolio ("finance minister" and "the Finance
// Ministry"), or -1.
func (d *doc) titleMinistry(title string) int {
	w := strings.Fields(title)
	if len(w) < 2 || w[len(w)-1] != "minister" {
		return -1
	}
	return d.ministry(w[len(w)-2])
}

// byOwner are the relations whose object may be named through what it
// owns or is: "criticized the European Union's handling", "attacked a
// Kosovo Police patrol".
var byOwner = map[kg.RelationType]bool{kg.Opposes: true, kg.Attacked: true, kg.Supports: true}

// ownerRef returns the name that possesses or modifies noun i.
func (d *doc) ownerRef(t *tree, refs []ref, i int) (ref, bool) {
	if t.n[i].upos != "NOUN" {
		return ref{}, false
	}
	for _, k := range t.n[i].kids {
		if dr := t.n[k].deprel; (dr == "nmod:poss" || dr == "compound" || dr == "nmod" && t.caseOf(k) == "from") && t.n[k].tok >= 0 {
			if r, ok := refAt(refs, t.n[k].tok); ok && !r.adj && (dr == "compound" || !r.pron) {
				return r, true
			}
		}
	}
	return ref{}, false
}

// pactVerbs and pactNouns: "X and Y signed an agreement", "X formed a
// coalition with Y" make the parties allies.
var pactVerbs = map[string]bool{"sign": true, "form": true, "forge": true, "seal": true, "strike": true, "conclude": true, "have": true}

var pactNouns = map[string]bool{"agreement": true, "alliance": true, "coalition": true, "pact": true,
	"deal": true, "accord": true, "partnership": true, "treaty": true, "bloc": true, "committee": true, "consortium": true,
	"front": true}

// pact reads ALLIED_WITH from a pact verb p whose object is a pact noun:
// between its coordinated subjects, and between each subject and a party
// named with "with".
func (d *doc) pact(si int, t *tree, refs []ref, p int) {
	o := t.kid(p, "obj")
	if o < 0 || !pactNouns[t.n[o].lemma] || t.negated(p) {
		return
	}
	subj, _ := t.subjects(p, 0)
	if subj < 0 {
		return
	}
	var parties []ref
	for _, s := range t.conjuncts(subj) {
		// agentRef: "the bank said it had formed a committee with Y".
		if r, ok := d.agentRef(t, refs, s); ok {
			parties = append(parties, r)
		}
	}
	var others []ref
	for _, w := range append(t.obliques(p, "with"), t.ownerOf(o, "with")...) {
		if r, ok := d.refOfNode(t, refs, w); ok {
			others = append(others, r)
		}
	}
	how := map[string]string{"how": t.n[o].lemma}
	for i, a := range parties {
		for _, b := range parties[i+1:] {
			d.addRel(kg.AlliedWith, a.ent, b.ent, how, si, confVerb)
		}
		for _, b := range others {
			if d.ents[a.ent].typ != kg.Person && d.ents[b.ent].typ != kg.Person {
				d.addRel(kg.AlliedWith, a.ent, b.ent, how, si, confVerb)
			}
		}
	}
}

// adjacentAppos reports that between the name h and its apposition i there
// is only punctuation, an age or words of the apposition's own phrase.
func (t *tree) adjacentAppos(h, i int) bool {
	for k := h + 1; k < i; k++ {
		n := t.n[k]
		if n.low == "," || n.upos == "NUM" && n.head == h {
			continue
		}
		if !t.under(k, i) {
			return false
		}
	}
	return true
}

// setOff returns the name set off by a comma after role noun i when the
// parser took it for a list item of i or a conjunct of a nominal under i
// ("The ambassador in Manila, X, said", "a commander of the state police,
// X,"): a conjunct without and/or right after a comma is an apposition.
func (t *tree) setOff(i int) []int {
	var out []int
	take := func(h int, rels ...string) {
		for _, k := range t.n[h].kids {
			if k <= i || t.n[k].upos != "PROPN" || t.n[k-1].low != "," || t.kid(k, "cc") >= 0 {
				continue
			}
			for _, r := range rels {
				if t.n[k].deprel == r {
					out = append(out, k)
				}
			}
		}
	}
	take(i, "list", "conj")
	// Down the chain of "of"/"from" phrases: "a member of parliament
	// from the X party, Y".
	for h, depth := i, 0; depth < 3; depth++ {
		next := -1
		for _, k := range t.n[h].kids {
			if t.n[k].deprel == "nmod" && k > h {
				take(k, "conj", "list")
				next = k
			}
		}
		if next < 0 || len(out) > 0 {
			break
		}
		h = next
	}
	return out
}

// titleStops end a title folded into the name after it.
var titleStops = map[string]bool{"the": true, "a": true, "an": true, "and": true, "or": true, "of": true, "for": true,
	"to": true, "in": true, "on": true, "with": true, "by": true, "at": true, "from": true, "as": true, "said": true,
	"says": true, "is": true, "was": true, "his": true, "her": true, "its": true, "their": true, "that": true,
	"whose": true}

// foldTitle drops from the parser's words a lower-case role noun right
// before a person's name and up to three modifiers before it ("Egyptian
// intelligence chief", "Hamas leader").
func foldTitle(toks []token, words []string, wtok []int, from int) ([]string, []int) {
	n := len(words)
	if n == 0 || wtok[n-1] < from {
		return words, wtok
	}
	last := toks[wtok[n-1]]
	if last.cap || roleNouns[last.low] == roleNone {
		return words, wtok
	}
	k := n - 1
	for k > 0 && k > n-4 {
		w := toks[wtok[k-1]]
		if !w.word || titleStops[w.low] {
			break
		}
		k--
	}
	if k > 0 && toks[wtok[k-1]].low == "whose" {
		// "Y, whose leader X": the title is what the relative says
		// of Y.
		return words, wtok
	}
	return words[:k], wtok[:k]
}

// hasOf reports an "of" phrase under noun i: "the court of appeals" is
// not "the court".
func (t *tree) hasOf(i int) bool {
	for _, k := range t.kidsOf(i, "nmod") {
		if t.caseOf(k) == "of" {
			return true
		}
	}
	return false
}

// setOffName returns the name set off by a comma right after noun i that
// the parser hung elsewhere (as a vocative, a side clause, a conjunct
// without "and"), or -1.
func (t *tree) setOffName(i int) int {
	if t.n[i].upos != "NOUN" || i+2 >= len(t.n) || t.n[i+1].low != "," {
		return -1
	}
	a := i + 2
	if t.n[a].upos == "DET" && a+1 < len(t.n) && t.n[a].head == a+1 {
		a++ // "his wife, the lawyer X": the title went into the name
	}
	if t.n[a].upos != "PROPN" || t.n[a].tok < 0 || t.kid(a, "cc") >= 0 {
		return -1
	}
	if t.n[a].deprel == t.n[i].deprel && t.n[a].head == t.n[i].head && strings.HasPrefix(t.n[i].deprel, "nsubj") {
		return a // two subjects of one verb: the second is the first's apposition
	}
	switch t.n[a].deprel {
	case "vocative", "parataxis", "conj", "list", "dep", "appos", "obl:unmarked":
		return a
	case "obl":
		if t.kid(a, "case") < 0 {
			return a // an oblique with no preposition is a misread
		}
	}
	return -1
}

// backedBy reads "the Russian-backed Steppe Front" and "Iranian-backed
// militias, known as X": the backer in the compound word i supports the
// noun it modifies, or the name that noun is known as.
func (d *doc) backedBy(si int, t *tree, refs []ref, i int) {
	n := t.n[i]
	suf, rel := compoundSuffix(n.low)
	if suf == "" || rel == kg.Leads {
		return // compoundActs reads "-led"
	}
	backer, ok := refAt(refs, n.tok)
	if !ok {
		return
	}
	h := n.head
	targets := []int{h}
	if _, ok := d.refOfNode(t, refs, h); !ok {
		// "militias, known as the Popular Mobilization Forces".
		targets = nil
		if i+1 < len(t.n) && t.n[i+1].upos == "PROPN" {
			targets = append(targets, i+1) // the parser took the compound for a clause
		}
		for _, a := range t.kidsOf(h, "acl") {
			if t.n[a].lemma == "know" {
				targets = append(targets, t.obliques(a, "as")...)
			}
		}
	}
	for _, o := range targets {
		r, ok := d.refOfNode(t, refs, o)
		if !ok || r.ent == backer.ent || d.ents[r.ent].typ == kg.Person {
			continue
		}
		if rel == kg.Owns {
			d.addRel(kg.Owns, backer.ent, r.ent, nil, si, confCompound)
			continue
		}
		d.addRel(kg.Supports, backer.ent, r.ent, map[string]string{"how": suf[1:]}, si, confCompound)
	}
}

// heldNouns say a person is held by the state or body named before them:
// "an American detainee", "in Kenyan custody".
var heldNouns = map[string]bool{"detainee": true, "prisoner": true, "captive": true, "hostage": true, "custody": true}

// heldBy reads DETAINED from a held noun i with its holder as a modifier:
// the person is the subject of the copula or of the verb the noun hangs
// on ("spent three years as an American detainee", "remains in Kenyan
// custody").
func (d *doc) heldBy(si int, t *tree, refs []ref, i int) {
	n := t.n[i]
	holder := -1
	for _, k := range n.kids {
		if c := t.n[k]; (c.deprel == "amod" || c.deprel == "compound" || c.deprel == "nmod:poss") && c.tok >= 0 && k < i {
			if r, ok := refAt(refs, c.tok); ok && !r.pron && (r.adj || d.ents[r.ent].typ != kg.Person) {
				holder = r.ent
			}
		}
	}
	if holder < 0 {
		return
	}
	var ps []int
	if t.kid(i, "cop") >= 0 {
		if s := t.kid(i, "nsubj"); s >= 0 {
			ps = t.conjuncts(s)
		}
	} else if h := n.head; h >= 0 && t.n[h].upos == "VERB" && !t.negated(h) {
		if s := t.actor(h, 0); s >= 0 {
			ps = t.conjuncts(s)
		}
	}
	toks := d.sents[si].toks
	for _, p := range ps {
		r, ok := d.refOfNode(t, refs, p)
		if !ok || d.ents[r.ent].typ != kg.Person {
			continue
		}
		props := map[string]string{}
		if dur := durationIn(toks, 0); dur != "" {
			props["duration"] = dur
		}
		date := d.dateIn(si)
		if date != "" {
			props["date"] = date
		}
		if d.addRel(kg.Detained, holder, r.ent, props, si, confNoun) != nil {
			d.addEvent("Detention", "Detention of "+d.ents[r.ent].name, si, date, -1,
				[]kg.Participant{{EntityID: d.ents[holder].id(), Role: "agent"}, {EntityID: d.ents[r.ent].id(), Role: "patient"}}, confNoun)
		}
	}
}

// betweenNouns relate the parties named after "between" (by form: the
// parser reads "fighting" as a verb as often as a noun).
var betweenNouns = map[string]verbCue{
	"talks": {rel: kg.MetWith}, "meeting": {rel: kg.MetWith}, "meetings": {rel: kg.MetWith}, "negotiations": {rel: kg.MetWith},
	"fighting": {rel: kg.Fought}, "clashes": {rel: kg.Fought}, "war": {rel: kg.Fought}, "battles": {rel: kg.Fought},
	"conflict": {rel: kg.Fought},
}

// betweenParties returns the parties named after "between" at k: its
// conjuncts, or, when the parser hung the second party elsewhere
// ("fighting between X and Y killed dozens" read as "Y killed"), the word
// right after the "and" that follows k.
func (t *tree) betweenParties(k int) []int {
	ws := t.conjuncts(k)
	if len(ws) > 1 || k+2 >= len(t.n) || t.n[k+1].low != "and" {
		return ws
	}
	j := k + 2
	if t.n[j].upos == "DET" && j+1 < len(t.n) {
		j++
	}
	if u := t.n[j].upos; u == "PROPN" || u == "NOUN" {
		ws = append(ws, j)
	}
	return ws
}

// ofNoun relates the one noun i describes (in apposition or as a
// copula's subject) to the one after its "of": "X, a critic of Y".
func (d *doc) ofNoun(si int, t *tree, refs []ref, i int, rel kg.RelationType, ok func(int) bool) {
	for _, o := range t.ownerOf(i, "of") {
		if t.n[o].deprel == "nmod:poss" {
			continue
		}
		ro, found := d.refOfNode(t, refs, o)
		if !found || ro.adj || ok != nil && !ok(ro.ent) {
			continue
		}
		var xs []ref
		for _, x := range t.personOf(i) {
			if rx, found := d.refOfNode(t, refs, x); found {
				xs = append(xs, rx)
			}
		}
		if len(xs) == 0 {
			// "X, the capital of Y" hung elsewhere: the description
			// set off after X stands for it.
			if rx, found := d.refOfNode(t, refs, i); found && !rx.pron {
				xs = append(xs, rx)
			}
		}
		for _, rx := range xs {
			if !rx.adj && rx.ent != ro.ent && (ok == nil || ok(rx.ent)) {
				d.addRel(rel, rx.ent, ro.ent, nil, si, confNoun)
			}
		}
	}
}

// ownerNames replaces each owner word that names nothing by the name it
// leads to: the antecedent of "whose" ("Y, whose chairman, X"), or an
// organization one phrase further down, past the field of an "of" ("a
// professor of political science at Y", "a member of parliament from
// Y"), or the place a place noun is ("the mayor of the town of X").
func (d *doc) ownerNames(t *tree, refs []ref, owners []int) []int {
	out := owners[:0:0]
	under := func(o int, c string, typ kg.EntityType) (found bool) {
		for _, k := range t.kidsOf(o, "nmod") {
			if t.caseOf(k) != c {
				continue
			}
			for _, x := range t.conjuncts(k) {
				_, named := refAt(refs, t.n[x].tok)
				_, isOrg := orgNouns[t.n[x].low]
				if !named && isOrg {
					// "from the National Dawn party": the name before
					// the noun that the parser took for the head.
					if c := t.kid(x, "compound"); c >= 0 && c < x {
						x = c
					}
				}
				if r, ok := d.refOfNode(t, refs, x); ok && d.ents[r.ent].typ == typ {
					out = append(out, x)
					found = true
				}
			}
		}
		return found
	}
	for _, o := range owners {
		of := t.n[o].upos == "NOUN" && t.caseOf(o) == "of"
		if of && placeNouns[t.n[o].lemma] != "" && under(o, "of", kg.Location) {
			continue // "the mayor of the coastal town of X"
		}
		if _, ok := d.refOfNode(t, refs, o); ok {
			out = append(out, o)
			continue
		}
		if c := t.namedCompound(o); c >= 0 {
			if r, ok := d.refOfNode(t, refs, c); ok && !r.adj && !r.pron {
				out = append(out, c) // "commander of the X state police"
				continue
			}
		}
		if t.n[o].low == "whose" {
			a := t.antecedent(o)
			if a < 0 {
				continue
			}
			if _, ok := d.refOfNode(t, refs, a); !ok {
				// "Y's health ministry, whose minister, X": the
				// ministry is not named; the state that owns it is.
				if p := t.kid(a, "nmod:poss"); p >= 0 {
					a = p
				}
			}
			out = append(out, a)
			continue
		}
		if of {
			for _, c := range []string{"at", "with", "from"} {
				under(o, c, kg.Organization)
			}
		}
	}
	return out
}

// namedCompound returns the name in a compound before the head noun i of
// a body or its part ("the X state police", "the X sales office"): the
// body the noun stands for; or -1.
func (t *tree) namedCompound(i int) int {
	n := t.n[i]
	if _, ok := orgNouns[n.lemma]; n.upos != "NOUN" || !ok && !officeNouns[n.lemma] {
		return -1
	}
	for _, k := range n.kids {
		if k < i && t.n[k].deprel == "compound" && t.isName(k) {
			return k
		}
	}
	return -1
}

// antecedent returns the name a relative "whose" at w refers to: the
// name right before it ("Y, whose"), or the name a description right
// before it is set off after ("Y, the country's largest union, whose"),
// or -1.
func (t *tree) antecedent(w int) int {
	j := w - 1
	if j >= 0 && t.n[j].low == "," {
		j--
	}
	if j >= 0 && t.n[j].low == ")" {
		// "Y (ABC), whose": past the acronym.
		o := j - 1
		for o >= 0 && j-o <= 6 && t.n[o].low != "(" {
			o--
		}
		if o >= 0 && t.n[o].low == "(" {
			j = o - 1
		}
	}
	if j < 0 {
		return -1
	}
	if t.n[j].upos == "PROPN" && t.n[j].tok >= 0 {
		return j
	}
	// Climb from the last word to the head of its phrase, and past the
	// phrases of a description ("X, a businessman from the islands
	// whose").
	h := j
	for h >= 0 && t.n[h].head > h && t.n[h].head < w {
		h = t.n[h].head
	}
	for t.n[h].deprel == "nmod" && t.n[h].head >= 0 && t.n[h].head < h && t.n[t.n[h].head].upos == "NOUN" {
		h = t.n[h].head
	}
	if t.n[h].upos == "NOUN" {
		if ns := t.namesBefore(h); len(ns) > 0 {
			return ns[0]
		}
	}
	return -1
}

// namesBefore returns the name set off by a comma right before the noun
// phrase of i ("X, the chief executive of Y"; "X, 41, the director";
// "X (XYZ), an agency of Y"), whatever the parser hung the phrase on,
// with the names listed with it when i is plural ("A and B, lawyers with
// Y"); or nil.
func (t *tree) namesBefore(i int) []int {
	j := i - 1
	for j >= 0 && t.n[j].low != "," && t.under(j, i) {
		j--
	}
	if j < 1 || t.n[j].low != "," {
		return nil
	}
	k := j - 1
	if t.n[k].upos == "NUM" && k >= 2 && t.n[k-1].low == "," {
		k -= 2 // an age: "X, 41, the director"
	}
	if t.n[k].low == ")" {
		// "X (XYZ), an agency of Y": past the parenthesis.
		o := k - 1
		for o >= 0 && k-o <= 6 && t.n[o].low != "(" {
			o--
		}
		if o < 1 || t.n[o].low != "(" {
			return nil
		}
		k = o - 1
	}
	if t.n[k].upos != "PROPN" || t.n[k].tok < 0 {
		return nil
	}
	// The last of a list: "A and B, lawyers with Y" describes both.
	h := k
	for t.n[h].deprel == "conj" && t.n[h].head >= 0 && t.n[h].head < h && t.n[t.n[h].head].upos == "PROPN" {
		h = t.n[h].head
	}
	if h != k && t.kid(k, "cc") >= 0 && t.n[i].xpos == "NNS" {
		return t.conjuncts(h)
	}
	return []int{k}
}

// partNouns make the organization they describe a part of the one that
// owns them: "X, the private-sector arm of Y", "X, the European Union's
// police agency", "X, part of Y".
var partNouns = map[string]bool{"arm": true, "agency": true, "branch": true, "division": true, "subsidiary": true,
	"unit": true, "wing": true, "affiliate": true, "part": true, "offshoot": true, "department": true}

// partOf reads PART_OF from part noun i: the organization it describes (in
// apposition, set off before it, or the subject of its copula) is part of
// its possessor or the organization after its "of".
func (d *doc) partOf(si int, t *tree, refs []ref, i int) {
	var wholes []ref
	for _, o := range t.ownerOf(i, "of") {
		if r, ok := d.refOfNode(t, refs, o); ok && !r.pron && !r.adj && d.ents[r.ent].typ == kg.Organization {
			wholes = append(wholes, r)
		}
	}
	if len(wholes) == 0 {
		return
	}
	var parts []int
	if a := t.kid(i, "appos"); a >= 0 && t.n[a].upos == "PROPN" {
		parts = append(parts, a) // "its logistics arm, X"
	}
	if h := t.n[i].head; t.n[i].deprel == "appos" && h >= 0 && h < i && t.adjacentAppos(h, i) {
		parts = append(parts, h)
	}
	if t.kid(i, "cop") >= 0 {
		if s := t.kid(i, "nsubj"); s >= 0 {
			parts = append(parts, s)
		}
	}
	if len(parts) == 0 {
		parts = t.namesBefore(i)
	}
	for _, p := range parts {
		rp, ok := d.refOfNode(t, refs, p)
		if !ok || rp.pron || rp.adj || d.ents[rp.ent].typ != kg.Organization {
			continue
		}
		for _, w := range wholes {
			d.addRel(kg.PartOf, rp.ent, w.ent, nil, si, confNoun)
		}
	}
}

// coordOwners corrects the owners of role noun i for coordination, where
// the parser hangs the last noun's "of" phrase on the first: in "an
// economist and former governor of Y", Y is the governor's, not the
// economist's.
func (t *tree) coordOwners(i int, owners []int) []int {
	last := -1
	for _, c := range t.kidsOf(i, "conj") {
		last = max(last, c)
	}
	var out []int
	for _, o := range owners {
		if last < 0 || o < last || t.n[o].deprel == "nmod:poss" {
			out = append(out, o)
		}
	}
	if h := t.n[i].head; len(out) == 0 && t.n[i].deprel == "conj" && h >= 0 && h < i {
		for _, o := range t.ownerOf(h, "of", "at", "for", "with") {
			// "whose founder and chairman": a possessor before both
			// is each one's.
			if o > i || t.n[o].deprel == "nmod:poss" && o < h {
				out = append(out, o)
			}
		}
	}
	return out
}

// seatNouns are bodies one sits on: "sat on the board of Y", "serves on
// Y's council".
var seatNouns = map[string]bool{"board": true, "council": true, "committee": true, "commission": true, "panel": true}

// boardSeat reads MEMBER_OF from seat noun i after "on" of sit or serve:
// the subject sits on the body of the organization that owns it.
func (d *doc) boardSeat(si int, t *tree, refs []ref, i int) {
	n := t.n[i]
	h := n.head
	if n.deprel != "obl" || t.caseOf(i) != "on" || h < 0 || t.n[h].lemma != "sit" && t.n[h].lemma != "serve" || t.negated(h) {
		return
	}
	owners := t.ownerOf(i)
	if len(owners) == 0 {
		owners = t.ownerOf(i, "of")
	}
	s, _ := t.subjects(h, 0)
	if s < 0 {
		return
	}
	for _, o := range owners {
		ro, ok := d.refOfNode(t, refs, o)
		if !ok || ro.adj || d.ents[ro.ent].typ != kg.Organization {
			continue
		}
		for _, p := range t.conjuncts(s) {
			if rp, ok := d.refOfNode(t, refs, p); ok && d.ents[rp.ent].typ == kg.Person {
				d.addRel(kg.MemberOf, rp.ent, ro.ent, nil, si, confNoun)
			}
		}
	}
}

// partyOf reads MEMBER_OF from a party noun i and OWNS from a company
// noun i owned by a person and naming the body: "X's party, Y", "his
// movement, Y", "X's company, Y", "X, whose firm Y".
func (d *doc) partyOf(si int, t *tree, refs []ref, i int, kind string) {
	p := t.kid(i, "nmod:poss")
	if p < 0 {
		return
	}
	rp, ok := d.possessorRef(t, refs, p)
	if !ok || d.ents[rp.ent].typ != kg.Person {
		return
	}
	a := t.kid(i, "appos")
	if a < 0 || t.n[a].upos != "PROPN" {
		a = t.setOffName(i)
	}
	if h := t.n[i].head; a < 0 && h > i && t.n[h].upos == "PROPN" && (t.n[i].deprel == "compound" || t.n[i].deprel == "nmod:desc") {
		a = h // "whose firm Y": the noun read as the name's modifier
	}
	if a < 0 {
		return
	}
	ro, ok := d.refOfNode(t, refs, a)
	if !ok || ro.pron || d.ents[ro.ent].typ != kg.Organization {
		return
	}
	if kind == "company" {
		d.addRel(kg.Owns, rp.ent, ro.ent, nil, si, confNoun)
		return
	}
	d.addRel(kg.MemberOf, rp.ent, ro.ent, nil, si, confNoun)
}

// companyOf reads PART_OF from a company noun i: "its parent company,
// Y" and "X, whose parent company is Y" make the possessor part of Y; "X,
// a Y company" makes X part of Y.
func (d *doc) companyOf(si int, t *tree, refs []ref, i int) {
	n := t.n[i]
	parent := false
	var named []int
	for _, k := range n.kids {
		if c := t.n[k]; (c.deprel == "compound" || c.deprel == "amod") && k < i {
			if c.lemma == "parent" {
				parent = true
			} else if c.upos == "PROPN" {
				named = append(named, k)
			}
		}
	}
	var wholes []int
	switch {
	case parent:
		p := t.kid(i, "nmod:poss")
		if p < 0 {
			return
		}
		r, ok := d.possessorRef(t, refs, p)
		if !ok || r.adj || d.ents[r.ent].typ != kg.Organization {
			return
		}
		if a := t.kid(i, "appos"); a >= 0 && t.n[a].upos == "PROPN" {
			wholes = append(wholes, a)
		} else if a := t.setOffName(i); a >= 0 {
			wholes = append(wholes, a)
		} else if h := n.head; strings.HasPrefix(n.deprel, "nsubj") && h >= 0 && t.n[h].upos == "PROPN" && t.kid(h, "cop") >= 0 {
			wholes = append(wholes, h)
		}
		for _, w := range wholes {
			if rw, ok := d.refOfNode(t, refs, w); ok && !rw.pron && d.ents[rw.ent].typ == kg.Organization {
				d.addRel(kg.PartOf, r.ent, rw.ent, nil, si, confNoun)
			}
		}
	case len(named) == 1:
		described := t.personOf(i)
		if len(described) == 0 {
			described = t.namesBefore(i)
		}
		rw, ok := d.refOfNode(t, refs, named[0])
		if !ok || rw.adj || rw.pron || d.ents[rw.ent].typ != kg.Organization {
			return
		}
		for _, x := range described {
			if rx, ok := d.refOfNode(t, refs, x); ok && !rx.pron && !rx.adj && d.ents[rx.ent].typ == kg.Organization {
				d.addRel(kg.PartOf, rx.ent, rw.ent, nil, si, confNoun)
			}
		}
	}
}

// yearsAt reads WORKS_FOR from a span of years i spent at a body: "after
// 14 years at Y", "spent a decade at Y", said of the verb's subject.
func (d *doc) yearsAt(si int, t *tree, refs []ref, i int) {
	n := t.n[i]
	h := n.head
	if h < 0 || t.n[h].upos != "VERB" || t.negated(h) {
		return
	}
	bodies := t.ownerOf(i, "at", "with")
	for _, b := range t.obliques(h, "at") {
		// "spent a decade at Y"; "after 14 years at Y" with "at Y"
		// hung on the verb right after the years.
		if t.n[h].lemma == "spend" && n.deprel == "obj" || t.kid(b, "case") == i+1 {
			bodies = append(bodies, b)
		}
	}
	if len(bodies) == 0 {
		return
	}
	s := t.actor(h, 0)
	if s < 0 {
		return
	}
	for _, p := range t.conjuncts(s) {
		rp, ok := d.refOfNode(t, refs, p)
		if !ok || d.ents[rp.ent].typ != kg.Person {
			continue
		}
		for _, b := range bodies {
			if rb, ok := d.refOfNode(t, refs, b); ok && !rb.adj && !rb.pron && d.ents[rb.ent].typ == kg.Organization {
				d.addRel(kg.WorksFor, rp.ent, rb.ent, nil, si, confNoun)
			}
		}
	}
}

// ownVerbs hold a body as its owner.
var ownVerbs = map[string]bool{"own": true, "control": true, "majority-own": true}

// familyOwns reads OWNS for the person whose family owns a body: "X's
// family owns Y", "Y is owned by the family of X", "X, whose family
// controls Y".
func (d *doc) familyOwns(si int, t *tree, refs []ref, i int) {
	n := t.n[i]
	h := n.head
	if h < 0 || !ownVerbs[t.n[h].lemma] || t.negated(h) {
		return
	}
	var owned []int
	switch {
	case n.deprel == "nsubj":
		if o := t.kid(h, "obj"); o >= 0 {
			owned = t.conjuncts(o)
		}
	case n.deprel == "obl:agent" || n.deprel == "obl" && t.caseOf(i) == "by":
		if _, ps := t.subjects(h, 0); ps >= 0 {
			owned = t.conjuncts(ps)
		}
	}
	var owners []ref
	for _, o := range t.ownerOf(i, "of") {
		if r, ok := d.possessorRef(t, refs, o); ok && d.ents[r.ent].typ == kg.Person {
			owners = append(owners, r)
		}
	}
	for _, k := range t.kidsOf(i, "compound") {
		if r, ok := d.refOfNode(t, refs, k); ok && k < i && !r.pron && d.ents[r.ent].typ == kg.Person {
			owners = append(owners, r) // "the Halas family"
		}
	}
	for _, o := range owned {
		ro, ok := d.refOfNode(t, refs, o)
		if !ok || ro.adj || ro.pron || d.ents[ro.ent].typ != kg.Organization {
			continue
		}
		for _, r := range owners {
			d.addRel(kg.Owns, r.ent, ro.ent, map[string]string{"how": "family"}, si, confNoun)
		}
	}
}

// married reads FAMILY_OF from "X is married to Y" and "X married Y" at
// the verb or adjective i.
func (d *doc) married(si int, t *tree, refs []ref, i int) {
	if t.negated(i) {
		return
	}
	s := t.actor(i, 0)
	if s < 0 {
		return
	}
	spouses := t.obliques(i, "to")
	if o := t.kid(i, "obj"); o >= 0 {
		spouses = append(spouses, t.conjuncts(o)...)
	}
	for _, a := range t.conjuncts(s) {
		ra, ok := d.refOfNode(t, refs, a)
		if !ok || d.ents[ra.ent].typ != kg.Person {
			continue
		}
		for _, b := range spouses {
			if rb, ok := d.refOfNode(t, refs, b); ok && d.ents[rb.ent].typ == kg.Person {
				d.addRel(kg.FamilyOf, ra.ent, rb.ent, map[string]string{"relation": "spouse"}, si, confVerb)
			}
		}
	}
}

// officeHolder reads the holder of an office named for its head: "the
// Data Protection Ombudsman, X", "the Election Commissioner, X", "the
// Director of Public Prosecutions, X" lead the office that is named i.
func (d *doc) officeHolder(si int, t *tree, refs []ref, i int) {
	ro, ok := d.refOfNode(t, refs, i)
	if !ok || ro.pron || ro.adj || d.ents[ro.ent].typ != kg.Organization {
		return
	}
	w := d.ents[ro.ent].words
	title := ""
	switch {
	case len(w) >= 2 && roleNouns[w[len(w)-1]] == roleLeads:
		title = w[len(w)-1]
	case len(w) >= 3 && roleNouns[w[0]] == roleLeads && w[1] == "of":
		title = w[0]
	default:
		return
	}
	a := t.kid(i, "appos")
	if a < 0 && i+2 < len(t.n) && t.n[i+1].low == "," && t.n[i+2].upos == "PROPN" && t.kid(i+2, "cc") < 0 {
		a = i + 2
	}
	if a < 0 || t.n[a].upos != "PROPN" {
		return
	}
	if rp, ok := d.refOfNode(t, refs, a); ok && !rp.pron && d.ents[rp.ent].typ == kg.Person {
		d.emitRole(rp.ent, rolePhrase{title: title, status: "current", target: ro.ent, kind: roleLeads}, si, confApposition)
	}
}

// personOfBody reads the affiliation of a name followed by "of" and an
// organization: "X, of the Y Party," is a member of the party; "judge X of
// the Y Court" works for the court.
func (d *doc) personOfBody(si int, t *tree, refs []ref, i int) {
	rp, ok := d.refOfNode(t, refs, i)
	if !ok || rp.pron || rp.adj || d.ents[rp.ent].typ != kg.Person {
		return
	}
	for _, k := range t.kidsOf(i, "nmod") {
		if k < i || t.caseOf(k) != "of" {
			continue
		}
		ro, ok := d.refOfNode(t, refs, k)
		if !ok || ro.pron || ro.adj || d.ents[ro.ent].typ != kg.Organization {
			continue
		}
		if w := d.ents[ro.ent].words; d.ents[ro.ent].sub == "party" || len(w) > 0 && partyHeads[w[len(w)-1]] {
			d.addRel(kg.MemberOf, rp.ent, ro.ent, nil, si, confNoun)
			continue
		}
		d.addRel(kg.WorksFor, rp.ent, ro.ent, nil, si, confNoun)
	}
}

// possessedParty reads MEMBER_OF from a party's name i owned by a person:
// "X's Civic Renewal Movement", "her Green Future Party".
func (d *doc) possessedParty(si int, t *tree, refs []ref, i int) {
	p := t.kid(i, "nmod:poss")
	if p < 0 && i >= 2 && t.n[i-1].lemma == "'s" && t.n[i-1].head == i-2 && t.n[i-2].upos == "PROPN" {
		p = i - 2 // "X's Y" read as one name
	}
	if w := t.n[max(i-1, 0)].low; p < 0 && i >= 1 && (w == "his" || w == "her" || w == "their") {
		p = i - 1 // "said her Y had lost": "her" read as an object
	}
	if p < 0 {
		return
	}
	ro, ok := d.refOfNode(t, refs, i)
	if !ok || ro.pron || ro.adj || d.ents[ro.ent].typ != kg.Organization || d.ents[ro.ent].sub != "party" {
		return
	}
	if rp, ok := d.refOfNode(t, refs, p); ok && d.ents[rp.ent].typ == kg.Person {
		d.addRel(kg.MemberOf, rp.ent, ro.ent, nil, si, confNoun)
	}
}

// possessorRef returns the entity that possessor word p stands for: a
// name or pronoun, or for "whose" the name the clause describes.
func (d *doc) possessorRef(t *tree, refs []ref, p int) (ref, bool) {
	if r, ok := d.refOfNode(t, refs, p); ok {
		return r, true
	}
	if t.n[p].low == "whose" {
		if a := t.antecedent(p); a >= 0 {
			return d.refOfNode(t, refs, a)
		}
	}
	if n := t.n[p]; n.upos == "NOUN" && n.xpos == "NN" && roleNouns[n.lemma] > roleOther && roleNouns[n.lemma] != roleMember &&
		t.kid(p, "det") >= 0 && len(t.ownerOf(p, "of")) == 0 {
		// "the chairman's only daughter": the one person known to hold
		// the role.
		if e := d.holder(n.lemma, -1); e >= 0 {
			return ref{ent: e, ts: n.tok, te: n.tok + 1, pron: true, desc: true}, true
		}
	}
	return ref{}, false
}

// stakeNouns are shares of an owner in a body, with the preposition that
// names the body: "a 20 percent stake in Y", "holds 8 percent of Y".
var stakeNouns = map[string]string{"stake": "in", "shareholding": "in", "percent": "of", "%": "of", "share": "in", "majority": "in"}

// holdVerbs keep or take a stake: their subject owns what the stake is
// in. Selling or cutting one says nothing of what is left.
var holdVerbs = map[string]bool{"hold": true, "own": true, "have": true, "buy": true, "acquire": true, "build": true,
	"take": true, "control": true, "keep": true, "retain": true, "raise": true, "increase": true, "amass": true, "purchase": true}

// stake reads OWNS from stake noun i: its owner is its possessor ("X's
// stake in Y") or the subject of the verb that holds it ("X holds a stake
// in Y", "Y, in which X holds a stake"); the body is after its
// preposition.
func (d *doc) stake(si int, t *tree, refs []ref, i int) {
	n := t.n[i]
	prep := stakeNouns[n.lemma]
	var bodies, owners []int
	for _, k := range t.kidsOf(i, "nmod") {
		if t.caseOf(k) == prep {
			bodies = append(bodies, t.conjuncts(k)...)
		}
	}
	if p := t.kid(i, "nmod:poss"); p >= 0 {
		owners = append(owners, p)
	}
	h := n.head
	if h >= 0 && n.deprel == "obj" && (!holdVerbs[t.n[h].lemma] || t.negated(h)) {
		return // "sold its stake in Y", "did not buy a stake"
	}
	if h >= 0 && n.deprel == "obj" {
		if len(owners) == 0 {
			if s, _ := t.subjects(h, 0); s >= 0 {
				owners = t.conjuncts(s)
			}
		}
		for _, o := range t.obliques(h, prep) {
			if t.n[o].low == "which" {
				// "Y, in which X holds a stake".
				if a := t.n[h].head; t.n[h].deprel == "acl:relcl" && a >= 0 {
					bodies = append(bodies, a)
				}
			} else {
				bodies = append(bodies, o) // the parser hung "in Y" on the verb
			}
		}
	} else if n.lemma == "percent" || n.lemma == "%" || n.lemma == "majority" || n.lemma == "share" {
		return // a share of something else: "50 percent of the vote"
	}
	d.ownsBodies(si, t, refs, owners, bodies, true, map[string]string{"how": "stake"})
}

// foundVerbs set up a body: their subjects own the venture they form.
var foundVerbs = map[string]bool{"form": true, "create": true, "launch": true, "establish": true, "set": true, "found": true}

// venture reads OWNS from a joint venture or a shareholder noun i: the
// parties named after "between" or "of" own the venture it describes
// ("Y is a joint venture between A and B", "Y, a joint venture of A and
// B"), and the one a shareholder noun describes owns the body after "in"
// or "of" ("X, the largest shareholder in Y").
func (d *doc) venture(si int, t *tree, refs []ref, i int) {
	var owners, bodies []int
	described := t.personOf(i)
	if len(described) == 0 {
		described = t.namesBefore(i)
	}
	if t.n[i].lemma == "shareholder" {
		owners, bodies = described, t.ownerOf(i, "in", "of")
	} else {
		bodies = described
		for _, k := range t.kidsOf(i, "nmod") {
			if c := t.caseOf(k); c == "between" {
				owners = append(owners, t.betweenParties(k)...)
			} else if c == "of" {
				owners = append(owners, t.conjuncts(k)...)
			}
		}
		if h := t.n[i].head; len(owners) == 0 && t.n[i].deprel == "obj" && foundVerbs[t.n[h].lemma] && !t.negated(h) {
			// "A and B formed a joint venture, Y".
			if s, _ := t.subjects(h, 0); s >= 0 {
				owners = t.conjuncts(s)
			}
		}
	}
	d.ownsBodies(si, t, refs, owners, bodies, false, nil)
}

// ownsBodies reads OWNS from each owner word (a pronoun only when
// pronOwners: "its stake in Y") to each organization among the body words.
// A place owns nothing (see allowed).
func (d *doc) ownsBodies(si int, t *tree, refs []ref, owners, bodies []int, pronOwners bool, props map[string]string) {
	for _, o := range owners {
		ro, ok := d.refOfNode(t, refs, o)
		if !ok || ro.adj || ro.pron && !pronOwners {
			continue
		}
		for _, b := range bodies {
			if rb, ok := d.refOfNode(t, refs, b); ok && !rb.adj && !rb.pron && d.ents[rb.ent].typ == kg.Organization {
				d.addRel(kg.Owns, ro.ent, rb.ent, props, si, confNoun)
			}
		}
	}
}

// asRoleBody returns the organization a role after "as" at verb h is
// held in when the role names none: the one hiring ("Y hired X as chief
// operating officer", "X was hired by Y as"), or the one joined or served
// ("X joined Y as chief financial officer", "X returned to Y as").
func (d *doc) asRoleBody(t *tree, refs []ref, h int) []int {
	var ws []int
	if roleVerbs[t.n[h].lemma] {
		if s, ps := t.subjects(h, 0); ps < 0 && s >= 0 {
			ws = append(ws, s)
		}
		ws = append(ws, t.kidsOf(h, "obl:agent")...)
		ws = append(ws, t.obliques(h, "by")...)
	} else {
		ws = append(ws, t.kidsOf(h, "obj")...)
		for _, p := range []string{"at", "for", "with", "to"} {
			ws = append(ws, t.obliques(h, p)...)
		}
	}
	var out []int
	for _, w := range ws {
		if r, ok := d.refOfNode(t, refs, w); ok && !r.pron && !r.adj && d.ents[r.ent].typ == kg.Organization {
			out = append(out, w)
		}
	}
	return out
}

// roleVerbs give a person a role named as their complement: "was
// elected chairwoman", "named him minister".
var roleVerbs = map[string]bool{"elect": true, "appoint": true, "name": true, "make": true, "swear": true, "nominate": true, "choose": true,
	"hire": true, "employ": true, "recruit": true, "promote": true, "install": true, "tap": true, "pick": true, "select": true,
	"designate": true, "reappoint": true, "re-elect": true}

// leadCue returns the cue of a lead verb, one that puts its subject at
// the head of its object: gramCues' LEADS and COMMANDS rows ("head",
// "chair", "preside over", "command"), but for "found": ledBody reads
// who leads a body, not who founded it.
func leadCue(lemma string) (gramCue, bool) {
	if lemma == "found" {
		return gramCue{}, false
	}
	for _, c := range gramCues[lemma] {
		if c.cue.rel == kg.Leads || c.cue.rel == kg.Commands {
			return c, true
		}
	}
	return gramCue{}, false
}

// ledBody reads LEADS or COMMANDS at lead verb p where the verb's own
// arguments name no one: the person a description names ("a lawyer in X
// who heads Y", "Y, a militia that is commanded by a former officer, X"),
// the body a description names ("a hedge fund run by X", "chairs the
// board of Y", "heads the environmental group Y").
func (d *doc) ledBody(si int, t *tree, refs []ref, p int, cue gramCue) {
	if t.negated(p) || t.hedged(p) {
		return
	}
	rel := cue.cue.rel
	var leaders, bodies []int
	s, ps := t.subjects(p, 0)
	if ag := t.kid(p, "obl:agent"); ag >= 0 || ps >= 0 || t.n[p].deprel == "acl" && t.n[p].xpos == "VBN" {
		// "Y is run by X", "a fund run by X".
		if ag < 0 {
			for _, k := range t.obliques(p, "by") {
				ag = k
			}
		}
		if ag < 0 {
			return
		}
		leaders = t.conjuncts(ag)
		if ps >= 0 {
			bodies = []int{ps}
		} else if h := t.n[p].head; t.n[p].deprel == "acl" && h >= 0 {
			bodies = []int{h}
		} else if t.n[p].deprel == "conj" && h >= 0 && t.n[h].upos == "NOUN" && t.n[p].xpos == "VBN" && t.kid(h, "acl") >= 0 {
			// "a trading house founded by X and now run by his son":
			// the parser hangs the second participle on the noun.
			bodies = []int{h}
		}
	} else {
		if s < 0 {
			return
		}
		leaders = t.conjuncts(s)
		for _, o := range t.kidsOf(p, "obj") {
			bodies = append(bodies, t.conjuncts(o)...)
		}
		if cue.prep != "" {
			bodies = t.obliques(p, cue.prep) // "presides over Y"
		}
	}
	var ls, bs []int
	for _, l := range leaders {
		ls = append(ls, d.describedRefs(t, refs, l, kg.Person)...)
	}
	for _, b := range bodies {
		if n := t.n[b]; n.upos == "NOUN" && seatNouns[n.lemma] {
			// "chairs the board of Y": Y's board.
			for _, o := range t.ownerOf(b, "of") {
				bs = append(bs, d.describedRefs(t, refs, o, kg.Organization)...)
			}
			continue
		}
		bs = append(bs, d.describedRefs(t, refs, b, kg.Organization)...)
	}
	for _, l := range ls {
		for _, b := range bs {
			d.addRel(rel, l, b, nil, si, confVerb)
		}
	}
}

// describedRefs returns the entity of type typ that word i names: a name,
// or for a description the name it is set off with ("X, a lawyer in Z",
// "the company Y", "Y, a militia").
func (d *doc) describedRefs(t *tree, refs []ref, i int, typ kg.EntityType) []int {
	if t.n[i].upos == "NOUN" {
		// "X and Y, a militia that": the name right before the
		// description, wherever the parser hung it.
		for _, w := range t.namesBefore(i) {
			if r, ok := d.refOfNode(t, refs, w); ok && !r.pron && !r.adj && d.ents[r.ent].typ == typ {
				return []int{r.ent}
			}
		}
	}
	if r, ok := d.refOfNode(t, refs, i); ok && !r.adj && d.ents[r.ent].typ == typ {
		if r.pron && typ == kg.Organization {
			return nil // a body named by description is the general rules' to resolve
		}
		return []int{r.ent}
	}
	n := t.n[i]
	if n.upos != "NOUN" {
		return nil
	}
	var ws []int
	if typ == kg.Person {
		ws = t.personOf(i)
	}
	if len(ws) == 0 {
		ws = t.namesBefore(i)
	}
	if _, org := orgNouns[n.lemma]; org && typ == kg.Organization && len(ws) == 0 && i+1 < len(t.n) && t.n[i+1].upos == "PROPN" &&
		(t.n[i+1].head == i || t.n[i+1].head == n.head && t.n[i+1].deprel == n.deprel) {
		ws = []int{i + 1} // "the environmental group Y"
	}
	var out []int
	for _, w := range ws {
		if r, ok := d.refOfNode(t, refs, w); ok && !r.pron && !r.adj && d.ents[r.ent].typ == typ {
			out = append(out, r.ent)
		}
	}
	return out
}

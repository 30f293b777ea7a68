package extract

import (
	"strings"

	"github.com/newsgraph/newsgraph/kg"
)

// verbCue is what a cue word says: the relation and the event it implies.
type verbCue struct {
	rel   kg.RelationType
	event string
}

// gramCue is what a cue lemma says and how its object is marked.
type gramCue struct {
	cue  verbCue
	prep string // the preposition of the object ("met with X"), "" for a direct object
}

// gramCues maps verb lemmas to the ontology's relations.
var gramCues = map[string][]gramCue{}

func init() {
	add := func(rel kg.RelationType, event, prep string, lemmas ...string) {
		for _, l := range lemmas {
			gramCues[l] = append(gramCues[l], gramCue{verbCue{rel: rel, event: event}, prep})
		}
	}
	add(kg.Detained, "Detention", "", "detain", "arrest", "jail", "imprison", "abduct", "kidnap", "remand",
		"apprehend", "incarcerate", "intern")
	add(kg.Detained, "Capture", "", "capture", "seize")
	// "held him for nine weeks", "sentenced her to five years in prison":
	// only a person held (see allowed) and a sentence to something.
	add(kg.Detained, "Detention", "", "hold", "sentence")
	add(kg.Attacked, "Attack", "", "attack", "ambush", "strike", "bomb", "shell", "raid", "storm", "assault",
		"invade", "bombard", "besiege", "overrun", "hack")
	add(kg.Killed, "Killing", "", "kill", "execute", "assassinate", "murder", "slay", "behead", "lynch", "massacre", "strangle")
	// "shot X", "fired rockets at Y"; "shot dead" kills (see killedBy).
	add(kg.Attacked, "Attack", "", "shoot")
	add(kg.Attacked, "Attack", "at", "shoot", "fire")
	add(kg.Fought, "War", "", "fight", "battle")
	add(kg.Fought, "War", "with", "clash")
	add(kg.Fought, "War", "", "clash") // "X and Y clashed"
	add(kg.Fought, "War", "against", "fight", "battle")
	add(kg.MetWith, "Meeting", "", "meet", "visit", "host")
	add(kg.MetWith, "Meeting", "with", "meet", "talk", "speak", "negotiate", "confer")
	add(kg.Supports, "", "", "back", "finance", "fund", "arm", "train", "equip", "support", "bolster", "sponsor", "endorse",
		"bankroll", "subsidize", "subsidise", "underwrite", "champion")
	add(kg.Supports, "", "to", "lend")
	add(kg.Supports, "", "", "defend", "supply")
	add(kg.AlliedWith, "", "with", "affiliate", "ally")
	add(kg.Opposes, "", "", "accuse", "oppose", "criticize", "criticise", "condemn", "denounce", "confront", "blame", "sue", "sanction", "challenge",
		"reject", "veto", "block", "resist", "oust", "unseat", "impeach", "topple", "overthrow", "depose",
		"slam", "lambast", "lambaste", "decry", "deplore", "censure", "rebuke", "boycott", "repudiate", "castigate", "assail")
	// "campaigned against Y", "voted against Y"; "campaigned for Y".
	add(kg.Opposes, "", "against", "campaign", "protest", "rally", "lobby", "vote", "testify", "petition", "agitate", "speak", "side")
	add(kg.Supports, "", "for", "campaign", "vote")
	add(kg.Supports, "", "with", "side")
	add(kg.Supports, "", "in", "invest")
	add(kg.Supports, "", "", "help", "assist", "protect", "shelter")
	add(kg.MemberOf, "", "to", "belong")
	add(kg.MemberOf, "", "", "join")
	add(kg.Appointed, "Appointment", "", "appoint", "nominate", "name", "designate", "assign", "hire", "recruit",
		"reappoint", "reinstate", "promote", "install")
	add(kg.Owns, "", "", "own", "acquire", "buy", "purchase", "control")
	// "tapped X to lead Y", "chose X as his deputy": only with the post
	// (see choiceVerbs).
	add(kg.Appointed, "Appointment", "", "tap", "pick", "choose", "select")
	add(kg.AlliedWith, "", "alongside", "fight", "battle")
	add(kg.Leads, "", "", "head", "lead", "chair", "found", "run", "manage")
	add(kg.Leads, "", "over", "preside")
	add(kg.Commands, "", "", "command")
	add(kg.WorksFor, "", "for", "work", "serve")
	add(kg.WorksFor, "", "in", "serve")
	add(kg.WorksFor, "", "with", "serve")
	add(kg.WorksFor, "", "at", "work")
	add(kg.WorksFor, "", "", "advise", "represent")
	add(kg.AlliedWith, "", "with", "cooperate", "ally", "partner", "align", "collaborate")
}

// cueIrregular are the irregular forms of cue lemmas.
var cueIrregular = map[string]string{"led": "lead", "fought": "fight", "met": "meet", "struck": "strike",
	"ran": "run", "held": "hold", "spoke": "speak", "sued": "sue", "lent": "lend", "shot": "shoot", "bought": "buy",
	"slain": "slay", "slew": "slay", "overran": "overrun"}

// cueLemma returns the cue lemma (a key of gramCues) that word form w
// inflects, or "": it tells a cue verb in running text where no parse is
// at hand (a name after "arrested" is a person's, "is" after a name ends a
// role phrase). "found" is left out: it is far more often "find".
func cueLemma(w string) string {
	if l, ok := cueIrregular[w]; ok {
		return l
	}
	if w == "found" {
		return ""
	}
	is := func(l string) bool { return len(l) > 1 && len(gramCues[l]) > 0 }
	if is(w) {
		return w
	}
	try := func(stem string) string {
		switch {
		case is(stem):
			return stem
		case is(stem + "e"):
			return stem + "e" // "named", "seizing"
		case len(stem) > 2 && stem[len(stem)-1] == stem[len(stem)-2] && is(stem[:len(stem)-1]):
			return stem[:len(stem)-1] // "kidnapped", "planning"
		}
		return ""
	}
	for _, suf := range []string{"ied", "ies"} {
		if b, ok := strings.CutSuffix(w, suf); ok && is(b+"y") {
			return b + "y" // "allied", "supplies"
		}
	}
	for _, suf := range []string{"ed", "ing", "es", "s"} {
		if b, ok := strings.CutSuffix(w, suf); ok {
			if l := try(b); l != "" {
				return l
			}
		}
	}
	return ""
}

// fundingVerbs make a SUPPORTS relation a Funding event too.
var fundingVerbs = map[string]bool{"fund": true, "finance": true}

var passiveAux = map[string]bool{"was": true, "were": true, "been": true, "being": true, "is": true, "are": true, "be": true, "got": true, "get": true}

// skippable words sit between a verb and its subject or object.
var adverbs = map[string]bool{
	"also": true, "once": true, "never": true, "still": true, "now": true, "then": true, "twice": true,
	"later": true, "previously": true, "reportedly": true, "allegedly": true, "repeatedly": true,
	"publicly": true, "directly": true, "ultimately": true, "recently": true, "first": true, "not": true,
	"often": true, "already": true, "briefly": true, "jointly": true, "secretly": true,
}

// subjectOf finds the entity acting as the subject of the verb at token v:
// the nearest reference before it, skipping appositions ("Mr. Ameri, the
// leader of …, led") and following relative pronouns to their antecedent.
func (d *doc) subjectOf(si int, refs []ref, v int) (ref, bool) {
	toks := d.sents[si].toks
	// "X suspended Y and appointed Z": a coordinated verb shares the
	// first verb's subject.
	av := v
	for av > 0 && (toks[av-1].low == "had" || toks[av-1].low == "has" || toks[av-1].low == "have" || passiveAux[toks[av-1].low] || adverbs[toks[av-1].low]) {
		av-- // "and had captured"
	}
	if av >= 2 && toks[av-1].low == "and" {
		v := av
		for j := v - 2; j >= 0 && j > v-14; j-- {
			t := toks[j]
			if t.text == "," || t.text == "." || t.text == ";" {
				break
			}
			if _, in := refAt(refs, j); in || t.cap || !t.word {
				continue
			}
			if cueLemma(t.low) != "" || strings.HasSuffix(t.low, "ed") && j > 0 && !isVerbish(toks[j-1].low) {
				if passive(toks, j) {
					return d.subjectOf(si, refs, auxStart(toks, j))
				}
				return d.subjectOf(si, refs, j)
			}
		}
	}
	for k := v - 1; k >= 0 && k >= v-16; k-- {
		t := toks[k]
		if rf, ok := refAt(refs, k); ok {
			if rf.adj && !d.forceAfter(toks, rf.te) {
				return ref{}, false
			}
			if p := rf.ts - 1; p > 0 && toks[p].low == "the" && rf.te != v {
				if placePreps[toks[p-1].low] && !rf.pron {
					k = p // "the Division of the Armed Forces has joined"
					continue
				}
			}
			if rf.ts > 0 && placePreps[toks[rf.ts-1].low] && !rf.pron {
				// "battles near the village of X and had captured": a
				// place in a prepositional phrase is not the subject.
				k = rf.ts
				continue
			}
			if rf.poss || (rf.te < len(toks) && toks[rf.te].low == "'s") {
				// "X's forces attacked": X acts through its forces; "his
				// men fought": the men, not him.
				if !rf.pron && rf.te+1 < len(toks) && toks[rf.te].low == "'s" && forceNouns[toks[rf.te+1].low] && rf.te+2 == v {
					return rf, true
				}
				return ref{}, false
			}
			return rf, true
		}
		if k > 0 && toks[k-1].low == "the" || k > 1 && toks[k-2].low == "the" && toks[k-1].word && !toks[k-1].cap {
			// "the alliance will be chaired by", "the prime minister named".
			if _, ok := orgNouns[t.low]; ok && !t.cap {
				if k+1 < len(toks) && toks[k+1].low == "'s" {
					return ref{}, false // "the party's main rival, X, backed": not the party
				}
				if e := d.lastOrgWithHead(t.low, si, t.start); e >= 0 {
					return ref{ent: e, ts: k, te: k + 1}, true
				}
			}
			if roleNouns[t.low] != roleNone && !t.cap {
				title := t.low
				if k > 0 && roleNouns[toks[k-1].low+" "+t.low] != roleNone {
					title = toks[k-1].low + " " + t.low
				}
				if p := d.roleHolder(title, si, t.start); p >= 0 {
					return ref{ent: p, ts: k, te: k + 1}, true
				}
			}
		}
		switch t.low {
		case "they", "we", "i", "you", "them", "us":
			return ref{}, false // another subject
		}
		if speechVerbs[t.low] && k+1 < len(toks) {
			if n := toks[k+1].low; n == "that" || n == "they" || n == "he" || n == "she" || n == "it" || n == "we" || n == "i" {
				return ref{}, false // "X said they had been detained": another clause
			}
			if _, ok := refAt(refs, k+1); ok {
				return ref{}, false
			}
		}
		if t.low == "it" && k > 0 && (speechVerbs[toks[k-1].low] || toks[k-1].low == "that" && k > 1 && speechVerbs[toks[k-2].low]) {
			// "the brigade said it had fought": the speaker.
			sv := k - 1
			if toks[sv].low == "that" {
				sv--
			}
			return d.subjectOf(si, refs, sv)
		}
		switch t.low {
		case "\u2014", "\u2013":
			return ref{}, false // a dateline or a break in the sentence
		case ")":
			// Skip a parenthesis: "The National Renewal Party (NRP), led by".
			for k > 0 && toks[k].text != "(" {
				k--
			}
			continue
		case ".", ";", ":", "\"", "(":
			return ref{}, false
		case "who", "that", "which", "whose":
			j := k - 1
			if j >= 0 && toks[j].text == "," {
				j--
			}
			if rf, ok := refAt(refs, j); ok && !rf.adj && (t.low != "who" || d.ents[rf.ent].typ == kg.Person) && (t.low != "whose" || toks[k-1].text == ",") {
				return rf, true
			}
			if j >= 0 && toks[j].low == "'s" {
				return ref{}, false
			}
			if j > 0 && (toks[j-1].low == "the" || toks[j-1].low == "her" || toks[j-1].low == "his" || toks[j-1].low == "its" || toks[j-1].low == "their") && t.low != "who" {
				// "The militia, which is armed by Iran".
				if _, ok := orgNouns[toks[j].low]; ok {
					if e := d.lastOrgWithHead(toks[j].low, si, toks[j].start); e >= 0 {
						return ref{ent: e, ts: j, te: j + 1}, true
					}
				}
			}
			if t.low == "who" {
				// "P, a Sunni who heads": the apposition's head.
				if p := d.appositionHead(toks, refs, k); p >= 0 {
					return ref{ent: p, ts: k, te: k}, true
				}
			}
			return ref{}, false
		case ",":
			// Skip an apposition that starts with a determiner.
			c := k - 1
			for c >= 0 && toks[c].text != "," && toks[c].text != "." {
				c--
			}
			if c >= 0 && toks[c].text == "," && c+1 < k {
				w := toks[c+1].low
				if w == "the" || w == "a" || w == "an" || w == "his" || w == "her" || w == "who" || w == "which" ||
					cueLemma(w) != "" && (strings.HasSuffix(w, "ed") || w == "led") {
					k = c
					continue
				}
			}
		}
	}
	return ref{}, false
}

// forceAfter reports "American forces", "Iraqi security forces": a
// demonym that stands for the country's state.
func (d *doc) forceAfter(toks []token, i int) bool {
	for j := i; j < len(toks) && j < i+3; j++ {
		if forceNouns[toks[j].low] {
			// "army commanders": the commanders, not the army.
			if j+1 < len(toks) && (groupNouns[toks[j+1].low] || roleNouns[strings.TrimSuffix(toks[j+1].low, "s")] != roleNone) {
				return false
			}
			return true
		}
		if !toks[j].word || toks[j].cap {
			return false
		}
	}
	return false
}

// objectsOf finds the entities after token v: the first reference, an
// "X, known as E" description, a role held by a known person ("the United
// States ambassador"), a definite "the coalition", and conjuncts.
func (d *doc) objectsOf(si int, refs []ref, v int) (out []ref) {
	toks := d.sents[si].toks
	var modifier = -1
	var fallback ref
	defer func() {
		if len(out) == 0 && fallback.te > 0 {
			out = []ref{fallback}
		}
	}()
	for j := v + 1; j < len(toks) && j < v+10; j++ {
		t := toks[j]
		if rf, ok := refAt(refs, j); ok {
			if rf.poss && rf.pron {
				continue // "their grandfather, X": look on to the apposition
			}
			if rf.adj && !d.forceAfter(toks, rf.te) {
				modifier = rf.ent
				j = rf.te - 1
				continue
			}
			if rf.te+1 < len(toks) && toks[rf.te].word && !toks[rf.te].cap && modifierNouns[toks[rf.te].low] {
				// "the Mombasa office of X": a place or group naming a
				// part; the owner named after wins, else a group.
				if fallback.te == 0 && d.ents[rf.ent].typ == kg.Organization {
					fallback = rf
				}
				j = rf.te
				continue
			}
			if rf.te < len(toks) && roleNouns[toks[rf.te].low] != roleNone && !toks[rf.te].cap {
				// "the United States ambassador": the holder of the role.
				if p := d.holder(toks[rf.te].low, rf.ent); p >= 0 {
					rf = ref{ent: p, ts: rf.ts, te: rf.te + 1}
				}
			}
			if rf.te < len(toks) && toks[rf.te].low == "'s" && !rf.adj && !actAfter(toks, rf.te+1) {
				// "arrested Mr. Ochoa's brother, Fernando": the possessor
				// is not the object.
				j = rf.te
				continue
			}
			out = append(out, rf)
			// Conjuncts: "E1 and E2", "E1, E2 and E3".
			k := rf.te
			for k < len(toks) && (toks[k].low == "and" || toks[k].text == ",") && len(out) < 4 {
				if r2, ok := refAt(refs, k+1); ok && !r2.adj {
					out = append(out, r2)
					k = r2.te
					continue
				}
				break
			}
			return out
		}
		if roleNouns[t.low] != roleNone && !t.cap {
			if p := d.holder(t.low, modifier); p >= 0 {
				return append(out, ref{ent: p, ts: j, te: j + 1})
			}
		}
		// "their grandfather, Thomas Harland", "the company's logistics
		// subsidiary, Harland Warehousing": an apposition names the
		// noun phrase.
		// "arrested several activists, including X and Y": the list
		// names the objects.
		if t.text == "," && len(out) == 0 && j+1 < len(toks) && toks[j+1].low == "including" {
			return append(out, d.conjuncts(toks, refs, j+2)...)
		}
		if t.text == "," && len(out) == 0 {
			q := j + 1
			if q < len(toks) && toks[q].low == "the" {
				q++
			}
			if rf, ok := refAt(refs, q); ok && !rf.adj && !rf.pron && d.ents[rf.ent].typ != kg.Location {
				return append(out, rf)
			}
		}
		if _, ok := orgNouns[t.low]; ok && j > 0 && toks[j-1].low == "the" && j+1 < len(toks) && toks[j+1].low == "'s" {
			if e := d.lastOrgWithHead(t.low, si, t.start); e >= 0 && fallback.te == 0 {
				fallback = ref{ent: e, ts: j, te: j + 1}
			}
			j++
			continue
		}
		if _, ok := orgNouns[t.low]; ok && j > 0 && toks[j-1].low == "the" && !(j+1 < len(toks) && toks[j+1].low == "of") {
			if e := d.lastOrgWithHead(t.low, si, t.start); e >= 0 {
				return append(out, ref{ent: e, ts: j, te: j + 1})
			}
		}
		switch {
		case t.text == ",":
			if j+3 < len(toks) && toks[j+1].low == "known" && toks[j+2].low == "as" {
				q := j + 3
				if toks[q].low == "the" {
					q++
				}
				if rf, ok := refAt(refs, q); ok {
					return append(out, rf)
				}
			}
			return out
		case t.text == "." || t.text == ";" || t.text == "\"" || t.text == ":":
			return out
		case len(out) == 0 && fallback.te == 0 && j > v+1 && (t.low == "on" || t.low == "in" || t.low == "at" || t.low == "during" || t.low == "after" || t.low == "before" || t.low == "since"):
			return out // "met on Tuesday in Cairo": no object
		case t.low == "that" || t.low == "who" || t.low == "which" || t.low == "to" && j > v+1,
			(t.low == "in" || t.low == "at" || t.low == "on" || t.low == "near") && fallback.te > 0:
			return out
		case isVerbish(t.low):
			return out
		}
	}
	return out
}

// supportNouns are what one party gives another in support: "provided
// arms to Y", "received funding from X".
var supportNouns = map[string]bool{"support": true, "funding": true, "financing": true, "backing": true,
	"money": true, "aid": true, "arms": true, "weapons": true, "training": true, "funds": true, "loans": true,
	"drones": true, "missiles": true, "ammunition": true, "equipment": true, "troops": true, "fuel": true,
	"instructors": true, "advisers": true, "advisors": true, "trainers": true, "intelligence": true}

// attackNouns are the nouns for an armed attack, by lemma: "an attack by
// X on Y", "X's raid on Y", "a strike against Y". nounCues and aimedNouns
// read them too.
var attackNouns = map[string]bool{"attack": true, "assault": true, "raid": true, "ambush": true, "offensive": true,
	"bombing": true, "strike": true, "airstrike": true, "bombardment": true, "shelling": true}

// stanceNouns name a stance towards someone: "a critic of X".
var stanceNouns = map[string]string{
	"critic": string(kg.Opposes), "opponent": string(kg.Opposes), "rival": string(kg.Opposes),
	"foe": string(kg.Opposes), "adversary": string(kg.Opposes), "enemy": string(kg.Opposes),
	"ally": string(kg.AlliedWith), "supporter": string(kg.Supports), "backer": string(kg.Supports),
	"patron": string(kg.Supports), "sponsor": string(kg.Supports), "financier": string(kg.Supports),
	"funder": string(kg.Supports), "donor": string(kg.Supports), "benefactor": string(kg.Supports),
	"detractor": string(kg.Opposes),
}

// placePreps introduce places, never subjects.
var placePreps = map[string]bool{"near": true, "in": true, "at": true, "of": true, "outside": true, "from": true, "into": true, "toward": true, "towards": true}

// modifierNouns after a name make the name a modifier of a part.
var modifierNouns = map[string]bool{"office": true, "branch": true, "bureau": true, "chapter": true, "unit": true, "wing": true, "division": true, "headquarters": true}

// passive reports "was detained", "had been held": an auxiliary before v.
func passive(toks []token, v int) bool {
	for j := v - 1; j >= 0 && j >= v-3; j-- {
		if passiveAux[toks[j].low] {
			return true
		}
		if !adverbs[toks[j].low] {
			return false
		}
	}
	return false
}

// auxStart returns the token where the auxiliary of a passive verb starts.
func auxStart(toks []token, v int) int {
	j := v - 1
	for j >= 0 && (passiveAux[toks[j].low] || adverbs[toks[j].low] || toks[j].low == "had" || toks[j].low == "has" || toks[j].low == "have") {
		j--
	}
	return j + 1
}

// verbFact writes one relation (and its event) found by the cue word verb
// (a lemma).
func (d *doc) verbFact(si int, cue verbCue, verb string, src, dst, v int, conf float64) {
	props := map[string]string{}
	place := d.placeAfter(si, v)
	date := d.dateAt(si, v)
	switch cue.rel {
	case kg.Detained, kg.Attacked:
		if place >= 0 {
			props["place"] = d.ents[place].name
		}
		if dur := durationIn(d.sents[si].toks, v); dur != "" && cue.rel == kg.Detained {
			props["duration"] = dur
		}
		if date != "" {
			props["date"] = date
		}
	case kg.Supports:
		props["how"] = verb
	}
	switch verb {
	case "take": // "took over X": a company, not a town or a ministry
		if cue.rel == kg.Owns && !d.ownable(dst) {
			return
		}
	case "run", "manage", "serve", "control":
		if d.ents[dst].typ != kg.Organization {
			// "ran for office", "ran the office in Algiers", "served in
			// Iraq"; "controls the town": territory, not ownership.
			return
		}
	}
	r := d.addRel(cue.rel, src, dst, props, si, conf)
	if r == nil {
		return
	}
	ev := cue.event
	if cue.rel == kg.Supports && fundingVerbs[verb] {
		ev = "Funding"
	}
	if ev == "" || ev == "War" {
		return
	}
	se, de := d.ents[src], d.ents[dst]
	parts := []kg.Participant{{EntityID: se.id(), Role: "agent"}, {EntityID: de.id(), Role: "patient"}}
	name := ev + " of " + de.name
	switch ev {
	case "Meeting":
		name = "Meeting of " + se.name + " and " + de.name
		parts[1].Role = "agent"
	case "Attack":
		name = "Attack by " + se.name + " on " + de.name
	}
	d.addEvent(ev, name, si, date, place, parts, conf)
}

// ownable reports an organization that is bought and sold: taking over
// or gaining control of a ministry, a party or an army is leading it.
func (d *doc) ownable(e int) bool {
	switch d.ents[e].sub {
	case "government", "ministry", "military", "militia", "party", "alliance", "court":
		return false
	}
	return d.ents[e].typ == kg.Organization
}

// placeAfter finds "at|in [the …] Place" after token v.
func (d *doc) placeAfter(si int, v int) int {
	toks := d.sents[si].toks
	refs := d.sentRefs(si)
	for j := v + 1; j < len(toks) && j < v+24; j++ {
		if toks[j].text == "." || toks[j].text == ";" || toks[j].text == "\"" {
			break
		}
		if toks[j].low != "at" && toks[j].low != "in" && toks[j].low != "near" && toks[j].low != "outside" {
			continue
		}
		for k := j + 1; k < len(toks) && k < j+5; k++ {
			if rf, ok := refAt(refs, k); ok {
				if d.ents[rf.ent].typ == kg.Location && !rf.adj {
					return rf.ent
				}
				break
			}
			if !toks[k].word {
				break
			}
		}
	}
	return -1
}

var numberWords = map[string]bool{
	"one": true, "two": true, "three": true, "four": true, "five": true, "six": true, "seven": true,
	"eight": true, "nine": true, "ten": true, "eleven": true, "twelve": true, "several": true, "a": true,
	"fifteen": true, "twenty": true, "eighteen": true,
}

var durationUnits = map[string]bool{"days": true, "weeks": true, "months": true, "years": true, "day": true, "week": true, "month": true, "year": true, "hours": true}

// durationIn finds "for 23 months" or "spent three years" in a sentence.
func durationIn(toks []token, from int) string {
	for j := 0; j+2 < len(toks); j++ {
		if toks[j].low != "for" && toks[j].low != "spent" {
			continue
		}
		n := toks[j+1]
		if (numberWords[n.low] || isNumber(n.low)) && durationUnits[toks[j+2].low] {
			return n.text + " " + toks[j+2].text
		}
	}
	return ""
}

func isNumber(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if (r < '0' || r > '9') && r != ',' && r != '.' {
			return false
		}
	}
	return true
}

// nouns reads facts stated by nouns and compounds: "an American
// detainee", "Iranian-backed militias, known as X", "Washington's closest
// ally", "his cousin, X", "a division of X", "a company owned by X".
func (d *doc) nouns(si int) {
	toks := d.sents[si].toks
	refs := d.sentRefs(si)
	for i, t := range toks {
		switch {
		case (t.low == "ally" || t.low == "partner") && i > 0:
			// "X's ally Y": no comma, the name follows.
			if i >= 2 && toks[i-1].low == "'s" && i+1 < len(toks) {
				if x, ok := refAt(refs, i-2); ok {
					if y, ok := refAt(refs, i+1); ok && !y.pron && y.ts == i+1 {
						d.addRel(kg.AlliedWith, x.ent, y.ent, nil, si, confNoun)
						continue
					}
				}
			}
			// "P, E's closest ally": E and P are allies.
			j := i - 1
			for j >= 0 && toks[j].word && !toks[j].cap && statusWords[toks[j].low] == "" && j > i-3 {
				j--
			}
			if j < 1 || toks[j].low != "'s" {
				continue
			}
			e, ok := refAt(refs, j-1)
			if !ok {
				continue
			}
			if p := d.appositionHead(toks, refs, e.ts); p >= 0 {
				d.addRel(kg.AlliedWith, p, e.ent, nil, si, confApposition)
			}
		case relatives[t.low] != "" && i > 0:
			d.family(si, refs, i)
		case (t.low == "division" || t.low == "unit" || t.low == "branch" || t.low == "wing" || t.low == "subsidiary" || t.low == "part" || t.low == "member") &&
			i+1 < len(toks) && toks[i+1].low == "of" && !t.cap:
			objs := d.objectsOf(si, refs, i+1)
			if len(objs) == 0 {
				continue
			}
			j := i - 1
			for j >= 0 && (toks[j].low == "a" || toks[j].low == "an" || toks[j].low == "the" || !toks[j].cap && toks[j].word && j > i-3 && !isVerbish(toks[j].low) && toks[j].low != "became") {
				j--
			}
			var head int = -1
			if j >= 0 && toks[j].text == "," {
				if rf, ok := refAt(refs, j-1); ok {
					head = rf.ent
				}
			} else if j >= 0 && (toks[j].low == "is" || toks[j].low == "was" || toks[j].low == "became") {
				if rf, ok := d.subjectOf(si, refs, j); ok {
					head = rf.ent
				}
			}
			if head < 0 {
				continue
			}
			rel := kg.PartOf
			if t.low == "member" {
				rel = kg.MemberOf
			}
			d.addRel(rel, head, objs[0].ent, nil, si, confNoun)
		case (t.low == "subsidiary" || t.low == "affiliate" || t.low == "unit" || t.low == "arm") && i+2 < len(toks) && toks[i+1].text == ",":
			// "the company's logistics subsidiary, Harland Warehousing".
			part, ok := refAt(refs, i+2)
			if !ok || d.ents[part.ent].typ != kg.Organization {
				continue
			}
			for j := i - 1; j >= 1 && j > i-4; j-- {
				if toks[j].low != "'s" {
					continue
				}
				if rf, ok := refAt(refs, j-1); ok {
					d.addRel(kg.PartOf, part.ent, rf.ent, nil, si, confNoun)
				} else if _, ok := orgNouns[toks[j-1].low]; ok && j >= 2 && toks[j-2].low == "the" {
					if e := d.lastOrgWithHead(toks[j-1].low, si, toks[j-1].start); e >= 0 {
						d.addRel(kg.PartOf, part.ent, e, nil, si, confNoun)
					}
				}
				break
			}
		case t.low == "owned" && i+1 < len(toks) && toks[i+1].low == "by":
			owners := d.objectsOf(si, refs, i+1)
			if p := d.descHead(toks, refs, i); p >= 0 {
				for _, o := range owners {
					d.addRel(kg.Owns, o.ent, p, nil, si, confNoun)
				}
			}
		case t.low == "elections" || t.low == "election" || t.low == "vote" && i > 0 && toks[i-1].low == "the":
			name := "election"
			if i > 0 && toks[i-1].word && !toks[i-1].cap && toks[i-1].low != "the" && toks[i-1].low != "an" && toks[i-1].low != "after" {
				name = toks[i-1].low + " " + t.low
			}
			date := d.dateAt(si, i)
			if date != "" || i > 0 && toks[i-1].word && !toks[i-1].cap && toks[i-1].low != "the" {
				d.addEvent("Election", name, si, date, d.dominant, nil, confNoun)
			}
		case attackNouns[singular(t.low)] && i+2 < len(toks) && toks[i+1].low == "by":
			// "an attack by X on Y".
			by := d.objectsOf(si, refs, i+1)
			if len(by) == 0 {
				continue
			}
			for j := by[0].te; j < len(toks) && j < by[0].te+4; j++ {
				if toks[j].low == "on" || toks[j].low == "against" {
					on := d.objectsOf(si, refs, j)
					// "attacks by X on federal troops near Y": the
					// state's forces, not the place after them.
					if e := d.stateForceAt(si, toks, j+1); e >= 0 {
						on = []ref{{ent: e}}
					}
					if len(on) > 0 {
						date := d.dateIn(si)
						props := map[string]string{}
						if date != "" {
							props["date"] = date
						}
						if d.addRel(kg.Attacked, by[0].ent, on[0].ent, props, si, confNoun) != nil {
							d.addEvent("Attack", "Attack by "+d.ents[by[0].ent].name+" on "+d.ents[on[0].ent].name, si, date, d.placeAfter(si, j),
								[]kg.Participant{{EntityID: d.ents[by[0].ent].id(), Role: "agent"}, {EntityID: d.ents[on[0].ent].id(), Role: "patient"}}, confNoun)
						}
					}
					break
				}
			}
		case t.low == "of" && i > 0 && i+1 < len(toks):
			// "the 3rd Infantry Division of the Sudanese Armed Forces".
			unit, ok := refAt(refs, i-1)
			if !ok || unit.te != i || d.ents[unit.ent].typ != kg.Organization || !unitHeads[lastWord(strings.Join(d.ents[unit.ent].words, " "))] {
				continue
			}
			q := i + 1
			if toks[q].low == "the" {
				q++
			}
			if whole, ok := refAt(refs, q); ok && d.ents[whole.ent].typ == kg.Organization {
				d.addRel(kg.PartOf, unit.ent, whole.ent, nil, si, confNoun)
			}
		case t.low == "held" && i+1 < len(toks) && toks[i+1].low == "by" && passive(toks, i):
			// "X has been held by Y since May": held captive.
			subj, ok := d.subjectOf(si, refs, auxStart(toks, i))
			by := d.objectsOf(si, refs, i+1)
			if ok && len(by) > 0 && d.ents[subj.ent].typ == kg.Person {
				if d.addRel(kg.Detained, by[0].ent, subj.ent, nil, si, confPassive) != nil {
					d.addEvent("Detention", "Detention of "+d.ents[subj.ent].name, si, d.dateAt(si, i), d.placeAfter(si, i),
						[]kg.Participant{{EntityID: d.ents[by[0].ent].id(), Role: "agent"}, {EntityID: d.ents[subj.ent].id(), Role: "patient"}}, confPassive)
				}
			}
		case (t.low == "for" && i >= 3 && toks[i-2].low == "of" && toks[i-3].low == "member" || t.low == "with" && i >= 1 && toks[i-1].low == "affiliated") && i+1 < len(toks):
			// "a former member of Parliament for the Green Party", "is
			// affiliated with Y": membership of Y.
			objs := d.objectsOf(si, refs, i)
			if len(objs) == 0 || d.ents[objs[0].ent].typ != kg.Organization {
				continue
			}
			j := i - 1
			for j >= 0 && j > i-8 && toks[j].text != "," && !isVerbish(toks[j].low) && toks[j].low != "is" && toks[j].low != "was" {
				j--
			}
			head := -1
			if j >= 0 && toks[j].text == "," {
				head = d.appositionHead(toks, refs, j+1)
			} else if j >= 0 {
				if rf, ok := d.subjectOf(si, refs, j); ok {
					head = rf.ent
				}
			}
			if head >= 0 && d.ents[head].typ != kg.Location {
				d.addRel(kg.MemberOf, head, objs[0].ent, nil, si, confNoun)
			}
		case t.low == "whose" && i > 0:
			d.whoseIncludes(si, refs, i)
			d.whoseRole(si, refs, i)
		case liaisonNouns[t.low] && i+1 < len(toks) && (toks[i+1].low == "to" || toks[i+1].low == "with" || toks[i+1].low == "between"):
			d.liaison(si, refs, i)
		case t.low == "airstrike" || t.low == "airstrikes":
			d.addEvent("Airstrike", "airstrike", si, d.dateAt(si, i), d.placeAfter(si, i), nil, confNoun)
		}
	}
}

// descHead returns the entity described by the phrase ending before token
// i: "X, a company owned by".
func (d *doc) descHead(toks []token, refs []ref, i int) int {
	for j := i - 1; j >= 0 && j > i-8; j-- {
		if toks[j].text == "," {
			if rf, ok := refAt(refs, j-1); ok {
				return rf.ent
			}
			return -1
		}
	}
	return -1
}

// family reads "his cousin, P", "P1's son, P2", "P1 and his brother P2".
func (d *doc) family(si int, refs []ref, i int) {
	toks := d.sents[si].toks
	rel := relatives[toks[i].low]
	var a = -1
	// "Mr. R's younger brother": adjectives between possessor and noun;
	// p is where the possessor ends.
	noun := i
	if i >= 2 && kinAdjs[toks[i-1].low] {
		i--
	}
	if rf, ok := refAt(refs, i-1); ok && rf.poss {
		a = rf.ent // "his cousin"
	} else if i >= 2 && toks[i-1].low == "'s" {
		if rf, ok := refAt(refs, i-2); ok {
			a = rf.ent
		} else if roleNouns[toks[i-2].low] != roleNone && i >= 3 && toks[i-3].low == "the" {
			a = d.roleHolder(toks[i-2].low, si, toks[i-2].start) // "the president's son"
			if a >= 0 {
				if y := d.appositionHead(toks, refs, i); y >= 0 {
					d.addRel(kg.FamilyOf, y, a, map[string]string{"relation": rel}, si, confApposition)
				}
				return
			}
		}
	}
	if a < 0 {
		// "Y, the son of X".
		if noun+1 < len(toks) && toks[noun+1].low == "of" {
			q := noun + 2
			if q < len(toks) && toks[q].low == "the" {
				q++
			}
			x, ok := refAt(refs, q)
			if !ok || d.ents[x.ent].typ != kg.Person {
				return
			}
			if y := d.appositionHead(toks, refs, i); y >= 0 {
				d.addRel(kg.FamilyOf, y, x.ent, map[string]string{"relation": rel}, si, confApposition)
			}
		}
		return
	}
	j := noun + 1
	if j < len(toks) && toks[j].text == "," {
		j++
	}
	b, ok := refAt(refs, j)
	if !ok || b.pron {
		return
	}
	d.addRel(kg.FamilyOf, a, b.ent, map[string]string{"relation": rel}, si, confApposition)
}

// kinAdjs sit between a possessor and a kinship noun: "his younger
// brother".
var kinAdjs = map[string]bool{"younger": true, "elder": true, "older": true, "eldest": true, "youngest": true,
	"oldest": true, "late": true, "estranged": true, "twin": true, "half": true, "only": true, "adopted": true}

func hasAnySuffix(s string, sufs ...string) bool {
	for _, x := range sufs {
		if strings.HasSuffix(s, x) {
			return true
		}
	}
	return false
}

// whoseIncludes reads "P, whose electoral list includes Q": Q is a member
// of the organization P leads that the text called electoral (else the
// only alliance or party P leads).
func (d *doc) whoseIncludes(si int, refs []ref, i int) {
	toks := d.sents[si].toks
	j := i - 1
	if j >= 0 && toks[j].text == "," {
		j--
	}
	p, ok := refAt(refs, j)
	if !ok || d.ents[p.ent].typ != kg.Person {
		return
	}
	k := i + 1
	noun := ""
	for k < len(toks) && k < i+4 && toks[k].word && !toks[k].cap {
		if _, ok := orgNouns[toks[k].low]; ok {
			noun = toks[k].low
		}
		if toks[k].low == "includes" || toks[k].low == "included" || toks[k].low == "include" {
			break
		}
		k++
	}
	if noun == "" || k >= len(toks) || !strings.HasPrefix(toks[k].low, "includ") {
		return
	}
	org := -1
	var cands []int
	for _, ei := range d.led[p.ent] {
		e := d.ents[ei]
		if e.typ != kg.Organization {
			continue
		}
		if e.electoral {
			org = ei
		}
		if e.sub == "alliance" || e.sub == "party" {
			cands = appendOnce(cands, ei)
		}
	}
	if org < 0 && len(cands) == 1 {
		org = cands[0]
	}
	if org < 0 {
		return
	}
	for q := k + 1; q < len(toks) && q < k+10; q++ {
		if rf, ok := refAt(refs, q); ok && d.ents[rf.ent].typ == kg.Person && !rf.pron {
			d.addRel(kg.MemberOf, rf.ent, org, nil, si, confNoun)
			return
		}
		if toks[q].text == "." || toks[q].text == ";" {
			return
		}
	}
}

// liaisonNouns name a go-between: "used X as a liaison to Y" means X dealt
// with Y in person.
var liaisonNouns = map[string]bool{"liaison": true, "intermediary": true, "go-between": true, "conduit": true, "interlocutor": true, "channel": true}

// liaison reads "used X as a liaison to Y", "X served as an intermediary
// with Y", "X, a go-between with Y": X MET_WITH Y; with "between Y and Z"
// X met both.
func (d *doc) liaison(si int, refs []ref, i int) {
	toks := d.sents[si].toks
	objs := d.objectsOf(si, refs, i+1)
	if len(objs) == 0 {
		return
	}
	if toks[i+1].low != "between" {
		objs = objs[:1]
	}
	x := -1
	// Walk back over the determiner and adjectives to "as" or a comma.
	j := i - 1
	for j >= 0 && j > i-5 && toks[j].word && !toks[j].cap && toks[j].low != "as" && !isVerbish(toks[j].low) {
		j--
	}
	switch {
	case j >= 1 && toks[j].low == "as":
		if rf, ok := refAt(refs, j-1); ok && rf.te == j && !rf.adj {
			x = rf.ent // "used Mr. X as a liaison"
		} else if rf, ok := d.subjectOf(si, refs, j-1); ok {
			x = rf.ent // "X served as a liaison"
		}
	case j >= 1 && toks[j].text == ",":
		x = d.appositionHead(toks, refs, j+1)
	case j >= 0 && isVerbish(toks[j].low):
		if rf, ok := d.subjectOf(si, refs, j); ok {
			x = rf.ent // "X is a liaison to Y"
		}
	}
	if x < 0 || d.ents[x].typ != kg.Person {
		return
	}
	for _, o := range objs {
		d.addRel(kg.MetWith, x, o.ent, map[string]string{"how": toks[i].low}, si, confNoun)
	}
}

// whoseRole reads "Y, whose president is P" and "Y, whose chairman, P,":
// P holds the role in Y.
func (d *doc) whoseRole(si int, refs []ref, i int) {
	toks := d.sents[si].toks
	j := i - 1
	if toks[j].text == "," && j > 0 {
		j--
	}
	y, ok := refAt(refs, j)
	if !ok || d.ents[y.ent].typ == kg.Person {
		return
	}
	r := i + 1
	for r < len(toks) && r < i+4 && roleNouns[toks[r].low] == roleNone && toks[r].word && !toks[r].cap {
		r++
	}
	if r+2 >= len(toks) || roleNouns[toks[r].low] == roleNone {
		return
	}
	q := r + 1
	if r+2 < len(toks) && roleNouns[toks[r].low+" "+toks[r+1].low] != roleNone {
		r, q = r+1, r+2 // "whose prime minister"
	}
	if q+1 >= len(toks) || !(toks[q].low == "is" || toks[q].low == "was" || toks[q].text == ",") {
		return
	}
	p, ok := refAt(refs, q+1)
	if !ok || p.pron || d.ents[p.ent].typ != kg.Person {
		return
	}
	title := strings.ToLower(surface(d.rs, toks, i+1, r+1))
	rp := rolePhrase{title: title, status: "current", kind: roleNouns[toks[r].low], target: y.ent}
	if k := roleNouns[toks[r-1].low+" "+toks[r].low]; k != roleNone {
		rp.kind = k
	}
	d.emitRole(p.ent, rp, si, confNoun)
}

// conjuncts reads the list "X, Y and Z" starting at token j.
func (d *doc) conjuncts(toks []token, refs []ref, j int) []ref {
	var out []ref
	for len(out) < 8 {
		rf, ok := refAt(refs, j)
		if !ok || rf.adj || rf.pron {
			break
		}
		out = append(out, rf)
		k := rf.te
		if k < len(toks) && toks[k].text == "," {
			k++
		}
		if k < len(toks) && toks[k].low == "and" {
			k++
		}
		if k == rf.te {
			break
		}
		j = k
	}
	return out
}

// conjunctsBefore returns the names listed before the last conjunct last

// pendingAct is a violent act whose agent the sentence does not name
// ("Gunmen killed X"); a later sentence may ("The attack was carried out
// by Y").
type pendingAct struct {
	si      int
	rel     kg.RelationType
	patient int
}

// notePending remembers the patients of an act without an agent.
func (d *doc) notePending(si int, rel kg.RelationType, patients []ref) {
	if rel != kg.Killed && rel != kg.Attacked && rel != kg.Detained {
		return
	}
	for _, p := range patients {
		if t := d.ents[p.ent].typ; !p.adj && (t == kg.Person || t == kg.Organization) {
			d.pending = append(d.pending, pendingAct{si: si, rel: rel, patient: p.ent})
		}
	}
}

// actNouns name what someone did: "condemned the brigade's attack" is
// aimed at the brigade.
var actNouns = map[string]bool{"attack": true, "attacks": true, "killing": true, "killings": true, "raid": true,
	"decision": true, "crackdown": true, "arrest": true, "arrests": true, "offensive": true, "invasion": true,
	"policy": true, "policies": true, "actions": true, "conduct": true, "coup": true, "takeover": true,
	"bombing": true, "campaign": true, "abuses": true, "incursion": true, "remarks": true, "threats": true}

// actAfter reports an act noun within the two words from token i.
func actAfter(toks []token, i int) bool {
	for j := i; j < len(toks) && j < i+3; j++ {
		if actNouns[toks[j].low] {
			return true
		}
		if !toks[j].word || toks[j].cap {
			return false
		}
	}
	return false
}

// stateForceAt returns what the unnamed state forces opening at token i
// of sentence si stand for ("federal troops", "government soldiers", "the army"), or
// -1 when the words there name no such force or say whose it is.
func (d *doc) stateForceAt(si int, toks []token, i int) int {
	for j := i; j < len(toks) && j < i+3; j++ {
		t := toks[j]
		switch {
		case t.cap || !t.word:
			return -1
		case stateForceNouns[t.low] || stateForceNouns[strings.TrimSuffix(t.low, "s")]:
			if j+1 < len(toks) && toks[j+1].low == "of" {
				return -1 // "forces of X"
			}
			return d.stateForce(si, t.start)
		}
	}
	return -1
}

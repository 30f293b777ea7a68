package extract

import (
	"slices"
	"strings"

	"github.com/newsgraph/newsgraph/kg"
	"github.com/newsgraph/newsgraph/syntax"
)

// The grammar layer: relations read from the dependency tree of package
// syntax. The tree is kept apart from the rules that read it: tree holds
// one parsed sentence mapped onto the extractor's tokens and references;
// the rules below ask it for subjects, objects and agents of cue words.

// node is one syntactic word of a sentence.
type node struct {
	lemma, upos, xpos, deprel string
	low                       string
	head                      int   // -1 for the root
	tok                       int   // the extractor's token the word starts in, -1 if none
	kids                      []int // dependents, in order
}

// tree is one sentence's parse mapped onto the extractor's tokens.
type tree struct {
	n  []node
	si int // the sentence parsed
}

// placeholders stand for a whole name when a sentence goes to the
// parser: long and foreign names parse badly word by word, and a name's
// inner structure is no concern of the rules.
var placeholders = map[kg.EntityType]string{kg.Person: "John", kg.Organization: "Google", kg.Location: "Paris"}

// parseSentence parses sentence si and maps each word onto the token of
// the extractor it stands for. Each name goes to the parser as one word,
// and a dateline ("MADRID —") is left out.
func (d *doc) parseSentence(si int, refs []ref) tree {
	toks := d.sents[si].toks
	from := 0
	if k := datelineEnd(toks); k > 0 && (si == 0 || d.sents[si-1].Para != d.sents[si].Para) {
		from = k
	}
	words := make([]string, 0, len(toks))
	wtok := make([]int, 0, len(toks))
	titled := titleCased(toks, refs, from)
	for i := from; i < len(toks); i++ {
		if r, ok := refAt(refs, i); ok && !r.pron && !r.adj && r.ts == i {
			if d.ents[r.ent].typ == kg.Person {
				// "Hamas leader X", "Egyptian intelligence chief X": a
				// title before a name parses best as part of it.
				words, wtok = foldTitle(toks, words, wtok, from)
			}
			words = append(words, placeholders[d.ents[r.ent].typ])
			wtok = append(wtok, i)
			i = r.te - 1
			continue
		}
		// "the Harbor Party" goes as "Google": a determiner before a
		// placeholder only confuses the parser.
		if toks[i].low == "the" && i+1 < len(toks) {
			if r, ok := refAt(refs, i+1); ok && !r.pron && !r.adj && r.ts == i+1 {
				continue
			}
		}
		w := toks[i].text
		if titled != nil && titled[i] {
			w = strings.ToLower(w)
		}
		switch w {
		case "“", "”":
			w = "\""
		case "’", "‘":
			w = "'"
		}
		words = append(words, w)
		wtok = append(wtok, i)
	}
	t := tree{si: si}
	if len(words) == 0 {
		return t
	}
	m, err := syntax.Default()
	if err != nil {
		return t // the embedded model is checked by the syntax tests
	}
	for j, w := range m.ParseWords(words) {
		t.n = append(t.n, node{lemma: w.Lemma, upos: w.UPOS, xpos: w.XPOS, deprel: w.Deprel,
			low: toks[wtok[j]].low, head: w.Head, tok: wtok[j]})
	}
	t.link()
	t.hyphenedCues()
	t.passiveParticiples()
	t.pastParticiples()
	t.possessiveObjects()
	return t
}

// titleCased marks the words of a capitalized role phrase that is no
// part of a name ("Norway's Trade Minister, X", "the Drugs Controller
// General of India"): the tagger reads capitals as a proper noun and
// parses the phrase as a list of names, so it goes to the parser in
// lower case, as the common noun phrase it is. A run of capitalized
// words outside the names counts when its last word is a role noun.
func titleCased(toks []token, refs []ref, from int) []bool {
	var out []bool
	for i := from; i < len(toks); {
		if !toks[i].cap || !toks[i].word || inName(refs, i) {
			i++
			continue
		}
		j := i
		for j < len(toks) && toks[j].cap && toks[j].word && !inName(refs, j) {
			j++
		}
		if roleNouns[toks[j-1].low] != roleNone {
			if out == nil {
				out = make([]bool, len(toks))
			}
			for k := i; k < j; k++ {
				out[k] = true
			}
		}
		i = j
	}
	return out // nil when there is none
}

// inName reports a token inside a named reference (not a pronoun).
func inName(refs []ref, i int) bool {
	r, ok := refAt(refs, i)
	return ok && !r.pron
}

// degreePrefixes qualify a cue participle joined to it by a hyphen: "is
// majority-owned by Y", "a firm co-founded by Y" state the cue's relation.
var degreePrefixes = map[string]bool{"majority": true, "minority": true, "wholly": true, "partly": true, "partially": true,
	"part": true, "half": true, "jointly": true, "fully": true, "co": true, "directly": true, "indirectly": true, "ultimately": true}

// degreeCue returns the cue lemma of word form w after a degree prefix
// ("majority-owned" gives "own"), or "".
func degreeCue(w string) string {
	pre, post, ok := strings.Cut(strings.ReplaceAll(w, "\u2011", "-"), "-")
	if !ok || !degreePrefixes[pre] {
		return ""
	}
	return cueLemma(post)
}

// hyphenedCues gives a verb joined to a degree prefix the lemma of its
// cue, so that every rule reads "majority-owned" as "owned".
func (t *tree) hyphenedCues() {
	for i := range t.n {
		if n := &t.n[i]; n.upos == "VERB" {
			if l := degreeCue(n.low); l != "" {
				n.lemma = l
			}
		}
	}
}

// possessiveObjects repairs "trains Y's police" read as two objects, Y
// (with its "'s") and the noun it possesses: Y is the noun's possessor.
func (t *tree) possessiveObjects() {
	moved := false
	for i := range t.n {
		n := t.n[i]
		if n.upos != "PROPN" || n.head < 0 || (n.deprel != "obj" && n.deprel != "iobj") || i+2 >= len(t.n) {
			continue
		}
		c := t.kid(i, "case")
		if c != i+1 || (t.n[c].low != "'s" && t.n[c].low != "'") {
			continue
		}
		// The possessed noun: the next word hung on the same verb as an
		// object, with only its own modifiers between.
		j := -1
		for k := i + 2; k < len(t.n); k++ {
			if t.n[k].head == n.head && t.n[k].deprel == "obj" && t.n[k].upos == "NOUN" {
				j = k
				break
			}
			if t.n[k].head > k {
				continue // a modifier of a later word
			}
			break
		}
		if j < 0 {
			continue
		}
		t.n[i].head, t.n[i].deprel = j, "nmod:poss"
		moved = true
	}
	if moved {
		t.link()
	}
}

// link lists each node's kids from the heads.
func (t *tree) link() {
	for i := range t.n {
		t.n[i].kids = t.n[i].kids[:0]
	}
	for i := range t.n {
		if h := t.n[i].head; h >= 0 {
			t.n[h].kids = append(t.n[h].kids, i)
		}
	}
}

// passiveParticiples repairs a passive cue verb that the tagger read as
// an adjective after a copula ("was appointed as ambassador by Y" read
// like "was happy"): the participle of a cue verb after "be" with a
// subject is a passive verb, its copula an auxiliary, its subject a
// passive subject.
func (t *tree) passiveParticiples() {
	for i := range t.n {
		n := &t.n[i]
		if n.upos != "ADJ" || !strings.HasSuffix(n.low, "ed") {
			continue
		}
		l := cueLemma(n.low)
		if l == "" {
			l = degreeCue(n.low) // "is majority-owned by Y"
		}
		c := t.kid(i, "cop")
		if l == "" || c < 0 || t.kid(i, "nsubj") < 0 {
			continue
		}
		n.upos, n.xpos, n.lemma = "VERB", "VBN", l
		t.n[c].deprel = "aux:pass"
		t.n[t.kid(i, "nsubj")].deprel = "nsubj:pass"
	}
}

// pastParticiples repairs a past participle tagged as a past tense
// ("a company founded by X" with "founded" VBD): a verb in "acl" (a
// finite verb would head "acl:relcl") or with an agent phrase is a
// participle, whatever the tagger said.
func (t *tree) pastParticiples() {
	for i := range t.n {
		if n := &t.n[i]; n.xpos == "VBD" && (n.deprel == "acl" || t.kid(i, "obl:agent") >= 0) {
			n.xpos = "VBN"
		}
	}
}

// datelineEnd returns the token after a dateline that opens a sentence
// ("BAMAKO, Mali, Feb. 11, 2025 —"), or 0.
func datelineEnd(toks []token) int {
	for k := 0; k < len(toks) && k < 14; k++ {
		t := toks[k]
		if t.text == "—" || t.text == "--" {
			if k == 0 {
				return 0
			}
			return k + 1
		}
		if t.word && !t.cap && !isNumber(t.low) {
			return 0
		}
	}
	return 0
}

// kid returns the first dependent of i with one of the relations, or -1.
func (t *tree) kid(i int, rels ...string) int {
	for _, k := range t.n[i].kids {
		for _, r := range rels {
			if t.n[k].deprel == r {
				return k
			}
		}
	}
	return -1
}

// nearest returns the dependent of i with relation rel closest before
// it (after it if none is before), or -1: given two subjects, the parser's
// error is usually the farther one.
func (t *tree) nearest(i int, rel string) int {
	best := -1
	for _, k := range t.n[i].kids {
		if t.n[k].deprel != rel || strings.HasSuffix(t.n[k].low, "self") || strings.HasSuffix(t.n[k].low, "selves") {
			continue // "who was himself jailed": the intensifier is no subject
		}
		if best < 0 || k < i && (best > i || k > best) {
			best = k
		}
	}
	return best
}

// kidsOf returns the dependents of i with relation rel.
func (t *tree) kidsOf(i int, rel string) []int {
	var out []int
	for _, k := range t.n[i].kids {
		if t.n[k].deprel == rel {
			out = append(out, k)
		}
	}
	return out
}

// caseOf returns the preposition (case marker) of a nominal, or "".
func (t *tree) caseOf(i int) string {
	if c := t.kid(i, "case"); c >= 0 {
		return t.n[c].low
	}
	return ""
}

// conjuncts returns i and the words coordinated with it.
func (t *tree) conjuncts(i int) []int {
	out := []int{i}
	for j := 0; j < len(out) && len(out) < 12; j++ {
		var cs []int
		for _, c := range t.kidsOf(out[j], "conj") {
			// "the commander of the battalion … and once in Gao": a
			// conjunct with another preposition is another phrase.
			if cc := t.caseOf(c); cc == "" || cc == t.caseOf(i) {
				cs = append(cs, c)
			}
		}
		// A list ends with "and" or "or": without one, the parser
		// chained an apposition or a new clause, not a conjunct. The
		// parser may hang the last item on the one before it.
		for _, c := range cs {
			if t.endsList(c, 0) {
				out = append(out, cs...)
				break
			}
		}
	}
	return out
}

// negated reports an act that did not happen: "did not arrest", "never
// met", "refused to back", "failed to oust", and an act only intended
// ("proposed to buy", "is expected to appoint") unless it is a stance,
// which the intent already states (see intended).
func (t *tree) negated(i int) bool {
	for _, k := range t.n[i].kids {
		if n := t.n[k]; n.deprel == "advmod" && (n.low == "not" || n.low == "n't" || n.low == "never") {
			return true
		}
	}
	h := t.n[i].head
	if h >= 0 && t.n[i].deprel == "xcomp" && refusedLemmas[t.n[h].lemma] {
		return true
	}
	return t.intended(i) && !stanceOnly(t.n[i].lemma)
}

// refusedLemmas govern an act that did not happen: "refused to back X".
var refusedLemmas = map[string]bool{"refuse": true, "decline": true, "fail": true, "hesitate": true, "cease": true, "stop": true}

// intended reports an act that is only wanted, planned, tried or
// announced ("sought to detain X", "plans to acquire Y", "a bid to buy
// Z"), however many such verbs stack ("wants to try to buy").
func (t *tree) intended(i int) bool {
	for depth := 0; depth < 4; depth++ {
		h := t.n[i].head
		if h < 0 {
			return false
		}
		switch t.n[i].deprel {
		case "xcomp":
			if intentLemmas[t.n[h].lemma] {
				return true
			}
		case "acl":
			if t.n[h].upos == "NOUN" && intentLemmas[t.n[h].lemma] {
				return true
			}
			return false
		default:
			return false
		}
		i = h
	}
	return false
}

// intentLemmas govern an act that has not happened (yet): an intention,
// an attempt, an offer, a threat or a forecast, as verbs or nouns.
var intentLemmas = map[string]bool{"propose": true, "seek": true, "threaten": true, "plan": true, "intend": true,
	"want": true, "aim": true, "hope": true, "offer": true, "try": true, "attempt": true, "bid": true,
	"expect": true, "vow": true, "pledge": true, "promise": true, "wish": true, "mean": true, "plot": true,
	"scheme": true, "prepare": true, "poise": true, "effort": true, "proposal": true, "threat": true,
	"intention": true, "desire": true, "push": true}

// stanceOnly reports a cue lemma whose every relation is a stance
// (SUPPORTS, OPPOSES): "vowed to back X", "threatened to sue Y" state the
// stance itself, so an intent lowers its confidence (see hedged) and does
// not drop it, unlike an act ("plans to buy Z" owns nothing).
func stanceOnly(l string) bool {
	cs := gramCues[l]
	for _, c := range cs {
		if c.cue.rel != kg.Supports && c.cue.rel != kg.Opposes {
			return false
		}
	}
	return len(cs) > 0
}

// hedges govern facts that the text reports without asserting them.
var hedges = map[string]bool{"deny": true, "allege": true, "accuse": true, "suspect": true, "claim": true}

// grammar adds the relations that the dependency tree of each sentence
// states with a cue verb.
func (d *doc) grammar() {
	d.trees = make([]tree, len(d.sents))
	for si := range d.sents {
		if len(d.sents[si].toks) == 0 {
			continue
		}
		refs := d.sentRefs(si)
		if len(refs) == 0 && len(d.descBySent[si]) == 0 {
			continue // a fact needs a named end: the parse would be wasted
		}
		t := d.parseSentence(si, refs)
		d.amongHeld(si, refs)
		d.trees[si] = t
		if len(refs) == 1 && len(d.descBySent[si]) == 0 && d.roleDescs[si] == 0 {
			// One name: an act whose agent a later sentence gives, or
			// the agent of an earlier act. A description ("the court")
			// is the second end of a fact like a name.
			d.acts(si, &t, refs)
			d.claims(si, &t, refs)
			continue
		}
		d.grammarNouns(si, &t, refs)
		d.mistaggedCues(si, &t, refs)
		d.rounds(si, &t, refs)
		d.demands(si, &t, refs)
		d.blamedFor(si, &t, refs)
		d.shareholderIs(si, &t, refs)
		d.compoundActs(si, &t, refs)
		d.stances(si, &t, refs)
		d.kinGroups(si, &t, refs)
		d.aimedActs(si, &t, refs)
		for p := range t.n {
			if t.n[p].upos != "VERB" {
				continue
			}
			if t.n[p].lemma == "survive" {
				d.survivedBy(si, &t, refs, p)
				continue
			}
			if t.uniting(p) {
				d.unite(si, &t, refs, p)
				continue
			}
			if pactVerbs[t.n[p].lemma] {
				d.pact(si, &t, refs, p)
				continue
			}
			cues := gramCues[t.n[p].lemma]
			if t.killedBy(p) {
				cues = gramCues["kill"]
			}
			if t.intoCustody(p) {
				cues = gramCues["detain"]
			} else if t.putInPost(p) {
				cues = gramCues["appoint"]
			} else if t.tookOver(p) {
				cues = gramCues["acquire"]
			}
			if len(cues) == 0 && !giveLemmas[t.n[p].lemma] && !receiveLemmas[t.n[p].lemma] && !lightLemmas[t.n[p].lemma] || t.n[p].tok < 0 || t.negated(p) {
				continue
			}
			conf := confVerb
			if h := t.n[p].head; h >= 0 && hedges[t.n[h].lemma] || t.hedged(p) {
				if h >= 0 && t.n[h].lemma == "deny" {
					continue // "denied ordering the arrest"
				}
				conf = 0.5
			}
			if t.n[p].lemma == "sentence" && len(t.obliques(p, "to")) == 0 {
				continue // "sentenced in absentia", "a suspended sentence"
			}
			if choiceVerbs[t.n[p].lemma] && len(t.obliques(p, "as")) == 0 && t.kid(p, "xcomp") < 0 {
				continue // "chose a route": a choice of a person for a post names it
			}
			agents, patients, passive := t.arguments(p)
			if !passive {
				d.lightVerb(si, &t, refs, p, agents, conf)
				d.transfer(si, &t, refs, p, agents, conf)
			} else if len(agents) == 0 {
				agents = t.actAgents(p)
			}
			for _, c := range cues {
				if passive && t.n[p].lemma == "accuse" {
					continue // "was accused of X" reports a charge, not whose stance
				}
				if c.cue.rel == kg.MemberOf && t.joinedIn(p) >= 0 {
					continue // "joined Y in condemning Z": a shared act, not membership
				}
				var objs []int
				as := agents
				switch {
				case c.prep != "" && passive && len(agents) == 0:
					// "a group affiliated with X": the one described
					// and the one after the preposition.
					as, objs = patients, t.obliques(p, c.prep)
				case passive || c.prep == "":
					objs = patients
					if len(objs) == 0 && c.cue.rel == kg.Owns && t.n[p].lemma == "take" {
						objs = t.obliques(p, "over") // "took over X" read with "over" as a preposition
					}
				default:
					objs = t.obliques(p, c.prep)
					if o := t.kid(p, "obj"); len(objs) == 0 && c.prep == "at" && o >= 0 {
						// "fired rockets at Y": the parser hangs the target
						// on what was fired.
						for _, k := range t.kidsOf(o, "nmod") {
							if t.caseOf(k) == "at" {
								objs = append(objs, t.conjuncts(k)...)
							}
						}
					}
				}
				if symmetric[c.cue.rel] && len(objs) == 0 && c.prep == "" && !(c.cue.rel == kg.MetWith && len(t.obliques(p, "as")) > 0) {
					// "who met as students" tells how they came to know
					// each other, not a meeting.
					// "X and Y met on Tuesday": each met the other.
					d.among(si, c.cue, t.n[p].lemma, &t, refs, as, t.n[p].tok, conf)
				}
				if !d.anyAgent(&t, refs, as) {
					pats := d.refsOf(&t, refs, objs)
					d.notePending(si, c.cue.rel, pats)
					d.agentlessEvent(si, c.cue, pats, t.n[p].tok, passive)
				}
				var srcs []int
				for _, a := range as {
					ra, ok := d.agentRef(&t, refs, a)
					if !ok {
						ra, ok = d.actorAdj(&t, refs, a) // "killed in an Israeli strike"
					}
					if !ok {
						ra, ok = d.nameSetOffAfter(&t, refs, a) // "run by his son, X,"
					}
					if ok {
						srcs = append(srcs, ra.ent)
					}
				}
				if c.cue.rel == kg.Detained {
					srcs = d.detainersOf(si, &t, refs, as, srcs)
				}
				for _, src := range srcs {
					for _, o := range objs {
						if h := t.n[o].head; t.n[o].deprel == "nmod:poss" && h >= 0 && slices.Contains(objs, h) {
							if _, ok := d.refOfNode(&t, refs, h); !ok {
								if _, ok := d.nameSetOffAfter(&t, refs, h); ok {
									continue // "runs the company's unit, X": X, not the company
								}
							}
						}
						if t.ledActivity(c.cue.rel, o) {
							continue // "led its investment": an act, not the body
						}
						ro, ok := d.refOfNode(&t, refs, o)
						if !ok {
							ro, ok = d.nameSetOffAfter(&t, refs, o)
						}
						if !ok {
							ro, ok = d.personAfterPhrase(&t, refs, o)
						}
						if !ok && byOwner[c.cue.rel] {
							ro, ok = d.ownerRef(&t, refs, t.partOfWhat(o))
						}
						if !ok && byOwner[c.cue.rel] && t.n[p].lemma != "raid" {
							ro, ok = d.personPossessor(&t, refs, o)
						}
						if !ok {
							ro, ok = d.objectRef(&t, refs, c.cue.rel, o)
						}
						if !ok {
							continue
						}
						cf := conf
						if passive {
							cf = min(conf, confPassive)
						}
						d.verbFact(si, c.cue, t.n[p].lemma, src, ro.ent, t.n[p].tok, cf)
					}
				}
			}
		}
		d.claims(si, &t, refs)
	}
}

// acts notes the acts of a sentence with one name whose agent is not
// named: "Gunmen killed X", "X was kidnapped". A detention's agent may be
// the body that detained others just before, or the state whose police
// acted ("Police arrested X").
func (d *doc) acts(si int, t *tree, refs []ref) {
	for p := range t.n {
		if t.n[p].upos != "VERB" || t.negated(p) || t.n[p].tok < 0 {
			continue
		}
		cues := gramCues[t.n[p].lemma]
		if t.intoCustody(p) {
			cues = gramCues["detain"]
		}
		for _, c := range cues {
			if c.prep != "" {
				continue
			}
			agents, patients, passive := t.arguments(p)
			pats := d.refsOf(t, refs, patients)
			d.notePending(si, c.cue.rel, pats)
			if c.cue.rel != kg.Detained || t.hedged(p) || t.n[p].lemma == "sentence" && len(t.obliques(p, "to")) == 0 {
				continue
			}
			if h := t.n[p].head; h >= 0 && hedges[t.n[h].lemma] {
				continue
			}
			for _, src := range d.detainersOf(si, t, refs, agents, nil) {
				for _, r := range pats {
					cf := confVerb
					if passive {
						cf = confPassive
					}
					d.verbFact(si, c.cue, t.n[p].lemma, src, r.ent, t.n[p].tok, cf)
				}
			}
		}
	}
}

// detainer is a body seen detaining someone in sentence si.
type detainer struct{ si, ent int }

// stateDetainers are the unnamed people and bodies a state detains
// through: "Police arrested X", "X was held by the authorities".
var stateDetainers = map[string]bool{"police": true, "policeman": true, "officer": true, "authority": true,
	"agent": true, "gendarme": true, "security": true, "prosecutor": true}

// detainersOf returns the bodies that did a detention whose agent words
// are as and whose named agents are srcs, and remembers them. Without a
// named agent, an unnamed police or authority ("Police in X arrested
// Y") is the article's state; a detention stated without any agent ("Y
// was also held", "Among those detained was Y") is by the body that
// detained others just before in the paragraph.
func (d *doc) detainersOf(si int, t *tree, refs []ref, as []int, srcs []int) []int {
	if len(srcs) == 0 {
		for _, a := range as {
			if n := t.n[a]; n.upos == "NOUN" && (stateDetainers[n.lemma] || stateDetainers[strings.TrimSuffix(n.low, "s")]) {
				h := d.homeCountry()
				if k := t.kid(a, "nmod:poss"); k >= 0 {
					// "Madagascar's environmental police": that state.
					if r, ok := d.refOfNode(t, refs, k); ok && !r.pron && d.ents[r.ent].country != nil {
						srcs = []int{r.ent}
					}
					break
				}
				if slices.ContainsFunc(n.kids, func(k int) bool {
					if t.n[k].deprel == "nmod:poss" {
						return true
					}
					r, ok := d.refOfNode(t, refs, k)
					if ok {
						return d.ents[r.ent].country != nil && r.ent != h
					}
					// An unknown demonym ("Gambian gendarmes").
					dr := t.n[k].deprel
					return (dr == "amod" || dr == "compound") && t.n[k].tok >= 0 && d.sents[si].toks[t.n[k].tok].cap && !stateDetainers[t.n[k].lemma]
				}) {
					break // "Gambian gendarmes", "Kenya's police": another state's, or someone's
				}
				if h >= 0 {
					srcs = []int{h}
				}
				break
			}
		}
	}
	if len(srcs) == 0 && len(as) == 0 {
		// "X was arrested on Monday", with no body before it: by the
		// state the article is about.
		if e := d.carriedDetainer(func(dt detainer) bool {
			return dt.si >= si-3 && dt.si <= si && d.sents[dt.si].Para == d.sents[si].Para
		}, true); e >= 0 {
			srcs = []int{e}
		}
	}
	for _, s := range srcs {
		d.detainers = append(d.detainers, detainer{si: si, ent: s})
	}
	return srcs
}

// carriedDetainer returns the latest body seen detaining that carry
// accepts, else (if home) the state the article is about, else -1.
func (d *doc) carriedDetainer(carry func(detainer) bool, home bool) int {
	for k := len(d.detainers) - 1; k >= 0; k-- {
		if carry(d.detainers[k]) {
			return d.detainers[k].ent
		}
	}
	if home {
		return d.homeCountry()
	}
	return -1
}

// anyAgent reports that one of the words stands for an acting entity.
func (d *doc) anyAgent(t *tree, refs []ref, ws []int) bool {
	for _, w := range ws {
		if _, ok := d.agentRef(t, refs, w); ok {
			return true
		}
	}
	return false
}

// memberNouns are the people a body acts through: "arrested by officers
// of Y", "soldiers of Y detained him" are acts of Y.
var memberNouns = map[string]bool{"officer": true, "soldier": true, "member": true, "fighter": true, "detective": true,
	"agent": true, "gendarme": true, "troop": true, "militant": true, "guard": true, "personnel": true, "police": true,
	"official": true, "investigator": true, "operative": true, "gunman": true, "bomber": true, "sniper": true,
	"assailant": true, "attacker": true, "militiaman": true, "commando": true}

// ledNouns are unnamed armed groupings that someone leads: "led a
// coalition fighting Y".
var ledNouns = map[string]bool{"coalition": true, "alliance": true, "force": true, "militia": true,
	"campaign": true, "offensive": true, "operation": true, "army": true, "group": true}

// stateAgents are the people a state acts through when a demonym or the
// state's name qualifies them ("Kenyan soldiers", "American officials");
// "Somali militants" are not the state's.
var stateAgents = map[string]bool{"soldier": true, "officer": true, "official": true, "agent": true,
	"police": true, "policeman": true, "guard": true, "personnel": true, "investigator": true, "diplomat": true,
	"marine": true, "sailor": true, "pilot": true, "commando": true, "gendarme": true, "prosecutor": true}

// agentRef is refOfNode for the one who acts: the body whose members
// acted stands for them.
func (d *doc) agentRef(t *tree, refs []ref, i int) (ref, bool) {
	if r, ok := d.refOfNode(t, refs, i); ok {
		return r, true
	}
	if n := t.n[i]; n.upos == "NOUN" && (armedNouns[n.lemma] || memberNouns[n.lemma] || memberNouns[strings.TrimSuffix(n.low, "s")]) {
		// "the X Brigade, whose troops fought": the body named before
		// "whose" acts through its people.
		if w := t.kid(i, "nmod:poss"); w >= 2 && t.n[w].low == "whose" && t.n[w-1].low == "," && t.n[w-2].tok >= 0 {
			if r, ok := refAt(refs, t.n[w-2].tok); ok && !r.adj && !r.pron && d.ents[r.ent].typ == kg.Organization {
				return r, true
			}
		}
	}
	if n := t.n[i]; n.upos == "NOUN" && (armedNouns[n.lemma] || stateAgents[n.lemma]) {
		// "Ethiopia's forces attacked", "Malian troops detained",
		// "American officials provided": the state acts.
		for _, k := range n.kids {
			if c := t.n[k]; (c.deprel == "nmod:poss" || c.deprel == "amod" || c.deprel == "compound") && c.tok >= 0 && k < i {
				if r, ok := refAt(refs, c.tok); ok && !r.pron && d.ents[r.ent].country != nil {
					return r, true
				}
			}
		}
	}
	if n := t.n[i]; n.upos == "NOUN" && memberNouns[n.lemma] {
		for _, o := range t.ownerOf(i, "of", "from") {
			if r, ok := d.refOfNode(t, refs, o); ok && !r.adj && d.ents[r.ent].typ == kg.Organization {
				return r, true
			}
		}
	}
	// "A raid by Y killed X", "Y's offensive destroyed X": the act's
	// author acts.
	if n := t.n[i]; n.upos == "NOUN" && aimedNouns[n.lemma].rel == kg.Attacked {
		for _, k := range n.kids {
			if c := t.n[k]; c.deprel == "nmod:poss" || c.deprel == "nmod" && t.caseOf(k) == "by" {
				if r, ok := d.refOfNode(t, refs, k); ok && !r.adj && d.ents[r.ent].typ != kg.Location {
					return r, true
				}
			}
		}
	}
	// "X has led a coalition fighting Y": the leader of an unnamed
	// force acts through it.
	if n := t.n[i]; n.upos == "NOUN" && (n.deprel == "obj" || n.deprel == "nsubj:pass") && n.head >= 0 && ledNouns[n.lemma] {
		if h := n.head; t.n[h].upos == "VERB" && (t.n[h].lemma == "lead" || t.n[h].lemma == "head" || t.n[h].lemma == "command") && !t.negated(h) {
			if s, _ := t.subjects(h, 0); s >= 0 && n.deprel == "obj" {
				// A body, not a commander: his force's acts are not his.
				if r, ok := d.refOfNode(t, refs, s); ok && !r.adj && d.ents[r.ent].typ != kg.Person {
					return r, true
				}
			}
		}
	}
	// "the government of X", "forces of X": the state acts.
	if n := t.n[i]; n.upos == "NOUN" && armedNouns[n.lemma] {
		for _, o := range t.ownerOf(i, "of") {
			if r, ok := d.refOfNode(t, refs, o); ok && !r.adj && d.ents[r.ent].country != nil {
				return r, true
			}
		}
	}
	// "the brigade said it had fought Y": "it" (or "they"), the subject
	// of what a body says, is that body.
	if n := t.n[i]; (n.low == "it" || n.low == "they") && n.deprel == "nsubj" && n.head >= 0 && t.n[n.head].deprel == "ccomp" {
		if v := t.n[n.head].head; v >= 0 && speechVerbs[t.n[v].low] {
			if s := t.kid(v, "nsubj"); s >= 0 && s < i {
				if r, ok := d.refOfNode(t, refs, s); ok && !r.adj && d.ents[r.ent].typ == kg.Organization {
					return r, true
				}
			}
		}
	}
	return ref{}, false
}

// shareNouns measure a holding: "owns 40 percent of Y", "holds a stake
// in Y".
var shareNouns = map[string]bool{"percent": true, "%": true, "stake": true, "share": true, "majority": true,
	"control": true, "interest": true}

// armedNouns are armed bodies named by their country: "commanded
// American forces".
var armedNouns = map[string]bool{"force": true, "troop": true, "army": true, "military": true, "navy": true,
	"government": true, "authority": true}

// forceTargets are the forces and posts of a state that an attack may
// hit: "ambushed a Norwegian patrol".
var forceTargets = map[string]bool{"patrol": true, "convoy": true, "troop": true, "soldier": true, "force": true,
	"base": true, "position": true, "outpost": true, "army": true, "navy": true, "warship": true, "vessel": true,
	"embassy": true, "consulate": true, "checkpoint": true, "garrison": true}

// officeNouns are parts of a body that a person runs: "heads the Mombasa
// office of Y", "runs the group's political office".
var officeNouns = map[string]bool{"office": true, "branch": true, "bureau": true, "unit": true, "division": true,
	"department": true, "wing": true, "arm": true, "subsidiary": true, "team": true}

// objectRef reads an object named through a measure or a demonym: "owns
// 40 percent of Y", "commanded American forces".
func (d *doc) objectRef(t *tree, refs []ref, rel kg.RelationType, i int) (ref, bool) {
	n := t.n[i]
	switch {
	case rel == kg.Owns && shareNouns[n.lemma]:
		for _, o := range t.ownerOf(i, "of", "in") {
			if r, ok := d.refOfNode(t, refs, o); ok && !r.adj && d.ents[r.ent].typ == kg.Organization {
				return r, true
			}
		}
	case placeNouns[n.lemma] != "" && n.upos == "NOUN":
		// "attacked the town of X", "the rebel stronghold of X".
		for _, o := range t.ownerOf(i, "of") {
			if r, ok := d.refOfNode(t, refs, o); ok && !r.adj && d.ents[r.ent].typ == kg.Location {
				return r, true
			}
		}
	case (rel == kg.Leads || rel == kg.WorksFor) && officeNouns[n.lemma] && n.upos == "NOUN":
		// A named part set off after it is the part itself.
		if i+2 < len(t.n) && t.n[i+1].low == "," && t.n[i+2].tok >= 0 {
			if r, ok := refAt(refs, t.n[i+2].tok); ok && !r.adj && !r.pron && d.ents[r.ent].typ == kg.Organization {
				return r, true
			}
		}
		for _, o := range t.ownerOf(i, "of") {
			if r, ok := d.refOfNode(t, refs, o); ok && !r.adj && d.ents[r.ent].typ == kg.Organization {
				return r, true
			}
		}
	case (rel == kg.Commands || rel == kg.Leads || byOwner[rel]) && armedNouns[n.lemma] && n.upos == "NOUN":
		if r, ok := d.demonymState(t, refs, i); ok {
			return r, true
		}
	}
	if (rel == kg.Attacked || rel == kg.Killed || rel == kg.Fought) && n.upos == "NOUN" && forceTargets[n.lemma] {
		// "ambushed a Norwegian patrol", "shelled Malian positions": the
		// state whose force it is.
		if r, ok := d.demonymState(t, refs, i); ok {
			return r, true
		}
	}
	if (rel == kg.Attacked || rel == kg.Killed || rel == kg.Fought) && n.upos == "NOUN" && n.tok >= 0 && t.kid(i, "nmod:poss") < 0 {
		// "ambushed an army convoy", "attacked federal troops": the
		// state's own forces, unless a name or demonym says whose.
		force := stateForceNouns[n.lemma] && !slices.ContainsFunc(n.kids, func(k int) bool {
			return t.n[k].deprel == "nmod" || t.n[k].tok >= 0 && d.sents[t.si].toks[t.n[k].tok].cap
		})
		for _, k := range n.kids {
			if c := t.n[k]; c.deprel == "compound" && k == i-1 && (c.lemma == "army" || c.lemma == "police" || c.lemma == "military") && t.kid(i, "amod") < 0 {
				force = true
			}
		}
		if force {
			if e := d.stateForce(t.si, d.sents[t.si].toks[n.tok].start); e >= 0 {
				return ref{ent: e, ts: n.tok, te: n.tok + 1, pron: true}, true
			}
		}
	}
	if n.upos != "NOUN" {
		return ref{}, false
	}
	// "heads the X tribe": an organization's name before its own head
	// noun is the organization.
	if _, ok := orgNouns[n.lemma]; (ok || officeNouns[n.lemma]) && i > 0 && t.n[i-1].head == i && t.n[i-1].deprel == "compound" {
		if r, ok := d.refOfNode(t, refs, i-1); ok && !r.adj && d.ents[r.ent].typ == kg.Organization {
			return r, true
		}
	}
	// "led the coalition of militias, known as X": the name set off
	// after the phrase, which the parser may hang on its of-noun or on
	// the verb.
	hs := append([]int{i}, t.ownerOf(i, "of")...)
	if n.head >= 0 {
		hs = append(hs, n.head)
	}
	for _, h := range hs {
		for _, a := range t.kidsOf(h, "acl") {
			if (t.n[a].lemma == "know" || t.n[a].lemma == "call") && a > i && t.n[a-1].low == "," {
				for _, o := range t.obliques(a, "as") {
					if r, ok := d.refOfNode(t, refs, o); ok && !r.adj {
						return r, true
					}
				}
			}
		}
	}
	return ref{}, false
}

// personPossessor returns the person "his" or "her" before noun i
// stands for: "funded his laboratory", "backed her campaign" are aimed at
// that person.
func (d *doc) personPossessor(t *tree, refs []ref, i int) (ref, bool) {
	if t.n[i].upos != "NOUN" {
		return ref{}, false
	}
	if k := t.kid(i, "nmod:poss"); k >= 0 && (t.n[k].low == "his" || t.n[k].low == "her") && t.n[k].tok >= 0 {
		if r, ok := refAt(refs, t.n[k].tok); ok && d.ents[r.ent].typ == kg.Person {
			return r, true
		}
	}
	return ref{}, false
}

// refsOf returns the entity references the words stand for.
func (d *doc) refsOf(t *tree, refs []ref, ws []int) []ref {
	var out []ref
	for _, w := range ws {
		if r, ok := d.refOfNode(t, refs, w); ok {
			out = append(out, r)
		}
	}
	return out
}

// hedged reports a fact stated under "is accused of", "allegedly", or a
// stance stated as an intent.
func (t *tree) hedged(p int) bool {
	if t.intended(p) {
		return true // "vowed to back X": a stance stated as an intent
	}
	for _, k := range t.n[p].kids {
		if t.n[k].low == "allegedly" || t.n[k].low == "reportedly" {
			return true
		}
	}
	return false
}

// whoseNounBefore returns the noun of a "whose" phrase that ends right
// before word b ("Y, whose mission in Georgia is led by X" with the
// clause's verb hung elsewhere): it is the subject of the verb at b, or
// -1.
func (t *tree) whoseNounBefore(b int) int {
	for w := b - 1; w >= 1 && b-w <= 6; w-- {
		if t.n[w].upos != "NOUN" || t.n[w-1].low != "whose" {
			continue
		}
		for j := w + 1; j < b; j++ {
			if !t.under(j, w) {
				return -1 // the phrase ends before b
			}
		}
		return w
	}
	return -1
}

// participleNoun returns the nominal that passive participle p describes
// as a reduced relative ("a company founded by X and now run by Y"), where
// the parser hung it elsewhere, or -1. A participle modifies a nominal, so
// one hung on a verb as "acl" describes the nominal right before it; one
// joined by "and" to an earlier participle but hung on a noun or on a
// later verb shares that participle's nominal.
func (t *tree) participleNoun(p, depth int) int {
	n := t.n[p]
	if n.xpos != "VBN" || n.head < 0 || depth > 2 {
		return -1
	}
	h := t.n[n.head]
	nominal := func(i int) bool {
		u := t.n[i].upos
		return u == "NOUN" || u == "PROPN"
	}
	switch {
	case n.deprel == "acl" && (h.upos == "VERB" || h.upos == "AUX"):
		if p > 0 && nominal(p-1) {
			return p - 1
		}
	case (n.deprel == "conj" || n.deprel == "advcl") && t.kid(p, "cc") >= 0 && t.kid(p, "aux:pass") < 0 && t.isPassive(p):
		// The earlier participle: the nearest one before p, with no
		// finite verb between, after the word the parser joined p to.
		for j := p - 1; j >= 0 && (n.deprel != "conj" || j > n.head); j-- {
			w := t.n[j]
			if w.xpos == "VBN" && (w.deprel == "acl" || w.deprel == "conj") && w.head >= 0 {
				if w.deprel == "acl" && nominal(w.head) {
					return w.head
				}
				return t.participleNoun(j, depth+1)
			}
			if w.upos == "VERB" && w.xpos != "VBN" && w.xpos != "VBG" || w.upos == "AUX" || w.upos == "PRON" && w.deprel == "nsubj" {
				break
			}
		}
	}
	return -1
}

// actor is the subject of p, or its passive subject when it has none:
// whoever the clause is about, for rules that do not care about voice.
func (t *tree) actor(p, depth int) int {
	s, ps := t.subjects(p, depth)
	if s < 0 {
		return ps
	}
	return s
}

// subjects returns the active and passive subjects of predicate p, a
// relative pronoun replaced by the noun its clause modifies, a missing
// subject taken from the verb p is coordinated with or depends on
// ("agreed to back X", "is accused of leading X").
func (t *tree) subjects(p int, depth int) (subj, psubj int) {
	n := t.n[p]
	subj, psubj = t.nearest(p, "nsubj"), t.nearest(p, "nsubj:pass")
	passive := psubj >= 0 || t.isPassive(p)
	modified := -1
	if (n.deprel == "acl:relcl" || n.deprel == "acl") && n.head >= 0 {
		modified = n.head
	}
	if a := t.participleNoun(p, 0); a >= 0 {
		modified = a
	}
	relPron := func(i int) bool {
		switch t.n[i].low {
		case "who", "which", "that", "whom":
			return true
		}
		return false
	}
	if subj < 0 {
		subj = t.decider(t.nearest(p, "nsubj:outer")) // "X's first decision was to reinstate Y"
	}
	if subj < 0 && psubj < 0 && n.deprel == "acl" && t.caseOrMark(p) == "to" {
		if s := t.decider(n.head); s >= 0 {
			return s, -1 // "X's decision to appoint Y"
		}
	}
	if subj >= 0 && t.n[subj].low == "who" && modified < 0 && (n.deprel == "parataxis" || n.deprel == "dep") &&
		n.head >= 0 && n.head < subj && t.n[n.head].upos == "PROPN" {
		modified = n.head // "X, who heads Y, resigned" read as a side clause
	}
	if subj >= 0 && t.n[subj].low == "who" && modified < 0 && subj >= 2 && t.n[subj-1].low == "," {
		// "X, 52, who runs Y, said": the parser may hang the clause on
		// the later verb; "who" is the person set off before it.
		j := subj - 2
		if j >= 2 && t.n[j].upos == "NUM" && t.n[j-1].low == "," {
			j -= 2
		}
		if t.n[j].lemma == placeholders[kg.Person] {
			modified = j
		}
	}
	if r := max(subj, psubj); modified >= 0 && r >= 2 && relPron(r) && (t.n[modified].upos == "VERB" || t.n[modified].upos == "AUX") &&
		t.n[r-1].low == "," && t.n[r].low != "that" {
		// "repaid the Council (NHMRC), which funded his laboratory": a
		// clause hung on the verb describes the name set off before it.
		j := r - 2
		if t.n[j].low == ")" && j >= 2 && t.n[j-2].low == "(" {
			j -= 3
		}
		if j >= 0 && t.isName(j) {
			modified = j
		}
	}
	if r := max(subj, psubj); modified >= 0 && r >= 2 && t.n[r].low == "which" && t.n[r-1].low == "," &&
		r-2 != modified && t.isName(r-2) && t.n[r-2].deprel == "nmod" && t.under(r-2, modified) && t.n[modified].upos == "NOUN" {
		// "a statement from the coalition, which has fought Y": a clause
		// set off right after a name in a noun's phrase is about the name.
		modified = r - 2
	}
	if subj >= 0 && relPron(subj) {
		subj = modified
		// "an officer in Iraq who works at Y": "who" is a person, not the
		// place or body the parser hung the clause on.
		for k := 0; k < 2 && subj >= 0 && t.n[p].kids != nil && t.n[subj].low != "who" && isWho(t, p) &&
			(t.n[subj].lemma == placeholders[kg.Location] || t.n[subj].lemma == placeholders[kg.Organization]) &&
			t.n[subj].deprel == "nmod"; k++ {
			subj = t.n[subj].head
		}
	}
	if psubj >= 0 && relPron(psubj) {
		psubj = modified
	}
	// "X, a Sunni who heads Y": the parser may hang the clause on the
	// adjective or noun of a description set off after a person's name;
	// "who" is that person.
	if w := t.nearest(p, "nsubj"); w >= 0 && t.n[w].low == "who" && subj >= 0 && t.n[subj].lemma != placeholders[kg.Person] {
		if x := t.describedPerson(w); x >= 0 {
			subj = x
		}
	}
	// "a firm registered in X, Y, which is owned by Z": the clause
	// describes the name set off after the place.
	for _, s := range []*int{&subj, &psubj} {
		if m := *s; m >= 0 && m == modified && t.n[m].lemma == placeholders[kg.Location] {
			for _, k := range t.n[m].kids {
				if k > m && k < p && (t.n[k].deprel == "conj" || t.n[k].deprel == "appos") && t.n[k].lemma == placeholders[kg.Organization] {
					*s = k
				}
			}
		}
	}
	// "a firm based in X that is owned by Y": the clause describes the
	// firm, not the place of the participle before it.
	for _, s := range []*int{&subj, &psubj} {
		if m := *s; m >= 0 && m == modified && t.n[m].lemma == placeholders[kg.Location] && t.n[m].head >= 0 &&
			(t.n[m].deprel == "obl" || t.n[m].deprel == "nmod") {
			if h := t.n[m].head; t.n[h].deprel == "acl" && t.n[h].xpos == "VBN" && t.n[h].head >= 0 {
				*s = t.n[h].head
			} else if t.n[h].xpos == "VBN" && h > 0 && h < m && (t.n[h-1].upos == "NOUN" || t.n[h-1].upos == "PROPN") {
				*s = h - 1 // the same, the participle misread ("a conglomerate based in X that")
			}
		}
	}
	if subj >= 0 || psubj >= 0 || depth > 3 {
		return
	}
	if s := t.invertedSubject(p); s >= 0 {
		return -1, s
	}
	if !passive && p >= 2 && n.head < 0 && t.isName(p-1) && t.n[p-2].low == "," && t.n[p-1].head >= 0 && t.n[p-1].head < p-1 {
		// "At the Harbor Council, Mayor X appointed Y": the parser may
		// hang the name right before the verb on the fronted phrase.
		switch t.n[p-1].deprel {
		case "flat", "appos", "conj", "compound", "list", "nmod:unmarked", "dep":
			return p - 1, -1
		}
	}
	for _, k := range n.kids {
		if k > p || t.n[k].upos != "PROPN" {
			continue
		}
		switch dr := t.n[k].deprel; {
		case passive && (dr == "obl:unmarked" || dr == "nmod:unmarked" || dr == "dep"):
			// "X, led by Y, said": the parser hung X on the participle.
			return -1, k
		case !passive && n.xpos == "VBG" && dr == "compound":
			// "the X-led coalition fighting Y" read as one noun.
			return k, -1
		}
	}
	if passive && modified < 0 {
		// "Y, whose director, X, was appointed by Z": a name set off
		// right before the passive verb that the parser hung elsewhere.
		b := p
		for _, k := range n.kids {
			if k < b && (t.n[k].deprel == "aux:pass" || t.n[k].deprel == "aux") {
				b = k
			}
		}
		if b >= 3 && t.n[b-1].low == "," && t.n[b-2].upos == "PROPN" && t.n[b-2].tok >= 0 && t.n[b-3].low == "," {
			return -1, b - 2
		}
		if w := t.whoseNounBefore(b); w >= 0 {
			return -1, w
		}
	}
	if modified >= 0 {
		if passive {
			psubj = modified // "a terminal owned by X"
		} else if n.xpos == "VBG" || n.deprel == "acl:relcl" || t.whoseClause(p) || t.rootActs(p) {
			subj = modified // "the coalition fighting X"; "whose troops fought X"
		}
		return
	}
	// "X (Y) criticized Z, it said": the parser may make the subject
	// the root and hang the finite verb after it on a later clause.
	if r := t.nominalRootBefore(p); r >= 0 && (n.xpos == "VBD" || n.xpos == "VBZ" || n.xpos == "VBP") && t.kid(p, "mark") < 0 {
		if passive {
			return -1, r
		}
		return r, -1
	}
	switch n.deprel {
	case "dep", "parataxis":
		// "X, who …, said": after a long subject the parser often makes
		// the subject the root and leaves the verb hanging on it.
		if h := n.head; h >= 0 && (t.n[h].upos == "PROPN" || t.n[h].upos == "NOUN") && t.n[h].head < 0 && h < p {
			if passive {
				return -1, h
			}
			return h, -1
		}
	case "conj":
		// "X suspended Y and appointed Z": the first verb's subject.
		hs, hp := t.subjects(n.head, depth+1)
		if passive {
			if hp < 0 {
				// "X, which runs Y and is allied with Z"; "is armed and
				// funded by W" with the participle read as an adjective:
				// coordinated verbs share their subject whatever the
				// voice of each.
				hp = hs
			}
			return -1, hp
		}
		if hs < 0 {
			hs = hp // "X was founded in 2010 and attacked Y"
		}
		return hs, -1
	case "xcomp", "advcl":
		// "To replace X at Y, Z named W": the parser may make the opening
		// purpose clause the root; the main verb's subject is the name
		// set off right before it.
		if h := n.head; n.deprel == "xcomp" && t.n[h].head < 0 && len(t.n) > 0 && t.n[0].low == "to" && t.n[0].head == h &&
			p >= 2 && t.n[p-1].lemma == placeholders[kg.Person] && t.n[p-2].low == "," {
			return p - 1, -1
		}
		// "agreed to back X"; "is accused of leading X".
		// "voted to back X", "moved to oust X": a purpose clause's
		// subject is the main verb's (or its object's, below).
		// "ambushed a convoy, killing 29 soldiers": a participle clause
		// with no marker shares the main clause's subject.
		if t.joinedIn(n.head) == p {
			return t.actor(n.head, depth+1), -1
		}
		if m := t.caseOrMark(p); n.deprel == "advcl" && n.xpos == "VBG" && timeMarks[m] {
			// "released X after holding him", "while visiting Y": the
			// main clause's subject did it.
			return t.actor(n.head, depth+1), -1
		}
		setOff := n.xpos == "VBG" && p > n.head && t.n[p-1].low == ","
		if m := t.caseOrMark(p); n.deprel == "advcl" && m != "of" && (m != "to" || n.xpos != "VB") &&
			!(m == "" && setOff && t.kid(p, "obj") >= 0) {
			return
		}
		// "convicted X of belonging": X, the object, does it; so does
		// the object of "named X to head Y" (which the parser may attach
		// as a nominal xcomp). Not a participle set off by a comma
		// ("removed X, accusing him"), nor a count ("voted four to one
		// to remove X").
		if o := t.kid(n.head, "obj"); o >= 0 && n.deprel == "advcl" && !setOff && t.n[o].upos != "NUM" {
			return o, -1
		}
		if n.deprel == "xcomp" {
			for _, k := range t.n[n.head].kids {
				if k != p && (t.n[k].deprel == "obj" || t.n[k].deprel == "xcomp" && (t.n[k].upos == "PROPN" || t.n[k].upos == "PRON")) && k < p {
					return k, -1
				}
			}
		}
		return t.actor(n.head, depth+1), -1
	}
	return
}

// invertedSubject returns the subject of a fronted participle ("Detained
// in the same raid were X and Y", "Also taken into custody was X"),
// which the parser reads as a nominal with a copula hung on the
// participle, or -1.
func (t *tree) invertedSubject(p int) int {
	n := t.n[p]
	if n.xpos != "VBN" || n.head >= 0 || t.kid(p, "nsubj") >= 0 {
		return -1
	}
	for j := 0; j < p; j++ {
		if t.n[j].upos != "ADV" && t.n[j].upos != "CCONJ" {
			return -1 // the participle opens the sentence
		}
	}
	for _, k := range n.kids {
		if k < p || t.n[k].upos != "PROPN" && t.n[k].upos != "NOUN" {
			continue
		}
		if c := t.kid(k, "cop"); c > p && c < k && t.n[c].lemma == "be" {
			return k
		}
	}
	return -1
}

// partOfWhat returns the noun a quantity of it stands for ("several of
// X's projects", "most of its funding"), else i.
func (t *tree) partOfWhat(i int) int {
	switch n := t.n[i]; {
	case n.upos == "NOUN" && n.lemma != "part" && n.lemma != "half":
		return i
	case n.upos != "ADJ" && n.upos != "NUM" && n.upos != "PRON" && n.upos != "DET" && n.upos != "NOUN":
		return i
	}
	for _, k := range t.n[i].kids {
		if dr := t.n[k].deprel; (dr == "nmod" || dr == "obl") && t.caseOf(k) == "of" && k > i {
			return k
		}
	}
	return i
}

// quitVerbs leave a post: "called for X to resign", "urged X to step
// down".
var quitVerbs = map[string]bool{"resign": true, "quit": true, "step": true, "stand": true}

// resignationDemand reads "Y called for X to resign", "Y urged X to step
// down", "Y demanded that X resign" at verb v: Y opposes X.
func (d *doc) resignationDemand(si int, t *tree, refs []ref, v int) {
	n := t.n[v]
	if n.upos != "VERB" || t.negated(v) || !callVerbs[n.lemma] && !demandVerbs[n.lemma] && n.lemma != "tell" {
		return
	}
	var quit = -1
	for _, k := range n.kids {
		if dr := t.n[k].deprel; (dr == "xcomp" || dr == "advcl" || dr == "ccomp") && quitVerbs[t.n[k].lemma] && !t.negated(k) {
			if l := t.n[k].lemma; (l == "step" || l == "stand") && t.kid(k, "compound:prt") < 0 {
				continue // "step down", "stand aside"
			}
			quit = k
		}
	}
	if quit < 0 {
		return
	}
	targets := t.obliques(v, "for")
	for _, k := range n.kids {
		if dr := t.n[k].deprel; dr == "obj" || dr == "iobj" {
			targets = append(targets, t.conjuncts(k)...)
		}
	}
	if s := t.kid(quit, "nsubj"); s >= 0 {
		targets = append(targets, t.conjuncts(s)...) // "demanded that X resign"
	} else if c := t.kid(quit, "compound"); c >= 0 && c < quit && t.isName(c) {
		targets = append(targets, c) // the same, with "resign" read as a noun
	}
	subj := t.actor(v, 0)
	if subj < 0 || t.isPassive(v) {
		return
	}
	for _, a := range t.conjuncts(subj) {
		ra, ok := d.agentRef(t, refs, a)
		if !ok || ra.adj {
			continue
		}
		for _, o := range targets {
			if ro, ok := d.refOfNode(t, refs, o); ok && !ro.adj && ro.ent != ra.ent {
				d.addRel(kg.Opposes, ra.ent, ro.ent, map[string]string{"how": "resignation"}, si, confNoun)
			}
		}
	}
}

// kinGroupNouns name kin as a group: "the brothers X and Y", "the
// couple, X and Y".
var kinGroupNouns = map[string]string{"brother": "brother", "sister": "sister", "sibling": "sibling", "twin": "twin",
	"cousin": "cousin", "couple": "spouse"}

// kinGroups relates each pair of the names in apposition to a plural
// kin noun (or "couple"): "the brothers X and Y founded Z".
func (d *doc) kinGroups(si int, t *tree, refs []ref) {
	for i := range t.n {
		n := t.n[i]
		rel, ok := kinGroupNouns[n.lemma]
		if !ok || n.upos != "NOUN" || n.xpos != "NNS" && n.lemma != "couple" || t.kid(i, "nmod:poss") >= 0 {
			continue // "his brothers, X and Y": kin of him, read elsewhere
		}
		a := t.kid(i, "appos")
		if a < 0 {
			continue
		}
		var ps []ref
		for _, c := range t.conjuncts(a) {
			if r, ok := d.refOfNode(t, refs, c); ok && !r.pron && d.ents[r.ent].typ == kg.Person {
				ps = append(ps, r)
			}
		}
		for x, p := range ps {
			for _, q := range ps[x+1:] {
				if p.ent != q.ent {
					d.addRel(kg.FamilyOf, p.ent, q.ent, map[string]string{"relation": rel}, si, confApposition)
				}
			}
		}
	}
}

// timeMarks open a participle clause that shares its main clause's
// subject: "after holding him".
var timeMarks = map[string]bool{"after": true, "before": true, "while": true, "since": true, "when": true, "by": true, "until": true}

// joinedIn returns the act of "X joined Y in condemning Z" at the verb
// p, or -1: both X and Y do it.
func (t *tree) joinedIn(p int) int {
	if t.n[p].lemma != "join" {
		return -1
	}
	for _, k := range t.n[p].kids {
		if t.n[k].deprel == "advcl" && t.n[k].xpos == "VBG" && t.caseOrMark(k) == "in" {
			return k
		}
	}
	return -1
}

// nameSetOffAfter returns the organization named right after the noun
// phrase of object o, set off by a comma: "runs the company's logistics
// subsidiary, X," names X, whatever the parser did with the words
// between.
func (d *doc) nameSetOffAfter(t *tree, refs []ref, o int) (ref, bool) {
	j := o + 1
	for j < len(t.n) && j-o <= 3 && (t.n[j].upos == "NOUN" || t.n[j].upos == "ADJ" || t.n[j].upos == "ADV") {
		j++
	}
	if j+1 >= len(t.n) || t.n[j].low != "," || t.n[j+1].tok < 0 {
		return ref{}, false
	}
	if j+2 < len(t.n) && t.n[j+2].low != "," && t.n[j+2].upos != "PUNCT" {
		return ref{}, false // a list, not a name set off
	}
	if r, ok := refAt(refs, t.n[j+1].tok); ok && !r.adj && !r.pron && d.ents[r.ent].typ == kg.Organization {
		return r, true
	}
	// "arrested a courier, X,": a person set off after a noun for one.
	if r, ok := refAt(refs, t.n[j+1].tok); ok && !r.adj && !r.pron && d.ents[r.ent].typ == kg.Person && j == o+1 &&
		t.n[o].upos == "NOUN" && (personNoun(t.n[o].low) || personNoun(t.n[o].lemma)) {
		return r, true
	}
	return ref{}, false
}

// personAfterPhrase returns the person named right after the phrase of
// a noun for one: "accused a senator from the ruling party, X, of".
func (d *doc) personAfterPhrase(t *tree, refs []ref, o int) (ref, bool) {
	if n := t.n[o]; n.upos != "NOUN" || !personNoun(n.low) && !personNoun(n.lemma) {
		return ref{}, false
	}
	// Walk the phrase word by word: the parser often hangs its
	// prepositional phrase on the verb.
	j := o + 1
	for j < len(t.n) && j-o <= 7 && t.n[j].low != "," {
		switch t.n[j].upos {
		case "ADP", "DET", "NOUN", "ADJ", "PROPN", "NUM", "PART":
			j++
			continue
		}
		return ref{}, false
	}
	a := j + 1
	if j >= len(t.n) || t.n[j].low != "," || a >= len(t.n) || !t.isName(a) || a+1 < len(t.n) && t.n[a+1].upos != "PUNCT" {
		return ref{}, false
	}
	if r, ok := refAt(refs, t.n[a].tok); ok && !r.adj && !r.pron && d.ents[r.ent].typ == kg.Person {
		return r, true
	}
	return ref{}, false
}

// nominalRootBefore returns the root of the sentence when it is a name
// without a subject or copula that only its short form ("X (Y)") parts
// from p, or -1.
func (t *tree) nominalRootBefore(p int) int {
	r := -1
	for i := range t.n {
		if t.n[i].head < 0 {
			r = i
			break
		}
	}
	if r < 0 || r >= p || t.n[r].upos != "PROPN" || t.kid(r, "nsubj") >= 0 || t.kid(r, "cop") >= 0 {
		return -1
	}
	// Only the name and its bracketed or set-off short form.
	for j := r + 1; j < p; j++ {
		if !t.under(j, r) || t.n[j].upos != "PUNCT" && t.n[j].upos != "PROPN" {
			return -1
		}
	}
	return r
}

// rootActs reports that p, a participle with an object hung right after
// a name the parser made the root, is that name's finite verb: "Mayor X
// named Y chief of Z" read as "Mayor X, named …".
func (t *tree) rootActs(p int) bool {
	n := t.n[p]
	if n.deprel != "acl" || n.head < 0 || n.head >= p || t.n[n.head].head >= 0 || t.kid(p, "obj") < 0 {
		return false
	}
	if h := t.n[n.head]; h.upos != "PROPN" && (h.upos != "NOUN" || n.xpos != "VBD" && n.xpos != "VBN") {
		return false
	}
	// "Police officers from Y arrested X": a root noun whose phrase runs
	// up to the participle has no verb but this one.
	for j := n.head + 1; j < p; j++ {
		if !t.under(j, n.head) || t.n[j].upos == "VERB" || t.n[j].upos == "PUNCT" {
			return false
		}
	}
	return t.kid(p, "aux") < 0 && t.kid(p, "aux:pass") < 0
}

// isName reports that word i stands for a name given to the parser.
func (t *tree) isName(i int) bool {
	l := t.n[i].lemma
	return t.n[i].tok >= 0 && (l == placeholders[kg.Person] || l == placeholders[kg.Organization] || l == placeholders[kg.Location])
}

// pastPossessor returns the name possessed by i, or set off after its
// phrase, when the parser took a possessor for the head of its phrase
// ("Y's commander, X, was killed" read with Y as the subject): a word
// with "'s" is never the subject; -1 if no name follows. Any other word
// is returned as it is.
func (t *tree) pastPossessor(i int) int {
	if i < 0 || !slices.ContainsFunc(t.n[i].kids, func(k int) bool { return t.n[k].deprel == "case" && t.n[k].low == "'s" }) {
		return i
	}
	for _, k := range t.n[i].kids {
		dr := t.n[k].deprel
		if k == i+2 && t.n[i+1].low == "'s" && t.isName(k) && (dr == "flat" || dr == "compound" || dr == "appos") {
			return k // "X's Y Movement has opposed": the possessed name
		}
		if k > i+1 && t.n[k-1].low == "," && t.n[k].upos == "PROPN" && (dr == "conj" || dr == "appos" || dr == "list") {
			return k
		}
	}
	return -1
}

// whoseClause reports that p, a participle with an object hung on a noun
// owned by "whose", is that clause's finite verb: "whose troops fought
// X" is active, the troops its subject.
func (t *tree) whoseClause(p int) bool {
	n := t.n[p]
	if n.deprel != "acl" || n.head < 0 || t.kid(p, "obj") < 0 {
		return false
	}
	return t.whoseNoun(n.head)
}

// caseOrMark returns the marker word of a clause ("of leading").
func (t *tree) caseOrMark(i int) string {
	if c := t.kid(i, "mark"); c >= 0 {
		return t.n[c].low
	}
	return ""
}

// arguments returns the agents and patients of predicate p: subjects and
// objects, the agent of a passive, the noun a relative clause or a
// participle modifies, and the subject a coordinated verb shares.
func (t *tree) arguments(p int) (agents, patients []int, passive bool) {
	n := t.n[p]
	subj, psubj := t.subjects(p, 0)
	if subj < 0 || t.decider(t.n[subj].head) != subj {
		subj = t.pastPossessor(subj) // not "X's decision to appoint Y"
	}
	psubj = t.pastPossessor(psubj)
	passive = psubj >= 0 || t.isPassive(p)
	defer func() { patients = append(patients, t.alongWith(p)...) }()
	if passive {
		if psubj >= 0 {
			patients = t.conjuncts(psubj)
		}
		for _, k := range t.n[p].kids {
			if t.n[k].deprel == "obl:agent" || t.n[k].deprel == "obl" && t.caseOf(k) == "by" {
				agents = append(agents, t.conjuncts(k)...)
				if j := k + 1; t.n[k].upos == "NOUN" && j < len(t.n) && t.isName(j) && (!t.under(j, k) || t.n[j].head == k && t.n[j].deprel == "appos") {
					// "by the pharmacists X and Y": the names after
					// the noun, wherever the parser hung them, each of
					// the coordinated ones.
					agents = append(agents, t.conjuncts(j)...)
				}
			}
		}
		if len(agents) == 0 {
			// "armed and funded by Y": coordinated participles share
			// the agent, which the parser may hang on either.
			for _, c := range t.kidsOf(p, "conj") {
				if t.n[c].upos == "VERB" {
					agents = append(agents, t.kidsOf(c, "obl:agent")...)
				}
			}
			if h := n.head; n.deprel == "conj" && h >= 0 {
				for _, k := range t.n[h].kids {
					if t.n[k].deprel == "obl:agent" || t.n[k].deprel == "obl" && t.caseOf(k) == "by" {
						agents = append(agents, k)
					}
				}
			}
		}
		if n.lemma == "own" || n.lemma == "control" || n.lemma == "hold" {
			agents = append(agents, t.gappedAgents(p)...)
		}
		if len(agents) == 0 {
			// "was assigned to the case by Y", "was named minister by
			// Y": the parser often hangs the agent on the word before it.
			for _, k := range append(t.kidsOf(p, "obl"), t.kidsOf(p, "xcomp")...) {
				for _, b := range t.kidsOf(k, "nmod") {
					if t.caseOf(b) == "by" {
						agents = append(agents, t.conjuncts(b)...)
					}
				}
			}
		}
		return
	}
	if subj >= 0 {
		agents = t.conjuncts(subj)
	}
	if h := n.head; h >= 0 && t.joinedIn(h) == p {
		if j := t.kid(h, "obj"); j >= 0 {
			agents = append(agents, t.conjuncts(j)...) // "joined Y in condemning Z": Y too
		}
	}
	o := t.kid(p, "obj")
	if os := t.kidsOf(p, "obj"); len(os) > 1 && t.n[os[0]].upos == "PROPN" && os[1] == os[0]+1 && !t.putInPost(p) {
		o = os[1] // "heads the Nairobi office": the name modifies the noun
	}
	if x := t.kid(p, "xcomp"); x >= 0 && t.n[x].upos == "PROPN" && (o < 0 || x < o && t.n[o].upos == "NOUN") {
		o = x // "named X, a deputy of Y, to head Z"; "named X chief of Y" read with X as the complement
	}
	if o < 0 {
		// "arrested and charged X": verbs coordinated right after one
		// another share the object the parser hangs on the last.
		for _, c := range t.kidsOf(p, "conj") {
			if t.n[c].upos == "VERB" && c == p+2 && (t.n[p+1].low == "and" || t.n[p+1].low == "or") {
				o = t.kid(c, "obj")
			}
		}
	}
	if o >= 0 && (t.n[o].low == "whom" || t.n[o].low == "which" || t.n[o].low == "that") {
		// "X, whom Y appointed in 2019": the name the clause is about,
		// wherever the parser hung the clause.
		if n.deprel == "acl:relcl" && n.head >= 0 {
			o = n.head
		} else if o >= 2 && t.n[o-1].low == "," && t.isName(o-2) {
			o = o - 2
		}
	}
	if o >= 0 {
		o = t.pastPossessor(o)
	}
	if o >= 0 && (t.n[o].lemma == "hostage" || t.n[o].lemma == "captive") {
		if c := t.kid(o, "compound"); c >= 0 && c < o && t.isName(c) {
			o = c // "holding X hostage" read as one noun
		}
	}
	if o >= 0 {
		patients = t.conjuncts(o)
		// "arrested several opposition figures, including X and Y".
		for _, k := range t.ownerOf(o, "including") {
			// "raided his homes" is a search, not an act on him; "named
			// his deputy", "arrested his brother" act on another person.
			if t.n[k].deprel != "nmod:poss" || n.lemma != "raid" && !t.ownPerson(o) {
				patients = append(patients, k)
			}
		}
		patients = append(patients, t.includedUnder(o)...)
	}
	patients = append(patients, t.obliques(p, "including")...)
	return
}

// gappedAgents returns the agents of a share stated with its verb left
// out after passive p: "is 60 percent owned by X, and 40 percent by Y".
// The parser hangs such a phrase anywhere, so the words are read as they
// stand: "and", a number, "percent", "by".
func (t *tree) gappedAgents(p int) []int {
	var out []int
	for j := p + 1; j+2 < len(t.n); j++ {
		if t.n[j].low != "and" || t.n[j+1].upos != "NUM" || t.n[j+2].low != "percent" && t.n[j+2].low != "%" {
			continue
		}
		if b := j + 3; b < len(t.n) && t.n[b].low == "by" && t.n[b].head > b {
			out = append(out, t.conjuncts(t.n[b].head)...)
		}
	}
	return out
}

// alongWith returns the others an act at p also took in: "was detained
// together with X", "arrested 14 people, among them X".
func (t *tree) alongWith(p int) []int {
	var out []int
	for _, k := range t.n[p].kids {
		n := t.n[k]
		if n.deprel == "obl" && t.caseOf(k) == "with" {
			if a := t.kid(k, "advmod"); a >= 0 && (t.n[a].low == "together" || t.n[a].low == "along") ||
				k >= 2 && (t.n[k-2].low == "together" || t.n[k-2].low == "along") && t.n[k-1].low == "with" {
				out = append(out, t.conjuncts(k)...)
			} else if a := t.kid(p, "advmod"); a >= 0 && a < k && t.n[a].low == "together" && t.n[a+1].low == "with" {
				out = append(out, t.conjuncts(k)...)
			}
		}
		if (n.low == "them" || n.low == "those") && t.caseOf(k) == "among" {
			// "among them a blogger, X" read as a row of phrases on the verb.
			for _, j := range t.n[p].kids {
				if j <= k {
					continue
				}
				if t.n[j].upos == "VERB" || t.n[j].upos == "AUX" {
					break
				}
				switch t.n[j].deprel {
				case "obl", "obl:unmarked", "appos", "dep", "nmod:unmarked", "parataxis", "obj":
					out = append(out, t.conjuncts(j)...)
				}
			}
		}
		if n.deprel == "parataxis" || n.deprel == "dep" || n.deprel == "appos" || n.deprel == "obl" {
			for _, c := range n.kids {
				if (t.n[c].low == "them" || t.n[c].low == "those") && t.caseOf(c) == "among" && c < k {
					out = append(out, t.conjuncts(k)...) // "among them a blogger, X"
				}
			}
		}
	}
	return out
}

// ownPerson reports a noun for one person in his own right: "deputy",
// "brother", "lawyer" (personNoun, which holds the role and kin nouns);
// not the fighters or troops a body acts through.
func (t *tree) ownPerson(i int) bool {
	n := t.n[i]
	if n.upos != "NOUN" || memberNouns[n.lemma] || rebelNouns[n.lemma] || armedNouns[n.lemma] || stateAgents[n.lemma] {
		return false
	}
	return personNoun(n.low) || personNoun(n.lemma)
}

// includedUnder returns the "including" phrases that the parser hung
// deeper in the phrase of object o ("arrested three men suspected of the
// attack in the days that followed, including X"): they list members of
// o wherever they hang.
func (t *tree) includedUnder(o int) []int {
	var out []int
	for k := o + 1; k < len(t.n); k++ {
		if t.n[k].head == o || t.caseOf(k) != "including" || !t.under(k, o) {
			continue
		}
		out = append(out, t.conjuncts(k)...)
	}
	return out
}

// obliques returns the nominals attached to p with preposition prep,
// also those the parser hung on a duration before them ("served for ten
// years in X").
func (t *tree) obliques(p int, prep string) []int {
	var out []int
	for _, k := range t.n[p].kids {
		if (t.n[k].deprel == "obl" || t.n[k].deprel == "iobj" && prep == "to") && (t.caseOf(k) == prep || t.n[k].deprel == "iobj") {
			out = append(out, t.conjuncts(k)...)
			// "met with X face to face": the parser may hang the name
			// right after the preposition on a noun that follows it.
			for _, m := range t.n[k].kids {
				if c := t.n[m]; m < k && c.upos == "PROPN" && (c.deprel == "nmod:unmarked" || c.deprel == "compound") && m > 0 && t.n[m-1].deprel == "case" && t.n[m-1].head == k {
					out = append(out, m)
				}
			}
		}
		if t.n[k].deprel == "obl" && durationNouns[t.n[k].lemma] {
			for _, m := range t.kidsOf(k, "nmod") {
				if t.caseOf(m) == prep {
					out = append(out, t.conjuncts(m)...)
				}
			}
		}
		if w := t.n[k].low; (w == "which" || w == "whom") && k >= 3 && t.n[k-1].low == prep {
			// "Y, to which X belongs", "Y, with whom X met": the
			// preposition before the relative pronoun, wherever the
			// parser hung it, marks the name the clause is about.
			if a := t.antecedent(k - 1); a >= 0 {
				out = append(out, a)
			}
		}
	}
	return out
}

// nameAfterPhrase returns the name set off by commas right after the
// phrase of noun i ("the ambassador in Nairobi, X,", "the director of
// services, X,"), wherever the parser hung it, or -1.
func (t *tree) nameAfterPhrase(i int) int {
	j := i + 1
	for j < len(t.n) && j-i <= 6 && t.n[j].low != "," && t.under(j, i) {
		j++
	}
	if j+1 >= len(t.n) || t.n[j].low != "," {
		return -1
	}
	a := t.n[j+1]
	if a.upos != "PROPN" || a.tok < 0 || t.kid(j+1, "cc") >= 0 || j+2 < len(t.n) && t.n[j+2].upos != "PUNCT" {
		return -1
	}
	return j + 1
}

// durationNouns measure time: a phrase after them belongs to the verb.
var durationNouns = map[string]bool{"year": true, "month": true, "week": true, "day": true, "decade": true, "hour": true, "minute": true}

// rebelNouns name the members of an armed group as a whole.
var rebelNouns = map[string]bool{"rebel": true, "militant": true, "insurgent": true, "jihadist": true, "guerrilla": true}

// refOfNode returns the entity reference that word i stands for: a name
// or pronoun covering it, else one in apposition to it ("its commander,
// Gen. X").
func (d *doc) refOfNode(t *tree, refs []ref, i int) (ref, bool) {
	if tk := t.n[i].tok; tk >= 0 {
		if r, ok := refAt(refs, tk); ok && !r.adj {
			return r, true
		}
	}
	if a := t.kid(i, "appos"); a >= 0 {
		if tk := t.n[a].tok; tk >= 0 {
			if r, ok := refAt(refs, tk); ok && !r.adj {
				return r, true
			}
		}
	}
	// "Y, a conglomerate that is owned by X": the apposition stands for
	// the name it describes.
	if n := t.n[i]; n.deprel == "appos" && n.head >= 0 {
		if tk := t.n[n.head].tok; tk >= 0 {
			if r, ok := refAt(refs, tk); ok && !r.adj && !r.pron {
				return r, true
			}
		}
	}
	// "X, whose son Y": "whose" is the one the clause is about.
	if t.n[i].low == "whose" {
		for k, steps := t.n[i].head, 0; k >= 0 && steps < 4; k, steps = t.n[k].head, steps+1 {
			h := t.n[k].head
			if h >= 0 && (t.n[k].deprel == "acl:relcl" || (t.n[k].deprel == "dep" || t.n[k].deprel == "parataxis") && h < i && t.n[h].upos == "PROPN") {
				return d.refOfNode(t, refs, h)
			}
		}
	}
	// "X, a logistics and construction conglomerate": the last noun of
	// a description read as a coordination stands for it like the first.
	if n := t.n[i]; n.upos == "NOUN" && n.deprel == "conj" && n.head >= 0 && t.n[n.head].deprel == "appos" && t.n[n.head].upos == "NOUN" && t.kid(i, "det") < 0 {
		if h := t.n[n.head].head; h >= 0 && t.n[h].tok >= 0 {
			if r, ok := refAt(refs, t.n[h].tok); ok && !r.adj && !r.pron {
				return r, true
			}
		}
	}
	// "X, a mining company owned by Y": a description set off right
	// after a name stands for it wherever the parser hung it.
	if n := t.n[i]; n.upos == "NOUN" && (n.deprel == "appos" || n.deprel == "parataxis" || n.deprel == "dep" || n.deprel == "list") {
		start := i
		for _, k := range n.kids {
			if k < start && t.n[k].deprel != "punct" {
				start = k
			}
		}
		if start >= 2 && t.n[start-1].low == "," && t.n[start-2].upos == "PROPN" && t.n[start-2].tok >= 0 {
			if r, ok := refAt(refs, t.n[start-2].tok); ok && !r.adj && !r.pron {
				return r, true
			}
		}
	}
	// "X is a carrier that is owned by Y": the predicate stands for
	// its subject.
	if n := t.n[i]; n.upos == "NOUN" && t.kid(i, "cop") >= 0 {
		if s := t.kid(i, "nsubj"); s >= 0 {
			if tk := t.n[s].tok; tk >= 0 {
				if r, ok := refAt(refs, tk); ok && !r.adj && !r.pron {
					return r, true
				}
			}
		}
	}
	// "met with his counterpart, X", "founded by their grandfather, X":
	// a name set off right after a noun that the parser hung elsewhere.
	if n := t.n[i]; relatives[n.lemma] != "" || roleNouns[n.lemma] != roleNone || n.lemma == "counterpart" {
		a := t.setOffName(i)
		if a < 0 {
			a = t.nameAfterPhrase(i)
		}
		if a >= 0 {
			if r, ok := refAt(refs, t.n[a].tok); ok && !r.adj && !r.pron && d.ents[r.ent].typ == kg.Person {
				return r, true
			}
		}
	}
	// "the company", "the court": a definite description of an
	// organization stands for the one of the document it most likely
	// means (a name holding the noun, a description, else salience). A
	// relative clause set off by a comma does not restrict it.
	n := t.n[i]
	if _, ok := orgNouns[n.lemma]; ok && n.upos == "NOUN" && n.tok >= 0 && n.xpos == "NN" {
		// "her institute": a possessive pronoun makes it as definite.
		det := t.kid(i, "det")
		if det < 0 {
			if p := t.kid(i, "nmod:poss"); p >= 0 && t.n[p].upos == "PRON" {
				det = p
			}
		}
		if det >= 0 && (t.n[det].low == "the" || t.n[det].upos == "PRON") && !t.hasOf(i) && (t.kid(i, "acl:relcl") < 0 || i+1 < len(t.n) && t.n[i+1].low == ",") {
			pos := d.sents[t.si].toks[n.tok].start
			// "the holding company": only as resolveDescriptions read it,
			// which checks the modifiers against the body.
			modified := false
			for _, k := range n.kids {
				if dr := t.n[k].deprel; det < k && k < i && (dr == "amod" || dr == "compound") {
					modified = true
				}
			}
			e := -1
			if x, ok := d.descAt[pos]; !modified {
				e = d.lastOrgWithHead(n.lemma, t.si, pos)
			} else if ok {
				e = x
			}
			if e >= 0 && d.ents[e].typ == kg.Organization {
				return ref{ent: e, ts: n.tok, te: n.tok + 1, pron: true}, true
			}
		}
	}
	if r, ok := d.stateMeant(t, i); ok {
		return r, true // "the government" with no government body named
	}
	// "the rebels", "the militants": the armed group most in view.
	if rebelNouns[n.lemma] && n.upos == "NOUN" && n.xpos == "NNS" && n.tok >= 0 && t.kid(i, "amod") < 0 && t.kid(i, "nmod") < 0 {
		if det := t.kid(i, "det"); det >= 0 && t.n[det].low == "the" {
			toks := d.sents[t.si].toks
			if e := d.mostSalient(max(0, t.si-40), t.si, toks[n.tok].start, func(e int) bool {
				return d.ents[e].typ == kg.Organization && (d.ents[e].sub == "militia" || d.ents[e].sub == "military")
			}); e >= 0 {
				return ref{ent: e, ts: n.tok, te: n.tok + 1, pron: true}, true
			}
		}
	}
	// "the United States ambassador": the one person shown holding the
	// title for that country.
	if roleNouns[n.lemma] != roleNone && n.upos == "NOUN" && n.tok >= 0 && t.kid(i, "appos") < 0 && t.kid(i, "nmod") < 0 {
		for _, k := range n.kids {
			if c := t.n[k]; (c.deprel == "compound" || c.deprel == "amod" || c.deprel == "nmod:poss") && c.tok >= 0 && k < i {
				if r, ok := refAt(refs, c.tok); ok && !r.pron && d.ents[r.ent].country != nil && r.ts > 0 &&
					(c.deprel == "nmod:poss" || d.sents[t.si].toks[r.ts-1].low == "the") {
					if p := d.holder(n.lemma, r.ent); p >= 0 {
						return ref{ent: p, ts: n.tok, te: n.tok + 1, pron: true}, true
					}
				}
			}
		}
	}
	// "arrested by gendarmes": the force they serve.
	if e := d.memberRef(t.si, n.tok); e >= 0 {
		return ref{ent: e, ts: n.tok, te: n.tok + 1, pron: true}, true
	}
	// "the president's son", "the former president": the person the
	// article has shown holding that title, the one most in view when
	// several have.
	if k := roleNouns[n.lemma]; (k == roleState || k == roleLeads) && n.upos == "NOUN" && n.tok >= 0 && t.kid(i, "appos") < 0 {
		if det := t.kid(i, "det"); det >= 0 && t.n[det].low == "the" && t.kid(i, "nmod") < 0 {
			title := n.lemma
			if toks := d.sents[t.si].toks; n.tok > 0 && roleNouns[toks[n.tok-1].low+" "+title] != roleNone {
				title = toks[n.tok-1].low + " " + title // "the prime minister"
			}
			if p := d.roleHolder(title, t.si, d.sents[t.si].toks[n.tok].start); p >= 0 {
				return ref{ent: p, ts: n.tok, te: n.tok + 1, pron: true}, true
			}
		}
	}
	return ref{}, false
}

// under reports that k lies in the subtree of i.
func (t *tree) under(k, i int) bool {
	for steps := 0; k >= 0 && steps < len(t.n); steps++ {
		if k == i {
			return true
		}
		k = t.n[k].head
	}
	return false
}

// backingNouns are the nouns of "with the backing of Y": Y supports the
// one who acts.
var backingNouns = map[string]bool{"backing": true, "support": true, "help": true, "protection": true}

// facedVerbs make their subject the target of the stance they take as
// object: "faced criticism from Y".
var facedVerbs = map[string]bool{"face": true, "draw": true, "attract": true, "earn": true, "provoke": true,
	"meet": true, "prompt": true, "incur": true, "receive": true, "win": true}

// haveVerbs hold or gain a stance of others: "has the support of Y".
var haveVerbs = map[string]bool{"have": true, "enjoy": true, "win": true, "receive": true, "gain": true,
	"secure": true, "get": true, "retain": true, "obtain": true}

// refusalVerbs govern a refused act: "ruled out governing with Y",
// "refused to work with Y", "rejected a coalition with Y".
var refusalVerbs = map[string]bool{"refuse": true, "reject": true, "rule": true}

// stanceAdj is an adjective of stance and the preposition of whom it is
// towards: "close to Y", "critical of Y".
type stanceAdj struct {
	rel  kg.RelationType
	prep string
}

// stanceAdjs are the adjectives of stance, by lemma.
var stanceAdjs = map[string]stanceAdj{
	"close": {kg.AlliedWith, "to"}, "allied": {kg.AlliedWith, "with"}, "aligned": {kg.AlliedWith, "with"},
	"loyal": {kg.Supports, "to"}, "sympathetic": {kg.Supports, "to"}, "friendly": {kg.Supports, "to"},
	"opposed": {kg.Opposes, "to"}, "hostile": {kg.Opposes, "to"}, "critical": {kg.Opposes, "of"},
}

// stanceAdjective reads "X is close to Y", "X, which is loyal to Y",
// "the party, critical of Y": a stance held by the one the adjective is
// said of, towards a named person or body (not "close to the border").
func (d *doc) stanceAdjective(si int, t *tree, refs []ref, i int) {
	n := t.n[i]
	sa, ok := stanceAdjs[n.lemma]
	if !ok || n.upos != "ADJ" && n.xpos != "VBN" || t.negated(i) {
		return
	}
	var holders []int
	if t.kid(i, "cop") >= 0 || n.upos == "VERB" {
		if s := t.actor(i, 0); s >= 0 {
			holders = t.conjuncts(s)
		}
	} else if h := n.head; h >= 0 && (n.deprel == "amod" || n.deprel == "acl") && h < i {
		holders = []int{h} // "X, long close to Y,"
	}
	preps := []string{sa.prep}
	if sa.prep == "with" {
		preps = append(preps, "to") // "allied to Y"
	}
	var others []int
	for _, p := range preps {
		others = append(others, t.obliques(i, p)...)
	}
	for _, a := range holders {
		ra, ok := d.refOfNode(t, refs, a)
		if !ok || ra.adj || d.ents[ra.ent].typ == kg.Location && d.ents[ra.ent].country == nil {
			continue
		}
		for _, o := range others {
			ro, ok := d.refOfNode(t, refs, o)
			if !ok || ro.adj || ro.ent == ra.ent || d.ents[ro.ent].typ == kg.Location && d.ents[ro.ent].country == nil {
				continue
			}
			d.addRel(sa.rel, ra.ent, ro.ent, map[string]string{"how": n.lemma}, si, confNoun)
		}
	}
}

// stances reads SUPPORTS from "with the backing of Y" and OPPOSES from a
// refused act with Y, both relative to the subject of the clause.
func (d *doc) stances(si int, t *tree, refs []ref) {
	for i := range t.n {
		n := t.n[i]
		d.stanceAdjective(si, t, refs, i)
		switch {
		case n.upos == "NOUN" && backingNouns[n.lemma] && (n.deprel == "obl" || n.deprel == "nmod") && n.head >= 0 &&
			(t.caseOf(i) == "with" || t.caseOf(i) == "under"):
			// "X fought with the backing of Y": Y backs X; so does "X,
			// who was elected with the support of Y".
			subj, psubj := t.subjects(n.head, 0)
			if subj < 0 {
				subj = psubj
			}
			if subj < 0 {
				continue
			}
			rs, ok := d.refOfNode(t, refs, subj)
			if !ok || rs.adj {
				continue
			}
			for _, o := range t.ownerOf(i, "of") {
				ro, ok := d.refOfNode(t, refs, o)
				if ok && !ro.adj && (d.ents[ro.ent].typ != kg.Location || d.ents[ro.ent].country != nil) {
					d.addRel(kg.Supports, ro.ent, rs.ent, map[string]string{"how": n.lemma}, si, confNoun)
				}
			}
		case n.upos == "NOUN" && backingNouns[n.lemma] && n.deprel == "obj" && n.head >= 0 && haveVerbs[t.n[n.head].lemma] && !t.negated(n.head):
			// "X has the support of Y", "X won the backing of Y".
			s := t.actor(n.head, 0)
			if s < 0 {
				continue
			}
			rs, ok := d.refOfNode(t, refs, s)
			if !ok || rs.adj {
				continue
			}
			for _, o := range t.ownerOf(i, "of") {
				if ro, ok := d.refOfNode(t, refs, o); ok && !ro.adj && ro.ent != rs.ent && (d.ents[ro.ent].typ != kg.Location || d.ents[ro.ent].country != nil) {
					d.addRel(kg.Supports, ro.ent, rs.ent, map[string]string{"how": n.lemma}, si, confNoun)
				}
			}
		case n.upos == "NOUN" && n.deprel == "obj" && n.head >= 0 && facedVerbs[t.n[n.head].lemma] && !t.negated(n.head) &&
			(aimedNouns[n.lemma].rel == kg.Opposes || aimedNouns[n.lemma].rel == kg.Supports):
			// "X faced criticism from Y", "X drew condemnation from Y":
			// the one it is aimed at is the subject.
			s := t.actor(n.head, 0)
			if s < 0 {
				continue
			}
			rs, ok := d.refOfNode(t, refs, s)
			if !ok || rs.adj {
				continue
			}
			from := t.ownerOf(i, "from")
			from = append(from, t.obliques(n.head, "from")...)
			for _, o := range from {
				if t.n[o].deprel == "nmod:poss" {
					continue
				}
				if ro, ok := d.refOfNode(t, refs, o); ok && !ro.adj && ro.ent != rs.ent {
					d.addRel(aimedNouns[n.lemma].rel, ro.ent, rs.ent, nil, si, confNoun)
				}
			}
		case n.upos == "NOUN" && (stanceNouns[n.lemma] == string(kg.Supports) || stanceNouns[n.lemma] == string(kg.AlliedWith)) && n.tok >= 0 &&
			slices.ContainsFunc(t.kidsOf(i, "nmod"), func(k int) bool { return t.caseOf(k) == "to" }):
			// "X, a major donor to Y", "X is an ally to Y": the "to"
			// form of "a critic of Y".
			var tos []int
			for _, k := range t.kidsOf(i, "nmod") {
				if t.caseOf(k) == "to" {
					tos = append(tos, t.conjuncts(k)...)
				}
			}
			if len(tos) == 0 {
				continue
			}
			for _, x := range t.personOf(i) {
				rx, ok := d.refOfNode(t, refs, x)
				if !ok || rx.adj {
					continue
				}
				for _, o := range tos {
					if ro, ok := d.refOfNode(t, refs, o); ok && !ro.adj && ro.ent != rx.ent {
						d.addRel(kg.RelationType(stanceNouns[n.lemma]), rx.ent, ro.ent, nil, si, confNoun)
					}
				}
			}
		case n.upos == "NOUN" && stanceNouns[n.lemma] != "" && n.deprel == "nsubj" && n.head >= 0 && t.n[n.head].lemma == "include" && !t.negated(n.head):
			// "Critics of X include Y and Z".
			o := t.kid(n.head, "obj")
			if o < 0 {
				continue
			}
			for _, w := range t.ownerOf(i, "of") {
				ro, ok := d.refOfNode(t, refs, w)
				if !ok || ro.adj {
					continue
				}
				for _, h := range t.conjuncts(o) {
					if rh, ok := d.refOfNode(t, refs, h); ok && !rh.adj && rh.ent != ro.ent {
						d.addRel(kg.RelationType(stanceNouns[n.lemma]), rh.ent, ro.ent, nil, si, confNoun)
					}
				}
			}
		case n.upos == "VERB" && refusalVerbs[n.lemma] && !t.negated(i):
			if n.lemma == "rule" && (t.kid(i, "compound:prt") < 0 || t.n[t.kid(i, "compound:prt")].low != "out") {
				continue // only "ruled out"
			}
			subj, _ := t.subjects(i, 0)
			if subj < 0 {
				continue
			}
			rs, ok := d.refOfNode(t, refs, subj)
			if !ok || rs.adj {
				continue
			}
			// The refused act and its partner: "governing with Y".
			for _, k := range n.kids {
				if dr := t.n[k].deprel; dr != "xcomp" && dr != "advcl" && dr != "obj" && dr != "ccomp" {
					continue
				}
				ws := t.obliques(k, "with")
				if t.n[k].upos == "NOUN" {
					ws = t.ownerOf(k, "with")
				}
				for _, w := range ws {
					if ro, ok := d.refOfNode(t, refs, w); ok && !ro.adj {
						d.addRel(kg.Opposes, rs.ent, ro.ent, nil, si, confNoun)
					}
				}
			}
		}
	}
}

// aimedNoun is a noun that names an act or stance aimed at someone, and
// the prepositions that mark whom.
type aimedNoun struct {
	rel   kg.RelationType
	preps []string
}

// aimedNouns are acts and stances named by a noun: "waged a war against
// Y", "filed a complaint against Y", "X's support for Y", "its opposition
// to Y", "an investment in Y".
var aimedNouns = map[string]aimedNoun{}

func init() {
	add := func(rel kg.RelationType, preps string, lemmas string) {
		for _, l := range strings.Fields(lemmas) {
			aimedNouns[l] = aimedNoun{rel, strings.Fields(preps)}
		}
	}
	add(kg.Opposes, "against", "campaign crackdown lawsuit suit complaint case action charge protest motion "+
		"petition challenge sanction boycott embargo resistance testimony vote injunction")
	add(kg.Fought, "against with", "war fight struggle battle")
	add(kg.Fought, "against", "insurgency rebellion uprising")
	for l := range attackNouns {
		aimedNouns[l] = aimedNoun{kg.Attacked, []string{"against", "on"}}
	}
	add(kg.Attacked, "against", "operation")
	add(kg.Opposes, "to toward towards", "opposition hostility")
	// "imposed sanctions on Y", "a crackdown on Y".
	add(kg.Opposes, "on against", "sanction embargo crackdown ban restriction")
	add(kg.Opposes, "of", "criticism condemnation")
	add(kg.Supports, "for behind to", "support backing funding financing aid assistance")
	add(kg.Supports, "of", "endorsement")
	add(kg.Supports, "in", "investment")
	add(kg.Appointed, "of", "appointment nomination")
	add(kg.Owns, "of", "acquisition purchase takeover buyout control")
}

// unrealized qualify an act that has not happened: "the proposed
// takeover of Y". They are word forms, not lemmas: the lemma of
// "proposed" is "propose".
var unrealized = map[string]bool{"proposed": true, "planned": true, "possible": true, "potential": true,
	"failed": true, "rival": true, "abandoned": true, "blocked": true, "mooted": true, "rumoured": true,
	"rumored": true, "intended": true, "prospective": true, "contemplated": true, "attempted": true}

// demonymState returns the state a demonym before noun i names: "a
// Norwegian patrol", "Malian troops".
func (d *doc) demonymState(t *tree, refs []ref, i int) (ref, bool) {
	for _, k := range t.n[i].kids {
		if c := t.n[k]; (c.deprel == "amod" || c.deprel == "compound") && c.tok >= 0 && k < i {
			if r, ok := refAt(refs, c.tok); ok && r.adj && d.ents[r.ent].country != nil {
				return r, true
			}
		}
	}
	return ref{}, false
}

// actorAdj returns the state or body a demonym or name before an act
// noun stands for ("Israeli strikes", "Houthi attacks").
func (d *doc) actorAdj(t *tree, refs []ref, k int) (ref, bool) {
	if tk := t.n[k].tok; tk >= 0 && (t.n[k].deprel == "amod" || t.n[k].deprel == "compound") {
		if r, ok := refAt(refs, tk); ok && !r.pron && (!r.adj || d.ents[r.ent].country != nil) {
			return r, true
		}
	}
	return ref{}, false
}

// actAgents returns the authors of the act nouns that passive p happened
// in: "was killed in a raid by X", "died in an Israeli strike", "was
// killed in a shootout with marines".
func (t *tree) actAgents(p int) []int {
	var out []int
	for _, o := range t.obliques(p, "in") {
		n := t.n[o]
		if n.upos != "NOUN" || aimedNouns[n.lemma].rel != kg.Attacked && aimedNouns[n.lemma].rel != kg.Fought && !fightNouns[n.lemma] {
			continue
		}
		for _, k := range n.kids {
			switch c := t.n[k]; {
			case c.deprel == "nmod" && (t.caseOf(k) == "by" || t.caseOf(k) == "with" && fightNouns[n.lemma]):
				out = append(out, t.conjuncts(k)...)
			case k < o && (c.deprel == "nmod:poss" || (c.deprel == "amod" || c.deprel == "compound") && c.lemma != strings.ToLower(c.lemma)):
				// "an Israeli strike", "Hamas's raid"; not "the same raid".
				out = append(out, k)
			}
		}
	}
	return out
}

// fightNouns are exchanges of fire: the party "with" which one fought
// did the harm.
var fightNouns = map[string]bool{"shootout": true, "gunfight": true, "firefight": true, "clash": true,
	"battle": true, "fight": true, "exchange": true}

// launchVerbs start, carry on or state an aimed act; their subject is its
// agent ("the judge dismissed the case against Y" is not the judge's).
var launchVerbs = map[string]bool{"file": true, "bring": true, "lodge": true, "launch": true, "build": true,
	"mount": true, "wage": true, "lead": true, "oversee": true, "step": true, "intensify": true, "begin": true,
	"start": true, "open": true, "pursue": true, "press": true, "direct": true, "conduct": true, "order": true,
	"announce": true, "plan": true, "spearhead": true, "organize": true, "organise": true, "stage": true,
	"hold": true, "call": true, "impose": true, "declare": true, "take": true, "initiate": true, "submit": true,
	"carry": true, "escalate": true, "continue": true, "fight": true, "win": true, "cast": true,
	"threaten": true, "give": true, "join": true, "express": true, "voice": true, "pledge": true, "offer": true,
	"reaffirm": true, "show": true, "signal": true, "throw": true, "extend": true, "make": true, "lend": true,
	"complete": true, "finalize": true, "finalise": true, "gain": true, "seize": true, "assume": true, "regain": true,
	"wrest": true}

// stopVerbs end or refuse an aimed act: "ended its support for Y".
var stopVerbs = map[string]bool{"withdraw": true, "end": true, "cut": true, "suspend": true, "halt": true,
	"drop": true, "lose": true, "deny": true, "reject": true, "abandon": true, "stop": true, "dismiss": true,
	"freeze": true, "refuse": true, "seek": true, "request": true, "ask": true, "need": true, "want": true,
	"lift": true, "ease": true, "remove": true, "cede": true, "relinquish": true, "surrender": true}

// aimedActs reads the acts of aimedNouns: the agent is the noun's
// possessor, its "by" or "from" phrase, or the subject of the launch verb
// whose object it is; the target follows the noun's preposition, on the
// noun or on that verb.
func (d *doc) aimedActs(si int, t *tree, refs []ref) {
	for i := range t.n {
		n := t.n[i]
		an, ok := aimedNouns[n.lemma]
		if !ok || n.upos != "NOUN" {
			continue
		}
		p := n.head
		if p >= 0 && (stopVerbs[t.n[p].lemma] || t.negated(p) || t.n[p].head >= 0 && t.n[t.n[p].head].lemma == "deny") {
			continue
		}
		if an.rel == kg.Owns && slices.ContainsFunc(n.kids, func(k int) bool { return unrealized[t.n[k].low] }) {
			continue // "the proposed takeover of Y"
		}
		poss := t.kid(i, "nmod:poss") >= 0
		var targets, agents []int
		for _, k := range t.kidsOf(i, "nmod") {
			switch c := t.caseOf(k); {
			case slices.Contains(an.preps, c), c == "of" && poss && an.rel == kg.Supports:
				// "X's backing of Y": with its author named, "of" is whom.
				targets = append(targets, t.conjuncts(k)...)
			case c == "by" || c == "from" && an.rel != kg.Owns: // "bought from X" names the seller
				agents = append(agents, t.conjuncts(k)...)
			}
		}
		agents = append(agents, t.kidsOf(i, "nmod:poss")...)
		if an.rel == kg.Attacked || an.rel == kg.Fought {
			// "Israeli strikes on X", "Houthi drone strikes on X".
			for _, k := range n.kids {
				if dr := t.n[k].deprel; (dr == "amod" || dr == "compound") && k < i {
					agents = append(agents, k)
				}
			}
			// "X's defeat in the war with Y".
			if h := n.head; len(agents) == 0 && h >= 0 && n.deprel == "nmod" && t.n[h].upos == "NOUN" {
				agents = append(agents, t.kidsOf(h, "nmod:poss")...)
			}
		}
		conf := confNoun
		if p >= 0 && n.deprel == "obj" && t.n[p].upos == "VERB" && launchVerbs[t.n[p].lemma] {
			if h := t.n[p].head; h >= 0 && hedges[t.n[h].lemma] || t.hedged(p) {
				conf = 0.5
			}
			if len(targets) == 0 {
				for _, prep := range an.preps {
					targets = append(targets, t.obliques(p, prep)...)
				}
			}
			if len(agents) == 0 {
				as, _, passive := t.arguments(p)
				if !passive {
					agents = as
				}
			}
		}
		if len(targets) == 0 {
			continue
		}
		for _, a := range agents {
			ra, ok := d.agentRef(t, refs, a)
			if !ok {
				ra, ok = d.actorAdj(t, refs, a)
			}
			if !ok || ra.adj && d.ents[ra.ent].country == nil {
				continue
			}
			for _, o := range targets {
				ro, ok := d.refOfNode(t, refs, o)
				if !ok || ro.adj || ro.ent == ra.ent || an.rel == kg.Owns && !d.ownable(ro.ent) {
					continue // "its control of the town" is territory, not ownership
				}
				d.addRel(an.rel, ra.ent, ro.ent, nil, si, conf)
			}
		}
	}
}

// uniting reports "the agreement brings together A, B and C", "the pact
// unites A and B": a pact that joins the parties its verb lists.
func (t *tree) uniting(p int) bool {
	n := t.n[p]
	switch n.lemma {
	case "unite", "unify":
	case "bring":
		if k := t.kid(p, "advmod", "compound:prt"); k < 0 || t.n[k].low != "together" {
			return false
		}
	default:
		return false
	}
	s, _ := t.subjects(p, 0)
	return s >= 0 && pactNouns[t.n[s].lemma] && !t.negated(p)
}

// unite makes allies of each pair of the parties that the pact verb p
// lists as its object; the parser chains a list's items as conjuncts or
// list items of the one before.
func (d *doc) unite(si int, t *tree, refs []ref, p int) {
	o := t.kid(p, "obj")
	if o < 0 {
		return
	}
	items := []int{o}
	for j := 0; j < len(items) && len(items) < 12; j++ {
		for _, k := range t.n[items[j]].kids {
			if dr := t.n[k].deprel; k > items[j] && (dr == "conj" || dr == "list" || dr == "appos") {
				items = append(items, k)
			}
		}
	}
	var parties []ref
	for _, w := range items {
		// "the centrist X movement": the name before its head noun.
		var r ref
		ok := false
		for _, k := range t.kidsOf(w, "compound") {
			if r2, ok2 := d.refOfNode(t, refs, k); ok2 && !r2.pron && d.ents[r2.ent].typ == kg.Organization {
				r, ok = r2, true
			}
		}
		if !ok {
			r, ok = d.refOfNode(t, refs, w)
		}
		if ok && !r.adj && d.ents[r.ent].typ != kg.Person && !slices.ContainsFunc(parties, func(x ref) bool { return x.ent == r.ent }) {
			parties = append(parties, r)
		}
	}
	how := map[string]string{"how": t.n[t.kid(p, "nsubj")].lemma}
	for i, a := range parties {
		for _, b := range parties[i+1:] {
			d.addRel(kg.AlliedWith, a.ent, b.ent, how, si, confVerb)
		}
	}
}

// survivedBy reads the kin an obituary lists after "X is survived by":
// each kin noun ("his wife", "a son") pairs with the first person named
// after it, whatever the parser made of the list.
func (d *doc) survivedBy(si int, t *tree, refs []ref, p int) {
	_, patients, passive := t.arguments(p)
	if !passive || len(patients) == 0 || t.negated(p) {
		return
	}
	x, ok := d.refOfNode(t, refs, patients[0])
	if !ok || d.ents[x.ent].typ != kg.Person {
		return
	}
	toks := d.sents[si].toks
	kin := ""
	for j := t.n[p].tok + 1; j < len(toks); j++ {
		if r, ok := refAt(refs, j); ok {
			if kin != "" && !r.pron && !r.adj && r.ent != x.ent && d.ents[r.ent].typ == kg.Person {
				d.addRel(kg.FamilyOf, x.ent, r.ent, map[string]string{"relation": kin}, si, confApposition)
				kin = ""
			}
			j = r.te - 1
			continue
		}
		if k := relatives[toks[j].low]; k != "" {
			kin = k
		} else if toks[j].low == "." {
			break
		}
	}
}

// claimVerbs name who carried out an act: "The attack was carried out by
// Y", "was claimed by Y", "was blamed on Y", "was attributed to Y".
var claimVerbs = map[string]string{"carry": "by", "conduct": "by", "claim": "by", "perpetrate": "by",
	"commit": "by", "blame": "on", "attribute": "to"}

// claims gives the agent of an earlier act without one: "Gunmen killed X
// on Sunday. The Liptako Brigade claimed responsibility."
func (d *doc) claims(si int, t *tree, refs []ref) {
	d.claimedHere(si, t, refs)
	if len(d.pending) == 0 {
		return
	}
	for i := range t.n {
		n := t.n[i]
		if n.upos != "VERB" || t.negated(i) {
			continue
		}
		prep, ok := claimVerbs[n.lemma]
		if !ok {
			continue
		}
		var agents []int
		_, _, passive := t.arguments(i)
		switch {
		case n.lemma == "claim" && !passive:
			// "Y claimed responsibility", "claimed credit for".
			if o := t.kid(i, "obj"); o >= 0 && (t.n[o].lemma == "responsibility" || t.n[o].lemma == "credit") {
				if s, _ := t.subjects(i, 0); s >= 0 {
					agents = []int{s}
				}
			}
		case passive:
			if prep == "by" {
				agents, _, _ = t.arguments(i)
			} else {
				agents = t.obliques(i, prep)
			}
		}
		for _, a := range agents {
			ra, ok := d.refOfNode(t, refs, a)
			if !ok || ra.adj || d.ents[ra.ent].typ != kg.Organization {
				continue
			}
			for _, p := range d.pending {
				// The act is in this sentence or the two before, in the
				// same paragraph.
				if p.si > si || p.si < si-2 || d.sents[p.si].Para != d.sents[si].Para {
					continue
				}
				d.addRel(p.rel, ra.ent, p.patient, nil, si, confCompound)
			}
		}
	}
}

// claimedHere reads an act claimed in the sentence that names it: "Y
// claimed responsibility for the attack on X" makes Y the attacker of X.
func (d *doc) claimedHere(si int, t *tree, refs []ref) {
	for i := range t.n {
		n := t.n[i]
		if n.upos != "NOUN" || !attackNouns[n.lemma] || t.caseOf(i) != "for" || n.head < 0 {
			continue
		}
		r := n.head
		if t.n[r].lemma != "responsibility" && t.n[r].lemma != "credit" || t.n[r].deprel != "obj" || t.n[r].head < 0 {
			continue
		}
		v := t.n[r].head
		if l := t.n[v].lemma; l != "claim" && l != "take" && l != "accept" && l != "admit" || t.negated(v) {
			continue
		}
		s, _ := t.subjects(v, 0)
		if s < 0 {
			continue
		}
		ra, ok := d.agentRef(t, refs, s)
		if !ok || ra.adj {
			continue
		}
		for _, k := range t.kidsOf(i, "nmod") {
			if c := t.caseOf(k); c != "on" && c != "against" {
				continue
			}
			for _, o := range t.conjuncts(k) {
				if ro, ok := d.refOfNode(t, refs, o); ok && !ro.adj && ro.ent != ra.ent {
					d.addRel(kg.Attacked, ra.ent, ro.ent, nil, si, confNoun)
				}
			}
		}
	}
}

// isWho reports a relative clause p opened by "who".
func isWho(t *tree, p int) bool {
	s := t.kid(p, "nsubj")
	return s >= 0 && t.n[s].low == "who"
}

// endsList reports that conjunct c, or the last conjunct chained under
// it, carries the list's "and" or "or".
func (t *tree) endsList(c, depth int) bool {
	if t.kid(c, "cc") >= 0 {
		return true
	}
	cs := t.kidsOf(c, "conj")
	return depth < 4 && len(cs) > 0 && t.endsList(cs[len(cs)-1], depth+1)
}

// symmetric relations hold between coordinated subjects: "X and Y met".
var symmetric = map[kg.RelationType]bool{kg.MetWith: true, kg.Fought: true, kg.AlliedWith: true}

// among relates each pair of the coordinated words ws.
func (d *doc) among(si int, cue verbCue, verb string, t *tree, refs []ref, ws []int, tok int, conf float64) {
	rs := d.refsOf(t, refs, ws)
	for i, a := range rs {
		for _, b := range rs[i+1:] {
			if a.ent != b.ent {
				d.verbFact(si, cue, verb, a.ent, b.ent, tok, conf)
			}
		}
	}
}

// agentlessEvent records an act whose agent is not named ("He was
// arrested in May", "A drone strike killed X"): the event, no relation.
func (d *doc) agentlessEvent(si int, cue verbCue, patients []ref, tok int, passive bool) {
	if cue.event == "" || cue.event == "War" || cue.event == "Meeting" || len(patients) == 0 {
		return
	}
	p := d.ents[patients[0].ent]
	if p.typ != kg.Person || patients[0].adj {
		return
	}
	conf := confVerb
	if passive {
		conf = confPassive
	}
	d.addEvent(cue.event, cue.event+" of "+p.name, si, d.dateAt(si, tok), d.placeAfter(si, tok),
		[]kg.Participant{{EntityID: p.id(), Role: "patient"}}, conf)
}

// lightCues are a light verb and its noun that together state a relation
// with the party after "with": "held talks with Y", "joined forces with
// Y".
var lightCues = map[string]kg.RelationType{"hold talk": kg.MetWith, "hold meeting": kg.MetWith, "wage war": kg.Fought,
	"hold negotiation": kg.MetWith, "join force": kg.AlliedWith, "fight battle": kg.Fought, "fight war": kg.Fought}

// lightVerb reads a light-verb phrase at p: between its subjects and the
// party after "with", and between coordinated subjects without one.
func (d *doc) lightVerb(si int, t *tree, refs []ref, p int, agents []int, conf float64) {
	o := t.kid(p, "obj")
	if o < 0 {
		return
	}
	rel, ok := lightCues[t.n[p].lemma+" "+t.n[o].lemma]
	if !ok {
		return
	}
	cue := verbCue{rel: rel}
	switch rel {
	case kg.MetWith:
		cue.event = "Meeting"
	case kg.Fought:
		cue.event = "War"
	}
	others := append(t.obliques(p, "with"), t.ownerOf(o, "with")...)
	if rel == kg.Fought {
		// "waged war on Y", "fought a war against Y".
		for _, prep := range []string{"on", "against"} {
			others = append(append(others, t.obliques(p, prep)...), t.ownerOf(o, prep)...)
		}
	}
	if len(others) == 0 {
		d.among(si, cue, t.n[p].lemma, t, refs, agents, t.n[p].tok, conf)
		return
	}
	for _, ag := range agents {
		a, ok := d.agentRef(t, refs, ag)
		if !ok {
			continue
		}
		for _, o := range others {
			// "fought battles with members of Y": the body acts
			// through its members.
			if b, ok := d.agentRef(t, refs, o); ok {
				d.verbFact(si, cue, t.n[p].lemma, a.ent, b.ent, t.n[p].tok, conf)
			}
		}
	}
}

// isPassive reports a passive verb without a passive subject of its own:
// with a passive auxiliary, a participle modifying a noun ("a terminal
// owned by X"), or a participle coordinated with a passive or copular one
// ("is armed and funded by Y").
func (t *tree) isPassive(p int) bool {
	n := t.n[p]
	if t.kid(p, "aux:pass") >= 0 || n.xpos == "VBN" && n.deprel == "acl" && !t.whoseClause(p) && !t.rootActs(p) {
		return true
	}
	// "X, led by Y, welcomed it": the parser may make the participle the
	// root; an agent phrase still marks it passive.
	if n.xpos == "VBN" && t.kid(p, "obl:agent") >= 0 {
		return true
	}
	// "was armed and funded by Y"; not "was founded in 2010 and attacked
	// Y", whose object makes it active, nor "was headed by X, whose troops
	// fought Y", whose subject of its own does.
	if n.xpos == "VBN" && n.deprel == "conj" && n.head >= 0 && t.kid(p, "obj") < 0 && t.kid(p, "nsubj") < 0 {
		h := n.head
		return t.kid(h, "aux:pass") >= 0 || t.kid(h, "nsubj:pass") >= 0 || t.kid(h, "cop") >= 0 && t.n[h].upos == "ADJ"
	}
	return false
}

// giveLemmas and receiveLemmas move support between parties: "X provided
// weapons to Y", "Y received funding from X".
var (
	giveLemmas    = map[string]bool{"sell": true, "provide": true, "supply": true, "send": true, "give": true, "deliver": true, "donate": true, "lend": true, "ship": true, "transfer": true, "pay": true}
	receiveLemmas = map[string]bool{"receive": true, "accept": true, "get": true, "obtain": true}
)

// transfer reads SUPPORTS from a verb of giving or receiving p whose
// object is support ("arms", "$50 million in aid").
func (d *doc) transfer(si int, t *tree, refs []ref, p int, agents []int, conf float64) {
	give, recv := giveLemmas[t.n[p].lemma], receiveLemmas[t.n[p].lemma]
	o := t.kid(p, "obj")
	if t.n[p].lemma == "sell" && o >= 0 {
		d.sale(si, t, refs, p, o, conf)
		return
	}
	if !give && !recv || o < 0 {
		return
	}
	var others []int
	if os := t.kidsOf(p, "obj"); len(os) == 2 && give {
		// "paid X monthly sums" read with two objects: the first is
		// the one given to.
		others, o = []int{os[0]}, os[1]
	}
	for _, k := range t.kidsOf(o, "compound") {
		if k < o && t.n[k].upos == "PROPN" && give {
			others = append(others, k) // "paid X monthly sums" read as one noun
		}
	}
	// The support is the object or what it measures: "$50 million in
	// aid", which the parser may hang on the verb.
	what := ""
	things := append([]int{o}, t.kidsOf(o, "nmod")...)
	things = append(things, t.obliques(p, "in")...)
	for _, k := range things {
		if what == "" && supportNouns[t.n[k].low] {
			what = t.n[k].low
		}
	}
	if what == "" && give && t.money(o) && len(t.obliques(p, "for")) == 0 {
		// "gave the colonel 1.5 billion francs", "paid X monthly sums":
		// money handed over, not a price paid for something.
		what = "money"
	}
	if what == "" || t.n[p].lemma == "pay" && what != "money" {
		return
	}
	prep := "to"
	if recv {
		prep = "from"
	}
	others = append(others, t.obliques(p, prep)...)
	for _, k := range things {
		others = append(others, t.ownerOf(k, prep)...)
	}
	for _, ag := range agents {
		a, ok := d.agentRef(t, refs, ag)
		if !ok || a.people {
			continue
		}
		for _, b := range d.refsOf(t, refs, others) {
			if give {
				d.addRel(kg.Supports, a.ent, b.ent, map[string]string{"how": what}, si, conf)
			} else {
				d.addRel(kg.Supports, b.ent, a.ent, map[string]string{"how": what}, si, conf)
			}
		}
	}
}

// moneyNouns are sums of money, by lemma.
var moneyNouns = map[string]bool{"$": true, "€": true, "£": true, "dollar": true, "euro": true, "pound": true, "franc": true,
	"real": true, "reais": true, "rupee": true, "yen": true, "yuan": true, "naira": true, "shilling": true, "peso": true,
	"sum": true, "cash": true, "bribe": true, "kickback": true, "payment": true, "million": true, "billion": true}

// money reports that nominal o is a sum of money: "$2 million", "1.5
// billion CFA francs", "monthly sums".
func (t *tree) money(o int) bool {
	if moneyNouns[t.n[o].lemma] || moneyNouns[t.n[o].low] {
		return true
	}
	for _, k := range t.n[o].kids {
		if dr := t.n[k].deprel; (dr == "nummod" || dr == "compound") && moneyNouns[t.n[k].low] {
			return true
		}
	}
	return false
}

// amongHeld reads "Among those held was X" and "Among them were X and Y"
// after a detention of a group: X was detained by the body that detained
// the group. The parser reads the inverted copula badly, so the words
// are read as they stand.
func (d *doc) amongHeld(si int, refs []ref) {
	toks := d.sents[si].toks
	if len(toks) < 4 || toks[0].low != "among" || toks[1].low != "those" && toks[1].low != "them" {
		return
	}
	j, held := 2, toks[1].low == "them"
	for ; j < len(toks) && j < 5 && toks[j].low != "was" && toks[j].low != "were"; j++ {
		if l := cueLemma(toks[j].low); l == "" || !slices.ContainsFunc(gramCues[l], func(c gramCue) bool { return c.cue.rel == kg.Detained }) {
			if !adverbs[toks[j].low] {
				return
			}
		} else {
			held = true
		}
	}
	if !held || j+1 >= len(toks) || toks[j].low != "was" && toks[j].low != "were" {
		return
	}
	// "Among those detained was X" with no detention before it: by the
	// article's state.
	those := toks[1].low == "those"
	src := d.carriedDetainer(func(dt detainer) bool {
		return dt.si == si-1 && d.sents[dt.si].Para == d.sents[si].Para || those && dt.si >= si-3 && dt.si < si
	}, those)
	if src < 0 {
		return
	}
	// "Among them was the union's secretary, X": the first person named
	// before the clause goes on.
	for k := j + 1; k < len(toks) && k < j+10; k++ {
		if w := toks[k].low; w == "who" || w == "which" || w == "that" || w == ";" || w == "." {
			return
		}
		r, ok := refAt(refs, k)
		if !ok || r.adj || r.pron || d.ents[r.ent].typ != kg.Person {
			continue
		}
		d.verbFact(si, verbCue{rel: kg.Detained, event: "Detention"}, "detain", src, r.ent, j, confPassive)
		break
	}
	d.detainers = append(d.detainers, detainer{si: si, ent: src})
}

// tagFixable are the relations a cue verb the tagger took for a noun
// ("Iran, which backs the Houthis") may still state.
var tagFixable = map[kg.RelationType]bool{kg.Detained: true, kg.Attacked: true, kg.Killed: true, kg.Fought: true,
	kg.Supports: true, kg.Opposes: true, kg.AlliedWith: true, kg.Appointed: true}

// mistaggedCues reads an inflected cue verb that the tagger took for a
// noun or adjective, so that the tree has no clause for it, where the
// words leave no doubt: a name (or "NAME, which|who") right before it
// and a name right after it ("X backs the Y", "X, which attacks Y").
func (d *doc) mistaggedCues(si int, t *tree, refs []ref) {
	toks := d.sents[si].toks
	for p := range t.n {
		tk := t.n[p].tok
		if t.n[p].upos == "VERB" || tk < 1 || tk+1 >= len(toks) {
			continue
		}
		w := toks[tk].low
		if !strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ed") && cueIrregular[w] == "" {
			continue
		}
		l := cueLemma(w)
		if l == "" || l == w {
			continue
		}
		var cue *gramCue
		for i, c := range gramCues[l] {
			if c.prep == "" && tagFixable[c.cue.rel] {
				cue = &gramCues[l][i]
				break
			}
		}
		if cue == nil {
			continue
		}
		if o := tk + 1; l == "shoot" && toks[o].low == "dead" && o+1 < len(toks) {
			// "Gunmen from X shot dead Y".
			if b, ok := refAt(refs, o+1); ok && !b.adj && b.ts == o+1 {
				if a, ok := refAt(refs, tk-1); ok && !a.adj && a.te == tk {
					d.verbFact(si, gramCues["kill"][0].cue, "kill", a.ent, b.ent, tk, confVerb)
				}
			}
			continue
		}
		a, ok := refAt(refs, tk-1)
		if !ok && tk >= 2 && (toks[tk-1].low == "which" || toks[tk-1].low == "who") && toks[tk-2].low == "," && tk >= 3 {
			a, ok = refAt(refs, tk-3)
			ok = ok && a.te == tk-2
		}
		if !ok || a.adj || a.te != tk && a.te != tk-2 {
			continue
		}
		o := tk + 1
		if toks[o].low == "the" && o+1 < len(toks) {
			o++
		}
		b, ok := refAt(refs, o)
		if !ok || b.adj || b.ts != o {
			continue
		}
		d.verbFact(si, cue.cue, l, a.ent, b.ent, tk, confVerb)
	}
}

// moneyWords are what a company raises in a funding round.
var moneyWords = map[string]bool{"$": true, "€": true, "£": true, "million": true, "billion": true, "funding": true,
	"capital": true, "financing": true, "investment": true}

// roundVerbs, said of a funding round, make their subject an investor:
// "took part in the round", "led the round", "joined the round".
var roundVerbs = map[string]bool{"take": true, "participate": true, "join": true, "lead": true, "co-lead": true}

// rounds reads investors in a company's funding round: the company that
// raised money ("X has raised $48 million in a Series B round") is backed
// by the firm that led the round ("led by Y") and by those that took part
// in it ("Y and Z also took part in the round"), in that sentence or a
// later one.
func (d *doc) rounds(si int, t *tree, refs []ref) {
	for p := range t.n {
		if n := t.n[p]; n.lemma != "raise" || n.upos != "VERB" || t.negated(p) {
			continue
		}
		o := t.kid(p, "obj")
		if o < 0 || !moneyWords[t.n[o].low] && t.n[o].upos != "NUM" {
			continue
		}
		if s, _ := t.subjects(p, 0); s >= 0 {
			if r, ok := d.refOfNode(t, refs, s); ok && !r.adj && d.ents[r.ent].typ == kg.Organization {
				d.fundee = r.ent + 1
			}
		}
	}
	if d.fundee == 0 {
		return
	}
	toks := d.sents[si].toks
	back := func(src, tk int) {
		d.verbFact(si, verbCue{rel: kg.Supports, event: "Funding"}, "invest", src, d.fundee-1, tk, confVerb)
	}
	for i := range t.n {
		tk := t.n[i].tok
		if tk < 0 || toks[tk].low != "round" {
			continue
		}
		// "a Series B round led by the London firm Y (and Z)".
		if tk+2 < len(toks) && (toks[tk+1].low == "led" || toks[tk+1].low == "co-led") && toks[tk+2].low == "by" {
			for k := tk + 3; k < len(toks) && k < tk+12; k++ {
				if toks[k].low == "," || toks[k].low == "." {
					break
				}
				if r, ok := refAt(refs, k); ok && !r.adj && r.ts == k && d.ents[r.ent].typ == kg.Organization {
					back(r.ent, tk)
					if r.te < len(toks) && toks[r.te].low != "and" {
						break
					}
				}
			}
		}
		h := t.n[i].head
		if h < 0 || !roundVerbs[t.n[h].lemma] || t.n[h].upos != "VERB" || t.negated(h) {
			continue
		}
		if t.n[h].lemma == "take" && (t.kid(h, "obj") < 0 || t.n[t.kid(h, "obj")].low != "part") {
			continue
		}
		s, _ := t.subjects(h, 0)
		if s < 0 {
			continue
		}
		for _, c := range t.conjuncts(s) {
			ws := []int{c}
			// "X of Johannesburg and Y": the parser hangs Y on the place.
			for _, m := range t.kidsOf(c, "nmod") {
				if r, ok := d.refOfNode(t, refs, m); ok && d.ents[r.ent].typ == kg.Location {
					ws = append(ws, t.conjuncts(m)[1:]...)
				}
			}
			for _, w := range ws {
				if r, ok := d.refOfNode(t, refs, w); ok && !r.adj && d.ents[r.ent].typ == kg.Organization {
					back(r.ent, t.n[h].tok)
				}
			}
		}
	}
}

// stateForceNouns are a state's armed forces named by what they are.
var stateForceNouns = map[string]bool{"troop": true, "troops": true, "soldier": true, "army": true, "military": true, "force": true}

// stateForce is what unnamed government troops stand for at rune offset
// pos of sentence si: the one army the article has named, else the
// article's state; -1 if neither is known.
func (d *doc) stateForce(si, pos int) int {
	only := -1
	d.eachOrgMention(0, si, pos, func(m *mention) {
		e := m.ent
		if d.ents[e].sub != "military" || !slices.ContainsFunc(d.ents[e].words, func(w string) bool {
			w = strings.ToLower(w)
			return w == "army" || w == "force" || w == "forces" || w == "military"
		}) {
			return
		}
		if only == -1 {
			only = e
		} else if only != e {
			only = -2
		}
	})
	if only >= 0 {
		return only
	}
	return d.homeCountry()
}

// choiceVerbs appoint only when they name the post: "chose X as his
// deputy", "tapped X to lead Y".
var choiceVerbs = map[string]bool{"tap": true, "pick": true, "choose": true, "select": true}

// lightLemmas are the light verbs of lightCues.
var lightLemmas = map[string]bool{}

func init() {
	for k := range lightCues {
		lightLemmas[strings.Fields(k)[0]] = true
	}
}

// intoCustody reports "took X into custody", "was taken into custody".
func (t *tree) intoCustody(p int) bool {
	if t.n[p].lemma != "take" {
		return false
	}
	for _, o := range t.obliques(p, "into") {
		if t.n[o].lemma == "custody" {
			return true
		}
	}
	// "Also taken into custody was X": the parser may hang the phrase on
	// the inverted subject.
	return p+2 < len(t.n) && t.n[p+1].low == "into" && t.n[p+2].lemma == "custody"
}

// postVerbs put their object into a post that a complement names: "made
// X head of Y", "put X in charge of Y", "placed X in command".
var postVerbs = map[string]bool{"make": true, "put": true, "place": true}

// putInPost reports a verb of postVerbs at p whose object is followed by
// a role noun (a second object or a complement: "made him head of Y") or
// by "in charge" or "in command".
func (t *tree) putInPost(p int) bool {
	if !postVerbs[t.n[p].lemma] || t.kid(p, "nsubj") < 0 {
		return false // a subject of its own: the parser often makes a later "made" a conjunct
	}
	o := t.kid(p, "obj")
	if o < 0 || t.n[o].upos != "PROPN" && t.n[o].upos != "PRON" {
		return false
	}
	for _, k := range t.n[p].kids {
		if k <= o {
			continue
		}
		switch c := t.n[k]; c.deprel {
		case "obj", "xcomp":
			if c.upos == "NOUN" && roleNouns[c.lemma] > roleOther && t.kid(k, "det") < 0 {
				return true
			}
		case "obl":
			if (c.lemma == "charge" || c.lemma == "command") && t.caseOf(k) == "in" {
				return true
			}
		}
	}
	return false
}

// decisionNouns are choices someone makes: "X's first decision was to
// reinstate Y" and "X's decision to appoint Y" are X's acts.
var decisionNouns = map[string]bool{"decision": true, "act": true, "move": true, "choice": true, "order": true}

// decider returns the possessor of a decision noun at i ("X's decision"),
// or -1.
func (t *tree) decider(i int) int {
	if i < 0 || !decisionNouns[t.n[i].lemma] {
		return -1
	}
	if p := t.kid(i, "nmod:poss"); p >= 0 && t.n[p].upos == "PROPN" {
		return p
	}
	return -1
}

// shareholderNouns name an owner by his share.
var shareholderNouns = map[string]bool{"shareholder": true, "stakeholder": true, "stockholder": true}

// shareholderIs reads "Y, whose largest shareholder is X" and "Y's main
// shareholder is X": X owns Y. The copula's other side is the owner,
// wherever the parser hung it.
func (d *doc) shareholderIs(si int, t *tree, refs []ref) {
	for i, n := range t.n {
		if !shareholderNouns[n.lemma] {
			continue
		}
		p := t.kid(i, "nmod:poss")
		if p < 0 {
			continue
		}
		owned, ok := d.possessorRef(t, refs, p)
		if !ok {
			continue
		}
		// The copula after the noun, in its clause.
		c := -1
		for k := i + 1; k < len(t.n) && k < i+12; k++ {
			if t.n[k].low == "," || t.n[k].upos == "VERB" {
				break
			}
			if t.n[k].lemma == "be" && (t.n[k].deprel == "cop" || t.n[k].deprel == "root") {
				c = k
				break
			}
		}
		if c < 0 {
			continue
		}
		h := t.n[c].head
		if h <= c || t.negated(h) {
			continue
		}
		owners := []int{h}
		if !t.isName(h) {
			owners = t.kidsOf(h, "appos") // "is the mining group X"
		}
		for _, o := range owners {
			for _, w := range t.conjuncts(o) {
				if r, ok := d.refOfNode(t, refs, w); ok && !r.pron {
					d.addRel(kg.Owns, r.ent, owned.ent, map[string]string{"how": "stake"}, si, confNoun)
				}
			}
		}
	}
}

// compoundRels are the relations of a compound word's last part whose
// first part names the actor: "NATO-led force", "Houthi-run agency",
// "a Lindqvist-owned firm", "the Russian-backed Steppe Front". backedBy
// reads those whose first part is a mention, compoundActs the others.
var compoundRels = []struct {
	suffix string
	rel    kg.RelationType
}{{"-led", kg.Leads}, {"-run", kg.Owns}, {"-owned", kg.Owns}, {"-controlled", kg.Owns},
	{"-backed", kg.Supports}, {"-funded", kg.Supports}, {"-financed", kg.Supports}, {"-sponsored", kg.Supports},
	{"-armed", kg.Supports}, {"-supported", kg.Supports}, {"-trained", kg.Supports}}

// compoundSuffix returns the suffix of compoundRels that word w ends in
// after a first part, and its relation, or "".
func compoundSuffix(w string) (string, kg.RelationType) {
	for _, c := range compoundRels {
		if p, ok := strings.CutSuffix(w, c.suffix); ok && p != "" {
			return c.suffix, c.rel
		}
	}
	return "", ""
}

// compoundActs reads the compounds that backedBy leaves: "-led" ("the
// NATO-led force, known as KFOR", LEADS), and a compound whose first part
// is no mention of its own but names an entity of the article by its name
// or its plural ("the Houthi-run Saba news agency", where "the Houthis"
// are named). The actor relates to the noun the compound modifies, or
// the name that noun is known as.
func (d *doc) compoundActs(si int, t *tree, refs []ref) {
	for i, n := range t.n {
		if n.tok < 0 || n.head < 0 {
			continue
		}
		suf, rel := compoundSuffix(n.low)
		if suf == "" {
			continue
		}
		pre := strings.TrimSuffix(n.low, suf)
		actor := -1
		if r, ok := refAt(refs, n.tok); ok {
			if rel != kg.Leads {
				continue // backedBy reads it
			}
			actor = r.ent
		} else {
			actor = d.entityNamed(pre)
		}
		if actor < 0 {
			continue
		}
		// The name the compound modifies ("the Houthi-run Saba news
		// agency"), else the noun's own name, else the name it is known
		// as; never a description the noun might stand for.
		h := n.head
		var targets []int
		for _, k := range t.n[h].kids {
			if k > i && k < h && t.isName(k) {
				targets = append(targets, k)
			}
		}
		if r, ok := d.refOfNode(t, refs, h); len(targets) == 0 && ok && !r.adj && !r.pron && r.ent != actor {
			targets = append(targets, h)
		}
		if len(targets) == 0 {
			for _, a := range t.kidsOf(h, "acl") {
				if t.n[a].lemma == "know" {
					targets = append(targets, t.obliques(a, "as")...)
				}
			}
		}
		for _, o := range targets {
			r, ok := d.refOfNode(t, refs, o)
			if !ok || r.adj || r.ent == actor || d.ents[r.ent].typ == kg.Person {
				continue
			}
			var props map[string]string
			if rel == kg.Supports {
				props = map[string]string{"how": strings.TrimPrefix(suf, "-")}
			}
			d.addRel(rel, actor, r.ent, props, si, confCompound)
		}
	}
}

// entityNamed returns the organization or place of the article whose
// name or alias is w, or w's plural ("Houthi" for "the Houthis"), or -1
// when none or more than one is.
func (d *doc) entityNamed(w string) int {
	f := fold(w)
	if len([]rune(f)) < 3 {
		return -1
	}
	match := func(name string) bool {
		g := fold(name)
		return g == f || g == f+"s"
	}
	found := -1
	for e, en := range d.ents {
		if en.typ == kg.Person || len(en.spans) == 0 {
			continue
		}
		hit := match(en.name)
		for _, a := range en.aliases {
			hit = hit || match(a)
		}
		if hit {
			if found >= 0 {
				return -1
			}
			found = e
		}
	}
	return found
}

// tookOver reports "took over X", "is taking over X": an acquisition.
func (t *tree) tookOver(p int) bool {
	if t.n[p].lemma != "take" {
		return false
	}
	k := t.kid(p, "compound:prt")
	return k >= 0 && t.n[k].low == "over" && (t.kid(p, "obj") >= 0 || t.isPassive(p)) || len(t.obliques(p, "over")) > 0
}

// killedBy reports "shot dead", "gunned down", "beaten to death": an act
// that kills.
func (t *tree) killedBy(p int) bool {
	l := t.n[p].lemma
	if l != "shoot" && l != "gun" && l != "beat" && l != "stab" && l != "hack" {
		return false
	}
	for _, k := range t.n[p].kids {
		switch c := t.n[k]; {
		case c.low == "dead" && k > p, c.low == "down" && l == "gun":
			return true
		case c.low == "death" && t.caseOf(k) == "to":
			return true
		}
	}
	return false
}

// removalNouns name an end someone may demand for another: "called for the
// resignation of X" opposes X.
var removalNouns = map[string]bool{"resignation": true, "removal": true, "ouster": true, "dismissal": true,
	"impeachment": true, "prosecution": true, "expulsion": true, "sacking": true, "arrest": true, "detention": true}

// detentionNouns name a detention that whoever orders or carries it out
// makes: "the court ordered the detention of X".
var detentionNouns = map[string]bool{"arrest": true, "detention": true, "imprisonment": true, "jailing": true, "capture": true}

// demandVerbs ask for an end with their object ("demanded the
// resignation of X"); callVerbs with "for" ("called for …").
var (
	demandVerbs = map[string]bool{"demand": true, "seek": true, "urge": true, "request": true, "want": true}
	callVerbs   = map[string]bool{"call": true, "press": true, "push": true, "campaign": true, "ask": true}
	orderVerbs  = map[string]bool{"order": true, "carry": true, "make": true, "approve": true, "authorize": true, "authorise": true}
)

// demands reads acts aimed at someone through a nominalization that a
// verb demands or orders: "called for the resignation of X" and "demanded
// X's removal" oppose X; "ordered the detention of X" and "carried out
// the arrest of X" detain X.
func (d *doc) demands(si int, t *tree, refs []ref) {
	for i := range t.n {
		d.resignationDemand(si, t, refs, i)
		n := t.n[i]
		// The tagger may take "dismissal" for an adjective.
		if n.upos != "NOUN" && n.upos != "ADJ" || !removalNouns[n.lemma] && !detentionNouns[n.lemma] || n.head < 0 {
			continue
		}
		h := n.head
		if t.n[h].upos != "VERB" || t.negated(h) || t.hedged(h) {
			continue
		}
		var rel kg.RelationType
		switch v := t.n[h].lemma; {
		case n.deprel == "obj" && orderVerbs[v] && detentionNouns[n.lemma]:
			rel = kg.Detained
		case n.deprel == "obj" && demandVerbs[v], n.deprel == "obl" && t.caseOf(i) == "for" && callVerbs[v]:
			rel = kg.Opposes
		default:
			continue
		}
		as, _, passive := t.arguments(h)
		if passive {
			continue
		}
		var targets []int
		for _, k := range t.n[i].kids {
			if c := t.n[k]; c.deprel == "nmod:poss" || c.deprel == "nmod" && t.caseOf(k) == "of" {
				targets = append(targets, t.conjuncts(k)...)
			}
		}
		for _, a := range as {
			ra, ok := d.agentRef(t, refs, a)
			if !ok || ra.adj {
				continue
			}
			for _, o := range targets {
				ro, ok := d.refOfNode(t, refs, o)
				if !ok || ro.adj || ro.ent == ra.ent {
					continue
				}
				if rel == kg.Detained {
					d.verbFact(si, verbCue{rel: kg.Detained, event: "Detention"}, t.n[h].lemma, ra.ent, ro.ent, t.n[h].tok, confNoun)
				} else {
					d.addRel(rel, ra.ent, ro.ent, nil, si, confNoun)
				}
			}
		}
	}
}

// sale reads "X sold Y to Z": Z owns Y.
func (d *doc) sale(si int, t *tree, refs []ref, p, o int, conf float64) {
	ry, ok := d.refOfNode(t, refs, o)
	if !ok || ry.adj || d.ents[ry.ent].typ != kg.Organization {
		return
	}
	for _, b := range d.refsOf(t, refs, append(t.obliques(p, "to"), t.ownerOf(o, "to")...)) {
		if !b.adj && b.ent != ry.ent {
			d.addRel(kg.Owns, b.ent, ry.ent, nil, si, conf)
		}
	}
}

// blamedFor reads "Y was blamed for the killing of X": Y did the act.
func (d *doc) blamedFor(si int, t *tree, refs []ref) {
	for p := range t.n {
		if t.n[p].lemma != "blame" || t.n[p].upos != "VERB" || t.negated(p) {
			continue
		}
		_, ps := t.subjects(p, 0)
		if ps < 0 {
			continue
		}
		ra, ok := d.agentRef(t, refs, ps)
		if !ok || ra.adj {
			continue
		}
		for _, o := range t.obliques(p, "for") {
			rel := kg.Attacked
			switch l := t.n[o].lemma; {
			case l == "killing" || l == "murder" || l == "assassination" || l == "death":
				rel = kg.Killed
			case l == "abduction" || l == "kidnapping" || l == "detention":
				rel = kg.Detained
			case !attackNouns[l]:
				continue
			}
			for _, k := range t.n[o].kids {
				if c := t.caseOf(k); t.n[k].deprel == "nmod" && (c == "of" || c == "on" || c == "against") {
					for _, x := range t.conjuncts(k) {
						if rx, ok := d.refOfNode(t, refs, x); ok && !rx.adj && rx.ent != ra.ent {
							d.addRel(rel, ra.ent, rx.ent, nil, si, confNoun)
						}
					}
				}
			}
		}
	}
}

package resolve

import (
	"slices"
	"sort"
	"strings"

	"github.com/newsgraph/newsgraph/kg"
)

// Mention is an entity of a new article as resolution sees it.
type Mention struct {
	ID    string
	Type  kg.EntityType
	Names []string // the canonical name first, then the aliases the text gives
	// Neighbors are the nodes the article's other entities are (or will be).
	Neighbors map[string]bool
	parsed    []Name // Names parsed, once
}

// Candidate is an existing node that shares a blocking key with a mention.
type Candidate struct {
	Entity *kg.Entity
	// Neighbors are the nodes mentioned in the articles that mention it.
	Neighbors map[string]bool
	parsed    []Name // the node's name and aliases parsed, once
}

// parseAll parses names of an entity of type t.
func parseAll(t kg.EntityType, names []string) []Name {
	out := make([]Name, len(names))
	for i, n := range names {
		out[i] = Parse(t, n)
	}
	return out
}

func (m *Mention) names() []Name {
	if m.parsed == nil {
		m.parsed = parseAll(m.Type, m.Names)
	}
	return m.parsed
}

func nodeNames(e *kg.Entity) []Name {
	return parseAll(e.Type, append([]string{e.Name}, e.Aliases...))
}

// Action is what resolution does with a mention.
type Action string

// Actions.
const (
	Join    Action = "join"    // the mention is the node; its spelling becomes an alias
	Propose Action = "propose" // a merge candidate for review
)

// Evidence says why a mention and a node were scored as they were.
type Evidence struct {
	Name     string   // the mention's name that matched best
	NodeName string   // the node's name or alias it matched
	Why      string   // "name variant", "surname maliki", "acronym PMF" …
	Shared   []string // nodes both are mentioned with, sorted
	NameOnly float64  // the score of the names alone
	// Partial is set when the names matched only in part (a surname, an
	// acronym, a short form): context had to confirm it.
	Partial bool
	// Acronym is set when the names met on an acronym both use.
	Acronym bool
	// Title is a title both are given ("minister" for "Minister Guleid"
	// and "Fisheries Minister Abdiwali Guleid"): it counts as one shared
	// neighbor.
	Title string
	// raw is the score before a partial match was held under High for
	// want of shared people or organizations.
	raw float64
	// untitled is set for a full name met with a node known only by a
	// surname and a title the name lacks (surnameNode).
	untitled bool
	// aside is set when only another name the article gives the entity
	// matched, not its own.
	aside bool
}

// Decision links a mention to a node.
type Decision struct {
	Action   Action
	EntityID string // the mention's own id
	NodeID   string
	Score    float64
	Evidence Evidence
	// nodeName and nodeType are the node's canonical name and type when
	// decided, for Fuller.
	nodeName string
	nodeType kg.EntityType
}

// contextStep is what each shared neighbor adds to a score, up to
// contextMax: two shared neighbors lift a surname or an acronym over High.
const (
	contextStep = 0.08
	contextMax  = 0.16
	// tieMargin is how far the best candidate must lead the next to be
	// joined alone.
	tieMargin = 0.05
)

// nameMatch is the best match among the names of a mention and a node,
// vetoed when their canonical names conflict and no alias matches outright.
func nameMatch(m *Mention, e *kg.Entity, nn []Name) (Match, Evidence, bool) {
	if len(m.Names) == 0 || e == nil || !Resolvable(e.Type) || !kg.CompatibleTypes(m.Type, e.Type) {
		return Match{}, Evidence{}, false
	}
	if nn == nil {
		nn = nodeNames(e)
	}
	var best Match
	var ev Evidence
	vetoed, oneWord, part := false, false, false
	mn := m.names()
	for i, a := range mn {
		if len(a.Core) == 0 {
			continue
		}
		for j, b := range nn {
			if len(b.Core) == 0 {
				continue
			}
			mt := CompareNames(a, b)
			if firstName(mt) && fullNamed(mn) && fullNamed(nn) {
				// A first name is matched for an entity known by one
				// word only; the other names of one with a full name are
				// parts of it ("Khambai" of "Feykhai Khambai").
				continue
			}
			if mt.Veto && i == 0 && j == 0 {
				vetoed = true
			}
			if mt.Veto {
				continue
			}
			// The entity's own name is read first: at one score, a match
			// only another name makes does not replace its own (a whole
			// match still replaces a part).
			if mt.Score > best.Score || (mt.Score == best.Score && best.Partial && !mt.Partial) {
				best = mt
				ev.Name, ev.NodeName, ev.Why = a.Raw, b.Raw, mt.Why
				ev.aside = i > 0
				oneWord = len(a.Core) < 2 || len(b.Core) < 2
				part = a.Type == kg.Organization && b.Type == kg.Organization && (i > 0 && partOf(a, mn[0]) || j > 0 && partOf(b, nn[0]))
			}
		}
	}
	// Conflicting canonical names are overruled only by two full names
	// that match outright: one word both were also called ("Miners",
	// "Dockworkers") says nothing against them.
	// Nor by a name that is only a part of its own entity's canonical one
	// ("Dong Phuoc" of "Dong Phuoc Rubber Company"): it says no more than
	// the canonical name, which conflicts.
	if best.Score == 0 || (vetoed && (best.Partial || best.Acronym || best.Score < High || oneWord || part)) {
		return Match{}, Evidence{}, false
	}
	return best, ev, true
}

// firstName reports a match of a one-word name with a full name's first.
func firstName(mt Match) bool { return strings.HasPrefix(mt.Why, "first name ") }

// fullNamed reports a full name among names.
func fullNamed(names []Name) bool {
	for _, n := range names {
		if n.Type == kg.Person && n.Full() {
			return true
		}
	}
	return false
}

// partOf reports a name whose words are all among fewer than those of the
// canonical name of its own entity: a short form of it, no other name.
func partOf(a, canon Name) bool {
	if len(a.Core) >= len(canon.Core) {
		return false
	}
	for _, w := range a.Core {
		if !slices.Contains(canon.Core, w) {
			return false
		}
	}
	return true
}

// Score compares a mention with a candidate node: the best match among
// their names (nameMatch), raised by shared neighbors.
func Score(m Mention, c Candidate) (float64, Evidence, bool) {
	best, ev, ok := nameMatch(&m, c.Entity, c.parsed)
	if !ok {
		return 0, Evidence{}, false
	}
	e := c.Entity
	if m.Type == kg.Person {
		// "Mr. Tarasenko" is not the woman called "Ms. Tarasenko".
		if gm, ge := genderOf(m.Names), genderOf(append([]string{e.Name}, e.Aliases...)); gm != 0 && ge != 0 && gm != ge {
			return 0, Evidence{}, false
		}
	}
	ev.NameOnly, ev.Partial, ev.Acronym = best.Score, best.Partial, best.Acronym
	for id := range m.Neighbors {
		if id != e.ID && c.Neighbors[id] {
			ev.Shared = append(ev.Shared, id)
		}
	}
	sort.Strings(ev.Shared)
	if m.Type == kg.Person {
		ev.Title = sharedTitle(m.Names, append([]string{e.Name}, e.Aliases...))
	}
	score := min(1, best.Score+min(contextMax, contextStep*ev.support()))
	ev.raw = score
	ev.untitled = best.Partial && surnameNode(m, c, ev)
	if best.Partial && (ev.people() < 2 || ev.untitled || m.Type == kg.Location || e.Type == kg.Location) {
		// A place named with words the other lacks is another place as
		// often as the same: a city and its province ("Potosí", "Potosí
		// Department"), "Sudan" and "South Sudan", a town and its lake;
		// and one word naming a place and an organization is a region and
		// the union named for it as often as one body mistyped. Shared
		// people say nothing there: one story names both. It is left for
		// review.
		// A part of a name joins only when people or organizations the
		// node is known with are named beside it: places are shared by
		// every story of a region.
		score = min(score, High-0.01)
	}
	return score, ev, true
}

// surnameNode reports a full name met with a node known only by a
// surname and a title it does not share ("Commander Ferjani"): the node
// may be another of the family the story names, so the pair is left for
// review.
func surnameNode(m Mention, c Candidate, ev Evidence) bool {
	if m.Type != kg.Person || ev.Title != "" {
		return false
	}
	full := false
	for _, n := range m.names() {
		full = full || n.Full()
	}
	if !full {
		return false
	}
	names := c.parsed
	if names == nil {
		names = nodeNames(c.Entity)
	}
	for _, n := range names {
		if n.Full() {
			return false
		}
	}
	return titled(append([]string{c.Entity.Name}, c.Entity.Aliases...))
}

// whole reports a match of whole names, not of a part or an acronym.
func (ev Evidence) whole() bool { return !ev.Partial && !ev.Acronym }

// people counts the shared neighbors that are not places.
func (ev Evidence) people() int {
	n := 0
	if ev.Title != "" {
		n++
	}
	for _, id := range ev.Shared {
		if !strings.HasPrefix(id, "location:") {
			n++
		}
	}
	return n
}

// support weighs the shared neighbors: people and organizations say more
// about who someone is than the places everyone in a story shares.
func (ev Evidence) support() float64 {
	n := 0.0
	if ev.Title != "" {
		n++
	}
	for _, id := range ev.Shared {
		if strings.HasPrefix(id, "location:") {
			n += 0.5
		} else {
			n++
		}
	}
	return n
}

// Decide scores a mention against its candidates and decides: a join with
// the best when it reaches High and leads the rest, else proposals for
// every candidate that reaches Low. No decision means a new node.
func Decide(m Mention, cs []Candidate) []Decision {
	var ds []Decision
	for _, c := range cs {
		if c.Entity == nil || c.Entity.ID == m.ID {
			continue
		}
		s, ev, ok := Score(m, c)
		if !ok || s < Low {
			continue
		}
		ds = append(ds, Decision{Action: Propose, EntityID: m.ID, NodeID: c.Entity.ID, Score: s, Evidence: ev,
			nodeName: c.Entity.Name, nodeType: c.Entity.Type})
	}
	sort.SliceStable(ds, func(i, j int) bool {
		if ds[i].Score != ds[j].Score {
			return ds[i].Score > ds[j].Score
		}
		// At one score, a whole name before a part of one or an acronym,
		// then the node with more in common.
		if wi, wj := ds[i].Evidence.whole(), ds[j].Evidence.whole(); wi != wj {
			return wi
		}
		// Then the node the entity's own name meets before one only
		// another name the article gives it meets: extraction may set
		// a name beside the wrong entity.
		if ai, aj := ds[i].Evidence.aside, ds[j].Evidence.aside; ai != aj {
			return aj
		}
		if si, sj := ds[i].Evidence.support(), ds[j].Evidence.support(); si != sj {
			return si > sj
		}
		return ds[i].NodeID < ds[j].NodeID
	})
	if len(ds) == 0 {
		return nil
	}
	// The best joins when it reaches High. A full-name match joins even
	// beside other full-name matches (those are duplicates of one another,
	// left as candidates for review) and beside nodes known only by a part
	// of the name. A partial match (a surname, an acronym) joins only when
	// it leads every rival clearly: by score, or by two more shared people
	// or organizations.
	best := ds[0]
	if len(ds) == 1 && soleSurname(m, best) && !kinInStory(m) {
		// The only person of that surname the graph knows, named beside
		// one of the people or organizations it is known with.
		ds[0].Action, ds[0].Score = Join, High
		return ds
	}
	if best.Score >= High {
		rival := false
		for _, d := range ds[1:] {
			// A title only the best shares with the mention ("Minister
			// Guleid" and the minister, not his niece) settles it.
			titled := best.Evidence.Title != "" && d.Evidence.Title == ""
			if (best.Evidence.Partial || best.Evidence.Acronym) && !titled && d.Score >= best.Score-tieMargin && best.Evidence.support() < d.Evidence.support()+2 {
				rival = true
			}
		}
		if !rival {
			ds[0].Action = Join
			if len(ds) > 3 {
				ds = ds[:3]
			}
			return ds
		}
	}
	if len(ds) > 3 {
		ds = ds[:3]
	}
	return ds
}

// kinInStory reports another person of the mention's surname among the
// article's others known by that surname alone ("Chairman Tarvaloglu"
// beside "Ms. Tarvaloglu"): the one node of that surname the graph knows
// may be either of them. A relative the article names in full, or whose
// node is a full name, is accounted for.
func kinInStory(m Mention) bool {
	if m.Type != kg.Person || len(m.Names) == 0 {
		return false
	}
	sur := m.names()[0].Surname()
	kin := false
	for id := range m.Neighbors {
		rest, ok := strings.CutPrefix(id, "person:")
		if !ok || id == m.ID {
			continue
		}
		n := Parse(kg.Person, strings.ReplaceAll(rest, "-", " "))
		if n.Surname() != sur {
			continue
		}
		if n.Full() {
			return false
		}
		kin = true
	}
	return kin
}

// kinTie reports two joins of one node by a surname alone, neither
// with a title the node has.
func kinTie(a, b Decision) bool {
	surname := func(d Decision) bool {
		return d.Evidence.Partial && d.Evidence.Title == "" && strings.HasPrefix(d.Evidence.Why, "surname ")
	}
	return surname(a) && surname(b)
}

// soleName reports a person named by surname alone whose only candidate
// is d's node, before context is weighed.
func soleName(m Mention, d Decision) bool {
	ev := d.Evidence
	if m.Type != kg.Person || !ev.Partial || ev.Acronym || ev.untitled {
		return false
	}
	for _, n := range m.names() {
		if n.Full() {
			return false
		}
	}
	return true
}

// soleMargin is how far under High a surname alone may score and still
// join its only candidate.
const soleMargin = 0.05

// soleSurname reports a person named by surname alone whose only candidate
// shares at least one person or organization with the article and comes
// within soleMargin of High: no rival of that surname is known, and the
// story is the same.
func soleSurname(m Mention, d Decision) bool {
	ev := d.Evidence
	return m.Type == kg.Person && ev.Partial && !ev.untitled && !ev.Acronym && strings.HasPrefix(ev.Why, "surname ") &&
		ev.people() >= 1 && ev.raw >= High-soleMargin
}

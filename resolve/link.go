package resolve

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"sort"

	"github.com/newsgraph/newsgraph/kg"
)

// neighborArticles bounds how many articles of a candidate are read for its
// neighbors (latest).
const neighborArticles = 40

// maxFirstNameBlock is the most nodes of a first name's block read for a
// mention other blocks found nodes for.
const maxFirstNameBlock = 8

// contextPasses bounds the passes of Link that decide with the article's
// other entities as context.
const contextPasses = 3

// Save links x's entities to the nodes they already are and saves x: each
// join goes with the save (x.Joins), which records it as an automatic
// merge of the entity's id into its node (score and evidence in the audit
// log; SplitEntity undoes it) in its own transaction, so the entity is
// written onto the node and its spelling becomes an alias; the merge
// candidates are recorded for review after the save, when both ends
// exist. It returns what it decided.
func Save(ctx context.Context, s kg.Store, x *kg.Extraction) (kg.SaveResult, []Decision, error) {
	ds, err := Link(ctx, s, x)
	if err != nil {
		return kg.SaveResult{}, nil, err
	}
	x.Joins = Joins(x, ds)
	res, err := s.SaveExtraction(ctx, x)
	if err != nil {
		return res, nil, err
	}
	return res, ds, RecordCandidates(ctx, s, x, ds)
}

// Joins are the joins among ds as the store records them with the save:
// automatic merges of the entities' ids into their nodes.
func Joins(x *kg.Extraction, ds []Decision) []kg.Join {
	names := map[string]string{}
	for _, e := range x.Entities {
		names[e.ID] = e.Name
	}
	var js []kg.Join
	for _, d := range ds {
		if d.Action == Join {
			m := d.merge(x.Article.ID)
			if n := names[d.EntityID]; d.nodeType != "" && Fuller(d.nodeType, n, d.nodeName) {
				m.Name = n
			}
			js = append(js, kg.Join{Node: d.NodeID, ID: d.EntityID, Merge: m})
		}
	}
	return js
}

// Fuller reports whether name is a fuller name than the node's current
// one, so that the node should take it (keeping its id): a full name for a
// surname ("Pyotr Zavyalin" for "Zavyalin"), more of a person's names, an
// expansion for an acronym ("Kolkheti Shipping Company" for "KSC"), or an
// organization's name with words its short form leaves out ("Kolkheti
// Shipping Company" for "Kolkheti Shipping").
func Fuller(t kg.EntityType, name, current string) bool {
	if name == "" || name == current {
		return false
	}
	n, c := Parse(t, name), Parse(t, current)
	if n.Acronym != "" || len(n.Core) <= len(c.Core) {
		return false
	}
	if t == kg.Person || c.Acronym != "" {
		return true
	}
	for _, w := range c.Core {
		if !slices.Contains(n.Core, w) {
			return false
		}
	}
	return true
}

// RecordCandidates records the proposals among ds for review, after x is
// saved (when both ends exist).
func RecordCandidates(ctx context.Context, s kg.Store, x *kg.Extraction, ds []Decision) error {
	cands := Proposals(x, ds)
	if len(cands) == 0 {
		return nil
	}
	if err := s.RecordMergeCandidates(ctx, cands); err != nil {
		return fmt.Errorf("resolve: merge candidates: %w", err)
	}
	return nil
}

// Proposals are the merge candidates among ds, decided for x, as
// RecordCandidates records them.
func Proposals(x *kg.Extraction, ds []Decision) []kg.MergeCandidate {
	var cands []kg.MergeCandidate
	for _, d := range ds {
		if d.Action == Propose {
			cands = append(cands, d.candidate(x.Article.ID))
		}
	}
	return cands
}

// merge is the automatic merge that joining d records; article, when
// set, is the article whose save decided it.
func (d Decision) merge(article string) kg.Merge {
	return kg.Merge{Curation: kg.Curation{Actor: "resolve", Reason: d.Evidence.Why}, Method: kg.MergeAuto,
		Score: d.Score, Evidence: d.evidence(article)}
}

// candidate is the merge candidate that proposing d records for review.
func (d Decision) candidate(article string) kg.MergeCandidate {
	return kg.MergeCandidate{Keep: d.NodeID, Drop: d.EntityID, Score: d.Score, Evidence: d.evidence(article)}
}

// evidence is d's evidence as the audit log and the review queue keep it.
func (d Decision) evidence(article string) map[string]any {
	ev := d.Evidence
	m := map[string]any{"names": []any{ev.Name, ev.NodeName}, "why": ev.Why, "sharedNeighbors": anyList(ev.Shared),
		"nameScore": ev.NameOnly, "partial": ev.Partial}
	if article != "" {
		m["article"] = article
	}
	return m
}

// Link decides, before x is saved, which existing node each of its
// resolvable entities is, through the store's blocking index: a join with
// a node, merge candidates for review, or nothing (a new node). Entities
// whose id the store already knows (the same spelling seen before, or a
// spelling joined before) are not decided again. x is not changed.
func Link(ctx context.Context, s kg.Store, x *kg.Extraction) ([]Decision, error) {
	ls, err := LinkAll(ctx, s, []*Prepared{prepare(x, false)}, nil, nil)
	if err != nil {
		return nil, err
	}
	return ls[0].Decisions, nil
}

// Linked is what LinkAll decided for one article and what it read to
// decide it.
type Linked struct {
	Decisions []Decision
	Read      Reads
	// Unchanged are the article's own ids that are nodes already, of the
	// type the article gives them and with every name it gives them:
	// saving the article leaves their names and blocking keys as they are.
	Unchanged []string
	// Nodes are, by entity id, the nodes the article's entities are once
	// it is saved with its joins.
	Nodes map[string]string
}

// Mentioned is what saving x, decided as l, adds as LinkAll counts it in.
func (l Linked) Mentioned(x *kg.Extraction) Mentioned {
	ids := make([]string, 0, len(l.Nodes))
	for _, n := range l.Nodes {
		ids = append(ids, n)
	}
	return Mentioned{Article: x.Article.ID, Nodes: uniqSorted(ids)}
}

// Mentioned is an article saved after the store was read, as LinkAll
// counts it in: a new article (not a new version of one the store holds,
// not a text it holds under another source) that mentions Nodes
// (Linked.Nodes). It adds itself to the articles of those nodes, and so
// to the neighbors of the candidates among them.
type Mentioned struct {
	Article string
	Nodes   []string
}

// Reads is what deciding one article read from the store, each as Link
// alone would read it: a later write that meets none of it leaves the
// decisions as they are.
type Reads struct {
	// Present and Missing are the article's own ids, by whether the store
	// knew them; only their existence was read.
	Present, Missing []string
	Keys             []string // the blocking keys looked up
	Entities         []string // the candidates read whole, and whose articles were read
	Articles         []string // the articles whose entities were read
}

// linking is one article's state through LinkAll's reads.
type linking struct {
	x     *kg.Extraction
	p     *Prepared
	ms    []Mention
	keys  [][]string
	known []*kg.Entity
	// perMention are each mention's candidate ids, and found, by
	// candidate, the mentions whose keys found it; candIDs the candidates
	// read, kept those plausible, with the ids as read; arts their
	// articles other than x's.
	perMention [][]string
	found      map[string][]int
	candIDs    []string
	kept       []string
	arts       map[string][]string
	read       Reads
	unchanged  []string
}

// Prepared is an extraction with what resolution computes of it alone,
// before any read: its mentions with their names parsed and their
// blocking keys. Prepare runs where the article is extracted (the
// loader's workers), so the single writer that decides does not.
type Prepared struct {
	X  *kg.Extraction
	ms []Mention
	// keys are each mention's blocking keys as the store indexes them;
	// allLookup and aliasLookup the keys it looks up with, of all its
	// names and of its other names (for a mention that is a node already).
	// Unless Prepare built them all, they are nil and built when asked
	// (lookup, Keys): deciding needs one of the two lookups per mention,
	// and only a loader asks the indexed keys.
	keys, allLookup, aliasLookup [][]string
	own                          []string // every entity id, resolvable or not
	// nameKeys are each mention's names as memo knows them (nameKey).
	nameKeys []string
}

// Prepare reads x's mentions for LinkAll, with every key built. x's
// entities must not change after.
func Prepare(x *kg.Extraction) *Prepared { return prepare(x, true) }

// prepare is Prepare; all says to build every key now, else the keys are
// built as they are asked for (Link, where preparing is part of deciding
// one article: a third of the keys).
func prepare(x *kg.Extraction, all bool) *Prepared {
	p := &Prepared{X: x}
	for _, e := range x.Entities {
		// Every id is read, for the node it is (Linked.Nodes).
		p.own = append(p.own, e.ID)
		if !Resolvable(e.Type) {
			continue
		}
		names := append([]string{e.Name}, e.Aliases...)
		m := Mention{ID: e.ID, Type: e.Type, Names: names}
		m.names()
		p.ms = append(p.ms, m)
		p.nameKeys = append(p.nameKeys, nameKey(m.Type, names))
		if all {
			p.keys = append(p.keys, Keys(m.Type, names))
			p.allLookup = append(p.allLookup, LookupKeys(m.Type, names))
			p.aliasLookup = append(p.aliasLookup, LookupKeys(m.Type, names[1:]))
		}
	}
	return p
}

// lookup is mention i's lookup keys: of its other names when known (it
// is a node already), else of all its names.
func (p *Prepared) lookup(i int, known bool) []string {
	m := &p.ms[i]
	switch {
	case known && p.aliasLookup != nil:
		return p.aliasLookup[i]
	case known:
		return LookupKeys(m.Type, m.Names[1:])
	case p.allLookup != nil:
		return p.allLookup[i]
	default:
		return LookupKeys(m.Type, m.Names)
	}
}

// Keys are the blocking keys of the names of x's entity id (Keys of its
// name and aliases), none when its type does not resolve.
func (p *Prepared) Keys(id string) []string {
	var out []string
	for i, m := range p.ms {
		if m.ID != id {
			continue
		}
		if p.keys != nil {
			out = append(out, p.keys[i]...)
		} else {
			out = append(out, Keys(m.Type, m.Names)...)
		}
	}
	return out
}

// LinkAll decides the articles ps as Link decides each, reading each kind
// of thing once for all of them: the articles' own ids, the blocking keys
// with the candidates they give, the candidates' articles and those
// articles' entities, four reads however many articles. Each article is decided against the store as it
// is plus the articles saved since it was read (prior, in order) and the
// articles of ps before it whose adds is set, as if those were saved
// first: their mentions add to the candidates' articles and neighbors.
// What else they write (new nodes, new names, joins) is not seen: a loader
// keeps the decisions of the articles whose Reads meet none of it. adds may
// be nil (none).
func LinkAll(ctx context.Context, s kg.Store, ps []*Prepared, prior []Mentioned, adds []bool) ([]Linked, error) {
	ls := make([]linking, len(ps))
	xs := make([]*kg.Extraction, len(ps))
	var own []string
	for n, p := range ps {
		l := &ls[n]
		l.x, xs[n], l.p = p.X, p.X, p
		// Decisions set a mention's Neighbors: each call has its own.
		l.ms = slices.Clone(p.ms)
		own = append(own, p.own...)
	}
	// Which mentions are nodes already (the same name seen before).
	known, err := readEntities(ctx, s, own)
	if err != nil {
		return nil, fmt.Errorf("resolve: entities of %s: %w", sources(xs), err)
	}
	// Candidates through the blocking index, for the mentions that are not
	// nodes yet, and through the other names the text gives for those that
	// are: a node under one of those names is one the article may show is
	// the same (see links).
	var allKeys []string
	for n := range ls {
		l := &ls[n]
		l.known = make([]*kg.Entity, len(l.ms))
		l.keys = make([][]string, len(l.ms))
		for i, m := range l.ms {
			l.known[i] = known[m.ID]
			if e := l.known[i]; e != nil {
				l.read.Present = append(l.read.Present, m.ID)
				if e.Type == m.Type && hasNames(e, m.Names) {
					l.unchanged = append(l.unchanged, m.ID)
				}
				l.keys[i] = l.p.lookup(i, true)
			} else {
				l.read.Missing = append(l.read.Missing, m.ID)
				l.keys[i] = l.p.lookup(i, false)
			}
			l.read.Keys = append(l.read.Keys, l.keys[i]...)
		}
		l.read.Keys = uniqSorted(l.read.Keys)
		allKeys = append(allKeys, l.read.Keys...)
	}
	// The hits come with their entities: one read where the hits and
	// then the candidates among them were two dependent ones.
	byKey := map[string][]string{}
	var found map[string]*kg.Entity
	if allKeys = uniqSorted(allKeys); len(allKeys) > 0 {
		kc, err := s.CandidatesByKeys(ctx, allKeys)
		if err != nil {
			return nil, fmt.Errorf("resolve: candidates for %s: %w", sources(xs), err)
		}
		for i, k := range allKeys {
			byKey[k] = kc.Hits[i]
		}
		found = kc.Entities
	}
	var allCands []string
	for n := range ls {
		l := &ls[n]
		l.perMention = make([][]string, len(l.ms))
		l.found = map[string][]int{}
		ids := map[string]bool{}
		for i, m := range l.ms {
			seen := map[string]bool{}
			// A first name's block only when small or when no other block
			// holds a node (FirstNameKey).
			for _, first := range []bool{false, true} {
				for _, k := range l.keys[i] {
					if FirstNameKey(k) != first || first && len(l.perMention[i]) > 0 && len(byKey[k]) > maxFirstNameBlock {
						continue
					}
					for _, id := range byKey[k] {
						if !seen[id] && id != m.ID && (l.known[i] == nil || id != l.known[i].ID) {
							seen[id] = true
							l.perMention[i] = append(l.perMention[i], id)
							ids[id] = true
							l.found[id] = append(l.found[id], i)
						}
					}
				}
			}
			if l.known[i] != nil && len(l.perMention[i]) > 0 {
				ids[l.known[i].ID] = true // its neighbors, for links
			}
		}
		l.candIDs = mapKeys(ids)
		allCands = append(allCands, l.candIDs...)
	}
	// The candidates are hits, read with them, or the nodes of the
	// article's own ids, read first.
	cands := make(map[string]*kg.Entity, len(allCands))
	for _, e := range known {
		if e != nil {
			cands[e.ID] = e
		}
	}
	for _, id := range allCands {
		if e := found[id]; e != nil {
			cands[id] = e
		}
	}
	// Only candidates whose names could reach Low with full context have
	// their neighbors read.
	nodes := map[string]*memoNode{}
	var allKept []string
	for n := range ls {
		l := &ls[n]
		l.read.Entities = l.candIDs
		for _, id := range l.candIDs {
			e := cands[id]
			if e == nil {
				continue
			}
			nd, ok := nodes[id]
			if !ok {
				nd = nodeOf(e)
				nodes[id] = nd
			}
			if l.plausible(e, nd, l.found[id]) {
				l.kept = append(l.kept, id)
			}
		}
		allKept = append(allKept, l.kept...)
	}
	arts, err := listsOf(ctx, latestArticles(s), allKept)
	if err != nil {
		return nil, fmt.Errorf("resolve: candidates: %w", err)
	}
	// The neighbors of a candidate are the entities of its latest
	// articles, other than the one being linked.
	var allArts []string
	for n := range ls {
		l := &ls[n]
		l.arts = map[string][]string{}
		need := map[string]bool{}
		for _, id := range l.kept {
			as := latest(arts[id], l.x.Article.ID)
			l.arts[id] = as
			for _, a := range as {
				need[a] = true
			}
		}
		if len(l.kept) > 0 {
			l.read.Articles = mapKeys(need)
		}
		allArts = append(allArts, l.read.Articles...)
	}
	byArticle, err := listsOf(ctx, s.EntitiesOfArticles, allArts)
	if err != nil {
		return nil, fmt.Errorf("resolve: candidates: %w", err)
	}
	// What the articles saved since the read add: each node's articles,
	// and each article's nodes.
	addArts := map[string][]string{}
	addNodes := map[string][]string{}
	mention := func(m Mentioned) {
		addNodes[m.Article] = m.Nodes
		for _, id := range m.Nodes {
			addArts[id] = append(addArts[id], m.Article)
		}
	}
	for _, m := range prior {
		mention(m)
	}
	// A candidate's neighbors are the same for every article of ps that
	// its articles do not hold and that as many articles counted in precede
	// (addArts only grows), so they are gathered once for those; the
	// decisions only read them.
	type nbKey struct {
		id   string
		more int
	}
	nbs := map[nbKey]map[string]bool{}
	out := make([]Linked, len(ls))
	for n := range ls {
		l := &ls[n]
		cs := make(map[string]Candidate, len(l.kept))
		for _, id := range l.kept {
			more := addArts[cands[id].ID]
			k := nbKey{id, len(more)}
			self := slices.Contains(arts[id], l.x.Article.ID) || slices.Contains(more, l.x.Article.ID)
			nb, ok := nbs[k]
			if !ok || self {
				as := l.arts[id]
				if len(more) > 0 {
					as = latest(uniqSorted(append(slices.Clone(arts[id]), more...)), l.x.Article.ID)
				}
				nb = neighbors(as, byArticle, addNodes)
				if !self {
					nbs[k] = nb
				}
			}
			// A merged-away id resolves to its node; both point at one.
			cs[id] = Candidate{Entity: cands[id], Neighbors: nb, parsed: nodes[id].nn}
		}
		ds := l.decide(cs)
		out[n] = Linked{Decisions: ds, Read: l.read, Unchanged: l.unchanged, Nodes: nodesOf(l.x, known, ds)}
		if n < len(adds) && adds[n] {
			mention(out[n].Mentioned(l.x))
		}
	}
	return out, nil
}

// nodesOf are, by id, the nodes x's entities are once saved with the
// joins among ds: the node an id joins, else the node the store resolves
// it to (known), else the id itself.
func nodesOf(x *kg.Extraction, known map[string]*kg.Entity, ds []Decision) map[string]string {
	joined := map[string]string{}
	for _, d := range ds {
		if d.Action == Join {
			joined[d.EntityID] = d.NodeID
		}
	}
	out := make(map[string]string, len(x.Entities))
	for _, e := range x.Entities {
		id := e.ID
		if n, ok := joined[id]; ok {
			id = n
		} else if k := known[id]; k != nil {
			id = k.ID
		}
		out[e.ID] = id
	}
	return out
}

// plausible reports whether a candidate e (its names nd) is the
// node of one of the article's mentions (for links) or its names could
// reach Low with full context against one of the mentions whose blocking
// keys found it (found): the others never decide against it. It is the
// filter before the neighbors are read; comparing a candidate's names
// with every mention's was a sixth of a load's CPU at 10k articles, and
// with only those mentions' still a tenth, hence memo.
func (l *linking) plausible(e *kg.Entity, nd *memoNode, found []int) bool {
	for i := range l.ms {
		if l.known[i] != nil && l.known[i].ID == e.ID {
			return true
		}
	}
	for _, i := range found {
		if near(&l.ms[i], l.p.nameKeys[i], e, nd) {
			return true
		}
	}
	return false
}

// decide decides the article's mentions against their candidates cands:
// names alone first, for what the article's entities are, then with them
// as context.
func (l *linking) decide(cands map[string]Candidate) []Decision {
	ms, known := l.ms, l.known
	node := make([]string, len(ms))
	for i, m := range ms {
		node[i] = m.ID
		if known[i] != nil {
			node[i] = known[i].ID
			continue
		}
		ds := Decide(m, pick(cands, l.perMention[i]))
		if len(ds) == 1 && (ds[0].Action == Join || soleName(m, ds[0])) {
			// A surname only one person of the graph has is taken, for
			// the context of the others, to be that person: a story that
			// names Morishita, Tiongson and Ilagan, each a surname the
			// graph knows once and all known together, is about them.
			// The passes below decide it again with that context.
			node[i] = ds[0].NodeID
		}
	}
	// Then with context, again while joins change what the article's
	// entities are: a surname joined in one pass is a shared neighbor
	// that confirms another surname in the next.
	var out []Decision
	prev := node
	for pass := 0; pass < contextPasses; pass++ {
		out = out[:0]
		next := slices.Clone(node)
		per := make([][]Decision, len(ms))
		for i := range ms {
			if known[i] != nil {
				continue
			}
			// The others as this pass and the one before found them: two
			// surnames that confirm each other ("Mr. Khoa", "Ms. Hang")
			// then settle together rather than take turns.
			// Only the nodes the others are now are held from it.
			ms[i].Neighbors = map[string]bool{}
			others := map[string]bool{}
			for j := range ms {
				if j != i {
					others[node[j]] = true
					ms[i].Neighbors[node[j]] = true
					ms[i].Neighbors[prev[j]] = true
				}
			}
			per[i] = Decide(ms[i], held(pick(cands, l.perMention[i]), others))
		}
		apart(per, known)
		for i, ds := range per {
			if known[i] != nil {
				continue
			}
			next[i] = ms[i].ID
			if len(ds) > 0 && ds[0].Action == Join {
				next[i] = ds[0].NodeID
			}
			out = append(out, ds...)
		}
		if slices.Equal(next, node) {
			break
		}
		prev, node = node, next
	}
	return append(out, links(ms, node, known, out, cands, l.perMention)...)
}

// held drops from cs the nodes that the article's other entities are
// (others: a mention's Neighbors, which decide sets to just those): the
// article's own resolution kept its entities apart, so a node another of
// them is cannot be the mention's too, and is no rival to its node ("Ms.
// Huarachi" beside "Minister Huarachi", who is the minister's node).
func held(cs []Candidate, others map[string]bool) []Candidate {
	return slices.DeleteFunc(cs, func(c Candidate) bool { return others[c.Entity.ID] })
}

// apart keeps two entities of one article off one node: the article's
// own resolution kept them apart ("Secretary Dimaculangan", "Ms.
// Dimaculangan"), so they are two. A node an entity already is keeps it;
// else the join of a whole name, then one with a shared title, then the
// higher score, then the better match of names alone stands, and the
// others' joins become proposals.
func apart(per [][]Decision, known []*kg.Entity) {
	holder := map[string]int{} // node -> mention holding it
	for _, e := range known {
		if e != nil {
			holder[e.ID] = -1
		}
	}
	better := func(a, b Decision) bool {
		if wa, wb := a.Evidence.whole(), b.Evidence.whole(); wa != wb {
			return wa
		}
		if ta, tb := a.Evidence.Title != "", b.Evidence.Title != ""; ta != tb {
			return ta
		}
		if a.Score != b.Score {
			return a.Score > b.Score
		}
		// Context lifts both to the top: the names say which is the node
		// ("Wattle Ridge Nickel" itself, not "Wattle Ridge" typed a place).
		return a.Evidence.NameOnly > b.Evidence.NameOnly
	}
	demote := func(i int) {
		per[i][0].Action = Propose
		per[i][0].Score = min(per[i][0].Score, High-0.01)
	}
	for i, ds := range per {
		if len(ds) == 0 || ds[0].Action != Join {
			continue
		}
		n := ds[0].NodeID
		h, ok := holder[n]
		switch {
		case !ok:
			holder[n] = i
		case h < 0:
			demote(i)
		case len(ds) == 1 && len(per[h]) == 1 && kinTie(ds[0], per[h][0]):
			// Two of one surname, neither with a title the node has,
			// and no other node for either: the node is one of them,
			// and nothing says which.
			demote(i)
			demote(h)
		case better(ds[0], per[h][0]):
			demote(h)
			holder[n] = i
		default:
			demote(i)
		}
	}
}

// links are the existing nodes that the article shows are the node one of
// its entities is: a node under another name the text gives the entity (an
// acronym beside its expansion, "also known as", a translated name, a
// surname the article uses for it). Each such node is decided as a new
// mention would be, against the entity's node (with the article's names
// and context added) and the other nodes the entity's names reach: when
// it joins the entity's node with two people or organizations in common,
// the two are merged (Join from the node into
// the article's entity, recorded with its evidence like any automatic
// merge, so SplitEntity undoes it); when it reaches Low, the pair is a
// merge candidate. Nodes named side by side with the entity's node in an
// earlier article, or that another entity of this one is, are two things
// and left alone.
func links(ms []Mention, node []string, known []*kg.Entity, ds []Decision, cands map[string]Candidate, perMention [][]string) []Decision {
	// The name that placed each joined entity, and its decision.
	via := map[string]string{}
	for _, d := range ds {
		if d.Action == Join {
			via[d.EntityID] = d.Evidence.Name
		}
	}
	article := map[string]bool{}
	for _, n := range node {
		article[n] = true
	}
	var out []Decision
	done := map[string]bool{}
	for i, m := range ms {
		self, ok := cands[node[i]]
		if !ok || len(m.Names) < 2 {
			continue // not a node yet, or no other name to link by
		}
		placed := m.Names[0]
		if known[i] == nil {
			if placed, ok = via[m.ID]; !ok {
				continue
			}
		}
		// The entity's node as the article shows it.
		a := *self.Entity
		a.Aliases = append(slices.Clone(a.Aliases), m.Names...)
		nb := maps.Clone(self.Neighbors)
		if nb == nil {
			nb = map[string]bool{}
		}
		for j, n := range node {
			if j != i {
				nb[n] = true
			}
		}
		own := Candidate{Entity: &a, Neighbors: nb}
		rivals := pick(cands, perMention[i])
		for _, b := range rivals {
			id := b.Entity.ID
			if id == a.ID || article[id] || done[id] || b.Neighbors[a.ID] || self.Neighbors[id] {
				continue
			}
			// Only a node that another of the article's names reaches,
			// whole or as its acronym: a part of a name ("Karasay
			// Mining") may be a sibling's.
			mt, ev, ok := nameMatch(&ms[i], b.Entity, b.parsed)
			if !ok || ev.Name == placed || (mt.Acronym && !spelledOut(b.parsed, own)) {
				continue
			}
			mb := Mention{ID: id, Type: b.Entity.Type, Names: append([]string{b.Entity.Name}, b.Entity.Aliases...), Neighbors: b.Neighbors}
			cs := []Candidate{own}
			for _, r := range rivals {
				if r.Entity.ID != id && r.Entity.ID != a.ID {
					cs = append(cs, r)
				}
			}
			got := Decide(mb, cs)
			if len(got) == 0 || got[0].NodeID != a.ID {
				continue
			}
			d := got[0]
			if d.Evidence.people() < 2 {
				// Two nodes merge only when context confirms what an
				// alias says: extraction may set a name beside the wrong
				// entity.
				continue
			}
			if mt.Partial && d.Evidence.Title == "" {
				// A surname links only with a title both carry
				// ("Col. Boqor", "Colonel Idriis Boqor").
				continue
			}
			d.Evidence.Why = "the article names it " + m.Names[0] + ": " + d.Evidence.Why
			if d.Action == Join {
				// Into the article's entity, which is or becomes a.
				d.NodeID = m.ID
			}
			d.nodeName, d.nodeType = "", ""
			done[id] = true
			out = append(out, d)
		}
	}
	return out
}

// spelledOut reports an acronym among names that one of the node's
// names of two words or more spells out ("SBG", "Severny Bunker Group"):
// an acronym the text only sets beside a name may be a slip of extraction.
func spelledOut(names []Name, c Candidate) bool {
	for _, n := range names {
		if n.Acronym == "" {
			continue
		}
		for _, raw := range append([]string{c.Entity.Name}, c.Entity.Aliases...) {
			if p := Parse(c.Entity.Type, raw); p.Acronym == "" && p.Initials == n.Acronym {
				return true
			}
		}
	}
	return false
}

// candidates reads the candidate nodes ids and their neighbors (the
// entities of their latest articles other than article).
func candidates(ctx context.Context, s kg.Store, ids []string, article string) (map[string]Candidate, error) {
	es, err := readEntities(ctx, s, ids)
	if err != nil {
		return nil, fmt.Errorf("resolve: candidates: %w", err)
	}
	arts, err := listsOf(ctx, latestArticles(s), mapKeys(es))
	if err != nil {
		return nil, fmt.Errorf("resolve: candidates: %w", err)
	}
	var need []string
	for id, as := range arts {
		arts[id] = latest(as, article)
		need = append(need, arts[id]...)
	}
	byArticle, err := listsOf(ctx, s.EntitiesOfArticles, need)
	if err != nil {
		return nil, fmt.Errorf("resolve: candidates: %w", err)
	}
	out := make(map[string]Candidate, len(es))
	for id, e := range es {
		out[id] = Candidate{Entity: e, Neighbors: neighbors(arts[id], byArticle, nil), parsed: nodeNames(e)}
	}
	return out, nil
}

// latestArticles reads, for each entity, the articles latest may keep:
// the last neighborArticles+1 (the one being linked may be among them),
// so that the read does not grow with how many articles mention it. The
// articles saved since, merged in, only push older ones out.
func latestArticles(s kg.Store) func(context.Context, []string) ([][]string, error) {
	return func(ctx context.Context, ids []string) ([][]string, error) {
		return s.LatestArticlesOfEntities(ctx, ids, neighborArticles+1)
	}
}

// latest are the articles as of a candidate that give its neighbors: the
// latest neighborArticles other than article, so that a node mentioned
// everywhere costs no more than one mentioned in a few places.
func latest(as []string, article string) []string {
	as = slices.DeleteFunc(slices.Clone(as), func(a string) bool { return a == article })
	if len(as) > neighborArticles {
		as = as[len(as)-neighborArticles:]
	}
	return as
}

// neighbors are the entities the articles as mention, as added (articles
// saved since the store was read; nil: none) gives them, else as
// byArticle does.
func neighbors(as []string, byArticle, added map[string][]string) map[string]bool {
	nb := map[string]bool{}
	for _, a := range as {
		ents, ok := added[a]
		if !ok {
			ents = byArticle[a]
		}
		for _, e := range ents {
			nb[e] = true
		}
	}
	return nb
}

// listsOf reads, by id, the lists read gives for ids (repeats dropped):
// the articles of entities (kg.Store.ArticlesOfEntities) or the entities
// of articles (kg.Store.EntitiesOfArticles); no read when there are none.
func listsOf(ctx context.Context, read func(context.Context, []string) ([][]string, error), ids []string) (map[string][]string, error) {
	ids = uniqSorted(ids)
	out := make(map[string][]string, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	ls, err := read(ctx, ids)
	if err != nil {
		return nil, err
	}
	for i, id := range ids {
		out[id] = ls[i]
	}
	return out, nil
}

// hasNames reports whether every one of names is e's name or an alias.
func hasNames(e *kg.Entity, names []string) bool {
	for _, n := range names {
		if n != "" && n != e.Name && !slices.Contains(e.Aliases, n) {
			return false
		}
	}
	return true
}

// readEntities reads the entities of ids (repeats and unknown ids left
// out of the map), none when there are no ids.
func readEntities(ctx context.Context, s kg.Store, ids []string) (map[string]*kg.Entity, error) {
	ids = uniqSorted(ids)
	out := make(map[string]*kg.Entity, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	es, err := s.Entities(ctx, ids)
	if err != nil {
		return nil, err
	}
	for i, e := range es {
		if e != nil {
			out[ids[i]] = e
		}
	}
	return out, nil
}

func uniqSorted(v []string) []string {
	slices.Sort(v)
	return slices.Compact(v)
}

// sources names the articles of xs for an error message.
func sources(xs []*kg.Extraction) string {
	if len(xs) == 1 {
		return xs[0].Article.Source
	}
	return fmt.Sprintf("%d articles from %s", len(xs), xs[0].Article.Source)
}

func pick(cands map[string]Candidate, ids []string) []Candidate {
	out := make([]Candidate, 0, len(ids))
	seen := map[string]bool{}
	for _, id := range ids {
		c, ok := cands[id]
		if !ok || seen[c.Entity.ID] {
			continue
		}
		seen[c.Entity.ID] = true
		out = append(out, c)
	}
	return out
}

func mapKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

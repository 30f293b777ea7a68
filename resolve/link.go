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
// neighbors, so that a node mentioned everywhere costs no more than one
// mentioned in a few places.
const neighborArticles = 40

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
	var cands []kg.MergeCandidate
	for _, d := range ds {
		if d.Action == Propose {
			cands = append(cands, d.candidate(x.Article.ID))
		}
	}
	if len(cands) == 0 {
		return nil
	}
	if err := s.RecordMergeCandidates(ctx, cands); err != nil {
		return fmt.Errorf("resolve: merge candidates: %w", err)
	}
	return nil
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
	var ms []Mention
	var keys [][]string
	for _, e := range x.Entities {
		if !Resolvable(e.Type) {
			continue
		}
		names := append([]string{e.Name}, e.Aliases...)
		ms = append(ms, Mention{ID: e.ID, Type: e.Type, Names: names})
		keys = append(keys, Keys(e.Type, names))
	}
	if len(ms) == 0 {
		return nil, nil
	}
	// Which mentions are nodes already (the same name seen before).
	own := make([]string, len(ms))
	for i, m := range ms {
		own[i] = m.ID
	}
	known, err := s.Entities(ctx, own)
	if err != nil {
		return nil, fmt.Errorf("resolve: entities of %s: %w", x.Article.Source, err)
	}
	// Candidates through the blocking index, for the mentions that are not
	// nodes yet, and through the other names the text gives for those that
	// are: a node under one of those names is one the article may show is
	// the same (see links).
	var all []string
	for i, ks := range keys {
		if known[i] != nil {
			keys[i] = Keys(ms[i].Type, ms[i].Names[1:])
			ks = keys[i]
		}
		all = append(all, ks...)
	}
	if len(all) == 0 {
		return nil, nil
	}
	slices.Sort(all)
	all = slices.Compact(all)
	hits, err := s.EntitiesByKeys(ctx, all)
	if err != nil {
		return nil, fmt.Errorf("resolve: candidates for %s: %w", x.Article.Source, err)
	}
	byKey := make(map[string][]string, len(all))
	for i, k := range all {
		byKey[k] = hits[i]
	}
	candIDs := map[string]bool{}
	perMention := make([][]string, len(ms))
	for i, m := range ms {
		seen := map[string]bool{}
		for _, k := range keys[i] {
			for _, id := range byKey[k] {
				if !seen[id] && id != m.ID && (known[i] == nil || id != known[i].ID) {
					seen[id] = true
					perMention[i] = append(perMention[i], id)
					candIDs[id] = true
				}
			}
		}
		if known[i] != nil && len(perMention[i]) > 0 {
			candIDs[known[i].ID] = true // its neighbors, for links
		}
	}
	// Only candidates whose names could reach Low with full context have
	// their neighbors read.
	plausible := func(e *kg.Entity, nn []Name) bool {
		for i := range ms {
			if known[i] != nil && known[i].ID == e.ID {
				return true
			}
			if mt, _, ok := nameMatch(&ms[i], e, nn); ok && mt.Score+contextMax >= Low {
				return true
			}
		}
		return false
	}
	cands, err := candidates(ctx, s, mapKeys(candIDs), x.Article.ID, plausible)
	if err != nil {
		return nil, err
	}

	// First pass, names alone: what the article's entities are, for the
	// context of the second.
	node := make([]string, len(ms))
	for i, m := range ms {
		node[i] = m.ID
		if known[i] != nil {
			node[i] = known[i].ID
			continue
		}
		if ds := Decide(m, pick(cands, perMention[i])); len(ds) == 1 && ds[0].Action == Join {
			node[i] = ds[0].NodeID
		}
	}
	// Then with context, again while joins change what the article's
	// entities are: a surname joined in one pass is a shared neighbor
	// that confirms another surname in the next.
	var out []Decision
	for pass := 0; pass < contextPasses; pass++ {
		out = out[:0]
		next := slices.Clone(node)
		for i := range ms {
			if known[i] != nil {
				continue
			}
			ms[i].Neighbors = map[string]bool{}
			for j := range ms {
				if j != i {
					ms[i].Neighbors[node[j]] = true
				}
			}
			ds := Decide(ms[i], pick(cands, perMention[i]))
			next[i] = ms[i].ID
			if len(ds) > 0 && ds[0].Action == Join {
				next[i] = ds[0].NodeID
			}
			out = append(out, ds...)
		}
		if slices.Equal(next, node) {
			break
		}
		node = next
	}
	return append(out, links(ms, node, known, out, cands, perMention)...), nil
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

// candidates reads the candidate nodes that keep accepts (nil: all) and
// their neighbors (the entities of their latest articles, other than the
// one being saved).
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

func candidates(ctx context.Context, s kg.Store, ids []string, article string, keep func(*kg.Entity, []Name) bool) (map[string]Candidate, error) {
	out := map[string]Candidate{}
	if len(ids) == 0 {
		return out, nil
	}
	all, err := s.Entities(ctx, ids)
	if err != nil {
		return nil, fmt.Errorf("resolve: candidates: %w", err)
	}
	var ents []*kg.Entity
	var parsed [][]Name
	kept := ids[:0:0]
	for i, e := range all {
		if e == nil {
			continue
		}
		nn := nodeNames(e)
		if keep == nil || keep(e, nn) {
			ents = append(ents, e)
			parsed = append(parsed, nn)
			kept = append(kept, ids[i])
		}
	}
	ids = kept
	if len(ids) == 0 {
		return out, nil
	}
	arts, err := s.ArticlesOfEntities(ctx, ids)
	if err != nil {
		return nil, fmt.Errorf("resolve: candidates: %w", err)
	}
	need := map[string]bool{}
	for i := range arts {
		arts[i] = slices.DeleteFunc(arts[i], func(a string) bool { return a == article })
		if len(arts[i]) > neighborArticles {
			arts[i] = arts[i][len(arts[i])-neighborArticles:]
		}
		for _, a := range arts[i] {
			need[a] = true
		}
	}
	aids := mapKeys(need)
	mentioned, err := s.EntitiesOfArticles(ctx, aids)
	if err != nil {
		return nil, fmt.Errorf("resolve: candidates: %w", err)
	}
	byArticle := make(map[string][]string, len(aids))
	for i, a := range aids {
		byArticle[a] = mentioned[i]
	}
	for i, id := range ids {
		e := ents[i]
		if e == nil {
			continue
		}
		nb := map[string]bool{}
		for _, a := range arts[i] {
			for _, n := range byArticle[a] {
				nb[n] = true
			}
		}
		// A merged-away id resolves to its node; both point at one.
		out[id] = Candidate{Entity: e, Neighbors: nb, parsed: parsed[i]}
	}
	return out, nil
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

func mapKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

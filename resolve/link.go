package resolve

import (
	"context"
	"fmt"
	"slices"
	"sort"

	"github.com/newsgraph/newsgraph/kg"
)

// neighborArticles bounds how many articles of a candidate are read for its
// neighbors, so that a node mentioned everywhere costs no more than one
// mentioned in a few places.
const neighborArticles = 40

// Link decides, before x is saved, which existing node each of its entities
// is, through the store's blocking index, and rewrites x so that joined
// entities are saved onto their nodes (their spellings become aliases).
// It returns the joins it made and the merge candidates it found. Entities
// whose id the store already knows stay as they are.
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
		return nil, fmt.Errorf("resolve: %w", err)
	}
	// Candidates through the blocking index.
	var all []string
	for _, ks := range keys {
		all = append(all, ks...)
	}
	slices.Sort(all)
	all = slices.Compact(all)
	hits, err := s.EntitiesByKeys(ctx, all)
	if err != nil {
		return nil, fmt.Errorf("resolve: %w", err)
	}
	byKey := make(map[string][]string, len(all))
	for i, k := range all {
		byKey[k] = hits[i]
	}
	candIDs := map[string]bool{}
	perMention := make([][]string, len(ms))
	for i, m := range ms {
		if known[i] != nil {
			continue
		}
		seen := map[string]bool{}
		for _, k := range keys[i] {
			for _, id := range byKey[k] {
				if !seen[id] && id != m.ID {
					seen[id] = true
					perMention[i] = append(perMention[i], id)
					candIDs[id] = true
				}
			}
		}
	}
	// Only candidates whose names could reach Low with full context have
	// their neighbors read.
	plausible := func(e *kg.Entity) bool {
		for i, m := range ms {
			if known[i] != nil {
				continue
			}
			if mt, _, ok := nameMatch(m, e); ok && mt.Score+contextMax >= Low {
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
	var out []Decision
	remap := map[string]string{}
	for i := range ms {
		if known[i] != nil {
			if known[i].ID != ms[i].ID {
				remap[ms[i].ID] = known[i].ID
			}
			continue
		}
		ms[i].Neighbors = map[string]bool{}
		for j := range ms {
			if j != i {
				ms[i].Neighbors[node[j]] = true
			}
		}
		ds := Decide(ms[i], pick(cands, perMention[i]))
		for _, d := range ds {
			if d.Action == Join {
				remap[ms[i].ID] = d.NodeID
			}
		}
		out = append(out, ds...)
	}
	nodes := map[string]*kg.Entity{}
	for _, c := range cands {
		nodes[c.Entity.ID] = c.Entity
	}
	for _, k := range known {
		if k != nil {
			nodes[k.ID] = k
		}
	}
	Apply(x, remap, nodes)
	return out, nil
}

// candidates reads the candidate nodes that keep accepts (nil: all) and
// their neighbors (the entities of their latest articles, other than the
// one being saved).
func candidates(ctx context.Context, s kg.Store, ids []string, article string, keep func(*kg.Entity) bool) (map[string]Candidate, error) {
	out := map[string]Candidate{}
	if len(ids) == 0 {
		return out, nil
	}
	all, err := s.Entities(ctx, ids)
	if err != nil {
		return nil, fmt.Errorf("resolve: candidates: %w", err)
	}
	var ents []*kg.Entity
	kept := ids[:0:0]
	for i, e := range all {
		if e != nil && (keep == nil || keep(e)) {
			ents = append(ents, e)
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
		out[id] = Candidate{Entity: e, Neighbors: nb}
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

// Apply rewrites x so that each entity id in remap is saved as the node it
// maps to: entities that become one are folded together (names become
// aliases, mentions add up), relations are re-ended (self-loops dropped,
// duplicates folded with their evidence), events and quotes follow. nodes
// gives the type of each target node, which a joined entity takes.
func Apply(x *kg.Extraction, remap map[string]string, nodes map[string]*kg.Entity) {
	if len(remap) == 0 {
		return
	}
	to := func(id string) string {
		if n, ok := remap[id]; ok {
			return n
		}
		return id
	}
	var ents []kg.Entity
	at := map[string]int{}
	for _, e := range x.Entities {
		id := to(e.ID)
		if id != e.ID {
			if n := nodes[id]; n != nil {
				e.Type, e.Subtype = n.Type, n.Subtype
			}
		}
		if i, ok := at[id]; ok {
			f := &ents[i]
			for _, a := range append([]string{e.Name}, e.Aliases...) {
				if a != f.Name && !slices.Contains(f.Aliases, a) {
					f.Aliases = append(f.Aliases, a)
				}
			}
			f.Mentions = append(f.Mentions, e.Mentions...)
			continue
		}
		e.ID = id
		at[id] = len(ents)
		ents = append(ents, e)
	}
	x.Entities = ents
	var rels []kg.Relation
	relAt := map[string]int{}
	for _, r := range x.Relations {
		src, tgt := to(r.Source), to(r.Target)
		if src == tgt {
			continue
		}
		if src != r.Source || tgt != r.Target {
			r.Source, r.Target = src, tgt
			r.ID = kg.RelationID(r.Type, src, tgt)
		}
		if i, ok := relAt[r.ID]; ok {
			f := &rels[i]
			f.Evidence = append(f.Evidence, r.Evidence...)
			f.Confidence = max(f.Confidence, r.Confidence)
			for k, v := range r.Properties {
				if _, ok := f.Properties[k]; !ok {
					if f.Properties == nil {
						f.Properties = map[string]string{}
					}
					f.Properties[k] = v
				}
			}
			continue
		}
		relAt[r.ID] = len(rels)
		rels = append(rels, r)
	}
	x.Relations = rels
	for i := range x.Events {
		ev := &x.Events[i]
		if ev.Place != "" {
			ev.Place = to(ev.Place)
		}
		for j := range ev.Participants {
			ev.Participants[j].EntityID = to(ev.Participants[j].EntityID)
		}
	}
	for i := range x.Quotes {
		x.Quotes[i].Speaker = to(x.Quotes[i].Speaker)
	}
}

package resolve

import (
	"context"
	"fmt"

	"github.com/newsgraph/newsgraph/kg"
)

// Merge is one join the pass over a store made: Drop was folded into Keep.
type Merge struct {
	Keep, Drop         string
	KeepName, DropName string
	Score              float64
	Evidence           Evidence
}

// Report says what a pass over a store did.
type Report struct {
	Indexed    int        // entities whose blocking keys were computed
	Examined   int        // entities compared with their candidates
	Merges     []Merge    // joins made, in the order made
	Candidates []Decision // pairs left for review
}

// Existing runs resolution over a store loaded before it existed: it
// computes every entity's blocking keys, then compares each person,
// organization and place with its candidates as a new article's entity
// would be, and merges those that reach the join threshold (the node
// mentioned in more articles is kept, so the better-known id stays; the
// other id keeps resolving to it). Pairs between the thresholds are
// recorded for review (RecordMergeCandidates). A join changes the context of others, so passes
// repeat until one joins nothing: running it again finds nothing new.
func Existing(ctx context.Context, s kg.Store, progress func(done, total int)) (*Report, error) {
	rep := &Report{}
	n, err := s.ReindexKeys(ctx)
	if err != nil {
		return nil, fmt.Errorf("resolve: index names: %w", err)
	}
	rep.Indexed = n
	for pass := 0; pass < maxPasses; pass++ {
		before := len(rep.Merges)
		if err := existingPass(ctx, s, rep, progress); err != nil {
			return rep, err
		}
		if len(rep.Merges) == before {
			break
		}
	}
	var cands []kg.MergeCandidate
	for _, d := range rep.Candidates {
		cands = append(cands, d.candidate(""))
	}
	if len(cands) > 0 {
		if err := s.RecordMergeCandidates(ctx, cands); err != nil {
			return rep, fmt.Errorf("resolve: merge candidates: %w", err)
		}
	}
	return rep, nil
}

// maxPasses bounds the passes of Existing; each pass after the first only
// follows up on what the one before joined.
const maxPasses = 6

func existingPass(ctx context.Context, s kg.Store, rep *Report, progress func(done, total int)) error {
	rep.Examined = 0
	var ids []string
	for _, t := range []kg.EntityType{kg.Person, kg.Organization, kg.Location} {
		after := ""
		for {
			p, err := s.FindEntities(ctx, kg.EntityFilter{Types: []kg.EntityType{t}, First: kg.MaxPageSize, After: after})
			if err != nil {
				return fmt.Errorf("resolve: list %s entities: %w", t, err)
			}
			for _, h := range p.Hits {
				ids = append(ids, h.Entity.ID)
			}
			if !p.HasNext {
				break
			}
			after = p.EndCursor
		}
	}
	seen := map[[2]string]bool{}
	rep.Candidates = rep.Candidates[:0]
	for i, id := range ids {
		if progress != nil {
			progress(i, len(ids))
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		es, err := s.Entities(ctx, []string{id})
		if err != nil {
			return fmt.Errorf("resolve: read entity %s: %w", id, err)
		}
		e := es[0]
		if e == nil || e.ID != id {
			continue // merged away earlier in this pass
		}
		rep.Examined++
		d, err := decideExisting(ctx, s, e)
		if err != nil {
			return err
		}
		for _, x := range d {
			if x.Action == Propose {
				k := [2]string{min(x.EntityID, x.NodeID), max(x.EntityID, x.NodeID)}
				if !seen[k] {
					seen[k] = true
					rep.Candidates = append(rep.Candidates, x)
				}
				continue
			}
			m, err := mergePair(ctx, s, e, x)
			if err != nil {
				return err
			}
			rep.Merges = append(rep.Merges, m)
		}
	}
	if progress != nil {
		progress(len(ids), len(ids))
	}
	return nil
}

// decideExisting compares an entity of the store with its candidates.
func decideExisting(ctx context.Context, s kg.Store, e *kg.Entity) ([]Decision, error) {
	names := append([]string{e.Name}, e.Aliases...)
	keys := LookupKeys(e.Type, names)
	hits, err := s.EntitiesByKeys(ctx, keys)
	if err != nil {
		return nil, fmt.Errorf("resolve: candidates of %s: %w", e.ID, err)
	}
	set := map[string]bool{}
	for _, h := range hits {
		for _, id := range h {
			if id != e.ID {
				set[id] = true
			}
		}
	}
	if len(set) == 0 {
		return nil, nil
	}
	ids := mapKeys(set)
	cands, err := candidates(ctx, s, append(ids, e.ID), "")
	if err != nil {
		return nil, err
	}
	self := cands[e.ID]
	delete(self.Neighbors, e.ID)
	m := Mention{ID: e.ID, Type: e.Type, Names: names, Neighbors: self.Neighbors}
	var cs []Candidate
	beside := map[string]bool{}
	for _, id := range ids {
		c, ok := cands[id]
		if !ok || c.Entity.ID == e.ID {
			continue
		}
		beside[c.Entity.ID] = c.Neighbors[e.ID]
		cs = append(cs, c)
	}
	// Two nodes named side by side in one article are two things, the
	// article's own resolution kept them apart, unless their names are one
	// name in two spellings (which a new article's entities would join).
	ds := Decide(m, pick(cands, idsOf(cs)))
	out := ds[:0]
	for _, d := range ds {
		if beside[d.NodeID] && (d.Evidence.Partial || d.Evidence.Acronym || d.Evidence.NameOnly < High) {
			continue
		}
		out = append(out, d)
	}
	return out, nil
}

func idsOf(cs []Candidate) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.Entity.ID
	}
	return out
}

// mergePair folds the less-mentioned of e and the decision's node into the
// other.
func mergePair(ctx context.Context, s kg.Store, e *kg.Entity, d Decision) (Merge, error) {
	arts, err := s.ArticlesOfEntities(ctx, []string{e.ID, d.NodeID})
	if err != nil {
		return Merge{}, fmt.Errorf("resolve: merge %s and %s: %w", e.ID, d.NodeID, err)
	}
	nodes, err := s.Entities(ctx, []string{d.NodeID})
	if err != nil {
		return Merge{}, fmt.Errorf("resolve: merge %s and %s: %w", e.ID, d.NodeID, err)
	}
	keep, drop := nodes[0], e
	if len(arts[0]) > len(arts[1]) || (len(arts[0]) == len(arts[1]) && e.ID < d.NodeID) {
		keep, drop = e, nodes[0]
	}
	m := d.merge("")
	if Fuller(keep.Type, drop.Name, keep.Name) {
		m.Name = drop.Name // the kept id takes the fuller name
	}
	if _, err := s.MergeEntities(ctx, keep.ID, drop.ID, m); err != nil {
		return Merge{}, fmt.Errorf("resolve: merge %s into %s: %w", drop.ID, keep.ID, err)
	}
	return Merge{Keep: keep.ID, Drop: drop.ID, KeepName: keep.Name, DropName: drop.Name, Score: d.Score, Evidence: d.Evidence}, nil
}

// anyList is l as JSON-like data for merge evidence.
func anyList(l []string) []any {
	out := make([]any, len(l))
	for i, x := range l {
		out[i] = x
	}
	return out
}

package traverse

import (
	"context"
	"errors"
	"fmt"
	"sort"

	"github.com/newsgraph/newsgraph/kg"
)

// PathQuery narrows a shortest-path search.
type PathQuery struct {
	// MaxHops bounds the path length; 0 means the Traverser's maximum.
	MaxHops int
	// Types limits the relations followed; empty follows all.
	Types []kg.RelationType
	// Direction Out follows relations source→target only, In target→source
	// only, Both either way. Symmetric relations are followed both ways.
	Direction kg.Direction
	// Limit caps the number of paths returned; 0 means DefaultPathLimit.
	Limit int
	// MinConfidence drops relations whose confidence is lower.
	MinConfidence float64
	// Evidence is how much evidence the hops' relations carry; the zero
	// value, all of it.
	Evidence kg.EvidenceRead
}

// Hop is one step of a path, in the path's order: From and To need not be
// the relation's source and target when the step walks a relation backwards.
type Hop struct {
	From string
	To   string
	// Relation carries the evidence PathQuery.Evidence asks for and, when
	// the store searched the path itself (kg.PathFinder), its end entities.
	Relation *kg.Relation
}

// Path is a walk from one entity to another. Nodes has one more element
// than Hops; Nodes[i] is Hops[i].From.
type Path struct {
	Nodes []string
	Hops  []Hop
}

// link is one relation reaching node; the meaning of node depends on the map
// holding the link (parent or successor).
type link struct {
	node string
	rel  *kg.Relation
}

// searchSide is one half of the bidirectional search: the nodes it reached
// with their distance from its start and every relation that reached them
// on a shortest route.
type searchSide struct {
	dist     map[string]int
	parents  map[string][]link
	frontier []string
	depth    int
	filter   kg.RelationFilter
}

func newSide(start string, f kg.RelationFilter) *searchSide {
	return &searchSide{
		dist:     map[string]int{start: 0},
		parents:  map[string][]link{},
		frontier: []string{start},
		filter:   f,
	}
}

// ShortestPaths returns the shortest paths from one entity to another, up
// to q.Limit of them, ordered by the ids of their relations hop by hop. No
// path within q.MaxHops gives an empty result, not an error. from == to
// gives one path of length zero. Unknown ids give kg.ENotFound; merged ids
// resolve to the entity they were merged into.
//
// The search is a bidirectional breadth-first search: each level expands
// the smaller frontier with one batch Relations call, so a search costs at
// most MaxHops Relations calls plus one Entities call. It fails with
// kg.EInvalid when it would visit more than the Traverser's MaxNodes
// entities, since "no path" would then be a guess.
func (t *Traverser) ShortestPaths(ctx context.Context, from, to string, q PathQuery) ([]Path, error) {
	maxHops, err := t.hopCount("maxHops", q.MaxHops, t.maxHops)
	if err != nil {
		return nil, err
	}
	if err := checkFilter(q.Types, q.MinConfidence); err != nil {
		return nil, err
	}
	if q.Direction != kg.Both && q.Direction != kg.Out && q.Direction != kg.In {
		return nil, kg.Errorf(kg.EInvalid, "unknown direction %d", q.Direction)
	}
	limit := q.Limit
	switch {
	case limit == 0:
		limit = DefaultPathLimit
	case limit < 0:
		return nil, kg.Errorf(kg.EInvalid, "limit must not be negative, got %d", limit)
	case limit > MaxPathLimit:
		limit = MaxPathLimit
	}
	f := kg.RelationFilter{Direction: q.Direction, Types: q.Types, MinConfidence: q.MinConfidence,
		Read: kg.RelationRead{Evidence: q.Evidence}}
	if pf, ok := t.s.(kg.PathFinder); ok && q.Direction == kg.Both {
		// The store resolves the ends and reads them in the path
		// statement itself: one round trip.
		pff := f
		pff.Read.Ends = true
		ps, err := t.foundPaths(ctx, pf, from, to, maxHops, pff, limit)
		if !errors.Is(err, errors.ErrUnsupported) {
			return ps, err
		}
	}
	es, err := t.resolve(ctx, []string{from, to})
	if err != nil {
		return nil, err
	}
	from, to = es[0].ID, es[1].ID
	if from == to {
		return []Path{{Nodes: []string{from}, Hops: []Hop{}}}, nil
	}
	fwd := newSide(from, f)
	b := f
	b.Direction = reverse(q.Direction)
	bwd := newSide(to, b)

	for fwd.depth+bwd.depth < maxHops {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		// Expanding the smaller frontier keeps both searches small: two
		// balls of radius d/2 instead of one of radius d.
		cur, opp := fwd, bwd
		if len(bwd.frontier) < len(fwd.frontier) {
			cur, opp = bwd, fwd
		}
		if len(cur.frontier) == 0 {
			return []Path{}, nil // one side is exhausted: no path at all
		}
		next, err := t.expand(ctx, cur)
		if err != nil {
			return nil, err
		}
		if n := len(fwd.dist) + len(bwd.dist); n > t.maxNodes {
			return nil, kg.Errorf(kg.EInvalid,
				"path search visited more than %d entities; narrow it with relation types, a higher minConfidence or fewer hops", t.maxNodes)
		}
		// The first level where the two searches meet gives the length of
		// the shortest paths; every meeting node lies on the new frontier.
		var meet []string
		best := -1
		for _, v := range next {
			d, ok := opp.dist[v]
			if !ok {
				continue
			}
			total := cur.depth + d
			switch {
			case best < 0 || total < best:
				best, meet = total, []string{v}
			case total == best:
				meet = append(meet, v)
			}
		}
		if len(meet) > 0 {
			return buildPaths(from, to, fwd, bwd, meet, limit), nil
		}
	}
	return []Path{}, nil
}

// foundPaths asks a store that searches paths itself.
func (t *Traverser) foundPaths(ctx context.Context, pf kg.PathFinder, from, to string, maxHops int, f kg.RelationFilter, limit int) ([]Path, error) {
	fp, err := pf.ShortestPathRelations(ctx, from, to, maxHops, f, limit)
	if err != nil {
		if errors.Is(err, errors.ErrUnsupported) {
			return nil, err
		}
		return nil, fmt.Errorf("traverse: path search: %w", err)
	}
	from, to = fp.From, fp.To
	if from == to {
		return []Path{{Nodes: []string{from}, Hops: []Hop{}}}, nil
	}
	found := fp.Paths
	out := make([]Path, 0, len(found))
	for _, p := range found {
		path := Path{Nodes: []string{from}, Hops: []Hop{}}
		u := from
		for _, r := range p {
			v := other(r, u)
			if v == "" {
				return nil, fmt.Errorf("traverse: path search: relation %s does not continue the path at %s", r.ID, u)
			}
			path.Hops = append(path.Hops, Hop{From: u, To: v, Relation: r})
			path.Nodes = append(path.Nodes, v)
			u = v
		}
		out = append(out, path)
	}
	return out, nil
}

// expand moves one side a level further with one batch Relations call and
// returns the nodes it reached for the first time.
func (t *Traverser) expand(ctx context.Context, sd *searchSide) ([]string, error) {
	rels, err := t.relations(ctx, sd.frontier, sd.filter)
	if err != nil {
		return nil, err
	}
	var next []string
	d := sd.depth + 1
	for i, u := range sd.frontier {
		for _, r := range rels[i] {
			v := other(r, u)
			if v == "" {
				continue
			}
			if dv, seen := sd.dist[v]; seen {
				if dv == d {
					sd.parents[v] = append(sd.parents[v], link{u, r})
				}
				continue
			}
			sd.dist[v] = d
			sd.parents[v] = []link{{u, r}}
			next = append(next, v)
		}
	}
	sd.frontier = next
	sd.depth = d
	return next, nil
}

// buildPaths joins the two searches at the meeting nodes into the DAG of
// shortest paths and enumerates up to limit paths from it in order.
func buildPaths(from, to string, fwd, bwd *searchSide, meet []string, limit int) []Path {
	succ := map[string][]link{}
	// Forward half: walk parents back from the meeting nodes to from; every
	// parent link is an edge parent→node on some shortest path.
	seen := map[string]bool{}
	stack := append([]string(nil), meet...)
	for _, m := range meet {
		seen[m] = true
	}
	for len(stack) > 0 {
		v := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for _, p := range fwd.parents[v] {
			succ[p.node] = append(succ[p.node], link{v, p.rel})
			if !seen[p.node] {
				seen[p.node] = true
				stack = append(stack, p.node)
			}
		}
	}
	// Backward half: the backward search's parents are the next steps
	// towards to.
	seen = map[string]bool{}
	stack = append(stack[:0], meet...)
	for _, m := range meet {
		seen[m] = true
	}
	for len(stack) > 0 {
		v := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for _, p := range bwd.parents[v] {
			succ[v] = append(succ[v], link{p.node, p.rel})
			if !seen[p.node] {
				seen[p.node] = true
				stack = append(stack, p.node)
			}
		}
	}
	for _, ls := range succ {
		sort.Slice(ls, func(i, j int) bool {
			if ls[i].rel.ID != ls[j].rel.ID {
				return ls[i].rel.ID < ls[j].rel.ID
			}
			return ls[i].node < ls[j].node
		})
	}
	// Depth-first in relation-id order yields the paths already sorted;
	// every branch of the DAG reaches to, so it stops after limit paths.
	var out []Path
	nodes := []string{from}
	var hops []Hop
	var walk func(u string)
	walk = func(u string) {
		if u == to {
			out = append(out, Path{
				Nodes: append([]string(nil), nodes...),
				Hops:  append([]Hop{}, hops...),
			})
			return
		}
		for _, l := range succ[u] {
			if len(out) >= limit {
				return
			}
			nodes = append(nodes, l.node)
			hops = append(hops, Hop{From: u, To: l.node, Relation: l.rel})
			walk(l.node)
			nodes = nodes[:len(nodes)-1]
			hops = hops[:len(hops)-1]
		}
	}
	walk(from)
	return out
}

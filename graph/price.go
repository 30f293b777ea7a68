package graph

import (
	"github.com/newsgraph/newsgraph/graph/generated"
	"github.com/newsgraph/newsgraph/kg"
	"github.com/newsgraph/newsgraph/traverse"
)

// Prices of what fields do, in the unit of CostLimit: one value of the
// response. A field left unpriced costs 1 plus its selection.
const (
	// relationsPerEntity and evidencePerRelation are the expected lengths
	// of the unpaged lists Entity.relations and Relation.evidence.
	relationsPerEntity  = 10
	evidencePerRelation = 3
	// subgraphNodes is the expected number of entities a traversal reaches
	// per hop when the query sets no node budget.
	subgraphNodes = 50
	// traversalHop prices one hop of a traversal: a store read over a
	// frontier of up to traverse.DefaultMaxNodes entities, whatever the
	// query then selects.
	traversalHop = 200
	// storeScan prices a field that counts or scans a whole table.
	storeScan = 100
)

// complexity prices the fields whose cost is not that of a plain field or
// page: traversals by their hops and the entities they reach, store scans
// and ingestion by a fixed amount, the unpaged lists by their expected
// length. Every field with a `first` argument is priced by the cost walker
// as a page (see pagedCost), whoever adds it.
func (r *Resolver) complexity() generated.ComplexityRoot {
	var c generated.ComplexityRoot
	paged := func(child int, first *int) int {
		n, err := r.pageSize(first)
		if err != nil {
			n = 1 // the resolver refuses it anyway
		}
		return addCost(1, mulCost(n, child))
	}
	c.Query.Stats = func(child int) int { return storeScan + child }
	// Co-mentions read the articles of an entity and every entity of those.
	c.Query.CoMentions = func(child int, _ string, first *int) int {
		return addCost(traversalHop, paged(child, first))
	}
	// A path search takes a hop per level on both sides; each of the paths
	// returned has up to maxHops hops, each selected in full.
	c.Query.Paths = func(child int, _, _ string, maxHops *int, _ []kg.RelationType, _ *kg.Direction, _ *float64, limit *int) int {
		hops := hopsOf(maxHops)
		n := min(max(deref(limit), 1), traverse.MaxPathLimit)
		return addCost(mulCost(traversalHop, hops), mulCost(mulCost(n, hops), child))
	}
	c.Query.Neighborhood = func(child int, _ string, hops *int, _ []kg.RelationType, _ []kg.EntityType, _ *float64, _, _, _ *string, limitPerHop *int) int {
		h := hopsOf(hops)
		perHop := subgraphNodes
		if n := deref(limitPerHop); n > 0 {
			perHop = n
		}
		nodes := min(mulCost(perHop, h), traverse.DefaultMaxNodes)
		return addCost(mulCost(traversalHop, h), mulCost(nodes, child))
	}
	c.Query.Subgraph = func(child int, seeds []string, depth *int, _ []kg.RelationType, _ *float64, maxNodes *int) int {
		h := hopsOf(depth)
		nodes := mulCost(max(len(seeds), 1)*subgraphNodes, h)
		if n := deref(maxNodes); n > 0 {
			nodes = n
		}
		nodes = min(nodes, traverse.DefaultMaxNodes)
		return addCost(mulCost(traversalHop, h), mulCost(nodes, child))
	}
	c.Entity.Relations = func(child int, _ *kg.Direction, _ []kg.RelationType, _ *float64, _ *bool) int {
		return addCost(1, mulCost(relationsPerEntity, child))
	}
	// Ingesting runs the extractor over a whole article: it takes one of
	// the slots of expensive requests.
	c.Mutation.IngestArticle = func(child int, _, _ string) int { return addCost(ExpensiveCost, child) }
	// Evidence is stored with its relation: no store read, a few sentences.
	c.Relation.Evidence = func(child int) int { return addCost(1, mulCost(evidencePerRelation, child)) }
	return c
}

// hopsOf is the number of hops a traversal argument asks for, within what
// the traverser allows (it refuses more).
func hopsOf(n *int) int {
	if n == nil {
		return traverse.DefaultMaxHops
	}
	return min(max(deref(n), 1), traverse.DefaultMaxHops)
}

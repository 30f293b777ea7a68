package neo4jstore

import (
	"context"
	"slices"
	"strconv"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/newsgraph/newsgraph/kg"
)

// ShortestPathRelations implements kg.PathFinder with one allShortestPaths
// inside Neo4j, which expands from both ends as the walk in package
// traverse does, but without pulling every frontier entity's relations over
// Bolt. The relationship predicates are evaluated during the search.
func (s *Store) ShortestPathRelations(ctx context.Context, from, to string, maxHops int, f kg.RelationFilter, limit int) ([][]string, error) {
	if f.Direction != kg.Both {
		return nil, kg.Errorf(kg.EInvalid, "path search inside Neo4j follows both directions only")
	}
	if maxHops < 1 || limit < 1 {
		return [][]string{}, nil
	}
	alt := relTypeAlt()
	if len(f.Types) > 0 {
		ts := make([]string, 0, len(f.Types))
		for _, t := range f.Types {
			rt, err := relType(t)
			if err != nil {
				return nil, err
			}
			ts = append(ts, rt)
		}
		ts = uniq(ts)
		slices.Sort(ts)
		alt = strings.Join(ts, "|")
	}
	// maxHops is an int the caller bounded: a variable-length bound cannot
	// be a parameter.
	q := `MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
		MATCH p = allShortestPaths((a)-[:` + alt + `*..` + strconv.Itoa(maxHops) + `]-(b))
		WHERE all(r IN relationships(p) WHERE r.confidence >= $min AND ($retracted OR NOT coalesce(r.retracted, false)))
		WITH [r IN relationships(p) | r.id] AS ids, [n IN nodes(p) | n.id] AS nodes
		ORDER BY ids, nodes LIMIT $limit
		RETURN ids`
	return readTx(ctx, s, "shortest paths", func(tx neo4j.ManagedTransaction) ([][]string, error) {
		recs, err := run(ctx, tx, q, map[string]any{"from": from, "to": to, "min": f.MinConfidence,
			"retracted": f.IncludeRetracted, "limit": int64(limit)})
		if err != nil {
			return nil, err
		}
		out := make([][]string, 0, len(recs))
		for _, rec := range recs {
			v, _ := rec.Get("ids")
			l, _ := v.([]any)
			ids := make([]string, 0, len(l))
			for _, x := range l {
				s, _ := x.(string)
				ids = append(ids, s)
			}
			out = append(out, ids)
		}
		return out, nil
	})
}

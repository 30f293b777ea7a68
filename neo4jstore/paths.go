package neo4jstore

import (
	"context"
	"fmt"
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
func (s *Store) ShortestPathRelations(ctx context.Context, from, to string, maxHops int, f kg.RelationFilter, limit int) ([][]*kg.Relation, error) {
	if f.Direction != kg.Both {
		return nil, kg.Errorf(kg.EInvalid, "path search inside Neo4j follows both directions only")
	}
	if maxHops < 1 || limit < 1 {
		return [][]*kg.Relation{}, nil
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
	props, err := relPropsOf(f.Read.Evidence)
	if err != nil {
		return nil, err
	}
	ends := ""
	if f.Read.Ends {
		ends = `, [n IN nodes(p) | n` + entityMap + `] AS ends`
	}
	// maxHops is an int the caller bounded: a variable-length bound cannot
	// be a parameter.
	q := `MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
		MATCH p = allShortestPaths((a)-[:` + alt + `*..` + strconv.Itoa(maxHops) + `]-(b))
		WHERE all(r IN relationships(p) WHERE r.confidence >= $min AND ($retracted OR NOT coalesce(r.retracted, false)))
		WITH p, [r IN relationships(p) | r.id] AS ids, [n IN nodes(p) | n.id] AS nodes
		ORDER BY ids, nodes LIMIT $limit
		RETURN [r IN relationships(p) | {r: ` + props + `, type: type(r), src: startNode(r).id, tgt: endNode(r).id}] AS rels` + ends
	return readTx(ctx, s, "shortest paths", func(tx neo4j.ManagedTransaction) ([][]*kg.Relation, error) {
		recs, err := run(ctx, tx, q, map[string]any{"from": from, "to": to, "min": f.MinConfidence,
			"retracted": f.IncludeRetracted, "limit": int64(limit)})
		if err != nil {
			return nil, err
		}
		out := make([][]*kg.Relation, 0, len(recs))
		for _, rec := range recs {
			v, _ := rec.Get("rels")
			l, _ := v.([]any)
			ents := map[string]*kg.Entity{}
			if f.Read.Ends {
				v, _ := rec.Get("ends")
				ns, _ := v.([]any)
				for _, x := range ns {
					m, _ := x.(map[string]any)
					e := entityFromProps(m)
					ents[e.ID] = e
				}
			}
			path := make([]*kg.Relation, 0, len(l))
			for _, x := range l {
				m, _ := x.(map[string]any)
				var props map[string]any
				switch r := m["r"].(type) {
				case neo4j.Relationship:
					props = r.Props
				case map[string]any:
					props = r
				default:
					return nil, fmt.Errorf("neo4j: shortest paths: a hop is %T, not a relationship", m["r"])
				}
				r := relFromProps(pStr(m, "type"), pStr(m, "src"), pStr(m, "tgt"), "", props).toKG()
				r.SourceEntity, r.TargetEntity = ents[r.Source], ents[r.Target]
				path = append(path, r)
			}
			out = append(out, path)
		}
		return out, nil
	})
}

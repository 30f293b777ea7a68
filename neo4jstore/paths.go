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
// Bolt. The relationship predicates are evaluated during the search, and
// the ends' merges are resolved in the same statement: one round trip.
func (s *Store) ShortestPathRelations(ctx context.Context, from, to string, maxHops int, f kg.RelationFilter, limit int) (kg.FoundPaths, error) {
	if f.Direction != kg.Both {
		return kg.FoundPaths{}, kg.Errorf(kg.EInvalid, "path search inside Neo4j follows both directions only")
	}
	// Bounds the search never reaches still resolve the ends.
	maxHops, limit = max(maxHops, 0), max(limit, 0)
	alt := relTypeAlt()
	if len(f.Types) > 0 {
		ts := make([]string, 0, len(f.Types))
		for _, t := range f.Types {
			rt, err := relType(t)
			if err != nil {
				return kg.FoundPaths{}, err
			}
			ts = append(ts, rt)
		}
		ts = uniq(ts)
		slices.Sort(ts)
		alt = strings.Join(ts, "|")
	}
	props, err := relPropsOf(f.Read)
	if err != nil {
		return kg.FoundPaths{}, err
	}
	ends, endsCol := "", ""
	if f.Read.Ends {
		ends, endsCol = `, [n IN nodes(p) | n`+endMap(f.Read)+`] AS ends`, `, ends`
	}
	// maxHops is an int the caller bounded: a variable-length bound cannot
	// be a parameter. allShortestPaths refuses one node at both ends, so
	// the subquery skips that case (and unknown ends) before it; OPTIONAL
	// CALL keeps the row that says what the ends resolved to.
	q := `OPTIONAL MATCH (xa:Redirect {id: $from})
		OPTIONAL MATCH (xb:Redirect {id: $to})
		WITH coalesce(xa.to, $from) AS fid, coalesce(xb.to, $to) AS tid
		OPTIONAL MATCH (a:Entity {id: fid})
		OPTIONAL MATCH (b:Entity {id: tid})
		OPTIONAL CALL (a, b) {
			WITH a, b WHERE a <> b AND $hops > 0 AND $limit > 0
			MATCH p = allShortestPaths((a)-[:` + alt + `*..` + strconv.Itoa(max(maxHops, 1)) + `]-(b))
			WHERE all(r IN relationships(p) WHERE ` + relWhere(f) + `)
			WITH p, [r IN relationships(p) | r.id] AS ids, [n IN nodes(p) | n.id] AS nodes
			ORDER BY ids, nodes LIMIT $limit
			RETURN [r IN relationships(p) | {r: ` + props + `, type: type(r), src: startNode(r).id, tgt: endNode(r).id}] AS rels` + ends + `
		}
		RETURN a.id AS from, b.id AS to, rels` + endsCol
	return readOne(ctx, s, "shortest paths", func(tx runner) (kg.FoundPaths, error) {
		recs, err := run(ctx, tx, q, map[string]any{"from": from, "to": to, "min": f.MinConfidence,
			"hops": int64(maxHops), "limit": int64(limit)})
		if err != nil {
			return kg.FoundPaths{}, err
		}
		if len(recs) == 0 {
			return kg.FoundPaths{}, fmt.Errorf("neo4j: shortest paths: no row for the ends")
		}
		fp := kg.FoundPaths{From: recStr(recs[0], "from"), To: recStr(recs[0], "to"), Paths: make([][]*kg.Relation, 0, len(recs))}
		switch {
		case fp.From == "":
			return kg.FoundPaths{}, kg.Errorf(kg.ENotFound, "entity %q not found", from)
		case fp.To == "":
			return kg.FoundPaths{}, kg.Errorf(kg.ENotFound, "entity %q not found", to)
		}
		for _, rec := range recs {
			v, _ := rec.Get("rels")
			if v == nil {
				continue // no path: the one row OPTIONAL CALL keeps
			}
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
					return kg.FoundPaths{}, fmt.Errorf("neo4j: shortest paths: a hop is %T, not a relationship", m["r"])
				}
				r := relFromProps(pStr(m, "type"), pStr(m, "src"), pStr(m, "tgt"), "", props).toKG()
				r.SourceEntity, r.TargetEntity = ents[r.Source], ents[r.Target]
				path = append(path, r)
			}
			fp.Paths = append(fp.Paths, path)
		}
		return fp, nil
	})
}

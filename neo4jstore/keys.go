package neo4jstore

import (
	"context"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/newsgraph/newsgraph/kg"
)

// EntitiesByKeys returns, for each blocking key, the ids of the entities
// indexed under it (at most kg.MaxKeyHits, sorted).
func (s *Store) EntitiesByKeys(ctx context.Context, keys []string) ([][]string, error) {
	return readOne(ctx, s, "entities by keys", func(tx runner) ([][]string, error) {
		out := make([][]string, len(keys))
		for i := range out {
			out[i] = []string{}
		}
		if len(keys) == 0 {
			return out, nil
		}
		recs, err := run(ctx, tx, `UNWIND range(0, size($keys) - 1) AS i
			MATCH (k:BlockKey {key: $keys[i]})<-[:HAS_KEY]-(e:Entity)
			WITH i, e.id AS id ORDER BY id
			RETURN i, collect(id)[..$max] AS ids`, map[string]any{"keys": anyStrings(keys), "max": kg.MaxKeyHits})
		if err != nil {
			return nil, err
		}
		for _, rec := range recs {
			v, _ := rec.Get("i")
			i, _ := v.(int64)
			ids, _ := rec.Get("ids")
			l, _ := ids.([]any)
			for _, x := range l {
				if id, ok := x.(string); ok {
					out[i] = append(out[i], id)
				}
			}
		}
		return out, nil
	})
}

// CandidatesByKeys is EntitiesByKeys and Entities of every id it gives,
// in one statement: each key's first kg.MaxKeyHits entities, whole.
func (s *Store) CandidatesByKeys(ctx context.Context, keys []string) (kg.KeyCandidates, error) {
	return readOne(ctx, s, "candidates by keys", func(tx runner) (kg.KeyCandidates, error) {
		out := kg.KeyCandidates{Hits: make([][]string, len(keys)), Entities: map[string]*kg.Entity{}}
		for i := range out.Hits {
			out.Hits[i] = []string{}
		}
		if len(keys) == 0 {
			return out, nil
		}
		recs, err := run(ctx, tx, `UNWIND range(0, size($keys) - 1) AS i
			MATCH (k:BlockKey {key: $keys[i]})<-[:HAS_KEY]-(e:Entity)
			WITH i, e ORDER BY e.id
			RETURN i, collect(e)[..$max] AS es`, map[string]any{"keys": anyStrings(keys), "max": kg.MaxKeyHits})
		if err != nil {
			return out, err
		}
		for _, rec := range recs {
			v, _ := rec.Get("i")
			i, _ := v.(int64)
			es, _ := rec.Get("es")
			l, _ := es.([]any)
			for _, x := range l {
				n, ok := x.(neo4j.Node)
				if !ok {
					continue
				}
				e := entityFromProps(n.Props)
				out.Hits[i] = append(out.Hits[i], e.ID)
				if out.Entities[e.ID] == nil {
					out.Entities[e.ID] = e
				}
			}
		}
		return out, nil
	})
}

// ReindexKeys recomputes the blocking keys (and the denormalized aliases)
// of every entity, for a store written before keys existed.
func (s *Store) ReindexKeys(ctx context.Context) (int, error) {
	ids, err := readOne(ctx, s, "reindex keys", func(tx runner) ([]string, error) {
		return strings1(ctx, tx, `MATCH (e:Entity) RETURN e.id AS id ORDER BY id`, nil)
	})
	if err != nil {
		return 0, err
	}
	for i := 0; i < len(ids); i += 1000 {
		chunk := ids[i:min(i+1000, len(ids))]
		if _, err := writeTx(ctx, s, "reindex keys", func(tx neo4j.ManagedTransaction) (struct{}, error) {
			return struct{}{}, refreshEntities(ctx, tx, chunk)
		}); err != nil {
			return 0, err
		}
	}
	return len(ids), nil
}

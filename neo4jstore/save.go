package neo4jstore

import (
	"context"
	"fmt"
	"maps"
	"sort"
	"sync"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/newsgraph/newsgraph/kg"
	blocking "github.com/newsgraph/newsgraph/resolve"
)

// timestamp is how times are stored: RFC 3339 in UTC with nanoseconds.
func timestamp(t time.Time) string { return t.UTC().Format(time.RFC3339Nano) }

// parseTime reads a stored timestamp; a malformed one reads as zero.
func parseTime(s string) time.Time {
	t, _ := time.Parse(time.RFC3339Nano, s)
	return t
}

// testHookBeforeCommit, when set by a test, runs after a save's statements
// and before its commit: the fault test stops Neo4j there.
var testHookBeforeCommit func()

// lockEntities takes write locks on the existing entities among ids, in id
// order so that concurrent saves do not deadlock more than they must.
func lockEntities(ctx context.Context, tx neo4j.ManagedTransaction, ids []string) error {
	ids = uniq(ids)
	sort.Strings(ids)
	_, err := run(ctx, tx, `UNWIND $ids AS id MATCH (e:Entity {id: id}) SET e.__lock = true REMOVE e.__lock`,
		map[string]any{"ids": anyStrings(ids)})
	return err
}

func nonNil(l []any) []any {
	if l == nil {
		return []any{}
	}
	return l
}

// removeArticle deletes everything article aid contributed, then the
// relations and entities nothing supports any more. mentioned are the
// entities the article mentioned.
func removeArticle(ctx context.Context, tx neo4j.ManagedTransaction, aid string, mentioned []string) error {
	if len(mentioned) > 0 {
		// Every relation an article contributed joins two entities it
		// mentions (merges move both together), so its relations are found
		// from its mentions without scanning all relationships.
		recs, err := run(ctx, tx, `MATCH (:Article {id: $aid})-[:MENTIONS]->(e:Entity)-[r:`+relTypeAlt()+`]->(t:Entity)
			WHERE $aid IN r.articles
			WITH DISTINCT r, e, t
			RETURN r, elementId(r) AS eid, type(r) AS type, e.id AS src, t.id AS tgt, `+evidenceOf(evidenceMap)+` AS ev`,
			map[string]any{"aid": aid})
		if err != nil {
			return err
		}
		var upd, del []any
		var rels []string
		for _, rec := range recs {
			r, err := relOfRecord(rec)
			if err != nil {
				return err
			}
			rels = append(rels, r.id)
			if r.dropArticle(aid) {
				upd = append(upd, map[string]any{"eid": r.eid, "src": r.src, "tgt": r.tgt, "props": r.props()})
			} else {
				del = append(del, map[string]any{"eid": r.eid, "src": r.src, "tgt": r.tgt})
			}
		}
		if len(upd) > 0 {
			if _, err := run(ctx, tx, `UNWIND $rows AS row `+matchRelByEID+` SET r = row.props`,
				map[string]any{"rows": upd}); err != nil {
				return err
			}
		}
		if len(del) > 0 {
			if _, err := run(ctx, tx, `UNWIND $rows AS row `+matchRelByEID+` DELETE r`,
				map[string]any{"rows": del}); err != nil {
				return err
			}
		}
		// The article's evidence goes with its share; a deleted
		// relationship had no other.
		if len(rels) > 0 {
			if _, err := run(ctx, tx, `UNWIND $rels AS id MATCH (x:Evidence {rel: id}) WHERE x.article = $aid DELETE x`,
				map[string]any{"rels": anyStrings(rels), "aid": aid}); err != nil {
				return err
			}
		}
	}
	if _, err := run(ctx, tx, `CALL () { MATCH (:Article {id: $aid})-[m:MENTIONS]->() DELETE m }
		CALL () { MATCH (o:Occurrence {article: $aid}) DETACH DELETE o }
		CALL () { MATCH (q:Quote {article: $aid}) DETACH DELETE q }`, map[string]any{"aid": aid}); err != nil {
		return err
	}
	return gcEntities(ctx, tx, mentioned)
}

// gcEntities deletes those of ids that no article mentions, no curation
// pinned and no relation uses.
func gcEntities(ctx context.Context, tx neo4j.ManagedTransaction, ids []string) error {
	if len(ids) == 0 {
		return nil
	}
	_, err := run(ctx, tx, `UNWIND $ids AS id
		MATCH (e:Entity {id: id})
		WHERE NOT coalesce(e.curated, false)
			AND NOT EXISTS { (e)<-[:MENTIONS]-() }
			AND NOT EXISTS { (e)-[:`+relTypeAlt()+`]-() }
		DETACH DELETE e`, map[string]any{"ids": anyStrings(uniq(ids))})
	return err
}

// refreshEntities recomputes the denormalized aliases and search keys of
// ids from the alias contributions (MENTIONS edges and curation).
func refreshEntities(ctx context.Context, tx neo4j.ManagedTransaction, ids []string) error {
	if len(ids) == 0 {
		return nil
	}
	recs, err := run(ctx, tx, `UNWIND $ids AS id
		MATCH (e:Entity {id: id})
		OPTIONAL MATCH (:Article)-[m:MENTIONS]->(e)
		WITH e, collect(m.aliases) AS lists
		RETURN e.id AS id, e.name AS name, e.type AS type,
			coalesce(e.curatedAliases, []) + reduce(acc = [], l IN lists | acc + l) AS contrib`,
		map[string]any{"ids": anyStrings(uniq(ids))})
	if err != nil {
		return err
	}
	rows := make([]any, 0, len(recs))
	for _, rec := range recs {
		name := recStr(rec, "name")
		v, _ := rec.Get("contrib")
		l, _ := v.([]any)
		contrib := make([]string, 0, len(l))
		for _, x := range l {
			if s, ok := x.(string); ok {
				contrib = append(contrib, s)
			}
		}
		al := aliasesOf(name, contrib)
		block := blocking.Keys(kg.EntityType(recStr(rec, "type")), append([]string{name}, al...))
		rows = append(rows, map[string]any{"id": recStr(rec, "id"), "aliases": anyStrings(al), "keys": searchKeys(name, al),
			"block": anyStrings(block)})
	}
	_, err = run(ctx, tx, `UNWIND $rows AS row MATCH (e:Entity {id: row.id}) SET e.aliases = row.aliases, e.searchKeys = row.keys`,
		map[string]any{"rows": rows})
	if err != nil {
		return err
	}
	// Blocking keys of entity resolution: (:Entity)-[:HAS_KEY]->(:BlockKey),
	// rewritten from the current names.
	_, err = run(ctx, tx, `UNWIND $rows AS row MATCH (e:Entity {id: row.id})
		OPTIONAL MATCH (e)-[h:HAS_KEY]->()
		DELETE h
		WITH DISTINCT e, row
		UNWIND row.block AS key
		MERGE (k:BlockKey {key: key})
		MERGE (e)-[:HAS_KEY]->(k)`, map[string]any{"rows": rows})
	return err
}

// resolve maps entity ids through redirects left by merges; other ids map
// to themselves.
func resolve(ctx context.Context, tx runner, ids []string) (map[string]string, error) {
	out := make(map[string]string, len(ids))
	for _, id := range ids {
		out[id] = id
	}
	if len(ids) == 0 {
		return out, nil
	}
	recs, err := run(ctx, tx, `MATCH (r:Redirect) WHERE r.id IN $ids RETURN r.id AS id, r.to AS to`,
		map[string]any{"ids": anyStrings(uniq(ids))})
	if err != nil {
		return nil, err
	}
	for _, rec := range recs {
		out[recStr(rec, "id")] = recStr(rec, "to")
	}
	return out, nil
}

// strings1 runs a query returning one string column v.
func strings1(ctx context.Context, tx runner, q string, params map[string]any) ([]string, error) {
	recs, err := run(ctx, tx, q, params)
	if err != nil {
		return nil, err
	}
	out := make([]string, 0, len(recs))
	for _, r := range recs {
		out = append(out, recStr(r, "v"))
	}
	return out, nil
}

// relsByID reads the relations with the given ids, whatever their type:
// one index seek per relationship type.
func relsByID(ctx context.Context, tx runner, ids []string) (map[string]*relRec, error) {
	out := map[string]*relRec{}
	if len(ids) == 0 {
		return out, nil
	}
	recs, err := run(ctx, tx, relsByIDQuery(), map[string]any{"ids": anyStrings(uniq(ids))})
	if err != nil {
		return nil, err
	}
	for _, rec := range recs {
		r, err := relOfRecord(rec)
		if err != nil {
			return nil, err
		}
		out[r.id] = r
	}
	return out, nil
}

// relOfRecord reads a relation whole from a record's columns r (the
// relationship), eid, type, src, tgt and ev (its evidence, evidenceMap).
func relOfRecord(rec *neo4j.Record) (*relRec, error) {
	p, err := recProps(rec, "r")
	if err != nil {
		return nil, err
	}
	p = maps.Clone(p)
	p["ev"], _ = rec.Get("ev")
	return relFromProps(recStr(rec, "type"), recStr(rec, "src"), recStr(rec, "tgt"), recStr(rec, "eid"), p), nil
}

// matchRelByEID matches relationship r of row {eid, …} by its element id,
// read in the same transaction: a seek (DirectedRelationshipByElementIdSeek).
// Matched from its end entities instead, it was an expansion of every
// relationship between them, from the end with fewer, which for a
// relation of a much-named entity cost more as the graph grew.
const matchRelByEID = `MATCH ()-[r]->() WHERE elementId(r) = row.eid`

// relsByIDQuery is built once from kg.RelationTypes.
var relsByIDQuery = sync.OnceValue(func() string {
	q := "UNWIND $ids AS rid\nCALL (rid) {\n"
	for i, t := range kg.RelationTypes {
		if i > 0 {
			q += "\tUNION\n"
		}
		q += fmt.Sprintf("\tMATCH (s:Entity)-[r:%s {id: rid}]->(t:Entity) RETURN r, s.id AS src, t.id AS tgt\n", t)
	}
	return q + "}\nRETURN r, elementId(r) AS eid, type(r) AS type, src, tgt, " + evidenceOf(evidenceMap) + " AS ev"
})

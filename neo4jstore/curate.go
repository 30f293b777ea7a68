package neo4jstore

import (
	"context"
	"slices"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/newsgraph/newsgraph/kg"
)

// resolveOne resolves id through redirects and checks that it exists.
func resolveOne(ctx context.Context, tx neo4j.ManagedTransaction, id string) (string, error) {
	red, err := resolve(ctx, tx, []string{id})
	if err != nil {
		return "", err
	}
	r := red[id]
	recs, err := run(ctx, tx, `MATCH (e:Entity {id: $id}) RETURN e.id AS v`, map[string]any{"id": r})
	if err != nil {
		return "", err
	}
	if len(recs) == 0 {
		return "", kg.Errorf(kg.ENotFound, "entity %q not found", id)
	}
	return r, nil
}

// MergeEntities folds drop into keep. keep becomes curated (no reload
// deletes it) and drop's names stay on it as aliases; drop's id redirects
// to keep from then on.
func (s *Store) MergeEntities(ctx context.Context, keepID, dropID string) (*kg.Entity, error) {
	_, err := writeTx(ctx, s, "merge entities", func(tx neo4j.ManagedTransaction) (struct{}, error) {
		keep, err := resolveOne(ctx, tx, keepID)
		if err != nil {
			return struct{}{}, err
		}
		drop, err := resolveOne(ctx, tx, dropID)
		if err != nil {
			return struct{}{}, err
		}
		if keep == drop {
			return struct{}{}, kg.Errorf(kg.EInvalid, "cannot merge entity %q into itself", keepID)
		}
		return struct{}{}, merge(ctx, tx, keep, drop)
	})
	if err != nil {
		return nil, err
	}
	es, err := s.Entities(ctx, []string{keepID})
	if err != nil {
		return nil, err
	}
	return es[0], nil
}

func merge(ctx context.Context, tx neo4j.ManagedTransaction, keep, drop string) error {
	if err := lockEntities(ctx, tx, []string{keep, drop}); err != nil {
		return err
	}
	p := map[string]any{"keep": keep, "drop": drop}
	// Names, then mentions: span lists join where both are mentioned in one
	// article, and per-article alias contributions move with their article.
	for _, q := range []string{
		`MATCH (k:Entity {id: $keep}), (d:Entity {id: $drop})
		SET k.curatedAliases = coalesce(k.curatedAliases, []) +
			[x IN [d.name] + coalesce(d.curatedAliases, []) WHERE NOT x IN coalesce(k.curatedAliases, [])]`,
		`MATCH (k:Entity {id: $keep}), (d:Entity {id: $drop})
		MATCH (a:Article)-[dm:MENTIONS]->(d)
		MERGE (a)-[km:MENTIONS]->(k)
		ON CREATE SET km.spans = [], km.aliases = []
		SET km.spans = km.spans + dm.spans,
			km.aliases = km.aliases + [x IN dm.aliases WHERE NOT x IN km.aliases]`,
	} {
		if _, err := run(ctx, tx, q, p); err != nil {
			return err
		}
	}

	// Relations: re-key each of drop's relations to its new ends, folding
	// into an existing relation with the same id.
	recs, err := run(ctx, tx, `MATCH (:Entity {id: $drop})-[r:`+relTypeAlt()+`]-(:Entity)
		WITH DISTINCT r
		RETURN r, elementId(r) AS eid, type(r) AS type, startNode(r).id AS src, endNode(r).id AS tgt`, p)
	if err != nil {
		return err
	}
	for _, rec := range recs {
		props, err := recProps(rec, "r")
		if err != nil {
			return err
		}
		old := relFromProps(recStr(rec, "type"), recStr(rec, "src"), recStr(rec, "tgt"), recStr(rec, "eid"), props)
		if err := moveRelation(ctx, tx, old, keep, drop); err != nil {
			return err
		}
	}

	// Events: participants and places point at keep; a participant that
	// now appears twice with one role keeps its first place.
	recs, err = run(ctx, tx, `MATCH (e:Entity)-[:PARTICIPATED]->(o:Occurrence) WHERE e.id IN [$keep, $drop]
		RETURN DISTINCT o`, p)
	if err != nil {
		return err
	}
	var evRows []any
	for _, rec := range recs {
		props, err := recProps(rec, "o")
		if err != nil {
			return err
		}
		ev := eventFromProps(props)
		var parts []kg.Participant
		for _, pt := range ev.Participants {
			if pt.EntityID == drop {
				pt.EntityID = keep
			}
			if pt.EntityID == keep && slices.Contains(parts, pt) {
				continue
			}
			parts = append(parts, pt)
		}
		var pe, pr, rows []any
		for i, pt := range parts {
			pe, pr = append(pe, pt.EntityID), append(pr, pt.Role)
			rows = append(rows, map[string]any{"entity": pt.EntityID, "role": pt.Role, "ord": int64(i)})
		}
		evRows = append(evRows, map[string]any{"id": ev.ID, "pe": nonNil(pe), "pr": nonNil(pr), "parts": nonNil(rows)})
	}
	if len(evRows) > 0 {
		if _, err := run(ctx, tx, `UNWIND $rows AS row
			MATCH (o:Occurrence {id: row.id})
			SET o.partEntity = row.pe, o.partRole = row.pr
			WITH o, row
			CALL (o) { MATCH ()-[p:PARTICIPATED]->(o) DELETE p }
			CALL (o, row) {
				UNWIND row.parts AS pt
				MATCH (e:Entity {id: pt.entity})
				CREATE (e)-[:PARTICIPATED {role: pt.role, ord: pt.ord}]->(o)
			}`, map[string]any{"rows": evRows}); err != nil {
			return err
		}
	}
	for _, q := range []string{
		`MATCH (k:Entity {id: $keep}) MATCH (o:Occurrence {place: $drop})
		SET o.place = $keep
		WITH k, o
		OPTIONAL MATCH (o)-[at:AT]->(:Entity {id: $drop})
		DELETE at
		CREATE (o)-[:AT]->(k)`,
		`MATCH (k:Entity {id: $keep}) MATCH (q:Quote {speaker: $drop})
		SET q.speaker = $keep
		WITH k, q
		OPTIONAL MATCH (:Entity {id: $drop})-[s:SAID]->(q)
		DELETE s
		CREATE (k)-[:SAID]->(q)`,
		`MATCH (r:Redirect {to: $drop}) SET r.to = $keep`,
		`MERGE (r:Redirect {id: $drop}) SET r.to = $keep`,
		`MATCH (k:Entity {id: $keep}) SET k.curated = true`,
		`MATCH (d:Entity {id: $drop}) DETACH DELETE d`,
	} {
		if _, err := run(ctx, tx, q, p); err != nil {
			return err
		}
	}
	return refreshEntities(ctx, tx, []string{keep})
}

// moveRelation moves one of drop's relations to keep.
func moveRelation(ctx context.Context, tx neo4j.ManagedTransaction, old *relRec, keep, drop string) error {
	src, tgt := old.src, old.tgt
	if src == drop {
		src = keep
	}
	if tgt == drop {
		tgt = keep
	}
	if _, err := run(ctx, tx, `WITH $row AS row `+matchRelByEID+` DELETE r`,
		map[string]any{"row": map[string]any{"eid": old.eid, "src": old.src, "tgt": old.tgt}}); err != nil {
		return err
	}
	if src == tgt {
		// A self-loop says nothing; its retraction, if any, goes too.
		_, err := run(ctx, tx, `MATCH (x:Retraction {id: $id}) DELETE x`, map[string]any{"id": old.id})
		return err
	}
	nid := kg.RelationID(old.typ, src, tgt)
	if old.typ.Symmetric() && tgt < src {
		src, tgt = tgt, src
	}
	ex, err := relsByID(ctx, tx, []string{nid})
	if err != nil {
		return err
	}
	rec := ex[nid]
	if rec == nil {
		rec = &relRec{id: nid, typ: old.typ, src: src, tgt: tgt}
	}
	rec.absorb(old)
	rt, err := relType(old.typ)
	if err != nil {
		return err
	}
	if old.id != nid {
		// The retraction follows the relation unless the target has its own.
		if _, err := run(ctx, tx, `MATCH (x:Retraction {id: $old})
			MERGE (y:Retraction {id: $new}) ON CREATE SET y.reason = x.reason
			DELETE x`, map[string]any{"old": old.id, "new": nid}); err != nil {
			return err
		}
	}
	_, err = run(ctx, tx, `MATCH (s:Entity {id: $src}), (t:Entity {id: $tgt})
		MERGE (s)-[r:`+rt+` {id: $id}]->(t)
		SET r = $props
		WITH r
		OPTIONAL MATCH (x:Retraction {id: $id})
		SET r.retracted = x IS NOT NULL, r.retractReason = coalesce(x.reason, '')`,
		map[string]any{"src": src, "tgt": tgt, "id": nid, "props": rec.props()})
	return err
}

// RetractRelation marks a relation retracted; the mark is kept by id, so a
// reload that rewrites the relation does not revive it.
func (s *Store) RetractRelation(ctx context.Context, id, reason string) (*kg.Relation, error) {
	_, err := writeTx(ctx, s, "retract relation", func(tx neo4j.ManagedTransaction) (struct{}, error) {
		m, err := relsByID(ctx, tx, []string{id})
		if err != nil {
			return struct{}{}, err
		}
		r := m[id]
		if r == nil {
			return struct{}{}, kg.Errorf(kg.ENotFound, "relation %q not found", id)
		}
		_, err = run(ctx, tx, `MERGE (x:Retraction {id: $id}) SET x.reason = $reason
			WITH x
			WITH x, $row AS row `+matchRelByEID+`
			SET r.retracted = true, r.retractReason = $reason`,
			map[string]any{"id": id, "reason": reason, "row": map[string]any{"eid": r.eid, "src": r.src, "tgt": r.tgt}})
		return struct{}{}, err
	})
	if err != nil {
		return nil, err
	}
	rs, err := s.RelationsByID(ctx, []string{id})
	if err != nil {
		return nil, err
	}
	return rs[0], nil
}

// UpdateEntity edits an entity's name, type or subtype and pins it against
// reloads. A replaced name stays as an alias.
func (s *Store) UpdateEntity(ctx context.Context, id string, u kg.EntityUpdate) (*kg.Entity, error) {
	if u.Name != nil && *u.Name == "" {
		return nil, kg.Errorf(kg.EInvalid, "entity name must not be empty")
	}
	if u.Type != nil && !u.Type.Valid() {
		return nil, kg.Errorf(kg.EInvalid, "unknown entity type %q", *u.Type)
	}
	_, err := writeTx(ctx, s, "update entity", func(tx neo4j.ManagedTransaction) (struct{}, error) {
		rid, err := resolveOne(ctx, tx, id)
		if err != nil {
			return struct{}{}, err
		}
		m, err := loadEntities(ctx, tx, []string{rid})
		if err != nil {
			return struct{}{}, err
		}
		e := m[rid]
		if e == nil {
			return struct{}{}, kg.Errorf(kg.ENotFound, "entity %q not found", id)
		}
		newName, newType, newSub := e.Name, e.Type, e.Subtype
		if u.Name != nil {
			newName = *u.Name
		}
		if u.Type != nil {
			newType = *u.Type
		}
		if u.Subtype != nil {
			newSub = *u.Subtype
		}
		if !kg.ValidSubtype(newType, newSub) {
			return struct{}{}, kg.Errorf(kg.EInvalid, "subtype %q is not allowed for %s", newSub, newType)
		}
		lbl, err := label(newType)
		if err != nil {
			return struct{}{}, err
		}
		all := ""
		for _, t := range kg.EntityTypes {
			all += ":" + string(t)
		}
		if _, err := run(ctx, tx, `MATCH (e:Entity {id: $id})
			SET e.curatedAliases = coalesce(e.curatedAliases, []) +
				CASE WHEN $name <> e.name AND NOT e.name IN coalesce(e.curatedAliases, []) THEN [e.name] ELSE [] END
			SET e.name = $name, e.type = $type, e.subtype = $subtype, e.curated = true
			REMOVE e`+all+`
			SET e:`+lbl, map[string]any{"id": rid, "name": newName, "type": string(newType), "subtype": newSub}); err != nil {
			return struct{}{}, err
		}
		return struct{}{}, refreshEntities(ctx, tx, []string{rid})
	})
	if err != nil {
		return nil, err
	}
	es, err := s.Entities(ctx, []string{id})
	if err != nil {
		return nil, err
	}
	return es[0], nil
}

package neo4jstore

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/newsgraph/newsgraph/kg"
)

// MergeEntities folds drop into keep (see kg.Store). keep becomes curated
// (no reload deletes it) and drop's names stay on it as aliases; drop's id
// redirects to keep from then on; what a split needs is recorded beside
// the audit entry.
func (s *Store) MergeEntities(ctx context.Context, keepID, dropID string, m kg.Merge) (*kg.Entity, error) {
	keep, err := writeTx(ctx, s, "merge entities", func(tx neo4j.ManagedTransaction) (string, error) {
		return mergeTx(ctx, tx, keepID, dropID, m, nil)
	})
	if err != nil {
		return nil, err
	}
	return s.entity(ctx, keep)
}

// entity reads one entity (resolved through merges) as a curation returns
// it, committed.
func (s *Store) entity(ctx context.Context, id string) (*kg.Entity, error) {
	es, err := s.Entities(ctx, []string{id})
	if err != nil {
		return nil, err
	}
	return es[0], nil
}

// mergeTx checks and performs one merge inside tx and records it; extra
// details go into its audit entry. It returns the kept id.
func mergeTx(ctx context.Context, tx neo4j.ManagedTransaction, keepID, dropID string, m kg.Merge, extra map[string]any) (string, error) {
	var err error
	if m.Method, err = kg.CheckMergeMethod(m.Method); err != nil {
		return "", err
	}
	red, err := resolve(ctx, tx, []string{keepID, dropID})
	if err != nil {
		return "", err
	}
	keep, drop := red[keepID], red[dropID]
	ents, err := entityStates(ctx, tx, []string{keep, drop})
	if err != nil {
		return "", err
	}
	k, d := ents[keep], ents[drop]
	if k == nil {
		return "", kg.Errorf(kg.ENotFound, "entity %q not found", keepID)
	}
	if err := kg.SameEntityError(keepID, dropID, keep, drop); err != nil {
		return "", err
	}
	if d == nil && (m.Method != kg.MergeAuto || drop != dropID) {
		return "", kg.Errorf(kg.ENotFound, "entity %q not found", dropID)
	}
	if d != nil && !kg.CompatibleTypes(k.Type, d.Type) {
		return "", kg.IncompatibleTypesError(keep, k.Type, drop, d.Type)
	}
	rec := kg.MergeUndo{Absorbed: []string{}, Retractions: []kg.RetractionMove{}, AddedAliases: []string{}}
	if rec.Absorbed, err = strings1(ctx, tx, `MATCH (r:Redirect {to: $drop}) RETURN r.id AS v ORDER BY v`, map[string]any{"drop": drop}); err != nil {
		return "", err
	}
	if d != nil {
		for _, al := range append([]string{d.Name}, d.CuratedAliases...) {
			if !slices.Contains(k.CuratedAliases, al) && !slices.Contains(rec.AddedAliases, al) {
				rec.AddedAliases = append(rec.AddedAliases, al)
			}
		}
		rec.Drop = d
		if rec.Retractions, err = merge(ctx, tx, keep, drop); err != nil {
			return "", err
		}
	} else if _, err := run(ctx, tx, `MERGE (r:Redirect {id: $drop}) SET r.to = $keep`, map[string]any{"keep": keep, "drop": drop}); err != nil {
		// A bare join: later saves that produce drop write to keep.
		return "", err
	}
	if m.Name != "" && !k.Curated && k.Name != m.Name {
		// A fuller name for keep (a curator's name stays).
		if _, err := run(ctx, tx, `MATCH (e:Entity {id: $keep}) SET e.name = $name`, map[string]any{"keep": keep, "name": m.Name}); err != nil {
			return "", err
		}
		// The old name becomes an alias, and both are searched.
		if err := refreshEntities(ctx, tx, []string{keep}); err != nil {
			return "", err
		}
		rec.RenamedFrom, rec.RenamedTo = k.Name, m.Name
	}
	details := map[string]any{"keep": keep, "drop": drop, "method": string(m.Method), "score": m.Score, "evidence": m.Evidence}
	if rec.RenamedTo != "" {
		details["renamed"] = map[string]any{"from": rec.RenamedFrom, "to": rec.RenamedTo}
	}
	maps.Copy(details, extra)
	seq, err := appendAudit(ctx, tx, kg.AuditMerge, m.Curation, []string{keep, drop}, details)
	if err != nil {
		return "", err
	}
	undo, err := json.Marshal(rec)
	if err != nil {
		return "", fmt.Errorf("neo4j: merge record: %w", err)
	}
	_, err = run(ctx, tx, `CREATE (:MergeRecord {seq: $seq, keep: $keep, drop: $drop, undo: $undo, splitAt: ''})`,
		map[string]any{"seq": seq, "keep": keep, "drop": drop, "undo": string(undo)})
	return keep, err
}

// entityStates reads the curated state of the existing entities among ids.
func entityStates(ctx context.Context, tx neo4j.ManagedTransaction, ids []string) (map[string]*kg.DroppedEntity, error) {
	recs, err := run(ctx, tx, `MATCH (e:Entity) WHERE e.id IN $ids
		RETURN e.id AS id, e { .type, .subtype, .name, .curated, .curatedAliases } AS e`, map[string]any{"ids": anyStrings(uniq(ids))})
	if err != nil {
		return nil, err
	}
	out := map[string]*kg.DroppedEntity{}
	for _, rec := range recs {
		p, err := recProps(rec, "e")
		if err != nil {
			return nil, err
		}
		ca := pStrs(p, "curatedAliases")
		slices.Sort(ca)
		out[recStr(rec, "id")] = &kg.DroppedEntity{Type: kg.EntityType(pStr(p, "type")), Subtype: pStr(p, "subtype"),
			Name: pStr(p, "name"), Curated: pBool(p, "curated"), CuratedAliases: ca}
	}
	return out, nil
}

// appendAudit records one curation and returns its sequence number, taken
// from a counter node (which also serializes curations).
func appendAudit(ctx context.Context, tx neo4j.ManagedTransaction, action string, c kg.Curation, subjects []string, details map[string]any) (int64, error) {
	if details == nil {
		details = map[string]any{}
	}
	det, err := json.Marshal(details)
	if err != nil {
		return 0, kg.Errorf(kg.EInvalid, "audit details are not JSON: %v", err)
	}
	if subjects == nil {
		subjects = []string{}
	}
	recs, err := run(ctx, tx, `MERGE (n:Counter {name: 'audit'}) ON CREATE SET n.value = 0
		SET n.value = n.value + 1
		CREATE (a:Audit {seq: n.value, at: $at, action: $action, actor: $actor, reason: $reason, subjects: $subjects, details: $details})
		RETURN a.seq AS seq`, map[string]any{"at": timestamp(time.Now()), "action": action, "actor": c.Actor, "reason": c.Reason,
		"subjects": anyStrings(subjects), "details": string(det)})
	if err != nil {
		return 0, err
	}
	if len(recs) != 1 {
		return 0, fmt.Errorf("neo4j: audit: no sequence number")
	}
	v, _ := recs[0].Get("seq")
	seq, _ := v.(int64)
	return seq, nil
}

// merge moves drop's facts to keep and returns the retractions it moved.
func merge(ctx context.Context, tx neo4j.ManagedTransaction, keep, drop string) ([]kg.RetractionMove, error) {
	if err := lockEntities(ctx, tx, []string{keep, drop}); err != nil {
		return nil, err
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
			return nil, err
		}
	}

	// Relations: re-key drop's relations to their new ends, folding into
	// existing relations with the same id: a fixed handful of statements
	// whatever their number.
	recs, err := run(ctx, tx, `MATCH (:Entity {id: $drop})-[r:`+relTypeAlt()+`]-(:Entity)
		WITH DISTINCT r
		RETURN r, elementId(r) AS eid, type(r) AS type, startNode(r).id AS src, endNode(r).id AS tgt, `+evidenceOf(evidenceMap)+` AS ev`, p)
	if err != nil {
		return nil, err
	}
	olds := make([]*relRec, 0, len(recs))
	for _, rec := range recs {
		r, err := relOfRecord(rec)
		if err != nil {
			return nil, err
		}
		olds = append(olds, r)
	}
	moves, err := moveRelations(ctx, tx, olds, keep, drop)
	if err != nil {
		return nil, err
	}

	// Events: participants and places point at keep; a participant that
	// now appears twice with one role keeps its first place.
	recs, err = run(ctx, tx, `MATCH (e:Entity)-[:PARTICIPATED]->(o:Occurrence) WHERE e.id IN [$keep, $drop]
		RETURN DISTINCT o`, p)
	if err != nil {
		return nil, err
	}
	var evRows []any
	for _, rec := range recs {
		props, err := recProps(rec, "o")
		if err != nil {
			return nil, err
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
			return nil, err
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
			return nil, err
		}
	}
	return moves, refreshEntities(ctx, tx, []string{keep})
}

// moveRelations moves drop's relations olds to keep and reports the
// retractions it moved. The moves are worked out in memory, in order, as
// moving them one by one would leave the graph (a relation landing on an
// existing id absorbs into it, its own winning; a retraction follows its
// relation unless the new id has one; a self-loop goes with its
// retraction), after two reads, then written in three statements (four
// when retractions move).
func moveRelations(ctx context.Context, tx neo4j.ManagedTransaction, olds []*relRec, keep, drop string) ([]kg.RetractionMove, error) {
	moves := []kg.RetractionMove{}
	if len(olds) == 0 {
		return moves, nil
	}
	type move struct {
		old      *relRec
		src, tgt string
		nid      string // "" for a self-loop
	}
	ms := make([]move, len(olds))
	gone := map[string]bool{} // element ids of the relations moved away
	var ids, nids []string
	for i, old := range olds {
		src, tgt := old.src, old.tgt
		if src == drop {
			src = keep
		}
		if tgt == drop {
			tgt = keep
		}
		nid := ""
		if src != tgt {
			nid = kg.RelationID(old.typ, src, tgt)
			nids = append(nids, nid)
			if old.typ.Symmetric() && tgt < src {
				src, tgt = tgt, src
			}
		}
		if _, err := relType(old.typ); err != nil {
			return nil, err
		}
		ms[i] = move{old: old, src: src, tgt: tgt, nid: nid}
		gone[old.eid] = true
		ids = append(ids, old.id)
	}
	ex, err := relsByID(ctx, tx, nids)
	if err != nil {
		return nil, err
	}
	recs, err := run(ctx, tx, `UNWIND $ids AS id MATCH (x:Retraction {id: id}) RETURN x.id AS id, x.reason AS reason`,
		map[string]any{"ids": anyStrings(uniq(append(ids, nids...)))})
	if err != nil {
		return nil, err
	}
	retr := map[string]string{} // retraction id -> reason, as the moves leave them
	for _, rec := range recs {
		retr[recStr(rec, "id")] = recStr(rec, "reason")
	}
	before := maps.Clone(retr)
	cur := map[string]*relRec{} // relations at the new ids, as the moves leave them
	kept := map[string]int{}    // how many pieces of evidence each had already
	for id, r := range ex {
		if !gone[r.eid] {
			cur[id], kept[id] = r, len(r.evArticle)
		}
	}
	var written []string // the new ids, in the order first moved to
	wrote := map[string]bool{}
	for _, m := range ms {
		old, nid := m.old, m.nid
		reason, had := retr[old.id]
		if had && nid != old.id {
			_, newHad := retr[nid]
			moves = append(moves, kg.RetractionMove{Old: old.id, New: nid, Reason: reason, NewHad: newHad})
		}
		if nid == "" {
			// A self-loop says nothing; its retraction, if any, goes too.
			delete(retr, old.id)
			continue
		}
		if had && old.id != nid {
			if _, ok := retr[nid]; !ok {
				retr[nid] = reason
			}
			delete(retr, old.id)
		}
		r := cur[nid]
		if r == nil {
			r = &relRec{id: nid, typ: old.typ, src: m.src, tgt: m.tgt}
			cur[nid] = r
		}
		r.absorb(old)
		if !wrote[nid] {
			wrote[nid] = true
			written = append(written, nid)
		}
	}
	del := make([]any, 0, len(olds))
	for _, old := range olds {
		del = append(del, map[string]any{"eid": old.eid, "src": old.src, "tgt": old.tgt})
	}
	if _, err := run(ctx, tx, `UNWIND $rows AS row `+matchRelByEID+` DELETE r`, map[string]any{"rows": del}); err != nil {
		return nil, err
	}
	var rdel, rset []any
	for id := range before {
		if _, ok := retr[id]; !ok {
			rdel = append(rdel, id)
		}
	}
	for id, reason := range retr {
		if b, ok := before[id]; !ok || b != reason {
			rset = append(rset, map[string]any{"id": id, "reason": reason})
		}
	}
	if len(rdel)+len(rset) > 0 {
		if _, err := run(ctx, tx, `CALL () { UNWIND $del AS id MATCH (x:Retraction {id: id}) DELETE x }
			CALL () { UNWIND $set AS row MERGE (x:Retraction {id: row.id}) SET x.reason = row.reason }`,
			map[string]any{"del": nonNil(rdel), "set": nonNil(rset)}); err != nil {
			return nil, err
		}
	}
	var upd, cre, ev []any
	for _, id := range written {
		r := cur[id]
		r.reason, r.retracted = retr[id]
		row := map[string]any{"type": string(r.typ), "src": r.src, "tgt": r.tgt, "eid": r.eid, "props": r.props()}
		if r.eid != "" {
			upd = append(upd, row)
		} else {
			cre = append(cre, row)
		}
		// absorb appends: a relation that stays keeps its evidence nodes.
		ev = append(ev, r.evidenceRows()[kept[id]:]...)
	}
	// The moved relations' evidence nodes go; what the moves added to each
	// relation is created under its new id.
	if _, err := run(ctx, tx, `CALL () { UNWIND $ids AS id MATCH (x:Evidence {rel: id}) DELETE x }
		CALL () { UNWIND $ev AS row CREATE (x:Evidence) SET x = row }`,
		map[string]any{"ids": anyStrings(uniq(ids)), "ev": nonNil(ev)}); err != nil {
		return nil, err
	}
	if len(upd)+len(cre) > 0 {
		// The type of a new relationship is given per row, one of the
		// ontology's: relType checked it.
		if _, err := run(ctx, tx, `CALL () { UNWIND $upd AS row `+matchRelByEID+` SET r = row.props }
			CALL () {
				UNWIND $cre AS row
				MATCH (s:Entity {id: row.src})
				MATCH (t:Entity {id: row.tgt})
				CREATE (s)-[n:$(row.type)]->(t)
				SET n = row.props
			}`, map[string]any{"upd": nonNil(upd), "cre": nonNil(cre)}); err != nil {
			return nil, err
		}
	}
	return moves, nil
}

// RetractRelation marks a relation retracted; the mark is kept by id, so a
// reload that rewrites the relation does not revive it.
func (s *Store) RetractRelation(ctx context.Context, id string, c kg.Curation) (*kg.Relation, error) {
	return s.setRetraction(ctx, id, c, true)
}

// UnretractRelation removes a relation's retraction.
func (s *Store) UnretractRelation(ctx context.Context, id string, c kg.Curation) (*kg.Relation, error) {
	return s.setRetraction(ctx, id, c, false)
}

func (s *Store) setRetraction(ctx context.Context, id string, c kg.Curation, retract bool) (*kg.Relation, error) {
	_, err := writeTx(ctx, s, "retract relation", func(tx neo4j.ManagedTransaction) (struct{}, error) {
		m, err := relsByID(ctx, tx, []string{id})
		if err != nil {
			return struct{}{}, err
		}
		r := m[id]
		if r == nil {
			return struct{}{}, kg.Errorf(kg.ENotFound, "relation %q not found", id)
		}
		row := map[string]any{"eid": r.eid, "src": r.src, "tgt": r.tgt}
		if retract && r.retracted {
			// When and by whom come from the newest retraction recorded
			// about id; one moved here by a merge has none.
			recs, err := run(ctx, tx, `MATCH (a:Audit {action: $action}) WHERE $id IN a.subjects
				RETURN a.at AS at, a.actor AS actor ORDER BY a.seq DESC LIMIT 1`,
				map[string]any{"action": kg.AuditRetract, "id": id})
			if err != nil {
				return struct{}{}, err
			}
			var at, actor string
			if len(recs) == 1 {
				at, actor = recStr(recs[0], "at"), recStr(recs[0], "actor")
			}
			return struct{}{}, kg.AlreadyRetractedError(id, parseTime(at), actor, r.reason)
		}
		if retract {
			_, err = run(ctx, tx, `MERGE (x:Retraction {id: $id}) SET x.reason = $reason
				WITH x
				WITH x, $row AS row `+matchRelByEID+`
				SET r.retracted = true, r.retractReason = $reason`,
				map[string]any{"id": id, "reason": c.Reason, "row": row})
			if err != nil {
				return struct{}{}, err
			}
			_, err = appendAudit(ctx, tx, kg.AuditRetract, c, []string{id}, nil)
			return struct{}{}, err
		}
		if !r.retracted {
			return struct{}{}, kg.Errorf(kg.EInvalid, "relation %q is not retracted", id)
		}
		if _, err := run(ctx, tx, `MATCH (x:Retraction {id: $id}) DELETE x
			WITH count(*) AS n
			WITH $row AS row `+matchRelByEID+`
			SET r.retracted = false, r.retractReason = ''`, map[string]any{"id": id, "row": row}); err != nil {
			return struct{}{}, err
		}
		_, err = appendAudit(ctx, tx, kg.AuditUnretract, c, []string{id}, map[string]any{"retractReason": r.reason})
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
func (s *Store) UpdateEntity(ctx context.Context, id string, u kg.EntityUpdate, c kg.Curation) (*kg.Entity, error) {
	if err := u.Check(); err != nil {
		return nil, err
	}
	_, err := writeTx(ctx, s, "update entity", func(tx neo4j.ManagedTransaction) (struct{}, error) {
		red, err := resolve(ctx, tx, []string{id})
		if err != nil {
			return struct{}{}, err
		}
		rid := red[id]
		ents, err := entityStates(ctx, tx, []string{rid})
		if err != nil {
			return struct{}{}, err
		}
		e := ents[rid]
		if e == nil {
			return struct{}{}, kg.Errorf(kg.ENotFound, "entity %q not found", id)
		}
		newName, newType, newSub, err := u.Apply(e.Name, e.Type, e.Subtype)
		if err != nil {
			return struct{}{}, err
		}
		if newName != e.Name {
			// Names that fold alike (case, accents, punctuation) are one
			// name to search; searchKeys starts with the folded name.
			other, err := strings1(ctx, tx, `MATCH (o:Entity) WHERE o.id <> $id
				AND (o.name = $name OR split(coalesce(o.searchKeys, ''), '\n')[0] = $key)
				RETURN o.id AS v ORDER BY v LIMIT 1`,
				map[string]any{"name": newName, "key": kg.FoldName(newName), "id": rid})
			if err != nil {
				return struct{}{}, err
			}
			if len(other) > 0 {
				return struct{}{}, kg.NameTakenError(newName, other[0])
			}
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
		if _, err := appendAudit(ctx, tx, kg.AuditUpdate, c, []string{rid}, map[string]any{
			"before": map[string]any{"name": e.Name, "type": string(e.Type), "subtype": e.Subtype},
			"after":  map[string]any{"name": newName, "type": string(newType), "subtype": newSub},
		}); err != nil {
			return struct{}{}, err
		}
		return struct{}{}, refreshEntities(ctx, tx, []string{rid})
	})
	if err != nil {
		return nil, err
	}
	return s.entity(ctx, id)
}

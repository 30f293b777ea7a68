package neo4jstore

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/newsgraph/newsgraph/kg"
)

// SplitEntity undoes the merge of id (see kg.Store).
func (s *Store) SplitEntity(ctx context.Context, id string, c kg.Curation) (*kg.Entity, error) {
	_, err := writeTx(ctx, s, "split entity", func(tx neo4j.ManagedTransaction) (struct{}, error) {
		return struct{}{}, split(ctx, tx, id, c)
	})
	if err != nil {
		return nil, err
	}
	return s.entity(ctx, id)
}

func split(ctx context.Context, tx neo4j.ManagedTransaction, id string, c kg.Curation) error {
	p := map[string]any{"id": id}
	holders, err := strings1(ctx, tx, `MATCH (r:Redirect {id: $id}) RETURN r.to AS v`, p)
	if err != nil {
		return err
	}
	if len(holders) == 0 {
		ents, err := entityStates(ctx, tx, []string{id})
		if err != nil {
			return err
		}
		if ents[id] == nil {
			return kg.Errorf(kg.ENotFound, "entity %q not found", id)
		}
		return kg.Errorf(kg.EInvalid, "entity %q is not merged into another entity: there is nothing to split", id)
	}
	holder := holders[0]
	p["holder"] = holder
	recs, err := run(ctx, tx, `MATCH (m:MergeRecord {drop: $id}) WHERE m.splitAt = ''
		RETURN m.seq AS seq, m.undo AS undo ORDER BY m.seq DESC LIMIT 1`, p)
	if err != nil {
		return err
	}
	if len(recs) == 0 {
		return kg.Errorf(kg.EInvalid, "entity %q was merged before merges were recorded for undo: it cannot be split", id)
	}
	seqv, _ := recs[0].Get("seq")
	seq, _ := seqv.(int64)
	var rec kg.MergeUndo
	if err := json.Unmarshal([]byte(recStr(recs[0], "undo")), &rec); err != nil {
		return fmt.Errorf("neo4j: split %s: merge record: %w", id, err)
	}
	if err := lockEntities(ctx, tx, []string{holder}); err != nil {
		return err
	}
	// The ids merged into id before follow it again.
	p["absorbed"] = anyStrings(rec.Absorbed)
	p["added"] = anyStrings(rec.AddedAliases)
	if _, err := run(ctx, tx, `MATCH (r:Redirect {id: $id}) DELETE r`, p); err != nil {
		return err
	}
	if _, err := run(ctx, tx, `UNWIND $absorbed AS a MATCH (r:Redirect {id: a, to: $holder}) SET r.to = $id`, p); err != nil {
		return err
	}
	if d := rec.Drop; d != nil {
		lbl, err := label(d.Type)
		if err != nil {
			return err
		}
		if _, err := run(ctx, tx, `MERGE (e:Entity {id: $id})
			ON CREATE SET e:`+lbl+`, e.type = $type, e.subtype = $subtype, e.name = $name, e.curated = $curated,
				e.curatedAliases = $aliases, e.aliases = [], e.searchKeys = ''`, map[string]any{
			"id": id, "type": string(d.Type), "subtype": d.Subtype, "name": d.Name, "curated": d.Curated,
			"aliases": anyStrings(nonNilStrs(d.CuratedAliases))}); err != nil {
			return err
		}
	}
	if _, err := run(ctx, tx, `MATCH (h:Entity {id: $holder})
		SET h.curatedAliases = [x IN coalesce(h.curatedAliases, []) WHERE NOT x IN $added]`, p); err != nil {
		return err
	}
	// The name the merge gave the holder goes back, unless it was renamed
	// since.
	if rec.RenamedTo != "" {
		if _, err := run(ctx, tx, `MATCH (h:Entity {id: $holder}) WHERE h.name = $to AND NOT coalesce(h.curated, false)
			SET h.name = $from`, map[string]any{"holder": holder, "from": rec.RenamedFrom, "to": rec.RenamedTo}); err != nil {
			return err
		}
		if err := refreshEntities(ctx, tx, []string{holder}); err != nil {
			return err
		}
	}
	for _, m := range rec.Retractions {
		if m.New != "" && !m.NewHad {
			if _, err := run(ctx, tx, `MATCH (y:Retraction {id: $id}) DELETE y`, map[string]any{"id": m.New}); err != nil {
				return err
			}
			rs, err := relsByID(ctx, tx, []string{m.New})
			if err != nil {
				return err
			}
			if r := rs[m.New]; r != nil {
				if _, err := run(ctx, tx, `WITH $row AS row `+matchRelByEID+` SET r.retracted = false, r.retractReason = ''`,
					map[string]any{"row": map[string]any{"eid": r.eid, "src": r.src, "tgt": r.tgt}}); err != nil {
					return err
				}
			}
		}
		if _, err := run(ctx, tx, `MERGE (x:Retraction {id: $id}) ON CREATE SET x.reason = $reason`,
			map[string]any{"id": m.Old, "reason": m.Reason}); err != nil {
			return err
		}
	}
	// Every article that produced one of the split ids says again, from
	// its last extraction, which facts belong to which node.
	ids := append([]string{id}, rec.Absorbed...)
	arts, err := run(ctx, tx, `MATCH (a:Article)-[:MENTIONS]->(:Entity {id: $holder})
		OPTIONAL MATCH (x:Extraction {article: a.id})
		RETURN a.id AS id, a.text AS text, coalesce(x.json, '') AS json ORDER BY id`, p)
	if err != nil {
		return err
	}
	for _, a := range arts {
		x, ok, err := kg.SavedExtractionMentioning(recStr(a, "json"), recStr(a, "text"), ids)
		if err != nil {
			return fmt.Errorf("neo4j: split %s: article %s: %w", id, recStr(a, "id"), err)
		}
		if !ok {
			continue
		}
		// Saved again as a reload, without a new version.
		if err := saveRun(ctx, tx, []runItem{{x: x, res: &kg.SaveResult{}, reload: true}}); err != nil {
			return err
		}
	}
	if err := refreshEntities(ctx, tx, append([]string{holder}, ids...)); err != nil {
		return err
	}
	if _, err := run(ctx, tx, `MATCH (m:MergeRecord {seq: $seq}) SET m.splitAt = $at`,
		map[string]any{"seq": seq, "at": timestamp(time.Now())}); err != nil {
		return err
	}
	_, err = appendAudit(ctx, tx, kg.AuditSplit, c, []string{id, holder}, map[string]any{"from": holder, "merge": seq})
	return err
}

func nonNilStrs(l []string) []string {
	if l == nil {
		return []string{}
	}
	return l
}

// AuditLog pages through the audit log, newest first, by sequence number
// (stable while new entries arrive).
func (s *Store) AuditLog(ctx context.Context, f kg.AuditFilter) (*kg.AuditPage, error) {
	q, err := f.Query()
	if err != nil {
		return nil, err
	}
	return readTx(ctx, s, "audit log", func(tx runner) (*kg.AuditPage, error) {
		p := map[string]any{"subject": q.Subject, "after": q.Before, "n": int64(q.Size + 1)}
		const match = `MATCH (a:Audit) WHERE ($subject = '' OR $subject IN a.subjects)`
		recs, err := run(ctx, tx, match+` RETURN count(a) AS n`, p)
		if err != nil {
			return nil, err
		}
		page := &kg.AuditPage{Entries: []*kg.AuditEntry{}}
		if len(recs) == 1 {
			page.Total = recInt(recs[0], "n")
		}
		recs, err = run(ctx, tx, match+` AND ($after = 0 OR a.seq < $after) RETURN a ORDER BY a.seq DESC LIMIT $n`, p)
		if err != nil {
			return nil, err
		}
		for _, rec := range recs {
			props, err := recProps(rec, "a")
			if err != nil {
				return nil, err
			}
			e := &kg.AuditEntry{Seq: int64(pInt(props, "seq")), At: parseTime(pStr(props, "at")), Action: pStr(props, "action"),
				Actor: pStr(props, "actor"), Reason: pStr(props, "reason"), Subjects: pStrs(props, "subjects")}
			if err := json.Unmarshal([]byte(pStr(props, "details")), &e.Details); err != nil {
				return nil, fmt.Errorf("neo4j: audit entry %d: %w", e.Seq, err)
			}
			page.Entries = append(page.Entries, e)
		}
		page.Finish(q.Size)
		return page, nil
	})
}

// RecordMergeCandidates records pairs for review (see kg.Store).
func (s *Store) RecordMergeCandidates(ctx context.Context, cs []kg.MergeCandidate) error {
	if err := kg.ValidateCandidates(cs); err != nil {
		return err
	}
	_, err := writeTx(ctx, s, "record merge candidates", func(tx neo4j.ManagedTransaction) (struct{}, error) {
		var all []string
		for _, c := range cs {
			all = append(all, c.Keep, c.Drop)
		}
		red, err := resolve(ctx, tx, all)
		if err != nil {
			return struct{}{}, err
		}
		resolved := make([]string, 0, len(all))
		for _, id := range all {
			resolved = append(resolved, red[id])
		}
		ents, err := entityStates(ctx, tx, resolved)
		if err != nil {
			return struct{}{}, err
		}
		now := timestamp(time.Now())
		var rows []any
		for _, c := range cs {
			k, d := red[c.Keep], red[c.Drop]
			if k == d {
				continue
			}
			if ke, de := ents[k], ents[d]; ke != nil && de != nil && !kg.CompatibleTypes(ke.Type, de.Type) {
				continue
			}
			ev, err := c.EvidenceJSON()
			if err != nil {
				return struct{}{}, err
			}
			rows = append(rows, map[string]any{"id": kg.CandidateID(c.Keep, c.Drop), "keep": c.Keep, "drop": c.Drop,
				"score": c.Score, "evidence": ev})
		}
		if len(rows) == 0 {
			return struct{}{}, nil
		}
		_, err = run(ctx, tx, `UNWIND $rows AS row
			MERGE (m:MergeCandidate {id: row.id})
			ON CREATE SET m.status = 'pending', m.createdAt = $now, m.decidedAt = ''
			WITH m, row WHERE m.status = 'pending'
			SET m.keep = row.keep, m.drop = row.drop, m.score = row.score, m.evidence = row.evidence`,
			map[string]any{"rows": rows, "now": now})
		return struct{}{}, err
	})
	return err
}

// MergeCandidates lists candidates by descending score, then id.
func (s *Store) MergeCandidates(ctx context.Context, f kg.CandidateFilter) (*kg.CandidatePage, error) {
	q, err := f.Query()
	if err != nil {
		return nil, err
	}
	return readTx(ctx, s, "merge candidates", func(tx runner) (*kg.CandidatePage, error) {
		var ids []string
		if q.EntityID != "" {
			red, err := resolve(ctx, tx, []string{q.EntityID})
			if err != nil {
				return nil, err
			}
			// Ids that resolve to the entity: itself and those merged into it.
			ids, err = strings1(ctx, tx, `MATCH (r:Redirect {to: $id}) RETURN r.id AS v`, map[string]any{"id": red[q.EntityID]})
			if err != nil {
				return nil, err
			}
			ids = append(ids, red[q.EntityID])
		}
		p := map[string]any{"status": string(q.Status), "all": q.EntityID == "", "ids": anyStrings(nonNilStrs(ids)),
			"after": q.After, "score": q.Score, "cid": q.ID, "n": int64(q.Size + 1)}
		const match = `MATCH (m:MergeCandidate {status: $status}) WHERE ($all OR m.keep IN $ids OR m.drop IN $ids)`
		recs, err := run(ctx, tx, match+` RETURN count(m) AS n`, p)
		if err != nil {
			return nil, err
		}
		page := &kg.CandidatePage{Candidates: []*kg.MergeCandidate{}}
		if len(recs) == 1 {
			page.Total = recInt(recs[0], "n")
		}
		recs, err = run(ctx, tx, match+` AND (NOT $after OR m.score < $score OR (m.score = $score AND m.id > $cid))
			RETURN m ORDER BY m.score DESC, m.id LIMIT $n`, p)
		if err != nil {
			return nil, err
		}
		for _, rec := range recs {
			c, err := candidateFrom(rec)
			if err != nil {
				return nil, err
			}
			page.Candidates = append(page.Candidates, c)
		}
		page.Finish(q.Size)
		return page, nil
	})
}

func candidateFrom(rec *neo4j.Record) (*kg.MergeCandidate, error) {
	p, err := recProps(rec, "m")
	if err != nil {
		return nil, err
	}
	c := &kg.MergeCandidate{ID: pStr(p, "id"), Keep: pStr(p, "keep"), Drop: pStr(p, "drop"), Score: pFloat(p, "score"),
		Status: kg.CandidateStatus(pStr(p, "status")), CreatedAt: parseTime(pStr(p, "createdAt")), DecidedAt: parseTime(pStr(p, "decidedAt"))}
	if err := json.Unmarshal([]byte(pStr(p, "evidence")), &c.Evidence); err != nil {
		return nil, fmt.Errorf("neo4j: merge candidate %s: %w", c.ID, err)
	}
	return c, nil
}

var errNoCandidate = errors.New("no such candidate")

// DecideMergeCandidate accepts (merging) or rejects a pending candidate.
func (s *Store) DecideMergeCandidate(ctx context.Context, id string, accept bool, cur kg.Curation) (*kg.MergeCandidate, error) {
	read := func(tx neo4j.ManagedTransaction) (*kg.MergeCandidate, error) {
		recs, err := run(ctx, tx, `MATCH (m:MergeCandidate {id: $id}) RETURN m`, map[string]any{"id": id})
		if err != nil {
			return nil, err
		}
		if len(recs) == 0 {
			return nil, errNoCandidate
		}
		return candidateFrom(recs[0])
	}
	c, err := writeTx(ctx, s, "decide merge candidate", func(tx neo4j.ManagedTransaction) (*kg.MergeCandidate, error) {
		c, err := read(tx)
		if errors.Is(err, errNoCandidate) {
			return nil, kg.Errorf(kg.ENotFound, "merge candidate %q not found", id)
		}
		if err != nil {
			return nil, err
		}
		status, action, err := c.Decide(accept)
		if err != nil {
			return nil, err
		}
		if accept {
			if _, err := mergeTx(ctx, tx, c.Keep, c.Drop, kg.Merge{Curation: cur, Method: kg.MergeManual, Score: c.Score,
				Evidence: c.Evidence}, map[string]any{"candidate": id}); err != nil {
				return nil, err
			}
		}
		if _, err := run(ctx, tx, `MATCH (m:MergeCandidate {id: $id}) SET m.status = $status, m.decidedAt = $at`,
			map[string]any{"id": id, "status": string(status), "at": timestamp(time.Now())}); err != nil {
			return nil, err
		}
		if _, err := appendAudit(ctx, tx, action, cur, []string{id, c.Keep, c.Drop}, map[string]any{"score": c.Score}); err != nil {
			return nil, err
		}
		return read(tx)
	})
	if err != nil {
		return nil, err
	}
	return c, nil
}

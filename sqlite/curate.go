package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
	"time"

	"github.com/newsgraph/newsgraph/kg"
)

// entityExists reports whether an entity row with id exists.
func entityExists(ctx context.Context, q querier, id string) (bool, error) {
	var n int
	if err := q.QueryRowContext(ctx, `SELECT count(*) FROM entities WHERE id = ?`, id).Scan(&n); err != nil {
		return false, fmt.Errorf("sqlite: %w", err)
	}
	return n > 0, nil
}

// MergeEntities folds drop into keep (see kg.Store). keep is pinned (no
// reload deletes it) and drop's names stay on it as aliases; what a split
// needs is recorded beside the audit entry.
func (s *Store) MergeEntities(ctx context.Context, keepID, dropID string, m kg.Merge) (*kg.Entity, error) {
	var keep string
	err := s.writeTx(ctx, func(tx *sql.Tx) ([]string, error) {
		var err error
		var touched []string
		keep, touched, err = mergeTx(ctx, tx, keepID, dropID, m, nil)
		return touched, err
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

// entityKind reads an entity's type; ok is false when it does not exist.
func entityKind(ctx context.Context, q querier, id string) (kg.EntityType, bool, error) {
	var t string
	err := q.QueryRowContext(ctx, `SELECT type FROM entities WHERE id = ?`, id).Scan(&t)
	if errors.Is(err, sql.ErrNoRows) {
		return "", false, nil
	}
	if err != nil {
		return "", false, fmt.Errorf("sqlite: %w", err)
	}
	return kg.EntityType(t), true, nil
}

// entityState reads what a merge keeps of an entity to undo it, and its
// type; nil when it does not exist.
func entityState(ctx context.Context, q querier, id string) (*kg.DroppedEntity, error) {
	d := &kg.DroppedEntity{}
	err := q.QueryRowContext(ctx, `SELECT type, subtype, name, curated FROM entities WHERE id = ?`, id).
		Scan(&d.Type, &d.Subtype, &d.Name, &d.Curated)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("sqlite: entity %s: %w", id, err)
	}
	if d.CuratedAliases, err = column(ctx, q, `SELECT alias FROM entity_aliases WHERE entity_id = ? AND article_id = '' ORDER BY alias`, id); err != nil {
		return nil, err
	}
	return d, nil
}

// mergeTx checks and performs one merge inside tx and records it; extra
// details go into its audit entry. It returns the kept id and the
// entities touched.
func mergeTx(ctx context.Context, tx *sql.Tx, keepID, dropID string, m kg.Merge, extra map[string]any) (string, []string, error) {
	var err error
	if m.Method, err = kg.CheckMergeMethod(m.Method); err != nil {
		return "", nil, err
	}
	red, err := resolve(ctx, tx, []string{keepID, dropID})
	if err != nil {
		return "", nil, err
	}
	keep, drop := red[keepID], red[dropID]
	k, err := entityState(ctx, tx, keep)
	if err != nil {
		return "", nil, err
	}
	if k == nil {
		return "", nil, kg.Errorf(kg.ENotFound, "entity %q not found", keepID)
	}
	if err := kg.SameEntityError(keepID, dropID, keep, drop); err != nil {
		return "", nil, err
	}
	d, err := entityState(ctx, tx, drop)
	if err != nil {
		return "", nil, err
	}
	if d == nil && (m.Method != kg.MergeAuto || drop != dropID) {
		return "", nil, kg.Errorf(kg.ENotFound, "entity %q not found", dropID)
	}
	if d != nil && !kg.CompatibleTypes(k.Type, d.Type) {
		return "", nil, kg.IncompatibleTypesError(keep, k.Type, drop, d.Type)
	}

	rec := kg.MergeUndo{Absorbed: []string{}, Retractions: []kg.RetractionMove{}, AddedAliases: []string{}}
	if rec.Absorbed, err = column(ctx, tx, `SELECT from_id FROM redirects WHERE to_id = ?`, drop); err != nil {
		return "", nil, err
	}
	if d != nil {
		for _, al := range append([]string{d.Name}, d.CuratedAliases...) {
			if !slices.Contains(k.CuratedAliases, al) && !slices.Contains(rec.AddedAliases, al) {
				rec.AddedAliases = append(rec.AddedAliases, al)
			}
		}
		rec.Drop = d
		if rec.Retractions, err = merge(ctx, tx, keep, drop); err != nil {
			return "", nil, err
		}
	} else {
		// A bare join: later saves that produce drop write to keep.
		if _, err := tx.ExecContext(ctx, `INSERT OR REPLACE INTO redirects (from_id, to_id) VALUES (?, ?)`, drop, keep); err != nil {
			return "", nil, fmt.Errorf("sqlite: merge: %w", err)
		}
	}
	if m.Name != "" {
		// A fuller name for keep, unless a curator named it.
		var name string
		var curated bool
		if err := tx.QueryRowContext(ctx, `SELECT name, curated FROM entities WHERE id = ?`, keep).Scan(&name, &curated); err != nil {
			return "", nil, fmt.Errorf("sqlite: merge: %w", err)
		}
		if !curated && name != m.Name {
			if _, err := tx.ExecContext(ctx, `UPDATE entities SET name = ? WHERE id = ?`, m.Name, keep); err != nil {
				return "", nil, fmt.Errorf("sqlite: merge: %w", err)
			}
			rec.RenamedFrom, rec.RenamedTo = name, m.Name
		}
	}
	details := map[string]any{"keep": keep, "drop": drop, "method": string(m.Method), "score": m.Score, "evidence": m.Evidence}
	if rec.RenamedTo != "" {
		details["renamed"] = map[string]any{"from": rec.RenamedFrom, "to": rec.RenamedTo}
	}
	maps.Copy(details, extra)
	seq, err := appendAudit(ctx, tx, kg.AuditMerge, m.Curation, []string{keep, drop}, details)
	if err != nil {
		return "", nil, err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO merges (seq, keep_id, drop_id, drop_entity, absorbed, retractions, added_aliases, renamed_from, renamed_to)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, seq, keep, drop, mustJSON(rec.Drop), mustJSON(nonNilStrings(rec.Absorbed)),
		mustJSON(rec.Retractions), mustJSON(rec.AddedAliases), rec.RenamedFrom, rec.RenamedTo); err != nil {
		return "", nil, fmt.Errorf("sqlite: merge: %w", err)
	}
	return keep, []string{keep, drop}, nil
}

func mustJSON(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err) // only plain data is marshaled here
	}
	return string(b)
}

func nonNilStrings(l []string) []string {
	if l == nil {
		return []string{}
	}
	return l
}

// appendAudit records one curation and returns its sequence number.
func appendAudit(ctx context.Context, tx *sql.Tx, action string, c kg.Curation, subjects []string, details map[string]any) (int64, error) {
	if details == nil {
		details = map[string]any{}
	}
	det, err := json.Marshal(details)
	if err != nil {
		return 0, kg.Errorf(kg.EInvalid, "audit details are not JSON: %v", err)
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO audit_log (at, action, actor, reason, subjects, details) VALUES (?, ?, ?, ?, ?, ?)`,
		timestamp(time.Now()), action, c.Actor, c.Reason, mustJSON(nonNilStrings(subjects)), string(det))
	if err != nil {
		return 0, fmt.Errorf("sqlite: audit: %w", err)
	}
	return res.LastInsertId()
}

// merge moves drop's facts to keep and returns the retractions it moved.
func merge(ctx context.Context, tx *sql.Tx, keep, drop string) ([]kg.RetractionMove, error) {
	moves := []kg.RetractionMove{}
	wrap := func(err error) error { return fmt.Errorf("sqlite: merge %s into %s: %w", drop, keep, err) }
	exec := func(q string, args ...any) error {
		if _, err := tx.ExecContext(ctx, q, args...); err != nil {
			return wrap(err)
		}
		return nil
	}
	// Names: drop's name becomes a curated alias of keep; its article
	// contributions move with their articles so reloads stay exact.
	if err := exec(`INSERT OR IGNORE INTO entity_aliases (entity_id, alias, article_id)
		SELECT ?, name, '' FROM entities WHERE id = ?`, keep, drop); err != nil {
		return nil, err
	}
	if err := exec(`INSERT OR IGNORE INTO entity_aliases (entity_id, alias, article_id)
		SELECT ?, alias, article_id FROM entity_aliases WHERE entity_id = ?`, keep, drop); err != nil {
		return nil, err
	}
	// Mentions: merge span lists where both are mentioned in one article.
	if err := exec(`UPDATE entity_articles SET mentions = json((SELECT json_group_array(json(value)) FROM (
			SELECT value FROM json_each(entity_articles.mentions)
			UNION ALL
			SELECT value FROM json_each((SELECT d.mentions FROM entity_articles d WHERE d.entity_id = ? AND d.article_id = entity_articles.article_id)))))
		WHERE entity_id = ? AND article_id IN (SELECT article_id FROM entity_articles WHERE entity_id = ?)`, drop, keep, drop); err != nil {
		return nil, err
	}
	if err := exec(`INSERT OR IGNORE INTO entity_articles (entity_id, article_id, mentions)
		SELECT ?, article_id, mentions FROM entity_articles WHERE entity_id = ?`, keep, drop); err != nil {
		return nil, err
	}

	// Relations: re-key each of drop's relations to its new ends, folding
	// into an existing relation with the same id. All of them move in one
	// statement per table: a statement per relation and table made folding
	// a node of a hundred relations cost a quarter of a second, a sixth of
	// a 10,000-article load.
	rows, err := tx.QueryContext(ctx, `SELECT id, type, source, target FROM relations WHERE source = ? OR target = ?`, drop, drop)
	if err != nil {
		return nil, wrap(err)
	}
	type rel struct{ id, typ, src, tgt string }
	var rels []rel
	for rows.Next() {
		var r rel
		if err := rows.Scan(&r.id, &r.typ, &r.src, &r.tgt); err != nil {
			rows.Close()
			return nil, wrap(err)
		}
		rels = append(rels, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, wrap(err)
	}
	// moved are [old id, new id, type, source, target] of drop's
	// relations; a self-loop, which says nothing and goes with its
	// retraction, has no new id.
	var moved [][5]string
	asked := make([]string, 0, 2*len(rels))
	for _, r := range rels {
		src, tgt := r.src, r.tgt
		if src == drop {
			src = keep
		}
		if tgt == drop {
			tgt = keep
		}
		asked = append(asked, r.id)
		if src == tgt {
			moved = append(moved, [5]string{r.id})
			continue
		}
		t := kg.RelationType(r.typ)
		nid := kg.RelationID(t, src, tgt)
		if t.Symmetric() && tgt < src {
			src, tgt = tgt, src
		}
		moved = append(moved, [5]string{r.id, nid, r.typ, src, tgt})
		asked = append(asked, nid)
	}
	// The retractions of both ends, read before any moves: no two of
	// drop's relations take one new id, so none is moved onto another's.
	reasons := map[string]string{}
	if err := eachChunk(uniq(asked), func(args []any) error {
		rows, err := tx.QueryContext(ctx, `SELECT relation_id, reason FROM retractions WHERE relation_id IN (`+placeholders(len(args))+`)`, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var id, r string
			if err := rows.Scan(&id, &r); err != nil {
				return err
			}
			reasons[id] = r
		}
		return rows.Err()
	}); err != nil {
		return nil, wrap(err)
	}
	var touched []string
	var move [][5]string
	for _, m := range moved {
		reason, had := reasons[m[0]]
		if m[1] == "" {
			if had {
				moves = append(moves, kg.RetractionMove{Old: m[0], Reason: reason})
			}
			continue
		}
		if had && m[1] != m[0] {
			_, newHad := reasons[m[1]]
			moves = append(moves, kg.RetractionMove{Old: m[0], New: m[1], Reason: reason, NewHad: newHad})
		}
		move = append(move, m)
		touched = append(touched, m[1])
	}
	if len(move) > 0 {
		// Term j of ?1 is [old, new, type, source, target].
		js, err := json.Marshal(move)
		if err != nil {
			return nil, wrap(err)
		}
		const m = `json_each(?1) m`
		const old, nw = `json_extract(m.value, '$[0]')`, `json_extract(m.value, '$[1]')`
		for _, q := range []string{
			`INSERT OR IGNORE INTO relations (id, type, source, target, confidence)
				SELECT ` + nw + `, json_extract(m.value, '$[2]'), json_extract(m.value, '$[3]'), json_extract(m.value, '$[4]'), 0 FROM ` + m,
			`INSERT INTO relation_articles (relation_id, article_id, confidence)
				SELECT ` + nw + `, ra.article_id, ra.confidence FROM ` + m + ` JOIN relation_articles ra ON ra.relation_id = ` + old + ` WHERE true
				ON CONFLICT (relation_id, article_id) DO UPDATE SET confidence = max(confidence, excluded.confidence)`,
			`INSERT OR IGNORE INTO relation_props (relation_id, article_id, key, value)
				SELECT ` + nw + `, p.article_id, p.key, p.value FROM ` + m + ` JOIN relation_props p ON p.relation_id = ` + old,
			`INSERT OR IGNORE INTO evidence (relation_id, article_id, start, end, extractor, text, confidence)
				SELECT ` + nw + `, e.article_id, e.start, e.end, e.extractor, e.text, e.confidence FROM ` + m + ` JOIN evidence e ON e.relation_id = ` + old,
			`INSERT OR IGNORE INTO retractions (relation_id, reason)
				SELECT ` + nw + `, rt.reason FROM ` + m + ` JOIN retractions rt ON rt.relation_id = ` + old,
		} {
			if err := exec(q, string(js)); err != nil {
				return nil, err
			}
		}
	}
	olds := make([]string, 0, len(rels))
	for _, r := range rels {
		olds = append(olds, r.id)
	}
	if err := eachChunk(olds, func(args []any) error {
		if err := exec(`DELETE FROM relations WHERE id IN (`+placeholders(len(args))+`)`, args...); err != nil {
			return err
		}
		return exec(`DELETE FROM retractions WHERE relation_id IN (`+placeholders(len(args))+`)`, args...)
	}); err != nil {
		return nil, err
	}
	if err := refreshConfidence(ctx, tx, touched); err != nil {
		return nil, err
	}

	// Events and quotes point at keep from now on.
	for _, q := range []string{
		`UPDATE event_participants SET entity_id = ?1 WHERE entity_id = ?2`,
		`DELETE FROM event_participants WHERE entity_id = ?1 AND EXISTS (SELECT 1 FROM event_participants p
			WHERE p.event_id = event_participants.event_id AND p.entity_id = ?1 AND p.role = event_participants.role
			AND p.ord < event_participants.ord)`,
		`UPDATE events SET place = ?1 WHERE place = ?2`,
		`UPDATE quotes SET speaker = ?1 WHERE speaker = ?2`,
		`UPDATE redirects SET to_id = ?1 WHERE to_id = ?2`,
		`INSERT OR REPLACE INTO redirects (from_id, to_id) VALUES (?2, ?1)`,
		`UPDATE entities SET curated = 1 WHERE id = ?1`,
		`DELETE FROM entities WHERE id = ?2`,
	} {
		if err := exec(q, keep, drop); err != nil {
			return nil, err
		}
	}
	return moves, nil
}

// RetractRelation marks a relation retracted; the mark is kept by id, so a
// reload that rewrites the relation does not revive it.
func (s *Store) RetractRelation(ctx context.Context, id string, c kg.Curation) (*kg.Relation, error) {
	err := s.writeTx(ctx, func(tx *sql.Tx) ([]string, error) {
		if err := relationExists(ctx, tx, id); err != nil {
			return nil, err
		}
		var reason string
		err := tx.QueryRowContext(ctx, `SELECT reason FROM retractions WHERE relation_id = ?`, id).Scan(&reason)
		if err == nil {
			// When and by whom come from the newest retraction recorded
			// about id; one moved here by a merge has none.
			var at, actor string
			err := tx.QueryRowContext(ctx, `SELECT at, actor FROM audit_log WHERE action = ?
				AND EXISTS (SELECT 1 FROM json_each(audit_log.subjects) WHERE value = ?) ORDER BY seq DESC LIMIT 1`,
				kg.AuditRetract, id).Scan(&at, &actor)
			if err != nil && !errors.Is(err, sql.ErrNoRows) {
				return nil, fmt.Errorf("sqlite: retract %s: %w", id, err)
			}
			return nil, kg.AlreadyRetractedError(id, parseTime(at), actor, reason)
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return nil, fmt.Errorf("sqlite: retract %s: %w", id, err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO retractions (relation_id, reason) VALUES (?, ?)`, id, c.Reason); err != nil {
			return nil, fmt.Errorf("sqlite: retract %s: %w", id, err)
		}
		_, err = appendAudit(ctx, tx, kg.AuditRetract, c, []string{id}, nil)
		return nil, err
	})
	if err != nil {
		return nil, err
	}
	return s.relation(ctx, id)
}

// UnretractRelation removes a relation's retraction.
func (s *Store) UnretractRelation(ctx context.Context, id string, c kg.Curation) (*kg.Relation, error) {
	err := s.writeTx(ctx, func(tx *sql.Tx) ([]string, error) {
		if err := relationExists(ctx, tx, id); err != nil {
			return nil, err
		}
		var reason string
		err := tx.QueryRowContext(ctx, `SELECT reason FROM retractions WHERE relation_id = ?`, id).Scan(&reason)
		if errors.Is(err, sql.ErrNoRows) {
			return nil, kg.Errorf(kg.EInvalid, "relation %q is not retracted", id)
		}
		if err != nil {
			return nil, fmt.Errorf("sqlite: unretract %s: %w", id, err)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM retractions WHERE relation_id = ?`, id); err != nil {
			return nil, fmt.Errorf("sqlite: unretract %s: %w", id, err)
		}
		_, err = appendAudit(ctx, tx, kg.AuditUnretract, c, []string{id}, map[string]any{"retractReason": reason})
		return nil, err
	})
	if err != nil {
		return nil, err
	}
	return s.relation(ctx, id)
}

func relationExists(ctx context.Context, tx *sql.Tx, id string) error {
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM relations WHERE id = ?`, id).Scan(&n); err != nil {
		return fmt.Errorf("sqlite: relation %s: %w", id, err)
	}
	if n == 0 {
		return kg.Errorf(kg.ENotFound, "relation %q not found", id)
	}
	return nil
}

func (s *Store) relation(ctx context.Context, id string) (*kg.Relation, error) {
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
	// Names that fold alike (case, accents, punctuation) are one name to
	// search; the index says which entities hold one, the write checks
	// they still exist.
	var sameFold []string
	if u.Name != nil {
		idx, err := s.index(ctx)
		if err != nil {
			return nil, err
		}
		sameFold = idx.withFoldedName(kg.FoldName(*u.Name))
	}
	err := s.writeTx(ctx, func(tx *sql.Tx) ([]string, error) {
		rid, err := resolveID(ctx, tx, id)
		if err != nil {
			return nil, err
		}
		var name, typ, sub string
		err = tx.QueryRowContext(ctx, `SELECT name, type, subtype FROM entities WHERE id = ?`, rid).Scan(&name, &typ, &sub)
		if errors.Is(err, sql.ErrNoRows) {
			return nil, kg.Errorf(kg.ENotFound, "entity %q not found", id)
		}
		if err != nil {
			return nil, fmt.Errorf("sqlite: update %s: %w", rid, err)
		}
		newName, newType, newSub, err := u.Apply(name, kg.EntityType(typ), sub)
		if err != nil {
			return nil, err
		}
		if newName != name {
			var other string
			err := tx.QueryRowContext(ctx, `SELECT id FROM entities WHERE (name = ? OR id IN (SELECT value FROM json_each(?))) AND id <> ?
				ORDER BY id LIMIT 1`, newName, mustJSON(nonNilStrings(sameFold)), rid).Scan(&other)
			if err == nil {
				return nil, kg.NameTakenError(newName, other)
			}
			if !errors.Is(err, sql.ErrNoRows) {
				return nil, fmt.Errorf("sqlite: update %s: %w", rid, err)
			}
			if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO entity_aliases (entity_id, alias, article_id) VALUES (?, ?, '')`, rid, name); err != nil {
				return nil, fmt.Errorf("sqlite: update %s: %w", rid, err)
			}
		}
		if _, err := tx.ExecContext(ctx, `UPDATE entities SET name = ?, type = ?, subtype = ?, curated = 1 WHERE id = ?`,
			newName, string(newType), newSub, rid); err != nil {
			return nil, fmt.Errorf("sqlite: update %s: %w", rid, err)
		}
		_, err = appendAudit(ctx, tx, kg.AuditUpdate, c, []string{rid}, map[string]any{
			"before": map[string]any{"name": name, "type": typ, "subtype": sub},
			"after":  map[string]any{"name": newName, "type": string(newType), "subtype": newSub},
		})
		return []string{rid}, err
	})
	if err != nil {
		return nil, err
	}
	return s.entity(ctx, id)
}

// SplitEntity undoes the merge of id (see kg.Store).
func (s *Store) SplitEntity(ctx context.Context, id string, c kg.Curation) (*kg.Entity, error) {
	err := s.writeTx(ctx, func(tx *sql.Tx) ([]string, error) {
		var holder string
		err := tx.QueryRowContext(ctx, `SELECT to_id FROM redirects WHERE from_id = ?`, id).Scan(&holder)
		if errors.Is(err, sql.ErrNoRows) {
			if ok, err := entityExists(ctx, tx, id); err != nil || !ok {
				return nil, cmpErr(err, kg.Errorf(kg.ENotFound, "entity %q not found", id))
			}
			return nil, kg.Errorf(kg.EInvalid, "entity %q is not merged into another entity: there is nothing to split", id)
		}
		if err != nil {
			return nil, fmt.Errorf("sqlite: split %s: %w", id, err)
		}
		var seq int64
		var dropJSON, absJSON, retJSON, addJSON string
		var rec kg.MergeUndo
		err = tx.QueryRowContext(ctx, `SELECT seq, drop_entity, absorbed, retractions, added_aliases, renamed_from, renamed_to FROM merges
			WHERE drop_id = ? AND split_at = '' ORDER BY seq DESC LIMIT 1`, id).Scan(&seq, &dropJSON, &absJSON, &retJSON, &addJSON,
			&rec.RenamedFrom, &rec.RenamedTo)
		if errors.Is(err, sql.ErrNoRows) {
			return nil, kg.Errorf(kg.EInvalid, "entity %q was merged before merges were recorded for undo: it cannot be split", id)
		}
		if err != nil {
			return nil, fmt.Errorf("sqlite: split %s: %w", id, err)
		}
		if err := errors.Join(json.Unmarshal([]byte(dropJSON), &rec.Drop), json.Unmarshal([]byte(absJSON), &rec.Absorbed),
			json.Unmarshal([]byte(retJSON), &rec.Retractions), json.Unmarshal([]byte(addJSON), &rec.AddedAliases)); err != nil {
			return nil, fmt.Errorf("sqlite: split %s: merge record: %w", id, err)
		}
		exec := func(q string, args ...any) error {
			if _, err := tx.ExecContext(ctx, q, args...); err != nil {
				return fmt.Errorf("sqlite: split %s: %w", id, err)
			}
			return nil
		}
		// The ids merged into id before follow it again.
		if err := exec(`DELETE FROM redirects WHERE from_id = ?`, id); err != nil {
			return nil, err
		}
		for _, a := range rec.Absorbed {
			if err := exec(`UPDATE redirects SET to_id = ? WHERE from_id = ? AND to_id = ?`, id, a, holder); err != nil {
				return nil, err
			}
		}
		if d := rec.Drop; d != nil {
			if err := exec(`INSERT OR IGNORE INTO entities (id, type, subtype, name, curated) VALUES (?, ?, ?, ?, ?)`,
				id, d.Type, d.Subtype, d.Name, d.Curated); err != nil {
				return nil, err
			}
			for _, al := range d.CuratedAliases {
				if err := exec(`INSERT OR IGNORE INTO entity_aliases (entity_id, alias, article_id) VALUES (?, ?, '')`, id, al); err != nil {
					return nil, err
				}
			}
		}
		for _, al := range rec.AddedAliases {
			if err := exec(`DELETE FROM entity_aliases WHERE entity_id = ? AND alias = ? AND article_id = ''`, holder, al); err != nil {
				return nil, err
			}
		}
		// The name the merge gave the holder goes back, unless it was
		// renamed since.
		if rec.RenamedTo != "" {
			if err := exec(`UPDATE entities SET name = ? WHERE id = ? AND name = ? AND NOT curated`, rec.RenamedFrom, holder, rec.RenamedTo); err != nil {
				return nil, err
			}
		}
		for _, m := range rec.Retractions {
			if m.New != "" && !m.NewHad {
				if err := exec(`DELETE FROM retractions WHERE relation_id = ?`, m.New); err != nil {
					return nil, err
				}
			}
			if err := exec(`INSERT OR IGNORE INTO retractions (relation_id, reason) VALUES (?, ?)`, m.Old, m.Reason); err != nil {
				return nil, err
			}
		}
		// Every article that produced one of the split ids says again, from
		// its last extraction, which facts belong to which node.
		ids := append([]string{id}, rec.Absorbed...)
		touched := append([]string{holder}, ids...)
		arts, err := column(ctx, tx, `SELECT article_id FROM entity_articles WHERE entity_id = ? ORDER BY article_id`, holder)
		if err != nil {
			return nil, err
		}
		for _, aid := range arts {
			var raw, text string
			if err := tx.QueryRowContext(ctx, `SELECT extraction, text FROM articles WHERE id = ?`, aid).Scan(&raw, &text); err != nil {
				return nil, fmt.Errorf("sqlite: split %s: %w", id, err)
			}
			x, ok, err := kg.SavedExtractionMentioning(raw, text, ids)
			if err != nil {
				return nil, fmt.Errorf("sqlite: split %s: article %s: %w", id, aid, err)
			}
			if !ok {
				continue
			}
			_, t, _, err := save(ctx, newSaveTx(tx), x, false)
			if err != nil {
				return nil, err
			}
			touched = append(touched, t...)
		}
		if err := exec(`UPDATE merges SET split_at = ? WHERE seq = ?`, timestamp(time.Now()), seq); err != nil {
			return nil, err
		}
		_, err = appendAudit(ctx, tx, kg.AuditSplit, c, []string{id, holder}, map[string]any{"from": holder, "merge": seq})
		return touched, err
	})
	if err != nil {
		return nil, err
	}
	return s.entity(ctx, id)
}

// cmpErr returns err when it is not nil, else alt.
func cmpErr(err, alt error) error {
	if err != nil {
		return err
	}
	return alt
}

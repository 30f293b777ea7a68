package sqlite

import (
	"context"
	"database/sql"
	"fmt"

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

// resolveOne resolves id through redirects and checks that it exists.
func resolveOne(ctx context.Context, q querier, id string) (string, error) {
	r, err := resolveID(ctx, q, id)
	if err != nil {
		return "", err
	}
	ok, err := entityExists(ctx, q, r)
	if err != nil {
		return "", err
	}
	if !ok {
		return "", kg.Errorf(kg.ENotFound, "entity %q not found", id)
	}
	return r, nil
}

// MergeEntities folds drop into keep. Both become curated state: keep is
// pinned (no reload deletes it) and drop's names stay on it as aliases.
func (s *Store) MergeEntities(ctx context.Context, keepID, dropID string) (*kg.Entity, error) {
	err := s.writeTx(ctx, func(tx *sql.Tx) ([]string, error) {
		keep, err := resolveOne(ctx, tx, keepID)
		if err != nil {
			return nil, err
		}
		drop, err := resolveOne(ctx, tx, dropID)
		if err != nil {
			return nil, err
		}
		if keep == drop {
			return nil, kg.Errorf(kg.EInvalid, "cannot merge entity %q into itself", keepID)
		}
		return []string{keep, drop}, merge(ctx, tx, keep, drop)
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

func merge(ctx context.Context, tx *sql.Tx, keep, drop string) error {
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
		return err
	}
	if err := exec(`INSERT OR IGNORE INTO entity_aliases (entity_id, alias, article_id)
		SELECT ?, alias, article_id FROM entity_aliases WHERE entity_id = ?`, keep, drop); err != nil {
		return err
	}
	// Mentions: merge span lists where both are mentioned in one article.
	if err := exec(`UPDATE entity_articles SET mentions = json((SELECT json_group_array(json(value)) FROM (
			SELECT value FROM json_each(entity_articles.mentions)
			UNION ALL
			SELECT value FROM json_each((SELECT d.mentions FROM entity_articles d WHERE d.entity_id = ? AND d.article_id = entity_articles.article_id)))))
		WHERE entity_id = ? AND article_id IN (SELECT article_id FROM entity_articles WHERE entity_id = ?)`, drop, keep, drop); err != nil {
		return err
	}
	if err := exec(`INSERT OR IGNORE INTO entity_articles (entity_id, article_id, mentions)
		SELECT ?, article_id, mentions FROM entity_articles WHERE entity_id = ?`, keep, drop); err != nil {
		return err
	}

	// Relations: re-key each of drop's relations to its new ends, folding
	// into an existing relation with the same id.
	rows, err := tx.QueryContext(ctx, `SELECT id, type, source, target FROM relations WHERE source = ? OR target = ?`, drop, drop)
	if err != nil {
		return wrap(err)
	}
	type rel struct{ id, typ, src, tgt string }
	var rels []rel
	for rows.Next() {
		var r rel
		if err := rows.Scan(&r.id, &r.typ, &r.src, &r.tgt); err != nil {
			rows.Close()
			return wrap(err)
		}
		rels = append(rels, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return wrap(err)
	}
	var touched []string
	for _, r := range rels {
		src, tgt := r.src, r.tgt
		if src == drop {
			src = keep
		}
		if tgt == drop {
			tgt = keep
		}
		if src == tgt {
			// A self-loop says nothing; its retraction, if any, goes too.
			if err := exec(`DELETE FROM relations WHERE id = ?`, r.id); err != nil {
				return err
			}
			if err := exec(`DELETE FROM retractions WHERE relation_id = ?`, r.id); err != nil {
				return err
			}
			continue
		}
		t := kg.RelationType(r.typ)
		nid := kg.RelationID(t, src, tgt)
		if t.Symmetric() && tgt < src {
			src, tgt = tgt, src
		}
		for _, q := range []string{
			`INSERT OR IGNORE INTO relations (id, type, source, target, confidence) VALUES (?2, ?3, ?4, ?5, 0)`,
			`INSERT INTO relation_articles (relation_id, article_id, confidence)
				SELECT ?2, article_id, confidence FROM relation_articles WHERE relation_id = ?1 AND true
				ON CONFLICT (relation_id, article_id) DO UPDATE SET confidence = max(confidence, excluded.confidence)`,
			`INSERT OR IGNORE INTO relation_props (relation_id, article_id, key, value)
				SELECT ?2, article_id, key, value FROM relation_props WHERE relation_id = ?1`,
			`INSERT OR IGNORE INTO evidence (relation_id, article_id, start, end, extractor, text, confidence)
				SELECT ?2, article_id, start, end, extractor, text, confidence FROM evidence WHERE relation_id = ?1`,
			`INSERT OR IGNORE INTO retractions (relation_id, reason)
				SELECT ?2, reason FROM retractions WHERE relation_id = ?1`,
			`DELETE FROM relations WHERE id = ?1`,
			`DELETE FROM retractions WHERE relation_id = ?1`,
		} {
			if err := exec(q, r.id, nid, r.typ, src, tgt); err != nil {
				return err
			}
		}
		touched = append(touched, nid)
	}
	if err := refreshConfidence(ctx, tx, touched); err != nil {
		return err
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
			return err
		}
	}
	return nil
}

// RetractRelation marks a relation retracted; the mark is kept by id, so a
// reload that rewrites the relation does not revive it.
func (s *Store) RetractRelation(ctx context.Context, id, reason string) (*kg.Relation, error) {
	err := s.writeTx(ctx, func(tx *sql.Tx) ([]string, error) {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM relations WHERE id = ?`, id).Scan(&n); err != nil {
			return nil, fmt.Errorf("sqlite: retract %s: %w", id, err)
		}
		if n == 0 {
			return nil, kg.Errorf(kg.ENotFound, "relation %q not found", id)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO retractions (relation_id, reason) VALUES (?, ?)
			ON CONFLICT (relation_id) DO UPDATE SET reason = excluded.reason`, id, reason); err != nil {
			return nil, fmt.Errorf("sqlite: retract %s: %w", id, err)
		}
		return nil, nil
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
	err := s.writeTx(ctx, func(tx *sql.Tx) ([]string, error) {
		rid, err := resolveOne(ctx, tx, id)
		if err != nil {
			return nil, err
		}
		var name, typ, sub string
		if err := tx.QueryRowContext(ctx, `SELECT name, type, subtype FROM entities WHERE id = ?`, rid).Scan(&name, &typ, &sub); err != nil {
			return nil, fmt.Errorf("sqlite: update %s: %w", rid, err)
		}
		newName, newType, newSub := name, kg.EntityType(typ), sub
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
			return nil, kg.Errorf(kg.EInvalid, "subtype %q is not allowed for %s", newSub, newType)
		}
		if newName != name {
			if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO entity_aliases (entity_id, alias, article_id) VALUES (?, ?, '')`, rid, name); err != nil {
				return nil, fmt.Errorf("sqlite: update %s: %w", rid, err)
			}
		}
		if _, err := tx.ExecContext(ctx, `UPDATE entities SET name = ?, type = ?, subtype = ?, curated = 1 WHERE id = ?`,
			newName, string(newType), newSub, rid); err != nil {
			return nil, fmt.Errorf("sqlite: update %s: %w", rid, err)
		}
		return []string{rid}, nil
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

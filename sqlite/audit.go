package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/newsgraph/newsgraph/kg"
)

// AuditLog pages through the audit log, newest first, by sequence number
// (stable while new entries arrive).
func (s *Store) AuditLog(ctx context.Context, f kg.AuditFilter) (*kg.AuditPage, error) {
	q, err := f.Query()
	if err != nil {
		return nil, err
	}
	const where = ` WHERE (?1 = '' OR EXISTS (SELECT 1 FROM json_each(audit_log.subjects) WHERE value = ?1))`
	p := &kg.AuditPage{Entries: []*kg.AuditEntry{}}
	if err := s.r.QueryRowContext(ctx, `SELECT count(*) FROM audit_log`+where, q.Subject).Scan(&p.Total); err != nil {
		return nil, fmt.Errorf("sqlite: audit log: %w", err)
	}
	rows, err := s.r.QueryContext(ctx, `SELECT seq, at, action, actor, reason, subjects, details FROM audit_log`+where+`
		AND (?2 = 0 OR seq < ?2) ORDER BY seq DESC LIMIT ?3`, q.Subject, q.Before, q.Size+1)
	if err != nil {
		return nil, fmt.Errorf("sqlite: audit log: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var e kg.AuditEntry
		var at, subj, det string
		if err := rows.Scan(&e.Seq, &at, &e.Action, &e.Actor, &e.Reason, &subj, &det); err != nil {
			return nil, fmt.Errorf("sqlite: audit log: %w", err)
		}
		e.At = parseTime(at)
		if err := errors.Join(json.Unmarshal([]byte(subj), &e.Subjects), json.Unmarshal([]byte(det), &e.Details)); err != nil {
			return nil, fmt.Errorf("sqlite: audit log entry %d: %w", e.Seq, err)
		}
		p.Entries = append(p.Entries, &e)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: audit log: %w", err)
	}
	p.Finish(q.Size)
	return p, nil
}

// RecordMergeCandidates records pairs for review (see kg.Store).
func (s *Store) RecordMergeCandidates(ctx context.Context, cs []kg.MergeCandidate) error {
	if err := kg.ValidateCandidates(cs); err != nil {
		return err
	}
	return s.writeTx(ctx, func(tx *sql.Tx) ([]string, error) {
		now := timestamp(time.Now())
		for _, c := range cs {
			red, err := resolve(ctx, tx, []string{c.Keep, c.Drop})
			if err != nil {
				return nil, err
			}
			if red[c.Keep] == red[c.Drop] {
				continue
			}
			kt, kok, err := entityKind(ctx, tx, red[c.Keep])
			if err != nil {
				return nil, err
			}
			dt, dok, err := entityKind(ctx, tx, red[c.Drop])
			if err != nil {
				return nil, err
			}
			if kok && dok && !kg.CompatibleTypes(kt, dt) {
				continue
			}
			ev, err := c.EvidenceJSON()
			if err != nil {
				return nil, err
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO merge_candidates (id, keep_id, drop_id, score, evidence, status, created_at)
				VALUES (?, ?, ?, ?, ?, 'pending', ?)
				ON CONFLICT (id) DO UPDATE SET keep_id = excluded.keep_id, drop_id = excluded.drop_id,
					score = excluded.score, evidence = excluded.evidence
				WHERE merge_candidates.status = 'pending'`,
				kg.CandidateID(c.Keep, c.Drop), c.Keep, c.Drop, c.Score, ev, now); err != nil {
				return nil, fmt.Errorf("sqlite: record merge candidates: %w", err)
			}
		}
		return nil, nil
	})
}

// MergeCandidates lists candidates by descending score, then id.
func (s *Store) MergeCandidates(ctx context.Context, f kg.CandidateFilter) (*kg.CandidatePage, error) {
	q, err := f.Query()
	if err != nil {
		return nil, err
	}
	where := ` WHERE status = ?1`
	args := []any{string(q.Status)}
	if q.EntityID != "" {
		red, err := resolve(ctx, s.r, []string{q.EntityID})
		if err != nil {
			return nil, err
		}
		// Ids that resolve to the entity: itself and those merged into it.
		where += ` AND (keep_id IN (SELECT ?2 UNION SELECT from_id FROM redirects WHERE to_id = ?2)
			OR drop_id IN (SELECT ?2 UNION SELECT from_id FROM redirects WHERE to_id = ?2))`
		args = append(args, red[q.EntityID])
	} else {
		where += ` AND ?2 = ''`
		args = append(args, "")
	}
	p := &kg.CandidatePage{Candidates: []*kg.MergeCandidate{}}
	if err := s.r.QueryRowContext(ctx, `SELECT count(*) FROM merge_candidates`+where, args...).Scan(&p.Total); err != nil {
		return nil, fmt.Errorf("sqlite: merge candidates: %w", err)
	}
	sel := `SELECT id, keep_id, drop_id, score, evidence, status, created_at, decided_at FROM merge_candidates` + where
	if q.After {
		sel += ` AND (score < ?3 OR (score = ?3 AND id > ?4))`
	} else {
		sel += ` AND ?3 = 0 AND ?4 = ''`
	}
	rows, err := s.r.QueryContext(ctx, sel+` ORDER BY score DESC, id LIMIT ?5`, append(args, q.Score, q.ID, q.Size+1)...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: merge candidates: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		c, err := scanCandidate(rows)
		if err != nil {
			return nil, err
		}
		p.Candidates = append(p.Candidates, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: merge candidates: %w", err)
	}
	p.Finish(q.Size)
	return p, nil
}

func scanCandidate(row interface{ Scan(...any) error }) (*kg.MergeCandidate, error) {
	var c kg.MergeCandidate
	var ev, status, created, decided string
	if err := row.Scan(&c.ID, &c.Keep, &c.Drop, &c.Score, &ev, &status, &created, &decided); err != nil {
		return nil, err
	}
	c.Status = kg.CandidateStatus(status)
	c.CreatedAt, c.DecidedAt = parseTime(created), parseTime(decided)
	if err := json.Unmarshal([]byte(ev), &c.Evidence); err != nil {
		return nil, fmt.Errorf("sqlite: merge candidate %s: %w", c.ID, err)
	}
	return &c, nil
}

// DecideMergeCandidate accepts (merging) or rejects a pending candidate.
func (s *Store) DecideMergeCandidate(ctx context.Context, id string, accept bool, cur kg.Curation) (*kg.MergeCandidate, error) {
	err := s.writeTx(ctx, func(tx *sql.Tx) ([]string, error) {
		c, err := scanCandidate(tx.QueryRowContext(ctx, `SELECT id, keep_id, drop_id, score, evidence, status, created_at, decided_at
			FROM merge_candidates WHERE id = ?`, id))
		if errors.Is(err, sql.ErrNoRows) {
			return nil, kg.Errorf(kg.ENotFound, "merge candidate %q not found", id)
		}
		if err != nil {
			return nil, fmt.Errorf("sqlite: merge candidate %s: %w", id, err)
		}
		status, action, err := c.Decide(accept)
		if err != nil {
			return nil, err
		}
		var touched []string
		if accept {
			_, touched, err = mergeTx(ctx, tx, c.Keep, c.Drop, kg.Merge{Curation: cur, Method: kg.MergeManual, Score: c.Score,
				Evidence: c.Evidence}, map[string]any{"candidate": id})
			if err != nil {
				return nil, err
			}
		}
		if _, err := tx.ExecContext(ctx, `UPDATE merge_candidates SET status = ?, decided_at = ? WHERE id = ?`,
			string(status), timestamp(time.Now()), id); err != nil {
			return nil, fmt.Errorf("sqlite: merge candidate %s: %w", id, err)
		}
		_, err = appendAudit(ctx, tx, action, cur, []string{id, c.Keep, c.Drop}, map[string]any{"score": c.Score})
		return touched, err
	})
	if err != nil {
		return nil, err
	}
	c, err := scanCandidate(s.r.QueryRowContext(ctx, `SELECT id, keep_id, drop_id, score, evidence, status, created_at, decided_at
		FROM merge_candidates WHERE id = ?`, id))
	if err != nil {
		return nil, fmt.Errorf("sqlite: merge candidate %s: %w", id, err)
	}
	return c, nil
}

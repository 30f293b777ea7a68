package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"

	"github.com/newsgraph/newsgraph/kg"
	blocking "github.com/newsgraph/newsgraph/resolve"
)

// reindexKeys rewrites the blocking keys of the given entities from their
// current names and aliases, inside the write that changed them; an entity
// that no longer exists loses its keys. ids holds no repeats (writeTx).
func reindexKeys(ctx context.Context, tx *sql.Tx, ids []string) error {
	err := eachChunk(ids, func(args []any) error {
		_, err := tx.ExecContext(ctx, `DELETE FROM entity_keys WHERE entity_id IN (`+placeholders(len(args))+`)`, args...)
		return err
	})
	if err != nil {
		return fmt.Errorf("sqlite: blocking keys: %w", err)
	}
	ents, err := loadEntities(ctx, tx, ids)
	if err != nil {
		return fmt.Errorf("sqlite: blocking keys: %w", err)
	}
	ins, err := tx.PrepareContext(ctx, `INSERT OR IGNORE INTO entity_keys (key, entity_id) VALUES (?, ?)`)
	if err != nil {
		return fmt.Errorf("sqlite: blocking keys: %w", err)
	}
	defer ins.Close()
	for _, id := range ids {
		e := ents[id]
		if e == nil {
			continue
		}
		for _, k := range blocking.Keys(e.Type, append([]string{e.Name}, e.Aliases...)) {
			if _, err := ins.ExecContext(ctx, k, id); err != nil {
				return fmt.Errorf("sqlite: blocking keys of %s: %w", id, err)
			}
		}
	}
	return nil
}

// EntitiesByKeys returns, for each blocking key, the ids of the entities
// indexed under it (at most kg.MaxKeyHits, sorted). It asks for all keys in
// one statement per chunk, a UNION ALL of one limited index seek per key: a
// query per key cost more in statement overhead than in reading, and a
// window over the keys would read every entity of a common key.
func (s *Store) EntitiesByKeys(ctx context.Context, keys []string) ([][]string, error) {
	out := make([][]string, len(keys))
	if err := eachKeyChunk(keys, out, func(args []any, at []int) error { return s.keyHits(ctx, args, out, at) }); err != nil {
		return nil, fmt.Errorf("sqlite: entities by keys: %w", err)
	}
	return out, nil
}

// eachKeyChunk fills hits (one slot per key) by read, called once per
// chunk of at most maxKeysPerQuery distinct keys with the slots of hits
// they fill (at[j] for args[j]); a repeated key is read once and its hits
// copied to its other slots.
func eachKeyChunk(keys []string, hits [][]string, read func(args []any, at []int) error) error {
	first := make(map[string]int, len(keys))
	var ask []string
	var at []int
	for i, k := range keys {
		hits[i] = []string{}
		if _, ok := first[k]; !ok {
			first[k] = i
			ask = append(ask, k)
			at = append(at, i)
		}
	}
	for c := 0; c < len(ask); c += maxKeysPerQuery {
		n := min(maxKeysPerQuery, len(ask)-c)
		args := make([]any, n, maxKeysPerQuery)
		for j := range n {
			args[j] = ask[c+j]
		}
		if err := read(args, at[c:c+n]); err != nil {
			return err
		}
	}
	for i, k := range keys {
		if f := first[k]; f != i {
			hits[i] = slices.Clone(hits[f])
		}
	}
	return nil
}

// CandidatesByKeys is EntitiesByKeys and Entities of every id it gives:
// one statement per chunk of keys reads the hits and their entities
// (candStmt), one more their aliases.
func (s *Store) CandidatesByKeys(ctx context.Context, keys []string) (kg.KeyCandidates, error) {
	out := kg.KeyCandidates{Hits: make([][]string, len(keys)), Entities: map[string]*kg.Entity{}}
	if err := eachKeyChunk(keys, out.Hits, func(args []any, at []int) error { return s.candidates(ctx, args, out, at) }); err != nil {
		return kg.KeyCandidates{}, fmt.Errorf("sqlite: candidates by keys: %w", err)
	}
	found := make([]string, 0, len(out.Entities))
	for id := range out.Entities {
		found = append(found, id)
	}
	slices.Sort(found)
	if err := eachChunk(found, func(args []any) error { return loadAliases(ctx, preparedReader{s}, out.Entities, args) }); err != nil {
		return kg.KeyCandidates{}, fmt.Errorf("sqlite: candidates by keys: %w", err)
	}
	return out, nil
}

// candStmt returns the prepared query of n key terms (keyStmt's) that
// also gives the entity of every hit: rows (j, id, NULL...) for the hits
// of key ?j+1, and (-1, id, type, subtype, name) once for each entity.
func (s *Store) candStmt(ctx context.Context, n int) (*sql.Stmt, error) {
	return s.prepare(ctx, fmt.Sprintf("candidates/%d", n), func() string {
		return "WITH h (j, id) AS MATERIALIZED (" + keyTerms(n) + `) SELECT j, id, NULL, NULL, NULL FROM h
			UNION ALL SELECT -1, e.id, e.type, e.subtype, e.name FROM entities e WHERE e.id IN (SELECT id FROM h)`
	})
}

// candidates runs one candStmt for the keys args: each key's ids go to
// out.Hits[at[j]], j being the key's place in args, and their entities
// (without aliases) to out.Entities.
func (s *Store) candidates(ctx context.Context, args []any, out kg.KeyCandidates, at []int) error {
	rows, err := s.queryKeys(ctx, s.candStmt, args)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var j int
		var id string
		var typ, sub, name sql.NullString
		if err := rows.Scan(&j, &id, &typ, &sub, &name); err != nil {
			return err
		}
		if j < 0 {
			out.Entities[id] = &kg.Entity{ID: id, Type: kg.EntityType(typ.String), Subtype: sub.String, Name: name.String, Aliases: []string{}}
			continue
		}
		out.Hits[at[j]] = append(out.Hits[at[j]], id)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	for _, i := range at {
		slices.Sort(out.Hits[i])
	}
	return nil
}

// queryKeys pads the keys args to the next of keyQuerySizes and runs the
// statement of that size that stmt prepares (keyStmt or candStmt).
func (s *Store) queryKeys(ctx context.Context, stmt func(context.Context, int) (*sql.Stmt, error), args []any) (*sql.Rows, error) {
	n, args := padded(keyQuerySizes, args)
	st, err := stmt(ctx, n)
	if err != nil {
		return nil, err
	}
	return st.QueryContext(ctx, args...)
}

// keyQuerySizes are the term counts of the prepared key queries; a chunk
// of keys is padded with NULL keys, which match nothing, up to the next
// size. The largest stays under SQLite's 500 terms in a compound SELECT.
var keyQuerySizes = []int{16, 64, 200}

// maxKeysPerQuery is the most keys one query asks.
var maxKeysPerQuery = keyQuerySizes[len(keyQuerySizes)-1]

// keyStmt returns the prepared query of n terms, n one of keyQuerySizes.
// Term j reads key ?j+1's first kg.MaxKeyHits ids in order, tagged with j:
// an integer scans without a string copy.
func (s *Store) keyStmt(ctx context.Context, n int) (*sql.Stmt, error) {
	return s.prepare(ctx, fmt.Sprintf("keys/%d", n), func() string { return keyTerms(n) })
}

// keyTerms is the UNION ALL of n terms that keyStmt runs and candStmt
// reads its hits from.
func keyTerms(n int) string {
	var q strings.Builder
	for j := range n {
		if j > 0 {
			q.WriteString(" UNION ALL ")
		}
		fmt.Fprintf(&q, `SELECT %d, entity_id FROM (SELECT entity_id FROM entity_keys WHERE key = ? ORDER BY entity_id LIMIT %d)`, j, kg.MaxKeyHits)
	}
	return q.String()
}

// keyHits runs one query for the keys args and appends each key's ids to
// out[at[j]], j being the key's place in args.
func (s *Store) keyHits(ctx context.Context, args []any, out [][]string, at []int) error {
	rows, err := s.queryKeys(ctx, s.keyStmt, args)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var j int
		var id string
		if err := rows.Scan(&j, &id); err != nil {
			return err
		}
		out[at[j]] = append(out[at[j]], id)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	for _, i := range at {
		// UNION ALL keeps each seek's order in practice, but SQL does not
		// promise it; the ids come sorted, so this costs a pass.
		slices.Sort(out[i])
	}
	return nil
}

// ReindexKeys recomputes the blocking keys of every entity, for a store
// written before keys existed; it returns how many entities it indexed.
func (s *Store) ReindexKeys(ctx context.Context) (int, error) {
	var n int
	err := s.writeTx(ctx, func(tx *sql.Tx) ([]string, error) {
		ids, err := column(ctx, tx, `SELECT id FROM entities ORDER BY id`)
		if err != nil {
			return nil, err
		}
		n = len(ids)
		// writeTx reindexes what fn reports as touched; nothing else
		// changes, so the search index need not be patched.
		return ids, nil
	})
	return n, err
}

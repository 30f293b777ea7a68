package sqlite

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/newsgraph/newsgraph/kg"
	blocking "github.com/newsgraph/newsgraph/resolve"
)

// reindexKeys brings the blocking keys of the given entities in line with
// their current names and aliases, inside the write that changed them; an
// entity that no longer exists loses its keys. Only the keys that differ
// are deleted or inserted: most entities a save touches keep their names.
// ids holds no repeats (writeTx).
func reindexKeys(ctx context.Context, tx *sql.Tx, ids []string) error {
	have := make(map[string]map[string]bool, len(ids))
	err := eachChunk(ids, func(args []any) error {
		rows, err := tx.QueryContext(ctx, `SELECT entity_id, key FROM entity_keys WHERE entity_id IN (`+placeholders(len(args))+`)`, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var id, k string
			if err := rows.Scan(&id, &k); err != nil {
				return err
			}
			if have[id] == nil {
				have[id] = map[string]bool{}
			}
			have[id][k] = true
		}
		return rows.Err()
	})
	if err != nil {
		return fmt.Errorf("sqlite: blocking keys: %w", err)
	}
	ents, err := loadEntities(ctx, tx, ids)
	if err != nil {
		return fmt.Errorf("sqlite: blocking keys: %w", err)
	}
	var del, ins *sql.Stmt
	for _, id := range ids {
		var want []string
		if e := ents[id]; e != nil {
			want = blocking.Keys(e.Type, append([]string{e.Name}, e.Aliases...))
		}
		for _, k := range want {
			if have[id][k] {
				delete(have[id], k)
				continue
			}
			if ins == nil {
				if ins, err = tx.PrepareContext(ctx, `INSERT OR IGNORE INTO entity_keys (key, entity_id) VALUES (?, ?)`); err != nil {
					return fmt.Errorf("sqlite: blocking keys: %w", err)
				}
				defer ins.Close()
			}
			if _, err := ins.ExecContext(ctx, k, id); err != nil {
				return fmt.Errorf("sqlite: blocking keys of %s: %w", id, err)
			}
		}
		for k := range have[id] {
			if del == nil {
				if del, err = tx.PrepareContext(ctx, `DELETE FROM entity_keys WHERE key = ? AND entity_id = ?`); err != nil {
					return fmt.Errorf("sqlite: blocking keys: %w", err)
				}
				defer del.Close()
			}
			if _, err := del.ExecContext(ctx, k, id); err != nil {
				return fmt.Errorf("sqlite: blocking keys of %s: %w", id, err)
			}
		}
	}
	return nil
}

// EntitiesByKeys returns, for each blocking key, the ids of the entities
// indexed under it (at most kg.MaxKeyHits, sorted).
func (s *Store) EntitiesByKeys(ctx context.Context, keys []string) ([][]string, error) {
	out := make([][]string, len(keys))
	st, err := s.r.PrepareContext(ctx, `SELECT entity_id FROM entity_keys WHERE key = ? ORDER BY entity_id LIMIT ?`)
	if err != nil {
		return nil, fmt.Errorf("sqlite: entities by keys: %w", err)
	}
	defer st.Close()
	for i, k := range keys {
		rows, err := st.QueryContext(ctx, k, kg.MaxKeyHits)
		if err != nil {
			return nil, fmt.Errorf("sqlite: entities by keys: %w", err)
		}
		out[i] = []string{}
		for rows.Next() {
			var id string
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return nil, fmt.Errorf("sqlite: entities by keys: %w", err)
			}
			out[i] = append(out[i], id)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("sqlite: entities by keys: %w", err)
		}
	}
	return out, nil
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

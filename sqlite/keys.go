package sqlite

import (
	"context"
	"database/sql"
	"fmt"

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

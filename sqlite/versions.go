package sqlite

import (
	"context"
	"fmt"

	"github.com/newsgraph/newsgraph/kg"
)

// ArticleVersions returns each article's versions, newest first; the
// newest is the current one.
func (s *Store) ArticleVersions(ctx context.Context, articleIDs []string) ([][]kg.ArticleVersion, error) {
	byID := map[string][]kg.ArticleVersion{}
	err := eachChunk(uniq(articleIDs), func(args []any) error {
		rows, err := s.r.QueryContext(ctx, `SELECT article_id, content_hash, title, loaded_at FROM article_versions
			WHERE article_id IN (`+placeholders(len(args))+`) ORDER BY article_id, seq DESC`, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var id, at string
			var v kg.ArticleVersion
			if err := rows.Scan(&id, &v.ContentHash, &v.Title, &at); err != nil {
				return err
			}
			v.LoadedAt = parseTime(at)
			v.Current = len(byID[id]) == 0
			byID[id] = append(byID[id], v)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("sqlite: article versions: %w", err)
	}
	out := make([][]kg.ArticleVersion, len(articleIDs))
	for i, id := range articleIDs {
		out[i] = byID[id]
	}
	return out, nil
}

// ArticlesWithText returns, for each content hash, the least id of the
// articles whose current text has it ("" when none).
func (s *Store) ArticlesWithText(ctx context.Context, hashes []string) ([]string, error) {
	byHash := map[string]string{}
	err := eachChunk(uniq(hashes), func(args []any) error {
		rows, err := s.r.QueryContext(ctx, `SELECT content_hash, min(id) FROM articles
			WHERE content_hash IN (`+placeholders(len(args))+`) GROUP BY content_hash`, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var h, id string
			if err := rows.Scan(&h, &id); err != nil {
				return err
			}
			byHash[h] = id
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("sqlite: articles with text: %w", err)
	}
	out := make([]string, len(hashes))
	for i, h := range hashes {
		out[i] = byHash[h]
	}
	return out, nil
}

package neo4jstore

import (
	"context"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/newsgraph/newsgraph/kg"
)

// ArticleVersions returns each article's versions, newest first; the
// newest is the current one.
func (s *Store) ArticleVersions(ctx context.Context, articleIDs []string) ([][]kg.ArticleVersion, error) {
	return readOne(ctx, s, "read article versions", func(tx runner) ([][]kg.ArticleVersion, error) {
		recs, err := run(ctx, tx, `MATCH (a:Article) WHERE a.id IN $ids
			RETURN a.id AS id, coalesce(a.versionHashes, []) AS hashes, coalesce(a.versionTitles, []) AS titles,
				coalesce(a.versionTimes, []) AS times`, map[string]any{"ids": anyStrings(uniq(articleIDs))})
		if err != nil {
			return nil, err
		}
		byID := map[string][]kg.ArticleVersion{}
		for _, rec := range recs {
			p := map[string]any{}
			for _, k := range []string{"hashes", "titles", "times"} {
				p[k], _ = rec.Get(k)
			}
			hashes, titles, times := pStrs(p, "hashes"), pStrs(p, "titles"), pStrs(p, "times")
			n := min(len(hashes), len(titles), len(times))
			vs := make([]kg.ArticleVersion, 0, n)
			for i := n - 1; i >= 0; i-- {
				vs = append(vs, kg.ArticleVersion{ContentHash: hashes[i], Title: titles[i], LoadedAt: parseTime(times[i]),
					Current: i == n-1})
			}
			byID[recStr(rec, "id")] = vs
		}
		out := make([][]kg.ArticleVersion, len(articleIDs))
		for i, id := range articleIDs {
			out[i] = byID[id]
		}
		return out, nil
	})
}

// backfillVersions gives articles saved before versions existed their
// content hash and a first version, so that their text loaded again from
// a path (the id now comes from the source) is recognized as them.
func (s *Store) backfillVersions(ctx context.Context) error {
	const batch = 500
	for {
		n, err := writeTx(ctx, s, "backfill article versions", func(tx neo4j.ManagedTransaction) (int, error) {
			recs, err := run(ctx, tx, `MATCH (a:Article) WHERE a.contentHash IS NULL
				RETURN a.id AS id, coalesce(a.text, '') AS text, coalesce(a.title, '') AS title LIMIT $n`,
				map[string]any{"n": int64(batch)})
			if err != nil || len(recs) == 0 {
				return 0, err
			}
			rows := make([]any, 0, len(recs))
			for _, r := range recs {
				rows = append(rows, map[string]any{"id": recStr(r, "id"), "hash": kg.ContentHash(recStr(r, "text")),
					"title": recStr(r, "title")})
			}
			_, err = run(ctx, tx, `UNWIND $rows AS row MATCH (a:Article {id: row.id})
				SET a.contentHash = row.hash, a.versionHashes = [row.hash], a.versionTitles = [row.title], a.versionTimes = [$at]`,
				map[string]any{"rows": rows, "at": timestamp(time.Now())})
			return len(recs), err
		})
		if err != nil {
			return err
		}
		if n < batch {
			return nil
		}
	}
}

// ArticlesWithText returns, for each content hash, the least id of the
// articles whose current text has it ("" when none).
func (s *Store) ArticlesWithText(ctx context.Context, hashes []string) ([]string, error) {
	return readOne(ctx, s, "articles with text", func(tx runner) ([]string, error) {
		out := make([]string, len(hashes))
		if len(hashes) == 0 {
			return out, nil
		}
		recs, err := run(ctx, tx, `UNWIND range(0, size($hashes) - 1) AS i
			MATCH (a:Article {contentHash: $hashes[i]})
			RETURN i, min(a.id) AS id`, map[string]any{"hashes": anyStrings(hashes)})
		if err != nil {
			return nil, err
		}
		for _, rec := range recs {
			out[recInt(rec, "i")] = recStr(rec, "id")
		}
		return out, nil
	})
}

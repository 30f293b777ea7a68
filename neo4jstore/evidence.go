package neo4jstore

import (
	"context"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// backfillEvidence moves the evidence of relationships written before
// evidence had nodes of its own (parallel lists evArticle, evText, …, on
// the relationship) to Evidence nodes, and gives them their evCount.
// After it, Open's check is one scan of the relationships that finds none.
func (s *Store) backfillEvidence(ctx context.Context) error {
	const batch = 500
	for {
		n, err := writeTx(ctx, s, "move evidence to its nodes", func(tx neo4j.ManagedTransaction) (int, error) {
			recs, err := run(ctx, tx, `MATCH ()-[r:`+relTypeAlt()+`]->() WHERE r.evArticle IS NOT NULL
				WITH r LIMIT $n
				CALL (r) {
					UNWIND range(0, size(r.evArticle) - 1) AS i
					CREATE (x:Evidence)
					SET x.rel = r.id, x.article = r.evArticle[i], x.text = r.evText[i], x.start = r.evStart[i],
						x.end = r.evEnd[i], x.extractor = r.evExtractor[i], x.confidence = r.evConfidence[i]
				}
				SET r.evCount = size(r.evArticle)
				REMOVE r.evArticle, r.evText, r.evStart, r.evEnd, r.evExtractor, r.evConfidence
				RETURN count(r) AS n`, map[string]any{"n": int64(batch)})
			if err != nil || len(recs) == 0 {
				return 0, err
			}
			return recInt(recs[0], "n"), nil
		})
		if err != nil {
			return err
		}
		if n < batch {
			return nil
		}
	}
}

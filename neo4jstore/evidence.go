package neo4jstore

import (
	"context"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// evidenceMigration names the Migration node that says a database's
// evidence is on Evidence nodes.
const evidenceMigration = "evidence-nodes"

// backfillEvidence moves the evidence of relationships written before
// evidence had nodes of its own (parallel lists evArticle, evText, …, on
// the relationship) to Evidence nodes, and gives them their evCount. When
// none is left it records so ((:Migration {name: 'evidence-nodes'})): the
// search for them reads every relationship, which at the next Open would
// cost as much as the graph is large, to find nothing.
func (s *Store) backfillEvidence(ctx context.Context) error {
	done, err := readOne(ctx, s, "read migrations", func(tx runner) (bool, error) {
		recs, err := run(ctx, tx, `MATCH (m:Migration {name: $name}) RETURN count(m) AS n`,
			map[string]any{"name": evidenceMigration})
		return err == nil && len(recs) == 1 && recInt(recs[0], "n") > 0, err
	})
	if err != nil || done {
		return err
	}
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
			break
		}
	}
	_, err = writeTx(ctx, s, "record the evidence migration", func(tx neo4j.ManagedTransaction) (struct{}, error) {
		_, err := run(ctx, tx, `MERGE (:Migration {name: $name})`, map[string]any{"name": evidenceMigration})
		return struct{}{}, err
	})
	return err
}

package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/newsgraph/newsgraph/kg"
)

// SaveExtraction writes one article's facts in one transaction. What the
// article contributed before is removed first, so saving it again leaves
// the graph as if it had been saved once.
func (s *Store) SaveExtraction(ctx context.Context, x *kg.Extraction) (kg.SaveResult, error) {
	res, err := s.SaveExtractions(ctx, []*kg.Extraction{x})
	if err != nil {
		return kg.SaveResult{}, err
	}
	return res[0], nil
}

// SaveExtractions writes several articles' facts in one transaction, in
// order, each as SaveExtraction would: all of them or none. One commit for
// many articles is what makes a bulk load bound by extraction, not fsync.
func (s *Store) SaveExtractions(ctx context.Context, xs []*kg.Extraction) ([]kg.SaveResult, error) {
	for _, x := range xs {
		if err := x.Validate(); err != nil {
			return nil, err
		}
	}
	out := make([]kg.SaveResult, len(xs))
	err := s.writeTxKeyed(ctx, func(tx *sql.Tx) ([]string, []string, error) {
		var touched, renamed []string
		st := newSaveTx(tx)
		for i, x := range xs {
			res, t, r, err := saveVersion(ctx, st, x)
			if err != nil {
				return nil, nil, err
			}
			out[i] = res
			touched, renamed = append(touched, t...), append(renamed, r...)
		}
		return touched, renamed, nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// saveTx is a write transaction that prepares each statement of a save
// once, for all the articles it saves: a load saves up to 64 articles in
// one transaction, and parsing the statements again for every article
// (and those of events and quotes for every event and quote) was about a
// tenth of the save's CPU.
type saveTx struct {
	*sql.Tx
	stmts map[string]*sql.Stmt
}

func newSaveTx(tx *sql.Tx) *saveTx { return &saveTx{Tx: tx, stmts: map[string]*sql.Stmt{}} }

// stmt returns q prepared in the transaction (closed when it ends).
func (t *saveTx) stmt(ctx context.Context, q string) (*sql.Stmt, error) {
	if st := t.stmts[q]; st != nil {
		return st, nil
	}
	st, err := t.Tx.PrepareContext(ctx, q)
	if err != nil {
		return nil, err
	}
	t.stmts[q] = st
	return st, nil
}

// exec runs q prepared (stmt).
func (t *saveTx) exec(ctx context.Context, q string, args ...any) (sql.Result, error) {
	st, err := t.stmt(ctx, q)
	if err != nil {
		return nil, err
	}
	return st.ExecContext(ctx, args...)
}

// queryRow runs q prepared (stmt); if it cannot be prepared, unprepared,
// so that the row carries the error.
func (t *saveTx) queryRow(ctx context.Context, q string, args ...any) *sql.Row {
	st, err := t.stmt(ctx, q)
	if err != nil {
		return t.Tx.QueryRowContext(ctx, q, args...)
	}
	return st.QueryRowContext(ctx, args...)
}

// saveVersion saves x as the current version of its article: a new source
// whose text another article holds is that article and writes nothing; a
// text that differs from the article's current one adds a version. It
// returns what save does.
func saveVersion(ctx context.Context, tx *saveTx, x *kg.Extraction) (kg.SaveResult, []string, []string, error) {
	aid, h := x.Article.ID, kg.ContentHash(x.Article.Text)
	var cur string
	err := tx.queryRow(ctx, `SELECT content_hash FROM articles WHERE id = ?`, aid).Scan(&cur)
	fresh := errors.Is(err, sql.ErrNoRows)
	switch {
	case fresh:
		// A new source whose text another article holds is that
		// article: its sentences must not count twice.
		var dup string
		err := tx.queryRow(ctx, `SELECT id FROM articles WHERE content_hash = ? ORDER BY id LIMIT 1`, h).Scan(&dup)
		if err == nil {
			return kg.SaveResult{ArticleID: dup, DuplicateOf: dup}, nil, nil, nil
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return kg.SaveResult{}, nil, nil, fmt.Errorf("sqlite: save article %s: %w", aid, err)
		}
	case err != nil:
		return kg.SaveResult{}, nil, nil, fmt.Errorf("sqlite: save article %s: %w", aid, err)
	}
	res, touched, renamed, err := save(ctx, tx, x, fresh)
	if err != nil {
		return kg.SaveResult{}, nil, nil, err
	}
	raw, err := json.Marshal(x)
	if err != nil {
		return kg.SaveResult{}, nil, nil, fmt.Errorf("sqlite: save article %s: %w", aid, err)
	}
	if _, err := tx.exec(ctx, `UPDATE articles SET content_hash = ?, extraction = ? WHERE id = ?`, h, string(raw), aid); err != nil {
		return kg.SaveResult{}, nil, nil, fmt.Errorf("sqlite: save article %s: %w", aid, err)
	}
	if cur != h {
		if _, err := tx.exec(ctx, `INSERT INTO article_versions (article_id, content_hash, title, loaded_at) VALUES (?, ?, ?, ?)`,
			aid, h, x.Article.Title, timestamp(time.Now())); err != nil {
			return kg.SaveResult{}, nil, nil, fmt.Errorf("sqlite: save article %s: %w", aid, err)
		}
	}
	return res, touched, renamed, nil
}

// save writes x and returns the entities it touched (those the article
// mentioned before and those it mentions now) and, among them, those whose
// names it may have changed: the article's former entities, the joins', and
// the entities it creates or gives a name they did not have. A name in
// thousands of articles is read back for re-keying only when it is new.
// fresh says the store has no row for the article: as articles are never
// deleted, nothing it contributed can be there to remove, and the nine
// statements that would find nothing are not run.
func save(ctx context.Context, tx *saveTx, x *kg.Extraction, fresh bool) (kg.SaveResult, []string, []string, error) {
	aid := x.Article.ID
	res := kg.SaveResult{ArticleID: aid}
	var before []string
	if !fresh {
		var err error
		if before, err = removeArticle(ctx, tx.Tx, aid); err != nil {
			return res, nil, nil, err
		}
	}
	a := x.Article
	if _, err := tx.exec(ctx, `INSERT INTO articles (id, title, source, url, published, section, text)
		VALUES (?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET title = excluded.title, source = excluded.source, url = excluded.url,
			published = excluded.published, section = excluded.section, text = excluded.text`,
		aid, a.Title, a.Source, a.URL, a.Published, a.Section, a.Text); err != nil {
		return res, nil, nil, fmt.Errorf("sqlite: save article %s: %w", aid, err)
	}

	// Entity resolution's joins first, so the facts land on the nodes.
	for _, j := range x.Joins {
		_, t, err := mergeTx(ctx, tx.Tx, j.Node, j.ID, j.Merge, nil)
		if err != nil {
			return res, nil, nil, fmt.Errorf("sqlite: join %s to %s: %w", j.ID, j.Node, err)
		}
		before = append(before, t...)
	}

	ids := make([]string, 0, len(x.Entities))
	for _, e := range x.Entities {
		ids = append(ids, e.ID)
	}
	red, err := resolve(ctx, tx.Tx, ids)
	if err != nil {
		return res, nil, nil, err
	}

	// Entities: the first article to create one names it; every article
	// adds its names as alias contributions.
	insEnt, err := tx.stmt(ctx, `INSERT OR IGNORE INTO entities (id, type, subtype, name) VALUES (?, ?, ?, ?)`)
	if err != nil {
		return res, nil, nil, fmt.Errorf("sqlite: save entities: %w", err)
	}
	insAlias, err := tx.stmt(ctx, `INSERT OR IGNORE INTO entity_aliases (entity_id, alias, article_id) VALUES (?, ?, ?)`)
	if err != nil {
		return res, nil, nil, fmt.Errorf("sqlite: save entities: %w", err)
	}
	hasAlias, err := tx.stmt(ctx, `SELECT EXISTS (SELECT 1 FROM entity_aliases WHERE entity_id = ? AND alias = ?)`)
	if err != nil {
		return res, nil, nil, fmt.Errorf("sqlite: save entities: %w", err)
	}
	renamed := slices.Clone(before)
	spans := map[string][]kg.Span{}
	var order []string
	for _, e := range x.Entities {
		id := red[e.ID]
		if _, ok := spans[id]; !ok {
			order = append(order, id)
			spans[id] = []kg.Span{}
		}
		spans[id] = append(spans[id], e.Mentions...)
		r, err := insEnt.ExecContext(ctx, id, string(e.Type), e.Subtype, e.Name)
		if err != nil {
			return res, nil, nil, fmt.Errorf("sqlite: save entity %s: %w", id, err)
		}
		created, err := r.RowsAffected()
		if err != nil {
			return res, nil, nil, fmt.Errorf("sqlite: save entity %s: %w", id, err)
		}
		newName := created > 0
		for _, al := range append([]string{e.Name}, e.Aliases...) {
			if al == "" {
				continue
			}
			if !newName {
				var had bool
				if err := hasAlias.QueryRowContext(ctx, id, al).Scan(&had); err != nil {
					return res, nil, nil, fmt.Errorf("sqlite: save alias of %s: %w", id, err)
				}
				newName = !had
			}
			if _, err := insAlias.ExecContext(ctx, id, al, aid); err != nil {
				return res, nil, nil, fmt.Errorf("sqlite: save alias of %s: %w", id, err)
			}
		}
		if newName {
			renamed = append(renamed, id)
		}
	}
	insMention, err := tx.stmt(ctx, `INSERT INTO entity_articles (entity_id, article_id, mentions) VALUES (?, ?, ?)`)
	if err != nil {
		return res, nil, nil, fmt.Errorf("sqlite: save mentions: %w", err)
	}
	for _, id := range order {
		b, err := json.Marshal(spans[id])
		if err != nil {
			return res, nil, nil, fmt.Errorf("sqlite: save mentions of %s: %w", id, err)
		}
		if _, err := insMention.ExecContext(ctx, id, aid, string(b)); err != nil {
			return res, nil, nil, fmt.Errorf("sqlite: save mentions of %s: %w", id, err)
		}
	}
	res.Entities = len(order)

	n, err := saveRelations(ctx, tx, aid, x.Relations, red)
	if err != nil {
		return res, nil, nil, err
	}
	res.Relations = n
	if res.Events, err = saveEvents(ctx, tx, aid, x.Events, red); err != nil {
		return res, nil, nil, err
	}
	if res.Quotes, err = saveQuotes(ctx, tx, aid, x.Quotes, red); err != nil {
		return res, nil, nil, err
	}
	return res, append(before, order...), renamed, nil
}

func saveRelations(ctx context.Context, tx *saveTx, aid string, rels []kg.Relation, red map[string]string) (int, error) {
	insRel, err := tx.stmt(ctx, `INSERT OR IGNORE INTO relations (id, type, source, target, confidence) VALUES (?, ?, ?, ?, 0)`)
	if err != nil {
		return 0, fmt.Errorf("sqlite: save relations: %w", err)
	}
	insContrib, err := tx.stmt(ctx, `INSERT INTO relation_articles (relation_id, article_id, confidence) VALUES (?, ?, ?)
		ON CONFLICT (relation_id, article_id) DO UPDATE SET confidence = max(confidence, excluded.confidence)`)
	if err != nil {
		return 0, fmt.Errorf("sqlite: save relations: %w", err)
	}
	insProp, err := tx.stmt(ctx, `INSERT OR IGNORE INTO relation_props (relation_id, article_id, key, value) VALUES (?, ?, ?, ?)`)
	if err != nil {
		return 0, fmt.Errorf("sqlite: save relations: %w", err)
	}
	insEv, err := tx.stmt(ctx, `INSERT OR IGNORE INTO evidence (relation_id, article_id, start, end, extractor, text, confidence)
		VALUES (?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return 0, fmt.Errorf("sqlite: save relations: %w", err)
	}

	written := map[string]bool{}
	// A relation's confidence is the highest of its articles' (see
	// refreshConfidence). The article's own were removed before it is
	// saved, so its contributions can only raise the others' highest:
	// reading all of them again, which grew with the relation's articles,
	// is not needed. fresh are the relations it creates, which had none;
	// best its highest contribution to each.
	fresh, best := map[string]bool{}, map[string]float64{}
	for _, r := range rels {
		src, tgt := red[r.Source], red[r.Target]
		if src == tgt {
			continue // a self-loop says nothing (it can appear after a merge)
		}
		id := r.ID
		if src != r.Source || tgt != r.Target {
			id = kg.RelationID(r.Type, src, tgt)
		}
		if r.Type.Symmetric() && tgt < src {
			src, tgt = tgt, src
		}
		res, err := insRel.ExecContext(ctx, id, string(r.Type), src, tgt)
		if err != nil {
			return 0, fmt.Errorf("sqlite: save relation %s: %w", id, err)
		}
		if n, err := res.RowsAffected(); err != nil {
			return 0, fmt.Errorf("sqlite: save relation %s: %w", id, err)
		} else if n > 0 {
			fresh[id] = true
		}
		conf := r.Confidence
		if len(r.Evidence) > 0 {
			conf = r.Evidence[0].Confidence
			for _, e := range r.Evidence[1:] {
				conf = max(conf, e.Confidence)
			}
		}
		if _, err := insContrib.ExecContext(ctx, id, aid, conf); err != nil {
			return 0, fmt.Errorf("sqlite: save relation %s: %w", id, err)
		}
		if c, ok := best[id]; !ok || conf > c {
			best[id] = conf
		}
		for k, v := range r.Properties {
			if _, err := insProp.ExecContext(ctx, id, aid, k, v); err != nil {
				return 0, fmt.Errorf("sqlite: save relation %s: %w", id, err)
			}
		}
		for _, e := range r.Evidence {
			if _, err := insEv.ExecContext(ctx, id, aid, e.Start, e.End, e.Extractor, e.Text, e.Confidence); err != nil {
				return 0, fmt.Errorf("sqlite: save evidence of %s: %w", id, err)
			}
		}
		written[id] = true
	}
	raise, err := tx.stmt(ctx, `UPDATE relations SET confidence = CASE WHEN ?2 THEN ?3 ELSE max(confidence, ?3) END WHERE id = ?1`)
	if err != nil {
		return 0, fmt.Errorf("sqlite: relation confidence: %w", err)
	}
	for _, id := range keys(written) {
		if _, err := raise.ExecContext(ctx, id, fresh[id], best[id]); err != nil {
			return 0, fmt.Errorf("sqlite: relation confidence of %s: %w", id, err)
		}
	}
	return len(written), nil
}

func saveEvents(ctx context.Context, tx *saveTx, aid string, evs []kg.Event, red map[string]string) (int, error) {
	seen := map[string]bool{}
	for _, e := range evs {
		if seen[e.ID] {
			return 0, kg.Errorf(kg.EInvalid, "event %s appears twice", e.ID)
		}
		seen[e.ID] = true
		var owner string
		err := tx.queryRow(ctx, `SELECT article_id FROM events WHERE id = ?`, e.ID).Scan(&owner)
		if err == nil {
			return 0, kg.Errorf(kg.EConflict, "event %s already belongs to article %s", e.ID, owner)
		}
		if err != sql.ErrNoRows {
			return 0, fmt.Errorf("sqlite: save event %s: %w", e.ID, err)
		}
		place := e.Place
		if place != "" {
			place = red[place]
		}
		if _, err := tx.exec(ctx, `INSERT INTO events (id, article_id, type, name, date, place) VALUES (?, ?, ?, ?, ?, ?)`,
			e.ID, aid, e.Type, e.Name, e.Date, place); err != nil {
			return 0, fmt.Errorf("sqlite: save event %s: %w", e.ID, err)
		}
		for i, p := range e.Participants {
			if _, err := tx.exec(ctx, `INSERT INTO event_participants (event_id, ord, entity_id, role) VALUES (?, ?, ?, ?)`,
				e.ID, i, red[p.EntityID], p.Role); err != nil {
				return 0, fmt.Errorf("sqlite: save event %s: %w", e.ID, err)
			}
		}
		for i, ev := range e.Evidence {
			if _, err := tx.exec(ctx, `INSERT INTO event_evidence (event_id, ord, article_id, text, start, end, extractor, confidence)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, e.ID, i, aid, ev.Text, ev.Start, ev.End, ev.Extractor, ev.Confidence); err != nil {
				return 0, fmt.Errorf("sqlite: save event %s: %w", e.ID, err)
			}
		}
	}
	return len(evs), nil
}

func saveQuotes(ctx context.Context, tx *saveTx, aid string, qs []kg.Quote, red map[string]string) (int, error) {
	for _, q := range qs {
		var owner string
		err := tx.queryRow(ctx, `SELECT article_id FROM quotes WHERE id = ?`, q.ID).Scan(&owner)
		if err == nil {
			if owner == aid {
				return 0, kg.Errorf(kg.EInvalid, "quote %s appears twice", q.ID)
			}
			return 0, kg.Errorf(kg.EConflict, "quote %s already belongs to article %s", q.ID, owner)
		}
		if err != sql.ErrNoRows {
			return 0, fmt.Errorf("sqlite: save quote %s: %w", q.ID, err)
		}
		if _, err := tx.exec(ctx, `INSERT INTO quotes (id, speaker, text, article_id, start, end) VALUES (?, ?, ?, ?, ?, ?)`,
			q.ID, red[q.Speaker], q.Text, aid, q.Start, q.End); err != nil {
			return 0, fmt.Errorf("sqlite: save quote %s: %w", q.ID, err)
		}
	}
	return len(qs), nil
}

// removeArticle deletes everything article aid contributed, then the
// relations and entities nothing supports any more, and returns the
// entities the article mentioned or named.
func removeArticle(ctx context.Context, tx *sql.Tx, aid string) ([]string, error) {
	// Entities with an alias from the article count too, so that the
	// caller's list of touched entities is complete.
	ents, err := column(ctx, tx, `SELECT entity_id FROM entity_articles WHERE article_id = ?1
		UNION SELECT entity_id FROM entity_aliases WHERE article_id = ?1`, aid)
	if err != nil {
		return nil, err
	}
	rels, err := column(ctx, tx, `SELECT relation_id FROM relation_articles WHERE article_id = ?`, aid)
	if err != nil {
		return nil, err
	}
	for _, q := range []string{
		`DELETE FROM entity_aliases WHERE article_id = ?`,
		`DELETE FROM entity_articles WHERE article_id = ?`,
		`DELETE FROM relation_articles WHERE article_id = ?`,
		`DELETE FROM relation_props WHERE article_id = ?`,
		`DELETE FROM evidence WHERE article_id = ?`,
		`DELETE FROM events WHERE article_id = ?`,
		`DELETE FROM quotes WHERE article_id = ?`,
	} {
		if _, err := tx.ExecContext(ctx, q, aid); err != nil {
			return nil, fmt.Errorf("sqlite: remove article %s: %w", aid, err)
		}
	}
	if err := eachChunk(rels, func(args []any) error {
		_, err := tx.ExecContext(ctx, `DELETE FROM relations WHERE id IN (`+placeholders(len(args))+`)
			AND NOT EXISTS (SELECT 1 FROM relation_articles ra WHERE ra.relation_id = relations.id)`, args...)
		return err
	}); err != nil {
		return nil, fmt.Errorf("sqlite: remove article %s: %w", aid, err)
	}
	if err := refreshConfidence(ctx, tx, rels); err != nil {
		return nil, err
	}
	if err := gcEntities(ctx, tx, ents); err != nil {
		return nil, fmt.Errorf("sqlite: remove article %s: %w", aid, err)
	}
	return ents, nil
}

// gcEntities deletes those of ids that no article mentions, no curation
// pinned and no relation uses.
func gcEntities(ctx context.Context, tx *sql.Tx, ids []string) error {
	return eachChunk(ids, func(args []any) error {
		_, err := tx.ExecContext(ctx, `DELETE FROM entities WHERE id IN (`+placeholders(len(args))+`) AND curated = 0
			AND NOT EXISTS (SELECT 1 FROM entity_articles ea WHERE ea.entity_id = entities.id)
			AND NOT EXISTS (SELECT 1 FROM relations r WHERE r.source = entities.id OR r.target = entities.id)`, args...)
		return err
	})
}

// refreshConfidence sets each relation's confidence to the highest of its
// articles' contributions.
func refreshConfidence(ctx context.Context, tx *sql.Tx, ids []string) error {
	err := eachChunk(ids, func(args []any) error {
		_, err := tx.ExecContext(ctx, `UPDATE relations SET confidence =
			coalesce((SELECT max(confidence) FROM relation_articles ra WHERE ra.relation_id = relations.id), 0)
			WHERE id IN (`+placeholders(len(args))+`)`, args...)
		return err
	})
	if err != nil {
		return fmt.Errorf("sqlite: relation confidence: %w", err)
	}
	return nil
}

// column runs a one-column query and returns its strings.
func column(ctx context.Context, q querier, query string, args ...any) ([]string, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: %w", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, fmt.Errorf("sqlite: %w", err)
		}
		out = append(out, s)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: %w", err)
	}
	return out, nil
}

func keys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

package sqlite

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"

	"github.com/newsgraph/newsgraph/kg"
)

// Entities returns the entities with the given ids, nil where unknown. A
// merged-away id returns the entity that absorbed it: the statement that
// reads the entities follows the redirects itself, rather than a read of
// the redirects first (resolution reads entities twice per article, and
// each statement costs more than its rows).
func (s *Store) Entities(ctx context.Context, ids []string) ([]*kg.Entity, error) {
	u := uniq(ids)
	m := make(map[string]*kg.Entity, len(u))
	via := make(map[string]string, len(u)) // asked id -> entity id
	if len(u) > 0 {
		js, err := json.Marshal(u)
		if err != nil {
			return nil, fmt.Errorf("sqlite: read entities: %w", err)
		}
		st, err := s.prepare(ctx, "entities/via", func() string {
			return `SELECT w.value, e.id, e.type, e.subtype, e.name FROM json_each(?1) w
				JOIN entities e ON e.id = coalesce((SELECT r.to_id FROM redirects r WHERE r.from_id = w.value), w.value)`
		})
		if err != nil {
			return nil, fmt.Errorf("sqlite: read entities: %w", err)
		}
		rows, err := st.QueryContext(ctx, string(js))
		if err != nil {
			return nil, fmt.Errorf("sqlite: read entities: %w", err)
		}
		for rows.Next() {
			var asked string
			e := &kg.Entity{Aliases: []string{}}
			if err := rows.Scan(&asked, &e.ID, &e.Type, &e.Subtype, &e.Name); err != nil {
				rows.Close()
				return nil, fmt.Errorf("sqlite: read entities: %w", err)
			}
			via[asked] = e.ID
			if m[e.ID] == nil {
				m[e.ID] = e
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("sqlite: read entities: %w", err)
		}
	}
	found := make([]string, 0, len(m))
	for id := range m {
		found = append(found, id)
	}
	slices.Sort(found)
	if err := eachChunk(found, func(args []any) error { return loadAliases(ctx, preparedReader{s}, m, args) }); err != nil {
		return nil, fmt.Errorf("sqlite: read entities: %w", err)
	}
	out := make([]*kg.Entity, len(ids))
	for i, id := range ids {
		if e, ok := via[id]; ok {
			out[i] = m[e]
		}
	}
	return out, nil
}

// entities is Entities over q of ids already resolved (resolveAll).
func entities(ctx context.Context, q querier, want []string) ([]*kg.Entity, error) {
	m, err := loadEntities(ctx, q, uniq(want))
	if err != nil {
		return nil, err
	}
	return inOrder(m, want), nil
}

// loadEntities reads entities with their aliases (sorted, without the
// canonical name).
func loadEntities(ctx context.Context, q querier, ids []string) (map[string]*kg.Entity, error) {
	m := make(map[string]*kg.Entity, len(ids))
	err := eachChunk(ids, func(args []any) error {
		rows, err := queryIn(ctx, q, func(in string) string {
			return `SELECT id, type, subtype, name FROM entities WHERE id IN (` + in + `)`
		}, args)
		if err != nil {
			return err
		}
		for rows.Next() {
			e := &kg.Entity{Aliases: []string{}}
			if err := rows.Scan(&e.ID, &e.Type, &e.Subtype, &e.Name); err != nil {
				rows.Close()
				return err
			}
			m[e.ID] = e
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		return loadAliases(ctx, q, m, args)
	})
	if err != nil {
		return nil, fmt.Errorf("sqlite: read entities: %w", err)
	}
	return m, nil
}

// loadAliases adds to the entities m of ids args their aliases (sorted,
// without the canonical name).
func loadAliases(ctx context.Context, q querier, m map[string]*kg.Entity, args []any) error {
	// An alias has a row per article that gives it, so a name in
	// thousands of articles has thousands of rows: step from one
	// distinct alias to the next through the primary key instead of
	// reading them all.
	rows, err := queryIn(ctx, q, func(in string) string {
		return `WITH RECURSIVE a (entity_id, alias) AS (
			SELECT id, (SELECT alias FROM entity_aliases WHERE entity_id = id ORDER BY alias LIMIT 1)
			FROM entities WHERE id IN (` + in + `)
			UNION ALL
			SELECT a.entity_id, (SELECT x.alias FROM entity_aliases x WHERE x.entity_id = a.entity_id AND x.alias > a.alias
				ORDER BY x.alias LIMIT 1)
			FROM a WHERE a.alias IS NOT NULL)
		SELECT entity_id, alias FROM a WHERE alias IS NOT NULL ORDER BY entity_id, alias`
	}, args)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id, al string
		if err := rows.Scan(&id, &al); err != nil {
			return err
		}
		if e := m[id]; e != nil && al != e.Name {
			e.Aliases = append(e.Aliases, al)
		}
	}
	return rows.Err()
}

// relCols selects a relation row with its retraction.
const relCols = `SELECT r.id, r.type, r.source, r.target, r.confidence, rt.reason IS NOT NULL, coalesce(rt.reason, '')
	FROM relations r LEFT JOIN retractions rt ON rt.relation_id = r.id `

func scanRelations(rows *sql.Rows, into map[string]*kg.Relation) error {
	defer rows.Close()
	for rows.Next() {
		r := &kg.Relation{}
		if err := rows.Scan(&r.ID, &r.Type, &r.Source, &r.Target, &r.Confidence, &r.Retracted, &r.RetractReason); err != nil {
			return err
		}
		into[r.ID] = r
	}
	return rows.Err()
}

// Relations returns, for each entity id, its relations matching f, ordered
// by type, source, target. Symmetric relations match every direction.
func (s *Store) Relations(ctx context.Context, entityIDs []string, f kg.RelationFilter) ([][]*kg.Relation, error) {
	want, err := resolveAll(ctx, s.r, entityIDs)
	if err != nil {
		return nil, err
	}
	return relations(ctx, s.r, want, f)
}

// EntitiesWithRelations is Entities and Relations in one read transaction,
// so both see the same snapshot, resolving the ids once.
func (s *Store) EntitiesWithRelations(ctx context.Context, ids []string, f kg.RelationFilter) ([]*kg.Entity, [][]*kg.Relation, error) {
	tx, err := s.r.BeginTx(ctx, nil)
	if err != nil {
		return nil, nil, fmt.Errorf("sqlite: read entities: %w", err)
	}
	defer tx.Rollback()
	want, err := resolveAll(ctx, tx, ids)
	if err != nil {
		return nil, nil, err
	}
	es, err := entities(ctx, tx, want)
	if err != nil {
		return nil, nil, err
	}
	rels, err := relations(ctx, tx, want, f)
	if err != nil {
		return nil, nil, err
	}
	return es, rels, nil
}

// relations is Relations over q of ids already resolved (resolveAll).
func relations(ctx context.Context, q querier, want []string, f kg.RelationFilter) ([][]*kg.Relation, error) {
	u := uniq(want)
	all := map[string]*kg.Relation{}
	err := eachChunk(u, func(args []any) error {
		in := placeholders(len(args))
		for _, stmt := range []string{relCols + `WHERE r.source IN (` + in + `)`, relCols + `WHERE r.target IN (` + in + `)`} {
			rows, err := q.QueryContext(ctx, stmt, args...)
			if err != nil {
				return err
			}
			if err := scanRelations(rows, all); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("sqlite: read relations: %w", err)
	}
	// Filter before hydrating so that evidence is read only for what is
	// returned.
	bySource := map[string][]*kg.Relation{}
	byTarget := map[string][]*kg.Relation{}
	keep := map[string]bool{}
	for _, r := range all {
		if r.Retracted && !f.IncludeRetracted || r.Confidence < f.MinConfidence ||
			len(f.Types) > 0 && !slices.Contains(f.Types, r.Type) {
			continue
		}
		bySource[r.Source] = append(bySource[r.Source], r)
		byTarget[r.Target] = append(byTarget[r.Target], r)
		keep[r.ID] = true
	}
	if err := readParts(ctx, q, all, keys(keep), f.Read); err != nil {
		return nil, err
	}
	per := make(map[string][]*kg.Relation, len(u))
	for _, id := range u {
		var list []*kg.Relation
		for _, r := range bySource[id] {
			if f.Direction != kg.In || r.Type.Symmetric() {
				list = append(list, r)
			}
		}
		for _, r := range byTarget[id] {
			if f.Direction != kg.Out || r.Type.Symmetric() {
				list = append(list, r)
			}
		}
		sortRelations(list)
		if list == nil {
			list = []*kg.Relation{}
		}
		per[id] = list
	}
	out := make([][]*kg.Relation, len(want))
	for i, id := range want {
		out[i] = per[id]
	}
	return out, nil
}

func sortRelations(list []*kg.Relation) {
	slices.SortFunc(list, func(a, b *kg.Relation) int {
		return cmp.Or(cmp.Compare(a.Type, b.Type), cmp.Compare(a.Source, b.Source),
			cmp.Compare(a.Target, b.Target), cmp.Compare(a.ID, b.ID))
	})
}

// readParts fills in what rd asks of the relations ids beyond their rows:
// properties, evidence, end entities.
func readParts(ctx context.Context, q querier, rels map[string]*kg.Relation, ids []string, rd kg.RelationRead) error {
	if err := hydrateRelations(ctx, q, rels, ids, rd.Evidence); err != nil {
		return err
	}
	if !rd.Ends {
		return nil
	}
	var ends []string
	for _, id := range ids {
		ends = append(ends, rels[id].Source, rels[id].Target)
	}
	es, err := loadEntities(ctx, q, uniq(ends))
	if err != nil {
		return err
	}
	for _, id := range ids {
		rels[id].SourceEntity, rels[id].TargetEntity = es[rels[id].Source], es[rels[id].Target]
	}
	return nil
}

// hydrateRelations fills in properties and as much evidence of the
// relations ids as ev asks for.
func hydrateRelations(ctx context.Context, q querier, rels map[string]*kg.Relation, ids []string, ev kg.EvidenceRead) error {
	for _, id := range ids {
		r := rels[id]
		r.Properties = map[string]string{}
		r.Evidence = []kg.Evidence{}
	}
	// The text column is selected empty when only references are asked.
	text := "text"
	if ev == kg.EvidenceRefs {
		text = "''"
	}
	err := eachChunk(ids, func(args []any) error {
		in := placeholders(len(args))
		// The first value of a key by article id wins.
		rows, err := q.QueryContext(ctx, `SELECT relation_id, key, value FROM relation_props
			WHERE relation_id IN (`+in+`) ORDER BY relation_id, key, article_id`, args...)
		if err != nil {
			return err
		}
		for rows.Next() {
			var id, k, v string
			if err := rows.Scan(&id, &k, &v); err != nil {
				rows.Close()
				return err
			}
			if _, ok := rels[id].Properties[k]; !ok {
				rels[id].Properties[k] = v
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		switch ev {
		case kg.EvidenceNone:
			return nil
		case kg.EvidenceCount:
			return countEvidence(ctx, q, rels, in, args)
		}
		rows, err = q.QueryContext(ctx, `SELECT relation_id, article_id, `+text+`, start, end, extractor, confidence FROM evidence
			WHERE relation_id IN (`+in+`) ORDER BY relation_id, article_id, start, end, extractor`, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var id string
			var e kg.Evidence
			if err := rows.Scan(&id, &e.ArticleID, &e.Text, &e.Start, &e.End, &e.Extractor, &e.Confidence); err != nil {
				return err
			}
			rels[id].Evidence = append(rels[id].Evidence, e)
		}
		return rows.Err()
	})
	if err != nil {
		return fmt.Errorf("sqlite: read relation evidence: %w", err)
	}
	return nil
}

// countEvidence gives each relation of args (placeholders in) as many
// zero pieces of evidence as it has: an EvidenceCount read.
func countEvidence(ctx context.Context, q querier, rels map[string]*kg.Relation, in string, args []any) error {
	rows, err := q.QueryContext(ctx, `SELECT relation_id, count(*) FROM evidence
		WHERE relation_id IN (`+in+`) GROUP BY relation_id`, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id string
		var n int
		if err := rows.Scan(&id, &n); err != nil {
			return err
		}
		rels[id].Evidence = make([]kg.Evidence, n)
	}
	return rows.Err()
}

// RelationsByID returns the relations with the given ids (nil where
// unknown), retracted ones included and marked.
func (s *Store) RelationsByID(ctx context.Context, ids []string) ([]*kg.Relation, error) {
	return relationsByID(ctx, s.r, ids, kg.RelationRead{})
}

// relationsByID reads the relations ids as rd says.
func relationsByID(ctx context.Context, q querier, ids []string, rd kg.RelationRead) ([]*kg.Relation, error) {
	all := map[string]*kg.Relation{}
	u := uniq(ids)
	err := eachChunk(u, func(args []any) error {
		rows, err := q.QueryContext(ctx, relCols+`WHERE r.id IN (`+placeholders(len(args))+`)`, args...)
		if err != nil {
			return err
		}
		return scanRelations(rows, all)
	})
	if err != nil {
		return nil, fmt.Errorf("sqlite: read relations: %w", err)
	}
	if err := readParts(ctx, q, all, keys(boolSet(all)), rd); err != nil {
		return nil, err
	}
	return inOrder(all, ids), nil
}

// inOrder returns the values of m for ids, in their order (nil where m has
// none): how a batch read answers.
func inOrder[T any](m map[string]*T, ids []string) []*T {
	out := make([]*T, len(ids))
	for i, id := range ids {
		out[i] = m[id]
	}
	return out
}

func boolSet[V any](m map[string]V) map[string]bool {
	out := make(map[string]bool, len(m))
	for k := range m {
		out[k] = true
	}
	return out
}

// Articles returns the articles with the given ids (nil where unknown).
func (s *Store) Articles(ctx context.Context, ids []string) ([]*kg.Article, error) {
	m := map[string]*kg.Article{}
	err := eachChunk(uniq(ids), func(args []any) error {
		rows, err := s.r.QueryContext(ctx, `SELECT id, title, source, url, published, section, text FROM articles
			WHERE id IN (`+placeholders(len(args))+`)`, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			a, err := scanArticle(rows)
			if err != nil {
				return err
			}
			m[a.ID] = a
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("sqlite: read articles: %w", err)
	}
	return inOrder(m, ids), nil
}

func scanArticle(rows *sql.Rows) (*kg.Article, error) {
	a := &kg.Article{}
	err := rows.Scan(&a.ID, &a.Title, &a.Source, &a.URL, &a.Published, &a.Section, &a.Text)
	return a, err
}

// pairs runs a two-column query per chunk of keys and groups the second
// column by the first; unknown keys get an empty slice.
func (s *Store) pairs(ctx context.Context, keys []string, query string) (map[string][]string, error) {
	m := map[string][]string{}
	err := eachChunk(uniq(keys), func(args []any) error {
		rows, err := s.r.QueryContext(ctx, fmt.Sprintf(query, placeholders(len(args))), args...)
		if err != nil {
			return err
		}
		return scanPairs(rows, m)
	})
	return m, err
}

// scanPairs reads (key, value) rows into m, grouped by key, and closes
// them.
func scanPairs(rows *sql.Rows, m map[string][]string) error {
	defer rows.Close()
	for rows.Next() {
		var k, v string
		if err := rows.Scan(&k, &v); err != nil {
			return err
		}
		m[k] = append(m[k], v)
	}
	return rows.Err()
}

// ArticlesOfEntities returns, for each entity id, the sorted ids of the
// articles that mention it.
func (s *Store) ArticlesOfEntities(ctx context.Context, entityIDs []string) ([][]string, error) {
	want, err := resolveAll(ctx, s.r, entityIDs)
	if err != nil {
		return nil, err
	}
	m, err := s.pairs(ctx, want, `SELECT entity_id, article_id FROM entity_articles WHERE entity_id IN (%s) ORDER BY entity_id, article_id`)
	if err != nil {
		return nil, fmt.Errorf("sqlite: articles of entities: %w", err)
	}
	out := make([][]string, len(want))
	for i, id := range want {
		out[i] = slices.Clone(m[id])
		if out[i] == nil {
			out[i] = []string{}
		}
	}
	return out, nil
}

// LatestArticlesOfEntities returns, for each entity id, the n greatest
// ids of the articles that mention it, sorted. The primary key
// (entity_id, article_id) serves both the n-th greatest id and the range
// above it, so the cost is n rows per entity however many mention it.
// One prepared statement follows merged-away ids to their nodes and reads
// the lists: resolution reads this for every article, and preparing the
// redirect lookup and the read anew each time cost more than running them.
func (s *Store) LatestArticlesOfEntities(ctx context.Context, entityIDs []string, n int) ([][]string, error) {
	out := make([][]string, len(entityIDs))
	if n <= 0 {
		for i := range out {
			out[i] = []string{}
		}
		return out, nil
	}
	st, err := s.prepare(ctx, "latest-articles", func() string {
		return `WITH w (asked, id) AS (SELECT value, coalesce((SELECT r.to_id FROM redirects r WHERE r.from_id = value), value)
				FROM json_each(?1))
			SELECT w.asked, ea.article_id FROM w
			JOIN entity_articles ea ON ea.entity_id = w.id AND ea.article_id >= coalesce((
				SELECT x.article_id FROM entity_articles x WHERE x.entity_id = w.id
				ORDER BY x.article_id DESC LIMIT 1 OFFSET ?2), '')`
	})
	if err != nil {
		return nil, fmt.Errorf("sqlite: latest articles of entities: %w", err)
	}
	m, err := jsonPairs(ctx, st, entityIDs, n-1)
	if err != nil {
		return nil, fmt.Errorf("sqlite: latest articles of entities: %w", err)
	}
	for i, id := range entityIDs {
		out[i] = slices.Clone(m[id])
		if out[i] == nil {
			out[i] = []string{}
		}
	}
	return out, nil
}

// EntitiesOfArticles returns, for each article id, the sorted ids of the
// entities it mentions, in one prepared statement (see
// LatestArticlesOfEntities).
func (s *Store) EntitiesOfArticles(ctx context.Context, articleIDs []string) ([][]string, error) {
	st, err := s.prepare(ctx, "entities-of-articles", func() string {
		return `SELECT w.value, ea.entity_id FROM json_each(?1) w JOIN entity_articles ea ON ea.article_id = w.value`
	})
	if err != nil {
		return nil, fmt.Errorf("sqlite: entities of articles: %w", err)
	}
	m, err := jsonPairs(ctx, st, articleIDs)
	if err != nil {
		return nil, fmt.Errorf("sqlite: entities of articles: %w", err)
	}
	out := make([][]string, len(articleIDs))
	for i, id := range articleIDs {
		out[i] = slices.Clone(m[id])
		if out[i] == nil {
			out[i] = []string{}
		}
	}
	return out, nil
}

// jsonPairs runs st, a two-column statement over json_each(?1), with the
// distinct keys as ?1 and more as the following arguments, and groups the
// second column by the first, each group sorted.
func jsonPairs(ctx context.Context, st *sql.Stmt, keys []string, more ...any) (map[string][]string, error) {
	m := map[string][]string{}
	u := uniq(keys)
	if len(u) == 0 {
		return m, nil
	}
	js, err := json.Marshal(u)
	if err != nil {
		return nil, err
	}
	rows, err := st.QueryContext(ctx, append([]any{string(js)}, more...)...)
	if err != nil {
		return nil, err
	}
	if err := scanPairs(rows, m); err != nil {
		return nil, err
	}
	for _, l := range m {
		slices.Sort(l)
	}
	return m, nil
}

// Events returns the events with the given ids (nil where unknown).
func (s *Store) Events(ctx context.Context, ids []string) ([]*kg.Event, error) {
	m, err := loadEvents(ctx, s.r, uniq(ids))
	if err != nil {
		return nil, err
	}
	return inOrder(m, ids), nil
}

// loadEvents reads events with their participants and evidence, both in
// the order the extraction gave them.
func loadEvents(ctx context.Context, q querier, ids []string) (map[string]*kg.Event, error) {
	m := make(map[string]*kg.Event, len(ids))
	err := eachChunk(ids, func(args []any) error {
		in := placeholders(len(args))
		rows, err := q.QueryContext(ctx, `SELECT id, type, name, date, place FROM events WHERE id IN (`+in+`)`, args...)
		if err != nil {
			return err
		}
		for rows.Next() {
			e := &kg.Event{Participants: []kg.Participant{}, Evidence: []kg.Evidence{}}
			if err := rows.Scan(&e.ID, &e.Type, &e.Name, &e.Date, &e.Place); err != nil {
				rows.Close()
				return err
			}
			m[e.ID] = e
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		rows, err = q.QueryContext(ctx, `SELECT event_id, entity_id, role FROM event_participants
			WHERE event_id IN (`+in+`) ORDER BY event_id, ord`, args...)
		if err != nil {
			return err
		}
		for rows.Next() {
			var id string
			var p kg.Participant
			if err := rows.Scan(&id, &p.EntityID, &p.Role); err != nil {
				rows.Close()
				return err
			}
			if e := m[id]; e != nil {
				e.Participants = append(e.Participants, p)
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		rows, err = q.QueryContext(ctx, `SELECT event_id, article_id, text, start, end, extractor, confidence FROM event_evidence
			WHERE event_id IN (`+in+`) ORDER BY event_id, ord`, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var id string
			var ev kg.Evidence
			if err := rows.Scan(&id, &ev.ArticleID, &ev.Text, &ev.Start, &ev.End, &ev.Extractor, &ev.Confidence); err != nil {
				return err
			}
			if e := m[id]; e != nil {
				e.Evidence = append(e.Evidence, ev)
			}
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("sqlite: read events: %w", err)
	}
	return m, nil
}

// EventsOfEntities returns, for each entity id, the events it took part in,
// ordered by date (undated last), then id.
func (s *Store) EventsOfEntities(ctx context.Context, entityIDs []string) ([][]*kg.Event, error) {
	want, err := resolveAll(ctx, s.r, entityIDs)
	if err != nil {
		return nil, err
	}
	m, err := s.pairs(ctx, want, `SELECT DISTINCT p.entity_id, e.id FROM event_participants p JOIN events e ON e.id = p.event_id
		WHERE p.entity_id IN (%s) ORDER BY p.entity_id, e.date = '', e.date, e.id`)
	if err != nil {
		return nil, fmt.Errorf("sqlite: events of entities: %w", err)
	}
	var evIDs []string
	for _, l := range m {
		evIDs = append(evIDs, l...)
	}
	evs, err := loadEvents(ctx, s.r, uniq(evIDs))
	if err != nil {
		return nil, err
	}
	out := make([][]*kg.Event, len(want))
	for i, id := range want {
		out[i] = []*kg.Event{}
		for _, eid := range m[id] {
			out[i] = append(out[i], evs[eid])
		}
	}
	return out, nil
}

// quotes runs a quote query per chunk of keys and groups rows by the key
// column, which the query selects first.
func (s *Store) quotes(ctx context.Context, keys []string, query string) (map[string][]*kg.Quote, error) {
	m := map[string][]*kg.Quote{}
	err := eachChunk(uniq(keys), func(args []any) error {
		rows, err := s.r.QueryContext(ctx, fmt.Sprintf(query, placeholders(len(args))), args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var k string
			q := &kg.Quote{}
			if err := rows.Scan(&k, &q.ID, &q.Speaker, &q.Text, &q.ArticleID, &q.Start, &q.End); err != nil {
				return err
			}
			m[k] = append(m[k], q)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("sqlite: read quotes: %w", err)
	}
	return m, nil
}

// QuotesOfEntities returns, for each entity id, the quotes it spoke,
// ordered by article then offset.
func (s *Store) QuotesOfEntities(ctx context.Context, entityIDs []string) ([][]*kg.Quote, error) {
	want, err := resolveAll(ctx, s.r, entityIDs)
	if err != nil {
		return nil, err
	}
	m, err := s.quotes(ctx, want, `SELECT speaker, id, speaker, text, article_id, start, end FROM quotes
		WHERE speaker IN (%s) ORDER BY speaker, article_id, start, id`)
	if err != nil {
		return nil, err
	}
	out := make([][]*kg.Quote, len(want))
	for i, id := range want {
		out[i] = append([]*kg.Quote{}, m[id]...)
	}
	return out, nil
}

// QuotesOfArticles returns, for each article id, its quotes by offset.
func (s *Store) QuotesOfArticles(ctx context.Context, articleIDs []string) ([][]*kg.Quote, error) {
	m, err := s.quotes(ctx, articleIDs, `SELECT article_id, id, speaker, text, article_id, start, end FROM quotes
		WHERE article_id IN (%s) ORDER BY article_id, start, id`)
	if err != nil {
		return nil, err
	}
	out := make([][]*kg.Quote, len(articleIDs))
	for i, id := range articleIDs {
		out[i] = append([]*kg.Quote{}, m[id]...)
	}
	return out, nil
}

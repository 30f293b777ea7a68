package sqlite

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/newsgraph/newsgraph/kg"
)

// nameIndex is every entity's names, folded, kept in memory and patched
// for just the entities that writes touched. Typo-tolerant ranking cannot
// use an SQL index, so search narrows candidates here (substring scan plus
// a word vocabulary) and scores only those with kg.MatchScore.
//
// Writes from any process log the entities they touch in entity_changes
// (see writeTx); before each search, one look at the log's head tells
// whether anything was committed since the index was last brought up to
// date, and only the entities logged since then are re-read.
type nameIndex struct {
	mu      sync.RWMutex // readers search while a refresh patches entries
	entries []nameEntry  // an entry with id "" is a free slot
	pos     map[string]int32
	free    []int32
	vocab   map[string]int // folded word -> its position in words
	words   []vocabWord
}

type nameEntry struct {
	id, name, typ, subtype string
	aliases                []string // as Entities returns them: distinct, without the name
	folded                 []string // FoldName of the name and each alias
}

type vocabWord struct {
	word  string
	runes []rune
	ents  []int32 // sorted entries having the word in a name or alias
}

// maxDirtyShare: when more than this share of all entities changed since
// the last search, one full rebuild is cheaper than patching each.
const maxDirtyShare = 4

// changesHead is the newest entity_changes entry, 0 for none.
const changesHead = `SELECT coalesce(max(seq), 0) FROM entity_changes`

// index returns the name index, current as of every committed write:
// built whole on first use (or when this store fell behind the pruned
// log), then patched with the entities logged since it was last current.
func (s *Store) index(ctx context.Context) (*nameIndex, error) {
	var head int64
	if err := s.r.QueryRowContext(ctx, changesHead).Scan(&head); err != nil {
		return nil, fmt.Errorf("sqlite: name index: %w", err)
	}
	s.mu.Lock()
	idx, seen := s.names, s.seen
	s.mu.Unlock()
	if idx != nil && seen >= head {
		return idx, nil
	}
	// One refresh at a time, so that a later refresh never reads the
	// database before an earlier one applies what it read.
	s.refresh.Lock()
	defer s.refresh.Unlock()
	s.mu.Lock()
	idx, seen = s.names, s.seen
	s.mu.Unlock()
	if idx != nil && seen >= head {
		return idx, nil
	}
	// One read transaction: the log and the names come from one snapshot.
	tx, err := s.r.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("sqlite: name index: %w", err)
	}
	defer tx.Rollback()
	var oldest int64
	if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(seq), 0), coalesce(min(seq), 0) FROM entity_changes`).Scan(&head, &oldest); err != nil {
		return nil, fmt.Errorf("sqlite: name index: %w", err)
	}
	if idx != nil && oldest <= seen+1 {
		ids, err := column(ctx, tx, `SELECT DISTINCT entity_id FROM entity_changes WHERE seq > ? ORDER BY entity_id`, seen)
		if err != nil {
			return nil, fmt.Errorf("sqlite: name index: %w", err)
		}
		if len(ids) <= len(idx.pos)/maxDirtyShare+64 {
			ents, err := readNameEntries(ctx, tx, ids)
			if err != nil {
				return nil, err
			}
			idx.mu.Lock()
			for _, id := range ids {
				idx.remove(id)
			}
			for _, e := range ents {
				idx.add(e)
			}
			idx.mu.Unlock()
			s.mu.Lock()
			s.seen = head
			s.mu.Unlock()
			return idx, nil
		}
	}
	ents, err := readNameEntries(ctx, tx, nil)
	if err != nil {
		return nil, err
	}
	idx = &nameIndex{pos: make(map[string]int32, len(ents)), vocab: map[string]int{}}
	for _, e := range ents {
		idx.add(e)
	}
	s.mu.Lock()
	s.names, s.seen = idx, head
	s.mu.Unlock()
	return idx, nil
}

// readNameEntries reads the name entries of ids (all entities for nil),
// ordered by id; unknown ids have none.
func readNameEntries(ctx context.Context, q querier, ids []string) ([]nameEntry, error) {
	var ents []nameEntry
	pos := map[string]int{}
	readEnts := func(where string, args []any) error {
		rows, err := q.QueryContext(ctx, `SELECT id, name, type, subtype FROM entities`+where+` ORDER BY id`, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var e nameEntry
			if err := rows.Scan(&e.id, &e.name, &e.typ, &e.subtype); err != nil {
				return err
			}
			e.folded = []string{kg.FoldName(e.name)}
			pos[e.id] = len(ents)
			ents = append(ents, e)
		}
		return rows.Err()
	}
	readAliases := func(where string, args []any) error {
		rows, err := q.QueryContext(ctx, `SELECT DISTINCT entity_id, alias FROM entity_aliases`+where+` ORDER BY entity_id, alias`, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var id, al string
			if err := rows.Scan(&id, &al); err != nil {
				return err
			}
			i, ok := pos[id]
			if !ok || al == ents[i].name {
				continue
			}
			e := &ents[i]
			e.aliases = append(e.aliases, al)
			if f := kg.FoldName(al); !slices.Contains(e.folded, f) {
				e.folded = append(e.folded, f)
			}
		}
		return rows.Err()
	}
	var err error
	if ids == nil {
		if err = readEnts("", nil); err == nil {
			err = readAliases("", nil)
		}
	} else {
		err = eachChunk(ids, func(args []any) error {
			return readEnts(` WHERE id IN (`+placeholders(len(args))+`)`, args)
		})
		if err == nil {
			err = eachChunk(ids, func(args []any) error {
				return readAliases(` WHERE entity_id IN (`+placeholders(len(args))+`)`, args)
			})
		}
	}
	if err != nil {
		return nil, fmt.Errorf("sqlite: name index: %w", err)
	}
	return ents, nil
}

// add puts e in a free slot (or a new one) and indexes its words.
func (idx *nameIndex) add(e nameEntry) {
	var i int32
	if n := len(idx.free); n > 0 {
		i, idx.free = idx.free[n-1], idx.free[:n-1]
		idx.entries[i] = e
	} else {
		i = int32(len(idx.entries))
		idx.entries = append(idx.entries, e)
	}
	idx.pos[e.id] = i
	for _, w := range entryWords(&e) {
		k, ok := idx.vocab[w]
		if !ok {
			k = len(idx.words)
			idx.vocab[w] = k
			idx.words = append(idx.words, vocabWord{word: w, runes: []rune(w)})
		}
		l := idx.words[k].ents
		if j, found := slices.BinarySearch(l, i); !found {
			idx.words[k].ents = slices.Insert(l, j, i)
		}
	}
}

// remove drops the entry of id, if any, and unindexes its words.
func (idx *nameIndex) remove(id string) {
	i, ok := idx.pos[id]
	if !ok {
		return
	}
	for _, w := range entryWords(&idx.entries[i]) {
		k, ok := idx.vocab[w]
		if !ok {
			continue
		}
		l := idx.words[k].ents
		if j, found := slices.BinarySearch(l, i); found {
			l = slices.Delete(l, j, j+1)
		}
		if len(l) > 0 {
			idx.words[k].ents = l
			continue
		}
		// Last user of the word: swap the last word into its place.
		last := len(idx.words) - 1
		if k != last {
			idx.words[k] = idx.words[last]
			idx.vocab[idx.words[k].word] = k
		}
		idx.words[last] = vocabWord{}
		idx.words = idx.words[:last]
		delete(idx.vocab, w)
	}
	delete(idx.pos, id)
	idx.entries[i] = nameEntry{}
	idx.free = append(idx.free, i)
}

// entryWords returns the distinct words of e's folded names.
func entryWords(e *nameEntry) []string {
	var out []string
	for _, f := range e.folded {
		for _, w := range strings.Fields(f) {
			if !slices.Contains(out, w) {
				out = append(out, w)
			}
		}
	}
	return out
}

// candidates returns the entries that may score above zero for the folded
// query q: a superset of kg.MatchScore's matches, which are a substring of
// a name, or names whose words cover every query word by prefix or typo.
func (idx *nameIndex) candidates(q string, keep func(e *nameEntry) bool) []int {
	if q == "" {
		return nil
	}
	hit := make([]bool, len(idx.entries))
	for i := range idx.entries {
		for _, f := range idx.entries[i].folded {
			if strings.Contains(f, q) {
				hit[i] = true
				break
			}
		}
	}
	var both []int32 // entries matching every query word so far
	for n, w := range strings.Fields(q) {
		rw := []rune(w)
		var these []int32
		for _, v := range idx.words {
			if strings.HasPrefix(v.word, w) || mayBeTypo(rw, v.runes) {
				these = append(these, v.ents...)
			}
		}
		slices.Sort(these)
		these = slices.Compact(these)
		if n == 0 {
			both = these
		} else {
			both = intersect(both, these)
		}
		if len(both) == 0 {
			break
		}
	}
	for _, i := range both {
		hit[i] = true
	}
	var out []int
	for i, h := range hit {
		if h && keep(&idx.entries[i]) {
			out = append(out, i)
		}
	}
	return out
}

// mayBeTypo is a cheap test that a and b could be within kg's typo
// allowance (one edit for words of four or more letters, two from eight):
// lengths close enough and a bag distance within the allowance. Bag
// distance never exceeds the edit distance, so this never misses a match;
// FuzzSearchAgreesWithMatchScore checks that against kg.MatchScore.
func mayBeTypo(a, b []rune) bool {
	allow := 0
	switch {
	case len(a) >= 8:
		allow = 2
	case len(a) >= 4:
		allow = 1
	}
	if allow == 0 || len(a)-len(b) > allow || len(b)-len(a) > allow {
		return false
	}
	var counts [64]int8 // hashed letter counts: collisions only loosen the test
	for _, r := range a {
		counts[r&63]++
	}
	for _, r := range b {
		counts[r&63]--
	}
	plus, minus := 0, 0
	for _, c := range counts {
		if c > 0 {
			plus += int(c)
		} else {
			minus -= int(c)
		}
	}
	return max(plus, minus) <= allow
}

func intersect(a, b []int32) []int32 {
	var out []int32
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			out = append(out, a[i])
			i++
			j++
		}
	}
	return out
}

// FindEntities lists entities or, with a query, searches them scored by
// kg.MatchScore, in f.Order (by default: without a query by name, id; with
// one by score desc, name, id).
func (s *Store) FindEntities(ctx context.Context, f kg.EntityFilter) (*kg.EntityPage, error) {
	size, off, err := kg.ParsePage(f.First, f.After)
	if err != nil {
		return nil, err
	}
	for _, t := range f.Types {
		if !t.Valid() {
			return nil, kg.Errorf(kg.EInvalid, "unknown entity type %q", t)
		}
	}
	if !f.Order.Valid() {
		return nil, kg.Errorf(kg.EInvalid, "unknown entity order %q", f.Order)
	}
	var (
		ids    []string
		scores []float64
		total  int
	)
	if strings.TrimSpace(f.Query) == "" {
		ids, total, err = s.listEntities(ctx, f, size, off)
	} else {
		ids, scores, total, err = s.searchEntities(ctx, f, size, off)
	}
	if err != nil {
		return nil, err
	}
	m, err := loadEntities(ctx, s.r, ids)
	if err != nil {
		return nil, err
	}
	p := &kg.EntityPage{Hits: make([]kg.EntityHit, 0, len(ids)), Total: total}
	for i, id := range ids {
		e := m[id]
		if e == nil {
			continue // deleted between the two reads
		}
		sc := 1.0
		if scores != nil {
			sc = scores[i]
		}
		p.Hits = append(p.Hits, kg.EntityHit{Entity: e, Score: sc})
	}
	if len(ids) > 0 {
		p.EndCursor = kg.EncodeCursor(off + len(ids))
	}
	p.HasNext = off+len(ids) < total
	return p, nil
}

// entityWhere builds the filter clause shared by listing.
func entityWhere(f kg.EntityFilter) (string, []any) {
	var conds []string
	var args []any
	if len(f.Types) > 0 {
		conds = append(conds, `type IN (`+placeholders(len(f.Types))+`)`)
		for _, t := range f.Types {
			args = append(args, string(t))
		}
	}
	if f.Subtype != "" {
		conds = append(conds, `subtype = ?`)
		args = append(args, f.Subtype)
	}
	if f.ArticleID != "" {
		conds = append(conds, `id IN (SELECT entity_id FROM entity_articles WHERE article_id = ?)`)
		args = append(args, f.ArticleID)
	}
	if len(conds) == 0 {
		return "", nil
	}
	return " WHERE " + strings.Join(conds, " AND "), args
}

func (s *Store) listEntities(ctx context.Context, f kg.EntityFilter, size, off int) ([]string, int, error) {
	where, args := entityWhere(f)
	var total int
	if err := s.r.QueryRowContext(ctx, `SELECT count(*) FROM entities`+where, args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("sqlite: list entities: %w", err)
	}
	order := `name, id`
	if f.Order == kg.EntityByArticles {
		order = `(SELECT count(*) FROM entity_articles ea WHERE ea.entity_id = entities.id) DESC, name, id`
	}
	ids, err := column(ctx, s.r, `SELECT id FROM entities`+where+` ORDER BY `+order+` LIMIT ? OFFSET ?`, append(args, size, off)...)
	if err != nil {
		return nil, 0, fmt.Errorf("sqlite: list entities: %w", err)
	}
	return ids, total, nil
}

func (s *Store) searchEntities(ctx context.Context, f kg.EntityFilter, size, off int) ([]string, []float64, int, error) {
	idx, err := s.index(ctx)
	if err != nil {
		return nil, nil, 0, err
	}
	var inArticle map[string]bool
	if f.ArticleID != "" {
		ids, err := column(ctx, s.r, `SELECT entity_id FROM entity_articles WHERE article_id = ?`, f.ArticleID)
		if err != nil {
			return nil, nil, 0, fmt.Errorf("sqlite: search entities: %w", err)
		}
		inArticle = make(map[string]bool, len(ids))
		for _, id := range ids {
			inArticle[id] = true
		}
	}
	// Hits copy what they need: the entries may change once the read
	// lock is released.
	type hit struct {
		id, name string
		score    float64
	}
	var hits []hit
	keep := func(e *nameEntry) bool {
		return (len(f.Types) == 0 || slices.Contains(f.Types, kg.EntityType(e.typ))) &&
			(f.Subtype == "" || e.subtype == f.Subtype) &&
			(inArticle == nil || inArticle[e.id])
	}
	idx.mu.RLock()
	for _, i := range idx.candidates(kg.FoldName(f.Query), keep) {
		e := &idx.entries[i]
		if sc := kg.MatchScore(f.Query, e.name, e.aliases); sc > 0 {
			hits = append(hits, hit{e.id, e.name, sc})
		}
	}
	idx.mu.RUnlock()
	var first func(a, b hit) int
	switch f.Order {
	case kg.EntityByName:
		first = func(a, b hit) int { return 0 }
	case kg.EntityByArticles:
		ids := make([]string, len(hits))
		for i, h := range hits {
			ids[i] = h.id
		}
		n, err := s.articleCounts(ctx, ids)
		if err != nil {
			return nil, nil, 0, err
		}
		first = func(a, b hit) int { return cmp.Compare(n[b.id], n[a.id]) }
	default:
		first = func(a, b hit) int { return cmp.Compare(b.score, a.score) }
	}
	slices.SortFunc(hits, func(a, b hit) int {
		return cmp.Or(first(a, b), cmp.Compare(a.name, b.name), cmp.Compare(a.id, b.id))
	})
	total := len(hits)
	if off > total {
		off = total
	}
	page := hits[off:min(off+size, total)]
	ids := make([]string, len(page))
	scores := make([]float64, len(page))
	for i, h := range page {
		ids[i], scores[i] = h.id, h.score
	}
	return ids, scores, total, nil
}

// Order clauses, chosen by the filter's order value from these fixed lists
// only; each ends with the id so that offset paging is stable.
var (
	articleOrderSQL = map[kg.ArticleOrder]string{
		kg.ArticleByNewest: `published = '', published DESC, id`,
		kg.ArticleByOldest: `published = '', published, id`,
		kg.ArticleByTitle:  `title, id`,
	}
	eventOrderSQL = map[kg.EventOrder]string{
		kg.EventByDate:     `date = '', date, id`,
		kg.EventByDateDesc: `date = '', date DESC, id`,
	}
	relationOrderSQL = map[kg.RelationOrder]string{
		kg.RelationByType:       `r.type, r.source, r.target, r.id`,
		kg.RelationByConfidence: `r.confidence DESC, r.type, r.source, r.target, r.id`,
		kg.RelationByEvidence: `(SELECT count(*) FROM evidence ev WHERE ev.relation_id = r.id) DESC,
			r.type, r.source, r.target, r.id`,
		kg.RelationByLatest: `latest = '', latest DESC, r.type, r.source, r.target, r.id`,
	}
)

// datesIn returns, as a JSON array for json_each, the distinct values of
// column col of table (a fixed name from this package) that fall in r.
func (s *Store) datesIn(ctx context.Context, table, col string, r *kg.DateRange) (string, error) {
	all, err := column(ctx, s.r, `SELECT DISTINCT `+col+` FROM `+table)
	if err != nil {
		return "", fmt.Errorf("sqlite: read dates: %w", err)
	}
	b, err := json.Marshal(r.Select(all))
	if err != nil {
		return "", fmt.Errorf("sqlite: read dates: %w", err)
	}
	return string(b), nil
}

// resolveID maps one entity id through the redirects.
func resolveID(ctx context.Context, q querier, id string) (string, error) {
	ids, err := resolveAll(ctx, q, []string{id})
	if err != nil {
		return "", err
	}
	return ids[0], nil
}

// resolveAll maps entity ids through the redirects, keeping their order.
func resolveAll(ctx context.Context, q querier, ids []string) ([]string, error) {
	red, err := resolve(ctx, q, ids)
	if err != nil {
		return nil, err
	}
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = red[id]
	}
	return out, nil
}

// articleCounts returns the number of articles mentioning each of ids.
func (s *Store) articleCounts(ctx context.Context, ids []string) (map[string]int, error) {
	n := make(map[string]int, len(ids))
	err := eachChunk(ids, func(args []any) error {
		rows, err := s.r.QueryContext(ctx, `SELECT entity_id, count(*) FROM entity_articles
			WHERE entity_id IN (`+placeholders(len(args))+`) GROUP BY entity_id`, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var id string
			var c int
			if err := rows.Scan(&id, &c); err != nil {
				return err
			}
			n[id] = c
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("sqlite: count articles: %w", err)
	}
	return n, nil
}

// ListArticles pages through the articles matching f in f.Order.
func (s *Store) ListArticles(ctx context.Context, f kg.ArticleFilter) (*kg.ArticlePage, error) {
	size, off, err := kg.ParsePage(f.First, f.After)
	if err != nil {
		return nil, err
	}
	order, ok := articleOrderSQL[f.Order]
	if !ok {
		return nil, kg.Errorf(kg.EInvalid, "unknown article order %q", f.Order)
	}
	rng, err := kg.ParseDateRange(f.From, f.To)
	if err != nil {
		return nil, err
	}
	conds, args := []string{"1"}, []any{}
	if f.EntityID != "" {
		id, err := resolveID(ctx, s.r, f.EntityID)
		if err != nil {
			return nil, err
		}
		conds = append(conds, `id IN (SELECT article_id FROM entity_articles WHERE entity_id = ?)`)
		args = append(args, id)
	}
	if rng != nil {
		ds, err := s.datesIn(ctx, "articles", "published", rng)
		if err != nil {
			return nil, err
		}
		conds = append(conds, `published IN (SELECT value FROM json_each(?))`)
		args = append(args, ds)
	}
	where := ` WHERE ` + strings.Join(conds, " AND ")
	p := &kg.ArticlePage{Articles: []*kg.Article{}}
	if err := s.r.QueryRowContext(ctx, `SELECT count(*) FROM articles`+where, args...).Scan(&p.Total); err != nil {
		return nil, fmt.Errorf("sqlite: list articles: %w", err)
	}
	rows, err := s.r.QueryContext(ctx, `SELECT id, title, source, url, published, section, text FROM articles`+where+
		` ORDER BY `+order+` LIMIT ? OFFSET ?`, append(args, size, off)...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: list articles: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		a, err := scanArticle(rows)
		if err != nil {
			return nil, fmt.Errorf("sqlite: list articles: %w", err)
		}
		p.Articles = append(p.Articles, a)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: list articles: %w", err)
	}
	if n := len(p.Articles); n > 0 {
		p.EndCursor = kg.EncodeCursor(off + n)
	}
	p.HasNext = off+len(p.Articles) < p.Total
	return p, nil
}

// ListEvents pages through the events matching f in f.Order.
func (s *Store) ListEvents(ctx context.Context, f kg.EventFilter) (*kg.EventPage, error) {
	size, off, err := kg.ParsePage(f.First, f.After)
	if err != nil {
		return nil, err
	}
	order, ok := eventOrderSQL[f.Order]
	if !ok {
		return nil, kg.Errorf(kg.EInvalid, "unknown event order %q", f.Order)
	}
	rng, err := kg.ParseDateRange(f.From, f.To)
	if err != nil {
		return nil, err
	}
	conds, args := []string{"1"}, []any{}
	if f.Type != "" {
		if !slices.Contains(kg.EventTypes, f.Type) {
			return nil, kg.Errorf(kg.EInvalid, "unknown event type %q", f.Type)
		}
		conds = append(conds, `type = ?`)
		args = append(args, f.Type)
	}
	if f.EntityID != "" {
		id, err := resolveID(ctx, s.r, f.EntityID)
		if err != nil {
			return nil, err
		}
		conds = append(conds, `id IN (SELECT event_id FROM event_participants WHERE entity_id = ?)`)
		args = append(args, id)
	}
	if rng != nil {
		ds, err := s.datesIn(ctx, "events", "date", rng)
		if err != nil {
			return nil, err
		}
		conds = append(conds, `date IN (SELECT value FROM json_each(?))`)
		args = append(args, ds)
	}
	where := ` WHERE ` + strings.Join(conds, " AND ")
	p := &kg.EventPage{Events: []*kg.Event{}}
	if err := s.r.QueryRowContext(ctx, `SELECT count(*) FROM events`+where, args...).Scan(&p.Total); err != nil {
		return nil, fmt.Errorf("sqlite: list events: %w", err)
	}
	ids, err := column(ctx, s.r, `SELECT id FROM events`+where+` ORDER BY `+order+` LIMIT ? OFFSET ?`, append(args, size, off)...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: list events: %w", err)
	}
	m, err := loadEvents(ctx, s.r, ids)
	if err != nil {
		return nil, err
	}
	for _, id := range ids {
		if e := m[id]; e != nil {
			p.Events = append(p.Events, e)
		}
	}
	if len(ids) > 0 {
		p.EndCursor = kg.EncodeCursor(off + len(ids))
	}
	p.HasNext = off+len(ids) < p.Total
	return p, nil
}

// ListRelations pages through all relations matching f in f.Order.
func (s *Store) ListRelations(ctx context.Context, f kg.RelationListFilter) (*kg.RelationPage, error) {
	size, off, err := kg.ParsePage(f.First, f.After)
	if err != nil {
		return nil, err
	}
	order, ok := relationOrderSQL[f.Order]
	if !ok {
		return nil, kg.Errorf(kg.EInvalid, "unknown relation order %q", f.Order)
	}
	rng, err := kg.ParseDateRange(f.From, f.To)
	if err != nil {
		return nil, err
	}
	conds := []string{`r.confidence >= ?`}
	args := []any{f.MinConfidence}
	if len(f.Types) > 0 {
		for _, t := range f.Types {
			if !t.Valid() {
				return nil, kg.Errorf(kg.EInvalid, "unknown relation type %q", t)
			}
			args = append(args, string(t))
		}
		conds = append(conds, `r.type IN (`+placeholders(len(f.Types))+`)`)
	}
	for _, ends := range []struct {
		col   string
		types []kg.EntityType
	}{{"r.source", f.SourceTypes}, {"r.target", f.TargetTypes}} {
		if len(ends.types) == 0 {
			continue
		}
		for _, t := range ends.types {
			if !t.Valid() {
				return nil, kg.Errorf(kg.EInvalid, "unknown entity type %q", t)
			}
			args = append(args, string(t))
		}
		conds = append(conds, ends.col+` IN (SELECT id FROM entities WHERE type IN (`+placeholders(len(ends.types))+`))`)
	}
	if f.Source != "" || f.Target != "" || f.EntityID != "" {
		red, err := resolve(ctx, s.r, []string{f.Source, f.Target, f.EntityID})
		if err != nil {
			return nil, err
		}
		if f.Source != "" {
			conds, args = append(conds, `r.source = ?`), append(args, red[f.Source])
		}
		if f.Target != "" {
			conds, args = append(conds, `r.target = ?`), append(args, red[f.Target])
		}
		if f.EntityID != "" {
			conds, args = append(conds, `(r.source = ? OR r.target = ?)`), append(args, red[f.EntityID], red[f.EntityID])
		}
	}
	if f.ArticleID != "" {
		conds = append(conds, `r.id IN (SELECT relation_id FROM relation_articles WHERE article_id = ?)`)
		args = append(args, f.ArticleID)
	}
	if rng != nil {
		ds, err := s.datesIn(ctx, "articles", "published", rng)
		if err != nil {
			return nil, err
		}
		conds = append(conds, `r.id IN (SELECT ra.relation_id FROM relation_articles ra JOIN articles a ON a.id = ra.article_id
			WHERE a.published IN (SELECT value FROM json_each(?)))`)
		args = append(args, ds)
	}
	if !f.IncludeRetracted {
		conds = append(conds, `r.id NOT IN (SELECT relation_id FROM retractions)`)
	}
	where := ` WHERE ` + strings.Join(conds, " AND ")
	p := &kg.RelationPage{Relations: []*kg.Relation{}}
	if err := s.r.QueryRowContext(ctx, `SELECT count(*) FROM relations r`+where, args...).Scan(&p.Total); err != nil {
		return nil, fmt.Errorf("sqlite: list relations: %w", err)
	}
	from := ` FROM relations r`
	if f.Order == kg.RelationByLatest {
		// latest is the newest publication date of the relation's
		// articles, '' when none is dated; computed only when it orders.
		from = ` FROM (SELECT r.*, coalesce((SELECT max(a.published) FROM relation_articles ra
			JOIN articles a ON a.id = ra.article_id WHERE ra.relation_id = r.id), '') AS latest
			FROM relations r` + where + `) r`
		where = ""
	}
	ids, err := column(ctx, s.r, `SELECT r.id`+from+where+` ORDER BY `+order+` LIMIT ? OFFSET ?`,
		append(args, size, off)...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: list relations: %w", err)
	}
	rels, err := relationsByID(ctx, s.r, ids)
	if err != nil {
		return nil, err
	}
	for _, r := range rels {
		if r != nil {
			p.Relations = append(p.Relations, r)
		}
	}
	if len(ids) > 0 {
		p.EndCursor = kg.EncodeCursor(off + len(ids))
	}
	p.HasNext = off+len(ids) < p.Total
	return p, nil
}

package sqlite

import (
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
// one by score desc, name, id), a page after the keyset cursor f.After.
func (s *Store) FindEntities(ctx context.Context, f kg.EntityFilter) (*kg.EntityPage, error) {
	size, err := kg.PageSize(f.First)
	if err != nil {
		return nil, err
	}
	if err := kg.CheckQuery(f.Query); err != nil {
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
	search := strings.TrimSpace(f.Query) != ""
	ks := f.Order.Keyset(search)
	after, err := ks.After(f.After)
	if err != nil {
		return nil, err
	}
	var (
		pg     keyed
		scores []float64
	)
	if search {
		pg, scores, err = s.searchEntities(ctx, f, ks, after, size)
	} else {
		pg, err = s.listEntities(ctx, f, ks, after, size)
	}
	if err != nil {
		return nil, err
	}
	m, err := loadEntities(ctx, s.r, pg.ids)
	if err != nil {
		return nil, err
	}
	p := &kg.EntityPage{Hits: make([]kg.EntityHit, 0, len(pg.ids)), Cursors: []string{}, Total: pg.total,
		HasNext: pg.hasNext, HasPrev: pg.hasPrev}
	for i, id := range pg.ids {
		e := m[id]
		if e == nil {
			continue // deleted between the two reads
		}
		sc := 1.0
		if scores != nil {
			sc = scores[i]
		}
		p.Hits = append(p.Hits, kg.EntityHit{Entity: e, Score: sc})
		p.Cursors = append(p.Cursors, ks.Cursor(pg.keys[i]))
	}
	if n := len(p.Cursors); n > 0 {
		p.EndCursor = p.Cursors[n-1]
	}
	return p, nil
}

// keyed is one page of a list read by keyset: the ids and sort keys of
// its items, the number of items over all pages, and whether more follow.
type keyed struct {
	ids              []string
	keys             []kg.Key
	total            int
	hasNext, hasPrev bool
}

// readKeyed reads one page of a list by keyset. from is the FROM clause
// and conds the filter (with args, in order); exprs are the expressions
// of ks's columns, the id last. It counts the matching rows, then reads
// the size rows (and one more, to know whether more follow) whose keys
// sort after after.
func readKeyed(ctx context.Context, q querier, ks kg.Keyset, exprs []string, from string, conds []string, args []any,
	after kg.Key, size int) (keyed, error) {
	var pg keyed
	where := ""
	if len(conds) > 0 {
		where = ` WHERE ` + strings.Join(conds, " AND ")
	}
	if err := q.QueryRowContext(ctx, `SELECT count(*) FROM `+from+where, args...).Scan(&pg.total); err != nil {
		return pg, err
	}
	if after != nil {
		args = slices.Clone(args)
		var prevArgs []any
		cond := ks.Where(exprs, after, true, func(v any) string {
			prevArgs = append(prevArgs, v)
			return "?"
		})
		prev := ` WHERE ` + strings.Join(append(slices.Clip(conds), `NOT `+cond), " AND ")
		if err := q.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM `+from+prev+`)`,
			append(slices.Clip(args), prevArgs...)...).Scan(&pg.hasPrev); err != nil {
			return pg, err
		}
		conds = append(slices.Clip(conds), cond)
		args = append(args, prevArgs...)
		where = ` WHERE ` + strings.Join(conds, " AND ")
	}
	rows, err := q.QueryContext(ctx, `SELECT `+strings.Join(exprs, ", ")+` FROM `+from+where+
		` ORDER BY `+ks.OrderBy(exprs)+` LIMIT ?`, append(args, size+1)...)
	if err != nil {
		return pg, err
	}
	defer rows.Close()
	vals := make([]any, len(exprs))
	ptrs := make([]any, len(exprs))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	for rows.Next() {
		if len(pg.ids) == size {
			pg.hasNext = true
			break
		}
		if err := rows.Scan(ptrs...); err != nil {
			return pg, err
		}
		key := ks.Normalize(vals)
		pg.ids = append(pg.ids, key[len(key)-1].(string))
		pg.keys = append(pg.keys, key)
	}
	return pg, rows.Err()
}

// entityWhere builds the filter conditions shared by listing.
func entityWhere(f kg.EntityFilter) ([]string, []any) {
	var conds []string
	var args []any
	if types := uniq(f.Types); len(types) > 0 {
		conds = append(conds, `type IN (`+placeholders(len(types))+`)`)
		for _, t := range types {
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
	return conds, args
}

// entityArticles counts the articles mentioning the entity of the row.
const entityArticles = `(SELECT count(*) FROM entity_articles ea WHERE ea.entity_id = entities.id)`

func (s *Store) listEntities(ctx context.Context, f kg.EntityFilter, ks kg.Keyset, after kg.Key, size int) (keyed, error) {
	conds, args := entityWhere(f)
	exprs := []string{`name`, `id`}
	if f.Order == kg.EntityByArticles {
		exprs = []string{entityArticles, `name`, `id`}
	}
	pg, err := readKeyed(ctx, s.r, ks, exprs, `entities`, conds, args, after, size)
	if err != nil {
		return pg, fmt.Errorf("sqlite: list entities: %w", err)
	}
	return pg, nil
}

func (s *Store) searchEntities(ctx context.Context, f kg.EntityFilter, ks kg.Keyset, after kg.Key, size int) (keyed, []float64, error) {
	var pg keyed
	idx, err := s.index(ctx)
	if err != nil {
		return pg, nil, err
	}
	var inArticle map[string]bool
	if f.ArticleID != "" {
		ids, err := column(ctx, s.r, `SELECT entity_id FROM entity_articles WHERE article_id = ?`, f.ArticleID)
		if err != nil {
			return pg, nil, fmt.Errorf("sqlite: search entities: %w", err)
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
		key      kg.Key
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
			hits = append(hits, hit{id: e.id, name: e.name, score: sc})
		}
	}
	idx.mu.RUnlock()
	var count map[string]int
	if f.Order == kg.EntityByArticles {
		ids := make([]string, len(hits))
		for i, h := range hits {
			ids[i] = h.id
		}
		if count, err = s.articleCounts(ctx, ids); err != nil {
			return pg, nil, err
		}
	}
	for i := range hits {
		h := &hits[i]
		switch f.Order {
		case kg.EntityByArticles:
			h.key = kg.Key{float64(count[h.id]), h.name, h.id}
		case kg.EntityByName:
			h.key = kg.Key{h.name, h.id}
		default:
			h.key = kg.Key{h.score, h.name, h.id}
		}
	}
	slices.SortFunc(hits, func(a, b hit) int { return ks.Compare(a.key, b.key) })
	lo, hi, err := ks.Window(len(hits), func(i int) kg.Key { return hits[i].key }, f.After, size)
	if err != nil {
		return pg, nil, err
	}
	pg.total, pg.hasNext, pg.hasPrev = len(hits), hi < len(hits), lo > 0
	scores := make([]float64, 0, hi-lo)
	for _, h := range hits[lo:hi] {
		pg.ids = append(pg.ids, h.id)
		pg.keys = append(pg.keys, h.key)
		scores = append(scores, h.score)
	}
	return pg, scores, nil
}

// Key expressions of the list orders, chosen by the filter's order value
// from these fixed lists only: the columns of the order's kg.Keyset, the
// id last.
var (
	articleKeySQL = map[kg.ArticleOrder][]string{
		kg.ArticleByNewest: {`published = ''`, `published`, `id`},
		kg.ArticleByOldest: {`published = ''`, `published`, `id`},
		kg.ArticleByTitle:  {`title`, `id`},
	}
	eventKeySQL = map[kg.EventOrder][]string{
		kg.EventByDate:     {`date = ''`, `date`, `id`},
		kg.EventByDateDesc: {`date = ''`, `date`, `id`},
	}
	relationKeySQL = map[kg.RelationOrder][]string{
		kg.RelationByType:       {`r.type`, `r.source`, `r.target`, `r.id`},
		kg.RelationByConfidence: {`r.confidence`, `r.type`, `r.source`, `r.target`, `r.id`},
		kg.RelationByEvidence: {`(SELECT count(*) FROM evidence ev WHERE ev.relation_id = r.id)`,
			`r.type`, `r.source`, `r.target`, `r.id`},
		kg.RelationByLatest: {`r.latest = ''`, `r.latest`, `r.type`, `r.source`, `r.target`, `r.id`},
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
	size, err := kg.PageSize(f.First)
	if err != nil {
		return nil, err
	}
	exprs, ok := articleKeySQL[f.Order]
	if !ok {
		return nil, kg.Errorf(kg.EInvalid, "unknown article order %q", f.Order)
	}
	ks := f.Order.Keyset()
	after, err := ks.After(f.After)
	if err != nil {
		return nil, err
	}
	rng, err := kg.ParseDateRange(f.From, f.To)
	if err != nil {
		return nil, err
	}
	var conds []string
	var args []any
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
	pg, err := readKeyed(ctx, s.r, ks, exprs, `articles`, conds, args, after, size)
	if err != nil {
		return nil, fmt.Errorf("sqlite: list articles: %w", err)
	}
	as, err := s.Articles(ctx, pg.ids)
	if err != nil {
		return nil, err
	}
	p := &kg.ArticlePage{Articles: []*kg.Article{}, Cursors: []string{}, Total: pg.total,
		HasNext: pg.hasNext, HasPrev: pg.hasPrev}
	for i, a := range as {
		if a != nil { // nil: deleted between the two reads
			p.Articles = append(p.Articles, a)
			p.Cursors = append(p.Cursors, ks.Cursor(pg.keys[i]))
		}
	}
	p.EndCursor = last(p.Cursors)
	return p, nil
}

// last returns the last of cursors, "" for none.
func last(cursors []string) string {
	if len(cursors) == 0 {
		return ""
	}
	return cursors[len(cursors)-1]
}

// ListEvents pages through the events matching f in f.Order.
func (s *Store) ListEvents(ctx context.Context, f kg.EventFilter) (*kg.EventPage, error) {
	size, err := kg.PageSize(f.First)
	if err != nil {
		return nil, err
	}
	exprs, ok := eventKeySQL[f.Order]
	if !ok {
		return nil, kg.Errorf(kg.EInvalid, "unknown event order %q", f.Order)
	}
	ks := f.Order.Keyset()
	after, err := ks.After(f.After)
	if err != nil {
		return nil, err
	}
	rng, err := kg.ParseDateRange(f.From, f.To)
	if err != nil {
		return nil, err
	}
	var conds []string
	var args []any
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
	pg, err := readKeyed(ctx, s.r, ks, exprs, `events`, conds, args, after, size)
	if err != nil {
		return nil, fmt.Errorf("sqlite: list events: %w", err)
	}
	m, err := loadEvents(ctx, s.r, pg.ids)
	if err != nil {
		return nil, err
	}
	p := &kg.EventPage{Events: []*kg.Event{}, Cursors: []string{}, Total: pg.total,
		HasNext: pg.hasNext, HasPrev: pg.hasPrev}
	for i, id := range pg.ids {
		if e := m[id]; e != nil {
			p.Events = append(p.Events, e)
			p.Cursors = append(p.Cursors, ks.Cursor(pg.keys[i]))
		}
	}
	p.EndCursor = last(p.Cursors)
	return p, nil
}

// ListRelations pages through all relations matching f in f.Order.
func (s *Store) ListRelations(ctx context.Context, f kg.RelationListFilter) (*kg.RelationPage, error) {
	size, err := kg.PageSize(f.First)
	if err != nil {
		return nil, err
	}
	exprs, ok := relationKeySQL[f.Order]
	if !ok {
		return nil, kg.Errorf(kg.EInvalid, "unknown relation order %q", f.Order)
	}
	ks := f.Order.Keyset()
	after, err := ks.After(f.After)
	if err != nil {
		return nil, err
	}
	rng, err := kg.ParseDateRange(f.From, f.To)
	if err != nil {
		return nil, err
	}
	conds := []string{`r.confidence >= ?`}
	args := []any{f.MinConfidence}
	if types := uniq(f.Types); len(types) > 0 {
		for _, t := range types {
			if !t.Valid() {
				return nil, kg.Errorf(kg.EInvalid, "unknown relation type %q", t)
			}
			args = append(args, string(t))
		}
		conds = append(conds, `r.type IN (`+placeholders(len(types))+`)`)
	}
	for _, ends := range []struct {
		col   string
		types []kg.EntityType
	}{{"r.source", uniq(f.SourceTypes)}, {"r.target", uniq(f.TargetTypes)}} {
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
	from := `relations r`
	if f.Order == kg.RelationByLatest {
		// latest is the newest publication date of the relation's
		// articles, '' when none is dated; computed only when it orders.
		from = `(SELECT r.*, coalesce((SELECT max(a.published) FROM relation_articles ra
			JOIN articles a ON a.id = ra.article_id WHERE ra.relation_id = r.id), '') AS latest
			FROM relations r WHERE ` + strings.Join(conds, " AND ") + `) r`
		conds = nil
	}
	pg, err := readKeyed(ctx, s.r, ks, exprs, from, conds, args, after, size)
	if err != nil {
		return nil, fmt.Errorf("sqlite: list relations: %w", err)
	}
	rels, err := relationsByID(ctx, s.r, pg.ids, f.Read)
	if err != nil {
		return nil, err
	}
	p := &kg.RelationPage{Relations: []*kg.Relation{}, Cursors: []string{}, Total: pg.total,
		HasNext: pg.hasNext, HasPrev: pg.hasPrev}
	for i, r := range rels {
		if r != nil {
			p.Relations = append(p.Relations, r)
			p.Cursors = append(p.Cursors, ks.Cursor(pg.keys[i]))
		}
	}
	p.EndCursor = last(p.Cursors)
	return p, nil
}

// withFoldedName lists the entities whose name folds to key.
func (idx *nameIndex) withFoldedName(key string) []string {
	idx.mu.RLock()
	defer idx.mu.RUnlock()
	var out []string
	for _, e := range idx.entries {
		if e.id != "" && len(e.folded) > 0 && e.folded[0] == key {
			out = append(out, e.id)
		}
	}
	return out
}

package neo4jstore

import (
	"cmp"
	"context"
	"slices"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/newsgraph/newsgraph/kg"
)

// resolveAll maps ids through redirects and returns the resolved list in
// the same order.
func resolveAll(ctx context.Context, tx runner, ids []string) ([]string, error) {
	if !slices.ContainsFunc(ids, func(id string) bool { return id != "" }) {
		return ids, nil // nothing to resolve: no round trip
	}
	red, err := resolve(ctx, tx, ids)
	if err != nil {
		return nil, err
	}
	want := make([]string, len(ids))
	for i, id := range ids {
		want[i] = red[id]
	}
	return want, nil
}

// Entities returns the entities with the given ids, nil where unknown. A
// merged-away id returns the entity that absorbed it.
func (s *Store) Entities(ctx context.Context, ids []string) ([]*kg.Entity, error) {
	return readOne(ctx, s, "read entities", func(tx runner) ([]*kg.Entity, error) {
		// Merges are resolved in the same statement: one round trip.
		recs, err := run(ctx, tx, `UNWIND $ids AS req
			OPTIONAL MATCH (x:Redirect {id: req})
			WITH req, coalesce(x.to, req) AS id
			MATCH (e:Entity {id: id})
			RETURN req, e`, map[string]any{"ids": anyStrings(uniq(ids))})
		if err != nil {
			return nil, err
		}
		m := make(map[string]*kg.Entity, len(recs))
		for _, rec := range recs {
			p, err := recProps(rec, "e")
			if err != nil {
				return nil, err
			}
			m[recStr(rec, "req")] = entityFromProps(p)
		}
		out := make([]*kg.Entity, len(ids))
		for i, id := range ids {
			out[i] = m[id]
		}
		return out, nil
	})
}

// Relations returns, for each entity id, its relations matching f, ordered
// by type, source, target. Symmetric relations match every direction.
func (s *Store) Relations(ctx context.Context, entityIDs []string, f kg.RelationFilter) ([][]*kg.Relation, error) {
	return readOne(ctx, s, "read relations", func(tx runner) ([][]*kg.Relation, error) {
		_, rels, _, err := readRelations(ctx, tx, entityIDs, f, false, false)
		return rels, err
	})
}

// EntitiesWithRelations is Entities and Relations in one statement.
func (s *Store) EntitiesWithRelations(ctx context.Context, ids []string, f kg.RelationFilter) ([]*kg.Entity, [][]*kg.Relation, error) {
	type both struct {
		es   []*kg.Entity
		rels [][]*kg.Relation
	}
	v, err := readOne(ctx, s, "read entities", func(tx runner) (both, error) {
		es, rels, _, err := readRelations(ctx, tx, ids, f, true, false)
		return both{es, rels}, err
	})
	return v.es, v.rels, err
}

// EntitiesWithTwoLevels is EntitiesWithRelations and the relations of the
// other ends in one statement (kg.TwoLevelReader): a two-hop walk is one
// round trip.
func (s *Store) EntitiesWithTwoLevels(ctx context.Context, ids []string, f kg.RelationFilter) ([]*kg.Entity, [][]*kg.Relation, map[string][]*kg.Relation, error) {
	type all struct {
		es   []*kg.Entity
		rels [][]*kg.Relation
		next map[string][]*kg.Relation
	}
	v, err := readOne(ctx, s, "read entities", func(tx runner) (all, error) {
		es, rels, next, err := readRelations(ctx, tx, ids, f, true, true)
		return all{es, rels, next}, err
	})
	return v.es, v.rels, v.next, err
}

// relWhere is the condition, over the relationship bound to r, of f's
// confidence and retraction filters. It uses $min.
func relWhere(f kg.RelationFilter) string {
	return allOf(relConds(f.MinConfidence, f.IncludeRetracted))
}

// relConds are the conditions, over the relationship bound to r, of a
// least confidence and of leaving retracted relationships out: only those
// asked for, since a condition that a parameter switches off still costs
// its evaluation on every relationship. They use $min.
func relConds(minConfidence float64, includeRetracted bool) []string {
	var conds []string
	if minConfidence > 0 {
		conds = append(conds, `r.confidence >= $min`)
	}
	if !includeRetracted {
		conds = append(conds, `NOT coalesce(r.retracted, false)`)
	}
	return conds
}

// allOf is the conjunction of conds (true when there are none).
func allOf(conds []string) string {
	if len(conds) == 0 {
		return `true`
	}
	return strings.Join(conds, ` AND `)
}

// readRelations reads the relations of entityIDs matching f and, with
// entities, the entities themselves, in one statement. Merges are resolved
// in the same statement. With second (and entities), it also reads the
// relations of the relations' other ends (kg.TwoLevelReader), by end.
func readRelations(ctx context.Context, tx runner, entityIDs []string, f kg.RelationFilter, entities, second bool) ([]*kg.Entity, [][]*kg.Relation, map[string][]*kg.Relation, error) {
	types := make([]string, len(f.Types))
	for i, t := range f.Types {
		rt, err := relType(t)
		if err != nil {
			return nil, nil, nil, err
		}
		types[i] = rt
	}
	// The pattern names only the types asked for.
	alt := relTypeAlt()
	if len(types) > 0 {
		ts := uniq(types)
		slices.Sort(ts)
		alt = strings.Join(ts, "|")
	}
	entries, err := relEntries(f.Read)
	if err != nil {
		return nil, nil, nil, err
	}
	ends := ""
	if f.Read.Ends {
		ends = `, se: sn` + endMap(f.Read) + `, te: tn` + endMap(f.Read)
	}
	relMap := `r {` + entries + `, eid: elementId(r), type: type(r), src: sn.id, tgt: tn.id` + ends + `}`
	// Without the entities, an unknown id still gives its row (no
	// relations); with them, it gives none, and the entity reads as nil.
	match, ent, start := ``, ``, `id) {
			OPTIONAL MATCH (:Entity {id: id})`
	if entities {
		match, ent, start = ` MATCH (e:Entity {id: id})`, `, e`+entityMap+` AS e`, `e) {
			OPTIONAL MATCH (e)`
	}
	others, next := ``, ``
	if entities && second {
		// The other ends' relations, but those back to e (read above).
		others, next = `, collect(DISTINCT o) AS others`, `
		CALL (e, others) {
			UNWIND others AS o
			CALL (e, o) {
				OPTIONAL MATCH (o)-[r:`+alt+`]-(p:Entity) WHERE p <> e AND `+relWhere(f)+`
				WITH r, startNode(r) AS sn, endNode(r) AS tn
				RETURN collect(`+relMap+`) AS rs
			}
			RETURN collect({id: o.id, rels: rs}) AS next
		}`
		ent += `, next`
	}
	// One row per id, its relations collected into one list: the entity
	// and the row overhead are not repeated for every relation.
	recs, err := run(ctx, tx, `UNWIND $ids AS req
		OPTIONAL MATCH (x:Redirect {id: req})
		WITH req, coalesce(x.to, req) AS id`+match+`
		CALL (`+start+`-[r:`+alt+`]-(o:Entity) WHERE `+relWhere(f)+`
			WITH r, o, startNode(r) AS sn, endNode(r) AS tn
			RETURN collect(`+relMap+`) AS rels`+others+`
		}`+next+`
		RETURN req, id, rels`+ent,
		map[string]any{"ids": anyStrings(uniq(entityIDs)), "min": f.MinConfidence})
	if err != nil {
		return nil, nil, nil, err
	}
	resolved := map[string]string{}
	nextOf := map[string][]*kg.Relation{}
	byID := map[string]*kg.Entity{}
	seen := map[string]bool{}
	bySource := map[string][]*kg.Relation{}
	byTarget := map[string][]*kg.Relation{}
	for _, rec := range recs {
		id := recStr(rec, "id")
		resolved[recStr(rec, "req")] = id
		if entities && byID[id] == nil {
			p, err := recProps(rec, "e")
			if err != nil {
				return nil, nil, nil, err
			}
			byID[id] = entityFromProps(p)
		}
		if second {
			v, _ := rec.Get("next")
			l, _ := v.([]any)
			for _, x := range l {
				m, _ := x.(map[string]any)
				o := pStr(m, "id")
				rs, _ := m["rels"].([]any)
				nextOf[o] = relsOf(o, rs, f)
			}
		}
		v, _ := rec.Get("rels")
		rels, _ := v.([]any)
		for _, x := range rels {
			p, _ := x.(map[string]any)
			eid := pStr(p, "eid")
			if eid == "" || seen[eid] {
				continue
			}
			seen[eid] = true
			r := relOfMap(p, f.Read)
			bySource[r.Source] = append(bySource[r.Source], r)
			byTarget[r.Target] = append(byTarget[r.Target], r)
		}
	}
	var es []*kg.Entity
	if entities {
		es = make([]*kg.Entity, len(entityIDs))
	}
	out := make([][]*kg.Relation, len(entityIDs))
	for i, req := range entityIDs {
		id := resolved[req]
		if entities {
			es[i] = byID[id]
		}
		list := []*kg.Relation{}
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
		out[i] = list
	}
	if !second {
		nextOf = nil
	}
	return es, out, nextOf, nil
}

// relOfMap is the relation of a relation map a read collected (eid, type,
// src, tgt, the properties and, with ends, se and te).
func relOfMap(p map[string]any, rd kg.RelationRead) *kg.Relation {
	r := relFromProps(pStr(p, "type"), pStr(p, "src"), pStr(p, "tgt"), "", p).toKG()
	if rd.Ends {
		r.SourceEntity, r.TargetEntity = endEntity(p, "se"), endEntity(p, "te")
	}
	return r
}

// relsOf is the relations of entity id among the relation maps rs that f's
// direction keeps, in relation order.
func relsOf(id string, rs []any, f kg.RelationFilter) []*kg.Relation {
	list := make([]*kg.Relation, 0, len(rs))
	for _, x := range rs {
		p, _ := x.(map[string]any)
		if p == nil {
			continue
		}
		r := relOfMap(p, f.Read)
		if (r.Source == id && (f.Direction != kg.In || r.Type.Symmetric())) ||
			(r.Target == id && (f.Direction != kg.Out || r.Type.Symmetric())) {
			list = append(list, r)
		}
	}
	sortRelations(list)
	return list
}

// RelationsByID returns the relations with the given ids (nil where
// unknown), retracted ones included and marked.
func (s *Store) RelationsByID(ctx context.Context, ids []string) ([]*kg.Relation, error) {
	return readOne(ctx, s, "read relations", func(tx runner) ([]*kg.Relation, error) {
		m, err := relsByID(ctx, tx, ids)
		if err != nil {
			return nil, err
		}
		out := make([]*kg.Relation, len(ids))
		for i, id := range ids {
			if r := m[id]; r != nil {
				out[i] = r.toKG()
			}
		}
		return out, nil
	})
}

// Key expressions of the list orders, chosen by the filter's order value
// from these fixed lists only: the columns of the order's kg.Keyset, the
// id last, matching the embedded store's.
var (
	relationKeyCypher = map[kg.RelationOrder][]string{
		kg.RelationByType:       {`type`, `src`, `tgt`, `r.id`},
		kg.RelationByConfidence: {`r.confidence`, `type`, `src`, `tgt`, `r.id`},
		kg.RelationByEvidence:   {`coalesce(r.evCount, 0)`, `type`, `src`, `tgt`, `r.id`},
		kg.RelationByLatest:     {`CASE WHEN latest = '' THEN 1 ELSE 0 END`, `latest`, `type`, `src`, `tgt`, `r.id`},
	}
	articleKeyCypher = map[kg.ArticleOrder][]string{
		kg.ArticleByNewest: {`CASE WHEN pub = '' THEN 1 ELSE 0 END`, `pub`, `a.id`},
		kg.ArticleByOldest: {`CASE WHEN pub = '' THEN 1 ELSE 0 END`, `pub`, `a.id`},
		kg.ArticleByTitle:  {`coalesce(a.title, '')`, `a.id`},
	}
	eventKeyCypher = map[kg.EventOrder][]string{
		kg.EventByDate:     {`CASE WHEN d = '' THEN 1 ELSE 0 END`, `d`, `o.id`},
		kg.EventByDateDesc: {`CASE WHEN d = '' THEN 1 ELSE 0 END`, `d`, `o.id`},
	}
)

// latestOfRelation binds latest to the newest publication date of the
// articles of the relation bound to r, ” when none is dated.
const latestOfRelation = `CALL (r) {
		UNWIND coalesce(r.articles, []) AS x
		OPTIONAL MATCH (a:Article {id: x})
		RETURN coalesce(max(a.published), '') AS latest
	}`

// datesIn returns the distinct dates that q (returning d) reads and that
// fall in r, as a Cypher list parameter; nil r selects nothing to filter.
func datesIn(ctx context.Context, tx runner, q string, r *kg.DateRange) ([]any, error) {
	if r == nil {
		return []any{}, nil
	}
	recs, err := run(ctx, tx, q, nil)
	if err != nil {
		return nil, err
	}
	all := make([]string, len(recs))
	for i, rec := range recs {
		all[i] = recStr(rec, "d")
	}
	return anyStrings(r.Select(all)), nil
}

const (
	articleDates = `MATCH (a:Article) RETURN DISTINCT coalesce(a.published, '') AS d`
	eventDates   = `MATCH (o:Occurrence) RETURN DISTINCT coalesce(o.date, '') AS d`
)

// entityTypeStrings checks entity types and returns them as a parameter.
func entityTypeStrings(ts []kg.EntityType) ([]any, error) {
	out := make([]any, len(ts))
	for i, t := range ts {
		if !t.Valid() {
			return nil, kg.Errorf(kg.EInvalid, "unknown entity type %q", t)
		}
		out[i] = string(t)
	}
	return out, nil
}

// ListRelations pages through all relations matching f in f.Order.
func (s *Store) ListRelations(ctx context.Context, f kg.RelationListFilter) (*kg.RelationPage, error) {
	size, err := kg.PageSize(f.First)
	if err != nil {
		return nil, err
	}
	exprs, ok := relationKeyCypher[f.Order]
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
	types := make([]string, len(f.Types))
	for i, t := range f.Types {
		if !t.Valid() {
			return nil, kg.Errorf(kg.EInvalid, "unknown relation type %q", t)
		}
		types[i] = string(t)
	}
	stypes, err := entityTypeStrings(f.SourceTypes)
	if err != nil {
		return nil, err
	}
	ttypes, err := entityTypeStrings(f.TargetTypes)
	if err != nil {
		return nil, err
	}
	// The pattern names only the types asked for (validated above), so
	// Neo4j scans those relationship types alone rather than every
	// relationship and filtering afterwards.
	alt := relTypeAlt()
	if len(types) > 0 {
		ts := uniq(types)
		slices.Sort(ts)
		alt = strings.Join(ts, "|")
	}
	match := `MATCH (s:Entity)-[r:` + alt + `]->(t:Entity)`
	// One type in type order is in source order: walking the sources in
	// the order of their id index lets Neo4j stop after the page (a
	// partial sort) instead of sorting every relation of the type.
	bySource := f.Order == kg.RelationByType && len(uniq(types)) == 1 &&
		f.Source == "" && f.Target == "" && f.EntityID == "" && f.ArticleID == ""
	if bySource {
		match += ` USING INDEX s:Entity(id) WHERE s.id IS NOT NULL AND`
	} else {
		match += ` WHERE`
	}
	if f.ArticleID != "" {
		// An article's relations join entities it mentions.
		match = `MATCH (:Article {id: $aid})-[:MENTIONS]->(s:Entity)-[r:` + alt + `]->(t:Entity) WHERE`
	}
	// Only the filters the list has are spelled out, as in relConds.
	// (The types are in the pattern.) The texts are a few fixed ones, each
	// planned once.
	conds := relConds(f.MinConfidence, f.IncludeRetracted)
	for _, c := range []struct {
		on   bool
		cond string
	}{
		{f.ArticleID != "", `$aid IN r.articles`},
		{len(f.SourceTypes) > 0, `s.type IN $stypes`},
		{len(f.TargetTypes) > 0, `t.type IN $ttypes`},
		{f.Source != "", `s.id = $src`},
		{f.Target != "", `t.id = $tgt`},
		{f.EntityID != "", `(s.id = $eid OR t.id = $eid)`},
		{rng != nil, `any(x IN coalesce(r.articles, []) WHERE x IN inRange)`},
	} {
		if c.on {
			conds = append(conds, c.cond)
		}
	}
	where := ` ` + allOf(conds)
	// inRange is the ids of the articles published in the date range;
	// without one, no article is read.
	prelude := ``
	if rng != nil {
		prelude = `CALL () {
			MATCH (a:Article) WHERE coalesce(a.published, '') IN $dates
			RETURN collect(a.id) AS inRange
		}
		`
	}
	params := map[string]any{"min": f.MinConfidence, "aid": f.ArticleID, "stypes": stypes, "ttypes": ttypes, "limit": int64(size + 1)}
	props, err := relPropsOf(f.Read)
	if err != nil {
		return nil, err
	}
	ends := ""
	if f.Read.Ends {
		ends = `, s` + endMap(f.Read) + ` AS se, t` + endMap(f.Read) + ` AS te`
	}
	keyed := `WITH r, s, t, type(r) AS type, s.id AS src, t.id AS tgt`
	if f.Order == kg.RelationByLatest {
		keyed += ` ` + latestOfRelation
	}
	cond := keysetWhere(ks, exprs, after, params)
	order := ks.OrderBy(exprs)
	if bySource {
		// type is the same on every row; left in, it hides the source
		// order from the planner.
		order = strings.TrimPrefix(order, "type, ")
	}
	before := keyed + ` WITH * WHERE NOT (` + cond + `)`
	if after != nil {
		keyed += ` WITH * WHERE ` + cond
	}
	// The type order's key is the type, src, tgt and id, which every row
	// gives anyway: it is made of them rather than read again as a list.
	keyCol, keyOf := `, [`+strings.Join(exprs, ", ")+`] AS key`, keyColumn
	if f.Order == kg.RelationByType {
		keyCol, keyOf = ``, func(rec *neo4j.Record) []any {
			pm, _ := recProps(rec, "props")
			return []any{recStr(rec, "type"), recStr(rec, "src"), recStr(rec, "tgt"), pStr(pm, "id")}
		}
	}
	read := readTx[*kg.RelationPage]
	if f.NoTotal && after == nil && rng == nil && f.Source == "" && f.Target == "" && f.EntityID == "" {
		read = readOne[*kg.RelationPage] // the page is the only statement
	}
	return read(ctx, s, "list relations", func(tx runner) (*kg.RelationPage, error) {
		ids, err := resolveAll(ctx, tx, []string{f.Source, f.Target, f.EntityID})
		if err != nil {
			return nil, err
		}
		params["src"], params["tgt"], params["eid"] = ids[0], ids[1], ids[2]
		if params["dates"], err = datesIn(ctx, tx, articleDates, rng); err != nil {
			return nil, err
		}
		p := &kg.RelationPage{Relations: []*kg.Relation{}}
		if !f.NoTotal {
			recs, err := run(ctx, tx, prelude+match+where+` RETURN count(r) AS n`, params)
			if err != nil {
				return nil, err
			}
			if len(recs) > 0 {
				p.Total = recInt(recs[0], "n")
			}
		}
		if after != nil {
			if p.HasPrev, err = anyRow(ctx, tx, prelude+match+where+` `+before, params); err != nil {
				return nil, err
			}
		}
		recs, err := run(ctx, tx, prelude+match+where+`
			`+keyed+`
			WITH * ORDER BY `+order+` LIMIT $limit
			RETURN `+props+` AS props, type, src, tgt`+keyCol+ends, params)
		if err != nil {
			return nil, err
		}
		recs, p.Cursors, p.HasNext = keyedBy(ks, recs, size, keyOf)
		for _, rec := range recs {
			pm, err := recProps(rec, "props")
			if err != nil {
				return nil, err
			}
			r := relFromProps(recStr(rec, "type"), recStr(rec, "src"), recStr(rec, "tgt"), "", pm).toKG()
			if err := endsOf(r, rec, f.Read.Ends); err != nil {
				return nil, err
			}
			p.Relations = append(p.Relations, r)
		}
		p.EndCursor = last(p.Cursors)
		return p, nil
	})
}

// Articles returns the articles with the given ids (nil where unknown).
func (s *Store) Articles(ctx context.Context, ids []string) ([]*kg.Article, error) {
	return readOne(ctx, s, "read articles", func(tx runner) ([]*kg.Article, error) {
		out := make([]*kg.Article, len(ids))
		if len(ids) == 0 {
			return out, nil
		}
		recs, err := run(ctx, tx, `MATCH (a:Article) WHERE a.id IN $ids RETURN a`, map[string]any{"ids": anyStrings(uniq(ids))})
		if err != nil {
			return nil, err
		}
		m := map[string]*kg.Article{}
		for _, rec := range recs {
			p, err := recProps(rec, "a")
			if err != nil {
				return nil, err
			}
			a := articleFromProps(p)
			m[a.ID] = a
		}
		for i, id := range ids {
			out[i] = m[id]
		}
		return out, nil
	})
}

// ListArticles pages through the articles matching f in f.Order.
func (s *Store) ListArticles(ctx context.Context, f kg.ArticleFilter) (*kg.ArticlePage, error) {
	size, err := kg.PageSize(f.First)
	if err != nil {
		return nil, err
	}
	exprs, ok := articleKeyCypher[f.Order]
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
	const match = `MATCH (a:Article)
		WHERE ($eid = '' OR EXISTS { (a)-[:MENTIONS]->(:Entity {id: $eid}) })
			AND (NOT $dated OR coalesce(a.published, '') IN $dates)`
	params := map[string]any{"dated": rng != nil, "limit": int64(size + 1)}
	cond := keysetWhere(ks, exprs, after, params)
	return readTx(ctx, s, "list articles", func(tx runner) (*kg.ArticlePage, error) {
		ids, err := resolveAll(ctx, tx, []string{f.EntityID})
		if err != nil {
			return nil, err
		}
		params["eid"] = ids[0]
		if params["dates"], err = datesIn(ctx, tx, articleDates, rng); err != nil {
			return nil, err
		}
		p := &kg.ArticlePage{Articles: []*kg.Article{}}
		recs, err := run(ctx, tx, match+` RETURN count(a) AS n`, params)
		if err != nil {
			return nil, err
		}
		if len(recs) > 0 {
			p.Total = recInt(recs[0], "n")
		}
		if after != nil {
			if p.HasPrev, err = anyRow(ctx, tx, match+` WITH a, coalesce(a.published, '') AS pub WHERE NOT (`+cond+`)`, params); err != nil {
				return nil, err
			}
		}
		recs, err = run(ctx, tx, match+`
			WITH a, coalesce(a.published, '') AS pub WHERE `+cond+`
			WITH a, pub ORDER BY `+ks.OrderBy(exprs)+` LIMIT $limit
			RETURN a, [`+strings.Join(exprs, ", ")+`] AS key`, params)
		if err != nil {
			return nil, err
		}
		recs, p.Cursors, p.HasNext = keyedRecords(ks, recs, size)
		for _, rec := range recs {
			props, err := recProps(rec, "a")
			if err != nil {
				return nil, err
			}
			p.Articles = append(p.Articles, articleFromProps(props))
		}
		p.EndCursor = last(p.Cursors)
		return p, nil
	})
}

// pairs runs a query returning (k, v) string rows for the keys $ids and
// groups v by k, sorted.
func pairs(ctx context.Context, tx runner, q string, ids []string) (map[string][]string, error) {
	m := map[string][]string{}
	if len(ids) == 0 {
		return m, nil
	}
	recs, err := run(ctx, tx, q, map[string]any{"ids": anyStrings(uniq(ids))})
	if err != nil {
		return nil, err
	}
	return groupPairs(recs), nil
}

// groupPairs groups the v of (k, v) records by k, sorted and without
// repeats.
func groupPairs(recs []*neo4j.Record) map[string][]string {
	m := map[string][]string{}
	for _, rec := range recs {
		k := recStr(rec, "k")
		m[k] = append(m[k], recStr(rec, "v"))
	}
	for k := range m {
		slices.Sort(m[k])
		m[k] = slices.Compact(m[k])
	}
	return m
}

// ArticlesOfEntities returns, for each entity id, the sorted ids of the
// articles that mention it.
func (s *Store) ArticlesOfEntities(ctx context.Context, entityIDs []string) ([][]string, error) {
	return readTx(ctx, s, "articles of entities", func(tx runner) ([][]string, error) {
		want, err := resolveAll(ctx, tx, entityIDs)
		if err != nil {
			return nil, err
		}
		m, err := pairs(ctx, tx, `UNWIND $ids AS id
			MATCH (a:Article)-[:MENTIONS]->(:Entity {id: id}) RETURN id AS k, a.id AS v`, want)
		if err != nil {
			return nil, err
		}
		out := make([][]string, len(want))
		for i, id := range want {
			out[i] = append([]string{}, m[id]...)
		}
		return out, nil
	})
}

// LatestArticlesOfEntities returns, for each entity id, the n greatest
// ids of the articles that mention it, sorted: only those cross the wire.
// Merged-away ids are followed in the same statement, an auto-commit read:
// one round trip (resolution makes it for every window of a load).
func (s *Store) LatestArticlesOfEntities(ctx context.Context, entityIDs []string, n int) ([][]string, error) {
	return readOne(ctx, s, "latest articles of entities", func(tx runner) ([][]string, error) {
		out := make([][]string, len(entityIDs))
		for i := range out {
			out[i] = []string{}
		}
		if n <= 0 || len(entityIDs) == 0 {
			return out, nil
		}
		// Each entity's n greatest in a subquery of its own (a top-n per
		// entity, not one sort of every mention of them all).
		recs, err := run(ctx, tx, `UNWIND $ids AS req
			OPTIONAL MATCH (x:Redirect {id: req})
			WITH req, coalesce(x.to, req) AS id
			CALL (id) {
				MATCH (a:Article)-[:MENTIONS]->(:Entity {id: id})
				WITH DISTINCT a.id AS v ORDER BY v DESC LIMIT $n
				RETURN collect(v) AS vs
			}
			RETURN req AS k, vs`, map[string]any{"ids": anyStrings(uniq(entityIDs)), "n": n})
		if err != nil {
			return nil, err
		}
		m := groupLists(recs)
		for i, id := range entityIDs {
			out[i] = append(out[i], m[id]...)
		}
		return out, nil
	})
}

// EntitiesOfArticles returns, for each article id, the sorted ids of the
// entities it mentions: one record per article (resolution reads the
// entities of every candidate's latest articles, thousands of pairs).
func (s *Store) EntitiesOfArticles(ctx context.Context, articleIDs []string) ([][]string, error) {
	return readOne(ctx, s, "entities of articles", func(tx runner) ([][]string, error) {
		out := make([][]string, len(articleIDs))
		for i := range out {
			out[i] = []string{}
		}
		if len(articleIDs) == 0 {
			return out, nil
		}
		recs, err := run(ctx, tx, `UNWIND $ids AS id
			MATCH (:Article {id: id})-[:MENTIONS]->(e:Entity)
			RETURN id AS k, collect(e.id) AS vs`, map[string]any{"ids": anyStrings(uniq(articleIDs))})
		if err != nil {
			return nil, err
		}
		m := groupLists(recs)
		for i, id := range articleIDs {
			out[i] = append(out[i], m[id]...)
		}
		return out, nil
	})
}

// groupLists reads (k, vs) records, vs a list of strings, as sorted lists
// without repeats by k.
func groupLists(recs []*neo4j.Record) map[string][]string {
	m := map[string][]string{}
	for _, rec := range recs {
		k := recStr(rec, "k")
		v, _ := rec.Get("vs")
		l, _ := v.([]any)
		for _, x := range l {
			if s, ok := x.(string); ok {
				m[k] = append(m[k], s)
			}
		}
	}
	for k := range m {
		slices.Sort(m[k])
		m[k] = slices.Compact(m[k])
	}
	return m
}

func loadEvents(ctx context.Context, tx runner, ids []string) (map[string]*kg.Event, error) {
	m := map[string]*kg.Event{}
	if len(ids) == 0 {
		return m, nil
	}
	recs, err := run(ctx, tx, `MATCH (o:Occurrence) WHERE o.id IN $ids RETURN o`, map[string]any{"ids": anyStrings(uniq(ids))})
	if err != nil {
		return nil, err
	}
	for _, rec := range recs {
		p, err := recProps(rec, "o")
		if err != nil {
			return nil, err
		}
		e := eventFromProps(p)
		m[e.ID] = e
	}
	return m, nil
}

// Events returns the events with the given ids (nil where unknown).
func (s *Store) Events(ctx context.Context, ids []string) ([]*kg.Event, error) {
	return readOne(ctx, s, "read events", func(tx runner) ([]*kg.Event, error) {
		m, err := loadEvents(ctx, tx, ids)
		if err != nil {
			return nil, err
		}
		out := make([]*kg.Event, len(ids))
		for i, id := range ids {
			out[i] = m[id]
		}
		return out, nil
	})
}

// eventOrder orders events by date (undated last), then id.
func eventOrder(a, b *kg.Event) int {
	return cmp.Or(cmp.Compare(boolInt(a.Date == ""), boolInt(b.Date == "")),
		strings.Compare(a.Date, b.Date), strings.Compare(a.ID, b.ID))
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// ListEvents pages through the events matching f in f.Order.
func (s *Store) ListEvents(ctx context.Context, f kg.EventFilter) (*kg.EventPage, error) {
	size, err := kg.PageSize(f.First)
	if err != nil {
		return nil, err
	}
	if f.Type != "" && !slices.Contains(kg.EventTypes, f.Type) {
		return nil, kg.Errorf(kg.EInvalid, "unknown event type %q", f.Type)
	}
	exprs, ok := eventKeyCypher[f.Order]
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
	const match = `MATCH (o:Occurrence)
		WHERE ($type = '' OR o.type = $type)
			AND ($eid = '' OR EXISTS { (:Entity {id: $eid})-[:PARTICIPATED]->(o) })
			AND (NOT $dated OR coalesce(o.date, '') IN $dates)`
	params := map[string]any{"type": f.Type, "dated": rng != nil, "limit": int64(size + 1)}
	cond := keysetWhere(ks, exprs, after, params)
	return readTx(ctx, s, "list events", func(tx runner) (*kg.EventPage, error) {
		ids, err := resolveAll(ctx, tx, []string{f.EntityID})
		if err != nil {
			return nil, err
		}
		params["eid"] = ids[0]
		if params["dates"], err = datesIn(ctx, tx, eventDates, rng); err != nil {
			return nil, err
		}
		p := &kg.EventPage{Events: []*kg.Event{}}
		recs, err := run(ctx, tx, match+` RETURN count(o) AS n`, params)
		if err != nil {
			return nil, err
		}
		if len(recs) > 0 {
			p.Total = recInt(recs[0], "n")
		}
		if after != nil {
			if p.HasPrev, err = anyRow(ctx, tx, match+` WITH o, coalesce(o.date, '') AS d WHERE NOT (`+cond+`)`, params); err != nil {
				return nil, err
			}
		}
		recs, err = run(ctx, tx, match+`
			WITH o, coalesce(o.date, '') AS d WHERE `+cond+`
			WITH o, d ORDER BY `+ks.OrderBy(exprs)+` LIMIT $limit
			RETURN o, [`+strings.Join(exprs, ", ")+`] AS key`, params)
		if err != nil {
			return nil, err
		}
		recs, p.Cursors, p.HasNext = keyedRecords(ks, recs, size)
		for _, rec := range recs {
			props, err := recProps(rec, "o")
			if err != nil {
				return nil, err
			}
			p.Events = append(p.Events, eventFromProps(props))
		}
		p.EndCursor = last(p.Cursors)
		return p, nil
	})
}

// EventsOfEntities returns, for each entity id, the events it took part in,
// ordered by date (undated last), then id.
func (s *Store) EventsOfEntities(ctx context.Context, entityIDs []string) ([][]*kg.Event, error) {
	return readTx(ctx, s, "events of entities", func(tx runner) ([][]*kg.Event, error) {
		want, err := resolveAll(ctx, tx, entityIDs)
		if err != nil {
			return nil, err
		}
		out := make([][]*kg.Event, len(want))
		if len(want) == 0 {
			return out, nil
		}
		recs, err := run(ctx, tx, `UNWIND $ids AS id
			MATCH (:Entity {id: id})-[:PARTICIPATED]->(o:Occurrence)
			RETURN DISTINCT id, o`, map[string]any{"ids": anyStrings(uniq(want))})
		if err != nil {
			return nil, err
		}
		m := map[string][]*kg.Event{}
		for _, rec := range recs {
			p, err := recProps(rec, "o")
			if err != nil {
				return nil, err
			}
			id := recStr(rec, "id")
			m[id] = append(m[id], eventFromProps(p))
		}
		for i, id := range want {
			l := append([]*kg.Event{}, m[id]...)
			slices.SortFunc(l, eventOrder)
			out[i] = l
		}
		return out, nil
	})
}

// quotesBy reads quotes whose property key is one of ids, grouped by it.
func quotesBy(ctx context.Context, tx runner, key string, ids []string) (map[string][]*kg.Quote, error) {
	m := map[string][]*kg.Quote{}
	if len(ids) == 0 {
		return m, nil
	}
	q := `MATCH (q:Quote) WHERE q.speaker IN $ids RETURN q`
	if key == "article" {
		q = `MATCH (q:Quote) WHERE q.article IN $ids RETURN q`
	}
	recs, err := run(ctx, tx, q, map[string]any{"ids": anyStrings(uniq(ids))})
	if err != nil {
		return nil, err
	}
	for _, rec := range recs {
		p, err := recProps(rec, "q")
		if err != nil {
			return nil, err
		}
		qu := quoteFromProps(p)
		k := qu.Speaker
		if key == "article" {
			k = qu.ArticleID
		}
		m[k] = append(m[k], qu)
	}
	for _, l := range m {
		slices.SortFunc(l, func(a, b *kg.Quote) int {
			return cmp.Or(strings.Compare(a.ArticleID, b.ArticleID), cmp.Compare(a.Start, b.Start), strings.Compare(a.ID, b.ID))
		})
	}
	return m, nil
}

// QuotesOfEntities returns, for each entity id, the quotes it spoke,
// ordered by article then offset.
func (s *Store) QuotesOfEntities(ctx context.Context, entityIDs []string) ([][]*kg.Quote, error) {
	return readTx(ctx, s, "quotes of entities", func(tx runner) ([][]*kg.Quote, error) {
		want, err := resolveAll(ctx, tx, entityIDs)
		if err != nil {
			return nil, err
		}
		m, err := quotesBy(ctx, tx, "speaker", want)
		if err != nil {
			return nil, err
		}
		out := make([][]*kg.Quote, len(want))
		for i, id := range want {
			out[i] = append([]*kg.Quote{}, m[id]...)
		}
		return out, nil
	})
}

// QuotesOfArticles returns, for each article id, its quotes by offset.
func (s *Store) QuotesOfArticles(ctx context.Context, articleIDs []string) ([][]*kg.Quote, error) {
	return readOne(ctx, s, "quotes of articles", func(tx runner) ([][]*kg.Quote, error) {
		m, err := quotesBy(ctx, tx, "article", articleIDs)
		if err != nil {
			return nil, err
		}
		out := make([][]*kg.Quote, len(articleIDs))
		for i, id := range articleIDs {
			out[i] = append([]*kg.Quote{}, m[id]...)
		}
		return out, nil
	})
}

// Stats counts what the store holds. Evidence counts relation evidence;
// retracted relations, hidden from reads, are counted with neither.
func (s *Store) Stats(ctx context.Context) (kg.Stats, error) {
	return readOne(ctx, s, "stats", func(tx runner) (kg.Stats, error) {
		var st kg.Stats
		recs, err := run(ctx, tx, `
			CALL () { MATCH (a:Article) RETURN count(a) AS articles }
			CALL () { MATCH (e:Entity) RETURN count(e) AS entities }
			CALL () { MATCH ()-[r:`+relTypeAlt()+`]->() WHERE NOT coalesce(r.retracted, false)
				RETURN count(r) AS relations, sum(coalesce(r.evCount, 0)) AS evidence }
			CALL () { MATCH (o:Occurrence) RETURN count(o) AS events }
			CALL () { MATCH (q:Quote) RETURN count(q) AS quotes }
			RETURN articles, entities, relations, evidence, events, quotes`, nil)
		if err != nil {
			return st, err
		}
		if len(recs) == 1 {
			r := recs[0]
			st = kg.Stats{Articles: recInt(r, "articles"), Entities: recInt(r, "entities"), Relations: recInt(r, "relations"),
				Events: recInt(r, "events"), Quotes: recInt(r, "quotes"), Evidence: recInt(r, "evidence")}
		}
		return st, nil
	})
}

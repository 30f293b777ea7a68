package neo4jstore

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"sort"
	"sync"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/newsgraph/newsgraph/kg"
	blocking "github.com/newsgraph/newsgraph/resolve"
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
// many articles saves a round of commit work per article in a bulk load.
func (s *Store) SaveExtractions(ctx context.Context, xs []*kg.Extraction) ([]kg.SaveResult, error) {
	for _, x := range xs {
		if err := x.Validate(); err != nil {
			return nil, err
		}
	}
	op := "save articles"
	if len(xs) == 1 {
		op = "save article " + xs[0].Article.ID
	}
	for attempt := 1; ; attempt++ {
		res, err := writeTx(ctx, s, op, func(tx neo4j.ManagedTransaction) ([]kg.SaveResult, error) {
			out := make([]kg.SaveResult, len(xs))
			for i, x := range xs {
				r, err := saveVersion(ctx, tx, x)
				if err != nil {
					return nil, err
				}
				out[i] = r
			}
			if testHookBeforeCommit != nil {
				testHookBeforeCommit()
			}
			return out, nil
		})
		// A concurrent reload of another article may delete an entity this
		// save matched just before; the driver does not retry that, but a
		// fresh attempt sees the entity gone and creates it again.
		var ne *neo4j.Neo4jError
		if attempt < 3 && errors.As(err, &ne) && ne.Code == "Neo.ClientError.Statement.EntityNotFound" {
			continue
		}
		return res, err
	}
}

// saveVersion saves x as the current version of its article: a new source
// whose text another article holds is that article and writes nothing; a
// text that differs from the article's current one adds a version.
func saveVersion(ctx context.Context, tx neo4j.ManagedTransaction, x *kg.Extraction) (kg.SaveResult, error) {
	aid, h := x.Article.ID, kg.ContentHash(x.Article.Text)
	recs, err := run(ctx, tx, `OPTIONAL MATCH (a:Article {id: $id})
		OPTIONAL MATCH (d:Article {contentHash: $hash}) WHERE a IS NULL
		RETURN a IS NOT NULL AS exists, coalesce(a.contentHash, '') AS cur, min(d.id) AS dup`,
		map[string]any{"id": aid, "hash": h})
	if err != nil {
		return kg.SaveResult{}, err
	}
	cur := ""
	if len(recs) > 0 {
		cur = recStr(recs[0], "cur")
		if dup := recStr(recs[0], "dup"); dup != "" {
			return kg.SaveResult{ArticleID: dup, DuplicateOf: dup}, nil
		}
	}
	res, err := save(ctx, tx, x)
	if err != nil {
		return res, err
	}
	raw, err := json.Marshal(x)
	if err != nil {
		return res, fmt.Errorf("neo4j: save article %s: %w", aid, err)
	}
	// The extraction lives on its own node so that article reads do not
	// carry it.
	_, err = run(ctx, tx, `MATCH (a:Article {id: $id})
		SET a.contentHash = $hash
		FOREACH (_ IN CASE WHEN $cur <> $hash THEN [1] ELSE [] END |
			SET a.versionHashes = coalesce(a.versionHashes, []) + $hash,
				a.versionTitles = coalesce(a.versionTitles, []) + $title,
				a.versionTimes = coalesce(a.versionTimes, []) + $at)
		MERGE (x:Extraction {article: $id})
		SET x.json = $json`, map[string]any{"id": aid, "hash": h, "cur": cur, "title": x.Article.Title,
		"at": timestamp(time.Now()), "json": string(raw)})
	return res, err
}

// timestamp is how times are stored: RFC 3339 in UTC with nanoseconds.
func timestamp(t time.Time) string { return t.UTC().Format(time.RFC3339Nano) }

// parseTime reads a stored timestamp; a malformed one reads as zero.
func parseTime(s string) time.Time {
	t, _ := time.Parse(time.RFC3339Nano, s)
	return t
}

// testHookBeforeCommit, when set by a test, runs after a save's statements
// and before its commit: the fault test stops Neo4j there.
var testHookBeforeCommit func()

// save is the transaction function of SaveExtraction. It only reads and
// writes through tx, so the driver can run it again after a transient
// failure.
func save(ctx context.Context, tx neo4j.ManagedTransaction, x *kg.Extraction) (kg.SaveResult, error) {
	aid := x.Article.ID
	res := kg.SaveResult{ArticleID: aid}

	// Lock the article first: two saves of one article run one after the
	// other. Its own properties are written in the same round trip.
	a := x.Article
	if _, err := run(ctx, tx, `MERGE (a:Article {id: $id}) SET a.__lock = true REMOVE a.__lock
		SET a.title = $title, a.source = $source, a.url = $url, a.published = $published,
			a.section = $section, a.text = $text`, map[string]any{
		"id": aid, "title": a.Title, "source": a.Source, "url": a.URL, "published": a.Published,
		"section": a.Section, "text": a.Text,
	}); err != nil {
		return res, err
	}
	// Entity resolution's joins first, so the facts land on the nodes.
	for _, j := range x.Joins {
		if _, err := mergeTx(ctx, tx, j.Node, j.ID, j.Merge, nil); err != nil {
			return res, fmt.Errorf("neo4jstore: join %s to %s: %w", j.ID, j.Node, err)
		}
	}
	ids := make([]string, 0, len(x.Entities))
	for _, e := range x.Entities {
		ids = append(ids, e.ID)
	}
	red, err := resolve(ctx, tx, ids)
	if err != nil {
		return res, err
	}
	// Then every existing entity this save touches, in id order: all the
	// relationships it reads and rewrites hang off these nodes, so saves
	// that share entities serialize here instead of losing updates.
	old, err := strings1(ctx, tx, `MATCH (:Article {id: $id})-[:MENTIONS]->(e:Entity) RETURN e.id AS v`, map[string]any{"id": aid})
	if err != nil {
		return res, err
	}
	lock := slices.Clone(old)
	for _, id := range ids {
		lock = append(lock, red[id])
	}
	if err := lockEntities(ctx, tx, lock); err != nil {
		return res, err
	}

	if err := removeArticle(ctx, tx, aid, old); err != nil {
		return res, err
	}

	// Entities: the first article to create one names and types it; every
	// article contributes its names as aliases on its MENTIONS edge.
	type mention struct {
		spans   []any
		aliases []string
	}
	created := map[kg.EntityType][]any{}
	ments := map[string]*mention{}
	var order []string
	for _, e := range x.Entities {
		id := red[e.ID]
		m := ments[id]
		if m == nil {
			m = &mention{spans: []any{}}
			ments[id] = m
			order = append(order, id)
			created[e.Type] = append(created[e.Type], map[string]any{
				"id": id, "type": string(e.Type), "subtype": e.Subtype, "name": e.Name,
			})
		}
		for _, sp := range e.Mentions {
			m.spans = append(m.spans, int64(sp.Start), int64(sp.End))
		}
		for _, al := range append([]string{e.Name}, e.Aliases...) {
			if al != "" && !slices.Contains(m.aliases, al) {
				m.aliases = append(m.aliases, al)
			}
		}
	}
	for _, t := range kg.EntityTypes {
		rows := created[t]
		if len(rows) == 0 {
			continue
		}
		lbl, err := label(t)
		if err != nil {
			return res, err
		}
		if _, err := run(ctx, tx, `UNWIND $rows AS row
			MERGE (e:Entity {id: row.id})
			ON CREATE SET e:`+lbl+`, e.type = row.type, e.subtype = row.subtype, e.name = row.name,
				e.curated = false, e.curatedAliases = [], e.aliases = [], e.searchKeys = ''`,
			map[string]any{"rows": rows}); err != nil {
			return res, err
		}
	}
	// removeArticle deleted the article's MENTIONS and order has each
	// entity once, so CREATE needs no existence check.
	mrows := make([]any, 0, len(order))
	for _, id := range order {
		m := ments[id]
		mrows = append(mrows, map[string]any{"id": id, "spans": m.spans, "aliases": anyStrings(m.aliases)})
	}
	if _, err := run(ctx, tx, `MATCH (a:Article {id: $aid})
		UNWIND $rows AS row
		MATCH (e:Entity {id: row.id})
		CREATE (a)-[:MENTIONS {spans: row.spans, aliases: row.aliases}]->(e)`, map[string]any{"aid": aid, "rows": mrows}); err != nil {
		return res, err
	}
	res.Entities = len(order)

	if res.Relations, err = saveRelations(ctx, tx, aid, x.Relations, red); err != nil {
		return res, err
	}
	if res.Events, err = saveEvents(ctx, tx, aid, x.Events, red); err != nil {
		return res, err
	}
	if res.Quotes, err = saveQuotes(ctx, tx, aid, x.Quotes, red); err != nil {
		return res, err
	}
	if err := refreshEntities(ctx, tx, append(old, order...)); err != nil {
		return res, err
	}
	return res, nil
}

// lockEntities takes write locks on the existing entities among ids, in id
// order so that concurrent saves do not deadlock more than they must.
func lockEntities(ctx context.Context, tx neo4j.ManagedTransaction, ids []string) error {
	ids = uniq(ids)
	sort.Strings(ids)
	_, err := run(ctx, tx, `UNWIND $ids AS id MATCH (e:Entity {id: id}) SET e.__lock = true REMOVE e.__lock`,
		map[string]any{"ids": anyStrings(ids)})
	return err
}

// saveRelations folds the article's relations into the graph: one
// relationship per relation id, with this article's share appended.
func saveRelations(ctx context.Context, tx neo4j.ManagedTransaction, aid string, rels []kg.Relation, red map[string]string) (int, error) {
	contrib := map[string]*relRec{}
	var order []string
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
		c := contrib[id]
		if c == nil {
			c = &relRec{id: id, typ: r.Type, src: src, tgt: tgt}
			contrib[id] = c
			order = append(order, id)
		}
		conf := r.Confidence
		if len(r.Evidence) > 0 {
			conf = r.Evidence[0].Confidence
			for _, e := range r.Evidence[1:] {
				conf = max(conf, e.Confidence)
			}
		}
		c.addArticle(aid, conf)
		keys := make([]string, 0, len(r.Properties))
		for k := range r.Properties {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			c.addProp(aid, k, r.Properties[k])
		}
		for _, e := range r.Evidence {
			c.addEvidence(aid, e)
		}
	}
	if len(order) == 0 {
		return 0, nil
	}
	ends := make([]relEnds, 0, len(order))
	for _, id := range order {
		c := contrib[id]
		ends = append(ends, relEnds{id: id, typ: c.typ, src: c.src, tgt: c.tgt})
	}
	existing, err := relsByEnds(ctx, tx, ends)
	if err != nil {
		return 0, err
	}
	byType := map[kg.RelationType][]any{}
	for _, id := range order {
		c := contrib[id]
		rec := c
		if ex := existing[id]; ex != nil {
			ex.absorb(c)
			rec = ex
		}
		byType[c.typ] = append(byType[c.typ], map[string]any{"src": c.src, "tgt": c.tgt, "id": id, "props": rec.props()})
	}
	// One statement per relationship type present, each with a fixed text
	// (a relationship type cannot be a parameter): Neo4j plans each once
	// and reuses the plan for every article, where one statement whose
	// text followed the article's mix of types was planned anew each time.
	for _, t := range kg.RelationTypes {
		rows := byType[t]
		if len(rows) == 0 {
			continue
		}
		q, err := mergeRelQuery(t)
		if err != nil {
			return 0, err
		}
		if _, err := run(ctx, tx, q, map[string]any{"rows": rows}); err != nil {
			return 0, err
		}
	}
	return len(order), nil
}

// mergeRelQueries holds the fixed MERGE statement of each relationship
// type. A retraction outlives the relationship, so a relation that comes
// back stays retracted.
var mergeRelQueries = sync.OnceValue(func() map[kg.RelationType]string {
	m := make(map[kg.RelationType]string, len(kg.RelationTypes))
	for _, t := range kg.RelationTypes {
		m[t] = `UNWIND $rows AS row
		MATCH (s:Entity {id: row.src})
		MATCH (t:Entity {id: row.tgt})
		OPTIONAL MATCH (x:Retraction {id: row.id})
		MERGE (s)-[r:` + string(t) + ` {id: row.id}]->(t)
		SET r = row.props, r.retracted = x IS NOT NULL, r.retractReason = coalesce(x.reason, '')`
	}
	return m
})

// mergeRelQuery is the MERGE statement of relationship type t; only
// kg.RelationTypes have one.
func mergeRelQuery(t kg.RelationType) (string, error) {
	if _, err := relType(t); err != nil {
		return "", err
	}
	return mergeRelQueries()[t], nil
}

func saveEvents(ctx context.Context, tx neo4j.ManagedTransaction, aid string, evs []kg.Event, red map[string]string) (int, error) {
	if len(evs) == 0 {
		return 0, nil
	}
	ids := make([]string, len(evs))
	for i, e := range evs {
		ids[i] = e.ID
	}
	if err := claimIDs(ctx, tx, "event", ids); err != nil {
		return 0, err
	}
	rows := make([]any, 0, len(evs))
	for _, e := range evs {
		place := e.Place
		if place != "" {
			place = red[place]
		}
		var pe, pr []any
		var parts []any
		for i, p := range e.Participants {
			pe = append(pe, red[p.EntityID])
			pr = append(pr, p.Role)
			parts = append(parts, map[string]any{"entity": red[p.EntityID], "role": p.Role, "ord": int64(i)})
		}
		var ea, et, ex []any
		var es, ee, ec []any
		for _, ev := range e.Evidence {
			ea, et, ex = append(ea, aid), append(et, ev.Text), append(ex, ev.Extractor)
			es, ee, ec = append(es, int64(ev.Start)), append(ee, int64(ev.End)), append(ec, ev.Confidence)
		}
		rows = append(rows, map[string]any{
			"props": map[string]any{
				"id": e.ID, "article": aid, "type": e.Type, "name": e.Name, "date": e.Date, "place": place,
				"partEntity": nonNil(pe), "partRole": nonNil(pr),
				"evArticle": nonNil(ea), "evText": nonNil(et), "evExtractor": nonNil(ex),
				"evStart": nonNil(es), "evEnd": nonNil(ee), "evConfidence": nonNil(ec),
			},
			"parts": nonNil(parts),
		})
	}
	if _, err := run(ctx, tx, `MATCH (a:Article {id: $aid})
		UNWIND $rows AS row
		CREATE (o:Occurrence)
		SET o = row.props
		CREATE (a)-[:REPORTS]->(o)
		WITH o, row
		CALL (o, row) {
			UNWIND row.parts AS p
			MATCH (e:Entity {id: p.entity})
			CREATE (e)-[:PARTICIPATED {role: p.role, ord: p.ord}]->(o)
		}
		CALL (o) {
			MATCH (pl:Entity {id: o.place})
			CREATE (o)-[:AT]->(pl)
		}`, map[string]any{"aid": aid, "rows": rows}); err != nil {
		return 0, err
	}
	return len(evs), nil
}

func saveQuotes(ctx context.Context, tx neo4j.ManagedTransaction, aid string, qs []kg.Quote, red map[string]string) (int, error) {
	if len(qs) == 0 {
		return 0, nil
	}
	ids := make([]string, len(qs))
	for i, q := range qs {
		ids[i] = q.ID
	}
	if err := claimIDs(ctx, tx, "quote", ids); err != nil {
		return 0, err
	}
	rows := make([]any, 0, len(qs))
	for _, q := range qs {
		rows = append(rows, map[string]any{"id": q.ID, "speaker": red[q.Speaker], "text": q.Text, "article": aid,
			"start": int64(q.Start), "end": int64(q.End)})
	}
	_, err := run(ctx, tx, `MATCH (a:Article {id: $aid})
		UNWIND $rows AS row
		MATCH (e:Entity {id: row.speaker})
		CREATE (q:Quote)
		SET q = row
		CREATE (e)-[:SAID]->(q)
		CREATE (a)-[:HAS_QUOTE]->(q)`, map[string]any{"aid": aid, "rows": rows})
	if err != nil {
		return 0, err
	}
	return len(qs), nil
}

func nonNil(l []any) []any {
	if l == nil {
		return []any{}
	}
	return l
}

// removeArticle deletes everything article aid contributed, then the
// relations and entities nothing supports any more. mentioned are the
// entities the article mentioned.
func removeArticle(ctx context.Context, tx neo4j.ManagedTransaction, aid string, mentioned []string) error {
	if len(mentioned) > 0 {
		// Every relation an article contributed joins two entities it
		// mentions (merges move both together), so its relations are found
		// from its mentions without scanning all relationships.
		recs, err := run(ctx, tx, `MATCH (:Article {id: $aid})-[:MENTIONS]->(e:Entity)-[r:`+relTypeAlt()+`]->(t:Entity)
			WHERE $aid IN r.articles
			RETURN DISTINCT r, elementId(r) AS eid, type(r) AS type, e.id AS src, t.id AS tgt`, map[string]any{"aid": aid})
		if err != nil {
			return err
		}
		var upd, del []any
		for _, rec := range recs {
			p, err := recProps(rec, "r")
			if err != nil {
				return err
			}
			r := relFromProps(recStr(rec, "type"), recStr(rec, "src"), recStr(rec, "tgt"), recStr(rec, "eid"), p)
			if r.dropArticle(aid) {
				upd = append(upd, map[string]any{"eid": r.eid, "src": r.src, "tgt": r.tgt, "props": r.props()})
			} else {
				del = append(del, map[string]any{"eid": r.eid, "src": r.src, "tgt": r.tgt})
			}
		}
		if len(upd) > 0 {
			if _, err := run(ctx, tx, `UNWIND $rows AS row `+matchRelByEID+` SET r = row.props`,
				map[string]any{"rows": upd}); err != nil {
				return err
			}
		}
		if len(del) > 0 {
			if _, err := run(ctx, tx, `UNWIND $rows AS row `+matchRelByEID+` DELETE r`,
				map[string]any{"rows": del}); err != nil {
				return err
			}
		}
	}
	if _, err := run(ctx, tx, `CALL () { MATCH (:Article {id: $aid})-[m:MENTIONS]->() DELETE m }
		CALL () { MATCH (o:Occurrence {article: $aid}) DETACH DELETE o }
		CALL () { MATCH (q:Quote {article: $aid}) DETACH DELETE q }`, map[string]any{"aid": aid}); err != nil {
		return err
	}
	return gcEntities(ctx, tx, mentioned)
}

// gcEntities deletes those of ids that no article mentions, no curation
// pinned and no relation uses.
func gcEntities(ctx context.Context, tx neo4j.ManagedTransaction, ids []string) error {
	if len(ids) == 0 {
		return nil
	}
	_, err := run(ctx, tx, `UNWIND $ids AS id
		MATCH (e:Entity {id: id})
		WHERE NOT coalesce(e.curated, false)
			AND NOT EXISTS { (e)<-[:MENTIONS]-() }
			AND NOT EXISTS { (e)-[:`+relTypeAlt()+`]-() }
		DETACH DELETE e`, map[string]any{"ids": anyStrings(uniq(ids))})
	return err
}

// refreshEntities recomputes the denormalized aliases and search keys of
// ids from the alias contributions (MENTIONS edges and curation).
func refreshEntities(ctx context.Context, tx neo4j.ManagedTransaction, ids []string) error {
	if len(ids) == 0 {
		return nil
	}
	recs, err := run(ctx, tx, `UNWIND $ids AS id
		MATCH (e:Entity {id: id})
		OPTIONAL MATCH (:Article)-[m:MENTIONS]->(e)
		WITH e, collect(m.aliases) AS lists
		RETURN e.id AS id, e.name AS name, e.type AS type,
			coalesce(e.curatedAliases, []) + reduce(acc = [], l IN lists | acc + l) AS contrib`,
		map[string]any{"ids": anyStrings(uniq(ids))})
	if err != nil {
		return err
	}
	rows := make([]any, 0, len(recs))
	for _, rec := range recs {
		name := recStr(rec, "name")
		v, _ := rec.Get("contrib")
		l, _ := v.([]any)
		contrib := make([]string, 0, len(l))
		for _, x := range l {
			if s, ok := x.(string); ok {
				contrib = append(contrib, s)
			}
		}
		al := aliasesOf(name, contrib)
		block := blocking.Keys(kg.EntityType(recStr(rec, "type")), append([]string{name}, al...))
		rows = append(rows, map[string]any{"id": recStr(rec, "id"), "aliases": anyStrings(al), "keys": searchKeys(name, al),
			"block": anyStrings(block)})
	}
	_, err = run(ctx, tx, `UNWIND $rows AS row MATCH (e:Entity {id: row.id}) SET e.aliases = row.aliases, e.searchKeys = row.keys`,
		map[string]any{"rows": rows})
	if err != nil {
		return err
	}
	// Blocking keys of entity resolution: (:Entity)-[:HAS_KEY]->(:BlockKey),
	// rewritten from the current names.
	_, err = run(ctx, tx, `UNWIND $rows AS row MATCH (e:Entity {id: row.id})
		OPTIONAL MATCH (e)-[h:HAS_KEY]->()
		DELETE h
		WITH DISTINCT e, row
		UNWIND row.block AS key
		MERGE (k:BlockKey {key: key})
		MERGE (e)-[:HAS_KEY]->(k)`, map[string]any{"rows": rows})
	return err
}

// resolve maps entity ids through redirects left by merges; other ids map
// to themselves.
func resolve(ctx context.Context, tx neo4j.ManagedTransaction, ids []string) (map[string]string, error) {
	out := make(map[string]string, len(ids))
	for _, id := range ids {
		out[id] = id
	}
	if len(ids) == 0 {
		return out, nil
	}
	recs, err := run(ctx, tx, `MATCH (r:Redirect) WHERE r.id IN $ids RETURN r.id AS id, r.to AS to`,
		map[string]any{"ids": anyStrings(uniq(ids))})
	if err != nil {
		return nil, err
	}
	for _, rec := range recs {
		out[recStr(rec, "id")] = recStr(rec, "to")
	}
	return out, nil
}

// strings1 runs a query returning one string column v.
func strings1(ctx context.Context, tx neo4j.ManagedTransaction, q string, params map[string]any) ([]string, error) {
	recs, err := run(ctx, tx, q, params)
	if err != nil {
		return nil, err
	}
	out := make([]string, 0, len(recs))
	for _, r := range recs {
		out = append(out, recStr(r, "v"))
	}
	return out, nil
}

// relsByID reads the relations with the given ids, whatever their type:
// one index seek per relationship type.
func relsByID(ctx context.Context, tx neo4j.ManagedTransaction, ids []string) (map[string]*relRec, error) {
	out := map[string]*relRec{}
	if len(ids) == 0 {
		return out, nil
	}
	recs, err := run(ctx, tx, relsByIDQuery(), map[string]any{"ids": anyStrings(uniq(ids))})
	if err != nil {
		return nil, err
	}
	for _, rec := range recs {
		p, err := recProps(rec, "r")
		if err != nil {
			return nil, err
		}
		r := relFromProps(recStr(rec, "type"), recStr(rec, "src"), recStr(rec, "tgt"), recStr(rec, "eid"), p)
		out[r.id] = r
	}
	return out, nil
}

// matchRelByEID matches relationship r of row {eid, src, tgt} from its
// source entity: Neo4j plans a lookup by elementId alone as a scan of all
// relationships.
const matchRelByEID = `MATCH (s:Entity {id: row.src})-[r]->(:Entity {id: row.tgt}) WHERE elementId(r) = row.eid`

// relEnds names a relation and the entities it joins, in stored direction.
type relEnds struct {
	id       string
	typ      kg.RelationType
	src, tgt string
}

// relsByEnds reads the existing relations among rels in one statement,
// each found from its source entity (no per-type index lookups).
func relsByEnds(ctx context.Context, tx neo4j.ManagedTransaction, rels []relEnds) (map[string]*relRec, error) {
	out := map[string]*relRec{}
	rows := make([]any, 0, len(rels))
	for _, r := range rels {
		rows = append(rows, map[string]any{"id": r.id, "type": string(r.typ), "src": r.src, "tgt": r.tgt})
	}
	recs, err := run(ctx, tx, `UNWIND $rows AS row
		MATCH (s:Entity {id: row.src})-[r:`+relTypeAlt()+`]->(t:Entity {id: row.tgt})
		WHERE r.id = row.id AND type(r) = row.type
		RETURN r, elementId(r) AS eid, type(r) AS type, s.id AS src, t.id AS tgt`, map[string]any{"rows": rows})
	if err != nil {
		return nil, err
	}
	for _, rec := range recs {
		p, err := recProps(rec, "r")
		if err != nil {
			return nil, err
		}
		r := relFromProps(recStr(rec, "type"), recStr(rec, "src"), recStr(rec, "tgt"), recStr(rec, "eid"), p)
		out[r.id] = r
	}
	return out, nil
}

// relsByIDQuery is built once from kg.RelationTypes.
var relsByIDQuery = sync.OnceValue(func() string {
	q := "UNWIND $ids AS rid\nCALL (rid) {\n"
	for i, t := range kg.RelationTypes {
		if i > 0 {
			q += "\tUNION\n"
		}
		q += fmt.Sprintf("\tMATCH (s:Entity)-[r:%s {id: rid}]->(t:Entity) RETURN r, s.id AS src, t.id AS tgt\n", t)
	}
	return q + "}\nRETURN r, elementId(r) AS eid, type(r) AS type, src, tgt"
})

// claimNodes holds the fixed Cypher of claimIDs, one per kind of node an
// article owns outright.
var claimNodes = map[string]string{
	"event": `MATCH (n:Occurrence) WHERE n.id IN $ids RETURN n.id AS id, n.article AS article LIMIT 1`,
	"quote": `MATCH (n:Quote) WHERE n.id IN $ids RETURN n.id AS id, n.article AS article LIMIT 1`,
}

// claimIDs checks that the ids of an article's events or quotes are unique
// within the article and not owned by another article (the article's own
// were removed before the save writes them again).
func claimIDs(ctx context.Context, tx neo4j.ManagedTransaction, kind string, ids []string) error {
	seen := make(map[string]bool, len(ids))
	for _, id := range ids {
		if seen[id] {
			return kg.Errorf(kg.EInvalid, "%s %s appears twice", kind, id)
		}
		seen[id] = true
	}
	recs, err := run(ctx, tx, claimNodes[kind], map[string]any{"ids": anyStrings(ids)})
	if err != nil {
		return err
	}
	if len(recs) > 0 {
		return kg.Errorf(kg.EConflict, "%s %s already belongs to article %s", kind, recStr(recs[0], "id"), recStr(recs[0], "article"))
	}
	return nil
}

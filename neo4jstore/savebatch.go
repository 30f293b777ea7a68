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
// order, each as SaveExtraction would: all of them or none. The articles
// are written in runs (saveRun) whose every kind of fact is one UNWIND
// statement of fixed text for the whole run, so a batch costs a fixed
// handful of round trips rather than a score per article.
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
			out, err := saveBatch(ctx, tx, xs)
			if err != nil {
				return nil, err
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

// runItem is one article of a run.
type runItem struct {
	x   *kg.Extraction
	res *kg.SaveResult
	// reload: the article is stored already; its old share is removed
	// before the run's facts are written (only a run's first article).
	reload bool
	// version: record the text as the article's current version (cur is
	// the hash held now) and keep the extraction; a split's re-save does
	// not.
	version bool
	cur     string
}

// articleState is what the store holds of one article of a batch, read
// before a run is formed.
type articleState struct {
	exists   bool
	cur, dup string
}

// saveBatch splits xs into runs that may be written together and writes
// them in order. A run ends where writing the next article with the run
// would differ from writing it after the run: the same article or text
// again, a reload (its removal must come first), an article that is a
// duplicate of one in the run, or joins that touch an entity an earlier
// article of the run names.
func saveBatch(ctx context.Context, tx neo4j.ManagedTransaction, xs []*kg.Extraction) ([]kg.SaveResult, error) {
	out := make([]kg.SaveResult, len(xs))
	for i := 0; i < len(xs); {
		states, red, err := articleStates(ctx, tx, xs[i:])
		if err != nil {
			return nil, err
		}
		var items []runItem
		ids, hashes, names := map[string]bool{}, map[string]bool{}, map[string]bool{}
		j := i
		for ; j < len(xs); j++ {
			x, st := xs[j], states[j-i]
			h := kg.ContentHash(x.Article.Text)
			if j > i && (ids[x.Article.ID] || hashes[h] || st.exists || ids[st.dup] || joinsMeet(x, names, red)) {
				break
			}
			ids[x.Article.ID] = true
			if st.dup != "" {
				out[j] = kg.SaveResult{ArticleID: st.dup, DuplicateOf: st.dup}
				continue
			}
			hashes[h] = true
			for _, e := range x.Entities {
				names[e.ID], names[red[e.ID]] = true, true
			}
			out[j] = kg.SaveResult{ArticleID: x.Article.ID}
			items = append(items, runItem{x: x, res: &out[j], reload: st.exists, version: true, cur: st.cur})
		}
		if err := saveRun(ctx, tx, items); err != nil {
			return nil, err
		}
		i = j
	}
	return out, nil
}

// joinsMeet says whether x's joins touch an entity in names (the ids an
// earlier article of the run names, as given and resolved).
func joinsMeet(x *kg.Extraction, names map[string]bool, red map[string]string) bool {
	for _, j := range x.Joins {
		for _, id := range []string{j.Node, j.ID} {
			if names[id] || names[red[id]] {
				return true
			}
		}
	}
	return false
}

// articleStates reads, for each of xs, whether the article is stored and
// its current text's hash, or the article already holding its text when it
// is new (min id, as one by one); and, when any has joins, the redirects
// of every entity id the articles name or join.
func articleStates(ctx context.Context, tx neo4j.ManagedTransaction, xs []*kg.Extraction) ([]articleState, map[string]string, error) {
	rows := make([]any, len(xs))
	var ids []string
	joins := false
	for i, x := range xs {
		rows[i] = map[string]any{"id": x.Article.ID, "hash": kg.ContentHash(x.Article.Text)}
		joins = joins || len(x.Joins) > 0
		for _, e := range x.Entities {
			ids = append(ids, e.ID)
		}
		for _, j := range x.Joins {
			ids = append(ids, j.Node, j.ID)
		}
	}
	recs, err := run(ctx, tx, `UNWIND range(0, size($rows) - 1) AS i
		WITH i, $rows[i] AS row
		OPTIONAL MATCH (a:Article {id: row.id})
		OPTIONAL MATCH (d:Article {contentHash: row.hash}) WHERE a IS NULL
		RETURN i, a IS NOT NULL AS exists, coalesce(a.contentHash, '') AS cur, min(d.id) AS dup`,
		map[string]any{"rows": rows})
	if err != nil {
		return nil, nil, err
	}
	out := make([]articleState, len(xs))
	for _, rec := range recs {
		v, _ := rec.Get("exists")
		b, _ := v.(bool)
		out[recInt(rec, "i")] = articleState{exists: b, cur: recStr(rec, "cur"), dup: recStr(rec, "dup")}
	}
	red := map[string]string{}
	if joins {
		red, err = resolve(ctx, tx, ids)
	}
	return out, red, err
}

// entState is an entity as a run's save needs it: its name, type and
// aliases; stored says whether it was there before the run.
type entState struct {
	stored        bool
	name, subtype string
	typ           kg.EntityType
	aliases       []string
}

// saveRun writes run's articles, which saveBatch found independent: the
// run's first may be a reload, later ones are new and their joins touch
// nothing an earlier one names. Each kind of fact is one statement for the
// whole run.
func saveRun(ctx context.Context, tx neo4j.ManagedTransaction, items []runItem) error {
	if len(items) == 0 {
		return nil
	}
	if err := saveArticles(ctx, tx, items); err != nil {
		return err
	}
	// Entity resolution's joins first, so the facts land on the nodes.
	if err := saveJoins(ctx, tx, items); err != nil {
		return err
	}
	// A reload's old share goes before anything is written; its entities
	// are then recomputed in full from what remains (full).
	var old []string
	if items[0].reload {
		aid := items[0].x.Article.ID
		var err error
		if old, err = strings1(ctx, tx, `MATCH (:Article {id: $id})-[:MENTIONS]->(e:Entity) RETURN e.id AS v`, map[string]any{"id": aid}); err != nil {
			return err
		}
		if err := lockEntities(ctx, tx, old); err != nil {
			return err
		}
		if err := removeArticle(ctx, tx, aid, old); err != nil {
			return err
		}
	}
	var ids []string
	for _, it := range items {
		for _, e := range it.x.Entities {
			ids = append(ids, e.ID)
		}
	}
	red, ents, err := lockAndRead(ctx, tx, ids)
	if err != nil {
		return err
	}
	full := map[string]bool{}
	for _, id := range old {
		full[id] = true
	}
	if err := saveEntities(ctx, tx, items, red, ents, full); err != nil {
		return err
	}
	if err := saveRelations(ctx, tx, items, red); err != nil {
		return err
	}
	if err := saveEventsAndQuotes(ctx, tx, items, red); err != nil {
		return err
	}
	if len(full) > 0 {
		return refreshEntities(ctx, tx, old)
	}
	return nil
}

// saveArticles writes the run's article nodes (taking their locks first:
// two saves of one article run one after the other), and for those saved
// as a version, the text's hash, a new version when the text changed, and
// the extraction, on its own node so that article reads do not carry it.
func saveArticles(ctx context.Context, tx neo4j.ManagedTransaction, items []runItem) error {
	rows := make([]any, 0, len(items))
	at := timestamp(time.Now())
	for _, it := range items {
		a := it.x.Article
		row := map[string]any{"id": a.ID, "title": a.Title, "source": a.Source, "url": a.URL, "published": a.Published,
			"section": a.Section, "text": a.Text, "version": it.version, "hash": "", "cur": it.cur, "at": at, "json": ""}
		if it.version {
			raw, err := json.Marshal(it.x)
			if err != nil {
				return fmt.Errorf("neo4j: save article %s: %w", a.ID, err)
			}
			row["hash"], row["json"] = kg.ContentHash(a.Text), string(raw)
		}
		rows = append(rows, row)
	}
	_, err := run(ctx, tx, `UNWIND $rows AS row
		MERGE (a:Article {id: row.id}) SET a.__lock = true REMOVE a.__lock
		SET a.title = row.title, a.source = row.source, a.url = row.url, a.published = row.published,
			a.section = row.section, a.text = row.text
		WITH a, row WHERE row.version
		SET a.contentHash = row.hash
		FOREACH (_ IN CASE WHEN row.cur <> row.hash THEN [1] ELSE [] END |
			SET a.versionHashes = coalesce(a.versionHashes, []) + row.hash,
				a.versionTitles = coalesce(a.versionTitles, []) + row.title,
				a.versionTimes = coalesce(a.versionTimes, []) + row.at)
		MERGE (x:Extraction {article: row.id})
		SET x.json = row.json`, map[string]any{"rows": rows})
	return err
}

// saveJoins records the run's joins in order. Joins of a new spelling's id
// that no node has (the usual case) are recorded together, a run of them
// in one statement; a join that needs more (its id is a node, was merged,
// it renames, or something is wrong with it) goes through mergeTx alone,
// and the joins after it are looked at again.
func saveJoins(ctx context.Context, tx neo4j.ManagedTransaction, items []runItem) error {
	var joins []kg.Join
	for _, it := range items {
		joins = append(joins, it.x.Joins...)
	}
	for len(joins) > 0 {
		rows, err := bareJoins(ctx, tx, joins)
		if err != nil {
			return err
		}
		if err := writeBareJoins(ctx, tx, rows); err != nil {
			return err
		}
		joins = joins[len(rows):]
		if len(joins) == 0 {
			break
		}
		j := joins[0]
		if _, err := mergeTx(ctx, tx, j.Node, j.ID, j.Merge, nil); err != nil {
			return fmt.Errorf("neo4jstore: join %s to %s: %w", j.ID, j.Node, err)
		}
		joins = joins[1:]
	}
	return nil
}

// writeBareJoins records the joins bareJoins found bare, in one statement.
func writeBareJoins(ctx context.Context, tx neo4j.ManagedTransaction, rows []any) error {
	if len(rows) == 0 {
		return nil
	}
	_, err := run(ctx, tx, `MERGE (n:Counter {name: 'audit'}) ON CREATE SET n.value = 0
		SET n.__lock = true REMOVE n.__lock
		WITH n, n.value AS base
		SET n.value = base + size($rows)
		WITH base
		UNWIND $rows AS row
		MERGE (r:Redirect {id: row.drop}) SET r.to = row.keep
		CREATE (:Audit {seq: base + row.i, at: $at, action: $action, actor: row.actor, reason: row.reason,
			subjects: [row.keep, row.drop], details: row.details})
		CREATE (:MergeRecord {seq: base + row.i, keep: row.keep, drop: row.drop, undo: row.undo, splitAt: ''})`,
		map[string]any{"rows": rows, "at": timestamp(time.Now()), "action": kg.AuditMerge})
	return err
}

// bareJoins reads what mergeTx would check of joins and returns the rows,
// for writeBareJoins, of the longest run of leading joins that are each a
// join of an id that no node has, was not merged and absorbed nothing,
// into an existing node, without renaming it.
func bareJoins(ctx context.Context, tx neo4j.ManagedTransaction, joins []kg.Join) ([]any, error) {
	var ids []string
	for _, j := range joins {
		ids = append(ids, j.Node, j.ID)
	}
	recs, err := run(ctx, tx, `UNWIND $ids AS id
		OPTIONAL MATCH (x:Redirect {id: id})
		WITH id, coalesce(x.to, id) AS to
		RETURN id, to, EXISTS { (:Entity {id: to}) } AS node, EXISTS { (:Redirect {to: to}) } AS absorbed`,
		map[string]any{"ids": anyStrings(uniq(ids))})
	if err != nil {
		return nil, err
	}
	type state struct {
		to             string
		node, absorbed bool
	}
	st := map[string]state{}
	for _, rec := range recs {
		n, _ := rec.Get("node")
		a, _ := rec.Get("absorbed")
		nb, _ := n.(bool)
		ab, _ := a.(bool)
		st[recStr(rec, "id")] = state{to: recStr(rec, "to"), node: nb, absorbed: ab}
	}
	local := map[string]string{} // the run's earlier joins: drop -> keep
	redirect := func(id string) string {
		if k, ok := local[id]; ok {
			return k
		}
		return st[id].to
	}
	rows := make([]any, 0, len(joins))
	for i, j := range joins {
		m := j.Merge
		if m.Method != kg.MergeAuto {
			break // mergeTx refuses a manual merge of an id no node has
		}
		if m.Name != "" {
			break // a join that renames the node: mergeTx records the old name
		}
		keep, drop := redirect(j.Node), redirect(j.ID)
		ks, ds := st[keep], st[drop]
		if _, ok := local[keep]; ok || !ks.node || keep == drop || drop != j.ID || ds.node || ds.absorbed || local[drop] != "" {
			break
		}
		local[drop] = keep
		det, err := json.Marshal(map[string]any{"keep": keep, "drop": drop, "method": string(m.Method), "score": m.Score, "evidence": m.Evidence})
		if err != nil {
			return nil, kg.Errorf(kg.EInvalid, "audit details are not JSON: %v", err)
		}
		undo, err := json.Marshal(kg.MergeUndo{Absorbed: []string{}, Retractions: []kg.RetractionMove{}, AddedAliases: []string{}})
		if err != nil {
			return nil, fmt.Errorf("neo4j: merge record: %w", err)
		}
		rows = append(rows, map[string]any{"i": int64(i + 1), "keep": keep, "drop": drop, "actor": m.Actor, "reason": m.Reason,
			"details": string(det), "undo": string(undo)})
	}
	return rows, nil
}

// lockAndRead resolves ids through redirects, takes write locks on the
// existing entities in id order (saves that share entities serialize here
// instead of losing updates; the order keeps deadlocks rare) and reads
// their name, type and aliases.
func lockAndRead(ctx context.Context, tx neo4j.ManagedTransaction, ids []string) (map[string]string, map[string]*entState, error) {
	red, err := resolve(ctx, tx, ids)
	if err != nil {
		return nil, nil, err
	}
	targets := make([]string, 0, len(red))
	for _, to := range red {
		targets = append(targets, to)
	}
	targets = uniq(targets)
	sort.Strings(targets)
	ents := map[string]*entState{}
	if len(targets) == 0 {
		return red, ents, nil
	}
	recs, err := run(ctx, tx, `UNWIND $ids AS id MATCH (e:Entity {id: id})
		SET e.__lock = true REMOVE e.__lock
		RETURN e.id AS id, e.name AS name, e.type AS type, coalesce(e.aliases, []) AS aliases`,
		map[string]any{"ids": anyStrings(targets)})
	if err != nil {
		return nil, nil, err
	}
	for _, rec := range recs {
		v, _ := rec.Get("aliases")
		l, _ := v.([]any)
		al := make([]string, 0, len(l))
		for _, a := range l {
			if s, ok := a.(string); ok {
				al = append(al, s)
			}
		}
		ents[recStr(rec, "id")] = &entState{stored: true, name: recStr(rec, "name"), typ: kg.EntityType(recStr(rec, "type")), aliases: al}
	}
	return red, ents, nil
}

// entityRows creates the entities a run names that do not exist (the
// first article to name one names and types it; the label is the type,
// one of the ontology's: kg.Extraction.Validate checked it), gives every
// entity whose names changed its aliases, search keys and blocking keys of
// entity resolution ((:Entity)-[:HAS_KEY]->(:BlockKey)), and leaves the
// others alone.
const entityRows = `UNWIND $rows AS row
	MERGE (e:Entity {id: row.id})
	ON CREATE SET e:$(row.type), e.type = row.type, e.subtype = row.subtype, e.name = row.name,
		e.curated = false, e.curatedAliases = [], e.aliases = [], e.searchKeys = ''
	WITH e, row WHERE row.refresh
	SET e.aliases = row.aliases, e.searchKeys = row.keys
	WITH e, row
	CALL (e, row) {
		OPTIONAL MATCH (e)-[h:HAS_KEY]->(k:BlockKey) WHERE NOT k.key IN row.block
		DELETE h
	}
	CALL (e, row) {
		UNWIND row.block AS key
		MERGE (k:BlockKey {key: key})
		MERGE (e)-[:HAS_KEY]->(k)
	}`

// saveEntities writes the run's entities and MENTIONS edges: every article
// contributes its names as aliases on its MENTIONS edge. An entity's
// aliases only grow here (its stored ones plus the run's), so the
// denormalized aliases and keys are written only for the entities that are
// new or whose names changed; those in full are recomputed from every
// contribution afterwards.
func saveEntities(ctx context.Context, tx neo4j.ManagedTransaction, items []runItem, red map[string]string, ents map[string]*entState, full map[string]bool) error {
	contrib := map[string][]string{}
	var order []string // the run's entities, first named first
	var mrows []any
	for _, it := range items {
		aid := it.x.Article.ID
		type mention struct {
			spans   []any
			aliases []string
		}
		ments := map[string]*mention{}
		var mine []string
		for _, e := range it.x.Entities {
			id := red[e.ID]
			m := ments[id]
			if m == nil {
				m = &mention{spans: []any{}}
				ments[id] = m
				mine = append(mine, id)
				if _, seen := contrib[id]; !seen {
					contrib[id] = nil
					order = append(order, id)
				}
				if ents[id] == nil {
					// The first article to name an entity names and types it.
					ents[id] = &entState{name: e.Name, typ: e.Type, subtype: e.Subtype, aliases: []string{}}
				}
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
		for _, id := range mine {
			m := ments[id]
			mrows = append(mrows, map[string]any{"aid": aid, "id": id, "spans": m.spans, "aliases": anyStrings(m.aliases)})
			contrib[id] = append(contrib[id], m.aliases...)
		}
		it.res.Entities = len(mine)
	}
	rows := make([]any, 0, len(order))
	for _, id := range order {
		st := ents[id]
		al := aliasesOf(st.name, append(slices.Clone(st.aliases), contrib[id]...))
		refresh := !full[id] && (!st.stored || !slices.Equal(al, st.aliases))
		if st.stored && !refresh {
			continue // it had every name the run gives it
		}
		row := map[string]any{"id": id, "type": string(st.typ), "subtype": st.subtype, "name": st.name,
			"refresh": refresh, "aliases": []any{}, "keys": "", "block": []any{}}
		if refresh {
			row["aliases"], row["keys"] = anyStrings(al), searchKeys(st.name, al)
			row["block"] = anyStrings(blocking.Keys(st.typ, append([]string{st.name}, al...)))
		}
		rows = append(rows, row)
	}
	if len(rows) > 0 {
		if _, err := run(ctx, tx, entityRows, map[string]any{"rows": rows}); err != nil {
			return err
		}
	}
	// The run's articles are new or had their MENTIONS removed, and each
	// names an entity once, so CREATE needs no existence check.
	_, err := run(ctx, tx, `UNWIND $rows AS row
		MATCH (a:Article {id: row.aid})
		MATCH (e:Entity {id: row.id})
		CREATE (a)-[:MENTIONS {spans: row.spans, aliases: row.aliases}]->(e)`, map[string]any{"rows": mrows})
	return err
}

// contributions folds one article's relations into per-relation records:
// ids follow the ends through redirects, symmetric ones are stored in id
// order, and self-loops (which a merge can make) say nothing.
func contributions(aid string, rels []kg.Relation, red map[string]string) (map[string]*relRec, []string) {
	contrib := map[string]*relRec{}
	var order []string
	for _, r := range rels {
		src, tgt := red[r.Source], red[r.Target]
		if src == tgt {
			continue
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
	return contrib, order
}

// saveRelations folds the run's relations into the graph: one relationship
// per relation id, each article's share appended in run order to what is
// stored, as saving the articles one by one appends them. The run's
// articles have no share stored (they are new, or a reload whose share was
// removed first), so their shares are appended without reading the
// relationship's lists: what a save sends does not grow with how many
// articles supported the relation before.
func saveRelations(ctx context.Context, tx neo4j.ManagedTransaction, items []runItem, red map[string]string) error {
	recs := map[string]*relRec{}
	var order []string
	for _, it := range items {
		c, of := contributions(it.x.Article.ID, it.x.Relations, red)
		it.res.Relations = len(of)
		for _, id := range of {
			if r := recs[id]; r != nil {
				r.absorb(c[id])
				continue
			}
			recs[id] = c[id]
			order = append(order, id)
		}
	}
	if len(order) == 0 {
		return nil
	}
	rows := make([]any, 0, len(order))
	for _, id := range order {
		r := recs[id]
		if _, err := relType(r.typ); err != nil {
			return err
		}
		rows = append(rows, map[string]any{"type": string(r.typ), "src": r.src, "tgt": r.tgt, "id": id, "props": r.props(),
			"ev": r.evidenceRows()})
	}
	_, err := run(ctx, tx, mergeRelsQuery(), map[string]any{"rows": rows})
	return err
}

// mergeRelsQuery appends each row's share to its relationship, or creates
// the relationship (its type given per row, one of the ontology's: relType
// checked it) with the share as its lists, and creates the share's
// Evidence nodes: what it writes does not grow with the evidence the
// relation already has (only the short per-article lists are rewritten). The entities at both ends are
// locked, so no other save creates it meanwhile. A retraction outlives the
// relationship, so a relation that comes back stays retracted.
var mergeRelsQuery = sync.OnceValue(func() string {
	return `UNWIND $rows AS row
	MATCH (s:Entity {id: row.src})
	MATCH (t:Entity {id: row.tgt})
	OPTIONAL MATCH (s)-[r:` + relTypeAlt() + `]->(t) WHERE r.id = row.id AND type(r) = row.type
	CALL (r, row) {
		WITH r, row WHERE r IS NOT NULL
		WITH r, row.props AS p
		SET r.confidence = CASE WHEN r.confidence IS NULL OR p.confidence > r.confidence
				THEN p.confidence ELSE r.confidence END,
			r.articles = coalesce(r.articles, []) + p.articles,
			r.articleConf = coalesce(r.articleConf, []) + p.articleConf,
			r.propArticle = coalesce(r.propArticle, []) + p.propArticle,
			r.propKey = coalesce(r.propKey, []) + p.propKey,
			r.propValue = coalesce(r.propValue, []) + p.propValue,
			r.evCount = coalesce(r.evCount, 0) + p.evCount
	}
	CALL (s, t, r, row) {
		WITH s, t, row WHERE r IS NULL
		OPTIONAL MATCH (x:Retraction {id: row.id})
		CREATE (s)-[n:$(row.type)]->(t)
		SET n = row.props, n.retracted = x IS NOT NULL, n.retractReason = coalesce(x.reason, '')
	}
	CALL (row) {
		UNWIND row.ev AS ev
		CREATE (x:Evidence)
		SET x = ev
	}`
})

// saveEventsAndQuotes writes the run's events and quotes, which their
// articles own outright: ids must be unique within an article and belong
// to no other article.
func saveEventsAndQuotes(ctx context.Context, tx neo4j.ManagedTransaction, items []runItem, red map[string]string) error {
	owner := map[string]string{} // "event id" or "quote id" -> article
	claim := func(kind, id, aid string) error {
		k := kind + " " + id
		switch o, ok := owner[k]; {
		case ok && o == aid:
			return kg.Errorf(kg.EInvalid, "%s %s appears twice", kind, id)
		case ok:
			return kg.Errorf(kg.EConflict, "%s %s already belongs to article %s", kind, id, o)
		}
		owner[k] = aid
		return nil
	}
	var evRows, qRows []any
	var evIDs, qIDs []string
	for _, it := range items {
		aid := it.x.Article.ID
		for _, e := range it.x.Events {
			if err := claim("event", e.ID, aid); err != nil {
				return err
			}
			evIDs = append(evIDs, e.ID)
			evRows = append(evRows, eventRow(aid, e, red))
		}
		for _, q := range it.x.Quotes {
			if err := claim("quote", q.ID, aid); err != nil {
				return err
			}
			qIDs = append(qIDs, q.ID)
			qRows = append(qRows, map[string]any{"id": q.ID, "speaker": red[q.Speaker], "text": q.Text, "article": aid,
				"start": int64(q.Start), "end": int64(q.End)})
		}
		it.res.Events, it.res.Quotes = len(it.x.Events), len(it.x.Quotes)
	}
	if len(evIDs)+len(qIDs) == 0 {
		return nil
	}
	// The articles' own were removed before (new articles have none).
	recs, err := run(ctx, tx, `CALL () {
			MATCH (n:Occurrence) WHERE n.id IN $events RETURN 'event' AS kind, n.id AS id, n.article AS article LIMIT 1
			UNION
			MATCH (n:Quote) WHERE n.id IN $quotes RETURN 'quote' AS kind, n.id AS id, n.article AS article LIMIT 1
		}
		RETURN kind, id, article ORDER BY kind LIMIT 1`, map[string]any{"events": anyStrings(evIDs), "quotes": anyStrings(qIDs)})
	if err != nil {
		return err
	}
	if len(recs) > 0 {
		return kg.Errorf(kg.EConflict, "%s %s already belongs to article %s", recStr(recs[0], "kind"), recStr(recs[0], "id"), recStr(recs[0], "article"))
	}
	if len(evRows) > 0 {
		if _, err := run(ctx, tx, `UNWIND $rows AS row
			MATCH (a:Article {id: row.props.article})
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
			}`, map[string]any{"rows": evRows}); err != nil {
			return err
		}
	}
	if len(qRows) > 0 {
		if _, err := run(ctx, tx, `UNWIND $rows AS row
			MATCH (a:Article {id: row.article})
			MATCH (e:Entity {id: row.speaker})
			CREATE (q:Quote)
			SET q = row
			CREATE (e)-[:SAID]->(q)
			CREATE (a)-[:HAS_QUOTE]->(q)`, map[string]any{"rows": qRows}); err != nil {
			return err
		}
	}
	return nil
}

// eventRow is the statement row of article aid's event e.
func eventRow(aid string, e kg.Event, red map[string]string) map[string]any {
	place := e.Place
	if place != "" {
		place = red[place]
	}
	var pe, pr, parts []any
	for i, p := range e.Participants {
		pe = append(pe, red[p.EntityID])
		pr = append(pr, p.Role)
		parts = append(parts, map[string]any{"entity": red[p.EntityID], "role": p.Role, "ord": int64(i)})
	}
	var ea, et, ex, es, ee, ec []any
	for _, ev := range e.Evidence {
		ea, et, ex = append(ea, aid), append(et, ev.Text), append(ex, ev.Extractor)
		es, ee, ec = append(es, int64(ev.Start)), append(ee, int64(ev.End)), append(ec, ev.Confidence)
	}
	return map[string]any{
		"props": map[string]any{
			"id": e.ID, "article": aid, "type": e.Type, "name": e.Name, "date": e.Date, "place": place,
			"partEntity": nonNil(pe), "partRole": nonNil(pr),
			"evArticle": nonNil(ea), "evText": nonNil(et), "evExtractor": nonNil(ex),
			"evStart": nonNil(es), "evEnd": nonNil(ee), "evConfidence": nonNil(ec),
		},
		"parts": nonNil(parts),
	}
}

package neo4jstore

import (
	"cmp"
	"slices"
	"strings"

	"github.com/newsgraph/newsgraph/kg"
)

// relRec is one relation as stored: the relationship holds the
// per-article contributions as parallel lists (so a reload removes exactly
// one article's share) and the count of its evidence; each piece of
// evidence is an (:Evidence {rel, article, text, start, end, extractor,
// confidence}) node of its own, so adding evidence creates nodes instead of
// rewriting lists that grow with every article.
type relRec struct {
	eid      string // element id of the relationship, when read
	id       string
	typ      kg.RelationType
	src, tgt string

	articles    []string
	articleConf []float64
	// stored is the relationship's confidence property, the maximum of
	// articleConf: what a read that leaves out the per-article lists has.
	stored float64

	propArticle, propKey, propValue []string

	// The evidence, read from its nodes (the map entry ev) or, in a count
	// read (evCount), as that many empty pieces.
	evArticle, evText, evExtractor []string
	evStart, evEnd                 []int
	evConf                         []float64

	retracted bool
	reason    string
}

// evidenceMap projects an Evidence node bound to x on what relFromProps reads.
const evidenceMap = `x {.article, .text, .start, .end, .extractor, .confidence}`

// evidenceOf is the expression collecting the evidence of the relationship
// bound to r as maps of proj (an evidenceMap or a part of it).
func evidenceOf(proj string) string {
	return `COLLECT { MATCH (x:Evidence {rel: r.id}) RETURN ` + proj + ` }`
}

func relFromProps(typ, src, tgt, eid string, p map[string]any) *relRec {
	r := &relRec{
		eid: eid, id: pStr(p, "id"), typ: kg.RelationType(typ), src: src, tgt: tgt,
		articles: pStrs(p, "articles"), articleConf: pFloats(p, "articleConf"), stored: pFloat(p, "confidence"),
		propArticle: pStrs(p, "propArticle"), propKey: pStrs(p, "propKey"), propValue: pStrs(p, "propValue"),
		retracted: pBool(p, "retracted"), reason: pStr(p, "retractReason"),
	}
	if ev, ok := p["ev"].([]any); ok {
		for _, x := range ev {
			m, _ := x.(map[string]any)
			r.evArticle = append(r.evArticle, pStr(m, "article"))
			r.evText = append(r.evText, pStr(m, "text"))
			r.evExtractor = append(r.evExtractor, pStr(m, "extractor"))
			r.evStart = append(r.evStart, pInt(m, "start"))
			r.evEnd = append(r.evEnd, pInt(m, "end"))
			r.evConf = append(r.evConf, pFloat(m, "confidence"))
		}
	}
	if n, ok := p["evCount"].(int64); ok && p["ev"] == nil {
		// An EvidenceCount read: as many empty pieces as there are.
		r.evArticle, r.evText, r.evExtractor = make([]string, n), make([]string, n), make([]string, n)
		r.evStart, r.evEnd, r.evConf = make([]int, n), make([]int, n), make([]float64, n)
	}
	// Parallel lists are written together; should an edit from outside
	// break that, read the common prefix rather than panic.
	n := min(len(r.articles), len(r.articleConf))
	r.articles, r.articleConf = r.articles[:n], r.articleConf[:n]
	n = min(len(r.propArticle), len(r.propKey), len(r.propValue))
	r.propArticle, r.propKey, r.propValue = r.propArticle[:n], r.propKey[:n], r.propValue[:n]
	return r
}

// props is the relationship's property map, written with SET r = $props;
// the evidence is not in it (evidenceRows).
func (r *relRec) props() map[string]any {
	return map[string]any{
		"id": r.id, "confidence": r.confidence(),
		"articles": anyStrings(r.articles), "articleConf": floatsAny(r.articleConf),
		"propArticle": anyStrings(r.propArticle), "propKey": anyStrings(r.propKey), "propValue": anyStrings(r.propValue),
		"evCount":   int64(len(r.evArticle)),
		"retracted": r.retracted, "retractReason": r.reason,
	}
}

// evidenceRows are the property maps of r's Evidence nodes.
func (r *relRec) evidenceRows() []any {
	out := make([]any, len(r.evArticle))
	for i := range r.evArticle {
		out[i] = map[string]any{"rel": r.id, "article": r.evArticle[i], "text": r.evText[i], "extractor": r.evExtractor[i],
			"start": int64(r.evStart[i]), "end": int64(r.evEnd[i]), "confidence": r.evConf[i]}
	}
	return out
}

// confidence is the highest of the articles' contributions (the stored
// value when the read left them out).
func (r *relRec) confidence() float64 {
	if len(r.articleConf) == 0 {
		return r.stored
	}
	c := 0.0
	for i, x := range r.articleConf {
		if i == 0 || x > c {
			c = x
		}
	}
	return c
}

// addArticle records one article's confidence, keeping the higher on a repeat.
func (r *relRec) addArticle(aid string, conf float64) {
	if i := slices.Index(r.articles, aid); i >= 0 {
		r.articleConf[i] = max(r.articleConf[i], conf)
		return
	}
	r.articles = append(r.articles, aid)
	r.articleConf = append(r.articleConf, conf)
}

// addProp records a property value; an existing value for the same key
// and article wins.
func (r *relRec) addProp(aid, k, v string) {
	for i := range r.propKey {
		if r.propKey[i] == k && r.propArticle[i] == aid {
			return
		}
	}
	r.propArticle = append(r.propArticle, aid)
	r.propKey = append(r.propKey, k)
	r.propValue = append(r.propValue, v)
}

// addEvidence records a piece of evidence; an existing one with the same
// article, offsets and extractor wins.
func (r *relRec) addEvidence(aid string, e kg.Evidence) {
	for i := range r.evArticle {
		if r.evArticle[i] == aid && r.evStart[i] == e.Start && r.evEnd[i] == e.End && r.evExtractor[i] == e.Extractor {
			return
		}
	}
	r.evArticle = append(r.evArticle, aid)
	r.evText = append(r.evText, e.Text)
	r.evStart = append(r.evStart, e.Start)
	r.evEnd = append(r.evEnd, e.End)
	r.evExtractor = append(r.evExtractor, e.Extractor)
	r.evConf = append(r.evConf, e.Confidence)
}

// absorb folds o's contributions into r, r's own winning on conflicts.
func (r *relRec) absorb(o *relRec) {
	for i, a := range o.articles {
		r.addArticle(a, o.articleConf[i])
	}
	for i := range o.propKey {
		r.addProp(o.propArticle[i], o.propKey[i], o.propValue[i])
	}
	for i := range o.evArticle {
		r.addEvidence(o.evArticle[i], kg.Evidence{Text: o.evText[i], Start: o.evStart[i], End: o.evEnd[i],
			Extractor: o.evExtractor[i], Confidence: o.evConf[i]})
	}
}

// dropArticle removes everything article aid contributed and reports
// whether any article still supports the relation.
func (r *relRec) dropArticle(aid string) bool {
	keep := func(list []string) []int {
		var idx []int
		for i, a := range list {
			if a != aid {
				idx = append(idx, i)
			}
		}
		return idx
	}
	ai := keep(r.articles)
	r.articles, r.articleConf = pick(r.articles, ai), pick(r.articleConf, ai)
	pi := keep(r.propArticle)
	r.propArticle, r.propKey, r.propValue = pick(r.propArticle, pi), pick(r.propKey, pi), pick(r.propValue, pi)
	ei := keep(r.evArticle)
	r.evArticle, r.evText, r.evExtractor = pick(r.evArticle, ei), pick(r.evText, ei), pick(r.evExtractor, ei)
	r.evStart, r.evEnd, r.evConf = pick(r.evStart, ei), pick(r.evEnd, ei), pick(r.evConf, ei)
	return len(r.articles) > 0
}

func pick[T any](l []T, idx []int) []T {
	out := make([]T, 0, len(idx))
	for _, i := range idx {
		out = append(out, l[i])
	}
	return out
}

// toKG builds the API value: properties take, per key, the value of the
// smallest article id; evidence is ordered by article, offsets, extractor.
func (r *relRec) toKG() *kg.Relation {
	out := &kg.Relation{
		ID: r.id, Type: r.typ, Source: r.src, Target: r.tgt,
		Properties: map[string]string{}, Confidence: r.confidence(), Evidence: []kg.Evidence{},
		Retracted: r.retracted, RetractReason: r.reason,
	}
	best := map[string]string{}
	for i, k := range r.propKey {
		if a, ok := best[k]; !ok || r.propArticle[i] < a {
			best[k] = r.propArticle[i]
			out.Properties[k] = r.propValue[i]
		}
	}
	for i := range r.evArticle {
		out.Evidence = append(out.Evidence, kg.Evidence{ArticleID: r.evArticle[i], Text: r.evText[i],
			Start: r.evStart[i], End: r.evEnd[i], Extractor: r.evExtractor[i], Confidence: r.evConf[i]})
	}
	slices.SortStableFunc(out.Evidence, func(a, b kg.Evidence) int {
		return cmp.Or(strings.Compare(a.ArticleID, b.ArticleID), cmp.Compare(a.Start, b.Start),
			cmp.Compare(a.End, b.End), strings.Compare(a.Extractor, b.Extractor))
	})
	return out
}

func sortRelations(list []*kg.Relation) {
	slices.SortFunc(list, func(a, b *kg.Relation) int {
		return cmp.Or(cmp.Compare(a.Type, b.Type), cmp.Compare(a.Source, b.Source),
			cmp.Compare(a.Target, b.Target), cmp.Compare(a.ID, b.ID))
	})
}

func floatsAny(l []float64) []any {
	out := make([]any, len(l))
	for i, v := range l {
		out[i] = v
	}
	return out
}

// entityFromProps builds an entity from its node's properties.
func entityFromProps(p map[string]any) *kg.Entity {
	e := &kg.Entity{
		ID: pStr(p, "id"), Type: kg.EntityType(pStr(p, "type")), Subtype: pStr(p, "subtype"),
		Name: pStr(p, "name"), Aliases: pStrs(p, "aliases"),
	}
	return e
}

// aliasesOf merges alias contributions the way every store reports them:
// distinct, sorted, without the canonical name.
func aliasesOf(name string, contributions []string) []string {
	out := []string{}
	for _, a := range contributions {
		if a != "" && a != name {
			out = append(out, a)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// searchKeys is the folded name and aliases, one per line: the text that
// the search indexes hold.
func searchKeys(name string, aliases []string) string {
	keys := []string{kg.FoldName(name)}
	for _, a := range aliases {
		if f := kg.FoldName(a); f != "" && !slices.Contains(keys, f) {
			keys = append(keys, f)
		}
	}
	return strings.Join(keys, "\n")
}

// eventFromProps builds an event from its node's properties.
func eventFromProps(p map[string]any) *kg.Event {
	e := &kg.Event{
		ID: pStr(p, "id"), Type: pStr(p, "type"), Name: pStr(p, "name"), Date: pStr(p, "date"),
		Place: pStr(p, "place"), Participants: []kg.Participant{}, Evidence: []kg.Evidence{},
	}
	ents, roles := pStrs(p, "partEntity"), pStrs(p, "partRole")
	for i := range min(len(ents), len(roles)) {
		e.Participants = append(e.Participants, kg.Participant{EntityID: ents[i], Role: roles[i]})
	}
	arts, texts, exts := pStrs(p, "evArticle"), pStrs(p, "evText"), pStrs(p, "evExtractor")
	starts, ends, confs := pInts(p, "evStart"), pInts(p, "evEnd"), pFloats(p, "evConfidence")
	for i := range min(len(arts), len(texts), len(exts), len(starts), len(ends), len(confs)) {
		e.Evidence = append(e.Evidence, kg.Evidence{ArticleID: arts[i], Text: texts[i], Start: starts[i],
			End: ends[i], Extractor: exts[i], Confidence: confs[i]})
	}
	return e
}

func quoteFromProps(p map[string]any) *kg.Quote {
	return &kg.Quote{ID: pStr(p, "id"), Speaker: pStr(p, "speaker"), Text: pStr(p, "text"),
		ArticleID: pStr(p, "article"), Start: pInt(p, "start"), End: pInt(p, "end")}
}

func articleFromProps(p map[string]any) *kg.Article {
	return &kg.Article{ID: pStr(p, "id"), Title: pStr(p, "title"), Source: pStr(p, "source"),
		URL: pStr(p, "url"), Published: pStr(p, "published"), Section: pStr(p, "section"), Text: pStr(p, "text")}
}

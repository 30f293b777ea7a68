// Package extract turns a normalized article into a knowledge-graph
// extraction with hand-written, general rules: sentences, then names, then
// entities resolved within the article, then roles, relations, events and
// quotes, each with the sentence that supports it.
package extract

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/kg"
	"github.com/newsgraph/newsgraph/relclass"
)

// Name identifies this extractor in Evidence.Extractor.
const Name = "rules/v1"

// doc is the working state of one extraction.
type doc struct {
	a     *kg.Article
	rs    []rune
	sents []Sentence
	ms    []mention
	ents  []*entity
	// bySent lists mention indexes per sentence, in text order.
	bySent [][]int
	rels   map[string]*kg.Relation
	events map[string]*kg.Event
	quotes map[int]*kg.Quote
	// prons lists resolved pronouns per sentence.
	prons [][]ref
	// led maps a person to the organizations and places they lead.
	led map[int][]int
	// firstSub caches firstOrgBySub.
	firstSub map[string]firstMention
	// ministries caches ministry lookups by topic.
	ministries map[string]int
	// refCache holds sentRefs per sentence once pronouns are resolved.
	refCache [][]ref
	// dominant is the country named most often, or -1.
	dominant int
	// dateline is the country of the article's dateline, or -1.
	dateline int
	// roleHolders maps "minister" and "minister@location:iraq" to the
	// persons seen holding that role.
	roleHolders map[string][]int
	// pending lists acts whose agent is still unknown.
	pending []pendingAct
	// detainers lists the bodies seen detaining, in text order.
	detainers []detainer
	// fundee is 1 + the company seen raising money, or 0.
	fundee int
	// described maps common nouns to the organizations the text called
	// by them, built on first use.
	described map[string][]description
	// descBySent lists the resolved definite descriptions of
	// organizations per sentence, and descAt their entities by the rune
	// offset of the noun.
	descBySent [][]description
	descAt     map[int]int
	// roleDescs counts per sentence the definite role nouns ("the
	// president") that may stand for a person.
	roleDescs []int
	// trees holds the parse of each sentence that grammar read (an
	// empty tree for the others), for the relation classifier.
	trees []tree
}

// Extract reads one article. It is pure and deterministic: the same
// article gives the same extraction, byte for byte once marshaled.
func Extract(a *kg.Article) (*kg.Extraction, error) {
	d, err := readByRules(a)
	if err != nil {
		return nil, err
	}
	if useClassifier {
		if m, err := relclass.Default(); err == nil { // the embedded model is checked by relclass's tests
			v, reps := d.classView()
			d.classify(v, reps, m)
		}
	}
	return d.build(), nil
}

// readByRules reads an article by the rules alone: its references,
// relations and quotes. Extract and Analyze (the classifier's trainer)
// both start from here, so the classifier learns from what it is given.
func readByRules(a *kg.Article) (*doc, error) {
	if a == nil {
		return nil, kg.Errorf(kg.EInvalid, "extract: no article")
	}
	if !utf8.ValidString(a.Text) {
		return nil, kg.Errorf(kg.EInvalid, "extract %s: text is not valid UTF-8", a.Source)
	}
	d := newDoc(a)
	d.relations()
	d.findQuotes()
	return d, nil
}

// newDoc reads an article up to its references: sentences, mentions and
// their types, entities, pronouns and descriptions. Extract goes on to
// relations and quotes; tests of one layer of rules start from here.
func newDoc(a *kg.Article) *doc {
	d := &doc{a: a, rs: []rune(a.Text), rels: map[string]*kg.Relation{}, events: map[string]*kg.Event{}, quotes: map[int]*kg.Quote{}}
	d.sents = sentences(d.rs)
	d.findMentions()
	d.datelines()
	d.typeByDocument()
	d.ents = resolve(d.ms, d.acronyms(), d.altNames(), d.introduced())
	d.index()
	d.resolvePronouns()
	d.resolveDescriptions()
	return d
}

func (d *doc) findMentions() {
	for i := range d.sents {
		d.ms = append(d.ms, findMentions(d.rs, &d.sents[i], i)...)
	}
}

// acronyms finds "Name (ABC)" definitions: mention index → acronym.
func (d *doc) acronyms() map[int]string {
	out := map[int]string{}
	for i, m := range d.ms {
		toks := d.sents[m.sent].toks
		if m.typ != kg.Organization {
			continue
		}
		if a := acronymAt(toks, m.te); a != "" {
			out[i] = a
		}
	}
	return out
}

// acronymAt returns the capitals of "(ABC)" at toks[b], or "".
func acronymAt(toks []token, b int) string {
	if b+2 >= len(toks) || toks[b].text != "(" || toks[b+2].text != ")" || !isAllCaps(toks[b+1].text) {
		return ""
	}
	return toks[b+1].text
}

// index builds the per-sentence mention lists of resolved mentions.
func (d *doc) index() {
	d.bySent = make([][]int, len(d.sents))
	for i, m := range d.ms {
		if m.ent >= 0 && !m.shadow {
			d.bySent[m.sent] = append(d.bySent[m.sent], i)
		}
	}
	for _, l := range d.bySent {
		sort.Slice(l, func(a, b int) bool { return d.ms[l[a]].start < d.ms[l[b]].start })
	}
}

// evidence is the provenance of a fact stated in sentence si.
func (d *doc) evidence(si int, conf float64) kg.Evidence {
	s := d.sents[si]
	return kg.Evidence{ArticleID: d.a.ID, Text: s.Text, Start: s.Start, End: s.End, Extractor: Name, Confidence: conf}
}

// build assembles the sorted extraction.
func (d *doc) build() *kg.Extraction {
	x := &kg.Extraction{Article: *d.a, Entities: []kg.Entity{}, Relations: []kg.Relation{}, Events: []kg.Event{}, Quotes: []kg.Quote{}}
	seen := map[string]int{}
	for _, e := range d.ents {
		if len(e.spans) == 0 {
			continue
		}
		id := e.id()
		if k, ok := seen[id]; ok {
			// Two entities that fold to one id are one thing.
			x.Entities[k].Mentions = append(x.Entities[k].Mentions, e.spans...)
			for _, a := range e.aliases {
				x.Entities[k].Aliases = append(x.Entities[k].Aliases, a)
			}
			continue
		}
		seen[id] = len(x.Entities)
		var aliases []string
		nf := fold(e.name)
		for f, a := range e.aliases {
			if f != nf {
				aliases = append(aliases, a)
			}
		}
		x.Entities = append(x.Entities, kg.Entity{ID: id, Type: e.typ, Subtype: e.sub, Name: e.name,
			Aliases: aliases, Mentions: e.spans})
	}
	for i := range x.Entities {
		e := &x.Entities[i]
		e.Aliases = dedupSorted(e.Aliases, fold(e.Name))
		sort.Slice(e.Mentions, func(a, b int) bool { return e.Mentions[a].Start < e.Mentions[b].Start })
		e.Mentions = dedupSpans(e.Mentions)
	}
	sort.Slice(x.Entities, func(a, b int) bool { return x.Entities[a].ID < x.Entities[b].ID })
	for _, r := range d.rels {
		sort.Slice(r.Evidence, func(a, b int) bool { return r.Evidence[a].Start < r.Evidence[b].Start })
		x.Relations = append(x.Relations, *r)
	}
	sort.Slice(x.Relations, func(a, b int) bool { return x.Relations[a].ID < x.Relations[b].ID })
	for _, e := range d.events {
		x.Events = append(x.Events, *e)
	}
	sort.Slice(x.Events, func(a, b int) bool { return x.Events[a].ID < x.Events[b].ID })
	for _, q := range d.quotes {
		x.Quotes = append(x.Quotes, *q)
	}
	sort.Slice(x.Quotes, func(a, b int) bool { return x.Quotes[a].Start < x.Quotes[b].Start })
	return x
}

func dedupSorted(xs []string, drop string) []string {
	seen := map[string]bool{drop: true}
	out := []string{}
	for _, x := range xs {
		f := fold(x)
		if seen[f] || strings.TrimSpace(x) == "" {
			continue
		}
		seen[f] = true
		out = append(out, x)
	}
	sort.Strings(out)
	return out
}

func dedupSpans(xs []kg.Span) []kg.Span {
	out := xs[:0]
	for i, s := range xs {
		if i > 0 && s == xs[i-1] {
			continue
		}
		out = append(out, s)
	}
	return out
}

package kg

import (
	"cmp"
	"slices"
	"strings"
)

// Sort orders of the list reads. Every order ends with the item's id (or,
// for relations, with type, source, target and id), so that it is total
// and pages read with an offset cursor never skip or repeat an item. The
// zero value of each is its default. Stores choose order clauses from a
// fixed list by these values; they never splice them into a query.

// EntityOrder orders FindEntities.
type EntityOrder string

// Entity orders.
const (
	// EntityByDefault is EntityByRelevance with a query, EntityByName
	// without.
	EntityByDefault EntityOrder = ""
	// EntityByName orders by name, then id.
	EntityByName EntityOrder = "NAME"
	// EntityByRelevance orders by search score (descending), then name,
	// then id; without a query every score is 1, so it is EntityByName.
	EntityByRelevance EntityOrder = "RELEVANCE"
	// EntityByArticles orders by the number of articles mentioning the
	// entity (most first), then name, then id.
	EntityByArticles EntityOrder = "ARTICLES"
)

// EntityOrders lists the entity orders a client may ask for.
var EntityOrders = []EntityOrder{EntityByName, EntityByRelevance, EntityByArticles}

// Valid reports whether o is the default or one of EntityOrders.
func (o EntityOrder) Valid() bool { return o == "" || slices.Contains(EntityOrders, o) }

// RelationOrder orders ListRelations.
type RelationOrder string

// Relation orders. Each breaks ties by type, source, target, then id.
const (
	// RelationByType orders by type, source, target, id: the default.
	RelationByType RelationOrder = ""
	// RelationByConfidence puts the most confident relations first.
	RelationByConfidence RelationOrder = "CONFIDENCE"
	// RelationByEvidence puts the relations with the most evidence
	// sentences first.
	RelationByEvidence RelationOrder = "EVIDENCE"
	// RelationByLatest puts first the relations whose latest contributing
	// article is newest (publication dates compared as strings); relations
	// whose articles are all undated come last.
	RelationByLatest RelationOrder = "LATEST"
)

// RelationOrders lists the relation orders a client may ask for, besides
// the default.
var RelationOrders = []RelationOrder{RelationByConfidence, RelationByEvidence, RelationByLatest}

// Valid reports whether o is the default or one of RelationOrders.
func (o RelationOrder) Valid() bool { return o == "" || slices.Contains(RelationOrders, o) }

// ArticleOrder orders ListArticles.
type ArticleOrder string

// Article orders.
const (
	// ArticleByNewest orders by publication date, newest first, undated
	// last, then id: the default.
	ArticleByNewest ArticleOrder = ""
	// ArticleByOldest orders by publication date, oldest first, undated
	// last, then id.
	ArticleByOldest ArticleOrder = "OLDEST"
	// ArticleByTitle orders by title, then id.
	ArticleByTitle ArticleOrder = "TITLE"
)

// ArticleOrders lists the article orders a client may ask for, besides the
// default.
var ArticleOrders = []ArticleOrder{ArticleByOldest, ArticleByTitle}

// Valid reports whether o is the default or one of ArticleOrders.
func (o ArticleOrder) Valid() bool { return o == "" || slices.Contains(ArticleOrders, o) }

// EventOrder orders ListEvents.
type EventOrder string

// Event orders.
const (
	// EventByDate orders by date, earliest first, undated last, then id:
	// the default.
	EventByDate EventOrder = ""
	// EventByDateDesc orders by date, latest first, undated last, then id.
	EventByDateDesc EventOrder = "DATE_DESC"
)

// EventOrders lists the event orders a client may ask for, besides the
// default.
var EventOrders = []EventOrder{EventByDateDesc}

// Valid reports whether o is the default or one of EventOrders.
func (o EventOrder) Valid() bool { return o == "" || slices.Contains(EventOrders, o) }

// Dates (publication dates, event dates) order as strings, so "2018-05"
// comes before "2018-05-10"; the empty date is undated and always last.
func compareDates(a, b string, desc bool) int {
	switch {
	case a == b:
		return 0
	case a == "":
		return 1
	case b == "":
		return -1
	case desc:
		return strings.Compare(b, a)
	}
	return strings.Compare(a, b)
}

// CompareRelations compares two relations in order o; latestA and latestB
// are the newest publication dates of their articles (used by
// RelationByLatest only).
func CompareRelations(o RelationOrder, a, b *Relation, latestA, latestB string) int {
	var c int
	switch o {
	case RelationByConfidence:
		c = cmp.Compare(b.Confidence, a.Confidence)
	case RelationByEvidence:
		c = cmp.Compare(len(b.Evidence), len(a.Evidence))
	case RelationByLatest:
		c = compareDates(latestA, latestB, true)
	}
	return cmp.Or(c, strings.Compare(string(a.Type), string(b.Type)), strings.Compare(a.Source, b.Source),
		strings.Compare(a.Target, b.Target), strings.Compare(a.ID, b.ID))
}

// CompareArticles compares two articles in order o.
func CompareArticles(o ArticleOrder, a, b *Article) int {
	var c int
	switch o {
	case ArticleByNewest:
		c = compareDates(a.Published, b.Published, true)
	case ArticleByOldest:
		c = compareDates(a.Published, b.Published, false)
	case ArticleByTitle:
		c = strings.Compare(a.Title, b.Title)
	}
	return cmp.Or(c, strings.Compare(a.ID, b.ID))
}

// CompareEvents compares two events in order o.
func CompareEvents(o EventOrder, a, b *Event) int {
	return cmp.Or(compareDates(a.Date, b.Date, o == EventByDateDesc), strings.Compare(a.ID, b.ID))
}

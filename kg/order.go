package kg

import "slices"

// Sort orders of the list reads. Every order ends with the item's id (or,
// for relations, with type, source, target and id), so that it is total
// and each item has a unique key for keyset paging (see Keyset). The
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

// Keysets of the list orders (see Keyset). Dates (publication dates,
// event dates) order as strings, so "2018-05" comes before "2018-05-10";
// an empty date is undated and always last, whatever the direction: the
// first column of a dated order is 1 for undated items, else 0.
var (
	entitiesByName      = NewKeyset("entities/NAME", colStr)
	entitiesByRelevance = NewKeyset("entities/RELEVANCE", colNumDesc, colStr)
	entitiesByArticles  = NewKeyset("entities/ARTICLES", colNumDesc, colStr)

	relationKeysets = map[RelationOrder]Keyset{
		RelationByType:       NewKeyset("relations/TYPE", colStr, colStr, colStr),
		RelationByConfidence: NewKeyset("relations/CONFIDENCE", colNumDesc, colStr, colStr, colStr),
		RelationByEvidence:   NewKeyset("relations/EVIDENCE", colNumDesc, colStr, colStr, colStr),
		RelationByLatest:     NewKeyset("relations/LATEST", colNum, colStrDesc, colStr, colStr, colStr),
	}
	articleKeysets = map[ArticleOrder]Keyset{
		ArticleByNewest: NewKeyset("articles/NEWEST", colNum, colStrDesc),
		ArticleByOldest: NewKeyset("articles/OLDEST", colNum, colStr),
		ArticleByTitle:  NewKeyset("articles/TITLE", colStr),
	}
	eventKeysets = map[EventOrder]Keyset{
		EventByDate:     NewKeyset("events/DATE", colNum, colStr),
		EventByDateDesc: NewKeyset("events/DATE_DESC", colNum, colStrDesc),
	}
)

// Keyset returns the sort key of FindEntities in order o, with a query
// (search) or without. Its columns are the order's value (score or
// article count, for RELEVANCE and ARTICLES), the name, and the id;
// without a query RELEVANCE is NAME.
func (o EntityOrder) Keyset(search bool) Keyset {
	switch {
	case o == EntityByArticles:
		return entitiesByArticles
	case o == EntityByName || !search:
		return entitiesByName
	}
	return entitiesByRelevance
}

// Keyset returns the sort key of ListRelations in order o (which must be
// valid): the order's value (for LATEST, undated then the date), type,
// source, target, id.
func (o RelationOrder) Keyset() Keyset { return relationKeysets[o] }

// Key returns r's key in order o; latest is the newest publication date
// of r's articles (used by RelationByLatest only).
func (o RelationOrder) Key(r *Relation, latest string) Key {
	rest := Key{string(r.Type), r.Source, r.Target, r.ID}
	switch o {
	case RelationByConfidence:
		return append(Key{r.Confidence}, rest...)
	case RelationByEvidence:
		return append(Key{float64(len(r.Evidence))}, rest...)
	case RelationByLatest:
		return append(Key{undated(latest), latest}, rest...)
	}
	return rest
}

// Keyset returns the sort key of ListArticles in order o (which must be
// valid): undated then the date, or the title; then the id.
func (o ArticleOrder) Keyset() Keyset { return articleKeysets[o] }

// Key returns a's key in order o.
func (o ArticleOrder) Key(a *Article) Key {
	if o == ArticleByTitle {
		return Key{a.Title, a.ID}
	}
	return Key{undated(a.Published), a.Published, a.ID}
}

// Keyset returns the sort key of ListEvents in order o (which must be
// valid): undated, the date, the id.
func (o EventOrder) Keyset() Keyset { return eventKeysets[o] }

// Key returns e's key in order o.
func (o EventOrder) Key(e *Event) Key { return Key{undated(e.Date), e.Date, e.ID} }

func undated(date string) float64 {
	if date == "" {
		return 1
	}
	return 0
}

// CompareRelations compares two relations in order o; latestA and latestB
// are the newest publication dates of their articles (used by
// RelationByLatest only).
func CompareRelations(o RelationOrder, a, b *Relation, latestA, latestB string) int {
	return o.Keyset().Compare(o.Key(a, latestA), o.Key(b, latestB))
}

// CompareArticles compares two articles in order o.
func CompareArticles(o ArticleOrder, a, b *Article) int {
	return o.Keyset().Compare(o.Key(a), o.Key(b))
}

// CompareEvents compares two events in order o.
func CompareEvents(o EventOrder, a, b *Event) int {
	return o.Keyset().Compare(o.Key(a), o.Key(b))
}

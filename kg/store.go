package kg

import (
	"context"
	"unicode/utf8"
)

// Direction selects which relations of an entity a read returns.
type Direction int

// Directions. Symmetric relations match every direction.
const (
	Both Direction = iota // relations where the entity is either end
	Out                   // relations where the entity is the source
	In                    // relations where the entity is the target
)

// RelationFilter narrows the relations read for an entity.
type RelationFilter struct {
	Direction        Direction
	Types            []RelationType // empty means all types
	MinConfidence    float64
	IncludeRetracted bool
	// Read says how much of each relation to read; the zero value reads
	// it whole, without its end entities.
	Read RelationRead
}

// RelationRead says how much of each relation a read fills in. The zero
// value reads the whole relation (every piece of evidence with its text,
// the properties) and not its end entities. A reader that needs less (the
// GraphQL layer asks for what the query selects) asks for less, so that
// the store does not fetch or ship what nobody reads.
type RelationRead struct {
	// Evidence is how much of the evidence to read.
	Evidence EvidenceRead
	// Ends also reads the end entities into Relation.SourceEntity and
	// Relation.TargetEntity, as Entities returns them, in the same read.
	Ends bool
	// BriefEnds, with Ends, lets the store leave out the end entities'
	// aliases (empty): readers that show ids, names and types need no
	// more. Such entities are partial and must not answer a later read of
	// the whole entity (a request's entity cache).
	BriefEnds bool
	// SentencesOnly, with EvidenceFull or EvidenceRefs, lets the store
	// leave out each piece's ArticleID, Extractor and Confidence (zero
	// values): readers of the sentences and their offsets need no more.
	SentencesOnly bool
	// NoProperties lets the store leave out the relation's Properties
	// (empty): readers that show no title, place or date need none.
	NoProperties bool
	// NoConfidence lets the store leave out the relation's Confidence
	// (zero): readers that neither show nor order by it need none.
	NoConfidence bool
	// NoRetraction lets the store leave out Retracted and RetractReason
	// (false, empty): readers that show neither need none.
	NoRetraction bool
	// EndNames, with BriefEnds, lets the store leave out the end
	// entities' Type and Subtype too (empty): readers that show ids and
	// names need no more.
	EndNames bool
}

// Whole reports whether rd reads every field of a relation (its ends
// aside): only such a relation may answer a later read of the whole.
func (rd RelationRead) Whole() bool {
	return rd.Evidence == EvidenceFull && !rd.SentencesOnly && !rd.NoProperties && !rd.NoConfidence && !rd.NoRetraction
}

// EvidenceRead is how much of a relation's evidence a read fills in.
type EvidenceRead uint8

// Evidence reads, from the most to the least.
const (
	EvidenceFull EvidenceRead = iota // every piece with every field
	EvidenceRefs                     // every piece without its Text (article, offsets, extractor, confidence)
	// EvidenceCount gives only how many pieces there are: Relation.Evidence
	// holds that many zero Evidence values. Weights count the evidence and
	// need nothing else of it.
	EvidenceCount
	EvidenceNone // none: Relation.Evidence is empty
)

// Needs returns the read that gives what both e and o give.
func (e EvidenceRead) Needs(o EvidenceRead) EvidenceRead { return min(e, o) }

// RelationListFilter selects relations for listing across the whole graph.
// Entity ids are resolved through merges.
type RelationListFilter struct {
	Types            []RelationType // empty means all types
	MinConfidence    float64
	ArticleID        string // only relations with evidence from this article
	IncludeRetracted bool
	Source           string       // only relations from this entity
	Target           string       // only relations to this entity
	EntityID         string       // only relations with this entity at either end
	SourceTypes      []EntityType // only relations whose source has one of these types
	TargetTypes      []EntityType // only relations whose target has one of these types
	// From and To ("2018", "2018-05", "2018-05-10" or "" for open) keep
	// relations that some article published in [From, To] contributes;
	// see DateRange.
	From, To string
	Order    RelationOrder
	First    int
	After    string
	// Read says how much of each relation to read (see RelationRead).
	Read RelationRead
	// NoTotal says the caller does not read RelationPage.Total: a store
	// may then leave it 0 instead of counting every match.
	NoTotal bool
}

// RelationPage is one page of relations.
type RelationPage struct {
	Relations []*Relation
	Cursors   []string // Cursors[i] is the cursor after Relations[i]
	Total     int
	EndCursor string
	HasNext   bool
	HasPrev   bool // some item sorts at or before the cursor the page follows
}

// EntityFilter selects entities for listing and search.
type EntityFilter struct {
	Query     string       // matched against names and aliases; "" lists all
	Types     []EntityType // empty means all types
	Subtype   string
	ArticleID string // only entities mentioned in this article
	Order     EntityOrder
	First     int    // page size; the store caps it at MaxPageSize
	After     string // cursor from a previous page of the same order (see Keyset)
}

// EntityHit is an entity with its search score (1 for plain listing).
type EntityHit struct {
	Entity *Entity
	Score  float64
}

// EntityPage is one page of entities, in the filter's Order. By default,
// without a query, entities are ordered by name then id; with one, by
// descending score, then name, then id.
type EntityPage struct {
	Hits      []EntityHit
	Cursors   []string // Cursors[i] is the cursor after Hits[i]
	Total     int
	EndCursor string
	HasNext   bool
	HasPrev   bool // some item sorts at or before the cursor the page follows
}

// ArticleFilter selects articles for listing.
type ArticleFilter struct {
	EntityID string // only articles mentioning this entity (resolved through merges)
	From, To string // only articles published in [From, To]; see DateRange
	Order    ArticleOrder
	First    int
	After    string
}

// ArticlePage is one page of articles in the filter's Order (by default by
// published date, newest first, undated last, then id).
type ArticlePage struct {
	Articles  []*Article
	Cursors   []string // Cursors[i] is the cursor after Articles[i]
	Total     int
	EndCursor string
	HasNext   bool
	HasPrev   bool // some item sorts at or before the cursor the page follows
}

// EventFilter selects events for listing.
type EventFilter struct {
	Type     string // one of EventTypes, or "" for all
	EntityID string // only events this entity took part in (resolved through merges)
	From, To string // only events dated in [From, To]; see DateRange
	Order    EventOrder
	First    int
	After    string
}

// EventPage is one page of events in the filter's Order (by default by
// date, undated last, then id).
type EventPage struct {
	Events    []*Event
	Cursors   []string // Cursors[i] is the cursor after Events[i]
	Total     int
	EndCursor string
	HasNext   bool
	HasPrev   bool // some item sorts at or before the cursor the page follows
}

// EntityUpdate is a curation edit; nil fields are left as they are.
type EntityUpdate struct {
	Name    *string
	Type    *EntityType
	Subtype *string
}

// Check refuses an update no entity could take: an empty name, an unknown
// type.
func (u EntityUpdate) Check() error {
	if u.Name != nil && *u.Name == "" {
		return Errorf(EInvalid, "entity name must not be empty")
	}
	if u.Type != nil && !u.Type.Valid() {
		return Errorf(EInvalid, "unknown entity type %q", *u.Type)
	}
	return nil
}

// Apply returns the name, type and subtype an entity that has name, t and
// sub gets from u; an EInvalid error when the subtype does not fit the type.
func (u EntityUpdate) Apply(name string, t EntityType, sub string) (string, EntityType, string, error) {
	if u.Name != nil {
		name = *u.Name
	}
	if u.Type != nil {
		t = *u.Type
	}
	if u.Subtype != nil {
		sub = *u.Subtype
	}
	if !ValidSubtype(t, sub) {
		return "", "", "", Errorf(EInvalid, "subtype %q is not allowed for %s", sub, t)
	}
	return name, t, sub, nil
}

// SaveResult says what one SaveExtraction wrote.
type SaveResult struct {
	ArticleID string
	// DuplicateOf is set when the text is already held, as its current
	// version, by another article (the same story read from another path
	// or URL): nothing was written and ArticleID names that article.
	DuplicateOf string
	Entities    int
	Relations   int
	Events      int
	Quotes      int
}

// Stats counts what a store holds. Relations and Evidence leave out
// retracted relations, which reads hide.
type Stats struct {
	Articles  int
	Entities  int
	Relations int // not counting retracted relations
	Events    int
	Quotes    int
	Evidence  int
}

// MaxKeyHits bounds the entities one blocking key returns, so that the
// cost of resolving an article does not grow with the graph.
const MaxKeyHits = 64

// KeyCandidates is what Store.CandidatesByKeys reads.
type KeyCandidates struct {
	// Hits are, for each key asked, the ids of the entities indexed
	// under it, as EntitiesByKeys gives them.
	Hits [][]string
	// Entities are the entities of every id of Hits, by id, as Entities
	// gives them.
	Entities map[string]*Entity
}

// MaxPageSize is the largest page any list returns; DefaultPageSize is used
// when a filter gives none.
const (
	MaxPageSize     = 500
	DefaultPageSize = 50
)

// Store holds the knowledge graph. Every backend passes the same conformance
// suite (package storetest). Batch reads take ids and return one result per
// id, in the same order, so that per-request dataloaders can use them as is.
type Store interface {
	// SaveExtraction writes one article's facts whole or not at all.
	// An article is identified by its id (derived from its source, see
	// ArticleID): saving it again first removes what it contributed
	// before, so a reload of the same text leaves the graph unchanged and
	// an edited version replaces the old version's facts. A text that
	// differs from the article's current one is recorded as a new
	// version. A new article whose text is already the current text of
	// another article is not written (SaveResult.DuplicateOf). Entities
	// and relations shared with other articles keep the other articles'
	// evidence; aliases are merged.
	SaveExtraction(ctx context.Context, x *Extraction) (SaveResult, error)
	// SaveExtractions writes several articles in one transaction, in
	// order, each as SaveExtraction would (a later one sees the earlier
	// ones): all of them or none. Bulk loads use it to commit many
	// articles at once.
	SaveExtractions(ctx context.Context, xs []*Extraction) ([]SaveResult, error)

	// Entities returns the entities with the given ids (nil where unknown).
	Entities(ctx context.Context, ids []string) ([]*Entity, error)
	// FindEntities lists or searches entities.
	FindEntities(ctx context.Context, f EntityFilter) (*EntityPage, error)

	// Relations returns, for each entity id, its relations matching f,
	// ordered by type, then source, then target.
	Relations(ctx context.Context, entityIDs []string, f RelationFilter) ([][]*Relation, error)
	// EntitiesWithRelations is Entities and Relations of the same ids in
	// one read: the entities as Entities gives them and, for each id, the
	// relations matching f as Relations gives them. A reader that needs
	// both (an entity with its relations, the first level of a
	// neighborhood) saves a round trip.
	EntitiesWithRelations(ctx context.Context, ids []string, f RelationFilter) ([]*Entity, [][]*Relation, error)
	// ListRelations pages through all relations matching f, in f.Order.
	ListRelations(ctx context.Context, f RelationListFilter) (*RelationPage, error)
	// RelationsByID returns the relations with the given ids (nil where unknown).
	RelationsByID(ctx context.Context, ids []string) ([]*Relation, error)

	// Articles returns the articles with the given ids (nil where unknown).
	Articles(ctx context.Context, ids []string) ([]*Article, error)
	// ListArticles pages through the articles matching f, in f.Order.
	ListArticles(ctx context.Context, f ArticleFilter) (*ArticlePage, error)
	// ArticleVersions returns, for each article id, its versions newest
	// first (nil for an unknown article).
	ArticleVersions(ctx context.Context, articleIDs []string) ([][]ArticleVersion, error)
	// ArticlesOfEntities returns, for each entity id, the ids of the
	// articles that mention it, sorted.
	ArticlesOfEntities(ctx context.Context, entityIDs []string) ([][]string, error)
	// LatestArticlesOfEntities returns, for each entity id, the last n of
	// the ids ArticlesOfEntities gives (the n greatest), sorted: a read
	// whose cost does not grow with how many articles mention the entity.
	LatestArticlesOfEntities(ctx context.Context, entityIDs []string, n int) ([][]string, error)
	// EntitiesOfArticles returns, for each article id, the ids of the
	// entities it mentions, sorted.
	EntitiesOfArticles(ctx context.Context, articleIDs []string) ([][]string, error)
	// ArticlesWithText returns, for each content hash (ContentHash), the
	// least id of the articles whose current text has it, "" when none: the
	// article a new source with that text is a duplicate of.
	ArticlesWithText(ctx context.Context, hashes []string) ([]string, error)

	// Events returns the events with the given ids (nil where unknown).
	Events(ctx context.Context, ids []string) ([]*Event, error)
	// ListEvents pages through the events matching f, in f.Order.
	ListEvents(ctx context.Context, f EventFilter) (*EventPage, error)
	// EventsOfEntities returns, for each entity id, the events it took part
	// in, ordered by date (undated last), then id.
	EventsOfEntities(ctx context.Context, entityIDs []string) ([][]*Event, error)

	// QuotesOfEntities returns, for each entity id, the quotes it spoke,
	// ordered by article then offset.
	QuotesOfEntities(ctx context.Context, entityIDs []string) ([][]*Quote, error)
	// QuotesOfArticles returns, for each article id, its quotes by offset.
	QuotesOfArticles(ctx context.Context, articleIDs []string) ([][]*Quote, error)

	// MergeEntities folds drop into keep: drop's aliases (and name), mentions,
	// relations with their evidence, event participations and quotes move
	// to keep; a relation that becomes a self-loop is removed. Afterwards
	// Entities(drop) returns keep, and later saves that produce drop's id
	// write to keep instead. Both ids are resolved through earlier merges
	// first. It fails with EInvalid when both are already one entity (the
	// message names it) or when their types are not CompatibleTypes, and
	// with ENotFound when either is unknown — except that an automatic
	// join (m.Method MergeAuto) may name as drop an id no node has yet:
	// then only the redirect is recorded, so that a later save of an
	// article producing drop writes to keep. The merge is recorded with
	// m (method, score, evidence, who and why) in the audit log, with what
	// SplitEntity needs to undo it.
	MergeEntities(ctx context.Context, keepID, dropID string, m Merge) (*Entity, error)
	// SplitEntity undoes the merge that folded id into another entity
	// (automatic or manual, however many merges ago): id is its own
	// entity again, with its curated name, type and aliases; the ids that
	// had been merged into it before follow it; retractions moved by the
	// merge return; and every article that mentions id has its facts
	// (aliases, mentions, relations with evidence, events, quotes)
	// re-derived from its last saved extraction, so they land on the
	// right nodes. It returns the restored entity; EInvalid when id is not
	// merged into anything, ENotFound when it is unknown.
	SplitEntity(ctx context.Context, id string, c Curation) (*Entity, error)
	// RetractRelation marks a relation retracted with c.Reason: kept, but
	// hidden from reads unless a filter includes retracted relations. A
	// reload of an article does not revive it. EInvalid, saying when, by
	// whom and why, when it is already retracted.
	RetractRelation(ctx context.Context, id string, c Curation) (*Relation, error)
	// UnretractRelation undoes a retraction; EInvalid when the relation is
	// not retracted.
	UnretractRelation(ctx context.Context, id string, c Curation) (*Relation, error)
	// UpdateEntity edits an entity's name, type or subtype; nil fields stay.
	// The id does not change. A new name's old value becomes an alias. A
	// name that is exactly another entity's name is refused (EInvalid,
	// naming that entity: merge them instead).
	UpdateEntity(ctx context.Context, id string, u EntityUpdate, c Curation) (*Entity, error)

	// AuditLog pages through the record of curations, newest first.
	AuditLog(ctx context.Context, f AuditFilter) (*AuditPage, error)

	// RecordMergeCandidates records pairs for review. A pair already
	// recorded (in either direction) gets the new score and evidence
	// while pending; a decided pair stays decided, so that a rejected pair
	// is not proposed again. Pairs whose ids resolve to one entity, or to
	// entities of incompatible types, are skipped.
	RecordMergeCandidates(ctx context.Context, cs []MergeCandidate) error
	// MergeCandidates lists candidates by descending score, then id.
	MergeCandidates(ctx context.Context, f CandidateFilter) (*CandidatePage, error)
	// DecideMergeCandidate accepts a pending candidate (merging Drop into
	// Keep with the candidate's score and evidence, method manual) or
	// rejects it; both are recorded in the audit log. EInvalid when the
	// candidate was already decided.
	DecideMergeCandidate(ctx context.Context, id string, accept bool, c Curation) (*MergeCandidate, error)

	// EntitiesByKeys returns, for each blocking key of entity resolution
	// (see package resolve), the ids of the entities indexed under it: at
	// most MaxKeyHits, sorted. Every write keeps the keys of the entities
	// it touches current.
	EntitiesByKeys(ctx context.Context, keys []string) ([][]string, error)
	// CandidatesByKeys is EntitiesByKeys and Entities of every id it gives
	// in one read: the candidates of entity resolution with their names,
	// aliases and types, which resolution otherwise reads in two
	// dependent round trips per article.
	CandidatesByKeys(ctx context.Context, keys []string) (KeyCandidates, error)
	// ReindexKeys recomputes the blocking keys of every entity, for a store
	// written before they existed, and returns how many entities it indexed.
	ReindexKeys(ctx context.Context) (int, error)

	// Stats counts what the store holds.
	Stats(ctx context.Context) (Stats, error)
	// Close releases the store's resources.
	Close() error
}

// MaxQueryLength is the longest search query, in characters. Search is for
// names, and scoring costs time in the query's number of words for every
// candidate: a query of a hundred thousand words held a core for 30 s.
const MaxQueryLength = 200

// CheckQuery refuses a search query longer than MaxQueryLength.
func CheckQuery(q string) error {
	if n := utf8.RuneCountInString(q); n > MaxQueryLength {
		return Errorf(EInvalid, "query is %d characters long; search takes at most %d (a name or alias)", n, MaxQueryLength)
	}
	return nil
}

// PageSize clamps a requested page size to [1, MaxPageSize], using
// DefaultPageSize for zero.
func PageSize(first int) (int, error) {
	switch {
	case first == 0:
		return DefaultPageSize, nil
	case first < 0:
		return 0, Errorf(EInvalid, "first must not be negative, got %d", first)
	case first > MaxPageSize:
		return MaxPageSize, nil
	}
	return first, nil
}

// PathFinder is an optional capability of a Store that searches shortest
// paths itself (Neo4j plans one allShortestPaths) instead of being walked
// level by level. ShortestPathRelations returns the shortest paths from one
// entity to another of at most maxHops hops, following relations of f in
// either direction (f.Direction is Both; retracted relations and those
// below f.MinConfidence are not followed), each path as its relations from
// the resolved `from` to the resolved `to`, ordered by their ids hop by hop,
// at most limit of them; none within maxHops gives none.
// from and to are ids as a client gave them: the store resolves merged ids
// in the same round trip, returns them in FoundPaths, and gives
// kg.ENotFound for an unknown one. Ends that resolve to one entity give no
// paths (the caller knows the zero-length one).
// The relations are read as f.Read says. A store wrapper that cannot forward the call returns an
// error wrapping errors.ErrUnsupported, and callers walk instead.
type PathFinder interface {
	ShortestPathRelations(ctx context.Context, from, to string, maxHops int, f RelationFilter, limit int) (FoundPaths, error)
}

// TwoLevelReader is an optional capability of a Store that reads two
// levels of a walk in one round trip. EntitiesWithTwoLevels is
// EntitiesWithRelations (the entities ids and their relations matching f)
// and, in next, for every other end of those relations, its relations
// matching f, keyed by the end's id; a relation back to the entity it was
// reached from may be left out. A store wrapper that cannot forward the
// call returns an error wrapping errors.ErrUnsupported, and callers read
// level by level instead.
type TwoLevelReader interface {
	EntitiesWithTwoLevels(ctx context.Context, ids []string, f RelationFilter) (es []*Entity, rels [][]*Relation, next map[string][]*Relation, err error)
}

// FoundPaths is what a PathFinder returns: the ids the two ends resolved
// to and the paths between them.
type FoundPaths struct {
	From, To string
	Paths    [][]*Relation
}

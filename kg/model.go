package kg

import "encoding/json"

// Article is one news article after reading and normalization. Offsets of
// every mention and piece of evidence index Text in runes.
type Article struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	Source    string `json:"source"`            // path or URL it was read from
	URL       string `json:"url,omitempty"`     // canonical URL when the input names one
	Published string `json:"published"`         // "2018-05-10", "2018-05" or "" when unknown
	Section   string `json:"section,omitempty"` // e.g. "International News"
	Text      string `json:"-"`                 // normalized text; offsets index it
}

// MarshalJSON writes an unknown publication date as null, as the extract
// contract asks.
func (a Article) MarshalJSON() ([]byte, error) {
	type plain Article
	var pub any
	if a.Published != "" {
		pub = a.Published
	}
	return json.Marshal(struct {
		plain
		Published any `json:"published"`
	}{plain(a), pub})
}

// Span is a half-open range [Start, End) of runes in an article's text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Evidence ties a fact to the sentence that states it.
type Evidence struct {
	ArticleID  string  `json:"article"`
	Text       string  `json:"text"`  // the sentence
	Start      int     `json:"start"` // sentence offsets in the article's text
	End        int     `json:"end"`
	Extractor  string  `json:"extractor"`
	Confidence float64 `json:"confidence"`
}

// Entity is a person, organization, location, event or role node.
type Entity struct {
	ID       string     `json:"id"`
	Type     EntityType `json:"type"`
	Subtype  string     `json:"subtype"`
	Name     string     `json:"name"`
	Aliases  []string   `json:"aliases"`
	Mentions []Span     `json:"mentions,omitempty"` // within one article's extraction only
	// MergedInto is set on an entity that curation merged into another.
	MergedInto string `json:"-"`
}

// MarshalJSON writes an empty subtype as null, as the extract contract asks.
func (e Entity) MarshalJSON() ([]byte, error) {
	type plain Entity
	var sub any
	if e.Subtype != "" {
		sub = e.Subtype
	}
	aliases := e.Aliases
	if aliases == nil {
		aliases = []string{}
	}
	return json.Marshal(struct {
		plain
		Subtype any      `json:"subtype"`
		Aliases []string `json:"aliases"`
	}{plain(e), sub, aliases})
}

// Relation is a directed edge between two entities with its evidence.
type Relation struct {
	ID         string            `json:"id"`
	Type       RelationType      `json:"type"`
	Source     string            `json:"source"`
	Target     string            `json:"target"`
	Properties map[string]string `json:"properties"`
	Confidence float64           `json:"confidence"` // the highest of its evidence
	Evidence   []Evidence        `json:"evidence"`
	// Retracted relations are kept for the record but hidden by default.
	Retracted     bool   `json:"-"`
	RetractReason string `json:"-"`
	// SourceEntity and TargetEntity are the end entities, set only by the
	// reads that ask for them (RelationRead.Ends).
	SourceEntity *Entity `json:"-"`
	TargetEntity *Entity `json:"-"`
}

// Participant is an entity taking part in an event, with its role
// ("agent", "patient", "place", "witness", …).
type Participant struct {
	EntityID string `json:"entity"`
	Role     string `json:"role"`
}

// Event is something that happened at a time, with participants.
type Event struct {
	ID           string        `json:"id"`
	Type         string        `json:"type"` // one of EventTypes
	Name         string        `json:"name"`
	Date         string        `json:"date"`  // as precise as the text: "2007", "2018-05", "2018-05-12"
	Place        string        `json:"place"` // entity id of the place, or ""
	Participants []Participant `json:"participants"`
	Evidence     []Evidence    `json:"evidence"`
}

// Quote records who said what, where.
type Quote struct {
	ID        string `json:"id"`
	Speaker   string `json:"speaker"` // entity id
	Text      string `json:"text"`
	ArticleID string `json:"article"`
	Start     int    `json:"start"`
	End       int    `json:"end"`
}

// Extraction is everything one article yields: the unit that a store writes
// whole or not at all, and the JSON that `extract` prints.
type Extraction struct {
	Article   Article    `json:"article"`
	Entities  []Entity   `json:"entities"`
	Relations []Relation `json:"relations"`
	Events    []Event    `json:"events"`
	Quotes    []Quote    `json:"quotes"`
	// Joins are entity resolution's decisions that entities of this
	// extraction are existing nodes. A store records each as
	// MergeEntities(Node, ID, Merge) in the save's own transaction, before
	// the facts are written, so the entity is written onto its node. Not
	// part of the extract contract.
	Joins []Join `json:"-"`
}

// Join says that the extraction's entity ID is the existing node Node, or
// that the existing node ID is the extraction's entity Node (the article
// shows two nodes are one: ID is merged into Node's node).
type Join struct {
	Node, ID string
	Merge    Merge // Method MergeAuto, with the score and evidence
}

// MarshalJSON writes empty lists as [] rather than null, so that clients of
// the extract contract can iterate without checks.
func (x Extraction) MarshalJSON() ([]byte, error) {
	type plain Extraction
	p := plain(x)
	if p.Entities == nil {
		p.Entities = []Entity{}
	}
	if p.Relations == nil {
		p.Relations = []Relation{}
	}
	if p.Events == nil {
		p.Events = []Event{}
	}
	if p.Quotes == nil {
		p.Quotes = []Quote{}
	}
	return json.Marshal(p)
}

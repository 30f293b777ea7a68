package kg

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Curation says who made a change to the graph and why. Every curation
// (merge, split, retraction, update, candidate decision) is recorded with
// it in the audit log.
type Curation struct {
	// Actor identifies who made the change: an identifier of the API key
	// used (never the key itself), "anonymous" on a server without a key,
	// or a program name such as "resolve" for automatic joins.
	Actor string
	// Reason is the curator's (or program's) explanation, free text.
	Reason string
}

// MergeMethod says how a merge was decided.
type MergeMethod string

// Merge methods.
const (
	MergeManual MergeMethod = "manual" // a curator merged the entities
	MergeAuto   MergeMethod = "auto"   // entity resolution joined them at load time
)

// Merge is the record of one merge: who and why, how it was decided, the
// score of the decision and the evidence for it.
type Merge struct {
	Curation
	// Method is MergeManual when empty.
	Method MergeMethod
	// Score is the resolver's confidence in [0, 1]; 0 for a curator's
	// merge that gives none.
	Score float64
	// Evidence is free-form structured data that a reviewer reads: the
	// names compared, the shared neighbors, the rule that fired. It must
	// marshal to a JSON object.
	Evidence map[string]any
	// Name, when set, becomes the kept entity's canonical name unless a
	// curator named it: entity resolution passes the fuller name a later
	// article gives ("Pyotr Zavyalin" for a node first seen as
	// "Zavyalin"). The id stays; a split restores the old name.
	Name string
}

// Audit actions.
const (
	AuditMerge           = "merge"
	AuditSplit           = "split"
	AuditRetract         = "retract"
	AuditUnretract       = "unretract"
	AuditUpdate          = "update"
	AuditAcceptCandidate = "accept_candidate"
	AuditRejectCandidate = "reject_candidate"
)

// AuditEntry is one curation as the audit log keeps it.
type AuditEntry struct {
	Seq    int64 // increases with every entry
	At     time.Time
	Action string // one of the Audit* actions
	Actor  string
	Reason string
	// Subjects are the ids acted on: entities, a relation, a candidate.
	Subjects []string
	// Details hold what the action needs to be understood later: a
	// merge's method, score and evidence; an update's old and new values.
	Details map[string]any
}

// AuditFilter selects audit entries, newest first.
type AuditFilter struct {
	Subject string // only entries about this id ("" for all)
	First   int
	After   string // cursor from a previous page
}

// AuditQuery is an AuditFilter checked: what a store reads for one page.
type AuditQuery struct {
	Size    int // entries on the page; a store reads one more to know HasNext
	Subject string
	Before  int64 // entries with a lower Seq only; 0 for the first page
}

// Query checks the page size and the cursor of f.
func (f AuditFilter) Query() (AuditQuery, error) {
	size, err := PageSize(f.First)
	if err != nil {
		return AuditQuery{}, err
	}
	before, err := DecodeSeqCursor(f.After)
	if err != nil {
		return AuditQuery{}, err
	}
	return AuditQuery{Size: size, Subject: f.Subject, Before: before}, nil
}

// AuditPage is one page of the audit log, newest first.
type AuditPage struct {
	Entries   []*AuditEntry
	Total     int
	EndCursor string
	HasNext   bool
}

// Finish trims a page read with one entry past size (so HasNext is known
// without a second query) and sets EndCursor from the last kept entry.
func (p *AuditPage) Finish(size int) {
	if len(p.Entries) > size {
		p.Entries, p.HasNext = p.Entries[:size], true
	}
	if n := len(p.Entries); n > 0 {
		p.EndCursor = EncodeSeqCursor(p.Entries[n-1].Seq)
	}
}

// CandidateStatus is where a merge candidate stands in review.
type CandidateStatus string

// Candidate statuses.
const (
	CandidatePending  CandidateStatus = "pending"
	CandidateAccepted CandidateStatus = "accepted"
	CandidateRejected CandidateStatus = "rejected"
)

// MergeCandidate is a pair of entities that entity resolution thinks may
// be one, with a score too low to join them automatically: a reviewer
// accepts (the merge is made) or rejects it.
type MergeCandidate struct {
	ID string // CandidateID(Keep, Drop)
	// Keep and Drop are the suggested direction of the merge.
	Keep, Drop string
	Score      float64
	// Evidence is free-form structured data for the reviewer, as in Merge.
	Evidence  map[string]any
	Status    CandidateStatus
	CreatedAt time.Time
	DecidedAt time.Time // zero while pending
}

// CandidateID is the id of the candidate pair {a, b}, the same in either
// order.
func CandidateID(a, b string) string {
	if b < a {
		a, b = b, a
	}
	return "candidate:" + shortHash(a, b)
}

// CandidateFilter selects merge candidates, by descending score then id.
type CandidateFilter struct {
	Status   CandidateStatus // CandidatePending when empty
	EntityID string          // only pairs with this entity (resolved through merges) on either side
	First    int
	After    string
}

// CandidateQuery is a CandidateFilter checked, with its defaults: what a
// store reads for one page.
type CandidateQuery struct {
	Size     int             // candidates on the page; a store reads one more to know HasNext
	Status   CandidateStatus // never empty
	EntityID string          // as given: the store resolves it through merges
	// After is set on pages after the first: they hold the candidates
	// after (Score, ID) in the order by descending score, then id.
	After bool
	Score float64
	ID    string
}

// Query checks the page size and the cursor of f and fills in the status.
func (f CandidateFilter) Query() (CandidateQuery, error) {
	size, err := PageSize(f.First)
	if err != nil {
		return CandidateQuery{}, err
	}
	score, id, after, err := DecodeScoreCursor(f.After)
	if err != nil {
		return CandidateQuery{}, err
	}
	q := CandidateQuery{Size: size, Status: f.Status, EntityID: f.EntityID, After: after, Score: score, ID: id}
	if q.Status == "" {
		q.Status = CandidatePending
	}
	return q, nil
}

// Decide says what deciding c does: the status c gets and the audit action
// that records it; an EInvalid error when c was decided already.
func (c *MergeCandidate) Decide(accept bool) (CandidateStatus, string, error) {
	switch {
	case c.Status != CandidatePending:
		return "", "", Errorf(EInvalid, "merge candidate %q was already %s", c.ID, c.Status)
	case accept:
		return CandidateAccepted, AuditAcceptCandidate, nil
	}
	return CandidateRejected, AuditRejectCandidate, nil
}

// CandidatePage is one page of merge candidates.
type CandidatePage struct {
	Candidates []*MergeCandidate
	Total      int
	EndCursor  string
	HasNext    bool
}

// Finish trims a page read with one candidate past size and sets
// EndCursor from the last kept candidate, as AuditPage.Finish does.
func (p *CandidatePage) Finish(size int) {
	if len(p.Candidates) > size {
		p.Candidates, p.HasNext = p.Candidates[:size], true
	}
	if n := len(p.Candidates); n > 0 {
		last := p.Candidates[n-1]
		p.EndCursor = EncodeScoreCursor(last.Score, last.ID)
	}
}

// ValidateCandidates checks, before a store writes any, that every
// candidate names two different ids.
func ValidateCandidates(cs []MergeCandidate) error {
	for _, c := range cs {
		if c.Keep == "" || c.Drop == "" || c.Keep == c.Drop {
			return Errorf(EInvalid, "a merge candidate needs two different ids, got %q and %q", c.Keep, c.Drop)
		}
	}
	return nil
}

// EvidenceJSON is the candidate's evidence as the stores keep it: a JSON
// object, {} when there is none.
func (c MergeCandidate) EvidenceJSON() (string, error) {
	ev := c.Evidence
	if ev == nil {
		ev = map[string]any{}
	}
	raw, err := json.Marshal(ev)
	if err != nil {
		return "", Errorf(EInvalid, "candidate %s/%s: evidence is not JSON: %v", c.Keep, c.Drop, err)
	}
	return string(raw), nil
}

// CompatibleTypes reports whether entities of types a and b may be merged:
// the same type, or a pair that extraction confuses in practice — a group
// named like a person (Person, Organization), a country acting as a
// government (Organization, Location). A person is never a place, and
// events and roles merge only with their own kind.
func CompatibleTypes(a, b EntityType) bool {
	if a == b {
		return true
	}
	pair := func(x, y EntityType) bool { return (a == x && b == y) || (a == y && b == x) }
	return pair(Person, Organization) || pair(Organization, Location)
}

// EncodeSeqCursor makes the opaque cursor that follows the audit entry seq.
func EncodeSeqCursor(seq int64) string {
	return base64.RawURLEncoding.EncodeToString([]byte("s:" + strconv.FormatInt(seq, 10)))
}

// DecodeSeqCursor reads a cursor made by EncodeSeqCursor; "" is 0 (start).
func DecodeSeqCursor(c string) (int64, error) {
	if c == "" {
		return 0, nil
	}
	b, err := base64.RawURLEncoding.DecodeString(c)
	if err != nil || !strings.HasPrefix(string(b), "s:") {
		return 0, Errorf(EInvalid, "invalid cursor %q", c)
	}
	n, err := strconv.ParseInt(string(b[2:]), 10, 64)
	if err != nil || n <= 0 {
		return 0, Errorf(EInvalid, "invalid cursor %q", c)
	}
	return n, nil
}

// EncodeScoreCursor makes the opaque cursor that follows the candidate
// (score, id) in an order by descending score, then id.
func EncodeScoreCursor(score float64, id string) string {
	return base64.RawURLEncoding.EncodeToString([]byte("c:" + strconv.FormatFloat(score, 'g', -1, 64) + ":" + id))
}

// DecodeScoreCursor reads a cursor made by EncodeScoreCursor; ok is false
// for "" (start).
func DecodeScoreCursor(c string) (score float64, id string, ok bool, err error) {
	if c == "" {
		return 0, "", false, nil
	}
	b, err := base64.RawURLEncoding.DecodeString(c)
	parts := strings.SplitN(string(b), ":", 3)
	if err != nil || len(parts) != 3 || parts[0] != "c" {
		return 0, "", false, Errorf(EInvalid, "invalid cursor %q", c)
	}
	score, err = strconv.ParseFloat(parts[1], 64)
	if err != nil {
		return 0, "", false, Errorf(EInvalid, "invalid cursor %q", c)
	}
	return score, parts[2], true, nil
}

// Produces reports whether the extraction has an entity with one of ids.
func (x *Extraction) Produces(ids []string) bool {
	for _, e := range x.Entities {
		for _, id := range ids {
			if e.ID == id {
				return true
			}
		}
	}
	return false
}

// SavedExtractionMentioning decodes an article's saved extraction (raw,
// with the article's text, which is kept apart) and reports whether it
// produces any of ids: a split replays the articles it does. An article
// saved before extractions were kept has none.
func SavedExtractionMentioning(raw, text string, ids []string) (*Extraction, bool, error) {
	if raw == "" {
		return nil, false, nil
	}
	var x Extraction
	if err := json.Unmarshal([]byte(raw), &x); err != nil {
		return nil, false, err
	}
	x.Article.Text = text
	return &x, x.Produces(ids), nil
}

// CheckMergeMethod returns m's method, MergeManual when empty, or an
// error for one that is neither manual nor auto.
func CheckMergeMethod(m MergeMethod) (MergeMethod, error) {
	switch m {
	case "":
		return MergeManual, nil
	case MergeManual, MergeAuto:
		return m, nil
	}
	return "", Errorf(EInvalid, "unknown merge method %q (want manual or auto)", m)
}

// SameEntityError is the error of a merge whose ids, resolved through
// earlier merges to keep and drop, already name one entity; nil when they
// do not. Every store says it in the same words.
func SameEntityError(keepID, dropID, keep, drop string) error {
	if keep != drop {
		return nil
	}
	switch {
	case dropID != drop:
		return Errorf(EInvalid, "entity %q was already merged into %q", dropID, drop)
	case keepID != keep:
		return Errorf(EInvalid, "entity %q was already merged into %q", keepID, keep)
	}
	return Errorf(EInvalid, "cannot merge entity %q into itself", keepID)
}

// IncompatibleTypesError is the error of a merge of entities whose types
// are not CompatibleTypes.
func IncompatibleTypesError(keep string, keepType EntityType, drop string, dropType EntityType) error {
	return Errorf(EInvalid, "cannot merge %s %q into %s %q: a %s cannot be a %s",
		dropType, drop, keepType, keep, dropType, keepType)
}

// AlreadyRetractedError is the error of a retraction of a relation already
// retracted: it says when, by whom and why, so that the original record is
// not overwritten by mistake. at is zero, actor empty, when not known.
func AlreadyRetractedError(id string, at time.Time, actor, reason string) error {
	msg := fmt.Sprintf("relation %q is already retracted", id)
	if !at.IsZero() {
		msg += " on " + at.UTC().Format("2006-01-02 15:04 UTC")
	}
	if actor != "" {
		msg += " by " + actor
	}
	if reason != "" {
		msg += fmt.Sprintf(" (%q)", reason)
	}
	return Errorf(EInvalid, "%s: unretract it first to retract it anew", msg)
}

// NameTakenError is the error of a rename to another entity's exact name.
func NameTakenError(name, other string) error {
	return Errorf(EInvalid, "%q is already the name of entity %q: merge the two instead of renaming", name, other)
}

// MergeUndo is what a store keeps with each merge so that SplitEntity can
// undo it; the facts themselves are re-derived from the articles' saved
// extractions.
type MergeUndo struct {
	Drop         *DroppedEntity   // nil for a join of an id no node had
	Absorbed     []string         // ids that had been merged into drop
	Retractions  []RetractionMove // retractions the merge moved or removed
	AddedAliases []string         // curated aliases the merge gave keep
	// RenamedFrom and RenamedTo are keep's canonical name before and
	// after the merge, when the merge renamed it (Merge.Name).
	RenamedFrom, RenamedTo string `json:",omitempty"`
}

// DroppedEntity is the curated state of a merged-away entity.
type DroppedEntity struct {
	Type           EntityType
	Subtype, Name  string
	Curated        bool
	CuratedAliases []string
}

// RetractionMove is one retraction a merge moved from relation Old to New
// ("" when the relation became a self-loop and went); NewHad says New was
// already retracted on its own.
type RetractionMove struct {
	Old, New, Reason string
	NewHad           bool
}

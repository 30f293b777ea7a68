package kg

import "slices"

// Validate rejects an extraction that no store can hold: empty ids, types
// outside the ontology, ends, places, participants or speakers that are not
// among its entities, evidence from another article. Stores call it before
// writing anything.
func (x *Extraction) Validate() error {
	if x == nil {
		return Errorf(EInvalid, "extraction is nil")
	}
	aid := x.Article.ID
	if aid == "" {
		return Errorf(EInvalid, "article id is empty")
	}
	ents := make(map[string]bool, len(x.Entities))
	for i, e := range x.Entities {
		if e.ID == "" {
			return Errorf(EInvalid, "entity %d has an empty id", i)
		}
		if !e.Type.Valid() {
			return Errorf(EInvalid, "entity %s has unknown type %q", e.ID, e.Type)
		}
		ents[e.ID] = true
	}
	evidence := func(what string, ev []Evidence) error {
		for _, e := range ev {
			if e.ArticleID != "" && e.ArticleID != aid {
				return Errorf(EInvalid, "%s has evidence from article %s, not %s", what, e.ArticleID, aid)
			}
		}
		return nil
	}
	for i, r := range x.Relations {
		if r.ID == "" {
			return Errorf(EInvalid, "relation %d has an empty id", i)
		}
		if !r.Type.Valid() {
			return Errorf(EInvalid, "relation %s has unknown type %q", r.ID, r.Type)
		}
		if !ents[r.Source] {
			return Errorf(EInvalid, "relation %s: source %q is not among the article's entities", r.ID, r.Source)
		}
		if !ents[r.Target] {
			return Errorf(EInvalid, "relation %s: target %q is not among the article's entities", r.ID, r.Target)
		}
		if err := evidence("relation "+r.ID, r.Evidence); err != nil {
			return err
		}
	}
	for i, e := range x.Events {
		if e.ID == "" {
			return Errorf(EInvalid, "event %d has an empty id", i)
		}
		if !slices.Contains(EventTypes, e.Type) {
			return Errorf(EInvalid, "event %s has unknown type %q", e.ID, e.Type)
		}
		if e.Place != "" && !ents[e.Place] {
			return Errorf(EInvalid, "event %s: place %q is not among the article's entities", e.ID, e.Place)
		}
		for _, p := range e.Participants {
			if !ents[p.EntityID] {
				return Errorf(EInvalid, "event %s: participant %q is not among the article's entities", e.ID, p.EntityID)
			}
		}
		if err := evidence("event "+e.ID, e.Evidence); err != nil {
			return err
		}
	}
	for _, j := range x.Joins {
		if !(ents[j.ID] || ents[j.Node]) || j.Node == "" || j.ID == "" || j.Merge.Method != MergeAuto {
			return Errorf(EInvalid, "join of %q into %q: not an automatic join of one of the article's entities or into one", j.ID, j.Node)
		}
	}
	for i, q := range x.Quotes {
		if q.ID == "" {
			return Errorf(EInvalid, "quote %d has an empty id", i)
		}
		if !ents[q.Speaker] {
			return Errorf(EInvalid, "quote %s: speaker %q is not among the article's entities", q.ID, q.Speaker)
		}
		if q.ArticleID != "" && q.ArticleID != aid {
			return Errorf(EInvalid, "quote %s belongs to article %s, not %s", q.ID, q.ArticleID, aid)
		}
	}
	return nil
}

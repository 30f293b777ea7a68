package traverse

import (
	"context"
	"fmt"
	"sort"

	"github.com/newsgraph/newsgraph/kg"
)

// TimelineEntry is one event an entity took part in.
type TimelineEntry struct {
	Event *kg.Event
	// Date is the event's date as precise as the text gave it, "" if undated.
	Date string
	// Role is the entity's first role in the event ("agent", "patient",
	// "place", …); Roles lists all of them when it had several.
	Role  string
	Roles []string
	// Evidence is the event's evidence: the sentences that state it.
	Evidence []kg.Evidence
}

// Timeline returns the events the entity took part in, in time order. An
// event sorts by the earliest instant its date can mean, so "2007" (from 1
// January 2007) comes before "2007-05" and "2007-05" before "2007-05-12";
// dates meaning the same earliest instant put the less precise first
// ("2007" before "2007-01"), then event ids decide. Undated events, and
// dates that are not YYYY, YYYY-MM or YYYY-MM-DD, come last. An entity
// that is an event's place but not listed as a participant gets the role
// "place". Unknown ids give kg.ENotFound; merged ids resolve.
func (t *Traverser) Timeline(ctx context.Context, id string) ([]TimelineEntry, error) {
	es, err := t.resolve(ctx, []string{id})
	if err != nil {
		return nil, err
	}
	id = es[0].ID
	evs, err := t.s.EventsOfEntities(ctx, []string{id})
	if err != nil {
		return nil, fmt.Errorf("traverse: read events: %w", err)
	}
	if len(evs) != 1 {
		return nil, fmt.Errorf("traverse: store returned %d event lists for 1 id", len(evs))
	}
	out := make([]TimelineEntry, 0, len(evs[0]))
	seen := map[string]bool{}
	for _, ev := range evs[0] {
		if ev == nil || seen[ev.ID] {
			continue
		}
		seen[ev.ID] = true
		var roles []string
		for _, p := range ev.Participants {
			if p.EntityID == id {
				roles = append(roles, p.Role)
			}
		}
		if len(roles) == 0 && ev.Place == id {
			roles = []string{"place"}
		}
		e := TimelineEntry{Event: ev, Date: ev.Date, Roles: roles, Evidence: ev.Evidence}
		if len(roles) > 0 {
			e.Role = roles[0]
		}
		out = append(out, e)
	}
	sort.SliceStable(out, func(i, j int) bool {
		return timelineLess(out[i].Date, out[i].Event.ID, out[j].Date, out[j].Event.ID)
	})
	return out, nil
}

// TimelineKeyset is the sort key of a timeline, for paging it by keyset:
// undated (1) or not (0), the earliest day the date can mean, its
// precision, then the event id.
var TimelineKeyset = kg.NewKeyset("timeline", kg.Col{Num: true}, kg.Col{Num: true}, kg.Col{Num: true})

// Key returns the entry's key in TimelineKeyset.
func (e *TimelineEntry) Key() kg.Key { return timelineKey(e.Date, e.Event.ID) }

func timelineKey(date, id string) kg.Key {
	p, ok := kg.ParsePeriod(date)
	if !ok {
		return kg.Key{1.0, 0.0, 0.0, id}
	}
	return kg.Key{0.0, float64(p.Start), float64(p.Precision), id}
}

// timelineLess orders two events by date as Timeline documents.
func timelineLess(da, ida, db, idb string) bool {
	return TimelineKeyset.Compare(timelineKey(da, ida), timelineKey(db, idb)) < 0
}

// CoMention is an entity found together with another one.
type CoMention struct {
	EntityID string
	// Articles is the number of articles mentioning both.
	Articles int
	// Sentences is the number of evidence sentences stating a relation of
	// each of the two: sentences where both take part in what is said.
	Sentences int
}

// CoMentions returns the entities mentioned together with id, ordered by
// shared sentences (descending), shared articles (descending), then id, at
// most limit of them (0 means DefaultCoMentionLimit, capped at
// kg.MaxPageSize). Sentences come from relation evidence: a sentence counts
// for an entity when it supports a relation of id and a relation of that
// entity (the same relation or two different ones). It costs five store
// calls whatever the number of articles; when more than MaxNodes entities
// share an article with id, only the MaxNodes sharing the most articles
// have their sentences counted. Unknown ids give kg.ENotFound.
func (t *Traverser) CoMentions(ctx context.Context, id string, limit int) ([]CoMention, error) {
	switch {
	case limit == 0:
		limit = DefaultCoMentionLimit
	case limit < 0:
		return nil, kg.Errorf(kg.EInvalid, "limit must not be negative, got %d", limit)
	case limit > kg.MaxPageSize:
		limit = kg.MaxPageSize
	}
	es, err := t.resolve(ctx, []string{id})
	if err != nil {
		return nil, err
	}
	id = es[0].ID

	arts, err := t.s.ArticlesOfEntities(ctx, []string{id})
	if err != nil {
		return nil, fmt.Errorf("traverse: read articles of entity: %w", err)
	}
	if len(arts) != 1 {
		return nil, fmt.Errorf("traverse: store returned %d article lists for 1 id", len(arts))
	}
	counts := map[string]*CoMention{}
	get := func(e string) *CoMention {
		c := counts[e]
		if c == nil {
			c = &CoMention{EntityID: e}
			counts[e] = c
		}
		return c
	}
	if len(arts[0]) > 0 {
		ents, err := t.s.EntitiesOfArticles(ctx, arts[0])
		if err != nil {
			return nil, fmt.Errorf("traverse: read entities of articles: %w", err)
		}
		for _, list := range ents {
			seen := map[string]bool{}
			for _, e := range list {
				if e != id && !seen[e] {
					seen[e] = true
					get(e).Articles++
				}
			}
		}
	}

	// The sentences that state something about id.
	own, err := t.relations(ctx, []string{id}, kg.RelationFilter{Direction: kg.Both})
	if err != nil {
		return nil, err
	}
	type sentence struct {
		article    string
		start, end int
	}
	said := map[sentence]bool{}
	for _, r := range own[0] {
		for _, ev := range r.Evidence {
			said[sentence{ev.ArticleID, ev.Start, ev.End}] = true
		}
		if o := other(r, id); o != "" {
			get(o) // a related entity is a candidate even without a shared article on record
		}
	}
	if len(said) > 0 && len(counts) > 0 {
		cands := make([]*CoMention, 0, len(counts))
		for _, c := range counts {
			cands = append(cands, c)
		}
		sort.Slice(cands, func(i, j int) bool {
			if cands[i].Articles != cands[j].Articles {
				return cands[i].Articles > cands[j].Articles
			}
			return cands[i].EntityID < cands[j].EntityID
		})
		if len(cands) > t.maxNodes {
			cands = cands[:t.maxNodes]
		}
		ids := make([]string, len(cands))
		for i, c := range cands {
			ids[i] = c.EntityID
		}
		rels, err := t.relations(ctx, ids, kg.RelationFilter{Direction: kg.Both})
		if err != nil {
			return nil, err
		}
		for i, c := range cands {
			shared := map[sentence]bool{}
			for _, r := range rels[i] {
				for _, ev := range r.Evidence {
					k := sentence{ev.ArticleID, ev.Start, ev.End}
					if said[k] {
						shared[k] = true
					}
				}
			}
			c.Sentences = len(shared)
		}
	}

	out := make([]CoMention, 0, len(counts))
	for _, c := range counts {
		out = append(out, *c)
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Sentences != b.Sentences {
			return a.Sentences > b.Sentences
		}
		if a.Articles != b.Articles {
			return a.Articles > b.Articles
		}
		return a.EntityID < b.EntityID
	})
	if len(out) > limit {
		out = out[:limit]
	}
	return out, nil
}

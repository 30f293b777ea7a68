package traverse

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"sync"

	"github.com/newsgraph/newsgraph/kg"
)

// memStore is a small in-memory kg.Store with just the reads traverse uses,
// following the contract of kg.Store (batch reads, ordering, symmetric
// relations in every direction, retracted relations hidden, merged ids
// resolving). It lets the traversal tests and benchmarks run without any
// backend; the same tests also run against the sqlite store. Methods
// traverse never calls are left to the embedded nil interface (they panic,
// which a test would notice).
type memStore struct {
	kg.Store
	mu        sync.Mutex
	articles  map[string]*kg.Article
	entities  map[string]*kg.Entity
	merged    map[string]string
	relations map[string]*kg.Relation
	byEntity  map[string][]string // entity → relation ids
	mentions  map[string]map[string]bool
	events    map[string]*kg.Event
}

func newMemStore() *memStore {
	return &memStore{
		articles:  map[string]*kg.Article{},
		entities:  map[string]*kg.Entity{},
		merged:    map[string]string{},
		relations: map[string]*kg.Relation{},
		byEntity:  map[string][]string{},
		mentions:  map[string]map[string]bool{},
		events:    map[string]*kg.Event{},
	}
}

func (m *memStore) canon(id string) string {
	for m.merged[id] != "" {
		id = m.merged[id]
	}
	return id
}

func (m *memStore) SaveExtractions(ctx context.Context, xs []*kg.Extraction) ([]kg.SaveResult, error) {
	out := make([]kg.SaveResult, len(xs))
	for i, x := range xs {
		r, err := m.SaveExtraction(ctx, x)
		if err != nil {
			return nil, err
		}
		out[i] = r
	}
	return out, nil
}

func (m *memStore) SaveExtraction(_ context.Context, x *kg.Extraction) (kg.SaveResult, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	a := x.Article
	m.articles[a.ID] = &a
	for _, e := range x.Entities {
		id := m.canon(e.ID)
		if m.entities[id] == nil {
			c := e
			c.Mentions = nil
			m.entities[id] = &c
		}
		if m.mentions[id] == nil {
			m.mentions[id] = map[string]bool{}
		}
		m.mentions[id][a.ID] = true
	}
	for _, r := range x.Relations {
		have := m.relations[r.ID]
		if have == nil {
			c := r
			c.Source, c.Target = m.canon(r.Source), m.canon(r.Target)
			c.Evidence = nil
			have = &c
			m.relations[r.ID] = have
			m.byEntity[c.Source] = append(m.byEntity[c.Source], r.ID)
			if c.Target != c.Source {
				m.byEntity[c.Target] = append(m.byEntity[c.Target], r.ID)
			}
		}
		for _, ev := range r.Evidence {
			ev.ArticleID = a.ID
			have.Evidence = append(have.Evidence, ev)
			have.Confidence = max(have.Confidence, ev.Confidence)
		}
	}
	for _, ev := range x.Events {
		c := ev
		m.events[ev.ID] = &c
	}
	return kg.SaveResult{ArticleID: a.ID, Entities: len(x.Entities), Relations: len(x.Relations), Events: len(x.Events)}, nil
}

func (m *memStore) Entities(ctx context.Context, ids []string) ([]*kg.Entity, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	out := make([]*kg.Entity, len(ids))
	for i, id := range ids {
		out[i] = m.entities[m.canon(id)]
	}
	return out, nil
}

func (m *memStore) EntitiesWithRelations(ctx context.Context, ids []string, f kg.RelationFilter) ([]*kg.Entity, [][]*kg.Relation, error) {
	es, err := m.Entities(ctx, ids)
	if err != nil {
		return nil, nil, err
	}
	rels, err := m.Relations(ctx, ids, f)
	return es, rels, err
}

func (m *memStore) Relations(ctx context.Context, ids []string, f kg.RelationFilter) ([][]*kg.Relation, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	out := make([][]*kg.Relation, len(ids))
	for i, id := range ids {
		id = m.canon(id)
		var list []*kg.Relation
		for _, rid := range m.byEntity[id] {
			r := m.relations[rid]
			if r.Retracted && !f.IncludeRetracted || r.Confidence < f.MinConfidence {
				continue
			}
			if len(f.Types) > 0 && !slices.Contains(f.Types, r.Type) {
				continue
			}
			if !r.Type.Symmetric() {
				if f.Direction == kg.Out && r.Source != id || f.Direction == kg.In && r.Target != id {
					continue
				}
			}
			list = append(list, m.read(r, f.Read))
		}
		sort.Slice(list, func(a, b int) bool {
			x, y := list[a], list[b]
			if x.Type != y.Type {
				return x.Type < y.Type
			}
			if x.Source != y.Source {
				return x.Source < y.Source
			}
			return x.Target < y.Target
		})
		out[i] = list
	}
	return out, nil
}

// read is r as rd asks: a copy without the evidence texts or evidence,
// with its end entities. m.mu is held.
func (m *memStore) read(r *kg.Relation, rd kg.RelationRead) *kg.Relation {
	if rd == (kg.RelationRead{}) {
		return r
	}
	c := *r
	switch rd.Evidence {
	case kg.EvidenceRefs:
		c.Evidence = make([]kg.Evidence, len(r.Evidence))
		for i, e := range r.Evidence {
			e.Text = ""
			c.Evidence[i] = e
		}
	case kg.EvidenceCount:
		c.Evidence = make([]kg.Evidence, len(r.Evidence))
	case kg.EvidenceNone:
		c.Evidence = []kg.Evidence{}
	}
	if rd.Ends {
		c.SourceEntity, c.TargetEntity = m.entities[r.Source], m.entities[r.Target]
	}
	return &c
}

func (m *memStore) Articles(ctx context.Context, ids []string) ([]*kg.Article, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	out := make([]*kg.Article, len(ids))
	for i, id := range ids {
		out[i] = m.articles[id]
	}
	return out, nil
}

func (m *memStore) ArticlesOfEntities(ctx context.Context, ids []string) ([][]string, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := make([][]string, len(ids))
	for i, id := range ids {
		out[i] = sortedKeys(m.mentions[m.canon(id)])
	}
	return out, nil
}

func (m *memStore) EntitiesOfArticles(ctx context.Context, ids []string) ([][]string, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := make([][]string, len(ids))
	for i, aid := range ids {
		for e, arts := range m.mentions {
			if arts[aid] {
				out[i] = append(out[i], e)
			}
		}
		sort.Strings(out[i])
	}
	return out, nil
}

func (m *memStore) EventsOfEntities(ctx context.Context, ids []string) ([][]*kg.Event, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := make([][]*kg.Event, len(ids))
	for i, id := range ids {
		id = m.canon(id)
		for _, ev := range m.events {
			in := ev.Place == id
			for _, p := range ev.Participants {
				in = in || p.EntityID == id
			}
			if in {
				out[i] = append(out[i], ev)
			}
		}
		// The contract orders by date then id; plain string order is a
		// deliberately crude stand-in, so Timeline must sort on its own.
		sort.Slice(out[i], func(a, b int) bool { return out[i][a].ID < out[i][b].ID })
	}
	return out, nil
}

func (m *memStore) RetractRelation(ctx context.Context, id string, c kg.Curation) (*kg.Relation, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	r := m.relations[id]
	if r == nil {
		return nil, kg.Errorf(kg.ENotFound, "relation %q not found", id)
	}
	r.Retracted, r.RetractReason = true, c.Reason
	return r, nil
}

func (m *memStore) MergeEntities(ctx context.Context, keepID, dropID string, _ kg.Merge) (*kg.Entity, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	keep, drop := m.entities[keepID], m.entities[dropID]
	if keep == nil || drop == nil {
		return nil, fmt.Errorf("merge: unknown entity")
	}
	for _, rid := range m.byEntity[dropID] {
		r := m.relations[rid]
		if r.Source == dropID {
			r.Source = keepID
		}
		if r.Target == dropID {
			r.Target = keepID
		}
		m.byEntity[keepID] = append(m.byEntity[keepID], rid)
	}
	delete(m.byEntity, dropID)
	for a := range m.mentions[dropID] {
		if m.mentions[keepID] == nil {
			m.mentions[keepID] = map[string]bool{}
		}
		m.mentions[keepID][a] = true
	}
	delete(m.mentions, dropID)
	delete(m.entities, dropID)
	m.merged[dropID] = keepID
	return keep, nil
}

func (m *memStore) Close() error { return nil }

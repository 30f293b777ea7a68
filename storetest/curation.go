package storetest

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/kg"
)

// auditActions pages through the whole audit log (newest first) two
// entries at a time and returns its entries.
func auditLog(t *testing.T, s kg.Store, subject string) []*kg.AuditEntry {
	t.Helper()
	var out []*kg.AuditEntry
	after := ""
	for range 100 {
		p, err := s.AuditLog(ctx, kg.AuditFilter{Subject: subject, First: 2, After: after})
		if err != nil {
			t.Fatalf("AuditLog: %v", err)
		}
		out = append(out, p.Entries...)
		if !p.HasNext {
			if p.Total != len(out) {
				t.Errorf("AuditLog total %d, paged through %d", p.Total, len(out))
			}
			return out
		}
		after = p.EndCursor
	}
	t.Fatalf("AuditLog does not end")
	return nil
}

func actions(es []*kg.AuditEntry) []string {
	out := []string{}
	for _, e := range es {
		out = append(out, e.Action)
	}
	return out
}

func wantMessage(t *testing.T, what string, err error, code string, parts ...string) {
	t.Helper()
	wantCode(t, what, err, code)
	for _, p := range parts {
		if !strings.Contains(kg.ErrorMessage(err), p) {
			t.Errorf("%s: message %q does not say %q", what, kg.ErrorMessage(err), p)
		}
	}
}

func jsonOf(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// testCurationChecks: type checks, clear messages for merged ids and taken
// names, unretract, Stats without retracted relations, and the audit log.
func testCurationChecks(t *testing.T, s kg.Store) {
	a, b := fixtureA(), fixtureB()
	mustSave(t, s, a, b)
	st := mustStats(t, s)
	who := kg.Curation{Actor: "key:1234abcd", Reason: "misread: Araji is a member"}
	lead := a.Relations[2].ID
	if _, err := s.RetractRelation(ctx, lead, who); err != nil {
		t.Fatalf("RetractRelation: %v", err)
	}
	// A second retraction is refused, keeping the first record.
	_, err := s.RetractRelation(ctx, lead, kg.Curation{Actor: "anonymous", Reason: "another reason"})
	wantMessage(t, "RetractRelation(retracted)", err, kg.EInvalid, "already retracted on ", "by "+who.Actor, who.Reason)
	if r := relationByID(t, s, lead); !r.Retracted || r.RetractReason != who.Reason {
		t.Errorf("refused retraction changed the record: %+v", r)
	}
	if got := mustStats(t, s); got.Relations != st.Relations-1 {
		t.Errorf("Stats.Relations after a retraction = %d, want %d (retracted ones not counted)", got.Relations, st.Relations-1)
	}
	r, err := s.UnretractRelation(ctx, lead, kg.Curation{Actor: "key:1234abcd", Reason: "he does lead it"})
	if err != nil {
		t.Fatalf("UnretractRelation: %v", err)
	}
	if r == nil || r.Retracted || r.RetractReason != "" {
		t.Errorf("UnretractRelation returned %+v, want a relation no longer retracted", r)
	}
	if got := mustStats(t, s); got != st {
		t.Errorf("Stats after unretracting = %+v, want %+v", got, st)
	}
	_, err = s.UnretractRelation(ctx, lead, who)
	wantMessage(t, "UnretractRelation(not retracted)", err, kg.EInvalid, "not retracted")
	_, err = s.UnretractRelation(ctx, "rel:nothing", who)
	wantCode(t, "UnretractRelation(unknown)", err, kg.ENotFound)

	// A rename to another entity's exact name is refused, naming it.
	taken := "Samir al-Araji"
	_, err = s.UpdateEntity(ctx, idLena, kg.EntityUpdate{Name: &taken}, who)
	wantMessage(t, "UpdateEntity(another's name)", err, kg.EInvalid, idAraji)
	// So is that name in another case or punctuation, as search folds it.
	for _, variant := range []string{"SAMIR AL-ARAJI", "samir al araji"} {
		_, err = s.UpdateEntity(ctx, idLena, kg.EntityUpdate{Name: &variant}, who)
		wantMessage(t, "UpdateEntity(another's name as "+variant+")", err, kg.EInvalid, idAraji)
	}
	if e := entity(t, s, idLena); e.Name != "Lena Mardin" {
		t.Errorf("refused rename changed the name to %q", e.Name)
	}
	sub := "military"
	if _, err := s.UpdateEntity(ctx, idPolice, kg.EntityUpdate{Subtype: &sub}, kg.Curation{Actor: "anonymous", Reason: "a police force"}); err != nil {
		t.Fatalf("UpdateEntity: %v", err)
	}

	// Incompatible types are refused, saying why.
	_, err = s.MergeEntities(ctx, idValdoria, idAraji, kg.Merge{Curation: who})
	wantMessage(t, "MergeEntities(Location, Person)", err, kg.EInvalid, "Person", "Location")
	_, err = s.MergeEntities(ctx, idLena, idValdoria, kg.Merge{Curation: who})
	wantCode(t, "MergeEntities(Person, Location)", err, kg.EInvalid)

	// An id already merged says into what.
	if _, err := s.MergeEntities(ctx, idLena, idOmar, kg.Merge{Curation: who}); err != nil {
		t.Fatalf("MergeEntities: %v", err)
	}
	_, err = s.MergeEntities(ctx, idLena, idOmar, kg.Merge{Curation: who})
	wantMessage(t, "MergeEntities(again)", err, kg.EInvalid, "already merged into", idLena)
	_, err = s.MergeEntities(ctx, idOmar, idLena, kg.Merge{Curation: who})
	wantMessage(t, "MergeEntities(reversed)", err, kg.EInvalid, "already merged into", idLena)
	// Through the redirect, a merge of the merged id reaches its entity.
	if _, err := s.MergeEntities(ctx, idAraji, idOmar, kg.Merge{Curation: who}); err != nil {
		t.Fatalf("MergeEntities(keep, merged id): %v", err)
	}
	if e := entity(t, s, idLena); e == nil || e.ID != idAraji {
		t.Errorf("merging the merged id did not merge its entity: Lena is %+v", e)
	}

	log := auditLog(t, s, "")
	want := []string{kg.AuditMerge, kg.AuditMerge, kg.AuditUpdate, kg.AuditUnretract, kg.AuditRetract}
	if !sameStrings(actions(log), want) {
		t.Fatalf("audit log = %v, want %v (newest first; refused curations are not recorded)", actions(log), want)
	}
	ret := log[4]
	if ret.Actor != who.Actor || ret.Reason != who.Reason || ret.At.IsZero() || !sameStrings(ret.Subjects, []string{lead}) {
		t.Errorf("retraction entry = %+v", ret)
	}
	if upd := log[2]; upd.Actor != "anonymous" || upd.Reason != "a police force" ||
		jsonOf(upd.Details["after"]) != `{"name":"Valdorian Police","subtype":"military","type":"Organization"}` {
		t.Errorf("update entry = %+v", upd)
	}
	if m := log[1]; m.Details["method"] != string(kg.MergeManual) || !sameStrings(m.Subjects, []string{idLena, idOmar}) {
		t.Errorf("merge entry = %+v", m)
	}
	for i := 1; i < len(log); i++ {
		if log[i].Seq >= log[i-1].Seq || log[i].At.After(log[i-1].At) {
			t.Errorf("audit log not newest first at %d", i)
		}
	}
	if got := actions(auditLog(t, s, lead)); !sameStrings(got, []string{kg.AuditUnretract, kg.AuditRetract}) {
		t.Errorf("audit log about %s = %v", lead, got)
	}

	// Pages stay put while entries arrive: the next page follows the
	// last entry seen, not an offset.
	p1, err := s.AuditLog(ctx, kg.AuditFilter{First: 2})
	if err != nil {
		t.Fatalf("AuditLog: %v", err)
	}
	if _, err := s.RetractRelation(ctx, lead, who); err != nil {
		t.Fatalf("RetractRelation: %v", err)
	}
	p2, err := s.AuditLog(ctx, kg.AuditFilter{First: 2, After: p1.EndCursor})
	if err != nil {
		t.Fatalf("AuditLog: %v", err)
	}
	if len(p2.Entries) != 2 || p2.Entries[0].Seq != log[2].Seq {
		t.Errorf("second page after a new entry starts at %+v, want the update entry", p2.Entries)
	}
	_, err = s.AuditLog(ctx, kg.AuditFilter{After: "bogus"})
	wantCode(t, "AuditLog(bad cursor)", err, kg.EInvalid)
}

// testSplit: a split restores exactly what the merge changed — aliases,
// relations with their evidence, events, quotes, retractions — and the
// ids merged before follow their entity.
func testSplit(t *testing.T, s kg.Store) {
	a, b, c := fixtureA(), fixtureB(), fixtureC()
	mustSave(t, s, a, b, c)
	who := kg.Curation{Actor: "resolve", Reason: "same surname, shared party"}
	if _, err := s.RetractRelation(ctx, b.Relations[3].ID, kg.Curation{Reason: "not detained"}); err != nil {
		t.Fatalf("RetractRelation: %v", err)
	}
	before := snapshot(t, s)
	m := kg.Merge{Curation: who, Method: kg.MergeAuto, Score: 0.91,
		Evidence: map[string]any{"names": []any{"Omar Mardin", "Lena Mardin"}, "sharedNeighbors": []any{idRiver}}}
	if _, err := s.MergeEntities(ctx, idLena, idOmar, m); err != nil {
		t.Fatalf("MergeEntities: %v", err)
	}
	e, err := s.SplitEntity(ctx, idOmar, kg.Curation{Actor: "key:1234abcd", Reason: "brother and sister"})
	if err != nil {
		t.Fatalf("SplitEntity: %v", err)
	}
	if e == nil || e.ID != idOmar || e.Name != "Omar Mardin" {
		t.Fatalf("SplitEntity returned %+v, want Omar Mardin", e)
	}
	diffSnapshots(t, "after merge and split", before, snapshot(t, s))
	mustSave(t, s, fixtureB(), fixtureC())
	diffSnapshots(t, "reloading after the split", before, snapshot(t, s))

	log := auditLog(t, s, idOmar)
	if got := actions(log); !sameStrings(got, []string{kg.AuditSplit, kg.AuditMerge}) {
		t.Fatalf("audit log about Omar = %v", got)
	}
	mr := log[1]
	if mr.Actor != "resolve" || mr.Details["method"] != "auto" || mr.Details["score"] != 0.91 ||
		jsonOf(mr.Details["evidence"]) != jsonOf(m.Evidence) {
		t.Errorf("merge entry = %+v, want method, score and evidence", mr)
	}
	if sp := log[0]; sp.Reason != "brother and sister" || !sameStrings(sp.Subjects, []string{idOmar, idLena}) {
		t.Errorf("split entry = %+v", sp)
	}

	// Chains: Omar into Lena, Lena into Araji; splitting Lena brings Omar
	// along, then splitting Omar restores the start.
	for _, p := range [][2]string{{idLena, idOmar}, {idAraji, idLena}} {
		if _, err := s.MergeEntities(ctx, p[0], p[1], kg.Merge{Curation: who}); err != nil {
			t.Fatalf("MergeEntities(%s, %s): %v", p[0], p[1], err)
		}
	}
	if e := entity(t, s, idOmar); e == nil || e.ID != idAraji {
		t.Fatalf("Omar after two merges = %+v, want Araji", e)
	}
	if _, err := s.SplitEntity(ctx, idLena, who); err != nil {
		t.Fatalf("SplitEntity(Lena): %v", err)
	}
	if e := entity(t, s, idOmar); e == nil || e.ID != idLena {
		t.Errorf("after splitting Lena off, Omar resolves to %+v, want Lena", e)
	}
	if e := entity(t, s, idAraji); e == nil || len(relations(t, s, idAraji, kg.RelationFilter{Types: []kg.RelationType{kg.MetWith}})) != 1 {
		t.Errorf("after splitting Lena off, Araji's meetings = %v, want the one with Lena", relIDs(relations(t, s, idAraji, kg.RelationFilter{})))
	}
	if _, err := s.SplitEntity(ctx, idOmar, who); err != nil {
		t.Fatalf("SplitEntity(Omar): %v", err)
	}
	diffSnapshots(t, "after two merges and two splits", before, snapshot(t, s))

	_, err = s.SplitEntity(ctx, idOmar, who)
	wantMessage(t, "SplitEntity(not merged)", err, kg.EInvalid, "not merged")
	_, err = s.SplitEntity(ctx, "person:nobody", who)
	wantCode(t, "SplitEntity(unknown)", err, kg.ENotFound)

	// An automatic join of an id no node has yet: saves that produce it
	// write to the entity joined, until a split.
	const spelling = "person:lena-mardinova"
	if _, err := s.MergeEntities(ctx, idLena, spelling, kg.Merge{Curation: who, Method: kg.MergeAuto, Score: 0.97}); err != nil {
		t.Fatalf("MergeEntities(auto, no node): %v", err)
	}
	if e := entity(t, s, spelling); e == nil || e.ID != idLena {
		t.Errorf("joined id resolves to %+v, want Lena", e)
	}
	_, err = s.MergeEntities(ctx, idLena, "person:nobody", kg.Merge{Curation: who})
	wantCode(t, "MergeEntities(manual, no node)", err, kg.ENotFound)
	if _, err := s.SplitEntity(ctx, spelling, who); err != nil {
		t.Fatalf("SplitEntity(joined id): %v", err)
	}
	if e := entity(t, s, spelling); e != nil {
		t.Errorf("split joined id still resolves to %+v", e)
	}
	diffSnapshots(t, "after a join and its split", before, snapshot(t, s))
}

// testMergeCandidates: candidates are listed by score with their
// evidence, accepted (merging, recorded) or rejected (and not proposed
// again).
func testMergeCandidates(t *testing.T, s kg.Store) {
	mustSave(t, s, fixtureA(), fixtureB(), fixtureC())
	evOmar := map[string]any{"names": []any{"Lena Mardin", "Omar Mardin"}, "sharedNeighbors": []any{idRiver}, "rule": "surname"}
	evYouth := map[string]any{"names": []any{"River Party", "River Party Youth Wing"}}
	err := s.RecordMergeCandidates(ctx, []kg.MergeCandidate{
		{Keep: idLena, Drop: idOmar, Score: 0.7, Evidence: evOmar},
		{Keep: idRiver, Drop: idYouth, Score: 0.8, Evidence: evYouth},
		{Keep: idValdoria, Drop: idAraji, Score: 0.9}, // a place is not a person: skipped
	})
	if err != nil {
		t.Fatalf("RecordMergeCandidates: %v", err)
	}
	err = s.RecordMergeCandidates(ctx, []kg.MergeCandidate{{Keep: idLena, Drop: idLena, Score: 1}})
	wantCode(t, "RecordMergeCandidates(same id)", err, kg.EInvalid)
	list := func(f kg.CandidateFilter) []*kg.MergeCandidate {
		t.Helper()
		var out []*kg.MergeCandidate
		f.First = 1
		for range 10 {
			p, err := s.MergeCandidates(ctx, f)
			if err != nil {
				t.Fatalf("MergeCandidates: %v", err)
			}
			out = append(out, p.Candidates...)
			if !p.HasNext {
				if p.Total != len(out) {
					t.Errorf("MergeCandidates total %d, paged through %d", p.Total, len(out))
				}
				return out
			}
			f.After = p.EndCursor
		}
		t.Fatalf("MergeCandidates does not end")
		return nil
	}
	ids := func(cs []*kg.MergeCandidate) []string {
		out := []string{}
		for _, c := range cs {
			out = append(out, c.ID)
		}
		return out
	}
	cOmar, cYouth := kg.CandidateID(idOmar, idLena), kg.CandidateID(idRiver, idYouth)
	pending := list(kg.CandidateFilter{})
	if !sameStrings(ids(pending), []string{cYouth, cOmar}) {
		t.Fatalf("pending candidates = %v, want %v (by score)", ids(pending), []string{cYouth, cOmar})
	}
	got := pending[1]
	if got.Keep != idLena || got.Drop != idOmar || got.Score != 0.7 || got.Status != kg.CandidatePending ||
		jsonOf(got.Evidence) != jsonOf(evOmar) || got.CreatedAt.IsZero() || !got.DecidedAt.IsZero() {
		t.Errorf("candidate = %+v", got)
	}
	if got := ids(list(kg.CandidateFilter{EntityID: idOmar})); !sameStrings(got, []string{cOmar}) {
		t.Errorf("candidates of Omar = %v", got)
	}

	// Rejected pairs stay rejected when proposed again.
	c, err := s.DecideMergeCandidate(ctx, cYouth, false, kg.Curation{Actor: "key:1234abcd", Reason: "a wing is not the party"})
	if err != nil {
		t.Fatalf("DecideMergeCandidate(reject): %v", err)
	}
	if c.Status != kg.CandidateRejected || c.DecidedAt.IsZero() {
		t.Errorf("rejected candidate = %+v", c)
	}
	if err := s.RecordMergeCandidates(ctx, []kg.MergeCandidate{{Keep: idYouth, Drop: idRiver, Score: 0.95}}); err != nil {
		t.Fatalf("RecordMergeCandidates: %v", err)
	}
	if got := ids(list(kg.CandidateFilter{})); !sameStrings(got, []string{cOmar}) {
		t.Errorf("pending after a rejection and a new proposal = %v, want only %s", got, cOmar)
	}

	c, err = s.DecideMergeCandidate(ctx, cOmar, true, kg.Curation{Actor: "key:1234abcd", Reason: "same person"})
	if err != nil {
		t.Fatalf("DecideMergeCandidate(accept): %v", err)
	}
	if c.Status != kg.CandidateAccepted {
		t.Errorf("accepted candidate = %+v", c)
	}
	if e := entity(t, s, idOmar); e == nil || e.ID != idLena {
		t.Errorf("accepting did not merge: Omar is %+v", e)
	}
	log := auditLog(t, s, idOmar)
	if got := actions(log); !sameStrings(got, []string{kg.AuditAcceptCandidate, kg.AuditMerge}) {
		t.Fatalf("audit log about Omar = %v", got)
	}
	if m := log[1]; m.Details["candidate"] != cOmar || m.Details["score"] != 0.7 || jsonOf(m.Details["evidence"]) != jsonOf(evOmar) ||
		m.Reason != "same person" {
		t.Errorf("merge entry of an accepted candidate = %+v", m)
	}
	if got := ids(list(kg.CandidateFilter{Status: kg.CandidateAccepted})); !sameStrings(got, []string{cOmar}) {
		t.Errorf("accepted candidates = %v", got)
	}
	_, err = s.DecideMergeCandidate(ctx, cOmar, false, kg.Curation{})
	wantMessage(t, "DecideMergeCandidate(decided)", err, kg.EInvalid, "already accepted")
	_, err = s.DecideMergeCandidate(ctx, "candidate:none", true, kg.Curation{})
	wantCode(t, "DecideMergeCandidate(unknown)", err, kg.ENotFound)
	// The merge of an accepted candidate can be split like any other.
	if _, err := s.SplitEntity(ctx, idOmar, kg.Curation{}); err != nil {
		t.Errorf("SplitEntity after accepting: %v", err)
	}
}

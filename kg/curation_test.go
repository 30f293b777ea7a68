package kg

import "testing"

// TestCandidateQuery: the defaults and checks every store's MergeCandidates
// relies on.
func TestCandidateQuery(t *testing.T) {
	q, err := CandidateFilter{EntityID: "person:a"}.Query()
	if err != nil || q.Status != CandidatePending || q.Size <= 0 || q.After || q.EntityID != "person:a" {
		t.Errorf("Query of an empty filter = %+v, %v", q, err)
	}
	q, err = CandidateFilter{Status: CandidateRejected, First: 3, After: EncodeScoreCursor(0.75, "candidate:x")}.Query()
	if err != nil || q.Status != CandidateRejected || q.Size != 3 || !q.After || q.Score != 0.75 || q.ID != "candidate:x" {
		t.Errorf("Query with a cursor = %+v, %v", q, err)
	}
	for _, f := range []CandidateFilter{{After: "nonsense"}, {After: EncodeSeqCursor(4)}, {First: -1}} {
		if _, err := f.Query(); ErrorCode(err) != EInvalid {
			t.Errorf("Query(%+v) = %v, want EInvalid", f, err)
		}
	}
}

// TestAuditQuery: the page size and the sequence cursor.
func TestAuditQuery(t *testing.T) {
	q, err := AuditFilter{Subject: "person:a", First: 2, After: EncodeSeqCursor(9)}.Query()
	if err != nil || q.Size != 2 || q.Before != 9 || q.Subject != "person:a" {
		t.Errorf("Query = %+v, %v", q, err)
	}
	if q, err := (AuditFilter{}).Query(); err != nil || q.Before != 0 {
		t.Errorf("Query of an empty filter = %+v, %v", q, err)
	}
	if _, err := (AuditFilter{After: EncodeScoreCursor(1, "x")}).Query(); ErrorCode(err) != EInvalid {
		t.Errorf("a candidate cursor in the audit log: %v, want EInvalid", err)
	}
}

// TestDecide: a pending candidate is accepted or rejected once.
func TestDecide(t *testing.T) {
	c := &MergeCandidate{ID: "candidate:x", Status: CandidatePending}
	if st, action, err := c.Decide(true); err != nil || st != CandidateAccepted || action != AuditAcceptCandidate {
		t.Errorf("accept: %v %v %v", st, action, err)
	}
	if st, action, err := c.Decide(false); err != nil || st != CandidateRejected || action != AuditRejectCandidate {
		t.Errorf("reject: %v %v %v", st, action, err)
	}
	c.Status = CandidateAccepted
	if _, _, err := c.Decide(false); ErrorCode(err) != EInvalid {
		t.Errorf("deciding an accepted candidate: %v, want EInvalid", err)
	}
}

// TestEntityUpdate: what both stores' UpdateEntity checks and applies.
func TestEntityUpdate(t *testing.T) {
	empty, bad, org, party, city := "", EntityType("Thing"), Organization, "party", "city"
	for _, u := range []EntityUpdate{{Name: &empty}, {Type: &bad}} {
		if ErrorCode(u.Check()) != EInvalid {
			t.Errorf("Check(%+v) accepted", u)
		}
	}
	name, typ, sub, err := EntityUpdate{Type: &org, Subtype: &party}.Apply("Unity", Person, "")
	if err != nil || name != "Unity" || typ != Organization || sub != "party" {
		t.Errorf("Apply = %q %q %q %v", name, typ, sub, err)
	}
	if _, _, _, err := (EntityUpdate{Subtype: &city}).Apply("Unity", Person, ""); ErrorCode(err) != EInvalid {
		t.Errorf("a Person with subtype city: %v, want EInvalid", err)
	}
}

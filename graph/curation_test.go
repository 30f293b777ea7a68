package graph

import (
	"context"
	"strings"
	"testing"

	"github.com/99designs/gqlgen/client"

	"github.com/newsgraph/newsgraph/kg"
	"github.com/newsgraph/newsgraph/loader"
)

// An edited article ingested under the same name replaces its facts: its
// old sentence is not a second piece of evidence, and the article shows
// both versions.
func TestEditedArticleReplacesItsFacts(t *testing.T) {
	store := openStore(t)
	c := newClient(t, Config{Store: store, Ingest: loader.New(store)})
	const v1 = "World News\nGuard detains Marek\n\nThe Velarian Guard detained Ilse Marek in Port Avel on Monday.\n"
	v2 := strings.Replace(v1, "Monday", "Sunday", 1)
	ingest := func(text string) {
		t.Helper()
		var r struct {
			IngestArticle struct{ Article struct{ ID string } }
		}
		c.MustPost(`mutation($c: String!) { ingestArticle(name: "guard.txt", content: $c) { article { id } } }`,
			&r, client.Var("c", text))
	}
	type result struct {
		Stats    struct{ Articles, Evidence int }
		Articles struct {
			Edges []struct {
				Node struct {
					Text        string
					ContentHash string
					Versions    []struct {
						ContentHash string
						LoadedAt    string
						Current     bool
					}
				}
			}
		}
	}
	read := func() result {
		t.Helper()
		var r result
		c.MustPost(`{ stats { articles evidence } articles(first: 5) { edges { node { text contentHash versions { contentHash loadedAt current } } } } }`, &r)
		return r
	}
	ingest(v1)
	first := read()
	if first.Stats.Articles != 1 || first.Stats.Evidence == 0 {
		t.Fatalf("after the first version: %+v", first.Stats)
	}
	ingest(v2)
	second := read()
	if second.Stats != first.Stats {
		t.Errorf("stats after the edited version = %+v, want %+v (one article, no extra evidence)", second.Stats, first.Stats)
	}
	n := second.Articles.Edges[0].Node
	if !strings.Contains(n.Text, "Sunday") || len(n.Versions) != 2 || !n.Versions[0].Current || n.Versions[1].Current ||
		n.Versions[0].ContentHash != n.ContentHash || n.Versions[1].ContentHash != first.Articles.Edges[0].Node.ContentHash ||
		n.Versions[0].LoadedAt == "" {
		t.Errorf("article after the edit = %+v, want the new text and two versions, newest current", n)
	}
	ingest(v2)
	if third := read(); len(third.Articles.Edges[0].Node.Versions) != 2 || third.Stats != first.Stats {
		t.Errorf("ingesting the same text again changed the article: %+v", third)
	}
}

// Curation through the API: type checks and clear messages, undo of
// retractions and merges, candidates, and an audit log that names the key
// without showing it.
func TestCurationAuditAndUndo(t *testing.T) {
	store := openStore(t, worldFixtures(t)...)
	const key = "s3cret-key"
	c := newClient(t, Config{Store: store, APIKey: key})
	auth := client.AddHeader("Authorization", "Bearer "+key)
	message := func(q string, code string, parts ...string) {
		t.Helper()
		errs := errorsOf(t, c, q, auth)
		wantCode(t, errs, code)
		for _, p := range parts {
			if !strings.Contains(errs[0].Message, p) {
				t.Errorf("%s: message %q does not say %q", q, errs[0].Message, p)
			}
		}
	}
	message(`mutation { mergeEntities(keep: "`+idVelaria+`", drop: "`+idVoss+`", reason: "x") { id } }`, kg.EInvalid, "Person", "Location")
	c.MustPost(`mutation { mergeEntities(keep: "`+idBrigade+`", drop: "`+idGuard+`", reason: "one unit") { id } }`, &map[string]any{}, auth)
	message(`mutation { mergeEntities(keep: "`+idBrigade+`", drop: "`+idGuard+`") { id } }`, kg.EInvalid, "already merged into", idBrigade)
	message(`mutation { updateEntity(id: "`+idMarek+`", name: "Tomas Brell", reason: "typo") { id } }`, kg.EInvalid, idBrell)

	relID := kg.RelationID(kg.Detained, idBrigade, idBrell)
	var un struct{ UnretractRelation struct{ Retracted bool } }
	c.MustPost(`mutation { retractRelation(id: "`+relID+`", reason: "wrong man") { id } }`, &map[string]any{}, auth)
	c.MustPost(`mutation { unretractRelation(id: "`+relID+`", reason: "right man after all") { retracted } }`, &un, auth)
	if un.UnretractRelation.Retracted {
		t.Errorf("unretractRelation left the relation retracted")
	}

	var split struct {
		SplitEntity struct {
			ID, Name    string
			CommandedBy []struct{ Name string }
		}
	}
	c.MustPost(`mutation { splitEntity(id: "`+idGuard+`", reason: "two units") { id name commandedBy { name } } }`, &split, auth)
	if s := split.SplitEntity; s.ID != idGuard || s.Name != "Velarian Guard" || len(s.CommandedBy) != 1 || s.CommandedBy[0].Name != "Ilse Marek" {
		t.Errorf("splitEntity = %+v, want the Velarian Guard commanded by Ilse Marek", s)
	}

	type entry struct {
		Action, Actor string
		Reason        *string
		Subjects      []string
		Details       map[string]any
	}
	var log struct {
		AuditLog struct {
			TotalCount int
			Edges      []struct{ Node entry }
		}
	}
	c.MustPost(`{ auditLog(first: 10) { totalCount edges { node { action actor reason subjects details } } } }`, &log, auth)
	var got []string
	for _, e := range log.AuditLog.Edges {
		got = append(got, e.Node.Action)
		if e.Node.Actor != keyID(key) || strings.Contains(e.Node.Actor, key) || e.Node.Reason == nil {
			t.Errorf("audit entry %+v: want actor %s (never the key) and a reason", e.Node, keyID(key))
		}
	}
	if strings.Join(got, ",") != "split,unretract,retract,merge" || log.AuditLog.TotalCount != 4 {
		t.Fatalf("audit log = %v (total %d), want split, unretract, retract, merge", got, log.AuditLog.TotalCount)
	}
	if m := log.AuditLog.Edges[3].Node; m.Details["method"] != "manual" || deref(m.Reason) != "one unit" {
		t.Errorf("merge entry = %+v", m)
	}

	// A candidate recorded by entity resolution, reviewed and accepted.
	err := store.RecordMergeCandidates(context.Background(), []kg.MergeCandidate{{Keep: idBrigade, Drop: idGuard, Score: 0.62,
		Evidence: map[string]any{"names": []any{"Northern Brigade", "Velarian Guard"}, "sharedNeighbors": []any{idMarek}}}})
	if err != nil {
		t.Fatalf("RecordMergeCandidates: %v", err)
	}
	var cands struct {
		MergeCandidates struct {
			Edges []struct {
				Node struct {
					ID       string
					Score    float64
					Status   string
					Evidence map[string]any
					Keep     struct{ Name string }
					Drop     struct{ Name string }
				}
			}
		}
	}
	c.MustPost(`{ mergeCandidates { edges { node { id score status evidence keep { name } drop { name } } } } }`, &cands, auth)
	if len(cands.MergeCandidates.Edges) != 1 {
		t.Fatalf("mergeCandidates = %+v, want one", cands)
	}
	n := cands.MergeCandidates.Edges[0].Node
	if n.Score != 0.62 || n.Status != "PENDING" || n.Keep.Name != "Northern Brigade" || n.Drop.Name != "Velarian Guard" ||
		len(n.Evidence["sharedNeighbors"].([]any)) != 1 {
		t.Errorf("candidate = %+v", n)
	}
	var acc struct{ AcceptMergeCandidate struct{ Status string } }
	c.MustPost(`mutation($id: ID!) { acceptMergeCandidate(id: $id, reason: "same militia") { status } }`, &acc, client.Var("id", n.ID), auth)
	var after struct{ Entity struct{ ID string } }
	c.MustPost(`{ entity(id: "`+idGuard+`") { id } }`, &after)
	if acc.AcceptMergeCandidate.Status != "ACCEPTED" || after.Entity.ID != idBrigade {
		t.Errorf("after accepting: candidate %+v, guard resolves to %q", acc, after.Entity.ID)
	}
	message(`mutation { rejectMergeCandidate(id: "`+n.ID+`") { status } }`, kg.EInvalid, "already accepted")

	// Without a key on the server, the actor is anonymous.
	open := newClient(t, Config{Store: store})
	open.MustPost(`mutation { retractRelation(id: "`+relID+`", reason: "checking") { id } }`, &map[string]any{})
	var last struct {
		AuditLog struct{ Edges []struct{ Node entry } }
	}
	open.MustPost(`{ auditLog(first: 1) { edges { node { action actor } } } }`, &last)
	if e := last.AuditLog.Edges[0].Node; e.Action != "retract" || e.Actor != "anonymous" {
		t.Errorf("latest entry on a server without a key = %+v", e)
	}
}

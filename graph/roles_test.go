package graph

import (
	"testing"

	"github.com/newsgraph/newsgraph/kg"
)

// TestRolesOncePerTitle: one role stated with two ends (the country of
// "Velaria's finance minister" and the ministry) and in two spellings is
// one role, not a role per relation. It keeps the end with the most
// evidence and the evidence of both, each sentence once.
func TestRolesOncePerTitle(t *testing.T) {
	const (
		s1 = "Velaria's finance minister, Tomas Brell, spoke on Monday."
		s2 = "Brell, the Finance  Minister, runs the Finance Ministry."
		s3 = "Brell chairs the Velarian Guard's board."
	)
	f := newFixture(t, "Minister speaks", "2021-05-06", s1, s2, s3)
	brell := f.ent(kg.Person, "", "Tomas Brell", "Brell")
	velaria := f.ent(kg.Location, "country", "Velaria")
	ministry := f.ent(kg.Organization, "ministry", "Finance Ministry")
	guard := f.ent(kg.Organization, "militia", "Velarian Guard")
	f.rel(kg.HoldsRole, brell, velaria, s1, "title", "finance minister", "status", "current")
	f.rel(kg.HoldsRole, brell, ministry, s1, "title", "Finance  Minister", "status", "current")
	f.x.Relations[len(f.x.Relations)-1].Evidence = append(f.x.Relations[len(f.x.Relations)-1].Evidence, f.evidence(s2))
	f.rel(kg.HoldsRole, brell, guard, s3) // no title
	c := newClient(t, Config{Store: openStore(t, f.x)})

	var resp struct {
		Entity struct {
			Roles []struct {
				Title, Status *string
				Organization  struct{ Name string }
				Relation      struct{ Target struct{ Name string } }
				Evidence      []struct{ Text string }
			}
		}
	}
	c.MustPost(`{ entity(id: "`+brell+`") { roles { title status organization { name } relation { target { name } } evidence { text } } } }`, &resp)
	roles := resp.Entity.Roles
	if len(roles) != 2 {
		t.Fatalf("roles = %+v, want the finance minister once and the guard's untitled role", roles)
	}
	fm := roles[0]
	if deref(fm.Title) == "" {
		fm = roles[1]
	}
	if fm.Organization.Name != "Finance Ministry" || fm.Relation.Target.Name != "Finance Ministry" || deref(fm.Status) != "current" {
		t.Errorf("finance minister role = %+v, want the ministry (two sentences) over the country (one)", fm)
	}
	if len(fm.Evidence) != 2 || fm.Evidence[0].Text != s1 || fm.Evidence[1].Text != s2 {
		t.Errorf("finance minister evidence = %+v, want %q and %q once each", fm.Evidence, s1, s2)
	}
}

// TestRolesHeldKeys: titles are compared without case and spacing, an
// empty status is a status of its own, and untitled roles stay apart by
// their end.
func TestRolesHeldKeys(t *testing.T) {
	ev := func(start int) kg.Evidence { return kg.Evidence{ArticleID: "a", Start: start, End: start + 5} }
	rel := func(target, title, status string, evs ...kg.Evidence) *kg.Relation {
		p := map[string]string{}
		if title != "" {
			p["title"] = title
		}
		if status != "" {
			p["status"] = status
		}
		return &kg.Relation{ID: target + title + status, Type: kg.HoldsRole, Source: "person:x", Target: target, Properties: p, Evidence: evs}
	}
	got := rolesHeld([]*kg.Relation{
		rel("location:a", "Interior Minister", "current", ev(0)),
		rel("organization:b", " interior  minister", "current", ev(0), ev(10)),
		rel("organization:b", "interior minister", "former", ev(20)),
		rel("organization:c", "", "", ev(30)),
		rel("organization:d", "", "", ev(40)),
		rel("organization:d", "adviser", "", ev(50)),
	})
	if len(got) != 5 {
		t.Fatalf("%d roles, want 5", len(got))
	}
	if got[0].Relation.Target != "organization:b" || len(got[0].Evidence) != 2 || deref(got[0].Title) != " interior  minister" {
		t.Errorf("first role = %+v, want organization:b's relation with two pieces of evidence", got[0])
	}
	if deref(got[1].Status) != "former" || got[2].Relation.Target != "organization:c" || got[3].Relation.Target != "organization:d" || deref(got[4].Title) != "adviser" {
		t.Errorf("roles = %+v %+v %+v %+v", got[1], got[2], got[3], got[4])
	}
}

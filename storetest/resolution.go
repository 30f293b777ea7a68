package storetest

import (
	"fmt"
	"maps"
	"reflect"
	"slices"
	"testing"

	"github.com/newsgraph/newsgraph/kg"
	"github.com/newsgraph/newsgraph/resolve"
)

// resolutionArticle is one article naming people and organizations, each
// pair of them co-mentioned, with no relations.
func resolutionArticle(title string, ents ...[2]string) *kg.Extraction {
	text := title + "."
	for _, e := range ents {
		text += " " + e[1] + " spoke."
	}
	a := article(title, "2020-01-01", text)
	x := &kg.Extraction{Article: a}
	for _, e := range ents {
		x.Entities = append(x.Entities, ent(kg.EntityType(e[0]), "", e[1], text))
	}
	return x
}

// linkAndSave is the write path of the loader: resolve, then save.
func linkAndSave(t *testing.T, s kg.Store, x *kg.Extraction) []resolve.Decision {
	t.Helper()
	_, ds, err := resolve.Save(ctx, s, x)
	if err != nil {
		t.Fatalf("resolve.Save(%s): %v", x.Article.Title, err)
	}
	return ds
}

// testResolution checks that every store keeps the blocking index that
// resolution reads, so that the same articles give the same clusters.
func testResolution(t *testing.T, s kg.Store) {
	const (
		pe = string(kg.Person)
		or = string(kg.Organization)
	)
	linkAndSave(t, s, resolutionArticle("One", [2]string{pe, "Qassem Soleimani"}, [2]string{pe, "Nuri al-Maliki"},
		[2]string{or, "Kataib Hezbollah"}, [2]string{or, "Badr Organization"}))

	// The index answers with the node for a variant's keys.
	keys := resolve.Keys(kg.Person, []string{"Qasim Sulaimani"})
	hits, err := s.EntitiesByKeys(ctx, keys)
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) != len(keys) {
		t.Fatalf("EntitiesByKeys: %d results for %d keys", len(hits), len(keys))
	}
	found := false
	for _, h := range hits {
		found = found || slices.Contains(h, "person:qassem-soleimani")
	}
	if !found {
		t.Errorf("EntitiesByKeys(%v) = %v, want person:qassem-soleimani", keys, hits)
	}

	ds := linkAndSave(t, s, resolutionArticle("Two", [2]string{pe, "Qasim Sulaimani"}, [2]string{pe, "Ali al-Maliki"},
		[2]string{pe, "Kataib Hezbollah"}, [2]string{or, "Badr Trading Company"}))
	joined := map[string]string{}
	for _, d := range ds {
		if d.Action == resolve.Join {
			joined[d.EntityID] = d.NodeID
		}
	}
	want := map[string]string{
		"person:qasim-sulaimani":  "person:qassem-soleimani",
		"person:kataib-hezbollah": "organization:kataib-hezbollah",
	}
	if !maps.Equal(joined, want) {
		t.Errorf("joins %v, want %v", joined, want)
	}
	q := entity(t, s, "person:qassem-soleimani")
	if q == nil || !slices.Contains(q.Aliases, "Qasim Sulaimani") {
		t.Errorf("joined node %+v lacks the new spelling as an alias", q)
	}
	// A type that changes keeps the node, its id and its type.
	if k := entity(t, s, "organization:kataib-hezbollah"); k == nil || k.Type != kg.Organization {
		t.Errorf("organization:kataib-hezbollah = %+v", k)
	}
	for _, id := range []string{"person:ali-al-maliki", "organization:badr-trading-company"} {
		if entity(t, s, id) == nil {
			t.Errorf("%s was joined to a confounder", id)
		}
	}
	if st := mustStats(t, s); st.Entities != 6 {
		t.Errorf("%d entities, want 6", st.Entities)
	}

	// A merge moves the dropped node's keys to the kept one.
	if _, err := s.MergeEntities(ctx, "person:nuri-al-maliki", "person:ali-al-maliki", kg.Merge{}); err != nil {
		t.Fatal(err)
	}
	hits, err = s.EntitiesByKeys(ctx, []string{"po:n:ali maliki"})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(hits[0], []string{"person:nuri-al-maliki"}) {
		t.Errorf("after merge, key of the dropped name -> %v", hits[0])
	}
	if n, err := s.ReindexKeys(ctx); err != nil || n != 5 {
		t.Errorf("ReindexKeys = %d, %v; want 5", n, err)
	}
}

// testResolveExisting checks the resolve command's pass on a store loaded
// without resolution: the same joins on every store, recorded as automatic
// merges, and nothing more on a second pass.
func testResolveExisting(t *testing.T, s kg.Store) {
	const (
		pe = string(kg.Person)
		or = string(kg.Organization)
	)
	mustSave(t, s,
		resolutionArticle("One", [2]string{pe, "Qassem Soleimani"}, [2]string{pe, "Nuri al-Maliki"}, [2]string{or, "Badr Organization"}),
		resolutionArticle("Two", [2]string{pe, "Qasim Sulaimani"}, [2]string{pe, "Ali al-Maliki"}, [2]string{or, "Badr Organisation"}),
		resolutionArticle("Three", [2]string{pe, "Qassim Suleimani"}, [2]string{or, "Badr Trading Company"}))
	rep, err := resolve.Existing(ctx, s, nil)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, m := range rep.Merges {
		got = append(got, m.Drop+" > "+m.Keep)
	}
	slices.Sort(got)
	want := []string{
		"organization:badr-organization > organization:badr-organisation",
		"person:qassem-soleimani > person:qasim-sulaimani",
		"person:qassim-suleimani > person:qasim-sulaimani",
	}
	if !slices.Equal(got, want) {
		t.Errorf("joins %q, want %q", got, want)
	}
	if st := mustStats(t, s); st.Entities != 5 {
		t.Errorf("%d entities after the pass, want 5", st.Entities)
	}
	audit, err := s.AuditLog(ctx, kg.AuditFilter{Subject: "person:qassem-soleimani"})
	if err != nil || len(audit.Entries) == 0 || audit.Entries[0].Actor != "resolve" {
		t.Errorf("no automatic merge in the audit log: %+v, %v", audit, err)
	}
	again, err := resolve.Existing(ctx, s, nil)
	if err != nil || len(again.Merges) != 0 {
		t.Errorf("second pass: %+v, %v", again, err)
	}
}

// testFullerName checks that a node first known by a part of a name takes
// the fuller name a later article joins it with, keeps its id, and gets
// its old name back when the join is split.
func testFullerName(t *testing.T, s kg.Store) {
	const pe, or = string(kg.Person), string(kg.Organization)
	linkAndSave(t, s, resolutionArticle("Short", [2]string{pe, "Zavyalin"}, [2]string{or, "Severny Bunker Group"},
		[2]string{or, "Kolkheti Shipping Company"}, [2]string{pe, "Giorgi Tskitishvili"}))
	ds := linkAndSave(t, s, resolutionArticle("Full", [2]string{pe, "Pyotr Zavyalin"}, [2]string{or, "Severny Bunker Group"},
		[2]string{or, "Kolkheti Shipping Company"}, [2]string{pe, "Giorgi Tskitishvili"}))
	joined := false
	for _, d := range ds {
		joined = joined || (d.Action == resolve.Join && d.EntityID == "person:pyotr-zavyalin" && d.NodeID == "person:zavyalin")
	}
	if !joined {
		t.Fatalf("Pyotr Zavyalin was not joined to Zavyalin: %+v", ds)
	}
	z := entity(t, s, "person:zavyalin")
	if z == nil || z.ID != "person:zavyalin" || z.Name != "Pyotr Zavyalin" || !slices.Contains(z.Aliases, "Zavyalin") {
		t.Errorf("after the join, person:zavyalin = %+v; want the id kept, named Pyotr Zavyalin, Zavyalin an alias", z)
	}
	if p := entity(t, s, "person:pyotr-zavyalin"); p == nil || p.ID != "person:zavyalin" {
		t.Errorf("the joined id resolves to %+v, want person:zavyalin", p)
	}
	if _, err := s.SplitEntity(ctx, "person:pyotr-zavyalin", kg.Curation{Actor: "test"}); err != nil {
		t.Fatal(err)
	}
	if z := entity(t, s, "person:zavyalin"); z == nil || z.Name != "Zavyalin" {
		t.Errorf("after the split, person:zavyalin = %+v; want its name Zavyalin back", z)
	}
	if p := entity(t, s, "person:pyotr-zavyalin"); p == nil || p.ID != "person:pyotr-zavyalin" || p.Name != "Pyotr Zavyalin" {
		t.Errorf("after the split, person:pyotr-zavyalin = %+v", p)
	}
}

// testLinkNodes checks that an article naming one organization by two
// names, under each of which an earlier article made a node, merges the
// two nodes in its own save on every store, and that a split undoes it.
func testLinkNodes(t *testing.T, s kg.Store) {
	const (
		pe = string(kg.Person)
		or = string(kg.Organization)
	)
	cast := [][2]string{{pe, "Arvid Tennokalju"}, {pe, "Maret Sildvee"}}
	linkAndSave(t, s, resolutionArticle("One", append([][2]string{{or, "Severnaya Freight Group"}}, cast...)...))
	linkAndSave(t, s, resolutionArticle("Two", append([][2]string{{or, "Northern Freight Group"}}, cast...)...))
	if e := entity(t, s, "organization:northern-freight-group"); e == nil || e.ID != "organization:northern-freight-group" {
		t.Fatalf("a translated name alone was joined: %+v", e)
	}
	x := resolutionArticle("Three", append([][2]string{{or, "Severnaya Freight Group"}}, cast...)...)
	x.Entities[0].Aliases = []string{"Northern Freight Group"}
	linkAndSave(t, s, x)
	if e := entity(t, s, "organization:northern-freight-group"); e == nil || e.ID != "organization:severnaya-freight-group" {
		t.Fatalf("after an article naming both, organization:northern-freight-group is %+v", e)
	}
	if st := mustStats(t, s); st.Entities != 3 {
		t.Errorf("%d entities after the link, want 3", st.Entities)
	}
	if _, err := s.SplitEntity(ctx, "organization:northern-freight-group", kg.Curation{Actor: "test"}); err != nil {
		t.Fatal(err)
	}
	if e := entity(t, s, "organization:northern-freight-group"); e == nil || e.ID != "organization:northern-freight-group" {
		t.Errorf("split did not restore organization:northern-freight-group: %+v", e)
	}
}

// testLinkAll checks that resolve.LinkAll decides an article of a batch as
// Link decides it once the articles before it are saved: a surname alone
// joins its node on neighbors that only an earlier article of the batch
// gives the node, whether that article is decided in the same call or
// passed as saved since the read (prior).
func testLinkAll(t *testing.T, s kg.Store) {
	const (
		pe = string(kg.Person)
		or = string(kg.Organization)
	)
	zero := func() *kg.Extraction {
		return resolutionArticle("Zero", [2]string{or, "Kismayo Port Authority"}, [2]string{or, "Jubba Traders Union"})
	}
	one := func() *kg.Extraction {
		return resolutionArticle("One", [2]string{pe, "Abdiwali Guleid"}, [2]string{or, "Hargeisa Water Agency"})
	}
	a := func() *kg.Extraction {
		return resolutionArticle("A", [2]string{pe, "Abdiwali Guleid"}, [2]string{or, "Kismayo Port Authority"},
			[2]string{or, "Jubba Traders Union"})
	}
	b := func() *kg.Extraction {
		return resolutionArticle("B", [2]string{pe, "Guleid"}, [2]string{or, "Kismayo Port Authority"},
			[2]string{or, "Jubba Traders Union"})
	}
	linkAndSave(t, s, zero())
	linkAndSave(t, s, one())
	xa := a()
	ls, err := resolve.LinkAll(ctx, s, []*resolve.Prepared{resolve.Prepare(xa), resolve.Prepare(b())}, nil, []bool{true, true})
	if err != nil {
		t.Fatal(err)
	}
	prior, err := resolve.LinkAll(ctx, s, []*resolve.Prepared{resolve.Prepare(b())}, []resolve.Mentioned{ls[0].Mentioned(xa)}, nil)
	if err != nil {
		t.Fatal(err)
	}
	alone, err := resolve.LinkAll(ctx, s, []*resolve.Prepared{resolve.Prepare(b())}, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(ls[1].Read.Missing) != 1 || ls[0].Unchanged == nil {
		t.Errorf("LinkAll reads %+v and %+v: want B's surname missing and A's entities unchanged", ls[0], ls[1])
	}

	linkAndSave(t, s, a())
	want, err := resolve.Link(ctx, s, b())
	if err != nil {
		t.Fatal(err)
	}
	if len(want) == 0 || want[0].Action != resolve.Join || want[0].NodeID != "person:abdiwali-guleid" {
		t.Fatalf("Link after A: %+v, want Guleid joined to person:abdiwali-guleid", want)
	}
	if !reflect.DeepEqual(ls[1].Decisions, want) {
		t.Errorf("LinkAll with A before B: %+v, want %+v", ls[1].Decisions, want)
	}
	if !reflect.DeepEqual(prior[0].Decisions, want) {
		t.Errorf("LinkAll with A saved since the read: %+v, want %+v", prior[0].Decisions, want)
	}
	// Without A, the surname is only a candidate.
	if reflect.DeepEqual(alone[0].Decisions, want) {
		t.Errorf("LinkAll without A decided as with it: %+v", alone[0].Decisions)
	}
}

// testKeyHits checks EntitiesByKeys' answer shape: one slice per key asked,
// in the asked order and repeats included, empty for an unknown key, and a
// common key cut to the first kg.MaxKeyHits ids in sorted order.
func testKeyHits(t *testing.T, s kg.Store) {
	text := "Many."
	var names, ids []string
	for i := range kg.MaxKeyHits + 6 {
		// Names that differ only in the first name share the surname's key.
		name := fmt.Sprintf("Aaron%c%c Quillfeather", 'a'+rune(i/26), 'a'+rune(i%26))
		text += " " + name + " spoke."
		names = append(names, name)
		ids = append(ids, kg.EntityID(kg.Person, name))
	}
	x := &kg.Extraction{Article: article("Many", "2020-01-01", text)}
	for _, name := range names {
		x.Entities = append(x.Entities, ent(kg.Person, "", name, text))
	}
	if _, err := s.SaveExtraction(ctx, x); err != nil {
		t.Fatal(err)
	}
	// The key all of them share.
	shared := map[string]int{}
	for _, e := range x.Entities {
		for _, k := range resolve.Keys(kg.Person, []string{e.Name}) {
			shared[k]++
		}
	}
	var common string
	for k, n := range shared {
		if n == len(x.Entities) {
			common = k
		}
	}
	if common == "" {
		t.Fatalf("no key shared by all of %d names: %v", len(x.Entities), shared)
	}
	unique := resolve.Keys(kg.Person, []string{x.Entities[0].Name})
	var own string
	for _, k := range unique {
		if shared[k] == 1 {
			own = k
		}
	}
	keys := []string{common, "po:n:no such name", common}
	if own != "" {
		keys = append(keys, own)
	}
	hits, err := s.EntitiesByKeys(ctx, keys)
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(ids)
	want := [][]string{ids[:kg.MaxKeyHits], {}, ids[:kg.MaxKeyHits]}
	if own != "" {
		want = append(want, []string{kg.EntityID(kg.Person, x.Entities[0].Name)})
	}
	if !reflect.DeepEqual(hits, want) {
		t.Errorf("EntitiesByKeys(%q) =\n%v\nwant\n%v", keys, hits, want)
	}
	testCandidatesByKeys(t, s, keys)
}

// testCandidatesByKeys checks that CandidatesByKeys gives what
// EntitiesByKeys and then Entities of every hit give: the hits of keys and
// each hit's entity whole (with aliases, for one that has some: the
// resolution test's nodes).
func testCandidatesByKeys(t *testing.T, s kg.Store, keys []string) {
	x := resolutionArticle("Aliased", [2]string{string(kg.Person), "Aaronaa Quillfeather"})
	x.Entities[0].Aliases = []string{"A. Quillfeather", "Aaron Quillfeather"}
	if _, err := s.SaveExtraction(ctx, x); err != nil {
		t.Fatal(err)
	}
	keys = append(keys, resolve.Keys(kg.Person, []string{"Aaron Quillfeather"})...)
	hits, err := s.EntitiesByKeys(ctx, keys)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, h := range hits {
		ids = append(ids, h...)
	}
	slices.Sort(ids)
	ids = slices.Compact(ids)
	es, err := s.Entities(ctx, ids)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]*kg.Entity{}
	for i, e := range es {
		want[ids[i]] = e
	}
	got, err := s.CandidatesByKeys(ctx, keys)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got.Hits, hits) {
		t.Errorf("CandidatesByKeys(%q).Hits =\n%v\nwant EntitiesByKeys'\n%v", keys, got.Hits, hits)
	}
	if len(got.Entities) != len(want) {
		t.Errorf("CandidatesByKeys(%q): %d entities, want one for each of the %d hits", keys, len(got.Entities), len(want))
	}
	for id, w := range want {
		if g := got.Entities[id]; !reflect.DeepEqual(g, w) {
			t.Errorf("CandidatesByKeys: entity %s is %+v, want as Entities gives it %+v", id, g, w)
		}
	}
	if e := got.Entities[kg.EntityID(kg.Person, "Aaronaa Quillfeather")]; e == nil || !slices.Contains(e.Aliases, "Aaron Quillfeather") {
		t.Errorf("CandidatesByKeys: the aliased node is %+v, want it with its alias Aaron Quillfeather", e)
	}
	if none, err := s.CandidatesByKeys(ctx, nil); err != nil || len(none.Hits) != 0 || len(none.Entities) != 0 {
		t.Errorf("CandidatesByKeys(nil) = %+v, %v; want nothing", none, err)
	}
}

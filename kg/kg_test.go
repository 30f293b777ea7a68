package kg

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestSlugAndIDs(t *testing.T) {
	cases := map[string]string{
		"Qassim al-Araji":          "qassim-al-araji",
		"QASSIM  AL ARAJI":         "qassim-al-araji",
		"U.S.":                     "us",
		"María de la Cruz":         "maria-de-la-cruz",
		"Lt. Gen. Paul E. Funk II": "lt-gen-paul-e-funk-ii",
		"O’Brien":                  "obrien",
	}
	for in, want := range cases {
		if got := Slug(in); got != want {
			t.Errorf("Slug(%q) = %q, want %q", in, got, want)
		}
	}
	if got := EntityID(Location, "United States"); got != "location:united-states" {
		t.Errorf("EntityID = %q", got)
	}
	if RelationID(MetWith, "a", "b") != RelationID(MetWith, "b", "a") {
		t.Error("symmetric relation ids differ by direction")
	}
	if RelationID(Detained, "a", "b") == RelationID(Detained, "b", "a") {
		t.Error("directed relation ids equal in both directions")
	}
	if ArticleID("x") == ArticleID("y") || ArticleID("x") != ArticleID("x") {
		t.Error("article ids not a function of the text")
	}
}

func TestOntologyValidity(t *testing.T) {
	if !Person.Valid() || EntityType("Person) MATCH (n").Valid() {
		t.Error("entity type validity wrong")
	}
	if !Detained.Valid() || RelationType("DETAINED]->()").Valid() {
		t.Error("relation type validity wrong")
	}
	if !ValidSubtype(Organization, "militia") || ValidSubtype(Person, "militia") || !ValidSubtype(Person, "") {
		t.Error("subtype validity wrong")
	}
}

// TestRelationAllows spot-checks the ontology's table of source and target
// types, both what it allows and what it forbids.
func TestRelationAllows(t *testing.T) {
	for _, c := range []struct {
		t        RelationType
		src, dst EntityType
		want     bool
	}{
		{Owns, Organization, Organization, true},
		{Owns, Person, Location, true},
		{Owns, Location, Organization, false}, // a state owns through its government
		{MemberOf, Location, Organization, false},
		{PartOf, Organization, Location, false},
		{PartOf, Location, Location, true},
		{Detained, Organization, Organization, false},
		{Detained, Location, Person, true},
		{MetWith, Person, Organization, false},
		{Attacked, Location, EventEntity, true},
	} {
		if got := c.t.Allows(c.src, c.dst); got != c.want {
			t.Errorf("%s.Allows(%s, %s) = %v, want %v", c.t, c.src, c.dst, got, c.want)
		}
	}
}

func TestPageSize(t *testing.T) {
	if n, _ := PageSize(0); n != DefaultPageSize {
		t.Errorf("PageSize(0) = %d", n)
	}
	if n, _ := PageSize(MaxPageSize * 2); n != MaxPageSize {
		t.Errorf("PageSize(big) = %d", n)
	}
	if _, err := PageSize(-1); ErrorCode(err) != EInvalid {
		t.Error("negative page size accepted")
	}
}

func TestMatchScore(t *testing.T) {
	aliases := []string{"Araji", "Mr. Araji"}
	cases := []struct {
		q    string
		want float64
	}{
		{"qassim al-araji", 1},
		{"Araji", 0.95},
		{"Qassim", 0.9},
		{"al araji", 0.8},
		{"Arajy", 0.4},
		{"Suleimani", 0},
	}
	for _, c := range cases {
		if got := MatchScore(c.q, "Qassim al-Araji", aliases); got != c.want {
			t.Errorf("MatchScore(%q) = %v, want %v", c.q, got, c.want)
		}
	}
	if MatchScore("", "X", nil) != 0 {
		t.Error("empty query matched")
	}
	if FoldName("Iraq’s Interior Ministry") != "iraq interior ministry" {
		t.Errorf("FoldName = %q", FoldName("Iraq’s Interior Ministry"))
	}
}

func TestErrors(t *testing.T) {
	err := Errorf(ENotFound, "entity %q not found", "x")
	wrapped := errorsJoin(err)
	if ErrorCode(wrapped) != ENotFound || ErrorMessage(wrapped) != `entity "x" not found` {
		t.Errorf("code %q message %q", ErrorCode(wrapped), ErrorMessage(wrapped))
	}
	plain := strings.NewReader("").UnreadByte()
	if ErrorCode(plain) != EInternal || ErrorMessage(plain) != "internal error" {
		t.Error("internal error leaks or is mis-coded")
	}
}

func errorsJoin(err error) error { return &wrap{err} }

type wrap struct{ err error }

func (w *wrap) Error() string { return "store: " + w.err.Error() }
func (w *wrap) Unwrap() error { return w.err }

func TestExtractionJSONShape(t *testing.T) {
	b, err := json.Marshal(Extraction{Article: Article{ID: "article:1", Title: "T"},
		Entities: []Entity{{ID: "person:a", Type: Person, Name: "A"}}})
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	if m["article"].(map[string]any)["published"] != nil {
		t.Error("unknown publication date is not null")
	}
	e := m["entities"].([]any)[0].(map[string]any)
	if e["subtype"] != nil || e["aliases"] == nil {
		t.Errorf("entity shape: %v", e)
	}
	for _, k := range []string{"relations", "events", "quotes"} {
		if _, ok := m[k].([]any); !ok {
			t.Errorf("%s is %v, want a list", k, m[k])
		}
	}
}

package resolve

import (
	"slices"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/kg"
)

func core(t kg.EntityType, s string) string { return strings.Join(Parse(t, s).Core, " ") }

func TestPersonVariantsMeet(t *testing.T) {
	for _, g := range [][]string{
		{"Qassem Soleimani", "Qasem Soleimani", "Qasim Sulaimani", "Qassim Suleimani", "Gen. Qassem Soleimani"},
		{"Nuri al-Maliki", "Nouri al-Maliki", "Nuri Kamil al-Maliki", "Prime Minister Nouri al Maliki", "Nuri el-Maliki"},
		{"Mohammed Shia al-Sudani", "Muhammad Shia al-Sudani", "Mohamed Shia Sudani"},
		{"Abu Mahdi al-Muhandis", "Abu Mahdi al-Mohandes"},
		{"Falih al-Fayyadh", "Faleh al-Fayyadh"},
		{"Hussein Abdel-Karim", "Husayn Abdul Karim"},
		{"Harkani al Mouttosi", "Harqani al Moottussi"},
		{"Yevgeny Petrov", "Evgeny Petrov", "Yevgeniy Petrov"},
		{"Aleksandr Nurlanov", "Alexandr Nurlanov"},
		{"Hanan Grira", "Hanane Grira"},
		{"Kosdhee al-Khuzufeiti", "Qusszi el-Khozofaiti"},
		{"Askar Beisenaliev", "Askar Beysenaliyev"},
		// A w closing a syllable, an o-u in French spelling.
		{"Tawfiq al-Qarnawi", "Taoufik Karnaoui", "Tawfik el-Qarnawi"},
		{"Interior Minister Mohammed Bouzaid", "Mohamed Bouzaid", "Commander Mohammed Bouzaid"},
		// One given name in the languages news translates it from.
		{"Pyotr Vasnetskin", "Peter Vasnetskin", "Petr Vasnetskin"},
		{"Iosif Kavtaradzeli", "Joseph Kavtaradzeli", "Ioseb Kavtaradzeli", "Yusuf Kavtaradzeli"},
		{"Mikhail Oboryshev", "Michael Oboryshev", "Mykhailo Oboryshev", "Miguel Oboryshev"},
		{"Eugene Lavrushkin", "Yevgeny Lavrushkin", "Yevhen Lavrushkin"},
		// And a surname whose first letter another alphabet writes
		// otherwise (Ukrainian h, Russian g).
		{"Oleksandr Hrytsuniak", "Aleksandr Grytsuniak", "Alexander Hrytsuniak"},
		{"Zhanibek Dzhaksylykov", "Janibek Jaksylykov", "Djanibek Djaksylykov"},
	} {
		want := Parse(kg.Person, g[0])
		for _, v := range g[1:] {
			m := CompareNames(Parse(kg.Person, v), want)
			if m.Veto || m.Score < High {
				t.Errorf("%q vs %q: %+v (cores %q, %q)", v, g[0], m, core(kg.Person, v), core(kg.Person, g[0]))
			}
			if !overlapKeys(Keys(kg.Person, []string{v}), Keys(kg.Person, []string{g[0]})) {
				t.Errorf("%q and %q share no blocking key", v, g[0])
			}
		}
	}
}

func overlapKeys(a, b []string) bool {
	for _, k := range a {
		if slices.Contains(b, k) {
			return true
		}
	}
	return false
}

func TestConfoundersVeto(t *testing.T) {
	for _, c := range []struct {
		t    kg.EntityType
		a, b string
	}{
		{kg.Person, "Ali al-Maliki", "Nuri al-Maliki"},
		{kg.Person, "Hamid al-Harrani", "Hamad al-Harrani"},
		{kg.Person, "Nuri al-Maliki", "Nuri al-Saeedi"},
		{kg.Organization, "Badr Trading Company", "Badr Organization"},
		{kg.Organization, "Popular Mobilization Forces", "Popular Mobilization Units"},
		{kg.Person, "Abdul Amir al-Zaidi", "Abdul Karim al-Zaidi"},
		{kg.Person, "Giorgi Varlamishvili", "Nino Varlamishvili"},
		{kg.Person, "Peter Vasnetskin", "Paul Vasnetskin"},
		{kg.Person, "Ali Hamdan", "Alim Hamdan"}, // too short to be a short form
		{kg.Person, "Pyotr Vasnetskin", "Pyotr Hasnetskin"},
		{kg.Location, "Basra", "Basra Oil Company"},
	} {
		tb := c.t
		if c.t == kg.Location {
			tb = kg.Organization
		}
		if m := CompareNames(Parse(c.t, c.a), Parse(tb, c.b)); m.Score >= Low && !m.Veto {
			t.Errorf("%q vs %q: %+v", c.a, c.b, m)
		}
	}
}

func TestOrganizationVariants(t *testing.T) {
	for _, c := range []struct {
		a, b    string
		atLeast float64
	}{
		{"Badr Organisation", "Badr Organization", High},
		{"the Popular Mobilisation Forces", "Popular Mobilization Forces", High},
		{"PMF", "Popular Mobilization Forces", Low},
		{"IRGC", "Islamic Revolutionary Guard Corps", Low},
		{"UQC", "United Kebeeqami Council", Low},
		{"Revolutionary Guards", "Islamic Revolutionary Guard Corps", Low},
		{"Kataib Hezbollah", "Kata'ib Hizbollah", High},
		// A name given untranslated, and a company's legal form.
		{"Federación Minera del Salar Tumbeño", "Salar Tumbeño Miners' Federation", High},
		{"Vorland Batterie GmbH", "Vorland Batterie", High},
	} {
		m := CompareNames(Parse(kg.Organization, c.a), Parse(kg.Organization, c.b))
		if m.Veto || m.Score < c.atLeast {
			t.Errorf("%q vs %q: %+v, want >= %.2f", c.a, c.b, m, c.atLeast)
		}
	}
	// A place keeps its article: Los Angeles is not Angeles.
	if m := CompareNames(Parse(kg.Location, "Los Angeles"), Parse(kg.Location, "Angeles")); m.Score >= High {
		t.Errorf("Los Angeles and Angeles: %+v", m)
	}
	// A shared first surname with another given name is another person.
	if m := CompareNames(Parse(kg.Person, "Rosalía Huarachi"), Parse(kg.Person, "Teodoro Huarachi Mamani")); !m.Veto {
		t.Errorf("Rosalía Huarachi and Teodoro Huarachi Mamani: %+v", m)
	}
	// Given names are not folded so: Karima is not Karim.
	if m := CompareNames(Parse(kg.Person, "Karima Bensaoud"), Parse(kg.Person, "Karim Bensaoud")); !m.Veto {
		t.Errorf("Karima and Karim Bensaoud: %+v", m)
	}
	// Two bodies with one acronym are not one for it.
	node := &kg.Entity{ID: "organization:popular-khufozari-brigades", Type: kg.Organization, Name: "Popular Khufozari Brigades", Aliases: []string{"PKB"}}
	m := Mention{ID: "organization:popular-khassais-brigades", Type: kg.Organization, Names: []string{"Popular Khassais Brigades", "PKB"}}
	if ds := Decide(m, []Candidate{{Entity: node}}); len(ds) != 0 {
		t.Errorf("same acronym, different names: %+v", ds)
	}
	if !overlapKeys(Keys(kg.Organization, []string{"PMF"}), Keys(kg.Organization, []string{"Popular Mobilization Forces"})) {
		t.Error("PMF shares no key with its expansion")
	}
}

func TestTypes(t *testing.T) {
	if m := CompareNames(Parse(kg.Person, "Kataib Hezbollah"), Parse(kg.Organization, "Kataib Hezbollah")); m.Veto || m.Score < High {
		t.Errorf("same full name typed Person and Organization: %+v", m)
	}
	// One word typed a place and an organization ("Jubaland" acting as
	// its government; "Badr" a town and a militia) is a part of a name:
	// it joins only with people or organizations in common.
	if m := CompareNames(Parse(kg.Location, "Badr"), Parse(kg.Organization, "Badr")); m.Veto || !m.Partial {
		t.Errorf("one word typed a place and an organization: %+v", m)
	}
	if !overlapKeys(Keys(kg.Location, []string{"Jubaland"}), Keys(kg.Organization, []string{"Jubaland"})) {
		t.Error("one word typed a place and an organization share no key")
	}
	node := &kg.Entity{ID: "organization:badr", Type: kg.Organization, Name: "Badr"}
	if ds := Decide(Mention{ID: "location:badr", Type: kg.Location, Names: []string{"Badr"}}, []Candidate{{Entity: node}}); len(ds) != 1 || ds[0].Action != Propose {
		t.Errorf("a town joined a militia of its name without context: %+v", ds)
	}
	// A place named as the organization without its head word.
	if m := CompareNames(Parse(kg.Location, "Severny Bunker"), Parse(kg.Organization, "Severny Bunker Group")); m.Veto || !m.Partial || m.Score < Low {
		t.Errorf("a place named as the organization without its head word: %+v", m)
	}
	if m := CompareNames(Parse(kg.Location, "Severny Bunker"), Parse(kg.Organization, "Severny Bunker Trading Group")); !m.Veto {
		t.Errorf("a place and an organization with another word: %+v", m)
	}
	if m := CompareNames(Parse(kg.Location, "Kismayo"), Parse(kg.Organization, "Kismayo Port Authority")); !m.Veto {
		t.Errorf("a city and its port authority: %+v", m)
	}
	if m := CompareNames(Parse(kg.Location, "Severny Bunker"), Parse(kg.Organization, "Severny Bunker")); m.Veto || m.Score < High {
		t.Errorf("the same two-word name typed a place and an organization: %+v", m)
	}
	if !overlapKeys(Keys(kg.Location, []string{"Severny Bunker"}), Keys(kg.Organization, []string{"Severny Bunker Group", "Severny Bunker"})) {
		t.Error("a place and an organization of one name share no key")
	}
	if m := CompareNames(Parse(kg.Location, "Severny Bunker"), Parse(kg.Person, "Severny Bunker")); !m.Veto {
		t.Errorf("a place and a person: %+v", m)
	}
	if Keys(kg.Role, []string{"interior minister"}) != nil {
		t.Error("roles have blocking keys")
	}
}

// TestPlaceVariants checks that places spelled one letter apart, or with
// gh for g, meet and score as one name short of High, for context to
// confirm; different places do not.
func TestPlaceVariants(t *testing.T) {
	for _, p := range [][2]string{{"Misrata", "Misurata"}, {"Karaganda", "Qaraghanda"}, {"Ghazni", "Gazni"}} {
		a, b := Parse(kg.Location, p[0]), Parse(kg.Location, p[1])
		if m := CompareNames(a, b); m.Veto || m.Score < Low {
			t.Errorf("%s / %s: %+v", p[0], p[1], m)
		}
		if !overlapKeys(Keys(kg.Location, []string{p[0]}), Keys(kg.Location, []string{p[1]})) {
			t.Errorf("%s and %s share no blocking key", p[0], p[1])
		}
	}
	for _, p := range [][2]string{{"Austria", "Australia"}, {"Iran", "Iraq"}, {"Slovakia", "Slovenia"}} {
		if m := CompareNames(Parse(kg.Location, p[0]), Parse(kg.Location, p[1])); m.Score >= Low {
			t.Errorf("%s / %s: %+v", p[0], p[1], m)
		}
	}
}

func TestSurnameNeedsContext(t *testing.T) {
	node := &kg.Entity{ID: "person:nuri-al-maliki", Type: kg.Person, Name: "Nuri al-Maliki"}
	m := Mention{ID: "person:maliki", Type: kg.Person, Names: []string{"Maliki"}}
	if ds := Decide(m, []Candidate{{Entity: node}}); len(ds) != 1 || ds[0].Action != Propose {
		t.Errorf("surname alone: %+v, want one proposal", ds)
	}
	m.Neighbors = map[string]bool{"organization:dawa-party": true, "person:a": true}
	c := Candidate{Entity: node, Neighbors: map[string]bool{"organization:dawa-party": true, "person:a": true}}
	if ds := Decide(m, []Candidate{c}); len(ds) != 1 || ds[0].Action != Join {
		t.Errorf("surname with two shared neighbors: %+v, want a join", ds)
	}
	// Two people of that surname with the same support: no join.
	other := Candidate{Entity: &kg.Entity{ID: "person:ali-al-maliki", Type: kg.Person, Name: "Ali al-Maliki"}, Neighbors: c.Neighbors}
	if ds := Decide(m, []Candidate{c, other}); len(ds) != 2 || ds[0].Action != Propose {
		t.Errorf("ambiguous surname: %+v, want two proposals", ds)
	}
	// A different given name vetoes even when an alias shares the surname.
	node.Aliases = []string{"Maliki"}
	ali := Mention{ID: "person:ali-al-maliki", Type: kg.Person, Names: []string{"Ali al-Maliki"}, Neighbors: m.Neighbors}
	if ds := Decide(ali, []Candidate{c}); len(ds) != 0 {
		t.Errorf("Ali al-Maliki vs Nuri al-Maliki: %+v, want nothing", ds)
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"Nuri al-Maliki", "Abu Mahdi al-Muhandis", "PMF", "Gen. Qassem Soleimani Jr.", "Abd", "al-", "Ésta O'Brien-Smith", "Dr. Ü", "U.S.", "Abu al"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, ty := range []kg.EntityType{kg.Person, kg.Organization, kg.Location} {
			n := Parse(ty, s)
			for _, w := range n.Core {
				if w == "" || strings.ContainsAny(w, " \t") {
					t.Fatalf("%q: bad core word %q in %q", s, w, n.Core)
				}
			}
			ks := Keys(ty, []string{s})
			if !slices.IsSorted(ks) {
				t.Fatalf("%q: keys not sorted", s)
			}
			// Parsing is stable under the folding it starts with.
			if again := Parse(ty, kg.FoldName(s)); strings.Join(again.Core, " ") != strings.Join(n.Core, " ") && n.Acronym == "" {
				t.Fatalf("%q: core %q, of its folded form %q", s, n.Core, again.Core)
			}
			_ = CompareNames(n, n)
		}
	})
}

// A familiar short form of a given name ("Vakho" for "Vakhtang") meets the
// full name only in part: context has to confirm it.
func TestShortGivenNameIsPartial(t *testing.T) {
	m := CompareNames(Parse(kg.Person, "Vakho Gelovanishvili"), Parse(kg.Person, "Vakhtang Gelovanishvili"))
	if m.Veto || !m.Partial || m.Score < Low || m.Score >= High {
		t.Errorf("Vakho/Vakhtang: %+v, want a partial match between Low and High", m)
	}
	if m := CompareNames(Parse(kg.Person, "Vakho Gelovanishvili"), Parse(kg.Person, "Vakhtang Gelovani")); !m.Veto && m.Score > 0 {
		t.Errorf("a short form with another surname matched: %+v", m)
	}
}

// TestSoleSurname checks that a surname alone joins the only person of that
// surname the graph knows when one person or organization it is known with
// is named beside it, and not when a second person has that surname or
// when only places are shared.
func TestSoleSurname(t *testing.T) {
	node := &kg.Entity{ID: "person:vakhtang-lomsadze", Type: kg.Person, Name: "Vakhtang Lomsadze"}
	m := Mention{ID: "person:lomsadze", Type: kg.Person, Names: []string{"Lomsadze"},
		Neighbors: map[string]bool{"organization:port-union": true, "location:batumi": true}}
	c := Candidate{Entity: node, Neighbors: map[string]bool{"organization:port-union": true, "location:batumi": true}}
	if ds := Decide(m, []Candidate{c}); len(ds) != 1 || ds[0].Action != Join {
		t.Errorf("sole surname with a shared organization: %+v, want a join", ds)
	}
	other := Candidate{Entity: &kg.Entity{ID: "person:nino-lomsadze", Type: kg.Person, Name: "Nino Lomsadze"}, Neighbors: c.Neighbors}
	if ds := Decide(m, []Candidate{c, other}); len(ds) == 0 || ds[0].Action == Join {
		t.Errorf("two people of that surname: %+v, want no join", ds)
	}
	places := Candidate{Entity: node, Neighbors: map[string]bool{"location:batumi": true, "location:georgia": true}}
	m.Neighbors = map[string]bool{"location:batumi": true, "location:georgia": true}
	if ds := Decide(m, []Candidate{places}); len(ds) == 1 && ds[0].Action == Join {
		t.Errorf("sole surname sharing only places: %+v, want no join", ds)
	}
}

// TestTitleSettlesSurname checks that a title the mention shares with only
// one of two people of its surname picks that one.
func TestTitleSettlesSurname(t *testing.T) {
	nb := map[string]bool{"organization:fisheries-agency": true, "person:a": true}
	minister := Candidate{Entity: &kg.Entity{ID: "person:abdiwali-guleid", Type: kg.Person, Name: "Abdiwali Guleid",
		Aliases: []string{"Fisheries Minister Abdiwali Guleid"}}, Neighbors: nb}
	niece := Candidate{Entity: &kg.Entity{ID: "person:hodan-guleid", Type: kg.Person, Name: "Hodan Guleid"}, Neighbors: nb}
	m := Mention{ID: "person:guleid", Type: kg.Person, Names: []string{"Guleid", "Minister Guleid"}, Neighbors: nb}
	if ds := Decide(m, []Candidate{minister, niece}); len(ds) == 0 || ds[0].Action != Join || ds[0].NodeID != minister.Entity.ID {
		t.Errorf("Minister Guleid: %+v, want a join with the minister", ds)
	}
	m.Names = []string{"Guleid", "Mr. Guleid"}
	if ds := Decide(m, []Candidate{minister, niece}); len(ds) > 0 && ds[0].Action == Join {
		t.Errorf("Mr. Guleid: %+v, want no join (a courtesy title says nothing)", ds)
	}
}

// TestTypeDiffersSameName checks that a person's name typed Organization
// in one article meets the person, plural-looking words included.
func TestTypeDiffersSameName(t *testing.T) {
	p, o := Parse(kg.Person, "Idris Haibe"), Parse(kg.Organization, "Idris Haybe")
	if m := CompareNames(p, o); m.Veto || m.Score < High {
		t.Errorf("Idris Haibe / Idris Haybe typed Organization: %+v", m)
	}
	if !overlapKeys(Keys(kg.Person, []string{"Idris Haibe"}), Keys(kg.Organization, []string{"Idris Haybe"})) {
		t.Error("a person and the same name typed Organization share no key")
	}
}

// TestFuller checks which later names a node takes.
func TestFuller(t *testing.T) {
	cases := []struct {
		t             kg.EntityType
		name, current string
		want          bool
	}{
		{kg.Person, "Pyotr Zavyalin", "Zavyalin", true},
		{kg.Person, "Abdiwali Farah Guleid", "Abdiwali Guleid", true},
		{kg.Person, "Zavyalin", "Pyotr Zavyalin", false},
		{kg.Person, "Peter Zavyalin", "Pyotr Zavyalin", false},
		{kg.Organization, "Kolkheti Shipping Company", "KSC", true},
		{kg.Organization, "KSC", "Kolkheti Shipping Company", false},
		{kg.Organization, "Kolkheti Shipping Company", "Kolkheti Shipping", true},
		{kg.Organization, "Fisheries Agency of Jubaland", "Jubaland Fisheries Agency", false},
		{kg.Organization, "Hiilaac Reform Party", "Hiilaac Unity", false},
	}
	for _, c := range cases {
		if got := Fuller(c.t, c.name, c.current); got != c.want {
			t.Errorf("Fuller(%s, %q, %q) = %v, want %v", c.t, c.name, c.current, got, c.want)
		}
	}
}

// TestCountryPrefix checks that an organization's name with and without
// its country is a short form context can confirm, and that two countries'
// bodies of one name stay apart.
func TestCountryPrefix(t *testing.T) {
	m := CompareNames(Parse(kg.Organization, "Dockworkers Union"), Parse(kg.Organization, "Georgian Dockworkers' Union"))
	if m.Veto || !m.Partial || m.Score+contextMax < High {
		t.Errorf("with and without the country: %+v, want a short form context can lift to a join", m)
	}
	if m := CompareNames(Parse(kg.Organization, "Ukrainian Dockworkers Union"), Parse(kg.Organization, "Georgian Dockworkers Union")); !m.Veto {
		t.Errorf("two countries' unions: %+v, want a veto", m)
	}
	if m := CompareNames(Parse(kg.Organization, "Georgian"), Parse(kg.Organization, "Georgian Dockworkers Union")); m.Score > 0 {
		t.Errorf("a demonym alone: %+v, want no match", m)
	}
}

// TestOneWordAliasNoOverride checks that two organizations whose names
// conflict are not joined because both were also called by one common
// word.
func TestOneWordAliasNoOverride(t *testing.T) {
	node := &kg.Entity{ID: "organization:karatau-mining-company", Type: kg.Organization, Name: "Karatau Mining Company", Aliases: []string{"Miners"}}
	m := Mention{ID: "organization:karatau-mining-union", Type: kg.Organization, Names: []string{"Karatau Mining Union", "Miners"}}
	if ds := Decide(m, []Candidate{{Entity: node}}); len(ds) != 0 {
		t.Errorf("conflicting names sharing the alias Miners: %+v, want nothing", ds)
	}
	// Two full names that match outright still overrule.
	node.Aliases = []string{"Karatau Coal Union"}
	m.Names = []string{"Karatau Mining Union", "Karatau Coal Union"}
	if ds := Decide(m, []Candidate{{Entity: node}}); len(ds) != 1 || ds[0].Action != Join {
		t.Errorf("a full alias in common: %+v, want a join", ds)
	}
}

// TestWholeNameFirst checks that at one score a whole-name match is chosen
// over an acronym-only node, so that it joins.
func TestWholeNameFirst(t *testing.T) {
	nb := map[string]bool{"person:a": true, "person:b": true}
	acr := Candidate{Entity: &kg.Entity{ID: "organization:ukf", Type: kg.Organization, Name: "UKF"}, Neighbors: nb}
	full := Candidate{Entity: &kg.Entity{ID: "organization:united-kitdadui-front", Type: kg.Organization, Name: "United Kitdadui Front"}, Neighbors: nb}
	m := Mention{ID: "organization:united-kheetdadooi-front", Type: kg.Organization, Names: []string{"United Kheetdadooi Front", "UKF"}, Neighbors: nb}
	ds := Decide(m, []Candidate{acr, full})
	if len(ds) == 0 || ds[0].Action != Join || ds[0].NodeID != full.Entity.ID {
		t.Errorf("%+v, want a join with the whole name", ds)
	}
}

// TestCourtesyGender checks that "Mr." and "Ms." keep two people of one
// surname apart and settle which one a surname is.
func TestCourtesyGender(t *testing.T) {
	nb := map[string]bool{"organization:mine": true, "person:a": true}
	olga := Candidate{Entity: &kg.Entity{ID: "person:olga-tarasenko", Type: kg.Person, Name: "Olga Tarasenko", Aliases: []string{"Ms. Tarasenko"}}, Neighbors: nb}
	yev := Candidate{Entity: &kg.Entity{ID: "person:yevgeny-tarasenko", Type: kg.Person, Name: "Yevgeny Tarasenko", Aliases: []string{"Mr. Tarasenko"}}, Neighbors: nb}
	m := Mention{ID: "person:tarasenko", Type: kg.Person, Names: []string{"Tarasenko", "Mr. Tarasenko"}, Neighbors: nb}
	ds := Decide(m, []Candidate{olga, yev})
	if len(ds) != 1 || ds[0].Action != Join || ds[0].NodeID != yev.Entity.ID {
		t.Errorf("Mr. Tarasenko: %+v, want a join with Yevgeny alone", ds)
	}
}

// TestTitledSurnameNode checks that a full name does not join a node known
// only by a surname and a title the name lacks ("Commander Ferjani" may be
// the brother), even with people in common; with the title, it does.
func TestTitledSurnameNode(t *testing.T) {
	nb := map[string]bool{"organization:wsb": true, "organization:lpa": true, "location:zawiya": true}
	node := &kg.Entity{ID: "person:ferjani", Type: kg.Person, Name: "Ferjani", Aliases: []string{"Commander Ferjani"}}
	c := Candidate{Entity: node, Neighbors: nb}
	salim := Mention{ID: "person:salim-el-ferjani", Type: kg.Person, Names: []string{"Salim el-Ferjani"}, Neighbors: nb}
	if ds := Decide(salim, []Candidate{c}); len(ds) != 1 || ds[0].Action != Propose {
		t.Errorf("a full name joined a titled surname it lacks the title of: %+v", ds)
	}
	qassem := Mention{ID: "person:qassem-al-ferjani", Type: kg.Person, Names: []string{"Qassem al-Ferjani", "Commander Qassem al-Ferjani"}, Neighbors: nb}
	if ds := Decide(qassem, []Candidate{c}); len(ds) != 1 || ds[0].Action != Join {
		t.Errorf("a full name with the surname node's title: %+v, want a join", ds)
	}
}

// TestApart checks that two entities of one article do not both join one
// node: the one with the title the node has keeps the join, and a node an
// entity of the article already is keeps it.
func TestApart(t *testing.T) {
	j := func(node, title string, score float64) []Decision {
		return []Decision{{Action: Join, NodeID: node, Score: score, Evidence: Evidence{Partial: true, Title: title}}}
	}
	per := [][]Decision{j("person:rodrigo", "", 0.91), j("person:rodrigo", "secretary", 0.9), j("person:kenji", "", 0.9)}
	apart(per, make([]*kg.Entity, 3))
	if per[0][0].Action != Propose || per[1][0].Action != Join || per[2][0].Action != Join {
		t.Errorf("got %v %v %v, want propose, join, join", per[0][0].Action, per[1][0].Action, per[2][0].Action)
	}
	per = [][]Decision{nil, j("person:rodrigo", "secretary", 1)}
	apart(per, []*kg.Entity{{ID: "person:rodrigo"}, nil})
	if per[1][0].Action != Propose || per[1][0].Score >= High {
		t.Errorf("a join of a node the article already names: %+v", per[1][0])
	}
}

// TestTranslatedOrgWords checks that an organization's name given in its
// own language meets its English translation, and not a sister company
// that shares its first word.
func TestTranslatedOrgWords(t *testing.T) {
	for _, p := range [][2]string{
		{"Tomisaki Suisan Kaisha", "Tomisaki Fisheries"},
		{"Vorland Bergbau GmbH", "Vorland Mining"},
		{"Banco Tarvel", "Tarvel Bank"},
	} {
		if m := CompareNames(Parse(kg.Organization, p[0]), Parse(kg.Organization, p[1])); m.Veto || m.Score < High {
			t.Errorf("%s / %s: %+v, want a join", p[0], p[1], m)
		}
	}
	if m := CompareNames(Parse(kg.Organization, "Tomisaki Suisan Kaisha"), Parse(kg.Organization, "Tomisaki Shipping")); !m.Veto {
		t.Errorf("a sister company met the translated name: %+v", m)
	}
}

// TestPlacePartsStayApart checks that a place named with words the other
// lacks (a city and its province, a country and the one named for its
// south) is left for review however much context they share, and that a
// place and an organization of one word are too.
func TestPlacePartsStayApart(t *testing.T) {
	nb := map[string]bool{"person:a": true, "person:b": true, "organization:c": true}
	for _, p := range [][2]string{{"Tarvel", "Tarvel Department"}, {"Sudan", "South Sudan"}} {
		node := &kg.Entity{ID: "location:x", Type: kg.Location, Name: p[1]}
		m := Mention{ID: "location:y", Type: kg.Location, Names: []string{p[0]}, Neighbors: nb}
		if ds := Decide(m, []Candidate{{Entity: node, Neighbors: nb}}); len(ds) > 0 && ds[0].Action == Join {
			t.Errorf("%s joined %s: %+v", p[0], p[1], ds[0])
		}
	}
	node := &kg.Entity{ID: "organization:tarvel", Type: kg.Organization, Name: "Tarvel"}
	m := Mention{ID: "location:tarvel", Type: kg.Location, Names: []string{"Tarvel"}, Neighbors: nb}
	if ds := Decide(m, []Candidate{{Entity: node, Neighbors: nb}}); len(ds) != 1 || ds[0].Action != Propose {
		t.Errorf("a one-word place and organization: %+v, want one proposal", ds)
	}
}

// TestHeldNodeIsNoRival checks that a node another entity of the article
// is does not stand as a rival: "Ms. Tarvel" beside "Minister Tarvel",
// who is the minister's node, is the other Tarvel.
func TestHeldNodeIsNoRival(t *testing.T) {
	minister := Candidate{Entity: &kg.Entity{ID: "person:anselmo-tarvel", Type: kg.Person, Name: "Anselmo Tarvel"}}
	lawyer := Candidate{Entity: &kg.Entity{ID: "person:ines-tarvel", Type: kg.Person, Name: "Inés Tarvel"}}
	cs := held([]Candidate{minister, lawyer}, map[string]bool{"person:anselmo-tarvel": true})
	if len(cs) != 1 || cs[0].Entity.ID != "person:ines-tarvel" {
		t.Errorf("held left %v", cs)
	}
}

// TestCompanyTypedPerson checks that a company's name without its head
// word, typed a person, meets the company in part (context confirms), and
// that a person of two words does not meet the body named for him.
func TestCompanyTypedPerson(t *testing.T) {
	p, o := Parse(kg.Person, "Tarvel Bay Canning"), Parse(kg.Organization, "Tarvel Bay Canning Corporation")
	if m := CompareNames(p, o); m.Veto || !m.Partial || m.Score < Low {
		t.Errorf("a company typed a person: %+v, want a partial match", m)
	}
	if !overlapKeys(Keys(kg.Person, []string{"Tarvel Bay Canning"}), Keys(kg.Organization, []string{"Tarvel Bay Canning Corporation"})) {
		t.Error("a company typed a person shares no key with it")
	}
	if m := CompareNames(Parse(kg.Person, "Anselmo Tarvel"), Parse(kg.Organization, "Anselmo Tarvel Foundation")); !m.Veto {
		t.Errorf("a person met the foundation named for him: %+v", m)
	}
}

// TestLegalForms checks that a company's legal form, in the forms of
// several countries, is not part of its name.
func TestLegalForms(t *testing.T) {
	for _, p := range [][2]string{
		{"Tarvel Mining Pty Ltd", "Tarvel Mining"},
		{"Tarvel Shipping Sdn Bhd", "Tarvel Shipping"},
		{"Tarvel Metals JSC", "Tarvel Metals"},
		{"Gruppo Tarvel", "Tarvel Group"},
	} {
		if m := CompareNames(Parse(kg.Organization, p[0]), Parse(kg.Organization, p[1])); m.Veto || m.Score < High {
			t.Errorf("%s / %s: %+v, want a join", p[0], p[1], m)
		}
	}
}

// TestCountryUnit checks that a company's unit named for a country does
// not meet the company by name alone, while a leading national qualifier
// is dropped.
func TestCountryUnit(t *testing.T) {
	if m := CompareNames(Parse(kg.Organization, "Tarvel Seafood"), Parse(kg.Organization, "Tarvel Seafood Chile")); m.Veto || m.Score+contextMax >= High {
		t.Errorf("a company and its country unit: %+v, want a part that context cannot lift to a join", m)
	}
	if m := CompareNames(Parse(kg.Organization, "Salmon Farmers' Association"), Parse(kg.Organization, "Chilean Salmon Farmers' Association")); m.Veto || m.Score+contextMax < High {
		t.Errorf("a national qualifier dropped: %+v, want a short form", m)
	}
}

// TestNordicLetters checks that letters folding keeps (ø, æ) meet the
// ways English copy writes them.
func TestNordicLetters(t *testing.T) {
	for _, p := range [][2]string{{"Håkon Strømsnes", "Haakon Stroemsnes"}, {"Håkon Strømsnes", "Hakon Stromsnes"}, {"Sæther Fisk", "Saether Fisk"}} {
		ty := kg.Person
		if strings.HasSuffix(p[0], "Fisk") {
			ty = kg.Organization
		}
		if m := CompareNames(Parse(ty, p[0]), Parse(ty, p[1])); m.Veto || m.Score < High {
			t.Errorf("%s / %s: %+v", p[0], p[1], m)
		}
	}
}

// TestTypeDiffersLegalForm checks that a company's name typed a person
// meets the company with its legal form, and shares a key with it.
func TestTypeDiffersLegalForm(t *testing.T) {
	p, o := Parse(kg.Person, "Salmones Tarvel"), Parse(kg.Organization, "Salmones Tarvel S.A.")
	if m := CompareNames(p, o); m.Veto || m.Score < High {
		t.Errorf("Salmones Tarvel typed a person / Salmones Tarvel S.A.: %+v", m)
	}
	if !overlapKeys(Keys(kg.Person, []string{"Salmones Tarvel"}), Keys(kg.Organization, []string{"Salmones Tarvel S.A."})) {
		t.Error("they share no key")
	}
}

// TestOwnNameBeforeAlias checks that, at one score, the node the
// entity's own name meets is chosen before one that only another name
// the article set beside it meets.
func TestOwnNameBeforeAlias(t *testing.T) {
	unit := Candidate{Entity: &kg.Entity{ID: "organization:tarvel-foods-peru", Type: kg.Organization, Name: "Tarvel Foods Peru"}}
	parent := Candidate{Entity: &kg.Entity{ID: "organization:tarvel-foods", Type: kg.Organization, Name: "Tarvel Foods S.A."}}
	m := Mention{ID: "person:tarvel-foods-peru", Type: kg.Person, Names: []string{"Tarvel Foods Peru", "Tarvel Foods"}}
	ds := Decide(m, []Candidate{parent, unit})
	if len(ds) == 0 || ds[0].NodeID != unit.Entity.ID {
		t.Errorf("got %+v, want the unit first", ds)
	}
}

// TestOneEdit checks oneEdit against the Levenshtein distance computed in
// full, over every pair of a set of words near one another.
func TestOneEdit(t *testing.T) {
	words := []string{"", "a", "ab", "ba", "abc", "acb", "abd", "abcd", "xabc", "abxc", "abcx", "bcd", "maliki",
		"malikki", "maliky", "malik", "amaliki", "soleimani", "suleimani", "sulaimani", "solemani"}
	lev := func(a, b string) int {
		d := make([][]int, len(a)+1)
		for i := range d {
			d[i] = make([]int, len(b)+1)
			d[i][0] = i
		}
		for j := range d[0] {
			d[0][j] = j
		}
		for i := 1; i <= len(a); i++ {
			for j := 1; j <= len(b); j++ {
				c := 1
				if a[i-1] == b[j-1] {
					c = 0
				}
				d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+c)
			}
		}
		return d[len(a)][len(b)]
	}
	for _, a := range words {
		for _, b := range words {
			if got, want := oneEdit(a, b), lev(a, b) <= 1; got != want {
				t.Errorf("oneEdit(%q, %q) = %v, want %v", a, b, got, want)
			}
		}
	}
}

// A hard c and a k, tch and ch, co-operative and cooperative are one
// spelling; an acronym's letters are the initials as written.
func TestHardCAndInitials(t *testing.T) {
	for _, c := range []struct {
		t    kg.EntityType
		a, b string
	}{
		{kg.Organization, "Vandriessen Koffie", "Vandriessen Coffee"},
		{kg.Organization, "Merolan Growers Co-operative Union", "Merolan Growers Cooperative Union"},
		{kg.Person, "Karlos Ximbarro", "Carlos Ximbarro"},
		{kg.Person, "Ivan Tchelpanov", "Ivan Chelpanov"},
	} {
		if m := CompareNames(Parse(c.t, c.a), Parse(c.t, c.b)); m.Veto || m.Score < High {
			t.Errorf("%q vs %q: %+v", c.a, c.b, m)
		}
		if !overlapKeys(Keys(c.t, []string{c.a}), Keys(c.t, []string{c.b})) {
			t.Errorf("%q and %q share no blocking key", c.a, c.b)
		}
	}
	if m := CompareNames(Parse(kg.Organization, "PKC"), Parse(kg.Organization, "Philippine Kelp Company")); m.Score == 0 {
		t.Errorf("PKC vs Philippine Kelp Company: %+v", m)
	}
	// A soft c stays: "Cecil" is not "Kekil".
	if translit("cecil") == translit("kekil") {
		t.Error("soft c folded to k")
	}
}

// A hyphenated compound surname is one surname: a title before it is no
// given name to veto on, and outlets write it with a hyphen, a space or
// run together.
func TestCompoundSurname(t *testing.T) {
	full := "Kwesi Odartey-Mensimah"
	for _, v := range []string{"Mr. Odartey-Mensimah", "Odartey-Mensimah", "Mr. Mensimah", "Kwesi Odartey Mensimah", "Kwesi Odarteymensimah"} {
		m := CompareNames(Parse(kg.Person, v), Parse(kg.Person, full))
		if m.Veto || m.Score < 0.75 {
			t.Errorf("%q vs %q: %+v", v, full, m)
		}
		if !overlapKeys(Keys(kg.Person, []string{v}), Keys(kg.Person, []string{full})) {
			t.Errorf("%q and %q share no blocking key", v, full)
		}
	}
	if m := CompareNames(Parse(kg.Person, "Mr. Odartey-Mensimah"), Parse(kg.Person, "Kwesi Odartey Mensimah")); m.Veto || m.Score == 0 {
		t.Errorf("compound against the spaced name: %+v", m)
	}
	// Still another given name is another person, and a particle is no
	// compound.
	if m := CompareNames(Parse(kg.Person, "Ama Odartey-Mensimah"), Parse(kg.Person, full)); !m.Veto {
		t.Errorf("another given name: %+v", m)
	}
	if n := Parse(kg.Person, "Nadir al-Khazraqi"); n.alt != nil {
		t.Errorf("particle read as a compound: %+v", n)
	}
}

// A family name written first and the first name alone meet the full
// name, as a part context has to confirm, through keys a one-word name
// looks up; full names do not look each other up by a given name.
func TestFamilyNameFirst(t *testing.T) {
	for _, c := range [][2]string{
		{"Weiqiang Lanfeng", "Lanfeng Weiqiang"},
		{"Chairman Lanfeng", "Lanfeng Weiqiang"},
		{"Mr. Berhanemeskel", "Berhanemeskel Gidey Woldu"},
		{"Lanfeng Weiqiang", "Chairman Lanfeng"},
	} {
		m := CompareNames(Parse(kg.Person, c[0]), Parse(kg.Person, c[1]))
		if m.Veto || m.Score < 0.75 || !m.Partial {
			t.Errorf("%q vs %q: %+v", c[0], c[1], m)
		}
		if !overlapKeys(LookupKeys(kg.Person, []string{c[0]}), Keys(kg.Person, []string{c[1]})) {
			t.Errorf("%q does not look %q up", c[0], c[1])
		}
	}
	if overlapKeys(LookupKeys(kg.Person, []string{"Lanfeng Weiqiang"}), Keys(kg.Person, []string{"Lanfeng Dorzhiev"})) {
		t.Error("full names sharing a given name look each other up")
	}
	// Two full names of three words are not read backwards.
	if m := CompareNames(Parse(kg.Person, "Gidey Woldu Berhane"), Parse(kg.Person, "Berhane Woldu Gidey")); m.Score > 0 {
		t.Errorf("three words reversed: %+v", m)
	}
}

// A short form an article sets beside an organization's canonical name
// says no more than that name: where the canonical names conflict
// ("Tam Ky Rubber Company", "Tam Ky Garment Company"), the short form
// both were also called does not join them.
func TestShortFormAliasNoOverride(t *testing.T) {
	m := Mention{ID: "organization:tam-ky-rubber-company", Type: kg.Organization, Names: []string{"Tam Ky Rubber Company", "Tam Ky"}}
	e := &kg.Entity{ID: "organization:tam-ky-garment-company", Type: kg.Organization, Name: "Tam Ky Garment Company", Aliases: []string{"Tam Ky"}}
	if _, ev, ok := nameMatch(&m, e, nil); ok {
		t.Errorf("joined on a short form: %+v", ev)
	}
	// Another name that is no part of the canonical one still overrules.
	m = Mention{ID: m.ID, Type: kg.Organization, Names: []string{"Tam Ky Rubber Company", "Cao Su Tam Ky"}}
	e.Aliases = []string{"Cao Su Tam Ky"}
	if _, _, ok := nameMatch(&m, e, nil); !ok {
		t.Error("an alternative name no longer matches")
	}
}

// A name of two words given first and last matches the same name with
// middle names, written family name first ("Vinh Tran", "Tran Quoc Vinh").
func TestReversedWithMiddleNames(t *testing.T) {
	m := CompareNames(Parse(kg.Person, "Khanh Doan"), Parse(kg.Person, "Doan Minh Khanh"))
	if m.Veto || m.Score < 0.8 || !m.Partial {
		t.Errorf("Khanh Doan vs Doan Minh Khanh: %+v", m)
	}
	if !overlapKeys(LookupKeys(kg.Person, []string{"Khanh Doan"}), Keys(kg.Person, []string{"Doan Minh Khanh"})) {
		t.Error("no shared key")
	}
}

// A name and its head word without the words between are a part of the
// name context confirms; "Joint Stock Company" is a legal form.
func TestHeadWithoutMiddle(t *testing.T) {
	m := CompareNames(Parse(kg.Organization, "Taesong Group"), Parse(kg.Organization, "Taesong Textile Group"))
	if m.Veto || m.Score < 0.8 || !m.Partial {
		t.Errorf("Taesong Group vs Taesong Textile Group: %+v", m)
	}
	m = CompareNames(Parse(kg.Organization, "Tam Ky Garment Joint Stock Company"), Parse(kg.Organization, "Tam Ky Garment JSC"))
	if m.Score < 1 {
		t.Errorf("joint stock company vs JSC: %+v", m)
	}
}

// The first name is matched for an entity known by one word only: the
// surname alias of a man with a full name is no first name of another's.
func TestFirstNameOnlyForOneWord(t *testing.T) {
	m := Mention{ID: "person:tembai-sodako", Type: kg.Person, Names: []string{"Tembai Sodako"}}
	e := &kg.Entity{ID: "person:feykhai-tembai", Type: kg.Person, Name: "Feykhai Tembai", Aliases: []string{"Tembai"}}
	if _, ev, ok := nameMatch(&m, e, nil); ok {
		t.Errorf("the surname alias met a first name: %+v", ev)
	}
	for _, k := range LookupKeys(kg.Person, []string{"Feykhai Tembai", "Mr. Tembai"}) {
		if strings.HasPrefix(k, "po:g:") {
			t.Errorf("a full-named entity looks up first names: %s", k)
		}
	}
	// Known by one word, it still meets a full name's first.
	one := &kg.Entity{ID: "person:tembai", Type: kg.Person, Name: "Tembai", Aliases: []string{"Chairman Tembai"}}
	if _, _, ok := nameMatch(&m, one, nil); !ok {
		t.Error("a one-word node no longer meets a full name's first word")
	}
}

// TestTurkishAndGermanForms checks a Turkish legal form and business word
// and a German one, and the given name a Turkish ş gives two spellings.
func TestTurkishAndGermanForms(t *testing.T) {
	for _, p := range [][2]string{
		{"Tarvel Madencilik A.Ş.", "Tarvel Mining"},
		{"Tarvel Handels GmbH", "Tarvel Trading"},
	} {
		if m := CompareNames(Parse(kg.Organization, p[0]), Parse(kg.Organization, p[1])); m.Veto || m.Score < High {
			t.Errorf("%s / %s: %+v, want a join", p[0], p[1], m)
		}
	}
	for _, p := range [][2]string{{"Şükrü Tarvaloğlu", "Shukru Tarvaloglu"}, {"Sukru Tarvaloglu", "Shukru Tarvaloglu"}} {
		if m := CompareNames(Parse(kg.Person, p[0]), Parse(kg.Person, p[1])); m.Veto || m.Score < High {
			t.Errorf("%s / %s: %+v, want a join", p[0], p[1], m)
		}
	}
	if m := CompareNames(Parse(kg.Person, "Nesrin Tarvaloglu"), Parse(kg.Person, "Shukru Tarvaloglu")); !m.Veto {
		t.Errorf("another given name met: %+v", m)
	}
}

// TestFirstField checks that a body named by the first of the fields
// its name joins with "and" is a short form of it, and by a later one
// only a part.
func TestFirstField(t *testing.T) {
	long := Parse(kg.Organization, "Ministry of Tarvel and Natural Resources")
	if m := CompareNames(Parse(kg.Organization, "Tarvel Ministry"), long); m.Veto || m.Score+contextMax < High {
		t.Errorf("Tarvel Ministry: %+v, want a short form context can confirm", m)
	}
	if m := CompareNames(Parse(kg.Organization, "Natural Resources Ministry"), long); m.Score+contextMax >= High {
		t.Errorf("Natural Resources Ministry: %+v, want a part context cannot lift to a join", m)
	}
}

// TestVietnameseLe checks that the family name Lê, written first, is kept
// as a name, so that the name written given name first meets it.
func TestVietnameseLe(t *testing.T) {
	a, b := Parse(kg.Person, "Lê Thị Thu Tarvan"), Parse(kg.Person, "Tarvan Le")
	if m := CompareNames(a, b); m.Veto || m.Score < Low {
		t.Errorf("Lê Thị Thu Tarvan / Tarvan Le: %+v (cores %q, %q)", m, a.Core, b.Core)
	}
	if !overlapKeys(Keys(kg.Person, []string{"Lê Thị Thu Tarvan"}), Keys(kg.Person, []string{"Tarvan Le"})) {
		t.Error("they share no key")
	}
	if c := core(kg.Person, "Marine Le Tarvan"); c != "marini tarvan" {
		t.Errorf("Marine Le Tarvan: core %q", c)
	}
}

// TestHeadWordAlone checks that an organization named by its head word
// alone ("the Forum") meets no other, neither the same head word of
// another article nor a longer name.
func TestHeadWordAlone(t *testing.T) {
	for _, p := range [][2]string{{"Forum", "the Forum"}, {"Forum", "Tarvel Forum"}, {"Board", "Tarvel Board"}} {
		if m := CompareNames(Parse(kg.Organization, p[0]), Parse(kg.Organization, p[1])); m.Score >= Low {
			t.Errorf("%s / %s: %+v, want no match", p[0], p[1], m)
		}
	}
	if m := CompareNames(Parse(kg.Organization, "Tarvel"), Parse(kg.Organization, "Tarvel")); m.Score < High {
		t.Errorf("one distinctive word: %+v, want a join", m)
	}
}

// TestInitialsAsWritten checks that a name given in another language
// spells its acronym from its words as written, not as translated.
func TestInitialsAsWritten(t *testing.T) {
	if m := CompareNames(Parse(kg.Organization, "STV"), Parse(kg.Organization, "Société Tarvel de Vakra")); m.Veto || m.Why != "acronym STV" {
		t.Errorf("STV / Société Tarvel de Vakra: %+v", m)
	}
	if !overlapKeys(Keys(kg.Organization, []string{"STV"}), Keys(kg.Organization, []string{"Société Tarvel de Vakra"})) {
		t.Error("STV shares no key with Société Tarvel de Vakra")
	}
}

// TestSoleSurnameKin checks that a surname alone does not take the one
// node of that surname when the article names another person of it: the
// node may be either.
func TestSoleSurnameKin(t *testing.T) {
	nb := map[string]bool{"organization:port-union": true, "location:batumi": true}
	node := Candidate{Entity: &kg.Entity{ID: "person:vakhtang-lomsadze", Type: kg.Person, Name: "Vakhtang Lomsadze"}, Neighbors: nb}
	m := Mention{ID: "person:ms-lomsadze", Type: kg.Person, Names: []string{"Ms. Lomsadze"},
		Neighbors: map[string]bool{"organization:port-union": true, "location:batumi": true, "person:lomsadze": true}}
	if ds := Decide(m, []Candidate{node}); len(ds) == 1 && ds[0].Action == Join {
		t.Errorf("a surname beside another of it: %+v, want no join", ds)
	}
	// A relative the article names in full is not the one left.
	delete(m.Neighbors, "person:lomsadze")
	m.Neighbors["person:nino-lomsadze"] = true
	if ds := Decide(m, []Candidate{node}); len(ds) != 1 || ds[0].Action != Join {
		t.Errorf("a surname beside a relative named in full: %+v, want a join", ds)
	}
}

// TestWithoutCompany checks that a company's name of two words or more
// without the "Company" that ends it is the company by name alone, and
// that a union's name without its head word is not.
func TestWithoutCompany(t *testing.T) {
	if m := CompareNames(Parse(kg.Organization, "Tarvel Bay Mining"), Parse(kg.Organization, "Tarvel Bay Mining Company")); m.Veto || m.Partial || m.Score < High {
		t.Errorf("Tarvel Bay Mining / Tarvel Bay Mining Company: %+v, want a join", m)
	}
	for _, p := range [][2]string{{"Tarvel Bay Mining", "Tarvel Bay Mining Union"}, {"Tarvel", "Tarvel Company"}} {
		if m := CompareNames(Parse(kg.Organization, p[0]), Parse(kg.Organization, p[1])); m.Score >= High {
			t.Errorf("%s / %s: %+v, want no join by name alone", p[0], p[1], m)
		}
	}
}

// TestKinTie checks that two of one surname who both join the only node
// they have, neither with a title it has, both become proposals, and that
// a title settles it.
func TestKinTie(t *testing.T) {
	sur := func() Decision {
		return Decision{Action: Join, NodeID: "person:vakhtang-lomsadze", Score: High, Evidence: Evidence{Partial: true, Why: "surname lomsadze"}}
	}
	per := [][]Decision{{sur()}, {sur()}}
	apart(per, make([]*kg.Entity, 2))
	if per[0][0].Action == Join || per[1][0].Action == Join {
		t.Errorf("kin: %+v, want both proposed", per)
	}
	per = [][]Decision{{sur()}, {sur()}}
	per[1][0].Evidence.Title = "minister"
	apart(per, make([]*kg.Entity, 2))
	if per[0][0].Action == Join || per[1][0].Action != Join {
		t.Errorf("a title: %+v, want the titled one joined", per)
	}
}

package gen

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"github.com/newsgraph/newsgraph/kg"
)

// country is a real state from the extractor's gazetteer, so that its name
// and demonym are recognized; everything placed in it is invented.
type country struct {
	Name, Adj string
	cities    []string
	ministry  map[string]*org // by portfolio ("Interior")
	army      *org
}

// countryTable lists the states the stories happen in, with the demonym the
// gazetteer knows.
var countryTable = [][2]string{
	{"Iraq", "Iraqi"}, {"Syria", "Syrian"}, {"Lebanon", "Lebanese"}, {"Yemen", "Yemeni"},
	{"Libya", "Libyan"}, {"Mali", "Malian"}, {"Niger", "Nigerien"}, {"Chad", "Chadian"},
	{"Colombia", "Colombian"}, {"Venezuela", "Venezuelan"}, {"Ukraine", "Ukrainian"},
	{"Serbia", "Serbian"}, {"Egypt", "Egyptian"}, {"Algeria", "Algerian"}, {"Peru", "Peruvian"},
	{"Moldova", "Moldovan"}, {"Sudan", "Sudanese"}, {"Somalia", "Somali"},
}

// backers are states that arm militias abroad ("Iranian-backed").
var backers = [][2]string{
	{"Iran", "Iranian"}, {"Turkey", "Turkish"}, {"Russia", "Russian"}, {"Qatar", "Qatari"},
	{"United States", "American"}, {"Egypt", "Egyptian"},
}

// orgKind says what an invented organization is, which decides the roles
// its people hold and the sentences it appears in.
type orgKind int

const (
	kMinistry orgKind = iota
	kArmy
	kDivision
	kMilitia
	kParty
	kInstitute
)

// org is an invented organization.
type org struct {
	Name    string
	kind    orgKind
	country *country
	backer  int // index into backers for militias, -1 when none
}

// person is an invented person with one affiliation.
type person struct {
	Name    string
	surname string // the form after "Mr." / "Ms."
	female  bool
	rank    string // "Gen.", "Dr.", "Sheikh" … or ""
	country *country
	org     *org
	title   string // role at org: "interior minister", "commander", "senior fellow" …
}

// world is the shared cast every article draws from.
type world struct {
	countries []*country
	orgs      []*org
	people    []*person
	byKind    map[orgKind][]*org
}

// Name parts. All invented combinations; shapes follow the brief: Arabic
// al-/Abu, Spanish de la, Slavic, West African Ag, English with Jr./II.
var (
	arabGivenM   = []string{"Khalid", "Hamid", "Yasin", "Mustafa", "Tariq", "Faisal", "Samir", "Adel", "Karim", "Walid", "Nabil", "Jalal", "Bassim", "Rafiq", "Munir", "Zaid", "Anwar", "Harith"}
	arabGivenF   = []string{"Layla", "Huda", "Rania", "Salma", "Zainab", "Amal", "Nadia", "Dalia"}
	arabFamily   = []string{"Harrani", "Qasimi", "Dulaimi", "Rawi", "Fartousi", "Shammari", "Obeidi", "Naqib", "Jaziri", "Tamimi", "Kabisi", "Saadi", "Hakimi", "Wazzan", "Karkhi", "Zubaydi", "Mashhadani", "Ansari", "Bazzaz", "Rikabi", "Khafaji", "Janabi", "Lami", "Suwaidi"}
	abuNames     = []string{"Rasheed", "Hatem", "Bakr", "Mahdi", "Omar", "Yusuf", "Ali", "Hassan", "Jaber", "Taha"}
	spanGivenM   = []string{"Javier", "Alejandro", "Esteban", "Rodrigo", "Andrés", "Mateo", "Joaquín", "Ignacio", "Gonzalo", "Emilio"}
	spanGivenF   = []string{"Mariana", "Lucía", "Camila", "Valentina", "Paula", "Ximena", "Inés", "Renata"}
	spanFamily   = []string{"Fuente", "Vega", "Cruz", "Torre", "Serna", "Rosa", "Peña", "Garza", "Loma", "Barca"}
	spanSecond   = []string{"Restrepo", "Ortiz", "Ibáñez", "Montoya", "Salcedo", "Quintero", "Arango", "Villegas", "Cárdenas", "Echeverri"}
	slavGivenM   = []string{"Dmitri", "Zoran", "Bogdan", "Yevgeny", "Taras", "Goran", "Milos", "Pavlo", "Stepan", "Dragan", "Oleksiy", "Vadim"}
	slavGivenF   = []string{"Oksana", "Milena", "Vesna", "Iryna", "Svetlana", "Jelena", "Halyna", "Darina"}
	slavFamily   = []string{"Petrenko", "Kovalchuk", "Jankovic", "Marinkovic", "Lysenko", "Bondarenko", "Dragovic", "Zelenko", "Popovic", "Stanic", "Horvatin", "Tkachuk", "Savchuk", "Radulovic", "Melnyk", "Vukasin", "Hrytsenko", "Babic"}
	slavPatronym = []string{"Ivanovich", "Petrovich", "Sergeyevich", "Olegovich", "Borisovich"}
	wafGivenM    = []string{"Amadou", "Moussa", "Aliou", "Issa", "Oumar", "Alhassane", "Baba", "Sidi", "Intalla", "Hamada"}
	wafGivenF    = []string{"Fatouma", "Aissata", "Mariam", "Kadidia", "Tinhinan"}
	wafFamily    = []string{"Alkassoum", "Bakrene", "Intahmadou", "Mohamedine", "Elmehdi", "Acherif", "Ghali", "Attaher", "Alhabib", "Rhissa", "Ousmane", "Elkhorchi"}
	engGivenM    = []string{"Robert", "Thomas", "Daniel", "William", "James", "Michael", "Edward", "Charles", "Henry", "Walter"}
	engGivenF    = []string{"Margaret", "Catherine", "Sarah", "Elizabeth", "Eleanor", "Abigail", "Harriet", "Caroline"}
	engFamily    = []string{"Whitford", "Callahan", "Pemberton", "Ashby", "Hollister", "Carrington", "Delaney", "Fairbanks", "Merriweather", "Thornton", "Langley", "Ravenscroft", "Beckwith", "Holloway", "Prescott", "Winslow"}
	engSuffix    = []string{"Jr.", "II", "III"}
	initials     = "ABCDEFGHJKLMNPRSTW"
)

// Organization name parts.
var (
	militiaWords = []string{"Valley Lions", "Desert Hawks", "Northern Dawn", "Crescent Shield", "Iron Oath", "River Guardians", "Black Banner", "Red Ridge", "Stone Wolves", "Southern Wind", "Green Line", "Cedar Sons", "Highland Eagles", "Salt Road", "Dawn Riders", "Twin Rivers"}
	militiaHeads = []string{"Brigades", "Militia", "Defense Forces"}
	partyAdj     = []string{"National", "Democratic", "Progressive", "Popular", "Free", "United", "Civic", "Federal", "Patriotic", "Social"}
	partyNoun    = []string{"Renewal", "Unity", "Dignity", "Reform", "Future", "Justice", "Labor", "Liberty", "Harvest", "Horizon", "Homeland", "Accord"}
	instWords    = []string{"Meridian", "Kestrel", "Halvorsen", "Larchmont", "Ashgrove", "Caldera", "Tidewater", "Northgate", "Bramwell", "Lindqvist", "Ostrander", "Whitcombe", "Fenwick", "Marlowe"}
	instHeads    = []string{"Institute", "Policy Institute", "Security Observatory", "Strategic Institute"}
	divAdj       = []string{"Armored", "Mountain", "Border", "Desert", "Infantry", "Rapid Reaction", "Airborne", "Coastal"}
	divHeads     = []string{"Division", "Brigade", "Battalion"}
	portfolios   = []string{"Interior", "Defense", "Foreign", "Justice", "Oil"}
	citySyll1    = []string{"Khar", "Dal", "Sir", "Omb", "Tar", "Bel", "Qas", "Zan", "Mer", "Vol", "Ras", "Ham", "Sol", "Kor", "Nav", "Tes"}
	citySyll2    = []string{"zan", "mouk", "rat", "esso", "vik", "gora", "dun", "abad", "iya", "ora", "sk", "ani", "ela", "ovo", "akh", "erin"}
)

// ordinal writes 1st, 2nd, 3rd, 4th …
func ordinal(n int) string {
	suf := "th"
	if n%100 < 11 || n%100 > 13 {
		switch n % 10 {
		case 1:
			suf = "st"
		case 2:
			suf = "nd"
		case 3:
			suf = "rd"
		}
	}
	return fmt.Sprintf("%d%s", n, suf)
}

func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

// newWorld builds the cast for n articles: enough people that a few
// thousand articles give thousands of entities, few enough that articles
// share people and the graph connects.
func newWorld(r *rand.Rand, n int) *world {
	w := &world{byKind: map[orgKind][]*org{}}
	used := map[string]bool{} // slugs of every name, so no two things share an id
	unique := func(name string) bool {
		s := kg.Slug(name)
		if used[s] {
			return false
		}
		used[s] = true
		return true
	}
	addOrg := func(o *org) *org {
		w.orgs = append(w.orgs, o)
		w.byKind[o.kind] = append(w.byKind[o.kind], o)
		return o
	}
	for _, ct := range countryTable {
		c := &country{Name: ct[0], Adj: ct[1], ministry: map[string]*org{}}
		unique(c.Name)
		for len(c.cities) < 4 {
			name := pick(r, citySyll1) + pick(r, citySyll2)
			if unique(name) {
				c.cities = append(c.cities, name)
			}
		}
		for _, p := range portfolios {
			c.ministry[p] = addOrg(&org{Name: c.Adj + " " + p + " Ministry", kind: kMinistry, country: c, backer: -1})
			unique(c.ministry[p].Name)
		}
		c.army = addOrg(&org{Name: c.Adj + " Army", kind: kArmy, country: c, backer: -1})
		unique(c.army.Name)
		w.countries = append(w.countries, c)
	}
	scale := n / 20
	orgTarget := func(base int) int { return base + scale }
	for tries := 0; len(w.byKind[kMilitia]) < orgTarget(12) && tries < 10000; tries++ {
		name := pick(r, militiaWords) + " " + pick(r, militiaHeads)
		if unique(name) {
			b := -1
			if r.IntN(3) > 0 {
				b = r.IntN(len(backers))
			}
			addOrg(&org{Name: name, kind: kMilitia, country: pick(r, w.countries), backer: b})
		}
	}
	for tries := 0; len(w.byKind[kParty]) < orgTarget(10) && tries < 10000; tries++ {
		name := pick(r, partyAdj) + " " + pick(r, partyNoun) + " Party"
		if r.IntN(4) == 0 {
			name = pick(r, partyNoun) + " Movement"
		}
		if unique(name) {
			addOrg(&org{Name: name, kind: kParty, country: pick(r, w.countries), backer: -1})
		}
	}
	for tries := 0; len(w.byKind[kInstitute]) < orgTarget(6)/2+3 && tries < 10000; tries++ {
		name := pick(r, instWords) + " " + pick(r, instHeads)
		if unique(name) {
			addOrg(&org{Name: name, kind: kInstitute, country: pick(r, w.countries), backer: -1})
		}
	}
	for tries := 0; len(w.byKind[kDivision]) < orgTarget(10) && tries < 10000; tries++ {
		name := ordinal(1+r.IntN(40)) + " " + pick(r, divAdj) + " " + pick(r, divHeads)
		if unique(name) {
			addOrg(&org{Name: name, kind: kDivision, country: pick(r, w.countries), backer: -1})
		}
	}
	nPeople := 60 + n/2
	for tries := 0; len(w.people) < nPeople && tries < 100*nPeople; tries++ {
		p := newPerson(r)
		if !unique(p.Name) {
			continue
		}
		w.place(r, p)
		w.people = append(w.people, p)
	}
	return w
}

// newPerson invents a name of one of the five shapes.
func newPerson(r *rand.Rand) *person {
	p := &person{female: r.IntN(4) == 0}
	given := func(m, f []string) string {
		if p.female {
			return pick(r, f)
		}
		return pick(r, m)
	}
	switch r.IntN(5) {
	case 0: // Arabic: "Khalid al-Harrani", "Abu Mahdi al-Saadi", "Hamid Abu Rasheed"
		fam := pick(r, arabFamily)
		switch {
		case !p.female && r.IntN(4) == 0:
			p.Name = "Abu " + pick(r, abuNames) + " al-" + fam
			p.surname = fam
		case !p.female && r.IntN(5) == 0:
			fam = pick(r, abuNames)
			p.Name = given(arabGivenM, arabGivenF) + " Abu " + fam
			p.surname = "Abu " + fam
		default:
			p.Name = given(arabGivenM, arabGivenF) + " al-" + fam
			p.surname = fam
		}
		if !p.female && r.IntN(6) == 0 {
			p.rank = "Sheikh"
		}
	case 1: // Spanish: "Mariana de la Vega", "Rodrigo del Campo Ortiz"
		fam := pick(r, spanFamily)
		part := "de la "
		if r.IntN(3) == 0 {
			part = "del "
		}
		p.surname = part + fam
		if r.IntN(3) == 0 {
			p.surname += " " + pick(r, spanSecond)
		}
		p.Name = given(spanGivenM, spanGivenF) + " " + p.surname
	case 2: // Slavic: "Oksana Petrenko", "Yevgeny Ivanovich Lysenko"
		p.surname = pick(r, slavFamily)
		p.Name = given(slavGivenM, slavGivenF) + " " + p.surname
		if !p.female && r.IntN(4) == 0 {
			p.Name = given(slavGivenM, slavGivenF) + " " + pick(r, slavPatronym) + " " + p.surname
		}
	case 3: // West African: "Moussa Ag Alkassoum"
		p.surname = "Ag " + pick(r, wafFamily)
		p.Name = given(wafGivenM, wafGivenF) + " " + p.surname
	default: // English: "Robert T. Callahan Jr.", "Sarah Pemberton"
		p.surname = pick(r, engFamily)
		p.Name = given(engGivenM, engGivenF) + " "
		if r.IntN(2) == 0 {
			p.Name += string(initials[r.IntN(len(initials))]) + ". "
		}
		p.Name += p.surname
		if !p.female && r.IntN(3) == 0 {
			p.Name += " " + pick(r, engSuffix)
		}
	}
	return p
}

// place gives a person a country, an organization and a role there.
func (w *world) place(r *rand.Rand, p *person) {
	switch k := r.IntN(10); {
	case k < 2: // a minister or ministry official
		c := pick(r, w.countries)
		pf := pick(r, portfolios)
		p.country, p.org = c, c.ministry[pf]
		p.title = strings.ToLower(pf) + " minister"
		if r.IntN(3) > 0 {
			p.title = "deputy " + p.title
		}
	case k < 4: // an officer
		o := pick(r, w.byKind[kDivision])
		p.country, p.org, p.title = o.country, o, "commander"
		if !p.female {
			p.rank = pick(r, []string{"Gen.", "Col.", "Maj. Gen.", "Brig. Gen."})
		}
	case k < 6: // a militia figure
		o := pick(r, w.byKind[kMilitia])
		p.country, p.org = o.country, o
		p.title = pick(r, []string{"commander", "spokesman", "leader"})
		if p.female && p.title == "spokesman" {
			p.title = "spokeswoman"
		}
	case k < 8: // a politician
		o := pick(r, w.byKind[kParty])
		p.country, p.org = o.country, o
		p.title = pick(r, []string{"leader", "spokesman", "secretary general", "member"})
		if p.female && p.title == "spokesman" {
			p.title = "spokeswoman"
		}
	default: // an analyst
		o := pick(r, w.byKind[kInstitute])
		p.country, p.org = o.country, o
		p.title = pick(r, []string{"senior fellow", "researcher", "director"})
		if r.IntN(3) == 0 {
			p.rank = "Dr."
		}
	}
}

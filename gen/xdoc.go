package gen

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"strings"
)

// This file writes the cross-article resolution corpus: articles about one
// shared cast as different outlets write them (transliterations, particles,
// middle names, titles, acronyms, alternative names, surname-only
// mentions), with confounders (shared surnames, shared given names,
// organizations that share a distinctive word), and the true clustering.
// Names are built from syllables, so no list in the extractor knows them.

// XArticle is one article of the resolution corpus.
type XArticle struct {
	File     string // "x0001.txt"
	Text     string // the .txt file: section line, title line, paragraphs
	Entities []XEntity
}

// XEntity is an entity an article names, in the fullest form it uses, with
// the cluster (real-world identity) it belongs to.
type XEntity struct {
	Name    string `json:"name"`
	Type    string `json:"type"`
	Cluster string `json:"cluster"`
}

// XClusters is the clusters.json format shared with the hand-written sets
// in eval/xdoc.
type XClusters struct {
	Articles []XClusterArticle `json:"articles"`
}

// XClusterArticle is one article's entry in clusters.json.
type XClusterArticle struct {
	File     string    `json:"file"`
	Entities []XEntity `json:"entities"`
}

// ClustersJSON encodes the true clustering of arts as clusters.json.
func ClustersJSON(arts []XArticle) []byte {
	var c XClusters
	for _, a := range arts {
		c.Articles = append(c.Articles, XClusterArticle{File: a.File, Entities: a.Entities})
	}
	b, err := json.MarshalIndent(c, "", "  ")
	if err != nil {
		panic(err) // strings only
	}
	return b
}

// unit is one sound of a generated name with the spellings outlets use for
// it; the first is the canonical one.
type unit []string

var (
	onsets = []unit{{"b"}, {"d"}, {"f"}, {"g"}, {"h"}, {"j"}, {"l"}, {"m"}, {"n"}, {"r"}, {"s"}, {"t"}, {"v"}, {"z"},
		{"q", "k"}, {"q", "k"}, {"dh", "z"}, {"sh"}, {"kh"}}
	vowels = []unit{{"a"}, {"a"}, {"i", "ee", "e"}, {"u", "ou", "oo", "o"}, {"ei", "ey", "ai"}, {"a"}, {"o", "u"}}
	codas  = []unit{{""}, {""}, {""}, {"n"}, {"r"}, {"m"}, {"ss", "s"}, {"l"}, {"t"}}
)

// xword is a generated word: its units.
type xword []unit

// spell writes w in outlet style v (each unit picks a spelling by v).
func (w xword) spell(v int) string {
	var b strings.Builder
	for i, u := range w {
		s := u[0]
		if v >= 0 {
			s = u[(v+i)%len(u)]
		}
		b.WriteString(s)
	}
	out := b.String()
	return strings.ToUpper(out[:1]) + out[1:]
}

// clear reports a word that every outlet spells with six letters or more
// and a q, kh, dh, ei or ey: such words are neither English nor in the
// extractor's gazetteer, so no list of the extractor knows them.
func clear(w xword) bool {
	for v := -1; v < 6; v++ {
		s := strings.ToLower(w.spell(v))
		if len(s) < 6 {
			return false
		}
		ok := false
		for _, m := range []string{"q", "kh", "dh", "ei", "ey"} {
			ok = ok || strings.Contains(s, m)
		}
		if !ok {
			return false
		}
	}
	return true
}

func newXWord(r *rand.Rand, syll int) xword {
	var w xword
	for i := 0; i < syll; i++ {
		w = append(w, onsets[r.IntN(len(onsets))], vowels[r.IntN(len(vowels))])
		if i == syll-1 || r.IntN(3) == 0 {
			w = append(w, codas[r.IntN(len(codas))])
		}
	}
	// End on a vowel sound more often, as the surnames of the region do.
	if syll >= 2 && r.IntN(2) == 0 {
		w = append(w, unit{"i"})
	}
	return w
}

// xperson is a member of the cast.
type xperson struct {
	id             string
	given, surname xword
	middle         xword // nil when none
	particle       bool  // "al-" before the surname
	kunya          xword // "Abu X", an alternative name, or nil
	title          string
	org            *xorg
	role           string
}

// xorg is an organization of the cast.
type xorg struct {
	id        string
	lead      string // an English word before the distinctive one, or ""
	word      xword  // the distinctive word
	head      string // "Organization", "Brigades" …
	native    xword  // an alternative name "Jamaat al-X", or nil
	acronym   bool   // articles introduce and use its acronym
	community int
}

func (o *xorg) name(v int) string {
	parts := []string{}
	if o.lead != "" {
		parts = append(parts, o.lead)
	}
	parts = append(parts, o.word.spell(v))
	head := o.head
	if head == "Organization" && v%3 == 1 {
		head = "Organisation"
	}
	return strings.Join(append(parts, head), " ")
}

func (o *xorg) canonical() string { return o.name(-1) }

func (o *xorg) initials() string {
	var b strings.Builder
	for _, w := range strings.Fields(o.canonical()) {
		b.WriteByte(w[0])
	}
	return strings.ToUpper(b.String())
}

// compound reports a person named the Spanish way: a particle and two
// surnames ("Qeydan de la Dhuri Sheykhan"), the second drawn as a middle
// name; later mentions give both surnames and the particle ("Mr. de la
// Dhuri Sheykhan"), as do those of a relative of that family name.
func (p *xperson) compound() bool { return p.particle && p.middle != nil }

// familyName is a compound person's family name in spelling v: the
// particle and both surnames ("de la Dhuri Sheykhan").
func (p *xperson) familyName(v int) string {
	return "de la " + p.surname.spell(v) + " " + p.middle.spell(v)
}

func (p *xperson) full(v int, withMiddle bool) string {
	if p.compound() {
		return p.given.spell(v) + " " + p.familyName(v)
	}
	parts := []string{p.given.spell(v)}
	if p.middle != nil && withMiddle {
		parts = append(parts, p.middle.spell(v))
	}
	sur := p.surname.spell(v)
	if p.particle {
		switch v % 3 {
		case 0:
			sur = "al-" + sur
		case 1:
			sur = "al " + sur
		default:
			sur = "el-" + sur
		}
	}
	return strings.Join(append(parts, sur), " ")
}

var (
	orgLeads  = []string{"", "", "Popular", "National", "Islamic", "Free", "United"}
	orgHeadsX = []string{"Organization", "Brigades", "Movement", "Front", "Party", "Forces", "Council"}
	xRoles    = []string{"leader", "commander", "spokesman", "deputy leader", "political chief"}
	xTitles   = []string{"", "", "", "Gen.", "Sheikh", "Dr."}
	xSections = []string{"World", "Middle East", "International News"}
)

// xworld is the shared cast of the corpus.
type xworld struct {
	people []*xperson
	orgs   []*xorg
}

func newXWorld(r *rand.Rand, communities int) *xworld {
	w := &xworld{}
	words := map[string]bool{}
	fresh := func(syll int) xword {
		for {
			x := newXWord(r, syll)
			k := strings.ToLower(x.spell(-1))
			// A q, dh, kh or ei in every word keeps the inventions clear
			// of English words and of the extractor's gazetteer.
			if !words[k] && clear(x) {
				words[k] = true
				return x
			}
		}
	}
	for c := 0; c < communities; c++ {
		for k := 0; k < 2; k++ {
			o := &xorg{id: fmt.Sprintf("O%d", len(w.orgs)), lead: orgLeads[r.IntN(len(orgLeads))], word: fresh(2 + r.IntN(2)),
				head: orgHeadsX[r.IntN(len(orgHeadsX))], community: c}
			o.acronym = o.lead != "" && r.IntN(2) == 0
			if r.IntN(4) == 0 {
				o.native = fresh(2)
			}
			w.orgs = append(w.orgs, o)
		}
	}
	// Similar organization names: the same distinctive word with another
	// head, in another community.
	for i := 0; i < communities/3; i++ {
		src := w.orgs[r.IntN(len(w.orgs))]
		o := &xorg{id: fmt.Sprintf("O%d", len(w.orgs)), word: src.word, head: "Trading Company",
			community: (src.community + 1 + r.IntN(communities-1)) % communities}
		if r.IntN(2) == 0 {
			o.head = pick(r, []string{"Foundation", "Bank", "University"})
		}
		w.orgs = append(w.orgs, o)
	}
	for _, o := range w.orgs {
		for k := 0; k < 3; k++ {
			p := &xperson{id: fmt.Sprintf("P%d", len(w.people)), given: fresh(2), surname: fresh(2 + r.IntN(2)),
				particle: r.IntN(2) == 0, title: xTitles[r.IntN(len(xTitles))], org: o, role: xRoles[r.IntN(len(xRoles))]}
			if r.IntN(3) == 0 {
				p.middle = fresh(2)
			}
			if r.IntN(5) == 0 {
				p.kunya = fresh(2)
			}
			w.people = append(w.people, p)
		}
	}
	// Confounders: people who share a surname, people who share a given
	// name, each pair in different communities.
	n := len(w.people)
	for i := 0; i < n/6; i++ {
		a := w.people[r.IntN(n)]
		o := w.orgs[r.IntN(len(w.orgs))]
		p := &xperson{id: fmt.Sprintf("P%d", len(w.people)), given: fresh(2), surname: a.surname, particle: a.particle,
			title: xTitles[r.IntN(len(xTitles))], org: o, role: xRoles[r.IntN(len(xRoles))]}
		if i%2 == 1 {
			p.given, p.surname, p.particle = a.given, fresh(2+r.IntN(2)), r.IntN(2) == 0
		} else if a.compound() {
			p.middle = a.middle // the family name is both surnames
		}
		w.people = append(w.people, p)
	}
	return w
}

// XArticles writes n articles of the resolution corpus from seed, about a
// cast of communities groups (two organizations and their people each, plus
// confounders).
func XArticles(seed int64, n, communities int) []XArticle {
	r := newRand(seed)
	w := newXWorld(r, max(communities, 2))
	out := make([]XArticle, 0, n)
	for i := 0; i < n; i++ {
		out = append(out, w.xarticle(r, i))
	}
	return out
}

func newRand(seed int64) *rand.Rand {
	return rand.New(rand.NewPCG(uint64(seed), 0x78646f63)) // "xdoc"
}

// xstory is one article being written.
type xstory struct {
	r        *rand.Rand
	v        int // the outlet's spelling style
	named    map[string]bool
	ents     []XEntity
	sentence []string
}

func (s *xstory) add(name, typ, cluster string) {
	for _, e := range s.ents {
		if e.Cluster == cluster {
			return
		}
	}
	s.ents = append(s.ents, XEntity{Name: name, Type: typ, Cluster: cluster})
}

// org names o: the first time in full (with its acronym or alternative
// name when it has one), then short.
func (s *xstory) org(o *xorg) string {
	full := o.name(s.v)
	if s.named[o.id] {
		if o.acronym && s.v%2 == 0 {
			return o.initials()
		}
		return "the " + full
	}
	s.named[o.id] = true
	s.add(full, "Organization", o.id)
	switch {
	case o.acronym && s.v%4 == 3:
		// Some outlets use the acronym alone.
		s.ents[len(s.ents)-1].Name = o.initials()
		return o.initials()
	case o.acronym:
		return "the " + full + " (" + o.initials() + ")"
	case o.native != nil && s.v%2 == 1:
		return "the " + full + " (Jamaat al-" + o.native.spell(s.v) + ")"
	}
	return "the " + full
}

// person names p: the first time in full with a title, later by surname.
func (s *xstory) person(p *xperson) string {
	if s.named[p.id] {
		if p.compound() {
			return "Mr. " + p.familyName(s.v)
		}
		sur := p.surname.spell(s.v)
		if p.particle && s.v%2 == 0 {
			sur = "al-" + sur
		}
		if p.kunya != nil && s.v%3 == 2 {
			return "Abu " + p.kunya.spell(s.v)
		}
		return "Mr. " + sur
	}
	s.named[p.id] = true
	if s.v == 5 && p.title != "" && p.org.community%2 == 0 {
		// Some outlets name a well-known figure by title and surname only.
		sur := p.surname.spell(s.v)
		if p.compound() {
			sur = p.familyName(s.v)
		}
		s.add(sur, "Person", p.id)
		return p.title + " " + sur
	}
	full := p.full(s.v, s.v%2 == 0)
	s.add(full, "Person", p.id)
	name := full
	if p.title != "" && s.v%3 != 1 {
		name = p.title + " " + full
	}
	if p.kunya != nil && s.v%2 == 1 {
		name += ", also known as Abu " + p.kunya.spell(s.v)
	}
	return name
}

func (w *xworld) xarticle(r *rand.Rand, idx int) XArticle {
	s := &xstory{r: r, v: r.IntN(6), named: map[string]bool{}}
	// A story is about one community, sometimes touching another.
	c := r.IntN(len(w.orgs))
	focal := w.orgs[c]
	var cast []*xperson
	for _, p := range w.people {
		if p.org == focal && r.IntN(3) > 0 {
			cast = append(cast, p)
		}
	}
	for len(cast) < 2 {
		cast = append(cast, w.people[r.IntN(len(w.people))])
	}
	var other *xorg
	for _, o := range w.orgs {
		if o != focal && o.community == focal.community {
			other = o
		}
	}
	if other == nil || r.IntN(4) == 0 {
		other = w.orgs[r.IntN(len(w.orgs))]
	}
	city := newXWord(r, 2).spell(0)
	p0 := cast[0]
	sents := []string{
		fmt.Sprintf("%s, the %s of %s, said on Monday that talks with %s had stalled.", s.person(p0), p0.role, s.org(p0.org), s.org(other)),
	}
	for _, p := range cast[1:] {
		sents = append(sents, fmt.Sprintf("%s, a %s of %s, met officials in %s last week.", s.person(p), p.role, s.org(p.org), city))
	}
	more := []func() string{
		func() string {
			return fmt.Sprintf("%s accused %s of blocking the release of prisoners.", s.person(p0), s.org(other))
		},
		func() string {
			p := cast[r.IntN(len(cast))]
			return fmt.Sprintf("“We will not give up the checkpoints,” %s told reporters.", s.person(p))
		},
		func() string {
			return fmt.Sprintf("Fighters of %s clashed with %s near %s.", s.org(focal), s.org(other), city)
		},
		func() string {
			p := cast[len(cast)-1]
			return fmt.Sprintf("%s later met %s to discuss the ceasefire.", s.person(p), s.person(p0))
		},
	}
	for _, k := range r.Perm(len(more))[:2+r.IntN(3)] {
		sents = append(sents, more[k]())
	}
	var paras []string
	for i := 0; i < len(sents); i += 2 {
		paras = append(paras, strings.Join(sents[i:min(i+2, len(sents))], " "))
	}
	title := fmt.Sprintf("Talks in %s stall over prisoners", city)
	text := xSections[r.IntN(len(xSections))] + "\n\n" + title + "\n\n" + strings.Join(paras, "\n\n") + "\n"
	return XArticle{File: fmt.Sprintf("x%04d.txt", idx), Text: text, Entities: s.ents}
}

// XNames returns n distinct invented names of the resolution corpus's
// kinds (people with and without particles, organizations with a head
// word), for filling a store to measure resolution at scale.
func XNames(seed int64, n int) (people, orgs []string) {
	r := newRand(seed)
	seen := map[string]bool{}
	for len(people)+len(orgs) < n {
		w := newXWord(r, 2+r.IntN(2))
		if r.IntN(3) == 0 {
			name := w.spell(-1) + " " + orgHeadsX[r.IntN(len(orgHeadsX))]
			if !seen[name] {
				seen[name] = true
				orgs = append(orgs, name)
			}
			continue
		}
		name := newXWord(r, 2).spell(-1) + " " + w.spell(-1)
		if r.IntN(2) == 0 {
			name = newXWord(r, 2).spell(-1) + " al-" + w.spell(-1)
		}
		if !seen[name] {
			seen[name] = true
			people = append(people, name)
		}
	}
	return people, orgs
}

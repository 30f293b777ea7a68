// Package gen writes synthetic news articles for load tests and benchmarks:
// invented people, organizations and places (in real countries, so the
// extractor's gazetteer knows them) in news-wire sentences that exercise the
// ontology's relations. Articles draw their people from one shared cast, so
// a few thousand articles make one connected graph of thousands of
// entities. The output depends only on the seed and the count.
package gen

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"strings"
)

// Article is one generated article: a file name ending in .json and the
// file's bytes, {"title", "published", "body"}, as the loader reads them.
type Article struct {
	Name string
	Data []byte
	// People are the canonical names of the people the article mentions,
	// in order of first mention: what an extractor should find.
	People []string
	// Organizations are the canonical names of the organizations it
	// mentions, in order of first mention.
	Organizations []string
}

// jsonArticle is the file format; field order is the format's.
type jsonArticle struct {
	Title     string `json:"title"`
	Published string `json:"published"`
	Body      string `json:"body"`
}

// Articles returns n articles generated from seed. The same seed and n give
// the same articles, byte for byte; no two articles have the same text.
func Articles(seed int64, n int) []Article {
	if n <= 0 {
		return nil
	}
	r := rand.New(rand.NewPCG(uint64(seed), 0x6e657773677261)) // "newsgra"
	w := newWorld(r, n)
	out := make([]Article, 0, n)
	seen := map[string]bool{}
	for i := 0; len(out) < n; i++ {
		a := w.article(r, seed, len(out))
		// Articles are identified by their text; a repeat would be
		// one article, so draw again (rare: stories are long).
		if seen[string(a.Data)] {
			continue
		}
		seen[string(a.Data)] = true
		out = append(out, a)
	}
	return out
}

// story is the state of one article being written.
type story struct {
	r         *rand.Rand
	w         *world
	c         *country // where it happens
	mentioned map[*person]bool
	orgSeen   map[*org]bool
	people    []string
	orgs      []string
	year      int
}

// popular draws a person with a skew toward the head of the cast, so that
// some people recur in many articles and connect them.
func (s *story) popular() *person {
	u := s.r.Float64()
	return s.w.people[int(u*u*float64(len(s.w.people)))]
}

// cast draws k distinct people whose short forms differ, so that "Mr. X"
// names one of them.
func (s *story) cast(k int) []*person {
	var out []*person
	short := map[string]bool{}
	for tries := 0; len(out) < k && tries < 50*k; tries++ {
		p := s.popular()
		key := strings.ToLower(lastWord(p.surname))
		if short[key] {
			continue
		}
		short[key] = true
		out = append(out, p)
	}
	return out
}

func lastWord(s string) string {
	f := strings.Fields(s)
	return f[len(f)-1]
}

// ref names p: in full with rank and role the first time, then in short.
func (s *story) ref(p *person) string {
	if s.mentioned[p] {
		switch {
		case p.rank != "" && p.rank != "Sheikh":
			return p.rank + " " + p.surname
		case p.female:
			return "Ms. " + p.surname
		}
		return "Mr. " + p.surname
	}
	s.mentioned[p] = true
	s.people = append(s.people, p.Name)
	name := p.Name
	if p.rank != "" {
		name = p.rank + " " + name
	}
	return name + ", " + s.role(p) + ","
}

// bare names p without an apposition (for the end of a clause).
func (s *story) bare(p *person) string {
	if !s.mentioned[p] {
		s.mentioned[p] = true
		s.people = append(s.people, p.Name)
		if p.rank != "" {
			return p.rank + " " + p.Name
		}
		return p.Name
	}
	return strings.TrimSuffix(s.ref(p), ",")
}

// org names o and records it.
func (s *story) org(o *org) string {
	if !s.orgSeen[o] {
		s.orgSeen[o] = true
		s.orgs = append(s.orgs, o.Name)
	}
	return o.Name
}

// role is the apposition that introduces p: "the interior minister of Iraq".
func (s *story) role(p *person) string {
	o := p.org
	if o.kind == kMinistry {
		// A minister is named by country: the ministry stays unsaid.
		return "the " + p.title + " of " + o.country.Name
	}
	name := s.org(o)
	switch o.kind {
	case kDivision, kArmy:
		return "the " + p.title + " of the " + name
	case kMilitia:
		if o.backer >= 0 && s.r.IntN(2) == 0 {
			return "the " + p.title + " of the " + backers[o.backer][1] + "-backed " + name
		}
		return "the " + p.title + " of the " + name
	case kParty:
		switch p.title {
		case "member":
			return "a member of the " + name
		case "spokesman", "spokeswoman":
			return "a " + p.title + " for the " + name
		}
		return "the " + p.title + " of the " + name
	}
	if p.title == "director" {
		return "the director of the " + name
	}
	return "a " + p.title + " at the " + name
}

var (
	weekdays = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
	numbers  = []string{"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "eighteen", "twenty"}
	quotes   = []string{
		"We will not negotiate while our men are in prison",
		"The border is a line we have to hold together or lose together",
		"Nobody in this city wants another year of checkpoints",
		"They tried to break us and they made us stronger",
		"Our door is open to anyone who puts down his weapons",
		"The ministry has nothing to hide and will answer every question",
		"This agreement is fragile, and everyone at the table knows it",
		"Elections will not fix what the war broke in a single season",
		"We asked for help and we were given conditions",
		"The militias are now part of the state, whether we like it or not",
		"Security here depends on trust more than on weapons",
		"I spent those months in a cell without knowing the charge",
	}
	reasons = []string{
		"accused of smuggling weapons across the frontier",
		"on charges that were never made public",
		"accused of financing armed groups",
		"after a dispute over checkpoints on the main road",
		"on suspicion of planning attacks on convoys",
	}
	closers = []string{
		"according to two officials briefed on the matter",
		"officials said on condition of anonymity",
		"according to a statement released later that day",
		"residents and local officials said",
		"according to people familiar with the talks",
	}
)

// sentence builders; each returns one sentence and may mention people.
type builder func(s *story, cast []*person) string

// lead sentences open an article with its main fact.
var leads = []builder{
	func(s *story, c []*person) string { // DETAINED with place and duration
		return fmt.Sprintf("%s was detained by %s in %s for %s months in %d, %s.",
			s.ref(c[0]), s.detainer(), s.city(), pick(s.r, numbers), s.year, pick(s.r, reasons))
	},
	func(s *story, c []*person) string { // MET_WITH
		return fmt.Sprintf("%s met with %s in %s on %s, %s.",
			s.ref(c[0]), s.bare(c[1]), s.city(), pick(s.r, weekdays), pick(s.r, closers))
	},
	func(s *story, c []*person) string { // SUPPORTS (Y-backed), ATTACKED
		m := s.militia()
		return fmt.Sprintf("The %s-backed %s attacked positions of the %s near %s on %s, killing %s soldiers, %s.",
			backers[s.r.IntN(len(backers))][1], s.org(m), s.org(s.division()), s.city(), pick(s.r, weekdays),
			pick(s.r, numbers), pick(s.r, closers))
	},
	func(s *story, c []*person) string { // HOLDS_ROLE via "Country's title, X,"
		p := c[0]
		if p.org.kind == kMinistry && !s.mentioned[p] {
			s.mentioned[p] = true
			s.people = append(s.people, p.Name)
			return fmt.Sprintf("%s's %s, %s, said on %s that the government would reopen the border crossings near %s within weeks.",
				p.country.Name, p.title, p.Name, pick(s.r, weekdays), s.city())
		}
		return fmt.Sprintf("%s said on %s that the talks in %s had stalled over the fate of prisoners held by both sides.",
			s.ref(p), pick(s.r, weekdays), s.city())
	},
}

// body sentences follow the lead in any order.
var body = []builder{
	func(s *story, c []*person) string { // COMMANDS
		for _, p := range c {
			if p.title == "commander" {
				return fmt.Sprintf("%s commands the %s, which has fought in the region since %d.",
					s.bare(p), s.org(p.org), s.year-1-s.r.IntN(6))
			}
		}
		return fmt.Sprintf("%s commands the %s, a unit that was rebuilt after heavy losses in %d.",
			s.bare(c[len(c)-1]), s.org(s.division()), s.year-1-s.r.IntN(6))
	},
	func(s *story, c []*person) string { // quote by a fellow: WORKS_FOR + quote
		p := c[s.r.IntN(len(c))]
		return fmt.Sprintf("“%s,” said %s.", pick(s.r, quotes), strings.TrimSuffix(s.ref(p), ","))
	},
	func(s *story, c []*person) string { // MEMBER_OF
		p := c[s.r.IntN(len(c))]
		return fmt.Sprintf("%s joined the %s in %d and was later elected to its leadership council.",
			s.bare(p), s.org(s.party()), s.year-2-s.r.IntN(8))
	},
	func(s *story, c []*person) string { // LEADS
		p := c[s.r.IntN(len(c))]
		if p.org.kind == kParty && p.title == "leader" {
			return fmt.Sprintf("%s leads the %s, which won %s seats in the last elections.", s.bare(p), s.org(p.org), pick(s.r, numbers))
		}
		return fmt.Sprintf("%s has criticized the %s for its ties to armed groups.", s.bare(p), s.org(s.party()))
	},
	func(s *story, c []*person) string { // DETAINED, second reading
		p := c[s.r.IntN(len(c))]
		return fmt.Sprintf("In %d, %s was arrested by %s at Camp %s and held for %s months.",
			s.year-1-s.r.IntN(10), s.bare(p), s.detainer(), pick(s.r, instWords), pick(s.r, numbers))
	},
	func(s *story, c []*person) string { // MET_WITH, second pair
		if len(c) < 2 {
			return fmt.Sprintf("%s met with the %s delegation in %s last month.", s.bare(c[0]), s.c.Adj, s.city())
		}
		i := s.r.IntN(len(c))
		j := (i + 1 + s.r.IntN(len(c)-1)) % len(c)
		return fmt.Sprintf("%s met with %s in %s last month to discuss the release of prisoners.", s.bare(c[i]), s.bare(c[j]), s.city())
	},
	func(s *story, c []*person) string { // SUPPORTS, FOUGHT
		m1, m2 := s.militia(), s.militia()
		if m1 == m2 {
			return fmt.Sprintf("The %s is financed by traders in %s and has about %s hundred fighters.", s.org(m1), s.city(), pick(s.r, numbers))
		}
		return fmt.Sprintf("The %s, an %s-backed militia, fought the %s near %s in %d.",
			s.org(m1), "Iranian", s.org(m2), s.city(), s.year-1-s.r.IntN(5))
	},
	func(s *story, c []*person) string { // FAMILY_OF
		if len(c) < 2 {
			return fmt.Sprintf("The %s did not respond to questions about the case.", s.org(s.c.ministry["Interior"]))
		}
		rel := pick(s.r, []string{"brother", "cousin", "son"})
		return fmt.Sprintf("%s, the %s of %s, was also questioned by the police, %s.", s.bare(c[1]), rel, s.bare(c[0]), pick(s.r, closers))
	},
	func(s *story, c []*person) string { // APPOINTED
		if len(c) < 2 {
			return fmt.Sprintf("The %s appointed a new spokesman in %d.", s.org(s.party()), s.year)
		}
		return fmt.Sprintf("%s appointed %s as an adviser in %d, a move that angered the %s.", s.bare(c[0]), s.bare(c[len(c)-1]), s.year-1, s.org(s.party()))
	},
	func(s *story, c []*person) string { // quote with "told reporters"
		p := c[s.r.IntN(len(c))]
		return fmt.Sprintf("“%s,” %s told reporters in %s.", pick(s.r, quotes), s.bare(p), s.city())
	},
}

func (s *story) city() string { return pick(s.r, s.c.cities) }

func (s *story) militia() *org  { return pick(s.r, s.w.byKind[kMilitia]) }
func (s *story) party() *org    { return pick(s.r, s.w.byKind[kParty]) }
func (s *story) division() *org { return pick(s.r, s.w.byKind[kDivision]) }

// detainer names who detained someone: a ministry, a unit, a militia or a
// state's forces ("Malian forces").
func (s *story) detainer() string {
	switch s.r.IntN(4) {
	case 0:
		return "the " + s.org(s.c.ministry["Interior"])
	case 1:
		return "the " + s.org(s.division())
	case 2:
		return "the " + s.org(s.militia())
	}
	return s.c.Adj + " forces"
}

var headlines = []string{
	"Talks Stall as Prisoners Stay in Custody",
	"Militia Leaders Test a Fragile Truce",
	"Detentions Cloud Hopes for a Border Deal",
	"Old Enemies Meet as Elections Near",
	"Commanders Trade Blame After Convoy Attack",
	"Analysts See New Alliances Taking Shape",
}

// article writes one article of the shared cast.
func (w *world) article(r *rand.Rand, seed int64, idx int) Article {
	s := &story{r: r, w: w, c: pick(r, w.countries), mentioned: map[*person]bool{}, orgSeen: map[*org]bool{},
		year: 2012 + r.IntN(13)}
	cast := s.cast(2 + r.IntN(4))
	var sents []string
	sents = append(sents, pick(r, leads)(s, cast))
	// Introduce everyone in the cast once, so each person is findable.
	for _, p := range cast {
		if !s.mentioned[p] {
			sents = append(sents, fmt.Sprintf("%s has been involved in the negotiations since %d.", s.ref(p), s.year-1-r.IntN(4)))
		}
	}
	for _, k := range r.Perm(len(body))[:3+r.IntN(4)] {
		sents = append(sents, body[k](s, cast))
	}
	var paras []string
	for i := 0; i < len(sents); {
		k := 1 + r.IntN(3)
		if i+k > len(sents) {
			k = len(sents) - i
		}
		paras = append(paras, strings.Join(sents[i:i+k], " "))
		i += k
	}
	title := fmt.Sprintf("%s: %s", s.c.Name, pick(r, headlines))
	pub := fmt.Sprintf("%04d-%02d-%02d", s.year, 1+r.IntN(12), 1+r.IntN(28))
	data, err := json.Marshal(jsonArticle{Title: title, Published: pub, Body: strings.Join(paras, "\n\n")})
	if err != nil {
		panic(err) // strings only: cannot fail
	}
	return Article{Name: fmt.Sprintf("gen-%d-%05d.json", seed, idx), Data: data, People: s.people, Organizations: s.orgs}
}

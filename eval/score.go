package eval

import (
	"fmt"
	"sort"
	"strings"

	"github.com/newsgraph/newsgraph/kg"
)

// scoredRelations are the relation types that count; PARTICIPATED_IN and
// LOCATED_IN say nothing a reader would annotate between named entities.
var scoredRelations = map[string]bool{
	"HOLDS_ROLE": true, "LEADS": true, "COMMANDS": true, "MEMBER_OF": true,
	"WORKS_FOR": true, "DETAINED": true, "ATTACKED": true, "KILLED": true,
	"FOUGHT": true, "MET_WITH": true, "ALLIED_WITH": true, "SUPPORTS": true,
	"OPPOSES": true, "PART_OF": true, "FAMILY_OF": true, "OWNS": true,
	"APPOINTED": true,
}

// symmetric relation types match either way round even when the gold entry
// does not say so.
var symmetric = map[string]bool{"MET_WITH": true, "ALLIED_WITH": true, "FOUGHT": true, "FAMILY_OF": true}

// kinds maps the type spellings score.py accepts to the three scored kinds.
var kinds = map[string]string{
	"person": "Person", "per": "Person", "people": "Person",
	"organization": "Organization", "organisation": "Organization", "org": "Organization",
	"location": "Location", "loc": "Location", "gpe": "Location", "place": "Location",
	"country": "Location", "city": "Location", "facility": "Location",
}

// PRF is precision, recall and their harmonic mean.
type PRF struct {
	P, R, F1 float64
}

// Result is the score of one article, or the micro-average of several.
type Result struct {
	Article string // the gold file's article, or "all" for a micro-average

	EntityTP, EntityFP     int // extracted entities that are right / wrong
	EntityCore, EntityHit  int // core gold entities / those found
	RelationTP, RelationFP int
	RelationCore           int
	RelationHit            int

	Entities  PRF
	Relations PRF

	EntityMisses           []string // first name of each core entity not found
	EntityFalsePositives   []string // "Type:name", " (duplicate)" for a second node
	RelationMisses         []string // "TYPE|TYPE(source, target)" per core relation missed
	RelationFalsePositives []string // "TYPE(source, target)" with gold keys where known
}

// String formats r as score.py prints one line.
func (r Result) String() string {
	return fmt.Sprintf("%s: entities P=%.2f R=%.2f F1=%.2f | relations P=%.2f R=%.2f F1=%.2f",
		r.Article, r.Entities.P, r.Entities.R, r.Entities.F1,
		r.Relations.P, r.Relations.R, r.Relations.F1)
}

func prf(tp, fp, hit, core int) PRF {
	var p, r, f float64
	if tp+fp != 0 {
		p = float64(tp) / float64(tp+fp)
	}
	if core != 0 {
		r = float64(hit) / float64(core)
	}
	if p+r != 0 {
		f = 2 * p * r / (p + r)
	}
	return PRF{p, r, f}
}

func (r *Result) finish() {
	r.Entities = prf(r.EntityTP, r.EntityFP, r.EntityHit, r.EntityCore)
	r.Relations = prf(r.RelationTP, r.RelationFP, r.RelationHit, r.RelationCore)
}

// Micro sums the counts of several results and recomputes P/R/F1 from the
// sums, so large articles weigh more. Lists are concatenated.
func Micro(results ...Result) Result {
	t := Result{Article: "all"}
	for _, r := range results {
		t.EntityTP += r.EntityTP
		t.EntityFP += r.EntityFP
		t.EntityCore += r.EntityCore
		t.EntityHit += r.EntityHit
		t.RelationTP += r.RelationTP
		t.RelationFP += r.RelationFP
		t.RelationCore += r.RelationCore
		t.RelationHit += r.RelationHit
		t.EntityMisses = append(t.EntityMisses, r.EntityMisses...)
		t.EntityFalsePositives = append(t.EntityFalsePositives, r.EntityFalsePositives...)
		t.RelationMisses = append(t.RelationMisses, r.RelationMisses...)
		t.RelationFalsePositives = append(t.RelationFalsePositives, r.RelationFalsePositives...)
	}
	t.finish()
	return t
}

// key is a gold entity key, or none: score.py's None.
type key struct {
	k  string
	ok bool
}

// Score scores one extraction against its gold annotation. A nil extraction
// scores as an empty one.
func Score(g *Gold, x *kg.Extraction) Result {
	res := Result{Article: g.Article}
	if x == nil {
		x = &kg.Extraction{}
	}
	match := g.matcher()

	// Entities.
	keyOf := map[string]key{}
	seen := map[string]bool{}
	for _, e := range x.Entities {
		k := match(e.Name, e.Aliases)
		keyOf[e.ID] = k
		c, scored := kinds[strings.ToLower(strings.TrimFunc(string(e.Type), pyIsSpace))]
		if !scored {
			continue
		}
		ok := k.ok
		if ok {
			ge, _ := g.Entity(k.k)
			ok = ge.Type == c || (ge.Type != "Person" && c != "Person")
		}
		if ok && !seen[k.k] {
			seen[k.k] = true
			res.EntityTP++
			continue
		}
		res.EntityFP++
		fp := c + ":" + e.Name
		if ok {
			fp += " (duplicate)"
		}
		res.EntityFalsePositives = append(res.EntityFalsePositives, fp)
	}
	for _, e := range g.Entities {
		if e.Optional {
			continue
		}
		res.EntityCore++
		if seen[e.Key] {
			res.EntityHit++
		} else {
			res.EntityMisses = append(res.EntityMisses, e.Names[0])
		}
	}

	// Relations: the distinct (type, ends, ids) tuples, in the order of
	// their Python repr, as score.py sorts them.
	type sysRel struct {
		t        string
		s, o     key
		sid, oid string
	}
	uniq := map[sysRel]bool{}
	var rels []sysRel
	for _, r := range x.Relations {
		t := strings.ToUpper(string(r.Type))
		if !scoredRelations[t] {
			continue
		}
		sr := sysRel{t, keyOf[r.Source], keyOf[r.Target], r.Source, r.Target}
		if !uniq[sr] {
			uniq[sr] = true
			rels = append(rels, sr)
		}
	}
	reprOf := func(r sysRel) string {
		return "(" + pyRepr(r.t) + ", " + keyRepr(r.s) + ", " + keyRepr(r.o) + ", " +
			pyRepr(r.sid) + ", " + pyRepr(r.oid) + ")"
	}
	reprs := make(map[sysRel]string, len(rels))
	for _, r := range rels {
		reprs[r] = reprOf(r)
	}
	sort.Slice(rels, func(i, j int) bool { return reprs[rels[i]] < reprs[rels[j]] })

	matches := func(gr GoldRelation, t string, s, o key) bool {
		if !contains(gr.Types, t) || !s.ok || !o.ok {
			return false
		}
		if contains(gr.Source, s.k) && contains(gr.Target, o.k) {
			return true
		}
		return (gr.Symmetric || symmetric[t]) && contains(gr.Source, o.k) && contains(gr.Target, s.k)
	}
	type triple struct {
		t    string
		s, o key
	}
	dedup := map[triple]bool{}
	matchedCore := map[int]bool{}
	for _, r := range rels {
		tr := triple{r.t, r.s, r.o}
		if dedup[tr] && r.s.ok && r.o.ok {
			continue
		}
		dedup[tr] = true
		hit := false
		for i, gr := range g.Relations {
			if matches(gr, r.t, r.s, r.o) {
				hit = true
				if !gr.Optional {
					matchedCore[i] = true
				}
			}
		}
		if hit {
			res.RelationTP++
			continue
		}
		res.RelationFP++
		res.RelationFalsePositives = append(res.RelationFalsePositives,
			fmt.Sprintf("%s(%s, %s)", r.t, orID(r.s, r.sid), orID(r.o, r.oid)))
	}
	for i, gr := range g.Relations {
		if gr.Optional {
			continue
		}
		res.RelationCore++
		if matchedCore[i] {
			res.RelationHit++
			continue
		}
		res.RelationMisses = append(res.RelationMisses, fmt.Sprintf("%s(%s, %s)",
			strings.Join(gr.Types, "|"), first(gr.Source), first(gr.Target)))
	}
	res.finish()
	return res
}

// matcher returns score.py's matching of an extracted entity to the gold
// entity it stands for: its name first, then its aliases, each the first
// gold entity with a name that normalizes the same.
func (g *Gold) matcher() func(name string, aliases []string) key {
	gnames := make([]map[string]bool, len(g.Entities))
	for i, e := range g.Entities {
		gnames[i] = map[string]bool{}
		for _, n := range e.Names {
			gnames[i][Norm(n)] = true
		}
	}
	findKey := func(names []string) key {
		for _, n := range names {
			nn := Norm(n)
			for i, ns := range gnames {
				if ns[nn] {
					return key{g.Entities[i].Key, true}
				}
			}
		}
		return key{}
	}
	return func(name string, aliases []string) key {
		k := findKey([]string{name})
		if !k.ok || k.k == "" { // Python's `a or b` also skips an empty key
			k = findKey(aliases)
		}
		return k
	}
}

// Keys maps the id of each entity of x to the key of the gold entity it
// stands for, matched by name as Score matches them; an entity that
// stands for none is left out.
func (g *Gold) Keys(x *kg.Extraction) map[string]string {
	match := g.matcher()
	out := map[string]string{}
	for _, e := range x.Entities {
		if k := match(e.Name, e.Aliases); k.ok && k.k != "" {
			out[e.ID] = k.k
		} else {
			delete(out, e.ID) // the last entity of an id decides, as in Score
		}
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// first is as_list(x)[0]; an empty list shows as nothing rather than
// crashing as the Python would.
func first(list []string) string {
	if len(list) == 0 {
		return ""
	}
	return list[0]
}

// orID is score.py's `s or sid`: the gold key when there is a non-empty one.
func orID(k key, id string) string {
	if k.ok && k.k != "" {
		return k.k
	}
	return id
}

func keyRepr(k key) string {
	if !k.ok {
		return "None"
	}
	return pyRepr(k.k)
}

// pyRepr renders s as Python's repr does for the strings that occur in ids
// and keys, so relations sort in score.py's order.
func pyRepr(s string) string {
	q := byte('\'')
	if strings.ContainsRune(s, '\'') && !strings.ContainsRune(s, '"') {
		q = '"'
	}
	var b strings.Builder
	b.WriteByte(q)
	for _, r := range s {
		switch {
		case r == '\\' || r == rune(q):
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\x%02x`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte(q)
	return b.String()
}

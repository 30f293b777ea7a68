// Package resolve decides which existing node of the graph a new article's
// entity is: it normalizes names as news spells them, generates candidates
// through blocking keys, scores them with context, and joins, proposes or
// keeps apart.
package resolve

import (
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/kg"
)

// Name is a parsed entity name: the folded words and the significant ones
// spelled in one transliteration.
type Name struct {
	Raw  string
	Type kg.EntityType
	// Core holds the significant words in canonical transliteration: for a
	// person without titles, particles and suffixes; for an organization or
	// place without stop words, with plurals and British spellings folded.
	Core []string
	// Acronym is set when the raw name itself is an acronym ("PMF").
	Acronym string
	// Initials is the acronym an organization name would have ("pmf").
	Initials string
	// tail is the index in Core of the first word after an "and" that
	// joins two of an organization's fields ("Natural Resources" of
	// "Ministry of Energy and Natural Resources"), 0 when none.
	tail int
	// literal is literalCore(Raw), read once here: names of different
	// types are compared by it, candidate after candidate.
	literal string
	// asOrg is the name's core read as an organization's (legal forms,
	// stop words and plurals dropped), for a name of another type.
	asOrg string
	// alt is a person's Core read the other way when the name holds a
	// hyphenated compound ("Amponsah-Boateng"): outlets write one
	// surname with a hyphen, a space or neither, so both readings are
	// compared and blocked. A name that is the compound alone ("Mr.
	// Amponsah-Boateng") reads it as one surname first, the split words
	// second; any other reads the words split first.
	alt []string
	// family is set for a person's name that is a family name of several
	// words alone, led by a particle ("Mr. de la Vega Villegas"): its
	// first word is a surname, not a given name.
	family bool
	// article is the run of particles a European language writes before
	// a surname ("de la" of "Mariana de la Vega"), "" when none: it is part
	// of the family name ("del Vega" is another family), where Arabic
	// particles (al-, el-) vary with the transliteration.
	article string
}

// forms are the readings of a name's core: Core, then alt if any.
func (n Name) forms() []Name {
	if n.alt == nil {
		return []Name{n}
	}
	m := n
	m.Core, m.alt = n.alt, nil
	n.alt = nil
	return []Name{n, m}
}

// literalWords is literalCore(n.Raw), as Parse read it.
func (n Name) literalWords() string {
	if n.literal == "" && n.Raw != "" {
		return literalCore(n.Raw) // a Name not made by Parse
	}
	return n.literal
}

// Given is a person's first significant word ("" for one-word names and
// family names alone).
func (n Name) Given() string {
	if !n.Full() {
		return ""
	}
	return n.Core[0]
}

// Surname is a person's last significant word.
func (n Name) Surname() string {
	if len(n.Core) == 0 {
		return ""
	}
	return n.Core[len(n.Core)-1]
}

// paternal is the first of a name's two surnames (Vaca of "Hernán Vaca
// Choque"): the next to last word of a name of three words or more, or "".
func (n Name) paternal() string {
	if len(n.Core) < 3 {
		return ""
	}
	return n.Core[len(n.Core)-2]
}

// Full reports a name with a given name and a surname: two significant
// words or more that are not a family name alone.
func (n Name) Full() bool { return len(n.Core) >= 2 && !n.family }

// titles lead a person's name in news and say nothing of who it is.
var titles = set("mr mrs ms miss dr prof gen general col colonel maj major brig brigadier lt lieutenant capt captain " +
	"sgt sergeant cpl adm admiral cmdr commander marshal field president vice prime minister premier sheikh shaikh sheik " +
	"shaykh ayatollah grand imam mullah sayyid sayed seyed hajji haji hajj king queen prince princess emir sir lord " +
	"rev reverend father judge justice senator sen rep gov governor mayor chancellor secretary deputy ambassador " +
	"chairman chairwoman")

// courtesy titles say nothing of what a person does.
var courtesy = set("mr mrs ms miss sir")

// titleForms write abbreviated titles in full.
var titleForms = map[string]string{
	"gen": "general", "col": "colonel", "maj": "major", "brig": "brigadier", "lt": "lieutenant", "capt": "captain",
	"sgt": "sergeant", "cpl": "corporal", "adm": "admiral", "cmdr": "commander", "prof": "professor", "rev": "reverend",
	"sen": "senator", "rep": "representative", "gov": "governor", "dr": "doctor",
}

// titlesOf lists the titles that lead a person's name ("Col." of "Col.
// Idris Boqor", "minister" of "Fisheries Minister Abdiwali Guleid"),
// written in full, courtesy titles aside.
func titlesOf(raw string) []string {
	words := strings.Fields(kg.FoldName(raw))
	var out []string
	for i := 0; i < len(words)-1 && i < 4; i++ {
		w := words[i]
		if !titles[w] {
			continue
		}
		if courtesy[w] {
			continue
		}
		if f, ok := titleForms[w]; ok {
			w = f
		}
		out = append(out, w)
	}
	return out
}

// genderOf reads a person's gender from the courtesy titles among names:
// 1 for "Mr.", 2 for "Ms.", "Mrs.", "Miss", 0 when none or both.
func genderOf(names []string) int {
	g := 0
	for _, n := range names {
		w := strings.Fields(kg.FoldName(n))
		if len(w) < 2 {
			continue
		}
		var h int
		switch w[0] {
		case "mr":
			h = 1
		case "ms", "mrs", "miss":
			h = 2
		default:
			continue
		}
		if g != 0 && g != h {
			return 0
		}
		g = h
	}
	return g
}

// sharedTitle is a title that names of a mention and of a node both
// carry, or "".
func sharedTitle(a, b []string) string {
	have := map[string]bool{}
	for _, n := range b {
		for _, t := range titlesOf(n) {
			have[t] = true
		}
	}
	for _, n := range a {
		for _, t := range titlesOf(n) {
			if have[t] {
				return t
			}
		}
	}
	return ""
}

// titled reports a title other than a courtesy title among names.
func titled(names []string) bool {
	for _, n := range names {
		if len(titlesOf(n)) > 0 {
			return true
		}
	}
	return false
}

// suffixes end a person's name.
var suffixes = set("jr sr ii iii iv")

// particles join a surname and are written or dropped freely: the Arabic
// and Berber ones, and the European articles.
var particles = set("al el ul ad ar as at an ash az bin ibn ben bint ag ould " + europeanArticles)

// stopWords carry no identity inside organization and place names.
var stopWords = set("the of for and in on al el a an")

// orgStopWords carry none inside organization names either: the articles
// and prepositions of the languages whose names news gives untranslated
// ("Federación Minera del Salar Andino"), and the legal forms that follow
// a company's name ("GmbH", "S.A."). In a place's name they stay: "Los
// Angeles" is not Angeles.
var orgStopWords = set("de del la las los y da do das dos du des le les et der die und fur " +
	"gmbh ag sa sas srl spa bv nv llc plc ltd limited inc incorporated pty tbk sdn bhd jsc ojsc pjsc cjsc ooo zao oao " +
	"ab oy oyj asa as kft sro sarl llp kk")

// spellings fold British and American spellings of common words.
var spellings = map[string]string{
	"organisation": "organization", "organisations": "organizations", "defence": "defense", "centre": "center",
	"programme": "program", "labour": "labor", "mobilisation": "mobilization",
	"co": "company", "corp": "corporation", "ltd": "limited", "inc": "incorporated", "dept": "department",
	"govt": "government", "intl": "international", "natl": "national", "univ": "university", "assn": "association",
}

// orgWords write the words that name kinds of businesses and bodies in the
// languages news leaves untranslated as the English word outlets
// translate them by: "Tomisaki Suisan Kaisha" is "Tomisaki Fisheries",
// "Vorland Bergbau" "Vorland Mining". ("Minera" is left to orgWordSim:
// outlets write it "Miners'" as often as "Mining".) Japanese
// legal forms (kaisha, kabushiki) fold to nothing, as GmbH does.
var orgWords = map[string]string{
	// Japanese
	"suisan": "fisheries", "gyogyo": "fisheries", "shoji": "trading", "shokai": "trading", "ginko": "bank",
	"kaiun": "shipping", "kisen": "shipping", "sangyo": "industries", "kogyo": "industries", "seisakusho": "works",
	"tetsudo": "railway", "denki": "electric", "jidosha": "motor", "seiyaku": "pharmaceutical", "kensetsu": "construction",
	"shinbun": "newspaper", "kaisha": "", "kabushiki": "",
	// German, Dutch, Scandinavian
	"werke": "works", "werk": "works", "bergbau": "mining", "gesellschaft": "company", "verband": "association",
	"gewerkschaft": "union", "reederei": "shipping", "handel": "trading", "handels": "trading", "fischerei": "fisheries",
	// Turkish
	"madencilik": "mining", "sirketi": "company", "sendikasi": "union", "bankasi": "bank", "ticaret": "trading",
	"sanayi": "industries", "insaat": "construction", "dernegi": "association", "vakfi": "foundation",
	"federasyonu": "federation", "denizcilik": "shipping", "balikcilik": "fisheries",
	// Spanish, Portuguese, Italian, French
	"pesquera":  "fisheries",
	"pesqueras": "fisheries", "pesquerias": "fisheries", "compania": "company", "companhia": "company", "compagnie": "company",
	"empresa": "company", "societe": "company", "societa": "company", "federacion": "federation", "federacao": "federation",
	"sindicato": "union", "syndicat": "union", "asociacion": "association", "associacao": "association",
	"gruppo": "group", "grupo": "group", "groupe": "group", "gruppe": "group", "banco": "bank", "banque": "bank", "naviera": "shipping", "transportes": "transport", "comercial": "trading",
}

// givenVariants fold spellings of the same given name that the rules below
// do not join.
var givenVariants = map[string]string{
	"muhamid": "muhamad", "mohamad": "muhamad", "muhamud": "muhamad", "mehmet": "muhamad", "muhamat": "muhamad",
	"ahmid": "ahmad", "abdulah": "abdalah", "abdalah": "abdalah", "abdilah": "abdalah", "yusif": "yusuf", "yusef": "yusuf",
	"usama": "usama", "husin": "husin", "hasan": "hasan",
}

// Parse reads a name of an entity of type t. A name is parsed once: a
// candidate node's names come back window after window of a load, and the
// same node is a candidate of many mentions.
func Parse(t kg.EntityType, raw string) Name {
	k := parsedKey{t, raw}
	parsedMu.RLock()
	n, ok := parsedNames[k]
	parsedMu.RUnlock()
	if ok {
		return n
	}
	n = parse(t, raw)
	parsedMu.Lock()
	if len(parsedNames) >= maxParsed {
		clear(parsedNames) // bounded: start over rather than grow
	}
	parsedNames[k] = n
	parsedMu.Unlock()
	return n
}

// maxParsed bounds the names Parse keeps (a few tens of MB at most).
const maxParsed = 1 << 18

type parsedKey struct {
	t   kg.EntityType
	raw string
}

var (
	parsedMu    sync.RWMutex
	parsedNames = map[parsedKey]Name{}
)

// parse is Parse without the memory. The Name's Core is shared by every
// caller: read it, never change it.
func parse(t kg.EntityType, raw string) Name {
	n := Name{Raw: raw, Type: t}
	words := coop(strings.Fields(letters.Replace(kg.FoldName(raw))))
	if isAcronym(raw) {
		// Acronyms spell their first letters as the words do: UQC, UKC.
		n.Acronym = strings.ReplaceAll(strings.Join(words, ""), "q", "k")
	}
	if t == kg.Person {
		n.Core, n.family, n.article = personCore(words)
		n.literal = strings.Join(n.Core, " ")
		if j := joinCompounds(raw); j != raw {
			joined, _, _ := personCore(strings.Fields(letters.Replace(kg.FoldName(j))))
			if !slices.Equal(joined, n.Core) && len(joined) > 0 {
				n.alt = joined
				if len(joined) == 1 {
					n.Core, n.alt = joined, n.Core
				}
			}
		}
	} else {
		lit, _, _ := personCore(words)
		n.literal = strings.Join(lit, " ")
		n.Core, n.Initials, n.tail = orgCore(t, words)
	}
	if t == kg.Organization {
		n.asOrg = strings.Join(n.Core, " ")
	} else {
		c, _, _ := orgCore(kg.Organization, words)
		n.asOrg = strings.Join(c, " ")
	}
	return n
}

// joinCompounds writes the hyphenated compounds of a person's name as
// one word ("Amponsah-Boateng" as "AmponsahBoateng"), but not a particle
// and the name it joins ("al-Maliki", "Abu-Bakr"), which Parse reads.
func joinCompounds(raw string) string {
	if !strings.Contains(raw, "-") {
		return raw
	}
	toks := strings.Fields(raw)
	for i, tok := range toks {
		parts := strings.Split(tok, "-")
		if len(parts) < 2 {
			continue
		}
		var b strings.Builder
		for k, p := range parts {
			if k > 0 {
				prev := kg.FoldName(parts[k-1])
				if prev == "" || p == "" || particles[prev] || strings.HasPrefix(prev, "ab") && len(prev) <= 5 {
					b.WriteByte('-')
				}
			}
			b.WriteString(p)
		}
		toks[i] = b.String()
	}
	return strings.Join(toks, " ")
}

// jointStock drops the legal form "Joint Stock Company" (JSC, spelled
// out) from an organization's words, as orgStopWords drops "JSC".
func jointStock(words []string) []string {
	for i := 0; i+1 < len(words); i++ {
		if words[i] == "joint" && words[i+1] == "stock" {
			j := i + 2
			if j < len(words) && (words[j] == "company" || words[j] == "co") {
				j++
			}
			return append(words[:i:i], words[j:]...)
		}
	}
	return words
}

// coop writes "co-operative" (folded "co operative") as one word, as
// "cooperative" is: its "co" is not the abbreviated "Company".
func coop(words []string) []string {
	for i := 0; i+1 < len(words); i++ {
		if words[i] == "co" && strings.HasPrefix(words[i+1], "op") {
			words = append(words[:i:i], append([]string{"co" + words[i+1]}, words[i+2:]...)...)
		}
	}
	return words
}

// letters write the letters that folding diacritics leaves as they are
// the way news in English writes them: "Strømsnes" is "Stromsnes".
var letters = strings.NewReplacer("ø", "o", "æ", "ae", "œ", "oe", "ß", "ss", "ł", "l", "đ", "d", "ð", "d", "þ", "th", "ı", "i")

// isAcronym reports a name written as capitals only, two to seven letters
// ("PMF", "U.S.", "KH").
func isAcronym(raw string) bool {
	letters := 0
	for _, r := range raw {
		switch {
		case unicode.IsUpper(r):
			letters++
		case r == '.' || r == '-' || r == '&':
		default:
			return false
		}
	}
	return letters >= 2 && letters <= 7
}

// personCore is a person's significant words, and whether they are a
// family name alone: a name whose first word after its titles is a
// particle ("de la Vega Villegas", "al-Maliki") gives no given name; and
// the European particles it writes before its surname (Name.article).
func personCore(words []string) (core []string, family bool, article string) {
	// Titles and the words that qualify them ("Interior Minister", "Vice
	// President", "Brig. Gen.") lead the name.
	for i := min(len(words)-2, 3); i >= 0; i-- {
		if titles[words[i]] {
			words = words[i+1:]
			break
		}
	}
	for len(words) > 1 && suffixes[words[len(words)-1]] {
		words = words[:len(words)-1]
	}
	family = particleAt(words, 0)
	var out, arts []string
	for i := 0; i < len(words); i++ {
		w := words[i]
		switch {
		case w == "abu" || w == "abou" || w == "abd" || w == "abdul" || w == "abdel" || w == "abdal" || w == "abdol" || w == "abdoul":
			// "Abu Mahdi", "Abd al-Mahdi", "Abdul Mahdi": one word with the
			// next, written in one way.
			head := "abd"
			if w == "abu" || w == "abou" {
				head = "abu"
			}
			j := i + 1
			for j < len(words)-1 && particles[words[j]] {
				j++
			}
			if j < len(words) {
				out = append(out, head+translit(words[j]))
				i = j
				continue
			}
			out = append(out, translit(w))
		case particleAt(words, i):
			if articles[w] {
				arts = append(arts, w)
			}
			continue
		case len(w) == 1 && i < len(words)-1 && len(out) > 0:
			continue // a middle initial
		default:
			t := translit(w)
			if v, ok := givenVariants[t]; ok {
				t = v
			}
			out = append(out, t)
		}
	}
	if len(out) >= 2 && !family {
		// The given name in one language's form: "Pyotr", "Peter".
		out[0] = canonGiven(out[0])
	}
	return out, family && len(out) >= 2, strings.Join(arts, " ")
}

// particleAt reports the word at i of a person's name as a particle of a
// surname that follows it. A name of three words or more that opens with
// "Le" opens with the Vietnamese family name Lê ("Le Thi Thu Hang", "Hang
// Le"), not the French article of "Le Pen".
func particleAt(words []string, i int) bool {
	return i < len(words)-1 && particles[words[i]] && !(i == 0 && words[i] == "le" && len(words) >= 3)
}

// articles are the particles of European surnames, written as the name
// is: "de la Vega" and "del Vega" are two families.
var articles = set(europeanArticles)

const europeanArticles = "de da di del della der den van von la le du dos das y"

func orgCore(t kg.EntityType, words []string) (core []string, initials string, tail int) {
	var ini strings.Builder
	if t == kg.Organization {
		words = jointStock(words)
	}
	for _, w := range words {
		if w == "and" && tail == 0 && len(core) > 0 {
			tail = len(core)
		}
		if v, ok := spellings[w]; ok {
			w = v
		}
		// The initial of the word as the name writes it, before a
		// translation: "Société Huilière de Sfax" is SHS.
		written := w
		if v, ok := orgWords[w]; ok && t == kg.Organization {
			if w = v; w == "" {
				continue
			}
		}
		if stopWords[w] || (t == kg.Organization && orgStopWords[w]) {
			continue
		}
		tw := translit(w)
		// The initial as written (q as k, as acronyms are read), not as
		// transliterated: "Philippine" gives the P of "PPA".
		if written[0] == 'q' {
			ini.WriteByte('k')
		} else {
			ini.WriteByte(written[0])
		}
		if len(tw) > 3 && strings.HasSuffix(tw, "s") && !strings.HasSuffix(tw, "ss") {
			tw = tw[:len(tw)-1]
		}
		core = append(core, tw)
	}
	if tail >= len(core) {
		tail = 0
	}
	if len(core) < 2 {
		return core, "", tail
	}
	return core, ini.String(), tail
}

// spellings1 writes the letter groups that spell one sound in one way.
var spellings1 = strings.NewReplacer("tsch", "ch", "tch", "ch", "tj", "c", "hj", "hy", "sch", "sh", "dzh", "j", "zh", "j", "dj", "j", "dh", "z", "ph", "f", "ck", "k", "q", "k", "x", "ks",
	"gh", "g", "ou", "u", "oo", "u", "ee", "i", "ie", "i", "ei", "e", "ey", "e", "ai", "e", "ay", "e", "aa", "a", "ue", "u", "oe", "o")

// translit writes one folded word in one canonical transliteration, so that
// the spellings news uses for one name meet: q/k, zh/dzh/dj/j,
// ou/oo/u, ee/i, ei/ey/ai/e, aw/au, ue/u and oe/o (ü, ö, ø),
// o/u, e/i, double letters, dh/z, ph/f, x/ks, hard c/k, tch/tsch/ch,
// sch/sh, a final h after a vowel, the Slavic ye-/e-, -iy/-y,
// -iyev/-iev, and the Dutch-era Indonesian tj/c and j/y after h
// ("Tjahjono", "Cahyono"; its dj/j and oe/u are above).
func translit(w string) string {
	if w == "" {
		return w
	}
	s := dedupe(w)
	if len(s) > 3 && strings.HasPrefix(s, "ye") && !isVowel(s[2]) {
		s = s[1:] // Yevgeny, Evgeny; Yelena, Elena
	}
	s = spellings1.Replace(s)
	out := []byte(s)
	for i := range out {
		switch out[i] {
		case 'w':
			// A w closing a syllable is the u of another transliteration:
			// "Tawfiq", "Taoufik"; "Dawud", "Daoud".
			if i > 0 && isVowel(out[i-1]) && (i == len(out)-1 || !isVowel(out[i+1])) {
				out[i] = 'u'
			}
		case 'o':
			out[i] = 'u'
		case 'c':
			// A hard c is the k of another spelling: "Koffie", "Coffee";
			// "Karlos", "Carlos". Before e, i, y it is soft, and ch is
			// another sound.
			if i == len(out)-1 || strings.IndexByte("eiyh", out[i+1]) < 0 {
				out[i] = 'k'
			}
		case 'e':
			out[i] = 'i'
		case 'y':
			if i > 0 {
				out[i] = 'i'
			}
		}
	}
	s = dedupe(string(out))
	if len(s) > 3 && s[len(s)-1] == 'h' && isVowel(s[len(s)-2]) {
		s = s[:len(s)-1]
	}
	return s
}

func isVowel(c byte) bool { return strings.IndexByte("aeiouy", c) >= 0 }

// dedupe collapses runs of one letter.
func dedupe(s string) string {
	var b strings.Builder
	var last rune = -1
	for _, r := range s {
		if r != last {
			b.WriteRune(r)
		}
		last = r
	}
	return b.String()
}

// skeleton is a word's first letter and its consonants: a coarse phonetic
// key for blocking.
func skeleton(w string) string {
	if w == "" {
		return ""
	}
	var b strings.Builder
	b.WriteByte(w[0])
	for i := 1; i < len(w); i++ {
		if !isVowel(w[i]) && w[i] != 'h' && w[i] != 'w' {
			b.WriteByte(w[i])
		}
	}
	return b.String()
}

// group is the family of types whose entities may be one node: the
// extractor confuses people and organizations (militias named for their
// leader), never places.
func group(t kg.EntityType) string {
	switch t {
	case kg.Person, kg.Organization:
		return "po"
	case kg.Location:
		return "l"
	}
	return ""
}

// Resolvable reports whether entities of type t take part in resolution.
// Roles and events are identified within their article.
func Resolvable(t kg.EntityType) bool { return group(t) != "" }

// Keys returns the blocking keys of an entity with these names: every
// entity that could be the same shares at least one key with it. Keys are
// sorted and distinct; types that do not resolve have none.
func Keys(t kg.EntityType, names []string) []string { return keys(t, names, false) }

// LookupKeys are the keys to look an entity with these names up by: its
// Keys but those that only a name of another shape looks up (the first
// name of a full name, which one-word names look up).
func LookupKeys(t kg.EntityType, names []string) []string { return keys(t, names, true) }

// FirstNameKey reports a key that meets a one-word name with the first
// word of a full name. Its blocks can be large (every person of one
// given name), so Link reads a large one only for a mention no other key
// finds a node for.
func FirstNameKey(k string) bool {
	return strings.HasPrefix(k, "po:g:") || strings.HasPrefix(k, "po:1:")
}

func keys(t kg.EntityType, names []string, lookup bool) []string {
	g := group(t)
	if g == "" {
		return nil
	}
	ks := map[string]bool{}
	full := false
	for _, raw := range names {
		for _, n := range Parse(t, raw).forms() {
			keysOf(ks, g, t, raw, n, lookup)
			full = full || t == kg.Person && n.Full()
		}
	}
	if lookup && full {
		// The first names of others are for an entity known by one word
		// only: one with a full name is that name ("Mr. Khambai" beside
		// "Feykhai Khambai" is his surname).
		for k := range ks {
			if strings.HasPrefix(k, g+":g:") {
				delete(ks, k)
			}
		}
	}
	out := make([]string, 0, len(ks))
	for k := range ks {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// keysOf adds to ks the blocking keys of one reading n of the name raw.
func keysOf(ks map[string]bool, g string, t kg.EntityType, raw string, n Name, lookup bool) {
	if len(n.Core) == 0 {
		return
	}
	ks[g+":n:"+strings.Join(n.Core, " ")] = true
	if t == kg.Organization {
		// A person's name typed Organization ("Idris Haybe, a
		// Mombasa fish exporter") meets the person here.
		ks[g+":n:"+literalCore(raw)] = true
	}
	if t != kg.Person {
		// An organization's name typed a place meets it here, and so
		// does a place named without the head word an organization's
		// name adds ("Severny Bunker", "Severny Bunker Group").
		for _, l := range crossForms(raw) {
			ks["x:"+l] = true
		}
	}
	// A name typed a person or a place meets the organization it is
	// read as one (legal forms aside: "Salmones Puyehue", "Salmones
	// Puyehue S.A."), and a company's name without its head word
	// typed a person meets the company (CompareNames).
	if o := strings.Fields(n.asOrg); len(o) >= 2 {
		ks["x:"+n.asOrg] = true
		if h := headless(o); t == kg.Organization && len(h) >= 3 {
			ks["x:"+strings.Join(h, " ")] = true
		}
	}
	if len(n.Core) > 1 && t != kg.Person {
		// "Interior Ministry" and "Ministry of the Interior".
		sorted := append([]string(nil), n.Core...)
		sort.Strings(sorted)
		ks[g+":o:"+strings.Join(sorted, " ")] = true
	}
	if n.Acronym != "" {
		ks[g+":a:"+n.Acronym] = true
	}
	if n.Initials != "" && len(n.Initials) >= 2 {
		ks[g+":a:"+n.Initials] = true
	}
	switch {
	case t == kg.Location:
		// The consonants of the name: "Misrata" and "Misurata".
		ks[g+":k:"+skeletons(n.Core)] = true
	case t == kg.Person:
		// Surname, and the sound of the whole name: "Mr. Maliki" and
		// "Nouri al-Maliki"; "Fayyadh" and "Fayad".
		ks[g+":s:"+n.Surname()] = true
		if !n.Full() {
			ks[g+":g:"+n.Surname()] = true
			ks[g+":1:"+n.Surname()] = true
		}
		if p := n.paternal(); p != "" {
			ks[g+":s:"+p] = true // "Vaca" of "Hernán Vaca Choque"
		}
		if n.Full() {
			// Either order: "Zhang Weiming", "Weiming Zhang".
			ka, kb := skeleton(n.Given()), skeleton(n.Surname())
			if kb < ka {
				ka, kb = kb, ka
			}
			ks[g+":k:"+ka+" "+kb] = true
			// The first name, for a mention of it alone: a family name
			// written first ("Chairman Zhang"), or a given name news
			// uses alone ("Mr. Tesfaye"). A one-word name looks it up
			// and a full name is looked up by it ("g"), and the other
			// way round ("1"); full names meet one another by the keys
			// above, not in the large blocks of a given name.
			if lookup {
				ks[g+":1:"+n.Given()] = true
			} else {
				ks[g+":g:"+n.Given()] = true
			}
			if s := n.Surname(); len(s) >= 6 {
				// A surname whose first letter one alphabet writes
				// otherwise: Ukrainian "Hrytsenko", Russian "Gritsenko".
				ks[g+":f:"+n.Given()+" "+s[1:]] = true
			}
		}
	default:
		// Distinctive words: "Revolutionary Guard" and "Islamic
		// Revolutionary Guard Corps".
		for _, w := range n.Core {
			if !generic[w] && len(w) > 2 {
				ks[g+":w:"+w] = true
			}
		}
		if len(n.Core) == 1 {
			ks[g+":s:"+n.Core[0]] = true
		}
	}
}

// skeletons is the skeleton of each word, joined.
func skeletons(words []string) string {
	out := make([]string, len(words))
	for i, w := range words {
		out[i] = skeleton(w)
	}
	return strings.Join(out, " ")
}

// crossForms are the literal forms under which an organization or a place
// meets one of the other type: its literal name, and an organization's
// name of three words or more without the generic head words that end it.
func crossForms(raw string) []string {
	l := literalCore(raw)
	if l == "" {
		return nil
	}
	out := []string{l}
	if h := headless(strings.Fields(l)); len(h) >= 2 {
		out = append(out, strings.Join(h, " "))
	}
	return out
}

// headless is words without the generic words that end them ("Severny
// Bunker" of "Severny Bunker Group"), or nil when none end them.
func headless(words []string) []string {
	n := len(words)
	for n > 0 && generic[words[n-1]] {
		n--
	}
	if n == len(words) {
		return nil
	}
	return words[:n]
}

// generic words name kinds of organizations and places, not which one; a
// block on them would hold half the graph.
var generic = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields("national forces force party ministry army brigades brigade battalion division " +
		"popular front movement organization company council group union committee government militia militias " +
		"corps guard guards unit units institute university bank agency authority office department service " +
		"international islamic democratic republic republican united state states people peoples new north south " +
		"east west northern southern eastern western central federal general supreme high special security " +
		"defense interior foreign justice affairs police intelligence revolutionary liberation alliance coalition " +
		"association society foundation center news media city province region district works corporation") {
		m[w] = true
		m[translit(w)] = true
		if len(w) > 3 && strings.HasSuffix(w, "s") {
			m[translit(w[:len(w)-1])] = true
		}
	}
	return m
}()

// countryWords are the countries and their adjectives in canonical
// transliteration: a modifier an organization's name may drop.
var countryWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range extract.CountryWords() {
		m[translit(w)] = true
	}
	return m
}()

func set(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

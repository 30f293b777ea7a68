package syntax

import "strings"

// alternatives lists the other plausible lemmas of an inflected word, most
// likely first, for when the learned suffix rule gives a word never seen in
// training: "-ed" may drop "d" or "ed" (ruled/rule, walked/walk), undo a
// doubled consonant (stopped/stop) or restore "y" (tried/try).
func alternatives(lower, xpos string) []string {
	var out []string
	stem := func(suffix string, e bool) {
		s, ok := strings.CutSuffix(lower, suffix)
		if !ok || len(s) < 2 {
			return
		}
		if e {
			out = append(out, s+"e")
		}
		out = append(out, s)
		if n := len(s); n >= 3 && s[n-1] == s[n-2] && !isVowel(s[n-1]) {
			out = append(out, s[:n-1])
		}
		if strings.HasSuffix(s, "i") {
			out = append(out, s[:len(s)-1]+"y")
		}
		if strings.HasSuffix(s, "y") && suffix == "ing" {
			out = append(out, s[:len(s)-1]+"ie")
		}
	}
	switch xpos {
	case "VBD", "VBN":
		stem("ed", true)
	case "VBG":
		stem("ing", true)
	case "JJR":
		stem("er", true)
	case "JJS":
		stem("est", true)
	case "VBZ", "NNS":
		if s, ok := strings.CutSuffix(lower, "ies"); ok && len(s) > 1 {
			out = append(out, s+"y")
		}
		if s, ok := strings.CutSuffix(lower, "s"); ok && len(s) > 1 {
			out = append(out, s)
		}
		if s, ok := strings.CutSuffix(lower, "es"); ok && len(s) > 1 {
			out = append(out, s)
		}
	}
	return out
}

// lackingE tells whether stem, the lemma a suffix rule gave for an unknown
// verb form, cannot end an English word without a silent "e": a final "v"
// or "u" (provoked, continued), "l" or "c" after a consonant (recycled,
// influenced), or "ok" after a consonant (provoked).
func lackingE(lower, stem, xpos string) bool {
	switch xpos {
	case "VBD", "VBN":
		if lower != stem+"ed" {
			return false
		}
	case "VBG":
		if lower != stem+"ing" {
			return false
		}
	default:
		return false
	}
	n := len(stem)
	if n < 3 {
		return false
	}
	last, prev := stem[n-1], stem[n-2]
	switch {
	case last == 'v' || last == 'u':
		return true
	case (last == 'l' || last == 'c') && !isVowel(prev) && prev != last && prev != 'w' && prev != 'y' && prev != 'r':
		return true
	case last == 'k' && prev == 'o' && !isVowel(stem[n-3]):
		return true
	}
	return false
}

func isVowel(c byte) bool { return strings.IndexByte("aeiou", c) >= 0 }

// irregular gives the lemma of an irregular past form of an English verb. A
// past form tagged VBZ is a tagger error ("fought"), so it is mapped too.
func irregular(lower, xpos string) (string, bool) {
	switch xpos {
	case "VBD", "VBN":
	case "VBZ":
		if strings.HasSuffix(lower, "s") {
			return "", false
		}
	default:
		return "", false
	}
	l, ok := irregularPast[lower]
	return l, ok
}

// irregularPast maps the past and participle forms of irregular verbs to
// their lemma. Each lemma maps to itself too, so that a suffix rule does not
// rewrite a past form equal to it (cut, set, hit) or a mistagged base form.
var irregularPast = func() map[string]string {
	m := map[string]string{}
	for _, line := range strings.Split(irregularVerbs, "\n") {
		f := strings.Fields(line)
		for _, form := range f {
			m[form] = f[0]
		}
	}
	return m
}()

// irregularVerbs lists a lemma and its past forms per line.
const irregularVerbs = `arise arose arisen
awake awoke awoken
bear bore borne born
beat beaten
become became
befall befell befallen
begin began begun
behold beheld
bend bent
bet
bid bade
bind bound
bite bit bitten
bleed bled
blow blew blown
break broke broken
breed bred
bring brought
build built
burn burnt
burst
buy bought
cast
catch caught
choose chose chosen
cling clung
come came
cost
creep crept
cut
deal dealt
dig dug
do did done
draw drew drawn
dream dreamt
drink drank drunk
drive drove driven
dwell dwelt
eat ate eaten
fall fell fallen
feed fed
feel felt
fight fought
find found
flee fled
fling flung
fly flew flown
forbid forbade forbidden
forecast
foresee foresaw foreseen
forget forgot forgotten
forgive forgave forgiven
forsake forsook forsaken
freeze froze frozen
get got gotten
give gave given
go went gone
grow grew grown
hang hung
have had
hear heard
hide hid hidden
hit
hold held
hurt
keep kept
kneel knelt
know knew known
lay laid
lead led
leap leapt
learn learnt
leave left
lend lent
let
lie lay lain
light lit
lose lost
make made
mean meant
meet met
mislead misled
mistake mistook mistaken
overcome overcame
overhear overheard
overrun overran
oversee oversaw overseen
overtake overtook overtaken
overthrow overthrew overthrown
pay paid
plead pled
put
quit
read
rebuild rebuilt
redo redid redone
remake remade
rethink rethought
retake retook retaken
retell retold
rewrite rewrote rewritten
rid
ride rode ridden
ring rang rung
rise rose risen
run ran
say said
see saw seen
seek sought
sell sold
send sent
set
sew sewn
shake shook shaken
shed
shine shone
shoot shot
show shown
shrink shrank shrunk
shut
sing sang sung
sink sank sunk
sit sat
slay slew slain
sleep slept
slide slid
sling slung
speak spoke spoken
speed sped
spend spent
spin spun
spit spat
split
spread
spring sprang sprung
stand stood
steal stole stolen
stick stuck
sting stung
stink stank stunk
stride strode stridden
strike struck stricken
string strung
strive strove striven
swear swore sworn
sweep swept
swim swam swum
swing swung
take took taken
teach taught
tear tore torn
tell told
think thought
throw threw thrown
thrust
undergo underwent undergone
understand understood
undertake undertook undertaken
undo undid undone
uphold upheld
upset
wake woke woken
wear wore worn
weave wove woven
weep wept
win won
withdraw withdrew withdrawn
withhold withheld
withstand withstood
wring wrung
write wrote written`

package extract

import (
	"sort"

	"github.com/newsgraph/newsgraph/kg"
)

// findQuotes attributes quoted speech: `"…," said X`, `"…," X said`,
// `"…," he said`, `X said: "…"`; a quote with no attribution continues
// the previous speaker of its paragraph.
func (d *doc) findQuotes() {
	lastSpeaker, lastPara := -1, -1
	for si := range d.sents {
		s := &d.sents[si]
		toks := s.toks
		refs := d.sentRefs(si)
		if s.Para != lastPara {
			lastSpeaker, lastPara = -1, s.Para
		}
		for i := 0; i < len(toks); i++ {
			if toks[i].text != "\"" || !opening(toks, i) {
				continue
			}
			j := i + 1
			for j < len(toks) && toks[j].text != "\"" {
				j++
			}
			if j >= len(toks) && si+1 < len(d.sents) && d.sents[si+1].Para == s.Para {
				// The quote runs on into the next sentences of the paragraph.
				end, ok := d.quoteEnd(si)
				if !ok {
					break
				}
				sp := d.speakerAfterSent(end)
				if sp < 0 {
					sp = lastSpeaker
				}
				if sp >= 0 {
					d.addQuote(sp, toks[i].end, end)
					lastSpeaker = sp
				}
				break
			}
			if j >= len(toks) || j == i+1 {
				break
			}
			sp := d.speakerAround(si, refs, i, j)
			if sp < 0 {
				sp = lastSpeaker
			}
			if sp >= 0 && j-i > 2 {
				d.addQuote(sp, toks[i].end, toks[j].start)
				lastSpeaker = sp
			}
			i = j
		}
	}
}

// opening tells an opening quote from a closing one by its spacing.
func opening(toks []token, i int) bool {
	if i+1 >= len(toks) || toks[i+1].start != toks[i].end {
		return false
	}
	return i == 0 || toks[i-1].end != toks[i].start || toks[i-1].text == "(" || toks[i-1].text == "—"
}

// quoteEnd finds where a quote opened in sentence si closes, in a later
// sentence of the same paragraph; it returns the rune offset before the
// closing quote.
func (d *doc) quoteEnd(si int) (int, bool) {
	para := d.sents[si].Para
	for k := si + 1; k < len(d.sents) && d.sents[k].Para == para && k < si+8; k++ {
		for _, t := range d.sents[k].toks {
			if t.text == "\"" {
				return t.start, true
			}
		}
	}
	return 0, false
}

// speakerAfterSent returns the speaker named after the quote closing at
// rune offset end, if any.
func (d *doc) speakerAfterSent(end int) int {
	first := sort.Search(len(d.sents), func(i int) bool { return d.sents[i].End >= end })
	for si := first; si < len(d.sents) && si < first+2; si++ {
		s := d.sents[si]
		if end < s.Start || end > s.End {
			continue
		}
		for i, t := range s.toks {
			if t.start == end && t.text == "\"" {
				return d.speakerAround(si, d.sentRefs(si), -1, i)
			}
		}
	}
	return -1
}

// speakerAround reads the attribution around a quote between tokens i and
// j of sentence si.
func (d *doc) speakerAround(si int, refs []ref, i, j int) int {
	toks := d.sents[si].toks
	speaker := func(rf ref) int {
		typ := d.ents[rf.ent].typ
		if typ == kg.Person || typ == kg.Organization {
			return rf.ent
		}
		return -1
	}
	// After: `" said X`, `" X said`, `" he said`.
	k := j + 1
	if k < len(toks) && speechVerbs[toks[k].low] {
		if rf, ok := refAt(refs, k+1); ok {
			return speaker(rf)
		}
		// Titles sit between the verb and the name: `said Lt. Gen. X`.
		for _, mi := range d.bySent[si] {
			if m := d.ms[mi]; m.tts == k+1 {
				return speaker(ref{ent: m.ent})
			}
		}
	}
	// `" the ministry said`, `" said a spokesman for X`.
	if k+2 < len(toks) && toks[k].low == "the" && speechVerbs[toks[k+2].low] {
		if e := d.lastOrgWithHead(toks[k+1].low, si, toks[k].start); e >= 0 {
			return e
		}
	}
	for q := k; q < len(toks) && q < k+6; q++ {
		if (toks[q].low == "for" || toks[q].low == "of") && q > 0 && roleNouns[toks[q-1].low] != roleNone {
			if rf, ok := refAt(refs, q+1+boolInt(q+1 < len(toks) && toks[q+1].low == "the")); ok && d.ents[rf.ent].typ == kg.Organization {
				if speechVerbs[toks[k].low] || saidSoon(toks, rf.te) {
					return rf.ent
				}
			}
			break
		}
	}
	if k < len(toks) {
		for _, mi := range d.bySent[si] {
			m := d.ms[mi]
			if m.tts == k && m.te < len(toks) && speechVerbs[toks[m.te].low] {
				return speaker(ref{ent: m.ent})
			}
		}
		if rf, ok := refAt(refs, k); ok && rf.pron && rf.te < len(toks) && speechVerbs[toks[rf.te].low] {
			return speaker(rf)
		}
	}
	// Before: `X said: "…"`, `X said, "…"`.
	if i >= 2 {
		b := i - 1
		if toks[b].text == ":" || toks[b].text == "," {
			b--
		}
		if b >= 0 && speechVerbs[toks[b].low] {
			if rf, ok := d.subjectOf(si, refs, b); ok {
				return speaker(rf)
			}
		}
	}
	return -1
}

// addQuote records the text between rune offsets start and end.
func (d *doc) addQuote(speaker, start, end int) {
	if end <= start || d.quotes[start] != nil {
		return
	}
	text := string(d.rs[start:end])
	d.quotes[start] = &kg.Quote{ID: kg.QuoteID(d.a.ID, start), Speaker: d.ents[speaker].id(), Text: text,
		ArticleID: d.a.ID, Start: start, End: end}
}

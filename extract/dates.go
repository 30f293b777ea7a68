package extract

import (
	"fmt"
	"strconv"
	"time"
)

// published returns the article's date and how precise it is (3 for a day,
// 2 for a month, 0 when unknown).
func (d *doc) published() (time.Time, int) {
	p := d.a.Published
	if t, err := time.Parse("2006-01-02", p); err == nil {
		return t, 3
	}
	if t, err := time.Parse("2006-01", p); err == nil {
		return t, 2
	}
	return time.Time{}, 0
}

// dateIn finds the date a sentence gives, as precise as the text: "2007",
// "2018-05" or "2018-05-12". Relative dates ("last year", "this Saturday",
// "in December") are resolved against the publication date when known.
func (d *doc) dateIn(si int) string {
	if ds := d.datesIn(si); len(ds) > 0 {
		return ds[0].val
	}
	return ""
}

// dateAt dates the event whose trigger word is token v of sentence si:
// the date expression nearest the trigger within its clause ("formed an
// alliance on Tuesday to contest next year's election" dates the election
// next year), else the sentence's first date.
func (d *doc) dateAt(si, v int) string {
	ds := d.datesIn(si)
	if len(ds) == 0 {
		return ""
	}
	toks := d.sents[si].toks
	best, bestDist := -1, 1<<30
	for k, x := range ds {
		lo, hi := min(x.tok, v), max(x.tok, v)
		split := false
		for j := lo; j < hi; j++ {
			if toks[j].text == ";" || toks[j].text == "—" || toks[j].text == ":" {
				split = true
				break
			}
		}
		if dist := hi - lo; !split && dist < bestDist {
			best, bestDist = k, dist
		}
	}
	if best < 0 {
		return ds[0].val
	}
	return ds[best].val
}

// dated is a date expression at a token of a sentence.
type dated struct {
	tok int
	val string
}

// agoCounts read "two years ago".
var agoCounts = map[string]int{"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
	"seven": 7, "eight": 8, "nine": 9, "ten": 10, "several": 0}

// datesIn lists the date expressions of sentence si in text order.
func (d *doc) datesIn(si int) []dated {
	toks := d.sents[si].toks
	pub, prec := d.published()
	var out []dated
	add := func(i int, v string) { out = append(out, dated{i, v}) }
	for i, t := range toks {
		if y, ok := year(t.low); ok {
			if i > 0 {
				if m, ok := monthNum[toks[i-1].low]; ok {
					add(i, fmt.Sprintf("%04d-%02d", y, m))
					continue
				}
				if i > 1 && toks[i-1].text == "," {
					if m, ok := monthNum[toks[i-3+boolInt(i < 3)].low]; ok && i >= 3 {
						if day, err := strconv.Atoi(toks[i-2].low); err == nil && day >= 1 && day <= 31 {
							add(i, fmt.Sprintf("%04d-%02d-%02d", y, m, day))
							continue
						}
					}
				}
			}
			add(i, strconv.Itoa(y))
			continue
		}
		if prec == 0 {
			continue
		}
		prev := ""
		if i > 0 {
			prev = toks[i-1].low
		}
		switch {
		case t.low == "year" && prev == "last":
			add(i, strconv.Itoa(pub.Year()-1))
			continue
		case t.low == "year" && prev == "this": // also "earlier this year"
			add(i, strconv.Itoa(pub.Year()))
			continue
		case t.low == "year" && prev == "next":
			add(i, strconv.Itoa(pub.Year()+1))
			continue
		case (t.low == "year" || t.low == "years") && i+1 < len(toks) && toks[i+1].low == "ago":
			if n, ok := agoCounts[prev]; ok && n > 0 {
				add(i, strconv.Itoa(pub.Year()-n))
			} else if n, err := strconv.Atoi(prev); err == nil && n > 0 && n < 200 {
				add(i, strconv.Itoa(pub.Year()-n))
			}
			continue
		case t.low == "month" && prev == "this":
			add(i, pub.Format("2006-01"))
			continue
		case t.low == "month" && prev == "last":
			add(i, pub.AddDate(0, -1, 0).Format("2006-01"))
			continue
		case t.low == "month" && prev == "next":
			add(i, pub.AddDate(0, 1, 0).Format("2006-01"))
			continue
		case t.low == "week" && prev == "last":
			add(i, pub.AddDate(0, 0, -7).Format("2006-01"))
			continue
		case t.low == "week" && prev == "next":
			add(i, pub.AddDate(0, 0, 7).Format("2006-01"))
			continue
		case t.low == "yesterday" && prec == 3:
			add(i, pub.AddDate(0, 0, -1).Format("2006-01-02"))
			continue
		case t.low == "today" && prec == 3:
			add(i, pub.Format("2006-01-02"))
			continue
		}
		if wd, ok := weekdays[t.low]; ok && prec == 3 {
			diff := wd - int(pub.Weekday())
			if prev == "this" || prev == "next" {
				if diff < 0 {
					diff += 7
				}
			} else if diff > 0 {
				diff -= 7 // "on Monday" in news is the last Monday
			}
			add(i, pub.AddDate(0, 0, diff).Format("2006-01-02"))
			continue
		}
		if m, ok := monthNum[t.low]; ok && t.cap && (len(t.low) > 3 && t.low != "march" || monthPreps[prev] || i+1 < len(toks) && isNumber(toks[i+1].low)) {
			if i+1 < len(toks) {
				if _, isYear := year(toks[i+1].low); isYear {
					continue // "March 2015": the year decides
				}
			}
			if i+3 < len(toks) && isNumber(toks[i+1].low) && toks[i+2].text == "," {
				if _, isYear := year(toks[i+3].low); isYear {
					continue // "May 3, 2016": likewise
				}
			}
			y := pub.Year()
			if i+1 < len(toks) {
				if day, err := strconv.Atoi(toks[i+1].low); err == nil && day >= 1 && day <= 31 {
					add(i, fmt.Sprintf("%04d-%02d-%02d", y, m, day))
					continue
				}
			}
			switch {
			case prev == "next" && m <= int(pub.Month()):
				y++
			case prev != "next" && m > int(pub.Month()):
				y--
			}
			add(i, fmt.Sprintf("%04d-%02d", y, m))
		}
	}
	return out
}

// monthPreps before a short or ambiguous month name ("in May", "since
// March") show that it is a month.
var monthPreps = map[string]bool{"in": true, "on": true, "since": true, "until": true, "by": true, "early": true,
	"late": true, "last": true, "next": true, "this": true, "from": true, "through": true, "mid": true, "of": true}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// year reads a plausible four-digit year.
func year(s string) (int, bool) {
	if len(s) != 4 {
		return 0, false
	}
	y, err := strconv.Atoi(s)
	if err != nil || y < 1900 || y > 2100 {
		return 0, false
	}
	return y, true
}

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
	toks := d.sents[si].toks
	pub, prec := d.published()
	for i, t := range toks {
		if y, ok := year(t.low); ok {
			if i > 0 {
				if m, ok := monthNum[toks[i-1].low]; ok {
					return fmt.Sprintf("%04d-%02d", y, m)
				}
				if i > 1 && toks[i-1].text == "," {
					if m, ok := monthNum[toks[i-3+boolInt(i < 3)].low]; ok && i >= 3 {
						if day, err := strconv.Atoi(toks[i-2].low); err == nil && day >= 1 && day <= 31 {
							return fmt.Sprintf("%04d-%02d-%02d", y, m, day)
						}
					}
				}
			}
			return strconv.Itoa(y)
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
			return strconv.Itoa(pub.Year() - 1)
		case t.low == "year" && prev == "this":
			return strconv.Itoa(pub.Year())
		case t.low == "month" && prev == "this":
			return pub.Format("2006-01")
		case t.low == "month" && prev == "last":
			return pub.AddDate(0, -1, 0).Format("2006-01")
		case t.low == "yesterday" && prec == 3:
			return pub.AddDate(0, 0, -1).Format("2006-01-02")
		case t.low == "today" && prec == 3:
			return pub.Format("2006-01-02")
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
			return pub.AddDate(0, 0, diff).Format("2006-01-02")
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
					return fmt.Sprintf("%04d-%02d-%02d", y, m, day)
				}
			}
			if m > int(pub.Month()) {
				y--
			}
			return fmt.Sprintf("%04d-%02d", y, m)
		}
	}
	return ""
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

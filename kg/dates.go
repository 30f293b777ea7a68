package kg

import (
	"strconv"
	"time"
)

// Period is the span of days a date string of some precision stands for,
// as yyyymmdd numbers: "2018" is 20180101..20181231, "2018-05" is
// 20180501..20180531, "2018-05-10" is one day.
type Period struct {
	Start, End int
	Precision  int // 1 year, 2 month, 3 day
}

// ParsePeriod reads "YYYY", "YYYY-MM" or "YYYY-MM-DD". Anything else, and
// impossible dates such as "2018-02-30", are not periods.
func ParsePeriod(s string) (Period, bool) {
	num := func(part string, digits int) (int, bool) {
		if len(part) != digits {
			return 0, false
		}
		for i := 0; i < len(part); i++ {
			if part[i] < '0' || part[i] > '9' {
				return 0, false
			}
		}
		n, err := strconv.Atoi(part)
		return n, err == nil
	}
	monthEnd := func(y, m int) int { return time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day() }
	switch len(s) {
	case 4:
		y, ok := num(s, 4)
		if !ok {
			return Period{}, false
		}
		return Period{y*10000 + 101, y*10000 + 1231, 1}, true
	case 7:
		if s[4] != '-' {
			return Period{}, false
		}
		y, ok1 := num(s[:4], 4)
		m, ok2 := num(s[5:], 2)
		if !ok1 || !ok2 || m < 1 || m > 12 {
			return Period{}, false
		}
		return Period{y*10000 + m*100 + 1, y*10000 + m*100 + monthEnd(y, m), 2}, true
	case 10:
		if s[4] != '-' || s[7] != '-' {
			return Period{}, false
		}
		y, ok1 := num(s[:4], 4)
		m, ok2 := num(s[5:7], 2)
		d, ok3 := num(s[8:], 2)
		if !ok1 || !ok2 || !ok3 || m < 1 || m > 12 || d < 1 || d > monthEnd(y, m) {
			return Period{}, false
		}
		n := y*10000 + m*100 + d
		return Period{n, n, 3}, true
	}
	return Period{}, false
}

// DateRange is an inclusive range of days as yyyymmdd numbers; a zero
// bound is open.
type DateRange struct {
	From, To int
}

// ParseDateRange reads the from and to bounds of a query ("2018",
// "2018-05" or "2018-05-10", "" for open): from counts from the first day
// of its period, to up to the last day of its own, so from "2018" and to
// "2018" select the whole year. Both empty is no range (nil).
func ParseDateRange(from, to string) (*DateRange, error) {
	if from == "" && to == "" {
		return nil, nil
	}
	var r DateRange
	if from != "" {
		p, ok := ParsePeriod(from)
		if !ok {
			return nil, Errorf(EInvalid, "from must be a date like 2018, 2018-05 or 2018-05-10, got %q", from)
		}
		r.From = p.Start
	}
	if to != "" {
		p, ok := ParsePeriod(to)
		if !ok {
			return nil, Errorf(EInvalid, "to must be a date like 2018, 2018-05 or 2018-05-10, got %q", to)
		}
		r.To = p.End
	}
	if r.From != 0 && r.To != 0 && r.From > r.To {
		return nil, Errorf(EInvalid, "from %q is after to %q", from, to)
	}
	return &r, nil
}

// Contains reports whether something dated date falls in the range: its
// period must overlap the range, so an article dated only "2018-05" counts
// for a range starting 2018-05-10. Undated or unreadable dates never do.
func (r *DateRange) Contains(date string) bool {
	p, ok := ParsePeriod(date)
	if !ok {
		return false
	}
	if r.From != 0 && p.End < r.From {
		return false
	}
	if r.To != 0 && p.Start > r.To {
		return false
	}
	return true
}

// Select returns the dates of ds that fall in the range, in order, never
// nil. Stores read the distinct dates they hold, select them here and
// filter by the selected strings, so every store applies this one calendar.
func (r *DateRange) Select(ds []string) []string {
	out := []string{}
	for _, d := range ds {
		if r.Contains(d) {
			out = append(out, d)
		}
	}
	return out
}

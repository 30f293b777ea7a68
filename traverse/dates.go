package traverse

import (
	"strconv"
	"time"

	"github.com/newsgraph/newsgraph/kg"
)

// period is the span of days a date string of some precision stands for,
// as yyyymmdd numbers: "2018" is 20180101..20181231, "2018-05" is
// 20180501..20180531, "2018-05-10" is one day.
type period struct {
	start, end int
	precision  int // 1 year, 2 month, 3 day
}

// parsePeriod reads "YYYY", "YYYY-MM" or "YYYY-MM-DD". Anything else, and
// impossible dates such as "2018-02-30", are not periods.
func parsePeriod(s string) (period, bool) {
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
	var y, m, d int
	var ok bool
	switch len(s) {
	case 4:
		if y, ok = num(s, 4); !ok {
			return period{}, false
		}
		return period{y*10000 + 101, y*10000 + 1231, 1}, true
	case 7:
		if s[4] != '-' {
			return period{}, false
		}
		y, ok1 := num(s[:4], 4)
		m, ok2 := num(s[5:], 2)
		if !ok1 || !ok2 || m < 1 || m > 12 {
			return period{}, false
		}
		last := time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
		return period{y*10000 + m*100 + 1, y*10000 + m*100 + last, 2}, true
	case 10:
		if s[4] != '-' || s[7] != '-' {
			return period{}, false
		}
		var ok1, ok2, ok3 bool
		y, ok1 = num(s[:4], 4)
		m, ok2 = num(s[5:7], 2)
		d, ok3 = num(s[8:], 2)
		if !ok1 || !ok2 || !ok3 || m < 1 || m > 12 || d < 1 {
			return period{}, false
		}
		if d > time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day() {
			return period{}, false
		}
		n := y*10000 + m*100 + d
		return period{n, n, 3}, true
	}
	return period{}, false
}

// dateRange is an inclusive range of days; a zero bound is open.
type dateRange struct {
	from, to int
}

// parseRange reads the From and To of a query: From counts from the first
// day of its period, To up to the last day of its own, so From "2018" and
// To "2018" select the whole year.
func parseRange(from, to string) (*dateRange, error) {
	if from == "" && to == "" {
		return nil, nil
	}
	var r dateRange
	if from != "" {
		p, ok := parsePeriod(from)
		if !ok {
			return nil, kg.Errorf(kg.EInvalid, "from must be a date like 2018, 2018-05 or 2018-05-10, got %q", from)
		}
		r.from = p.start
	}
	if to != "" {
		p, ok := parsePeriod(to)
		if !ok {
			return nil, kg.Errorf(kg.EInvalid, "to must be a date like 2018, 2018-05 or 2018-05-10, got %q", to)
		}
		r.to = p.end
	}
	if r.from != 0 && r.to != 0 && r.from > r.to {
		return nil, kg.Errorf(kg.EInvalid, "from %q is after to %q", from, to)
	}
	return &r, nil
}

// contains reports whether an article published at pub falls in the range:
// its period must overlap the range, so an article dated only "2018-05"
// counts for a range starting 2018-05-10. Undated articles never do.
func (r *dateRange) contains(pub string) bool {
	p, ok := parsePeriod(pub)
	if !ok {
		return false
	}
	if r.from != 0 && p.end < r.from {
		return false
	}
	if r.to != 0 && p.start > r.to {
		return false
	}
	return true
}

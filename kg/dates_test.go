package kg

import (
	"fmt"
	"testing"
)

func TestParsePeriod(t *testing.T) {
	for _, c := range []struct {
		in         string
		start, end int
		ok         bool
	}{
		{"2018", 20180101, 20181231, true},
		{"2018-02", 20180201, 20180228, true},
		{"2016-02", 20160201, 20160229, true},
		{"2018-05-10", 20180510, 20180510, true},
		{"2016-02-29", 20160229, 20160229, true},
		{"2018-02-29", 0, 0, false},
		{"2018-13", 0, 0, false},
		{"2018-00", 0, 0, false},
		{"2018-05-00", 0, 0, false},
		{"2018-5-10", 0, 0, false},
		{"18", 0, 0, false},
		{"+018", 0, 0, false},
		{"2018/05", 0, 0, false},
		{"", 0, 0, false},
		{"２０１８", 0, 0, false},
	} {
		p, ok := ParsePeriod(c.in)
		if ok != c.ok || ok && (p.Start != c.start || p.End != c.end) {
			t.Errorf("ParsePeriod(%q) = %+v, %v; want %d..%d, %v", c.in, p, ok, c.start, c.end, c.ok)
		}
	}
}

// FuzzParseRange feeds query date bounds, which come from API clients.
func FuzzParseRange(f *testing.F) {
	for _, s := range []string{"2018", "2018-05", "2018-05-10", "2018-02-30", "", "x", "2018-1", "9999-12-31"} {
		f.Add(s, "2019")
	}
	f.Fuzz(func(t *testing.T, from, to string) {
		r, err := ParseDateRange(from, to)
		if err != nil {
			if r != nil {
				t.Fatal("error with a range")
			}
			return
		}
		if r == nil {
			if from != "" || to != "" {
				t.Fatalf("no range for %q..%q", from, to)
			}
			return
		}
		if r.From != 0 && r.To != 0 && r.From > r.To {
			t.Fatalf("inverted range %+v", r)
		}
		// A period accepted as a bound is a date string again and lies in
		// the range it bounds.
		for _, s := range []string{from, to} {
			if s == "" {
				continue
			}
			p, ok := ParsePeriod(s)
			if !ok || p.Start > p.End {
				t.Fatalf("bound %q accepted but %+v, %v", s, p, ok)
			}
			y, m, d := p.Start/10000, p.Start/100%100, p.Start%100
			if p.Precision == 3 && fmt.Sprintf("%04d-%02d-%02d", y, m, d) != s {
				t.Fatalf("%q reads as %d", s, p.Start)
			}
			if from != "" && to != "" && !r.Contains(s) {
				t.Fatalf("%q is outside its own range %+v", s, r)
			}
		}
	})
}

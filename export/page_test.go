package export

import (
	"errors"
	"reflect"
	"testing"
)

func TestEachPage(t *testing.T) {
	pages := map[string]struct {
		items   []int
		hasNext bool
		end     string
	}{
		"":  {[]int{1, 2}, true, "a"},
		"a": {[]int{3}, true, "b"},
		"b": {[]int{4}, false, "c"},
	}
	fetch := func(after string) ([]int, bool, string, error) {
		p, ok := pages[after]
		if !ok {
			t.Fatalf("fetched after %q, past the last page", after)
		}
		return p.items, p.hasNext, p.end, nil
	}
	var got []int
	if err := eachPage(fetch, func(i int) error { got = append(got, i); return nil }); err != nil {
		t.Fatal(err)
	}
	if want := []int{1, 2, 3, 4}; !reflect.DeepEqual(got, want) {
		t.Fatalf("items %v, want %v", got, want)
	}

	stop := errors.New("stop")
	got = nil
	err := eachPage(fetch, func(i int) error {
		got = append(got, i)
		if i == 3 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || len(got) != 3 {
		t.Fatalf("after fn's error: err %v, items %v; want stop after 3", err, got)
	}

	down := errors.New("down")
	err = eachPage(func(string) ([]int, bool, string, error) { return nil, false, "", down }, func(int) error { return nil })
	if !errors.Is(err, down) {
		t.Fatalf("fetch error %v, want down", err)
	}
}

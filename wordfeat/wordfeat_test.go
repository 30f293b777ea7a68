package wordfeat

import "testing"

// The committed models depend on these exact values.
func TestHashesAreStable(t *testing.T) {
	if got, want := String(""), uint64(14695981039346656037); got != want {
		t.Errorf(`String("") = %d, want %d`, got, want)
	}
	if got, want := String("a"), uint64(0xaf63dc4c8601ec8c); got != want {
		t.Errorf(`String("a") = %#x, want %#x`, got, want)
	}
	if String("Kyiv") != Bytes([]byte("Kyiv")) {
		t.Error("String and Bytes disagree")
	}
	if Feature(3, 1, 2) == Feature(3, 2, 1) {
		t.Error("Feature ignores the order of values")
	}
	if Feature(3, 1) == Feature(4, 1) {
		t.Error("Feature ignores the template")
	}
	tmpl := uint64(2)
	if got, want := Feature(2, 5), Mix(tmpl*0xA24BAED4963EE407+1, 5); got != want {
		t.Errorf("Feature(2, 5) = %#x, want %#x", got, want)
	}
}

func TestSurface(t *testing.T) {
	for _, c := range []struct {
		word  string
		opt   Shape
		lower string
		shape string
		flags uint64
	}{
		{"U.S.-led", Shape{Len: 8}, "u.s.-led", "X.X.-x", Upper | AnyUpper | Period | Hyphen},
		{"NATO", Shape{Len: 8}, "nato", "X", Upper | AllCap | AnyUpper},
		{"iPhone", Shape{Len: 8}, "iphone", "xXx", AnyUpper},
		{"1,200", Shape{Len: 8}, "1,200", "d.d", Digit},
		{"--", Shape{Len: 8}, "--", "-", Hyphen | Punct},
		{"a\u2011b", Shape{Len: 8}, "a\u2011b", "x.x", 0},
		{"a\u2011b", Shape{Len: 8, NoBreakHyphen: true}, "a\u2011b", "x-x", Hyphen},
		{"A1a1a1a1a", Shape{Len: 6}, "a1a1a1a1a", "Xdxdxd", Upper | AnyUpper | Digit},
		{"Éric", Shape{Len: 8}, "éric", "Xx", Upper | AnyUpper},
	} {
		lower, shape, flags := Surface(c.word, nil, c.opt)
		if string(lower) != c.lower || shape != String(c.shape)^0x51 || flags != c.flags {
			t.Errorf("Surface(%q, %+v) = %q, %#x, %b; want %q, shape %q (%#x), %b",
				c.word, c.opt, lower, shape, flags, c.lower, c.shape, String(c.shape)^0x51, c.flags)
		}
	}
}

func TestAffixes(t *testing.T) {
	for n, want := range []string{"", "r", "er", "ber", "über", "über"} {
		if Suffix([]byte("über"), n) != String(want) {
			t.Errorf("suffix of %d: not the hash of %q", n, want)
		}
	}
	for n, want := range []string{"", "ü", "üb", "übe", "über", "über"} {
		if Prefix([]byte("über"), n) != String(want) {
			t.Errorf("prefix of %d: not the hash of %q", n, want)
		}
	}
}

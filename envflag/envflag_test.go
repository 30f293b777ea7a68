package envflag

import (
	"errors"
	"flag"
	"io"
	"strings"
	"testing"
	"time"
)

func newSet() *Set {
	fs := flag.NewFlagSet("t", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return New(fs)
}

// TestEnvDefaults: a well-formed variable is the flag's default, and a flag
// on the command line wins over it.
func TestEnvDefaults(t *testing.T) {
	t.Setenv("T_INT", "7")
	t.Setenv("T_DUR", "90s")
	t.Setenv("T_BOOL", "true")
	t.Setenv("T_STR", "x")
	t.Setenv("T_CHOICE", "b")
	s := newSet()
	n := s.Int("n", "T_INT", 1, "")
	n64 := s.Int64("n64", "T_INT", 1, "")
	d := s.Duration("d", "T_DUR", time.Second, "")
	b := s.Bool("b", "T_BOOL", "")
	str := s.String("s", "T_STR", "def", "")
	c := s.Choice("c", "T_CHOICE", "a", []string{"a", "b"}, "")
	unset := s.Int("u", "T_UNSET", 3, "")
	if err := s.Parse([]string{"-n64", "9"}); err != nil {
		t.Fatal(err)
	}
	if *n != 7 || *n64 != 9 || *d != 90*time.Second || !*b || *str != "x" || *c != "b" || *unset != 3 {
		t.Errorf("got n=%d n64=%d d=%v b=%v s=%q c=%q u=%d", *n, *n64, *d, *b, *str, *c, *unset)
	}
}

// TestMalformedEnv: every malformed variable is an *Error naming it and its
// value, and the default is not silently used instead.
func TestMalformedEnv(t *testing.T) {
	for _, tc := range []struct{ value, want string }{
		{"ten", "not a whole number"},
		{"-3", "must not be negative"},
		{"99999999999999999999", "too large"},
	} {
		t.Run(tc.value, func(t *testing.T) {
			t.Setenv("T_INT", tc.value)
			s := newSet()
			s.Int("n", "T_INT", 1, "")
			err := s.Parse(nil)
			var e *Error
			if !errors.As(err, &e) || e.Var != "T_INT" || e.Value != tc.value {
				t.Fatalf("Parse = %v, want an *Error for T_INT=%q", err, tc.value)
			}
			if msg := err.Error(); !strings.Contains(msg, "T_INT") || !strings.Contains(msg, tc.value) || !strings.Contains(msg, tc.want) {
				t.Errorf("message %q does not name the variable, the value and %q", msg, tc.want)
			}
		})
	}
	t.Setenv("T_DUR", "30")
	t.Setenv("T_BOOL", "yes please")
	t.Setenv("T_CHOICE", "c")
	s := newSet()
	s.Duration("d", "T_DUR", time.Second, "")
	s.Bool("b", "T_BOOL", "")
	s.Choice("c", "T_CHOICE", "a", []string{"a", "b"}, "")
	err := s.Parse(nil)
	for _, want := range []string{`T_DUR="30": not a duration`, `T_BOOL="yes please"`, `T_CHOICE="c": want one of a, b`} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Parse = %v, want it to say %s", err, want)
		}
	}
}

// TestMalformedFlag: the same values on the command line are flag errors;
// those the flag package parses are *Error naming the flag and the value.
func TestMalformedFlag(t *testing.T) {
	for _, args := range [][]string{{"-n", "-1"}, {"-n", "x"}, {"-d", "5"}, {"-d", "-5s"}, {"-c", "z"}, {"-n64", "-2"}} {
		s := newSet()
		s.Int("n", "", 0, "")
		s.Int64("n64", "", 0, "")
		s.Duration("d", "", 0, "")
		s.Choice("c", "", "a", []string{"a"}, "")
		err := s.Parse(args)
		if err == nil {
			t.Errorf("%v accepted", args)
			continue
		}
		var e *Error
		if errors.As(err, &e) && (e.Flag != args[0][1:] || !strings.Contains(err.Error(), `"`+args[1]+`"`)) {
			t.Errorf("%v: %v does not name the flag and the value", args, err)
		}
	}
}

// TestUsageNamesVariable: -h shows each flag's variable.
func TestUsageNamesVariable(t *testing.T) {
	fs := flag.NewFlagSet("t", flag.ContinueOnError)
	var out strings.Builder
	fs.SetOutput(&out)
	s := New(fs)
	s.Int("max-depth", "T_MAX_DEPTH", 0, "largest depth")
	s.Bool("quiet", "", "say less")
	_ = s.Parse([]string{"-h"})
	if !strings.Contains(out.String(), "largest depth (env T_MAX_DEPTH)") {
		t.Errorf("usage:\n%s", out.String())
	}
}

// FuzzEnvValue: any environment value is taken or refused with an *Error,
// never a panic, and a taken count is never negative.
func FuzzEnvValue(f *testing.F) {
	for _, s := range []string{"1", "-1", "30s", "x", "true", " 5 ", "1e3", "0x10"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, v string) {
		if strings.ContainsRune(v, 0) {
			return // an environment value cannot hold NUL
		}
		t.Setenv("T_FUZZ", v)
		s := newSet()
		n := s.Int("n", "T_FUZZ", 0, "")
		d := s.Duration("d", "T_FUZZ", 0, "")
		s.Bool("b", "T_FUZZ", "")
		err := s.Parse(nil)
		var e *Error
		if err != nil && !errors.As(err, &e) {
			t.Fatalf("Parse = %v, not an *Error", err)
		}
		if *n < 0 || *d < 0 {
			t.Fatalf("%q gave n=%d d=%v", v, *n, *d)
		}
	})
}

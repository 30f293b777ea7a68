// Package envflag registers command-line flags whose defaults come from
// environment variables. A malformed value is refused wherever it comes
// from: a flag's by the flag package (exit 2 with the usage), an
// environment variable's by Parse, naming the variable and the value,
// instead of a silent fall back to the default.
package envflag

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"
)

// Error is a malformed value of an environment variable.
type Error struct {
	Var, Value string
	Err        error
}

// Error names the variable, its value and what is wrong with it.
func (e *Error) Error() string {
	return fmt.Sprintf("environment variable %s=%q: %v", e.Var, e.Value, e.Err)
}

// Unwrap returns what is wrong with the value.
func (e *Error) Unwrap() error { return e.Err }

// Set registers flags on a flag.FlagSet, each with its environment variable.
type Set struct {
	fs   *flag.FlagSet
	errs []error
}

// New registers flags on fs.
func New(fs *flag.FlagSet) *Set { return &Set{fs: fs} }

// Parse parses the command line, then reports every malformed environment
// value (as *Error, joined), so a command refuses to start on them.
func (s *Set) Parse(args []string) error {
	if err := s.fs.Parse(args); err != nil {
		return err
	}
	return errors.Join(s.errs...)
}

// register sets v from env when it is set, remembers a malformed value, and
// registers the flag with the variable named in its usage.
func (s *Set) register(v flag.Value, name, env, usage string) {
	if env != "" {
		if raw := os.Getenv(env); raw != "" {
			if err := v.Set(raw); err != nil {
				s.errs = append(s.errs, &Error{Var: env, Value: raw, Err: err})
			}
		}
		usage += " (env " + env + ")"
	}
	s.fs.Var(v, name, usage)
}

// String registers a string flag: env's value when set, else def.
func (s *Set) String(name, env, def, usage string) *string {
	v := stringValue(def)
	s.register(&v, name, env, usage)
	return (*string)(&v)
}

// Choice registers a string flag that must be one of choices: env's value
// when set, else def.
func (s *Set) Choice(name, env, def string, choices []string, usage string) *string {
	v := &choiceValue{v: def, choices: choices}
	s.register(v, name, env, usage)
	return &v.v
}

// Bool registers a boolean flag, off unless env says true (1, t, true:
// strconv.ParseBool's forms; any other value is refused).
func (s *Set) Bool(name, env, usage string) *bool {
	v := boolValue(false)
	s.register(&v, name, env, usage)
	return (*bool)(&v)
}

// Int registers a count or size, which cannot be negative: env's value
// when set, else def.
func (s *Set) Int(name, env string, def int, usage string) *int {
	p := &def
	s.register(intValue[int]{p}, name, env, usage)
	return p
}

// Int64 is Int for 64-bit sizes.
func (s *Set) Int64(name, env string, def int64, usage string) *int64 {
	p := &def
	s.register(intValue[int64]{p}, name, env, usage)
	return p
}

// Duration registers a span of time (Go's form: "30s", "1m30s"), which
// cannot be negative: env's value when set, else def.
func (s *Set) Duration(name, env string, def time.Duration, usage string) *time.Duration {
	v := durationValue(def)
	s.register(&v, name, env, usage)
	return (*time.Duration)(&v)
}

type stringValue string

func (v *stringValue) Set(s string) error { *v = stringValue(s); return nil }
func (v *stringValue) String() string     { return string(*v) }

type choiceValue struct {
	v       string
	choices []string
}

func (v *choiceValue) Set(s string) error {
	for _, c := range v.choices {
		if s == c {
			v.v = s
			return nil
		}
	}
	return fmt.Errorf("want one of %s", strings.Join(v.choices, ", "))
}

func (v *choiceValue) String() string {
	if v == nil {
		return ""
	}
	return v.v
}

type boolValue bool

func (v *boolValue) Set(s string) error {
	b, err := strconv.ParseBool(s)
	if err != nil {
		return errors.New("want true or false (1 or 0)")
	}
	*v = boolValue(b)
	return nil
}

func (v *boolValue) String() string { return strconv.FormatBool(bool(*v)) }

// IsBoolFlag lets the flag be given without a value.
func (v *boolValue) IsBoolFlag() bool { return true }

// intValue is a non-negative int or int64 flag.
type intValue[T int | int64] struct{ p *T }

func (v intValue[T]) Set(s string) error {
	bits := 64
	if _, ok := any(T(0)).(int); ok {
		bits = strconv.IntSize
	}
	n, err := strconv.ParseInt(strings.TrimSpace(s), 10, bits)
	switch {
	case errors.Is(err, strconv.ErrRange):
		return errors.New("too large")
	case err != nil:
		return errors.New("not a whole number")
	case n < 0:
		return errors.New("must not be negative")
	}
	*v.p = T(n)
	return nil
}

func (v intValue[T]) String() string {
	if v.p == nil {
		return "0"
	}
	return strconv.FormatInt(int64(*v.p), 10)
}

type durationValue time.Duration

func (v *durationValue) Set(s string) error {
	d, err := time.ParseDuration(strings.TrimSpace(s))
	switch {
	case err != nil:
		return errors.New(`not a duration (a number with a unit: "30s", "2m", "1m30s")`)
	case d < 0:
		return errors.New("must not be negative")
	}
	*v = durationValue(d)
	return nil
}

func (v *durationValue) String() string { return time.Duration(*v).String() }

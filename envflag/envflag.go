// Package envflag registers command-line flags whose defaults come from
// environment variables. A malformed value is refused wherever it comes
// from, naming where it came from and the value, instead of a silent fall
// back to the default; sizes, counts and times cannot be negative.
package envflag

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Error is a malformed value of an environment variable (Var) or of a flag
// (Flag).
type Error struct {
	Var, Flag, Value string
	Err              error
}

// Error names the variable or flag, its value and what is wrong with it.
func (e *Error) Error() string {
	if e.Var != "" {
		return fmt.Sprintf("environment variable %s=%q: %v", e.Var, e.Value, e.Err)
	}
	return fmt.Sprintf("invalid value %q for flag -%s: %v", e.Value, e.Flag, e.Err)
}

// Unwrap returns what is wrong with the value.
func (e *Error) Unwrap() error { return e.Err }

// Set registers flags on a flag.FlagSet, each with its environment variable.
type Set struct {
	fs     *flag.FlagSet
	errs   []error        // malformed environment values, found at registration
	checks []func() error // the flags' values, checked once parsed
}

// New registers flags on fs.
func New(fs *flag.FlagSet) *Set { return &Set{fs: fs} }

// Parse parses the command line, then reports every malformed value (as
// *Error, joined), so a command refuses to start on them. The flag set
// reports a value it cannot parse at all itself, as it is set up to.
func (s *Set) Parse(args []string) error {
	if err := s.fs.Parse(args); err != nil {
		return err
	}
	errs := slices.Clone(s.errs)
	for _, c := range s.checks {
		if err := c(); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// fromEnv hands env's value, when set, to parse, and remembers a malformed
// one; it returns the usage text naming the variable.
func (s *Set) fromEnv(env, usage string, parse func(raw string) error) string {
	if env == "" {
		return usage
	}
	if raw := os.Getenv(env); raw != "" {
		if err := parse(raw); err != nil {
			s.errs = append(s.errs, &Error{Var: env, Value: raw, Err: err})
		}
	}
	return usage + " (env " + env + ")"
}

// check refuses the flag's value, once parsed, when bad says what is wrong
// with it.
func (s *Set) check(name string, value func() string, bad func() error) {
	s.checks = append(s.checks, func() error {
		if err := bad(); err != nil {
			return &Error{Flag: name, Value: value(), Err: err}
		}
		return nil
	})
}

// String registers a string flag: env's value when set, else def.
func (s *Set) String(name, env, def, usage string) *string {
	usage = s.fromEnv(env, usage, func(raw string) error { def = raw; return nil })
	return s.fs.String(name, def, usage)
}

// Choice registers a string flag that must be one of choices: env's value
// when set, else def.
func (s *Set) Choice(name, env, def string, choices []string, usage string) *string {
	oneOf := func(v string) error {
		if !slices.Contains(choices, v) {
			return fmt.Errorf("want one of %s", strings.Join(choices, ", "))
		}
		return nil
	}
	usage = s.fromEnv(env, usage, func(raw string) error {
		if err := oneOf(raw); err != nil {
			return err
		}
		def = raw
		return nil
	})
	p := s.fs.String(name, def, usage)
	s.check(name, func() string { return *p }, func() error { return oneOf(*p) })
	return p
}

// Bool registers a boolean flag, off unless env says true (1, t, true:
// strconv.ParseBool's forms, as for the flag; any other value is refused).
func (s *Set) Bool(name, env, usage string) *bool {
	def := false
	usage = s.fromEnv(env, usage, func(raw string) error {
		b, err := strconv.ParseBool(raw)
		if err != nil {
			return errors.New("want true or false (1 or 0)")
		}
		def = b
		return nil
	})
	return s.fs.Bool(name, def, usage)
}

// Int registers a count or size: env's value when set, else def.
func (s *Set) Int(name, env string, def int, usage string) *int {
	usage = s.fromEnv(env, usage, func(raw string) error {
		n, err := parseCount(raw, strconv.IntSize)
		if err == nil {
			def = int(n)
		}
		return err
	})
	p := s.fs.Int(name, def, usage)
	s.check(name, func() string { return strconv.Itoa(*p) }, func() error { return nonNegative(*p) })
	return p
}

// Int64 is Int for 64-bit sizes.
func (s *Set) Int64(name, env string, def int64, usage string) *int64 {
	usage = s.fromEnv(env, usage, func(raw string) error {
		n, err := parseCount(raw, 64)
		if err == nil {
			def = n
		}
		return err
	})
	p := s.fs.Int64(name, def, usage)
	s.check(name, func() string { return strconv.FormatInt(*p, 10) }, func() error { return nonNegative(*p) })
	return p
}

// Duration registers a span of time (Go's form: "30s", "1m30s"): env's
// value when set, else def.
func (s *Set) Duration(name, env string, def time.Duration, usage string) *time.Duration {
	usage = s.fromEnv(env, usage, func(raw string) error {
		d, err := time.ParseDuration(strings.TrimSpace(raw))
		if err != nil {
			return errors.New(`not a duration (a number with a unit: "30s", "2m", "1m30s")`)
		}
		if err := nonNegative(d); err != nil {
			return err
		}
		def = d
		return nil
	})
	p := s.fs.Duration(name, def, usage)
	s.check(name, func() string { return p.String() }, func() error { return nonNegative(*p) })
	return p
}

// parseCount reads a whole number as the flag package does (base prefixes
// such as 0x allowed) and refuses a negative one.
func parseCount(raw string, bits int) (int64, error) {
	n, err := strconv.ParseInt(strings.TrimSpace(raw), 0, bits)
	switch {
	case errors.Is(err, strconv.ErrRange):
		return 0, errors.New("too large")
	case err != nil:
		return 0, errors.New("not a whole number")
	}
	return n, nonNegative(n)
}

func nonNegative[T int | int64 | time.Duration](v T) error {
	if v < 0 {
		return errors.New("must not be negative")
	}
	return nil
}

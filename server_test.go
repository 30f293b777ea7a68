package main

import (
	"context"
	"io"
	"runtime/debug"
	"strings"
	"testing"
)

// TestMalformedEnvironment: a malformed NEWSGRAPH_* value stops every
// command that reads it before it does anything, with exit status 2 and a
// message naming the variable and the value (it used to fall back to the
// default without a word).
func TestMalformedEnvironment(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel() // should a command get past its flags, it stops at once
	cmds := map[string]func(args []string) error{
		"serve":   func(a []string) error { return serve(ctx, a) },
		"load":    func(a []string) error { return load(ctx, a) },
		"extract": func(a []string) error { return extractCmd(a, io.Discard) },
		"export":  func(a []string) error { return exportCmd(ctx, a, io.Discard) },
		"resolve": func(a []string) error { return resolveCmd(ctx, a, io.Discard) },
	}
	for _, tc := range []struct {
		cmds     []string
		key, val string
		want     string
	}{
		{[]string{"serve"}, "NEWSGRAPH_TIMEOUT", "30", "not a duration"},
		{[]string{"serve"}, "NEWSGRAPH_SHUTDOWN_GRACE", "-1s", "must not be negative"},
		{[]string{"serve"}, "NEWSGRAPH_MAX_DEPTH", "twelve", "not a whole number"},
		{[]string{"serve"}, "NEWSGRAPH_MAX_BODY", "1MiB", "not a whole number"},
		{[]string{"serve"}, "NEWSGRAPH_NO_SAMPLES", "maybe", "want true or false"},
		{[]string{"serve", "load", "extract"}, "NEWSGRAPH_MAX_ARTICLE_BYTES", "10M", "not a whole number"},
		{[]string{"serve", "load", "export", "resolve"}, "NEWSGRAPH_STORE", "postgres", "want one of embedded, sqlite, neo4j"},
	} {
		for _, name := range tc.cmds {
			t.Run(name+"/"+tc.key, func(t *testing.T) {
				t.Setenv("NEWSGRAPH_DATA", t.TempDir())
				t.Setenv("NEWSGRAPH_ADDR", "127.0.0.1:0")
				t.Setenv(tc.key, tc.val)
				var args []string
				if name == "load" || name == "extract" {
					args = []string{"no-such-file.txt"}
				}
				err := cmds[name](args)
				if err == nil {
					t.Fatalf("%s=%s: %s started", tc.key, tc.val, name)
				}
				msg := err.Error()
				if !strings.Contains(msg, tc.key+`="`+tc.val+`"`) || !strings.Contains(msg, tc.want) {
					t.Errorf("%s: %q, want the variable, the value and %q", name, msg, tc.want)
				}
				if c := exitCode(err); c != 2 {
					t.Errorf("%s: exit status %d, want 2", name, c)
				}
			})
		}
	}
}

// TestUsageErrors: a call that lacks its arguments or gives a bad value
// exits 2; a failure of the work itself exits 1.
func TestUsageErrors(t *testing.T) {
	t.Setenv("NEWSGRAPH_DATA", t.TempDir())
	if c := exitCode(load(context.Background(), nil)); c != 2 {
		t.Errorf("load with no path: exit %d, want 2", c)
	}
	if c := exitCode(extractCmd([]string{"--max-article-bytes", "0", "x.txt"}, io.Discard)); c != 2 {
		t.Errorf("extract --max-article-bytes 0: exit %d, want 2", c)
	}
	if c := exitCode(exportCmd(context.Background(), []string{"--format", "xml"}, io.Discard)); c != 2 {
		t.Errorf("export --format xml: exit %d, want 2", c)
	}
	err := serve(context.Background(), []string{"--max-depth", "-1"})
	if c := exitCode(err); c != 2 || !strings.Contains(err.Error(), "-max-depth") {
		t.Errorf("serve --max-depth -1: exit %d (%v), want 2 naming the flag", c, err)
	}
	err = serve(context.Background(), []string{"--gc-percent", "10"})
	if c := exitCode(err); c != 2 || !strings.Contains(err.Error(), "--gc-percent") {
		t.Errorf("serve --gc-percent 10: exit %d (%v), want 2 naming the flag", c, err)
	}
	if c := exitCode(extractCmd([]string{"no-such-file.txt"}, io.Discard)); c != 1 {
		t.Errorf("extract of a missing file: exit %d, want 1", c)
	}
}

// TestGCPercent: --gc-percent sets the collector's target unless GOGC does.
func TestGCPercent(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	if err := setGCPercent(300, ""); err != nil {
		t.Fatal(err)
	}
	if got := debug.SetGCPercent(100); got != 300 {
		t.Errorf("after --gc-percent 300: GC percent %d, want 300", got)
	}
	if err := setGCPercent(300, "150"); err != nil {
		t.Fatal(err)
	}
	if got := debug.SetGCPercent(100); got != 100 {
		t.Errorf("with GOGC set: GC percent %d, want it left at 100", got)
	}
}

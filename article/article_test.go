package article

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/kg"
)

const seed = "../../shared/articles/iraq-allies.txt"

func TestSeedText(t *testing.T) {
	a, m, err := ReadFileWithMap(seed)
	if err != nil {
		t.Fatal(err)
	}
	if a.Section != "International News" {
		t.Errorf("section = %q", a.Section)
	}
	if a.Title != "U.S. Takes a Risk: Old Iraqi Enemies Are Now Allies" {
		t.Errorf("title = %q", a.Title)
	}
	if !strings.HasPrefix(a.Text, a.Title+"\n\nIraq's interior minister, Qassim al-Araji,") {
		t.Errorf("text starts %q", a.Text[:120])
	}
	for _, bad := range []string{"\u2019", "\u201c", "\u00a0", "  ", "\n\n\n", "Continue reading the main story", "Related Articles"} {
		if strings.Contains(a.Text, bad) {
			t.Errorf("text contains %q", bad)
		}
	}
	// A file is identified by its absolute path, however it was named.
	abs, _ := filepath.Abs(seed)
	if a.ID != kg.ArticleID(abs) || a.Published != "" {
		t.Errorf("id %q published %q", a.ID, a.Published)
	}
	// The offset map points back at the same words in the file.
	raw, _ := os.ReadFile(seed)
	rs := []rune(a.Text)
	for _, w := range []string{"Qassim al-Araji", "Camp Bucca", "Douglas J. Silliman", "Habib al-Hillawi"} {
		i := strings.Index(a.Text, w)
		ri := utf8.RuneCountInString(a.Text[:i])
		o := m.Orig(ri)
		if o < 0 || !bytes.HasPrefix(raw[o:], []byte(w)) {
			t.Errorf("%s: orig %d", w, o)
		}
		if string(rs[ri:ri+utf8.RuneCountInString(w)]) != w {
			t.Errorf("rune slice mismatch for %s", w)
		}
	}
	// A straightened quote maps to the curly one.
	i := strings.Index(a.Text, "Iraq's")
	o := m.Orig(utf8.RuneCountInString(a.Text[:i]) + 4)
	if !bytes.HasPrefix(raw[o:], []byte("\u2019s")) {
		t.Errorf("apostrophe maps to %q", raw[o:o+3])
	}
	if m.Orig(-1) != -1 || m.Orig(m.Len()) != -1 || m.Len() != len(rs) {
		t.Error("out of range offsets should map to -1")
	}
}

func TestFormats(t *testing.T) {
	cases := []struct {
		file, title, section, published, url string
		has, hasNot                          []string
	}{
		{"sample.txt", "Harbor Town Opens New Bridge After Years of Delay", "World News", "", "",
			[]string{`"It took too long," she said — but`, "\n\nEngineers from"}, nil},
		{"sample.md", "Farmers Rally in Valdoria", "Business", "2021-03-04", "https://example.org/valdoria-farmers",
			[]string{"led by Tomas Brenner, the head of the Valdoria Growers Union.", `"We want fair prices," Mr. Brenner said.`, "The union says prices fell.\n\nThe ministry"},
			[]string{"**", "](", "# ", "---", "Valdoria\n\nFarmers Rally"}},
		{"sample.html", "Port Strike Ends", "", "2019-07-22", "https://example.com/port-strike",
			[]string{"Harbor Workers Guild & the port authority", "The guild's leader, Ada Okafor, called it \"a fair result.\""},
			[]string{"Do not read", "color", "Home", "Site header", "Subscribe", "Copyright", "Daily Example"}},
		{"sample.json", "Rain Floods Old Quarter", "", "2020-11-02", "https://example.net/floods",
			[]string{"Sunday.\n\nThe city council"}, nil},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			a, err := ReadFile(filepath.Join("testdata", c.file))
			if err != nil {
				t.Fatal(err)
			}
			if a.Title != c.title || a.Section != c.section || a.Published != c.published || a.URL != c.url {
				t.Errorf("got title %q section %q published %q url %q", a.Title, a.Section, a.Published, a.URL)
			}
			if !strings.HasPrefix(a.Text, c.title+"\n\n") {
				t.Errorf("text does not start with the title: %q", a.Text)
			}
			for _, s := range c.has {
				if !strings.Contains(a.Text, s) {
					t.Errorf("text lacks %q:\n%s", s, a.Text)
				}
			}
			for _, s := range c.hasNot {
				if strings.Contains(a.Text, s) {
					t.Errorf("text has %q:\n%s", s, a.Text)
				}
			}
			if a.Source != filepath.Join("testdata", c.file) {
				t.Errorf("source %q", a.Source)
			}
		})
	}
}

func TestHTMLMainAndBodyFallback(t *testing.T) {
	page := `<html><body><nav>Menu</nav><main><p>Main text here about the Harbor.</p></main><div>Outside main.</div></body></html>`
	a, err := Parse("x.html", []byte(page))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(a.Text, "Main text here") || strings.Contains(a.Text, "Outside") || strings.Contains(a.Text, "Menu") {
		t.Errorf("main selection: %q", a.Text)
	}
	page = `<html><head><title>T</title></head><body><script>alert(1)</script><p>Only <b>body</b> text.</p><footer>F</footer><time datetime="2018-05-10">May 10</time></body></html>`
	a, err = Parse("x.htm", []byte(page))
	if err != nil {
		t.Fatal(err)
	}
	if a.Text != "T\n\nOnly body text.\n\nMay 10" || a.Published != "2018-05-10" {
		t.Errorf("body fallback: %q %q", a.Text, a.Published)
	}
	// A page that is all script has no body text.
	_, err = Parse("s.html", []byte("<html><body><script>"+strings.Repeat("var a=1;", 1000)+"</script></body></html>"))
	if kg.ErrorCode(err) != kg.EInvalid || !strings.Contains(err.Error(), "no body text") {
		t.Errorf("script-only page: %v", err)
	}
}

func TestBadInput(t *testing.T) {
	cases := []struct {
		name string
		data []byte
		want string
	}{
		{"empty.txt", nil, "empty file"},
		{"blank.txt", []byte(" \n\t\n"), "empty file"},
		{"nul.txt", []byte("Title\n\nsome\x00text"), "binary"},
		{"ctl.txt", bytes.Repeat([]byte{1, 2, 3, 'a'}, 100), "binary"},
		{"bad.txt", []byte("Title\n\nbad \xff\xfe utf8"), "invalid UTF-8"},
		{"x.pdf", []byte("Title\n\nBody."), "unsupported"},
		{"bad.json", []byte(`{"title": 3`), "invalid JSON"},
		{"nobody.json", []byte(`{"title": "T", "body": ""}`), "no body text"},
	}
	for _, c := range cases {
		_, err := Parse(c.name, c.data)
		if err == nil || !strings.Contains(err.Error(), c.name) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got %v, want an error naming the file and saying %q", c.name, err, c.want)
		}
		if kg.ErrorCode(err) != kg.EInvalid {
			t.Errorf("%s: code %q", c.name, kg.ErrorCode(err))
		}
	}
}

func TestTooLarge(t *testing.T) {
	old := MaxBytes
	MaxBytes = 1000
	defer func() { MaxBytes = old }()
	p := filepath.Join(t.TempDir(), "big.txt")
	if err := os.WriteFile(p, bytes.Repeat([]byte("word "), 1000), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := ReadFile(p)
	if err == nil || !strings.Contains(err.Error(), "big.txt") || !strings.Contains(err.Error(), "too large") {
		t.Errorf("got %v", err)
	}
	if _, err := ReadFile(filepath.Join(t.TempDir(), "missing.txt")); kg.ErrorCode(err) != kg.ENotFound {
		t.Errorf("missing file: %v", err)
	}
}

func TestFiles(t *testing.T) {
	dir := t.TempDir()
	for _, p := range []string{"b.txt", "a.md", "sub/c.html", "sub/d.json", "sub/e.pdf", ".hidden.txt", ".git/f.txt", "sub/g.HTM"} {
		full := filepath.Join(dir, p)
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got := Files([]string{dir, filepath.Join(dir, "b.txt")})
	if want := "a.md b.txt sub/c.html sub/d.json sub/g.HTM"; entries(t, dir, got) != want {
		t.Errorf("got %s, want %s", entries(t, dir, got), want)
	}
}

// entries renders Files' answer relative to dir: "path" for a file to read,
// "path!" for a failure, "path~" for a deliberate skip.
func entries(t *testing.T, dir string, es []Entry) string {
	t.Helper()
	var out []string
	for _, e := range es {
		r, err := filepath.Rel(dir, e.Path)
		if err != nil {
			t.Fatal(err)
		}
		switch {
		case e.Err == nil:
		case errors.Is(e.Err, ErrSkip):
			r += "~"
		default:
			r += "!"
		}
		if e.Err != nil && !strings.Contains(e.Err.Error(), e.Path) {
			t.Errorf("error %q does not name %s", e.Err, e.Path)
		}
		out = append(out, r)
	}
	return strings.Join(out, " ")
}

// TestFilesGoesOnPastBadPaths names every path it cannot use and keeps the
// rest: a missing path, an unsupported named file, a file where a folder is
// expected, a dangling link, an unreadable folder; links to files and
// folders are followed, and a link loop ends with the looping link named.
func TestFilesGoesOnPastBadPaths(t *testing.T) {
	dir := t.TempDir()
	for _, p := range []string{"in/a.txt", "in/sub/b.txt", "in/locked/c.txt", "x.pdf", "other/d.txt"} {
		full := filepath.Join(dir, p)
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	link := func(target, name string) {
		if err := os.Symlink(target, filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
	}
	link(filepath.Join(dir, "nowhere.txt"), "in/dangling.txt")
	link("..", "in/sub/up")                     // a loop back to in/
	link(filepath.Join(dir, "other"), "in/ext") // a folder outside
	link("a.txt", "in/alias.txt")               // a file
	// chmod does not stop root, so the unreadable folder is simulated.
	old := readDir
	readDir = func(name string) ([]os.DirEntry, error) {
		if filepath.Base(name) == "locked" {
			return nil, fs.ErrPermission
		}
		return old(name)
	}
	defer func() { readDir = old }()

	got := Files([]string{
		filepath.Join(dir, "missing"), filepath.Join(dir, "x.pdf"),
		filepath.Join(dir, "in"), filepath.Join(dir, "x.pdf", "y.txt"),
	})
	want := "in/a.txt in/alias.txt in/dangling.txt! in/ext/d.txt in/locked! in/sub/b.txt in/sub/up~ missing! x.pdf! x.pdf/y.txt!"
	if s := entries(t, dir, got); s != want {
		t.Errorf("got  %s\nwant %s", s, want)
	}
	for _, e := range got {
		if strings.HasSuffix(e.Path, "missing") && kg.ErrorCode(e.Err) != kg.ENotFound {
			t.Errorf("missing path: %v", e.Err)
		}
		if strings.HasSuffix(e.Path, "up") && !strings.Contains(e.Err.Error(), "already read") {
			t.Errorf("loop: %v", e.Err)
		}
	}
}

func TestAnswerKeysAreNotArticles(t *testing.T) {
	for name, data := range map[string]string{
		"k.gold.json": `{"article": "articles/x.txt", "entities": {"a": {"type": "Person", "names": ["A"]}}, "relations": []}`,
		"x.json":      `{"article": {"id": "article:1", "title": "T"}, "entities": [], "relations": []}`,
	} {
		_, err := Parse(name, []byte(data))
		if !errors.Is(err, ErrSkip) || kg.ErrorCode(err) != kg.EInvalid || !strings.Contains(err.Error(), name) || !strings.Contains(err.Error(), "not an article") {
			t.Errorf("%s: %v, want a skip that says it is not an article", name, err)
		}
	}
	if _, err := Parse("a.json", []byte(`{"title": "T", "body": "Body.", "entities": []}`)); err != nil {
		t.Errorf("an article with a body and an entities key: %v", err)
	}
}

func TestOneParagraphText(t *testing.T) {
	for _, in := range []string{
		"The minister met the ambassador in Baghdad on Tuesday.\n",
		"The minister met the ambassador in Baghdad on Tuesday. They spoke\nabout security and trade.\n",
	} {
		a, err := Parse("one.txt", []byte(in))
		if err != nil {
			t.Errorf("%q: %v", in, err)
			continue
		}
		if a.Title != "" || !strings.HasPrefix(a.Text, "The minister met") || !strings.HasSuffix(strings.TrimSpace(a.Text), ".") {
			t.Errorf("%q: title %q, text %q", in, a.Title, a.Text)
		}
	}
	a, err := Parse("two.txt", []byte("Minister meets envoy\nThe minister met the envoy.\n"))
	if err != nil || a.Title != "Minister meets envoy" {
		t.Errorf("a headline over one line of body: %+v, %v", a, err)
	}
}

func TestNormalizeAndMap(t *testing.T) {
	in := "Title\n\n  \u201cHi\u201d \t said  Jos\u0065\u0301\u00a0Ru\u00edz \u2014 twice.\n"
	a, m, err := ParseWithMap("n.txt", []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	want := "Title\n\n\"Hi\" said Jos\u00e9 Ru\u00edz \u2014 twice."
	if a.Text != want {
		t.Fatalf("got %q want %q", a.Text, want)
	}
	// 'R' of Ruíz: rune 7+len(`"Hi" said José `)=7+15.
	ri := strings.Index(a.Text, "Ru")
	o := m.Orig(utf8.RuneCountInString(a.Text[:ri]))
	if !strings.HasPrefix(in[o:], "Ru\u00edz") {
		t.Errorf("Ruíz maps to %d %q", o, in[o:])
	}
	// The blank line between paragraphs is synthetic.
	if m.Orig(5) != -1 {
		t.Errorf("separator maps to %d", m.Orig(5))
	}
	if o := m.Orig(7); in[o:o+3] != "\u201c" {
		t.Errorf("opening quote maps to %q", in[o:o+3])
	}
}

func TestDates(t *testing.T) {
	for in, want := range map[string]string{
		"2018-05-10": "2018-05-10", "2018-05-10T09:00:00Z": "2018-05-10", "2018-05": "2018-05",
		"May 10, 2018": "2018-05-10", "Thursday, May 10, 2018": "2018-05-10", "2018-13-01": "", "soon": "",
	} {
		if got := normDate(in); got != want {
			t.Errorf("normDate(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"sample.txt", "sample.md", "sample.html", "sample.json"} {
		b, err := os.ReadFile(filepath.Join("testdata", s))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(filepath.Ext(s), b)
	}
	f.Add(".txt", []byte("a\n\nb"))
	f.Add(".md", []byte("[x](y\n# \n---\n"))
	f.Fuzz(func(t *testing.T, ext string, data []byte) {
		name := "f" + ext
		a, m, err := ParseWithMap(name, data)
		if err != nil {
			if a != nil {
				t.Fatal("article with error")
			}
			return
		}
		if !utf8.ValidString(a.Text) || !utf8.ValidString(a.Title) {
			t.Fatal("invalid UTF-8 text")
		}
		if a.ID != kg.ArticleID(kg.ArticleSource(a.URL, name)) {
			t.Fatal("id not derived from the source")
		}
		b, _, err := ParseWithMap(name, data)
		if err != nil || b.ID != a.ID || b.Text != a.Text {
			t.Fatal("parse not deterministic")
		}
		if m.Len() != utf8.RuneCountInString(a.Text) {
			t.Fatal("map length")
		}
		for i := 0; i < m.Len(); i += 7 {
			if o := m.Orig(i); o >= len(data) {
				t.Fatalf("offset %d beyond input %d", o, len(data))
			}
		}
	})
}

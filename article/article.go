// Package article reads news articles from text, Markdown, HTML and JSON
// files and turns them into normalized kg.Article values whose Text is what
// every extraction offset indexes.
package article

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/kg"
)

// DefaultMaxBytes is MaxBytes unless the command line sets it.
const DefaultMaxBytes = 10 << 20

// MaxBytes is the largest input accepted, in bytes: the one article size
// limit (extraction has none of its own). Bigger files are rejected after
// reading at most MaxBytes+1 bytes of them. It is set once at start, from
// --max-article-bytes.
var MaxBytes int64 = DefaultMaxBytes

// Extensions lists the supported file extensions, lower case with the dot.
var Extensions = []string{".txt", ".md", ".html", ".htm", ".json"}

// doc is what a format parser finds before normalization.
type doc struct {
	title     piece
	section   string
	url       string
	published string
	paras     []paragraph
}

// ReadFile reads and parses one article file; the format follows the
// extension. It never reads more than MaxBytes+1 bytes.
func ReadFile(path string) (*kg.Article, error) {
	a, _, err := ReadFileWithMap(path)
	return a, err
}

// ReadFileWithMap is ReadFile that also returns the offset map of the text.
func ReadFileWithMap(path string) (*kg.Article, *OffsetMap, error) {
	if !supported(path) {
		return nil, nil, kg.Errorf(kg.EInvalid, "%s: unsupported file type %q (want one of %s)",
			path, filepath.Ext(path), strings.Join(Extensions, ", "))
	}
	f, err := os.Open(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, nil, fmt.Errorf("%w", kg.Errorf(kg.ENotFound, "%s: no such file", path))
		}
		return nil, nil, fmt.Errorf("open article %s: %w", path, err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxBytes+1))
	if err != nil {
		return nil, nil, fmt.Errorf("read article %s: %w", path, err)
	}
	a, m, err := ParseWithMap(path, data)
	if err == nil && a.URL == "" {
		// A file is one article whatever directory it is named from.
		if abs, aerr := filepath.Abs(path); aerr == nil {
			a.ID = kg.ArticleID(abs)
		}
	}
	return a, m, err
}

// Parse parses an article from bytes; name gives the format (by extension)
// and becomes Article.Source.
func Parse(name string, data []byte) (*kg.Article, error) {
	a, _, err := ParseWithMap(name, data)
	return a, err
}

// ParseWithMap is Parse that also returns the map from rune offsets of
// Article.Text back to byte offsets of data.
func ParseWithMap(name string, data []byte) (*kg.Article, *OffsetMap, error) {
	if err := check(name, data); err != nil {
		return nil, nil, err
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	var d doc
	var err error
	switch strings.ToLower(filepath.Ext(name)) {
	case ".txt":
		d = parseText(string(data))
	case ".md":
		d = parseMarkdown(string(data))
	case ".html", ".htm":
		d = parseHTML(data)
	case ".json":
		d, err = parseJSON(data)
		if errors.Is(err, errNotArticle) {
			return nil, nil, skip("%s: skipped: %v", name, err)
		}
		if err != nil {
			return nil, nil, fmt.Errorf("%w", kg.Errorf(kg.EInvalid, "%s: invalid JSON article: %v", name, err))
		}
	default:
		return nil, nil, kg.Errorf(kg.EInvalid, "%s: unsupported file type %q (want one of %s)",
			name, filepath.Ext(name), strings.Join(Extensions, ", "))
	}
	return assemble(name, d)
}

// check rejects input that cannot be an article, naming the file.
func check(name string, data []byte) error {
	switch {
	case int64(len(data)) > MaxBytes:
		return kg.Errorf(kg.EInvalid, "%s: file too large (more than %d bytes)", name, MaxBytes)
	case len(bytes.TrimSpace(data)) == 0:
		return kg.Errorf(kg.EInvalid, "%s: empty file", name)
	case bytes.IndexByte(data, 0) >= 0:
		return kg.Errorf(kg.EInvalid, "%s: binary file (contains NUL bytes)", name)
	case !utf8.Valid(data):
		return kg.Errorf(kg.EInvalid, "%s: invalid UTF-8 text", name)
	}
	// Mostly control characters means binary even without NUL bytes.
	ctl, total := 0, 0
	for _, r := range string(data[:min(len(data), 8192)]) {
		total++
		if (r < 0x20 && r != '\n' && r != '\r' && r != '\t' && r != '\f') || r == 0x7f || r == utf8.RuneError {
			ctl++
		}
	}
	if ctl*10 > total {
		return kg.Errorf(kg.EInvalid, "%s: binary file (mostly non-text bytes)", name)
	}
	return nil
}

// boilerplate lists whole-paragraph web page furniture that is not article
// text.
var boilerplate = map[string]bool{
	"continue reading the main story": true, "related articles": true, "related coverage": true,
	"advertisement": true, "supported by": true, "read more": true, "share this article": true,
	"skip to content": true, "skip advertisement": true,
}

func isBoilerplate(p paragraph) bool {
	var sb strings.Builder
	for _, x := range p {
		sb.WriteString(x.text)
		sb.WriteByte(' ')
		if sb.Len() > 64 {
			return false
		}
	}
	s := strings.ToLower(strings.Join(strings.Fields(sb.String()), " "))
	return boilerplate[strings.TrimRight(s, ".:")]
}

// assemble normalizes a parsed document into an article.
func assemble(name string, d doc) (*kg.Article, *OffsetMap, error) {
	var b builder
	b.add(d.title.text, d.title.orig)
	b.endParagraph()
	title := b.sb.String()
	before := b.n
	for _, p := range d.paras {
		if isBoilerplate(p) {
			continue
		}
		for _, x := range p {
			b.add(x.text, x.orig)
		}
		b.endParagraph()
	}
	if b.n == before {
		return nil, nil, kg.Errorf(kg.EInvalid, "%s: no body text", name)
	}
	m := b.offsetMap()
	a := &kg.Article{
		Title:     title,
		Source:    name,
		URL:       strings.TrimSpace(d.url),
		Published: normDate(d.published),
		Section:   clean(d.section),
		Text:      m.text,
	}
	// An article is identified by where it comes from, so that an edited
	// version replaces the earlier one (see kg.ArticleSource).
	a.ID = kg.ArticleID(kg.ArticleSource(a.URL, a.Source))
	return a, m, nil
}

var dateRE = regexp.MustCompile(`^(\d{4})-(\d{2})(?:-(\d{2}))?`)

// normDate keeps the "2018-05-10" or "2018-05" prefix of a date or
// timestamp and drops anything it cannot read.
func normDate(s string) string {
	s = strings.TrimSpace(s)
	m := dateRE.FindStringSubmatch(s)
	if m == nil {
		if t, ok := parseLooseDate(s); ok {
			return t
		}
		return ""
	}
	if m[2] < "01" || m[2] > "12" || (m[3] != "" && (m[3] < "01" || m[3] > "31")) {
		return ""
	}
	if m[3] == "" {
		return m[1] + "-" + m[2]
	}
	return m[1] + "-" + m[2] + "-" + m[3]
}

var months = map[string]string{
	"jan": "01", "feb": "02", "mar": "03", "apr": "04", "may": "05", "jun": "06",
	"jul": "07", "aug": "08", "sep": "09", "oct": "10", "nov": "11", "dec": "12",
}

var looseDateRE = regexp.MustCompile(`(?i)^(?:[a-z]+,?\s+)?([a-z]{3})[a-z]*\.?\s+(\d{1,2}),?\s+(\d{4})`)

// parseLooseDate reads "May 10, 2018" and "Thursday, May 10, 2018".
func parseLooseDate(s string) (string, bool) {
	m := looseDateRE.FindStringSubmatch(s)
	if m == nil {
		return "", false
	}
	mo, ok := months[strings.ToLower(m[1])]
	if !ok {
		return "", false
	}
	d := m[2]
	if len(d) == 1 {
		d = "0" + d
	}
	return m[3] + "-" + mo + "-" + d, true
}

func supported(path string) bool {
	ext := strings.ToLower(filepath.Ext(path))
	for _, e := range Extensions {
		if e == ext {
			return true
		}
	}
	return false
}

// ErrSkip marks input that is deliberately left out rather than failed: a
// JSON file that is not an article (an extraction or an answer key), or a
// symbolic link to a folder already read. Errors wrapping it name the path
// and say why.
var ErrSkip = errors.New("skipped")

// skipError is a skip that is also a client error (kg.EInvalid), so that
// ingestArticle given an answer key says why.
type skipError struct{ err *kg.Error }

func skip(format string, args ...any) error {
	return skipError{kg.Errorf(kg.EInvalid, format, args...)}
}

// Error returns the message, which names the path and says why.
func (e skipError) Error() string { return e.err.Error() }

// Unwrap makes the error both ErrSkip and a *kg.Error.
func (e skipError) Unwrap() []error { return []error{e.err, ErrSkip} }

// Entry is one input Files found: a file to read, or a path it could not use
// (Err names the path and says why; errors.Is(Err, ErrSkip) for the ones left
// out on purpose).
type Entry struct {
	Path string
	Err  error
}

// readDir lists a directory; tests replace it to simulate unreadable folders.
var readDir = os.ReadDir

// Files expands paths into the article files they name. Files are kept when
// their extension is supported; directories are walked recursively,
// following symbolic links to files and folders but never into a folder
// already walked (so link loops end); hidden files and directories are
// skipped. A path it cannot use — missing, unreadable, a named file of an
// unsupported type, a dangling link — is an entry with an error, and the
// walk goes on. Entries are sorted by path and free of duplicates.
func Files(paths []string) []Entry {
	seen := map[string]bool{}
	var out []Entry
	add := func(p string, err error) {
		if !seen[p] {
			seen[p] = true
			out = append(out, Entry{Path: p, Err: err})
		}
	}
	walked := map[string]string{} // real path of each folder walked -> path it was walked as
	var walk func(dir string)
	walk = func(dir string) {
		real, err := filepath.EvalSymlinks(dir)
		if err == nil {
			real, err = filepath.Abs(real)
		}
		if err != nil {
			add(dir, fmt.Errorf("%s: cannot read folder: %w", dir, cause(err)))
			return
		}
		if first, ok := walked[real]; ok {
			if first != dir { // a folder named twice is just a duplicate
				add(dir, skip("%s: skipped: the same folder as %s, already read", dir, first))
			}
			return
		}
		walked[real] = dir
		entries, err := readDir(dir)
		if err != nil {
			// ReadDir returns what it read before the error; keep those.
			add(dir, fmt.Errorf("%s: cannot read folder: %w", dir, cause(err)))
		}
		for _, e := range entries {
			if strings.HasPrefix(e.Name(), ".") {
				continue
			}
			p := filepath.Join(dir, e.Name())
			mode := e.Type()
			if mode&fs.ModeSymlink != 0 {
				st, err := os.Stat(p)
				if err != nil {
					add(p, fmt.Errorf("%s: broken symbolic link: %w", p, cause(err)))
					continue
				}
				mode = st.Mode().Type()
			}
			switch {
			case mode.IsDir():
				walk(p)
			case mode.IsRegular() && supported(p):
				add(p, nil)
			}
		}
	}
	for _, p := range paths {
		st, err := os.Stat(p)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			add(p, kg.Errorf(kg.ENotFound, "%s: no such file or directory", p))
		case err != nil:
			add(p, fmt.Errorf("%s: cannot read: %w", p, cause(err)))
		case st.IsDir():
			walk(p)
		case !supported(p):
			add(p, kg.Errorf(kg.EInvalid, "%s: unsupported file type %q (want one of %s)",
				p, filepath.Ext(p), strings.Join(Extensions, ", ")))
		default:
			add(p, nil)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return out
}

// cause drops the path from a *fs.PathError, which the message names already.
func cause(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

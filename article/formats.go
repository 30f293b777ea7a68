package article

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// line is one input line with the byte offset of its first byte.
type line struct {
	text string
	orig int
}

// splitLines splits s into lines (without their line breaks), keeping
// offsets, with the leading and trailing white space of each line trimmed.
func splitLines(s string) []line {
	var out []line
	off := 0
	for off <= len(s) {
		end := strings.IndexByte(s[off:], '\n')
		next := 0
		if end < 0 {
			end = len(s) - off
			next = len(s) + 1
		} else {
			next = off + end + 1
		}
		raw := s[off : off+end]
		trimmed := strings.TrimLeftFunc(raw, isSpace)
		lead := len(raw) - len(trimmed)
		trimmed = strings.TrimRightFunc(trimmed, isSpace)
		out = append(out, line{trimmed, off + lead})
		off = next
	}
	return out
}

// endsSentence reports whether s ends like a sentence rather than a heading.
func endsSentence(s string) bool {
	s = strings.TrimRight(s, "\"'\u201d\u2019)")
	r, _ := utf8.DecodeLastRuneInString(s)
	return r == '.' || r == '!' || r == '?'
}

// runsOn reports whether a line continues the sentence of the line before
// (it starts with a lower-case letter), as in a hard-wrapped paragraph.
func runsOn(next string) bool {
	r, _ := utf8.DecodeRuneInString(next)
	return unicode.IsLower(r)
}

// parseText reads plain text: an optional section line, a title line, then
// paragraphs; a single paragraph with no title line is all body. Files with long lines have one paragraph per line; files whose
// lines are all short are hard-wrapped and have blank-line paragraphs.
func parseText(s string) doc {
	lines := splitLines(s)
	var nonEmpty []int
	for i, l := range lines {
		if l.text != "" {
			nonEmpty = append(nonEmpty, i)
		}
	}
	var d doc
	if len(nonEmpty) == 0 {
		return d
	}
	first := lines[nonEmpty[0]]
	bodyFrom := nonEmpty[0] + 1
	// One block of text (no blank line) has no title when it is a single
	// line, or its first line ends a sentence or runs on into the next.
	oneBlock := nonEmpty[len(nonEmpty)-1]-nonEmpty[0] == len(nonEmpty)-1
	switch {
	case oneBlock && (len(nonEmpty) == 1 || endsSentence(first.text) || runsOn(lines[nonEmpty[1]].text)):
		bodyFrom = nonEmpty[0]
	case len(nonEmpty) >= 3:
		second := lines[nonEmpty[1]]
		if len(strings.Fields(first.text)) <= 6 && !endsSentence(first.text) && !strings.HasSuffix(first.text, ":") &&
			utf8.RuneCountInString(second.text) <= 200 && !endsSentence(second.text) {
			d.section = first.text
			first = second
			bodyFrom = nonEmpty[1] + 1
		}
		fallthrough
	default:
		d.title = piece(first)
	}
	body := lines[bodyFrom:]
	long := false
	for _, l := range body {
		if utf8.RuneCountInString(l.text) > 100 {
			long = true
			break
		}
	}
	d.paras = paragraphs(body, long)
	return d
}

// paragraphs groups lines into paragraphs: a blank line ends one, and so
// does every line when eachLine is set.
func paragraphs(lines []line, eachLine bool) []paragraph {
	var out []paragraph
	var cur paragraph
	for _, l := range lines {
		if l.text == "" || eachLine {
			if len(cur) > 0 {
				out = append(out, cur)
				cur = nil
			}
			if l.text == "" {
				continue
			}
		}
		cur = append(cur, piece{l.text, l.orig}, piece{" ", -1})
	}
	if len(cur) > 0 {
		out = append(out, cur)
	}
	return out
}

// parseMarkdown reads Markdown: optional front matter (title, date or
// published, url, section), a leading "# Title", and paragraphs with inline
// markup stripped.
func parseMarkdown(s string) doc {
	var d doc
	lines := splitLines(s)
	i := 0
	for i < len(lines) && lines[i].text == "" {
		i++
	}
	if i < len(lines) && lines[i].text == "---" {
		for j := i + 1; j < len(lines); j++ {
			if lines[j].text == "---" || lines[j].text == "..." {
				for _, l := range lines[i+1 : j] {
					k, v, ok := strings.Cut(l.text, ":")
					if !ok {
						continue
					}
					v = strings.Trim(strings.TrimSpace(v), `"'`)
					switch strings.ToLower(strings.TrimSpace(k)) {
					case "title":
						off := l.orig + strings.Index(l.text, v)
						d.title = piece{v, off}
					case "date", "published", "published_at", "pubdate":
						d.published = v
					case "url", "link", "canonical":
						d.url = v
					case "section", "category":
						d.section = v
					}
				}
				i = j + 1
				break
			}
		}
	}
	var cur paragraph
	flush := func() {
		if len(cur) > 0 {
			d.paras = append(d.paras, cur)
			cur = nil
		}
	}
	fence := false
	for _, l := range lines[i:] {
		t := l.text
		if strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~") {
			fence = !fence
			flush()
			continue
		}
		if fence {
			continue
		}
		if t == "" || isRule(t) {
			flush()
			continue
		}
		off := l.orig
		if h := headingLevel(t); h > 0 {
			flush()
			body := strings.TrimLeft(t[h:], " \t")
			body = strings.TrimRight(strings.TrimRight(body, "#"), " \t")
			boff := off + strings.Index(t, body)
			if h == 1 && d.title.text == "" {
				d.title = piece{inlineText(body), boff}
				continue
			}
			if h == 1 && len(d.paras) == 0 && len(cur) == 0 && clean(inlineText(body)) == clean(d.title.text) {
				continue // the front matter already gave this title
			}
			if p := inline(body, boff); len(p) > 0 {
				d.paras = append(d.paras, p)
			}
			continue
		}
		for strings.HasPrefix(t, ">") {
			n := len(t)
			t = strings.TrimLeft(t[1:], " \t")
			off += n - len(t)
		}
		if m := listMarker(t); m > 0 {
			flush()
			t = t[m:]
			off += m
		}
		cur = append(cur, inline(t, off)...)
		cur = append(cur, piece{" ", -1})
	}
	flush()
	if d.title.text == "" && len(d.paras) > 0 {
		// No heading: the first paragraph is the title.
		var sb strings.Builder
		for _, p := range d.paras[0] {
			sb.WriteString(p.text)
		}
		d.title = piece{strings.TrimSpace(sb.String()), d.paras[0][0].orig}
		d.paras = d.paras[1:]
	}
	return d
}

func headingLevel(t string) int {
	n := 0
	for n < len(t) && t[n] == '#' {
		n++
	}
	if n == 0 || n > 6 || (n < len(t) && t[n] != ' ' && t[n] != '\t') {
		return 0
	}
	return n
}

func isRule(t string) bool {
	t = strings.ReplaceAll(t, " ", "")
	if len(t) < 3 {
		return false
	}
	c := t[0]
	if c != '-' && c != '*' && c != '_' {
		return false
	}
	return strings.Count(t, string(c)) == len(t)
}

// listMarker returns the length of a list item marker ("- ", "1. ") at the
// start of t, or 0.
func listMarker(t string) int {
	if len(t) >= 2 && (t[0] == '-' || t[0] == '*' || t[0] == '+') && t[1] == ' ' {
		return 2
	}
	n := 0
	for n < len(t) && n < 9 && t[n] >= '0' && t[n] <= '9' {
		n++
	}
	if n > 0 && n+1 < len(t) && (t[n] == '.' || t[n] == ')') && t[n+1] == ' ' {
		return n + 2
	}
	return 0
}

// inline strips inline Markdown (links, images, emphasis, code ticks, HTML
// tags) from one line, keeping the input offset of every kept piece.
func inline(t string, off int) paragraph {
	var out paragraph
	start := 0
	emit := func(end int) {
		if end > start {
			out = append(out, piece{t[start:end], off + start})
		}
	}
	for i := 0; i < len(t); {
		c := t[i]
		switch {
		case c == '!' && i+1 < len(t) && t[i+1] == '[':
			// An image: drop it with its alt text.
			if _, end, ok := link(t, i+1); ok {
				emit(i)
				i, start = end, end
				continue
			}
		case c == '[':
			if textEnd, end, ok := link(t, i); ok {
				emit(i)
				out = append(out, inline(t[i+1:textEnd], off+i+1)...)
				i, start = end, end
				continue
			}
		case c == '*' || c == '`' || (c == '_' && emphasisUnderscore(t, i)):
			emit(i)
			i++
			start = i
			continue
		case c == '<':
			if j := strings.IndexByte(t[i:], '>'); j > 0 && isTagStart(t[i+1:]) {
				emit(i)
				i += j + 1
				start = i
				continue
			}
		case c == '\\' && i+1 < len(t) && strings.IndexByte("\\`*_{}[]()#+-.!<>", t[i+1]) >= 0:
			emit(i)
			start = i + 1
			i += 2
			continue
		}
		i++
	}
	emit(len(t))
	return out
}

func inlineText(t string) string {
	var sb strings.Builder
	for _, p := range inline(t, 0) {
		sb.WriteString(p.text)
	}
	return sb.String()
}

// link parses "[text](url)" at t[i]; it returns the end of the text, the end
// of the whole link and whether it is one.
func link(t string, i int) (textEnd, end int, ok bool) {
	depth := 0
	for j := i; j < len(t); j++ {
		switch t[j] {
		case '[':
			depth++
		case ']':
			depth--
			if depth == 0 {
				if j+1 < len(t) && t[j+1] == '(' {
					if k := strings.IndexByte(t[j+1:], ')'); k > 0 {
						return j, j + 1 + k + 1, true
					}
				}
				return 0, 0, false
			}
		}
	}
	return 0, 0, false
}

// emphasisUnderscore tells an emphasis underscore from one inside a word
// ("snake_case").
func emphasisUnderscore(t string, i int) bool {
	before, after := ' ', ' '
	if i > 0 {
		before, _ = utf8.DecodeLastRuneInString(t[:i])
	}
	if i+1 < len(t) {
		after, _ = utf8.DecodeRuneInString(t[i+1:])
	}
	inWord := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
	return !(inWord(before) && inWord(after))
}

func isTagStart(s string) bool {
	if s == "" {
		return false
	}
	c := s[0]
	return c == '/' || c == '!' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
}

// skipTags hold page furniture or code, never article text.
var skipTags = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Nav: true, atom.Header: true, atom.Footer: true,
	atom.Aside: true, atom.Form: true, atom.Noscript: true, atom.Template: true, atom.Svg: true,
	atom.Iframe: true, atom.Button: true, atom.Select: true, atom.Textarea: true, atom.Figcaption: true,
}

// blockTags end a paragraph.
var blockTags = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true,
	atom.H5: true, atom.H6: true, atom.Li: true, atom.Br: true, atom.Article: true, atom.Main: true,
	atom.Section: true, atom.Blockquote: true, atom.Tr: true, atom.Td: true, atom.Th: true,
	atom.Pre: true, atom.Ul: true, atom.Ol: true, atom.Table: true, atom.Body: true,
	atom.Figure: true, atom.Hr: true, atom.Dd: true, atom.Dt: true,
}

// htmlBlock is one paragraph of HTML text and where it sat.
type htmlBlock struct {
	para      paragraph
	inArticle bool
	inMain    bool
	skipped   bool
	isH1      bool
}

// parseHTML reads HTML with a tokenizer, tracking byte offsets: title from
// <h1> or <title>, text from <article>, else <main>, else the body without
// page furniture; dates from article:published_time or <time datetime>.
func parseHTML(data []byte) doc {
	var d doc
	z := html.NewTokenizer(bytes.NewReader(data))
	z.SetMaxBuf(len(data) + 1)
	pos := 0
	var depthArticle, depthMain, depthSkip, depthTitle, depthH1 int
	var titleText, h1Text strings.Builder
	var blocks []htmlBlock
	var cur htmlBlock
	flush := func() {
		if len(cur.para) > 0 {
			blocks = append(blocks, cur)
		}
		cur = htmlBlock{}
	}
	for {
		tt := z.Next()
		raw := z.Raw()
		start := pos
		pos += len(raw)
		if tt == html.ErrorToken {
			break
		}
		switch tt {
		case html.StartTagToken, html.SelfClosingTagToken, html.EndTagToken:
			name, hasAttr := z.TagName()
			a := atom.Lookup(name)
			if tt == html.StartTagToken || tt == html.SelfClosingTagToken {
				if hasAttr {
					readMeta(z, a, &d)
				}
			}
			delta := 0
			switch tt {
			case html.StartTagToken:
				delta = 1
			case html.EndTagToken:
				delta = -1
			}
			if blockTags[a] || skipTags[a] {
				flush()
			}
			switch {
			case a == atom.Article:
				depthArticle = max(0, depthArticle+delta)
			case a == atom.Main:
				depthMain = max(0, depthMain+delta)
			case a == atom.Title:
				depthTitle = max(0, depthTitle+delta)
			case a == atom.H1:
				depthH1 = max(0, depthH1+delta)
			case skipTags[a]:
				depthSkip = max(0, depthSkip+delta)
			}
		case html.TextToken:
			text := string(z.Text())
			decoded := text != string(raw)
			switch {
			case depthTitle > 0:
				titleText.WriteString(text)
				continue
			case depthH1 > 0 && depthSkip == 0:
				h1Text.WriteString(text)
				cur.isH1 = true
			}
			if strings.TrimFunc(text, isSpace) == "" {
				if len(cur.para) > 0 {
					cur.para = append(cur.para, piece{" ", -1})
				}
				continue
			}
			if decoded {
				// Decoded entities shift offsets: point every rune at the token.
				for _, r := range text {
					cur.para = append(cur.para, piece{string(r), start})
				}
			} else {
				cur.para = append(cur.para, piece{text, start})
			}
			cur.inArticle = cur.inArticle || depthArticle > 0
			cur.inMain = cur.inMain || depthMain > 0
			cur.skipped = cur.skipped || depthSkip > 0
		}
	}
	flush()
	title := strings.TrimSpace(h1Text.String())
	d.title = piece{title, -1}
	if title == "" {
		d.title = piece{strings.TrimSpace(titleText.String()), -1}
	}
	keep := func(b htmlBlock) bool { return !b.skipped }
	for _, b := range blocks {
		if b.inArticle {
			keep = func(b htmlBlock) bool { return b.inArticle && !b.skipped }
			break
		}
	}
	for _, b := range blocks {
		if b.inMain {
			if keep(htmlBlock{}) { // no <article>: fall back to <main>
				keep = func(b htmlBlock) bool { return b.inMain && !b.skipped }
			}
			break
		}
	}
	for _, b := range blocks {
		if keep(b) && !b.isH1 {
			d.paras = append(d.paras, b.para)
		}
	}
	return d
}

// readMeta picks publication date and URL from <meta>, <time> and <link>.
func readMeta(z *html.Tokenizer, a atom.Atom, d *doc) {
	attrs := map[string]string{}
	for {
		k, v, more := z.TagAttr()
		attrs[strings.ToLower(string(k))] = string(v)
		if !more {
			break
		}
	}
	switch a {
	case atom.Meta:
		key := strings.ToLower(attrs["property"] + attrs["name"] + attrs["itemprop"])
		switch key {
		case "article:published_time", "datepublished", "pubdate", "date", "dc.date", "og:published_time":
			if d.published == "" {
				d.published = attrs["content"]
			}
		case "og:url":
			if d.url == "" {
				d.url = attrs["content"]
			}
		case "article:section":
			if d.section == "" {
				d.section = attrs["content"]
			}
		}
	case atom.Time:
		if d.published == "" && attrs["datetime"] != "" {
			d.published = attrs["datetime"]
		}
	case atom.Link:
		if strings.EqualFold(attrs["rel"], "canonical") && attrs["href"] != "" {
			d.url = attrs["href"]
		}
	}
}

// jsonArticle is the JSON input format; a few common aliases are accepted.
type jsonArticle struct {
	Title     string `json:"title"`
	Headline  string `json:"headline"`
	URL       string `json:"url"`
	Published string `json:"published"`
	Date      string `json:"date"`
	Section   string `json:"section"`
	Body      string `json:"body"`
	Text      string `json:"text"`
	Content   string `json:"content"`
	// Entities and relations with no body are the marks of an extraction
	// (what `extract` prints) or an answer key, not an article.
	Entities  json.RawMessage `json:"entities"`
	Relations json.RawMessage `json:"relations"`
}

// errNotArticle is what parseJSON returns for JSON that is an extraction or
// an answer key.
var errNotArticle = errors.New("not an article (JSON with entities or relations and no body: an extraction or an answer key)")

// parseJSON reads {title, url, published, body}; offsets index the decoded
// body string.
func parseJSON(data []byte) (doc, error) {
	var j jsonArticle
	if err := json.Unmarshal(data, &j); err != nil {
		return doc{}, err
	}
	if first(j.Body, j.Text, j.Content) == "" && (len(j.Entities) > 0 || len(j.Relations) > 0) {
		return doc{}, errNotArticle
	}
	d := doc{
		title:     piece{first(j.Title, j.Headline), -1},
		url:       j.URL,
		published: first(j.Published, j.Date),
		section:   j.Section,
	}
	body := first(j.Body, j.Text, j.Content)
	// Paragraphs are separated by blank lines, or by single line breaks when
	// there are no blank lines.
	d.paras = paragraphs(splitLines(body), !strings.Contains(body, "\n\n"))
	return d, nil
}

func first(xs ...string) string {
	for _, x := range xs {
		if strings.TrimSpace(x) != "" {
			return x
		}
	}
	return ""
}

package kg

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Slug folds a name to lower-case ASCII words joined by hyphens, so that
// "Qassim al-Araji" and "QASSIM AL ARAJI" give the same id on every load.
func Slug(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range norm.NFKD.String(name) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == '\'' || r == '\u2019' || r == '.':
			// "O'Brien" and "U.S." stay one word.
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(unicode.ToLower(r))
		default:
			dash = true
		}
	}
	return b.String()
}

// EntityID is the stable id of an entity: its type and the slug of its
// canonical name, e.g. "person:qassim-al-araji".
func EntityID(t EntityType, name string) string {
	return strings.ToLower(string(t)) + ":" + Slug(name)
}

// RelationID is the stable id of a relation. Symmetric relations put their
// ends in canonical order so both readings are one edge.
func RelationID(t RelationType, source, target string) string {
	if t.Symmetric() && target < source {
		source, target = target, source
	}
	return "rel:" + shortHash(string(t), source, target)
}

// ArticleID is the stable id of an article, derived from where it comes
// from (its canonical URL, else the path or name it was read from), so that
// an edited article loaded again replaces its earlier version instead of
// becoming a second article. See ArticleSource.
func ArticleID(source string) string {
	return "article:" + shortHash(source)
}

// ArticleSource is the identity of an article: its canonical URL when it
// names one, else the path (or name) it was read from.
func ArticleSource(url, source string) string {
	if url != "" {
		return url
	}
	return source
}

// ContentHash identifies one version of an article: a hash of its
// normalized text.
func ContentHash(normalizedText string) string {
	return shortHash(normalizedText)
}

// EventID is the stable id of an event of one article.
func EventID(articleID, eventType, name string, sentenceStart int) string {
	return "event:" + shortHash(articleID, eventType, name, strconv.Itoa(sentenceStart))
}

// QuoteID is the stable id of a quote of one article.
func QuoteID(articleID string, start int) string {
	return "quote:" + shortHash(articleID, strconv.Itoa(start))
}

func shortHash(parts ...string) string {
	h := sha256.New()
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil)[:8])
}

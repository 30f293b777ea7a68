package kg

import "time"

// ArticleVersion is one version of an article as it was loaded: the hash
// of its normalized text, its title then, and when that text was first
// loaded. Loading the same text again adds no version.
type ArticleVersion struct {
	ContentHash string
	Title       string
	LoadedAt    time.Time
	// Current marks the version whose facts the graph holds now.
	Current bool
}

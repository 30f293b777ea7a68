// Package samples embeds the project's own sample news articles, written for
// the project with invented people and organizations, in all four input
// formats the article reader accepts (.txt, .md, .html, .json). The server
// loads them into an empty store on first start, and the eval package scores
// the extractor on them against the gold files in samples/gold.
package samples

import (
	"embed"
	"io/fs"
	"path"
	"sort"
	"strings"
)

// files holds the sample articles under the directory "articles".
//
//go:embed articles
var files embed.FS

// FS returns the sample articles as a file system rooted at the articles
// directory, so that a name from Names opens directly.
func FS() fs.FS {
	sub, err := fs.Sub(files, "articles")
	if err != nil {
		// fs.Sub fails only on an invalid directory name, which is a constant here.
		panic(err)
	}
	return sub
}

// Names returns the file names of the sample articles (for example
// "sahel-militia-release.txt"), sorted, so loads are reproducible.
func Names() []string {
	entries, err := fs.ReadDir(files, "articles")
	if err != nil {
		return nil
	}
	var names []string
	for _, e := range entries {
		if e.IsDir() || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		names = append(names, e.Name())
	}
	sort.Strings(names)
	return names
}

// Read returns the raw bytes of the sample article called name.
func Read(name string) ([]byte, error) {
	return fs.ReadFile(FS(), path.Clean(name))
}

// GoldName returns the gold annotation file name (relative to samples/gold)
// that belongs to the sample article called name: its base name without the
// extension, plus ".gold.json".
func GoldName(name string) string {
	base := path.Base(name)
	return strings.TrimSuffix(base, path.Ext(base)) + ".gold.json"
}

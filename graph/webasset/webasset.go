// Package webasset serves files embedded in the binary for the pages the
// server mounts (GraphiQL, the explorer), all in one way: fixed headers,
// no directory listings. A missing file panics at wiring time, since the
// files are embedded at build time.
package webasset

import (
	"io/fs"
	"net/http"
	"strings"
)

// File serves the embedded file name with its content type and
// Cache-Control policy.
func File(fsys fs.FS, name, contentType, cache string) http.HandlerFunc {
	b, err := fs.ReadFile(fsys, name)
	if err != nil {
		panic(err) // embedded at build time: cannot happen
	}
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", contentType)
		w.Header().Set("Cache-Control", cache)
		_, _ = w.Write(b)
	}
}

// Dir serves the embedded directory dir at the URL path prefix, cached for
// a day: the assets change only with the binary.
func Dir(fsys fs.FS, dir, prefix string) http.Handler {
	sub, err := fs.Sub(fsys, dir)
	if err != nil {
		panic(err) // embedded at build time: cannot happen
	}
	fileServer := http.StripPrefix(prefix, http.FileServerFS(sub))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, "/") {
			http.NotFound(w, r) // no directory listings
			return
		}
		w.Header().Set("Cache-Control", "public, max-age=86400")
		fileServer.ServeHTTP(w, r)
	})
}

// Package graphiql serves the GraphiQL IDE from assets embedded in the
// binary (GraphiQL 3, React 18 UMD bundles, MIT licensed; see
// static/LICENSE.*.txt), so the page works offline and loads nothing from a
// CDN. The index page is meant for "/" and the assets for "/graphiql/".
package graphiql

import (
	"embed"
	"io/fs"
	"net/http"
	"strings"
)

//go:embed index.html static
var files embed.FS

// AssetPrefix is the path under which Assets must be mounted: index.html,
// served at "/", refers to its assets as "graphiql/static/…".
const AssetPrefix = "/graphiql/static/"

// Page serves the GraphiQL page; it talks to the endpoint "query" relative
// to its own URL.
func Page() http.HandlerFunc {
	page, err := files.ReadFile("index.html")
	if err != nil {
		panic(err) // embedded at build time: cannot happen
	}
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Cache-Control", "no-cache")
		_, _ = w.Write(page)
	}
}

// Assets serves the embedded scripts and styles under AssetPrefix.
func Assets() http.Handler {
	fsys, err := fs.Sub(files, "static")
	if err != nil {
		panic(err) // embedded at build time: cannot happen
	}
	fileServer := http.StripPrefix(AssetPrefix, http.FileServerFS(fsys))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, "/") {
			http.NotFound(w, r) // no directory listings
			return
		}
		w.Header().Set("Cache-Control", "public, max-age=86400")
		fileServer.ServeHTTP(w, r)
	})
}

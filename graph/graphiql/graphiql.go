// Package graphiql serves the GraphiQL IDE from assets embedded in the
// binary (GraphiQL 3, React 18 UMD bundles, MIT licensed; see
// static/LICENSE.*.txt), so the page works offline and loads nothing from a
// CDN. The index page is meant for "/" and the assets for "/graphiql/".
package graphiql

import (
	"embed"
	"net/http"

	"github.com/newsgraph/newsgraph/graph/webasset"
)

//go:embed index.html static
var files embed.FS

// AssetPrefix is the path under which Assets must be mounted: index.html,
// served at "/", refers to its assets as "graphiql/static/…".
const AssetPrefix = "/graphiql/static/"

// Page serves the GraphiQL page; it talks to the endpoint "query" relative
// to its own URL.
func Page() http.HandlerFunc {
	return webasset.File(files, "index.html", "text/html; charset=utf-8", "no-cache")
}

// Assets serves the embedded scripts and styles under AssetPrefix.
func Assets() http.Handler {
	return webasset.Dir(files, "static", AssetPrefix)
}

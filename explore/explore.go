// Package explore serves the graph explorer, a page for analysts: search an
// entity, see and expand its network, filter it, click an edge to read the
// sentences behind it, follow a person's timeline, find a path, and curate
// (retract, merge) with an API key. It talks to the GraphQL endpoint only.
//
// Everything is embedded in the binary, so the page works offline: Cytoscape.js
// 3.35.0 from npm (static/cytoscape.min.js, the package's own minified build,
// MIT licensed, see static/LICENSE.cytoscape.txt) and the page's own script,
// style and Cytoscape stylesheet. The stylesheet is also served on its own
// (StylePath) for frontends that draw the API's Cytoscape elements.
package explore

import (
	"embed"
	"net/http"

	"github.com/newsgraph/newsgraph/graph/webasset"
)

//go:embed index.html static
var files embed.FS

// Paths under which the routes must be mounted: the page refers to its
// assets relative to PagePath.
const (
	PagePath    = "/explore"
	AssetPrefix = "/explore/static/"
	// StylePath is the stable URL of the Cytoscape.js stylesheet (JSON)
	// matching the classes of the API's Cytoscape elements.
	StylePath = "/explore/cytoscape-style.json"
)

// Page serves the explorer; it talks to the endpoint "query" relative to
// its own URL.
func Page() http.HandlerFunc {
	return serveFile("index.html", "text/html; charset=utf-8", "no-cache")
}

// Style serves the Cytoscape.js stylesheet: node colours and shapes by
// entity type, edge colours by relation type, labels, and no arrow on
// symmetric relations.
func Style() http.HandlerFunc {
	return serveFile("static/cytoscape-style.json", "application/json", "public, max-age=3600")
}

// Stylesheet returns the stylesheet's JSON, for tests and other packages.
func Stylesheet() []byte {
	b, err := files.ReadFile("static/cytoscape-style.json")
	if err != nil {
		panic(err) // embedded at build time: cannot happen
	}
	return b
}

func serveFile(name, contentType, cache string) http.HandlerFunc {
	return webasset.File(files, name, contentType, cache)
}

// Assets serves the embedded scripts and styles under AssetPrefix.
func Assets() http.Handler {
	return webasset.Dir(files, "static", AssetPrefix)
}

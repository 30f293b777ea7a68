package graph

import (
	"net/http"

	"github.com/99designs/gqlgen/graphql/playground"
)

// graphiqlHandler serves the GraphiQL page.
func graphiqlHandler() http.HandlerFunc {
	return playground.Handler("newsgraph", "/query")
}

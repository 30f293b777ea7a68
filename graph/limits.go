package graph

import (
	"bytes"
	"context"
	"crypto/subtle"
	"errors"
	"io"
	"net/http"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/newsgraph/newsgraph/graph/generated"
	"github.com/newsgraph/newsgraph/kg"
)

// DepthLimit refuses operations whose selections nest deeper than Max,
// before any resolver runs. Fragments count where they are spread;
// introspection fields (__schema, __type …) are not counted, so GraphiQL's
// own schema query always passes.
type DepthLimit struct{ Max int }

var _ interface {
	graphql.HandlerExtension
	graphql.OperationContextMutator
} = DepthLimit{}

// ExtensionName names the extension for gqlgen.
func (DepthLimit) ExtensionName() string { return "DepthLimit" }

// Validate is called once when the extension is added.
func (DepthLimit) Validate(graphql.ExecutableSchema) error { return nil }

// MutateOperationContext measures the operation's depth.
func (d DepthLimit) MutateOperationContext(ctx context.Context, oc *graphql.OperationContext) *gqlerror.Error {
	if oc.Operation == nil {
		return nil
	}
	depth := selectionDepth(oc.Operation.SelectionSet, oc.Doc.Fragments, map[string]bool{}, d.Max)
	if depth > d.Max {
		err := gqlerror.Errorf("operation has depth %d, which exceeds the limit of %d", depth, d.Max)
		err.Extensions = map[string]any{"code": CodeDepthExceeded}
		return err
	}
	return nil
}

// selectionDepth returns the depth of ss; it stops counting past limit+1 so
// a hostile document costs little. visiting guards against fragment cycles
// (which validation already refuses).
func selectionDepth(ss ast.SelectionSet, frags ast.FragmentDefinitionList, visiting map[string]bool, limit int) int {
	if limit < 0 {
		return 0
	}
	best := 0
	for _, s := range ss {
		var d int
		switch s := s.(type) {
		case *ast.Field:
			if strings.HasPrefix(s.Name, "__") {
				continue
			}
			d = 1 + selectionDepth(s.SelectionSet, frags, visiting, limit-1)
		case *ast.InlineFragment:
			d = selectionDepth(s.SelectionSet, frags, visiting, limit)
		case *ast.FragmentSpread:
			f := frags.ForName(s.Name)
			if f == nil || visiting[s.Name] {
				continue
			}
			visiting[s.Name] = true
			d = selectionDepth(f.SelectionSet, frags, visiting, limit)
			delete(visiting, s.Name)
		}
		best = max(best, d)
	}
	return best
}

// Estimated list sizes of unpaged list fields, for complexity.
const (
	relationsPerEntity = 10
	subgraphNodes      = 50
)

// complexity prices the fields whose cost grows with a page size or a
// list: their selection counts once per expected item.
func (r *Resolver) complexity() generated.ComplexityRoot {
	var c generated.ComplexityRoot
	paged := func(child int, first *int) int {
		n, err := r.pageSize(first)
		if err != nil {
			n = 1 // the resolver refuses it anyway
		}
		return 1 + n*child
	}
	c.Query.Entities = func(child int, _ *string, _ []kg.EntityType, _, _ *string, _ *kg.EntityOrder, first *int, _ *string) int {
		return paged(child, first)
	}
	c.Query.Articles = func(child int, _, _, _ *string, _ *kg.ArticleOrder, first *int, _ *string) int {
		return paged(child, first)
	}
	c.Query.Events = func(child int, _, _, _, _ *string, _ *kg.EventOrder, first *int, _ *string) int {
		return paged(child, first)
	}
	c.Query.Relations = func(child int, _ []kg.RelationType, _ *float64, _ *string, _ *bool, _, _, _ *string,
		_, _ []kg.EntityType, _, _ *string, _ *kg.RelationOrder, first *int, _ *string) int {
		return paged(child, first)
	}
	c.Query.Timeline = func(child int, _ string, first *int, _ *string) int { return paged(child, first) }
	c.Query.CoMentions = func(child int, _ string, first *int) int { return paged(child, first) }
	c.Query.Paths = func(child int, _, _ string, _ *int, _ []kg.RelationType, _ *kg.Direction, _ *float64, limit *int) int {
		return 1 + max(deref(limit), 1)*child
	}
	c.Query.Neighborhood = func(child int, _ string, _ *int, _ []kg.RelationType, _ []kg.EntityType, _ *float64, _, _, _ *string, _ *int) int {
		return 1 + subgraphNodes*child
	}
	c.Query.Subgraph = func(child int, _ []string, _ *int, _ []kg.RelationType, _ *float64, _ *int) int {
		return 1 + subgraphNodes*child
	}
	c.Entity.Articles = func(child int, first *int, _ *string) int { return paged(child, first) }
	c.Article.Entities = func(child int, _ []kg.EntityType, first *int, _ *string) int { return paged(child, first) }
	// The connection reads through the same batched loader as relations;
	// its cost is its page.
	c.Entity.RelationConnection = func(child int, _ *kg.Direction, _ []kg.RelationType, _ *float64, _ *bool,
		_ *kg.RelationOrder, first *int, _ *string) int {
		return paged(child, first)
	}
	c.Entity.Relations = func(child int, _ *kg.Direction, _ []kg.RelationType, _ *float64, _ *bool) int {
		return 1 + relationsPerEntity*child
	}
	return c
}

type authKey struct{}

// authMiddleware records in the request context whether the request
// carries the API key.
func authMiddleware(key string) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			ok := key != "" && (matchKey(strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer "), key) ||
				matchKey(r.Header.Get("X-API-Key"), key))
			next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), authKey{}, ok)))
		})
	}
}

// matchKey compares in constant time so the key cannot be guessed byte by
// byte from response times.
func matchKey(got, want string) bool {
	return got != "" && subtle.ConstantTimeCompare([]byte(got), []byte(want)) == 1
}

// authOperations refuses mutations (and, with protectQueries, every
// operation) of unauthenticated requests when an API key is configured.
func authOperations(key string, protectQueries bool) graphql.OperationMiddleware {
	return func(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
		if key == "" {
			return next(ctx)
		}
		oc := graphql.GetOperationContext(ctx)
		needs := protectQueries || (oc.Operation != nil && oc.Operation.Operation != ast.Query)
		if authed, _ := ctx.Value(authKey{}).(bool); needs && !authed {
			return graphql.OneShot(&graphql.Response{Errors: gqlerror.List{{
				Message:    "this operation needs the API key (Authorization: Bearer KEY or X-API-Key)",
				Extensions: map[string]any{"code": kg.EUnauthorized},
			}}})
		}
		return next(ctx)
	}
}

// limitMiddleware bounds a request's time and body size.
func limitMiddleware(cfg Config) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.Body != nil && r.Body != http.NoBody {
				// Read the body here, at most the limit, so that a too large
				// one, with or without a Content-Length, gets a clear error.
				body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, cfg.MaxBodyBytes))
				var tooLarge *http.MaxBytesError
				switch {
				case errors.As(err, &tooLarge):
					transport.SendError(w, http.StatusRequestEntityTooLarge, &gqlerror.Error{
						Message:    "request body too large",
						Extensions: map[string]any{"code": CodeTooLarge},
					})
					return
				case err != nil:
					transport.SendError(w, http.StatusBadRequest, &gqlerror.Error{
						Message:    "could not read the request body",
						Extensions: map[string]any{"code": kg.EInvalid},
					})
					return
				}
				r.Body = io.NopCloser(bytes.NewReader(body))
			}
			ctx, cancel := context.WithTimeout(r.Context(), cfg.Timeout)
			defer cancel()
			next.ServeHTTP(w, r.WithContext(ctx))
		})
	}
}

package graph

import (
	"context"
	"crypto/subtle"
	"net/http"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/newsgraph/newsgraph/kg"
	"github.com/newsgraph/newsgraph/telemetry"
)

type authKey struct{}

// authMiddleware records in the request context whether the request
// carries the API key as "Authorization: Bearer KEY", the one form
// accepted: a bare key or another scheme is no key.
func authMiddleware(key string) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			ok := key != "" && bearerMatches(r.Header.Get("Authorization"), key)
			next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), authKey{}, ok)))
		})
	}
}

// bearerMatches reports whether header is "Bearer KEY" (the scheme in any
// case, as RFC 9110 allows) with KEY equal to want. The key is compared in
// constant time so it cannot be guessed byte by byte from response times.
func bearerMatches(header, want string) bool {
	scheme, got, ok := strings.Cut(header, " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") || got == "" {
		return false
	}
	return subtle.ConstantTimeCompare([]byte(got), []byte(want)) == 1
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
			stateFrom(ctx).fail(http.StatusUnauthorized, "WWW-Authenticate", "Bearer")
			// Answered without next, so the response middleware never sees it.
			telemetry.RecordError(ctx, kg.EUnauthorized)
			return graphql.OneShot(&graphql.Response{Errors: gqlerror.List{{
				Message:    "this operation needs the API key, sent as the header Authorization: Bearer KEY",
				Extensions: map[string]any{"code": kg.EUnauthorized},
			}}})
		}
		return next(ctx)
	}
}

package graph

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"

	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/newsgraph/newsgraph/kg"
)

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

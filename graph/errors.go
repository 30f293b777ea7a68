package graph

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime/debug"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/newsgraph/newsgraph/kg"
)

// Error codes this layer adds to kg's, in extensions.code.
const (
	CodeTimeout            = "TIMEOUT"
	CodeComplexityExceeded = "COMPLEXITY_LIMIT_EXCEEDED"
	CodeDepthExceeded      = "DEPTH_LIMIT_EXCEEDED"
	CodeTooLarge           = "REQUEST_TOO_LARGE"
	CodeDocumentTooLarge   = "DOCUMENT_TOO_LARGE"
	CodeOverloaded         = "OVERLOADED"
)

// errorPresenter maps errors to client-safe GraphQL errors with
// extensions.code. Messages of kg.Error and of gqlgen's own validation
// errors are shown; anything else is logged and shown as "internal error".
func errorPresenter(log *slog.Logger) graphql.ErrorPresenterFunc {
	return func(ctx context.Context, err error) *gqlerror.Error {
		gerr := graphql.DefaultErrorPresenter(ctx, err)
		// Copy so that a shared gqlerror value is never mutated.
		out := &gqlerror.Error{Message: gerr.Message, Path: gerr.Path, Locations: gerr.Locations, Rule: gerr.Rule}
		if len(gerr.Extensions) > 0 {
			out.Extensions = make(map[string]any, len(gerr.Extensions)+1)
			for k, v := range gerr.Extensions {
				out.Extensions[k] = v
			}
		}
		code, msg, internal := classify(ctx, err)
		if internal {
			log.ErrorContext(ctx, "graphql: internal error", "path", gerr.Path.String(), "err", err)
		}
		if code != "" {
			out.Message = msg
			if out.Extensions == nil {
				out.Extensions = map[string]any{}
			}
			out.Extensions["code"] = code
		}
		return out
	}
}

// classify returns the code and message to show for err; an empty code
// keeps gqlgen's own (already client-safe) error as it is.
func classify(ctx context.Context, err error) (code, msg string, internal bool) {
	var kerr *kg.Error
	var gerr *gqlerror.Error
	switch {
	case errors.As(err, &kerr):
		if kerr.Code == kg.EInternal {
			return kg.EInternal, "internal error", true
		}
		return kerr.Code, kerr.Message, false
	case errors.Is(err, context.Canceled) && errors.Is(context.Cause(ctx), errShuttingDown):
		return errShuttingDown.Code, errShuttingDown.Message, false
	case errors.Is(err, context.DeadlineExceeded):
		return CodeTimeout, "request timed out", false
	case errors.Is(err, context.Canceled):
		return CodeTimeout, "request canceled", false
	case errors.As(err, &gerr) && gerr.Err == nil:
		// A validation, parse or limit error made by gqlgen itself.
		return "", "", false
	}
	return kg.EInternal, "internal error", true
}

// recoverFunc turns a resolver panic into an INTERNAL error after logging
// it with its stack, so one bad field never takes the server down.
func recoverFunc(log *slog.Logger) graphql.RecoverFunc {
	return func(ctx context.Context, v any) error {
		log.ErrorContext(ctx, "graphql: panic in resolver", "panic", fmt.Sprint(v), "stack", string(debug.Stack()))
		return kg.Errorf(kg.EInternal, "internal error")
	}
}

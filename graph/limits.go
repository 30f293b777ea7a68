package graph

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"os"
	"time"

	"github.com/newsgraph/newsgraph/kg"
)

// requestState is what the layers of one request (cost check, admission,
// auth) tell the HTTP edge, which owns the status line: gqlgen answers 200
// or 422 only.
type requestState struct {
	status  int         // replaces the response's status when set
	header  http.Header // added to the response with status
	release func()      // frees the request's slot for expensive requests
	budget  *storeBudget
}

type stateKey struct{}

func stateFrom(ctx context.Context) *requestState {
	st, _ := ctx.Value(stateKey{}).(*requestState)
	return st
}

// fail makes the response carry status and the header key: value.
func (st *requestState) fail(status int, key, value string) {
	if st == nil {
		return
	}
	st.status = status
	if key != "" {
		if st.header == nil {
			st.header = http.Header{}
		}
		st.header.Set(key, value)
	}
}

// statusWriter applies a requestState's status to the response.
type statusWriter struct {
	http.ResponseWriter
	st    *requestState
	wrote bool
}

// WriteHeader writes the state's status instead of code when it has one.
func (w *statusWriter) WriteHeader(code int) {
	if !w.wrote {
		w.wrote = true
		if w.st.status != 0 {
			code = w.st.status
			for k, v := range w.st.header {
				w.Header()[k] = v
			}
		}
	}
	w.ResponseWriter.WriteHeader(code)
}

// Write writes the status line first, as http.ResponseWriter does.
func (w *statusWriter) Write(b []byte) (int, error) {
	if !w.wrote {
		w.WriteHeader(http.StatusOK)
	}
	return w.ResponseWriter.Write(b)
}

// Unwrap gives http.ResponseController the connection's writer.
func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// limitMiddleware bounds a request's time, body and store work, and gives
// it its requestState. The request's time starts before its body is read,
// so a client that sends its body slowly, or never, uses up its own time.
func limitMiddleware(cfg Config) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			ctx, cancel := context.WithTimeout(r.Context(), cfg.Timeout)
			defer cancel()
			st := &requestState{budget: &storeBudget{maxCalls: cfg.MaxStoreCalls, maxRows: cfg.MaxStoreRows}}
			defer func() {
				if st.release != nil {
					st.release()
				}
			}()
			if r.Body != nil && r.Body != http.NoBody {
				// The connection's read deadline bounds the body read: the
				// server's ReadTimeout or the request's timeout, whichever
				// ends first. (A test recorder has no connection.)
				_ = http.NewResponseController(w).SetReadDeadline(time.Now().Add(min(cfg.Timeout, cfg.ReadTimeout)))
				// Read the body here, at most the limit, so that a too large
				// one, with or without a Content-Length, gets a clear error.
				body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, cfg.MaxBodyBytes))
				var tooLarge *http.MaxBytesError
				switch {
				case errors.As(err, &tooLarge):
					refuse(w, r, http.StatusRequestEntityTooLarge, CodeTooLarge, "request body too large")
					return
				case errors.Is(err, os.ErrDeadlineExceeded):
					refuse(w, r, http.StatusRequestTimeout, CodeTimeout, "the request body did not arrive within the time limit")
					return
				case err != nil:
					refuse(w, r, http.StatusBadRequest, CodeBadRequest, "could not read the request body")
					return
				}
				r.Body = io.NopCloser(bytes.NewReader(body))
			}
			ctx = context.WithValue(ctx, stateKey{}, st)
			next.ServeHTTP(&statusWriter{ResponseWriter: w, st: st}, r.WithContext(ctx))
		})
	}
}

// errShuttingDown is the cause of the cancellation of requests still
// running when the server's shutdown grace ends.
var errShuttingDown = kg.Errorf(kg.EUnavailable, "the server is shutting down; retry the request")

package export

import (
	"errors"
	"log/slog"
	"net/http"
	"path"
	"strconv"
	"strings"

	"github.com/newsgraph/newsgraph/kg"
)

// Files maps the file names served under /export/ to their formats.
var Files = map[string]Format{
	"graph.graphml": GraphML,
	"graph.gexf":    GEXF,
	"nodes.csv":     NodesCSV,
	"edges.csv":     EdgesCSV,
	"graph.jsonl":   JSONL,
}

// Handler streams exports: GET /export/graph.graphml, graph.gexf,
// nodes.csv, edges.csv or graph.jsonl, filtered by the query parameters
// types and entityTypes (comma-separated) and minConfidence. A bad
// request is answered 400 with the reason; a store failure before the
// first byte 503; a failure after it ends the stream (the log says why).
// fail writes those errors, so that they come in the shape of the server's
// other errors, with a code.
func Handler(s kg.Store, log *slog.Logger, fail ErrorWriter) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		name := path.Base(r.URL.Path)
		format, ok := Files[name]
		if !ok {
			fail(w, http.StatusNotFound, kg.ENotFound, "unknown export: use graph.graphml, graph.gexf, nodes.csv, edges.csv or graph.jsonl")
			return
		}
		f, err := filterFromQuery(r)
		if err == nil {
			err = f.Validate()
		}
		if err != nil {
			var kerr *kg.Error
			msg := "bad export parameters: use types, entityTypes and minConfidence"
			if errors.As(err, &kerr) {
				msg = kerr.Message
			}
			fail(w, http.StatusBadRequest, kg.EInvalid, msg)
			return
		}
		sw := &startWriter{w: w, start: func() {
			w.Header().Set("Content-Type", format.ContentType())
			w.Header().Set("Content-Disposition", `attachment; filename="newsgraph-`+name+`"`)
			w.Header().Set("Cache-Control", "no-store")
		}}
		c, err := Write(r.Context(), s, sw, format, f)
		if err != nil {
			log.ErrorContext(r.Context(), "export failed", "file", name, "err", err)
			if !sw.started {
				fail(w, http.StatusServiceUnavailable, kg.EUnavailable, "the store is unavailable")
			}
			return
		}
		log.InfoContext(r.Context(), "export", "file", name, "entities", c.Entities, "relations", c.Relations)
	}
}

// ErrorWriter answers a request with an error: its HTTP status, a code
// (kg.ENotFound …) and a message for the client.
type ErrorWriter func(w http.ResponseWriter, status int, code, msg string)

// startWriter sets the headers just before the first byte, so that an
// error before it can still choose the status.
type startWriter struct {
	w       http.ResponseWriter
	start   func()
	started bool
}

func (s *startWriter) Write(p []byte) (int, error) {
	if !s.started {
		s.started = true
		s.start()
	}
	return s.w.Write(p)
}

func filterFromQuery(r *http.Request) (Filter, error) {
	q := r.URL.Query()
	var f Filter
	for _, t := range splitComma(q.Get("types")) {
		f.Types = append(f.Types, kg.RelationType(strings.ToUpper(t)))
	}
	for _, t := range splitComma(q.Get("entityTypes")) {
		f.EntityTypes = append(f.EntityTypes, kg.EntityType(t))
	}
	if v := q.Get("minConfidence"); v != "" {
		c, err := strconv.ParseFloat(v, 64)
		if err != nil {
			return f, kg.Errorf(kg.EInvalid, "minConfidence %q is not a number", v)
		}
		f.MinConfidence = c
	}
	return f, nil
}

func splitComma(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

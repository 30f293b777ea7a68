package graph

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/errcode"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/newsgraph/newsgraph/telemetry"
)

// Error codes of the HTTP layer, in extensions.code.
const (
	CodeBadRequest           = "BAD_REQUEST"
	CodeMethodNotAllowed     = "METHOD_NOT_ALLOWED"
	CodeUnsupportedMediaType = "UNSUPPORTED_MEDIA_TYPE"
)

// httpTransport is the one transport of /query: GET with the query in the
// URL (queries only) and POST with a JSON body. Every request it cannot
// take, whatever the method, content type or body, is answered in the
// GraphQL error shape with extensions.code and a fitting status, with a
// message of its own: never the request echoed, never Go's decoding
// errors.
type httpTransport struct{}

var _ graphql.Transport = httpTransport{}

// Supports takes every request (OPTIONS and HEAD go to gqlgen's Options
// transport first), so that none falls through to gqlgen's plain
// "transport not supported".
func (httpTransport) Supports(*http.Request) bool { return true }

// howTo is appended to messages about malformed requests.
const howTo = `send POST with Content-Type: application/json and a body {"query": "…", "variables": {…}}, or GET /query?query=…`

// Do decodes the request, runs the operation and writes its response.
func (httpTransport) Do(w http.ResponseWriter, r *http.Request, exec graphql.GraphExecutor) {
	w.Header().Set("Content-Type", "application/json")
	if r.Header.Get("Upgrade") != "" {
		refuse(w, r, http.StatusBadRequest, CodeBadRequest, "protocol upgrades (websockets) are not supported: "+howTo)
		return
	}
	start := graphql.Now()
	var params *graphql.RawParams
	var err error
	switch r.Method {
	case http.MethodGet:
		params, err = paramsFromURL(r.URL.RawQuery)
	case http.MethodPost:
		mt, _, perr := mime.ParseMediaType(r.Header.Get("Content-Type"))
		if perr != nil || mt != "application/json" {
			refuse(w, r, http.StatusUnsupportedMediaType, CodeUnsupportedMediaType, "the request body must be JSON: "+howTo)
			return
		}
		params, err = paramsFromBody(r.Body)
	default:
		w.Header().Set("Allow", "GET, POST, OPTIONS")
		refuse(w, r, http.StatusMethodNotAllowed, CodeMethodNotAllowed, fmt.Sprintf("%s is not supported: %s", r.Method, howTo))
		return
	}
	if err != nil {
		refuse(w, r, http.StatusBadRequest, CodeBadRequest, err.Error())
		return
	}
	params.Headers = r.Header
	params.ReadTime = graphql.TraceTiming{Start: start, End: graphql.Now()}

	ctx := r.Context()
	oc, errs := exec.CreateOperationContext(ctx, params)
	if errs != nil {
		w.WriteHeader(statusFor(errs))
		writeResponse(w, exec.DispatchError(graphql.WithOperationContext(ctx, oc), errs))
		return
	}
	if r.Method == http.MethodGet && oc.Operation.Operation != ast.Query {
		w.Header().Set("Allow", "POST")
		refuse(w, r, http.StatusMethodNotAllowed, CodeMethodNotAllowed, "a "+string(oc.Operation.Operation)+" needs POST; GET runs queries only")
		return
	}
	responses, ctx := exec.DispatchOperation(ctx, oc)
	writeResponse(w, responses(ctx))
}

// statusFor is 422 for a document refused before it ran (syntax,
// validation, limits) and 200 for a response, even one with errors.
func statusFor(errs gqlerror.List) int {
	if errcode.GetErrorKind(errs) == errcode.KindProtocol {
		return http.StatusUnprocessableEntity
	}
	return http.StatusOK
}

// requestBody is what a POST body may hold; each part is checked for its
// JSON type so the message can say which one is wrong.
type requestBody struct {
	Query         json.RawMessage `json:"query"`
	OperationName json.RawMessage `json:"operationName"`
	Variables     json.RawMessage `json:"variables"`
	Extensions    json.RawMessage `json:"extensions"`
}

// paramsFromBody decodes a POST body, which limitMiddleware has already
// read into memory within the request's size and time limits.
func paramsFromBody(body io.Reader) (*graphql.RawParams, error) {
	data, err := io.ReadAll(body)
	if err != nil {
		return nil, err
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, errors.New("the request body is empty: " + howTo)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	var raw json.RawMessage
	if err := dec.Decode(&raw); err != nil || dec.More() {
		return nil, errors.New("the request body is not valid JSON: " + howTo)
	}
	var rb requestBody
	if trimmed := bytes.TrimSpace(raw); len(trimmed) == 0 || trimmed[0] != '{' || json.Unmarshal(raw, &rb) != nil {
		return nil, errors.New("the request body must be a JSON object: " + howTo)
	}
	p := &graphql.RawParams{}
	if err := decodePart("query", rb.Query, &p.Query, true); err != nil {
		return nil, err
	}
	if err := decodePart("operationName", rb.OperationName, &p.OperationName, true); err != nil {
		return nil, err
	}
	if err := decodePart("variables", rb.Variables, &p.Variables, false); err != nil {
		return nil, err
	}
	if err := decodePart("extensions", rb.Extensions, &p.Extensions, false); err != nil {
		return nil, err
	}
	return p, nil
}

func paramsFromURL(rawQuery string) (*graphql.RawParams, error) {
	q, err := url.ParseQuery(rawQuery)
	if err != nil {
		return nil, errors.New("the URL's query string is malformed: " + howTo)
	}
	p := &graphql.RawParams{Query: q.Get("query"), OperationName: q.Get("operationName")}
	if v := q.Get("variables"); v != "" {
		if err := decodePart("variables", json.RawMessage(v), &p.Variables, false); err != nil {
			return nil, err
		}
	}
	if v := q.Get("extensions"); v != "" {
		if err := decodePart("extensions", json.RawMessage(v), &p.Extensions, false); err != nil {
			return nil, err
		}
	}
	return p, nil
}

// decodePart decodes one part of a request, absent or null meaning empty:
// a string part into *string, an object part into *map[string]any (with
// numbers kept exact, as gqlgen expects).
func decodePart(name string, raw json.RawMessage, into any, isString bool) error {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		return nil
	}
	want := `a JSON object`
	if isString {
		want = `a string`
	}
	if (isString && raw[0] != '"') || (!isString && raw[0] != '{') {
		return fmt.Errorf("%q must be %s", name, want)
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	if err := dec.Decode(into); err != nil || dec.More() {
		return fmt.Errorf("%q must be %s", name, want)
	}
	return nil
}

// refuse answers a /query request refused before its operation runs with
// one error, counted in the request's metrics and log line like the errors
// of an operation.
func refuse(w http.ResponseWriter, r *http.Request, status int, code, msg string) {
	telemetry.RecordError(r.Context(), code)
	sendError(w, status, code, msg)
}

// sendError writes one error in the GraphQL shape.
func sendError(w http.ResponseWriter, status int, code, msg string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	writeResponse(w, &graphql.Response{Errors: gqlerror.List{limitError(code, msg)}})
}

func writeResponse(w io.Writer, resp *graphql.Response) {
	if resp == nil {
		return
	}
	if len(resp.Errors) == 0 && resp.Label == "" && resp.Path == nil && resp.HasNext == nil && len(resp.Extensions) == 0 && len(resp.Data) > 0 {
		// Data alone, as gqlgen wrote it (compact JSON): json.Marshal
		// would scan and copy it once more. (The executor gives every
		// response an extensions map, empty unless an extension wrote.)
		buf := make([]byte, 0, len(resp.Data)+len(`{"data":}`))
		buf = append(append(append(buf, `{"data":`...), resp.Data...), '}')
		_, _ = w.Write(buf)
		return
	}
	b, err := json.Marshal(resp)
	if err != nil {
		b = []byte(`{"errors":[{"message":"internal error","extensions":{"code":"INTERNAL"}}],"data":null}`)
	}
	_, _ = w.Write(b)
}

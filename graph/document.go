package graph

import (
	"context"
	"fmt"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
	"github.com/vektah/gqlparser/v2/lexer"
	"github.com/vektah/gqlparser/v2/parser"
)

// DocumentLimit refuses, before gqlgen parses and validates it, a query
// document of more than MaxTokens tokens, or one that selects a field more
// than MaxRepeats times under one name in one selection set. Validation
// compares every pair of fields that share a name (the spec's "fields can
// be merged" rule), so its time grows with the square of both: ten
// thousand copies of one field in 50 KB took six seconds of CPU.
//
// Accepted documents are remembered (Checked, by their text), so that a
// query sent again costs a look-up, as in gqlgen's own query cache.
type DocumentLimit struct {
	MaxTokens  int
	MaxRepeats int
	Checked    graphql.Cache[struct{}]
}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationParameterMutator
} = DocumentLimit{}

// ExtensionName names the extension for gqlgen.
func (DocumentLimit) ExtensionName() string { return "DocumentLimit" }

// Validate is called once when the extension is added.
func (DocumentLimit) Validate(graphql.ExecutableSchema) error { return nil }

// MutateOperationParameters checks the document; syntax errors are left to
// gqlgen's parser, which reports them with their position.
func (d DocumentLimit) MutateOperationParameters(ctx context.Context, p *graphql.RawParams) *gqlerror.Error {
	if _, ok := d.Checked.Get(ctx, p.Query); ok {
		return nil
	}
	if err := d.check(p.Query); err != nil {
		return err
	}
	d.Checked.Add(ctx, p.Query, struct{}{})
	return nil
}

func (d DocumentLimit) check(query string) *gqlerror.Error {
	src := &ast.Source{Input: query}
	if n, over := countTokens(src, d.MaxTokens); over {
		return limitError(CodeDocumentTooLarge, fmt.Sprintf("the query document has more than %d tokens (names, punctuation, values), the limit", n))
	}
	doc, err := parser.ParseQuery(src)
	if err != nil {
		return nil
	}
	for _, op := range doc.Operations {
		if msg := d.repeats(op.SelectionSet); msg != "" {
			return limitError(CodeDocumentTooLarge, msg)
		}
	}
	for _, f := range doc.Fragments {
		if msg := d.repeats(f.SelectionSet); msg != "" {
			return limitError(CodeDocumentTooLarge, msg)
		}
	}
	return nil
}

// countTokens counts the tokens of src up to limit; over says there are
// more. A lexing error ends the count: the parser will report it.
func countTokens(src *ast.Source, limit int) (n int, over bool) {
	lx := lexer.New(src)
	for {
		tok, err := lx.ReadToken()
		if err != nil || tok.Kind == lexer.EOF {
			return n, false
		}
		if n++; n > limit {
			return limit, true
		}
	}
}

// repeats checks ss and the selection sets under it, each once; it returns
// a message naming the first field selected too often under one name.
func (d DocumentLimit) repeats(ss ast.SelectionSet) string {
	counts := map[string]int{}
	var walk func(ss ast.SelectionSet) string
	walk = func(ss ast.SelectionSet) string {
		for _, s := range ss {
			switch s := s.(type) {
			case *ast.Field:
				name := s.Alias
				if name == "" {
					name = s.Name
				}
				if counts[name]++; counts[name] > d.MaxRepeats {
					return fmt.Sprintf("%q is selected more than %d times in one selection set, the limit", name, d.MaxRepeats)
				}
				if msg := d.repeats(s.SelectionSet); msg != "" {
					return msg
				}
			case *ast.InlineFragment:
				// Its fields merge with those around it.
				if msg := walk(s.SelectionSet); msg != "" {
					return msg
				}
			}
		}
		return ""
	}
	return walk(ss)
}

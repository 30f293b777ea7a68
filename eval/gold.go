// Package eval scores an extraction against a gold annotation by the rules of
// shared/eval/README.md, exactly as shared/eval/score.py applies them, so the
// Go tests and the Python scorer always report the same figures.
package eval

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/newsgraph/newsgraph/kg"
)

// Gold is one article's annotation: the entities a careful reader finds and
// the relations between them.
type Gold struct {
	// Article names the annotated article (for reports only).
	Article string
	// Entities keep the order of the file: a name shared by two entities
	// stands for the first, as in score.py.
	Entities []GoldEntity
	// Relations in file order; misses are reported in this order.
	Relations []GoldRelation

	index map[string]int // entity key → position in Entities
}

// GoldEntity is one real-world thing with every name that may stand for it.
type GoldEntity struct {
	Key      string
	Type     string // "Person", "Organization" or "Location"
	Names    []string
	Optional bool // borderline: no recall credit, no precision cost
}

// GoldRelation accepts any of Types between any of Source and any of Target
// (entity keys); Symmetric also accepts the ends swapped.
type GoldRelation struct {
	Types     []string
	Source    []string
	Target    []string
	Symmetric bool
	Optional  bool
}

// Entity returns the gold entity with the given key.
func (g *Gold) Entity(key string) (GoldEntity, bool) {
	i, ok := g.index[key]
	if !ok {
		return GoldEntity{}, false
	}
	return g.Entities[i], true
}

// Check reports every relation end that names no gold entity and every
// relation that the ontology's table (kg.RelationType.Allows) forbids
// between its ends' types. score.py tolerates both, but in a file we write
// the first is a typo and the second a relation the extractor drops: either
// silently costs recall, and the classifier trained on the gold learns from
// it.
func (g *Gold) Check() error {
	var errs []error
	for i, r := range g.Relations {
		known := true
		for _, k := range append(append([]string{}, r.Source...), r.Target...) {
			if _, ok := g.index[k]; !ok {
				errs = append(errs, fmt.Errorf("relation %d (%v): unknown entity %q", i, r.Types, k))
				known = false
			}
		}
		if known && !g.fits(r) {
			errs = append(errs, &OntologyError{Relation: i, Rel: r, Ends: g.endTypes(r)})
		}
	}
	return errors.Join(errs...)
}

// OntologyError is a gold relation that the ontology's table forbids
// between its ends' types.
type OntologyError struct {
	Relation int // position in the file
	Rel      GoldRelation
	Ends     string // the ends' types
}

func (e *OntologyError) Error() string {
	return fmt.Sprintf("relation %d (%v %v -> %v): the ontology allows none of its types between %s",
		e.Relation, e.Rel.Types, e.Rel.Source, e.Rel.Target, e.Ends)
}

// fits reports whether one of r's types joins one of its sources to one of
// its targets as the ontology allows, the ends either way round where the
// scorer accepts that: then some extraction can score r.
func (g *Gold) fits(r GoldRelation) bool {
	for _, t := range r.Types {
		rt := kg.RelationType(strings.ToUpper(t))
		for _, s := range r.Source {
			for _, o := range r.Target {
				st, ot := g.kind(s), g.kind(o)
				if rt.Allows(st, ot) || (r.Symmetric || symmetric[string(rt)]) && rt.Allows(ot, st) {
					return true
				}
			}
		}
	}
	return false
}

// kind returns the ontology type of the entity with the given key, read
// from the spellings score.py accepts.
func (g *Gold) kind(key string) kg.EntityType {
	t := g.Entities[g.index[key]].Type
	if k, ok := kinds[strings.ToLower(t)]; ok {
		return kg.EntityType(k)
	}
	return kg.EntityType(t)
}

// endTypes describes r's ends by type for an error message.
func (g *Gold) endTypes(r GoldRelation) string {
	types := func(keys []string) []kg.EntityType {
		var out []kg.EntityType
		for _, k := range keys {
			out = append(out, g.kind(k))
		}
		return out
	}
	return fmt.Sprintf("%v and %v", types(r.Source), types(r.Target))
}

// LoadGold reads a gold annotation file.
func LoadGold(path string) (*Gold, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("eval: read gold: %w", err)
	}
	g, err := ParseGold(b)
	if err != nil {
		return nil, fmt.Errorf("eval: gold %s: %w", path, err)
	}
	if g.Article == "" {
		g.Article = path
	}
	return g, nil
}

// ParseGold decodes a gold annotation from JSON. It rejects what score.py
// would crash on (an entity without names, a relation without types) so a bad
// file fails at load time rather than halfway through scoring.
func ParseGold(b []byte) (*Gold, error) {
	var raw struct {
		Article   json.RawMessage   `json:"article"`
		Entities  json.RawMessage   `json:"entities"`
		Relations []json.RawMessage `json:"relations"`
	}
	if err := json.Unmarshal(b, &raw); err != nil {
		return nil, fmt.Errorf("decode: %w", err)
	}
	g := &Gold{index: map[string]int{}}
	if len(raw.Article) > 0 && string(raw.Article) != "null" {
		// score.py prints whatever is there; a non-string is shown as JSON.
		var s string
		if json.Unmarshal(raw.Article, &s) == nil {
			g.Article = s
		} else {
			g.Article = string(raw.Article)
		}
	}
	if len(raw.Entities) == 0 || string(raw.Entities) == "null" {
		return nil, fmt.Errorf("no entities object")
	}
	if err := g.decodeEntities(raw.Entities); err != nil {
		return nil, err
	}
	for i, rb := range raw.Relations {
		r, err := decodeRelation(rb)
		if err != nil {
			return nil, fmt.Errorf("relation %d: %w", i, err)
		}
		g.Relations = append(g.Relations, r)
	}
	return g, nil
}

// decodeEntities walks the entities object token by token because the
// order of its keys decides which entity a shared name stands for.
func (g *Gold) decodeEntities(b []byte) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	tok, err := dec.Token()
	if err != nil {
		return fmt.Errorf("entities: %w", err)
	}
	if d, ok := tok.(json.Delim); !ok || d != '{' {
		return fmt.Errorf("entities: want an object")
	}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return fmt.Errorf("entities: %w", err)
		}
		key, _ := tok.(string) // object keys are always strings
		var raw struct {
			Type     json.RawMessage `json:"type"`
			Names    []string        `json:"names"`
			Optional json.RawMessage `json:"optional"`
		}
		if err := dec.Decode(&raw); err != nil {
			return fmt.Errorf("entity %q: %w", key, err)
		}
		if len(raw.Names) == 0 {
			return fmt.Errorf("entity %q: no names", key)
		}
		var typ string
		if err := json.Unmarshal(raw.Type, &typ); err != nil {
			return fmt.Errorf("entity %q: type must be a string", key)
		}
		e := GoldEntity{Key: key, Type: typ, Names: raw.Names, Optional: truthy(raw.Optional)}
		// A repeated key keeps its first place and takes the last value,
		// as a Python dict built from the JSON does.
		if i, dup := g.index[key]; dup {
			g.Entities[i] = e
			continue
		}
		g.index[key] = len(g.Entities)
		g.Entities = append(g.Entities, e)
	}
	if _, err := dec.Token(); err != nil && err != io.EOF {
		return fmt.Errorf("entities: %w", err)
	}
	return nil
}

func decodeRelation(b []byte) (GoldRelation, error) {
	var raw struct {
		Types     []string        `json:"types"`
		Source    json.RawMessage `json:"source"`
		Target    json.RawMessage `json:"target"`
		Symmetric json.RawMessage `json:"symmetric"`
		Optional  json.RawMessage `json:"optional"`
	}
	if err := json.Unmarshal(b, &raw); err != nil {
		return GoldRelation{}, err
	}
	if len(raw.Types) == 0 {
		return GoldRelation{}, fmt.Errorf("no types")
	}
	src, err := oneOrMany(raw.Source)
	if err != nil {
		return GoldRelation{}, fmt.Errorf("source: %w", err)
	}
	tgt, err := oneOrMany(raw.Target)
	if err != nil {
		return GoldRelation{}, fmt.Errorf("target: %w", err)
	}
	return GoldRelation{Types: raw.Types, Source: src, Target: tgt,
		Symmetric: truthy(raw.Symmetric), Optional: truthy(raw.Optional)}, nil
}

// oneOrMany accepts a key or a list of keys, as score.py's as_list does.
func oneOrMany(b json.RawMessage) ([]string, error) {
	var one string
	if err := json.Unmarshal(b, &one); err == nil && len(b) > 0 && b[0] == '"' {
		return []string{one}, nil
	}
	var many []string
	if err := json.Unmarshal(b, &many); err != nil || many == nil {
		return nil, fmt.Errorf("want an entity key or a list of keys")
	}
	return many, nil
}

// truthy applies Python's truth rules to a JSON value, since score.py tests
// "optional" and "symmetric" with a bare if.
func truthy(b json.RawMessage) bool {
	b = bytes.TrimSpace(b)
	if len(b) == 0 {
		return false
	}
	var v any
	if json.Unmarshal(b, &v) != nil {
		return false
	}
	switch x := v.(type) {
	case nil:
		return false
	case bool:
		return x
	case float64:
		return x != 0
	case string:
		return x != ""
	case []any:
		return len(x) > 0
	case map[string]any:
		return len(x) > 0
	}
	return true
}

package kg

import (
	"bytes"
	"cmp"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"math"
	"strings"
)

// Lists page by keyset: a cursor holds the sort key of the last item read
// (its order's values and, last, its id), and the next page starts with the
// first item whose key sorts after it. Unlike an offset, that position does
// not move when items are added or removed before it, so paging while
// articles arrive never repeats an item nor skips one that was there when
// paging began (an item whose own sort values change may move, as it
// should).
//
// A cursor is opaque to clients: base64url of a small versioned JSON
// object naming its list and order, so that a cursor given to another list,
// another order or a later incompatible version is refused with EInvalid.

// cursorVersion is the cursor format; a change of format or of any list's
// key columns bumps it.
const cursorVersion = 1

// maxCursorLen bounds the cursors a list accepts; real ones are far
// shorter.
const maxCursorLen = 4096

// Col is one column of a keyset.
type Col struct {
	Desc bool // descending; else ascending
	Num  bool // a number (float64); else a string
}

// Common columns.
var (
	colStr     = Col{}
	colNum     = Col{Num: true}
	colNumDesc = Col{Num: true, Desc: true}
	colStrDesc = Col{Desc: true}
)

// Keyset is the sort key of one list in one order. Its last column is the
// item's id, so that keys are unique and the order total.
type Keyset struct {
	name string
	cols []Col
}

// NewKeyset makes the keyset named name (list and order, as in
// "articles/NEWEST"; unique among keysets) with the given columns; the
// item's id is added as the last, ascending.
func NewKeyset(name string, cols ...Col) Keyset {
	return Keyset{name: name, cols: append(cols[:len(cols):len(cols)], colStr)}
}

// Cols returns the keyset's columns, the id last.
func (k Keyset) Cols() []Col { return k.cols }

// Key is the sort key of one item: one value per column of its keyset,
// float64 for number columns and string for the others.
type Key []any

type cursorJSON struct {
	V int             `json:"v"`
	L string          `json:"l"`
	K json.RawMessage `json:"k"`
}

// Cursor returns the opaque cursor after the item whose key is key.
func (k Keyset) Cursor(key Key) string {
	vals, err := json.Marshal(key)
	if err != nil {
		panic(fmt.Sprintf("kg: cursor key %v: %v", key, err)) // keys hold strings and finite numbers only
	}
	b, _ := json.Marshal(cursorJSON{V: cursorVersion, L: k.name, K: vals})
	return base64.RawURLEncoding.EncodeToString(b)
}

// After reads a cursor this keyset made and returns its key; "" (the
// first page) returns nil. A malformed cursor, or one made for another
// list or order, is an EInvalid error that says so without echoing it.
func (k Keyset) After(cursor string) (Key, error) {
	if cursor == "" {
		return nil, nil
	}
	malformed := Errorf(EInvalid, "invalid cursor: pass a cursor (endCursor or an edge's cursor) from an earlier page of the same list")
	if len(cursor) > maxCursorLen {
		return nil, malformed
	}
	b, err := base64.RawURLEncoding.DecodeString(cursor)
	if err != nil {
		return nil, malformed
	}
	var c cursorJSON
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&c); err != nil || dec.More() {
		return nil, malformed
	}
	if c.V != cursorVersion {
		return nil, Errorf(EInvalid, "invalid cursor: made by another version of the server; start again from the first page")
	}
	if c.L != k.name {
		return nil, Errorf(EInvalid, "invalid cursor: it belongs to another list or order (%s), not %s", cursorList(c.L), k.name)
	}
	var raw []json.RawMessage
	if err := json.Unmarshal(c.K, &raw); err != nil || len(raw) != len(k.cols) {
		return nil, malformed
	}
	key := make(Key, len(raw))
	for i, col := range k.cols {
		if string(raw[i]) == "null" {
			return nil, malformed
		}
		if col.Num {
			var f float64
			if err := json.Unmarshal(raw[i], &f); err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
				return nil, malformed
			}
			key[i] = f
		} else {
			var s string
			if err := json.Unmarshal(raw[i], &s); err != nil {
				return nil, malformed
			}
			key[i] = s
		}
	}
	return key, nil
}

// cursorList is the list a foreign cursor names, safe to show: a keyset
// name of letters, digits, '/' and '_' only, else "unknown".
func cursorList(name string) string {
	if name == "" || len(name) > 64 || strings.IndexFunc(name, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '/' || r == '_')
	}) >= 0 {
		return "unknown"
	}
	return name
}

// Compare compares two keys of this keyset in its order.
func (k Keyset) Compare(a, b Key) int {
	for i, col := range k.cols {
		var c int
		if col.Num {
			c = cmp.Compare(num(a[i]), num(b[i]))
		} else {
			c = strings.Compare(str(a[i]), str(b[i]))
		}
		if col.Desc {
			c = -c
		}
		if c != 0 {
			return c
		}
	}
	return 0
}

// Normalize turns the values a database returns for a key (integers,
// floats, booleans, strings or bytes) into a Key of this keyset.
func (k Keyset) Normalize(vals []any) Key {
	key := make(Key, len(k.cols))
	for i, col := range k.cols {
		if col.Num {
			key[i] = num(vals[i])
		} else {
			key[i] = str(vals[i])
		}
	}
	return key
}

func num(v any) float64 {
	switch x := v.(type) {
	case float64:
		return x
	case int64:
		return float64(x)
	case int:
		return float64(x)
	case bool:
		if x {
			return 1
		}
	}
	return 0
}

func str(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case []byte:
		return string(x)
	}
	return ""
}

// Window returns the part [lo, hi) of a list of n items, sorted in this
// keyset's order with key(i) the key of item i, that the page after
// cursor (first page for "") of size items holds.
func (k Keyset) Window(n int, key func(i int) Key, cursor string, size int) (lo, hi int, err error) {
	after, err := k.After(cursor)
	if err != nil {
		return 0, 0, err
	}
	if after != nil {
		// Binary search: the first item after the cursor's key.
		lo, hi := 0, n
		for lo < hi {
			m := int(uint(lo+hi) >> 1)
			if k.Compare(key(m), after) <= 0 {
				lo = m + 1
			} else {
				hi = m
			}
		}
		n0 := lo
		return n0, min(n0+size, n), nil
	}
	return 0, min(size, n), nil
}

// Where returns a boolean expression (SQL or Cypher) that holds for the
// items whose key sorts after key, given the expressions of the keyset's
// columns. bind is called for each value the expression uses, in the
// order the values appear, and returns its placeholder. With rowValues
// (SQLite), a keyset whose columns all sort the same way becomes one
// row-value comparison, which an index on the columns answers by seeking.
func (k Keyset) Where(exprs []string, key Key, rowValues bool, bind func(v any) string) string {
	if len(exprs) != len(k.cols) {
		panic(fmt.Sprintf("kg: keyset %s has %d columns, given %d expressions", k.name, len(k.cols), len(exprs)))
	}
	uniform := true
	for _, c := range k.cols {
		uniform = uniform && c.Desc == k.cols[0].Desc
	}
	op := func(c Col) string {
		if c.Desc {
			return "<"
		}
		return ">"
	}
	if rowValues && uniform {
		ph := make([]string, len(key))
		for i, v := range key {
			ph[i] = bind(v)
		}
		return "(" + strings.Join(exprs, ", ") + ") " + op(k.cols[0]) + " (" + strings.Join(ph, ", ") + ")"
	}
	// e1 >= v1 AND (e1 > v1 OR (e2 >= v2 AND (e2 > v2 OR … en > vn))):
	// the leading bound lets an index on the first column narrow the scan.
	var b strings.Builder
	var expand func(i int)
	expand = func(i int) {
		c, e := k.cols[i], "("+exprs[i]+")"
		if i == len(k.cols)-1 {
			b.WriteString(e + " " + op(c) + " " + bind(key[i]))
			return
		}
		b.WriteString("(" + e + " " + op(c) + "= " + bind(key[i]) + " AND (" + e + " " + op(c) + " " + bind(key[i]) + " OR ")
		expand(i + 1)
		b.WriteString("))")
	}
	expand(0)
	return b.String()
}

// OrderBy returns the ORDER BY list (without the keywords) of the keyset
// over the expressions of its columns.
func (k Keyset) OrderBy(exprs []string) string {
	parts := make([]string, len(exprs))
	for i, e := range exprs {
		parts[i] = e
		if k.cols[i].Desc {
			parts[i] += " DESC"
		}
	}
	return strings.Join(parts, ", ")
}

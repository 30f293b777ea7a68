package resolve

import (
	"strings"
	"sync"

	"github.com/newsgraph/newsgraph/kg"
)

// memo keeps, across LinkAll calls, what depends only on names: a node's
// names parsed, and whether a mention's names could reach Low against a
// node's (plausible). A load meets the same cast window after window, and
// comparing the same names again was a tenth of a 10,000-article load's
// CPU. Both are functions of the names and types alone, so a remembered
// answer is the one computing gives.
var memo = struct {
	sync.Mutex
	nodes map[string]*memoNode // by nodeKey
	near  map[nearKey]bool     // plausible by name alone, by mention and node key
}{nodes: map[string]*memoNode{}, near: map[nearKey]bool{}}

// maxMemo bounds the entries memo keeps of each kind; past it, it starts
// over rather than grow with the graph.
const maxMemo = 1 << 17

// memoNode is a node's names as memo keeps them: key is the map's own key
// (so that the entries of near share it), nn the names parsed.
type memoNode struct {
	key string
	nn  []Name
}

type nearKey struct{ mention, node string }

// nameKey identifies a list of names of type t, in order.
func nameKey(t kg.EntityType, names []string) string {
	var b strings.Builder
	b.WriteString(string(t))
	for _, n := range names {
		b.WriteByte(0)
		b.WriteString(n)
	}
	return b.String()
}

// nodeOf returns e's names parsed, and their key, from memo or parsed
// now.
func nodeOf(e *kg.Entity) *memoNode {
	names := make([]string, 0, 1+len(e.Aliases))
	names = append(append(names, e.Name), e.Aliases...)
	k := nameKey(e.Type, names)
	memo.Lock()
	n := memo.nodes[k]
	memo.Unlock()
	if n != nil {
		return n
	}
	n = &memoNode{key: k, nn: parseAll(e.Type, names)}
	memo.Lock()
	if len(memo.nodes) >= maxMemo {
		clear(memo.nodes)
		clear(memo.near)
	}
	memo.nodes[k] = n
	memo.Unlock()
	return n
}

// near reports whether mention m (its names' key mk) could reach Low
// against node e (n, from nodeOf) with full context, from memo or
// computed now.
func near(m *Mention, mk string, e *kg.Entity, n *memoNode) bool {
	k := nearKey{mk, n.key}
	memo.Lock()
	v, ok := memo.near[k]
	memo.Unlock()
	if ok {
		return v
	}
	mt, _, ok := nameMatch(m, e, n.nn)
	v = ok && mt.Score+contextMax >= Low
	memo.Lock()
	if len(memo.near) >= maxMemo {
		clear(memo.near)
	}
	memo.near[k] = v
	memo.Unlock()
	return v
}

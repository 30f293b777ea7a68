package syntax

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
)

// GoldWord is one syntactic word of a treebank sentence.
type GoldWord struct {
	Form, Lemma, UPOS, XPOS string
	Head                    int // 1-based head index, 0 for the root
	Deprel                  string
	SpaceAfter              bool
}

// GoldSentence is one treebank sentence: its text line and its words.
type GoldSentence struct {
	Text  string
	Words []GoldWord
}

// ReadCoNLLU reads a CoNLL-U file: basic trees only (multiword-token ranges and
// empty nodes are skipped, since the parser works on syntactic words).
func ReadCoNLLU(path string) ([]GoldSentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("syntax: read treebank: %w", err)
	}
	defer f.Close()
	return readCoNLLU(f)
}

func readCoNLLU(r io.Reader) ([]GoldSentence, error) {
	var out []GoldSentence
	var cur GoldSentence
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	line := 0
	// rangeEnd marks words inside a multiword token: they have no space between them.
	rangeEnd := 0
	for sc.Scan() {
		line++
		s := sc.Text()
		if s == "" {
			if len(cur.Words) > 0 {
				out = append(out, cur)
			}
			cur = GoldSentence{}
			rangeEnd = 0
			continue
		}
		if strings.HasPrefix(s, "#") {
			if t, ok := strings.CutPrefix(s, "# text = "); ok {
				cur.Text = t
			}
			continue
		}
		cols := strings.Split(s, "\t")
		if len(cols) != 10 {
			return nil, fmt.Errorf("syntax: treebank line %d: %d columns", line, len(cols))
		}
		if strings.Contains(cols[0], ".") {
			continue
		}
		if a, b, ok := strings.Cut(cols[0], "-"); ok {
			_ = a
			rangeEnd, _ = strconv.Atoi(b)
			continue
		}
		id, _ := strconv.Atoi(cols[0])
		head, err := strconv.Atoi(cols[6])
		if err != nil {
			return nil, fmt.Errorf("syntax: treebank line %d: head %q", line, cols[6])
		}
		w := GoldWord{Form: cols[1], Lemma: cols[2], UPOS: cols[3], XPOS: cols[4], Head: head, Deprel: cols[7],
			SpaceAfter: !strings.Contains(cols[9], "SpaceAfter=No")}
		if id < rangeEnd {
			w.SpaceAfter = false
		}
		cur.Words = append(cur.Words, w)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("syntax: read treebank: %w", err)
	}
	if len(cur.Words) > 0 {
		out = append(out, cur)
	}
	return out, nil
}

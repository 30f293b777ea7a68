package ner

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strings"
)

// GoldSentence is one sentence of a BIO-tagged corpus: its words and one
// tag per word ("O", "B-PER", "I-ORG", …).
type GoldSentence struct {
	Words, Tags []string
}

// ReadIOB2 reads a Universal NER file: sentences separated by blank lines,
// "#" comment lines, and one word a line as tab-separated index, form and
// tag (further columns are ignored).
func ReadIOB2(path string) ([]GoldSentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("ner: read corpus: %w", err)
	}
	defer f.Close()
	s, err := readIOB2(f)
	if err != nil {
		return nil, fmt.Errorf("ner: read %s: %w", path, err)
	}
	return s, nil
}

func readIOB2(r io.Reader) ([]GoldSentence, error) {
	var out []GoldSentence
	var cur GoldSentence
	flush := func() {
		if len(cur.Words) > 0 {
			out = append(out, cur)
		}
		cur = GoldSentence{}
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		l := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(l) == "" {
			flush()
			continue
		}
		if strings.HasPrefix(l, "#") {
			continue
		}
		f := strings.Split(l, "\t")
		if len(f) < 3 || f[1] == "" {
			return nil, fmt.Errorf("line %d: want index, form and tag separated by tabs", line)
		}
		tag := f[2]
		if _, ok := classOf[tag]; !ok {
			return nil, fmt.Errorf("line %d: unknown tag %q", line, tag)
		}
		cur.Words = append(cur.Words, f[1])
		cur.Tags = append(cur.Tags, tag)
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	flush()
	return out, nil
}

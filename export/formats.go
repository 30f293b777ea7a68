package export

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/newsgraph/newsgraph/kg"
)

// xmlWriter writes XML by hand (the formats are flat) with escaped text.
type xmlWriter struct {
	w   io.Writer
	err error
}

func (x *xmlWriter) raw(s string) {
	if x.err == nil {
		_, x.err = io.WriteString(x.w, s)
	}
}

func (x *xmlWriter) text(s string) {
	if x.err == nil {
		x.err = xml.EscapeText(x.w, []byte(s))
	}
}

// attr writes ` name="value"` with the value escaped.
func (x *xmlWriter) attr(name, value string) {
	x.raw(" " + name + `="`)
	x.text(value)
	x.raw(`"`)
}

// graphML writes GraphML with typed keys for the entity and relation
// fields; aliases are joined by " | ".
type graphML struct {
	w io.Writer
	x xmlWriter
}

func (g *graphML) begin() error {
	g.x = xmlWriter{w: bufio.NewWriterSize(g.w, 64<<10)}
	g.x.raw(`<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
  <key id="name" for="node" attr.name="name" attr.type="string"/>
  <key id="type" for="node" attr.name="type" attr.type="string"/>
  <key id="subtype" for="node" attr.name="subtype" attr.type="string"/>
  <key id="aliases" for="node" attr.name="aliases" attr.type="string"/>
  <key id="rtype" for="edge" attr.name="type" attr.type="string"/>
  <key id="label" for="edge" attr.name="label" attr.type="string"/>
  <key id="confidence" for="edge" attr.name="confidence" attr.type="double"/>
  <key id="weight" for="edge" attr.name="weight" attr.type="int"/>
  <key id="symmetric" for="edge" attr.name="symmetric" attr.type="boolean"/>
  <graph id="newsgraph" edgedefault="directed">
`)
	return g.x.err
}

func (g *graphML) data(key, value string) {
	g.x.raw(`<data key="` + key + `">`)
	g.x.text(value)
	g.x.raw(`</data>`)
}

func (g *graphML) node(e *kg.Entity) error {
	g.x.raw("    <node")
	g.x.attr("id", e.ID)
	g.x.raw(">")
	g.data("name", e.Name)
	g.data("type", string(e.Type))
	if e.Subtype != "" {
		g.data("subtype", e.Subtype)
	}
	if len(e.Aliases) > 0 {
		g.data("aliases", strings.Join(e.Aliases, " | "))
	}
	g.x.raw("</node>\n")
	return g.x.err
}

func (g *graphML) between() error { return g.x.err }

func (g *graphML) edge(r *kg.Relation) error {
	g.x.raw("    <edge")
	g.x.attr("id", r.ID)
	g.x.attr("source", r.Source)
	g.x.attr("target", r.Target)
	g.x.raw(">")
	g.data("rtype", string(r.Type))
	g.data("label", edgeLabel(r))
	g.data("confidence", strconv.FormatFloat(r.Confidence, 'g', -1, 64))
	g.data("weight", strconv.Itoa(len(r.Evidence)))
	g.data("symmetric", strconv.FormatBool(r.Type.Symmetric()))
	g.x.raw("</edge>\n")
	return g.x.err
}

func (g *graphML) end() error {
	g.x.raw("  </graph>\n</graphml>\n")
	return flush(g.x.w, g.x.err)
}

// gexf writes GEXF 1.2 (the version Gephi and networkx both read). Edge
// weights are evidence counts; symmetric relations stay directed edges
// with symmetric=true, since a mixed graph is not read by every tool.
type gexf struct {
	w io.Writer
	x xmlWriter
}

func (g *gexf) begin() error {
	g.x = xmlWriter{w: bufio.NewWriterSize(g.w, 64<<10)}
	g.x.raw(`<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://www.gexf.net/1.2draft" version="1.2">
  <meta><creator>newsgraph</creator><description>entities and relations extracted from news articles</description></meta>
  <graph mode="static" defaultedgetype="directed">
    <attributes class="node">
      <attribute id="type" title="type" type="string"/>
      <attribute id="subtype" title="subtype" type="string"/>
      <attribute id="aliases" title="aliases" type="string"/>
    </attributes>
    <attributes class="edge">
      <attribute id="type" title="type" type="string"/>
      <attribute id="confidence" title="confidence" type="double"/>
      <attribute id="symmetric" title="symmetric" type="boolean"/>
    </attributes>
    <nodes>
`)
	return g.x.err
}

func (g *gexf) value(key, v string) {
	g.x.raw(`<attvalue for="` + key + `"`)
	g.x.attr("value", v)
	g.x.raw("/>")
}

func (g *gexf) node(e *kg.Entity) error {
	g.x.raw("      <node")
	g.x.attr("id", e.ID)
	g.x.attr("label", e.Name)
	g.x.raw("><attvalues>")
	g.value("type", string(e.Type))
	if e.Subtype != "" {
		g.value("subtype", e.Subtype)
	}
	if len(e.Aliases) > 0 {
		g.value("aliases", strings.Join(e.Aliases, " | "))
	}
	g.x.raw("</attvalues></node>\n")
	return g.x.err
}

func (g *gexf) between() error {
	g.x.raw("    </nodes>\n    <edges>\n")
	return g.x.err
}

func (g *gexf) edge(r *kg.Relation) error {
	g.x.raw("      <edge")
	g.x.attr("id", r.ID)
	g.x.attr("source", r.Source)
	g.x.attr("target", r.Target)
	g.x.attr("label", edgeLabel(r))
	g.x.attr("weight", strconv.Itoa(len(r.Evidence)))
	g.x.raw("><attvalues>")
	g.value("type", string(r.Type))
	g.value("confidence", strconv.FormatFloat(r.Confidence, 'g', -1, 64))
	g.value("symmetric", strconv.FormatBool(r.Type.Symmetric()))
	g.x.raw("</attvalues></edge>\n")
	return g.x.err
}

func (g *gexf) end() error {
	g.x.raw("    </edges>\n  </graph>\n</gexf>\n")
	return flush(g.x.w, g.x.err)
}

func flush(w io.Writer, err error) error {
	if err != nil {
		return err
	}
	if b, ok := w.(*bufio.Writer); ok {
		return b.Flush()
	}
	return nil
}

// NodesHeader and EdgesHeader are the CSV headers, in neo4j-admin import
// form: nodes get the labels Entity and their type, relationships their
// ontology type; arrays are ;-separated (neo4j-admin's default).
var (
	NodesHeader = []string{"id:ID", "name", "type", "subtype", "aliases:string[]", ":LABEL"}
	EdgesHeader = []string{":START_ID", ":END_ID", ":TYPE", "id", "label", "confidence:float", "evidence:int", "symmetric:boolean", "properties"}
)

// csvEncoder writes the nodes file or the edges file.
type csvEncoder struct {
	w     *csv.Writer
	nodes bool
}

func newCSV(w io.Writer, nodes bool) *csvEncoder {
	return &csvEncoder{w: csv.NewWriter(w), nodes: nodes}
}

func (c *csvEncoder) begin() error {
	if c.nodes {
		return c.w.Write(NodesHeader)
	}
	return c.w.Write(EdgesHeader)
}

func (c *csvEncoder) node(e *kg.Entity) error {
	if !c.nodes {
		return nil
	}
	// A ; inside an alias would split it: neo4j-admin has no escape for
	// the array delimiter, so it becomes a comma.
	aliases := make([]string, len(e.Aliases))
	for i, a := range e.Aliases {
		aliases[i] = strings.ReplaceAll(a, ";", ",")
	}
	return c.w.Write([]string{e.ID, e.Name, string(e.Type), e.Subtype, strings.Join(aliases, ";"), "Entity;" + string(e.Type)})
}

func (c *csvEncoder) between() error { return nil }

func (c *csvEncoder) edge(r *kg.Relation) error {
	if c.nodes {
		return nil
	}
	props := ""
	if len(r.Properties) > 0 {
		b, err := json.Marshal(r.Properties)
		if err != nil {
			return err
		}
		props = string(b)
	}
	return c.w.Write([]string{r.Source, r.Target, string(r.Type), r.ID, edgeLabel(r),
		strconv.FormatFloat(r.Confidence, 'g', -1, 64), strconv.Itoa(len(r.Evidence)),
		strconv.FormatBool(r.Type.Symmetric()), props})
}

func (c *csvEncoder) end() error {
	c.w.Flush()
	return c.w.Error()
}

// jsonl writes one JSON object a line: the articles (without their text),
// then the entities, then the relations with their evidence; each line
// starts with its "kind".
type jsonl struct {
	bw *bufio.Writer
}

func newJSONL(w io.Writer) *jsonl { return &jsonl{bw: bufio.NewWriterSize(w, 64<<10)} }

// line writes v's JSON object with "kind" first. The kg types marshal
// themselves, so the field is spliced in rather than embedded.
func (j *jsonl) line(kind string, v any, extra string) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	if len(b) < 2 || b[0] != '{' {
		return fmt.Errorf("export: %s does not marshal to an object", kind)
	}
	j.bw.WriteString(`{"kind":"` + kind + `",`)
	if len(b) > 2 {
		j.bw.Write(b[1 : len(b)-1])
		if extra != "" {
			j.bw.WriteString(",")
		}
	}
	_, err = j.bw.WriteString(extra + "}\n") // bufio keeps the first error
	return err
}

func (j *jsonl) begin() error { return nil }

func (j *jsonl) article(a *kg.Article) error { return j.line("article", a, "") }

func (j *jsonl) node(e *kg.Entity) error { return j.line("entity", e, "") }

func (j *jsonl) between() error { return nil }

func (j *jsonl) edge(r *kg.Relation) error {
	return j.line("relation", r, `"symmetric":`+strconv.FormatBool(r.Type.Symmetric()))
}

func (j *jsonl) end() error { return j.bw.Flush() }

// Example queries shown as GraphiQL tabs. The ids are defaults (entities of
// the seed article); app.js puts in people from the graph being served.
window.NEWSGRAPH_EXAMPLES = [
  {
    query: "# Who detained whom, and the sentence that says so.\n" +
      "query WhoDetainedWhom {\n" +
      "  relations(types: [DETAINED], first: 20) {\n" +
      "    totalCount\n" +
      "    edges {\n" +
      "      node {\n" +
      "        source { name type }\n" +
      "        target { name }\n" +
      "        properties { key value }\n" +
      "        confidence\n" +
      "        evidence { text article { title published } }\n" +
      "      }\n" +
      "    }\n" +
      "  }\n" +
      "}\n"
  },
  {
    query: "# Who commanded whom: COMMANDS relations, and from a person's side.\n" +
      "query WhoCommandedWhom($person: ID!) {\n" +
      "  relations(types: [COMMANDS], first: 20) {\n" +
      "    edges { node { source { name } target { name type } evidence { text } } }\n" +
      "  }\n" +
      "  entity(id: $person) {\n" +
      "    name\n" +
      "    commands { name }\n" +
      "    commandedBy { name }\n" +
      "    roles { title status organization { name } }\n" +
      "  }\n" +
      "}\n",
    variables: { person: "person:hadi-al-ameri" }
  },
  {
    query: "# The shortest paths between two people, with each hop's evidence.\n" +
      "query PathBetween($from: ID!, $to: ID!) {\n" +
      "  paths(from: $from, to: $to, maxHops: 4, limit: 3) {\n" +
      "    length\n" +
      "    nodes { name }\n" +
      "    hops { from { name } to { name } relation { type evidence { text } } }\n" +
      "  }\n" +
      "}\n",
    variables: { from: "person:qassim-al-araji", to: "person:hadi-al-ameri" }
  },
  {
    query: "# A subgraph around seeds, as nodes/edges and as Cytoscape.js elements with\n" +
      "# classes (style them with /explore/cytoscape-style.json; or open /explore).\n" +
      "query Subgraph($seeds: [ID!]!) {\n" +
      "  subgraph(seeds: $seeds, depth: 1) {\n" +
      "    nodes { id label type weight }\n" +
      "    edges { source target type label weight }\n" +
      "    elements(collapseParallel: true)\n" +
      "  }\n" +
      "}\n",
    variables: { seeds: ["person:qassim-al-araji"] }
  },
  {
    query: "# Search entities by name or alias.\n" +
      "query Search($q: String!) {\n" +
      "  entities(query: $q, first: 10) {\n" +
      "    edges { score node { id name type subtype aliases mentionCount } }\n" +
      "  }\n" +
      "}\n",
    variables: { q: "Araji" }
  }
];

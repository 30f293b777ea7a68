// @neo4j/graphql over the newsgraph graph as neo4jstore writes it, served by
// graphql-yoga on node:http, for tools/peerbench. The typeDefs are written
// from the project's ontology: every relation type is a relationship field
// in each direction, its properties (confidence, retraction, the evidence
// count) are the relationship's properties, and the evidence, nodes of
// their own keyed by relation id, is read through @cypher fields.
//
//   NEO4J_URI=bolt://127.0.0.1:17717 NEO4J_PASSWORD=newsgraph PORT=4100 node server.mjs
import { createServer } from "node:http";
import { Neo4jGraphQL } from "@neo4j/graphql";
import { createYoga } from "graphql-yoga";
import neo4j from "neo4j-driver";

// The ontology's relation types (ONTOLOGY.md).
export const relationTypes = [
  "HOLDS_ROLE", "LEADS", "COMMANDS", "MEMBER_OF", "WORKS_FOR", "DETAINED", "ATTACKED", "KILLED",
  "FOUGHT", "MET_WITH", "ALLIED_WITH", "SUPPORTS", "OPPOSES", "PART_OF", "FAMILY_OF", "OWNS",
  "APPOINTED", "PARTICIPATED_IN",
];

// field is the GraphQL field name of a relation type and direction:
// DETAINED, OUT -> detainedOut.
export function field(type, dir) {
  const camel = type.toLowerCase().replace(/_([a-z])/g, (_, c) => c.toUpperCase());
  return camel + (dir === "OUT" ? "Out" : "In");
}

const rels = relationTypes.flatMap((t) => ["OUT", "IN"].map((d) =>
  `  ${field(t, d)}: [Entity!]! @relationship(type: "${t}", direction: ${d}, properties: "Rel")`)).join("\n");

const pathTypes = relationTypes.join("|");

export const typeDefs = `
type Entity @node @fulltext(indexes: [{indexName: "entity_search", fields: ["searchKeys"], queryName: "entitySearch"}]) {
  id: ID!
  type: String!
  subtype: String
  name: String!
  aliases: [String!]
  searchKeys: String
${rels}
  "The evidence of the entity's relations that are not retracted, found by relation id."
  relationEvidence: [Evidence!]!
    @cypher(statement: """
      MATCH (this)-[r:${pathTypes}]-(:Entity) WHERE NOT r.retracted
      MATCH (x:Evidence {rel: r.id})
      RETURN x
    """, columnName: "x")
  "The evidence of the entity's DETAINED relations out that are not retracted."
  detainedOutEvidence: [Evidence!]!
    @cypher(statement: """
      MATCH (this)-[r:DETAINED]->(:Entity) WHERE NOT r.retracted
      MATCH (x:Evidence {rel: r.id})
      RETURN x
    """, columnName: "x")
}

type Rel @relationshipProperties {
  id: ID!
  confidence: Float
  retracted: Boolean
  evCount: Int
}

type Evidence @node {
  rel: ID!
  article: String
  text: String
  start: Int
  end: Int
}

type Path {
  length: Int!
  nodes: [String!]!
  names: [String!]!
}

type Query {
  search(folded: String!, lucene: String!): [Entity!]!
    @cypher(statement: """
      CALL () {
        CALL db.index.fulltext.queryNodes('entity_search', $lucene) YIELD node RETURN node AS e
        UNION
        MATCH (e:Entity) WHERE e.searchKeys CONTAINS $folded RETURN e
      }
      RETURN e LIMIT 10
    """, columnName: "e")
  paths(from: ID!, to: ID!, maxHops: Int = 4, limit: Int = 3): [Path!]!
    @cypher(statement: """
      MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
      MATCH p = allShortestPaths((a)-[:${pathTypes}*..4]-(b))
      WHERE length(p) <= $maxHops AND none(r IN relationships(p) WHERE r.retracted)
      WITH p LIMIT $limit
      RETURN {length: length(p), nodes: [n IN nodes(p) | n.id], names: [n IN nodes(p) | n.name]} AS path
    """, columnName: "path")
}
`;

const driver = neo4j.driver(process.env.NEO4J_URI ?? "bolt://127.0.0.1:7687",
  neo4j.auth.basic(process.env.NEO4J_USER ?? "neo4j", process.env.NEO4J_PASSWORD ?? "newsgraph"));
const schema = await new Neo4jGraphQL({ typeDefs, driver }).getSchema();
const yoga = createYoga({ schema, graphiql: false, logging: false, maskedErrors: false });
const port = Number(process.env.PORT ?? 4100);
createServer(yoga).listen(port, "127.0.0.1", () => console.log(`@neo4j/graphql ready on http://127.0.0.1:${port}/graphql`));

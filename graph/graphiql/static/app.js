// Starts GraphiQL on this server's /query endpoint, with the example
// queries of examples.js as tabs. Everything it loads is served locally.
//
// The examples need entity ids, and which entities exist depends on what was
// loaded: before rendering, ask the graph for the person with the best
// supported relation and a person two hops away, and use them; keep the defaults if that fails.
(function () {
  var endpoint = new URL("query", window.location.href).href;
  var fetcher = GraphiQL.createFetcher({ url: endpoint });

  function post(query, variables) {
    return fetch(endpoint, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ query: query, variables: variables || {} }),
    }).then(function (r) { return r.json(); });
  }

  function pickPeople() {
    return post("{ relations(sourceTypes: [Person], orderBy: EVIDENCE, first: 1) { edges { node { source { id } } } } }")
      .then(function (r) {
        var edges = r.data && r.data.relations.edges;
        if (!edges || !edges.length) return null;
        var from = edges[0].node.source.id;
        return post("query($id: ID!) { neighborhood(id: $id, hops: 2, limitPerHop: 50) { nodes { id type depth } } }", { id: from })
          .then(function (n) {
            var nodes = (n.data && n.data.neighborhood.nodes) || [];
            var people = function (d) { return nodes.filter(function (x) { return x.type === "Person" && x.depth === d; }); };
            var to = (people(2)[0] || people(1)[0] || {}).id;
            return { from: from, to: to || from };
          });
      });
  }

  function render(people) {
    var tabs = (window.NEWSGRAPH_EXAMPLES || []).map(function (ex) {
      var v = ex.variables ? Object.assign({}, ex.variables) : undefined;
      if (v && people) {
        if ("person" in v) v.person = people.from;
        if ("from" in v) v.from = people.from;
        if ("to" in v) v.to = people.to;
        if ("seeds" in v) v.seeds = [people.from];
      }
      return { query: ex.query, variables: v ? JSON.stringify(v, null, 2) : undefined };
    });
    var root = ReactDOM.createRoot(document.getElementById("graphiql"));
    root.render(React.createElement(GraphiQL, {
      fetcher: fetcher,
      defaultTabs: tabs,
      defaultEditorToolsVisibility: true,
      shouldPersistHeaders: false,
    }));
  }

  var done = false;
  function once(people) { if (!done) { done = true; render(people); } }
  // Never keep the page waiting on the graph for long.
  setTimeout(function () { once(null); }, 3000);
  pickPeople().then(once, function () { once(null); });
})();

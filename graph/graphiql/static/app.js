// Starts GraphiQL on this server's /query endpoint, with the example
// queries of examples.js as tabs. Everything it loads is served locally.
(function () {
  var endpoint = new URL("query", window.location.href).href;
  var fetcher = GraphiQL.createFetcher({ url: endpoint });
  var tabs = (window.NEWSGRAPH_EXAMPLES || []).map(function (ex) {
    return { query: ex.query, variables: ex.variables ? JSON.stringify(ex.variables, null, 2) : undefined };
  });
  var root = ReactDOM.createRoot(document.getElementById("graphiql"));
  root.render(React.createElement(GraphiQL, {
    fetcher: fetcher,
    defaultTabs: tabs,
    defaultEditorToolsVisibility: true,
    shouldPersistHeaders: false,
  }));
})();

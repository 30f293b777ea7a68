// The graph explorer: a Cytoscape.js view over this server's GraphQL
// endpoint. Every read is a GraphQL query; curation sends the API key the
// user typed (kept in this tab's sessionStorage only).
(function () {
  "use strict";
  var endpoint = new URL("query", window.location.href).href;
  var styleURL = new URL("explore/cytoscape-style.json", window.location.href).href;
  // The ontology's symmetric relations (see the RelationType enum's doc):
  // drawn without an arrow when a path adds them.
  var SYMMETRIC = { FOUGHT: true, MET_WITH: true, ALLIED_WITH: true, FAMILY_OF: true };
  var NEIGHBOURS_PER_EXPANSION = 60;

  var $ = function (id) { return document.getElementById(id); };
  var cy = null;
  var expanded = [];          // entity ids expanded, in order (rebuilt on filter change)
  var addedBy = {};           // entity id → ids of the nodes its expansion added
  var articleText = {};       // article id → promise of its text
  var pathEnds = { from: null, to: null };
  var mergeDrop = null;       // entity chosen to be merged into another

  function esc(s) {
    return String(s == null ? "" : s).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }
  function className(t) { return t.toLowerCase().replace(/_/g, "-"); }
  function words(t) { return t.toLowerCase().replace(/_/g, " "); }

  function status(msg, isError) {
    var el = $("status");
    el.textContent = msg || "";
    el.className = isError ? "error" : "";
  }

  // gql posts one query; it rejects with a readable message (and the
  // error's extensions.code) when the server answers with errors.
  function gql(query, variables, withKey) {
    var headers = { "Content-Type": "application/json" };
    var key = $("api-key").value.trim();
    if (withKey && key) headers.Authorization = "Bearer " + key;
    return fetch(endpoint, { method: "POST", headers: headers, body: JSON.stringify({ query: query, variables: variables || {} }) })
      .then(function (r) { return r.json(); })
      .then(function (r) {
        if (r.errors && r.errors.length) {
          var e = r.errors[0];
          var code = e.extensions && e.extensions.code ? " (" + e.extensions.code + ")" : "";
          throw new Error(e.message + code);
        }
        return r.data;
      });
  }
  function fail(err) { status(err.message || String(err), true); }

  // ---- filters --------------------------------------------------------

  function checked(box) {
    return Array.prototype.filter.call($(box).querySelectorAll("input"), function (i) { return i.checked; })
      .map(function (i) { return i.value; });
  }
  function allChecked(box) { return $(box).querySelectorAll("input:not(:checked)").length === 0; }

  function filters() {
    var conf = parseFloat($("min-conf").value);
    return {
      types: allChecked("relation-types") ? null : checked("relation-types"),
      entityTypes: allChecked("entity-types") ? null : checked("entity-types"),
      minConfidence: conf > 0 ? conf : null,
      from: $("from").value.trim() || null,
      to: $("to").value.trim() || null,
      collapse: $("collapse").checked,
    };
  }

  function checkboxes(box, names) {
    $(box).innerHTML = names.map(function (n) {
      return '<label><input type="checkbox" checked value="' + esc(n) + '"> ' + esc(n === n.toUpperCase() ? words(n) : n) + "</label>";
    }).join("");
  }

  // ---- graph ----------------------------------------------------------

  var NEIGHBORHOOD = "query($id: ID!, $types: [RelationType!], $entityTypes: [EntityType!], $minConfidence: Float, $from: String, $to: String, $limit: Int, $collapse: Boolean) {" +
    " neighborhood(id: $id, hops: 1, types: $types, entityTypes: $entityTypes, minConfidence: $minConfidence, from: $from, to: $to, limitPerHop: $limit) {" +
    " truncated elements(collapseParallel: $collapse) } }";

  // expand adds the neighbourhood of id to the graph and remembers which
  // nodes it added, so that collapse can take them away again.
  function expand(id) {
    var f = filters();
    status("loading…");
    return gql(NEIGHBORHOOD, {
      id: id, types: f.types, entityTypes: f.entityTypes, minConfidence: f.minConfidence,
      from: f.from, to: f.to, limit: NEIGHBOURS_PER_EXPANSION, collapse: f.collapse,
    }).then(function (d) {
      var nb = d.neighborhood;
      var fresh = [];
      // New nodes start on a ring around the node expanded, so that the
      // incremental layout unfolds them there instead of in a pile.
      var centre = cy.getElementById(id);
      var at = centre.nonempty() ? centre.position() : { x: 0, y: 0 };
      var ring = nb.elements.filter(function (el) { return el.group === "nodes" && cy.getElementById(el.data.id).empty(); }).length;
      cy.batch(function () {
        nb.elements.forEach(function (el) {
          var have = cy.getElementById(el.data.id);
          if (have.nonempty()) {
            (el.classes || []).forEach(function (c) { have.addClass(c); });
            return;
          }
          if (el.group === "nodes") {
            var a = 2 * Math.PI * fresh.length / Math.max(ring, 1), r = 60 + 4 * ring;
            el = Object.assign({ position: { x: at.x + r * Math.cos(a), y: at.y + r * Math.sin(a) } }, el);
            fresh.push(el.data.id);
          }
          cy.add(el);
        });
        cy.getElementById(id).addClass("seed");
      });
      if (expanded.indexOf(id) < 0) expanded.push(id);
      addedBy[id] = (addedBy[id] || []).concat(fresh);
      layout(fresh.length > 0);
      var n = cy.nodes().length, m = cy.edges().length;
      status(n + " entities, " + m + " relations" + (nb.truncated ? " (the largest neighbourhoods were cut to " + NEIGHBOURS_PER_EXPANSION + ")" : ""));
      return fresh.length;
    });
  }

  // collapse removes what expanding id added, except nodes that were
  // themselves expanded or that hold on to the rest of the graph.
  function collapse(id) {
    var added = addedBy[id] || [];
    var gone = {};
    added.forEach(function (a) { gone[a] = true; });
    cy.batch(function () {
      added.forEach(function (a) {
        var n = cy.getElementById(a);
        if (n.empty() || expanded.indexOf(a) >= 0) return;
        var keeps = n.neighborhood("node").some(function (m) { return m.id() !== id && !gone[m.id()]; });
        if (!keeps) n.remove();
      });
    });
    delete addedBy[id];
    expanded = expanded.filter(function (e) { return e !== id; });
    cy.getElementById(id).removeClass("seed");
    status(cy.nodes().length + " entities, " + cy.edges().length + " relations");
  }

  function rebuild() {
    var ids = expanded.slice();
    cy.elements().remove();
    expanded = [];
    addedBy = {};
    return ids.reduce(function (p, id) { return p.then(function () { return expand(id); }); }, Promise.resolve()).catch(fail);
  }

  function open(id) {
    cy.elements().remove();
    expanded = [];
    addedBy = {};
    history.replaceState(null, "", "?id=" + encodeURIComponent(id));
    return expand(id).then(function () {
      var n = cy.getElementById(id);
      if (n.nonempty()) { n.select(); showNode(n); }
    }).catch(fail);
  }

  function layoutOptions(name, incremental) {
    switch (name) {
      case "concentric":
        // Best-supported entities in the middle; rings of equal evidence.
        return { name: "concentric", animate: false, concentric: function (n) { return n.data("weight"); },
          levelWidth: function () { return 3; }, minNodeSpacing: 28, avoidOverlap: true, padding: 30 };
      case "breadthfirst":
        return { name: "breadthfirst", animate: false, directed: false, roots: cy.nodes(".seed"), spacingFactor: 1.2, avoidOverlap: true, padding: 30 };
      default:
        // Tuned to keep 300 nodes apart with readable labels: repulsion
        // and edge length grow with the graph, a gentle pull to the middle.
        var n = cy.nodes().length;
        var repulsion = 20000 + 300 * n, edge = 70 + Math.min(n, 300) / 5;
        return { name: "cose", animate: false, randomize: !incremental, fit: true, padding: 30,
          nodeRepulsion: function () { return repulsion; }, idealEdgeLength: function () { return edge; },
          edgeElasticity: function () { return 100; }, nodeOverlap: 30, gravity: 0.4, numIter: 1500,
          initialTemp: incremental ? 200 : 1000, componentSpacing: 100, nestingFactor: 1.2 };
    }
  }
  function layout(incremental) {
    if (cy.nodes().length === 0) return;
    cy.layout(layoutOptions($("layout").value, incremental && cy.nodes().length > 1)).run();
  }

  // ---- details panel --------------------------------------------------

  function details(html) { $("details").innerHTML = html; }

  function showNode(n) {
    var id = n.id();
    var isExpanded = expanded.indexOf(id) >= 0;
    var key = $("api-key").value.trim() !== "";
    var html = "<h3>" + esc(n.data("label")) + "</h3><div class=type>" + esc(n.data("type")) +
      (n.data("subtype") ? " · " + esc(n.data("subtype")) : "") + " · <code>" + esc(id) + "</code></div>" +
      '<div id="aliases" class=hint></div><div class="buttons">' +
      '<button type="button" id="btn-expand">' + (isExpanded ? "Collapse" : "Expand") + "</button>" +
      '<button type="button" id="btn-timeline">Timeline</button>' +
      '<button type="button" id="btn-path-from">Path from here</button>' +
      '<button type="button" id="btn-path-to">Path to here</button>';
    if (key) {
      html += mergeDrop && mergeDrop.id !== id
        ? '<button type="button" id="btn-merge">Merge “' + esc(mergeDrop.label) + "” into this</button>"
        : '<button type="button" id="btn-merge-pick">Merge into another…</button>';
    }
    html += '</div><div id="node-more"></div>';
    details(html);
    gql("query($id: ID!) { entity(id: $id) { aliases } }", { id: id }).then(function (d) {
      var el = $("aliases");
      if (el && d.entity && d.entity.aliases.length) el.textContent = "also: " + d.entity.aliases.join(", ");
    }).catch(function () {});
    $("btn-expand").onclick = function () {
      if (isExpanded) { collapse(id); showNode(n); } else { expand(id).then(function () { showNode(n); }).catch(fail); }
    };
    $("btn-timeline").onclick = function () { timeline(id); };
    $("btn-path-from").onclick = function () { setPathEnd("from", n); };
    $("btn-path-to").onclick = function () { setPathEnd("to", n); };
    if ($("btn-merge-pick")) $("btn-merge-pick").onclick = function () {
      mergeDrop = { id: id, label: n.data("label") };
      status("now select the entity to keep, and merge “" + n.data("label") + "” into it");
    };
    if ($("btn-merge")) $("btn-merge").onclick = function () { merge(id, mergeDrop.id); };
  }

  var RELATION = "id type confidence property(key: \"title\") source { id name } target { id name }" +
    " evidence { text start end confidence extractor article { id title published url source } }";

  function showEdge(e) {
    var ids = e.data("relations") || [e.id()];
    var vars = {}, decl = [], sel = [];
    ids.forEach(function (rid, i) {
      vars["r" + i] = rid;
      decl.push("$r" + i + ": ID!");
      sel.push("r" + i + ": relation(id: $r" + i + ") { " + RELATION + " }");
    });
    details("<h3>" + esc(e.data("label")) + "</h3><p class=hint>loading the evidence…</p>");
    gql("query(" + decl.join(", ") + ") { " + sel.join(" ") + " }", vars).then(function (d) {
      var rels = ids.map(function (_, i) { return d["r" + i]; }).filter(Boolean);
      var parts = rels.map(function (r) {
        var n = r.evidence.length;
        var html = '<div class="relation" data-id="' + esc(r.id) + '"><h3>' + esc(r.source.name) + " — " + esc(words(r.type)) +
          (r.property ? " (" + esc(r.property) + ")" : "") + " → " + esc(r.target.name) + "</h3>" +
          "<div class=type>confidence " + r.confidence.toFixed(2) + " · " + n + " sentence" + (n === 1 ? "" : "s") + "</div>";
        html += r.evidence.map(function (ev, j) {
          var a = ev.article;
          var link = a.url ? ' · <a href="' + esc(a.url) + '" target="_blank" rel="noopener">open</a>' : "";
          return '<div class="evidence"><div class="meta"><strong>' + esc(a.title) + "</strong> · " + esc(a.published || "undated") + link +
            '</div><div class="context" id="ctx-' + esc(r.id) + "-" + j + '"><mark>' + esc(ev.text) + "</mark></div>" +
            '<div class="meta">' + esc(ev.extractor) + " · " + ev.confidence.toFixed(2) + "</div></div>";
        }).join("");
        if ($("api-key").value.trim()) {
          html += '<div class="buttons"><input class="reason" placeholder="why it is wrong" size="22">' +
            '<button type="button" class="retract">Retract</button></div>';
        }
        return html + "</div>";
      });
      details(parts.join("") || "<p>This relation is no longer in the graph.</p>");
      rels.forEach(function (r) {
        r.evidence.forEach(function (ev, j) { context(ev, "ctx-" + r.id + "-" + j); });
      });
      Array.prototype.forEach.call(document.querySelectorAll("#details .retract"), function (b) {
        b.onclick = function () {
          var box = b.closest(".relation");
          retract(box.getAttribute("data-id"), box.querySelector(".reason").value, e);
        };
      });
    }).catch(fail);
  }

  // context shows the sentence inside its paragraph's surroundings, read
  // from the article's text (offsets count characters, not UTF-16 units).
  function context(ev, elID) {
    var id = ev.article.id;
    if (!articleText[id]) {
      articleText[id] = gql("query($id: ID!) { article(id: $id) { text } }", { id: id })
        .then(function (d) { return d.article ? Array.from(d.article.text) : null; });
    }
    articleText[id].then(function (chars) {
      var el = $(elID);
      if (!el || !chars) return;
      var sentence = chars.slice(ev.start, ev.end).join("");
      if (sentence !== ev.text) return; // offsets from another version: keep the sentence alone
      // About 220 characters each side, cut between words, not inside one.
      var lo = Math.max(0, ev.start - 220), hi = Math.min(chars.length, ev.end + 220), space = /\s/;
      while (lo > 0 && lo < ev.start && !space.test(chars[lo - 1])) lo++;
      while (hi < chars.length && hi > ev.end && !space.test(chars[hi])) hi--;
      el.innerHTML = (lo > 0 ? "… " : "") + esc(chars.slice(lo, ev.start).join("")) + "<mark>" + esc(sentence) + "</mark>" +
        esc(chars.slice(ev.end, hi).join("")) + (hi < chars.length ? " …" : "");
    }).catch(function () {});
  }

  function timeline(id) {
    gql("query($id: ID!) { timeline(id: $id, first: 100) { totalCount edges { node { date role event { name type } evidence { text article { title } } } } } }", { id: id })
      .then(function (d) {
        var t = d.timeline;
        var html = "<h2>Timeline (" + t.totalCount + ")</h2>";
        if (!t.edges.length) html += "<p class=hint>No events.</p>";
        html += '<ol class="timeline">' + t.edges.map(function (e) {
          var x = e.node, ev = x.evidence[0];
          return "<li><strong>" + esc(x.date || "undated") + "</strong> " + esc(x.event.name) + " <span class=type>" + esc(x.event.type) +
            (x.role ? " · " + esc(x.role) : "") + "</span>" + (ev ? "<div class=hint>" + esc(ev.text) + " — <em>" + esc(ev.article.title) + "</em></div>" : "") + "</li>";
        }).join("") + "</ol>";
        var more = $("node-more");
        if (more) more.innerHTML = html; else details(html);
      }).catch(fail);
  }

  function setPathEnd(which, n) {
    pathEnds[which] = { id: n.id(), label: n.data("label") };
    $("path-" + which).textContent = n.data("label");
    $("find-path").disabled = !(pathEnds.from && pathEnds.to);
  }

  function findPath() {
    var q = "query($from: ID!, $to: ID!) { paths(from: $from, to: $to, maxHops: 4, limit: 3) { length nodes { id name type subtype }" +
      " hops { relation { id type confidence property(key: \"title\") source { id } target { id } evidence { text } } } } }";
    gql(q, { from: pathEnds.from.id, to: pathEnds.to.id }).then(function (d) {
      cy.elements().removeClass("path");
      if (!d.paths.length) { status("no path of at most 4 hops between them", true); return; }
      var add = [];
      d.paths.forEach(function (p) {
        p.nodes.forEach(function (n) {
          if (cy.getElementById(n.id).empty()) add.push({ group: "nodes", classes: [className(n.type)],
            data: { id: n.id, label: n.name, type: n.type, subtype: n.subtype, weight: 1 } });
        });
        p.hops.forEach(function (h) {
          var r = h.relation;
          if (cy.getElementById(r.id).empty() && !add.some(function (a) { return a.data.id === r.id; })) {
            add.push({ group: "edges", classes: [className(r.type)].concat(SYMMETRIC[r.type] ? ["symmetric"] : []),
              data: { id: r.id, source: r.source.id, target: r.target.id, type: r.type, weight: r.evidence.length,
                label: words(r.type) + (r.property ? ": " + r.property : ""), confidence: r.confidence } });
          }
        });
      });
      cy.add(add);
      d.paths.forEach(function (p) {
        p.nodes.forEach(function (n) { cy.getElementById(n.id).addClass("path"); });
        p.hops.forEach(function (h) {
          // Collapsed edges stand for the relation too.
          cy.edges().filter(function (e) { return (e.data("relations") || [e.id()]).indexOf(h.relation.id) >= 0; }).addClass("path");
        });
      });
      if (add.length) layout(true);
      status(d.paths.length + " shortest path(s) of " + d.paths[0].length + " hops, highlighted");
    }).catch(fail);
  }

  function retract(id, reason, edge) {
    gql("mutation($id: ID!, $reason: String!) { retractRelation(id: $id, reason: $reason) { id retracted } }", { id: id, reason: reason }, true)
      .then(function () {
        var rels = (edge.data("relations") || [edge.id()]).filter(function (r) { return r !== id; });
        if (rels.length === 0) edge.remove(); else edge.data("relations", rels);
        details("<p>Retracted. It stays on record, hidden from reads.</p>");
        status("relation retracted");
      }).catch(fail);
  }

  function merge(keep, drop) {
    gql("mutation($keep: ID!, $drop: ID!) { mergeEntities(keep: $keep, drop: $drop) { id name } }", { keep: keep, drop: drop }, true)
      .then(function (d) {
        mergeDrop = null;
        expanded = expanded.map(function (e) { return e === drop ? keep : e; })
          .filter(function (e, i, a) { return a.indexOf(e) === i; });
        if (expanded.indexOf(keep) < 0) expanded.push(keep);
        status("merged into " + d.mergeEntities.name);
        return rebuild();
      }).catch(fail);
  }

  // ---- search ---------------------------------------------------------

  function search(text, openFirst) {
    if (!text.trim()) return Promise.resolve();
    status("searching…");
    return gql("query($q: String!) { entities(query: $q, first: 12, orderBy: RELEVANCE) { totalCount edges { node { id name type subtype } } } }", { q: text })
      .then(function (d) {
        var list = d.entities.edges.map(function (e) { return e.node; });
        $("results").innerHTML = list.length ? list.map(function (n) {
          return '<li data-id="' + esc(n.id) + '">' + esc(n.name) + ' <span class="type">' + esc(n.type) + (n.subtype ? " · " + esc(n.subtype) : "") + "</span></li>";
        }).join("") : '<li class="hint">Nothing matches “' + esc(text) + "”.</li>";
        status(d.entities.totalCount + " match(es)");
        if (openFirst && list.length) return open(list[0].id);
      }).catch(fail);
  }

  // ---- legend ---------------------------------------------------------

  function legend(style) {
    var nodes = [], edges = [];
    style.forEach(function (rule) {
      var s = rule.style;
      var m = /^node\.([a-z-]+)$/.exec(rule.selector);
      if (m && s["background-color"] && m[1] !== "seed") nodes.push('<span><i class="swatch" style="background:' + esc(s["background-color"]) + '"></i>' + esc(m[1]) + "</span>");
      if (/^edge\./.test(rule.selector) && s["line-color"] && rule.selector.indexOf(":") < 0) {
        var names = rule.selector.split(",").map(function (x) { return x.trim().replace(/^edge\./, "").replace(/-/g, " "); });
        edges.push('<span><i class="line" style="background:' + esc(s["line-color"]) + '"></i>' + esc(names.join(", ")) + "</span>");
      }
    });
    edges.push('<span><i class="line" style="border-top:2px dashed #9aa0a6"></i>symmetric (no arrow)</span>');
    $("legend-nodes").innerHTML = nodes.join("");
    $("legend-edges").innerHTML = edges.join("");
  }

  // ---- start ----------------------------------------------------------

  function start(style) {
    cy = cytoscape({ container: $("cy"), style: style, elements: [], minZoom: 0.05, maxZoom: 4 });
    window.explorer = { cy: cy }; // for tests and the browser console
    legend(style);
    // A double click is two taps on the same node within 400 ms: Cytoscape's
    // own dbltap also pairs taps on different elements.
    var lastTap = { id: null, at: 0 };
    cy.on("tap", "node", function (e) {
      var id = e.target.id(), now = Date.now();
      var double = lastTap.id === id && now - lastTap.at < 400;
      lastTap = { id: double ? null : id, at: now };
      if (!double) { showNode(e.target); return; }
      var toggle = expanded.indexOf(id) >= 0 ? Promise.resolve(collapse(id)) : expand(id);
      toggle.then(function () { showNode(e.target); }).catch(fail);
    });
    cy.on("tap", "edge", function (e) { lastTap = { id: null, at: 0 }; showEdge(e.target); });

    $("search-form").onsubmit = function (ev) { ev.preventDefault(); search($("search").value, false); };
    $("results").onclick = function (ev) {
      var li = ev.target.closest("li[data-id]");
      if (li) open(li.getAttribute("data-id"));
    };
    $("layout").onchange = function () { layout(false); };
    $("fit").onclick = function () { cy.fit(undefined, 30); };
    $("clear").onclick = function () { cy.elements().remove(); expanded = []; addedBy = {}; details(""); status(""); };
    $("apply").onclick = rebuild;
    $("min-conf").oninput = function () { $("min-conf-out").textContent = $("min-conf").value; };
    $("rel-all").onclick = function () { $("relation-types").querySelectorAll("input").forEach(function (i) { i.checked = true; }); };
    $("rel-none").onclick = function () { $("relation-types").querySelectorAll("input").forEach(function (i) { i.checked = false; }); };
    $("find-path").onclick = findPath;
    $("api-key").value = sessionStorage.getItem("newsgraph-api-key") || "";
    $("api-key").onchange = function () { sessionStorage.setItem("newsgraph-api-key", $("api-key").value.trim()); };

    var params = new URLSearchParams(window.location.search);
    gql("{ r: __type(name: \"RelationType\") { enumValues { name } } e: __type(name: \"EntityType\") { enumValues { name } } }")
      .then(function (d) {
        checkboxes("relation-types", d.r.enumValues.map(function (v) { return v.name; }));
        checkboxes("entity-types", d.e.enumValues.map(function (v) { return v.name; }));
        if (params.get("id")) return open(params.get("id"));
        if (params.get("q")) { $("search").value = params.get("q"); return search(params.get("q"), true); }
      }).catch(fail);
  }

  fetch(styleURL).then(function (r) { return r.json(); }).then(start).catch(function (err) {
    status("cannot load the stylesheet: " + err.message, true);
  });
})();

// gleaner report: the network's layout and the timeline's axis and filter. Plain JavaScript,
// no library, no network; the data are in the page.
"use strict";
(function () {
  var SVG = "http://www.w3.org/2000/svg";

  function el(name, attrs, parent) {
    var e = document.createElementNS(SVG, name);
    for (var k in attrs) e.setAttribute(k, attrs[k]);
    if (parent) parent.appendChild(e);
    return e;
  }

  // A deterministic pseudo-random sequence: the same layout at every opening.
  function rng(seed) {
    var s = seed >>> 0;
    return function () {
      s = (s * 1664525 + 1013904223) >>> 0;
      return s / 4294967296;
    };
  }

  function network() {
    var data = JSON.parse(document.getElementById("network-data").textContent);
    var svg = document.getElementById("network");
    var form = document.getElementById("net-controls");
    var status = document.getElementById("net-status");
    var W = 1000, H = 700;

    function draw() {
      var mode = form.querySelector("input[name=edges]:checked").value;
      var min = Math.max(1, parseInt(document.getElementById("net-min").value, 10) || 1);
      var labels = {};
      form.querySelectorAll("input[name=label]").forEach(function (c) { labels[c.value] = c.checked; });
      var shown = data.nodes.map(function (n) { return labels[n.label] !== false; });
      var edges = (mode === "relations" ? data.relations : data.cooccurrence).filter(function (e) {
        return e[2] >= min && shown[e[0]] && shown[e[1]];
      });
      // Nodes: the checked labels; with an edge when there are edges to show.
      var linked = {};
      edges.forEach(function (e) { linked[e[0]] = true; linked[e[1]] = true; });
      var ids = [];
      data.nodes.forEach(function (n, i) { if (shown[i] && (linked[i] || edges.length === 0)) ids.push(i); });
      var pos = {};
      var rand = rng(7);
      ids.forEach(function (i) { pos[i] = { x: W / 2 + (rand() - 0.5) * W * 0.8, y: H / 2 + (rand() - 0.5) * H * 0.8 }; });
      // Force-directed layout: nodes repel, edges pull, a weak pull to the centre.
      var k = Math.sqrt((W * H) / Math.max(ids.length, 1)) * 0.7;
      for (var it = 0; it < 300; it++) {
        var disp = {};
        ids.forEach(function (i) { disp[i] = { x: 0, y: 0 }; });
        for (var a = 0; a < ids.length; a++) {
          for (var b = a + 1; b < ids.length; b++) {
            var p = pos[ids[a]], q = pos[ids[b]];
            var dx = p.x - q.x, dy = p.y - q.y, d2 = dx * dx + dy * dy + 0.01, f = d2 < 9 * k * k ? (k * k) / d2 : 0;
            disp[ids[a]].x += dx * f; disp[ids[a]].y += dy * f;
            disp[ids[b]].x -= dx * f; disp[ids[b]].y -= dy * f;
          }
        }
        edges.forEach(function (e) {
          var p = pos[e[0]], q = pos[e[1]];
          var dx = p.x - q.x, dy = p.y - q.y, d = Math.sqrt(dx * dx + dy * dy) + 0.01, f = d / k;
          disp[e[0]].x -= dx * f; disp[e[0]].y -= dy * f;
          disp[e[1]].x += dx * f; disp[e[1]].y += dy * f;
        });
        var temp = 40 * (1 - it / 300) + 1;
        ids.forEach(function (i) {
          var v = disp[i];
          v.x += (W / 2 - pos[i].x) * 0.05; v.y += (H / 2 - pos[i].y) * 0.05;
          var len = Math.sqrt(v.x * v.x + v.y * v.y) + 0.01, s = Math.min(len, temp) / len;
          pos[i].x = Math.min(W - 120, Math.max(20, pos[i].x + v.x * s));
          pos[i].y = Math.min(H - 20, Math.max(20, pos[i].y + v.y * s));
        });
      }
      while (svg.firstChild) svg.removeChild(svg.firstChild);
      var most = 1;
      ids.forEach(function (i) { most = Math.max(most, data.nodes[i].n); });
      var lines = [];
      var gEdges = el("g", { "class": "edges" }, svg);
      edges.forEach(function (e) {
        var line = el("line", { x1: pos[e[0]].x, y1: pos[e[0]].y, x2: pos[e[1]].x, y2: pos[e[1]].y,
          "stroke-width": Math.min(1 + Math.log(e[2]), 6) }, gEdges);
        var t = el("title", {}, line);
        t.textContent = data.nodes[e[0]].name + " — " + (e[3] || "same sentence") + " — " + data.nodes[e[1]].name +
          " (" + e[2] + ")";
        lines.push({ line: line, a: e[0], b: e[1] });
      });
      var gNodes = el("g", { "class": "nodes" }, svg);
      ids.forEach(function (i) {
        var n = data.nodes[i];
        var link = el("a", { href: n.href }, gNodes);
        var g = el("g", { "class": "node lab-" + n.label, transform: "translate(" + pos[i].x + "," + pos[i].y + ")" }, link);
        el("circle", { r: 4 + 10 * Math.sqrt(n.n / most) }, g);
        var label = el("text", { x: 8, y: 4 }, g);
        label.textContent = n.name;
        var t = el("title", {}, g);
        t.textContent = n.name + " (" + n.label + ", " + n.n + " mentions)";
        // Drag to move; a click without a drag follows the link.
        var moved = false;
        g.addEventListener("pointerdown", function (ev) {
          moved = false;
          g.setPointerCapture(ev.pointerId);
          function move(m) {
            var box = svg.getBoundingClientRect();
            pos[i].x = (m.clientX - box.left) * (W / box.width);
            pos[i].y = (m.clientY - box.top) * (H / box.height);
            moved = true;
            g.setAttribute("transform", "translate(" + pos[i].x + "," + pos[i].y + ")");
            lines.forEach(function (l) {
              if (l.a === i) { l.line.setAttribute("x1", pos[i].x); l.line.setAttribute("y1", pos[i].y); }
              if (l.b === i) { l.line.setAttribute("x2", pos[i].x); l.line.setAttribute("y2", pos[i].y); }
            });
          }
          function up() {
            g.removeEventListener("pointermove", move);
            g.removeEventListener("pointerup", up);
          }
          g.addEventListener("pointermove", move);
          g.addEventListener("pointerup", up);
        });
        link.addEventListener("click", function (ev) { if (moved) ev.preventDefault(); });
      });
      status.textContent = ids.length + " entities, " + edges.length + " edges shown.";
    }
    // Each kind of edge has its own readable minimum; switching kinds sets it.
    form.querySelectorAll("input[name=edges]").forEach(function (radio) {
      radio.addEventListener("change", function () {
        document.getElementById("net-min").value = data.min[radio.value] || 1;
      });
    });
    form.addEventListener("change", draw);
    form.addEventListener("submit", function (ev) { ev.preventDefault(); draw(); });
    draw();
  }

  function timeline() {
    var list = document.getElementById("timeline");
    var axis = document.getElementById("timeline-axis");
    var select = document.getElementById("tl-entity");
    var items = Array.prototype.slice.call(list.querySelectorAll("li[data-day]"));
    var day = function (s) { return Date.parse(s + "T00:00:00Z"); };
    function draw() {
      var want = select.value;
      var shown = items.filter(function (li) {
        var ok = !want || li.getAttribute("data-entities").indexOf(" " + want + " ") >= 0;
        li.hidden = !ok;
        return ok;
      });
      while (axis.firstChild) axis.removeChild(axis.firstChild);
      if (shown.length === 0) return;
      var t0 = day(shown[0].getAttribute("data-day")), t1 = day(shown[shown.length - 1].getAttribute("data-day"));
      if (!(t1 > t0)) { t0 -= 86400000 * 15; t1 += 86400000 * 15; }
      var x = function (t) { return 20 + 960 * (t - t0) / (t1 - t0); };
      el("line", { x1: 20, y1: 60, x2: 980, y2: 60, "class": "axis-line" }, axis);
      var y0 = new Date(t0).getUTCFullYear(), y1 = new Date(t1).getUTCFullYear();
      var step = Math.max(1, Math.ceil((y1 - y0 + 1) / 12));
      for (var y = y0; y <= y1 + 1; y += step) {
        var t = Date.UTC(y, 0, 1);
        if (t < t0 || t > t1) continue;
        el("line", { x1: x(t), y1: 55, x2: x(t), y2: 65, "class": "axis-line" }, axis);
        var label = el("text", { x: x(t), y: 80, "text-anchor": "middle" }, axis);
        label.textContent = String(y);
      }
      var first = el("text", { x: 20, y: 15 }, axis);
      first.textContent = shown[0].getAttribute("data-day");
      var last = el("text", { x: 980, y: 15, "text-anchor": "end" }, axis);
      last.textContent = shown[shown.length - 1].getAttribute("data-day");
      shown.forEach(function (li) {
        var event = li.className === "tl-event";
        var m = el("circle", { cx: x(day(li.getAttribute("data-day"))), cy: event ? 40 : 50, r: event ? 4 : 2.5,
          "class": event ? "mark-event" : "mark-sentence" }, axis);
        var t = el("title", {}, m);
        t.textContent = li.getAttribute("data-day") + " " + li.textContent.slice(11, 120);
      });
    }
    select.addEventListener("change", draw);
    draw();
  }

  var view = document.body.getAttribute("data-view");
  if (view === "network") network();
  if (view === "timeline") timeline();
})();

// decide's interactive brief: wsm (min-max), topsis (vector) and vikor (v = 0.5) as decide's numpy
// engines compute them, ranked as decide ranks (ties within 1e-12 share the best place).
(function () {
  "use strict";
  var DATA = JSON.parse(document.getElementById("decide-data").textContent);
  var TOL = 1e-12;
  function columns(t) { var m = t[0].length, out = []; for (var j = 0; j < m; j++) { out.push(t.map(function (r) { return r[j]; })); } return out; }
  function minmax(t, cost) {
    var cols = columns(t);
    return t.map(function (row) { return row.map(function (x, j) {
      var hi = Math.max.apply(null, cols[j]), lo = Math.min.apply(null, cols[j]), d = hi - lo;
      if (d === 0) { return 0; }
      return cost[j] ? (hi - x) / d : (x - lo) / d; }); });
  }
  function wsm(t, cost, w) {
    var n = minmax(t, cost);
    return n.map(function (row) { var s = 0; for (var j = 0; j < row.length; j++) { s += w[j] * row[j]; } return s; });
  }
  function topsis(t, cost, w) {
    var cols = columns(t);
    var norms = cols.map(function (c) { var s = 0; for (var i = 0; i < c.length; i++) { s += c[i] * c[i]; } return Math.sqrt(s); });
    var n = t.map(function (row) { return row.map(function (x, j) { return cost[j] ? 1 - x / norms[j] : x / norms[j]; }); });
    var ncols = columns(n);
    var hi = ncols.map(function (c) { return Math.max.apply(null, c); });
    var lo = ncols.map(function (c) { return Math.min.apply(null, c); });
    return n.map(function (row) {
      var b = 0, o = 0;
      for (var j = 0; j < row.length; j++) { var w2 = w[j] * w[j]; b += w2 * (hi[j] - row[j]) * (hi[j] - row[j]); o += w2 * (row[j] - lo[j]) * (row[j] - lo[j]); }
      b = Math.sqrt(b); o = Math.sqrt(o);
      return o / (b + o);
    });
  }
  function scale(v) {
    var lo = Math.min.apply(null, v), hi = Math.max.apply(null, v), d = hi - lo;
    return v.map(function (x) { return d === 0 ? 0 : (x - lo) / d; });
  }
  function vikor(t, cost, w) {
    var cols = columns(t), n = minmax(t, cost);
    var S = [], R = [];
    n.forEach(function (row) {
      var s = 0, r = -Infinity;
      for (var j = 0; j < row.length; j++) {
        var flat = Math.max.apply(null, cols[j]) === Math.min.apply(null, cols[j]);
        var g = (flat ? 0 : 1 - row[j]) * w[j];
        s += g; if (g > r) { r = g; }
      }
      S.push(s); R.push(r);
    });
    var s1 = scale(S), r1 = scale(R);
    return s1.map(function (x, i) { return 0.5 * x + 0.5 * r1[i]; });
  }
  var METHODS = { wsm: [wsm, "higher"], topsis: [topsis, "higher"], vikor: [vikor, "lower"] };
  function ranks(scores, better) {
    var order = scores.map(function (s, i) { return i; });
    var sign = better === "lower" ? 1 : -1;
    order.sort(function (a, b) { var d = sign * (scores[a] - scores[b]); return Math.abs(scores[a] - scores[b]) <= TOL ? a - b : d; });
    var out = new Array(scores.length), place = 0;
    order.forEach(function (i, k) {
      if (k === 0 || Math.abs(scores[i] - scores[order[k - 1]]) > TOL) { place = k + 1; }
      out[i] = place;
    });
    return { order: order, ranks: out };
  }
  function short(x) { return String(Number(x.toPrecision(6))); }
  function quote(text) { return /^[A-Za-z0-9_.,=\/-]+$/.test(text) ? text : "'" + text.replace(/'/g, "'\\''") + "'"; }
  function esc(text) { return String(text).replace(/[&<>"']/g, function (c) { return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]; }); }
  function State(block) {
    this.block = block; this.data = DATA[Number(block.getAttribute("data-index"))];
    this.raw = this.data.weights.slice(); this.method = this.data.method;
  }
  State.prototype.weights = function () {
    var s = this.raw.reduce(function (a, b) { return a + b; }, 0);
    return s > 0 ? this.raw.map(function (x) { return x / s; }) : null;
  };
  State.prototype.render = function () {
    var started = performance.now(), d = this.data, block = this.block, w = this.weights();
    var sliders = block.querySelectorAll("input[type=range]"), outs = block.querySelectorAll("output");
    for (var j = 0; j < sliders.length; j++) { sliders[j].value = Math.round(100 * this.raw[j]); outs[j].textContent = w ? (100 * w[j]).toFixed(0) + "%" : "0%"; }
    block.querySelector("select.method").value = this.method;
    var status = block.querySelector("p.status");
    if (!w) { status.textContent = "Give at least one criterion some weight."; return; }
    status.textContent = "";
    var spec = d.criteria.map(function (c, j) { return c + "=" + short(this.raw[j]); }, this).join(",");
    var file = d.shipped ? "" : " " + quote(d.file);
    block.querySelector("code.command").textContent = "decide rank" + file + " -a " + quote(d.actor) + " -m " + this.method + " -w " + quote(spec);
    var m = METHODS[this.method], scores = m[0](d.table, d.cost, w), ranked = ranks(scores, m[1]);
    var rows = ranked.order.map(function (i) {
      return '<tr data-strategy="' + esc(d.strategies[i]) + '" data-score="' + scores[i].toPrecision(17) + '"><td class="num">' + ranked.ranks[i] +
        "</td><td>" + esc(d.strategies[i]) + '</td><td class="num">' + scores[i].toFixed(4) + "</td></tr>";
    });
    block.querySelector("tbody").innerHTML = rows.join("");
    var best = scores[ranked.order[0]], worst = scores[ranked.order[ranked.order.length - 1]], span = Math.abs(best - worst) || 1;
    var height = 18, width = 640, left = 300, svg = ['<svg viewBox="0 0 ' + width + " " + (height * scores.length + 24) + '" role="img" aria-label="scores, best at the top">'];
    ranked.order.forEach(function (i, k) {
      var length = (width - left - 60) * (0.05 + 0.95 * (1 - Math.abs(best - scores[i]) / span));
      var y = k * height + 2, name = d.strategies[i].length > 44 ? d.strategies[i].slice(0, 43) + "…" : d.strategies[i];
      svg.push('<text x="' + (left - 6) + '" y="' + (y + 12) + '" font-size="12" text-anchor="end">' + esc(name) + "</text>");
      svg.push('<rect x="' + left + '" y="' + y + '" width="' + length.toFixed(1) + '" height="' + (height - 5) + '" fill="' + (ranked.ranks[i] === 1 ? "#08519c" : "#9ecae1") + '"></rect>');
      svg.push('<text x="' + (left + length + 4).toFixed(1) + '" y="' + (y + 12) + '" font-size="12">' + scores[i].toFixed(3) + "</text>");
    });
    svg.push('<text x="' + left + '" y="' + (height * scores.length + 18) + '" font-size="12">' + this.method + " score (" + m[1] + " is better; bar: nearness to the best)</text></svg>");
    block.querySelector("div.bars").innerHTML = svg.join("");
    block.setAttribute("data-ms", String(performance.now() - started));
    block.setAttribute("data-method", this.method);
  };
  var states = [];
  document.querySelectorAll("div.interactive").forEach(function (block) {
    var state = new State(block); states.push(state);
    block.querySelectorAll("input[type=range]").forEach(function (input) {
      input.addEventListener("input", function () { state.raw[Number(input.getAttribute("data-criterion"))] = Number(input.value) / 100; state.render(); });
    });
    block.querySelector("select.method").addEventListener("change", function (e) { state.method = e.target.value; state.render(); });
    block.querySelector("button.reset").addEventListener("click", function () { state.raw = state.data.weights.slice(); state.method = state.data.method; state.render(); });
    state.render();
  });
  window.decideBrief = {
    scores: function (index, method, raw) { var d = DATA[index], s = raw.reduce(function (a, b) { return a + b; }, 0);
      return METHODS[method][0](d.table, d.cost, raw.map(function (x) { return x / s; })); },
    set: function (index, method, raw) { var st = states[index]; st.method = method; st.raw = raw.slice(); st.render(); return st.block.getAttribute("data-ms"); },
    count: DATA.length
  };
})();

// The home page's map and timeline, drawn from /api/incidents with the
// page's filters. Borders: Natural Earth (world-atlas), compiled into rasd.
(function () {
  "use strict";
  var SVG = "http://www.w3.org/2000/svg";
  var COLORS = {
    "Explosions/Remote violence": "#c0392b",
    "Battles": "#8e44ad",
    "Violence against civilians": "#d35400",
    "Protests": "#2980b9",
    "Riots": "#16a085",
    "Non-conflict": "#7f8c8d"
  };
  var mapEl = document.getElementById("map");
  if (!mapEl) return;
  var params = new URLSearchParams(mapEl.getAttribute("data-query") || "");
  params.delete("lang");
  var lang = document.body.getAttribute("data-lang") || "en";

  function el(name, attrs) {
    var e = document.createElementNS(SVG, name);
    for (var k in attrs) e.setAttribute(k, attrs[k]);
    return e;
  }

  function color(type) { return COLORS[type] || "#555"; }

  function legend() {
    var box = document.getElementById("legend");
    Object.keys(COLORS).forEach(function (t) {
      var s = document.createElement("span");
      s.style.setProperty("--c", COLORS[t]);
      s.textContent = t;
      box.appendChild(s);
    });
  }

  function bbox(incidents) {
    var pts = incidents.filter(function (i) { return i.lat != null && i.lon != null; });
    if (!pts.length) return [25, 12, 60, 42];
    var w = 180, s = 90, e = -180, n = -90;
    pts.forEach(function (i) { w = Math.min(w, i.lon); e = Math.max(e, i.lon); s = Math.min(s, i.lat); n = Math.max(n, i.lat); });
    var padX = Math.max(2, (e - w) * 0.15), padY = Math.max(2, (n - s) * 0.15);
    return [w - padX, s - padY, e + padX, n + padY];
  }

  function drawMap(world, incidents) {
    var W = mapEl.clientWidth || 900, H = mapEl.clientHeight || 460;
    var b = bbox(incidents);
    // Equirectangular, scaled by the cosine of the middle latitude.
    var k = Math.cos(((b[1] + b[3]) / 2) * Math.PI / 180);
    var sx = W / ((b[2] - b[0]) * k), sy = H / (b[3] - b[1]);
    var scale = Math.min(sx, sy);
    var cx = (b[0] + b[2]) / 2, cy = (b[1] + b[3]) / 2;
    function x(lon) { return W / 2 + (lon - cx) * k * scale; }
    function y(lat) { return H / 2 - (lat - cy) * scale; }
    var svg = el("svg", { viewBox: "0 0 " + W + " " + H, role: "img", "aria-label": "map of incidents" });
    var countries = topojson.feature(world, world.objects.countries).features;
    countries.forEach(function (f) {
      var d = "";
      var polys = f.geometry ? (f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates) : [];
      polys.forEach(function (poly) {
        poly.forEach(function (ring) {
          ring.forEach(function (p, i) { d += (i ? "L" : "M") + x(p[0]).toFixed(1) + "," + y(p[1]).toFixed(1); });
          d += "Z";
        });
      });
      if (d) svg.appendChild(el("path", { d: d, "class": "country" }));
    });
    incidents
      .filter(function (i) { return i.lat != null && i.lon != null; })
      .sort(function (a, b) { return (b.killed.best || 0) - (a.killed.best || 0); })
      .forEach(function (i) {
        var r = 3 + Math.min(22, Math.sqrt(i.killed.best || 0) * 1.6);
        var a = el("a", { href: "/incidents/" + encodeURIComponent(i.id) + "?lang=" + lang, "class": "incident-link" });
        var c = el("circle", { cx: x(i.lon).toFixed(1), cy: y(i.lat).toFixed(1), r: r.toFixed(1), fill: color(i.event_type), "class": "incident", "data-id": i.id });
        var t = el("title", {});
        t.textContent = (i.place || "") + " · " + (i.sub_event_type || i.event_type || "") + " · " + (i.date_start || "") + " · killed " + (i.killed.best == null ? "–" : i.killed.best);
        c.appendChild(t);
        a.appendChild(c);
        svg.appendChild(a);
      });
    mapEl.innerHTML = "";
    mapEl.appendChild(svg);
  }

  function drawTimeline(incidents) {
    var box = document.getElementById("timeline");
    var dated = incidents.filter(function (i) { return i.date_start; });
    if (!dated.length) {
      var p = document.createElement("p");
      p.className = "empty";
      p.textContent = lang === "ar"
        ? "لا تاريخ لهذه الحوادث: تقاريرها بلا وقت نشر (rasd run --published)"
        : "These incidents are undated: their reports have no publication time (rasd run --published).";
      box.innerHTML = "";
      box.appendChild(p);
      return;
    }
    var days = dated.map(function (i) { return i.date_start; }).sort();
    var first = new Date(days[0]), last = new Date(days[days.length - 1]);
    var span = (last - first) / 864e5;
    var byMonth = span > 120;
    var key = function (d) { return byMonth ? d.slice(0, 7) : d.slice(0, 10); };
    var counts = {};
    dated.forEach(function (i) { var k = key(i.date_start); counts[k] = (counts[k] || 0) + 1; });
    var keys = Object.keys(counts).sort();
    var W = box.clientWidth || 900, H = box.clientHeight || 140, pad = 18;
    var max = Math.max.apply(null, keys.map(function (k) { return counts[k]; }));
    var bw = Math.max(2, (W - 2 * pad) / keys.length - 1);
    var svg = el("svg", { viewBox: "0 0 " + W + " " + H, role: "img", "aria-label": "incidents over time" });
    keys.forEach(function (k, n) {
      var h = (H - 2 * pad) * counts[k] / max;
      var r = el("rect", { x: (pad + n * (bw + 1)).toFixed(1), y: (H - pad - h).toFixed(1), width: bw.toFixed(1), height: h.toFixed(1), "data-key": k });
      var t = el("title", {}); t.textContent = k + ": " + counts[k]; r.appendChild(t);
      r.addEventListener("click", function () {
        var p = new URLSearchParams(window.location.search);
        var from = byMonth ? k + "-01" : k;
        var to = byMonth ? k + "-31" : k;
        if (byMonth) { var d = new Date(k + "-01T00:00:00Z"); d.setUTCMonth(d.getUTCMonth() + 1); d.setUTCDate(0); to = d.toISOString().slice(0, 10); }
        p.set("from", from); p.set("to", to);
        window.location.search = p.toString();
      });
      svg.appendChild(r);
    });
    [keys[0], keys[keys.length - 1]].forEach(function (k, n) {
      var t = el("text", { x: n ? W - pad : pad, y: H - 4, "text-anchor": n ? "end" : "start" });
      t.textContent = k; svg.appendChild(t);
    });
    box.innerHTML = "";
    box.appendChild(svg);
  }

  legend();
  Promise.all([
    fetch("/assets/countries-50m.json").then(function (r) { return r.json(); }),
    fetch("/api/incidents?" + params.toString()).then(function (r) { return r.json(); })
  ]).then(function (res) {
    var incidents = res[1].incidents || [];
    drawMap(res[0], incidents);
    drawTimeline(incidents);
    mapEl.setAttribute("data-ready", String(incidents.length));
  }).catch(function (e) {
    mapEl.textContent = "map unavailable: " + e;
    mapEl.setAttribute("data-ready", "error");
  });
})();

/* geo: draws merged news events on a Leaflet map from an inert JSON data block.
 * Article text is untrusted: every string from the data reaches the page through textContent
 * or setAttribute on elements made here, never as HTML. Links must be http(s). */
function geoMapInit(map, layers, dataId) {
  "use strict";
  var data = JSON.parse(document.getElementById(dataId).textContent);
  var NARROW = window.matchMedia && window.matchMedia("(max-width: 600px)").matches;
  var TYPE = /^[a-z_]+$/;

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function safeHref(url) {
    if (typeof url !== "string") return null;
    try {
      var parsed = new URL(url);
      if (parsed.protocol === "http:" || parsed.protocol === "https:") return parsed.href;
    } catch (err) { /* not a URL: no link */ }
    return null;
  }

  function outletOf(url) {
    var href = safeHref(url);
    return href ? new URL(href).hostname.replace(/^www\./, "") : null;
  }

  function link(url, text, title) {
    var href = safeHref(url);
    if (!href) return el("span", null, text);
    var a = el("a", null, text);
    a.setAttribute("href", href);
    a.setAttribute("target", "_blank");
    a.setAttribute("rel", "noopener noreferrer");
    if (title) a.setAttribute("title", title);
    return a;
  }

  function control(position, build) {
    var ctl = L.control({position: position});
    ctl.onAdd = function () {
      var node = build();
      L.DomEvent.disableClickPropagation(node);
      L.DomEvent.disableScrollPropagation(node);
      return node;
    };
    ctl.addTo(map);
    return ctl;
  }

  /* --- markers ------------------------------------------------------------------------- */
  /* One parsed SVG per look, cloned into each marker: parsing markup a thousand times is
   * what made big maps slow. The markup comes from our symbol table, never from events. */
  var SvgIcon = L.DivIcon.extend({
    createIcon: function (oldIcon) {
      var div = (oldIcon && oldIcon.tagName === "DIV") ? oldIcon : document.createElement("div");
      while (div.firstChild) div.removeChild(div.firstChild);
      div.appendChild(this.options.svg.cloneNode(true));
      this._setIconStyles(div, "icon");
      return div;
    }
  });
  var parsed = {};
  function svgFor(look) {
    if (!parsed[look]) {
      var tpl = document.createElement("template");
      tpl.innerHTML = data.icons[look] || data.icons.other;
      parsed[look] = tpl.content.firstChild;
    }
    return parsed[look];
  }

  var icons = {};
  function iconFor(ev) {
    var type = TYPE.test(ev.type) ? ev.type : "other";
    var look = type + (ev.planned ? "-planned" : "") + (ev.bg ? "-faded" : "");
    var s = Math.max(8, Math.min(80, Number(ev.size) || 22));
    var off = ev.off || [0, 0];
    var dx = Number(off[0]) || 0, dy = Number(off[1]) || 0;
    var key = [look, s, dx, dy].join("|");
    if (!icons[key]) {
      icons[key] = new SvgIcon({
        className: "geo-marker geo-" + type + (ev.planned ? " geo-planned" : "") +
          (ev.bg ? " geo-context" : ""),
        svg: svgFor(look),
        iconSize: [s, s],
        iconAnchor: [s / 2 - dx, s / 2 - dy],
        popupAnchor: [dx, dy - s / 2],
        tooltipAnchor: [dx, dy - s / 2]
      });
    }
    return icons[key];
  }

  function popupFor(ev) {
    var box = el("div", "geo-popup");
    var kicker = el("p", "geo-kicker", labelOf(ev) + (ev.subtype ? " · " + ev.subtype : ""));
    box.appendChild(kicker);
    box.appendChild(el("h2", "geo-place", ev.place));
    box.appendChild(el("p", "geo-when", ev.date));
    if (ev.parties) box.appendChild(el("p", "geo-parties", ev.parties));
    if (ev.deaths) box.appendChild(el("p", "geo-deaths", ev.deaths));
    if (ev.bg) box.appendChild(el("p", "geo-note", "Context: mentioned in passing"));
    if (ev.evidence) box.appendChild(el("blockquote", "geo-evidence", ev.evidence));
    var refs = ev.refs || [];
    var n = refs.length + (ev.more || 0);
    if (n) {
      box.appendChild(el("p", "geo-src-head", n === 1 ? "Source" : "Sources (" + n + ")"));
      var list = el("ul", "geo-sources");
      refs.forEach(function (ref) {
        var src = data.articles[ref];
        if (!src) return;
        var li = el("li");
        li.appendChild(link(src.url, src.title));
        var meta = [outletOf(src.url), src.published].filter(Boolean).join(", ");
        if (meta) li.appendChild(el("span", "geo-src-meta", " — " + meta));
        list.appendChild(li);
      });
      if (ev.more) list.appendChild(el("li", "geo-src-meta", "and " + ev.more + " more"));
      box.appendChild(list);
    }
    return box;
  }

  function labelOf(ev) { return data.labels[ev.type] || data.labels.other; }

  var entries = [];
  data.events.forEach(function (ev) {
    var layer = layers[ev.cat];
    if (!layer) return;
    var marker = L.marker([ev.lat, ev.lon], {
      icon: iconFor(ev), keyboard: true, riseOnHover: true
    });
    var spoken = labelOf(ev) + ": " + ev.place + ", " + ev.date;
    marker.on("add", function () {
      var node = marker.getElement();
      if (node) {
        node.setAttribute("aria-label", spoken);
        node.setAttribute("data-event-id", ev.id || "");
      }
    });
    marker.bindTooltip(function () {
      return el("span", null, (ev.name || ev.place) + " · " + ev.date);
    }, {direction: "top", className: "geo-tooltip"});
    marker.bindPopup(function () { return popupFor(ev); }, {
      maxWidth: NARROW ? 260 : 340, minWidth: 200, maxHeight: NARROW ? 300 : 420,
      autoPanPadding: [12, 12], className: "geo-popup-wrap"
    });
    var arc = null;
    if (ev.arc && ev.arc.length > 1) {
      var sym = data.colors[ev.type] || data.colors.other;
      arc = L.polyline(ev.arc, {
        color: sym, weight: 2, opacity: ev.bg ? 0.5 : 0.85, dashArray: "6 5",
        interactive: false, className: "geo-arc"
      });
    }
    entries.push({ev: ev, layer: layer, marker: marker, arc: arc, shown: false});
  });

  function show(entry, visible) {
    if (entry.shown === visible) return;
    entry.shown = visible;
    if (visible) {
      if (entry.arc) entry.layer.addLayer(entry.arc);
      entry.layer.addLayer(entry.marker);
    } else {
      entry.layer.removeLayer(entry.marker);
      if (entry.arc) entry.layer.removeLayer(entry.arc);
    }
  }

  /* --- land under the tiles, for when tiles cannot load ------------------------------- */
  if (data.outlines && data.outlines.features && data.outlines.features.length) {
    var pane = map.createPane("geoLand");
    pane.style.zIndex = 150;
    pane.style.pointerEvents = "none";
    L.geoJSON(data.outlines, {
      pane: "geoLand", interactive: false,
      style: {color: "#a9a39a", weight: 0.8, fillColor: "#f6f4ef", fillOpacity: 1}
    }).addTo(map);
  }

  /* --- title, sources, timeline --------------------------------------------------------- */
  if (data.title || data.subtitle) {
    control("topleft", function () {
      var titleBox = el("div", "geo-panel geo-title");
      if (data.title) titleBox.appendChild(el("h1", null, data.title));
      if (data.subtitle) titleBox.appendChild(el("p", null, data.subtitle));
      return titleBox;
    });
  }

  if (data.articles.length) {
    control("bottomleft", function () {
      var line = el("div", "geo-panel geo-credits");
      line.appendChild(el("span", null, data.articles.length === 1 ? "Source: " : "Sources: "));
      var shown = data.articles.slice(0, NARROW ? 3 : 6);
      shown.forEach(function (art, i) {
        if (i) line.appendChild(document.createTextNode(", "));
        line.appendChild(link(art.url, outletOf(art.url) || art.title, art.title));
      });
      var rest = data.articles.length - shown.length;
      if (rest > 0) line.appendChild(el("span", null, " and " + rest + " more"));
      return line;
    });
  }

  var fmt = function (day) {
    return new Date(day * 86400000).toLocaleDateString("en-GB", {
      day: "numeric", month: "long", year: "numeric", timeZone: "UTC"
    });
  };
  var applyRange = null;
  if (data.days && data.days[1] > data.days[0]) {
    control("bottomleft", function () {
      var timeBox = el("div", "geo-panel geo-timeline");
      var head = el("div", "geo-tl-head");
      var range = el("span", "geo-tl-range");
      var count = el("span", "geo-tl-count");
      head.appendChild(range);
      head.appendChild(count);
      timeBox.appendChild(head);
      var inputs = ["From", "To"].map(function (name, i) {
        var label = el("label", "geo-tl-row");
        label.appendChild(el("span", null, name));
        var input = el("input");
        input.type = "range";
        input.min = String(data.days[0]);
        input.max = String(data.days[1]);
        input.step = "1";
        input.value = String(data.days[i]);
        input.className = "geo-tl-" + name.toLowerCase();
        label.appendChild(input);
        timeBox.appendChild(label);
        return input;
      });
      var undated = entries.some(function (e) { return e.ev.d0 == null; });
      if (undated) timeBox.appendChild(el("p", "geo-tl-note", "Undated events always shown"));
      function apply(moved) {
        var from = Number(inputs[0].value), to = Number(inputs[1].value);
        if (from > to) {
          if (moved === 0) { inputs[1].value = String(from); to = from; }
          else { inputs[0].value = String(to); from = to; }
        }
        var visible = 0;
        entries.forEach(function (entry) {
          var ev = entry.ev;
          var last = ev.d1 != null ? ev.d1 : ev.d0;
          var on = ev.d0 == null || (last >= from && ev.d0 <= to);
          show(entry, on);
          if (on) visible += 1;
        });
        range.textContent = fmt(from) + " – " + fmt(to);
        count.textContent = visible + " of " + entries.length + " events";
      }
      inputs.forEach(function (input, i) {
        input.addEventListener("input", function () { apply(i); });
      });
      applyRange = apply;
      return timeBox;
    });
  }

  /* --- view ---------------------------------------------------------------------------- */
  var size = map.getSize();
  var corner = function (name) {
    var node = map.getContainer().querySelector(".leaflet-" + name);
    return Math.min((node ? node.offsetHeight : 0) + 16, size.y * 0.35);
  };
  var top = corner("top.leaflet-left"), bottom = corner("bottom.leaflet-left");
  if (data.bounds) {
    map.fitBounds(data.bounds, {
      paddingTopLeft: [24, top], paddingBottomRight: [24, bottom], maxZoom: 8, animate: false
    });
  }
  map.getContainer().setAttribute("aria-label", "Map" + (data.title ? ": " + data.title : ""));
  /* markers go in after the view is set, so none is placed twice */
  if (applyRange) applyRange(0);
  else entries.forEach(function (entry) { show(entry, true); });
  map.getContainer().setAttribute("data-geo-events", String(entries.length));
  if (window.performance && performance.mark) performance.mark("geo-map-drawn");

  /* --- embeds: tell the host page how tall to make the iframe --------------------------- */
  if (window.parent && window.parent !== window) {
    var post = function () {
      var width = document.documentElement.clientWidth || window.innerWidth;
      var ratio = width < 600 ? 1.5 : (width < 900 ? 0.8 : 0.62);
      var height = Math.round(Math.max(380, Math.min(900, width * ratio)));
      window.parent.postMessage({geoMap: "height", id: data.embedId, height: height}, "*");
    };
    window.addEventListener("resize", post);
    post();
  }
  return entries.length;
}

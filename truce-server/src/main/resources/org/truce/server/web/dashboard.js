// Truce dashboard: plain browser JavaScript over the JSON API under /api/v1. No build step.
(function () {
  "use strict";
  const API = "/api/v1";
  const DICT = window.TRUCE_I18N;
  const OUTCOME_RANK = { possible_violation: 3, undetermined: 2, out_of_scope: 1 };
  // As in dashboard.css's .outcome-* classes; the incidents' rings are drawn in them.
  const OUTCOME_COLOURS = { possible_violation: "#d22", undetermined: "#f0a000", out_of_scope: "#999", none: "#37c" };
  const PARTY_COLOURS = ["#c0392b", "#2c6fbb", "#8e44ad", "#16a085", "#d35400", "#7f8c8d"];

  const OUTCOMES = ["possible_violation", "undetermined", "out_of_scope"];
  // The filters, in the order they appear in the page's address; "party" may be "none".
  const FILTERS = ["commitment", "party", "outcome", "status", "from", "to", "bbox"];
  const NO_PARTY = "none";
  // An incident's verification status, in the order of the verification table (docs/incidents.md).
  const STATUSES = ["reported", "corroborated", "verified", "disputed", "refuted"];
  // What the map shows; kept in the address as ?layer=reports, incidents being the default.
  const LAYERS = ["incidents", "reports"];
  const INCIDENT_ROUTE = /^#incident\/(INC-[0-9]+(?:-[0-9]+)?)$/;

  const state = { lang: "en", reports: [], total: 0, cut: false, selected: null, agreement: null, summary: null, chart: null,
    filters: {}, zones: null, buffers: [], layer: "incidents", incidents: [], incidentTotal: 0, incidentCut: false,
    incident: null, incidentNote: "", claimNote: "", analyst: "" };
  let map, facilityLayer, reportLayer, bufferLayer, incidentLayer;

  // ---- words -------------------------------------------------------------------------------
  function t(key, params) {
    let s = (DICT[state.lang] && DICT[state.lang][key]) || DICT.en[key] || key;
    if (params) {
      Object.keys(params).forEach(k => { s = s.split("{" + k + "}").join(String(params[k])); });
    }
    return s;
  }

  function applyLanguage() {
    document.documentElement.lang = state.lang;
    document.querySelectorAll("[data-i18n]").forEach(el => { el.textContent = t(el.dataset.i18n); });
    document.getElementById("lang").value = state.lang;
  }

  function setLanguage(lang) {
    state.lang = DICT[lang] ? lang : "en";
    try { localStorage.setItem("truce.lang", state.lang); } catch (e) { /* private mode */ }
    applyLanguage();
    renderLegend();
    renderFilterOptions();
    renderReportList();
    renderIncidentList();
    renderAgreement();
    renderChart();
    renderDetailTitle();
    if (state.incident) { renderIncident(); } else if (state.selected !== null) { showReport(state.selected); }
  }

  // ---- filters -----------------------------------------------------------------------------
  // The filters live in the page's address (?commitment=...&party=...), so a view can be shared.
  function readFilters() {
    const q = new URLSearchParams(window.location.search);
    const f = {};
    FILTERS.forEach(k => { const v = q.get(k); if (v) { f[k] = v; } });
    if (f.outcome && !OUTCOMES.includes(f.outcome)) { delete f.outcome; }
    if (f.status && !STATUSES.includes(f.status)) { delete f.status; }
    state.layer = LAYERS.includes(q.get("layer")) ? q.get("layer") : "incidents";
    ["from", "to"].forEach(k => { if (f[k] && !/^\d{4}-\d{2}-\d{2}$/.test(f[k])) { delete f[k]; } });
    if (f.bbox && parseBox(f.bbox) === null) { delete f.bbox; }
    state.filters = f;
  }

  function writeFilters() {
    const q = new URLSearchParams(window.location.search);
    FILTERS.forEach(k => { if (state.filters[k]) { q.set(k, state.filters[k]); } else { q.delete(k); } });
    if (state.layer === "incidents") { q.delete("layer"); } else { q.set("layer", state.layer); }
    const search = q.toString();
    history.replaceState(null, "", window.location.pathname + (search ? "?" + search : "") + window.location.hash);
  }

  function renderFilterOptions() {
    const form = document.getElementById("filters");
    const a = state.agreement;
    form.commitment.innerHTML = '<option value="">' + esc(t("filter.all")) + "</option>" + (a ? a.commitments
      .filter(c => c.assessed_from_reports)
      .map(c => '<option value="' + esc(c.id) + '">' + esc(c.title) + "</option>").join("") : "");
    form.party.innerHTML = '<option value="">' + esc(t("filter.all")) + "</option>" + (a ? a.parties
      .map(p => '<option value="' + esc(p.id) + '">' + esc(p.id) + " · " + esc(p.name) + "</option>").join("") : "")
      + '<option value="' + NO_PARTY + '">' + esc(t("filter.no_party")) + "</option>";
    form.outcome.innerHTML = '<option value="">' + esc(t("filter.all")) + "</option>"
      + OUTCOMES.map(o => '<option value="' + o + '">' + esc(t("outcome." + o)) + "</option>").join("");
    form.status.innerHTML = '<option value="">' + esc(t("filter.all")) + "</option>"
      + STATUSES.map(s => '<option value="' + s + '">' + esc(t("status." + s)) + "</option>").join("");
    ["commitment", "party", "outcome", "status"].forEach(k => {
      form[k].value = state.filters[k] || "";
      // A shared address may name a commitment or party this agreement does not have: drop it.
      if (a && state.filters[k] && form[k].value !== state.filters[k]) {
        delete state.filters[k];
        writeFilters();
      }
    });
    form.from.value = state.filters.from || "";
    form.to.value = state.filters.to || "";
    form.in_view.checked = Boolean(state.filters.bbox);
  }

  function filtersChanged() {
    const form = document.getElementById("filters");
    const f = {};
    ["commitment", "party", "outcome", "status", "from", "to"].forEach(k => { if (form[k].value) { f[k] = form[k].value; } });
    if (form.in_view.checked) { f.bbox = map ? mapBox() : state.filters.bbox; }
    state.filters = f;
    writeFilters();
    renderChart();
    return loadMarkers();
  }

  function resetFilters() {
    state.filters = {};
    renderFilterOptions();
    writeFilters();
    renderChart();
    return loadMarkers();
  }

  // Both layers follow the filters; the one hidden is kept current so switching is immediate.
  function loadMarkers() {
    return Promise.all([loadReports(), loadIncidents()]);
  }

  function setLayer(layer) {
    state.layer = LAYERS.includes(layer) ? layer : "incidents";
    writeFilters();
    showLayer();
  }

  function showLayer() {
    const incidents = state.layer === "incidents";
    document.querySelectorAll("#layer-switch input[name=layer]").forEach(i => { i.checked = i.value === state.layer; });
    document.getElementById("incident-list-box").hidden = !incidents;
    document.getElementById("report-list-box").hidden = incidents;
    if (!map) { return; }
    if (incidents) { map.removeLayer(reportLayer); incidentLayer.addTo(map); } else { map.removeLayer(incidentLayer); reportLayer.addTo(map); }
  }

  // The findings of a report that the filters select; all of them when no filter names one.
  function selectedFindings(r) {
    const f = state.filters;
    return (r.findings || []).filter(x => (!f.commitment || x.commitment_id === f.commitment)
      && (!f.outcome || x.outcome === f.outcome)
      && (!f.party || (f.party === NO_PARTY ? x.party === null : x.party === f.party)));
  }

  // "minLon,minLat,maxLon,maxLat" as [[south, west], [north, east]], or null when malformed.
  function parseBox(text) {
    const v = String(text).split(",").map(Number);
    if (v.length !== 4 || v.some(x => !Number.isFinite(x)) || v[0] > v[2] || v[1] > v[3]
      || v[1] < -90 || v[3] > 90 || v[0] < -180 || v[2] > 180) { return null; }
    return [[v[1], v[0]], [v[3], v[2]]];
  }

  function mapBox() {
    const b = map.getBounds();
    const clamp = (v, lo, hi) => Math.min(hi, Math.max(lo, v));
    return [clamp(b.getWest(), -180, 180), clamp(b.getSouth(), -90, 90), clamp(b.getEast(), -180, 180),
      clamp(b.getNorth(), -90, 90)].map(v => v.toFixed(4)).join(",");
  }

  // ---- helpers -----------------------------------------------------------------------------
  function esc(v) {
    return String(v === null || v === undefined ? "" : v)
      .replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  }

  // What the signed-in role may do (GET /api/v1/session, read by session.js); the public reads only.
  function may(permission) {
    const info = window.TRUCE_SESSION_INFO;
    return (info ? info.permissions : ["read_record"]).includes(permission);
  }

  async function getJson(path) {
    const r = await fetch(API + path, { headers: { "Accept": "application/json" } });
    if (!r.ok) { throw new Error(t("error.load") + " " + path + ": " + r.status); }
    return r.json();
  }

  function worstOutcome(findings) {
    let worst = "none";
    (findings || []).forEach(f => {
      if ((OUTCOME_RANK[f.outcome] || 0) > (OUTCOME_RANK[worst] || 0)) { worst = f.outcome; }
    });
    return worst;
  }

  function badge(outcome) {
    return '<span class="badge outcome-' + esc(outcome) + '">' + esc(t("outcome." + outcome)) + "</span>";
  }

  function uuid() {
    if (window.crypto && typeof window.crypto.randomUUID === "function") { return window.crypto.randomUUID(); }
    // Outside a secure context randomUUID is missing: build a version 4 UUID from random bytes.
    const b = window.crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40; b[8] = (b[8] & 0x3f) | 0x80;
    const h = Array.from(b, x => x.toString(16).padStart(2, "0")).join("");
    return h.slice(0, 8) + "-" + h.slice(8, 12) + "-" + h.slice(12, 16) + "-" + h.slice(16, 20) + "-" + h.slice(20);
  }

  // ---- map ---------------------------------------------------------------------------------
  function initMap() {
    map = L.map("map", { zoomSnap: 0.25, attributionControl: false });
    const shared = state.filters.bbox ? parseBox(state.filters.bbox) : null;
    if (shared) { map.fitBounds(shared); } else { map.setView([48.4, 33.5], 6); }
    // The base map: Natural Earth land and borders, then Ukraine's internationally recognised
    // border drawn over them (countries.geojson leaves the Ukraine-Russia border out).
    const basePane = map.createPane("base");
    basePane.style.zIndex = 200;
    // Tiles only when the server names a tile server (truce serve --tile-url); otherwise nothing
    // leaves this machine and the outlines are the whole base map.
    const tiles = fetch("/api/v1/map-settings").then(r => r.ok ? r.json() : {}).catch(() => ({}));
    tiles.then(settings => {
      if (!settings.tile_url) { return; }
      L.control.attribution({ prefix: false }).addTo(map);
      L.tileLayer(settings.tile_url, { attribution: esc(settings.attribution || ""), maxZoom: 18,
        referrerPolicy: "no-referrer" }).addTo(map);
      document.getElementById("map").dataset.tiles = "on";
      const note = document.querySelector('[data-i18n="map.offline"]');
      if (note) { note.dataset.i18n = "map.tiles"; note.textContent = t("map.tiles"); }
    });
    Promise.all([fetch("/countries.geojson").then(r => r.json()), fetch("/base-map.geojson").then(r => r.json()),
      tiles])
      .then(([countries, ukraine, settings]) => {
        // Over tiles the land is left unfilled, so the tiles show through the borders.
        const land = settings.tile_url ? { stroke: false, fill: false }
          : { stroke: false, fillColor: "#f4f1ea", fillOpacity: 1 };
        L.geoJSON(countries, { pane: "base", interactive: false, style: f => f.properties.kind === "land"
          ? land : { color: "#999", weight: 1, fill: false } }).addTo(map);
        const outline = L.geoJSON(ukraine, { pane: "base", interactive: false,
          style: { color: "#666", weight: 1.5, fill: false } }).addTo(map);
        if (!state.filters.bbox) { map.fitBounds(outline.getBounds(), { padding: [10, 10] }); }
        document.getElementById("map").dataset.baseMap = "drawn";
      }).catch(() => { /* the map still works without the outline */ });
    bufferLayer = L.layerGroup().addTo(map);
    getJson("/zones").then(geo => {
      state.zones = geo;
      drawBuffers();
      L.geoJSON(geo, {
        style: f => f.properties.kind === "line"
          ? { color: "#b00", weight: 3, dashArray: "6 4" }
          : { color: "#4a7fb0", weight: 1, fillColor: "#9cc3e6", fillOpacity: 0.6 },
        onEachFeature: (f, layer) => layer.bindTooltip(esc(f.properties.name || f.properties.id))
      }).addTo(map);
      // Zones come late: keep the incidents' rings above the band so they stay visible.
      incidentLayer.eachLayer(l => { if (l.bringToFront) { l.bringToFront(); } });
    }).catch(showError);
    facilityLayer = L.layerGroup().addTo(map);
    reportLayer = L.layerGroup();
    incidentLayer = L.layerGroup();
    showLayer();
    getJson("/facilities").then(geo => {
      geo.features.forEach(f => {
        const [lon, lat] = f.geometry.coordinates;
        const cat = f.properties.category;
        L.marker([lat, lon], {
          icon: L.divIcon({ className: "facility-marker", iconSize: [12, 12],
            html: '<div style="background:' + categoryColour(cat) + '"></div>' }),
          keyboard: false
        }).bindTooltip(esc(f.properties.name) + "<br>" + esc(cat)).addTo(facilityLayer);
      });
      renderLegend(geo.features.map(f => f.properties.category));
    }).catch(showError);
    // With "only the area shown" ticked, the box follows the map and goes into the address.
    map.on("moveend", () => {
      if (!state.filters.bbox) { return; }
      state.filters.bbox = mapBox();
      writeFilters();
      loadMarkers().catch(showError);
    });
    map.on("click", e => {
      const form = document.getElementById("intake-form");
      form.latitude.value = e.latlng.lat.toFixed(5);
      form.longitude.value = e.latlng.lng.toFixed(5);
    });
  }

  // The band within each commitment's buffer_m of its zone, as the engine measures it: along a line
  // (a ceasefire along the line of contact) or round an area (a sea area for navigation).
  function drawBuffers() {
    if (!state.zones || !state.agreement || !bufferLayer) { return; }
    bufferLayer.clearLayers();
    state.buffers = [];
    const lines = state.zones.features.filter(z => z.properties.kind === "line");
    state.agreement.commitments.forEach(c => {
      const scope = c.scope || {};
      if (!(scope.buffer_m > 0)) { return; }
      // No zone named means the one line of contact the server was given, as the engine reads it.
      const zone = scope.zone ? state.zones.features.find(z => z.properties.id === scope.zone)
        : lines.length === 1 ? lines[0] : null;
      if (!zone) { return; }
      const isLine = zone.geometry.type === "LineString";
      const ring = isLine ? window.TruceBuffer.outline(zone.geometry.coordinates, scope.buffer_m)
        : window.TruceBuffer.areaOutline(zone.geometry.coordinates[0], scope.buffer_m);
      if (ring.length === 0) { return; }
      const kind = isLine ? "line" : "area";
      state.buffers.push({ commitment_id: c.id, zone_id: zone.properties.id, kind: kind, buffer_m: scope.buffer_m,
        ring: ring });
      const style = isLine ? { color: "#b00", fillColor: "#e66" } : { color: "#2c5f8a", fillColor: "#9cc3e6" };
      L.polygon(ring.map(p => [p[1], p[0]]), Object.assign(style, { className: "buffer-zone buffer-" + kind,
        weight: 1, opacity: 0.6, fillOpacity: 0.15, dashArray: isLine ? null : "4 3", interactive: true }))
        .bindTooltip(esc(t("legend.buffer_" + kind, { km: scope.buffer_m / 1000 })) + " · " + esc(c.title))
        .addTo(bufferLayer);
    });
  }

  const CATEGORY_COLOURS = ["#1b7f3b", "#6b4bb3", "#b35c00", "#00707a", "#8a6d00", "#444"];
  const categories = [];
  function categoryColour(cat) {
    if (!categories.includes(cat)) { categories.push(cat); }
    return CATEGORY_COLOURS[categories.indexOf(cat) % CATEGORY_COLOURS.length];
  }

  function renderLegend(cats) {
    (cats || []).forEach(categoryColour);
    const el = document.getElementById("legend");
    let html = ["possible_violation", "undetermined", "out_of_scope", "none"].map(o =>
      '<span><i class="dot outcome-' + o + '"></i>' + esc(t("outcome." + o)) + "</span>").join("");
    html += categories.map(c => '<span><i class="square" style="background:' + categoryColour(c) + '"></i>'
      + esc(t("legend.facility")) + ": " + esc(c) + "</span>").join("");
    html += '<span><i class="dot ring"></i>' + esc(t("legend.incident")) + "</span>";
    html += '<span><i class="square" style="background:#b00;height:3px"></i>' + esc(t("legend.line")) + "</span>";
    html += state.buffers.map(b => '<span><i class="square buffer-' + b.kind + '"></i>'
      + esc(t("legend.buffer_" + b.kind, { km: b.buffer_m / 1000 })) + "</span>").join("");
    el.innerHTML = html;
  }

  function renderReportMarkers() {
    reportLayer.clearLayers();
    state.reports.forEach(r => {
      const outcome = worstOutcome(selectedFindings(r));
      L.marker([r.latitude, r.longitude], {
        icon: L.divIcon({ className: "report-marker", iconSize: [16, 16],
          html: '<div class="outcome-' + outcome + '" data-report-id="' + r.id + '"></div>' }),
        zIndexOffset: 1000 + (OUTCOME_RANK[outcome] || 0) * 100
      }).bindTooltip("#" + r.id + " " + esc(r.event_date) + " " + esc(r.location || ""))
        .on("click", () => showReport(r.id)).addTo(reportLayer);
    });
  }

  // ---- reports -----------------------------------------------------------------------------
  // The API filters by commitment, outcome, party, dates and box; the page received is filtered again
  // here so that one finding matches commitment, outcome and party together.
  let reportRequest = 0;
  async function loadReports() {
    if (!may("read_reports")) {
      // The public and the parties read incidents; reports one by one are the mission's material.
      state.reports = []; state.total = 0; state.cut = false;
      renderReportMarkers();
      return;
    }
    const f = state.filters;
    const q = new URLSearchParams({ limit: "1000" });
    ["commitment", "outcome", "party", "from", "to"].forEach(k => { if (f[k]) { q.set(k, f[k]); } });
    if (f.bbox) { q.set("bbox", f.bbox); }
    const mine = ++reportRequest;
    const page = await getJson("/reports?" + q.toString());
    if (mine !== reportRequest) { return; }   // a newer filter change has already asked again
    state.reports = f.party ? page.items.filter(r => selectedFindings(r).length > 0) : page.items;
    state.total = page.total;
    state.cut = page.total > page.items.length;
    renderReportMarkers();
    renderReportList();
    if (f.bbox) { renderChart(); }
  }

  function renderReportList() {
    const body = document.querySelector("#report-list tbody");
    const count = document.getElementById("report-count");
    count.textContent = state.cut ? t("reports.count_of", { n: state.reports.length, total: state.total })
      : t("reports.count", { n: state.reports.length });
    if (state.reports.length === 0) {
      const empty = Object.keys(state.filters).length > 0 ? "reports.none_match" : "reports.empty";
      body.innerHTML = '<tr><td colspan="6" class="note">' + esc(t(empty)) + "</td></tr>";
      return;
    }
    body.innerHTML = state.reports.map(r => {
      const outcome = worstOutcome(selectedFindings(r));
      return '<tr data-report-id="' + r.id + '"' + (r.id === state.selected ? ' class="selected"' : "") + ">"
        + "<td>" + r.id + "</td><td>" + esc(r.event_date) + "</td><td>" + esc(r.event_type) + "</td><td>"
        + esc(r.location) + "</td><td>" + esc(r.actor1) + "</td><td>" + badge(outcome) + "</td></tr>";
    }).join("");
  }

  async function showReport(id) {
    state.selected = id;
    if (state.incident || INCIDENT_ROUTE.test(window.location.hash)) {
      state.incident = null;
      history.replaceState(null, "", window.location.pathname + window.location.search);
      renderIncidentMarkers();
      renderIncidentList();
    }
    showPanel(false);
    renderDetailTitle();
    document.querySelectorAll("#report-list tbody tr").forEach(tr =>
      tr.classList.toggle("selected", Number(tr.dataset.reportId) === id));
    const el = document.getElementById("report-detail");
    let d;
    try { d = await getJson("/reports/" + id); } catch (e) { el.innerHTML = '<p class="error">' + esc(e.message) + "</p>"; return; }
    const r = d.report;
    let html = '<div class="report-head" data-report-id="' + r.id + '"><strong>#' + r.id + " · " + esc(r.event_date)
      + "</strong> " + esc(r.event_type) + (r.sub_event_type ? " / " + esc(r.sub_event_type) : "") + "<br>"
      + esc(r.location) + " (" + r.latitude + ", " + r.longitude + ") · " + esc(r.actor1) + "<br>"
      + '<span class="note">' + esc(r.source_id) + (r.event_id_cnty ? " · " + esc(r.event_id_cnty) : "") + "</span>";
    if (r.notes) { html += "<p>" + esc(r.notes) + "</p>"; }
    html += "</div><h3>" + esc(t("detail.findings")) + "</h3>";
    if (d.findings.length === 0) { html += '<p class="note">' + esc(t("detail.none")) + "</p>"; }
    d.findings.forEach(f => {
      html += '<div class="finding"><strong>' + esc(f.commitment_id) + "</strong> " + badge(f.outcome)
        + (f.party ? " · " + esc(t("detail.party")) + " " + esc(f.party) : "")
        + "<br>" + esc(t("detail.reason")) + ": " + esc(f.reason);
      if (f.readings && f.readings.length > 1) {
        html += "<br>" + esc(t("detail.readings")) + ": " + f.readings.map(x => esc(x.reading) + " " + badge(x.outcome)).join(" ");
      }
      html += "<div>" + esc(t("detail.trace")) + ':</div><ol class="trace">'
        + f.trace.map(c => '<li class="verdict-' + esc(c.verdict) + '"><b>' + esc(c.condition) + "</b>: "
          + esc(c.verdict) + (c.detail ? " — " + esc(c.detail) : "") + "</li>").join("")
        + "</ol></div>";
    });
    if (d.evidence.length > 0) {
      html += "<h3>" + esc(t("detail.evidence")) + "</h3><ul>" + d.evidence.map(e => "<li>" + esc(e.kind) + " "
        + esc(e.location) + " <code>" + esc(e.sha256) + "</code></li>").join("") + "</ul>";
    }
    html += "<h3>" + esc(t("detail.history")) + "</h3><ul>" + d.history.map(v => "<li>v" + v.version + " "
      + esc(v.change) + " " + esc(v.received_at) + ' <span class="note">' + esc(t("detail.sha")) + " <code>"
      + esc(v.content_sha256) + "</code></span></li>").join("") + "</ul>";
    el.innerHTML = html;
  }

  // ---- incidents ---------------------------------------------------------------------------
  // The API filters by commitment, party, status, dates and box. The outcome, and the party "none"
  // (which the API cannot name), are matched here on the findings of the page received.
  let incidentRequest = 0;
  async function loadIncidents() {
    const f = state.filters;
    const q = new URLSearchParams({ limit: "1000" });
    ["commitment", "status", "from", "to", "bbox"].forEach(k => { if (f[k]) { q.set(k, f[k]); } });
    if (f.party && f.party !== NO_PARTY) { q.set("party", f.party); }
    const mine = ++incidentRequest;
    const page = await getJson("/incidents?" + q.toString());
    if (mine !== incidentRequest) { return; }
    const local = f.outcome || f.party === NO_PARTY;
    state.incidents = local ? page.items.filter(i => selectedFindings(i).length > 0) : page.items;
    state.incidentTotal = page.total;
    state.incidentCut = page.total > page.items.length;
    renderIncidentMarkers();
    renderIncidentList();
  }

  function incidentOutcome(i) {
    return worstOutcome(selectedFindings(i));
  }

  // A marker at the centroid, coloured by the finding, with the number of reports; a ring of
  // radius_m round it, which reaches every member report's point and its uncertainty.
  function renderIncidentMarkers() {
    incidentLayer.clearLayers();
    state.incidents.forEach(i => {
      const outcome = incidentOutcome(i);
      const colour = OUTCOME_COLOURS[outcome];
      if (i.radius_m > 0) {
        L.circle([i.latitude, i.longitude], { radius: i.radius_m, color: colour, weight: 1.5, fillColor: colour,
          fillOpacity: 0.08, interactive: false, className: "incident-ring" }).addTo(incidentLayer);
      }
      const selected = state.incident && state.incident.id === i.id ? " selected" : "";
      L.marker([i.latitude, i.longitude], {
        icon: L.divIcon({ className: "incident-marker", iconSize: [20, 20],
          html: '<div class="outcome-' + outcome + selected + '" data-incident-id="' + esc(i.id) + '">'
            + i.report_count + "</div>" }),
        zIndexOffset: 1000 + (OUTCOME_RANK[outcome] || 0) * 100
      }).bindTooltip(esc(i.id) + " · " + esc(i.first_day) + " · " + esc(t("status." + i.status)))
        .on("click", () => openIncident(i.id)).addTo(incidentLayer);
    });
  }

  function renderIncidentList() {
    const body = document.querySelector("#incident-list tbody");
    const count = document.getElementById("incident-count");
    count.textContent = state.incidentCut
      ? t("incidents.count_of", { n: state.incidents.length, total: state.incidentTotal })
      : t("incidents.count", { n: state.incidents.length });
    if (state.incidents.length === 0) {
      const empty = Object.keys(state.filters).length > 0 ? "incidents.none_match" : "incidents.empty";
      body.innerHTML = '<tr><td colspan="7" class="note">' + esc(t(empty)) + "</td></tr>";
      return;
    }
    body.innerHTML = state.incidents.map(i => '<tr data-incident-id="' + esc(i.id) + '"'
      + (state.incident && state.incident.id === i.id ? ' class="selected"' : "") + "><td>" + esc(i.id) + "</td><td>"
      + esc(i.first_day) + (i.last_day !== i.first_day ? " → " + esc(i.last_day) : "") + "</td><td>"
      + esc(i.event_type) + "</td><td>" + i.report_count + "</td><td>" + i.independent_sources + "</td><td>"
      + statusBadge(i.status) + "</td><td>" + badge(incidentOutcome(i)) + "</td></tr>").join("");
  }

  function statusBadge(status) {
    return '<span class="status status-' + esc(status) + '">' + esc(t("status." + status)) + "</span>";
  }

  // The incident page is a route in the address (#incident/INC-12), so it can be shared.
  function openIncident(id) {
    if (window.location.hash === "#incident/" + id) { return showIncident(id); }
    window.location.hash = "incident/" + id;   // the hashchange listener shows it
    return Promise.resolve();
  }

  function route() {
    const m = INCIDENT_ROUTE.exec(window.location.hash);
    if (m) { return showIncident(m[1]); }
    return Promise.resolve();
  }

  function renderDetailTitle() {
    const title = document.getElementById("detail-title");
    title.dataset.i18n = state.incident ? "incident.title" : "detail.title";
    title.textContent = t(title.dataset.i18n);
  }

  function showPanel(incident) {
    document.getElementById("incident-detail").hidden = !incident;
    document.getElementById("report-detail").hidden = incident;
  }

  async function showIncident(id) {
    const el = document.getElementById("incident-detail");
    showPanel(true);
    let d;
    try { d = await getJson("/incidents/" + encodeURIComponent(id)); } catch (e) {
      state.incident = null;
      el.innerHTML = '<p class="error">' + esc(e.message) + "</p>";
      return;
    }
    state.incident = d;
    state.incidentNote = "";
    state.claimNote = "";
    renderDetailTitle();
    renderIncident();
    renderIncidentMarkers();
    renderIncidentList();
  }

  function joinReasonText(j) {
    if (!j) { return ""; }
    if (j.kind === "near") {
      return t("join.near", { anchor: j.anchor_report_id, km: (j.distance_m / 1000).toFixed(1),
        allowed_km: (j.allowed_distance_m / 1000).toFixed(1), days: j.days_apart, allowed_days: j.allowed_days,
        type: t("join.type." + j.type_relation) });
    }
    if (j.kind === "merged_in" || j.kind === "split_off") {
      return t("join." + j.kind, { from: j.from_incident_id, by: j.by, reason: j.reason });
    }
    return t("join.anchor");
  }

  function historyDetails(h) {
    const d = h.details || {};
    if (h.operation === "status_changed") { return t("status." + d.from) + " → " + t("status." + d.to); }
    return Object.keys(d).map(k => k + ": " + (Array.isArray(d[k]) ? d[k].join(", ") : d[k])).join("; ");
  }

  function renderIncident() {
    const d = state.incident;
    if (!d) { return; }
    const el = document.getElementById("incident-detail");
    let html = '<div class="incident-head" data-incident-id="' + esc(d.id) + '"><strong>' + esc(d.id) + "</strong> "
      + statusBadge(d.status) + " " + badge(d.outcome || "none") + "<br>" + esc(d.event_type) + " · " + esc(d.first_day)
      + (d.last_day !== d.first_day ? " → " + esc(d.last_day) : "") + "<br>"
      + esc(t("incident.place", { lat: d.latitude.toFixed(4), lon: d.longitude.toFixed(4), m: Math.round(d.radius_m) }))
      + '<br><span class="counts">' + esc(t("incident.counts", { reports: d.report_count,
        sources: d.independent_sources })) + "</span></div>";
    if (d.redirected_from) {
      html += '<p class="redirected">' + esc(t("incident.redirected", { from: d.redirected_from, to: d.id })) + "</p>";
    }
    html += "<h3>" + esc(t("detail.findings")) + "</h3>";
    if (d.findings.length === 0) { html += '<p class="note">' + esc(t("detail.none")) + "</p>"; }
    d.findings.forEach(f => {
      html += '<div class="finding" data-commitment-id="' + esc(f.commitment_id) + '"><strong>' + esc(f.commitment_id)
        + "</strong> " + badge(f.outcome) + (f.party ? " · " + esc(t("detail.party")) + " " + esc(f.party) : "")
        + "<br>" + esc(t("detail.reason")) + ": " + esc(f.reason)
        + "<div>" + esc(t("detail.trace")) + ':</div><ol class="trace">'
        + f.trace.map(c => '<li class="verdict-' + esc(c.verdict) + '"><b>' + esc(c.condition) + "</b>: "
          + esc(c.verdict) + (c.detail ? " — " + esc(c.detail) : "") + "</li>").join("")
        + "</ol></div>";
    });
    html += "<h3>" + esc(t("incident.members")) + '</h3><table class="members"><tbody>'
      + d.reports.map(r => '<tr data-report-id="' + r.id + '"><td><input type="checkbox" class="split-pick" value="'
        + r.id + '" aria-label="' + esc(t("action.pick", { id: r.id })) + '"></td><td>#' + r.id + " " + esc(r.event_date)
        + "<br>" + esc(r.location) + ' <span class="note">' + esc(r.source || r.source_id) + "</span></td>"
        + '<td class="join">' + esc(joinReasonText(r.join_reason)) + "</td></tr>").join("")
      + "</tbody></table>";
    html += "<h3>" + esc(t("detail.evidence")) + "</h3>";
    html += d.evidence.length === 0 ? '<p class="note">' + esc(t("incident.no_evidence")) + "</p>"
      : '<ul class="evidence">' + d.evidence.map(e => "<li>#" + e.report_id + " " + esc(e.url || e.file_name) + " · "
        + esc(e.media_type) + " · " + esc(t("incident.bytes", { n: e.size_bytes })) + "<br><code>" + esc(e.sha256)
        + "</code></li>").join("") + "</ul>";
    html += "<h3>" + esc(t("incident.history")) + '</h3><ol class="history">'
      + d.history.map(h => '<li data-operation="' + esc(h.operation) + '">' + esc(h.at) + " · <b>"
        + esc(t("op." + h.operation)) + "</b> " + esc(historyDetails(h)) + " · " + esc(t("incident.by")) + " "
        + esc(h.by) + (h.incident_id !== d.id ? " (" + esc(h.incident_id) + ")" : "")
        // A party's counter-claim is its published answer (claim); an analyst's words are the reason.
        + (h.claim ? '<br><q class="claim">' + esc(h.claim) + "</q>" : "<br><i>" + esc(h.reason) + "</i>")
        + "</li>").join("") + "</ol>";
    html += actionsForm(d);
    html += counterClaimForm(d);
    el.innerHTML = html;
  }

  // Only for an analyst; the account signed in is who acts (shown, not typed), and says why.
  function actionsForm(d) {
    if (!may("merge_or_split_incident") && !may("change_verification")) { return ""; }
    const others = state.incidents.filter(i => i.id !== d.id);
    return '<form class="incident-actions" novalidate><h3>' + esc(t("action.title")) + "</h3>"
      + '<label><span>' + esc(t("action.by")) + '</span><input name="by" maxlength="200" readonly value="' + esc(state.analyst) + '"></label>'
      + '<label><span>' + esc(t("action.reason")) + '</span><textarea name="reason" rows="2" maxlength="2000"></textarea></label>'
      + '<div class="action"><select name="status">' + STATUSES.filter(s => s !== d.status)
        .map(s => '<option value="' + s + '">' + esc(t("status." + s)) + "</option>").join("")
      + '</select> <button type="button" data-action="verification">' + esc(t("action.status")) + "</button></div>"
      + '<div class="action"><input name="absorbed" list="incident-ids" placeholder="INC-…"><datalist id="incident-ids">'
      + others.map(i => '<option value="' + esc(i.id) + '">').join("") + '</datalist> <button type="button" '
      + 'data-action="merge">' + esc(t("action.merge")) + "</button></div>"
      + '<div class="action"><button type="button" data-action="split">' + esc(t("action.split")) + "</button></div>"
      + '<div class="action-result" aria-live="polite">' + state.incidentNote + "</div></form>";
  }

  // Only for a party's liaison, on the findings that name its party: the server refuses the others
  // (403) and writes the signed-in account as who filed it.
  function counterClaimForm(d) {
    if (!may("file_counter_claim")) { return ""; }
    const party = (window.TRUCE_SESSION_INFO || {}).party;
    const disputable = d.findings.filter(f => f.party === party).map(f => f.commitment_id)
      .filter((c, i, all) => all.indexOf(c) === i);
    let html = '<form class="counter-claim" novalidate><h3>' + esc(t("claim.title")) + "</h3>";
    if (disputable.length === 0) {
      return html + '<p class="note claim-none">' + esc(t("claim.none", { party: party })) + "</p></form>";
    }
    return html + '<label><span>' + esc(t("claim.commitment")) + '</span><select name="commitment_id">'
      + disputable.map(c => '<option value="' + esc(c) + '">' + esc(c) + "</option>").join("") + "</select></label>"
      + '<label class="wide"><span>' + esc(t("claim.text")) + '</span><textarea name="text" rows="3" maxlength="4000">'
      + "</textarea></label>"
      + '<label class="wide"><span>' + esc(t("claim.evidence")) + '</span><textarea name="evidence" rows="2" '
      + 'placeholder="https://…&#10;sha256:…"></textarea></label>'
      + '<button type="button" data-claim="file">' + esc(t("claim.submit")) + "</button>"
      + '<div class="claim-result" aria-live="polite">' + state.claimNote + "</div></form>";
  }

  async function fileCounterClaim(form) {
    const d = state.incident;
    const out = form.querySelector(".claim-result");
    const evidence = form.evidence.value.split("\n").map(s => s.trim()).filter(s => s !== "");
    out.textContent = t("intake.sending");
    let r, json;
    try {
      r = await fetch(API + "/incidents/" + encodeURIComponent(d.id) + "/counter-claims", {
        method: "POST", headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ commitment_id: form.commitment_id.value, text: form.text.value, evidence: evidence }) });
      json = await r.json();
    } catch (e) {
      out.innerHTML = '<p class="error claim-refusal">' + esc(t("action.failed")) + ": " + esc(e.message) + "</p>";
      return;
    }
    if (!r.ok) {
      // Nothing was filed: the form keeps what was typed, with the server's words and the field.
      out.innerHTML = '<p class="error claim-refusal"' + (json.field ? ' data-field="' + esc(json.field) + '"' : "")
        + "><b>" + esc(t("action.failed")) + "</b> (" + r.status + "): " + esc(json.error)
        + (json.field ? " [" + esc(json.field) + "]" : "") + "</p>";
      return;
    }
    state.incident = await getJson("/incidents/" + encodeURIComponent(d.id));
    state.claimNote = '<p class="claim-ok">' + esc(t("claim.done")) + "</p>";
    renderIncident();
    state.claimNote = "";
  }

  async function incidentAction(action, form) {
    const d = state.incident;
    const out = form.querySelector(".action-result");
    // The server writes the signed-in account as who did it (four eyes); "by" only shows it.
    const body = { reason: form.reason.value };
    if (action === "verification") { body.status = form.status.value; }
    if (action === "merge") { body.absorbed = form.absorbed.value.trim(); }
    if (action === "split") {
      body.report_ids = Array.from(form.closest("#incident-detail").querySelectorAll("input.split-pick:checked"))
        .map(c => Number(c.value));
    }
    out.textContent = t("intake.sending");
    let r, json;
    try {
      r = await fetch(API + "/incidents/" + encodeURIComponent(d.id) + "/" + action, {
        method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
      json = await r.json();
    } catch (e) {
      out.innerHTML = '<p class="error incident-refusal">' + esc(t("action.failed")) + ": " + esc(e.message) + "</p>";
      return;
    }
    if (!r.ok) {
      // A refusal changes nothing, so the page stays as it was, with the server's words.
      out.innerHTML = '<p class="error incident-refusal"' + (json.rule ? ' data-rule="' + esc(json.rule) + '"' : "")
        + "><b>" + esc(t(r.status === 409 ? "action.refused" : "action.failed")) + "</b> (" + r.status + "): "
        + esc(json.error) + (json.field ? " [" + esc(json.field) + "]" : "")
        + (json.rule ? ' <span class="note">' + esc(t("action.rule")) + " " + esc(json.rule) + "</span>" : "") + "</p>";
      return;
    }
    let note = '<p class="action-ok">' + esc(t("action.done." + action)) + "</p>";
    const location = r.headers.get("Location");
    if (action === "split" && location) {
      const newId = location.substring(location.lastIndexOf("/") + 1);
      note = '<p class="action-ok">' + esc(t("action.done.split")) + ' <a class="split-new" href="#incident/'
        + esc(newId) + '">' + esc(newId) + "</a></p>";
    }
    state.incident = json;
    await Promise.all([loadMarkers(), loadSummary()]);
    state.incidentNote = note;
    renderIncident();
    renderIncidentMarkers();
  }

  // ---- chart -------------------------------------------------------------------------------
  async function loadSummary() {
    if (!may("read_reports")) { renderAgreement(); return; }
    state.summary = await getJson("/summary");
    renderChart();
    renderAgreement();
  }

  // One bar series per party and commitment, stacked per commitment, of the findings with the
  // chosen outcome (possible violations unless the outcome filter says otherwise) per event day.
  function renderChart() {
    if (!state.summary) { return; }
    const f = state.filters;
    const outcome = f.outcome || "possible_violation";
    const days = new Set();
    const series = new Map();   // "commitment|party" -> Map(day -> count)
    const count = (commitment, party, day, n) => {
      days.add(day);
      const key = commitment + "|" + (party === null ? "" : party);
      if (!series.has(key)) { series.set(key, new Map()); }
      series.get(key).set(day, (series.get(key).get(day) || 0) + n);
    };
    if (f.bbox) {
      // The summary knows no box: within the map area, count the findings of the reports shown.
      state.reports.forEach(r => selectedFindings(r).forEach(x => {
        if (x.outcome === outcome) { count(x.commitment_id, x.party, r.event_date, 1); }
      }));
    } else {
      state.summary.commitments.forEach(c => {
        if (f.commitment && c.commitment_id !== f.commitment) { return; }
        c.by_day_and_party.forEach(row => {
          if (!row[outcome]) { return; }
          if (f.party && (f.party === NO_PARTY ? row.party !== null : row.party !== f.party)) { return; }
          if ((f.from && row.day < f.from) || (f.to && row.day > f.to)) { return; }
          count(c.commitment_id, row.party, row.day, row[outcome]);
        });
      });
    }
    const labels = Array.from(days).sort();
    const datasets = Array.from(series.entries()).map(([key, perDay], i) => {
      const [commitment, party] = key.split("|");
      return {
        label: (party || t("chart.noparty")) + " · " + commitment,
        data: labels.map(d => perDay.get(d) || 0),
        backgroundColor: PARTY_COLOURS[i % PARTY_COLOURS.length],
        stack: commitment,
        maxBarThickness: 48
      };
    });
    const title = t("chart.title." + outcome);
    document.getElementById("chart-heading").textContent = title;
    document.getElementById("chart-section").dataset.series = String(datasets.length);
    const empty = document.getElementById("chart-empty");
    empty.hidden = datasets.length > 0;
    empty.textContent = t(Object.keys(f).length > 0 ? "chart.none_match" : "chart.empty");
    document.getElementById("chart-box-note").hidden = !f.bbox;
    if (state.chart) { state.chart.destroy(); }
    state.chart = new Chart(document.getElementById("chart"), {
      type: "bar",
      data: { labels: labels, datasets: datasets },
      options: {
        animation: false, responsive: true, maintainAspectRatio: false,
        scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } },
        plugins: { title: { display: true, text: title } }
      }
    });
  }

  // ---- agreement ---------------------------------------------------------------------------
  async function loadAgreement() {
    const list = await getJson("/agreements");
    if (list.length === 0) { return; }
    state.agreement = await getJson("/agreements/" + encodeURIComponent(list[0].id));
    document.getElementById("agreement-title").textContent = "· " + state.agreement.title;
    renderFilterOptions();
    renderAgreement();
    drawBuffers();
    renderLegend();
  }

  // What the findings say of a commitment so far: counts of each outcome over all reports.
  function commitmentState(c) {
    if (!c.assessed_from_reports) {
      return '<div class="state note">' + esc(t("agreement.not_assessed")) + "</div>";
    }
    const s = state.summary && state.summary.commitments.find(x => x.commitment_id === c.id);
    const total = s ? s.total : { possible_violation: 0, undetermined: 0, out_of_scope: 0 };
    const key = total.possible_violation > 0 ? "state.violations" : total.undetermined > 0 ? "state.undetermined"
      : "state.none";
    const perParty = s ? s.by_party.filter(p => p.possible_violation > 0)
      .map(p => esc(p.party || t("chart.noparty")) + " " + p.possible_violation).join(", ") : "";
    return '<div class="state">' + esc(t("agreement.state")) + ": <b>" + esc(t(key)) + "</b> · "
      + OUTCOMES.map(o => '<span class="count" data-outcome="' + o + '">' + badge(o) + " " + total[o] + "</span>")
        .join(" ")
      + (perParty ? " · " + esc(t("agreement.by_party")) + ": " + perParty : "")
      + ' <button type="button" class="show-on-map" data-commitment-id="' + esc(c.id) + '">'
      + esc(t("agreement.show")) + "</button></div>";
  }

  function scopeText(c) {
    const s = c.scope || {};
    const parts = [];
    if (s.radius_m !== undefined) { parts.push(t("scope.radius", { km: s.radius_m / 1000 })); }
    if (s.buffer_m !== undefined) {
      parts.push(t("scope.zone", { zone: s.zone || t("scope.the_line"), km: s.buffer_m / 1000 }));
    }
    if (s.protected_category_prefixes) { parts.push(t("scope.categories") + " " + s.protected_category_prefixes.join(", ")); }
    if (s.total_per_side !== undefined) { parts.push(t("scope.per_side", { n: s.total_per_side })); }
    if (s.due) { parts.push(t("scope.due", { date: s.due })); }
    return parts.length ? "<div>" + esc(t("agreement.scope")) + ": " + esc(parts.join("; ")) + "</div>" : "";
  }

  function renderAgreement() {
    const a = state.agreement;
    if (!a) { return; }
    const el = document.getElementById("commitments");
    el.innerHTML = a.commitments.map(c => {
      let html = '<div class="commitment" data-commitment-id="' + esc(c.id) + '"><strong>' + esc(c.title) + "</strong> "
        + '<span class="note">' + esc(c.id) + " · " + esc(t("kind." + c.kind)) + "</span>";
      html += commitmentState(c);
      html += "<div>" + esc(t("agreement.parties")) + ": " + c.parties.map(p => "<b>" + esc(p.party) + "</b> "
        + esc(t("stance." + p.stance)) + (p.since ? " " + esc(t("agreement.since")) + " " + esc(p.since) : "")
        + " (" + esc(t(p.binds ? "agreement.binds" : "agreement.not_binding")) + ")").join("; ") + "</div>";
      if (c.windows.length > 0) {
        html += "<div>" + esc(t("agreement.windows")) + ": " + c.windows.map(w => "<b>" + esc(w.label) + "</b> "
          + esc(w.from || "?") + " → " + esc(w.until_exclusive || t("agreement.open"))
          + (w.stated_duration ? " (" + esc(w.stated_duration) + ")" : "")).join("; ") + "</div>";
      }
      html += scopeText(c);
      if (c.conditions.length > 0) {
        html += "<div>" + esc(t("agreement.conditions")) + ": " + c.conditions.map(x => esc(x.text)).join("; ") + "</div>";
      }
      return html + "</div>";
    }).join("");
    const positions = document.getElementById("positions");
    positions.innerHTML = a.positions.length === 0 ? '<p class="note">' + esc(t("positions.none")) + "</p>"
      : a.positions.map(p => '<div class="position" data-position-id="' + esc(p.id) + '"><b>' + esc(p.party)
        + "</b> " + esc(p.demand) + (p.source && p.source.statement ? ' <span class="note">' + esc(t("positions.source"))
        + " " + esc(p.source.statement) + (p.source.sentence ? " §" + esc(p.source.sentence) : "") + "</span>" : "")
        + "</div>").join("");
  }

  // ---- intake ------------------------------------------------------------------------------
  async function loadSources() {
    if (!may("submit_report")) { return; }
    const sources = await getJson("/sources");
    const select = document.querySelector("#intake-form select[name=source_id]");
    select.innerHTML = sources.map(s => '<option value="' + esc(s.id) + '">' + esc(s.name || s.id) + "</option>").join("");
  }

  function formBody(form) {
    const body = {};
    const numbers = ["latitude", "longitude", "time_precision", "geo_precision"];
    new FormData(form).forEach((value, name) => {
      const v = String(value).trim();
      if (v === "") { return; }
      body[name] = numbers.includes(name) ? Number(v) : v;
    });
    return body;
  }

  async function submitReport(ev) {
    ev.preventDefault();
    const form = ev.target;
    const out = document.getElementById("intake-result");
    out.textContent = t("intake.sending");
    let r, json;
    try {
      r = await fetch(API + "/reports", {
        method: "POST",
        headers: { "Content-Type": "application/json", "Idempotency-Key": uuid() },
        body: JSON.stringify(formBody(form))
      });
      json = await r.json();
    } catch (e) {
      out.innerHTML = '<p class="error">' + esc(t("intake.failed")) + ": " + esc(e.message) + "</p>";
      return;
    }
    if (!r.ok) {
      out.innerHTML = '<p class="error intake-error">' + esc(t("intake.failed")) + " (" + r.status + "): "
        + esc(json.error) + (json.field ? " [" + esc(json.field) + "]" : "") + "</p>";
      return;
    }
    const msg = json.replayed ? t("intake.replayed", { id: json.report_id })
      : t("intake.stored", { id: json.report_id, version: json.version, effect: t("effect." + json.effect) });
    out.innerHTML = '<p class="intake-ok" data-report-id="' + json.report_id + '">' + esc(msg) + " "
      + json.findings.map(f => esc(f.commitment_id) + " " + badge(f.outcome)).join(" ") + "</p>"
      + (json.incident_id ? '<p class="intake-incident">' + esc(t("intake.incident")) + ' <a href="#incident/'
        + esc(json.incident_id) + '" data-incident-id="' + esc(json.incident_id) + '">' + esc(json.incident_id)
        + "</a></p>" : "");
    await Promise.all([loadMarkers(), loadSummary()]);
    if (state.layer === "reports") { showReport(json.report_id); }
  }

  function showError(e) {
    const out = document.getElementById("report-detail");
    out.insertAdjacentHTML("afterbegin", '<p class="error">' + esc(e.message) + "</p>");
  }

  // What the map draws, for inspection from the browser console and the browser tests.
  window.TruceDashboard = { buffers: () => state.buffers.map(b => Object.assign({}, b)) };

  // ---- start -------------------------------------------------------------------------------
  document.addEventListener("DOMContentLoaded", () => {
    let lang = "en";
    try { lang = localStorage.getItem("truce.lang") || "en"; } catch (e) { /* private mode */ }
    state.lang = DICT[lang] ? lang : "en";
    readFilters();
    applyLanguage();
    renderFilterOptions();
    const filters = document.getElementById("filters");
    filters.addEventListener("change", () => filtersChanged().catch(showError));
    filters.addEventListener("submit", e => { e.preventDefault(); });
    filters.addEventListener("reset", e => { e.preventDefault(); resetFilters().catch(showError); });
    document.getElementById("commitments").addEventListener("click", e => {
      const b = e.target.closest("button.show-on-map");
      if (!b) { return; }
      document.getElementById("filters").commitment.value = b.dataset.commitmentId;
      filtersChanged().catch(showError);
      document.getElementById("map-section").scrollIntoView();
    });
    document.getElementById("lang").addEventListener("change", e => setLanguage(e.target.value));
    document.querySelector("#report-list tbody").addEventListener("click", e => {
      const tr = e.target.closest("tr[data-report-id]");
      if (tr) { showReport(Number(tr.dataset.reportId)); }
    });
    document.getElementById("intake-form").addEventListener("submit", submitReport);
    document.getElementById("layer-switch").addEventListener("change", e => setLayer(e.target.value));
    document.querySelector("#incident-list tbody").addEventListener("click", e => {
      const tr = e.target.closest("tr[data-incident-id]");
      if (tr) { openIncident(tr.dataset.incidentId).catch(showError); }
    });
    document.getElementById("incident-detail").addEventListener("click", e => {
      const b = e.target.closest("button[data-action]");
      if (b) { incidentAction(b.dataset.action, b.form).catch(showError); }
      const c = e.target.closest("button[data-claim]");
      if (c) { fileCounterClaim(c.form).catch(showError); }
    });
    window.addEventListener("hashchange", () => {
      route().catch(showError);
      if (INCIDENT_ROUTE.test(window.location.hash)) { document.getElementById("map-section").scrollIntoView(); }
    });
    document.querySelector("#intake-form input[name=event_date]").value = new Date().toISOString().slice(0, 10);
    initMap();
    // The agreement comes first: the filters' choices and the buffers are made from it.
    window.TRUCE_SESSION.then(info => { state.analyst = info.name || ""; })
      .then(loadAgreement).then(() => Promise.all([loadMarkers(), loadSummary(), loadSources()]))
      .then(route)
      .then(() => document.body.dataset.ready = "true")
      .catch(showError);
  });
})();

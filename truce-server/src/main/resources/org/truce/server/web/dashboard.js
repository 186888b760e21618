// Truce dashboard: plain browser JavaScript over the JSON API under /api/v1. No build step.
(function () {
  "use strict";
  const API = "/api/v1";
  const DICT = window.TRUCE_I18N;
  const OUTCOME_RANK = { possible_violation: 3, undetermined: 2, out_of_scope: 1 };
  const PARTY_COLOURS = ["#c0392b", "#2c6fbb", "#8e44ad", "#16a085", "#d35400", "#7f8c8d"];

  const state = { lang: "en", reports: [], selected: null, agreement: null, summary: null, chart: null };
  let map, facilityLayer, reportLayer;

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
    renderReportList();
    renderAgreement();
    renderChart();
    if (state.selected !== null) { showReport(state.selected); }
  }

  // ---- helpers -----------------------------------------------------------------------------
  function esc(v) {
    return String(v === null || v === undefined ? "" : v)
      .replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
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
    map = L.map("map", { zoomSnap: 0.25, attributionControl: false }).setView([48.4, 33.5], 6);
    fetch("/base-map.geojson").then(r => r.json()).then(geo => {
      const outline = L.geoJSON(geo, { interactive: false,
        style: { color: "#777", weight: 1, fillColor: "#f4f1ea", fillOpacity: 1 } }).addTo(map).bringToBack();
      map.fitBounds(outline.getBounds(), { padding: [10, 10] });
    }).catch(() => { /* the map still works without the outline */ });
    getJson("/zones").then(geo => {
      L.geoJSON(geo, {
        style: f => f.properties.kind === "line"
          ? { color: "#b00", weight: 3, dashArray: "6 4" }
          : { color: "#4a7fb0", weight: 1, fillColor: "#9cc3e6", fillOpacity: 0.6 },
        onEachFeature: (f, layer) => layer.bindTooltip(esc(f.properties.name || f.properties.id))
      }).addTo(map);
      if (reportLayer) { reportLayer.bringToFront && reportLayer.bringToFront(); }
    }).catch(showError);
    facilityLayer = L.layerGroup().addTo(map);
    reportLayer = L.layerGroup().addTo(map);
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
    map.on("click", e => {
      const form = document.getElementById("intake-form");
      form.latitude.value = e.latlng.lat.toFixed(5);
      form.longitude.value = e.latlng.lng.toFixed(5);
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
    html += '<span><i class="square" style="background:#b00;height:3px"></i>' + esc(t("legend.line")) + "</span>";
    el.innerHTML = html;
  }

  function renderReportMarkers() {
    reportLayer.clearLayers();
    state.reports.forEach(r => {
      const outcome = worstOutcome(r.findings);
      L.marker([r.latitude, r.longitude], {
        icon: L.divIcon({ className: "report-marker", iconSize: [16, 16],
          html: '<div class="outcome-' + outcome + '" data-report-id="' + r.id + '"></div>' }),
        zIndexOffset: 1000 + (OUTCOME_RANK[outcome] || 0) * 100
      }).bindTooltip("#" + r.id + " " + esc(r.event_date) + " " + esc(r.location || ""))
        .on("click", () => showReport(r.id)).addTo(reportLayer);
    });
  }

  // ---- reports -----------------------------------------------------------------------------
  async function loadReports() {
    const page = await getJson("/reports?limit=1000");
    state.reports = page.items;
    renderReportMarkers();
    renderReportList();
  }

  function renderReportList() {
    const body = document.querySelector("#report-list tbody");
    if (state.reports.length === 0) {
      body.innerHTML = '<tr><td colspan="6" class="note">' + esc(t("reports.empty")) + "</td></tr>";
      return;
    }
    body.innerHTML = state.reports.map(r => {
      const outcome = worstOutcome(r.findings);
      return '<tr data-report-id="' + r.id + '"' + (r.id === state.selected ? ' class="selected"' : "") + ">"
        + "<td>" + r.id + "</td><td>" + esc(r.event_date) + "</td><td>" + esc(r.event_type) + "</td><td>"
        + esc(r.location) + "</td><td>" + esc(r.actor1) + "</td><td>" + badge(outcome) + "</td></tr>";
    }).join("");
  }

  async function showReport(id) {
    state.selected = id;
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

  // ---- chart -------------------------------------------------------------------------------
  async function loadSummary() {
    state.summary = await getJson("/summary");
    renderChart();
  }

  function renderChart() {
    if (!state.summary) { return; }
    const days = new Set();
    const series = new Map();   // "commitment|party" -> Map(day -> count)
    state.summary.commitments.forEach(c => c.by_day_and_party.forEach(row => {
      if (!row.possible_violation) { return; }
      days.add(row.day);
      const key = c.commitment_id + "|" + (row.party === null ? "" : row.party);
      if (!series.has(key)) { series.set(key, new Map()); }
      series.get(key).set(row.day, row.possible_violation);
    }));
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
    document.getElementById("chart-empty").hidden = datasets.length > 0;
    if (state.chart) { state.chart.destroy(); }
    state.chart = new Chart(document.getElementById("chart"), {
      type: "bar",
      data: { labels: labels, datasets: datasets },
      options: {
        animation: false, responsive: true, maintainAspectRatio: false,
        scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } },
        plugins: { title: { display: true, text: t("chart.title") } }
      }
    });
  }

  // ---- agreement ---------------------------------------------------------------------------
  async function loadAgreement() {
    const list = await getJson("/agreements");
    if (list.length === 0) { return; }
    state.agreement = await getJson("/agreements/" + encodeURIComponent(list[0].id));
    document.getElementById("agreement-title").textContent = "· " + state.agreement.title;
    renderAgreement();
  }

  function renderAgreement() {
    const a = state.agreement;
    if (!a) { return; }
    const el = document.getElementById("commitments");
    el.innerHTML = a.commitments.map(c => {
      let html = '<div class="commitment" data-commitment-id="' + esc(c.id) + '"><strong>' + esc(c.title) + "</strong> "
        + '<span class="note">' + esc(c.id) + " · " + esc(c.kind) + " · "
        + esc(t(c.assessed_from_reports ? "agreement.assessed" : "agreement.not_assessed")) + "</span>";
      html += "<div>" + esc(t("agreement.parties")) + ": " + c.parties.map(p => "<b>" + esc(p.party) + "</b> "
        + esc(t("stance." + p.stance)) + (p.since ? " " + esc(t("agreement.since")) + " " + esc(p.since) : "")
        + " (" + esc(t(p.binds ? "agreement.binds" : "agreement.not_binding")) + ")").join("; ") + "</div>";
      if (c.windows.length > 0) {
        html += "<div>" + esc(t("agreement.windows")) + ": " + c.windows.map(w => "<b>" + esc(w.label) + "</b> "
          + esc(w.from || "?") + " → " + esc(w.until_exclusive || t("agreement.open"))
          + (w.stated_duration ? " (" + esc(w.stated_duration) + ")" : "")).join("; ") + "</div>";
      }
      if (c.conditions.length > 0) {
        html += "<div>" + esc(t("agreement.conditions")) + ": " + c.conditions.map(x => esc(x.text)).join("; ") + "</div>";
      }
      return html + "</div>";
    }).join("");
  }

  // ---- intake ------------------------------------------------------------------------------
  async function loadSources() {
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
      + json.findings.map(f => esc(f.commitment_id) + " " + badge(f.outcome)).join(" ") + "</p>";
    await Promise.all([loadReports(), loadSummary()]);
    showReport(json.report_id);
  }

  function showError(e) {
    const out = document.getElementById("report-detail");
    out.insertAdjacentHTML("afterbegin", '<p class="error">' + esc(e.message) + "</p>");
  }

  // ---- start -------------------------------------------------------------------------------
  document.addEventListener("DOMContentLoaded", () => {
    let lang = "en";
    try { lang = localStorage.getItem("truce.lang") || "en"; } catch (e) { /* private mode */ }
    state.lang = DICT[lang] ? lang : "en";
    applyLanguage();
    document.getElementById("lang").addEventListener("change", e => setLanguage(e.target.value));
    document.querySelector("#report-list tbody").addEventListener("click", e => {
      const tr = e.target.closest("tr[data-report-id]");
      if (tr) { showReport(Number(tr.dataset.reportId)); }
    });
    document.getElementById("intake-form").addEventListener("submit", submitReport);
    document.querySelector("#intake-form input[name=event_date]").value = new Date().toISOString().slice(0, 10);
    initMap();
    Promise.all([loadReports(), loadSummary(), loadAgreement(), loadSources()])
      .then(() => document.body.dataset.ready = "true")
      .catch(showError);
  });
})();

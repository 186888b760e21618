// Truce dashboard, process views: the exchange ledger, the process timeline and the statements
// with their extraction candidates. Kept apart from dashboard.js (reports and incidents); it only
// shares the page, the language menu and the word lists of i18n.js (keys "process.*").
(function () {
  "use strict";
  const API = "/api/v1";
  const DICT = window.TRUCE_I18N;
  // Items a monitor records; the rest (actors, dates, numbers) are listed but not highlighted.
  const RECORD_TYPES = ["measure", "exchange", "position", "claim", "timeline"];
  const SCALE_COLOURS = { not_started: "#bbb", minimal: "#f0a000", intermediate: "#2c6fbb", full: "#1a8a3a" };
  const CHECK_CLASS = { holds: "check-holds", fails: "check-fails", depends_on_source: "check-depends" };

  const state = { lang: "en", exchanges: null, timeline: null, statements: [], extraction: null };

  function t(key, params) {
    let s = (DICT[state.lang] && DICT[state.lang][key]) || DICT.en[key] || key;
    if (params) {
      Object.keys(params).forEach(k => { s = s.split("{" + k + "}").join(String(params[k])); });
    }
    return s;
  }

  function esc(v) {
    return String(v === null || v === undefined ? "" : v)
      .replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  }

  async function call(path, options) {
    const r = await fetch(API + path, Object.assign({ headers: { "Accept": "application/json" } }, options || {}));
    const body = await r.json().catch(() => null);
    if (!r.ok) {
      throw new Error(t("process.error", { path: path, status: r.status })
        + (body && body.error ? ": " + body.error : ""));
    }
    return body;
  }

  // ---- the page's frame: headings, containers, styles, links in the navigation ----------------
  function frame() {
    const section = document.getElementById("process-section");
    section.innerHTML =
      '<h2 id="exchanges-heading" data-i18n="process.exchanges.title"></h2>'
      + '<p class="note" data-i18n="process.exchanges.hint"></p><div id="exchanges"></div>'
      + '<h2 id="process-timeline-heading" data-i18n="process.timeline.title"></h2>'
      + '<p class="note" data-i18n="process.timeline.hint"></p><div id="process-timeline"></div>'
      + '<h2 id="statements-heading" data-i18n="process.statements.title"></h2>'
      + '<table id="statement-list"><thead><tr><th data-i18n="process.statements.title_col"></th>'
      + '<th data-i18n="process.statements.source"></th><th data-i18n="process.statements.language"></th>'
      + '<th data-i18n="process.statements.published"></th><th>SHA-256</th><th></th></tr></thead><tbody></tbody></table>'
      + '<div id="extraction" aria-live="polite"></div>';
    const nav = document.querySelector("header nav");
    if (nav) {
      [["#exchanges-heading", "process.nav.exchanges"], ["#process-timeline-heading", "process.nav.timeline"],
        ["#statements-heading", "process.nav.statements"]].forEach(([href, key]) => {
        const a = document.createElement("a");
        a.href = href;
        a.dataset.i18n = key;
        nav.appendChild(a);
      });
    }
    const style = document.createElement("style");
    style.textContent = [
      ".exchange, .milestone { background: #fff; border: 1px solid #ddd; padding: .4rem .8rem; margin: .5rem 0; }",
      "#exchanges tr.discrepancy td { background: #fde8e8; }",
      "#exchanges tr.discrepancy td.flag { color: #a11; font-weight: bold; }",
      ".check-holds { color: #161; } .check-fails { color: #a11; font-weight: bold; } .check-depends { color: #a60; }",
      ".axis { position: relative; height: 1.4rem; margin: .2rem calc(.8rem + 1px) 1.4rem; border-bottom: 1px solid #999; }",
      ".axis .tick { position: absolute; bottom: -1.1rem; font-size: .75rem; color: #666; transform: translateX(-50%); }",
      ".lane { position: relative; height: 14px; background: #f1f1ee; margin: .2rem 0; }",
      ".lane .step { position: absolute; top: 0; height: 14px; min-width: 4px; opacity: .85; }",
      ".lane .mark { position: absolute; top: -2px; width: 4px; height: 18px; background: #233; }",
      ".scale-badge { display: inline-block; padding: 0 .4rem; border-radius: .6rem; color: #fff; font-size: .8rem; }",
      "#statement-list code { font-size: .75rem; }",
      "#extraction-text { white-space: pre-wrap; background: #fff; border: 1px solid #ddd; padding: .6rem; line-height: 1.5; }",
      "#extraction-text mark { background: #ffe58a; border-bottom: 2px solid #c90; }",
      "#extraction-text mark.type-measure { background: #cfe6ff; border-color: #2c6fbb; }",
      "#extraction-text mark.type-exchange { background: #d9f2d9; border-color: #1a8a3a; }"
    ].join("\n");
    document.head.appendChild(style);
  }

  function applyLanguage() {
    document.querySelectorAll("#process-section [data-i18n], header nav a[data-i18n^='process.']")
      .forEach(el => { el.textContent = t(el.dataset.i18n); });
  }

  // ---- exchanges -----------------------------------------------------------------------------
  function sourceName(doc, id) {
    const s = (doc.statements || []).find(x => x.id === id);
    return s ? s.source + (s.published ? " (" + s.published + ")" : "") : id;
  }

  function figureLabel(f) {
    if (f.figure === "released") {
      return t("process.released_by", { party: f.by }) + ": " + t("process.category." + f.category)
        + (f.outside_parity ? " " + t("process.outside_parity") : "");
    }
    return t("process." + f.figure, { party: f.by });
  }

  function renderExchanges() {
    const box = document.getElementById("exchanges");
    const doc = state.exchanges;
    if (!doc) { return; }
    if (doc.exchanges.length === 0) {
      box.innerHTML = '<p class="note">' + esc(t("process.exchanges.none")) + "</p>";
      return;
    }
    box.innerHTML = doc.exchanges.map(x => {
      const sources = [];
      x.figures.forEach(f => f.values.forEach(v => { if (!sources.includes(v.statement)) { sources.push(v.statement); } }));
      const head = "<tr><th>" + esc(t("process.figure")) + "</th>" + sources.map(s => '<th title="' + esc(sourceName(doc, s))
        + '">' + esc(s) + "</th>").join("") + "<th></th></tr>";
      const rows = x.figures.map(f => {
        const cells = sources.map(s => {
          const v = f.values.find(y => y.statement === s);
          return "<td>" + (v ? esc(v.persons) + ' <span class="note">' + esc(t("process.kind." + v.kind)) + "</span>" : "") + "</td>";
        }).join("");
        return '<tr class="figure' + (f.agrees ? "" : " discrepancy") + '" data-figure="' + esc(f.label) + '"><td>'
          + esc(figureLabel(f)) + "</td>" + cells + '<td class="flag">'
          + (f.agrees ? "" : esc(t("process.discrepancy", { span: f.span.text }))) + "</td></tr>";
      }).join("");
      return '<div class="exchange" data-exchange-id="' + esc(x.id) + '"><h3>' + esc(x.date) + " · "
        + esc(t("process.stage", { stage: x.stage, commitment: x.commitment })) + "</h3>"
        + (x.mediator ? "<p>" + esc(t("process.mediator")) + ": " + esc(x.mediator) + "</p>" : "")
        + '<table class="figures">' + head + rows + "</table>"
        + (x.note ? '<p class="note">' + esc(x.note) + "</p>" : "")
        + balanceFor(doc, x) + "</div>";
    }).join("");
  }

  // The running N-for-N balance of the exchange's commitment, up to and including this exchange.
  function balanceFor(doc, x) {
    const b = doc.balances.find(y => y.commitment === x.commitment);
    const row = b && b.rows.find(r => r.exchange === x.id);
    if (!row) { return ""; }
    const parties = b.parties.map(p => {
      const inside = row.released_in_parity[p] ? row.released_in_parity[p].text : "0";
      const outside = row.released_outside_parity[p] && row.released_outside_parity[p].high > 0
        ? " + " + row.released_outside_parity[p].text + " " + t("process.outside_parity")
          + (row.promised_outside_parity[p] !== undefined
            ? " (" + t("process.promised", { n: row.promised_outside_parity[p] }) + ")" : "")
        : "";
      return "<li>" + esc(t("process.released_by", { party: p })) + ": <b>" + esc(inside) + "</b> ("
        + esc(t("process.promised", { n: row.promised_per_side })) + ")" + esc(outside) + "</li>";
    }).join("");
    return '<div class="balance"><h4>' + esc(t("process.balance")) + "</h4><ul>" + parties + "</ul><p>"
      + esc(t("process.parity")) + ': <span class="' + CHECK_CLASS[row.parity] + '" data-check="parity">'
      + esc(t("process.check." + row.parity)) + "</span> · " + esc(t("process.as_promised")) + ': <span class="'
      + CHECK_CLASS[row.as_promised] + '" data-check="as_promised">' + esc(t("process.check." + row.as_promised))
      + "</span></p></div>";
  }

  // ---- timeline ------------------------------------------------------------------------------
  const DAY_MS = 86400000;

  function renderTimeline() {
    const box = document.getElementById("process-timeline");
    const doc = state.timeline;
    if (!doc) { return; }
    if (doc.milestones.length === 0) {
      box.innerHTML = '<p class="note">' + esc(t("process.timeline.none")) + "</p>";
      return;
    }
    // The axis runs from the first day named to a week after the last, so the latest status shows.
    const days = [];
    doc.milestones.forEach(m => { days.push(Date.parse(m.date)); m.history.forEach(h => days.push(Date.parse(h.on))); });
    const start = Math.min.apply(null, days);
    const end = Math.max.apply(null, days) + 7 * DAY_MS;
    const pos = d => (100 * (Date.parse(d) - start) / (end - start)).toFixed(2) + "%";
    const ticks = [];
    for (let d = start; d <= end; d += 7 * DAY_MS) {
      ticks.push('<span class="tick" style="left:' + pos(new Date(d).toISOString().slice(0, 10)) + '">'
        + esc(new Date(d).toISOString().slice(5, 10)) + "</span>");
    }
    const legend = doc.scale.map(s => '<span class="scale-badge" style="background:' + SCALE_COLOURS[s] + '">'
      + esc(t("process.scale." + s)) + "</span>").join(" ");
    box.innerHTML = '<p>' + esc(t("process.scale")) + ": " + legend + '</p><div class="axis">' + ticks.join("") + "</div>"
      + doc.milestones.map(m => {
        const steps = m.history.map((h, i) => {
          const until = i + 1 < m.history.length ? m.history[i + 1].on : new Date(end).toISOString().slice(0, 10);
          const width = (100 * (Date.parse(until) - Date.parse(h.on)) / (end - start)).toFixed(2) + "%";
          return '<span class="step" style="left:' + pos(h.on) + ";width:" + width + ";background:"
            + SCALE_COLOURS[h.status] + '" title="' + esc(h.on + ": " + t("process.scale." + h.status)) + '"></span>';
        }).join("");
        const history = m.history.map(h => "<li>" + esc(h.on) + ": " + esc(t("process.scale." + h.status)) + " · "
          + esc(t("process.source")) + ' <span class="source" title="' + esc(sourceName(doc, h.source.statement)) + '">'
          + esc(h.source.statement) + "</span>"
          + (h.source.sentence ? " " + esc(t("process.sentence", { n: h.source.sentence })) : "")
          + (h.source.note ? ' <span class="note">(' + esc(h.source.note) + ")</span>" : "") + "</li>").join("");
        return '<div class="milestone" data-milestone-id="' + esc(m.id) + '"><div><b class="date">' + esc(m.date)
          + "</b> " + esc(m.what) + ' <span class="scale-badge" style="background:' + SCALE_COLOURS[m.status] + '">'
          + esc(t("process.scale." + m.status)) + "</span>"
          + (m.who.length ? ' <span class="note">' + esc(m.who.join(", ")) + "</span>" : "") + "</div>"
          + '<div class="lane"><span class="mark" style="left:' + pos(m.date) + '"></span>' + steps + "</div>"
          + '<ul class="history">' + history + "</ul></div>";
      }).join("");
  }

  // ---- statements and extraction -------------------------------------------------------------
  function renderStatements() {
    const body = document.querySelector("#statement-list tbody");
    if (state.statements.length === 0) {
      body.innerHTML = '<tr><td colspan="6" class="note">' + esc(t("process.statements.none")) + "</td></tr>";
      return;
    }
    body.innerHTML = state.statements.map(s => '<tr data-statement-id="' + esc(s.id) + '"><td>' + esc(s.title || "#" + s.id)
      + "</td><td>" + esc(s.source_id) + (s.outlet ? " · " + esc(s.outlet) : "") + "</td><td>" + esc(s.language)
      + "</td><td>" + esc(s.published) + "</td><td><code>" + esc(s.text_sha256) + '</code></td><td>'
      + '<button type="button" class="extract" data-statement-id="' + esc(s.id) + '">'
      + esc(t("process.extract")) + "</button></td></tr>").join("");
  }

  async function showExtraction(id) {
    const box = document.getElementById("extraction");
    box.innerHTML = '<p class="note">' + esc(t("process.extracting")) + "</p>";
    try {
      const [statement, extraction] = await Promise.all([call("/statements/" + id),
        call("/statements/" + id + "/extraction", { method: "POST" })]);
      state.extraction = { statement: statement, extraction: extraction };
      renderExtraction();
    } catch (e) {
      state.extraction = null;
      box.innerHTML = '<p class="error">' + esc(e.message) + "</p>";
    }
  }

  function renderExtraction() {
    const box = document.getElementById("extraction");
    if (!state.extraction) { return; }
    const text = state.extraction.statement.text;
    const x = state.extraction.extraction;
    // Highlight the record items, earliest first; an item overlapping one already marked stays in the list only.
    const marked = [];
    x.items.map((item, i) => Object.assign({ index: i }, item)).filter(i => RECORD_TYPES.includes(i.type))
      .sort((a, b) => a.span.start_char - b.span.start_char)
      .forEach(i => {
        const last = marked[marked.length - 1];
        if (!last || i.span.start_char >= last.span.end_char) { marked.push(i); }
      });
    let html = "";
    let at = 0;
    marked.forEach(i => {
      html += esc(text.slice(at, i.span.start_char)) + '<mark class="type-' + esc(i.type) + '" data-item="' + i.index
        + '" title="' + esc(i.type + (i.kind ? " " + i.kind : "") + " · " + i.rule + " · " + i.confidence) + '">'
        + esc(text.slice(i.span.start_char, i.span.end_char)) + "</mark>";
      at = i.span.end_char;
    });
    html += esc(text.slice(at));
    const rows = x.items.filter(i => RECORD_TYPES.includes(i.type)).map(i => '<tr class="candidate type-' + esc(i.type)
      + '"><td>' + esc(t("process.type." + i.type)) + "</td><td>" + esc(i.kind || i.claim || "") + "</td><td>«"
      + esc(i.span.text) + "»</td><td>" + esc(i.span.start_char) + "–" + esc(i.span.end_char) + "</td><td><code>"
      + esc(i.rule) + "</code></td><td>" + esc(Number(i.confidence).toFixed(2)) + "</td></tr>").join("");
    box.innerHTML = "<h3>" + esc(t("process.candidates", { title: state.extraction.statement.title || "#" + x.statement_id }))
      + '</h3><p class="note">' + esc(t("process.review")) + " " + esc(t("process.read_against",
        { published: x.published, event_day: x.event_day })) + "</p>"
      + '<table id="candidate-list"><thead><tr><th>' + esc(t("process.col.type")) + "</th><th>" + esc(t("process.col.kind"))
      + "</th><th>" + esc(t("process.col.words")) + "</th><th>" + esc(t("process.col.chars")) + "</th><th>"
      + esc(t("process.col.rule")) + "</th><th>" + esc(t("process.col.confidence")) + "</th></tr></thead><tbody>" + rows
      + '</tbody></table><div id="extraction-text">' + html + "</div>"
      + (x.draft_agreement ? '<p class="note">' + esc(t("process.draft", { n: x.draft_agreement.commitments.length }))
        + "</p>" : "");
  }

  function renderAll() {
    applyLanguage();
    renderExchanges();
    renderTimeline();
    renderStatements();
    renderExtraction();
  }

  document.addEventListener("DOMContentLoaded", () => {
    if (!document.getElementById("process-section")) { return; }
    try { state.lang = localStorage.getItem("truce.lang") || "en"; } catch (e) { /* private mode */ }
    if (!DICT[state.lang]) { state.lang = "en"; }
    frame();
    applyLanguage();
    const lang = document.getElementById("lang");
    if (lang) { lang.addEventListener("change", e => { state.lang = DICT[e.target.value] ? e.target.value : "en"; renderAll(); }); }
    document.getElementById("statement-list").addEventListener("click", e => {
      const b = e.target.closest("button.extract");
      if (b) { showExtraction(b.dataset.statementId); }
    });
    const section = document.getElementById("process-section");
    Promise.all([
      call("/exchanges").then(d => { state.exchanges = d; }),
      call("/timeline").then(d => { state.timeline = d; }),
      call("/statements?limit=100").then(d => { state.statements = d.items; })
    ]).then(renderAll)
      .catch(e => section.insertAdjacentHTML("afterbegin", '<p class="error">' + esc(e.message) + "</p>"))
      .finally(() => { section.dataset.ready = "true"; });
  });
})();

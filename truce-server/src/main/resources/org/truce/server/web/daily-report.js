// Truce dashboard, the daily monitoring report: pick a day, read the report the API makes
// (/api/v1/daily-reports/{date}, the same page as `truce report daily`) in the page's language,
// with links to its PDF and to the exports. Kept apart from dashboard.js and process.js; it shares
// the page, the language menu and the word lists of i18n.js (keys "daily.*").
(function () {
  "use strict";
  const API = "/api/v1";
  const DICT = window.TRUCE_I18N;
  const state = { lang: "en", day: null };

  function t(key, params) {
    let s = (DICT[state.lang] && DICT[state.lang][key]) || DICT.en[key] || key;
    if (params) {
      Object.keys(params).forEach(k => { s = s.split("{" + k + "}").join(String(params[k])); });
    }
    return s;
  }

  function frame() {
    const section = document.getElementById("daily-report-section");
    section.innerHTML =
      '<h2 id="daily-report-heading" data-i18n="daily.title"></h2>'
      + '<p class="note" data-i18n="daily.hint"></p>'
      + '<form id="daily-report-form" class="filters">'
      + '<label><span data-i18n="daily.date"></span><input name="date" type="date" required></label>'
      + '<button type="submit" data-i18n="daily.show"></button>'
      + '</form>'
      + '<p id="daily-report-links"></p>'
      + '<iframe id="daily-report-frame" title="" hidden></iframe>';
    const nav = document.querySelector("header nav");
    if (nav) {
      const a = document.createElement("a");
      a.href = "#daily-report-heading";
      a.dataset.i18n = "daily.nav";
      a.dataset.needs = "read_record"; // every role: the report is redacted for it (issue 8)
      nav.appendChild(a);
    }
    const style = document.createElement("style");
    style.textContent = [
      "#daily-report-frame { width: 100%; height: 80vh; border: 1px solid #ccc; background: #fff; }",
      "#daily-report-links a { margin-right: 1rem; }"
    ].join("\n");
    document.head.appendChild(style);
  }

  function applyLanguage() {
    document.querySelectorAll("#daily-report-section [data-i18n], header nav a[data-i18n^='daily.']")
      .forEach(el => { el.textContent = t(el.dataset.i18n); });
    document.getElementById("daily-report-frame").title = t("daily.title");
  }

  function link(href, key) {
    return '<a href="' + href + '" target="_blank" rel="noopener">' + t(key) + "</a>";
  }

  // The page and its links follow the day and the page's language; the report itself is the API's.
  function show() {
    if (!state.day) { return; }
    const base = API + "/daily-reports/" + encodeURIComponent(state.day) + "?lang=" + state.lang;
    document.getElementById("daily-report-links").innerHTML =
      link(base + "&format=pdf", "daily.pdf")
      + link(API + "/exports/acled.csv?to=" + state.day, "daily.csv")
      + link(API + "/exports/reports.geojson?to=" + state.day, "daily.geojson")
      + link(API + "/exports/record.json?to=" + state.day, "daily.json");
    const frameEl = document.getElementById("daily-report-frame");
    frameEl.hidden = false;
    frameEl.src = base;
  }

  // The latest day the record has findings for, else today (UTC): a report of an empty day is
  // still a report, and says so.
  async function defaultDay() {
    try {
      const r = await fetch(API + "/summary", { headers: { "Accept": "application/json" } });
      const s = r.ok ? await r.json() : null;
      const days = [];
      (s && s.commitments || []).forEach(c => (c.by_day || []).forEach(d => days.push(d.day)));
      if (days.length) { return days.sort()[days.length - 1]; }
    } catch (e) { /* fall back below */ }
    return new Date().toISOString().slice(0, 10);
  }

  document.addEventListener("DOMContentLoaded", () => {
    const section = document.getElementById("daily-report-section");
    if (!section) { return; }
    try { state.lang = localStorage.getItem("truce.lang") || "en"; } catch (e) { /* private mode */ }
    if (!DICT[state.lang]) { state.lang = "en"; }
    frame();
    applyLanguage();
    const lang = document.getElementById("lang");
    if (lang) {
      lang.addEventListener("change", e => {
        state.lang = DICT[e.target.value] ? e.target.value : "en";
        applyLanguage();
        show();
      });
    }
    const form = document.getElementById("daily-report-form");
    form.addEventListener("submit", e => {
      e.preventDefault();
      state.day = form.elements.date.value;
      show();
    });
    defaultDay().then(day => {
      form.elements.date.value = day;
      state.day = day;
    }).finally(() => { section.dataset.ready = "true"; });
  });
})();

// Truce dashboard: who is signed in, what the role allows, sign in and out (issue 8).
// Loaded before dashboard.js; window.TRUCE_SESSION resolves to GET /api/v1/session.
(function () {
  "use strict";
  const API = "/api/v1";
  const ANONYMOUS = { signed_in: false, name: null, role: "public", party: null, permissions: ["read_record"],
    csrf_token: null };
  let info = ANONYMOUS;
  const nativeFetch = window.fetch.bind(window);

  // Every change made with the session cookie carries the session's CSRF token; reads need none.
  window.fetch = function (url, options) {
    const o = Object.assign({}, options || {});
    const method = String(o.method || "GET").toUpperCase();
    if (method !== "GET" && info.csrf_token && String(url).startsWith(API)) {
      o.headers = Object.assign({}, o.headers || {}, { "X-CSRF-Token": info.csrf_token });
    }
    return nativeFetch(url, o);
  };

  function esc(v) {
    return String(v === null || v === undefined ? "" : v)
      .replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  }

  // What the role may not do is not shown: elements with data-needs="<permission>" are hidden.
  function render() {
    document.querySelectorAll("[data-needs]").forEach(el => {
      el.hidden = !info.permissions.includes(el.dataset.needs);
    });
    const box = document.getElementById("session-box");
    if (!box) { return; }
    if (info.signed_in) {
      box.innerHTML = '<span id="signed-in-as">' + esc(info.name) + "</span> "
        + '<span id="signed-in-role" class="note">' + esc(info.role + (info.party ? ":" + info.party : "")) + "</span> "
        + '<span id="signed-in-may" class="note" title="' + esc(info.permissions.join(", ")) + '">'
        + esc(info.permissions.join(", ")) + "</span> "
        + '<button type="button" id="sign-out">Sign out</button>';
      document.getElementById("sign-out").addEventListener("click", signOut);
    } else {
      box.innerHTML = '<form id="sign-in"><span id="signed-in-role" class="note">public</span> '
        + '<input name="name" autocomplete="username" placeholder="name" required> '
        + '<input name="password" type="password" autocomplete="current-password" placeholder="password" required> '
        + '<button type="submit">Sign in</button> <span id="sign-in-error" class="error"></span></form>';
      document.getElementById("sign-in").addEventListener("submit", signIn);
    }
  }

  async function signIn(ev) {
    ev.preventDefault();
    const form = ev.target;
    const r = await nativeFetch(API + "/session", { method: "POST", headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ name: form.name.value, password: form.password.value }) });
    if (r.ok) { window.location.reload(); return; }
    const json = await r.json().catch(() => ({}));
    document.getElementById("sign-in-error").textContent = json.error || String(r.status);
  }

  async function signOut() {
    await window.fetch(API + "/session", { method: "DELETE" });
    window.location.reload();
  }

  window.TRUCE_SESSION = nativeFetch(API + "/session", { headers: { "Accept": "application/json" } })
    .then(r => (r.ok ? r.json() : ANONYMOUS))
    .catch(() => ANONYMOUS)
    .then(j => { info = j; window.TRUCE_SESSION_INFO = j; render(); return j; });
})();

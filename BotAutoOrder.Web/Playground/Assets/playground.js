// Bot playground: a small Telegram-like chat that talks to /playground/api/*. No framework, no build step.
// Bot text is Telegram HTML from the shop (and, through it, from buyers and admins): it is never assigned to innerHTML.
// renderTelegramHtml() tokenises it and builds DOM nodes for Telegram's allowed tags only; everything else is text.
"use strict";

const $ = (id) => document.getElementById(id);
const chat = $("chat"), empty = $("empty"), replyKeyboard = $("reply-keyboard"), toasts = $("toasts");
const nodes = new Map();
let buyer = loadBuyer(), version = 0, polling = null, generation = 0;

function loadBuyer() {
  try {
    const saved = JSON.parse(localStorage.getItem("playground.buyer"));
    if (saved && saved.id > 0) return saved;
  } catch { /* first visit */ }
  return { id: 100000 + Math.floor(Math.random() * 900000), firstName: "Budi", lang: "id" };
}

// ---- Telegram HTML → DOM ----------------------------------------------------------------------------------------------
const ENTITY = /&(lt|gt|amp|quot|#\d+|#x[0-9a-f]+);/gi;
const NAMED = { lt: "<", gt: ">", amp: "&", quot: '"' };
const decode = (s) => s.replace(ENTITY, (all, e) => {
  if (e[0] !== "#") return NAMED[e.toLowerCase()];
  const code = e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : all;
});
const SIMPLE = { b: "b", strong: "strong", i: "i", em: "em", u: "u", ins: "ins", s: "s", strike: "s", del: "del", code: "code", pre: "pre", blockquote: "blockquote", "tg-emoji": "span" };

function attribute(attrs, name) {
  const m = new RegExp(`${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'>]+))`, "i").exec(attrs);
  return m ? decode(m[1] ?? m[2] ?? m[3]) : null;
}

function elementFor(name, attrs) {
  if (SIMPLE[name]) return document.createElement(SIMPLE[name]);
  if (name === "tg-spoiler" || (name === "span" && /tg-spoiler/.test(attribute(attrs, "class") ?? ""))) {
    const s = document.createElement("span");
    s.className = "spoiler";
    s.title = "Klik untuk lihat (click to reveal)";
    s.addEventListener("click", () => s.classList.add("revealed"));
    return s;
  }
  if (name === "a") {
    const href = (attribute(attrs, "href") ?? "").trim();
    if (!/^(https?:|tg:)/i.test(href)) return document.createElement("span"); // a link we will not follow: keep its text
    const a = document.createElement("a");
    a.href = href; a.target = "_blank"; a.rel = "noopener noreferrer";
    return a;
  }
  return null;
}

function renderTelegramHtml(source) {
  const root = document.createDocumentFragment(), stack = [{ name: null, el: root }];
  const text = (s) => { if (s) stack[stack.length - 1].el.appendChild(document.createTextNode(decode(s))); };
  const raw = (s) => stack[stack.length - 1].el.appendChild(document.createTextNode(s));
  const tag = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)([^<>]*)>/g;
  let last = 0, m;
  while ((m = tag.exec(source))) {
    text(source.slice(last, m.index));
    last = tag.lastIndex;
    const name = m[2].toLowerCase();
    if (m[1]) {
      const at = stack.map((f) => f.name).lastIndexOf(name);
      if (at > 0) stack.length = at; else raw(m[0]);
      continue;
    }
    const el = elementFor(name, m[3]);
    if (!el) { raw(m[0]); continue; }
    stack[stack.length - 1].el.appendChild(el);
    stack.push({ name, el });
  }
  text(source.slice(last));
  return root;
}

// ---- rendering ----------------------------------------------------------------------------------------------------------
function el(tag, className, text) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

function body(m, content) {
  if (m.author === "bot" && (m.parseMode ?? "").toUpperCase() === "HTML") return renderTelegramHtml(content);
  return document.createTextNode(content);
}

function renderMessage(m) {
  let wrap = nodes.get(m.messageId);
  if (m.deleted) { wrap?.remove(); nodes.delete(m.messageId); return; }
  if (!wrap) { wrap = el("div"); wrap.dataset.messageId = m.messageId; nodes.set(m.messageId, wrap); chat.appendChild(wrap); }
  wrap.className = `msg ${m.author}`;
  const bubble = el("div", "bubble");
  if (m.photo) {
    const img = el("img"); img.src = m.photo.url; img.alt = m.photo.name; img.loading = "lazy";
    bubble.appendChild(img);
  }
  if (m.document) {
    const a = el("a", "doc"); a.href = m.document.url; a.download = m.document.name;
    a.append(el("span", "icon", "📄"), el("span", null, `${m.document.name} · ${(m.document.size / 1024).toFixed(1)} KB`));
    bubble.appendChild(a);
  }
  const content = m.text ?? m.caption;
  if (content) bubble.appendChild(body(m, content));
  const time = new Date(m.date).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
  bubble.appendChild(el("span", "meta", m.edited ? `diedit · ${time}` : time));
  wrap.replaceChildren(bubble);
  if (m.inlineKeyboard?.length) wrap.appendChild(inlineKeyboard(m));
}

function inlineKeyboard(m) {
  const box = el("div", "inline-keyboard");
  for (const row of m.inlineKeyboard) {
    const r = el("div", "row");
    for (const b of row) {
      const button = el("button", b.url ? "url" : "", b.text);
      button.type = "button";
      if (b.url && /^(https?:|tg:)/i.test(b.url)) button.addEventListener("click", () => window.open(b.url, "_blank", "noopener"));
      else if (b.callbackData) button.addEventListener("click", () => post("click", { buyerId: buyer.id, messageId: m.messageId, data: b.callbackData, firstName: buyer.firstName, languageCode: buyer.lang }));
      r.appendChild(button);
    }
    box.appendChild(r);
  }
  return box;
}

function renderReplyKeyboard(rows) {
  replyKeyboard.replaceChildren();
  replyKeyboard.hidden = !rows?.length;
  for (const row of rows ?? []) {
    const r = el("div", "row");
    for (const label of row) {
      const button = el("button", null, label);
      button.type = "button";
      button.addEventListener("click", () => sendText(label));
      r.appendChild(button);
    }
    replyKeyboard.appendChild(r);
  }
}

function toast(text, kind) {
  const t = el("div", `toast ${kind ?? ""}`, text);
  toasts.appendChild(t);
  setTimeout(() => t.remove(), kind === "alert" ? 6000 : 3000);
}

// ---- talking to the server ----------------------------------------------------------------------------------------------
async function poll() {
  const mine = generation;
  try {
    const r = await fetch(`/playground/api/chat?buyer=${buyer.id}&after=${version}`);
    if (r.ok && mine === generation) {
      const t = await r.json();
      const nearBottom = chat.scrollHeight - chat.scrollTop - chat.clientHeight < 120;
      t.messages.forEach(renderMessage);
      t.toasts.forEach((x) => toast(x.text, x.showAlert ? "alert" : ""));
      renderReplyKeyboard(t.replyKeyboard);
      version = t.version;
      empty.hidden = nodes.size > 0;
      if (t.messages.length && (nearBottom || t.messages.some((m) => m.author === "buyer"))) chat.scrollTop = chat.scrollHeight;
      $("status").textContent = "online · mode uji coba (playground)";
    }
  } catch { $("status").textContent = "offline · mencoba lagi… (retrying)"; }
  clearTimeout(polling);
  polling = setTimeout(poll, 1000);
}

async function post(action, payload, isForm) {
  try {
    const r = await fetch(`/playground/api/${action}`, isForm ? { method: "POST", body: payload }
      : { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(payload) });
    if (!r.ok) toast((await r.json().catch(() => null))?.error ?? `Gagal (${r.status})`, "error");
  } catch { toast("Server tidak terjangkau (server unreachable)", "error"); }
  poll();
}

function sendText(text) {
  if (!text.trim()) return;
  post("send", { buyerId: buyer.id, firstName: buyer.firstName, languageCode: buyer.lang, text });
}

function switchBuyer(next) {
  buyer = next;
  localStorage.setItem("playground.buyer", JSON.stringify(buyer));
  $("buyer-label").textContent = `${buyer.firstName} · ${buyer.id}`;
  generation++; version = 0; nodes.clear();
  chat.replaceChildren(empty); empty.hidden = false;
  renderReplyKeyboard(null);
  poll();
}

// ---- wiring -------------------------------------------------------------------------------------------------------------
$("composer").addEventListener("submit", (e) => {
  e.preventDefault();
  const box = $("text");
  sendText(box.value);
  box.value = "";
  box.focus();
});
$("text").addEventListener("keydown", (e) => {
  if (e.key === "Enter" && !e.shiftKey) { e.preventDefault(); $("composer").requestSubmit(); }
});
$("start").addEventListener("click", () => sendText("/start"));
$("photo").addEventListener("change", (e) => {
  const file = e.target.files[0];
  if (!file) return;
  const form = new FormData();
  form.append("buyerId", buyer.id); form.append("firstName", buyer.firstName); form.append("languageCode", buyer.lang);
  form.append("caption", $("text").value); form.append("photo", file);
  $("text").value = ""; e.target.value = "";
  post("photo", form, true);
});
$("toggle-buyer").addEventListener("click", () => {
  const form = $("buyer-form");
  form.hidden = !form.hidden;
  $("buyer-id").value = buyer.id; $("buyer-name").value = buyer.firstName; $("buyer-lang").value = buyer.lang;
});
$("buyer-form").addEventListener("submit", (e) => {
  e.preventDefault();
  const id = parseInt($("buyer-id").value, 10), firstName = $("buyer-name").value.trim();
  if (!(id > 0) || !firstName) return toast("ID dan nama wajib diisi (id and name are required)", "error");
  $("buyer-form").hidden = true;
  switchBuyer({ id, firstName, lang: $("buyer-lang").value });
});
$("buyer-new").addEventListener("click", () => {
  $("buyer-id").value = 100000 + Math.floor(Math.random() * 900000);
  $("buyer-name").value = "";
  $("buyer-name").focus();
});
switchBuyer(buyer);

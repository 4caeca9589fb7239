// The Barrack Script playground page: an editor with highlighting, runs streamed from the
// server, a REPL line, the learner's sandbox and the lessons. No library, no network but the
// playground's own API (docs/PLAYGROUND.md).
"use strict";

const KEYWORDS = new Set(("let fn return if else while for in where break continue try catch raise import " +
  "wait until timeout every parallel limit and or not true false nil finally defer x").split(" "));

const $ = (id) => document.getElementById(id);
const state = { names: [], lesson: null, running: false, history: [], historyAt: 0 };

// --- Highlighting -----------------------------------------------------------------------------

function escapeHTML(text) {
  return text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c]));
}

function span(kind, text) {
  return `<span class="tok-${kind}">${escapeHTML(text)}</span>`;
}

// A string literal with its {interpolations} marked.
function stringHTML(text) {
  let html = "";
  let depth = 0;
  let piece = "";
  for (const c of text) {
    if (c === "{" && depth++ === 0) { html += span("string", piece); piece = c; continue; }
    if (c === "}" && depth > 0 && --depth === 0) { html += span("interp", piece + c); piece = ""; continue; }
    piece += c;
  }
  return html + span(depth > 0 ? "interp" : "string", piece);
}

const TOKEN = new RegExp([
  /(#[^\n]*)/.source,                                    // 1 comment
  /("""[\s\S]*?(?:"""|$)|"(?:\\.|[^"\\\n])*"?)/.source,  // 2 string
  /(\d[\d_]*(?:\.\d+)?(?:[a-zA-Z]+\d*)*)/.source,        // 3 number, duration, size
  /([A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+|[A-Z][A-Z0-9_]{2,})\b/.source, // 4 region, model or status
  /([A-Za-z_][A-Za-z0-9_]*)/.source,                     // 5 word
].join("|"), "g");

function highlight(text) {
  let html = "";
  let last = 0;
  for (const match of text.matchAll(TOKEN)) {
    html += escapeHTML(text.slice(last, match.index));
    const [token, comment, string, number, constant, word] = match;
    if (comment) html += span("comment", comment);
    else if (string) html += stringHTML(string);
    else if (number) html += span("number", number);
    else if (constant) html += span("constant", constant);
    else if (KEYWORDS.has(word)) html += span("keyword", word);
    else if (state.names.includes(word) && text[match.index + word.length] !== ":") html += span("builtin", word);
    else html += escapeHTML(token);
    last = match.index + token.length;
  }
  // A trailing newline needs a character after it to take up a line in the <pre>.
  return html + escapeHTML(text.slice(last)) + "\n";
}

function refreshHighlight() {
  $("highlight").innerHTML = highlight($("editor").value);
  syncScroll();
}

function syncScroll() {
  $("highlight").scrollTop = $("editor").scrollTop;
  $("highlight").scrollLeft = $("editor").scrollLeft;
}

// --- Completion -------------------------------------------------------------------------------

// Completes the word before the caret of `field` from the built-ins and keywords: one candidate
// is inserted, several are listed.
function complete(field) {
  const end = field.selectionStart;
  const prefix = field.value.slice(0, end).match(/[A-Za-z_][A-Za-z0-9_]*$/);
  const list = $("completions");
  if (!prefix) { list.hidden = true; return false; }
  const word = prefix[0];
  const matches = state.names.filter((name) => name.startsWith(word) && name !== word);
  if (matches.length === 0) { list.hidden = true; return false; }
  let insert = matches[0];
  if (matches.length > 1) {
    insert = matches.reduce((common, name) => {
      let i = 0;
      while (i < common.length && common[i] === name[i]) i++;
      return common.slice(0, i);
    });
    list.replaceChildren(...matches.slice(0, 40).map((name) => {
      const item = document.createElement("li");
      item.textContent = name;
      item.setAttribute("role", "option");
      return item;
    }));
    list.hidden = false;
  } else {
    list.hidden = true;
  }
  const addition = insert.slice(word.length);
  if (addition) {
    field.setRangeText(addition, end, end, "end");
    if (field === $("editor")) refreshHighlight();
  }
  return true;
}

// --- Output -----------------------------------------------------------------------------------

// What the pane keeps on the page: a run that prints 100,000 lines would otherwise put 100,000
// elements in the document (741 MB and a frozen tab when each was added on its own). The earlier
// lines are dropped and counted in a line at the top. 2,000 lines is many screens of output.
const MAX_LINES = 2000;
// A line longer than this is shown folded, with a button for the rest: a 20,000-character line
// laid out whole took seconds.
const FOLD_AT = 1000;

// Output waits here and reaches the page once per animation frame, in one batch.
const pane = { queue: [], partial: "", scheduled: false, hidden: 0, lines: 0 };

// Queues `text` (lines ending in "\n"; a last piece without one waits for the rest) as `kind`.
function show(text, kind) {
  pane.queue.push({ text, kind });
  if (!pane.scheduled) {
    pane.scheduled = true;
    requestAnimationFrame(flushOutput);
  }
}

// A block of output lines of one kind: one element and one text node for all of them, so that a
// frame's 2,000 lines cost one node, not 2,000. `dataset.lines` counts them for the cap.
function blockElement(lines, kind) {
  const block = document.createElement("div");
  block.className = kind ? `line ${kind}` : "line";
  block.textContent = lines.join("\n");
  block.dataset.lines = String(lines.length);
  return block;
}

// A line over FOLD_AT characters, folded: its start and a button that shows the rest.
function foldedElement(text, kind) {
  const line = blockElement([text.slice(0, FOLD_AT)], kind);
  const more = document.createElement("button");
  more.type = "button";
  more.className = "unfold";
  more.textContent = `… ${(text.length - FOLD_AT).toLocaleString("en")} more characters`;
  more.addEventListener("click", () => { line.textContent = text; });
  line.append(more);
  return line;
}

// The elements for `entries` ({text, kind}): runs of short lines of one kind become one block.
function outputElements(entries) {
  const elements = [];
  let run = [];
  let runKind;
  const close = () => {
    if (run.length) elements.push(blockElement(run, runKind));
    run = [];
  };
  for (const { text, kind } of entries) {
    if (kind === "error") { close(); elements.push(errorElement(text)); continue; }
    if (text.length > FOLD_AT) { close(); elements.push(foldedElement(text, kind)); continue; }
    if (kind !== runKind) close();
    runKind = kind;
    run.push(text);
  }
  close();
  return elements;
}

// Puts what is queued on the page: one fragment, the oldest lines over the cap removed, one
// scroll — and only to the end when the learner has not scrolled up to read.
function flushOutput() {
  pane.scheduled = false;
  const output = $("output");
  const atEnd = output.scrollTop + output.clientHeight >= output.scrollHeight - 4;
  let entries = [];
  for (const { text, kind } of pane.queue) {
    if (kind === "error") { entries.push({ text, kind }); continue; }
    const pieces = ((kind ? "" : pane.partial) + text).split("\n");
    const last = pieces.pop();
    if (!kind) pane.partial = last; else if (last) pieces.push(last);
    for (const piece of pieces) entries.push({ text: piece, kind });
  }
  pane.queue = [];
  // Of a burst larger than the cap, only its end is ever built.
  if (entries.length > MAX_LINES) {
    pane.hidden += entries.length - MAX_LINES;
    entries = entries.slice(entries.length - MAX_LINES);
  }
  const fragment = document.createDocumentFragment();
  fragment.append(...outputElements(entries));
  output.append(fragment);
  pane.lines += entries.length;
  trimOutput(output);
  if (pane.hidden > 0) {
    let banner = $("output-hidden");
    if (!banner) {
      banner = document.createElement("div");
      banner.id = "output-hidden";
      banner.className = "meta hidden-lines";
      output.prepend(banner);
    }
    banner.textContent = `${pane.hidden.toLocaleString("en")} earlier lines hidden`;
  }
  if (atEnd) output.scrollTop = output.scrollHeight;
}

// Removes the oldest lines past MAX_LINES: whole blocks, then the start of the first one left.
function trimOutput(output) {
  let excess = pane.lines - MAX_LINES;
  while (excess > 0) {
    const banner = $("output-hidden");
    const first = banner ? banner.nextElementSibling : output.firstElementChild;
    if (!first) break;
    const count = Number(first.dataset.lines || "1");
    let removed = count;
    if (count <= excess) {
      first.remove();
    } else {
      let at = 0;
      const text = first.textContent;
      for (let i = 0; i < excess; i++) at = text.indexOf("\n", at) + 1;
      first.textContent = text.slice(at);
      first.dataset.lines = String(count - excess);
      removed = excess;
    }
    excess -= removed;
    pane.lines -= removed;
    pane.hidden += removed;
  }
}

// Writes out a last line that did not end in a newline.
function endOutput() {
  if (pane.partial) { show("\n"); }
}

// Empties the pane (each Run starts with a clean one).
function clearOutput() {
  pane.queue = [];
  pane.partial = "";
  pane.hidden = 0;
  pane.lines = 0;
  $("output").replaceChildren();
}

function errorElement(json) {
  const error = JSON.parse(json);
  const where = error.line ? ` (line ${error.line}, column ${error.column})` : "";
  const box = document.createElement("div");
  box.className = "line error";
  box.dataset.code = error.code;
  box.textContent = `${error.code}${where}\n${error.text || error.message}`;
  return box;
}

function showError(error) {
  show(JSON.stringify(error), "error");
}

// Runs `source` on the server and shows its output as it streams in; a Run (not a REPL line)
// starts with an empty pane, as its program starts fresh.
async function run(source, repl) {
  if (state.running) return;
  state.running = true;
  document.body.dataset.running = "true";
  $("run").disabled = true;
  if (!repl) clearOutput();
  try {
    const response = await fetch("/api/run", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ source, repl }),
    });
    if (!response.ok) {
      const answer = await response.json().catch(() => ({}));
      showError(answer.error || { code: `HTTP ${response.status}`, message: response.statusText });
      return;
    }
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let pending = "";
    for (;;) {
      const { value, done } = await reader.read();
      if (value) pending += decoder.decode(value, { stream: true });
      const lines = pending.split("\n");
      pending = lines.pop();
      for (const line of lines) if (line) handleEvent(JSON.parse(line));
      if (done) break;
    }
  } catch (problem) {
    showError({ code: "NETWORK", message: String(problem) });
  } finally {
    state.running = false;
    document.body.dataset.running = "false";
    $("run").disabled = false;
    refreshResources();
  }
}

function handleEvent(event) {
  if (event.type === "output") {
    show(event.text);
  } else if (event.type === "done") {
    endOutput();
    if (event.ok && event.result !== null && event.result !== undefined) show(`= ${event.result}\n`, "result");
    if (!event.ok) showError(event.error);
    show(`${event.ok ? "finished" : "stopped"} in ${event.elapsed_ms} ms\n`, "meta");
  }
}

// --- The sandbox panel ------------------------------------------------------------------------

function item(text, pill) {
  const entry = document.createElement("li");
  entry.textContent = text;
  if (pill) {
    const badge = document.createElement("span");
    badge.className = "pill";
    badge.textContent = pill;
    entry.append(badge);
  }
  return entry;
}

function group(title, entries, empty) {
  const heading = document.createElement("h3");
  heading.textContent = title;
  const list = document.createElement("ul");
  list.append(...(entries.length ? entries : [item(empty)]));
  return [heading, list];
}

// How long the balance lasts at the hourly rate: "3 d 4 h", "5 h 12 min", "no spending".
function runway(hours) {
  if (hours === null || hours === undefined) return "no spending";
  if (hours >= 48) return `${Math.floor(hours / 24)} d ${Math.floor(hours % 24)} h`;
  return `${Math.floor(hours)} h ${Math.floor((hours % 1) * 60)} min`;
}

function perHour(amount, currency) {
  return typeof amount === "number" ? `${amount.toFixed(2)} ${currency}/h` : "";
}

// The learner's sandbox: what each resource costs an hour, the total, the balance and how long it
// lasts at that rate — refreshed after every run, check and reset.
async function refreshResources() {
  const response = await fetch("/api/resources");
  if (!response.ok) return;
  const sandbox = await response.json();
  const money = (amount) => `${amount.toFixed(2)} ${sandbox.currency}`;
  const facts = document.createElement("dl");
  facts.className = "facts";
  for (const [term, value, name] of [
    ["Balance", money(sandbox.balance), "balance"],
    ["Spending", perHour(sandbox.hourly_total, sandbox.currency), "hourly-total"],
    ["Runway", runway(sandbox.runway_hours), "runway"],
    ["Clock", sandbox.clock.replace("T", " "), "clock"],
  ]) {
    const row = document.createElement("div");
    row.dataset.fact = name;
    row.append(Object.assign(document.createElement("dt"), { textContent: term }),
      Object.assign(document.createElement("dd"), { textContent: value }));
    facts.append(row);
  }
  const instances = sandbox.instances.map((vm) =>
    item(`${vm.name} · ${vm.gpu} × ${vm.gpu_count} · ${vm.region} · ${perHour(vm.hourly_cost, sandbox.currency)}`, vm.status));
  const volumes = sandbox.volumes.map((volume) =>
    item(`${volume.name} · ${volume.size_gb} GB · ${perHour(volume.hourly_cost, sandbox.currency)}`, volume.status));
  $("resources").replaceChildren(facts, ...group(`Instances (${instances.length})`, instances, "none"),
    ...group(`Volumes (${volumes.length})`, volumes, "none"));
}

// --- Lessons ----------------------------------------------------------------------------------

// A small Markdown: headings, paragraphs, lists, code blocks, `code` and **bold**.
function markdown(text) {
  const inline = (line) => escapeHTML(line)
    .replace(/`([^`]+)`/g, "<code>$1</code>")
    .replace(/\*\*([^*]+)\*\*/g, "<strong>$1</strong>");
  let html = "";
  let list = false;
  const blocks = text.split(/\n```[^\n]*\n([\s\S]*?)\n```/);
  blocks.forEach((block, index) => {
    if (index % 2 === 1) { html += `<pre><code>${escapeHTML(block)}</code></pre>`; return; }
    for (const paragraph of block.split(/\n\s*\n/)) {
      const lines = paragraph.trim().split("\n");
      if (!lines[0]) continue;
      if (lines[0].startsWith("#")) {
        const level = Math.min(lines[0].match(/^#+/)[0].length + 2, 6);
        html += `<h${level}>${inline(lines[0].replace(/^#+\s*/, ""))}</h${level}>`;
        lines.shift();
        if (!lines.length) continue;
      }
      list = lines.every((line) => /^\s*[-*] /.test(line));
      html += list
        ? `<ul>${lines.map((line) => `<li>${inline(line.replace(/^\s*[-*] /, ""))}</li>`).join("")}</ul>`
        : `<p>${inline(lines.join(" "))}</p>`;
    }
  });
  return html;
}

async function loadLessons() {
  const response = await fetch("/api/lessons");
  if (!response.ok) return;
  const { lessons } = await response.json();
  $("lesson-list").replaceChildren(...lessons.map((lesson, index) => {
    const option = document.createElement("option");
    option.value = lesson.id;
    option.textContent = `${index + 1}. ${lesson.title}`;
    return option;
  }));
  if (lessons.length) await openLesson(lessons[0].id, !$("editor").value);
}

async function openLesson(id, loadStarter) {
  const response = await fetch(`/api/lessons/${encodeURIComponent(id)}`);
  if (!response.ok) return;
  state.lesson = await response.json();
  $("lesson").innerHTML = markdown(state.lesson.markdown);
  $("lesson").dataset.lesson = id;
  setStatus("", "");
  if (loadStarter) setEditor(state.lesson.starter);
}

function setStatus(text, kind) {
  $("lesson-status").textContent = text;
  $("lesson-status").className = `status ${kind}`;
}

async function checkLesson() {
  if (!state.lesson) return;
  setStatus("Checking…", "");
  const response = await fetch(`/api/lessons/${encodeURIComponent(state.lesson.id)}/check`, { method: "POST" });
  const answer = await response.json();
  if (!response.ok) { setStatus(answer.error ? answer.error.message : "the check failed", "not-yet"); return; }
  setStatus(answer.done ? `✓ ${answer.message}` : `Not yet: ${answer.message}`, answer.done ? "done" : "not-yet");
  refreshResources();
}

// --- Share links ------------------------------------------------------------------------------

// Stores the editor's script on the server and shows its permalink, selected for copying.
async function share() {
  const response = await fetch("/api/share", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ source: $("editor").value }),
  });
  const answer = await response.json().catch(() => ({}));
  if (!response.ok) {
    showError(answer.error || { code: `HTTP ${response.status}`, message: response.statusText });
    return;
  }
  $("share-link").value = new URL(answer.url, window.location.origin).href;
  $("share-box").hidden = false;
  $("share-link").select();
}

// On a share link (`/s/ID`), puts the shared script in the editor; true when it did.
async function openShared() {
  const match = window.location.pathname.match(/^\/s\/([^/]+)$/);
  if (!match) return false;
  const response = await fetch(`/api/share/${encodeURIComponent(match[1])}`);
  const answer = await response.json().catch(() => ({}));
  if (!response.ok) {
    showError(answer.error || { code: `HTTP ${response.status}`, message: response.statusText });
    return false;
  }
  setEditor(answer.source);
  return true;
}

// --- A class ----------------------------------------------------------------------------------

// On a class's URL (`/c/NAME`) the learner has joined it: the page says so and reads the
// teacher's messages every 2 seconds — a snippet offered for the editor, a lesson opened.
const classroom = { after: 0, snippet: "" };

async function joinClass() {
  if (!/^\/c\/[^/]+$/.test(window.location.pathname)) return;
  const response = await fetch("/api/class");
  if (!response.ok) return;
  const answer = await response.json();
  if (!answer.class) return;
  classroom.after = answer.last_message;
  $("class-banner").textContent = `Class ${answer.class} · you are Learner ${answer.learner}`;
  $("class-banner").hidden = false;
  setInterval(readMessages, 2000);
}

async function readMessages() {
  const response = await fetch(`/api/class/messages?after=${classroom.after}`);
  if (!response.ok) return;
  for (const message of (await response.json()).messages) {
    classroom.after = message.seq;
    if (message.kind === "snippet") {
      classroom.snippet = message.body;
      $("teacher-message-text").textContent = "Your teacher sent a snippet.";
      $("take-snippet").hidden = false;
    } else if (message.kind === "lesson") {
      $("lesson-list").value = message.body;
      await openLesson(message.body, false);
      $("teacher-message-text").textContent = `Your teacher opened lesson ${message.body}.`;
      $("take-snippet").hidden = true;
    }
    $("teacher-message").hidden = false;
  }
}

// --- Wiring -----------------------------------------------------------------------------------

function setEditor(text) {
  $("editor").value = text;
  refreshHighlight();
}

function wire() {
  const editor = $("editor");
  editor.addEventListener("input", refreshHighlight);
  editor.addEventListener("scroll", syncScroll);
  editor.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      run(editor.value, false);
    } else if (event.key === "Tab" && !event.shiftKey) {
      event.preventDefault();
      if (!complete(editor)) { editor.setRangeText("  ", editor.selectionStart, editor.selectionEnd, "end"); refreshHighlight(); }
    } else if (event.key === "Escape") {
      $("completions").hidden = true;
    }
  });
  $("run").addEventListener("click", () => run(editor.value, false));
  $("share").addEventListener("click", share);
  $("take-snippet").addEventListener("click", () => {
    setEditor(classroom.snippet);
    $("teacher-message").hidden = true;
  });

  const line = $("repl-input");
  $("repl").addEventListener("submit", (event) => {
    event.preventDefault();
    const text = line.value;
    if (!text.trim()) return;
    state.history.push(text);
    state.historyAt = state.history.length;
    show(`› ${text}\n`, "echo");
    line.value = "";
    run(text, true);
  });
  line.addEventListener("keydown", (event) => {
    if (event.key === "Tab") { event.preventDefault(); complete(line); }
    if (event.key === "ArrowUp" && state.historyAt > 0) { line.value = state.history[--state.historyAt]; event.preventDefault(); }
    if (event.key === "ArrowDown" && state.historyAt < state.history.length) {
      line.value = state.history[++state.historyAt] || "";
      event.preventDefault();
    }
  });

  $("reset").addEventListener("click", async () => {
    if (!window.confirm("Delete everything in your sandbox and forget your variables?")) return;
    await fetch("/api/reset", { method: "POST" });
    show("The sandbox is reset: a fresh account, no resources, no variables.\n", "meta");
    setStatus("", "");
    refreshResources();
  });
  $("lesson-list").addEventListener("change", (event) => openLesson(event.target.value, false));
  $("load-starter").addEventListener("click", () => state.lesson && setEditor(state.lesson.starter));
  $("check").addEventListener("click", checkLesson);
}

async function start() {
  wire();
  refreshHighlight();
  const response = await fetch("/api/completions");
  if (response.ok) {
    state.names = (await response.json()).names;
    $("names").replaceChildren(...state.names.map((name) => Object.assign(document.createElement("option"), { value: name })));
  }
  await openShared();
  await Promise.all([loadLessons(), refreshResources(), joinClass()]);
  refreshHighlight();
  document.body.dataset.ready = "true";
}

start();

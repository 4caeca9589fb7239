// The teacher's view of a class (docs/PLAYGROUND.md, "A class"): every learner's lessons done,
// runs, last error and spend, polled every 2 seconds, and a snippet or a lesson sent to everyone.
// The key goes in the X-Teacher-Key header; it is kept in this tab's session storage only.
"use strict";

const $ = (id) => document.getElementById(id);
const view = { key: sessionStorage.getItem("teacher-key") || "", timer: null, lessons: [] };

async function api(path, options = {}) {
  const headers = Object.assign({ "X-Teacher-Key": view.key }, options.headers || {});
  const response = await fetch(path, Object.assign({}, options, { headers }));
  const answer = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(answer.error ? answer.error.message : `HTTP ${response.status}`);
  return answer;
}

function cell(text, className) {
  const td = document.createElement("td");
  td.textContent = text;
  if (className) td.className = className;
  return td;
}

function render(progress) {
  $("class-name").textContent = `class ${progress.class}`;
  $("class-url").textContent = `${window.location.origin}/c/${progress.class}`;
  $("learner-count").textContent = `(${progress.learners.length})`;
  if (view.lessons.length === 0) {
    view.lessons = progress.lessons;
    $("lesson-for-all").replaceChildren(...progress.lessons.map((id) =>
      Object.assign(document.createElement("option"), { value: id, textContent: id })));
  }
  $("learners").tBodies[0].replaceChildren(...progress.learners.map((learner) => {
    const row = document.createElement("tr");
    row.dataset.learner = String(learner.learner);
    const spent = typeof learner.spent === "number" ? `${learner.spent.toFixed(2)} ${learner.currency}` : "";
    row.append(
      cell(`Learner ${learner.learner}`),
      cell(`${learner.lessons_done.length} of ${progress.lessons.length}${learner.lessons_done.length ? ": " + learner.lessons_done.join(", ") : ""}`, "lessons-done"),
      cell(String(learner.runs), "runs"),
      cell(learner.last_error || "", "last-error"),
      cell(spent, "spent"));
    return row;
  }));
}

async function refresh() {
  try {
    render(await api("/api/teacher/learners"));
    $("connect-status").textContent = "";
    document.body.dataset.connected = "true";
  } catch (problem) {
    $("connect-status").textContent = problem.message;
    $("connect-status").className = "status not-yet";
    document.body.dataset.connected = "false";
    clearInterval(view.timer);
    view.timer = null;
  }
}

function connect() {
  view.key = $("teacher-key").value;
  sessionStorage.setItem("teacher-key", view.key);
  clearInterval(view.timer);
  refresh();
  view.timer = setInterval(refresh, 2000);
}

async function send(body, what) {
  try {
    await api("/api/teacher/send", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
    $("send-status").textContent = `Sent ${what}.`;
    $("send-status").className = "status done";
  } catch (problem) {
    $("send-status").textContent = problem.message;
    $("send-status").className = "status not-yet";
  }
}

function start() {
  $("teacher-key").value = view.key;
  $("connect").addEventListener("submit", (event) => { event.preventDefault(); connect(); });
  $("send-snippet").addEventListener("click", () => send({ snippet: $("snippet").value }, "the snippet"));
  $("open-lesson").addEventListener("click", () => send({ lesson: $("lesson-for-all").value }, `lesson ${$("lesson-for-all").value}`));
  if (view.key) connect();
  document.body.dataset.ready = "true";
}

start();

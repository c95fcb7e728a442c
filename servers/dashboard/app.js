// The dashboard: polls /api/status every second and writes what it finds into the page.
// Text only (textContent), never HTML from the API.
"use strict";
const POLL_MS = 1000;
let token = sessionStorage.getItem("hdr-token") || "";

const $ = (id) => document.getElementById(id);
const usd = (n) => "$" + Number(n || 0).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const when = (ts) => (ts ? new Date(ts * 1000).toLocaleString() : "–");
const age = (days) => (days < 1 ? `${Math.round(days * 24)} h ago` : `${days.toFixed(1)} d ago`);

function cell(text, cls) {
  const td = document.createElement("td");
  td.textContent = text;
  if (cls) td.className = cls;
  return td;
}

function rows(tbody, items, render, empty) {
  tbody.replaceChildren();
  if (!items.length) {
    const tr = document.createElement("tr");
    const td = cell(empty, "muted");
    td.colSpan = 6;
    tr.append(td);
    tbody.append(tr);
    return;
  }
  for (const item of items) {
    const tr = document.createElement("tr");
    tr.append(...render(item));
    tbody.append(tr);
  }
}

function render(s) {
  const servers = $("servers");
  servers.replaceChildren();
  for (const [name, info] of Object.entries(s.servers)) {
    const li = document.createElement("li");
    li.className = info.healthy ? "up" : "down";
    li.dataset.server = name;
    li.dataset.healthy = String(info.healthy);
    li.textContent = `${name} · ${info.tools} tools`;
    servers.append(li);
  }
  $("store-state").textContent = s.store.reachable ? "up" : "down";
  $("memory-state").textContent = s.memory.reachable ? "up" : "down";
  $("memory-entries").textContent = s.memory.entries ?? "–";

  $("forge-applied").textContent = usd(s.forge.applied_monthly_savings_usd);
  $("forge-savings").textContent = usd(s.forge.monthly_savings_usd);
  $("forge-open").textContent = s.forge.open_proposals;
  $("forge-changes").textContent = s.forge.changes;
  $("forge-rollbacks").textContent = s.forge.rollbacks;

  rows($("compliance"), Object.entries(s.compliance.frameworks), ([name, f]) => [
    cell(name), cell(f.verdict, f.verdict), cell(when(f.checked_at)), cell(f.attestation_id || "none", "id"),
  ], "no checks yet");
  rows($("phantom-keys"), s.phantom.keys, (k) => [
    cell(k.name), cell(k.algorithm), cell(`v${k.version}` + (k.destroyed ? " (destroyed)" : "")),
    cell(age(k.rotation_age_days), k.rotation_age_days > 90 ? "stale" : ""),
  ], "no keys yet");

  $("nexus-agents").textContent = s.nexus.agents;
  $("nexus-handoffs").textContent = s.nexus.open_handoffs;

  const chain = s.audit.chain;
  const badge = $("audit-chain");
  badge.textContent = chain.ok ? `chain verified · ${chain.records} records` : `chain BROKEN at #${chain.first_bad_seq}`;
  badge.className = "badge " + (chain.ok ? "pass" : "fail");
  rows($("audit"), s.audit.recent, (r) => [
    cell(r.seq), cell(when(r.ts)), cell(r.server), cell(r.tool), cell(r.caller), cell(r.outcome, r.outcome),
  ], "no tool calls yet");
  if (s.history) renderHistory(s.history);
  if (s.traffic) renderTraffic(s.traffic);
  if (s.calls) { lastCalls = s.calls; renderCalls(); }
  $("updated").textContent = "updated " + new Date(s.generated_at * 1000).toLocaleTimeString();
  document.body.dataset.generatedAt = String(s.generated_at);
}

const SVG = "http://www.w3.org/2000/svg";
const ERRORS = new Set(["error", "protocol_error", "http_error"]);
let lastCalls = [];

// One small line chart: each series a polyline over the same x range, scaled to the largest value.
function chart(title, series) {
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("viewBox", "0 0 300 80");
  svg.setAttribute("preserveAspectRatio", "none");
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", title);
  const values = series.flatMap((s) => s.values.filter((v) => v !== null));
  const top = Math.max(...values, 0) || 1;
  svg.dataset.max = String(Math.max(...values, 0));
  for (const s of series) {
    const n = s.values.length;
    const points = s.values.map((v, i) => (v === null ? null : `${4 + (i / Math.max(n - 1, 1)) * 292},${78 - (v / top) * 74}`))
      .filter((p) => p !== null);
    const line = document.createElementNS(SVG, "polyline");
    line.setAttribute("points", points.join(" "));
    line.setAttribute("class", s.cls);
    line.dataset.series = s.cls;
    line.dataset.last = String(s.values.filter((v) => v !== null).at(-1) ?? "");
    svg.append(line);
    // a dot per step that had calls, so a lone point (one busy step) shows too
    s.values.forEach((v, i) => {
      if (v === null || v === 0) return;
      const dot = document.createElementNS(SVG, "ellipse");
      dot.setAttribute("cx", String(4 + (i / Math.max(n - 1, 1)) * 292));
      dot.setAttribute("cy", String(78 - (v / top) * 74));
      dot.setAttribute("rx", "2.5");
      dot.setAttribute("ry", "4");
      dot.setAttribute("class", s.cls);
      svg.append(dot);
    });
  }
  return svg;
}

function renderTraffic(t) {
  const box = $("traffic");
  box.replaceChildren();
  for (const [server, p] of Object.entries(t.servers)) {
    const panel = document.createElement("div");
    panel.className = "panel";
    panel.dataset.server = server;
    const calls = p.calls_per_s.reduce((a, b) => a + b, 0) * t.step_s;
    const errors = p.errors_per_s.reduce((a, b) => a + b, 0) * t.step_s;
    const h = document.createElement("h3");
    h.textContent = server;
    const total = document.createElement("span");
    total.className = "muted totals";
    total.dataset.calls = String(Math.round(calls));
    total.dataset.errors = String(Math.round(errors));
    total.textContent = ` ${Math.round(calls)} calls · ${Math.round(errors)} errors`;
    h.append(total);
    panel.append(h,
      chart(`${server} calls and errors per second`, [{ cls: "calls", values: p.calls_per_s }, { cls: "errors", values: p.errors_per_s }]),
      chart(`${server} p50 and p99 latency`, [{ cls: "p50", values: p.p50_ms }, { cls: "p99", values: p.p99_ms }]));
    box.append(panel);
  }
  const select = $("filter-server");
  if (select.options.length === 1) {
    for (const server of Object.keys(t.servers)) select.append(new Option(server, server));
  }
}

function renderHistory(h) {
  const last = h.savings.length ? h.savings[h.savings.length - 1][1] : 0;
  $("savings-now").textContent = usd(last);
  const box = $("savings-chart");
  box.replaceChildren();
  if (h.savings.length) {
    // a step line: each applied change (or rollback) moves the total at its time
    const values = h.savings.flatMap(([, v], i) => (i ? [h.savings[i - 1][1], v] : [v]));
    const svg = chart("applied savings over time", [{ cls: "calls", values }]);
    svg.dataset.points = String(h.savings.length);
    box.append(svg);
  } else {
    box.textContent = "no changes applied yet";
    box.className = "muted";
  }

  const verdicts = $("verdicts");
  verdicts.replaceChildren();
  for (const [framework, points] of Object.entries(h.compliance)) {
    const row = document.createElement("div");
    row.className = "verdict-row";
    row.dataset.framework = framework;
    const name = document.createElement("span");
    name.className = "verdict-name";
    name.textContent = framework;
    row.append(name);
    for (const [ts, verdict] of points) {
      const dot = document.createElement("span");
      dot.className = "dot " + verdict;
      dot.dataset.verdict = verdict;
      dot.title = `${verdict} · ${when(ts)}`;
      row.append(dot);
    }
    verdicts.append(row);
  }
  if (!verdicts.children.length) verdicts.textContent = "no checks yet";

  const flows = $("flows");
  flows.replaceChildren();
  const most = Math.max(1, ...h.handoffs.map((f) => f.total));
  for (const f of h.handoffs) {
    const row = document.createElement("div");
    row.className = "flow";
    row.dataset.from = f.from;
    row.dataset.to = f.to;
    row.dataset.total = String(f.total);
    const label = document.createElement("div");
    label.className = "flow-label";
    label.textContent = `${f.from} → ${f.to}`;
    const bar = document.createElement("div");
    bar.className = "bar";
    for (const [status, n] of Object.entries(f.by_status)) {
      const part = document.createElement("span");
      part.className = "part " + status;
      part.style.width = `${(n / most) * 100}%`;
      part.title = `${n} ${status}`;
      bar.append(part);
    }
    const count = document.createElement("span");
    count.className = "muted";
    count.textContent = ` ${f.total} (${Object.entries(f.by_status).map(([k, v]) => `${v} ${k}`).join(", ")})`;
    label.append(count);
    row.append(label, bar);
    flows.append(row);
  }
  if (!flows.children.length) flows.textContent = "no handoffs yet";

  rows($("jobs"), h.jobs, (j) => [
    cell(j.id, "id"), cell(j.state, j.state), cell(`${Math.round(j.progress * 100)}%`), cell(when(j.submitted_at)),
  ], "no jobs yet");

  rows($("plans"), h.plans || [], (p) => [
    cell(when(p.at)), cell(p.caller, "id"), cell(`${p.latitude}, ${p.longitude}${p.synthetic ? " (synthetic)" : ""}`),
    cell(String(p.handoffs)), cell(`${Math.round(p.coverage_fraction * 1000) / 10}%`), cell(String(p.gaps)),
  ], "no plans yet");
}

function renderCalls() {
  const server = $("filter-server").value;
  const outcome = $("filter-outcome").value;
  const tool = $("filter-tool").value.trim().toLowerCase();
  const shown = lastCalls.filter((c) => (!server || c.server === server)
    && (!outcome || (outcome === "errors" ? ERRORS.has(c.outcome) : c.outcome === outcome))
    && (!tool || c.tool.toLowerCase().includes(tool)));
  $("calls-count").textContent = `${shown.length} of the last ${lastCalls.length}`;
  rows($("calls"), shown, (c) => [
    cell(new Date(c.ts * 1000).toLocaleTimeString()), cell(c.server), cell(c.tool), cell(c.caller || "operator", "id"),
    cell(c.outcome, c.outcome), cell(c.ms),
  ], "no tool calls match");
}
for (const id of ["filter-server", "filter-outcome", "filter-tool"]) $(id).addEventListener("input", renderCalls);

async function poll() {
  try {
    const reply = await fetch("/api/status", { headers: token ? { Authorization: `Bearer ${token}` } : {}, cache: "no-store" });
    if (reply.status === 401 || reply.status === 403) {
      $("login").hidden = false;
      $("updated").textContent = "a token with suite:read is needed";
    } else if (reply.ok) {
      $("login").hidden = true;
      render(await reply.json());
    } else {
      $("updated").textContent = `gateway answered ${reply.status}`;
    }
  } catch (err) {
    $("updated").textContent = "gateway unreachable; retrying";
  }
  setTimeout(poll, POLL_MS);
}

$("login").addEventListener("submit", (event) => {
  event.preventDefault();
  token = $("token").value.trim();
  sessionStorage.setItem("hdr-token", token);
  $("token").value = "";
});
poll();

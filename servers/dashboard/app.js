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
    cell(name), cell(f.verdict, f.verdict), cell(when(f.checked_at)), cell(f.attestation_id || "none"),
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
  $("updated").textContent = "updated " + new Date(s.generated_at * 1000).toLocaleTimeString();
  document.body.dataset.generatedAt = String(s.generated_at);
}

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

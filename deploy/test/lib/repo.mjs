// Paths and small parsers shared by the deployment tests.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

export function repoPath(...parts) {
  return path.join(REPO, ...parts);
}

export function read(...parts) {
  return fs.readFileSync(repoPath(...parts), "utf8");
}

/** Every file under dir (repository-relative) whose name passes the test, sorted. */
export function filesUnder(dir, test) {
  const out = [];
  const walk = (abs) => {
    for (const e of fs.readdirSync(abs, { withFileTypes: true })) {
      if (e.name === "node_modules" || e.name.startsWith(".terraform")) continue;
      const p = path.join(abs, e.name);
      if (e.isDirectory()) walk(p);
      else if (test(e.name)) out.push(path.relative(REPO, p));
    }
  };
  walk(repoPath(dir));
  return out.sort();
}

/** Seconds in a Sluice duration: 500ms, 30s, 15m, 1h, or ISO-8601 such as PT30S / PT1H30M. */
export function durationSeconds(text) {
  const s = String(text).trim();
  const simple = /^(\d+)(ms|s|m|h)$/.exec(s);
  if (simple) {
    const n = Number(simple[1]);
    return { ms: n / 1000, s: n, m: n * 60, h: n * 3600 }[simple[2]];
  }
  const iso = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?$/i.exec(s);
  if (iso && (iso[1] || iso[2] || iso[3])) {
    return Number(iso[1] ?? 0) * 3600 + Number(iso[2] ?? 0) * 60 + Number(iso[3] ?? 0);
  }
  throw new Error(`not a duration: '${text}'`);
}

const BINARY = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40 };
const DECIMAL = { m: 1e-3, k: 1e3, M: 1e6, G: 1e9, T: 1e12 };

/** A Kubernetes quantity ("500m", "4Gi", "2") as a number of base units. */
export function quantity(text) {
  const m = /^([0-9]+(?:\.[0-9]+)?)(Ki|Mi|Gi|Ti|m|k|M|G|T)?$/.exec(String(text));
  if (!m) throw new Error(`not a quantity: '${text}'`);
  const unit = m[2];
  return Number(m[1]) * (unit ? (BINARY[unit] ?? DECIMAL[unit]) : 1);
}

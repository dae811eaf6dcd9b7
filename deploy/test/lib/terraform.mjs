// Loads Terraform configurations with @cdktf/hcl2json (there is no terraform binary here) and
// merges each directory's files into one view: { resource, data, variable, output, locals,
// module, terraform }. Expressions stay strings such as "${var.x}".
import fs from "node:fs";
import path from "node:path";
import { parse } from "@cdktf/hcl2json";
import { repoPath } from "./repo.mjs";

const cache = new Map();

/** Parsed .tf files of one directory (repository-relative), merged. */
export async function loadConfig(dir) {
  if (!cache.has(dir)) {
    const merged = { resource: {}, data: {}, variable: {}, output: {}, locals: {}, module: {}, terraform: [], provider: {}, files: [] };
    for (const name of fs.readdirSync(repoPath(dir)).filter((f) => f.endsWith(".tf")).sort()) {
      const file = path.join(dir, name);
      const json = await parse(file, fs.readFileSync(repoPath(file), "utf8"));
      merged.files.push(file);
      for (const kind of ["resource", "data"]) {
        for (const [type, byName] of Object.entries(json[kind] ?? {})) {
          merged[kind][type] ??= {};
          for (const [n, blocks] of Object.entries(byName)) {
            if (merged[kind][type][n]) throw new Error(`${file}: ${kind} ${type}.${n} declared twice`);
            merged[kind][type][n] = blocks[0];
          }
        }
      }
      for (const kind of ["variable", "output", "module", "provider"]) {
        for (const [n, blocks] of Object.entries(json[kind] ?? {})) {
          if (merged[kind][n]) throw new Error(`${file}: ${kind} ${n} declared twice`);
          merged[kind][n] = blocks[0];
        }
      }
      for (const block of json.locals ?? []) Object.assign(merged.locals, block);
      merged.terraform.push(...(json.terraform ?? []));
    }
    cache.set(dir, merged);
  }
  return cache.get(dir);
}

/** Every .tf file under infra/terraform, for the parse test. */
export function allTfDirs() {
  const dirs = new Set();
  const walk = (rel) => {
    for (const e of fs.readdirSync(repoPath(rel), { withFileTypes: true })) {
      if (e.name.startsWith(".")) continue;
      const child = path.join(rel, e.name);
      if (e.isDirectory()) walk(child);
      else if (e.name.endsWith(".tf")) dirs.add(rel);
    }
  };
  walk("infra/terraform");
  return [...dirs].sort();
}

/** The statements of a policy document, with dynamic "statement" blocks' content included. */
export function statements(doc) {
  const plain = doc.statement ?? [];
  const dynamic = (doc.dynamic?.statement ?? []).flatMap((d) => d.content ?? []);
  return [...plain, ...dynamic];
}

/** All expression text of a block, for reference scans. */
export function expressionText(block) {
  return JSON.stringify(block);
}

/** A list attribute that may be a literal list or one expression string. */
export const asList = (v) => (Array.isArray(v) ? v : v === undefined ? [] : [v]);

/** "${var.x}" -> "var.x"; anything else unchanged. */
export const unwrap = (v) => (typeof v === "string" ? v.replace(/^\$\{([\s\S]*)\}$/, "$1").trim() : v);

// Renders kustomizations with the kubectl that deploy/test/run found, and answers questions
// about the rendered objects (pod specs, resolved environment, selectors).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import YAML from "yaml";
import { repoPath } from "./repo.mjs";

const KUBECTL = process.env.KUBECTL || "kubectl";
const cache = new Map();

/** The overlay directories under k8s/overlays, so a new overlay is tested without a code change. */
export function overlayNames() {
  return fs
    .readdirSync(repoPath("k8s/overlays"), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

/**
 * kubectl kustomize <dir> as YAML text. deploy/test/run sets SLUICE_RENDER_CACHE to a folder shared
 * by the test files (each runs in its own process), so each kustomization is rendered once per run.
 */
function renderText(dir) {
  const shared = process.env.SLUICE_RENDER_CACHE;
  const file = shared && path.join(shared, dir.replace(/[^\w.-]+/g, "_") + ".yaml");
  if (file && fs.existsSync(file)) return fs.readFileSync(file, "utf8");
  const out = execFileSync(KUBECTL, ["kustomize", repoPath(dir)], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    timeout: 60_000,
  });
  if (file) {
    fs.writeFileSync(`${file}.${process.pid}`, out);
    fs.renameSync(`${file}.${process.pid}`, file);
  }
  return out;
}

/** kubectl kustomize <dir> as plain objects (dir is repository-relative). Cached per process. */
export function render(dir) {
  if (!cache.has(dir)) {
    const docs = YAML.parseAllDocuments(renderText(dir)).map((d) => {
      if (d.errors.length) throw new Error(`${dir}: ${d.errors[0].message}`);
      return d.toJS();
    });
    cache.set(dir, docs.filter(Boolean));
  }
  return cache.get(dir);
}

export const kinds = (objs, kind) => objs.filter((o) => o.kind === kind);
export const named = (objs, kind, name) => objs.find((o) => o.kind === kind && o.metadata?.name === name);
export const id = (o) => `${o.kind}/${o.metadata?.name}`;

/** Objects that carry a pod template. */
export function workloads(objs) {
  return objs.filter((o) => ["Deployment", "StatefulSet", "DaemonSet", "Job"].includes(o.kind));
}

export function containersOf(podSpec) {
  return [...(podSpec.initContainers ?? []), ...(podSpec.containers ?? [])];
}

/** Whether a label selector (matchLabels only, as used here) selects these labels. */
export function selects(selector, labels) {
  const want = selector?.matchLabels ?? {};
  if (selector?.matchExpressions?.length) throw new Error("matchExpressions are not used by Sluice's manifests");
  return Object.entries(want).every(([k, v]) => labels?.[k] === v);
}

/**
 * The environment a container starts with: envFrom ConfigMaps first, then env in order with
 * $(VAR) expanded the way the kubelet does it. Returns { vars: Map, problems: [] } where a
 * problem is a reference to a variable not defined before it.
 */
export function environment(container, objs) {
  const vars = new Map();
  const problems = [];
  for (const src of container.envFrom ?? []) {
    if (src.configMapRef) {
      const cm = named(objs, "ConfigMap", src.configMapRef.name);
      if (!cm) {
        problems.push(`envFrom ConfigMap ${src.configMapRef.name} is not in the render`);
        continue;
      }
      for (const [k, v] of Object.entries(cm.data ?? {})) vars.set(k, v);
    }
  }
  for (const e of container.env ?? []) {
    if (e.valueFrom) {
      vars.set(e.name, { valueFrom: e.valueFrom });
      continue;
    }
    const value = String(e.value ?? "").replace(/\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g, (whole, name) => {
      const v = vars.get(name);
      if (v === undefined) {
        problems.push(`${e.name} refers to $(${name}), which is not defined before it`);
        return whole;
      }
      return typeof v === "string" ? v : `<${name}>`;
    });
    vars.set(e.name, value);
  }
  return { vars, problems };
}

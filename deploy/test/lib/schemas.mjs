// Validation of rendered objects against the Kubernetes and KEDA OpenAPI schemas that the
// kubernetes-models packages ship (compiled JSON-schema validators, offline), plus an
// unknown-field check: those schemas accept fields they do not define, so a misspelt
// "readOnlyRootFileSystem" would pass them. The field lists come from the packages' type
// declarations, one interface per schema definition.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The model module of an apiVersion/kind, or null when no package here knows it. */
export function modelSpecifier(apiVersion, kind) {
  const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : ["", apiVersion];
  if (group === "keda.sh") return `@kubernetes-models/keda/keda.sh/${version}/${kind}`;
  return group === "" ? `kubernetes-models/${version}/${kind}` : `kubernetes-models/${group}/${version}/${kind}`;
}

/** Schema errors of one object ([] when valid). */
export async function schemaErrors(obj) {
  const spec = modelSpecifier(obj.apiVersion, obj.kind);
  let mod;
  try {
    mod = await import(spec);
  } catch {
    return [`no schema for ${obj.apiVersion} ${obj.kind} (${spec})`];
  }
  const Model = mod[obj.kind] ?? mod.default;
  try {
    new Model(obj).validate();
    return [];
  } catch (e) {
    return [e.message];
  }
}

// ---------------------------------------------------------------- unknown fields

const declarations = new Map(); // .d.ts path -> { props: Map<name, type>, imports: Map<ident, path> }

function dtsPathOf(specifier, fromFile) {
  const js = specifier.startsWith(".")
    ? path.resolve(path.dirname(fromFile), specifier)
    : fileURLToPath(import.meta.resolve(specifier));
  return js.replace(/\.js$/, "") + ".d.ts";
}

function declaration(file) {
  if (!declarations.has(file)) {
    const text = fs.readFileSync(file, "utf8");
    const imports = new Map();
    for (const m of text.matchAll(/^import \{ ([^}]+) \} from "([^"]+)";$/gm)) {
      for (const ident of m[1].split(",").map((s) => s.trim())) imports.set(ident, dtsPathOf(m[2], file));
    }
    // The first interface of the file is the definition; its body ends at the first "\n}".
    const start = text.search(/^export interface \w+/m);
    let props = null;
    if (start >= 0) {
      const body = text.slice(start, text.indexOf("\n}", start));
      props = new Map();
      // A type may span lines ("{\n [key: string]: string;\n }"); the first ";" at a line end is enough.
      for (const m of body.matchAll(/^ {4}"([^"]+)"\??: ([\s\S]*?);$/gm)) props.set(m[1], m[2]);
    }
    declarations.set(file, { props, imports });
  }
  return declarations.get(file);
}

function walk(value, file, where, problems) {
  const decl = declaration(file);
  if (!decl.props || value === null || typeof value !== "object") return;
  if (Array.isArray(value)) {
    value.forEach((v, i) => walk(v, file, `${where}[${i}]`, problems));
    return;
  }
  for (const [key, child] of Object.entries(value)) {
    const type = decl.props.get(key);
    if (type === undefined) {
      problems.push(`${where}.${key} is not a field of ${path.basename(file, ".d.ts")}`);
      continue;
    }
    if (/\[key: string\]/.test(type)) continue; // a free-form map (labels, trigger metadata)
    const ident = [...type.matchAll(/\b(I[A-Z]\w*)\b/g)].map((m) => m[1]).find((i) => decl.imports.has(i));
    if (ident) walk(child, decl.imports.get(ident), `${where}.${key}`, problems);
  }
}

/** Fields the schema does not define, as "path is not a field of X" ([] when none). */
export function unknownFields(obj) {
  const problems = [];
  walk(obj, dtsPathOf(modelSpecifier(obj.apiVersion, obj.kind), fileURLToPath(import.meta.url)), obj.kind, problems);
  return problems;
}

// Every kustomization renders with kubectl's kustomize, and every rendered object is valid
// against the Kubernetes / KEDA schemas, without fields those schemas do not define, and with
// every reference (ConfigMap, Secret, ServiceAccount, ScaledObject target) resolvable.
import { test } from "node:test";
import assert from "node:assert/strict";
import { overlayNames, render, kinds, named, id, workloads, containersOf } from "../lib/kustomize.mjs";
import { schemaErrors, unknownFields } from "../lib/schemas.mjs";

const targets = ["k8s/base", ...overlayNames().map((o) => `k8s/overlays/${o}`)];

test("the expected overlays exist: cpu, gpu and dev", () => {
  for (const o of ["cpu", "gpu", "dev"]) assert.ok(overlayNames().includes(o), `k8s/overlays/${o} is missing`);
});

for (const dir of targets) {
  test(`${dir} renders with kubectl kustomize`, () => {
    const objs = render(dir);
    assert.ok(objs.length > 0, "rendered nothing");
    const ids = objs.map((o) => `${o.metadata?.namespace ?? ""}/${id(o)}`);
    assert.deepEqual(ids.filter((x, i) => ids.indexOf(x) !== i), [], "duplicate objects");
  });

  test(`${dir}: every object is valid against its Kubernetes/KEDA schema`, async () => {
    const problems = [];
    for (const o of render(dir)) {
      for (const e of await schemaErrors(o)) problems.push(`${id(o)}: ${e}`);
      for (const e of unknownFields(o)) problems.push(`${id(o)}: ${e}`);
    }
    assert.deepEqual(problems, []);
  });
}

// overlays/gpu is an add-on to overlays/cpu in the same namespace (see its kustomization.yaml):
// what it references may come from the cpu render.
const contextOf = (dir) => (dir.endsWith("/gpu") ? [...render(dir), ...render("k8s/overlays/cpu")] : render(dir));

for (const dir of targets) {
  test(`${dir}: every reference resolves`, () => {
    const objs = contextOf(dir);
    const missing = [];
    for (const w of workloads(render(dir))) {
      const pod = w.spec.template.spec;
      if (pod.serviceAccountName && !named(objs, "ServiceAccount", pod.serviceAccountName)) {
        missing.push(`${id(w)}: ServiceAccount ${pod.serviceAccountName}`);
      }
      for (const v of pod.volumes ?? []) {
        if (v.configMap && !named(objs, "ConfigMap", v.configMap.name)) missing.push(`${id(w)}: ConfigMap ${v.configMap.name}`);
      }
      for (const c of containersOf(pod)) {
        for (const src of c.envFrom ?? []) {
          if (src.configMapRef && !named(objs, "ConfigMap", src.configMapRef.name)) {
            missing.push(`${id(w)}/${c.name}: ConfigMap ${src.configMapRef.name}`);
          }
        }
        for (const e of c.env ?? []) {
          const ref = e.valueFrom?.secretKeyRef;
          // Production keeps its API tokens out of git: that Secret is created by hand (README).
          if (ref && ref.name !== "sluice-enqueuer-tokens" && !named(objs, "Secret", ref.name)) {
            missing.push(`${id(w)}/${c.name}: Secret ${ref.name}`);
          }
        }
      }
    }
    for (const so of kinds(render(dir), "ScaledObject")) {
      if (!named(objs, "Deployment", so.spec.scaleTargetRef.name)) missing.push(`${id(so)}: target ${so.spec.scaleTargetRef.name}`);
      for (const t of so.spec.triggers) {
        if (t.authenticationRef && !named(objs, "TriggerAuthentication", t.authenticationRef.name)) {
          missing.push(`${id(so)}: TriggerAuthentication ${t.authenticationRef.name}`);
        }
      }
    }
    assert.deepEqual(missing, []);
  });
}

test("the schema checks catch what they claim to (a misspelt field, a wrong type)", async () => {
  const d = structuredClone(named(render("k8s/overlays/cpu"), "Deployment", "sluice-worker"));
  d.spec.template.spec.containers[0].securityContext.readOnlyRootFileSystem = true;
  assert.match(unknownFields(d).join("\n"), /readOnlyRootFileSystem is not a field of SecurityContext/);
  d.spec.template.spec.containers[0].ports[0].containerPort = "8081";
  assert.match((await schemaErrors(d)).join("\n"), /containerPort must be integer/);
  const so = structuredClone(kinds(render("k8s/overlays/cpu"), "ScaledObject")[0]);
  so.spec.advanced.horizontalPodAutoscalerConfig.behavior.scaleDown.stabilisationWindowSeconds = 60;
  assert.match(unknownFields(so).join("\n"), /stabilisationWindowSeconds is not a field/);
});

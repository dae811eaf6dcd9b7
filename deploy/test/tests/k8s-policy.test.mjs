// The promises the manifests make, checked on what kustomize renders for every overlay:
// hardened pods, probes on the app's endpoints, a drain that fits in the grace period, resources,
// pinned images, IRSA annotations, network policies, and KEDA wired to the worker's own queues.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  overlayNames, render, kinds, named, id, workloads, containersOf, selects, environment,
} from "../lib/kustomize.mjs";
import { durationSeconds, quantity } from "../lib/repo.mjs";

const overlays = overlayNames();
const DRAIN_MARGIN_SECONDS = 30;
const ARN_ROLE = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@-]+$/;

const isWorker = (w) => w.spec.template.metadata.labels?.["app.kubernetes.io/component"] === "worker";
const isEnqueuer = (w) => w.spec.template.metadata.labels?.["app.kubernetes.io/component"] === "enqueuer";
const mainContainer = (w) => w.spec.template.spec.containers[0];
const envOf = (dir, w) => {
  const objs = render(dir);
  return environment(mainContainer(w), objs).vars;
};

for (const o of overlays) {
  const dir = `k8s/overlays/${o}`;
  const deployments = () => kinds(render(dir), "Deployment");

  test(`${o}: pods run as a fixed non-root user with RuntimeDefault seccomp and no service-account token`, () => {
    for (const w of workloads(render(dir))) {
      const pod = w.spec.template.spec;
      assert.equal(pod.securityContext?.runAsNonRoot, true, `${id(w)} runAsNonRoot`);
      assert.ok(Number.isInteger(pod.securityContext?.runAsUser) && pod.securityContext.runAsUser > 0, `${id(w)} runAsUser`);
      assert.equal(pod.securityContext?.seccompProfile?.type, "RuntimeDefault", `${id(w)} seccomp`);
      assert.equal(pod.automountServiceAccountToken, false, `${id(w)} mounts a Kubernetes API token it never uses`);
      assert.notEqual(pod.hostNetwork, true);
      assert.notEqual(pod.hostPID, true);
    }
  });

  test(`${o}: every container drops all capabilities, cannot escalate and has a read-only root`, () => {
    for (const w of workloads(render(dir))) {
      for (const c of containersOf(w.spec.template.spec)) {
        const sc = c.securityContext ?? {};
        const where = `${id(w)}/${c.name}`;
        assert.equal(sc.allowPrivilegeEscalation, false, `${where} allowPrivilegeEscalation`);
        assert.equal(sc.readOnlyRootFilesystem, true, `${where} readOnlyRootFilesystem`);
        assert.ok(sc.capabilities?.drop?.includes("ALL"), `${where} capabilities.drop ALL`);
        assert.equal(sc.capabilities?.add, undefined, `${where} adds capabilities`);
        assert.notEqual(sc.privileged, true, `${where} privileged`);
      }
    }
  });

  test(`${o}: every container sets cpu/memory requests and a memory limit, requests within limits`, () => {
    for (const w of workloads(render(dir))) {
      for (const c of containersOf(w.spec.template.spec)) {
        const where = `${id(w)}/${c.name}`;
        const { requests = {}, limits = {} } = c.resources ?? {};
        for (const r of ["cpu", "memory"]) assert.ok(requests[r], `${where} requests.${r}`);
        assert.ok(limits.memory, `${where} limits.memory`);
        for (const [r, v] of Object.entries(requests)) {
          if (limits[r] !== undefined) assert.ok(quantity(v) <= quantity(limits[r]), `${where} ${r} request above limit`);
        }
      }
    }
  });

  test(`${o}: writable space is emptyDir with a size limit that fits the ephemeral-storage limits`, () => {
    for (const w of workloads(render(dir))) {
      const pod = w.spec.template.spec;
      const emptyDirs = (pod.volumes ?? []).filter((v) => v.emptyDir);
      for (const v of emptyDirs) assert.ok(v.emptyDir.sizeLimit, `${id(w)} emptyDir ${v.name} has no sizeLimit`);
      const sum = emptyDirs.reduce((n, v) => n + quantity(v.emptyDir.sizeLimit), 0);
      const limit = pod.containers.reduce((n, c) => n + quantity(c.resources?.limits?.["ephemeral-storage"] ?? "0"), 0);
      assert.ok(limit > 0, `${id(w)} sets no ephemeral-storage limit`);
      assert.ok(sum <= limit, `${id(w)}: emptyDir size limits (${sum}) exceed the ephemeral-storage limits (${limit})`);
      const mounts = mainContainer(w).volumeMounts.map((m) => m.mountPath);
      assert.ok(mounts.includes("/tmp"), `${id(w)} has no writable /tmp`);
    }
  });

  test(`${o}: images are pinned to a version tag or digest, never latest`, () => {
    for (const w of workloads(render(dir))) {
      for (const c of containersOf(w.spec.template.spec)) {
        const image = c.image;
        assert.ok(image, `${id(w)}/${c.name} has no image`);
        const pinned = /@sha256:[0-9a-f]{64}$/.test(image) || /:(?!latest$)[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/.test(image.split("/").pop());
        assert.ok(pinned, `${id(w)}/${c.name}: image '${image}' is not pinned`);
        assert.doesNotMatch(image, /:latest(@|$)/);
      }
    }
  });

  test(`${o}: ServiceAccounts carry an IRSA role ARN, and every pod uses one of them`, () => {
    const objs = o === "gpu" ? [...render(dir), ...render("k8s/overlays/cpu")] : render(dir);
    for (const sa of kinds(render(dir), "ServiceAccount")) {
      assert.match(sa.metadata.annotations?.["eks.amazonaws.com/role-arn"] ?? "", ARN_ROLE, `${id(sa)} role-arn annotation`);
      assert.equal(sa.automountServiceAccountToken, false, `${id(sa)} automountServiceAccountToken`);
    }
    for (const w of workloads(render(dir))) {
      const sa = named(objs, "ServiceAccount", w.spec.template.spec.serviceAccountName);
      assert.ok(sa, `${id(w)} runs as the default ServiceAccount`);
    }
  });

  test(`${o}: probes hit the app's endpoints on declared ports`, () => {
    for (const w of deployments()) {
      const c = mainContainer(w);
      const ports = Object.fromEntries((c.ports ?? []).map((p) => [p.name, p.containerPort]));
      const probe = (p) => ({ path: p?.httpGet?.path, port: ports[p?.httpGet?.port] ?? p?.httpGet?.port });
      if (isWorker(w)) {
        assert.deepEqual(probe(c.livenessProbe), { path: "/livez", port: 8081 }, `${id(w)} liveness`);
        assert.deepEqual(probe(c.readinessProbe), { path: "/readyz", port: 8081 }, `${id(w)} readiness`);
        assert.deepEqual(probe(c.startupProbe), { path: "/livez", port: 8081 }, `${id(w)} startup`);
        assert.equal(ports.metrics, 9464, `${id(w)} metrics port`);
        assert.equal(envOf(dir, w).get("SLUICE_HEALTH_PORT"), "8081");
      } else if (isEnqueuer(w)) {
        assert.deepEqual(probe(c.livenessProbe), { path: "/healthz", port: 8080 }, `${id(w)} liveness`);
        assert.deepEqual(probe(c.readinessProbe), { path: "/readyz", port: 8080 }, `${id(w)} readiness`);
        assert.equal(envOf(dir, w).get("SLUICE_HTTP_PORT"), "8080");
      } else {
        assert.fail(`${id(w)} is neither a worker nor the enqueuer`);
      }
    }
  });

  test(`${o}: workers drain through preStop /drain within a grace period >= drain timeout + ${DRAIN_MARGIN_SECONDS}s`, () => {
    const workers = deployments().filter(isWorker);
    assert.ok(workers.length > 0, "no worker Deployment");
    for (const w of workers) {
      const c = mainContainer(w);
      const pre = c.lifecycle?.preStop?.httpGet;
      const port = (c.ports ?? []).find((p) => p.name === pre?.port)?.containerPort ?? pre?.port;
      assert.equal(pre?.path, "/drain", `${id(w)} preStop path`);
      assert.equal(port, 8081, `${id(w)} preStop port`);
      const drain = envOf(dir, w).get("SLUICE_DRAIN_TIMEOUT");
      assert.ok(drain, `${id(w)} sets no SLUICE_DRAIN_TIMEOUT (the app default would be 60s)`);
      const grace = w.spec.template.spec.terminationGracePeriodSeconds;
      assert.ok(grace >= durationSeconds(drain) + DRAIN_MARGIN_SECONDS,
        `${id(w)}: grace ${grace}s < drain ${drain} + ${DRAIN_MARGIN_SECONDS}s`);
    }
  });

  test(`${o}: environment references resolve and the worker is configured for its queues`, () => {
    for (const w of deployments()) {
      const { vars, problems } = environment(mainContainer(w), render(dir));
      assert.deepEqual(problems, [], id(w));
      assert.equal(vars.get("SLUICE_POLICY_FILE"), "/etc/sluice/policy/rules.yaml");
      assert.match(vars.get("AWS_REGION") ?? "", /^[a-z]{2}(-[a-z]+)+-\d$/, `${id(w)} AWS_REGION`);
      if (isWorker(w)) {
        const queues = vars.get("SLUICE_QUEUES").split(",");
        assert.equal(queues.length, 3, `${id(w)} polls ${queues.length} queues`);
        for (const q of queues) assert.match(q, /^https:\/\/sqs\.[a-z0-9-]+\.amazonaws\.com\/\d{12}\/[\w-]+$/);
        assert.equal(vars.get("SLUICE_WORK_DIR"), "/var/sluice/work");
        assert.equal(vars.get("SLUICE_MAX_ATTEMPTS"), "5");
        assert.equal(durationSeconds(vars.get("SLUICE_VISIBILITY_TIMEOUT")), 60);
        const cls = vars.get("SLUICE_RESOURCE_CLASS");
        assert.ok(queues.every((q) => q.includes(`-${cls}-`)), `${id(w)}: ${cls} worker polls ${queues}`);
      } else {
        const routes = vars.get("SLUICE_ENQUEUE_QUEUES");
        assert.match(routes, /^high=https:\/\/\S+,normal=https:\/\/\S+,low=https:\/\/\S+$/);
        assert.ok(vars.get("SLUICE_API_TOKENS")?.valueFrom?.secretKeyRef, "API tokens must come from a Secret");
        assert.ok(vars.get("SLUICE_DEDUP_BUCKET"), "SLUICE_DEDUP_BUCKET");
      }
    }
  });

  test(`${o}: the policy rules are a directory mount of a ConfigMap that keeps its name (hot reload)`, () => {
    const objs = o === "gpu" ? [...render(dir), ...render("k8s/overlays/cpu")] : render(dir);
    for (const w of deployments()) {
      const pod = w.spec.template.spec;
      const vol = pod.volumes.find((v) => v.configMap?.name === "sluice-policy");
      assert.ok(vol, `${id(w)} does not mount the sluice-policy ConfigMap`);
      const mount = mainContainer(w).volumeMounts.find((m) => m.name === vol.name);
      assert.equal(mount.mountPath, "/etc/sluice/policy");
      assert.equal(mount.subPath, undefined, "a subPath mount never sees ConfigMap updates");
      assert.equal(mount.readOnly, true);
      assert.ok(named(objs, "ConfigMap", "sluice-policy")?.data?.["rules.yaml"], "sluice-policy has no rules.yaml");
    }
  });

  test(`${o}: KEDA scales each worker pool on exactly the queues it polls, without killing busy pods`, () => {
    const objs = render(dir);
    const workers = deployments().filter(isWorker);
    for (const w of workers) {
      assert.equal(w.spec.replicas, undefined, `${id(w)} sets replicas, which every apply would reset under the HPA`);
      const so = kinds(objs, "ScaledObject").find((s) => s.spec.scaleTargetRef.name === w.metadata.name);
      assert.ok(so, `${id(w)} has no ScaledObject`);
      const env = envOf(dir, w);
      const urls = so.spec.triggers.map((t) => t.metadata.queueURL);
      assert.deepEqual(urls, env.get("SLUICE_QUEUES").split(","), `${id(so)} watches other queues than the worker polls`);
      for (const t of so.spec.triggers) {
        assert.equal(t.type, "aws-sqs-queue");
        assert.equal(t.metadata.awsRegion, env.get("AWS_REGION"));
        assert.equal(t.metadata.scaleOnInFlight, "true", "in-flight jobs must count, or busy pods look idle");
        assert.ok(Number(t.metadata.queueLength) >= 1);
        assert.ok(t.metadata.activationQueueLength !== undefined);
        assert.ok(t.name && t.authenticationRef?.name);
      }
      const formula = so.spec.advanced?.scalingModifiers?.formula ?? "";
      for (const t of so.spec.triggers) assert.match(formula, new RegExp(`\\b${t.name}\\b`), "every queue counts in the formula");
      assert.equal(so.spec.advanced.scalingModifiers.target, env.get("SLUICE_LOOPS"), "one pod per SLUICE_LOOPS jobs");
      const down = so.spec.advanced?.horizontalPodAutoscalerConfig?.behavior?.scaleDown;
      assert.ok(down?.stabilizationWindowSeconds >= 300, `${id(so)} scale-down stabilisation`);
      assert.ok(down.policies.every((p) => p.type === "Pods" && p.value === 1), `${id(so)} removes more than one pod at a time`);
      assert.ok(so.spec.maxReplicaCount >= Math.max(1, so.spec.minReplicaCount ?? 0));
      const gpu = env.get("SLUICE_RESOURCE_CLASS") === "gpu";
      if (gpu) assert.equal(so.spec.minReplicaCount, 0, "the gpu pool may scale to zero");
    }
  });

  test(`${o}: a PodDisruptionBudget covers each Deployment and still lets a node drain`, () => {
    const objs = render(dir);
    for (const w of deployments()) {
      const labels = w.spec.template.metadata.labels;
      const pdbs = kinds(objs, "PodDisruptionBudget").filter((p) => selects(p.spec.selector, labels));
      assert.equal(pdbs.length, 1, `${id(w)} is covered by ${pdbs.length} budgets`);
      const pdb = pdbs[0];
      if (pdb.spec.minAvailable !== undefined) {
        assert.ok(w.spec.replicas > pdb.spec.minAvailable, `${id(pdb)} minAvailable blocks every eviction of ${id(w)}`);
      } else {
        assert.ok(pdb.spec.maxUnavailable >= 1, `${id(pdb)} maxUnavailable`);
      }
    }
  });

  test(`${o}: selectors match their own pods and never another Deployment's`, () => {
    const all = [...render(dir), ...(o === "gpu" ? render("k8s/overlays/cpu") : [])];
    const deps = kinds(all, "Deployment");
    for (const w of deps) {
      assert.ok(selects(w.spec.selector, w.spec.template.metadata.labels), `${id(w)} selector`);
      for (const other of deps) {
        if (other !== w) assert.ok(!selects(w.spec.selector, other.spec.template.metadata.labels), `${id(w)} selects ${id(other)}'s pods`);
      }
    }
  });

  test(`${o}: secrets stay out of git except the dev overlay's throwaway token`, () => {
    const secrets = kinds(render(dir), "Secret");
    if (o === "dev") assert.deepEqual(secrets.map((s) => s.metadata.name.replace(/-[a-z0-9]{10}$/, "")), ["sluice-enqueuer-tokens"]);
    else assert.deepEqual(secrets, []);
  });
}

test("network policies: default deny, and egress only to DNS, HTTPS (AWS) and the collector", () => {
  for (const dir of ["k8s/overlays/cpu", "k8s/overlays/dev"]) {
    const nps = kinds(render(dir), "NetworkPolicy");
    const deny = nps.find((n) => Object.keys(n.spec.podSelector).length === 0);
    assert.ok(deny, `${dir}: no default-deny policy`);
    assert.deepEqual([...deny.spec.policyTypes].sort(), ["Egress", "Ingress"]);
    assert.equal(deny.spec.ingress, undefined);
    assert.equal(deny.spec.egress, undefined);
    const ports = nps.flatMap((n) => (n.spec.egress ?? []).flatMap((r) => (r.ports ?? []).map((p) => `${p.protocol}/${p.port}`)));
    assert.deepEqual([...new Set(ports)].sort(), ["TCP/4317", "TCP/4318", "TCP/443", "TCP/53", "UDP/53"]);
    for (const n of nps) for (const r of n.spec.egress ?? []) assert.ok(r.ports?.length, `${id(n)} allows egress on every port`);
  }
});

test("network policies of the cpu install also govern the gpu pool's pods", () => {
  const nps = kinds(render("k8s/overlays/cpu"), "NetworkPolicy");
  for (const w of kinds(render("k8s/overlays/gpu"), "Deployment")) {
    const labels = w.spec.template.metadata.labels;
    const types = nps.filter((n) => selects(n.spec.podSelector, labels)).flatMap((n) => n.spec.policyTypes);
    assert.ok(types.includes("Egress") && types.includes("Ingress"), `${id(w)} escapes the network policies`);
  }
});

test("the namespace enforces the restricted Pod Security Standard", () => {
  for (const dir of ["k8s/overlays/cpu", "k8s/overlays/dev"]) {
    const ns = kinds(render(dir), "Namespace");
    assert.equal(ns.length, 1);
    assert.equal(ns[0].metadata.labels["pod-security.kubernetes.io/enforce"], "restricted");
    for (const o of render(dir)) if (o.kind !== "Namespace") assert.equal(o.metadata.namespace, ns[0].metadata.name, id(o));
  }
});

test("KEDA authenticates with its own read-only role (provider aws, roleArn)", () => {
  for (const dir of ["k8s/overlays/cpu", "k8s/overlays/dev"]) {
    const [ta] = kinds(render(dir), "TriggerAuthentication");
    assert.equal(ta.spec.podIdentity.provider, "aws");
    assert.match(ta.spec.podIdentity.roleArn, ARN_ROLE);
    assert.equal(ta.spec.podIdentity.identityOwner, undefined, "roleArn and identityOwner exclude each other");
    const roles = kinds(render(dir), "ServiceAccount").map((s) => s.metadata.annotations["eks.amazonaws.com/role-arn"]);
    assert.ok(!roles.includes(ta.spec.podIdentity.roleArn), "KEDA must not assume a workload's role");
  }
});

test("gpu pool: one GPU per pod on GPU nodes, gpu class and its own role", () => {
  const [w] = kinds(render("k8s/overlays/gpu"), "Deployment");
  const c = mainContainer(w);
  assert.equal(c.resources.limits["nvidia.com/gpu"], "1");
  assert.ok(w.spec.template.spec.nodeSelector && Object.keys(w.spec.template.spec.nodeSelector).length > 0);
  assert.ok(w.spec.template.spec.tolerations.some((t) => t.key === "nvidia.com/gpu"));
  const env = envOf("k8s/overlays/gpu", w);
  assert.equal(env.get("SLUICE_RESOURCE_CLASS"), "gpu");
  assert.match(env.get("NVIDIA_DRIVER_CAPABILITIES"), /\bvideo\b/, "NVENC needs the video driver capability");
  assert.equal(w.metadata.labels["sluice.dev/resource-class"], "gpu");
  const [sa] = kinds(render("k8s/overlays/gpu"), "ServiceAccount");
  const cpuSa = named(render("k8s/overlays/cpu"), "ServiceAccount", "sluice-worker");
  assert.notEqual(sa.metadata.annotations["eks.amazonaws.com/role-arn"], cpuSa.metadata.annotations["eks.amazonaws.com/role-arn"]);
  assert.equal(sa.metadata.name, "sluice-worker-gpu", "must match infra/terraform's worker_service_accounts default");
});

test("cpu pool: no GPU asked for, cpu class", () => {
  for (const dir of ["k8s/overlays/cpu", "k8s/overlays/dev"]) {
    const w = named(render(dir), "Deployment", "sluice-worker");
    assert.equal(mainContainer(w).resources.limits["nvidia.com/gpu"], undefined);
    assert.equal(envOf(dir, w).get("SLUICE_RESOURCE_CLASS"), "cpu");
  }
});

test("the policy checks fail on a broken manifest (grace period below the drain timeout)", () => {
  const w = structuredClone(named(render("k8s/overlays/cpu"), "Deployment", "sluice-worker"));
  w.spec.template.spec.terminationGracePeriodSeconds = 60;
  const drain = durationSeconds(environment(mainContainer(w), render("k8s/overlays/cpu")).vars.get("SLUICE_DRAIN_TIMEOUT"));
  assert.ok(!(w.spec.template.spec.terminationGracePeriodSeconds >= drain + DRAIN_MARGIN_SECONDS));
});

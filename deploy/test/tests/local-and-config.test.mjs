// deploy/local (compose + LocalStack init hook), the OpenTelemetry Collector config and every
// policy rules file shipped with the deployment.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import YAML from "yaml";
import { read, repoPath, filesUnder, durationSeconds } from "../lib/repo.mjs";
import { render, kinds } from "../lib/kustomize.mjs";

const compose = YAML.parse(read("deploy/local/compose.yaml"), { merge: true });
const services = compose.services;

test("compose: every image is pinned; LocalStack is the last version that needs no account", () => {
  for (const [name, s] of Object.entries(services)) {
    assert.ok(s.image, `${name} has no image`);
    if (s.build) continue;
    assert.match(s.image, /:[^:]*\d+\.\d+(\.\d+)?$/, `${name}: ${s.image} is not pinned`);
    assert.doesNotMatch(s.image, /:latest$/);
  }
  assert.equal(services.localstack.image, "localstack/localstack:4.14.0");
  assert.equal(services.localstack.environment.SERVICES, "sqs,s3");
});

test("compose: worker and enqueuer run the image built from deploy/Dockerfile, hardened", () => {
  for (const [name, main] of [["worker", "dev.sluice.worker.wiring.WorkerMain"], ["enqueuer", "dev.sluice.enqueuer.wiring.EnqueuerMain"]]) {
    const s = services[name];
    assert.deepEqual(s.build, { context: "../..", dockerfile: "deploy/Dockerfile" }, name);
    assert.ok(fs.existsSync(repoPath("deploy/local", s.build.context, s.build.dockerfile)));
    assert.deepEqual(s.command, [main]);
    assert.deepEqual(s.cap_drop, ["ALL"]);
    assert.ok(s.security_opt.includes("no-new-privileges:true"));
    assert.equal(s.depends_on.localstack.condition, "service_healthy");
    assert.ok(s.volumes.includes("./policy:/etc/sluice/policy:ro"), `${name} must mount the policy folder, not the file`);
    assert.equal(s.environment.SLUICE_POLICY_FILE, "/etc/sluice/policy/rules.yaml");
    assert.equal(s.environment.AWS_ENDPOINT_URL, "http://localstack:4566");
    for (const p of s.ports ?? []) assert.match(p, /^127\.0\.0\.1:/, `${name} publishes ${p} beyond localhost`);
  }
  const drain = durationSeconds(services.worker.environment.SLUICE_DRAIN_TIMEOUT);
  assert.ok(durationSeconds(services.worker.stop_grace_period) >= drain + 10, "stop_grace_period must cover the drain");
});

/** Runs the LocalStack init hook with a stub awslocal that records every call. */
function runInitHook() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sluice-init-"));
  const log = path.join(dir, "calls.log");
  // Each call: its arguments separated by NUL, a file:// argument replaced by the file's content,
  // then a record separator.
  fs.writeFileSync(path.join(dir, "awslocal"), `#!/usr/bin/env bash
for a in "$@"; do
  if [[ $a == file://* ]]; then printf 'file:%s\\0' "$(cat "\${a#file://}")"; else printf '%s\\0' "$a"; fi
done >> ${JSON.stringify(log)}
printf '\\036' >> ${JSON.stringify(log)}
`, { mode: 0o755 });
  const marker = path.join(dir, "done");
  execFileSync("bash", [repoPath("deploy/local/localstack-init/10-sluice.sh")], {
    env: { ...process.env, PATH: `${dir}:${process.env.PATH}`, SLUICE_INIT_MARKER: marker },
    stdio: ["ignore", "pipe", "pipe"],
  });
  assert.ok(fs.existsSync(marker), "the hook did not write its readiness marker");
  const calls = fs.readFileSync(log, "utf8").split("\x1e").filter(Boolean).map((r) => r.split("\0").slice(0, -1));
  fs.rmSync(dir, { recursive: true, force: true });
  return calls;
}

test("the LocalStack hook makes each queue with its DLQ, redrive 6 > 5 attempts, visibility 60s, and the buckets", () => {
  const calls = runInitHook();
  const arg = (c, flag) => c[c.indexOf(flag) + 1];
  const creates = calls.filter((c) => c.includes("create-queue"));
  const names = creates.map((c) => arg(c, "--queue-name"));
  assert.equal(names.length, 12);
  for (const c of creates.filter((c) => !arg(c, "--queue-name").endsWith("-dlq"))) {
    const name = arg(c, "--queue-name");
    const attrs = JSON.parse(arg(c, "--attributes").replace(/^file:/, ""));
    const redrive = JSON.parse(attrs.RedrivePolicy);
    assert.equal(redrive.deadLetterTargetArn, `arn:aws:sqs:us-east-1:000000000000:${name}-dlq`);
    assert.ok(names.includes(`${name}-dlq`), `${name}'s DLQ is made`);
    assert.ok(names.indexOf(`${name}-dlq`) < names.indexOf(name), "the DLQ must exist before its source queue");
    assert.ok(Number(redrive.maxReceiveCount) > Number(services.worker.environment.SLUICE_MAX_ATTEMPTS));
    assert.equal(Number(attrs.VisibilityTimeout), durationSeconds(services.worker.environment.SLUICE_VISIBILITY_TIMEOUT));
    assert.equal(attrs.ReceiveMessageWaitTimeSeconds, "20");
  }
  const buckets = calls.filter((c) => c.includes("create-bucket")).map((c) => arg(c, "--bucket"));
  assert.deepEqual(buckets.sort(), ["sluice-dedup", "sluice-renditions", "sluice-sources"]);
  // Everything compose points at exists.
  const urls = [...services.worker.environment.SLUICE_QUEUES.split(","),
    ...services.enqueuer.environment.SLUICE_ENQUEUE_QUEUES.split(",").map((p) => p.split("=")[1])];
  for (const u of urls) assert.ok(names.includes(u.split("/").pop()), `${u} is not created`);
  assert.ok(buckets.includes(services.enqueuer.environment.SLUICE_DEDUP_BUCKET));
});

test("the collector takes OTLP on the ports the workloads use; traces go out over OTLP, metrics to Prometheus", () => {
  const cfg = YAML.parse(read("deploy/otel-collector.yaml"));
  const { grpc, http } = cfg.receivers.otlp.protocols;
  assert.equal(grpc.endpoint, "0.0.0.0:4317");
  assert.equal(http.endpoint, "0.0.0.0:4318");
  const p = cfg.service.pipelines;
  assert.deepEqual(p.traces.receivers, ["otlp"]);
  assert.deepEqual(p.traces.exporters, ["otlp/traces"]);
  assert.deepEqual(p.metrics.exporters, ["prometheus"]);
  for (const pipe of Object.values(p)) {
    assert.equal(pipe.processors[0], "memory_limiter", "memory_limiter must come first");
    assert.equal(pipe.processors.at(-1), "batch");
    for (const name of [...pipe.receivers, ...pipe.processors, ...pipe.exporters]) {
      const section = cfg.receivers[name] ?? cfg.processors[name] ?? cfg.exporters[name];
      assert.ok(section, `${name} is used but not configured`);
    }
  }
  assert.match(cfg.exporters["otlp/traces"].endpoint, /\$\{env:TRACES_OTLP_ENDPOINT\}/);
  for (const dir of ["k8s/overlays/cpu", "k8s/overlays/gpu"]) {
    for (const d of kinds(render(dir), "Deployment")) {
      const endpoint = d.spec.template.spec.containers[0].env.find((e) => e.name === "OTEL_EXPORTER_OTLP_ENDPOINT").value;
      assert.match(endpoint, /:4318$/, "http/protobuf goes to the collector's 4318");
    }
  }
});

// ------------------------------------------------------------------------------------ rules

const exampleRules = YAML.parse(read("policy/examples/rules.yaml"));
const catalogue = JSON.parse(read("job-contract/src/main/resources/dev/sluice/contract/preset/catalogue-v1.json"));
const presetNames = new Set(catalogue.presets.map((p) => p.name));
const shape = (o) => Object.fromEntries(Object.keys(o).sort().map((k) => [k, o[k] && typeof o[k] === "object" && !Array.isArray(o[k]) && k !== "variants" ? shape(o[k]) : typeof o[k]]));

const rulesFiles = [...filesUnder("k8s", (n) => n === "rules.yaml"), ...filesUnder("deploy/local", (n) => n === "rules.yaml")].sort();

test("deployment rules files exist for base, dev and deploy/local", () => {
  assert.deepEqual(rulesFiles, ["deploy/local/policy/rules.yaml", "k8s/base/common/policy/rules.yaml", "k8s/overlays/dev/rules.yaml"]);
});

for (const file of rulesFiles) {
  test(`${file} has the keys of policy/examples/rules.yaml and names only catalogue presets`, () => {
    const rules = YAML.parse(read(file));
    assert.deepEqual(shape(rules), shape(exampleRules));
    assert.equal(rules.version, 1);
    assert.ok(Array.isArray(rules.variants["*"]), 'the "*" variant entry is required');
    for (const [tenant, variants] of Object.entries(rules.variants)) {
      for (const v of variants) assert.ok(presetNames.has(v), `${file}: ${tenant} may ask for ${v}, which is not a preset`);
    }
    for (const uri of [...rules.allow.sources, ...rules.allow.targets, ...rules.deny.sourcePrefixes]) {
      assert.match(uri, /^s3:\/\/[a-z0-9][a-z0-9.-]+[a-z0-9](\/.*)?$/, `${file}: ${uri}`);
    }
    assert.ok(Number.isInteger(rules.maxSourceBytes) && rules.maxSourceBytes > 0);
  });
}

test("the rules grant at least one gpu preset, or the gpu pool would never get work", () => {
  const gpuPresets = catalogue.presets.filter((p) => p.resourceClass === "gpu").map((p) => p.name);
  const granted = Object.values(YAML.parse(read("k8s/base/common/policy/rules.yaml")).variants).flat();
  assert.ok(gpuPresets.some((p) => granted.includes(p)), "no gpu preset is granted: the gpu pool would idle");
});

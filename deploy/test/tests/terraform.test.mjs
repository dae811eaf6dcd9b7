// infra/terraform, read with @cdktf/hcl2json (no terraform binary here): every queue has a DLQ,
// SSE and a TLS-only policy; every bucket is private, encrypted and TLS-only; IAM grants exactly
// the actions each process uses; every DLQ has an alarm; variables are documented and validated;
// and the numbers agree with the workers' settings in k8s/.
import { test } from "node:test";
import assert from "node:assert/strict";
import { loadConfig, allTfDirs, statements, asList, unwrap, expressionText } from "../lib/terraform.mjs";
import { render, named, environment } from "../lib/kustomize.mjs";
import { durationSeconds, read } from "../lib/repo.mjs";

const MODULE = "infra/terraform/modules/sluice";
const EXAMPLE = "infra/terraform/examples/complete";
const mod = () => loadConfig(MODULE);

const workerEnv = () => {
  const objs = render("k8s/overlays/cpu");
  return environment(named(objs, "Deployment", "sluice-worker").spec.template.spec.containers[0], objs).vars;
};

test("every .tf file under infra/terraform parses", async () => {
  const dirs = allTfDirs();
  for (const d of [EXAMPLE, MODULE]) assert.ok(dirs.includes(d), `${d} has no .tf files`);
  for (const d of dirs) assert.ok((await loadConfig(d)).files.length >= 1, d);
});

test("providers are pinned: hashicorp/aws 6.x, Terraform >= 1.9 (cross-variable validation)", async () => {
  for (const [dir, pattern] of [[MODULE, /^>= 6\.0, < 7\.0$/], [EXAMPLE, /^~> 6\.\d+$/]]) {
    const tf = (await loadConfig(dir)).terraform[0];
    const aws = tf.required_providers[0].aws;
    assert.equal(aws.source, "hashicorp/aws");
    assert.match(aws.version, pattern, dir);
    assert.match(tf.required_version, /^>= 1\.(9|[1-9]\d)/, dir);
  }
});

test("every queue is encrypted at rest (SQS-managed SSE unless a KMS key is given)", async () => {
  const queues = Object.entries((await mod()).resource.aws_sqs_queue);
  assert.deepEqual(queues.map(([n]) => n).sort(), ["dead_letter", "work"]);
  for (const [name, q] of queues) {
    assert.equal(unwrap(q.sqs_managed_sse_enabled), "local.use_kms ? null : true", `${name} SSE`);
    assert.equal(unwrap(q.kms_master_key_id), "var.kms_key_arn", `${name} KMS`);
    assert.equal(unwrap(q.for_each), "local.queues", name);
  }
});

test("every work queue has a redrive policy to its own DLQ with maxReceiveCount from max_receive_count", async () => {
  const { aws_sqs_queue: q, aws_sqs_queue_redrive_allow_policy: allow } = (await mod()).resource;
  const redrive = unwrap(q.work.redrive_policy);
  assert.match(redrive, /deadLetterTargetArn\s*=\s*aws_sqs_queue\.dead_letter\[each\.key\]\.arn/);
  assert.match(redrive, /maxReceiveCount\s*=\s*var\.max_receive_count/);
  assert.equal(q.dead_letter.redrive_policy, undefined, "a DLQ must not redrive further");
  assert.equal(unwrap(allow.dead_letter.for_each), "local.queues");
  assert.match(allow.dead_letter.redrive_allow_policy, /byQueue[\s\S]*aws_sqs_queue\.work\[each\.key\]\.arn/);
  assert.equal(unwrap(q.work.visibility_timeout_seconds), "var.visibility_timeout_seconds");
  assert.equal(unwrap(q.work.receive_wait_time_seconds), "var.receive_wait_time_seconds");
});

test("maxReceiveCount exceeds the workers' max attempts, and the queues match the workers' settings", async () => {
  const v = (await mod()).variable;
  assert.ok(v.max_receive_count.default > v.worker_max_attempts.default);
  assert.match(v.max_receive_count.validation[0].condition, /var\.max_receive_count > var\.worker_max_attempts/);
  const env = workerEnv();
  assert.equal(Number(env.get("SLUICE_MAX_ATTEMPTS")), v.worker_max_attempts.default);
  assert.ok(v.max_receive_count.default > Number(env.get("SLUICE_MAX_ATTEMPTS")));
  assert.equal(durationSeconds(env.get("SLUICE_VISIBILITY_TIMEOUT")), v.visibility_timeout_seconds.default);
  assert.equal(v.receive_wait_time_seconds.default, 20);
  assert.ok(v.dlq_message_retention_seconds.default > v.message_retention_seconds.default);
  const example = (await loadConfig(EXAMPLE)).module.sluice;
  assert.ok(example.max_receive_count > example.worker_max_attempts);
  assert.equal(example.worker_max_attempts, Number(env.get("SLUICE_MAX_ATTEMPTS")));
  assert.equal(example.visibility_timeout_seconds, durationSeconds(env.get("SLUICE_VISIBILITY_TIMEOUT")));
});

test("every queue (work and DLQ) has a policy that denies requests without TLS", async () => {
  const m = await mod();
  const policies = m.resource.aws_sqs_queue_policy;
  assert.deepEqual(Object.values(policies).map((p) => unwrap(p.for_each)).sort(), ["aws_sqs_queue.dead_letter", "aws_sqs_queue.work"]);
  for (const p of Object.values(policies)) assert.match(p.policy, /data\.aws_iam_policy_document\.queue_tls_only\[/);
  assertTlsDeny(statements(m.data.aws_iam_policy_document.queue_tls_only), "sqs:*");
});

function assertTlsDeny(stmts, action) {
  const deny = stmts.find((s) => s.effect === "Deny" && s.condition?.some((c) => c.variable === "aws:SecureTransport"));
  assert.ok(deny, "no Deny on aws:SecureTransport");
  assert.deepEqual(deny.actions, [action]);
  assert.deepEqual(deny.condition.find((c) => c.variable === "aws:SecureTransport").values, ["false"]);
  assert.deepEqual(deny.principals[0].identifiers, ["*"]);
}

test("every bucket blocks public access, is encrypted, owner-enforced and TLS-only", async () => {
  const m = await mod();
  assert.deepEqual(Object.keys(m.resource.aws_s3_bucket), ["this"]);
  assert.equal(unwrap(m.resource.aws_s3_bucket.this.for_each), "local.buckets");
  assert.deepEqual(Object.keys(m.locals.buckets).sort(), ["dedup", "renditions", "sources"]);
  for (const type of [
    "aws_s3_bucket_public_access_block",
    "aws_s3_bucket_server_side_encryption_configuration",
    "aws_s3_bucket_policy",
    "aws_s3_bucket_ownership_controls",
  ]) {
    const blocks = Object.values(m.resource[type] ?? {});
    assert.ok(blocks.some((b) => unwrap(b.for_each) === "aws_s3_bucket.this"), `${type} does not cover every bucket`);
  }
  const pab = m.resource.aws_s3_bucket_public_access_block.this;
  for (const k of ["block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets"]) assert.equal(pab[k], true, k);
  const sse = m.resource.aws_s3_bucket_server_side_encryption_configuration.this.rule[0].apply_server_side_encryption_by_default[0];
  assert.match(sse.sse_algorithm, /"aws:kms"[\s\S]*"AES256"/);
  assert.equal(m.resource.aws_s3_bucket_ownership_controls.this.rule[0].object_ownership, "BucketOwnerEnforced");
  assert.match(m.resource.aws_s3_bucket_policy.this.policy, /data\.aws_iam_policy_document\.bucket_tls_only\[each\.key\]/);
  const stmts = statements(m.data.aws_iam_policy_document.bucket_tls_only);
  assertTlsDeny(stmts, "s3:*");
  for (const s of stmts) assert.deepEqual(s.resources, ["${each.value.arn}", "${each.value.arn}/*"]);
});

test("outputs are versioned; every bucket aborts stale multipart uploads; temp and dedup prefixes expire", async () => {
  const m = await mod();
  const versioning = m.resource.aws_s3_bucket_versioning;
  assert.equal(versioning.renditions.bucket, '${aws_s3_bucket.this["renditions"].id}');
  assert.equal(versioning.renditions.versioning_configuration[0].status, "Enabled");
  const lifecycles = m.resource.aws_s3_bucket_lifecycle_configuration;
  for (const key of Object.keys(m.locals.buckets)) {
    const lc = Object.values(lifecycles).find((l) => l.bucket === `\${aws_s3_bucket.this["${key}"].id}`);
    assert.ok(lc, `bucket ${key} has no lifecycle configuration`);
    const abort = lc.rule.find((r) => r.abort_incomplete_multipart_upload);
    assert.equal(unwrap(abort?.abort_incomplete_multipart_upload[0].days_after_initiation), "var.abort_incomplete_multipart_days", key);
    for (const r of lc.rule) assert.ok(r.filter, `${key}: rule ${r.id} has no filter (an error in newer providers)`);
  }
  const dedup = lifecycles.dedup.rule.find((r) => r.expiration);
  assert.equal(unwrap(dedup.filter[0].prefix), "var.dedup_prefix");
  const temp = lifecycles.renditions.dynamic.rule[0];
  assert.equal(unwrap(temp.for_each), "var.temp_prefixes");
  assert.ok(temp.content[0].expiration[0].days);
  assert.ok(lifecycles.renditions.rule.some((r) => r.noncurrent_version_expiration));
});

// ------------------------------------------------------------------------------------ IAM

const allowStatements = async (dir) => {
  const docs = (await loadConfig(dir)).data.aws_iam_policy_document ?? {};
  return Object.entries(docs).flatMap(([doc, d]) => statements(d).map((s) => ({ doc, ...s })));
};

test("no Allow statement has a wildcard action or a wildcard resource", async () => {
  for (const dir of [MODULE, EXAMPLE]) {
    for (const s of await allowStatements(dir)) {
      if (s.effect === "Deny") continue;
      for (const a of asList(s.actions)) assert.doesNotMatch(a, /\*/, `${s.doc}/${s.sid}: action ${a}`);
      for (const r of asList(s.resources)) {
        assert.notEqual(r, "*", `${s.doc}/${s.sid}: resource *`);
        // The only star allowed is the object-key suffix of a bucket ARN (prefix/*).
        if (r.includes("*")) assert.match(r, /\/(\$\{var\.\w+\})?\*$/, `${s.doc}/${s.sid}: resource ${r}`);
      }
      if (s.effect === undefined) assert.fail(`${s.doc}/${s.sid}: say effect = "Allow" explicitly`);
    }
  }
  const m = await mod();
  for (const [n, v] of Object.entries(m.locals)) {
    if (String(v).includes("*")) assert.match(String(v), /arn\}\/\$\{var\.\w+\}\*$/, `local.${n}`);
  }
});

const actionsBySid = async (doc) => {
  const d = (await mod()).data.aws_iam_policy_document[doc];
  return Object.fromEntries(statements(d).map((s) => [s.sid, [...asList(s.actions)].sort()]));
};

test("the worker role may do exactly what a worker does, on its own class's queues", async () => {
  assert.deepEqual(await actionsBySid("worker"), {
    ConsumeWorkQueues: ["sqs:ChangeMessageVisibility", "sqs:DeleteMessage", "sqs:GetQueueAttributes", "sqs:GetQueueUrl", "sqs:ReceiveMessage"],
    SendToDeadLetterQueues: ["sqs:GetQueueAttributes", "sqs:GetQueueUrl", "sqs:SendMessage"],
    ReadSources: ["s3:GetObject"],
    ListSources: ["s3:ListBucket"],
    PublishRenditions: ["s3:AbortMultipartUpload", "s3:GetObject", "s3:ListMultipartUploadParts", "s3:PutObject"],
    ListRenditions: ["s3:ListBucket"],
    UseEncryptionKey: ["kms:Decrypt", "kms:GenerateDataKey"],
  });
  const stmts = Object.fromEntries(statements((await mod()).data.aws_iam_policy_document.worker).map((s) => [s.sid, s]));
  assert.match(stmts.ConsumeWorkQueues.resources, /aws_sqs_queue\.work : q\.arn if local\.queues\[k\]\.resource_class == each\.key/);
  assert.match(stmts.SendToDeadLetterQueues.resources, /aws_sqs_queue\.dead_letter : q\.arn if local\.queues\[k\]\.resource_class == each\.key/);
  assert.deepEqual(stmts.ReadSources.resources, ["${local.source_objects}"]);
  assert.deepEqual(stmts.PublishRenditions.resources, ["${local.rendition_objects}"]);
  assert.deepEqual(stmts.UseEncryptionKey.resources, ["${statement.value}"]);
});

test("the enqueuer role may send jobs, read sources and keep dedup markers, nothing else", async () => {
  assert.deepEqual(await actionsBySid("enqueuer"), {
    SendToWorkQueues: ["sqs:GetQueueAttributes", "sqs:GetQueueUrl", "sqs:SendMessage"],
    ReadSources: ["s3:GetObject"],
    ListSources: ["s3:ListBucket"],
    KeepDedupMarkers: ["s3:GetObject", "s3:PutObject"],
    ListDedupMarkers: ["s3:ListBucket"],
    UseEncryptionKey: ["kms:Decrypt", "kms:GenerateDataKey"],
  });
  assert.deepEqual(await actionsBySid("keda_scaler"), { ReadQueueDepth: ["sqs:GetQueueAttributes"] });
});

test("roles are assumable only by their ServiceAccount through the cluster's OIDC provider", async () => {
  const m = await mod();
  for (const doc of ["worker_trust", "enqueuer_trust", "keda_scaler_trust"]) {
    const [s] = statements(m.data.aws_iam_policy_document[doc]);
    assert.deepEqual(s.actions, ["sts:AssumeRoleWithWebIdentity"], doc);
    assert.deepEqual(s.principals, [{ type: "Federated", identifiers: ["${var.oidc_provider_arn}"] }], doc);
    const cond = Object.fromEntries(s.condition.map((c) => [c.variable, c]));
    assert.equal(cond["${local.oidc_host}:aud"].values[0], "sts.amazonaws.com", doc);
    assert.equal(cond["${local.oidc_host}:sub"].test, "StringEquals", doc);
    assert.match(cond["${local.oidc_host}:sub"].values[0], /^system:serviceaccount:/, doc);
  }
  for (const role of Object.values(m.resource.aws_iam_role)) assert.match(role.assume_role_policy, /_trust/);
  assert.equal(m.resource.aws_iam_role_policy_attachment, undefined, "no managed policies: they grant more than Sluice uses");
});

test("the ServiceAccount names the roles trust are the ones k8s/ renders", async () => {
  const v = (await mod()).variable;
  assert.equal(v.namespace.default, named(render("k8s/overlays/cpu"), "Namespace", "sluice").metadata.name);
  assert.ok(named(render("k8s/overlays/cpu"), "ServiceAccount", v.worker_service_accounts.default.cpu));
  assert.ok(named(render("k8s/overlays/gpu"), "ServiceAccount", v.worker_service_accounts.default.gpu));
  assert.ok(named(render("k8s/overlays/cpu"), "ServiceAccount", v.enqueuer_service_account.default));
  assert.equal(v.dedup_prefix.default, /SLUICE_DEDUP_PREFIX=(.*)/.exec(read("k8s/overlays/cpu/enqueuer.env"))[1]);
});

// ------------------------------------------------------------------------------------ alarms

test("every DLQ alarms when not empty; every work queue on message age and backlog", async () => {
  const alarms = Object.values((await mod()).resource.aws_cloudwatch_metric_alarm);
  const on = (queues, metric) => alarms.filter((a) => unwrap(a.for_each) === queues && a.metric_name === metric);
  const dlq = on("aws_sqs_queue.dead_letter", "ApproximateNumberOfMessagesVisible");
  assert.equal(dlq.length, 1);
  assert.equal(dlq[0].threshold, 0);
  assert.equal(dlq[0].comparison_operator, "GreaterThanThreshold");
  assert.equal(dlq[0].evaluation_periods, 1);
  assert.equal(on("aws_sqs_queue.work", "ApproximateAgeOfOldestMessage").length, 1);
  assert.equal(on("aws_sqs_queue.work", "ApproximateNumberOfMessagesVisible").length, 1);
  for (const a of alarms) {
    assert.equal(a.namespace, "AWS/SQS");
    assert.deepEqual(a.dimensions, { QueueName: "${each.value.name}" });
    assert.equal(unwrap(a.alarm_actions), "var.alarm_actions");
  }
});

// ------------------------------------------------------------------------------------ hygiene

const UNVALIDATED = new Set(["fifo_queues", "force_destroy_buckets", "tags", "owner"]);

test("every variable has a description and a type, and non-trivial ones a validation", async () => {
  for (const dir of [MODULE, EXAMPLE]) {
    for (const [name, v] of Object.entries((await loadConfig(dir)).variable)) {
      assert.ok(v.description?.length > 20, `${dir}: variable ${name} needs a description`);
      assert.ok(v.type, `${dir}: variable ${name} needs a type`);
      if (!UNVALIDATED.has(name)) assert.ok(v.validation?.length, `${dir}: variable ${name} has no validation`);
      for (const val of v.validation ?? []) assert.ok(val.condition && val.error_message, `${dir}: ${name} validation`);
    }
    for (const [name, o] of Object.entries((await loadConfig(dir)).output)) assert.ok(o.description, `${dir}: output ${name}`);
  }
});

test("the module outputs queue URLs, bucket names and role ARNs", async () => {
  const outputs = Object.keys((await mod()).output);
  for (const o of ["queue_urls", "dead_letter_queue_urls", "kubernetes_queues_env", "source_bucket_name",
    "output_bucket_name", "dedup_bucket_name", "worker_role_arns", "enqueuer_role_arn", "keda_scaler_role_arn"]) {
    assert.ok(outputs.includes(o), o);
  }
});

test("every var./local./resource reference points at something declared", async () => {
  for (const dir of [MODULE, EXAMPLE]) {
    const c = await loadConfig(dir);
    const text = expressionText({ r: c.resource, d: c.data, o: c.output, l: c.locals, m: c.module, v: c.variable, p: c.provider });
    const missing = [];
    for (const [, n] of text.matchAll(/\bvar\.([a-z0-9_]+)/g)) if (!c.variable[n]) missing.push(`var.${n}`);
    for (const [, n] of text.matchAll(/\blocal\.([a-z0-9_]+)/g)) if (!(n in c.locals)) missing.push(`local.${n}`);
    for (const [, t, n] of text.matchAll(/(?<![.\w])(aws_[a-z0-9_]+)\.([a-z0-9_]+)/g)) if (!c.resource[t]?.[n]) missing.push(`${t}.${n}`);
    for (const [, t, n] of text.matchAll(/\bdata\.(aws_[a-z0-9_]+)\.([a-z0-9_]+)/g)) if (!c.data[t]?.[n]) missing.push(`data.${t}.${n}`);
    for (const [, n] of text.matchAll(/\bmodule\.([a-z0-9_]+)/g)) if (!c.module[n]) missing.push(`module.${n}`);
    assert.deepEqual([...new Set(missing)], [], dir);
  }
});

test("the example sets every required module input and nothing the module does not declare", async () => {
  const m = await mod();
  const call = (await loadConfig(EXAMPLE)).module.sluice;
  assert.equal(call.source, "../../modules/sluice");
  const args = Object.keys(call).filter((k) => !["source", "providers", "depends_on"].includes(k));
  for (const a of args) assert.ok(m.variable[a], `the example sets unknown input ${a}`);
  for (const [name, v] of Object.entries(m.variable)) {
    if (!("default" in v)) assert.ok(args.includes(name), `the example misses required input ${name}`);
  }
  assert.deepEqual(call.resource_classes, ["cpu", "gpu"]);
});

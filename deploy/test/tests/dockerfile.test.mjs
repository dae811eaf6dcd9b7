// deploy/Dockerfile, checked statically: there is no Docker engine here, so the image itself is
// built by CI elsewhere. What the file promises is read from its instructions.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { read, repoPath } from "../lib/repo.mjs";
import { render, named } from "../lib/kustomize.mjs";

/** Instructions as { op, args, stage }, continuation lines joined and comments dropped. */
function instructions(text) {
  const joined = text
    .split("\n")
    .filter((l) => !/^\s*#/.test(l))
    .join("\n")
    .replace(/\\\n/g, " ");
  let stage = -1;
  return joined
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const [, op, args] = /^(\w+)\s+([\s\S]*)$/.exec(l);
      if (op.toUpperCase() === "FROM") stage += 1;
      return { op: op.toUpperCase(), args: args.trim(), stage };
    });
}

const dockerfile = read("deploy/Dockerfile");
const ins = instructions(dockerfile);
const froms = ins.filter((i) => i.op === "FROM");
const lastStage = froms.length - 1;
const runtime = ins.filter((i) => i.stage === lastStage);
const execForm = (i) => JSON.parse(i.args);

test("multi-stage: a JDK 25 build stage and a JRE runtime stage", () => {
  assert.ok(froms.length >= 2, "one stage would ship the JDK, Maven and the sources");
  const image = (f) => f.args.replace(/^--platform=\S+\s+/, "").split(/\s+/)[0];
  assert.match(image(froms[0]), /^eclipse-temurin:25[.\d_]*-jdk/);
  const jre = /^eclipse-temurin:(\d+)[.\d_]*-jre/.exec(image(froms[lastStage]));
  assert.ok(jre && Number(jre[1]) >= 21, `runtime image ${image(froms[lastStage])} is not a JRE >= 21`);
});

/** Why a FROM image is not pinned, or null when it is. */
function unpinned(from) {
  const image = from.replace(/^--platform=\S+\s+/, "").split(/\s+/)[0];
  if (/\$\{?\w/.test(image)) return `${image} depends on a build argument`;
  if (/@sha256:[0-9a-f]{64}$/.test(image)) return null;
  const [, tag = ""] = /:([^@]+)/.exec(image) ?? [];
  if (tag === "latest" || tag === "") return `${image} has no tag or uses latest`;
  return /\d+\.\d+\.\d+/.test(tag) ? null : `${image} is not pinned to a full version`;
}

test("every FROM is pinned to a full release (or a digest), never latest", () => {
  assert.deepEqual(froms.map((f) => unpinned(f.args)).filter(Boolean), []);
  assert.doesNotMatch(dockerfile, /:latest\b/);
});

test("the runtime runs as a fixed non-root numeric user", () => {
  const users = runtime.filter((i) => i.op === "USER");
  assert.ok(users.length > 0, "no USER in the runtime stage");
  const last = users.at(-1).args;
  assert.match(last, /^\d+(:\d+)?$/, "USER must be numeric so runAsNonRoot can be verified");
  assert.notEqual(Number(last.split(":")[0]), 0);
  const lastUserIdx = ins.lastIndexOf(users.at(-1));
  const entry = ins.findIndex((i) => i.op === "ENTRYPOINT");
  assert.ok(lastUserIdx < entry, "USER must come before ENTRYPOINT");
});

test("the OS libraries the bundled FFmpeg loads are installed, without recommends, lists removed", () => {
  const apt = runtime.filter((i) => i.op === "RUN" && /apt-get install/.test(i.args));
  assert.equal(apt.length, 1);
  const cmd = apt[0].args;
  for (const pkg of ["libpulse0", "libasound2t64", "libxcb1", "libxcb-shm0", "libstdc++6", "tini", "ca-certificates"]) {
    assert.match(cmd, new RegExp(`(^|\\s)${pkg.replace(/[+]/g, "\\+")}(\\s|$)`), `${pkg} is not installed`);
  }
  assert.match(cmd, /--no-install-recommends/);
  assert.match(cmd, /rm -rf \/var\/lib\/apt\/lists/);
});

test("the entry point enables native access, fixes the JavaCPP cache and the class path, under tini", () => {
  const entry = runtime.filter((i) => i.op === "ENTRYPOINT");
  assert.equal(entry.length, 1);
  const argv = execForm(entry[0]);
  assert.equal(argv[0], "/usr/bin/tini", "PID 1 must forward SIGTERM and reap FFmpeg children");
  assert.ok(argv.includes("java"));
  assert.ok(argv.includes("--enable-native-access=ALL-UNNAMED"));
  assert.ok(argv.includes("-Dorg.bytedeco.javacpp.cachedir=/opt/sluice/javacpp-cache"));
  assert.equal(argv[argv.indexOf("-cp") + 1], "/opt/sluice/lib/*");
  const cmd = runtime.filter((i) => i.op === "CMD");
  assert.deepEqual(execForm(cmd.at(-1)), ["dev.sluice.worker.wiring.WorkerMain"]);
});

test("FFmpeg is unpacked into the JavaCPP cache at build time, as the runtime user", () => {
  const idx = runtime.findIndex((i) => i.op === "RUN" && /--check-ffmpeg/.test(i.args));
  assert.ok(idx >= 0, "no pre-extraction step");
  const step = runtime[idx].args;
  assert.match(step, /dev\.sluice\.worker\.wiring\.WorkerMain --check-ffmpeg/);
  assert.match(step, /-Dorg\.bytedeco\.javacpp\.cachedir=\/opt\/sluice\/javacpp-cache/);
  assert.match(step, /--enable-native-access=ALL-UNNAMED/);
  const before = runtime.slice(0, idx);
  assert.ok(before.some((i) => i.op === "COPY" && /\/opt\/sluice\/lib\/?$/.test(i.args)), "the lib must be copied first");
  assert.match(before.filter((i) => i.op === "USER").at(-1)?.args ?? "", /^\d+/, "extract as the runtime user, or JavaCPP cannot use the cache");
  assert.ok(before.some((i) => i.op === "RUN" && /chown 10001:10001 \/opt\/sluice\/javacpp-cache/.test(i.args)));
});

test("only the assembled runtime class path enters the image: no sources, no local-stack", () => {
  const copies = runtime.filter((i) => i.op === "COPY" || i.op === "ADD");
  assert.ok(copies.every((c) => c.op === "COPY"), "ADD can fetch URLs and unpack archives");
  assert.deepEqual(copies.map((c) => c.args), ["--from=build /dist/lib/ /opt/sluice/lib/"]);
  for (const i of ins) assert.doesNotMatch(i.args, /local-stack/, `${i.op} ${i.args}`);
  const build = ins.filter((i) => i.stage === 0 && i.op === "RUN").map((i) => i.args).join("\n");
  assert.match(build, /deploy\/image\/assemble-lib\.sh \/dist\/lib/);
  const script = read("deploy/image/assemble-lib.sh");
  assert.match(script, /-pl worker,enqueuer -am/, "the build must select worker and enqueuer only");
  assert.match(script, /-DincludeScope=runtime/);
  assert.match(script, /local-stack\|elasticmq\|s3mock\|testcontainers/, "the dev-only guard is missing");
  assert.match(script, /resolve different versions/, "the class-path conflict guard is missing");
  execFileSync("bash", ["-n", repoPath("deploy/image/assemble-lib.sh")]);
  const ignore = read("deploy/Dockerfile.dockerignore").split("\n");
  for (const line of ["local-stack/**", "!local-stack/pom.xml", "**/target/", ".git/"]) assert.ok(ignore.includes(line), line);
});

test("writable paths, ports and settings agree with the Kubernetes manifests", () => {
  assert.match(dockerfile, /SLUICE_WORK_DIR=\/var\/sluice\/work/);
  assert.match(dockerfile, /VOLUME \["\/var\/sluice\/work"\]/);
  const exposed = runtime.filter((i) => i.op === "EXPOSE").flatMap((i) => i.args.split(/\s+/)).sort();
  assert.deepEqual(exposed, ["8080", "8081", "9464"]);
  const objs = render("k8s/overlays/cpu");
  const worker = named(objs, "Deployment", "sluice-worker").spec.template.spec;
  const init = worker.initContainers.find((c) => c.name === "javacpp-cache");
  assert.deepEqual(init.command.slice(-2), ["/opt/sluice/javacpp-cache/.", "/var/sluice/javacpp-cache/"]);
  assert.ok(init.command.includes("--preserve=mode,timestamps"), "JavaCPP re-extracts when timestamps differ");
  const mounts = Object.fromEntries(worker.containers[0].volumeMounts.map((m) => [m.mountPath, m.name]));
  assert.equal(mounts["/opt/sluice/javacpp-cache"], "javacpp-cache");
  assert.equal(mounts["/var/sluice/work"], "work");
  assert.deepEqual(worker.containers[0].args, ["dev.sluice.worker.wiring.WorkerMain"]);
  const enq = named(objs, "Deployment", "sluice-enqueuer").spec.template.spec;
  assert.deepEqual(enq.containers[0].args, ["dev.sluice.enqueuer.wiring.EnqueuerMain"]);
  assert.equal(enq.securityContext.runAsUser, 10001);
  assert.match(dockerfile, /useradd --system --uid 10001 --gid 10001/);
});

test("the static checks notice a regression (an unpinned FROM)", () => {
  assert.match(unpinned("eclipse-temurin:latest"), /latest/);
  assert.match(unpinned("eclipse-temurin"), /no tag/);
  assert.match(unpinned("eclipse-temurin:25-jre"), /full version/);
  assert.match(unpinned("${BASE}:25.0.3"), /build argument/);
  assert.equal(unpinned(`eclipse-temurin:25-jre@sha256:${"a".repeat(64)}`), null);
});

#!/usr/bin/env bash
# Builds the worker and the enqueuer and gathers their runtime class path into one folder, the
# image's /opt/sluice/lib. Run from the repository root with a JDK >= 21 on the PATH:
#
#   deploy/image/assemble-lib.sh OUT_DIR
#
# The image has one class path for two entry points, so the two modules must agree on every
# dependency version: Maven resolves each module on its own, and a union of two resolutions can
# hold two versions of one library, in which case the JVM loads whichever the class path lists
# first. This script refuses that instead of shipping it. It also refuses any trace of the
# dev-only local-stack module (ElasticMQ, S3Mock, Testcontainers).
set -euo pipefail

out=${1:?usage: deploy/image/assemble-lib.sh OUT_DIR}
modules=(worker enqueuer)
mkdir -p "$out"

# -pl worker,enqueuer -am builds exactly what the two entry points need; local-stack is not built.
./mvnw -B -ntp -DskipTests -pl worker,enqueuer -am package \
  dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$out" \
  dependency:list -DincludeScope=runtime -DoutputFile=target/runtime-deps.txt

# dependency:list lines look like "   group:artifact:type[:classifier]:version:scope -- module ...".
conflicts=$(
  for m in "${modules[@]}"; do cat "$m/target/runtime-deps.txt"; done \
    | awk '$1 ~ /:/ {
        n = split($1, f, ":")
        if (n == 5) { key = f[1] ":" f[2]; version = f[4] }
        else if (n == 6) { key = f[1] ":" f[2] ":" f[4]; version = f[5] }
        else next
        if (!(key SUBSEP version in seen)) { seen[key SUBSEP version] = 1; versions[key] = versions[key] " " version; count[key]++ }
      }
      END { for (k in count) if (count[k] > 1) print "  " k ":" versions[k] }' \
    | sort
)
if [ -n "$conflicts" ]; then
  echo "assemble-lib: worker and enqueuer resolve different versions of the same library:" >&2
  echo "$conflicts" >&2
  echo "assemble-lib: pin one version in the root pom's dependencyManagement (e.g. import a BOM)." >&2
  exit 1
fi

for m in "${modules[@]}"; do
  find "$m/target" -maxdepth 1 -name "$m-*.jar" ! -name '*-sources.jar' ! -name '*-tests.jar' \
    -exec cp {} "$out/" \;
done

dev_only=$(find "$out" -maxdepth 1 -regextype posix-extended \
  -regex '.*/(local-stack|elasticmq|s3mock|testcontainers)[^/]*' -printf '  %f\n')
if [ -n "$dev_only" ]; then
  echo "assemble-lib: dev-only jars reached the runtime class path:" >&2
  echo "$dev_only" >&2
  exit 1
fi
echo "assemble-lib: $(find "$out" -maxdepth 1 -name '*.jar' | wc -l) jars in $out"

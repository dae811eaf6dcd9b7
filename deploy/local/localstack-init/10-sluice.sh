#!/bin/bash
# LocalStack ready hook: the queues and buckets infra/terraform makes on AWS, with the same
# settings that matter to Sluice (visibility 60s, long polling 20s, DLQ with maxReceiveCount 6,
# above the workers' SLUICE_MAX_ATTEMPTS of 5). Runs inside the LocalStack container.
set -euo pipefail

region=us-east-1
account=000000000000

for class in cpu gpu; do
  for priority in high normal low; do
    name="sluice-${class}-${priority}"
    awslocal --region "$region" sqs create-queue --queue-name "${name}-dlq" \
      --attributes MessageRetentionPeriod=1209600 >/dev/null
    dlq_arn="arn:aws:sqs:${region}:${account}:${name}-dlq"
    attributes=$(mktemp)
    cat > "$attributes" <<JSON
{
  "VisibilityTimeout": "60",
  "ReceiveMessageWaitTimeSeconds": "20",
  "MessageRetentionPeriod": "345600",
  "RedrivePolicy": "{\"deadLetterTargetArn\":\"${dlq_arn}\",\"maxReceiveCount\":\"6\"}"
}
JSON
    awslocal --region "$region" sqs create-queue --queue-name "$name" \
      --attributes "file://${attributes}" >/dev/null
    rm -f "$attributes"
    echo "sluice-init: queue ${name} (+ dlq)"
  done
done

for bucket in sluice-sources sluice-renditions sluice-dedup; do
  awslocal --region "$region" s3api create-bucket --bucket "$bucket" >/dev/null
  echo "sluice-init: bucket ${bucket}"
done
awslocal --region "$region" s3api put-bucket-versioning --bucket sluice-renditions \
  --versioning-configuration Status=Enabled

touch "${SLUICE_INIT_MARKER:-/tmp/sluice-init-done}"
echo "sluice-init: done"

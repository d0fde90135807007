#!/usr/bin/env bash
# Mutation testing (PIT) of the three package groups, each failing below the pom's threshold (85%):
# the insight core, the interchange reader and writer, and the HTTP edge. Not part of .ci/run (see
# docs/TESTING.md for the time it takes); run it before changing a detector, the health score, the
# interchange format or the edge, or from a nightly job.
#
#   bash .ci/mutation.sh                 # all three groups
#   bash .ci/mutation.sh edge insight    # only these
#
# Reports: target/pit-reports/<group>/index.html. Runs every group even when one fails, then exits
# 1 if any scored below the threshold (or failed to run).
set -uo pipefail
cd "$(dirname "$0")/.."
groups=("$@")
if [[ ${#groups[@]} -eq 0 ]]; then
  groups=(interchange edge insight)
fi
mvn -B -q -Pmutation test-compile || exit 1
failed=()
for group in "${groups[@]}"; do
  start=$SECONDS
  if mvn -B -Pmutation org.pitest:pitest-maven:mutationCoverage@"$group" > "target/pit-$group.log" 2>&1; then
    status=passed
  else
    status=FAILED
    failed+=("$group")
  fi
  score=$(grep -E '>> Generated [0-9]+ mutations Killed' "target/pit-$group.log" | tail -1 | sed 's/^>> //')
  echo "mutation $group: $status in $((SECONDS - start)) s: ${score:-no score, see target/pit-$group.log}"
done
if [[ ${#failed[@]} -gt 0 ]]; then
  echo "mutation score below the threshold, or PIT failed, for: ${failed[*]} (logs: target/pit-<group>.log)" >&2
  exit 1
fi

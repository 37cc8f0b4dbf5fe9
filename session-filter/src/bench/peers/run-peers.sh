#!/usr/bin/env bash
# Measures Hallpass beside its peers with the shared peers-bench harness (wrk against embedded Tomcat 11 on
# 127.0.0.1, alternating rounds, server CPU time per request). Usage, from the repository root:
#
#   mvn -B -q -DskipTests package                       # builds the filter's webapp-lib zip
#   session-filter/src/bench/peers/run-peers.sh [PEERS_BENCH_DIR]
#
# PEERS_BENCH_DIR defaults to ../shared/peers-bench; it is copied to session-filter/target/peers-bench and built
# there. Knobs of the harness (ROUNDS, DURATION, VARIANTS, SESSIONS, ...) pass through; by default this runs the
# no-security baseline, the naive JDBC filter, and Hallpass on a public and on an authenticated path.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../../.." && pwd)
source_dir=${1:-$root/../shared/peers-bench}
target=$root/session-filter/target/peers-bench
zip=$(ls "$root"/session-filter/target/hallpass-session-filter-*-webapp-lib.zip 2>/dev/null | head -1)
[ -n "$zip" ] || { echo "build first: mvn -B -q -DskipTests package" >&2; exit 1; }
[ -d "$source_dir" ] || { echo "no peers-bench harness at $source_dir" >&2; exit 1; }

rm -rf "$target" && mkdir -p "$target" && cp -r "$source_dir"/. "$target"/
cd "$target"
# the harness's summary passes `-v load=...` to awk, which gawk refuses (`load` is a gawk keyword)
sed -i 's/-v load=/-v loadtext=/; s/env_nproc, load$/env_nproc, loadtext/' run.sh
mkdir -p hallpass-lib && (cd hallpass-lib && unzip -q -o "$zip")
mvn -B -q -Dstyle.color=never package -DskipTests
# Hallpass's jars minus what the harness already has (Tomcat, H2, HikariCP, slf4j)
extra=$(ls hallpass-lib/WEB-INF/lib/*.jar | grep -vE '/(h2|HikariCP|slf4j-api)-' | tr '\n' ':')
mkdir -p target/hallpass-variants
javac -d target/hallpass-variants -cp "target/peers-bench.jar:target/lib/*:$extra" \
  $(find "$here" -name '*.java')
export EXTRA_CP="target/hallpass-variants:$extra"
export VARIANTS=${VARIANTS:-"raw jdbcfilter"}
export EXTRA_VARIANTS=${EXTRA_VARIANTS:-"hallpass-public:io.hallpass.bench.peers.HallpassPublicVariant hallpass-auth:io.hallpass.bench.peers.HallpassAuthenticatedVariant"}
export SKIP_BUILD=1
./run.sh

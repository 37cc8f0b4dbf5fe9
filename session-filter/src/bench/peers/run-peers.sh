#!/usr/bin/env bash
# Measures Hallpass beside its peers with the shared peers-bench harness (wrk against embedded Tomcat 11 on
# 127.0.0.1, alternating rounds, server CPU time per request). One command, from the repository root:
#
#   mvn -B -q -DskipTests install && session-filter/src/bench/peers/run-peers.sh [PEERS_BENCH_DIR]
#
# (the install builds the filter's webapp-lib zip and the sample portal's WAR). PEERS_BENCH_DIR defaults to
# ../shared/peers-bench; it is copied to session-filter/target/peers-bench and built there. By default this runs,
# in alternating rounds: raw (no security), tomcat (FORM login + HttpSession), jdbcfilter (the naive JDBC filter),
# hallpass-auth (default settings: session cache on, H2), hallpass-uncached (session-cache=off, H2),
# hallpass-postgres (session-cache=off, PostgreSQL on 127.0.0.1:5432 in its own database hp_bench) and
# hallpass-portal (the sample portal's WAR, signed in, GET /api/ping), then prints the table: req/s, p50, p99, CPU
# us/request, ratio and difference to raw. Every variant is checked before the load (200 with the cookie, 401
# without) and every status is counted during it. Knobs of the harness (ROUNDS, DURATION, VARIANTS, SESSIONS, ...)
# pass through; PG_URL/PG_USER/PG_PASSWORD (default jdbc:postgresql://127.0.0.1:5432/, postgres, empty) name the
# PostgreSQL server; without one, drop hallpass-postgres from VARIANTS.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../../.." && pwd)
source_dir=${1:-$root/../shared/peers-bench}
target=$root/session-filter/target/peers-bench
zip=$(ls "$root"/session-filter/target/hallpass-session-filter-*-webapp-lib.zip 2>/dev/null | head -1)
war=$(ls -d "$root"/sample-webapp/target/hallpass-sample.war 2>/dev/null | head -1)
[ -n "$zip" ] && [ -n "$war" ] || { echo "build first: mvn -B -q -DskipTests install" >&2; exit 1; }
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
# the PostgreSQL driver for hallpass-postgres: the sample's WAR carries it
mkdir -p pg-driver && (cd pg-driver && unzip -q -o -j "$war" 'WEB-INF/lib/postgresql-*.jar')
pg=$(ls "$PWD"/pg-driver/postgresql-*.jar | head -1)
export EXTRA_CP="target/hallpass-variants:$extra:$pg"
p=io.hallpass.bench.peers
export VARIANTS=${VARIANTS:-"raw tomcat jdbcfilter hallpass-auth:$p.HallpassAuthenticatedVariant \
  hallpass-uncached:$p.HallpassUncachedVariant hallpass-postgres:$p.HallpassPostgresVariant \
  hallpass-portal:$p.HallpassPortalVariant"}
export JAVA_OPTS_hallpass_portal="${JAVA_OPTS_hallpass_portal:-} -Dbench.portal.war=$war"
export JAVA_OPTS_hallpass_postgres="${JAVA_OPTS_hallpass_postgres:-} -Dbench.pg.url=${PG_URL:-jdbc:postgresql://127.0.0.1:5432/} \
  -Dbench.pg.user=${PG_USER:-postgres} -Dbench.pg.password=${PG_PASSWORD:-}"
# the portal deploys a WAR with Hibernate and hashes four demo passwords: slow to start on a busy machine
export START_TIMEOUT=${START_TIMEOUT:-240}
export SKIP_BUILD=1
./run.sh

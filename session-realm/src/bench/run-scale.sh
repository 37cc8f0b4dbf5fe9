#!/bin/bash
# The realm at scale (issue 8 point 6), one command, from anywhere:  session-realm/src/bench/run-scale.sh
#   1. MillionSessions (JMH, sample mode): uncached resolve latency, p50/p99/p99.9, with 1,000 and 1,000,000
#      sessions bulk-loaded, on an H2 file database and on PostgreSQL;
#   2. PurgeUnderTraffic: live resolves (3 threads) before, during and after purge(500) deletes a million aged rows,
#      on H2 and on PostgreSQL;
#   3. CacheHeap: the heap retained by 100,000 cached sessions (on PostgreSQL, so that no database shares the heap).
# PostgreSQL: the database hp_scale is created here with psql and dropped at the end (settings as the integration
# tests': HALLPASS_PG_HOST/PORT/USER, default 127.0.0.1:5432 postgres). H2's files go to session-realm/target/scale/.
# Output: session-realm/target/scale/*.txt and session-realm/target/jmh-result.json. Long: loading a million rows
# into H2 took 8 minutes on a busy 2-core machine, and it is done twice; expect most of an hour.
set -euo pipefail
cd "$(dirname "$0")/../../.."
PGHOST=${HALLPASS_PG_HOST:-127.0.0.1}
PGPORT=${HALLPASS_PG_PORT:-5432}
PGUSER=${HALLPASS_PG_USER:-postgres}
export PGHOST PGPORT PGUSER
pg_url="-Dhallpass.it.postgresql.url=jdbc:postgresql://$PGHOST:$PGPORT/test -Dhallpass.it.postgresql.user=$PGUSER"
out=session-realm/target/scale
drop() { psql -q -d test -c 'DROP DATABASE IF EXISTS hp_scale WITH (FORCE)'; }

drop
psql -q -d test -c 'CREATE DATABASE hp_scale'
trap drop EXIT
mkdir -p "$out"
mvn -B -q -o -pl session-realm -am install -DskipTests
mvn -B -o -pl session-realm -Pbench verify -DskipTests -Djmh.include=MillionSessions $pg_url | tee "$out/million-sessions.txt"
for db in h2 postgresql; do
  mvn -B -q -o -pl session-realm -Pbench test-compile exec:exec@scale $pg_url \
      -Dscale.main=PurgeUnderTraffic -Dscale.args="$db 1000000 3 500 20" | tee "$out/purge-$db.txt"
done
mvn -B -q -o -pl session-realm -Pbench test-compile exec:exec@scale $pg_url \
    -Dscale.main=CacheHeap -Dscale.args="postgresql 100000" | tee "$out/cache-heap.txt"

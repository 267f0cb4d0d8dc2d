#!/usr/bin/env bash
# Runs every test of the project on a bare Debian machine (as root): installs what is missing,
# starts a throwaway PostgreSQL cluster on a free loopback port, runs the whole suite against it,
# validates compose.yaml, and stops the cluster whatever the outcome.
set -euo pipefail
cd "$(dirname "$0")"
ROOT="$(pwd)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

need_apt=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need_apt+=(postgresql)
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
command -v docker-compose >/dev/null 2>&1 || need_apt+=(docker-compose)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "installing: ${need_apt[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

PGBIN="$(dirname "$(ls -d /usr/lib/postgresql/*/bin/initdb | sort -V | tail -1)")"
PGDIR="$(mktemp -d /tmp/compliance-pg.XXXXXX)"
PGPORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')"
chown postgres:postgres "$PGDIR"
stop_pg() {
  runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDIR/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$PGDIR"
}
trap stop_pg EXIT
runuser -u postgres -- "$PGBIN/initdb" -D "$PGDIR/data" -U postgres --auth=trust -E UTF8 >/dev/null
runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/log" -w \
  -o "-h 127.0.0.1 -p $PGPORT -k $PGDIR -c max_connections=300 -c fsync=off -c synchronous_commit=off" start >/dev/null
echo "postgresql on 127.0.0.1:$PGPORT"
export COMPLIANCE_TEST_PG="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=postgres;Include Error Detail=true"
export COMPLIANCE_TEST_PGDATA="$PGDIR/data" COMPLIANCE_TEST_PGBIN="$PGBIN"

echo "validating compose.yaml"
docker-compose -f compose.yaml config -q

RESULTS="$ROOT/artifacts/test-results"
rm -rf "$RESULTS"
mkdir -p "$RESULTS"
status=0
dotnet build Compliance.sln -c Release -nologo -v q || exit 1
dotnet test Compliance.sln -c Release --no-build -nologo \
  --logger "trx;LogFilePrefix=tests" --results-directory "$RESULTS" -- RunConfiguration.MaxCpuCount=1 || status=$?

# One closing line a CI reader understands, counted from the test result files.
python3 - "$RESULTS" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
p = f = s = 0
for path in glob.glob(sys.argv[1] + "/*.trx"):
    c = ET.parse(path).getroot().find("t:ResultSummary/t:Counters", ns)
    p += int(c.get("passed")); f += int(c.get("failed")) + int(c.get("error")) + int(c.get("timeout")) + int(c.get("aborted"))
    s += int(c.get("notExecuted")) + int(c.get("inconclusive"))
print(f"{p} passed, {f} failed, {s} skipped")
PY
exit $status

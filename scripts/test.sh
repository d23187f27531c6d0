#!/usr/bin/env bash
# `npm test`: lint, typecheck, build the web app, then every test (unit, database on PGlite and, with
# TEST_DATABASE_URL, on PostgreSQL, and the browser tests).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-chromium.sh
npx biome ci .
npx tsc --noEmit
npx tsc -p web/tsconfig.json --noEmit
npx vite build --logLevel warn
npx vite build --config vite.landing.config.ts --logLevel warn
mkdir -p .tmp
status=0
npx vitest run --reporter=default --reporter=json --outputFile.json=.tmp/vitest-report.json "$@" || status=$?
# One plain closing line, whatever reads this output.
node -e '
  const r = JSON.parse(require("fs").readFileSync(".tmp/vitest-report.json", "utf8"));
  console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests + r.numTodoTests} skipped`);
' || true
exit $status

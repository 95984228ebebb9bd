#!/usr/bin/env bash
# The README's test command: every check the project has, in one run.
# Runs inside a private D-Bus session with an unlocked gnome-keyring (started
# by with-keyring.sh when none is running) so keychain tests hit a real Secret Service.
set -uo pipefail
cd "$(dirname "$0")/.."

if [ "${MAILGUN_EXPLORER_IN_KEYRING:-}" != "1" ]; then
  exec bash scripts/with-keyring.sh --private env MAILGUN_EXPLORER_IN_KEYRING=1 bash scripts/test.sh "$@"
fi

mkdir -p .tmp
failed=()
stage() {
  local name="$1"
  shift
  printf '\n=== %s ===\n' "$name"
  if ! "$@"; then failed+=("$name"); fi
}

stage "lint and format (biome)" npx biome ci .
stage "type-check (shared, main+preload, renderer, tests)" npm run --silent typecheck
stage "architecture rules" node scripts/check-architecture.mjs
stage "security gate (electronegativity)" node scripts/security-gate.mjs
stage "build" npm run --silent build
stage "unit tests (vitest)" npx vitest run --reporter=default --reporter=json --outputFile.json=.tmp/vitest.json
stage "end-to-end tests (playwright)" env PLAYWRIGHT_JSON_OUTPUT_NAME=.tmp/playwright.json npx playwright test --project=browser --project=browser-alone --project=electron --reporter=list,json

node scripts/test-summary.mjs .tmp/vitest.json .tmp/playwright.json
if [ ${#failed[@]} -gt 0 ]; then
  printf 'failed stages: %s\n' "${failed[*]}"
  exit 1
fi

/**
 * Calls one Mailgun endpoint from a plain Node script, using the same catalog
 * and request builder as the app. An example of scripting against shared/.
 *
 *   MAILGUN_API_KEY=... MAILGUN_DOMAIN=mg.example.com npx tsx scripts/send-with-catalog.ts domains.get
 *   MAILGUN_API_KEY=... MAILGUN_DOMAIN=mg.example.com npx tsx scripts/send-with-catalog.ts messages.send --confirm \
 *     from='Me <me@mg.example.com>' to=alice@example.com to=bob@example.com subject=Hi text=Hello o:testmode=yes
 *
 * Environment: MAILGUN_API_KEY (required), MAILGUN_DOMAIN (fills the domain in
 * the path), MAILGUN_BASE_URL (default https://api.mailgun.net; use
 * https://api.eu.mailgun.net for EU domains). Arguments after the endpoint id
 * are name=value pairs; repeat a name to send it more than once. Endpoints that
 * change something need --confirm. The key is only ever put in the
 * Authorization header, never printed.
 */
import { getEndpoint } from '../shared/catalog/index';
import { buildRequest, paramKey, RequestBuildError, type RequestValues } from '../shared/request/index';
import { diagnose } from '../shared/status/index';

async function main(): Promise<number> {
  const [endpointId = 'domains.get', ...rest] = process.argv.slice(2);
  const confirmed = rest.includes('--confirm');
  const pairs = rest.filter((arg) => arg !== '--confirm');

  const endpoint = getEndpoint(endpointId);
  if (!endpoint) {
    console.error(`Unknown endpoint id "${endpointId}". Ids look like messages.send or domains.list.`);
    return 2;
  }
  const apiKey = process.env.MAILGUN_API_KEY;
  if (!apiKey) {
    console.error('Set MAILGUN_API_KEY first.');
    return 2;
  }
  if (endpoint.mutates && !confirmed) {
    console.error(`${endpoint.id} changes data (${endpoint.method} ${endpoint.path}); add --confirm to run it.`);
    return 2;
  }

  const params: Record<string, string[]> = {};
  const extra: { name: string; value: string }[] = [];
  const keys = new Set(endpoint.params.map((p) => paramKey(endpoint, p)));
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at <= 0) {
      console.error(`Expected name=value, got "${pair}".`);
      return 2;
    }
    const name = pair.slice(0, at);
    const value = pair.slice(at + 1);
    if (keys.has(name)) params[name] = [...(params[name] ?? []), value];
    else extra.push({ name, value });
  }
  const values: RequestValues = {
    params: Object.fromEntries(Object.entries(params).map(([name, list]) => [name, list.length === 1 ? list[0] : list])),
    extra,
  };

  const baseUrl = process.env.MAILGUN_BASE_URL ?? 'https://api.mailgun.net';
  const built = buildRequest(endpoint, values, { baseUrl, domain: process.env.MAILGUN_DOMAIN });
  console.log(`${built.method} ${built.url}`);

  const authorization = `Basic ${Buffer.from(`api:${apiKey}`).toString('base64')}`;
  const response = await fetch(built.url, {
    method: built.method,
    headers: { ...built.headers, Authorization: authorization },
    body: built.body,
  });
  const bodyText = await response.text();
  console.log(`${response.status} ${response.statusText}`);
  console.log(bodyText);

  const region = baseUrl.includes('api.eu.mailgun.net') ? 'eu' : baseUrl.includes('api.mailgun.net') ? 'us' : 'custom';
  for (const finding of diagnose({
    endpoint,
    method: built.method,
    path: new URL(built.url).pathname,
    status: response.status,
    headers: Object.fromEntries(response.headers),
    bodyText,
    region,
    keyKind: 'primary',
    now: new Date(),
  })) {
    console.error(`[${finding.severity}] ${finding.title}\n  ${finding.detail}`);
  }
  return response.ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (!(error instanceof RequestBuildError)) {
      console.error(error);
      process.exit(1);
    }
    for (const problem of error.errors) console.error(`${problem.param}: ${problem.message}`);
    process.exit(2);
  },
);

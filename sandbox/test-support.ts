import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SANDBOX_API_KEY, SANDBOX_US_DOMAIN } from '../shared/sandbox/constants';
import { createSandboxServer, type SandboxServer, type SandboxServerOptions, type SandboxUrls } from './server';

/** Shared by the sandbox tests: a started server in a fresh folder, and a small client for it. */

export const US = SANDBOX_US_DOMAIN;

export function basicAuth(password: string, user = 'api'): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
}

export const sandboxAuth = basicAuth(SANDBOX_API_KEY);

export interface CallOptions {
  readonly method?: string;
  /** Sent as multipart/form-data; arrays become repeated fields. */
  readonly form?: Record<string, string | readonly string[]> | FormData;
  /** Sent as application/x-www-form-urlencoded. */
  readonly urlencoded?: Record<string, string | readonly string[]>;
  readonly json?: unknown;
  readonly body?: RequestInit['body'];
  readonly headers?: Record<string, string>;
  /** null sends no Authorization header. */
  readonly auth?: string | null;
  readonly region?: 'us' | 'eu';
}

export interface CallResult {
  readonly status: number;
  readonly text: string;
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON answers.
  readonly body: any;
  readonly headers: Headers;
}

export interface TestSandbox {
  readonly sandbox: SandboxServer;
  readonly dataDir: string;
  readonly urls: SandboxUrls;
  call(path: string, options?: CallOptions): Promise<CallResult>;
  close(): Promise<void>;
}

function toFormData(values: Record<string, string | readonly string[]>): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(values)) {
    for (const item of typeof value === 'string' ? [value] : value) form.append(name, item);
  }
  return form;
}

function toUrlEncoded(values: Record<string, string | readonly string[]>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) {
    for (const item of typeof value === 'string' ? [value] : value) params.append(name, item);
  }
  return params;
}

/** Starts from the sample data without what seed-simulations.ts adds, for tests that build those resources themselves. */
export async function clearSimulationSeeds(t: TestSandbox): Promise<void> {
  const state = await t.sandbox.admin.state();
  state.ips = state.ips.filter((i) => ['192.0.2.20', '192.0.2.21', '192.0.2.22'].includes(i.ip));
  state.dynamicPools = null;
  state.dynamicHistory = [];
  state.inbox = { seedlists: [], results: [] };
  state.ipAllowlist = [];
  for (const pool of state.ipPools) pool.delegates = [];
  for (const d of [...state.regions.us.domains, ...state.regions.eu.domains]) {
    d.dynamicPool = null;
    d.trackingCertificate = null;
  }
}

export async function startTestSandbox(options: Partial<SandboxServerOptions> = {}): Promise<TestSandbox> {
  const dataDir = await mkdtemp(join(tmpdir(), 'sandbox-test-'));
  const sandbox = createSandboxServer({ dataDir, saveDebounceMs: 5, ...options });
  const urls = await sandbox.start();
  return {
    sandbox,
    dataDir,
    urls,
    async call(path, callOptions = {}) {
      const base = callOptions.region === 'eu' ? urls.euBaseUrl : urls.usBaseUrl;
      // Node's fetch sends sec-fetch-mode, so the tests identify themselves as the app does.
      const headers: Record<string, string> = { [sandbox.clientHeader.name]: sandbox.clientHeader.value, ...callOptions.headers };
      const auth = callOptions.auth === undefined ? sandboxAuth : callOptions.auth;
      if (auth !== null) headers.authorization = auth;
      let body: RequestInit['body'] = callOptions.body;
      if (callOptions.form) body = callOptions.form instanceof FormData ? callOptions.form : toFormData(callOptions.form);
      if (callOptions.urlencoded) body = toUrlEncoded(callOptions.urlencoded);
      if (callOptions.json !== undefined) {
        body = JSON.stringify(callOptions.json);
        headers['content-type'] = 'application/json';
      }
      const response = await fetch(`${base}${path}`, {
        method: callOptions.method ?? (body ? 'POST' : 'GET'),
        headers,
        ...(body ? { body } : {}),
      });
      const text = await response.text();
      let parsed: unknown = null;
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = null;
      }
      return { status: response.status, text, body: parsed, headers: response.headers };
    },
    async close() {
      await sandbox.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

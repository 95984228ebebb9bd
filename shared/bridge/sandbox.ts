import { z } from 'zod';
import { method } from './define';

export interface SandboxStatus {
  readonly running: boolean;
  /** `http://127.0.0.1:<port>/us`; present only while the server runs. */
  readonly usBaseUrl?: string;
  readonly euBaseUrl?: string;
  /** Set when the sandbox's state file could not be used or saved: what happened and what to do. */
  readonly warning?: string;
}

export const sandboxMethods = {
  getSandboxStatus: method<SandboxStatus>()(z.undefined()),
  /** Wipes everything the sandbox stored and puts the sample data back. */
  resetSandbox: method<{ ok: true }>()(z.undefined()),
};

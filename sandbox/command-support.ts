import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The command as a user starts it, for tests that run it as a child process. */
export const SANDBOX_BIN = fileURLToPath(new URL('./bin.mjs', import.meta.url));

export interface SpawnedSandbox {
  readonly child: ChildProcess;
  readonly usBaseUrl: string;
  readonly euBaseUrl: string;
  /** Everything printed so far. */
  output(): string;
  /** Sends the signal and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Starts `mailgun-sandbox --port 0 --data DIR` and waits until it prints its base URLs. */
export function spawnSandbox(dataDir: string, timeoutMs = 30_000): Promise<SpawnedSandbox> {
  const child = spawn(process.execPath, [SANDBOX_BIN, '--port', '0', '--data', dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the sandbox command printed no base URL in ${timeoutMs} ms:\n${out}`));
    }, timeoutMs);
    const onData = (chunk: Buffer): void => {
      out += chunk.toString('utf8');
      const us = /US base URL\s+(\S+)/.exec(out)?.[1];
      const eu = /EU base URL\s+(\S+)/.exec(out)?.[1];
      if (!us || !eu) return;
      clearTimeout(timer);
      resolve({
        child,
        usBaseUrl: us,
        euBaseUrl: eu,
        output: () => out,
        stop(signal = 'SIGINT') {
          if (child.exitCode === null && child.signalCode === null) child.kill(signal);
          return exited;
        },
      });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`the sandbox command exited (${code}) before listening:\n${out}`));
    });
  });
}

import type { LogRedactor } from './redact-log';

export interface DiagnosticsInput {
  readonly appName: string;
  readonly appVersion: string;
  readonly versions: Readonly<Record<string, string | undefined>>;
  readonly platform: string;
  readonly arch: string;
  readonly osRelease: string;
  readonly locale: string;
  /** Settings that help support without revealing anything (proxy mode, never its address or credentials). */
  readonly settings: Readonly<Record<string, string | boolean | number>>;
  readonly recentProblems: readonly string[];
  readonly logFile: string;
}

/**
 * The text "Copy diagnostics" puts on the clipboard for a bug report. It is
 * passed through the log's redactor once more, so no path can carry a secret.
 */
export function diagnosticsText(input: DiagnosticsInput, redactor: LogRedactor): string {
  const versions = Object.entries(input.versions)
    .filter(([, version]) => version)
    .map(([name, version]) => `${name} ${version}`)
    .join(', ');
  const lines = [
    `${input.appName} ${input.appVersion}`,
    `Platform: ${input.platform} ${input.arch} (${input.osRelease}), locale ${input.locale}`,
    `Runtime: ${versions}`,
    `Settings: ${Object.entries(input.settings)
      .map(([name, value]) => `${name}=${value}`)
      .join(', ')}`,
    `Log file: ${input.logFile}`,
    '',
    input.recentProblems.length > 0 ? `Recent errors (${input.recentProblems.length}, newest last):` : 'Recent errors: none',
    ...input.recentProblems,
  ];
  return redactor.redactText(lines.join('\n'));
}

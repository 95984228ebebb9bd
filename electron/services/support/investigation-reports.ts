import { randomUUID } from 'node:crypto';
import { AppFailure } from '../../../shared/errors';
import {
  type Investigation,
  investigationFileName,
  renderInvestigationJson,
  renderInvestigationMarkdown,
} from '../../../shared/support/investigation-report';
import type { ExportResult } from '../../../shared/support/types';
import type { SaveTextFile } from '../environments';
import type { Redactor } from '../redaction';

export interface InvestigationReportsDeps {
  /** Main's one redactor: whatever a server echoed, no key reaches the file. */
  readonly redactor: Pick<Redactor, 'text'>;
  /** Epoch milliseconds. */
  readonly clock: () => number;
  readonly newId?: () => string;
  /** Reports kept so an export is exactly what was on screen. */
  readonly keep?: number;
}

/** Keeps the latest verdicts and traces by id, and writes one as Markdown or JSON for a ticket. */
export function createInvestigationReports(deps: InvestigationReportsDeps) {
  const newId = deps.newId ?? randomUUID;
  const keep = deps.keep ?? 20;
  const recent = new Map<string, { environmentId: string; investigation: Investigation }>();

  function remember<T extends Investigation['report']>(kind: Investigation['kind'], environmentId: string, report: Omit<T, 'reportId'>): T {
    const reportId = newId();
    const kept = { ...report, reportId } as T;
    recent.set(reportId, { environmentId, investigation: { kind, report: kept } as Investigation });
    while (recent.size > keep) {
      const oldest = recent.keys().next().value;
      if (oldest === undefined) break;
      recent.delete(oldest);
    }
    return kept;
  }

  /** The file's text, redacted; exposed for tests and for the save below. */
  function render(arg: { environmentId: string; reportId: string; format: 'markdown' | 'json' }): { fileName: string; text: string } {
    const found = recent.get(arg.reportId);
    if (found === undefined || found.environmentId !== arg.environmentId) {
      throw new AppFailure('not-found', 'That result is no longer kept, so it cannot be exported.', 'Run the check again, then export it.');
    }
    const generatedAt = new Date(deps.clock()).toISOString();
    const text =
      arg.format === 'markdown'
        ? renderInvestigationMarkdown(found.investigation, generatedAt)
        : renderInvestigationJson(found.investigation, generatedAt);
    return { fileName: investigationFileName(found.investigation, arg.format, generatedAt), text: deps.redactor.text(text) };
  }

  async function exportReport(
    arg: { environmentId: string; reportId: string; format: 'markdown' | 'json' },
    save: SaveTextFile,
  ): Promise<ExportResult> {
    const { fileName, text } = render(arg);
    const saved = await save(fileName, text);
    return { saved: saved.saved, path: saved.path ?? null, fileName, format: arg.format };
  }

  return { remember, render, export: exportReport };
}

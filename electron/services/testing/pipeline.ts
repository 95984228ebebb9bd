import type { HistoryStore } from '../history';
import { createHttpExecutor } from '../http-executor';
import { createRedactor, type Redactor } from '../redaction';
import { createRequestPipeline, type RequestPipelineDeps } from '../request-pipeline';

/** The app's real pipeline and executor for tests, with only what a test cares about passed in. */
export function testPipeline(options: {
  readonly getKey: (environmentId: string) => Promise<string | null>;
  readonly history?: Pick<HistoryStore, 'add'>;
  readonly fetch?: typeof globalThis.fetch;
  readonly redactor?: Redactor;
  readonly limits?: RequestPipelineDeps['limits'];
}) {
  return createRequestPipeline({
    executor: createHttpExecutor(options.fetch ? { fetch: options.fetch } : {}),
    getKey: options.getKey,
    history: options.history ?? { add: async () => ({ id: 'h' }) as never },
    redactor: options.redactor ?? createRedactor(),
    ...(options.limits ? { limits: options.limits } : {}),
  });
}

import type { RendererErrorSink } from '../../logging/renderer-errors';
import type { Handlers } from '../dispatcher';

export interface DesktopHandlerDeps {
  readonly rendererErrors: RendererErrorSink;
}

export function createDesktopHandlers(deps: DesktopHandlerDeps): Pick<Handlers, 'reportRendererError'> {
  return {
    reportRendererError: (report) => deps.rendererErrors.report(report),
  };
}

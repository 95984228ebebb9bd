import type { ReactNode } from 'react';
import { SplitPane } from '../../ui';

export type ResponsePlacement = 'below' | 'beside';

/**
 * The request above or beside its response. Every request view uses this one
 * split, so they share the remembered size for each placement.
 */
export function RequestResponseSplit({
  placement,
  request,
  response,
  testId,
}: {
  placement: ResponsePlacement;
  request: ReactNode;
  response: ReactNode;
  testId?: string;
}) {
  const beside = placement === 'beside';
  return (
    <SplitPane
      key={placement}
      direction={beside ? 'row' : 'column'}
      storageKey={`editor-share-${placement}`}
      unit="fraction"
      defaultSize={beside ? 0.55 : 0.5}
      minFirst={beside ? 360 : 150}
      minSecond={beside ? 320 : 120}
      label="Resize the request and response"
      {...(testId ? { testId } : {})}
      first={request}
      second={response}
    />
  );
}

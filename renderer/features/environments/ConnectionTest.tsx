import { useState } from 'react';
import { otherRegion, regionLabels } from '../../../shared/environments/regions';
import type { Environment } from '../../../shared/environments/types';
import { toAppError } from '../../bridge/client';
import { Button, ErrorNotice } from '../../ui';
import { withRegion } from './draft';
import { useSaveEnvironment, useTestConnection } from './use-environments';

export interface ConnectionTestProps {
  /** The saved environment; the test uses what is stored, not unsaved edits. */
  readonly environment: Environment;
  readonly dirty: boolean;
  readonly onSwitched: (environment: Environment) => void;
}

export function ConnectionTest({ environment, dirty, onSwitched }: ConnectionTestProps) {
  const test = useTestConnection();
  const save = useSaveEnvironment();
  const [switchedTo, setSwitchedTo] = useState<string | null>(null);
  const result = test.data;
  const other = result?.otherRegion?.found ? result.otherRegion.region : null;

  const run = () => {
    setSwitchedTo(null);
    save.reset();
    test.start(environment.id);
  };

  const switchRegion = async () => {
    if (other === null) return;
    try {
      const saved = await save.mutateAsync(withRegion(environment, other));
      onSwitched(saved);
      setSwitchedTo(regionLabels[other]);
      test.start(saved.id);
    } catch {
      // The save error is shown below from the mutation state.
    }
  };

  const tone = result ? (result.ok ? 'ok' : result.checked ? 'fail' : 'info') : null;

  return (
    <div className="env-test" data-testid="env-test">
      <div className="env-test-row">
        <Button onClick={() => test.isPending || run()} aria-disabled={test.isPending} data-testid="env-test-run">
          {test.isPending ? 'Testing…' : 'Test connection'}
        </Button>
        {test.isPending ? (
          <Button onClick={test.cancel} data-testid="env-test-cancel">
            Cancel
          </Button>
        ) : null}
        <span className="env-hint">
          {dirty ? 'Tests the saved settings; save your changes first to test them.' : 'Makes one read-only request with the stored key.'}
        </span>
      </div>
      {test.isError ? <ErrorNotice error={toAppError(test.error)} testId="env-test-error" /> : null}
      {result && !test.isPending ? (
        <div className={`env-test-result env-test-${tone}`} role="status" data-testid="env-test-result" data-ok={result.ok}>
          {switchedTo ? <p className="env-test-switched">Switched this environment to the {switchedTo} region.</p> : null}
          <strong>{result.message}</strong>
          {result.hint ? <p>{result.hint}</p> : null}
          {result.route ? (
            <p className="env-test-route" data-testid="env-test-route">
              {result.baseUrl}: {result.route}
            </p>
          ) : null}
          {other !== null && otherRegion(environment.region) === other ? (
            <Button variant="primary" onClick={switchRegion} disabled={save.isPending} data-testid="env-test-switch-region">
              Switch to {regionLabels[other]}
            </Button>
          ) : null}
        </div>
      ) : null}
      {save.isError ? <ErrorNotice error={toAppError(save.error)} testId="env-test-switch-error" /> : null}
    </div>
  );
}

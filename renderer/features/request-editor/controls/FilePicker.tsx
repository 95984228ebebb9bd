import { useMutation } from '@tanstack/react-query';
import type { FileRef } from '../../../../shared/request';
import { call, toAppError } from '../../../bridge/client';
import { Button, ErrorNotice, IconButton } from '../../../ui';
import { formatBytes } from './format-bytes';

export type FilePurpose = 'attachment' | 'inline' | 'import' | 'other';

export interface FilePickerProps {
  readonly id: string;
  readonly testId: string;
  readonly files: readonly FileRef[];
  readonly onChange: (files: readonly FileRef[]) => void;
  readonly multiple: boolean;
  readonly purpose: FilePurpose;
  readonly describedBy?: string;
  readonly invalid?: boolean;
}

/**
 * Main opens the OS file dialog and hands back opaque handles; the renderer
 * only ever knows each file's name and size.
 */
export function FilePicker(props: FilePickerProps) {
  const { files, onChange, multiple, purpose } = props;
  const pick = useMutation({
    mutationFn: () => call('pickFiles', { purpose, multiple }),
    onSuccess: (picked) => {
      const refs: FileRef[] = picked.map((f) => ({ kind: 'file', handle: f.handle, name: f.name, size: f.size }));
      if (refs.length === 0) return;
      onChange(multiple ? [...files, ...refs] : refs.slice(0, 1));
    },
  });
  return (
    <div className="file-picker" data-testid={props.testId}>
      {files.length > 0 ? (
        <ul className="file-list" aria-label="Chosen files">
          {files.map((file, index) => (
            <li key={file.handle} className="file-row" data-testid={`${props.testId}-file`}>
              <span className="file-name">{file.name}</span>
              <span className="muted file-size">{formatBytes(file.size)}</span>
              <IconButton
                label={`Remove ${file.name}`}
                data-testid={`${props.testId}-remove-${index}`}
                onClick={() => onChange(files.filter((_, i) => i !== index))}
              >
                ×
              </IconButton>
            </li>
          ))}
        </ul>
      ) : null}
      <Button
        id={props.id}
        data-testid={`${props.testId}-choose`}
        aria-describedby={props.describedBy}
        aria-invalid={props.invalid ? true : undefined}
        disabled={pick.isPending}
        onClick={() => pick.mutate()}
      >
        {pick.isPending
          ? 'Choosing…'
          : multiple
            ? files.length > 0
              ? 'Add files…'
              : 'Choose files…'
            : files.length > 0
              ? 'Replace file…'
              : 'Choose file…'}
      </Button>
      {pick.isError ? <ErrorNotice error={toAppError(pick.error)} testId={`${props.testId}-error`} /> : null}
    </div>
  );
}

import { useId } from 'react';

/** The history query box; main matches it against URL, endpoint, environment and status. */
export function HistorySearch({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const id = useId();
  return (
    <div className="history-search">
      <label htmlFor={id} className="visually-hidden">
        Search history
      </label>
      <input
        id={id}
        type="search"
        placeholder="Search history (URL, endpoint, status…)"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && value !== '') {
            event.preventDefault();
            onChange('');
          }
        }}
        data-testid="history-search"
      />
    </div>
  );
}

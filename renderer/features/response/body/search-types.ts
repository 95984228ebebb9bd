/** How far a body search has got; each view reports this to the search bar. */
export interface MatchState {
  readonly count: number;
  readonly done: boolean;
  /** The search stopped at its match limit. */
  readonly capped: boolean;
}

export const NO_MATCHES: MatchState = { count: 0, done: true, capped: false };

/** What every searchable body view takes. */
export interface SearchableViewProps {
  /** Already debounced; empty means no search. */
  readonly query: string;
  /** The match to show, already wrapped into range by the search bar. */
  readonly matchIndex: number;
  readonly onMatches: (state: MatchState) => void;
}

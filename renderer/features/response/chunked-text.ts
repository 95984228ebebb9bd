/**
 * A text that arrives in pieces (a streamed response body). Pieces are kept
 * as they came, so appending costs nothing and nothing is copied until
 * someone needs the whole string (the Raw view, Copy), which joins it once.
 * Offsets are over the whole text, as if it were one string; the indexer
 * reads the pieces themselves, everything else uses `slice` and friends.
 */
export class ChunkedText {
  private pieces: string[] = [];
  private starts: number[] = [];
  private last = 0;
  private total = 0;
  private finished = false;
  private problem: string | null = null;
  private byteCount: number | null = null;
  private revisionCount = 0;
  private readonly listeners = new Set<() => void>();

  /** A text that is already whole. */
  static whole(text: string): ChunkedText {
    const chunked = new ChunkedText();
    chunked.append(text);
    chunked.finish();
    return chunked;
  }

  get length(): number {
    return this.total;
  }

  /** Every piece has arrived. */
  get complete(): boolean {
    return this.finished;
  }

  /** How many bytes the sender said it sent, once it has said so at the end. */
  get sizeBytes(): number | null {
    return this.byteCount;
  }

  /** Why the rest will never arrive, once it will not. */
  get failure(): string | null {
    return this.problem;
  }

  /** Changes with every piece and with the end, for React to notice. */
  get revision(): number {
    return this.revisionCount;
  }

  get pieceCount(): number {
    return this.pieces.length;
  }

  piece(index: number): string {
    return this.pieces[index] as string;
  }

  pieceStart(index: number): number {
    return this.starts[index] as number;
  }

  /** The piece holding offset `at` (the last piece for the end of the text). */
  pieceAt(at: number): number {
    const starts = this.starts;
    const guess = this.last;
    if (guess < starts.length && (starts[guess] as number) <= at && (guess + 1 === starts.length || (starts[guess + 1] as number) > at))
      return guess;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((starts[middle] as number) <= at) low = middle;
      else high = middle - 1;
    }
    this.last = low;
    return low;
  }

  append(piece: string): void {
    if (this.finished || piece.length === 0) return;
    this.pieces.push(piece);
    this.starts.push(this.total);
    this.total += piece.length;
    this.changed();
  }

  finish(sizeBytes?: number): void {
    if (this.finished) return;
    this.finished = true;
    if (sizeBytes !== undefined) this.byteCount = sizeBytes;
    this.changed();
  }

  fail(message: string): void {
    if (this.finished) return;
    this.problem = message;
    this.finish();
  }

  /** Called after every piece and at the end; returns the unsubscribe. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    this.revisionCount++;
    for (const listener of [...this.listeners]) listener();
  }

  charCodeAt(at: number): number {
    if (at < 0 || at >= this.total) return Number.NaN;
    const index = this.pieceAt(at);
    return (this.pieces[index] as string).charCodeAt(at - (this.starts[index] as number));
  }

  slice(start: number, end: number = this.total): string {
    const from = Math.max(0, Math.min(start, this.total));
    const to = Math.max(from, Math.min(end, this.total));
    if (from === to) return '';
    const first = this.pieceAt(from);
    const firstStart = this.starts[first] as number;
    const firstPiece = this.pieces[first] as string;
    if (to <= firstStart + firstPiece.length) return firstPiece.slice(from - firstStart, to - firstStart);
    const parts = [firstPiece.slice(from - firstStart)];
    for (let index = first + 1; index < this.pieces.length; index++) {
      const pieceStart = this.starts[index] as number;
      if (pieceStart >= to) break;
      parts.push((this.pieces[index] as string).slice(0, to - pieceStart));
    }
    return parts.join('');
  }

  /** Like String#indexOf, including a match that spans two pieces. */
  indexOf(search: string, from = 0): number {
    if (search.length === 0) return Math.min(Math.max(from, 0), this.total);
    if (from >= this.total) return -1;
    for (let index = this.pieceAt(Math.max(0, from)); index < this.pieces.length; index++) {
      const start = this.starts[index] as number;
      const piece = this.pieces[index] as string;
      const found = piece.indexOf(search, Math.max(0, from - start));
      if (found >= 0) return start + found;
      if (search.length > 1 && index + 1 < this.pieces.length) {
        const seamFrom = Math.max(from, start + piece.length - search.length + 1);
        const seam = this.slice(seamFrom, start + piece.length + search.length - 1).indexOf(search);
        if (seam >= 0) return seamFrom + seam;
      }
    }
    return -1;
  }

  /** The whole text as one string; joined on first use and kept as the only piece from then on. */
  toString(): string {
    if (this.pieces.length === 1) return this.pieces[0] as string;
    if (this.pieces.length === 0) return '';
    const joined = this.pieces.join('');
    if (this.finished) {
      this.pieces = [joined];
      this.starts = [0];
      this.last = 0;
    }
    return joined;
  }
}

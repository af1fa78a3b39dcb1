// Text cut into lines as it streams in, holding at most one line: a line longer than the limit is
// dropped (reported as malformed) instead of growing a buffer without bound.
import type { TextConsumer } from './request.js';

export const MAX_LINE = 1 << 20;

export class LineSplitter implements TextConsumer {
  private carry = '';
  private skipping = false;

  constructor(
    private readonly onLine: (line: string) => void,
    private readonly onOverlong: () => void,
    private readonly maxLine = MAX_LINE,
  ) {}

  write(chunk: string): void {
    let from = 0;
    for (;;) {
      const newline = chunk.indexOf('\n', from);
      if (newline === -1) break;
      if (this.skipping) {
        this.skipping = false;
        this.carry = '';
      } else if (this.carry.length + newline - from > this.maxLine) {
        this.carry = '';
        this.onOverlong();
      } else {
        const line = this.carry.length > 0 ? this.carry + chunk.slice(from, newline) : chunk.slice(from, newline);
        this.carry = '';
        this.emit(line);
      }
      from = newline + 1;
    }
    if (from < chunk.length && !this.skipping) {
      if (this.carry.length + chunk.length - from > this.maxLine) {
        this.carry = '';
        this.skipping = true;
        this.onOverlong();
      } else this.carry += chunk.slice(from);
    }
  }

  end(): void {
    if (!this.skipping && this.carry.length > 0) this.emit(this.carry);
    this.carry = '';
    this.skipping = false;
  }

  private emit(line: string): void {
    this.onLine(line.endsWith('\r') ? line.slice(0, -1) : line);
  }
}

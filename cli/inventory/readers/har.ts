// HAR files (`log.entries[].request.method/url`, `…response.status`), read by a streaming JSON scanner:
// HAR holds response bodies, so a capture can be far larger than memory. The scanner keeps only the
// stack of open containers and the few strings it needs (method, url, status), never a whole entry.
// A syntax error ends the file's reading (the entries before it count) and counts as one malformed entry.
import { statusCode, type RequestSink, type TextConsumer } from './request.js';

/** A string the scanner keeps (a URL) is cut here; longer URLs are no API's. */
const MAX_KEPT = 64 * 1024;
/** Deeper nesting than this is no HAR: the file is abandoned as malformed. */
const MAX_DEPTH = 256;

interface Frame {
  array: boolean;
  /** The current key, in an object. */
  key?: string;
}

const enum State {
  Value,
  AfterValue,
  Key,
  AfterKey,
  String,
  Escape,
  Unicode,
  Literal,
  Failed,
}

export class HarScanner implements TextConsumer {
  private state = State.Value;
  private readonly stack: Frame[] = [];
  private stringIsKey = false;
  private keep = false;
  private text = '';
  private unicode = '';
  private literal = '';
  private entry: { method?: string; url?: string; status?: number } | undefined;

  constructor(private readonly sink: RequestSink) {}

  /** Where the scanner is: log.entries[] (3), an entry's request or response (5) and its fields. */
  private at(depth: number, ...keys: string[]): boolean {
    const s = this.stack;
    if (s.length !== depth) return false;
    if (depth >= 1 && (s[0].array || s[0].key !== 'log')) return false;
    if (depth >= 2 && (s[1].array || s[1].key !== 'entries')) return false;
    if (depth >= 3 && !s[2].array) return false;
    for (let i = 0; i < keys.length; i++) if (s[3 + i] === undefined || s[3 + i].array || s[3 + i].key !== keys[i]) return false;
    return true;
  }

  private fail(): void {
    this.state = State.Failed;
    this.sink.malformed();
  }

  private open(array: boolean): void {
    if (this.stack.length >= MAX_DEPTH) return this.fail();
    if (!array && this.at(3)) this.entry = {};
    this.stack.push({ array });
    this.state = array ? State.Value : State.Key;
  }

  private close(array: boolean): void {
    const frame = this.stack.pop();
    if (frame === undefined || frame.array !== array) return this.fail();
    if (!array && this.at(3) && this.entry !== undefined) {
      const { method, url, status } = this.entry;
      this.entry = undefined;
      if (method === undefined || url === undefined) this.sink.malformed();
      else this.sink.request(status === undefined ? { method, target: url } : { method, target: url, status });
    }
    this.state = State.AfterValue;
  }

  private value(value: string | number | undefined): void {
    if (this.entry !== undefined) {
      if (typeof value === 'string' && this.at(5, 'request')) {
        const key = this.stack[4].key;
        if (key === 'method') this.entry.method = value;
        else if (key === 'url') this.entry.url = value;
      } else if (this.at(5, 'response') && this.stack[4].key === 'status') {
        this.entry.status = statusCode(value);
      }
    }
    this.state = State.AfterValue;
  }

  private startString(isKey: boolean): void {
    this.stringIsKey = isKey;
    // Keys are short; values are kept only where the entry's method, url or status is.
    this.keep = isKey || (this.entry !== undefined && (this.at(5, 'request') || this.at(5, 'response')));
    this.text = '';
    this.state = State.String;
  }

  private endString(): void {
    if (this.stringIsKey) {
      this.stack[this.stack.length - 1].key = this.text;
      this.state = State.AfterKey;
    } else this.value(this.keep ? this.text : undefined);
    this.text = '';
  }

  private endLiteral(): void {
    const literal = this.literal;
    this.literal = '';
    if (literal === 'true' || literal === 'false' || literal === 'null') this.value(undefined);
    else if (/^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?$/.test(literal)) this.value(Number(literal));
    else this.fail();
  }

  write(chunk: string): void {
    for (let i = 0; i < chunk.length; i++) {
      const state = this.state;
      if (state === State.Failed) return;
      const c = chunk.charCodeAt(i);
      if (state === State.String) {
        // Runs of plain characters are taken at once: the scanner's speed on large bodies.
        let j = i;
        while (j < chunk.length) {
          const d = chunk.charCodeAt(j);
          if (d === 34 || d === 92) break;
          j++;
        }
        if (this.keep && j > i && this.text.length < MAX_KEPT) this.text += chunk.slice(i, Math.min(j, i + MAX_KEPT - this.text.length));
        if (j === chunk.length) return;
        i = j;
        if (chunk.charCodeAt(i) === 34) this.endString();
        else this.state = State.Escape;
        continue;
      }
      if (state === State.Escape) {
        if (c === 117) {
          this.unicode = '';
          this.state = State.Unicode;
          continue;
        }
        const escaped = c === 110 ? '\n' : c === 116 ? '\t' : c === 114 ? '\r' : c === 98 ? '\b' : c === 102 ? '\f' : chunk[i];
        if (this.keep && this.text.length < MAX_KEPT) this.text += escaped;
        this.state = State.String;
        continue;
      }
      if (state === State.Unicode) {
        this.unicode += chunk[i];
        if (this.unicode.length === 4) {
          const code = parseInt(this.unicode, 16);
          if (Number.isNaN(code)) return this.fail();
          if (this.keep && this.text.length < MAX_KEPT) this.text += String.fromCharCode(code);
          this.state = State.String;
        }
        continue;
      }
      if (state === State.Literal) {
        if ((c >= 48 && c <= 57) || (c >= 97 && c <= 122) || c === 45 || c === 43 || c === 46 || c === 69) {
          if (this.literal.length > 64) return this.fail();
          this.literal += chunk[i];
          continue;
        }
        this.endLiteral();
        if (this.state === State.Failed) return;
        // the character after the literal is read again below
      }
      if (c === 32 || c === 10 || c === 13 || c === 9 || c === 0xfeff) continue;
      switch (this.state) {
        case State.Value:
          if (c === 123) this.open(false);
          else if (c === 91) this.open(true);
          else if (c === 34) this.startString(false);
          else if (c === 93 && this.stack.length > 0 && this.stack[this.stack.length - 1].array) this.close(true); // `[]`
          else if ((c >= 48 && c <= 57) || c === 45 || c === 116 || c === 102 || c === 110) {
            this.literal = chunk[i];
            this.state = State.Literal;
          } else this.fail();
          break;
        case State.Key:
          if (c === 34) this.startString(true);
          else if (c === 125) this.close(false); // `{}`
          else this.fail();
          break;
        case State.AfterKey:
          if (c === 58) this.state = State.Value;
          else this.fail();
          break;
        case State.AfterValue: {
          const top = this.stack[this.stack.length - 1];
          if (top === undefined) this.fail(); // text after the document
          else if (c === 44) this.state = top.array ? State.Value : State.Key;
          else if (c === 125 && !top.array) this.close(false);
          else if (c === 93 && top.array) this.close(true);
          else this.fail();
          break;
        }
        default:
          this.fail();
      }
      if (this.state === State.Failed) return;
    }
  }

  end(): void {
    if (this.state === State.Literal) this.endLiteral();
    if (this.state !== State.Failed && (this.stack.length > 0 || this.state !== State.AfterValue)) this.fail();
  }
}

export function harReader(sink: RequestSink): TextConsumer {
  return new HarScanner(sink);
}

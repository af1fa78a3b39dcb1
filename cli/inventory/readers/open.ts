// A log file as a stream of text: gzip recognised by its magic bytes (whatever the file is called),
// the format (CLF, JSON lines, HAR) recognised from its first text unless the user names it.
import { createReadStream, promises as fs } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { StringDecoder } from 'node:string_decoder';
import { InputError } from '../../files.js';
import { clfReader } from './clf.js';
import { harReader } from './har.js';
import { jsonLinesReader, type JsonFields } from './json-lines.js';
import type { RequestSink, TextConsumer } from './request.js';

export const LOG_FORMATS = ['clf', 'json', 'har'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

async function isGzip(file: string): Promise<boolean> {
  const handle = await fs.open(file, 'r');
  try {
    const { bytesRead, buffer } = await handle.read(Buffer.alloc(2), 0, 2, 0);
    return bytesRead === 2 && buffer[0] === 0x1f && buffer[1] === 0x8b;
  } finally {
    await handle.close();
  }
}

/** The format of a log from its first text: HAR is one JSON document with `log`, JSON lines one object a line. */
export function detectFormat(start: string): LogFormat {
  const text = start.replace(/^\uFEFF/, '').trimStart();
  if (!text.startsWith('{')) return 'clf';
  const newline = text.indexOf('\n');
  const firstLine = newline === -1 ? text : text.slice(0, newline);
  try {
    const object: unknown = JSON.parse(firstLine);
    const log = typeof object === 'object' && object !== null ? (object as Record<string, unknown>).log : undefined;
    return typeof log === 'object' && log !== null && !Array.isArray(log) ? 'har' : 'json';
  } catch {
    // An object spread over lines (or a first line longer than the text read): HAR when it opens with `log`.
    if (/^\{\s*"log"\s*:\s*\{/.test(text)) return 'har';
    // `log` after other keys (`{"version": …, "log": {`), with `entries` soon after it.
    const log = text.slice(0, 8192).indexOf('"log"');
    const entries = log === -1 ? -1 : text.indexOf('"entries"', log);
    return entries !== -1 && entries - log < 4096 ? 'har' : 'json';
  }
}

export interface ReadOptions {
  format?: LogFormat;
  jsonFields?: JsonFields;
}

/** Reads a log file through the sink; resolves with the format it read. Never rejects on content, only on I/O. */
export async function readLog(file: string, sink: RequestSink, options: ReadOptions = {}): Promise<{ format: LogFormat; gzip: boolean }> {
  let gzip: boolean;
  try {
    gzip = await isGzip(file);
  } catch (error) {
    throw new InputError(`Cannot read log ${file}: ${(error as Error).message}`);
  }
  const raw = createReadStream(file, { highWaterMark: 256 * 1024 });
  const stream = gzip ? raw.pipe(createGunzip()) : raw;
  raw.on('error', error => stream.destroy(error));
  const decoder = new StringDecoder('utf8');
  let consumer: TextConsumer | undefined;
  let format: LogFormat | undefined = options.format;
  let pending = '';
  const choose = (text: string): TextConsumer => {
    format ??= detectFormat(text);
    return format === 'har' ? harReader(sink) : format === 'json' ? jsonLinesReader(sink, options.jsonFields) : clfReader(sink);
  };
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      const text = decoder.write(chunk);
      if (consumer === undefined) {
        // Enough text to see the first line (or 8 KiB of it) before choosing.
        pending += text;
        if (pending.length < 8192 && !pending.trimStart().includes('\n')) continue;
        consumer = choose(pending);
        consumer.write(pending);
        pending = '';
      } else consumer.write(text);
    }
  } catch (error) {
    // A truncated gzip member or a read error mid-file: what was read counts; the rest is reported.
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR') throw new InputError(`Cannot read log ${file}: ${(error as Error).message}`);
    sink.malformed();
  }
  const rest = decoder.end();
  if (consumer === undefined) {
    consumer = choose(pending + rest);
    consumer.write(pending + rest);
  } else consumer.write(rest);
  consumer.end();
  return { format: format ?? 'clf', gzip };
}

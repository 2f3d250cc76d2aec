import type { IncomingMessage } from 'node:http';
import { HttpError } from './http-error.js';

/**
 * A JSON request body, at most `maxBytes`: undefined when there is none, 413 when too big
 * (from Content-Length before reading, or while reading a chunked body), 415 when it is not
 * JSON, 400 when it does not parse. An oversized body is drained, not kept, so the client still
 * reads the answer.
 */
export async function readJsonBody(request: IncomingMessage, maxBytes: number): Promise<unknown> {
  const declared = Number(request.headers['content-length'] ?? NaN);
  const chunked = request.headers['transfer-encoding'] !== undefined;
  if (!chunked && !(declared > 0)) return undefined;
  if (declared > maxBytes) {
    request.resume();
    throw tooLarge(maxBytes);
  }
  const type = request.headers['content-type'] ?? '';
  if (!/^application\/([\w.+-]+\+)?json\b/i.test(type)) {
    request.resume();
    throw new HttpError(415, 'UnsupportedMediaType', 'Send the body as application/json.');
  }
  const text = await readText(request, maxBytes);
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // The parser's message quotes the body; the caller only needs to know it is not JSON.
    throw new HttpError(400, 'BadRequest', 'The body is not valid JSON.');
  }
}

async function readText(request: IncomingMessage, maxBytes: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= maxBytes) chunks.push(chunk);
  }
  if (size > maxBytes) throw tooLarge(maxBytes);
  return Buffer.concat(chunks).toString('utf8');
}

function tooLarge(maxBytes: number): HttpError {
  return new HttpError(413, 'PayloadTooLarge', `The request body is larger than ${String(Math.round(maxBytes / 1024))} KB.`);
}

/**
 * A small HTTP server on loopback that stands where the Bot Connector would (an activity's
 * `serviceUrl`) and records what the bot posts to it: replies, sends, updates.
 *
 * Not test/fakes/connector: in a process that has loaded restify (anything that starts the bot
 * server) restify's patched `ServerResponse.prototype.writeHead` returns undefined, so that
 * fake's `res.writeHead(…).end(…)` throws. This one never chains writeHead.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';

export interface CaughtRequest {
  method: string;
  /** Decoded path, e.g. /v3/conversations/a:chat/activities/activity-1 */
  path: string;
  /** For a reply: the activity replied to (the last path segment). */
  replyToId: string | null;
  conversationId: string | null;
  authorization: string | null;
  body: Record<string, unknown>;
}

export interface ReplyCatcher {
  /** Use as serviceUrl. Ends with a slash, as Teams' do. */
  url: string;
  requests(): CaughtRequest[];
  /** Replies to one activity (POST …/activities/{id}). */
  repliesTo(activityId: string): CaughtRequest[];
  close(): Promise<void>;
}

const ACTIVITIES = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/;

export interface ReplyCatcherOptions {
  /** Refuse every request with this connector error instead (e.g. 403 ConversationBlockedByUser). */
  refuse?: { status: number; code: string; message: string };
}

export async function startReplyCatcher(options: ReplyCatcherOptions = {}): Promise<ReplyCatcher> {
  const caught: CaughtRequest[] = [];
  let next = 0;
  const server = createServer((request, response) => {
    void receive(request, response);
  });
  async function receive(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    let body: Record<string, unknown> = {};
    try {
      const parsed: unknown = text === '' ? {} : JSON.parse(text);
      if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) body = parsed as Record<string, unknown>;
    } catch {
      // Recorded with an empty body; the test sees it.
    }
    const path = decodeURIComponent((request.url ?? '/').split('?')[0] ?? '/');
    const match = ACTIVITIES.exec(path);
    caught.push({
      method: request.method ?? 'GET',
      path,
      conversationId: match?.[1] ?? null,
      replyToId: request.method === 'POST' ? (match?.[2] ?? null) : null,
      authorization: request.headers.authorization ?? null,
      body,
    });
    next += 1;
    const refuse = options.refuse;
    const answer = JSON.stringify(refuse ? { error: { code: refuse.code, message: refuse.message } } : { id: `sent-${String(next)}` });
    response.statusCode = refuse ? refuse.status : request.method === 'PUT' ? 200 : 201;
    response.setHeader('content-type', 'application/json; charset=utf-8');
    response.setHeader('content-length', String(Buffer.byteLength(answer)));
    response.end(answer);
  }
  await new Promise<void>((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    url: `http://127.0.0.1:${String(port)}/`,
    requests: () => [...caught],
    repliesTo: (activityId) => caught.filter((entry) => entry.replyToId === activityId),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}

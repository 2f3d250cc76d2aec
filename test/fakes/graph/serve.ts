/**
 * Runs the Graph fake on its own for local demos:
 *   npx tsx test/fakes/graph/serve.ts [--port 8765]
 * Prints its URL and the default site, and runs until killed.
 */
import { parseArgs } from 'node:util';
import { listenGraphFake } from './fake.js';
import { DEFAULT_SITE } from './types.js';

const { values } = parseArgs({ options: { port: { type: 'string', default: '8765' } } });
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  process.stderr.write(`--port must be a port number, got '${values.port}'\n`);
  process.exit(2);
}

const fake = await listenGraphFake({}, port);
process.stdout.write(`Graph fake listening at ${fake.url}\n`);
process.stdout.write(`Default site: ${DEFAULT_SITE.id}\n`);
process.stdout.write(`  ${fake.url}/sites/${DEFAULT_SITE.hostname}:${DEFAULT_SITE.path}\n`);

const stop = (): void => {
  void fake.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

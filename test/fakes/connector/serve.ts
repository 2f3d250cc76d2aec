/**
 * Runs the connector fake on its own: `npx tsx test/fakes/connector/serve.ts [--port 56150] [--rate429 0.1]`.
 * Prints its URL (use it, or its /_connector form, as a conversation reference's serviceUrl).
 */
import { listenConnectorFake } from './fake.js';

function option(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

const port = Number(option('port') ?? '0');
const rate429 = Number(option('rate429') ?? '0');
const fake = await listenConnectorFake({ faults: { rate429 } }, port);
console.log(`connector fake listening: ${fake.url} (Agents Playground path: ${fake.playgroundUrl})`);
const stop = (): void => {
  console.log(JSON.stringify(fake.stats(), null, 2));
  fake.close().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);

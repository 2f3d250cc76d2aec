#!/usr/bin/env node
// Only configuration, logging and the telemetry port are imported statically. Application
// Insights must start before the modules it instruments (http, through restify and botbuilder)
// are loaded, so the bot is imported after it, below.
import { createLogger, writeToStderr } from '../app/logger.js';
import { startTelemetry } from '../app/telemetry.js';
import { ConfigError, loadConfig } from '../config/config.js';

/** `npm start`: the bot server; in local mode also the demo plan and the Agents Playground. */
async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const telemetry = await startTelemetry(config);
  const write = telemetry.enabled
    ? (line: string) => {
        writeToStderr(line);
        telemetry.forward(line);
      }
    : writeToStderr;
  const log = createLogger(config.LOG_LEVEL, write, { correlate: telemetry.correlate });
  const { startBot } = await import('../app/start-bot.js');
  const bot = await startBot(config, { log });
  if (telemetry.enabled) log.info('sending requests, dependencies and logs to Application Insights');
  const local = config.BOT_APP_ID === undefined;
  const lines = [
    `Followthrough is running at ${bot.url} (health: ${bot.url}/health).`,
    local
      ? `Local mode. Open http://localhost:${String(config.PLAYGROUND_PORT)} — the Microsoft 365 Agents Playground — and choose Personal Chat: reminders for the demo plan arrive there within a minute. You are "Alex Wilber", who leads the demo actions. Type "help" or "my actions".`
      : 'Connected to Azure Bot: Bot Framework tokens are checked on every call.',
    local
      ? `The tab, in any browser on this machine: ${bot.url}/tab/ (you act as Alex Wilber; switch with "Act as").`
      : `The tab's API is at ${bot.url}/api/ (Teams SSO tokens are checked on every call).`,
    'Stop with Ctrl+C.',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  const stop = (): void => {
    // The bot first (its last log lines included), then what telemetry still holds.
    bot
      .stop()
      .then(() => telemetry.shutdown())
      .then(
        () => process.exit(0),
        () => process.exit(1),
      );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`followthrough: ${error instanceof ConfigError || error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});

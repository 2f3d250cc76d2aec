import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config/config.js';
import { azureMonitorLoaded, NO_TELEMETRY, startTelemetry, type Telemetry, type TelemetryStarter } from './telemetry.js';

const CONNECTION = 'InstrumentationKey=0b0c0d0e-1111-4222-8333-444455556666;IngestionEndpoint=https://uksouth-1.in.applicationinsights.azure.com/';

/** A spy in place of the Azure Monitor distro: records what it was started with. */
function spyStarter(): TelemetryStarter & { calls: string[] } {
  const calls: string[] = [];
  const handle: Telemetry = { ...NO_TELEMETRY, enabled: true };
  return Object.assign((connectionString: string) => {
    calls.push(connectionString);
    return Promise.resolve(handle);
  }, { calls });
}

describe('startTelemetry', () => {
  it('starts nothing without APPLICATIONINSIGHTS_CONNECTION_STRING: the port is never called', async () => {
    const spy = spyStarter();
    const telemetry = await startTelemetry(loadConfig({}), spy);
    expect(spy.calls).toEqual([]);
    expect(telemetry).toBe(NO_TELEMETRY);
    expect(telemetry.enabled).toBe(false);
    expect(telemetry.correlate()).toEqual({});
  });

  it('does not even load the exporter without it (the real port, module state)', async () => {
    const telemetry = await startTelemetry(loadConfig({}));
    expect(telemetry.enabled).toBe(false);
    expect(azureMonitorLoaded()).toBe(false);
    await telemetry.shutdown();
  });

  it('starts the exporter with the validated connection string when it is set', async () => {
    const spy = spyStarter();
    const telemetry = await startTelemetry(loadConfig({ APPLICATIONINSIGHTS_CONNECTION_STRING: CONNECTION }), spy);
    expect(spy.calls).toEqual([CONNECTION]);
    expect(telemetry.enabled).toBe(true);
  });
});

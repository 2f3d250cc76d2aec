import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';

/**
 * The bot's identity in Azure. Single-tenant with a secret, or a user-assigned managed identity
 * (no secret at all) — the two kinds Azure Bot still creates for new bots.
 */
export type BotIdentity =
  | { appType: 'SingleTenant'; appId: string; tenantId: string; password: string }
  | { appType: 'UserAssignedMSI'; appId: string; tenantId: string };

/**
 * botbuilder is archived upstream (support ended 31 Dec 2025). This folder is the only place
 * that imports it, so moving to @microsoft/agents-hosting replaces this folder only.
 *
 * With an identity, CloudAdapter validates every inbound Bot Framework JWT and signs outbound
 * calls. Without one (local mode: the Agents Playground sends no JWT), authentication is
 * disabled — the HTTP layer then accepts calls from loopback only (server/).
 */
export function createCloudAdapter(identity: BotIdentity | null): CloudAdapter {
  const options =
    identity === null
      ? {}
      : {
          MicrosoftAppId: identity.appId,
          MicrosoftAppType: identity.appType,
          MicrosoftAppTenantId: identity.tenantId,
          ...(identity.appType === 'SingleTenant' ? { MicrosoftAppPassword: identity.password } : {}),
        };
  return new CloudAdapter(new ConfigurationBotFrameworkAuthentication(options));
}

export type { CloudAdapter } from 'botbuilder';

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
  return new CloudAdapter(new ReusedConnectorsAuthentication(options));
}

type AuthenticateResult = Awaited<ReturnType<ConfigurationBotFrameworkAuthentication['authenticateRequest']>>;
type ConnectorClient = Awaited<ReturnType<NonNullable<AuthenticateResult['connectorFactory']>['create']>>;
type UserTokenClient = Awaited<ReturnType<ConfigurationBotFrameworkAuthentication['createUserTokenClient']>>;

/** Service URLs are a handful per region; this only bounds the map if something odd arrives. */
const MAX_REUSED_CONNECTORS = 64;

/**
 * CloudAdapter builds a new ConnectorClient — credentials and an HTTP pipeline — for every
 * inbound activity (cloudAdapterBase.js processActivity), a large share of a card submit's cost
 * (benchmark P4). Inbound turns reuse one client per (bot app id, service URL, audience), as the
 * older BotFrameworkAdapter did; credentials cache their tokens, so a reused client stays valid.
 * Proactive sends (continueConversationAsync) still get a fresh client each: the proactive
 * transport removes the SDK's retry policy from it, which replies in a turn should keep.
 */
class ReusedConnectorsAuthentication extends ConfigurationBotFrameworkAuthentication {
  private readonly connectors = new Map<string, Promise<ConnectorClient>>();
  private readonly tokenClients = new Map<string, Promise<UserTokenClient>>();

  /**
   * CloudAdapter also builds a UserTokenClient (another credentials object and HTTP pipeline)
   * for every turn (cloudAdapterBase.js processActivity), though only OAuth sign-in cards use it
   * and we have none. One per bot app id serves every turn: it holds no per-turn state.
   */
  override createUserTokenClient(...args: Parameters<ConfigurationBotFrameworkAuthentication['createUserTokenClient']>): Promise<UserTokenClient> {
    const [claims] = args;
    const key = claims.getClaimValue('appid') ?? claims.getClaimValue('azp') ?? '';
    return this.remember(this.tokenClients, key, () => super.createUserTokenClient(...args));
  }

  override async authenticateRequest(...args: Parameters<ConfigurationBotFrameworkAuthentication['authenticateRequest']>): Promise<AuthenticateResult> {
    const result = await super.authenticateRequest(...args);
    const inner = result.connectorFactory;
    if (inner === undefined) return result;
    const claims = result.claimsIdentity;
    const appId = claims.getClaimValue('appid') ?? claims.getClaimValue('azp') ?? '';
    // The factory is this request's own (built by authenticateRequest): wrapping its method is local to the turn.
    const build = inner.create.bind(inner);
    inner.create = (serviceUrl, audience) => this.reuse(`${appId}|${serviceUrl}|${audience ?? ''}`, () => build(serviceUrl, audience));
    return result;
  }

  private reuse(key: string, create: () => Promise<ConnectorClient>): Promise<ConnectorClient> {
    return this.remember(this.connectors, key, create);
  }

  private remember<T>(made: Map<string, Promise<T>>, key: string, create: () => Promise<T>): Promise<T> {
    const known = made.get(key);
    if (known !== undefined) return known;
    if (made.size >= MAX_REUSED_CONNECTORS) made.clear();
    const building = create();
    made.set(key, building);
    // A failed build (a token endpoint down) must not be remembered.
    building.catch(() => made.delete(key));
    return building;
  }
}

export type { CloudAdapter } from 'botbuilder';

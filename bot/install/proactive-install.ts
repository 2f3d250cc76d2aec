import type { Conversation } from '../../core/model/index.js';
import { GraphError, isRecord } from '../../store/sharepoint/graph/graph-error.js';
import type { GraphHttp } from '../../store/sharepoint/graph/graph-http.js';

export interface InstallerOptions {
  /** The app's id in its Teams manifest (`id`); the catalog is searched by it. */
  manifestAppId: string;
  /** The bot's app id: Teams addresses the bot as `28:<app id>`. */
  botAppId: string;
  tenantId: string;
  /** Where Teams' Bot Connector is for the tenant's region, e.g. https://smba.trafficmanager.net/uk/ */
  serviceUrl: string;
  now: () => Date;
}

export interface Installer {
  /**
   * Installs the app for someone who never installed it and returns a conversation for their
   * 1:1 chat with the bot, or null when that cannot be done (the app is not in the org catalog).
   * Teams also sends the bot an installationUpdate, which stores the same conversation.
   */
  conversationFor(aadObjectId: string, displayName: string | null): Promise<Conversation | null>;
}

/**
 * Proactive installation through Graph (platform-facts.md, "Proactive messages"):
 * `POST /users/{id}/teamwork/installedApps` with the catalog app (409: already installed), then
 * `GET …/installedApps/{id}/chat` for the chat id. Needs the application permissions
 * `TeamsAppInstallation.ReadWriteSelfForUser.All` and, for the catalog look-up by manifest id,
 * `AppCatalog.Read.All` (Graph's least-privileged one for `GET /appCatalogs/teamsApps`), with
 * admin consent, and the app published to the org catalog.
 */
export function createInstaller(http: GraphHttp, options: InstallerOptions): Installer {
  let catalogId: Promise<string | null> | null = null;
  const findCatalogId = async (): Promise<string | null> => {
    const response = await http.send({ method: 'GET', path: `/appCatalogs/teamsApps?$filter=${encodeURIComponent(`externalId eq '${options.manifestAppId}'`)}` });
    const first = valueOf(response.body)[0];
    return first !== undefined && typeof first.id === 'string' ? first.id : null;
  };
  return {
    async conversationFor(aadObjectId, displayName) {
      catalogId ??= findCatalogId();
      const appId = await catalogId;
      if (appId === null) return null;
      const user = encodeURIComponent(aadObjectId);
      try {
        await http.send({ method: 'POST', path: `/users/${user}/teamwork/installedApps`, body: { 'teamsApp@odata.bind': `https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/${appId}` } });
      } catch (error) {
        if (!(error instanceof GraphError) || error.status !== 409) throw error;
      }
      const installed = await http.send({ method: 'GET', path: `/users/${user}/teamwork/installedApps?$expand=teamsApp&$filter=${encodeURIComponent(`teamsApp/id eq '${appId}'`)}` });
      const installation = valueOf(installed.body)[0];
      if (installation === undefined || typeof installation.id !== 'string') return null;
      const chat = await http.send({ method: 'GET', path: `/users/${user}/teamwork/installedApps/${encodeURIComponent(installation.id)}/chat` });
      const chatId = isRecord(chat.body) && typeof chat.body.id === 'string' ? chat.body.id : null;
      if (chatId === null) return null;
      return {
        aadObjectId,
        displayName,
        tenantId: options.tenantId,
        reference: {
          serviceUrl: options.serviceUrl,
          channelId: 'msteams',
          conversation: { id: chatId, conversationType: 'personal', tenantId: options.tenantId },
          bot: { id: `28:${options.botAppId}` },
          user: { id: aadObjectId, aadObjectId },
        },
        usable: true,
        unusableReason: null,
        updatedAt: options.now().toISOString(),
      };
    },
  };
}

function valueOf(body: unknown): Record<string, unknown>[] {
  return isRecord(body) && Array.isArray(body.value) ? body.value.filter(isRecord) : [];
}

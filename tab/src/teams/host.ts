/**
 * What the rest of the tab knows about where it runs. Only this folder touches teams-js, and it
 * is loaded only when the page is framed (Teams), so a plain browser never downloads it.
 */
export interface TabHost {
  readonly inTeams: boolean;
  /** Teams' theme (`default`, `dark`, `contrast`), or null outside Teams. */
  readonly theme: string | null;
  onThemeChange(listener: (theme: string) => void): void;
  /** Teams SSO token for the tab's API; rejects outside Teams. */
  getToken(): Promise<string>;
  readonly page: PageContext;
  /** Present only while Teams shows the channel tab's configuration page. */
  readonly config: TabConfigHost | null;
}

export interface PageContext {
  /** The tab's entity id (a personal tab's `entityId`, a channel tab's configured one). */
  entityId: string | null;
  /** Deep links into the tab ("Open in tab" from the bot's cards) carry this. */
  subPageId: string | null;
  /** Opened as the personal (static) tab rather than in a channel or chat. */
  personal: boolean;
}

/** A channel tab's settings, as we hand them to Teams. */
export interface TabSettings {
  contentUrl: string;
  websiteUrl: string;
  entityId: string;
  suggestedDisplayName: string;
}

export interface TabConfigHost {
  setValid(valid: boolean): void;
  /** Teams asks for the settings when the user presses Save; null refuses with a message. */
  onSave(settings: () => TabSettings | null): void;
}

/** Outside Teams (local mode, a plain browser). */
export const BROWSER_HOST: TabHost = {
  inTeams: false,
  theme: null,
  onThemeChange: () => undefined,
  getToken: () => Promise.reject(new Error('Not in Teams')),
  page: { entityId: null, subPageId: null, personal: false },
  config: null,
};

/** How long Teams gets to answer `app.initialize()`; outside it the promise may never settle. */
export const TEAMS_TIMEOUT_MS = 4000;

/** Connects to Teams when the page is framed by it; otherwise (or when it does not answer) the browser host. */
export async function connectHost(): Promise<TabHost> {
  if (!mayBeInTeams()) return BROWSER_HOST;
  try {
    const { connectTeams } = await import('./teams-host.js');
    return (await connectTeams(TEAMS_TIMEOUT_MS)) ?? BROWSER_HOST;
  } catch (error) {
    console.warn('Teams did not answer; running as a plain web page.', error);
    return BROWSER_HOST;
  }
}

function mayBeInTeams(): boolean {
  // Teams web and desktop frame the tab; mobile clients inject a native bridge instead.
  return window.self !== window.top || window.opener !== null || 'nativeInterface' in window;
}

/** A promise that rejects after `ms` when the given one has not settled. */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`${what} did not answer within ${String(ms)} ms`));
    }, ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

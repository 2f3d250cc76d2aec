import { app, authentication, FrameContexts, pages } from '@microsoft/teams-js';
import { type TabConfigHost, type TabHost, withTimeout } from './host.js';

/** The Teams host, or null when the page is framed by something that is not Teams. */
export async function connectTeams(timeoutMs: number): Promise<TabHost | null> {
  try {
    await withTimeout(app.initialize(), timeoutMs, 'Teams');
  } catch (error) {
    console.warn('Not running in Teams:', error instanceof Error ? error.message : error);
    return null;
  }
  const context = await withTimeout(app.getContext(), timeoutMs, 'Teams context');
  const themeListeners = new Set<(theme: string) => void>();
  app.registerOnThemeChangeHandler((theme) => {
    for (const listener of themeListeners) listener(theme);
  });
  // Tells Teams to take its loading indicator down (manifest `showLoadingIndicator`).
  app.notifySuccess().catch((error: unknown) => {
    console.warn('Teams notifySuccess failed', error);
  });
  const personal = !context.channel && !context.chat && !context.meeting;
  return {
    inTeams: true,
    theme: context.app.theme,
    onThemeChange: (listener) => themeListeners.add(listener),
    getToken: () => authentication.getAuthToken(),
    page: { entityId: context.page.id || null, subPageId: context.page.subPageId ?? null, personal },
    config: context.page.frameContext === FrameContexts.settings ? configHost() : null,
  };
}

function configHost(): TabConfigHost {
  return {
    setValid: (valid) => {
      pages.config.setValidityState(valid);
    },
    onSave: (settings) => {
      pages.config.registerOnSaveHandler((event) => {
        const chosen = settings();
        if (chosen === null) {
          event.notifyFailure('Choose a plan first.');
          return;
        }
        pages.config.setConfig(chosen).then(
          () => {
            event.notifySuccess();
          },
          (error: unknown) => {
            event.notifyFailure(error instanceof Error ? error.message : 'Teams could not save the tab.');
          },
        );
      });
    },
  };
}

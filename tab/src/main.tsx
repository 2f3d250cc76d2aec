import { createRoot } from 'react-dom/client';
import { createApi } from './api/client.js';
import { browserStorage, resolveIdentity } from './api/identity-store.js';
import { loaderFor, prefetch } from './api/loaders.js';
import { App } from './app.js';
import { pickTheme, type ThemeName } from './logic/theme.js';
import { navigate } from './routing/navigation.js';
import { deepLinkRoute, matchRoute } from './routing/routes.js';
import { connectHost, type TabHost } from './teams/host.js';

/**
 * Start-up: find out whether Teams frames us, who we are calling the API as, and which theme to
 * wear; then render. Teams' theme changes and the browser's colour scheme are followed live.
 */
async function start(): Promise<void> {
  const container = document.getElementById('root');
  if (container === null) throw new Error('The page has no #root element');
  const root = createRoot(container);
  const host = await connectHost();
  followDeepLink(host);
  const identity = await resolveIdentity(host, browserStorage());
  const first = identity.mode === 'none' ? null : loaderFor(matchRoute(window.location.pathname), host.page.personal);
  if (first !== null && identity.mode !== 'none') prefetch(first, createApi(identity.credentials));
  let teamsTheme = host.theme;
  const render = (): void => {
    root.render(<App host={host} identity={identity} theme={currentTheme(teamsTheme)} />);
  };
  host.onThemeChange((theme) => {
    teamsTheme = theme;
    render();
  });
  for (const query of ['(prefers-color-scheme: dark)', '(forced-colors: active)']) window.matchMedia(query).addEventListener('change', render);
  render();
}

function currentTheme(teams: string | null): ThemeName {
  return pickTheme({
    query: new URLSearchParams(window.location.search).get('theme'),
    teams,
    prefersDark: window.matchMedia('(prefers-color-scheme: dark)').matches,
    forcedColors: window.matchMedia('(forced-colors: active)').matches,
  });
}

/**
 * A deep link from the bot's card ("Open in tab") opens the tab at its own address (a personal
 * tab's home, a channel tab's plan) with `subPageId` set: go where it points, once, at start-up.
 */
function followDeepLink(host: TabHost): void {
  const target = deepLinkRoute(host.page.subPageId);
  const here = matchRoute(window.location.pathname);
  if (target === null || target.name === 'not-found' || here.name === 'config' || JSON.stringify(here) === JSON.stringify(target)) return;
  navigate(target, { replace: true });
}

start().catch((error: unknown) => {
  console.error('Followthrough tab failed to start', error);
  document.body.textContent = 'Followthrough could not start. Reload the page; if it keeps happening, tell your administrator.';
});

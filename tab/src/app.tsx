import { FluentProvider, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, teamsDarkTheme, teamsHighContrastTheme, teamsLightTheme, type Theme, tokens } from '@fluentui/react-components';
import { type RefObject, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { DevIdentity } from '../../core/views/tab-api.js';
import { createApi } from './api/client.js';
import { browserStorage, type Identity, local, rememberIdentity } from './api/identity-store.js';
import type { ThemeName } from './logic/theme.js';
import { interceptLinks, useRoute } from './routing/navigation.js';
import type { Route } from './routing/routes.js';
import { type Session, SessionContext } from './session.js';
import type { TabHost } from './teams/host.js';
import { IdentityPicker } from './ui/identity-picker.js';
import { NavBar } from './ui/nav-bar.js';
import { ActionPage } from './views/action-page.js';
import { ConfigPage } from './views/config-page.js';
import { DashboardHomePage } from './views/dashboard-home-page.js';
import { DashboardPage } from './views/dashboard-page.js';
import { ImportPage } from './views/import-page.js';
import { MeetingPage } from './views/meeting-page.js';
import { MyActionsPage } from './views/my-actions-page.js';
import { PlanListPage } from './views/plan-list-page.js';
import { PlanPage } from './views/plan-page.js';

const THEMES: Record<ThemeName, Theme> = { light: teamsLightTheme, dark: teamsDarkTheme, contrast: teamsHighContrastTheme };

const useStyles = makeStyles({
  // Not on the FluentProvider itself: Fluent copies its classes onto every portal (menus, tooltips).
  background: {
    minHeight: '100vh',
    backgroundColor: tokens.colorNeutralBackground1,
    // Fluent sets body text's line height in pixels; headings need one of their own or long plan
    // titles overlap. Only line height here, so each heading's own class still sets its size.
    '& h1': { lineHeight: 1.25 },
    '& h2': { lineHeight: 1.25 },
    '& h3': { lineHeight: 1.25 },
  },
  shell: { maxWidth: '1100px', margin: '0 auto', padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM} ${tokens.spacingVerticalXXL}`, boxSizing: 'border-box' },
  banner: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalS },
  name: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase400 },
  main: { paddingTop: tokens.spacingVerticalM, ':focus': { outline: 'none' } },
  skip: {
    position: 'absolute',
    left: '-10000px',
    ':focus': { left: tokens.spacingHorizontalM, top: tokens.spacingVerticalS, zIndex: 10, padding: tokens.spacingHorizontalS, backgroundColor: tokens.colorNeutralBackground1 },
  },
});

export function App({ host, identity, theme }: { host: TabHost; identity: Identity; theme: ThemeName }) {
  const styles = useStyles();
  useEffect(() => {
    // The page behind the app (overscroll, content not yet painted) wears the theme too.
    document.body.style.backgroundColor = THEMES[theme].colorNeutralBackground1;
    document.documentElement.style.colorScheme = theme === 'light' ? 'light' : 'dark';
  }, [theme]);
  return (
    <FluentProvider theme={THEMES[theme]}>
      <div className={styles.background}>{identity.mode === 'none' ? <NoIdentity problem={identity.problem} /> : <SignedIn host={host} identity={identity} />}</div>
    </FluentProvider>
  );
}

function NoIdentity({ problem }: { problem: string }) {
  const styles = useStyles();
  return (
    <main className={styles.shell}>
      <h1>Followthrough</h1>
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>You are not signed in.</MessageBarTitle> {problem}
        </MessageBarBody>
      </MessageBar>
    </main>
  );
}

const PLAN_KEY = 'followthrough.currentPlan';

function readPlan(): string | null {
  try {
    return sessionStorage.getItem(PLAN_KEY);
  } catch {
    return null;
  }
}

function SignedIn({ host, identity: initial }: { host: TabHost; identity: Exclude<Identity, { mode: 'none' }> }) {
  const styles = useStyles();
  const route = useRoute();
  const [identity, setIdentity] = useState<Exclude<Identity, { mode: 'none' }>>(initial);
  // A channel tab's entity id is its plan (see settingsFor); a personal tab's is not a plan at all.
  const [currentPlanId, setCurrentPlanId] = useState<string | null>(() => readPlan() ?? (host.page.personal ? null : host.page.entityId));
  const mainRef = useRef<HTMLElement>(null);
  const setCurrentPlan = useCallback((planId: string) => {
    setCurrentPlanId(planId);
    try {
      sessionStorage.setItem(PLAN_KEY, planId);
    } catch {
      // Storage refused (a sandboxed frame): the Dashboard tab then forgets the plan on reload, nothing more.
    }
  }, []);
  // The API object changes only with the person: every page reloads when it changes, and only then.
  const api = useMemo(() => createApi(identity.credentials), [identity]);
  const session = useMemo<Session>(
    () => ({
      api,
      host,
      mode: identity.mode,
      currentPlanId,
      setCurrentPlan,
    }),
    [api, identity, host, currentPlanId, setCurrentPlan],
  );
  useEffect(() => interceptLinks(document), []);
  useFocusOnNavigation(route, mainRef);
  const actAs = (person: DevIdentity): void => {
    rememberIdentity(browserStorage(), person);
    setIdentity(local(person));
  };
  const framed = route.name === 'config';
  return (
    <SessionContext.Provider value={session}>
      <div className={styles.shell}>
        <a className={styles.skip} href="#main">
          Skip to content
        </a>
        {!framed && (
          <header className={styles.banner}>
            <span className={styles.name}>Followthrough</span>
            {identity.mode === 'local' && <IdentityPicker person={identity.person} onChange={actAs} />}
          </header>
        )}
        {!framed && <NavBar route={route} personal={host.page.personal} planId={currentPlanId} />}
        {/* Keyed by person: choosing someone else under "Act as" reloads what is shown as them. */}
        <main id="main" ref={mainRef} tabIndex={-1} className={styles.main} key={identity.mode === 'local' ? identity.person.aadObjectId : 'teams'}>
          <Page route={route} personal={host.page.personal} />
        </main>
      </div>
    </SessionContext.Provider>
  );
}

function Page({ route, personal }: { route: Route; personal: boolean }) {
  switch (route.name) {
    case 'home':
      return personal ? <MyActionsPage /> : <PlanListPage />;
    case 'plans':
      return <PlanListPage />;
    case 'plan':
      return <PlanPage key={route.planId} planId={route.planId} />;
    case 'dashboard':
      return <DashboardPage key={route.planId} planId={route.planId} />;
    case 'dashboard-home':
      return <DashboardHomePage />;
    case 'action':
      return <ActionPage key={route.actionId} actionId={route.actionId} />;
    case 'my-actions':
      return <MyActionsPage />;
    case 'config':
      return <ConfigPage />;
    case 'import':
      return <ImportPage />;
    case 'meeting':
      return <MeetingPage />;
    case 'not-found':
      return (
        <>
          <h1>Page not found</h1>
          <p>{`Nothing lives at ${route.path}.`}</p>
        </>
      );
  }
}

/** After an in-app navigation, focus moves to the new page so screen readers announce it (not on first load). */
function useFocusOnNavigation(route: Route, main: RefObject<HTMLElement | null>): void {
  const first = useRef(true);
  const path = JSON.stringify(route);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }, [path, main]);
}

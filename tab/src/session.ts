import { createContext, useContext } from 'react';
import type { Api } from './api/client.js';
import type { TabHost } from './teams/host.js';

/** What every view may need: the API as the current person, and where the tab runs. */
export interface Session {
  api: Api;
  host: TabHost;
  mode: 'teams' | 'local';
  /** The plan last looked at: the nav bar's Dashboard tab goes to it. */
  currentPlanId: string | null;
  setCurrentPlan: (planId: string) => void;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (session === null) throw new Error('useSession outside SessionContext');
  return session;
}

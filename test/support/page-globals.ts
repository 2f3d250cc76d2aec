/**
 * The few browser globals that code run inside a page (Playwright's `evaluate`, `waitForFunction`,
 * `addInitScript`) touches. The Node program is compiled without the DOM library, on purpose, so
 * those callbacks cast `globalThis` to this. Types only: a callback is serialised into the page
 * and cannot call anything imported here.
 */
export interface PageElement {
  textContent: string | null;
  disabled?: boolean;
}

export interface PageGlobals {
  document: {
    querySelector(selector: string): PageElement | null;
    getElementById(id: string): PageElement | null;
    readyState: string;
    activeElement: unknown;
    documentElement: { scrollWidth: number };
  };
  localStorage: { setItem(key: string, value: string): void };
  innerWidth: number;
  axe: { run(context: unknown): Promise<{ violations: unknown[] }> };
}

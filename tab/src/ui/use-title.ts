import { useEffect } from 'react';

/** The browser tab's (and screen readers') page title. */
export function useTitle(title: string): void {
  useEffect(() => {
    document.title = title === '' ? 'Followthrough' : `${title} · Followthrough`;
  }, [title]);
}

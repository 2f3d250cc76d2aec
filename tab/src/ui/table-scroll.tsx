import type { ReactNode } from 'react';
import { useCommonStyles } from './common-styles.js';

/** A table that scrolls sideways on its own at narrow widths: focusable and named, so keyboards can scroll it too. */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  const common = useCommonStyles();
  return (
    <div className={common.tableWrap} tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}

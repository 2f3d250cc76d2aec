import { makeStyles, tokens } from '@fluentui/react-components';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { DUE_TIP_ATTRIBUTE } from './due-text.js';

const useStyles = makeStyles({
  tip: {
    position: 'fixed',
    zIndex: 1000,
    maxWidth: 'min(320px, calc(100vw - 16px))',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    border: `1px solid ${tokens.colorTransparentStroke}`,
    boxShadow: tokens.shadow16,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    pointerEvents: 'none',
  },
});

interface Tip {
  text: string;
  target: Element;
}

/** Below the date, kept inside the window: Teams' narrowest frame is about 320px. */
function placeBelow(target: Element): { top: number; left: number } {
  const rect = target.getBoundingClientRect();
  return { top: rect.bottom + 4, left: Math.max(8, Math.min(rect.left, window.innerWidth - 328)) };
}

/**
 * One tooltip for a whole list: it follows whichever due date is hovered or focused. A Fluent
 * Tooltip per row would mount hundreds of positioning hooks for a 500-action plan (benchmark P5).
 * It is hidden from screen readers: each due date carries its wording as hidden text already.
 */
export function DueTooltipLayer({ children }: { children: ReactNode }) {
  const styles = useStyles();
  const ref = useRef<HTMLDivElement>(null);
  const [tip, setTip] = useState<Tip | null>(null);
  useEffect(() => {
    const container = ref.current;
    if (container === null) return;
    const show = (event: Event): void => {
      const target = event.target instanceof Element ? event.target.closest(`[${DUE_TIP_ATTRIBUTE}]`) : null;
      const text = target?.getAttribute(DUE_TIP_ATTRIBUTE);
      if (!target || !text) return;
      setTip({ text, target });
    };
    const hide = (event: Event): void => {
      if (event.target instanceof Element && event.target.closest(`[${DUE_TIP_ATTRIBUTE}]`)) setTip(null);
    };
    const escape = (event: KeyboardEvent): void => {
      if (event.key === 'Escape') setTip(null);
    };
    const events: [string, EventListener][] = [['mouseover', show], ['focusin', show], ['mouseout', hide], ['focusout', hide], ['keydown', escape as EventListener]];
    for (const [name, listener] of events) container.addEventListener(name, listener);
    // A fixed tooltip follows its date when the page scrolls (focusing a date scrolls it into view).
    const follow = (): void => {
      setTip((current) => (current === null ? null : { ...current }));
    };
    window.addEventListener('scroll', follow, { passive: true, capture: true });
    return () => {
      for (const [name, listener] of events) container.removeEventListener(name, listener);
      window.removeEventListener('scroll', follow, { capture: true });
    };
  }, []);
  return (
    <div ref={ref}>
      {children}
      {tip && (
        <div className={styles.tip} style={placeBelow(tip.target)} aria-hidden="true" data-testid="due-tooltip">
          {tip.text}
        </div>
      )}
    </div>
  );
}

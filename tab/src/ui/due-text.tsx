import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { DueInfo, DueTone } from '../logic/due.js';
import { useCommonStyles } from './common-styles.js';

const useStyles = makeStyles({
  due: { borderRadius: tokens.borderRadiusSmall, ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '1px' } },
  overdue: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  today: { color: tokens.colorPaletteDarkOrangeForeground1, fontWeight: tokens.fontWeightSemibold },
  soon: { color: tokens.colorPaletteDarkOrangeForeground1 },
  later: {},
  closed: { color: tokens.colorNeutralForeground2 },
  none: { color: tokens.colorNeutralForeground2 },
});

export const DUE_TIP_ATTRIBUTE = 'data-due-tip';

/**
 * "Overdue by 3 days", focusable, carrying the plan's own wording for the shared tooltip
 * (DueTooltipLayer) and, for screen readers, as hidden text: one light element per row.
 */
export function DueText({ due }: { due: DueInfo }) {
  const styles = useStyles();
  const common = useCommonStyles();
  const tone: Record<DueTone, string> = styles;
  return (
    <span className={mergeClasses(styles.due, tone[due.tone])} tabIndex={0} {...{ [DUE_TIP_ATTRIBUTE]: due.wording }}>
      {due.label}
      <span className={common.visuallyHidden}>{` (${due.wording})`}</span>
    </span>
  );
}

import { Button, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import type { DecisionButton } from '../logic/review-decisions.js';
import { useCommonStyles } from './common-styles.js';

const useStyles = makeStyles({
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, paddingTop: tokens.spacingVerticalXS },
  hints: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

interface Props {
  buttons: readonly DecisionButton[];
  /** The group's accessible name ("Decisions", "Decision on action 2b"). */
  groupLabel: string;
  /** Read after each button's label by screen readers only, so "Approve" is "Approve action 2b" in a list of several. */
  nameSuffix?: string;
  onPick: (button: DecisionButton) => void;
}

/**
 * Governance decisions as buttons: the primary one is Assure; a decision the rules refuse stays
 * focusable but disabled, described by its reason (listed once under the buttons), so a
 * keyboard or screen-reader user learns why rather than finding nothing there.
 */
export function DecisionButtons({ buttons, groupLabel, nameSuffix, onPick }: Props) {
  const styles = useStyles();
  const common = useCommonStyles();
  const hintId = useId();
  const refusals = [...new Set(buttons.flatMap((button) => (button.disabledReason === null ? [] : [button.disabledReason])))];
  const hintOf = (button: DecisionButton): string | undefined => (button.disabledReason === null ? undefined : `${hintId}-${String(refusals.indexOf(button.disabledReason))}`);
  if (buttons.length === 0) return null;
  return (
    <>
      <div className={styles.buttons} role="group" aria-label={groupLabel}>
        {buttons.map((button) => (
          <Button
            key={button.decision}
            appearance={button.decision === 'assure' ? 'primary' : 'secondary'}
            disabledFocusable={button.disabledReason !== null}
            aria-describedby={hintOf(button)}
            onClick={() => {
              onPick(button);
            }}
          >
            {button.label}
            {nameSuffix !== undefined && <span className={common.visuallyHidden}>{` ${nameSuffix}`}</span>}
          </Button>
        ))}
      </div>
      {refusals.length > 0 && (
        <ul className={mergeClasses(styles.hints, common.muted)}>
          {refusals.map((text, index) => (
            <li key={text} id={`${hintId}-${String(index)}`}>
              {text}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

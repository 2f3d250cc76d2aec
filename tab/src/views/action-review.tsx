import { Button, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useId, useState } from 'react';
import type { ActionDetail } from '../../../core/views/tab-api.js';
import { asSentence } from '../logic/labels.js';
import { type DecisionButton, offerButtons, reviewText } from '../logic/review-decisions.js';
import { useCommonStyles } from '../ui/common-styles.js';
import { DecisionDialog } from './decision-dialog.js';

const useStyles = makeStyles({
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  hints: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/**
 * The action's latest review and the decisions the caller may take now (assure, return, reopen,
 * not applicable, reinstate) — those the rules refuse are shown disabled, with the reason.
 */
export function ActionReview({ detail, actionName, onDecided, onConflict }: { detail: ActionDetail; actionName: string; onDecided: (detail: ActionDetail, button: DecisionButton) => void; onConflict: () => void }) {
  const styles = useStyles();
  const common = useCommonStyles();
  const hintId = useId();
  const [open, setOpen] = useState<DecisionButton | null>(null);
  const { action } = detail;
  const buttons = offerButtons(detail.decisions);
  const refusals = [...new Set(buttons.flatMap((button) => (button.disabledReason === null ? [] : [button.disabledReason])))];
  const hintOf = (button: DecisionButton): string | undefined => (button.disabledReason === null ? undefined : `${hintId}-${String(refusals.indexOf(button.disabledReason))}`);
  return (
    <>
      <p data-testid="review">{action.review === null ? 'Not reviewed yet.' : asSentence(reviewText(action.review))}</p>
      {buttons.length > 0 && (
        <div className={styles.buttons} role="group" aria-label="Decisions">
          {buttons.map((button) => (
            <Button
              key={button.decision}
              appearance={button.decision === 'assure' ? 'primary' : 'secondary'}
              disabledFocusable={button.disabledReason !== null}
              aria-describedby={hintOf(button)}
              onClick={() => {
                setOpen(button);
              }}
            >
              {button.label}
            </Button>
          ))}
        </div>
      )}
      {refusals.length > 0 && (
        <ul className={mergeClasses(styles.hints, common.muted)}>
          {refusals.map((text, index) => (
            <li key={text} id={`${hintId}-${String(index)}`}>
              {text}
            </li>
          ))}
        </ul>
      )}
      {open !== null && (
        <DecisionDialog
          actionId={action.id}
          actionName={actionName}
          button={open}
          meeting={null}
          version={action.version}
          onDone={(fresh) => {
            setOpen(null);
            onDecided(fresh, open);
          }}
          onConflict={() => {
            setOpen(null);
            onConflict();
          }}
          onCancel={() => {
            setOpen(null);
          }}
        />
      )}
    </>
  );
}

import { useState } from 'react';
import type { ActionDetail } from '../../../core/views/tab-api.js';
import { asSentence } from '../logic/labels.js';
import { type DecisionButton, offerButtons, reviewText } from '../logic/review-decisions.js';
import { DecisionButtons } from '../ui/decision-buttons.js';
import { DecisionDialog } from './decision-dialog.js';

/**
 * The action's latest review and the decisions the caller may take now (assure, return, reopen,
 * not applicable, reinstate) — those the rules refuse are shown disabled, with the reason.
 */
export function ActionReview({ detail, actionName, onDecided, onConflict }: { detail: ActionDetail; actionName: string; onDecided: (detail: ActionDetail, button: DecisionButton) => void; onConflict: () => void }) {
  const [open, setOpen] = useState<DecisionButton | null>(null);
  const { action } = detail;
  const buttons = offerButtons(detail.decisions);
  return (
    <>
      <p data-testid="review">{action.review === null ? 'Not reviewed yet.' : asSentence(reviewText(action.review))}</p>
      <DecisionButtons buttons={buttons} groupLabel="Decisions" onPick={setOpen} />
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

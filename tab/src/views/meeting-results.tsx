import { makeStyles, MessageBar, MessageBarBody, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { MeetingView } from '../../../core/views/tab-api.js';
import { meetingLoader } from '../api/loaders.js';
import { useApiData } from '../api/use-api-data.js';
import { plural, ukDate } from '../logic/labels.js';
import type { MeetingChoice } from '../logic/meeting-dates.js';
import { meetingExportPath } from '../logic/paper-links.js';
import { useCommonStyles } from '../ui/common-styles.js';
import { ErrorView } from '../ui/error-view.js';
import { Loading } from '../ui/loading.js';
import { PaperButtons } from '../ui/paper-buttons.js';
import { MeetingPlanSection } from './meeting-plan.js';

const useStyles = makeStyles({
  results: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
  notice: { ':focus': { outline: 'none' } },
  // A title, not a heading: the page's h1 is "Governance meeting" and each plan below is an h2.
  title: { margin: 0, fontSize: tokens.fontSizeBase500, lineHeight: 1.25, fontWeight: tokens.fontWeightSemibold },
});

export type MeetingNotice = { intent: 'success' | 'warning'; text: string };

/**
 * One meeting's papers: loaded for the chosen forum and dates, reloaded after each decision so a
 * decided action moves from "Awaiting assurance" to "Decisions at this meeting". The message about
 * the last decision stays put while the meeting reloads beneath it.
 */
export function MeetingResults({ choice }: { choice: MeetingChoice }) {
  const styles = useStyles();
  const { result, reload } = useApiData(meetingLoader(choice));
  const [notice, setNotice] = useState<MeetingNotice | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  const decided = useCallback(
    (next: MeetingNotice) => {
      setNotice(next);
      reload();
    },
    [reload],
  );
  useEffect(() => {
    // The button pressed has gone with the reload: focus the message, not the top of the page.
    if (notice !== null) noticeRef.current?.focus();
  }, [notice]);
  return (
    <section className={styles.results} aria-label="The meeting" aria-busy={result.state === 'loading'}>
      <div ref={noticeRef} tabIndex={-1} role="status" className={styles.notice}>
        {notice !== null && (
          <MessageBar intent={notice.intent} layout="multiline">
            <MessageBarBody>{notice.text}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      {result.state === 'loading' && <Loading what="the meeting" />}
      {result.state === 'error' && <ErrorView error={result.error} onRetry={reload} what="the meeting" />}
      {result.state === 'ok' && <MeetingBody view={result.data} choice={choice} onDecided={decided} />}
    </section>
  );
}

function MeetingBody({ view, choice, onDecided }: { view: MeetingView; choice: MeetingChoice; onDecided: (notice: MeetingNotice) => void }) {
  const styles = useStyles();
  const common = useCommonStyles();
  const { counts } = view;
  const headline = [
    plural(counts.plans, 'plan'),
    `${String(counts.awaitingAssurance)} awaiting assurance`,
    `${String(counts.overdue)} overdue${counts.escalated > 0 ? ` (${String(counts.escalated)} escalated)` : ''}`,
    plural(counts.decisions, 'decision'),
  ].join(' · ');
  return (
    <>
      <div>
        <p className={styles.title} data-testid="meeting-title">{`${view.meeting.forum}, ${ukDate(view.meeting.date)}`}</p>
        <p className={common.muted}>{`Changes since the last meeting on ${ukDate(view.since)}. ${headline}.`}</p>
      </div>
      <PaperButtons label="The meeting paper" pathOf={(format) => meetingExportPath(choice, format)} baseName={`meeting-${view.meeting.date}`} />
      {view.plans.length === 0 ? (
        <p>{`No plan reports to ${view.forum}, and no action names it.`}</p>
      ) : (
        view.plans.map((plan) => <MeetingPlanSection key={plan.plan.id} plan={plan} view={view} onDecided={onDecided} />)
      )}
    </>
  );
}

import { Button, Field, Input, Link, makeStyles, Select, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { readMeetingMemory, saveMeetingChoice } from '../api/remembered-meetings.js';
import { forumsLoader } from '../api/loaders.js';
import { useApiData } from '../api/use-api-data.js';
import { checkChoice, type ChoiceErrors, initialDates, initialForum, type MeetingChoice, ukToday } from '../logic/meeting-dates.js';
import { meetingPageSearch, readMeetingSearch } from '../logic/paper-links.js';
import { routeHref } from '../routing/routes.js';
import { useCommonStyles } from '../ui/common-styles.js';
import { PageStatus } from '../ui/page-status.js';
import { useTitle } from '../ui/use-title.js';
import { MeetingResults } from './meeting-results.js';

const useStyles = makeStyles({
  form: { display: 'flex', flexWrap: 'wrap', gap: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`, alignItems: 'flex-end' },
  field: { flex: '1 1 12rem', minWidth: 0 },
  forum: { flex: '2 1 16rem', minWidth: 0 },
});

const TITLE = 'Governance meeting';

/**
 * `/tab/meeting`: run a forum's meeting from the tab. Pick the forum and the date of its last
 * meeting; see what changed since, what is overdue and why, what awaits assurance (Approve /
 * Return, recorded against this meeting), what was decided, how the measures stand; export the paper.
 */
export function MeetingPage() {
  const { result, reload } = useApiData(forumsLoader);
  useTitle(TITLE);
  if (result.state !== 'ok') return <PageStatus title={TITLE} what="the forums" result={result} onRetry={reload} />;
  return <MeetingChooser forums={result.data} />;
}

function MeetingChooser({ forums }: { forums: readonly string[] }) {
  const common = useCommonStyles();
  const styles = useStyles();
  const today = useMemo(() => ukToday(new Date()), []);
  // What the address asks for (a plan's "Meeting view" link, or a reload) comes first.
  const asked = useMemo(() => readMeetingSearch(window.location.search), []);
  const [memory, setMemory] = useState(readMeetingMemory);
  const [values, setValues] = useState<MeetingChoice>(() => {
    const forum = initialForum(forums, asked.forum, memory.lastForum);
    const dates = initialDates(forum, memory.meetings, today);
    return { forum, since: asked.since ?? dates.since, date: asked.date ?? dates.date };
  });
  const [errors, setErrors] = useState<ChoiceErrors>({});
  // Opened at once when the address named a forum this tab knows: the link was to that meeting.
  const [shown, setShown] = useState<MeetingChoice | null>(() => (asked.forum !== null && asked.forum === values.forum && Object.keys(checkChoice(values)).length === 0 ? values : null));

  if (forums.length === 0) {
    return (
      <div className={common.page}>
        <h1 className={common.heading}>{TITLE}</h1>
        <p>
          No plan names a forum yet. A plan’s “reported to” committee, or the forums it reports to, appear here; <Link href={routeHref({ name: 'plans' })}>open a plan</Link> to add them.
        </p>
      </div>
    );
  }

  const open = (): void => {
    const found = checkChoice(values);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setMemory((current) => saveMeetingChoice(current, values));
    setShown(values);
    // The address says which meeting this is, so a reload or a shared link opens the same one.
    window.history.replaceState(null, '', `${routeHref({ name: 'meeting' })}${meetingPageSearch(values)}`);
  };
  const field = (name: keyof MeetingChoice) => ({ validationMessage: errors[name], validationState: errors[name] ? ('error' as const) : ('none' as const) });
  return (
    <div className={common.page}>
      <header>
        <h1 className={common.heading}>{TITLE}</h1>
        <p className={common.muted}>Choose the forum and the date it last met: the meeting shows what has changed since then. Decisions taken here are recorded against this meeting’s forum and date.</p>
      </header>
      <form
        className={styles.form}
        noValidate
        aria-label="Choose the meeting"
        onSubmit={(event) => {
          event.preventDefault();
          open();
        }}
      >
        <Field className={styles.forum} label="Forum" required {...field('forum')}>
          <Select
            value={values.forum}
            onChange={(_event, data) => {
              // Each forum has its own last meeting: take its remembered dates.
              setValues({ forum: data.value, ...initialDates(data.value, memory.meetings, today) });
              setErrors({});
            }}
          >
            {forums.map((forum) => (
              <option key={forum} value={forum}>
                {forum}
              </option>
            ))}
          </Select>
        </Field>
        <Field className={styles.field} label="Date of the last meeting" required {...field('since')}>
          <Input
            type="date"
            value={values.since}
            max={values.date}
            onChange={(_event, data) => {
              setValues((current) => ({ ...current, since: data.value }));
            }}
          />
        </Field>
        <Field className={styles.field} label="Date of this meeting" required {...field('date')}>
          <Input
            type="date"
            value={values.date}
            onChange={(_event, data) => {
              setValues((current) => ({ ...current, date: data.value }));
            }}
          />
        </Field>
        <Button type="submit" appearance="primary">
          Show the meeting
        </Button>
      </form>
      {shown !== null && <MeetingResults key={JSON.stringify(shown)} choice={shown} />}
    </div>
  );
}

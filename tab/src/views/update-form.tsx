import { Button, Field, Input, makeStyles, MessageBar, MessageBarBody, Select, Textarea, tokens } from '@fluentui/react-components';
import { useRef, useState } from 'react';
import type { Action } from '../../../core/model/index.js';
import type { FieldErrors } from '../../../core/updates/progress-submission.js';
import { ActionDetail } from '../../../core/views/tab-api.js';
import { asApiError } from '../api/api-error.js';
import { apiPath } from '../api/client.js';
import { statusLabel } from '../logic/labels.js';
import { newKey } from '../logic/new-key.js';
import { checkValues, initialValues, keyFor, LEAD_STATUSES, needsFullForm, NOTE_MAX, serverProblems, type SubmissionKey, toRequest, type UpdateField, type UpdateValues } from '../logic/update-form.js';
import { useSession } from '../session.js';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '640px' },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

interface Props {
  action: Action;
  today: string;
  /** My actions' quick update: note and status, opening into the full form when needed. */
  compact?: boolean;
  onSubmitted: (detail: ActionDetail) => void;
}

type Outcome = { kind: 'sent' } | { kind: 'failed'; messages: string[] } | null;

/**
 * The progress update, with the card's rules checked here first (core `checkSubmission`) and the
 * server's 422 answers shown beside the same inputs. The client key is kept while the inputs are
 * unchanged, so submitting again after a failure records the update once.
 */
export function UpdateForm({ action, today, compact = false, onSubmitted }: Props) {
  const styles = useStyles();
  const { api } = useSession();
  const [values, setValues] = useState<UpdateValues>(() => initialValues(action));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [sending, setSending] = useState(false);
  const [expanded, setExpanded] = useState(!compact);
  const key = useRef<SubmissionKey | null>(null);
  const formRef = useRef<HTMLFormElement>(null);

  const set = (field: UpdateField, value: string): void => {
    setValues((current) => ({ ...current, [field]: value }));
    setErrors((current) => ({ ...current, [field]: undefined }));
  };

  const showErrors = (found: FieldErrors): void => {
    setErrors(found);
    if (compact && needsFullForm(values, found, action)) setExpanded(true);
    // Move to the first input in trouble, so keyboard and screen reader users hear what to fix.
    requestAnimationFrame(() => {
      formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    });
  };

  const submit = async (): Promise<void> => {
    setOutcome(null);
    const checked = checkValues(values, action, today);
    if (!checked.ok) {
      showErrors(checked.errors);
      return;
    }
    key.current = keyFor(key.current, values, newKey);
    setSending(true);
    try {
      const detail = await api.send('POST', apiPath`/api/actions/${action.id}/updates`, toRequest(checked.submission, key.current.key), ActionDetail);
      key.current = null;
      setValues(initialValues(detail.action));
      setErrors({});
      setExpanded(!compact);
      setOutcome({ kind: 'sent' });
      onSubmitted(detail);
    } catch (error) {
      const problem = asApiError(error);
      const { fields, other } = serverProblems(problem.fields);
      if (Object.keys(fields).length > 0) showErrors(fields);
      const retry = problem.isNetwork ? ' Your update may not have been recorded: press Submit again — it will not be recorded twice.' : '';
      setOutcome({ kind: 'failed', messages: [`${problem.message}${retry}`, ...other] });
    } finally {
      setSending(false);
    }
  };

  const field = (name: UpdateField) => ({ validationMessage: errors[name], validationState: errors[name] ? ('error' as const) : ('none' as const) });
  const statusNeedsEvidence = values.status === 'complete' && !action.evidence;
  return (
    <form
      ref={formRef}
      className={styles.form}
      noValidate
      aria-label={compact ? 'Quick update' : 'Post an update'}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <Field label="What has happened since the last update?" required hint={`${String(values.note.length)} of ${String(NOTE_MAX)} characters`} {...field('note')}>
        <Textarea
          value={values.note}
          resize="vertical"
          onChange={(_event, data) => {
            set('note', data.value);
          }}
        />
      </Field>
      <Field label="Status" required {...field('status')}>
        <Select
          value={values.status}
          onChange={(_event, data) => {
            set('status', data.value);
          }}
        >
          {values.status === '' && <option value="">Choose a status</option>}
          {LEAD_STATUSES.map((status) => (
            <option key={status} value={status}>
              {statusLabel(status)}
            </option>
          ))}
        </Select>
      </Field>
      {(expanded || statusNeedsEvidence) && (
        <>
          <Field label="Revised due date" hint="Only if the date moves; a reason is then needed." {...field('revisedDue')}>
            <Input
              type="date"
              min={today}
              value={values.revisedDue}
              onChange={(_event, data) => {
                set('revisedDue', data.value);
              }}
            />
          </Field>
          <Field label="Reason for the new date" required={values.revisedDue !== ''} {...field('revisedReason')}>
            <Input
              value={values.revisedReason}
              onChange={(_event, data) => {
                set('revisedReason', data.value);
              }}
            />
          </Field>
          <Field
            label="Evidence"
            required={statusNeedsEvidence}
            hint={action.evidence ? 'Evidence is already recorded; add more if you have it.' : 'A link or a description of what shows it is done. Needed to mark the action complete.'}
            {...field('evidence')}
          >
            <Textarea
              value={values.evidence}
              resize="vertical"
              onChange={(_event, data) => {
                set('evidence', data.value);
              }}
            />
          </Field>
        </>
      )}
      {outcome?.kind === 'sent' && (
        <MessageBar intent="success" role="status">
          <MessageBarBody>Your update was recorded.</MessageBarBody>
        </MessageBar>
      )}
      {outcome?.kind === 'failed' && (
        <MessageBar intent="error" role="alert" layout="multiline">
          <MessageBarBody>{outcome.messages.join(' ')}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.buttons}>
        <Button type="submit" appearance="primary" disabledFocusable={sending}>
          {sending ? 'Submitting…' : 'Submit update'}
        </Button>
        {compact && !expanded && (
          <Button
            onClick={() => {
              setExpanded(true);
            }}
          >
            Date and evidence
          </Button>
        )}
      </div>
    </form>
  );
}

import { Button, Field, Input, makeStyles, MessageBar, MessageBarActions, MessageBarBody, Select, Textarea, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { statusEditRefusal } from '../../../core/assurance/lifecycle.js';
import type { ActionStatus, Rag } from '../../../core/model/index.js';
import { ActionDetail } from '../../../core/views/tab-api.js';
import { asApiError } from '../api/api-error.js';
import { apiPath } from '../api/client.js';
import { changedFields, type EditValues, editValuesOf } from '../logic/edit-form.js';
import { RAGS, ragLabel, STATUSES, statusLabel } from '../logic/labels.js';
import { useSession } from '../session.js';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '640px' },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

type Problem = { kind: 'conflict' } | { kind: 'error'; message: string } | null;

const TEXT_FIELDS: readonly [keyof EditValues, string, 'long' | 'short'][] = [
  ['text', 'Action', 'long'],
  ['leads', 'Lead roles (one per line)', 'long'],
  ['evidence', 'Evidence', 'long'],
  ['measurement', 'Measurement', 'long'],
  ['outcomes', 'Outcomes', 'long'],
  ['monitoring', 'Monitoring', 'long'],
  ['reportedTo', 'Reported to', 'short'],
];

/** A plan editor's changes to the action's fields, sent with the version seen: a stale one gets 409. */
export function EditActionForm({ detail, onSaved, onCancel, onReload }: { detail: ActionDetail; onSaved: (detail: ActionDetail) => void; onCancel: () => void; onReload: () => void }) {
  const styles = useStyles();
  const { api } = useSession();
  const { action } = detail;
  const [values, setValues] = useState<EditValues>(() => editValuesOf(action));
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({});
  const [problem, setProblem] = useState<Problem>(null);
  const [saving, setSaving] = useState(false);

  const set = (field: keyof EditValues, value: string): void => {
    setValues((current) => ({ ...current, [field]: value }));
  };

  const save = async (): Promise<void> => {
    setProblem(null);
    const checked = changedFields(action, values);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    setSaving(true);
    try {
      onSaved(await api.send('PATCH', apiPath`/api/actions/${action.id}`, { version: action.version, fields: checked.fields }, ActionDetail));
    } catch (error) {
      const failure = asApiError(error);
      if (failure.status === 409) setProblem({ kind: 'conflict' });
      else {
        setErrors(failure.fields);
        setProblem({ kind: 'error', message: failure.message });
      }
    } finally {
      setSaving(false);
    }
  };

  const state = (name: string) => ({ validationMessage: errors[name], validationState: errors[name] ? ('error' as const) : ('none' as const) });
  return (
    <form
      className={styles.form}
      noValidate
      aria-label="Edit the action"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      {TEXT_FIELDS.map(([name, label, size]) => (
        <Field key={name} label={label} required={name === 'text'} {...state(name)}>
          {size === 'long' ? (
            <Textarea
              value={values[name]}
              resize="vertical"
              onChange={(_event, data) => {
                set(name, data.value);
              }}
            />
          ) : (
            <Input
              value={values[name]}
              onChange={(_event, data) => {
                set(name, data.value);
              }}
            />
          )}
        </Field>
      ))}
      {/* Assured and not applicable are set and left only by a recorded decision (the Review section). */}
      <Field label="Status" {...state('status')}>
        <Select
          value={values.status}
          onChange={(_event, data) => {
            setValues((current) => ({ ...current, status: data.value as ActionStatus }));
          }}
        >
          {STATUSES.filter((status) => statusEditRefusal(action.status, status) === null).map((status) => (
            <option key={status} value={status}>
              {statusLabel(status)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="RAG" {...state('rag')}>
        <Select
          value={values.rag}
          onChange={(_event, data) => {
            setValues((current) => ({ ...current, rag: data.value as Rag | '' }));
          }}
        >
          <option value="">No RAG</option>
          {RAGS.map((rag) => (
            <option key={rag} value={rag}>
              {ragLabel(rag)}
            </option>
          ))}
        </Select>
      </Field>
      {problem?.kind === 'conflict' && (
        <MessageBar intent="warning" role="alert">
          <MessageBarBody>Someone else changed this action; reload to see their change, then edit again.</MessageBarBody>
          <MessageBarActions>
            <Button onClick={onReload}>Reload</Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {problem?.kind === 'error' && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{problem.message}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.buttons}>
        <Button type="submit" appearance="primary" disabledFocusable={saving}>
          {saving ? 'Saving…' : 'Save changes'}
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </div>
    </form>
  );
}

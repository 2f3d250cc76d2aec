import { Button, Field, Input, makeStyles, MessageBar, MessageBarBody, Select, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { Measure } from '../../../core/model/index.js';
import { MeasureItem } from '../../../core/views/tab-api.js';
import { asApiError } from '../api/api-error.js';
import { apiPath } from '../api/client.js';
import { checkMeasure, checkReading, type FormErrors, measureValuesOf, type MeasureValues, type ReadingValues } from '../logic/measure-form.js';
import { useSession } from '../session.js';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '640px', width: '100%' },
  row: { display: 'flex', flexWrap: 'wrap', gap: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}` },
  small: { flex: '1 1 9rem', minWidth: 0 },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

export interface ActionChoice {
  id: string;
  /** "2b: Audit a sample…". */
  label: string;
}

function useSubmit<T>() {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [serverErrors, setServerErrors] = useState<Partial<Record<keyof T, string>>>({});
  const run = async (send: () => Promise<void>): Promise<void> => {
    setBusy(true);
    setFailure(null);
    try {
      await send();
    } catch (error) {
      const problem = asApiError(error);
      setServerErrors(problem.fields as Partial<Record<keyof T, string>>);
      setFailure(problem.status === 409 ? 'Someone else changed this measure since you opened it; close the form, reload the measures and try again.' : problem.message);
    } finally {
      setBusy(false);
    }
  };
  return { busy, failure, serverErrors, run };
}

/** Add a measure, or change one (plan editors); sent with the version seen, so a stale edit is refused. */
export function MeasureForm({ planId, measure, actions, onSaved, onCancel }: { planId: string; measure: Measure | null; actions: readonly ActionChoice[]; onSaved: (item: MeasureItem) => void; onCancel: () => void }) {
  const styles = useStyles();
  const { api } = useSession();
  const [values, setValues] = useState<MeasureValues>(() => measureValuesOf(measure));
  const [errors, setErrors] = useState<FormErrors<MeasureValues>>({});
  const { busy, failure, serverErrors, run } = useSubmit<MeasureValues>();
  const set = (field: keyof MeasureValues, value: string): void => {
    setValues((current) => ({ ...current, [field]: value }));
  };
  const save = (): void => {
    const checked = checkMeasure(values);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    void run(async () => {
      const item =
        measure === null
          ? await api.send('POST', apiPath`/api/plans/${planId}/measures`, checked.request, MeasureItem)
          : await api.send('PATCH', apiPath`/api/measures/${measure.id}`, { version: measure.version, fields: checked.request }, MeasureItem);
      onSaved(item);
    });
  };
  const state = (name: keyof MeasureValues) => {
    const message = errors[name] ?? serverErrors[name];
    return { validationMessage: message, validationState: message ? ('error' as const) : ('none' as const) };
  };
  return (
    <form
      className={styles.form}
      noValidate
      aria-label={measure === null ? 'Add a measure' : `Edit the measure ${measure.name}`}
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
    >
      <Field label="Name" required hint="What is measured, e.g. “Audit compliance with the discharge checklist”." {...state('name')}>
        <Input
          value={values.name}
          onChange={(_event, data) => {
            set('name', data.value);
          }}
        />
      </Field>
      <div className={styles.row}>
        <Field className={styles.small} label="Unit" hint="%, people, days… or empty" {...state('unit')}>
          <Input
            value={values.unit}
            onChange={(_event, data) => {
              set('unit', data.value);
            }}
          />
        </Field>
        <Field className={styles.small} label="Target" hint="Empty to track it without one" {...state('target')}>
          <Input
            inputMode="decimal"
            value={values.target}
            onChange={(_event, data) => {
              set('target', data.value);
            }}
          />
        </Field>
        <Field className={styles.small} label="Better when it" {...state('direction')}>
          <Select
            value={values.direction}
            onChange={(_event, data) => {
              set('direction', data.value);
            }}
          >
            <option value="increase">goes up</option>
            <option value="decrease">goes down</option>
          </Select>
        </Field>
      </div>
      <Field label="What it measures" hint="An action’s effect, or an outcome of the whole plan." {...state('actionId')}>
        <Select
          value={values.actionId}
          onChange={(_event, data) => {
            set('actionId', data.value);
          }}
        >
          <option value="">The whole plan (an outcome indicator)</option>
          {actions.map((action) => (
            <option key={action.id} value={action.id}>
              {action.label}
            </option>
          ))}
        </Select>
      </Field>
      {failure !== null && (
        <MessageBar intent="error" role="alert" layout="multiline">
          <MessageBarBody>{failure}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.buttons}>
        <Button type="submit" appearance="primary" disabledFocusable={busy}>
          {busy ? 'Saving…' : measure === null ? 'Add the measure' : 'Save the measure'}
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </div>
    </form>
  );
}

/** Record a dated reading of a measure (plan editors, reviewers, the measured action's leads). */
export function ReadingForm({ measure, today, onSaved, onCancel }: { measure: Measure; today: string; onSaved: (item: MeasureItem) => void; onCancel: () => void }) {
  const styles = useStyles();
  const { api } = useSession();
  const [values, setValues] = useState<ReadingValues>({ date: today, value: '', note: '' });
  const [errors, setErrors] = useState<FormErrors<ReadingValues>>({});
  const { busy, failure, serverErrors, run } = useSubmit<ReadingValues>();
  const set = (field: keyof ReadingValues, value: string): void => {
    setValues((current) => ({ ...current, [field]: value }));
  };
  const save = (): void => {
    const checked = checkReading(values, today);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    void run(async () => {
      onSaved(await api.send('POST', apiPath`/api/measures/${measure.id}/values`, checked.request, MeasureItem));
    });
  };
  const state = (name: keyof ReadingValues) => {
    const message = errors[name] ?? serverErrors[name];
    return { validationMessage: message, validationState: message ? ('error' as const) : ('none' as const) };
  };
  return (
    <form
      className={styles.form}
      noValidate
      aria-label={`Record a reading of ${measure.name}`}
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
    >
      <div className={styles.row}>
        <Field className={styles.small} label="Date of the reading" required {...state('date')}>
          <Input
            type="date"
            max={today}
            value={values.date}
            onChange={(_event, data) => {
              set('date', data.value);
            }}
          />
        </Field>
        <Field className={styles.small} label={measure.unit === '' ? 'Value' : `Value (${measure.unit})`} required {...state('value')}>
          <Input
            inputMode="decimal"
            value={values.value}
            onChange={(_event, data) => {
              set('value', data.value);
            }}
          />
        </Field>
      </div>
      <Field label="Note" hint="Where the figure comes from, e.g. “March audit, 3 wards”." {...state('note')}>
        <Input
          value={values.note}
          onChange={(_event, data) => {
            set('note', data.value);
          }}
        />
      </Field>
      {failure !== null && (
        <MessageBar intent="error" role="alert" layout="multiline">
          <MessageBarBody>{failure}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.buttons}>
        <Button type="submit" appearance="primary" disabledFocusable={busy}>
          {busy ? 'Saving…' : 'Record the reading'}
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </div>
    </form>
  );
}

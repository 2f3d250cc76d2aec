import { Button, Dropdown, Label, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Option, Radio, RadioGroup, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { ImportCommitted, ImportPreview, type ImportRequest } from '../../../core/views/tab-api.js';
import { type ApiError, asApiError } from '../api/api-error.js';
import { ACCEPTED_EXTENSIONS, FIELD_LABELS, fieldLabel, isAcceptedFile, mappingToSend, toBase64 } from '../logic/import-file.js';
import { plural } from '../logic/labels.js';
import { navigate } from '../routing/navigation.js';
import { useSession } from '../session.js';
import { useCommonStyles } from '../ui/common-styles.js';
import { TableScroll } from '../ui/table-scroll.js';
import { useTitle } from '../ui/use-title.js';

const useStyles = makeStyles({
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  mapping: { minWidth: '12rem', maxWidth: '100%' },
  file: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, alignItems: 'flex-start', maxWidth: '100%' },
});

const MAX_WARNINGS = 30;
const FIELD_CHOICES = Object.entries(FIELD_LABELS);

interface Loaded {
  file: Omit<ImportRequest, 'mapping' | 'replacePlanId'>;
  /** The reader's first guess at the columns: what mapping changes are measured against. */
  guessed: ImportPreview['columns'];
  preview: ImportPreview;
}

/** `/tab/import`: a plan file in, a preview to check (and correct the columns), then commit. */
export function ImportPage() {
  const common = useCommonStyles();
  const styles = useStyles();
  const { api } = useSession();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [chosen, setChosen] = useState<Record<string, string>>({});
  const [replace, setReplace] = useState<string>('');
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  useTitle('Import a plan');

  const run = async (what: string, work: () => Promise<void>): Promise<void> => {
    setBusy(what);
    setError(null);
    try {
      await work();
    } catch (failure) {
      setError(asApiError(failure));
    } finally {
      setBusy(null);
    }
  };

  const pick = (file: File): Promise<void> =>
    run('Reading the file…', async () => {
      if (!isAcceptedFile(file.name)) throw new Error(`Choose a ${ACCEPTED_EXTENSIONS.join(', ')} file.`);
      const request = { fileName: file.name, contentBase64: toBase64(new Uint8Array(await file.arrayBuffer())) };
      const preview = await api.send('POST', '/api/imports/preview', request, ImportPreview);
      setLoaded({ file: request, guessed: preview.columns, preview });
      setChosen({});
      setReplace('');
    });

  const mapping = loaded ? mappingToSend(loaded.guessed, chosen) : null;
  const request = (current: Loaded): ImportRequest => ({ ...current.file, ...(mapping ? { mapping } : {}) });

  const repreview = (current: Loaded): Promise<void> =>
    run('Previewing again…', async () => {
      const preview = await api.send('POST', '/api/imports/preview', request(current), ImportPreview);
      setLoaded({ ...current, preview });
    });

  const commit = (current: Loaded): Promise<void> =>
    run('Importing…', async () => {
      const body = { ...request(current), ...(replace === '' ? {} : { replacePlanId: replace }) };
      const { planId } = await api.send('POST', '/api/imports', body, ImportCommitted);
      navigate({ name: 'plan', planId });
    });

  return (
    <div className={common.page}>
      <h1 className={common.heading}>Import a plan</h1>
      <div className={styles.file}>
        {/* A native file input: Fluent has none, and this one is keyboard- and screen-reader-friendly as it is. */}
        <Label htmlFor="plan-file" weight="semibold">
          Plan file
        </Label>
        <input
          id="plan-file"
          type="file"
          aria-describedby="plan-file-hint"
          accept={ACCEPTED_EXTENSIONS.join(',')}
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) void pick(file);
          }}
        />
        <span id="plan-file-hint" className={common.muted}>
          A Word document (.docx), spreadsheet (.xlsx), CSV or text export of the action plan.
        </span>
      </div>
      {busy !== null && <p role="status">{busy}</p>}
      {error && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{error.message}</MessageBarBody>
        </MessageBar>
      )}
      {loaded && (
        <section aria-labelledby="preview-heading" className={common.page}>
          <h2 id="preview-heading">{`Preview: ${loaded.preview.title}`}</h2>
          <p>{`${plural(loaded.preview.recommendations, 'recommendation')}, ${plural(loaded.preview.actions, 'action')}.`}</p>
          <Warnings warnings={loaded.preview.warnings} />
          {loaded.preview.columns.length > 0 && (
            <section aria-labelledby="columns-heading">
              <h3 id="columns-heading">Columns</h3>
              <p className={common.muted}>Check what each column was read as; change it if the guess is wrong, then preview again.</p>
              <TableScroll label="Column mapping">
                <table className={common.table}>
                  <thead>
                    <tr>
                      <th scope="col">Heading in the file</th>
                      <th scope="col">Read as</th>
                    </tr>
                  </thead>
                  <tbody>
                    {loaded.preview.columns.map(({ heading, field }, index) => {
                      const value = chosen[heading] ?? field;
                      const headingId = `column-${String(index)}`;
                      return (
                        <tr key={heading}>
                          <th scope="row" id={headingId}>
                            {heading}
                          </th>
                          <td>
                            <Dropdown
                              className={styles.mapping}
                              aria-labelledby={headingId}
                              value={fieldLabel(value)}
                              selectedOptions={[value]}
                              onOptionSelect={(_event, data) => {
                                if (data.optionValue) setChosen((current) => ({ ...current, [heading]: data.optionValue ?? field }));
                              }}
                            >
                              {FIELD_CHOICES.map(([name, label]) => (
                                <Option key={name} value={name}>
                                  {label}
                                </Option>
                              ))}
                            </Dropdown>
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </TableScroll>
            </section>
          )}
          {loaded.preview.similar.length > 0 && (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>This looks like a plan already stored.</MessageBarTitle>
                <RadioGroup
                  aria-label="What to do with it"
                  value={replace}
                  onChange={(_event, data) => {
                    setReplace(data.value);
                  }}
                >
                  <Radio value="" label="Add it as a new plan" />
                  {loaded.preview.similar.map((plan) => (
                    <Radio key={plan.id} value={plan.id} label={`Replace “${plan.title}” (${plural(plan.actions, 'action')})`} />
                  ))}
                </RadioGroup>
              </MessageBarBody>
            </MessageBar>
          )}
          <div className={styles.buttons}>
            <Button disabledFocusable={busy !== null || mapping === null} onClick={() => void repreview(loaded)}>
              Preview again with these columns
            </Button>
            <Button appearance="primary" disabledFocusable={busy !== null} onClick={() => void commit(loaded)}>
              {replace === '' ? 'Import plan' : 'Replace the plan'}
            </Button>
          </div>
        </section>
      )}
    </div>
  );
}

function Warnings({ warnings }: { warnings: ImportPreview['warnings'] }) {
  if (warnings.length === 0) return <p>No warnings.</p>;
  return (
    <details open={warnings.length <= 5}>
      <summary>{plural(warnings.length, 'warning')}</summary>
      <ul>
        {warnings.slice(0, MAX_WARNINGS).map((warning, index) => (
          <li key={index}>{`${warning.line ? `Line ${String(warning.line)}: ` : ''}${warning.message}`}</li>
        ))}
        {warnings.length > MAX_WARNINGS && <li>{`…and ${String(warnings.length - MAX_WARNINGS)} more`}</li>}
      </ul>
    </details>
  );
}

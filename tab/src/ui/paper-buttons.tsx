import { Button, makeStyles, MessageBar, MessageBarBody, tokens } from '@fluentui/react-components';
import { useId, useState } from 'react';
import type { PaperFormat } from '../../../core/views/tab-api.js';
import { asApiError } from '../api/api-error.js';
import { downloadName } from '../logic/download-name.js';
import { PAPER_FORMATS } from '../logic/paper-links.js';
import { useSession } from '../session.js';
import { openPendingWindow, saveFile, showInWindow } from './save-file.js';

const useStyles = makeStyles({
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, alignItems: 'flex-start' },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  label: { fontWeight: tokens.fontWeightSemibold },
});

type State = { kind: 'idle' } | { kind: 'busy'; format: PaperFormat } | { kind: 'done'; text: string } | { kind: 'failed'; text: string };

/**
 * XLSX, DOCX and printable HTML of a paper (a plan's board paper or a meeting's). Each is fetched
 * with the caller's credentials and handed to the browser; the HTML opens in a new window to print.
 */
export function PaperButtons({ label, pathOf, baseName }: { label: string; pathOf: (format: PaperFormat) => string; baseName: string }) {
  const styles = useStyles();
  const { api } = useSession();
  const labelId = useId();
  const [state, setState] = useState<State>({ kind: 'idle' });
  const fetchPaper = async (format: PaperFormat, extension: string): Promise<void> => {
    const pending = format === 'html' ? openPendingWindow() : null;
    setState({ kind: 'busy', format });
    try {
      const file = await api.download(pathOf(format));
      const name = downloadName(file.disposition, `${baseName}.${extension}`);
      if (format === 'html' && showInWindow(pending, file.blob)) {
        setState({ kind: 'done', text: 'The printable paper opened in a new window; print it from there.' });
        return;
      }
      saveFile(file.blob, name);
      setState({ kind: 'done', text: `Downloaded ${name}.` });
    } catch (error) {
      pending?.close();
      setState({ kind: 'failed', text: `Could not export the paper. ${asApiError(error).message}` });
    }
  };
  const busy = state.kind === 'busy';
  return (
    <div className={styles.group} role="group" aria-labelledby={labelId}>
      <span id={labelId} className={styles.label}>
        {label}
      </span>
      <div className={styles.buttons}>
        {PAPER_FORMATS.map(({ format, label: text, extension }) => (
          <Button
            key={format}
            disabledFocusable={busy}
            onClick={() => {
              void fetchPaper(format, extension);
            }}
          >
            {state.kind === 'busy' && state.format === format ? 'Preparing…' : text}
          </Button>
        ))}
      </div>
      <div role="status">
        {state.kind === 'done' && <span>{state.text}</span>}
      </div>
      {state.kind === 'failed' && (
        <MessageBar intent="error" role="alert" layout="multiline">
          <MessageBarBody>{state.text}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}

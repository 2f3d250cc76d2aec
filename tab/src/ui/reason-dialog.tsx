import { Button, Field, makeStyles, MessageBar, MessageBarBody, Textarea, tokens } from '@fluentui/react-components';
import { type ReactNode, useEffect, useId, useRef, useState } from 'react';

const useStyles = makeStyles({
  dialog: {
    width: 'min(520px, calc(100vw - 24px))',
    boxSizing: 'border-box',
    padding: tokens.spacingHorizontalXL,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusXLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    boxShadow: tokens.shadow64,
    '::backdrop': { backgroundColor: 'rgba(0, 0, 0, 0.4)' },
  },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  title: { margin: 0, fontSize: tokens.fontSizeBase500 },
  text: { margin: 0 },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, justifyContent: 'flex-end' },
});

export const REASON_MAX = 500;

export interface ReasonDialogProps {
  title: string;
  /** What pressing the confirm button will do, in a sentence or two. */
  description: ReactNode;
  /** The text box's label; `required` decides whether it may be left empty. */
  label: string;
  required: boolean;
  confirmLabel: string;
  busy: boolean;
  /** A failure to show inside the dialog (the server refused, the network failed). */
  error: string | null;
  /** The server's word about the reason itself (422). */
  reasonError?: string | null;
  onConfirm: (reason: string) => void;
  onCancel: () => void;
}

/**
 * A modal that asks for a reason (or offers a comment) before a decision is sent. The browser's
 * own `<dialog>`: it traps focus, closes on Escape and hides the page from screen readers by
 * itself; Fluent's Dialog would add tabster's hidden focus catchers, which axe reports. Mounted
 * only while open; focus goes back to whatever opened it when it closes.
 */
export function ReasonDialog(props: ReasonDialogProps) {
  const { title, description, label, required, confirmLabel, busy, error, reasonError, onConfirm, onCancel } = props;
  const styles = useStyles();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const textId = useId();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState<string | null>(null);
  useEffect(() => {
    const dialog = ref.current;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog !== null && !dialog.open) dialog.showModal();
    return () => {
      if (opener?.isConnected) opener.focus();
    };
  }, []);
  const problem = missing ?? reasonError ?? undefined;
  const submit = (): void => {
    const text = reason.trim();
    if (required && text === '') {
      setMissing('Give the reason.');
      return;
    }
    if (text.length > REASON_MAX) {
      setMissing(`The reason is too long (at most ${String(REASON_MAX)} characters).`);
      return;
    }
    onConfirm(text);
  };
  return (
    <dialog
      ref={ref}
      className={styles.dialog}
      aria-labelledby={titleId}
      aria-describedby={textId}
      onCancel={(event) => {
        // Escape: close through React's state, so the dialog and the page agree it is gone.
        event.preventDefault();
        if (!busy) onCancel();
      }}
    >
      <form
        className={styles.form}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <h2 id={titleId} className={styles.title}>
          {title}
        </h2>
        <p id={textId} className={styles.text}>
          {description}
        </p>
        <Field label={label} required={required} hint={`${String(reason.length)} of ${String(REASON_MAX)} characters`} validationMessage={problem} validationState={problem === undefined ? 'none' : 'error'}>
          <Textarea
            value={reason}
            resize="vertical"
            onChange={(_event, data) => {
              setReason(data.value);
              setMissing(null);
            }}
          />
        </Field>
        {error !== null && (
          <MessageBar intent="error" role="alert" layout="multiline">
            <MessageBarBody>{error}</MessageBarBody>
          </MessageBar>
        )}
        <div className={styles.buttons}>
          <Button onClick={onCancel} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" appearance="primary" disabledFocusable={busy}>
            {busy ? 'Sending…' : confirmLabel}
          </Button>
        </div>
      </form>
    </dialog>
  );
}

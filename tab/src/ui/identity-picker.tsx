import { Dropdown, Field, makeStyles, Option } from '@fluentui/react-components';
import { useRef, useState } from 'react';
import type { DevIdentity } from '../../../core/views/tab-api.js';
import { asApiError } from '../api/api-error.js';
import { fetchPeople } from '../api/identity-store.js';
import type { RememberedIdentity } from '../logic/identity.js';

const useStyles = makeStyles({ picker: { minWidth: '10rem', maxWidth: '100%' } });

/**
 * Local mode's "Act as": who the plain-browser tab pretends to be. The list of people is fetched
 * when the picker opens, so a page view makes no extra request for it.
 */
export function IdentityPicker({ person, onChange }: { person: RememberedIdentity; onChange: (person: DevIdentity) => void }) {
  const styles = useStyles();
  const [people, setPeople] = useState<DevIdentity[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  // Focus and opening both ask; the list is fetched once (again only after a failure).
  const asked = useRef(false);
  const load = (): void => {
    if (asked.current) return;
    asked.current = true;
    fetchPeople().then(setPeople, (error: unknown) => {
      asked.current = false;
      setProblem(asApiError(error).message);
    });
  };
  const listed = people ?? [{ ...person, roles: [] }];
  return (
    <Field label="Act as" orientation="horizontal" size="small">
      <Dropdown
        className={styles.picker}
        size="small"
        value={person.displayName}
        selectedOptions={[person.aadObjectId]}
        onOpenChange={(_event, data) => {
          if (data.open) load();
        }}
        onFocus={load}
        onOptionSelect={(_event, data) => {
          const chosen = people?.find((candidate) => candidate.aadObjectId === data.optionValue);
          if (chosen) onChange(chosen);
        }}
      >
        {listed.map((candidate) => (
          <Option key={candidate.aadObjectId} value={candidate.aadObjectId} text={candidate.displayName}>
            {candidate.roles.length > 0 ? `${candidate.displayName} — ${candidate.roles.join(', ')}` : candidate.displayName}
          </Option>
        ))}
        {people === null && problem === null && (
          <Option disabled value="" text="Loading">
            Loading people…
          </Option>
        )}
        {problem !== null && (
          <Option disabled value="" text={problem}>
            {problem}
          </Option>
        )}
      </Dropdown>
    </Field>
  );
}

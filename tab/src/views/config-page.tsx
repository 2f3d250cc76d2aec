import { MessageBar, MessageBarBody, Radio, RadioGroup } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import type { PlanSummary } from '../../../core/model/index.js';
import { plansLoader } from '../api/loaders.js';
import { useApiData } from '../api/use-api-data.js';
import { settingsFor } from '../logic/tab-settings.js';
import { useSession } from '../session.js';
import { useCommonStyles } from '../ui/common-styles.js';
import { ErrorView } from '../ui/error-view.js';
import { Loading } from '../ui/loading.js';
import { useTitle } from '../ui/use-title.js';

/** `/tab/config`: Teams shows this when a channel tab is added; pick the plan it shows. */
export function ConfigPage() {
  const common = useCommonStyles();
  const { host } = useSession();
  const { result, reload } = useApiData(plansLoader);
  const [chosen, setChosen] = useState<string>('');
  const plans = result.state === 'ok' ? result.data : [];
  const choice = useRef<PlanSummary | null>(null);
  useEffect(() => {
    choice.current = plans.find((plan) => plan.id === chosen) ?? null;
  });
  useTitle('Choose a plan');

  useEffect(() => {
    // Registered once; the handler reads the latest choice when Teams' Save is pressed.
    host.config?.onSave(() => (choice.current ? settingsFor(choice.current, window.location.origin) : null));
  }, [host]);
  useEffect(() => {
    host.config?.setValid(chosen !== '');
  }, [host, chosen]);

  return (
    <div className={common.page}>
      <h1 className={common.heading}>Choose the plan this tab shows</h1>
      {host.config === null && (
        <MessageBar intent="info">
          <MessageBarBody>This page sets up a Followthrough tab in a Teams channel. Open it from Teams (Add a tab, then Followthrough) to save your choice.</MessageBarBody>
        </MessageBar>
      )}
      {result.state === 'loading' && <Loading what="the plans" />}
      {result.state === 'error' && <ErrorView error={result.error} onRetry={reload} what="the plans" />}
      {result.state === 'ok' && plans.length === 0 && <p>No plans are stored yet: import one first from the Followthrough personal app.</p>}
      {plans.length > 0 && (
        <RadioGroup
          aria-label="Plan"
          value={chosen}
          onChange={(_event, data) => {
            setChosen(data.value);
          }}
        >
          {plans.map((plan) => (
            <Radio key={plan.id} value={plan.id} label={`${plan.title}${plan.references.length > 0 ? ` (${plan.references.join(', ')})` : ''}`} />
          ))}
        </RadioGroup>
      )}
    </div>
  );
}

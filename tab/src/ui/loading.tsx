import { Spinner } from '@fluentui/react-components';

export function Loading({ what }: { what: string }) {
  return <Spinner size="small" labelPosition="after" label={`Loading ${what}…`} />;
}

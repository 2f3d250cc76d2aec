import { Badge, type BadgeProps } from '@fluentui/react-components';
import type { Rag } from '../../../core/model/index.js';
import { ragLabel } from '../logic/labels.js';

const COLOURS: Record<Rag, BadgeProps['color']> = { red: 'danger', amber: 'warning', green: 'success', blue: 'brand' };

/** RAG as colour and word together, so it is never colour alone. */
export function RagBadge({ rag }: { rag: Rag | null }) {
  if (rag === null) {
    return (
      <Badge appearance="outline" color="informative" shape="rounded">
        No RAG
      </Badge>
    );
  }
  return (
    <Badge appearance="filled" color={COLOURS[rag]} shape="rounded">
      {`RAG ${ragLabel(rag)}`}
    </Badge>
  );
}

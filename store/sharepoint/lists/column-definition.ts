import type { ColumnSpec, ListSpec } from '../list-schema.js';

/** A column as Graph's `columnDefinition` resource wants it in `POST /sites/{id}/lists` or `…/columns`. */
export interface ColumnDefinition {
  name: string;
  displayName: string;
  description: string;
  indexed?: true;
  enforceUniqueValues?: true;
  required?: true;
  text?: { allowMultipleLines?: true };
  number?: Record<string, never>;
  boolean?: Record<string, never>;
  dateTime?: { format: 'dateTime' | 'dateOnly' };
  choice?: { choices: string[] };
}

export function columnDefinition(spec: ColumnSpec): ColumnDefinition {
  const definition: ColumnDefinition = { name: spec.name, displayName: spec.displayName, description: spec.description };
  // SharePoint refuses a unique column that is not indexed; the schema marks both, but be sure.
  if (spec.indexed === true || spec.unique === true) definition.indexed = true;
  if (spec.unique === true) definition.enforceUniqueValues = true;
  if (spec.required === true) definition.required = true;
  switch (spec.type) {
    case 'text':
      return { ...definition, text: {} };
    case 'note':
      return { ...definition, text: { allowMultipleLines: true } };
    case 'number':
      return { ...definition, number: {} };
    case 'boolean':
      return { ...definition, boolean: {} };
    case 'dateTime':
      return { ...definition, dateTime: { format: 'dateTime' } };
    case 'dateOnly':
      return { ...definition, dateTime: { format: 'dateOnly' } };
    case 'choice':
      if (!spec.choices || spec.choices.length === 0) throw new TypeError(`Column ${spec.name} is a choice column without choices`);
      return { ...definition, choice: { choices: [...spec.choices] } };
  }
}

/** The body of `POST /sites/{id}/lists` creating a list from its spec, columns included. */
export function listDefinition(spec: ListSpec): { displayName: string; description: string; list: { template: 'genericList' }; columns: ColumnDefinition[] } {
  return { displayName: spec.displayName, description: spec.description, list: { template: 'genericList' }, columns: spec.columns.map(columnDefinition) };
}

/** What a column of an action plan holds, whatever its heading says. */
export type Field =
  | 'number'
  | 'organisation'
  | 'finding'
  | 'recommendation'
  | 'action'
  | 'ref'
  | 'lead'
  | 'due'
  | 'completed'
  | 'progress'
  | 'status'
  | 'evidence'
  | 'furtherAction'
  | 'measurement'
  | 'outcomes'
  | 'monitoring'
  | 'reportedTo';

/** Fields that describe the recommendation rather than one of its actions. */
export const RECOMMENDATION_FIELDS: ReadonlySet<Field> = new Set(['number', 'organisation', 'finding', 'recommendation']);

/** Fields whose presence in a row means "this row is its own action", not a continuation. */
export const ACTION_IDENTITY_FIELDS: ReadonlySet<Field> = new Set(['ref', 'lead', 'due', 'completed']);

import type { Measure, MeasureDirection } from '../../../core/model/index.js';
import type { MeasureRequest, MeasureValueRequest } from '../../../core/views/tab-api.js';

/** The measure forms' inputs as typed, and what they send. */

export interface MeasureValues {
  name: string;
  unit: string;
  target: string;
  direction: MeasureDirection;
  /** '' for a plan-level outcome indicator. */
  actionId: string;
}

export interface ReadingValues {
  date: string;
  value: string;
  note: string;
}

export type FormErrors<T> = Partial<Record<keyof T, string>>;

export function measureValuesOf(measure: Measure | null): MeasureValues {
  if (measure === null) return { name: '', unit: '', target: '', direction: 'increase', actionId: '' };
  return { name: measure.name, unit: measure.unit, target: measure.target === null ? '' : String(measure.target), direction: measure.direction, actionId: measure.actionId ?? '' };
}

/** "89.87", "-3", "90%" (the unit typed along is let go); null for anything else. */
export function parseNumber(text: string): number | null {
  const bare = text.trim().replace(/\s*%$/, '');
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(bare)) return null;
  const value = Number(bare);
  return Number.isFinite(value) ? value : null;
}

export function checkMeasure(values: MeasureValues): { ok: true; request: MeasureRequest } | { ok: false; errors: FormErrors<MeasureValues> } {
  const errors: FormErrors<MeasureValues> = {};
  const name = values.name.trim();
  if (name === '') errors.name = 'Give the measure a name.';
  else if (name.length > 200) errors.name = 'The name is too long (at most 200 characters).';
  const unit = values.unit.trim();
  if (unit.length > 20) errors.unit = 'The unit is too long (at most 20 characters).';
  const target = values.target.trim() === '' ? null : parseNumber(values.target);
  if (values.target.trim() !== '' && target === null) errors.target = 'Write the target as a number, such as 90 or 12.5.';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, request: { name, unit, target, direction: values.direction, actionId: values.actionId === '' ? null : values.actionId } };
}

export function checkReading(values: ReadingValues, today: string): { ok: true; request: MeasureValueRequest } | { ok: false; errors: FormErrors<ReadingValues> } {
  const errors: FormErrors<ReadingValues> = {};
  if (!/^\d{4}-\d{2}-\d{2}$/.test(values.date)) errors.date = 'Give the date the reading is for.';
  else if (values.date > today) errors.date = 'A reading cannot be dated after today.';
  const value = parseNumber(values.value);
  if (value === null) errors.value = values.value.trim() === '' ? 'Give the reading.' : 'Write the reading as a number, such as 89.87.';
  const note = values.note.trim();
  if (note.length > 500) errors.note = 'The note is too long (at most 500 characters).';
  if (value === null || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, request: { date: values.date, value, note: note === '' ? null : note } };
}

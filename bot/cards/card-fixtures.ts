/**
 * Data for the card tests, written in the style of real NHS action plans (long recommendations,
 * curly quotes and dashes, roles rather than names), and ways to look inside a card. No test
 * framework here: the tests assert.
 */
import type { FuzzyDate } from '../../core/model/index.js';
import type { AdaptiveCard, CardAction, CardInput, ExecuteAction } from './adaptive-card.js';
import type { ReminderAction, ReminderCardData } from './reminder-card.js';
import { allActions, walk } from './validate-card.js';

const SENTENCES = [
  'The Trust will provide training to community mental health team staff on medicines management planning, covering compliance, non‑adherence and motivational interviewing skills.',
  'Attendance will be monitored by the Head of Learning and Development and reported to the Directorate Management Group each quarter.',
  'Clinicians will be reminded of the importance of documenting the reasons behind decisions to change treatment – medication or psychological and social interventions – so that the reasoning is recorded, not only the decision.',
  'An audit of care plans for patients on community treatment orders will be completed, with a re‑audit six months later to evidence sustained change in practice.',
  'The “Psychosis Care Pathway” will include the provision of family interventions in accordance with NICE guidance, and the Recovery Education Centre’s role in supporting carers and families will be publicised.',
  'Learning from the investigation will be shared at team meetings, the Trust‑wide learning forum and in the quarterly patient safety bulletin.',
];

/** Seed-like text of at least `chars` characters, with a paragraph break every third sentence (as Word extracts keep). */
export function planText(chars: number): string {
  let text = '';
  for (let i = 0; text.length < chars; i++) {
    const separator = i === 0 ? '' : i % 3 === 0 ? '\n' : ' ';
    text += separator + (SENTENCES[i % SENTENCES.length] ?? '');
  }
  return text;
}

export const TODAY = '2025-09-23';

export function monthDue(text = 'Sep-25', date = '2025-09-30'): FuzzyDate {
  return { text, date, precision: 'month' };
}

export function reminderAction(overrides: Partial<ReminderAction> = {}): ReminderAction {
  return {
    id: 'act-3b',
    planId: 'plan-1',
    ref: 'b)',
    text: 'Audit medicines adherence care plans for patients on community treatment orders.',
    leads: ['Associate Director Community Services'],
    due: monthDue(),
    revisions: [],
    status: 'in-progress',
    evidence: null,
    ...overrides,
  };
}

export function reminderData(overrides: Partial<ReminderCardData> = {}): ReminderCardData {
  return {
    today: TODAY,
    cardId: 'card-0001',
    plan: { id: 'plan-1', title: 'Action plan in response to the independent HASCAS review', references: ['StEIS 2017/7489', 'SI 2017/18 011'] },
    recommendation: { number: '3', text: 'The Trust will develop and implement a care pathway for psychosis that includes family interventions.' },
    action: reminderAction(),
    lastUpdate: { by: 'Priya Shah', when: '9 Sep 2025, 14:05', note: 'Audit tool agreed with the clinical audit team; fieldwork starts next week.', status: 'in-progress' },
    openUrl: 'https://teams.microsoft.com/l/entity/app-id/plan?context=%7B%22subEntityId%22%3A%22act-3b%22%7D',
    ...overrides,
  };
}

/** Every element, input, action and fact of a card in document order (actions' fallbacks aside). */
export function nodesOf(card: AdaptiveCard): Record<string, unknown>[] {
  const nodes: Record<string, unknown>[] = [];
  walk(card, (node) => nodes.push(node));
  return nodes;
}

export function inputsOf(card: AdaptiveCard): CardInput[] {
  return nodesOf(card).filter((node) => typeof node.type === 'string' && node.type.startsWith('Input.')) as unknown as CardInput[];
}

export function inputOf(card: AdaptiveCard, id: string): CardInput {
  const input = inputsOf(card).find((candidate) => candidate.id === id);
  if (input === undefined) throw new Error(`no input ${id}`);
  return input;
}

export function actionsOf(card: AdaptiveCard): CardAction[] {
  return allActions(card) as unknown as CardAction[];
}

export function executesOf(card: AdaptiveCard): ExecuteAction[] {
  return actionsOf(card).filter((action): action is ExecuteAction => action.type === 'Action.Execute');
}

/** The words a reader sees, in order: text blocks and facts as "title: value" (hidden text included). */
export function textsOf(card: AdaptiveCard): string[] {
  const texts: string[] = [];
  for (const node of nodesOf(card)) {
    if (node.type === 'TextBlock' && typeof node.text === 'string') texts.push(node.text);
    if (typeof node.title === 'string' && typeof node.value === 'string' && node.type === undefined) texts.push(`${node.title}: ${node.value}`);
  }
  return texts;
}

/** The text blocks a reader sees before touching any toggle. */
export function visibleTextsOf(card: AdaptiveCard): string[] {
  return nodesOf(card)
    .filter((node) => node.type === 'TextBlock' && node.isVisible !== false)
    .map((node) => String(node.text));
}

export function allText(card: AdaptiveCard): string {
  return textsOf(card).join('\n');
}

import ExcelJS from 'exceljs';
import { seededRandom } from '../../test/support/seeded-random.js';

/**
 * A large action plan laid out the way trusts keep them in Excel: a title, a header row with
 * NHS-style headings, then one row per action with the recommendation's number and text on its
 * first action only (as a merged cell reads). The content is made up but shaped like the real
 * plans: several lead roles in one cell, UK fuzzy dates, RAG statuses with words and dates.
 * Deterministic: the same options give the same workbook, so runs compare like with like.
 */

export const PLAN_HEADINGS = ['No', 'Recommendation', 'Action', 'Lead', 'Due date', 'Progress', 'RAG status', 'Evidence'] as const;

export interface GeneratedAction {
  /** The label the action cell opens with: "a" for "a) Audit …". */
  ref: string;
  /** The action text after its label. */
  text: string;
  /** The lead roles, in order, as the importer should split them. */
  roles: string[];
  /** The lead cell as written. */
  lead: string;
  /** The due date cell: text as written, or a real date cell (shown as dd/mm/yyyy). */
  due: string | Date;
  progress: string;
  status: string;
  /** Empty when the row gives no evidence. */
  evidence: string;
}

export interface GeneratedRecommendation {
  number: number;
  text: string;
  actions: GeneratedAction[];
}

export interface GeneratedPlan {
  title: string;
  recommendations: GeneratedRecommendation[];
}

export interface GeneratePlanOptions {
  recommendations?: number;
  actionsPerRecommendation?: number;
  seed?: number;
}

/** The plan's content without the workbook: what the test compares the import against. */
export function generatePlan(options: GeneratePlanOptions = {}): GeneratedPlan {
  const count = options.recommendations ?? 1_000;
  const perRecommendation = options.actionsPerRecommendation ?? 5;
  const random = seededRandom(options.seed ?? 20_240_401);
  const recommendations = Array.from({ length: count }, (_, index) => ({
    number: index + 1,
    text: recommendationText(random),
    actions: Array.from({ length: perRecommendation }, (_unused, position) => action(random, position)),
  }));
  return { title: `Independent Investigation Action Plan – ${String(count)} recommendations (StEIS 2024/${String(10_000 + count)})`, recommendations };
}

/** The plan as XLSX bytes. */
export async function planWorkbook(plan: GeneratedPlan): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Action plan', { views: [{ state: 'frozen', ySplit: 3 }] });
  sheet.columns = [6, 50, 60, 30, 14, 60, 18, 40].map((width) => ({ width, style: { alignment: { wrapText: true, vertical: 'top' } } }));
  sheet.addRow([plan.title]).font = { bold: true, size: 14 };
  sheet.addRow(['Reporting to: Quality and Safety Committee. Last updated: 31/01/2025']);
  const header = sheet.addRow([...PLAN_HEADINGS]);
  header.font = { bold: true };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
  });
  for (const recommendation of plan.recommendations) {
    recommendation.actions.forEach((item, position) => {
      const first = position === 0;
      const row = sheet.addRow([
        first ? recommendation.number : null,
        first ? recommendation.text : null,
        `${item.ref}) ${item.text}`,
        item.lead,
        item.due,
        item.progress,
        item.status,
        item.evidence === '' ? null : item.evidence,
      ]);
      if (item.due instanceof Date) row.getCell(5).numFmt = 'dd/mm/yyyy';
    });
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** Both at once: the content and its workbook. */
export async function generatePlanXlsx(options: GeneratePlanOptions = {}): Promise<{ plan: GeneratedPlan; bytes: Uint8Array }> {
  const plan = generatePlan(options);
  return { plan, bytes: await planWorkbook(plan) };
}

type Random = () => number;


function pick<T>(random: Random, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

function between(random: Random, low: number, high: number): number {
  return low + Math.floor(random() * (high - low + 1));
}

const TOPICS = [
  'risk assessment and safety planning',
  'the care programme approach',
  'discharge planning from inpatient wards',
  'information sharing with partner agencies',
  'carer and family involvement',
  'medicines reconciliation on admission',
  'physical health monitoring',
  'transition from child to adult services',
  'supervision of community staff',
  'the management of missed appointments',
  'safeguarding referrals',
  'clinical record keeping',
] as const;

const OPENINGS = [
  'The Trust should ensure that',
  'The Trust must review',
  'Commissioners and the Trust should assure themselves that',
  'The Trust should strengthen',
  'The Board should receive assurance on',
] as const;

const FOLLOW_UPS = [
  'This should be audited within six months.',
  'Staff should be trained and compliance monitored.',
  'The policy should be revised and shared with partner agencies.',
  'Learning should be shared across all directorates.',
  '',
] as const;

function recommendationText(random: Random): string {
  const topic = pick(random, TOPICS);
  const opening = pick(random, OPENINGS);
  const body = opening.endsWith('that') ? `${opening} ${topic} is consistent across all teams and documented in the clinical record.` : `${opening} ${topic} across its community and inpatient services.`;
  return `${body} ${pick(random, FOLLOW_UPS)}`.trim();
}

const VERBS = ['Audit', 'Review', 'Revise', 'Deliver training on', 'Embed', 'Develop a standard operating procedure for', 'Report to the Quality and Safety Committee on'] as const;
const SCOPES = [
  'in all adult community mental health teams',
  'across older adult services',
  'in the crisis and home treatment teams',
  'on every inpatient ward',
  'with the local authority and the CCG',
  'for all newly qualified staff',
] as const;

const ROLES = [
  'Clinical Director',
  'Head of Nursing',
  'Medical Director',
  'Director of Nursing and Quality',
  'Service Manager',
  'Matron',
  'Consultant Psychiatrist',
  'Head of Patient Safety and Risk',
  'Named Nurse Safeguarding Adults',
  'Lead Pharmacist',
  'Head of Quality Improvement',
  'Associate Director of Operations',
  'Clinical Audit Lead',
  'Deputy Medical Director',
] as const;

/** How trusts put several roles in one cell; each split by `splitLeads`. */
const JOINERS = [' / ', ' & ', '\n', ', ', '; ', ' and '] as const;

function leadCell(random: Random): { roles: string[]; lead: string } {
  const count = pick(random, [1, 1, 2, 2, 2, 3]);
  const roles: string[] = [];
  while (roles.length < count) {
    const role = pick(random, ROLES);
    if (!roles.includes(role)) roles.push(role);
  }
  return { roles, lead: roles.join(pick(random, JOINERS)) };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
const LONG_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;

function dayMonthYear(random: Random): { day: number; month: number; year: number } {
  const year = between(random, 2024, 2026);
  const month = between(random, 1, 12);
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return { day: pick(random, [last, 1, 15, last]), month, year };
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** The due date forms plans use, in roughly the mix they use them. */
function dueCell(random: Random): string | Date {
  const { day, month, year } = dayMonthYear(random);
  const short = String(year % 100);
  const quarter = between(random, 1, 4);
  const forms: (() => string | Date)[] = [
    () => `${MONTHS[month - 1] ?? 'Mar'}-${short}`,
    () => `Q${String(quarter)} ${short}/${pad((year + 1) % 100)}`,
    () => `${pad(day)}/${pad(month)}/${String(year)}`,
    () => new Date(Date.UTC(year, month - 1, day)),
    () => `${pick(random, ['Early', 'Mid', 'Late', 'Spring', 'Autumn'])} ${String(year)}`,
    () => `${LONG_MONTHS[month - 1] ?? 'March'} ${String(year)}`,
    () => `End of Q${String(quarter)} ${String(year)}/${pad((year + 1) % 100)}`,
    () => 'Ongoing',
  ];
  return pick(random, forms)();
}

function statusCell(random: Random): string {
  const { day, month, year } = dayMonthYear(random);
  return pick(random, [
    'Amber - in progress',
    'Amber - in progress',
    `Complete ${pad(day)}/${pad(month)}/${String(year)}`,
    'Red',
    'Green',
    'Blue - completed and evidenced',
    'Not started',
    'Amber - delayed, revised date agreed with the Quality and Safety Committee',
  ]);
}

const PROGRESS = [
  'Baseline audit completed in all pilot teams; results shared at the directorate governance meeting.',
  'Draft procedure circulated for comment. Final version due to the Clinical Policy Group next month.',
  'Training sessions delivered to 68% of eligible staff. Further dates booked for the remaining teams.',
  'Awaiting data from the clinical systems team before the re-audit can be scheduled.',
  'Template revised on the electronic record and rolled out; compliance will be checked at the next quarterly audit.',
  'Discussed with partner agencies at the joint safeguarding forum. Information sharing agreement in development.',
] as const;

const EVIDENCE = [
  'Audit report presented to the Quality and Safety Committee',
  'Revised policy on the intranet; training records',
  'Minutes of the directorate governance meeting',
  'Dashboard extract showing monthly compliance',
  '',
  '',
] as const;

function action(random: Random, position: number): GeneratedAction {
  const { roles, lead } = leadCell(random);
  const first = pick(random, PROGRESS);
  const second = random() < 0.4 ? ` ${pick(random, PROGRESS)}` : '';
  return {
    ref: String.fromCharCode(97 + (position % 26)),
    text: `${pick(random, VERBS)} ${pick(random, TOPICS)} ${pick(random, SCOPES)}.`,
    roles,
    lead,
    due: dueCell(random),
    progress: `${first}${second}`,
    status: statusCell(random),
    evidence: pick(random, EVIDENCE),
  };
}

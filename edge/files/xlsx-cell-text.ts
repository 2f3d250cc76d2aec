import type { CellValue } from 'exceljs';

/**
 * A spreadsheet cell as the text its reader sees, as far as that can be rebuilt without
 * Excel: percentages as "76%", dates the UK way so the core's date parser reads them,
 * formulas by their last calculated result, and line breaks inside the cell kept.
 */
export function cellText(value: CellValue, numFmt: string | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return normaliseBreaks(value);
  if (typeof value === 'number') return formatNumber(value, numFmt);
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (value instanceof Date) return formatDate(value, numFmt);
  if ('richText' in value) return normaliseBreaks(value.richText.map((run) => run.text).join(''));
  if ('error' in value) return value.error;
  if ('formula' in value || 'sharedFormula' in value) return cellText(value.result, numFmt);
  // Typed as a string, a hyperlink's text is rich text when Excel styled part of it.
  const linkText: unknown = value.text;
  return cellText(linkText as CellValue, numFmt);
}

function normaliseBreaks(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/** Dates as dd/mm/yyyy, with the time only when the format shows one. */
export function formatDate(date: Date, numFmt: string | undefined): string {
  if (Number.isNaN(date.getTime())) return '';
  const code = codeOf(tokenize(numFmt ?? ''));
  const coded = /[dymhs]/.test(code);
  const hasTime = coded ? /[hs]/.test(code) : date.getUTCHours() + date.getUTCMinutes() + date.getUTCSeconds() > 0;
  const hasDate = coded ? /[dy]/.test(code) || !hasTime : true;
  // ExcelJS builds dates in UTC from the serial number, so UTC fields are the cell's own.
  const day = `${pad(date.getUTCDate())}/${pad(date.getUTCMonth() + 1)}/${date.getUTCFullYear()}`;
  const seconds = code.includes('s') ? `:${pad(date.getUTCSeconds())}` : '';
  const time = `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}${seconds}`;
  if (hasDate && hasTime) return `${day} ${time}`;
  return hasDate ? day : time;
}

/**
 * A number as its format shows it: decimals, thousands separators, percent, currency and
 * other literal text. Formats this does not model (fractions, scientific) give the number
 * as Excel's General format would.
 */
export function formatNumber(value: number, numFmt: string | undefined): string {
  const sections = splitSections(tokenize(numFmt ?? ''));
  const ownNegative = value < 0 && sections.length > 1;
  const section = (ownNegative ? sections[1] : value === 0 && sections.length > 2 ? sections[2] : sections[0]) ?? [];
  const code = codeOf(section);
  if (/^\s*(general|@)?\s*$/.test(code)) return general(value);
  if (/[dyhs]/.test(code) || (code.includes('m') && !/[0#?]/.test(code))) return formatDate(serialToDate(value), numFmt);
  if (/[/e]/.test(code)) return general(value);
  const first = section.findIndex((token) => !token.literal && /^[0#?.]$/.test(token.text));
  if (first < 0) return render(section);
  let end = first;
  while (end < section.length && !(section[end]?.literal ?? true) && /^[0#?.,]$/.test(section[end]?.text ?? '')) end += 1;
  const digits = section.slice(first, end).map((token) => token.text).join('');
  const [integerPart = '', fractionPart = ''] = digits.split('.');
  const decimals = fractionPart.replace(/[^0#?]/g, '').length;
  // The sign goes before any currency symbol ("-£5.00"), unless the format has its own
  // negative section, which then shows the magnitude its own way ("(£5.00)").
  const sign = value < 0 && !ownNegative ? '-' : '';
  const scaled = Math.abs(value) * (code.includes('%') ? 100 : 1);
  const zeros = integerPart.replace(/[^0]/g, '').length;
  let number = scaled.toLocaleString('en-GB', {
    minimumIntegerDigits: Math.min(Math.max(zeros, 1), 21),
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
    useGrouping: /[0#?],[0#?]/.test(digits),
  });
  // "#" and "?" show no insignificant zero: 0.5 in "#.00" is ".50", 0 in "??" is blank.
  if (zeros === 0 && number.startsWith('0')) number = number.slice(1);
  return `${sign}${render(section.slice(0, first))}${number}${render(section.slice(end))}`.trim();
}

/** Excel's General format: up to 11 significant digits, no float noise. */
function general(value: number): string {
  if (Number.isInteger(value)) return String(value);
  return String(Number.parseFloat(value.toPrecision(11)));
}

/** Excel serial day (1900 system) to a UTC date. */
function serialToDate(serial: number): Date {
  return new Date(Math.round((serial - 25_569) * 86_400_000));
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** A piece of a number format: text printed as it is, or a formatting code. */
interface FormatToken {
  text: string;
  literal: boolean;
}

/**
 * Splits a format into tokens: quoted strings, backslash escapes and [$£-809] currency tags
 * are literal; `_x` (a space as wide as x) is a literal space; `*x` (fill) is one x; other
 * [..] tags (colours, conditions) are one code token.
 */
function tokenize(format: string): FormatToken[] {
  const tokens: FormatToken[] = [];
  let i = 0;
  while (i < format.length) {
    const ch = format.charAt(i);
    if (ch === '"') {
      const end = format.indexOf('"', i + 1);
      const stop = end < 0 ? format.length : end;
      tokens.push({ text: format.slice(i + 1, stop), literal: true });
      i = stop + 1;
    } else if (ch === '\\' || ch === '_' || ch === '*') {
      // A fill (`*x`) repeats x across the column; once is enough to keep words apart.
      tokens.push({ text: ch === '_' ? ' ' : format.charAt(i + 1), literal: true });
      i += 2;
    } else if (ch === '[') {
      const end = format.indexOf(']', i);
      const stop = end < 0 ? format.length : end + 1;
      const tag = format.slice(i, stop);
      const currency = /^\[\$([^-\]]*)/.exec(tag);
      tokens.push(currency === null ? { text: tag, literal: false } : { text: currency[1] ?? '', literal: true });
      i = stop;
    } else {
      tokens.push({ text: ch, literal: false });
      i += 1;
    }
  }
  return tokens;
}

function splitSections(tokens: FormatToken[]): FormatToken[][] {
  const sections: FormatToken[][] = [[]];
  for (const token of tokens) {
    if (!token.literal && token.text === ';') sections.push([]);
    else sections[sections.length - 1]?.push(token);
  }
  return sections;
}

/** The codes of a format, lower-cased, without literal text or [..] tags. */
function codeOf(tokens: FormatToken[]): string {
  return tokens
    .filter((token) => !token.literal && !token.text.startsWith('['))
    .map((token) => token.text)
    .join('')
    .toLowerCase();
}

/** What a format prints around its number: currency, "%", brackets, words. */
function render(tokens: FormatToken[]): string {
  return tokens
    .filter((token) => token.literal || !(token.text.startsWith('[') || token.text === '@' || /^[0#?,.]$/.test(token.text)))
    .map((token) => token.text)
    .join('');
}

import type { Document, Element } from '@xmldom/xmldom';
import { childElements } from './xml.js';
import { isW, wAttr, wChild, wChildren, wInt, wVal } from './wordml.js';

/**
 * Word's automatic list labels ("a)", "1.2", "•") are not in the text: Word draws them from
 * numbering.xml. Plans letter their sub-actions this way, so the labels are rebuilt here and
 * the core sees "a) Review the audit" as the author did.
 */
interface Level {
  start: number;
  format: string;
  text: string;
  /** The deepest level whose use restarts this one; -1: never restarts. */
  restartAfter: number;
  legal: boolean;
  style: string | undefined;
}

interface AbstractNum {
  levels: Map<number, Level>;
  /** This list's definition lives in the list style named here (w:numStyleLink). */
  styleLink: string | undefined;
  /** This list is the definition of the list style named here (w:styleLink). */
  definesStyle: string | undefined;
}

interface Num {
  abstractId: string;
  overrides: Map<number, { start: number | undefined; level: Level | undefined }>;
}

interface StyleNumbering {
  numId: string | undefined;
  ilvl: number | undefined;
  basedOn: string | undefined;
}

const MAX_LEVELS = 9;

export class Numbering {
  private readonly abstracts = new Map<string, AbstractNum>();
  private readonly nums = new Map<string, Num>();
  private readonly styles = new Map<string, StyleNumbering>();
  private defaultStyle: string | undefined;
  /** Current value per numId and level: Word counts each list instance separately. */
  private readonly counters = new Map<string, Map<number, number>>();

  constructor(numbering: Document | undefined, styles: Document | undefined) {
    const numberingRoot = numbering?.documentElement ?? undefined;
    if (numberingRoot !== undefined) this.readNumbering(numberingRoot);
    const stylesRoot = styles?.documentElement ?? undefined;
    if (stylesRoot !== undefined) this.readStyles(stylesRoot);
  }

  /**
   * The label of a paragraph, advancing the counters, or undefined when it is not in a list.
   * Call it once per paragraph, in document order.
   */
  next(paragraph: Element): string | undefined {
    const target = this.listOf(paragraph);
    if (target === undefined) return undefined;
    const { numId, ilvl } = target;
    const level = this.level(numId, ilvl);
    if (level === undefined) return undefined;
    const counts = this.counters.get(numId) ?? new Map<number, number>();
    this.counters.set(numId, counts);
    const current = counts.get(ilvl);
    counts.set(ilvl, current === undefined ? level.start : current + 1);
    for (const deeper of counts.keys()) {
      if (deeper > ilvl && ilvl <= (this.level(numId, deeper)?.restartAfter ?? deeper - 1)) counts.delete(deeper);
    }
    return this.label(numId, level, counts);
  }

  private label(numId: string, level: Level, counts: Map<number, number>): string | undefined {
    if (level.format === 'bullet') return '•';
    const label = level.text.replace(/%([1-9])/g, (_match, digit: string) => {
      const index = Number(digit) - 1;
      const referenced = this.level(numId, index);
      const value = counts.get(index) ?? referenced?.start ?? 1;
      return formatNumber(value, level.legal ? 'decimal' : (referenced?.format ?? 'decimal'));
    });
    return label.trim() === '' ? undefined : label.trim();
  }

  /** numId and level from the paragraph, falling back to its style's list. */
  private listOf(paragraph: Element): { numId: string; ilvl: number } | undefined {
    const pPr = wChild(paragraph, 'pPr');
    const numPr = wChild(pPr, 'numPr');
    const styleId = wVal(pPr, 'pStyle') ?? this.defaultStyle;
    const fromStyle = this.styleNumbering(styleId);
    const numId = wVal(numPr, 'numId') ?? fromStyle?.numId;
    if (numId === undefined || numId === '0') return undefined;
    const ilvl = wInt(numPr, 'ilvl') ?? fromStyle?.ilvl ?? this.levelOfStyle(numId, styleId) ?? 0;
    return { numId, ilvl: Math.min(Math.max(ilvl, 0), MAX_LEVELS - 1) };
  }

  private styleNumbering(styleId: string | undefined): { numId?: string; ilvl?: number } | undefined {
    const seen = new Set<string>();
    let id = styleId;
    let ilvl: number | undefined;
    while (id !== undefined && !seen.has(id)) {
      seen.add(id);
      const style = this.styles.get(id);
      if (style === undefined) return undefined;
      ilvl ??= style.ilvl;
      if (style.numId !== undefined) return { numId: style.numId, ilvl };
      id = style.basedOn;
    }
    return undefined;
  }

  /** Heading numbering ties a level to a style (w:lvl/w:pStyle) instead of giving w:ilvl. */
  private levelOfStyle(numId: string, styleId: string | undefined): number | undefined {
    const abstract = this.abstractOf(numId);
    if (abstract === undefined || styleId === undefined) return undefined;
    for (const [ilvl, level] of abstract.levels) if (level.style === styleId) return ilvl;
    return undefined;
  }

  private level(numId: string, ilvl: number): Level | undefined {
    const override = this.nums.get(numId)?.overrides.get(ilvl);
    const level = override?.level ?? this.abstractOf(numId)?.levels.get(ilvl);
    if (level === undefined || override?.start === undefined) return level;
    return { ...level, start: override.start };
  }

  private abstractOf(numId: string, depth = 0): AbstractNum | undefined {
    const num = this.nums.get(numId);
    const abstract = num === undefined ? undefined : this.abstracts.get(num.abstractId);
    if (abstract?.styleLink === undefined || depth > 3) return abstract;
    // A list that points at a list style: its levels are those of the list defining that style.
    for (const candidate of this.abstracts.values()) if (candidate.definesStyle === abstract.styleLink) return candidate;
    const styleNum = this.styleNumbering(abstract.styleLink)?.numId;
    return styleNum === undefined || styleNum === numId ? abstract : this.abstractOf(styleNum, depth + 1);
  }

  private readNumbering(root: Element): void {
    for (const child of childElements(root)) {
      if (isW(child, 'abstractNum')) {
        const id = wAttr(child, 'abstractNumId');
        if (id === undefined) continue;
        const levels = new Map<number, Level>();
        for (const lvl of wChildren(child, 'lvl')) {
          const ilvl = Number.parseInt(wAttr(lvl, 'ilvl') ?? '', 10);
          if (Number.isFinite(ilvl)) levels.set(ilvl, readLevel(lvl, ilvl));
        }
        this.abstracts.set(id, { levels, styleLink: wVal(child, 'numStyleLink'), definesStyle: wVal(child, 'styleLink') });
      } else if (isW(child, 'num')) {
        const id = wAttr(child, 'numId');
        const abstractId = wVal(child, 'abstractNumId');
        if (id === undefined || abstractId === undefined) continue;
        const overrides = new Map<number, { start: number | undefined; level: Level | undefined }>();
        for (const override of wChildren(child, 'lvlOverride')) {
          const ilvl = Number.parseInt(wAttr(override, 'ilvl') ?? '', 10);
          if (!Number.isFinite(ilvl)) continue;
          const lvl = wChild(override, 'lvl');
          overrides.set(ilvl, { start: wInt(override, 'startOverride'), level: lvl === undefined ? undefined : readLevel(lvl, ilvl) });
        }
        this.nums.set(id, { abstractId, overrides });
      }
    }
  }

  private readStyles(root: Element): void {
    for (const style of wChildren(root, 'style')) {
      const id = wAttr(style, 'styleId');
      if (id === undefined) continue;
      const numPr = wChild(wChild(style, 'pPr'), 'numPr');
      this.styles.set(id, { numId: wVal(numPr, 'numId'), ilvl: wInt(numPr, 'ilvl'), basedOn: wVal(style, 'basedOn') });
      const isDefault = ['1', 'true', 'on'].includes(wAttr(style, 'default') ?? '');
      if (isDefault && wAttr(style, 'type') === 'paragraph') this.defaultStyle = id;
    }
  }
}

function readLevel(lvl: Element, ilvl: number): Level {
  const restart = wInt(lvl, 'lvlRestart');
  const legal = wChild(lvl, 'isLgl');
  return {
    // ECMA-376 says 0 when absent, but every list a person made starts at 1.
    start: wInt(lvl, 'start') ?? 1,
    format: wVal(lvl, 'numFmt') ?? 'decimal',
    text: wVal(lvl, 'lvlText') ?? '',
    restartAfter: restart === undefined ? ilvl - 1 : restart - 1,
    legal: legal !== undefined && !['0', 'false', 'off'].includes(wAttr(legal, 'val') ?? ''),
    style: wVal(lvl, 'pStyle'),
  };
}

/** One counter value in a w:numFmt style; unknown styles fall back to decimal as Word's do. */
export function formatNumber(value: number, format: string): string {
  switch (format) {
    case 'none':
      return '';
    case 'lowerLetter':
      return value > 0 ? letters(value) : String(value);
    case 'upperLetter':
      return value > 0 ? letters(value).toUpperCase() : String(value);
    case 'lowerRoman':
      return value > 0 ? roman(value).toLowerCase() : String(value);
    case 'upperRoman':
      return value > 0 ? roman(value) : String(value);
    case 'decimalZero':
      return value >= 0 && value < 10 ? `0${value}` : String(value);
    case 'ordinal':
      return `${value}${ordinalSuffix(value)}`;
    case 'bullet':
      return '•';
    default:
      return String(value);
  }
}

/** Word's lettering repeats the letter past z: y, z, aa, bb, cc. */
function letters(value: number): string {
  const letter = String.fromCharCode(0x61 + ((value - 1) % 26));
  return letter.repeat(Math.floor((value - 1) / 26) + 1);
}

const ROMAN: readonly [number, string][] = [
  [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
  [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
];

function roman(value: number): string {
  let rest = value;
  let out = '';
  for (const [amount, numeral] of ROMAN) {
    while (rest >= amount) {
      out += numeral;
      rest -= amount;
    }
  }
  return out;
}

function ordinalSuffix(value: number): string {
  const tens = value % 100;
  if (tens >= 11 && tens <= 13) return 'th';
  return ['th', 'st', 'nd', 'rd'][value % 10] ?? 'th';
}

import { makeStyles, tokens } from '@fluentui/react-components';

/** Layout pieces every page uses; narrow-first (Teams' side panel and phones are ~320px wide). */
export const useCommonStyles = makeStyles({
  visuallyHidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    margin: '-1px',
    overflow: 'hidden',
    clipPath: 'inset(50%)',
    whiteSpace: 'nowrap',
  },
  page: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    minWidth: 0,
    overflowWrap: 'anywhere',
  },
  heading: { margin: 0, fontSize: tokens.fontSizeBase600 },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  preLine: { whiteSpace: 'pre-line' },
  muted: { color: tokens.colorNeutralForeground2 },
  plainList: { listStyleType: 'none', margin: 0, padding: 0 },
  // Tables scroll inside themselves rather than making the page scroll sideways.
  tableWrap: { overflowX: 'auto', maxWidth: '100%' },
  table: {
    borderCollapse: 'collapse',
    // Headings break between words only; a table too wide scrolls inside its tableWrap.
    overflowWrap: 'normal',
    '& th, & td': { textAlign: 'left', padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`, borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
    '& td.number, & th.number': { textAlign: 'right' },
  },
});

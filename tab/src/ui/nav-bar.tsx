import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { type Route, routeHref } from '../routing/routes.js';
import { type Section, sectionOf } from '../routing/sections.js';

const useStyles = makeStyles({
  list: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS, listStyleType: 'none', margin: 0, padding: 0, borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  item: {
    display: 'block',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    color: tokens.colorNeutralForeground2,
    textDecorationLine: 'none',
    borderBottom: `3px solid transparent`,
    fontSize: tokens.fontSizeBase300,
    ':hover': { color: tokens.colorNeutralForeground1, borderBottomColor: tokens.colorNeutralStroke1Hover },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px', borderRadius: tokens.borderRadiusMedium },
  },
  current: { color: tokens.colorNeutralForeground1, fontWeight: tokens.fontWeightSemibold, borderBottomColor: tokens.colorCompoundBrandStroke, ':hover': { borderBottomColor: tokens.colorCompoundBrandStroke } },
});

/**
 * The tab's sections, styled like Fluent tabs but built as links: they change the address (so
 * they can be opened in a new window and work with Back), which is what links are for. Fluent's
 * TabList would also add tabster's hidden focus catchers, which axe reports as aria-hidden-focus.
 */
export function NavBar({ route, personal, planId }: { route: Route; personal: boolean; planId: string | null }) {
  const styles = useStyles();
  const selected = sectionOf(route, personal);
  const items: [Section, string, string][] = [
    ['plans', 'Plans', routeHref({ name: 'plans' })],
    ['my-actions', 'My actions', routeHref({ name: 'my-actions' })],
    // With no plan looked at yet, the dashboard page asks which plan (or takes the only one).
    ['dashboard', 'Dashboard', routeHref(planId === null ? { name: 'dashboard-home' } : { name: 'dashboard', planId })],
    ['meeting', 'Meeting', routeHref({ name: 'meeting' })],
    ['import', 'Import', routeHref({ name: 'import' })],
  ];
  return (
    <nav aria-label="Sections">
      <ul className={styles.list}>
        {items.map(([section, label, href]) => (
          <li key={section}>
            <a className={mergeClasses(styles.item, section === selected && styles.current)} href={href} aria-current={section === selected ? 'page' : undefined}>
              {label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

import { Button, Checkbox, Field, makeStyles, mergeClasses, SearchBox, Select, tokens } from '@fluentui/react-components';
import type { ActionStatus } from '../../../core/model/index.js';
import { type ActionFilters, NO_FILTERS, type SortOrder, type StatusFilter } from '../logic/filter-actions.js';
import { STATUSES, statusLabel } from '../logic/labels.js';

const useStyles = makeStyles({
  filters: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    alignItems: 'flex-end',
    '& > *': { flex: '1 1 150px', minWidth: 0 },
  },
  // A native select is as wide as its longest option; a lead's full title must not widen the page.
  field: { gridTemplateColumns: 'minmax(0, 1fr)' },
  control: { width: '100%', minWidth: 0, '& > select': { minWidth: 0 } },
  search: { flex: '2 1 220px' },
  toggle: { flex: '0 1 auto' },
});

const WITHIN_DAYS = [7, 14, 30, 90];
const ANY = '';

export interface FilterChoices {
  leads: string[];
  organisations: string[];
}

/** The plan view's filters. Native selects: light, and usable by keyboard and touch at any width. */
export function PlanFilters({ filters, choices, onChange }: { filters: ActionFilters; choices: FilterChoices; onChange: (filters: ActionFilters) => void }) {
  const styles = useStyles();
  const set = (change: Partial<ActionFilters>): void => {
    onChange({ ...filters, ...change });
  };
  return (
    <div className={styles.filters} aria-label="Filter and sort actions" role="search">
      <Field label="Search" className={mergeClasses(styles.field, styles.search)}>
        <SearchBox
          className={styles.control}
          value={filters.search}
          placeholder="Text, ref, lead or note"
          onChange={(_event, data) => {
            set({ search: data.value });
          }}
        />
      </Field>
      <Field label="Status" className={styles.field}>
        <Select
            className={styles.control}
          value={filters.status}
          onChange={(_event, data) => {
            set({ status: data.value as StatusFilter });
          }}
        >
          <option value="all">All statuses</option>
          <option value="open">Open (not complete)</option>
          {STATUSES.map((status: ActionStatus) => (
            <option key={status} value={status}>
              {statusLabel(status)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Due within" className={styles.field}>
        <Select
            className={styles.control}
          value={filters.withinDays === null ? ANY : String(filters.withinDays)}
          onChange={(_event, data) => {
            set({ withinDays: data.value === ANY ? null : Number(data.value) });
          }}
        >
          <option value={ANY}>Any time</option>
          {WITHIN_DAYS.map((days) => (
            <option key={days} value={days}>{`${String(days)} days (overdue included)`}</option>
          ))}
        </Select>
      </Field>
      <Field label="Lead" className={styles.field}>
        <Select
            className={styles.control}
          value={filters.lead ?? ANY}
          onChange={(_event, data) => {
            set({ lead: data.value === ANY ? null : data.value });
          }}
        >
          <option value={ANY}>Any lead</option>
          {choices.leads.map((lead) => (
            <option key={lead} value={lead}>
              {lead}
            </option>
          ))}
        </Select>
      </Field>
      {choices.organisations.length > 1 && (
        <Field label="Organisation" className={styles.field}>
          <Select
            className={styles.control}
            value={filters.organisation ?? ANY}
            onChange={(_event, data) => {
              set({ organisation: data.value === ANY ? null : data.value });
            }}
          >
            <option value={ANY}>Any organisation</option>
            {choices.organisations.map((organisation) => (
              <option key={organisation} value={organisation}>
                {organisation}
              </option>
            ))}
          </Select>
        </Field>
      )}
      <Field label="Sort by" className={styles.field}>
        <Select
            className={styles.control}
          value={filters.sort}
          onChange={(_event, data) => {
            set({ sort: data.value as SortOrder });
          }}
        >
          <option value="plan">Plan order</option>
          <option value="due">Due date</option>
          <option value="status">Status</option>
        </Select>
      </Field>
      <Checkbox
        className={styles.toggle}
        label="Overdue only"
        checked={filters.overdueOnly}
        onChange={(_event, data) => {
          set({ overdueOnly: data.checked === true });
        }}
      />
      <Button
        className={styles.toggle}
        appearance="subtle"
        onClick={() => {
          onChange({ ...NO_FILTERS, sort: filters.sort });
        }}
      >
        Clear filters
      </Button>
    </div>
  );
}

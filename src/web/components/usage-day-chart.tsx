import { Group, Text } from '@mantine/core';
import { formatCount, formatUsd } from '../format/format-usd.ts';
import type { DayTotals } from '../format/usage-range.ts';

const height = 120;

/**
 * Cost per day as bars (calls when nothing cost anything, as with the built-in engine). Each bar
 * carries its day, cost and calls as a tooltip; the whole chart has a text summary for screen readers.
 */
export function UsageDayChart({ days }: { days: DayTotals[] }) {
  const byCost = days.some((d) => d.costUsd > 0);
  const value = (d: DayTotals) => (byCost ? d.costUsd : d.calls);
  const max = Math.max(0, ...days.map(value));
  const width = Math.max(days.length, 1) * 10;
  const busiest = days.reduce<DayTotals | undefined>((best, d) => (best && value(best) >= value(d) ? best : d), undefined);
  const summary = max === 0
    ? 'No calls in this range.'
    : `${byCost ? 'Cost' : 'Calls'} per day; the busiest day was ${busiest?.day}: ${busiest ? (byCost ? formatUsd(busiest.costUsd) : formatCount(busiest.calls)) : ''}.`;
  return (
    <figure style={{ margin: 0 }}>
      <svg
        viewBox={`0 0 ${width} ${height}`} preserveAspectRatio="none" width="100%" height={height} role="img" aria-label={summary}
        style={{ display: 'block', background: 'var(--mantine-color-default-hover)', borderRadius: 'var(--mantine-radius-sm)' }}
        data-testid="usage-day-chart"
      >
        {days.map((d, i) => {
          const h = max > 0 ? (value(d) / max) * (height - 8) : 0;
          return (
            <rect key={d.day} x={i * 10 + 1.5} y={height - h} width={7} height={h} rx={1.5} fill="var(--mantine-color-indigo-5)" data-day={d.day}>
              <title>{`${d.day}: ${formatUsd(d.costUsd)}, ${formatCount(d.calls)} calls`}</title>
            </rect>
          );
        })}
      </svg>
      <Group justify="space-between" mt={4} component="figcaption">
        <Text size="xs" c="dimmed">{days[0]?.day}</Text>
        <Text size="xs" c="dimmed">{max > 0 ? `max ${byCost ? formatUsd(max) : `${formatCount(max)} calls`} a day` : 'no calls'}</Text>
        <Text size="xs" c="dimmed">{days.at(-1)?.day}</Text>
      </Group>
    </figure>
  );
}

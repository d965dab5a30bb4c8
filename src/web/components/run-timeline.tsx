import { Button, Text, Timeline } from '@mantine/core';
import { useState } from 'react';
import type { RunEvent, RunStep } from '../api-types.ts';
import { describeRunEvent, type RunEventDescription } from '../format/describe-run-event.ts';
import { formatDateTime } from '../format/format-time.ts';

const toneColors: Record<RunEventDescription['tone'], string> = { neutral: 'gray', good: 'green', bad: 'red', attention: 'yellow' };
const timeOfDay = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
/** A long run (a big map) has thousands of events: the latest are shown until asked for all. */
const shownAtFirst = 100;

/** The run's events in order: what happened to the run and each step, and when. */
export function RunTimeline({ events, steps }: { events: RunEvent[]; steps: RunStep[] }) {
  const [all, setAll] = useState(false);
  if (events.length === 0) return <Text size="sm" c="dimmed">No events yet.</Text>;
  const names = new Map(steps.map((step) => [step.nodeId, step.name]));
  const stepName = (nodeId: string) => names.get(nodeId) ?? nodeId;
  const hidden = all ? 0 : Math.max(0, events.length - shownAtFirst);
  const shown = hidden ? events.slice(hidden) : events;
  return (
    <>
      {hidden > 0 && (
        <Button variant="subtle" size="compact-sm" mb="sm" onClick={() => setAll(true)}>Show {hidden} earlier event{hidden === 1 ? '' : 's'}</Button>
      )}
      <Timeline bulletSize={14} lineWidth={2} active={shown.length - 1} color="indigo" aria-label="Timeline" role="list" className="run-timeline">
        {shown.map((event) => {
          const description = describeRunEvent(event, stepName);
          return (
            <Timeline.Item
              key={event.seq} role="listitem" color={toneColors[description.tone]} data-event-type={event.type}
              title={<Text size="sm" fw={500}>{description.title}</Text>}
            >
              {description.detail && <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>{description.detail}</Text>}
              <Text size="xs" c="dimmed"><time dateTime={event.at} title={formatDateTime(event.at)}>{timeOfDay.format(new Date(event.at))}</time></Text>
            </Timeline.Item>
          );
        })}
      </Timeline>
    </>
  );
}

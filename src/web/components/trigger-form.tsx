import { Autocomplete, Button, Group, JsonInput, Select, Stack, TextInput } from '@mantine/core';
import { useMemo, useState, type FormEvent } from 'react';
import { ApiError } from '../api-error.ts';
import type { AutomaticTriggerKind, CreateTriggerBody, Trigger } from '../api-types.ts';
import {
  emptyTriggerForm, triggerBodyOf, triggerFieldErrors, triggerKindLabels, type TriggerField, type TriggerFormValues,
} from '../format/trigger-config.ts';
import { FormError } from './form-error.tsx';
import { IconPlus } from './icons.tsx';

const kindOptions = (Object.keys(triggerKindLabels) as AutomaticTriggerKind[]).map((value) => ({ value, label: triggerKindLabels[value] }));
const missedOptions = [{ value: 'run_once', label: 'Run one missed firing' }, { value: 'skip', label: 'Skip missed firings' }];

function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

function timeZones(): string[] {
  try {
    return ['UTC', ...Intl.supportedValuesOf('timeZone').filter((zone) => zone !== 'UTC')];
  } catch {
    return ['UTC'];
  }
}

interface CreateMutation {
  mutate: (body: CreateTriggerBody, options: { onSuccess: (trigger: Trigger) => void }) => void;
  reset: () => void;
  error: Error | null;
  isPending: boolean;
}

/**
 * Adds a trigger of any kind: the kind's own fields, checked by the server; its validation
 * messages (a bad cron, an unknown time zone, a taken address) show under the field they are about.
 */
export function TriggerForm({ create, onCreated, onCancel }: { create: CreateMutation; onCreated: (trigger: Trigger) => void; onCancel: () => void }) {
  const [values, setValues] = useState<TriggerFormValues>(() => emptyTriggerForm('schedule', browserTimeZone()));
  const [localErrors, setLocalErrors] = useState<Partial<Record<TriggerField, string>>>({});
  const zones = useMemo(timeZones, []);
  const server = create.error instanceof ApiError ? triggerFieldErrors(create.error.fieldErrors()) : { byField: {}, other: [] };
  const errorOf = (field: TriggerField) => localErrors[field] ?? server.byField[field];
  const shownFields: TriggerField[] = ['name', ...({
    schedule: ['cron', 'timezone', 'missed'], webhook: ['inputSchema'], file: ['path', 'pattern'], email: ['address'],
  } satisfies Record<AutomaticTriggerKind, TriggerField[]>)[values.kind]];
  // The alert shows what no field shows: a conflict, a permission, or a message about another field.
  const unplaced = create.error && !shownFields.some((field) => server.byField[field]);

  const set = <K extends keyof TriggerFormValues>(key: K, value: TriggerFormValues[K]) => {
    setValues((current) => ({ ...current, [key]: value }));
    if (key in localErrors) setLocalErrors(({ [key as TriggerField]: _dropped, ...rest }) => rest);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const built = triggerBodyOf(values);
    create.reset();
    if (!built.ok) {
      setLocalErrors(built.errors);
      return;
    }
    setLocalErrors({});
    create.mutate(built.body, { onSuccess: onCreated });
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Add a trigger">
      <Stack gap="sm">
        <Group grow align="flex-start" gap="sm" className="trigger-form-row">
          <Select
            label="Kind" data={kindOptions} value={values.kind} allowDeselect={false} comboboxProps={{ withinPortal: true }}
            onChange={(kind) => { if (kind) { set('kind', kind as AutomaticTriggerKind); create.reset(); } }}
          />
          <TextInput label="Name" placeholder="Every weekday morning" value={values.name} error={errorOf('name')} required
            onChange={(e) => set('name', e.currentTarget.value)} />
        </Group>

        {values.kind === 'schedule' && (
          <>
            <Group grow align="flex-start" gap="sm" className="trigger-form-row">
              <TextInput
                label="Cron expression" placeholder="0 9 * * 1-5" required spellCheck={false} autoComplete="off"
                description="5 fields (minute hour day month weekday), or 6 with seconds first; @daily and the like."
                value={values.cron} error={errorOf('cron')} onChange={(e) => set('cron', e.currentTarget.value)}
                styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
              />
              <Autocomplete
                label="Time zone" description="The cron fields are read in this zone." data={zones} limit={30}
                value={values.timezone} error={errorOf('timezone')} onChange={(zone) => set('timezone', zone)}
                comboboxProps={{ withinPortal: true }}
              />
            </Group>
            <Select
              label="After downtime" data={missedOptions} value={values.missed} allowDeselect={false} maw={320}
              error={errorOf('missed')} comboboxProps={{ withinPortal: true }}
              onChange={(missed) => missed && set('missed', missed as TriggerFormValues['missed'])}
            />
          </>
        )}

        {values.kind === 'webhook' && (
          <JsonInput
            label="Payload schema (optional)" description="A JSON Schema (draft-07) every delivery must match; any JSON when empty."
            placeholder='{ "type": "object", "required": ["orderId"] }' autosize minRows={3} maxRows={12} spellCheck={false}
            value={values.inputSchema} error={errorOf('inputSchema')} onChange={(text) => set('inputSchema', text)}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 'var(--mantine-font-size-sm)' } }}
          />
        )}

        {values.kind === 'file' && (
          <Group grow align="flex-start" gap="sm" className="trigger-form-row">
            <TextInput
              label="Folder" placeholder="orders/in" description="Relative to <data dir>/watch/; created when missing." spellCheck={false}
              value={values.path} error={errorOf('path')} onChange={(e) => set('path', e.currentTarget.value)}
            />
            <TextInput
              label="File name pattern (optional)" placeholder="*.csv" description="Every file when empty." spellCheck={false}
              value={values.pattern} error={errorOf('pattern')} onChange={(e) => set('pattern', e.currentTarget.value)}
            />
          </Group>
        )}

        {values.kind === 'email' && (
          <TextInput
            label="Address" placeholder="orders" required maw={360} spellCheck={false} autoComplete="off"
            description="The local part: orders receives mail to orders@ any of your domains (and orders+tag@…)."
            value={values.address} error={errorOf('address')} onChange={(e) => set('address', e.currentTarget.value)}
          />
        )}

        {unplaced && <FormError error={create.error} title="The trigger was not added" />}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onCancel}>Cancel</Button>
          <Button type="submit" loading={create.isPending} leftSection={<IconPlus size={16} />}>Add trigger</Button>
        </Group>
      </Stack>
    </form>
  );
}

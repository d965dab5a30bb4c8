import { Button, Group, Select, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ApiError } from '../api-error.ts';
import { useApi } from '../hooks/use-api.ts';
import { roleLabel } from '../roles.ts';
import { FormError } from './form-error.tsx';
import { IconPlus } from './icons.tsx';
import type { MemberRow } from './member-row.ts';

/** Adds an existing user, by email, with a role. */
export function AddMemberForm<R extends string>({ path, roles, defaultRole, onAdded }: {
  /** The members collection to POST `{email, role}` to. */
  path: string;
  roles: readonly R[];
  defaultRole: R;
  onAdded: () => void;
}) {
  const api = useApi();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<R>(defaultRole);
  const add = useMutation({
    mutationFn: () => api.post<MemberRow<R>>(path, { email: email.trim(), role }),
    onSuccess: (member) => {
      notifications.show({ color: 'green', title: 'Member added', message: `${member.name} is now ${roleLabel(member.role).toLowerCase()}.` });
      setEmail('');
      onAdded();
    },
  });
  const fieldErrors = add.error instanceof ApiError ? add.error.fieldErrors() : {};
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (email.trim()) add.mutate();
  };
  return (
    <form onSubmit={submit} aria-label="Add a member">
      <Stack gap="xs">
        <Group align="flex-end" gap="sm" wrap="wrap">
          <TextInput
            label="Email" type="email" placeholder="colleague@example.com" value={email} onChange={(e) => setEmail(e.currentTarget.value)}
            error={fieldErrors.email} style={{ flex: '1 1 240px' }} autoComplete="off"
          />
          <Select label="Role" data={roles.map((r) => ({ value: r, label: roleLabel(r) }))} value={role} allowDeselect={false} w={140}
            onChange={(v) => v && setRole(v as R)} />
          <Button type="submit" leftSection={<IconPlus size={16} />} loading={add.isPending} disabled={!email.trim()}>Add</Button>
        </Group>
        {add.error && Object.keys(fieldErrors).length === 0 && <FormError error={add.error} />}
      </Stack>
    </form>
  );
}

import { Anchor, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { createApiClient } from '../api-client.ts';
import { ApiError } from '../api-error.ts';
import type { SignedIn } from '../api-types.ts';
import { AuthLayout } from '../components/auth-layout.tsx';
import { FormError } from '../components/form-error.tsx';
import { queryKeys } from '../query-keys.ts';
import { linkProps } from '../routing/link-props.ts';
import { writeWorkspaceId } from '../workspace-storage.ts';

const accountApi = createApiClient();
const minPasswordLength = 8;

export function SignupPage() {
  const client = useQueryClient();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [invalid, setInvalid] = useState<Record<string, string>>({});
  const signup = useMutation({
    mutationFn: () => accountApi.post<SignedIn>('/api/auth/signup', { name: name.trim(), email: email.trim(), password }),
    onSuccess: async (result) => {
      writeWorkspaceId(result.workspace.id);
      await client.refetchQueries({ queryKey: queryKeys.session });
    },
  });
  const fieldErrors = { ...(signup.error instanceof ApiError ? signup.error.fieldErrors() : {}), ...invalid };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const errors: Record<string, string> = {};
    if (!name.trim()) errors.name = 'Enter your name.';
    if (!/^\S+@\S+\.\S+$/.test(email.trim())) errors.email = 'Enter a valid email address.';
    if (password.length < minPasswordLength) errors.password = `Use at least ${minPasswordLength} characters.`;
    setInvalid(errors);
    if (Object.keys(errors).length === 0) signup.mutate();
  };

  return (
    <AuthLayout
      title="Create your account"
      subtitle="You get a personal workspace; invite others to shared ones later."
      footer={<>Already have an account? <Anchor {...linkProps('/login')}>Log in</Anchor></>}
    >
      <form onSubmit={submit} noValidate aria-label="Create account">
        <Stack gap="md">
          <TextInput
            label="Name" autoComplete="name" required autoFocus value={name}
            onChange={(e) => setName(e.currentTarget.value)} error={fieldErrors.name}
          />
          <TextInput
            label="Email" type="email" autoComplete="email" required value={email}
            onChange={(e) => setEmail(e.currentTarget.value)} error={fieldErrors.email}
          />
          <PasswordInput
            label="Password" description={`At least ${minPasswordLength} characters.`} autoComplete="new-password" required
            value={password} onChange={(e) => setPassword(e.currentTarget.value)} error={fieldErrors.password}
          />
          {signup.error && Object.keys(fieldErrors).length === 0 && <FormError error={signup.error} />}
          <Button type="submit" fullWidth loading={signup.isPending}>Create account</Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}

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

const accountApi = createApiClient();

export function LoginPage() {
  const client = useQueryClient();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState<Record<string, string>>({});
  const login = useMutation({
    mutationFn: () => accountApi.post<SignedIn>('/api/auth/login', { email: email.trim(), password }),
    onSuccess: () => client.refetchQueries({ queryKey: queryKeys.session }),
  });
  const fieldErrors = { ...(login.error instanceof ApiError ? login.error.fieldErrors() : {}), ...missing };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const errors: Record<string, string> = {};
    if (!email.trim()) errors.email = 'Enter your email address.';
    if (!password) errors.password = 'Enter your password.';
    setMissing(errors);
    if (Object.keys(errors).length === 0) login.mutate();
  };

  return (
    <AuthLayout
      title="Log in"
      subtitle="Welcome back. Pick up your projects where you left them."
      footer={<>New to Foundry? <Anchor {...linkProps('/signup')}>Create an account</Anchor></>}
    >
      <form onSubmit={submit} noValidate aria-label="Log in">
        <Stack gap="md">
          <TextInput
            label="Email" type="email" autoComplete="email" required autoFocus value={email}
            onChange={(e) => setEmail(e.currentTarget.value)} error={fieldErrors.email}
          />
          <PasswordInput
            label="Password" autoComplete="current-password" required value={password}
            onChange={(e) => setPassword(e.currentTarget.value)} error={fieldErrors.password}
          />
          {login.error && Object.keys(fieldErrors).length === 0 && <FormError error={login.error} />}
          <Button type="submit" fullWidth loading={login.isPending}>Log in</Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}

import { Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { ApiError } from '../api-error.ts';
import type { ModelRoleSetting, ProviderName, PutRoleSettingInput } from '../api-types.ts';
import { useCredentials, useModelRoleMutations } from '../hooks/use-model-roles.ts';
import { FormError } from './form-error.tsx';
import { modelPlaceholders, providerLabels, roleLabels } from './model-role-labels.ts';

/** Anthropic has no embedding or image models; the server refuses the pair too. */
function providersFor(role: ModelRoleSetting['role']): ProviderName[] {
  const all: ProviderName[] = ['builtin', 'openai', 'anthropic', 'openai-compatible'];
  return role === 'embedding' || role === 'image' ? all.filter((p) => p !== 'anthropic') : all;
}

/**
 * Chooses the provider, model, base URL and API key (a vault credential) of one role. The server
 * checks the base URL against the SSRF guard and the credential against the workspace; its
 * messages show under the field they are about.
 */
export function ModelRoleForm({ setting, onDone }: { setting: ModelRoleSetting; onDone: () => void }) {
  const { save } = useModelRoleMutations();
  const credentials = useCredentials();
  const [provider, setProvider] = useState<ProviderName>(setting.provider);
  const [model, setModel] = useState(setting.provider === 'builtin' ? '' : setting.model);
  const [baseUrl, setBaseUrl] = useState(setting.baseUrl ?? '');
  const [credentialId, setCredentialId] = useState<string | null>(setting.credentialId);
  const [missingModel, setMissingModel] = useState(false);
  const builtin = provider === 'builtin';
  const fieldErrors = save.error instanceof ApiError ? save.error.fieldErrors() : {};
  const placed = ['model', 'baseUrl', 'credentialId', 'provider'].some((f) => fieldErrors[f]);
  const { label } = roleLabels[setting.role];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!builtin && !model.trim()) {
      setMissingModel(true);
      return;
    }
    const body: PutRoleSettingInput = builtin
      ? { provider, model: 'builtin' }
      : { provider, model: model.trim(), ...(baseUrl.trim() ? { baseUrl: baseUrl.trim() } : {}), ...(credentialId ? { credentialId } : {}) };
    save.mutate({ role: setting.role, body }, { onSuccess: onDone });
  };

  return (
    <form onSubmit={submit} noValidate aria-label={`Model for ${label}`}>
      <Stack gap="sm">
        <Group grow align="flex-start" gap="sm" className="trigger-form-row">
          <Select
            label="Provider" allowDeselect={false} comboboxProps={{ withinPortal: true }} value={provider} error={fieldErrors.provider}
            data={providersFor(setting.role).map((p) => ({ value: p, label: providerLabels[p] }))}
            onChange={(value) => { if (value) { setProvider(value as ProviderName); save.reset(); } }}
          />
          {!builtin && (
            <TextInput
              label="Model" required placeholder={modelPlaceholders[provider]} spellCheck={false} autoComplete="off" value={model}
              error={missingModel ? 'Name the model, as the provider spells it.' : fieldErrors.model}
              onChange={(e) => { setModel(e.currentTarget.value); setMissingModel(false); }}
            />
          )}
        </Group>
        {builtin ? (
          <Text size="sm" c="dimmed">The built-in engine works offline and costs nothing; it needs no key.</Text>
        ) : (
          <Group grow align="flex-start" gap="sm" className="trigger-form-row">
            <TextInput
              label={provider === 'openai-compatible' ? 'Base URL' : 'Base URL (optional)'} required={provider === 'openai-compatible'}
              placeholder={provider === 'openai-compatible' ? 'http://localhost:11434/v1' : 'The provider\'s own API'}
              description={provider === 'openai-compatible' ? 'Ollama, vLLM, LM Studio, llama.cpp server…' : undefined}
              spellCheck={false} autoComplete="off" value={baseUrl} error={fieldErrors.baseUrl} onChange={(e) => setBaseUrl(e.currentTarget.value)}
            />
            <Select
              label="API key" placeholder={credentials.isPending ? 'Loading credentials…' : 'None (the server\'s key, if any)'} clearable
              comboboxProps={{ withinPortal: true }} value={credentialId} error={fieldErrors.credentialId ?? (credentials.isError ? 'Could not load the credentials.' : undefined)}
              description="A credential of this workspace's vault; the key itself is never shown."
              data={(credentials.data ?? []).map((c) => ({ value: c.id, label: `${c.name} (${c.kind})` }))}
              nothingFoundMessage="No credentials yet" onChange={setCredentialId}
            />
          </Group>
        )}
        {save.error && !placed && <FormError error={save.error} title="The model was not saved" />}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onDone}>Cancel</Button>
          <Button type="submit" loading={save.isPending}>Save</Button>
        </Group>
      </Stack>
    </form>
  );
}

import { Center, Loader } from '@mantine/core';

/** A centred spinner with a name for screen readers. */
export function PageLoader({ label, fullScreen = false }: { label: string; fullScreen?: boolean }) {
  return (
    <Center mih={fullScreen ? '100dvh' : 240} role="status" aria-live="polite">
      <Loader aria-label={label} type="dots" />
    </Center>
  );
}

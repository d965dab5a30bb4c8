/** Foundry's logo mark (decorative; the name is always written next to it). */
export function BrandMark({ size = 28 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="8" fill="var(--mantine-color-indigo-6)" />
      <path d="M10 8h13v4h-8.5v3.5H21v4h-6.5V24H10z" fill="#fff" />
    </svg>
  );
}

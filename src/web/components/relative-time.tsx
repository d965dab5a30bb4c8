import { formatDateTime, formatRelativeTime } from '../format/format-time.ts';

/** "5 minutes ago" with the exact date as the title and machine-readable datetime. */
export function RelativeTime({ iso }: { iso: string }) {
  return <time dateTime={iso} title={formatDateTime(iso)}>{formatRelativeTime(iso)}</time>;
}

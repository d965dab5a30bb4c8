import { Badge } from '@mantine/core';
import type { Studio } from '../api-types.ts';
import { studios } from '../studios.ts';

export function StudioBadge({ studio }: { studio: Studio }) {
  const info = studios[studio];
  return <Badge variant="light" color={info.color} radius="sm">{info.label} studio</Badge>;
}

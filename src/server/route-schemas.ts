import { z } from 'zod';

export const errorBody = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});

/** The error responses every authenticated route may give, for the OpenAPI document. */
export const commonErrors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody, 413: errorBody, 415: errorBody, 429: errorBody };

export const idParams = z.object({ id: z.uuid({ message: 'must be an id (UUID)' }) });
export const userIdParams = z.object({ userId: z.uuid({ message: 'must be an id (UUID)' }) });
export const projectMemberParams = idParams.extend({ userId: z.uuid({ message: 'must be an id (UUID)' }) });

export const limitSchema = (max: number, fallback: number) => z.coerce.number().int().min(1).max(max).default(fallback);

export const items = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });
export const page = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().nullable() });

import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { ApiError } from '../api-error.ts';
import type { Project } from '../api-types.ts';
import { flattenMessages } from '../conversation-cache.ts';
import {
  getActiveDpg, getDpgAnalysis, getDpgAssets, getOrder, getQuoteAnalysis, listDpgVersions, listQuotes, listRfqs, quoteAnalysisQuery,
  type QuoteAnalysisParams,
} from '../product-api.ts';
import { queryKeys } from '../query-keys.ts';
import { useApi } from './use-api.ts';
import { useMessages } from './use-messages.ts';

/** Null for a "not there yet" 404 (no genome before the first message, no order before one is placed). */
async function orNull<T>(load: Promise<T>, code: string): Promise<T | null> {
  try {
    return await load;
  } catch (error) {
    if (error instanceof ApiError && error.status === 404 && error.code === code) return null;
    throw error;
  }
}

/** The project's active (latest) genome; null before the first message. */
export function useActiveDpg(projectId: string) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.dpg(api.workspaceId, projectId),
    queryFn: ({ signal }) => orNull(getActiveDpg(api, projectId, signal), 'DPG_NOT_FOUND'),
  });
}

/** Every version of the project's genome, newest first (asked for once there is a genome). */
export function useDpgVersions(projectId: string, enabled = true) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.dpgVersions(api.workspaceId, projectId),
    queryFn: ({ signal }) => listDpgVersions(api, projectId, signal),
    select: (data) => data.items,
    enabled,
  });
}

export function useDpgAssets(projectId: string, dpgId: string | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.dpgAssets(api.workspaceId, projectId, dpgId ?? ''),
    queryFn: ({ signal }) => getDpgAssets(api, dpgId ?? '', signal),
    enabled: Boolean(dpgId),
  });
}

export function useDpgAnalysis(projectId: string, dpgId: string | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.dpgAnalysis(api.workspaceId, projectId, dpgId ?? ''),
    queryFn: ({ signal }) => getDpgAnalysis(api, dpgId ?? '', signal),
    enabled: Boolean(dpgId),
  });
}

/** The project's RFQs, newest first. */
export function useRfqs(projectId: string) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.rfqs(api.workspaceId, projectId),
    queryFn: ({ signal }) => listRfqs(api, projectId, signal),
    select: (data) => data.items.toSorted((a, b) => b.createdAt.localeCompare(a.createdAt)),
  });
}

export function useQuotes(projectId: string, rfqId: string) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.quotes(api.workspaceId, projectId, rfqId),
    queryFn: ({ signal }) => listQuotes(api, rfqId, signal),
    select: (data) => data.items,
  });
}

/** The ranked quotes for a method and weights; the previous ranking stays on screen while a new one loads. */
export function useQuoteAnalysis(projectId: string, rfqId: string, params: QuoteAnalysisParams, enabled: boolean) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.quoteAnalysis(api.workspaceId, projectId, rfqId, quoteAnalysisQuery(params)),
    queryFn: ({ signal }) => getQuoteAnalysis(api, rfqId, params, signal),
    enabled,
    placeholderData: keepPreviousData,
  });
}

/** The order placed from an RFQ; null until one is. */
export function useOrder(projectId: string, rfqId: string) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.order(api.workspaceId, projectId, rfqId),
    queryFn: ({ signal }) => orNull(getOrder(api, rfqId, signal), 'ORDER_NOT_FOUND'),
  });
}

/**
 * Refetches the product data whenever the conversation gains a message (posted here or arriving on
 * the project's event stream, which both land in the messages cache) or the project changes (its
 * stage), since each turn may change the genome, its visuals and analysis.
 */
export function useRefreshProductOnMessages(project: Pick<Project, 'id' | 'stage' | 'updatedAt'>) {
  const api = useApi();
  const client = useQueryClient();
  const messages = useMessages(project.id);
  const lastId = flattenMessages(messages.data).at(-1)?.id ?? '';
  const token = messages.isSuccess ? `${lastId}|${project.stage ?? ''}|${project.updatedAt}` : null;
  const seen = useRef<string | null>(null);
  useEffect(() => {
    if (token === null) return;
    if (seen.current !== null && seen.current !== token) {
      void client.invalidateQueries({ queryKey: queryKeys.product(api.workspaceId, project.id) });
    }
    seen.current = token;
  }, [api.workspaceId, client, token, project.id]);
}

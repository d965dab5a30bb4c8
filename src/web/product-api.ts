import type { ApiClient } from './api-client.ts';
import { ApiError } from './api-error.ts';
import type { Artifact, ArtifactVersion, Items, KnowledgeSource } from './api-types.ts';
import type {
  AnalysisMethod, DpgAnalysisView, DpgData, DpgVersionSummary, DpgView, OrderView, ProductCategory, QuoteAnalysis, RfqFormat, RfqView, StoredQuote,
  Supplier, SupplierMatch, VisualAssets, Weights,
} from './product-api-types.ts';

/** The product studio's endpoints, typed; every call goes through the app's API client. */

const id = encodeURIComponent;

export function getActiveDpg(api: ApiClient, projectId: string, signal?: AbortSignal): Promise<DpgView> {
  return api.get<DpgView>(`/api/projects/${id(projectId)}/dpg`, { signal });
}

export function listDpgVersions(api: ApiClient, projectId: string, signal?: AbortSignal): Promise<Items<DpgVersionSummary>> {
  return api.get(`/api/projects/${id(projectId)}/dpgs`, { signal });
}

export function getDpg(api: ApiClient, dpgId: string, signal?: AbortSignal): Promise<DpgView> {
  return api.get(`/api/dpgs/${id(dpgId)}`, { signal });
}

/** Edits the genome by hand (editors); `data` is merged key by key. 409 DPG_LOCKED once approved. */
export function patchDpg(api: ApiClient, dpgId: string, body: { title?: string; category?: ProductCategory; data?: Partial<DpgData> }): Promise<DpgView> {
  return api.patch(`/api/dpgs/${id(dpgId)}`, body);
}

export function approveDpg(api: ApiClient, dpgId: string): Promise<DpgView> {
  return api.post(`/api/dpgs/${id(dpgId)}/approve`);
}

export function createDpgVersion(api: ApiClient, dpgId: string): Promise<DpgView> {
  return api.post(`/api/dpgs/${id(dpgId)}/versions`);
}

export function getDpgAssets(api: ApiClient, dpgId: string, signal?: AbortSignal): Promise<VisualAssets> {
  return api.get(`/api/dpgs/${id(dpgId)}/assets`, { signal });
}

export function getDpgAnalysis(api: ApiClient, dpgId: string, signal?: AbortSignal): Promise<DpgAnalysisView> {
  return api.get(`/api/dpgs/${id(dpgId)}/analysis`, { signal });
}

export function getSupplierMatches(api: ApiClient, dpgId: string, signal?: AbortSignal): Promise<Items<SupplierMatch>> {
  return api.get(`/api/dpgs/${id(dpgId)}/supplier-matches`, { signal });
}

export interface CreateRfqBody {
  responseDays?: number;
  quantityTiers?: number[];
  /** YYYY-MM-DD */
  targetDelivery?: string;
}

export function createRfq(api: ApiClient, dpgId: string, body: CreateRfqBody = {}): Promise<RfqView> {
  return api.post(`/api/dpgs/${id(dpgId)}/rfqs`, body);
}

export function listRfqs(api: ApiClient, projectId: string, signal?: AbortSignal): Promise<Items<RfqView>> {
  return api.get(`/api/projects/${id(projectId)}/rfqs`, { signal });
}

export function getRfq(api: ApiClient, rfqId: string, signal?: AbortSignal): Promise<RfqView> {
  return api.get(`/api/rfqs/${id(rfqId)}`, { signal });
}

export function listQuotes(api: ApiClient, rfqId: string, signal?: AbortSignal): Promise<Items<StoredQuote>> {
  return api.get(`/api/rfqs/${id(rfqId)}/quotes`, { signal });
}

export interface QuoteAnalysisParams {
  method: AnalysisMethod;
  weights: Weights;
}

export function getQuoteAnalysis(api: ApiClient, rfqId: string, params: QuoteAnalysisParams, signal?: AbortSignal): Promise<QuoteAnalysis> {
  return api.get(`/api/rfqs/${id(rfqId)}/analysis?${quoteAnalysisQuery(params)}`, { signal });
}

/** `method=…&price=…`: the weights go as they are, the server normalises them to sum 1. */
export function quoteAnalysisQuery({ method, weights }: QuoteAnalysisParams): string {
  const query = new URLSearchParams({ method });
  for (const [criterion, weight] of Object.entries(weights)) query.set(criterion, String(weight));
  return query.toString();
}

export function placeOrder(api: ApiClient, rfqId: string, quoteId: string): Promise<OrderView> {
  return api.post(`/api/rfqs/${id(rfqId)}/order`, { quoteId });
}

export function getOrder(api: ApiClient, rfqId: string, signal?: AbortSignal): Promise<OrderView> {
  return api.get(`/api/rfqs/${id(rfqId)}/order`, { signal });
}

/** Posts a CSV file of quotes; a wrong file fails with QUOTES_CSV_INVALID and its missing columns and row errors in `details`. */
export function importQuotesCsv(api: ApiClient, rfqId: string, csv: string, fetcher?: typeof fetch): Promise<Items<StoredQuote>> {
  return postCsv(api, `/api/rfqs/${id(rfqId)}/quotes`, csv, fetcher);
}

export function listSuppliers(api: ApiClient, signal?: AbortSignal): Promise<Items<Supplier>> {
  return api.get('/api/suppliers', { signal });
}

/** Adds or updates suppliers of the workspace directory from a CSV file. */
export function importSuppliersCsv(api: ApiClient, csv: string, fetcher?: typeof fetch): Promise<Items<Supplier>> {
  return postCsv(api, '/api/suppliers', csv, fetcher);
}

/** Uploads a file that becomes both an artifact and a knowledge source of the project (415 for a type Foundry cannot read). */
export function uploadProjectFile(api: ApiClient, projectId: string, file: File): Promise<{ artifact: Artifact; version: ArtifactVersion; knowledgeSource: KnowledgeSource }> {
  const form = new FormData();
  form.append('file', file);
  return api.upload(`/api/projects/${id(projectId)}/files`, form);
}

/**
 * Posts a CSV body as `text/csv` (the API client sends only JSON and forms), so the server checks the
 * columns and rows itself and answers with its error code and details when they are wrong.
 */
async function postCsv<T>(api: ApiClient, path: string, csv: string, fetcher: typeof fetch = globalThis.fetch.bind(globalThis)): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', 'content-type': 'text/csv' };
  if (api.workspaceId) headers['x-foundry-workspace'] = api.workspaceId;
  let response: Response;
  try {
    response = await fetcher(path, { method: 'POST', headers, body: csv, credentials: 'same-origin' });
  } catch {
    throw new ApiError({ status: 0, code: 'NETWORK_ERROR', message: 'Could not reach the Foundry server. Check the connection and try again.' });
  }
  const text = await response.text();
  let data: unknown;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    data = undefined;
  }
  if (!response.ok) throw ApiError.fromResponse(response.status, data);
  return data as T;
}

/** Where an RFQ document downloads from (a link cannot send headers, so the workspace goes in the query). */
export function rfqDownloadUrl(workspaceId: string, rfqId: string, format: RfqFormat): string {
  return `/api/rfqs/${id(rfqId)}?${new URLSearchParams({ format, workspace: workspaceId })}`;
}

/** An asset's image address with the workspace in the query, for `<img>` (which cannot send headers). */
export function withWorkspace(url: string, workspaceId: string): string {
  const [path = '', hash] = url.split('#', 2);
  if (/[?&]workspace=/.test(path)) return url;
  const joined = `${path}${path.includes('?') ? '&' : '?'}workspace=${encodeURIComponent(workspaceId)}`;
  return hash === undefined ? joined : `${joined}#${hash}`;
}

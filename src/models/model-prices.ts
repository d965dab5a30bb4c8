import type { ProviderName } from './language-engine.ts';

/**
 * What a call cost in US dollars, from the price table of @pydantic/genai-prices (bundled with
 * the package; upgrade it for new prices). OpenAI and Anthropic are matched by provider id, an
 * OpenAI-compatible server by its base URL (a hosted service the table knows); anything else,
 * a local server or an unknown model, costs 0.
 */
export async function priceOf(o: { provider: ProviderName; model: string; baseUrl?: string | undefined; tokensIn: number; tokensOut: number }): Promise<number> {
  if (o.provider === 'builtin' || (o.tokensIn === 0 && o.tokensOut === 0)) return 0;
  const options = o.provider === 'openai-compatible' ? (o.baseUrl ? { providerApiUrl: o.baseUrl } : undefined) : { providerId: o.provider };
  if (!options) return 0;
  // The table is half a second to load: only processes that call a provider pay for it.
  const { calcPrice } = await import('@pydantic/genai-prices');
  const price = calcPrice({ input_tokens: o.tokensIn, output_tokens: o.tokensOut }, o.model, options);
  return price ? Number(price.total_price) : 0;
}

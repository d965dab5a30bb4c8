import type { ChatMessage, ComposeRequest, IntentOption, Passage } from '../language-engine.ts';

/** The instructions and prompts sent to a provider for each operation; pure, so tests can read them. */

export function classifyPrompt(text: string, options: IntentOption[]): { instructions: string; prompt: string } {
  const catalogue = options.map((o) => {
    const examples = o.examples.slice(0, 3).map((e) => `"${e}"`).join('; ');
    return `- ${o.name}: ${o.description}${examples ? ` (for example ${examples})` : ''}`;
  }).join('\n');
  return {
    instructions: `Classify the user's message into exactly one of these intents:\n${catalogue}\n`
      + 'Answer with the intent name and your confidence between 0 and 1.',
    prompt: text,
  };
}

export function extractPrompt(text: string, referenceDate: Date): { instructions: string; prompt: string } {
  return {
    instructions: `Extract the entities mentioned in the text. Today is ${referenceDate.toISOString().slice(0, 10)}; resolve relative dates against it. `
      + 'Copy each mention\'s words exactly as written into "text". Use empty lists for kinds that are not mentioned; never invent values.',
    prompt: text,
  };
}

export function summarizePrompt(text: string, maxSentences: number): { instructions: string; prompt: string } {
  return {
    instructions: `Summarise the text in at most ${maxSentences} sentence${maxSentences === 1 ? '' : 's'}. Use only facts stated in the text. Reply with the summary only.`,
    prompt: text,
  };
}

export function answerPrompt(question: string, passages: Passage[]): { instructions: string; prompt: string } {
  const numbered = passages.map((p, i) => `[${i + 1}] (${p.citation.sourceName}) ${p.text}`).join('\n\n');
  return {
    instructions: 'Answer the question using only the numbered passages. List in "citations" the numbers of the passages the answer rests on. '
      + 'If the passages do not answer the question, say so and cite nothing.',
    prompt: `Passages:\n${numbered || '(none)'}\n\nQuestion: ${question}`,
  };
}

export function composePrompt(request: ComposeRequest): { instructions: string; messages: ChatMessage[] } {
  const facts = request.facts && Object.keys(request.facts).length > 0 ? `\nFacts: ${JSON.stringify(request.facts)}` : '';
  return {
    instructions: `Rewrite the draft so it reads well for its purpose: ${request.purpose}. Keep every fact, number, name, date and link exactly; `
      + 'add no facts, promises or questions that are not in the draft. Reply with the rewritten text only.',
    messages: [...(request.history ?? []), { role: 'user', content: `Draft:\n${request.draft}${facts}` }],
  };
}

/** Numbers in a text, written one way ("10,000" and "10000", "2.40" and "2.4" are the same fact). */
export function numbersIn(text: string): Set<string> {
  return new Set([...text.matchAll(/\d[\d,.]*\d|\d/g)].map((m) => {
    const plain = m[0].replace(/,/g, '');
    return plain.includes('.') ? plain.replace(/0+$/, '').replace(/\.$/, '') : plain;
  }));
}

/** One-click next steps after a reply, by the intent it answered. */
const byIntent: Record<string, string[]> = {
  greeting: ['What can you do?', 'Summarise where we are'],
  smalltalk: ['Summarise where we are', 'What should we do next?'],
  help: ['Summarise where we are', 'What do our documents say about pricing?'],
  question: ['Where in the documents is that?', 'Summarise where we are'],
  describe_product: ['Here are the dimensions and materials', 'Summarise where we are'],
  provide_spec: ['Summarise where we are', 'What else do you need from me?'],
  status: ['What should we do next?', 'What do our documents say?'],
};
const fallback = ['Summarise where we are', 'What can you do?'];

export function suggestedRepliesFor(intent: string): string[] {
  return byIntent[intent] ?? fallback;
}

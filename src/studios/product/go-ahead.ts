import type { IntentOption } from '../../models/index.ts';
import { intentOption } from '../../models/index.ts';
import type { ProductTurn } from './product-turn.ts';

const yes = /^\s*(yes|yeah|yep|yup|sure|ok(ay)?|go ahead|please do|do it|let'?s (go|do it|start)|sounds good|absolutely|of course|proceed|great)\b/i;
const goOn = /\b(go ahead|go for it|proceed|draw (it|them|something|some)|sketch|start designing|let'?s see (them|it|some))\b/i;
const no = /^\s*(no|nope|not yet|wait|hold on|don'?t|stop)\b/i;
const permissionOptions: IntentOption[] = [intentOption('approve'), intentOption('modify_design'), intentOption('request_variations'), intentOption('reject_or_change'), intentOption('question')];

/** Whether a message gives the go-ahead to a proposal ("Yes, but make them more minimalist" does). */
export async function isGoAhead(t: ProductTurn, text: string): Promise<boolean> {
  if (goOn.test(text)) return true;
  if (no.test(text)) return false;
  if (yes.test(text)) return true;
  const { value } = await t.turn.models.classifyIntent(text, permissionOptions);
  return ['approve', 'modify_design', 'request_variations'].includes(value.intent) && value.confidence >= 0.5;
}

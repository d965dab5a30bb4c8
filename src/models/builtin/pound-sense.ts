const moneyCues = /\b(?:budget|cost|costs|price|priced|pricing|pay|paid|spend|spent|sterling|quote|quoted|charge|fee|worth|cheap|expensive|retail|sell|sold|margin|afford)\b|£/i;
const weightCues = /\b(?:weigh|weighs|weighing|weight|heavy|heavier|light|lighter|load|mass|payload|carry)\b/i;

/** Whether "pounds" near `index` means sterling rather than weight, judged by the words around it. */
export function poundsMeanMoney(text: string, index: number): boolean {
  const window = text.slice(Math.max(0, index - 30), index + 25);
  return moneyCues.test(window) && !weightCues.test(window);
}

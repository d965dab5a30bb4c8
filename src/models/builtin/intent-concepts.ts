/**
 * Word classes of project conversations. A word of a class also counts as the class ("shrink" and
 * "enlarge" both as #resize), so an utterance using a word no example used still matches the
 * option whose examples use its neighbours. Keys are lemmas.
 */
const classes: Record<string, string> = {
  greet: 'hi hello hey hiya howdy greetings greeting morning afternoon evening yo hallo heya',
  thank: 'thanks thank cheers appreciate appreciated grateful kudos',
  laugh: 'lol haha hehe lmao rofl',
  praise: 'awesome great nice amazing brilliant lovely cool fantastic wonderful excellent lifesaver superb',
  farewell: 'bye goodbye farewell later cya tomorrow',
  help: 'help guide explain tutorial instruction manual documentation doc feature capability capable able command function walk',
  create: 'create make design produce develop build launch invent prototype craft',
  idea: 'idea plan thinking vision line collection range startup business company shop store brand café cafe',
  specify: 'material fabric size dimension weight quantity color colour finish packaging thickness width height length diameter capacity volume moq budget price target spec specification deadline coating texture gsm thick wide tall long hold weigh measure fit compatible',
  element: 'logo font text typeface lettering tagline slogan icon background pattern print graphic layout stripe border shape edge corner handle strap pocket lid label artwork illustration sleeve button',
  edit: 'change move shift resize shrink enlarge increase decrease reduce remove delete swap replace round rotate flip center centre align adjust tweak darken lighten put place rid modify alter switch make',
  position: 'left right top bottom center centre middle corner side front back above below under',
  size: 'big small large tiny huge thick thin long short wide narrow heavy light bold dark bright subtle minimal minimalist',
  alternative: 'option alternative variation version concept direction style colorway colourway variant iteration mockup different other else another explore try several',
  approve: 'approve approval approved perfect love great good happy fine proceed lock finalize finalise sign confirm yes yep yeah ok okay agree agreed exactly ideal go',
  reject: 'wrong bad cheap ugly hate dislike redo rework revise revisit convince awful terrible no nope nah disappoint unhappy worse off',
  progress: 'status update progress next stage step far done left missing remain remaining pending outstanding finish complete wait recap summary summarise summarize stand news catch remind decide timeline schedule happen',
  source: 'supplier factory manufacturer vendor maker producer manufacture source sourcing outsource',
  quote: 'quote quotation rfq bid tender pricing offer',
  file: 'file pdf image photo picture pic screenshot sketch attachment document dieline cad drawing deck guideline book board moodboard reference inspiration pack jpg png svg',
  attach: 'upload attach attached send share drop add include enclose paste uploaded',
  stop: 'stop cancel abort halt pause quit scrap forget never mind undo terminate kill bother',
};

export const conceptOf: ReadonlyMap<string, string[]> = (() => {
  const map = new Map<string, string[]>();
  for (const [concept, words] of Object.entries(classes)) {
    for (const w of words.split(' ')) map.set(w, [...(map.get(w) ?? []), concept]);
  }
  return map;
})();

/** The DPG lifecycle of the seed; `approved` is locked. */
export const dpgStages = ['ignition', 'context_synthesized', 'designing', 'specifying', 'reviewed', 'approved'] as const;
export type DpgStage = (typeof dpgStages)[number];

/** The moves allowed from each stage: forward one step, or back to rework a finished spec. */
const transitions: Record<DpgStage, readonly DpgStage[]> = {
  ignition: ['context_synthesized'],
  context_synthesized: ['designing'],
  designing: ['specifying'],
  specifying: ['reviewed', 'designing'],
  reviewed: ['approved', 'specifying', 'designing'],
  approved: [],
};

export function canMove(from: DpgStage, to: DpgStage): boolean {
  return transitions[from].includes(to);
}

export const stageLabels: Record<DpgStage, string> = {
  ignition: 'Ignition',
  context_synthesized: 'Context synthesized',
  designing: 'Designing',
  specifying: 'Specifying',
  reviewed: 'Reviewed',
  approved: 'Approved',
};

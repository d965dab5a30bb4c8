import { VisuallyHidden } from '@mantine/core';
import type { DpgStage } from '../product-api-types.ts';
import { dpgStageLabels, dpgStageOrder } from '../product-labels.ts';
import { IconCheck } from './icons.tsx';

/** The genome's lifecycle as an ordered list: stages done, the current one (aria-current), the ones ahead. */
export function ProductStageStepper({ stage }: { stage: DpgStage }) {
  const current = dpgStageOrder.indexOf(stage);
  return (
    <ol className="product-stepper" aria-label="Genome stage" data-testid="genome-stage" data-stage={stage}>
      {dpgStageOrder.map((s, i) => {
        const state = i < current ? 'done' : i === current ? 'current' : 'ahead';
        return (
          <li key={s} className="product-step" data-state={state} aria-current={state === 'current' ? 'step' : undefined}>
            <span className="product-step-dot" aria-hidden="true">{state === 'done' ? <IconCheck size={12} /> : i + 1}</span>
            <span className="product-step-label">
              {dpgStageLabels[s]}
              {state === 'done' && <VisuallyHidden component="span"> (done)</VisuallyHidden>}
              {state === 'current' && <VisuallyHidden component="span"> (current stage)</VisuallyHidden>}
            </span>
          </li>
        );
      })}
    </ol>
  );
}

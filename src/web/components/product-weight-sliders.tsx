import { Button, Group, SegmentedControl, SimpleGrid, Slider, Stack, Text } from '@mantine/core';
import { weightPercents } from '../format/product-weights.ts';
import type { AnalysisMethod, Weights } from '../product-api-types.ts';
import { criterionLabels, criterionOrder, defaultWeights } from '../product-labels.ts';

/** The ranking's method (weighted sum or TOPSIS) and the four criterion weights, each shown as its share of the total. */
export function ProductWeightSliders({ method, weights, onMethod, onWeights }: {
  method: AnalysisMethod;
  weights: Weights;
  onMethod: (method: AnalysisMethod) => void;
  onWeights: (weights: Weights) => void;
}) {
  const percents = weightPercents(weights);
  return (
    <Stack gap="sm" data-testid="analysis-controls">
      <Group gap="sm" align="center" wrap="wrap">
        <Text size="sm" fw={500} id="analysis-method-label">Method</Text>
        <SegmentedControl
          aria-labelledby="analysis-method-label" data-testid="analysis-method" value={method}
          onChange={(value) => onMethod(value === 'topsis' ? 'topsis' : 'weighted')}
          data={[{ value: 'weighted', label: 'Weighted score' }, { value: 'topsis', label: 'TOPSIS' }]}
        />
        <Button
          variant="subtle" size="compact-sm" data-testid="analysis-weights-reset"
          onClick={() => onWeights(Object.fromEntries(criterionOrder.map((c) => [c, Math.round(defaultWeights[c] * 100)])) as Weights)}
        >
          Reset weights
        </Button>
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="lg">
        {criterionOrder.map((c) => (
          <div key={c}>
            <Group justify="space-between" gap={4}>
              <Text size="sm" fw={500} id={`weight-${c}-label`}>{criterionLabels[c]}</Text>
              <Text size="sm" c="dimmed" data-testid={`weight-${c}-share`}>{percents[c]}%</Text>
            </Group>
            <Slider
              min={0} max={100} step={5} value={weights[c]} onChange={(value) => onWeights({ ...weights, [c]: value })}
              thumbLabel={`${criterionLabels[c]} weight`} label={(v) => `${v}`} data-testid={`weight-${c}`}
            />
          </div>
        ))}
      </SimpleGrid>
      <Text size="xs" c="dimmed">Weights are relative: they are scaled to add up to 100%. All at zero weighs every criterion equally.</Text>
    </Stack>
  );
}

import jsonata from 'jsonata';
import type { z } from 'zod';
import {
  nodeTypes, workflowDefinitionSchema, workflowEdgeSchema, workflowNodeSchema,
  type NodeType, type TaskSpec, type WorkflowDefinition, type WorkflowEdge, type WorkflowNode,
} from './workflow-definition.ts';
import { createWorkflowGraph, findCycles, reachableFrom } from './workflow-graph.ts';

/**
 * Validation of workflow definitions: the schema, the graph, every expression and every
 * reference to a tool or credential. Pure, and it reports every problem it finds at once, each
 * anchored to a node or edge so the canvas can mark it.
 */

export const problemCodes = [
  'INVALID_DEFINITION', 'INVALID_CONFIG', 'DUPLICATE_NODE_ID', 'DANGLING_EDGE', 'CYCLE', 'NO_TRIGGER',
  'MULTIPLE_TRIGGERS', 'UNREACHABLE', 'TRIGGER_HAS_INPUTS', 'BRANCH_INVALID', 'CONDITION_WITHOUT_BRANCHES',
  'JOIN_WITHOUT_INPUTS', 'OUTPUT_HAS_SUCCESSORS', 'INVALID_EXPRESSION', 'UNKNOWN_TOOL', 'MISSING_CREDENTIAL',
] as const;
export type WorkflowProblemCode = (typeof problemCodes)[number];
export type ProblemPath = (string | number)[];

export interface WorkflowProblem {
  code: WorkflowProblemCode;
  message: string;
  nodeId?: string;
  edgeIndex?: number;
  /** Location in the submitted document, e.g. `['nodes', 3, 'config', 'tool']`. */
  path?: ProblemPath;
  /** CYCLE: every node on the cycle, in definition order. */
  nodeIds?: string[];
  /** INVALID_EXPRESSION: character offset JSONata reported within the expression. */
  position?: number;
}

export interface ValidationDeps {
  /** Registered tool names, or a predicate answering whether a name is registered. */
  tools: ReadonlySet<string> | ((name: string) => boolean);
  /** Names of the workspace's credentials. */
  credentials: Pick<ReadonlySet<string>, 'has'>;
}

export type WorkflowValidation = { ok: true; definition: WorkflowDefinition } | { ok: false; problems: WorkflowProblem[] };


/** A node or edge whose endpoints could be read, even if the rest of it is invalid. */
interface ReadableNode { index: number; id: string; type: NodeType | undefined; node: WorkflowNode | undefined }
interface ReadableEdge { index: number; from: string; to: string; branch: unknown; edge: WorkflowEdge | undefined }

/**
 * @example
 * const result = validateWorkflow(body, { tools: registry.has, credentials: new Set(['crm']) });
 * if (!result.ok) throw new WorkflowInvalidError({ problems: result.problems });
 */
export function validateWorkflow(raw: unknown, deps: ValidationDeps): WorkflowValidation {
  const parsed = workflowDefinitionSchema.safeParse(raw);
  const problems = parsed.success ? [] : parsed.error.issues.map((issue) => issueProblem(issue, raw));
  const { nodes, edges } = parsed.success ? readParsed(parsed.data) : readRaw(raw);
  problems.push(...graphProblems(nodes, edges));
  const tools = deps.tools;
  const refs: References = { hasTool: typeof tools === 'function' ? tools : (name) => tools.has(name), credentials: deps.credentials };
  for (const node of nodes) if (node.node !== undefined) problems.push(...nodeFieldProblems(node.index, node.node, refs));
  for (const edge of edges) if (edge.edge !== undefined) problems.push(...edgeExpressionProblems(edge.index, edge.edge));
  if (parsed.success && problems.length === 0) return { ok: true, definition: parsed.data };
  return { ok: false, problems: problems.sort((a, b) => compareKeys(sortKey(a), sortKey(b))) };
}

function readParsed(definition: WorkflowDefinition): { nodes: ReadableNode[]; edges: ReadableEdge[] } {
  return {
    nodes: definition.nodes.map((node, index) => ({ index, id: node.id, type: node.type, node })),
    edges: definition.edges.map((edge, index) => ({ index, from: edge.from, to: edge.to, branch: edge.branch, edge })),
  };
}

function readRaw(raw: unknown): { nodes: ReadableNode[]; edges: ReadableEdge[] } {
  const nodes: ReadableNode[] = [];
  const edges: ReadableEdge[] = [];
  const doc = isRecord(raw) ? raw : {};
  listOf(doc['nodes']).forEach((item, index) => {
    if (!isRecord(item) || typeof item['id'] !== 'string') return;
    const type = nodeTypes.find((t) => t === item['type']);
    nodes.push({ index, id: item['id'], type, node: workflowNodeSchema.safeParse(item).data });
  });
  listOf(doc['edges']).forEach((item, index) => {
    if (!isRecord(item) || typeof item['from'] !== 'string' || typeof item['to'] !== 'string') return;
    edges.push({ index, from: item['from'], to: item['to'], branch: item['branch'], edge: workflowEdgeSchema.safeParse(item).data });
  });
  return { nodes, edges };
}

function issueProblem(issue: z.core.$ZodIssue, raw: unknown): WorkflowProblem {
  const path = issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key));
  const message = issue.code === 'invalid_union' && issue.errors.length > 0
    ? `${issue.message}: ${issue.errors.map((alt) => alt.map((i) => `${i.path.join('.')}: ${i.message}`).join(', ')).join('; or ')}`
    : issue.message;
  const [section, index, ...rest] = path;
  const where = rest.length > 0 ? `${rest.join('.')}: ` : '';
  if (section === 'nodes' && typeof index === 'number') {
    const rawId = listOf(isRecord(raw) ? raw['nodes'] : undefined)[index];
    const nodeId = isRecord(rawId) && typeof rawId['id'] === 'string' ? rawId['id'] : undefined;
    const label = nodeId === undefined ? `Node ${index}` : `Node "${nodeId}"`;
    return { code: 'INVALID_CONFIG', message: `${label}: ${where}${message}`, ...(nodeId === undefined ? {} : { nodeId }), path };
  }
  if (section === 'edges' && typeof index === 'number') {
    return { code: 'INVALID_DEFINITION', message: `Edge ${index}: ${where}${message}`, edgeIndex: index, path };
  }
  return { code: 'INVALID_DEFINITION', message: path.length > 0 ? `${path.join('.')}: ${message}` : message, path };
}

function graphProblems(nodes: ReadableNode[], edges: ReadableEdge[]): WorkflowProblem[] {
  const problems: WorkflowProblem[] = [];
  const byId = new Map<string, ReadableNode>();
  for (const node of nodes) {
    const first = byId.get(node.id);
    if (first === undefined) byId.set(node.id, node);
    else problems.push({ code: 'DUPLICATE_NODE_ID', message: `Node id "${node.id}" is already used by node ${first.index}.`, nodeId: node.id, path: ['nodes', node.index, 'id'] });
  }
  const unique = [...byId.values()];
  const at = (node: ReadableNode): Pick<WorkflowProblem, 'nodeId' | 'path'> => ({ nodeId: node.id, path: ['nodes', node.index] });

  for (const edge of edges) problems.push(...edgeProblems(edge, byId));

  const graph = createWorkflowGraph({ nodeIds: unique.map((n) => n.id), edges });
  const [trigger, ...extraTriggers] = unique.filter((n) => n.type === 'trigger');
  if (trigger === undefined && unique.length > 0) {
    problems.push({ code: 'NO_TRIGGER', message: 'The workflow needs exactly one trigger node; it has none.', path: ['nodes'] });
  }
  for (const extra of extraTriggers) {
    problems.push({ code: 'MULTIPLE_TRIGGERS', message: `Node "${extra.id}" is a second trigger; "${trigger?.id}" is already the workflow's trigger.`, ...at(extra) });
  }
  if (trigger !== undefined) {
    const reachable = reachableFrom(graph, trigger.id);
    for (const node of unique) {
      if (!reachable.has(node.id) && node.type !== 'trigger') problems.push({ code: 'UNREACHABLE', message: `Node "${node.id}" cannot be reached from the trigger "${trigger.id}".`, ...at(node) });
    }
  }
  for (const cycle of findCycles(graph)) {
    const first = byId.get(cycle[0] ?? '');
    if (first === undefined) continue;
    problems.push({ code: 'CYCLE', message: `Nodes ${cycle.map((id) => `"${id}"`).join(', ')} form a cycle; only a map node may repeat work.`, ...at(first), nodeIds: cycle });
  }
  for (const node of unique) {
    if (node.type === 'condition' && (graph.successors.get(node.id)?.length ?? 0) === 0) {
      problems.push({ code: 'CONDITION_WITHOUT_BRANCHES', message: `Condition "${node.id}" has no outgoing edge.`, ...at(node) });
    }
    const inputs = graph.predecessors.get(node.id)?.length ?? 0;
    if (node.type === 'join' && inputs < 2) {
      problems.push({ code: 'JOIN_WITHOUT_INPUTS', message: `Join "${node.id}" has ${inputs} incoming edge(s); it needs at least 2.`, ...at(node) });
    }
  }
  return problems;
}

function edgeProblems(edge: ReadableEdge, byId: ReadonlyMap<string, ReadableNode>): WorkflowProblem[] {
  const problems: WorkflowProblem[] = [];
  const at = { edgeIndex: edge.index };
  const source = byId.get(edge.from);
  const target = byId.get(edge.to);
  if (source === undefined) problems.push({ code: 'DANGLING_EDGE', message: `Edge ${edge.index} starts at "${edge.from}", which is not a node.`, ...at, path: ['edges', edge.index, 'from'] });
  if (target === undefined) problems.push({ code: 'DANGLING_EDGE', message: `Edge ${edge.index} ends at "${edge.to}", which is not a node.`, ...at, path: ['edges', edge.index, 'to'] });
  if (target?.type === 'trigger') {
    problems.push({ code: 'TRIGGER_HAS_INPUTS', message: `Edge ${edge.index} leads into the trigger "${target.id}"; a trigger has no inputs.`, ...at, nodeId: target.id, path: ['edges', edge.index, 'to'] });
  }
  if (source?.type === 'output') {
    problems.push({ code: 'OUTPUT_HAS_SUCCESSORS', message: `Edge ${edge.index} leaves the output "${source.id}"; an output ends its branch.`, ...at, nodeId: source.id, path: ['edges', edge.index, 'from'] });
  }
  const branchMessage = source === undefined ? undefined : branchError(edge.branch, source);
  if (branchMessage !== undefined && source !== undefined) {
    problems.push({ code: 'BRANCH_INVALID', message: `Edge ${edge.index} from "${source.id}": ${branchMessage}`, ...at, nodeId: source.id, path: ['edges', edge.index, 'branch'] });
  }
  return problems;
}

/** Why `branch` cannot label an edge leaving `source`, or undefined when it can. */
function branchError(branch: unknown, source: ReadableNode): string | undefined {
  if (source.type !== 'condition') {
    return branch === undefined || source.type === undefined ? undefined : `only edges leaving a condition take a branch ("${String(branch)}" given).`;
  }
  if (source.node?.type !== 'condition') return undefined;
  const config = source.node.config;
  const allowed = config.mode === 'if' ? ['true', 'false'] : [...config.cases, 'default'];
  if (typeof branch === 'string' && allowed.includes(branch)) return undefined;
  const expected = allowed.map((b) => `"${b}"`).join(', ');
  return branch === undefined ? `an edge leaving a condition needs a branch (one of ${expected}).` : `branch "${String(branch)}" is not one of ${expected}.`;
}

type ExpressionField = [path: ProblemPath, expression: string];
interface ToolUse { path: ProblemPath; tool: string; credential?: string | undefined }

interface References { hasTool: (name: string) => boolean; credentials: Pick<ReadonlySet<string>, 'has'> }

function nodeFieldProblems(index: number, node: WorkflowNode, refs: References): WorkflowProblem[] {
  const problems: WorkflowProblem[] = [];
  const base: ProblemPath = ['nodes', index];
  const compensation = node.policies.compensation;
  const fields = [...nodeExpressions(node), ...(compensation === undefined ? [] : taskExpressions(compensation, ['policies', 'compensation']))];
  for (const [path, expression] of fields) {
    const problem = expressionProblem(expression, [...base, ...path], `Node "${node.id}" ${path.join('.')}`);
    if (problem !== undefined) problems.push({ ...problem, nodeId: node.id });
  }
  const uses: ToolUse[] = [];
  if (node.type === 'action') uses.push({ path: ['config'], ...node.config });
  if (node.type === 'map' && node.config.task.type === 'action') uses.push({ path: ['config', 'task', 'config'], ...node.config.task.config });
  if (compensation?.type === 'action') uses.push({ path: ['policies', 'compensation', 'config'], ...compensation.config });
  for (const use of uses) {
    const where = `Node "${node.id}" ${[...use.path, 'tool'].join('.')}`;
    if (!refs.hasTool(use.tool)) {
      problems.push({ code: 'UNKNOWN_TOOL', message: `${where}: no tool named "${use.tool}" is registered.`, nodeId: node.id, path: [...base, ...use.path, 'tool'] });
    }
    if (use.credential !== undefined && !refs.credentials.has(use.credential)) {
      problems.push({ code: 'MISSING_CREDENTIAL', message: `Node "${node.id}": the workspace has no credential named "${use.credential}".`, nodeId: node.id, path: [...base, ...use.path, 'credential'] });
    }
  }
  return problems;
}

function nodeExpressions(node: WorkflowNode): ExpressionField[] {
  switch (node.type) {
    case 'condition': return [[['config', 'expression'], node.config.expression]];
    case 'map': return [[['config', 'items'], node.config.items], ...taskExpressions(node.config.task, ['config', 'task'])];
    case 'wait': return 'until' in node.config ? [[['config', 'until'], node.config.until]] : [];
    case 'approval': return [[['config', 'message'], node.config.message]];
    case 'model': return [[['config', 'prompt'], node.config.prompt]];
    case 'output': return [[['config', 'value'], node.config.value]];
    case 'action':
    case 'subworkflow': return mappingExpressions(node.config.input, ['config', 'input']);
    default: return [];
  }
}

function taskExpressions(task: TaskSpec, at: ProblemPath): ExpressionField[] {
  return task.type === 'model'
    ? [[[...at, 'config', 'prompt'], task.config.prompt]]
    : mappingExpressions(task.config.input, [...at, 'config', 'input']);
}

function mappingExpressions(mapping: Record<string, string>, at: ProblemPath): ExpressionField[] {
  return Object.entries(mapping).map(([name, expression]) => [[...at, name], expression]);
}

function edgeExpressionProblems(index: number, edge: WorkflowEdge): WorkflowProblem[] {
  const fields: ExpressionField[] = [
    ...(edge.condition === undefined ? [] : [[['condition'], edge.condition] satisfies ExpressionField]),
    ...mappingExpressions(edge.mapping ?? {}, ['mapping']),
  ];
  return fields.flatMap(([path, expression]) => {
    const problem = expressionProblem(expression, ['edges', index, ...path], `Edge ${index} ${path.join('.')}`);
    return problem === undefined ? [] : [{ ...problem, edgeIndex: index }];
  });
}

/** Parses, never evaluates: a syntax check that cannot run user code. */
function expressionProblem(expression: string, path: ProblemPath, where: string): WorkflowProblem | undefined {
  try {
    jsonata(expression);
    return undefined;
  } catch (error) {
    const detail = isRecord(error) ? error : {};
    const reason = typeof detail['message'] === 'string' ? detail['message'] : String(error);
    const position = typeof detail['position'] === 'number' ? detail['position'] : undefined;
    const at = position === undefined ? '' : ` at position ${position}`;
    return { code: 'INVALID_EXPRESSION', message: `${where}: invalid expression${at}: ${reason}`, path, ...(position === undefined ? {} : { position }) };
  }
}

/** Definition-wide problems first, then by node, then by edge; ties keep their order. */
function sortKey(problem: WorkflowProblem): [number, number] {
  const [section, index] = problem.path ?? [];
  if (typeof index === 'number' && section === 'nodes') return [1, index];
  if (typeof index === 'number' && section === 'edges') return [2, index];
  return [0, 0];
}

function compareKeys(a: [number, number], b: [number, number]): number {
  return a[0] - b[0] || a[1] - b[1];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function listOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

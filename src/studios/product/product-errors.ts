import { ConflictError, FoundryError, NotFoundError } from '../../kernel/index.ts';
import { stageLabels, type DpgStage } from './dpg-stages.ts';

export class DpgNotFoundError extends NotFoundError {
  constructor(message = 'No such Digital Product Genome in this workspace.') { super({ code: 'DPG_NOT_FOUND', message }); }
}

/** A change the lifecycle does not allow from the DPG's current stage. */
export class DpgStageError extends ConflictError {
  constructor(code: 'DPG_NOT_REVIEWED' | 'DPG_NOT_APPROVED' | 'DPG_LOCKED' | 'DPG_STAGE_INVALID', stage: DpgStage, message: string) {
    super({ code, message: `${message} It is ${stageLabels[stage].toLowerCase()}.`, details: { stage } });
  }
}

export class RfqNotFoundError extends NotFoundError {
  constructor() { super({ code: 'RFQ_NOT_FOUND', message: 'No such RFQ in this workspace.' }); }
}

export class AssetNotFoundError extends NotFoundError {
  constructor() { super({ code: 'ASSET_NOT_FOUND', message: 'No such visual asset in this workspace.' }); }
}

export class ProductStudioOnlyError extends FoundryError {
  constructor() { super({ code: 'NOT_A_PRODUCT_PROJECT', status: 409, message: 'This works only in product studio projects.' }); }
}

export { createComponent, createComponentInTx, deleteComponent, listComponentPlans, updateComponent } from './component-plans.service.js';
export { findPlanByNumber, listFollowedPlanRows, listLivePlanRows, loadLivePlan, loadReferenceRows, sameNumber } from './plans.repo.js';
export { createPlan, createPlanInTx, deletePlan, updatePlan, type PlanWrite } from './plans.service.js';
export type { ComponentPlansTable, PlanReferencesTable, PlansTable } from './plan-documents.tables.js';

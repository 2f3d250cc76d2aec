export * from './tab-api.js';
export * from './rights.js';
export * from './plan-header.js';
export * from './plan-view.js';
export * from './dashboard.js';
export * from './my-actions.js';
export * from './action-detail.js';

export * from './accounts';
export * from './catalog';
export * from './customers';
export * from './checkout';
export * from './payments';
export * from './events';
export * from './emails';
export * from './dashboard';

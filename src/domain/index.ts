// The domain layer: pure checks and lists, importing nothing else from the application.
export * from './result';
export * from './typed';
export * from './siren';
export * from './phone';
export * from './postal';
export * from './iban';
export * from './countries';
export * from './amount';
export * from './web-address';
export * from './lists';

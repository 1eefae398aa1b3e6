export * from './photo-query';
export * from './library-api';
export * from './display-api';
export * from './nothing-found';
export * from './provenance';

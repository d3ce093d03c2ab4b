export * from './receiver';
export * from './wait-until';

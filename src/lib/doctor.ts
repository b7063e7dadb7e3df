/** The config doctor's public API; the stages live in src/lib/doctor/ (see its index.ts). */
export * from './doctor/index.ts';

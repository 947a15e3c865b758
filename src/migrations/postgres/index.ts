import * as migration_20261127_091025_initial from './20261127_091025_initial';

export const migrations = [
  {
    up: migration_20261127_091025_initial.up,
    down: migration_20261127_091025_initial.down,
    name: '20261127_091025_initial'
  },
];

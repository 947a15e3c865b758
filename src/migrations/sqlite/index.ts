import * as migration_20261127_091020_initial from './20261127_091020_initial';

export const migrations = [
  {
    up: migration_20261127_091020_initial.up,
    down: migration_20261127_091020_initial.down,
    name: '20261127_091020_initial'
  },
];
